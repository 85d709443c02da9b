// Embeds as bloggers make them: one chart or the whole view, compact, in host pages on another
// origin that carry nothing of ours but the frame, and resize it with the protocol they already
// run: the real pym.js from npm, a Flourish/embed.ly-style iframe.resize listener, Datawrapper's
// listener, or our own snippet. The frame ends exactly as tall as its content, at 375 and
// 760 px, and again after a change inside the frame.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { useSite, closeClean, axeViolations, VOCAB, DRAWN, CHARTS as DRAWN_CHARTS, chartOf, bySlug, pixel, stalled } from "./helpers.mjs";
import { startServer } from "../serve.mjs";
import { openPage } from "../browser.mjs";

const site = useSite();
const PYM = await readFile(new URL("../node_modules/pym.js/dist/pym.v1.min.js", import.meta.url), "utf8");
// The article's charts, by their names in links; the one with the most figures, and the last.
const CHARTS = DRAWN_CHARTS.map((c) => c.slug);
const BIGGEST = DRAWN_CHARTS.reduce((a, b) => (b.figures.length > a.figures.length ? b : a)).slug;
const LAST = CHARTS.at(-1);

/** A host page for `protocol`, with the embed of `src`: nothing of ours but the address. */
function hostPage(protocol, src, sandbox = "") {
  const frame = `<iframe id="frame" src="${src}" title="A chart" width="100%" height="150" frameborder="0" ${sandbox}></iframe>`;
  const body = {
    pym: `<div id="c"></div><script src="/pym.v1.min.js"></script><script>new pym.Parent("c", ${JSON.stringify(src)}, { title: "A chart" });</script>`,
    // As embed.ly's and Storybook's parents do: the frame whose address the message names.
    "iframe.resize by src": `${frame}<script>
      addEventListener("message", function (e) {
        var d; try { d = typeof e.data === "string" ? JSON.parse(e.data) : null; } catch (x) { return; }
        var f = document.getElementById("frame");
        if (d && d.context === "iframe.resize" && d.src === f.src) f.height = d.height;
      });</script>`,
    "iframe.resize": `${frame}<script>
      addEventListener("message", function (e) {
        var d; try { d = typeof e.data === "string" ? JSON.parse(e.data) : null; } catch (x) { return; }
        if (d && d.context === "iframe.resize" && e.source === document.getElementById("frame").contentWindow) document.getElementById("frame").height = d.height;
      });</script>`,
    datawrapper: `${frame.replace('id="frame"', 'id="datawrapper-chart-frontline-figures"')}<script>
      window.addEventListener("message", function (a) {
        if (void 0 !== a.data["datawrapper-height"]) for (var e in a.data["datawrapper-height"]) {
          var t = document.getElementById("datawrapper-chart-" + e);
          if (t) t.style.height = a.data["datawrapper-height"][e] + "px";
        }
      });</script>`,
  }[protocol];
  return `<!doctype html><html lang="en"><head><title>A blog</title>
    <style>body { margin: 0 } iframe { display: block; border: 0; width: 100% }</style></head>
    <body><h1>My post</h1>${body}</body></html>`;
}

async function withHost(protocol, src, width, run, sandbox = "", before = async () => {}) {
  const host = await startServer({
    root: "/nonexistent", port: 0, base: "/none/",
    extraRoutes: {
      "/blog.html": { type: "text/html", body: hostPage(protocol, src, sandbox) },
      "/pym.v1.min.js": { type: "text/javascript", body: PYM },
      "/favicon.ico": { type: "image/x-icon", body: "" },
    },
  });
  const page = await openPage(site.browser, { width, height: 900 });
  try {
    const url = host.url.replace("/none/", "/blog.html");
    assert.notEqual(new URL(url).origin, new URL(site.url).origin, "the blog is another origin");
    await before(page);
    await page.goto(url);
    await run(page);
  } finally {
    await page.context().close();
    await host.close();
  }
}

/** Measures the frame's height and `content()` every 50 ms until `settled(outer, content)`, for
 * at most 5 s; returns the last two measures (the caller asserts on them). */
async function settle(page, content, settled = (outer, inner) => Math.round(outer) === inner) {
  const frame = page.locator("iframe");
  let outer, inner;
  for (let i = 0; i < 100; i++) {
    outer = await frame.evaluate((f) => f.getBoundingClientRect().height);
    inner = await content();
    if (settled(outer, inner)) break;
    await page.waitForTimeout(50);
  }
  return [outer, inner];
}

/** Waits until the frame is as tall as the content inside it, and returns that height. */
async function fits(page) {
  const inside = page.frameLocator("iframe").locator("#app");
  await inside.locator(".app[data-ready='true']").waitFor({ timeout: 20000 });
  const [outer, content] = await settle(page, () => inside.evaluate((a) => Math.ceil(a.getBoundingClientRect().height)));
  if (Math.round(outer) === content) return content;
  assert.fail(`the frame is ${outer} px, its content ${content} px`);
}

for (const protocol of ["pym", "iframe.resize", "datawrapper"]) {
  for (const width of [375, 760]) {
    test(`a host running ${protocol} sizes one chart's frame to its content at ${width} px, and after a change inside`, async () => {
      await withHost(protocol, `${site.url}?chart=${BIGGEST}&embed=1`, width, async (page) => {
        const before = await fits(page);
        assert.ok(before > 200 && before < 1000, `${before} px`);
        // A change inside the frame: the reader opens the chart's written description.
        await page.frameLocator("iframe").getByText("Description").click();
        const after = await fits(page);
        assert.ok(after > before, `the frame grew with its content: ${before} -> ${after}`);
      });
    });
  }
}

// Before the app, or without it, the page in the frame is its prerendered figures and a note: a
// host's resize script must still give it its height, not leave it in a 150 px slit (Pym.js
// makes its frame with no height of its own).
for (const [protocol, wasm] of [["pym", "failed"], ["pym", "stalled"], ["iframe.resize", "failed"], ["datawrapper", "failed"]]) {
  test(`a host running ${protocol} sizes the frame to the page when the app's wasm has ${wasm}`, async () => {
    const held = stalled();
    await withHost(protocol, `${site.url}?chart=${BIGGEST}&embed=1`, 375, async (page) => {
      const inside = page.frameLocator("iframe");
      // The note, once it is said: "did not start" at once, "still loading" after 3 s.
      await inside.locator(".view-note").waitFor({ timeout: 10000 });
      assert.equal(await inside.locator(".app[data-ready]").count(), 0, "the app did not start");
      const [outer, content] = await settle(page, () => inside.locator("body").evaluate((b) => Math.ceil(b.getBoundingClientRect().height)));
      const last = `the frame is ${outer} px, the page in it ${content} px`;
      assert.match(last, /is (\d+) px, the page in it \1 px/);
      assert.ok(Number(last.match(/\d+/)[0]) > 400, last);
    }, "", (page) => page.route(/_bg\.wasm$/, wasm === "failed" ? (route) => route.abort() : held.answer));
    held.release();
  });
}

// A snippet's frame starts at the height the embed needs at 288 px, which is more than its page
// needs at a wide column: the fallback's messages must let it shrink, not report the frame.
test("a host's frame taller than the fallback page shrinks to it", async () => {
  const src = `${site.url}?embed=1`;
  const host = await startServer({ root: "/nonexistent", port: 0, base: "/none/", extraRoutes: {
    "/blog.html": { type: "text/html", body: hostPage("iframe.resize", src).replace('height="150"', 'height="3000"') },
  } });
  const page = await openPage(site.browser, { width: 1280, height: 900 });
  try {
    await page.route(/_bg\.wasm$/, (route) => route.abort());
    await page.goto(host.url.replace("/none/", "/blog.html"));
    const inside = page.frameLocator("iframe");
    await inside.locator(".view-note").waitFor({ timeout: 10000 });
    const [outer, content] = await settle(
      page,
      () => inside.locator("#app").evaluate((a) => Math.ceil(a.firstElementChild.scrollHeight)),
      (outer, content) => outer < 3000 && Math.abs(outer - content) <= 2,
    );
    const last = `the frame is ${outer} px, its figures and note ${content} px`;
    assert.match(last, /is (\d+) px, .* (\d+) px/);
    assert.ok(outer < 3000 && Math.abs(outer - content) <= 2, last);
  } finally {
    await page.context().close();
    await host.close();
  }
});

test("while the app loads, a host's frame does not grow for the figures kept out of sight", async () => {
  const held = stalled();
  await withHost("pym", `${site.url}?chart=${BIGGEST}&embed=1`, 375, async (page) => {
    const inside = page.frameLocator("iframe");
    await inside.locator("html.pending-embed #app .layout").waitFor({ state: "attached" });
    // Below the 3 s after which the prerendered figures show.
    await page.waitForTimeout(1500);
    assert.equal(await page.locator("iframe").evaluate((f) => f.getBoundingClientRect().height), 150, "pym's frame as it was made");
    held.release();
    const loaded = await fits(page);
    assert.ok(loaded < 1000, `${loaded} px`);
  }, "", (page) => page.route(/_bg\.wasm$/, held.answer));
});

// The Embed dialog gives one chart's page (chart/<slug>/) as the address: the messages must name
// that address, as the frame has it, for a parent that finds its frame by it.
test("a host that finds its frame by the address in iframe.resize sizes a chart's page embedded, loaded or not", async () => {
  for (const wasm of ["loaded", "failed"]) {
    await withHost("iframe.resize by src", `${site.url}chart/${BIGGEST}/?theme=light&embed=1`, 375, async (page) => {
      const inside = page.frameLocator("iframe");
      if (wasm === "loaded") await inside.locator(".app[data-ready='true']").waitFor({ timeout: 20000 });
      else await inside.locator(".view-note").waitFor({ timeout: 10000 });
      const [outer, content] = await settle(page, () => inside.locator("body").evaluate((b) => Math.ceil(b.getBoundingClientRect().height)));
      assert.match(`${wasm}: the frame is ${outer} px, the page in it ${content} px`, /is (\d+) px, the page in it \1 px/);
    }, "", (page) => (wasm === "failed" ? page.route(/_bg\.wasm$/, (route) => route.abort()) : Promise.resolve()));
  }
});

test("a Pym.js parent's own parameters are accepted silently and stay out of the links", async () => {
  await withHost("pym", `${site.url}?chart=${LAST}&embed=1`, 600, async (page) => {
    await fits(page);
    const frame = page.frameLocator("iframe");
    const src = await page.locator("iframe").getAttribute("src");
    for (const key of ["initialWidth", "childId", "parentTitle", "parentUrl"]) assert.match(src, new RegExp(`[?&]${key}=`));
    assert.equal(await frame.locator(".notice").count(), 0, "no notice");
    assert.equal(await frame.getByRole("link", { name: "Open in the full explorer" }).getAttribute("href"), "?");
  });
});

test("on a strict host (sandbox without allow-popups) the way back says how to open the explorer", async () => {
  await withHost("iframe.resize", `${site.url}?chart=${BIGGEST}&embed=1`, 600, async (page) => {
    await fits(page);
    const frame = page.frameLocator("iframe");
    await frame.getByRole("link", { name: "Open in the full explorer" }).click();
    const blocked = frame.locator(".blocked[role=status]");
    await blocked.waitFor();
    assert.match(await blocked.innerText(), /does not let it open a new tab/);
    assert.equal(await frame.getByLabel("Address of the full explorer").inputValue(), `${site.url}?`);
  }, 'sandbox="allow-scripts"');
});

// 760 px: 700 before each chart got its selection hint and its words wrapped for a 320 px
// screen with WCAG's text spacing (labels at 34 characters, sublabels and periods at 36):
// this article's tallest grew by 59 px, to 750.
test("each chart embedded alone at 600 px is a compact chart: at most 760 px with its credit and link", async () => {
  for (const chart of CHARTS) {
    const page = await site.open(`?chart=${chart}&embed=1`, { width: 600, height: 800 });
    // Compact, but never at the cost of what the chart must say: its notes (what its bars are
    // not) come on top of the budget.
    const height = await page.locator("#app").evaluate((a) => a.getBoundingClientRect().height);
    const notes = await page.locator(".chart-note").evaluateAll((ns) => ns.reduce((sum, n) => sum + n.getBoundingClientRect().height + parseFloat(getComputedStyle(n).marginBottom), 0));
    assert.ok(height - notes <= 760, `${chart}: ${height} px, of which notes ${notes} px`);
    assert.deepEqual(await page.locator("figure.chart").evaluateAll((fs) => fs.map((f) => f.dataset.chart)), [chart]);
    for (const part of ["h2.chart-title", ".legend", "svg.panel-svg", ".embed-credit", "details.description"]) {
      assert.ok((await page.locator(part).count()) > 0, `${chart}: ${part}`);
    }
    assert.equal(await page.locator(".vague, .chart-downloads, .filters").count(), 0, `${chart}: nothing else`);
    // The written summary is the charts' description and behind the disclosure.
    const described = await page.locator("svg.panel-svg").first().evaluate((s) => document.getElementById(s.getAttribute("aria-describedby")).textContent);
    assert.match(described, /^Showing \d+ figures? for /);
    await closeClean(page);
  }
  const page = await site.open("?chart=pie&embed=1");
  assert.ok((await page.locator(".notice").innerText()).includes(`chart=pie: there is no such chart; the charts are ${VOCAB.charts.map((c) => c.slug).join(", ")}`));
  await closeClean(page);
});

for (const width of [375, 760]) {
  for (const colorScheme of ["light", "dark"]) {
    test(`axe finds no violations in embeds at ${width} px, ${colorScheme}`, async () => {
      for (const query of ["?embed=1", `?chart=${CHARTS[0]}&embed=1`, `?chart=${CHARTS[1]}&embed=1&theme=dark`]) {
        const page = await site.open(query, { width, height: 900, colorScheme });
        assert.deepEqual(await axeViolations(page), [], `${query} at ${width} px, ${colorScheme}`);
        await closeClean(page);
      }
    });
  }
}

test("the Embed dialog: the whole view or one chart, a live preview at three widths with its height, Escape closes", async () => {
  // Two actors: the drawn figure's and the last other one; one chart: the drawn figure's.
  const actors = [DRAWN.actor, VOCAB.actors.findLast((a) => a.slug !== DRAWN.actor).slug];
  const inUrl = VOCAB.actors.map((a) => a.slug).filter((a) => actors.includes(a)).join(",");
  const shown = DRAWN_CHARTS.filter((c) => c.figures.some((f) => actors.includes(f.actor))).map((c) => c.slug);
  const chart = chartOf(DRAWN).slug;
  const page = await site.open(`?actors=${inUrl}`);
  const button = page.getByRole("button", { name: "Embed", exact: true });
  await button.click();
  // Right after its button in the tab order.
  await button.focus();
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.closest("#embed-panel") !== null), true, "the panel comes next");
  const code = () => page.locator("#embed-code").inputValue();
  assert.ok((await code()).includes(`?actors=${inUrl}&amp;theme=light&amp;embed=1"`), await code());
  const choices = await page.locator("input[name=embed-what]").evaluateAll((is) => is.map((i) => i.dataset.chart || "whole"));
  assert.deepEqual(choices, ["whole", ...shown]);
  await page.getByLabel(`This chart: ${bySlug("charts", chart).title}`).check();
  assert.ok((await code()).includes(`?actors=${inUrl}&amp;chart=${chart}&amp;theme=light&amp;embed=1"`), await code());
  for (const [name, width] of [["Phone (375 px)", 375], ["Wide (760 px)", 760], ["Column (600 px)", 600]]) {
    await page.getByLabel(name).check();
    const preview = page.locator(".embed-preview iframe");
    assert.equal(await preview.getAttribute("width"), String(width));
    assert.ok((await preview.getAttribute("src")).endsWith(`chart=${chart}&theme=light&embed=1`));
    await page.getByText(`At ${width} px wide, the frame will be`).waitFor();
    const said = Number((await page.locator(".embed-size").innerText()).match(/will be (\d+) px/)[1]);
    const content = await page.frameLocator(".embed-preview iframe").locator("#app").evaluate((a) => Math.ceil(a.getBoundingClientRect().height));
    assert.equal(said, content, `the height said at ${width} px is the preview's`);
    assert.equal(await preview.getAttribute("height"), String(said));
  }
  // The snippet's height is what the embed needs in the narrowest blog column.
  await page.getByText(/px tall: all the embed needs in the narrowest blog column, \d+ px/).waitFor();
  const narrow = await page.frameLocator(".embed-measure").locator("#app").evaluate((a) => Math.ceil(a.getBoundingClientRect().height));
  assert.match(await code(), new RegExp(`height="${narrow}"`), "the snippet takes the height needed in the narrowest column");
  assert.ok(narrow >= Number((await page.locator(".embed-preview iframe").getAttribute("height"))), "no wider preview needs more");
  await page.locator("#embed-code").focus();
  await page.keyboard.press("Escape");
  assert.equal(await page.locator("#embed-panel").count(), 0, "Escape closes it");
  assert.equal(await page.evaluate(() => document.activeElement.id), "embed-button", "focus goes back to its button");
  await closeClean(page);
});

test("Copy image puts the chart on the clipboard as a PNG, or says to download it", async () => {
  const page = await site.open("", { permissions: ["clipboard-read", "clipboard-write"] });
  await page.locator(`#chart-${LAST} button[data-copy='png']`).click();
  await page.locator(`#chart-${LAST} .copy-status`, { hasText: "Image copied." }).waitFor();
  const png = await page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    const blob = await item.getType("image/png");
    return [...new Uint8Array(await blob.arrayBuffer()).slice(0, 24)];
  });
  assert.deepEqual(png.slice(0, 8), [137, 80, 78, 71, 13, 10, 26, 10], "a PNG");
  assert.equal((png[16] << 24) | (png[17] << 16) | (png[18] << 8) | png[19], 1440, "twice the chart file's width");
  await closeClean(page);

  const refused = await site.open("", { initScript: () => { delete window.ClipboardItem; } });
  await refused.locator(`#chart-${LAST} button[data-copy='png']`).click();
  await refused.locator(`#chart-${LAST} .copy-status`, { hasText: "use Download PNG" }).waitFor();
  await closeClean(refused);
});

test("the Embed dialog: light by default, the colours chosen carried by the code, only charts embedded, the code before the preview", async () => {
  const page = await site.open("?view=table", { width: 375, height: 800, colorScheme: "dark" });
  await page.getByRole("button", { name: "Embed", exact: true }).click();
  const code = () => page.locator("#embed-code").inputValue();
  // Chosen on the Table tab: an embed draws charts, so the code asks for no table.
  assert.doesNotMatch(await code(), /view=/, await code());
  assert.match(await code(), /\?theme=light&amp;embed=1"/, "light unless the blogger chooses otherwise");
  assert.equal(await page.getByLabel("Every chart of this view").isChecked(), true);
  // A reader whose system is dark sees the light embed the blogger chose.
  const bg = () => page.frameLocator(".embed-preview iframe").locator(".app").evaluate((a) => getComputedStyle(a).backgroundColor);
  await page.frameLocator(".embed-preview iframe").locator(".app[data-ready='true']").waitFor();
  assert.equal(await bg(), "rgb(255, 255, 255)");
  await page.getByLabel("Dark", { exact: true }).check();
  assert.match(await code(), /\?theme=dark&amp;embed=1"/);
  await page.getByLabel("Automatic (follows the reader's system)").check();
  assert.match(await code(), /\?embed=1"/);
  // On a phone the code and its Copy button come before the preview.
  const top = (sel) => page.locator(sel).evaluate((e) => e.getBoundingClientRect().top);
  assert.ok((await top("#embed-code")) < (await top(".embed-preview")), "the code first");
  assert.ok((await top("#embed-panel button.button")) < (await top(".embed-preview")), "its Copy button too");
  await closeClean(page);
});

test("the Embed dialog's code names the selected figure only for a chart that draws it", async () => {
  const f = DRAWN;
  const page = await site.open(`?mark=${f.id}`, { width: 1280, height: 900 });
  await page.getByRole("button", { name: "Embed", exact: true }).click();
  const code = () => page.locator("#embed-code").inputValue();
  assert.match(await code(), new RegExp(`[?&;]mark=${f.id}&`), "every chart of the view, the figure among them");
  for (const chart of DRAWN_CHARTS) {
    await page.locator(`input[name=embed-what][data-chart='${chart.slug}']`).check();
    assert.equal((await code()).includes(`mark=${f.id}`), chart.figures.includes(f), `${chart.slug}: ${await code()}`);
  }
  await closeClean(page);
});

test("links inside an embed open the full explorer in a new tab and add nothing to the host's history", async () => {
  const f = DRAWN;
  await withHost("iframe.resize", `${site.url}?chart=${chartOf(f).slug}&embed=1`, 760, async (page) => {
    await fits(page);
    const frame = page.frameLocator("iframe");
    const before = await page.evaluate(() => history.length);
    await frame.locator(`g.mark[data-mark='${f.id}'] rect.hit`).click();
    const link = frame.getByRole("link", { name: "Show it in the article" });
    assert.equal(await link.getAttribute("target"), "_blank");
    const [tab] = await Promise.all([page.context().waitForEvent("page"), link.click()]);
    await tab.waitForLoadState();
    const opened = new URL(tab.url());
    assert.equal(opened.searchParams.get("view"), "article");
    assert.equal(opened.searchParams.get("mark"), f.id);
    assert.equal(opened.searchParams.get("embed"), null, "the full explorer, not another embed");
    assert.equal(await page.evaluate(() => history.length), before, "the host's history is as it was");
    assert.ok((await page.locator("iframe").getAttribute("src")).includes("embed=1"));
    assert.equal(await frame.locator("body").evaluate(() => location.search.includes("view=article")), false, "the frame stays on its chart");
    await tab.close();
  }, 'sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"');
});

test("the snippet's height shows the whole embed on a 320 px phone without any script, whatever the host's margins", async () => {
  const page = await site.open("", { width: 1280, height: 900 });
  await page.getByRole("button", { name: "Embed", exact: true }).click();
  await page.getByText(/px tall: all the embed needs in the narrowest blog column, \d+ px/).waitFor();
  const code = await page.locator("#embed-code").inputValue();
  await page.getByLabel(/Include the resize script/).uncheck();
  const bare = await page.locator("#embed-code").inputValue();
  assert.doesNotMatch(bare, /<script/, "what a CMS that strips scripts keeps");
  const height = Number(code.match(/height="(\d+)"/)[1]);
  await closeClean(page);
  // A blog on a 320 px phone: the browser's own 8 px margins (a bare page), and a theme's 16.
  for (const margin of [8, 16]) {
    const host = await startServer({ root: "/nonexistent", port: 0, base: "/none/", extraRoutes: {
      "/blog.html": { type: "text/html", body: `<!doctype html><html lang="en"><head><title>A blog</title><style>body{margin:${margin}px}</style></head><body>${bare.replace(/src="[^"?]*/, `src="${site.url}`)}</body></html>` },
    } });
    const blog = await openPage(site.browser, { width: 320, height: 900 });
    try {
      await blog.goto(host.url.replace("/none/", "/blog.html"));
      const inside = blog.frameLocator("iframe").locator("#app");
      await inside.locator(".app[data-ready='true']").waitFor({ timeout: 20000 });
      const content = await inside.evaluate((a) => Math.ceil(a.getBoundingClientRect().height));
      const width = await blog.locator("iframe").evaluate((f) => f.clientWidth);
      assert.equal(width, 320 - 2 * margin);
      assert.ok(content <= height, `the embed needs ${content} px in a ${width} px column; the snippet gives ${height}`);
      assert.equal(Number(await blog.locator("iframe").getAttribute("height")), height, "no script changed it");
    } finally {
      await blog.context().close();
      await host.close();
    }
  }
});

test("an embed keeps the colours chosen to its frame's edge, loading and loaded, whatever the reader's system", async () => {
  const chart = chartOf(DRAWN).slug;
  // A white blog without script (the frame taller than the chart at 600 px), for a reader whose
  // system is dark, and a dark embed for a reader whose system is light.
  for (const [theme, system, looks] of [["light", "dark", (l) => l > 250], ["dark", "light", (l) => l < 30]]) {
    const src = `${site.url}?chart=${chart}&theme=${theme}&embed=1`;
    const host = await startServer({ root: "/nonexistent", port: 0, base: "/none/", extraRoutes: {
      "/blog.html": { type: "text/html", body: `<!doctype html><html lang="en"><head><title>A blog</title><style>body{margin:0;background:#fff}iframe{display:block;border:0}</style></head><body><iframe src="${src}" title="A chart" width="600" height="1400"></iframe></body></html>` },
    } });
    const blog = await openPage(site.browser, { width: 600, height: 1400, colorScheme: system });
    try {
      // The wasm held back: the frame as it is while loading, then once the app runs.
      const wasm = stalled();
      await blog.route(/_bg\.wasm$/, wasm.answer);
      await blog.goto(host.url.replace("/none/", "/blog.html"));
      const inside = blog.frameLocator("iframe");
      await inside.locator("html.pending-embed #app").waitFor({ state: "attached" });
      // The frame's lightness at its bottom edge, 0 to 255.
      const edge = async () => {
        const [r, g, b] = (await pixel(blog, 300, 1390)).match(/\d+/g).map(Number);
        return (Math.min(r, g, b) + Math.max(r, g, b)) >> 1;
      };
      assert.ok(looks(await edge()), `${theme} on a ${system} system, while loading: ${await edge()}`);
      wasm.release();
      await inside.locator(".app[data-ready='true']").waitFor({ timeout: 20000 });
      const content = await inside.locator("#app").evaluate((a) => a.getBoundingClientRect().height);
      assert.ok(content < 1300, `the frame's edge is below the embed (${content} px)`);
      assert.ok(looks(await edge()), `${theme} on a ${system} system, loaded: ${await edge()}`);
    } finally {
      await blog.context().close();
      await host.close();
    }
  }
});
