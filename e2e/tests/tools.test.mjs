// The reader's tools and the article's words, as a reader on a phone and a fact-checker meet
// them: filters that say what they do, "only" and its Undo, the table as cards, targets a finger
// can hit, and the words the page uses where the article is careful. Expectations come from
// the article's data; the few that pin this article's words say so.

import { test } from "node:test";
import assert from "node:assert/strict";
import { useSite, closeClean, search, DATA, VOCAB, CHARTS, statement, PINNED } from "./helpers.mjs";

const site = useSite();
const [A, B] = VOCAB.actors;
const LAST = VOCAB.actors.at(-1);
const chip = (page, x) => page.getByRole("button", { name: x.label, exact: true });

test("on a phone the folded filters name the filters that are on, each removable in one tap", async () => {
  const page = await site.open(`?actors=${LAST.slug}`, { width: 375, height: 800 });
  assert.equal(await page.locator(".filter-body").isVisible(), false, "folded");
  const on = page.locator(".active-filter");
  assert.deepEqual(await on.allInnerTexts(), [`${LAST.label} only ×`]);
  assert.equal(await on.getAttribute("aria-label"), `Remove the filter: ${LAST.label} only`);
  const box = await on.boundingBox();
  assert.ok(box.height >= 24, `a finger's target: ${box.height} px`);
  await on.click();
  assert.equal(await search(page), "", "every country again");
  assert.equal(await page.locator(".active-filter").count(), 0);
  // Expanded, the panel keeps its chips and counts.
  await page.getByRole("button", { name: "Show filters" }).click();
  assert.ok((await page.locator(".chip-count").count()) > 0);
  await closeClean(page);
});

test("a filter stays under the pointer: clicking any filter, or its “only”, moves no filter", async () => {
  for (const [width, height] of [[1280, 900], [375, 800]]) {
    const page = await site.open("", { width, height });
    if (width < 900) await page.getByRole("button", { name: "Show filters" }).click();
    const filters = page.locator("button[data-filter]");
    const places = () => filters.evaluateAll((bs) => bs.map((b) => Math.round(b.getBoundingClientRect().top + scrollY)));
    const before = await places();
    for (let i = 0; i < before.length; i++) {
      const b = filters.nth(i);
      const pressed = await b.getAttribute("aria-pressed");
      await b.click();
      await page.waitForFunction(([i, p]) => document.querySelectorAll("button[data-filter]")[i].getAttribute("aria-pressed") !== p, [i, pressed]);
      assert.deepEqual(await places(), before, `${width} px: after a click on ${await b.innerText()}`);
      await b.click();
      await page.waitForFunction(([i, p]) => document.querySelectorAll("button[data-filter]")[i].getAttribute("aria-pressed") === p, [i, pressed]);
    }
    // "only" brings its Undo: that moves no filter either.
    await clickOnly(page);
    assert.deepEqual(await places(), before, `${width} px: after “only”`);
    await closeClean(page);
  }
});

async function clickOnly(page) {
  const only = page.locator("button.chip-only").first();
  await only.focus();
  await only.click();
  await page.getByRole("button", { name: "Undo “only”" }).waitFor();
}

test("“only” shows one value alone in one action, from a pointer or Shift+Enter, and Undo brings the filters back", async () => {
  const page = await site.open("?view=table");
  const source = VOCAB.sources.find((s) => DATA.figures.some((f) => f.source === s.slug));
  await page.locator(`button[data-filter='source:${source.slug}']`).hover();
  await page.getByRole("button", { name: `Only ${source.label}` }).click();
  const rows = () => page.locator("tbody tr").evaluateAll((rs) => rs.map((r) => r.dataset.figure));
  assert.deepEqual(await rows(), DATA.figures.filter((f) => f.source === source.slug).map((f) => f.id));
  assert.equal(await search(page), `?sources=${source.slug}&view=table`);
  await page.getByRole("button", { name: "Undo “only”" }).click();
  assert.equal(await search(page), "?view=table", "Undo: every source again");
  assert.equal(await page.getByRole("button", { name: "Undo “only”" }).count(), 0);
  // The keyboard's way: Shift+Enter on the chip, which says it has that shortcut.
  const c = chip(page, B);
  assert.equal(await c.getAttribute("aria-keyshortcuts"), "Shift+Enter");
  await c.focus();
  await page.keyboard.press("Shift+Enter");
  assert.equal(await search(page), `?actors=${B.slug}&view=table`);
  // Undo from the keyboard: its button goes, the focus stays on the line that says what is shown.
  await page.getByRole("button", { name: "Undo “only”" }).focus();
  await page.keyboard.press("Enter");
  assert.equal(await search(page), "?view=table");
  assert.equal(await page.evaluate(() => document.activeElement.id), "filters-status");
  // "only" adds no tab stop: the filters' buttons in the tab order are the chips and Reset.
  assert.equal(await page.locator(".chip-only[tabindex='-1']").count(), await page.locator(".chip").count());
  await closeClean(page);
});

for (const [width, cards] of [[375, true], [900, true], [1280, false]]) {
  test(`at ${width} px the table ${cards ? "is a list of cards" : "is a table"}, every word readable, nothing to scroll sideways`, async () => {
    const page = await site.open("?view=table", { width, height: 900 });
    const wrap = page.locator(".table-wrap");
    const [scroll, client] = await wrap.evaluate((w) => [w.scrollWidth, w.clientWidth]);
    assert.ok(scroll <= client + 1, `the table fits its column: ${scroll} > ${client}`);
    const display = await page.locator("tbody tr").first().evaluate((r) => getComputedStyle(r).display);
    assert.equal(display === "block", cards, display);
    // Every cell's words inside the page, none clipped.
    const clipped = await page.locator("tbody td").evaluateAll((tds) => tds.filter((td) => {
      const r = td.getBoundingClientRect();
      return r.right > document.documentElement.clientWidth + 1 || td.scrollWidth > td.clientWidth + 1;
    }).length);
    assert.equal(clipped, 0);
    if (cards) {
      const label = await page.locator("tbody td").nth(5).evaluate((td) => getComputedStyle(td, "::before").content);
      assert.match(label, /Source/, "each cell says its column");
    }
    assert.equal(await page.locator("table[role=table] td[role=cell]").count(), await page.locator("tbody td").count(), "still a table to a screen reader");
    await closeClean(page);
  });
}

test("targets a finger can hit on a phone: Show on chart, the Article view's links, the Description toggles", async () => {
  const page = await site.open("?view=table", { width: 375, height: 800 });
  const heights = (sel) => page.locator(sel).evaluateAll((es) => es.map((e) => e.getBoundingClientRect().height));
  for (const h of await heights("a.to-chart")) assert.ok(h >= 24, `Show on chart: ${h} px`);
  await page.getByRole("tab", { name: "Article" }).click();
  for (const h of await heights(".figure-links a")) assert.ok(h >= 24, `a figure's link: ${h} px`);
  assert.deepEqual([...new Set(await page.locator(".figure-links a").evaluateAll((as) => as.map((a) => a.firstChild.textContent)))].sort(), ["in the table", "on the chart"]);
  await page.getByRole("tab", { name: "Charts" }).click();
  for (const h of await heights("details.description > summary")) assert.ok(h >= 24, `Description: ${h} px`);
  await closeClean(page);
});

test("at 320 px the filters' heading is whole", async () => {
  const page = await site.open("", { width: 320, height: 700 });
  const title = page.locator(".filters-title");
  const [scroll, client] = await title.evaluate((t) => [t.scrollWidth, t.clientWidth]);
  assert.ok(scroll <= client, `“${await title.innerText()}” is cut: ${scroll} > ${client}`);
  await closeClean(page);
});

test("a selected figure's details say each thing once, and a hedge in quotation marks is the article's words", async () => {
  const page = await site.open("?view=table");
  for (const f of DATA.figures) {
    const cell = await page.locator(`tr[data-figure='${f.id}'] td[data-label='Certainty']`).innerText();
    // What the table quotes as the hedge is in the figure's own first quote.
    const quoted = [...cell.matchAll(/“([^”]+)”/g)].map((m) => m[1]);
    for (const q of quoted) for (const part of q.split("…").map((p) => p.trim()).filter(Boolean)) {
      assert.ok(f.quotes[0].toLowerCase().includes(part.toLowerCase()), `${f.id}: “${part}” is not the article's`);
    }
  }
  await closeClean(page);
  const worked = DATA.figures.find((f) => f.value !== null && f.worked_out && f.period);
  if (!worked) return;
  const chart = CHARTS.find((c) => c.figures.includes(worked)).slug;
  const charts = await site.open(`?mark=${worked.id}`);
  const details = await charts.locator(`#details-${chart}`).innerText();
  assert.equal(details.split(worked.worked_out.date).length - 1, 1, `the worked-out date once: ${details}`);
  assert.ok(details.includes(worked.period), details);
  await closeClean(charts);
});

test("the Timeline keeps how a date is known beside the date of an event the filters hide", async () => {
  const page = await site.open("?view=timeline&sources=none");
  const hidden = page.locator("li.event.hidden-by-filters");
  assert.ok((await hidden.count()) > 0);
  for (const e of DATA.events.filter((e) => e.date_basis)) {
    const li = page.locator(`li[data-event='${e.id}']`);
    assert.ok((await li.innerText()).includes(e.date_basis), `${e.id}: ${e.date_basis}`);
  }
  assert.equal(await page.locator(".undated-title").count(), DATA.events.some((e) => !e.start) ? 1 : 0, "no empty heading");
  await closeClean(page);
});

test("the page promises what holds, and the Article view notes a headline that drops the text's hedge", async () => {
  const page = await site.open("?view=article");
  const dateline = await page.locator(".dateline").innerText();
  assert.doesNotMatch(dateline, /every number below is quoted/);
  if (DATA.figures.some((f) => f.source === VOCAB.sources.find((s) => s.named === false)?.slug)) {
    assert.match(dateline, /its source where the article names one/);
  }
  if (PINNED) {
    const note = await page.locator(".headline-note").innerText();
    assert.match(note, /^The headline gives 100,000 with no hedge\. The article's text hedges it: “North Korea is considering sending up to 100,000 soldiers/);
    // A quote that points back ("Such a move…") comes with what it points back to.
    await page.goto(`${site.url}?mark=ru-force-increase`);
    await page.locator(".app[data-ready='true']").waitFor();
    assert.match(await page.locator(".details .quote-context").innerText(), /North Korea is considering sending up to 100,000 soldiers/);
  }
  await closeClean(page);
});

test("a fact-checker's words: each chart says where its bars are of different times or count different things", async () => {
  const page = await site.open();
  for (const c of CHARTS.filter((c) => c.panels.length === 1)) {
    const notes = await page.locator(`#chart-${c.slug} .chart-note`).allInnerTexts();
    const periods = new Set(c.figures.map((f) => f.period ?? null));
    assert.equal(notes.some((n) => n.startsWith("Not all of one time")), periods.size > 1, `${c.slug}: ${notes}`);
  }
  if (PINNED) {
    const notes = await page.locator("#chart-strength .chart-note").allInnerTexts();
    assert.ok(notes.some((n) => n.includes("for Russia, active soldiers and killed; for Ukraine, soldiers available and losses")), notes.join(" | "));
  }
  await closeClean(page);
});

test("Escape clears a selected figure, wherever the focus is in the view", async () => {
  const f = DATA.figures.find((f) => f.value !== null);
  for (const query of [`?mark=${f.id}`, `?view=table&mark=${f.id}`]) {
    const page = await site.open(query);
    assert.ok((await search(page)).includes(`mark=${f.id}`));
    await page.locator(".tabs [role=tab][aria-selected=true], [role=tab][aria-selected=true]").first().focus();
    await page.keyboard.press("Escape");
    await page.waitForFunction(() => !location.search.includes("mark="));
    assert.equal(await page.locator(".selected").count(), 0, `${query}: nothing selected`);
    await closeClean(page);
  }
});
