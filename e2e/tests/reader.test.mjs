// The reader's experience beyond the charts: focus never drops to the page's body, filters apply
// to the Article view, a link to a hidden figure says so and offers to show it, and the page
// prints as dark ink on white, without controls, with its filters and address on top.

import { test } from "node:test";
import assert from "node:assert/strict";
import { useSite, waitForApp, closeClean, search, DATA, VOCAB, DRAWN, CHARTS, chartOf, bySlug, statement } from "./helpers.mjs";

const site = useSite();
const [A, B] = VOCAB.actors;
const focused = (page) => page.evaluate(() => document.activeElement.id || document.activeElement.tagName);

test("focus goes somewhere useful after Reset, Dismiss and the in-app links", async () => {
  const page = await site.open("?actors=none&zoom=1&view=pie");
  await page.locator(".empty").getByRole("button", { name: "Reset filters" }).click();
  await page.waitForFunction(() => document.activeElement.id === "view-panel");
  await page.getByRole("button", { name: "Dismiss" }).click();
  await page.waitForFunction(() => document.activeElement.id === "view-panel");
  await page.getByRole("button", { name: A.label, exact: true }).click();
  await page.getByRole("button", { name: "Reset filters" }).click();
  await page.waitForFunction(() => document.activeElement.id === "view-panel");

  // The last figure the charts draw: from its table row to its mark, its quote, and back.
  const f = DATA.figures.findLast((f) => f.value !== null);
  await page.getByRole("tab", { name: "Table" }).click();
  await page.locator(`tr[data-figure='${f.id}'] a.to-chart`).click();
  await page.waitForFunction(() => document.activeElement.id === "selected-mark");
  assert.equal(await page.evaluate(() => document.activeElement.dataset.mark), f.id);
  await page.keyboard.press("Tab");
  await page.keyboard.press("Shift+Tab");
  await page.locator(`#details-${chartOf(f).slug}`).getByRole("link", { name: "Show it in the article" }).click();
  await page.waitForFunction(() => document.activeElement.id === "selected-quote");
  const quote = (await page.evaluate(() => document.activeElement.textContent)).trim();
  assert.ok(quote.length > 0 && f.quotes.some((q) => q.includes(quote)), `"${quote}" is a stretch of ${f.id}'s quotes`);
  await page.locator("article .figure-links a", { hasText: `in the table: ${statement(f)}` }).first().click();
  await page.waitForFunction((id) => document.activeElement.id === `row-${id}`, f.id);
  assert.notEqual(await focused(page), "BODY");
  await closeClean(page);
});

test("Back and Forward keep the keyboard's place: the focus goes to the selected mark, or to the view", async () => {
  const f = DATA.figures.findLast((f) => f.value !== null);
  const page = await site.open("?view=table");
  await page.locator(`tr[data-figure='${f.id}'] a.to-chart`).focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.activeElement.id === "selected-mark");
  // Back to the table: the link that was used is gone with the view it was in.
  await page.goBack();
  await page.waitForFunction(() => new URLSearchParams(location.search).get("view") === "table");
  await page.waitForFunction(() => document.activeElement.tagName !== "BODY", null, { timeout: 3000 });
  assert.equal(await focused(page), "view-panel");
  // Forward to the mark (the view keeps the focus it had), then to its quote, and Back: the
  // mark has the focus again.
  await page.goForward();
  await page.waitForFunction((id) => new URLSearchParams(location.search).get("mark") === id, f.id);
  assert.equal(await focused(page), "view-panel");
  await page.locator(`#details-${chartOf(f).slug}`).getByRole("link", { name: "Show it in the article" }).focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.activeElement.id === "selected-quote");
  await page.goBack();
  await page.waitForFunction(() => document.activeElement.id === "selected-mark", null, { timeout: 3000 });
  assert.equal(await page.evaluate(() => document.activeElement.dataset.mark), f.id);
  await closeClean(page);
});

test("Back and Forward from a tab leave the focus on the tab now selected, not on the one the view left", async () => {
  const page = await site.open("");
  const selectedTab = () =>
    page.evaluate(() => [document.activeElement.getAttribute("role"), document.activeElement.getAttribute("aria-selected"), document.activeElement.textContent.trim()]);
  await page.getByRole("tab", { name: "Charts" }).focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => new URLSearchParams(location.search).get("view") !== null);
  const opened = await selectedTab();
  assert.deepEqual(opened.slice(0, 2), ["tab", "true"]);
  await page.goBack();
  await page.waitForFunction(() => new URLSearchParams(location.search).get("view") === null);
  await page.waitForFunction(() => document.activeElement.getAttribute("aria-selected") === "true", null, { timeout: 3000 }).catch(() => {});
  assert.deepEqual(await selectedTab(), ["tab", "true", "Charts"]);
  await page.goForward();
  await page.waitForFunction(() => new URLSearchParams(location.search).get("view") !== null);
  await page.waitForFunction(() => document.activeElement.getAttribute("aria-selected") === "true", null, { timeout: 3000 }).catch(() => {});
  assert.deepEqual(await selectedTab(), opened);
  await closeClean(page);
});

test("a selected figure's place in the article is one stretch: the start of its first quote", async () => {
  const page = await site.open("?view=article");
  // Each drawn figure (a vague one is never a mark to select).
  for (const f of DATA.figures.filter((f) => f.value !== null)) {
    await page.goto(site.url + `?view=article&mark=${f.id}`);
    await waitForApp(page);
    const targets = await page.locator("[id='selected-quote']").allTextContents();
    assert.equal(targets.length, 1, `${f.id}: ${JSON.stringify(targets)}`);
    assert.ok(f.quotes[0].startsWith(targets[0].trim()), `${f.id}: "${targets[0]}" does not start "${f.quotes[0]}"`);
  }
  await closeClean(page);
});

test("in an embed too, Dismiss and Reset leave the focus on the view", async () => {
  const page = await site.open("?embed=1&actors=none&view=pie");
  await page.getByRole("button", { name: "Dismiss" }).click();
  await page.waitForFunction(() => document.activeElement.id === "view-panel");
  await page.getByRole("button", { name: "Reset filters" }).click();
  await page.waitForFunction(() => document.activeElement.id === "view-panel");
  assert.ok((await page.locator("g.mark").count()) > 0);
  await closeClean(page);
});

test("the Article view follows the filters: what they hide is marked hidden, not linked", async () => {
  // One source alone: a stretch of the text is linked where it quotes a figure of that source,
  // and marked hidden where each figure it quotes is another's.
  const source = DRAWN.source;
  const shown = new Set(DATA.figures.filter((f) => f.source === source).map((f) => f.id));
  const page = await site.open(`?view=article&sources=${source}`);
  const figuresOf = (sel) => page.locator(sel).evaluateAll((ss) => ss.map((s) => s.dataset.figures.split(" ")));
  const linked = await figuresOf("mark.figure-quote");
  const hidden = await figuresOf(".hidden-by-filters");
  assert.ok(linked.length > 0 && linked.every((ids) => ids.some((id) => shown.has(id))), JSON.stringify(linked));
  assert.ok(hidden.length > 0 && hidden.every((ids) => ids.every((id) => !shown.has(id))), JSON.stringify(hidden));
  // Every figure's quotes are in the text, linked or hidden as its source is shown or not.
  for (const f of DATA.figures) {
    const where = (shown.has(f.id) ? linked : hidden).flat();
    assert.ok(where.includes(f.id) || linked.flat().includes(f.id), `${f.id} is ${shown.has(f.id) ? "linked" : "marked hidden"}`);
  }
  assert.match(await page.locator("article").innerText(), /\(hidden by the filters\)/);
  assert.equal(await page.locator(".hidden-by-filters a, .hidden-by-filters + .figure-links").count(), 0);
  await closeClean(page);
});

test("the Timeline follows the Country and Source filters: what they hide is marked hidden", async () => {
  const cases = VOCAB.actors.map((a) => [`actors=${a.slug}`, (e) => e.actors.length === 0 || e.actors.includes(a.slug)]);
  const source = DATA.events[0].source;
  cases.push([`sources=${source}`, (e) => e.source === source]);
  for (const [query, keeps] of cases) {
    const page = await site.open(`?view=timeline&${query}`);
    const shown = await page.locator("li.event:not(.hidden-by-filters)").evaluateAll((ls) => ls.map((l) => l.dataset.event));
    const expected = DATA.events.filter(keeps).map((e) => e.id);
    assert.deepEqual([...shown].sort(), [...expected].sort(), query);
    for (const e of DATA.events.filter((e) => !keeps(e))) {
      const item = page.locator(`li.event[data-event='${e.id}']`);
      assert.match(await item.innerText(), /Hidden by the filters/, `${query}: ${e.id}`);
      assert.equal(await item.locator("q").count(), 0, `${query}: ${e.id} keeps its quote back`);
    }
    // A line says what the filters leave, where they hide any event, naming the article's filter.
    if (expected.length < DATA.events.length) {
      const line = await page.locator(".timeline-count").innerText();
      assert.ok(line.startsWith(`The ${VOCAB.page.actor_filter} and Source filters leave ${expected.length} of ${DATA.events.length} events`), line);
    } else {
      assert.equal(await page.locator(".timeline-count").count(), 0, `${query} hides no event`);
    }
    await closeClean(page);
  }
});

test("a link to a figure its filters hide says why and offers to show it", async () => {
  // A drawn figure, and a source that is not its own.
  const other = VOCAB.sources.find((s) => s.slug !== DRAWN.source).slug;
  const page = await site.open(`?sources=${other}&mark=${DRAWN.id}`);
  const notice = page.locator(".notice");
  assert.ok((await notice.innerText()).includes(`mark=${DRAWN.id}: the filters hide that figure`));
  await notice.getByRole("button", { name: "Show it, with every filter off" }).click();
  assert.equal(await search(page), `?mark=${DRAWN.id}`);
  assert.equal(await page.locator(".notice").count(), 0);
  assert.ok((await page.locator(`g.mark.selected[data-mark='${DRAWN.id}']`).count()) > 0);
  await closeClean(page);
});

for (const colorScheme of ["light", "dark"]) {
  test(`printed in the ${colorScheme} theme: dark ink on white, no controls, filters and address on top`, async () => {
    const two = `actors=${A.slug},${B.slug}`;
    const page = await site.open(`?${two}&view=table`, { colorScheme });
    await page.emulateMedia({ media: "print", colorScheme });
    const look = await page.evaluate(() => {
      const app = document.querySelector(".app");
      const td = document.querySelector("tbody td");
      const shown = (sel) => [...document.querySelectorAll(sel)].filter((e) => e.getClientRects().length > 0).length;
      return {
        background: getComputedStyle(app).backgroundColor,
        ink: getComputedStyle(td).color,
        // The table's sort buttons stay as its column names, printed as plain text.
        controls: shown("button:not(.sort), [role=tab], .filters, .share, .sort-arrow"),
        columns: [...document.querySelectorAll("thead .sort")].map((b) => getComputedStyle(b).borderTopStyle),
        header: document.querySelector(".print-only").innerText,
        headerShown: shown(".print-only"),
      };
    });
    assert.equal(look.background, "rgb(255, 255, 255)");
    assert.equal(look.ink, "rgb(0, 0, 0)");
    assert.equal(look.controls, 0, "no controls on paper");
    assert.deepEqual(look.columns, Array(6).fill("none"), "column names without button borders");
    assert.equal(look.headerShown, 1);
    const head = `Filters: ${VOCAB.page.actor_filter}: ${A.label} and ${B.label}. View: Table. http`;
    assert.ok(look.header.startsWith(head) && look.header.endsWith(`?${two}&view=table`), look.header);
    const pdf = await page.pdf({ format: "A4" });
    assert.ok(pdf.length > 10000 && pdf.subarray(0, 5).toString() === "%PDF-", "a PDF");
    if (process.env.PRINT_DIR) await (await import("node:fs/promises")).writeFile(`${process.env.PRINT_DIR}/print-${colorScheme}.pdf`, pdf);
    // The charts' summaries wait behind "Description" on screen; paper cannot open it, so each
    // prints in full, and the disclosure does not.
    await page.goto(`${site.url}?${two}`);
    await page.waitForSelector(".app[data-ready='true']");
    const paper = await page.evaluate(() => ({
      summaries: [...document.querySelectorAll("figcaption .print-only")].filter((e) => e.getClientRects().length > 0).map((e) => e.innerText),
      disclosures: [...document.querySelectorAll("details.description > summary")].filter((e) => e.getClientRects().length > 0).length,
    }));
    const charts = CHARTS.filter((c) => c.figures.some((f) => f.actor === A.slug || f.actor === B.slug));
    assert.equal(paper.summaries.length, charts.length);
    const others = VOCAB.actors.filter((a) => a !== A && a !== B);
    assert.ok(paper.summaries.every((t) => /^Showing \d+ figures? for /.test(t)
      && (t.includes(`${A.label}:`) || t.includes(`${B.label}:`))
      && others.every((o) => !t.includes(`${o.label}:`))), paper.summaries.join(" | "));
    assert.equal(paper.disclosures, 0);
    await closeClean(page);
  });
}

test("\"Show it in the article\" brings the quote into sight with a line of the article above it and its ring whole", async () => {
  for (const f of DATA.figures.filter((f) => f.value !== null)) {
    const page = await site.open(`?mark=${f.id}`, { width: 375, height: 640 });
    await page.locator(`#details-${chartOf(f).slug}`).getByRole("link", { name: "Show it in the article" }).click();
    await page.waitForFunction(() => document.activeElement.id === "selected-quote");
    await page.waitForTimeout(100);
    const at = await page.evaluate(() => {
      const q = document.activeElement;
      const line = parseFloat(getComputedStyle(q.closest("p") ?? q.parentElement).lineHeight);
      const r = q.getClientRects()[0];
      return { top: r.top, line, height: innerHeight, first: q.closest("article")?.getBoundingClientRect().top };
    });
    const where = `${f.id}: ${JSON.stringify(at)}`;
    assert.ok(at.top < at.height, where);
    // A line of context above, unless the article's own top is in sight already.
    assert.ok(at.top >= at.line || at.first >= 0, where);
    await closeClean(page);
  }
});
