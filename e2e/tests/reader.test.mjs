// The reader's experience beyond the charts: focus never drops to the page's body, filters apply
// to the Article view, a link to a hidden figure says so and offers to show it, and the page
// prints as dark ink on white, without controls, with its filters and address on top.

import { test } from "node:test";
import assert from "node:assert/strict";
import { useSite, closeClean, search, DATA } from "./helpers.mjs";

const site = useSite();
const focused = (page) => page.evaluate(() => document.activeElement.id || document.activeElement.tagName);

test("focus goes somewhere useful after Reset, Dismiss and the in-app links", async () => {
  const page = await site.open("?actors=none&zoom=1&view=pie");
  await page.locator(".empty").getByRole("button", { name: "Reset filters" }).click();
  await page.waitForFunction(() => document.activeElement.id === "view-panel");
  await page.getByRole("button", { name: "Dismiss" }).click();
  await page.waitForFunction(() => document.activeElement.id === "view-panel");
  await page.getByRole("button", { name: "Russia", exact: true }).click();
  await page.getByRole("button", { name: "Reset filters" }).click();
  await page.waitForFunction(() => document.activeElement.id === "view-panel");

  await page.getByRole("tab", { name: "Table" }).click();
  await page.locator("tr[data-figure='ua-losses'] a.to-chart").click();
  await page.waitForFunction(() => document.activeElement.id === "selected-mark");
  assert.equal(await page.evaluate(() => document.activeElement.dataset.mark), "ua-losses");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Shift+Tab");
  await page.locator("#details-strength").getByRole("link", { name: "Show it in the article" }).click();
  await page.waitForFunction(() => document.activeElement.id === "selected-quote");
  assert.match(await page.evaluate(() => document.activeElement.textContent), /approximately 80,000 losses/);
  await page.locator("article a", { hasText: "row: losses" }).click();
  await page.waitForFunction(() => document.activeElement.id === "row-ua-losses");
  assert.notEqual(await focused(page), "BODY");
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
  const page = await site.open("?view=article&sources=new-york-post");
  const linked = await page.locator("mark.figure-quote").evaluateAll((ms) => [...new Set(ms.flatMap((m) => m.dataset.figures.split(" ")))]);
  assert.ok(linked.every((id) => ["ru-active", "ru-killed", "ua-soldiers", "ua-losses"].includes(id)), linked.join());
  const hidden = await page.locator(".hidden-by-filters").evaluateAll((ss) => ss.flatMap((s) => s.dataset.figures.split(" ")));
  assert.ok(hidden.includes("nk-planned") && hidden.includes("ru-missiles"), hidden.join());
  assert.match(await page.locator("article").innerText(), /\(hidden by the filters\)/);
  assert.equal(await page.locator(".hidden-by-filters a, .hidden-by-filters + .figure-links").count(), 0);
  await closeClean(page);
});

test("the Timeline follows the Country and Source filters: what they hide is marked hidden", async () => {
  for (const [query, keeps] of [
    ["actors=north-korea", (e) => e.actors.length === 0 || e.actors.includes("north-korea")],
    ["actors=ukraine", (e) => e.actors.length === 0 || e.actors.includes("ukraine")],
    ["sources=new-york-post", (e) => e.source === "new-york-post"],
  ]) {
    const page = await site.open(`?view=timeline&${query}`);
    const shown = await page.locator("li.event:not(.hidden-by-filters)").evaluateAll((ls) => ls.map((l) => l.dataset.event));
    const expected = DATA.events.filter(keeps).map((e) => e.id);
    assert.deepEqual([...shown].sort(), [...expected].sort(), query);
    for (const e of DATA.events.filter((e) => !keeps(e))) {
      const item = page.locator(`li.event[data-event='${e.id}']`);
      assert.match(await item.innerText(), /Hidden by the filters/, `${query}: ${e.id}`);
      assert.equal(await item.locator("q").count(), 0, `${query}: ${e.id} keeps its quote back`);
    }
    assert.match(await page.locator(".timeline-count").innerText(), new RegExp(`leave ${expected.length} of ${DATA.events.length} events`));
    await closeClean(page);
  }
});

test("a link to a figure its filters hide says why and offers to show it", async () => {
  const page = await site.open("?sources=new-york-post&mark=nk-planned");
  const notice = page.locator(".notice");
  assert.match(await notice.innerText(), /mark=nk-planned: the filters hide that figure/);
  await notice.getByRole("button", { name: "Show it, with every filter off" }).click();
  assert.equal(await search(page), "?mark=nk-planned");
  assert.equal(await page.locator(".notice").count(), 0);
  assert.ok((await page.locator("g.mark.selected[data-mark='nk-planned']").count()) > 0);
  await closeClean(page);
});

for (const colorScheme of ["light", "dark"]) {
  test(`printed in the ${colorScheme} theme: dark ink on white, no controls, filters and address on top`, async () => {
    const page = await site.open("?actors=russia,ukraine&view=table", { colorScheme });
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
    assert.match(look.header, /^Filters: Country: Russia and Ukraine\. View: Table\. http.*\?actors=russia,ukraine&view=table$/);
    const pdf = await page.pdf({ format: "A4" });
    assert.ok(pdf.length > 10000 && pdf.subarray(0, 5).toString() === "%PDF-", "a PDF");
    if (process.env.PRINT_DIR) await (await import("node:fs/promises")).writeFile(`${process.env.PRINT_DIR}/print-${colorScheme}.pdf`, pdf);
    // The charts' summaries wait behind "Description" on screen; paper cannot open it, so each
    // prints in full, and the disclosure does not.
    await page.goto(`${site.url}?actors=russia,ukraine`);
    await page.waitForSelector(".app[data-ready='true']");
    const paper = await page.evaluate(() => ({
      summaries: [...document.querySelectorAll("figcaption .print-only")].filter((e) => e.getClientRects().length > 0).map((e) => e.innerText),
      disclosures: [...document.querySelectorAll("details.description > summary")].filter((e) => e.getClientRects().length > 0).length,
    }));
    assert.equal(paper.summaries.length, 3);
    assert.ok(paper.summaries.every((t) => /^Showing \d+ figures? for (Russia|Ukraine)/.test(t) && !t.includes("North Korea:")), paper.summaries.join(" | "));
    assert.equal(paper.disclosures, 0);
    await closeClean(page);
  });
}
