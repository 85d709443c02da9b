// Share, embed and export: the URL after each kind of change, a fresh browser reproducing a view,
// back and forward, hostile URLs, a cross-origin sandboxed embed, and every download checked
// against the data.

import { test } from "node:test";
import assert from "node:assert/strict";
import { inflateSync } from "node:zlib";
import { useSite, closeClean, search, pressMark, DATA, VOCAB, DRAWN, CHARTS, chartOf, statement, bySlug, FILE_STEM, KINDS } from "./helpers.mjs";
import { startServer } from "../serve.mjs";

const site = useSite();

/** A PNG file's pixels (8-bit RGB or RGBA, not interlaced): `pixel(x, y)` gives [r, g, b, a]. */
function decodePng(buf) {
  let pos = 8, width, height, channels;
  const data = [];
  while (pos < buf.length) {
    const length = buf.readUInt32BE(pos), type = buf.toString("latin1", pos + 4, pos + 8);
    const body = buf.subarray(pos + 8, pos + 8 + length);
    if (type === "IHDR") {
      [width, height] = [body.readUInt32BE(0), body.readUInt32BE(4)];
      assert.equal(body[8], 8, "8 bits a channel");
      assert.equal(body[12], 0, "not interlaced");
      channels = { 2: 3, 6: 4 }[body[9]];
      assert.ok(channels, `colour type ${body[9]} is RGB or RGBA`);
    } else if (type === "IDAT") data.push(body);
    pos += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels, out = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)], line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? out[y * stride + i - channels] : 0;
      const b = y > 0 ? out[(y - 1) * stride + i] : 0;
      const c = i >= channels && y > 0 ? out[(y - 1) * stride + i - channels] : 0;
      const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
      const predictor = [0, a, b, (a + b) >> 1, pa <= pb && pa <= pc ? a : pb <= pc ? b : c][filter];
      out[y * stride + i] = (line[i] + predictor) & 255;
    }
  }
  return {
    width,
    height,
    pixel: (x, y) => {
      const at = (y * width + x) * channels;
      return channels === 4 ? [...out.subarray(at, at + 4)] : [...out.subarray(at, at + 3), 255];
    },
  };
}
// Expectations from the article's data: its actors (the first two, and the last), its sources.
const ACTORS = VOCAB.actors.map((a) => a.slug);
const SOURCES = VOCAB.sources.map((s) => s.slug);
const [A, B] = VOCAB.actors;
const LAST = VOCAB.actors.at(-1);
const but = (all, left) => all.filter((x) => x !== left).join(",");
const TWO = `${A.slug},${B.slug}`;
const ofTwo = (f) => f.actor === A.slug || f.actor === B.slug;

test("the first change from the arrival entry adds one, then filters, sorts and marks replace it; switching views adds one", async () => {
  const page = await site.open();
  const length = () => page.evaluate(() => history.length);
  const start = await length();
  await page.getByRole("button", { name: LAST.label, exact: true }).click();
  const actors = `?actors=${but(ACTORS, LAST.slug)}`;
  assert.equal(await search(page), actors);
  assert.equal(await length(), start + 1, "the first change from where the reader arrived adds an entry");
  await page.getByRole("button", { name: LAST.label, exact: true }).click();
  await page.getByRole("button", { name: LAST.label, exact: true }).click();
  assert.equal(await search(page), actors);
  assert.equal(await length(), start + 1, "later filter changes replace it");
  const f = DATA.figures.find((f) => f.value !== null && f.actor !== LAST.slug);
  await pressMark(page, `button.mark-button[data-mark='${f.id}']`);
  assert.equal(await search(page), `${actors}&mark=${f.id}`);
  assert.equal(await length(), start + 1);
  await page.getByRole("tab", { name: "Table" }).click();
  assert.equal(await search(page), `${actors}&view=table&mark=${f.id}`);
  assert.equal(await length(), start + 2, "a view switch adds an entry");
  await page.locator("thead button[data-column='source']").click();
  assert.equal(await search(page), `${actors}&view=table&sort=source&mark=${f.id}`);
  assert.equal(await length(), start + 2);
  await closeClean(page);
});

test("Back after changing a shared link's filters returns to the view as it was shared, its platform keys kept", async () => {
  const shared = `?actors=${TWO}&utm_source=newsletter&fbclid=IwAR0abc`;
  const page = await site.open(shared);
  const chip = (x) => page.getByRole("button", { name: x.label, exact: true });
  assert.equal(await chip(A).getAttribute("aria-pressed"), "true");
  await chip(A).click();
  await chip(B).click();
  assert.equal(await chip(A).getAttribute("aria-pressed"), "false");
  await page.goBack();
  await page.waitForFunction((q) => location.search === q, shared);
  assert.equal(await chip(A).getAttribute("aria-pressed"), "true", "the shared view is back");
  assert.equal(await chip(B).getAttribute("aria-pressed"), "true");
  assert.equal(await chip(LAST).getAttribute("aria-pressed"), String(A.slug === LAST.slug || B.slug === LAST.slug));
  // From the shared view again, the next change gets its own entry again.
  await chip(B).click();
  await page.goBack();
  await page.waitForFunction((q) => location.search === q, shared);
  assert.equal(await chip(B).getAttribute("aria-pressed"), "true");
  await closeClean(page);
});

test("a fresh browser opening a shared URL sees exactly the same view, mark included", async () => {
  const page = await site.open();
  // A source that is not the drawn figure's off, vague amounts off, and that figure's mark.
  const other = VOCAB.sources.find((s) => s.slug !== DRAWN.source);
  await page.getByRole("button", { name: other.label, exact: true }).click();
  await page.getByRole("button", { name: "Vague", exact: true }).click();
  await page.locator(`#chart-${chartOf(DRAWN).slug} g.mark[data-mark='${DRAWN.id}'] rect.hit`).click();
  const url = page.url();
  // The certainty filter's values are the kinds of hedge the article has, in their order.
  const kinds = ["exact", "approximate", "lower-bound", "upper-bound", "range"].filter((k) => DATA.figures.some((f) => f.hedge.kind === k));
  assert.ok(url.endsWith(`?sources=${but(SOURCES, other.slug)}&certainty=${kinds.join(",")}&mark=${DRAWN.id}`), url);
  const snapshot = (p) =>
    p.evaluate(() => ({
      text: document.querySelector(".views").innerText,
      pressed: [...document.querySelectorAll("[aria-pressed='true']")].map((b) => b.dataset.filter || b.dataset.mark),
      selected: [...document.querySelectorAll(".selected")].map((e) => e.dataset.mark || e.dataset.figure),
    }));
  await page.mouse.move(0, 0);
  const before = await snapshot(page);
  const fresh = await site.open(url.slice(site.url.length));
  assert.deepEqual(await snapshot(fresh), before);
  assert.ok(before.selected.includes(DRAWN.id));
  await closeClean(fresh);
  await closeClean(page);
});

test("back and forward move between views and restore them", async () => {
  const page = await site.open();
  await page.getByRole("tab", { name: "Table" }).click();
  await page.getByRole("tab", { name: "Article" }).click();
  assert.equal(await search(page), "?view=article");
  const selectedTab = () => page.locator("[role=tab][aria-selected=true]").innerText();
  await page.goBack();
  await page.waitForFunction(() => location.search === "?view=table");
  assert.equal(await selectedTab(), "Table");
  assert.equal(await page.locator("table.figures").count(), 1);
  await page.goBack();
  await page.waitForFunction(() => location.search === "");
  assert.equal(await selectedTab(), "Charts");
  assert.equal(await page.locator("figure.chart").count(), CHARTS.length);
  await page.goForward();
  await page.waitForFunction(() => location.search === "?view=table");
  assert.equal(await selectedTab(), "Table");
  await closeClean(page);
});

const HOSTILE = [
  ["?actors=%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E", "actors=<script>"],
  ["?view=%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3D1%3E", "view=<img src=x onerror"],
  ["?mark=%22%3E%3Csvg%20onload%3Dwindow.__pwned%3D1%3E", "mark="],
  ["?actors=%E0%A4%A", "not properly percent-encoded"],
  ["?view=table%ZZ", "not properly percent-encoded"],
  ["?view=table&view=article&view=timeline", "more than once"],
  [`?actors=${"x".repeat(5000)}`, "xxxxxxxx"],
  ["?sort=%00%00&theme=%F0%9F%92%A5", "sort="],
  ...["actors", "measures", "sources", "certainty", "view", "sort", "mark", "embed", "theme"].map((key) => [
    `?${key}=%22%3E%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3D1%3E`,
    `${key}=">`,
  ]),
  ["?view=..%2F..%2F..%2Fetc%2Fpasswd&mark=..%2Findex.html", "../../../etc/passwd"],
  ["?actors=%F0%9F%92%A5%F0%9F%94%A5&%E2%80%AE=1", "💥🔥"],
  [`?${Array.from({ length: 300 }, (_, i) => `actors=${A.slug}${i % 2 ? "" : `,${B.slug}`}`).join("&")}`, "more than once"],
];

for (const [query, shown] of HOSTILE) {
  test(`a hostile URL gives a safe view and a plain notice: ${query.slice(0, 60)}`, async () => {
    const page = await site.open(query);
    const notice = page.locator(".notice");
    await notice.waitFor();
    const text = await notice.innerText();
    assert.ok(text.includes(shown), `the notice says what was ignored: ${text}`);
    assert.equal(await page.evaluate(() => window.__pwned), undefined, "no script ran");
    assert.equal(await page.locator(".notice img, .notice svg, .notice script").count(), 0, "nothing from the URL became HTML");
    // The view is the default one, or the valid part of the URL.
    const views = await page.locator("[role=tab][aria-selected=true]").innerText();
    assert.ok(["Charts", "Table"].includes(views));
    assert.ok((await page.locator("g.mark, tbody tr").count()) > 0, "figures are shown");
    // The URL is rewritten to the canonical form of what was used.
    assert.ok((await search(page)).length < 40, "the bad parts leave the URL");
    await notice.getByRole("button", { name: "Dismiss" }).click();
    assert.equal(await page.locator(".notice").count(), 0);
    await closeClean(page);
  });
}

// Keys that are not ours, hostile ones too, are not ours to judge: no notice, nothing runs, and
// they stay in the address as they came, after ours.
for (const query of ["?zoom=3&__proto__=x&constructor=y", "?constructor=1&prototype=2&__proto__%5Bx%5D=3&%3Cscript%3E=%3Cimg%3E", "?source=rss&ref=homepage&actor=atlantis"]) {
  test(`keys that are not ours stay in the address, untouched and silent: ${query.slice(0, 50)}`, async () => {
    const page = await site.open(query);
    assert.equal(await page.locator(".notice").count(), 0, "no notice");
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.equal(await search(page), query);
    assert.equal(await page.locator("figure.chart").count(), CHARTS.length, "the default view");
    await closeClean(page);
  });
}

// A link written by hand with the filter's name as the page shows it ("country") or one of our
// keys an `s` off: not applied, as the key is not ours, but said, with what would apply it; the
// address keeps it as it came, beside a platform's decoration.
test("a key meant for ours is said, with the key that would apply it, and kept as it came", async () => {
  const key = VOCAB.page.actor_filter.toLowerCase();
  const query = `?${key}=${LAST.slug}&fbclid=IwAR0abc`;
  const page = await site.open(query);
  const text = await page.locator(".notice").innerText();
  assert.ok(text.includes(`${key}=${LAST.slug}: this page does not read it; actors=${LAST.slug} would apply it`), text);
  assert.equal(await page.locator("figure.chart").count(), CHARTS.length, "the default view");
  assert.equal(await search(page), query);
  await closeClean(page);
});

// Links as platforms decorate them (Facebook, newsletters, Mailchimp, ads): no notice, the view
// the link names, the decorations kept in the address after ours, and what is shared is clean.
const DECORATED = [
  ["Facebook", "fbclid=IwAR2xYz_AbC-123"],
  ["a newsletter", "utm_source=newsletter&utm_medium=email&utm_campaign=nov-18"],
  ["Mailchimp", "mc_cid=5e7f9a&mc_eid=1b2c3d4e"],
  ["an ad", "gclid=Cj0KCQiA_abc-DEF"],
];
for (const [who, decoration] of DECORATED) {
  test(`a link decorated by ${who} shows its view with no notice, keeps its decoration, and shares clean`, async () => {
    const actor = LAST.slug;
    const page = await site.open(`?${decoration}&actors=${actor}&view=table`, { permissions: ["clipboard-read", "clipboard-write"] });
    assert.equal(await page.locator(".notice").count(), 0, "no notice");
    assert.deepEqual(await page.locator("tbody tr").evaluateAll((rs) => rs.map((r) => r.dataset.figure)), DATA.figures.filter((f) => f.actor === actor).map((f) => f.id));
    assert.equal(await search(page), `?actors=${actor}&view=table&${decoration}`, "ours first, then the decoration as it came");
    // A change keeps the decoration in the address.
    await page.getByRole("tab", { name: "Charts" }).click();
    assert.equal(await search(page), `?actors=${actor}&${decoration}`);
    await page.getByRole("button", { name: "Copy link" }).click();
    await page.getByText("Link copied.").waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${site.url}?actors=${actor}`, "the shared link is clean");
    await page.getByRole("button", { name: "Embed" }).click();
    assert.doesNotMatch(await page.locator("#embed-code").inputValue(), /fbclid|utm_|mc_cid|mc_eid|gclid/);
    await closeClean(page);
  });
}

test("valid parts of a URL survive next to invalid ones", async () => {
  const page = await site.open(`?actors=${B.slug},atlantis&view=table&sort=nonsense`);
  assert.deepEqual(await page.locator("tbody tr").evaluateAll((rs) => rs.map((r) => r.dataset.figure)), DATA.figures.filter((f) => f.actor === B.slug).map((f) => f.id));
  const text = await page.locator(".notice").innerText();
  assert.ok(text.includes(`actors=${B.slug},atlantis: unknown actor`), text);
  assert.match(text, /sort=nonsense: the table can be sorted by/);
  assert.equal(await search(page), `?actors=${B.slug}&view=table`);
  await closeClean(page);
});

test("a blog on another origin embeds the view in a sandboxed iframe that reports its height", async () => {
  // The embed code comes from the app's own Embed panel.
  const page = await site.open(`?actors=${TWO}`);
  await page.getByRole("button", { name: "Embed" }).click();
  const code = await page.locator("#embed-code").inputValue();
  await closeClean(page);
  assert.match(code, new RegExp(`<iframe src="[^"]*\\?actors=${TWO}&amp;theme=light&amp;embed=1" title="${VOCAB.page.name}[^"]*" width="100%" height="\\d+" loading="lazy"`));
  assert.match(code, /e\.source/);

  const sandboxed = code.replace("<iframe ", '<iframe id="frame" sandbox="allow-scripts allow-popups" ');
  const hostHtml = `<!doctype html><html lang="en"><head><title>A blog</title></head><body>
    <main><h1>My post</h1><div id="column">${sandboxed}</div></main>
    <script>
      window.__messages = [];
      window.addEventListener("message", (e) => {
        if (e.source === document.getElementById("frame").contentWindow) window.__messages.push(e.data);
      });
    </script>
    <style>#column { width: 300px } iframe { display: block; border: 0 }</style>
  </body></html>`;
  const host = await startServer({
    root: "/nonexistent", port: 0, base: "/none/",
    extraRoutes: { "/blog.html": { type: "text/html", body: hostHtml }, "/favicon.ico": { type: "image/x-icon", body: "" } },
  });
  try {
    const { openPage } = await import("../browser.mjs");
    const hostPage = await openPage(site.browser, { width: 800, height: 900 });
    const hostUrl = host.url.replace("/none/", "/blog.html");
    assert.notEqual(new URL(hostUrl).origin, new URL(site.url).origin, "the blog is another origin");
    await hostPage.goto(hostUrl);
    await hostPage.waitForFunction(() => window.__messages.length >= 2, null, { timeout: 20000 });
    const messages = await hostPage.evaluate(() => window.__messages);
    const ours = messages.find((m) => m && m.type === "frontline-figures:height");
    const dw = messages.find((m) => m && m["datawrapper-height"]);
    assert.ok(ours && Number.isFinite(ours.height) && ours.height > 200, JSON.stringify(messages));
    assert.ok(dw && Number.isFinite(Object.values(dw["datawrapper-height"])[0]), JSON.stringify(messages));
    // The resize script sized the iframe to the content.
    await hostPage.waitForFunction(() => document.getElementById("frame").getBoundingClientRect().height > 300);
    const frameHeight = await hostPage.evaluate(() => document.getElementById("frame").getBoundingClientRect().height);
    const latest = (await hostPage.evaluate(() => window.__messages)).filter((m) => m.type).at(-1).height;
    assert.equal(Math.round(frameHeight), Math.ceil(latest));

    const frame = hostPage.frameLocator("#frame");
    const charts = await frame.locator("figure.chart").evaluateAll((fs) => fs.map((f) => f.dataset.chart));
    // Every chart with a figure of the two actors (this article: Russia's share of forces keeps
    // the North Korea chart).
    assert.deepEqual(charts, CHARTS.filter((c) => c.figures.some(ofTwo)).map((c) => c.slug));
    assert.equal(await frame.locator(".filters, [role=tablist]").count(), 0, "compact chrome");
    const link = frame.getByRole("link", { name: "Open in the full explorer" });
    assert.equal(await link.getAttribute("target"), "_blank");
    assert.equal(await link.getAttribute("href"), `?actors=${TWO}`);
    const overflow = await frame.locator("body").evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, "nothing scrolls sideways at 300 px");
    // Styles applied inside the null-origin frame (the inline stylesheet, under its hash).
    const bg = await frame.locator(".app").evaluate((a) => getComputedStyle(a).backgroundColor);
    assert.equal(bg, "rgb(255, 255, 255)");

    // A size change (the blog's column widens, text reflows) brings a new, smaller height.
    const count = (await hostPage.evaluate(() => window.__messages)).length;
    await hostPage.evaluate(() => { document.getElementById("column").style.width = "600px"; });
    await hostPage.waitForFunction((n) => window.__messages.length >= n + 2, count);
    const widened = (await hostPage.evaluate(() => window.__messages)).filter((m) => m.type).at(-1).height;
    assert.ok(widened < latest, `wider, so shorter: ${widened} < ${latest}`);
    await hostPage.waitForFunction(
      (h) => Math.round(document.getElementById("frame").getBoundingClientRect().height) === Math.ceil(h),
      widened,
    );
    assert.deepEqual(hostPage.problems, []);
    await hostPage.context().close();
  } finally {
    await host.close();
  }
});

test("the resize script ignores messages from other frames and malformed heights", async () => {
  const page = await site.open();
  await page.getByRole("button", { name: "Embed" }).click();
  const code = await page.locator("#embed-code").inputValue();
  await closeClean(page);
  const script = code.slice(code.indexOf("<script>") + 8, code.indexOf("</script>"));
  const host = await startServer({
    root: "/nonexistent", port: 0, base: "/none/",
    extraRoutes: { "/h.html": { type: "text/html", body: `<iframe id="a" data-frontline-figures height="150" srcdoc="a"></iframe><iframe id="b" height="150" srcdoc="b"></iframe><script>${script}</script>` } },
  });
  try {
    const { openPage } = await import("../browser.mjs");
    const hp = await openPage(site.browser);
    await hp.goto(host.url.replace("/none/", "/h.html"));
    const heightOf = () => hp.evaluate(() => document.getElementById("a").style.height);
    const post = (from, data) => hp.evaluate(([f, d]) => new Promise((r) => {
      document.getElementById(f).contentWindow.parent.postMessage(d, "*"); // source is the top window here
      setTimeout(r, 50);
    }), [from, data]);
    await post("a", { type: "frontline-figures:height", height: 900 }); // source: not the frame
    assert.equal(await heightOf(), "", "a message not from the frame is ignored");
    await hp.evaluate(() => new Promise((r) => {
      const w = document.getElementById("a").contentWindow;
      w.eval('parent.postMessage({type:"frontline-figures:height",height:"9e9"},"*");parent.postMessage({type:"frontline-figures:height",height:-5},"*");parent.postMessage({type:"frontline-figures:height",height:777},"*")');
      setTimeout(r, 100);
    }));
    assert.equal(await heightOf(), "777px", "only the well-formed height was taken");
    assert.equal(await hp.evaluate(() => document.getElementById("b").style.height), "", "a frame without the marker is left alone");
    await hp.context().close();
  } finally {
    await host.close();
  }
});


function parseCsv(text) {
  const rows = [];
  let row = [], field = "", quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { row.push(field); field = ""; }
    else if (c === "\r" && text[i + 1] === "\n") { row.push(field); rows.push(row); row = []; field = ""; i++; }
    else field += c;
  }
  assert.equal(field + row.join(""), "", "the file ends with CRLF");
  return rows;
}

async function download(page, click) {
  const [file] = await Promise.all([page.waitForEvent("download"), click()]);
  const stream = await file.createReadStream();
  const chunks = [];
  for await (const c of stream) chunks.push(c);
  return { name: file.suggestedFilename(), body: Buffer.concat(chunks) };
}

test("CSV and JSON downloads hold exactly the selected figures, named for the selection", async () => {
  const page = await site.open(`?actors=${TWO}`);
  const csv = await download(page, () => page.getByRole("button", { name: "Download CSV" }).click());
  assert.equal(csv.name, `${FILE_STEM}-${A.slug}-${B.slug}.csv`);
  // A byte-order mark first, so Excel reads UTF-8; a UTF-8 decoder (WHATWG's, as browsers and
  // Node use) drops it, so the first header reads "id", not "\ufeffid".
  assert.deepEqual([...csv.body.subarray(0, 3)], [0xef, 0xbb, 0xbf], "a byte-order mark");
  const rows = parseCsv(new TextDecoder("utf-8").decode(csv.body));
  // A range's other end has a column only where the article gives a range.
  const ranged = DATA.figures.some((f) => f.hedge.kind === "range");
  assert.deepEqual(rows[0], ["id", "actor", "measure", "value", ...(ranged ? ["high"] : []), "hedge", "kind", "unit", "period", "source", "quote", "not_in_article"]);
  const expected = DATA.figures.filter(ofTwo);
  assert.deepEqual(rows.slice(1).map((r) => r[0]), expected.map((f) => f.id));
  for (const row of rows.slice(1)) {
    const f = DATA.figures.find((x) => x.id === row[0]);
    // The columns as they were before "high": a range's other end is checked apart.
    const r = ranged ? [...row.slice(0, 4), ...row.slice(5)] : row;
    if (ranged) assert.equal(row[4], f.high === undefined ? "" : String(f.high), `${f.id} high`);
    assert.equal(r[3], f.value === null ? "" : String(f.value), `${f.id} value`);
    const period = f.period ? (f.worked_out ? `${f.period}, worked out as ${f.worked_out.date}` : f.period) : "";
    assert.equal(r[7], period, `${f.id} period`);
    assert.equal(r[10], f.outside ?? "", `${f.id} what is not in the article`);
    assert.equal(r[9], f.quotes.join(" | "));
    // The hedge in words (a vague amount's words after it), and its kind.
    assert.equal(r[4], f.value === null ? `vague amount: ${f.value_text}` : (f.hedge.words ?? ""), `${f.id} hedge`);
    assert.equal(r[5], KINDS[f.hedge.kind], `${f.id} kind`);
  }

  const json = await download(page, () => page.getByRole("button", { name: "Download JSON" }).click());
  assert.equal(json.name, `${FILE_STEM}-${A.slug}-${B.slug}.json`);
  const doc = JSON.parse(json.body.toString("utf8"));
  assert.equal(doc.article.title, DATA.article.title);
  assert.equal(doc.article.outlet, DATA.article.outlet ?? null, "the outlet only where the data names one");
  assert.ok(doc.view.endsWith(`?actors=${TWO}`), doc.view);
  assert.deepEqual(doc.figures.map((f) => f.id), expected.map((f) => f.id));
  for (const f of doc.figures) {
    const src = DATA.figures.find((x) => x.id === f.id);
    assert.deepEqual([f.value, f.high, f.hedge, f.source, f.unit, f.quotes], [src.value, src.high ?? null, src.hedge.kind, src.source, src.unit, src.quotes]);
  }
  await closeClean(page);

  const v = DATA.figures.find((f) => f.value === null);
  if (!v) return;
  const vague = await site.open("?certainty=vague");
  const vcsv = parseCsv(new TextDecoder("utf-8").decode((await download(vague, () => vague.getByRole("button", { name: "Download CSV" }).click())).body));
  const vrow = DATA.figures.some((f) => f.hedge.kind === "range") ? [...vcsv[1].slice(0, 4), vcsv[1][5]] : vcsv[1].slice(0, 5);
  assert.deepEqual(vrow, [v.id, bySlug("actors", v.actor).label, bySlug("measures", v.measure).label, "", `vague amount: ${v.value_text}`]);
  await closeClean(vague);
});

test("a chart downloads as a self-contained SVG and a 2x PNG", async () => {
  // The chart with the most figures.
  const chart = CHARTS.reduce((a, b) => (b.figures.length > a.figures.length ? b : a));
  const page = await site.open();
  const svg = await download(page, () => page.locator(`#chart-${chart.slug} button[data-download='svg']`).click());
  assert.equal(svg.name, `${FILE_STEM}-${chart.slug}.svg`);
  const text = svg.body.toString("utf8");
  assert.match(text, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="720" height="(\d+)"/);
  assert.doesNotMatch(text, /\sstyle=|\sclass=|href=|<script|url\((?!#)/, "no stylesheet, no external reference");
  const xml = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
  for (const label of [...chart.figures.map(statement), "Sources as the article names them: "]) {
    assert.ok(text.includes(xml(label)), label);
  }
  // It parses as an image in a plain page and keeps the honest encodings.
  const parsed = await page.evaluate((s) => {
    const doc = new DOMParser().parseFromString(s, "image/svg+xml");
    return { error: doc.querySelector("parsererror") !== null, hatched: doc.querySelectorAll("rect[fill^='url(#hatch']").length, dashed: doc.querySelectorAll("line[stroke-dasharray]").length };
  }, text);
  // An upper bound is hatched, with three dashed edges (top, bottom, its open end); a lower
  // bound's two edges run on past its value.
  const bounds = chart.figures.filter((f) => f.hedge.kind === "upper-bound").length;
  const floors = chart.figures.filter((f) => f.hedge.kind === "lower-bound").length;
  assert.deepEqual(parsed, { error: false, hatched: bounds, dashed: 3 * bounds + 2 * floors });

  const png = await download(page, () => page.locator(`#chart-${chart.slug} button[data-download='png']`).click());
  assert.equal(png.name, `${FILE_STEM}-${chart.slug}.png`);
  assert.deepEqual([...png.body.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], "a PNG file");
  const width = png.body.readUInt32BE(16), height = png.body.readUInt32BE(20);
  const svgHeight = Number(text.match(/height="(\d+)"/)[1]);
  assert.deepEqual([width, height], [1440, svgHeight * 2], "twice the SVG's size");
  // Its pixels hold the chart: where the SVG draws a bar, the PNG is not background; beside a
  // short bar's end, it is.
  const image = decodePng(png.body);
  const bars = await page.evaluate((s) => {
    const holder = document.createElement("div");
    holder.innerHTML = s.replace(/^<\?xml[^>]*>\n/, "");
    document.body.append(holder);
    const root = holder.querySelector("svg").getBoundingClientRect();
    const boxes = [...holder.querySelectorAll("g[transform] > rect:not([fill='none'])")].map((r) => {
      const b = r.getBoundingClientRect();
      return { x: b.x - root.x, y: b.y - root.y, w: b.width, h: b.height };
    });
    holder.remove();
    return boxes;
  }, text);
  assert.ok(bars.length >= chart.figures.length, `the SVG draws the bars: ${JSON.stringify(bars)}`);
  const background = [255, 255, 255, 255];
  for (const b of bars) {
    const centre = image.pixel(Math.round((b.x + b.w / 2) * 2), Math.round((b.y + b.h / 2) * 2));
    assert.notDeepEqual(centre, background, `a bar at ${JSON.stringify(b)} is drawn in the PNG`);
  }
  const shortest = bars.reduce((a, b) => (b.w < a.w ? b : a));
  const beside = image.pixel(Math.round((shortest.x + shortest.w + 40) * 2), Math.round((shortest.y + shortest.h / 2) * 2));
  assert.deepEqual(beside, background, "beside the shortest bar's end, the PNG is background");
  await closeClean(page);
});

test("Copy link puts the canonical URL on the clipboard", async () => {
  const page = await site.open("?view=table&sort=value-desc", { permissions: ["clipboard-read", "clipboard-write"] });
  await page.getByRole("button", { name: "Copy link" }).click();
  await page.getByText("Link copied.").waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${site.url}?view=table&sort=value-desc`);
  await closeClean(page);
});

test("Cite copies a citation of the view: the article, this explorer, the clean URL and the day", async () => {
  const page = await site.open(`?actors=${B.slug}&fbclid=abc&utm_source=x`, { permissions: ["clipboard-read", "clipboard-write"] });
  await page.getByRole("button", { name: "Cite" }).click();
  await page.getByText("Citation copied.").waitFor();
  const text = await page.evaluate(() => navigator.clipboard.readText());
  // What was copied is shown too: the reader sees what they will paste.
  assert.equal(await page.getByLabel("Citation of this view").inputValue(), text);
  const today = await page.evaluate(() => new Date().toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" }));
  // The outlet where the data names one; else the note that the text names none.
  const { outlet, dateline } = DATA.article;
  const published = outlet ? `${outlet}, ${dateline}` : `news article of ${dateline} (the text quoted here names no outlet)`;
  assert.equal(
    text,
    `“${DATA.article.title}”, ${published}. Figures as quoted and charted by ${VOCAB.page.name}: ${site.url}?actors=${B.slug} (accessed ${today}).`,
  );
  await closeClean(page);
});

test("where copying is refused, the citation is shown selected for copying by hand", async () => {
  const refuse = () => {
    Object.defineProperty(Navigator.prototype, "clipboard", { get: () => ({ writeText: () => Promise.reject(new Error("denied")) }) });
  };
  const page = await site.open("?view=table", { initScript: refuse });
  await page.getByRole("button", { name: "Cite" }).click();
  const field = page.getByLabel("Citation of this view");
  await field.waitFor();
  assert.ok((await field.inputValue()).includes(`${VOCAB.page.name}: ${site.url}?view=table (accessed `), await field.inputValue());
  assert.equal(await page.evaluate(() => document.activeElement.id), "share-citation");
  assert.match(await page.locator(".share-status").innerText(), /the citation is selected below, to copy yourself\./);
  assert.doesNotMatch(await page.locator(".share-status").innerText(), /Ctrl|⌘/, "no keys a phone does not have");
  await closeClean(page);
});

test("where copying is refused, the link is shown selected for copying by hand", async () => {
  const refuse = () => {
    Object.defineProperty(Navigator.prototype, "clipboard", { get: () => ({ writeText: () => Promise.reject(new Error("denied")) }) });
  };
  const page = await site.open(`?actors=${B.slug}`, { initScript: refuse });
  await page.getByRole("button", { name: "Copy link" }).click();
  const field = page.getByLabel("Link to this view");
  await field.waitFor();
  assert.equal(await field.inputValue(), `${site.url}?actors=${B.slug}`);
  assert.equal(await page.evaluate(() => document.activeElement.id), "share-url");
  const selection = await page.evaluate(() => [document.activeElement.selectionStart, document.activeElement.selectionEnd, location.href.length]);
  assert.deepEqual(selection.slice(0, 2), [0, selection[2]], "the whole link is selected");
  assert.match(await page.locator(".share-status").innerText(), /the link is selected below, to copy yourself\./);
  await closeClean(page);
});
