// Each chart of the default view has a page of its own (chart/<id>/): its own title, description,
// canonical link and link-preview image (drawn at build time, as the front page's), opening the
// explorer on that chart, with JavaScript or without. Copy link and the Embed dialog use it when
// one chart alone is shared. Expectations come from the article's data (helpers.mjs).

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { useSite, closeClean, DIST, CHARTS, statement, bySlug } from "./helpers.mjs";

const site = useSite();
const metas = (html) => [...html.matchAll(/<(meta|link|title)[ >][^>]*>?/g)].map((m) => m[0]);
const tag = (html, pattern) => metas(html).find((t) => pattern.test(t));
/// A tag's `content` (or `href`), quoted or as Trunk's minifier leaves it.
const value = (t, attr = "content") => t?.match(new RegExp(`${attr}=(?:"([^"]*)"|([^ >]+))`))?.slice(1).find((v) => v !== undefined);
const unescape = (s) => s?.replaceAll("&quot;", '"').replaceAll("&amp;", "&").replaceAll("&lt;", "<").replaceAll("&gt;", ">");
/// A PNG's width and height, from its IHDR chunk.
async function pngSize(path) {
  const bytes = await readFile(path);
  assert.deepEqual([...bytes.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], `${path} is a PNG`);
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

test("the front page's preview is drawn from its first chart, 1200 x 630, as its tags say", async () => {
  const html = await readFile(`${DIST}/index.html`, "utf8");
  assert.deepEqual(await pngSize(`${DIST}/preview.png`), [1200, 630]);
  assert.equal(value(tag(html, /og:image:width/)), "1200");
  assert.equal(value(tag(html, /og:image:height/)), "630");
  for (const alt of [/og:image:alt/, /twitter:image:alt/]) {
    assert.ok(unescape(value(tag(html, alt))).includes(CHARTS[0].title), `${alt}: ${tag(html, alt)}`);
  }
});

test("each chart's page: its title, description, relative canonical link and its own preview image", async () => {
  for (const chart of CHARTS) {
    const folder = `${DIST}/chart/${chart.slug}`;
    const html = await readFile(`${folder}/index.html`, "utf8");
    const title = html.match(/<title>([^<]*)<\/title>/)[1];
    assert.ok(unescape(title).includes(chart.title), `${chart.slug}: ${title}`);
    for (const name of [/name="?description/, /og:description/, /twitter:description/]) {
      const text = unescape(value(tag(html, name)));
      for (const f of chart.figures) assert.ok(text.includes(statement(f)), `${chart.slug} ${name}: ${statement(f)} in ${text}`);
    }
    assert.equal(unescape(value(tag(html, /og:title/))), unescape(title));
    assert.equal(value(tag(html, /rel="?canonical/), "href"), "./");
    assert.equal(tag(html, /og:url|json\+oembed/), undefined, "absolute addresses only with SITE_URL");
    assert.equal(value(tag(html, /og:image"?[ >]/)), "preview.png");
    assert.equal(value(tag(html, /twitter:image"?[ >]/)), "preview.png");
    assert.equal(value(tag(html, /twitter:card/)), "summary_large_image");
    assert.ok(unescape(value(tag(html, /og:image:alt/))).includes(chart.title));
    assert.deepEqual(await pngSize(`${folder}/preview.png`), [1200, 630]);
    // Its policy is as strict as the front page's.
    const csp = value(tag(html, /Content-Security-Policy/));
    assert.doesNotMatch(csp, /unsafe-inline/);
    assert.doesNotMatch(html, / style=/);
  }
});

test("a chart's page opens the explorer on that chart, at the explorer's address for it", async () => {
  for (const chart of CHARTS) {
    const page = await site.open(`chart/${chart.slug}/`);
    assert.deepEqual(await page.locator("figure.chart").evaluateAll((fs) => fs.map((f) => f.dataset.chart)), [chart.slug]);
    assert.equal(page.url(), `${site.url}?chart=${chart.slug}`);
    assert.equal(await page.locator("g.mark").count(), chart.marks.length);
    await closeClean(page);
  }
  // A link's own parameters come along.
  const [first] = CHARTS;
  const page = await site.open(`chart/${first.slug}/?utm_source=x`);
  assert.equal(page.url(), `${site.url}?chart=${first.slug}&utm_source=x`);
  await closeClean(page);
});

test("without JavaScript a chart's page shows that chart's figures, and its links lead into the site", async () => {
  for (const chart of CHARTS) {
    const page = await site.open(`chart/${chart.slug}/`, { javaScriptEnabled: false });
    assert.deepEqual(await page.locator("figure.chart").evaluateAll((fs) => fs.map((f) => f.dataset.chart)), [chart.slug]);
    // A long label is drawn on two lines: its words, whatever the line breaks.
    const text = (await page.locator("#app").innerText()).replace(/\s+/g, " ");
    for (const f of chart.figures) assert.ok(text.includes(statement(f)), `${chart.slug}: ${statement(f)}`);
    for (const href of await page.locator("#app a[href]").evaluateAll((as) => as.map((a) => a.href))) {
      assert.ok(href.startsWith(site.url) && !href.includes("/chart/"), href);
    }
    await closeClean(page);
  }
});

// A chart's page shows that chart's figures, not the article's: what its notes say of them must
// say so, where the explorer could not start and without JavaScript.
test("a chart's page whose explorer cannot start, or without JavaScript, says it shows every figure of that chart, not of the article", async () => {
  const { openPage } = await import("../browser.mjs");
  for (const js of [true, false]) {
    const page = await openPage(site.browser, { javaScriptEnabled: js });
    if (js) await page.route(/_bg\.wasm$/, (route) => route.abort());
    await page.goto(`${site.url}chart/${CHARTS[0].slug}/`);
    const note = page.locator(js ? ".view-note" : ".noscript");
    await note.waitFor();
    const words = await note.innerText();
    assert.match(words, /Every figure of this chart, with its hedge and its source, is shown below\./, words);
    assert.doesNotMatch(words, /of the article/, words);
    await page.context().close();
  }
});

test("Copy link shares one chart alone as its page", async () => {
  const [chart] = CHARTS;
  const page = await site.open(`?chart=${chart.slug}`, { permissions: ["clipboard-read", "clipboard-write"] });
  await page.getByRole("button", { name: "Copy link" }).click();
  await page.getByText("Link copied.").waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${site.url}chart/${chart.slug}/`);
  await closeClean(page);
});

test("the Embed dialog embeds one chart from its page, and the frame shows it", async () => {
  const chart = CHARTS.at(-1);
  const page = await site.open("");
  await page.getByRole("button", { name: "Embed", exact: true }).click();
  await page.getByLabel(`This chart: ${bySlug("charts", chart.slug).title}`).check();
  const code = await page.locator("#embed-code").inputValue();
  assert.ok(code.includes(`src="${site.url}chart/${chart.slug}/?theme=light&amp;embed=1"`), code);
  const frame = page.frameLocator(".embed-preview iframe");
  await frame.locator(".app.embed[data-ready='true']").waitFor();
  assert.deepEqual(await frame.locator("figure.chart").evaluateAll((fs) => fs.map((f) => f.dataset.chart)), [chart.slug]);
  await closeClean(page);
});
