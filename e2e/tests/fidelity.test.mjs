// Honest to the letter: on every surface that shows a figure's value (chart label, mark button,
// summary, details, table, CSV, JSON, exported SVG (the PNG is drawn from it), embed credit,
// link preview, reading notes), the figure's hedge words and its source come with it.
// Expectations come from the article's data (figures.json, explorer.json), not from the code
// that writes the surfaces. Generic: it runs over any article (ARTICLE).

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { useSite, closeClean, DIST, DATA, VOCAB, ARTICLE_TEXT, valueText, hedgeWords } from "./helpers.mjs";

const site = useSite();
const FIGURES = DATA.figures;

// How each source is named.
// A source is named by its credit or its label; the one the article does not name, as "no source".
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const SOURCE = Object.fromEntries(
  VOCAB.sources.map((s) => [s.slug, s.named ? new RegExp(`${escape(s.credit)}|${escape(s.label)}`, "i") : /no source/i]),
);
const number = valueText;
const hedges = hedgeWords;

/** `text` shows `f`'s value with its hedge words and its source. */
function carries(f, text, where) {
  const lower = text.toLowerCase();
  assert.ok(text.includes(number(f)), `${where}: ${f.id}'s value ${number(f)} is not there: ${text}`);
  for (const h of hedges(f)) assert.ok(lower.includes(h.toLowerCase()), `${where}: ${f.id} lost its hedge "${h}": ${text}`);
  assert.match(text, SOURCE[f.source], `${where}: ${f.id} lost its source: ${text}`);
}
/** The sentence (or `;`-part) of `text` that holds `f`'s value. */
const partWith = (text, f, sep = /(?<=[.;])\s+/) => text.split(sep).filter((p) => p.includes(number(f))).join(" ");

test("every surface of the page carries each figure's hedge and source with its value", async () => {
  const page = await site.open();
  for (const f of FIGURES) {
    if (f.value === null) {
      carries(f, await page.locator(`.vague-figure[data-figure='${f.id}']`).innerText(), "told in words");
      continue;
    }
    for (const g of await page.locator(`g.mark[data-mark='${f.id}']`).all()) carries(f, await g.textContent(), "chart label");
    for (const b of await page.locator(`button.mark-button[data-mark='${f.id}']`).all()) {
      carries(f, await b.textContent(), "mark button's name");
      await b.focus();
      const chart = await b.evaluate((el) => el.closest("figure").dataset.chart);
      carries(f, await page.locator(`#details-${chart}`).innerText(), "details");
      carries(f, partWith(await page.locator(`#summary-${chart}`).textContent(), f, /(?<=\.)\s+/), "summary");
    }
  }
  await closeClean(page);
});

test("the table, the CSV and the JSON carry each figure's hedge and source", async () => {
  const page = await site.open("?view=table");
  for (const f of FIGURES) carries(f, await page.locator(`tr[data-figure='${f.id}']`).innerText(), "table row");
  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download CSV" }).click()]);
  const csvText = await readFile(await csv.path(), "utf8");
  for (const f of FIGURES) {
    const row = csvText.split("\r\n").find((r) => r.startsWith(`${f.id},`));
    // The CSV's value column is the bare number; its hedge column holds the hedge's words.
    assert.ok(row.includes(`,${f.value ?? ""},`), `CSV: ${f.id}'s value: ${row}`);
    for (const h of hedges(f)) assert.ok(row.toLowerCase().includes(h.toLowerCase()), `CSV: ${f.id} lost its hedge "${h}": ${row}`);
    assert.match(row, SOURCE[f.source], `CSV: ${f.id} lost its source: ${row}`);
  }
  const [json] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download JSON" }).click()]);
  const doc = JSON.parse(await readFile(await json.path(), "utf8"));
  for (const f of FIGURES) {
    const item = doc.figures.find((x) => x.id === f.id);
    carries(f, `${item.statement} ${item.hedge_words} ${item.source_label}`, "JSON");
  }
  await closeClean(page);
});

test("each exported chart file carries its figures' hedges and sources", async () => {
  const page = await site.open();
  for (const chart of VOCAB.charts.map((c) => c.slug)) {
    const [svg] = await Promise.all([page.waitForEvent("download"), page.locator(`#chart-${chart} button[data-download='svg']`).click()]);
    const text = await readFile(await svg.path(), "utf8");
    const marks = [...text.matchAll(/<g transform="translate\(0 \d+\)">(.*?)<\/g>/g)].map((m) => m[1].replace(/<[^>]+>/g, " "));
    assert.ok(marks.length > 0, chart);
    for (const mark of marks) {
      const f = FIGURES.find((f) => f.value !== null && mark.includes(number(f)) && hedges(f).every((h) => mark.toLowerCase().includes(h.toLowerCase())));
      assert.ok(f, `${chart}: a mark whose figure cannot be told with its hedge: ${mark}`);
      carries(f, mark, `${chart}.svg`);
    }
  }
  await closeClean(page);
});

test("an embed's credit names every source of what it shows, and only those", async () => {
  const unnamed = VOCAB.sources.find((s) => !s.named).slug;
  for (const query of ["?embed=1", `?embed=1&sources=${unnamed}`, `?embed=1&actors=${VOCAB.actors[1].slug}`]) {
    const page = await site.open(query);
    const credit = await page.locator(".embed-credit").innerText();
    // What it shows: its marks, and the figures it tells in words.
    const shown = new Set([
      ...(await page.locator("g.mark").evaluateAll((gs) => gs.map((g) => g.dataset.mark))),
      ...(await page.locator(".vague-figure").evaluateAll((ds) => ds.map((d) => d.dataset.figure))),
    ]);
    const sources = new Set(FIGURES.filter((f) => shown.has(f.id)).map((f) => f.source));
    for (const [slug, pattern] of Object.entries(SOURCE)) {
      assert.equal(pattern.test(credit), sources.has(slug), `${query}: ${slug} in "${credit}"`);
    }
    await closeClean(page);
  }
});

test("the link preview's text carries the hedge and source of every figure it gives", async () => {
  const html = await readFile(`${DIST}/index.html`, "utf8");
  // Trunk's minifier writes `<meta content="…" property=og:description>`.
  const metas = [...html.matchAll(/<meta [^>]*>/g)].map((m) => m[0]);
  for (const name of ["og:description", "twitter:description", "description"]) {
    const tag = metas.find((t) => new RegExp(`(name|property)="?${name}"?[ >/]`).test(t));
    const content = tag?.match(/content="([^"]*)"/)?.[1];
    assert.ok(content !== undefined, `${name} is in the page`);
    for (const f of FIGURES.filter((f) => f.value !== null && content.includes(number(f)))) {
      carries(f, partWith(content, f), `${name}`);
    }
  }
});

test("the reading notes quote the article's own words for each figure", async () => {
  const page = await site.open("?view=article");
  const article = ARTICLE_TEXT;
  for (const f of FIGURES) {
    const note = await page.locator(`[data-reading='${f.id}']`).innerText();
    for (const words of Object.values(f.reading).filter(Boolean)) {
      assert.ok(note.includes(`“${words}”`), `${f.id}: the note gives "${words}": ${note}`);
      assert.ok(article.includes(words), `${f.id}: "${words}" is the article's own`);
    }
  }
  await closeClean(page);
});
