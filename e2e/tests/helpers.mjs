// Shared set-up for the e2e tests: the built dist served from a sub-folder (proving relative
// URLs) with a real host's headers, and one Chromium per test file.

import { after, before } from "node:test";
import { readFileSync } from "node:fs";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { resolve } from "node:path";
import { startServer } from "../serve.mjs";
import { launch, openPage, waitForApp } from "../browser.mjs";
import AxeBuilder from "@axe-core/playwright";

/// The article the site under test was built for (ARTICLE, as `make` gives it: a folder from
/// the repository's root), and its data, read from the repository: expectations come from it,
/// not from the app.
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const ARTICLE_DIR = resolve(ROOT, process.env.ARTICLE || "data/north-korea-troops");
const readJson = (name) => JSON.parse(readFileSync(`${ARTICLE_DIR}/${name}`, "utf8"));
export const DATA = readJson("figures.json");
/// The article's vocabulary (explorer.json): its actors, sources, axes, units, measures, charts.
export const VOCAB = readJson("explorer.json");
// What a downloaded file's name starts with: the article's date and the first words of its
// title (up to a colon, at most six), so a file on a disk says which article it is from.
export const FILE_STEM = `${DATA.article.published}-${DATA.article.title.split(":")[0].split(/[^A-Za-z0-9]+/).filter(Boolean).slice(0, 6).join("-").toLowerCase()}`;
/** A figure's value as the article writes it: "500,000", "20%" on a percent axis, or its words
 *  for a vague amount ("hundreds of thousands"). */
export function valueText(f) {
  if (f.value === null) return f.value_text;
  const unit = VOCAB.units.find((u) => u.slug === f.unit);
  const percent = VOCAB.axes.find((a) => a.slug === unit.axis).scale === "percent";
  return percent ? `${f.value}%` : f.value.toLocaleString("en-US");
}
export const ARTICLE_TEXT = readFileSync(`${ARTICLE_DIR}/article.txt`, "utf8");

/// The vocabulary's item of `list` ("actors", "units", …) with `slug`.
export const bySlug = (list, slug) => VOCAB[list].find((x) => x.slug === slug);
/// A figure's axis, from its unit.
export const axisOf = (f) => bySlug("axes", bySlug("units", f.unit).axis);
/** A number of `f`'s as the article writes it: "4.5%", "12,000". */
const numberText = (f, v) => valueText({ ...f, value: v });
/** The words of a figure's hedge that every surface showing its value carries ("up to", "may
 *  have been"; "between", "and"); for a vague amount, its own words; none for an exact one. */
export const hedgeWords = (f) => (f.value === null
  ? [f.value_text]
  : (f.hedge.words ?? "").split("…").map((w) => w.trim()).filter((w) => w && w !== "-" && w !== "–"));
/** The value with its hedge as the page writes it: "up to 70,000", "between 15 and 20". The
 *  words after the last number (…) are the measure's sentence's to say. */
export function hedgedValue(f) {
  if (f.value === null) return valueText(f);
  const words = f.hedge.words ?? "";
  if (!words) return valueText(f);
  const [before, join] = words.split("…").map((w) => w.trim());
  const low = before ? `${before} ${valueText(f)}` : valueText(f);
  if (f.high === undefined || f.high === null) return low;
  const sep = join === "" || join === "-" || join === "–" ? join : join ? ` ${join} ` : " to ";
  return `${low}${sep}${numberText(f, f.high)}`;
}
/** The figure's sentence as the article's vocabulary writes it: "up to 70,000 may have been killed". */
export function statement(f) {
  const m = bySlug("measures", f.measure);
  return (m.sentence_when?.[f.hedge.words ?? ""] ?? m.sentence_when?.[f.hedge.kind] ?? m.sentence).replace("{value}", hedgedValue(f));
}
/// The hedge kinds in their order, with the names the page gives them.
export const KINDS = { exact: "Exact", approximate: "Approximate", "lower-bound": "Lower bound", "upper-bound": "Upper bound", range: "Range", vague: "Vague" };
/** Who says so, as the page words it: "according to the New York Post", or that the article
 *  names no source. */
export function attribution(f) {
  const s = bySlug("sources", f.source);
  return s.named ? `according to ${s.credit}` : "the article names no source";
}
/// The first figure the charts draw (one with a value), and the charts of the default view,
/// each with its figures (in the data's order, or by actor where the chart says so), the axes
/// of its panels (one per axis that holds a figure of the chart's groups), and its marks as
/// drawn: panel by panel.
export const DRAWN = DATA.figures.find((f) => f.value !== null);
const actorIndex = (f) => VOCAB.actors.findIndex((a) => a.slug === f.actor);
export const CHARTS = VOCAB.charts
  .map((c) => {
    const drawn = DATA.figures.filter((f) => f.value !== null
      && c.axes.includes(axisOf(f).slug)
      && (!c.groups?.length || c.groups.includes(bySlug("measures", f.measure).group)));
    if (c.order === "actor") drawn.sort((a, b) => actorIndex(a) - actorIndex(b));
    const panels = c.axes.filter((a) => drawn.some((f) => axisOf(f).slug === a));
    const marks = panels.flatMap((a) => drawn.filter((f) => axisOf(f).slug === a));
    return { slug: c.slug, title: c.title, figures: drawn, panels, marks };
  })
  .filter((c) => c.panels.length > 0);
/// The chart that draws `f` in the default view.
export const chartOf = (f) => CHARTS.find((c) => c.figures.includes(f));
/// Whether the site under test is this article's, whose known facts most tests pin.
export const PINNED = ARTICLE_DIR.endsWith("data/north-korea-troops");

/// The built site under test: dist/, or the folder DIST names (from the repository's root).
export const DIST = resolve(ROOT, process.env.DIST || "dist");
export const BASE = "/some/sub/path/";

/** Registers before/after hooks; returns an object whose fields are filled in `before`. */
export function useSite(options = {}) {
  const site = {};
  before(async () => {
    site.server = await startServer({ root: DIST, port: 0, base: BASE, ...options });
    site.url = site.server.url;
    site.browser = await launch();
  });
  after(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  /** Open `query` (e.g. "?view=table") and wait for the app to start. */
  site.open = async (query = "", pageOptions = {}) => {
    const page = await openPage(site.browser, pageOptions);
    await page.goto(site.url + query);
    if (pageOptions.javaScriptEnabled !== false) await waitForApp(page);
    return page;
  };
  return site;
}

/** Close the page, asserting it logged no error, warning, page error or dialog. */
export async function closeClean(page) {
  const problems = [...page.problems];
  await page.context().close();
  assert.deepEqual(problems, [], "the page logged problems");
}

/** axe-core over the whole page; returns the violations, summarised. */
export async function axeViolations(page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`);
}

/** The page's query string as the browser shows it. */
/// Opens each chart's "Description" as a reader would (a click: it works without JavaScript too).
export async function openDescriptions(page) {
  for (const summary of await page.locator("details.description > summary").all()) {
    if (!(await summary.evaluate((s) => s.parentElement.open))) await summary.click();
  }
}

export const search = (page) => page.evaluate(() => location.search);

export { waitForApp };

/** Press a chart's mark button as its users do, from the keyboard: the buttons are the
 *  keyboard's and screen reader's way to the marks, out of sight until focused. */
export async function pressMark(page, selector) {
  await page.locator(selector).focus();
  await page.keyboard.press("Enter");
}

/** The colours of a screenshot `png`, decoded in the page: how many pixels of each colour
 * ("rgb(r, g, b)"), how many in all, and the first (top left) one's. */
export function colours(page, png) {
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement("canvas");
    [c.width, c.height] = [img.width, img.height];
    const ctx = c.getContext("2d");
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    const counts = {};
    for (let i = 0; i < d.length; i += 4) {
      const k = `rgb(${d[i]}, ${d[i + 1]}, ${d[i + 2]})`;
      counts[k] = (counts[k] || 0) + 1;
    }
    return { counts, total: d.length / 4, first: `rgb(${d[0]}, ${d[1]}, ${d[2]})` };
  }, png.toString("base64"));
}

/** The colour of the screen's pixel at (x, y), as "rgb(r, g, b)". */
export async function pixel(page, x, y) {
  const png = await page.screenshot({ clip: { x: Math.round(x), y: Math.round(y), width: 1, height: 1 } });
  return (await colours(page, png)).first;
}

/** A request that never answers, until `release()`. */
export function stalled() {
  let release;
  const held = new Promise((r) => (release = r));
  return { answer: async (route) => { await held; await route.continue().catch(() => {}); }, release: () => release() };
}
