// Built with SITE_URL (make build-site-url: https://example.org/frontline/), the page carries the
// absolute addresses the web needs and the site an oembed.json; built without it (dist/), the
// site stays fully relative. Both pages keep their strict CSP and work.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile, access } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { useSite, closeClean, DIST, CHARTS } from "./helpers.mjs";

const SITE = "https://example.org/frontline/";
const SITE_DIST = fileURLToPath(new URL("../../target/dist-site-url", import.meta.url));
const site = useSite({ root: SITE_DIST });
const metas = (html) => [...html.matchAll(/<(meta|link) [^>]*>/g)].map((m) => m[0]);
const tag = (html, pattern) => metas(html).find((t) => pattern.test(t));

test("with SITE_URL: canonical link, absolute preview images, oEmbed discovery and oembed.json", async () => {
  const html = await readFile(`${SITE_DIST}/index.html`, "utf8");
  assert.match(tag(html, /rel="?canonical/) ?? "", new RegExp(`href="${SITE}"`));
  assert.match(tag(html, /og:image"/) ?? "", new RegExp(`content="${SITE}preview.png"`));
  assert.match(tag(html, /twitter:image"/) ?? "", new RegExp(`content="${SITE}preview.png"`));
  assert.match(tag(html, /og:url/) ?? "", new RegExp(`content="${SITE}"`));
  assert.match(tag(html, /json\+oembed/) ?? "", new RegExp(`href="${SITE}oembed.json"`));
  const oembed = JSON.parse(await readFile(`${SITE_DIST}/oembed.json`, "utf8"));
  // oEmbed 1.0: every response has version and type; a rich one has html, width and height.
  for (const field of ["version", "type", "html", "width", "height"]) assert.ok(field in oembed, `oembed.json has ${field}`);
  assert.equal(oembed.version, "1.0");
  assert.equal(oembed.type, "rich");
  assert.ok(Number.isInteger(oembed.width) && Number.isInteger(oembed.height) && oembed.height > 200);
  assert.match(oembed.html, new RegExp(`^<iframe src="${SITE}\\?embed=1" title="[^"]+" width="${oembed.width}" height="${oembed.height}"`));
  assert.equal(oembed.provider_url, SITE);
  assert.ok(oembed.title && oembed.provider_name);
});

test("with SITE_URL: each chart's page has its absolute addresses and its own oembed.json", async () => {
  for (const chart of CHARTS) {
    const page = `${SITE}chart/${chart.slug}/`;
    const html = await readFile(`${SITE_DIST}/chart/${chart.slug}/index.html`, "utf8");
    assert.match(tag(html, /rel="?canonical/) ?? "", new RegExp(`href="${page}"`));
    assert.match(tag(html, /og:url/) ?? "", new RegExp(`content="${page}"`));
    assert.match(tag(html, /og:image"/) ?? "", new RegExp(`content="${page}preview.png"`));
    assert.match(tag(html, /twitter:image"/) ?? "", new RegExp(`content="${page}preview.png"`));
    assert.match(tag(html, /json\+oembed/) ?? "", new RegExp(`href="${page}oembed.json"`));
    const oembed = JSON.parse(await readFile(`${SITE_DIST}/chart/${chart.slug}/oembed.json`, "utf8"));
    assert.match(oembed.html, new RegExp(`^<iframe src="${page}\\?embed=1" title="${chart.title}`));
    assert.equal(oembed.thumbnail_url, `${page}preview.png`);
    assert.deepEqual([oembed.thumbnail_width, oembed.thumbnail_height], [1200, 630]);
  }
});

test("without SITE_URL the site stays relative", async () => {
  const html = await readFile(`${DIST}/index.html`, "utf8");
  assert.equal(tag(html, /canonical|json\+oembed|og:url/), undefined);
  assert.match(tag(html, /og:image[" >]/) ?? "", /content="?preview\.png/);
  await assert.rejects(access(`${DIST}/oembed.json`));
});

test("the page built with SITE_URL keeps its strict CSP and works", async () => {
  const page = await site.open("?actors=ukraine");
  assert.equal(await page.locator("g.mark").count(), 2);
  await closeClean(page);
});
