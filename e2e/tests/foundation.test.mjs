// The built page loads from a sub-folder, shows every figure with its hedge and its source,
// shows them even before (and without) JavaScript, and logs nothing to the console.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { useSite, closeClean, DIST } from "./helpers.mjs";

const site = useSite();
const FIGURES = JSON.parse(await readFile(new URL("../../data/figures.json", import.meta.url), "utf8")).figures;

// How each figure reads on the page: its hedge and its number, as the article hedges it.
const EXPECTED = {
  "ru-active": ["about 500,000 active soldiers", "the New York Post"],
  "ru-killed": ["up to 70,000 may have been killed", "the New York Post"],
  "ua-soldiers": ["about 400,000 soldiers available", "the New York Post"],
  "ua-losses": ["approximately 80,000 losses", "the New York Post"],
  "nk-front": ["approximately 15,000 soldiers at the front", "the article, without a source"],
  "nk-planned": ["up to 100,000 soldiers may be sent", "Bloomberg, citing intelligence data"],
  "ru-force-increase": ["combat forces could grow by up to 20%", "the article, without a source"],
  "nk-ammunition": ["hundreds of thousands of rounds of ammunition supplied", "unnamed media reports"],
  "ru-missiles": ["approximately 120 missiles launched", "the article, without a source"],
  "ru-drones": ["approximately 90 drones launched", "the article, without a source"],
};

test("every figure of the data is expected here", () => {
  assert.deepEqual(FIGURES.map((f) => f.id).sort(), Object.keys(EXPECTED).sort());
});

test("the page shows every figure with its qualifier and source, with no console errors", async () => {
  const page = await site.open();
  const text = await page.locator("main").innerText();
  for (const [id, [statement, source]] of Object.entries(EXPECTED)) {
    const period = FIGURES.find((f) => f.id === id).period;
    // The hedge, the number, the period and the source, together as one phrase.
    const phrase = `${statement} (${period}, according to ${source})`;
    assert.ok(text.includes(phrase), `${id}: "${phrase}" is not on the page`);
  }
  assert.match(await page.title(), /Frontline Figures/);
  assert.equal(await page.locator("h1").innerText(), "North Korea bolsters Russia: Plans to send 100,000 troops to Ukraine front");
  assert.match(await page.locator(".dateline").innerText(), /18 November 2024 06:04/);
  await closeClean(page);
});

test("the full source text is linked and served from the same folder", async () => {
  const page = await site.open();
  const href = await page.locator("a", { hasText: "plain text" }).getAttribute("href");
  const response = await page.request.get(new URL(href, page.url()).href);
  assert.equal(response.status(), 200);
  assert.equal(await response.text(), await readFile(new URL("../../data/article.txt", import.meta.url), "utf8"));
  await closeClean(page);
});

test("without JavaScript the prerendered page shows every figure and says what needs JavaScript", async () => {
  const page = await site.open("", { javaScriptEnabled: false });
  const text = await page.locator("body").innerText();
  for (const [id, [statement]] of Object.entries(EXPECTED)) {
    assert.ok(text.includes(statement), `${id} is missing without JavaScript`);
  }
  assert.match(text, /need JavaScript/);
  assert.equal(await page.locator("svg[role=img]").count(), 4, "the charts are prerendered");
  await closeClean(page);
});

test("the built index.html already holds the view, with relative asset URLs", async () => {
  const html = await readFile(`${DIST}/index.html`, "utf8");
  assert.match(html, /Troop strength and losses by country/);
  assert.doesNotMatch(html, /(src|href)="\/(?!\/)/, "no root-relative URLs: the site must work from any folder");
});
