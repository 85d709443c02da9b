// The built page loads from a sub-folder, shows every figure with its hedge and its source,
// shows them even before (and without) JavaScript, and logs nothing to the console.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { useSite, closeClean, DIST, openDescriptions } from "./helpers.mjs";

const site = useSite();
const FIGURES = JSON.parse(await readFile(new URL("../../data/north-korea-troops/figures.json", import.meta.url), "utf8")).figures;

// How each figure reads on the page, pinned by hand (the one copy of these expectations).
const EXPECTED = JSON.parse(await readFile(new URL("../../tests/fixtures/expected-statements.json", import.meta.url), "utf8")).figures;

test("every figure of the data is expected here", () => {
  assert.deepEqual(FIGURES.map((f) => f.id).sort(), Object.keys(EXPECTED).sort());
});

test("the page shows every figure with its qualifier and source, with no console errors", async () => {
  const page = await site.open();
  await openDescriptions(page);
  const text = await page.locator("main").innerText();
  for (const [id, [statement, attribution]] of Object.entries(EXPECTED)) {
    const f = FIGURES.find((f) => f.id === id);
    // The hedge, the number and the attribution, together as one sentence; then the period in
    // the article's words and a worked-out date labelled as such, a short sentence each.
    const period = f.period ? ` Period: ${f.period}.${f.worked_out ? ` Worked out as ${f.worked_out.date}.` : ""}` : "";
    const phrase = `${statement} (${attribution}).${period}`;
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
  assert.equal(await response.text(), await readFile(new URL("../../data/north-korea-troops/article.txt", import.meta.url), "utf8"));
  await closeClean(page);
});

test("the built index.html already holds the view, with relative asset URLs", async () => {
  const html = await readFile(`${DIST}/index.html`, "utf8");
  assert.match(html, /Troop strength, losses and deployments by country/);
  assert.doesNotMatch(html, /(src|href)="\/(?!\/)/, "no root-relative URLs: the site must work from any folder");
});
