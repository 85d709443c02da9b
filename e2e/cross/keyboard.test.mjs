// The keyboard's way through the charts in Firefox and WebKit over WebDriver, as Chromium checks
// it through Playwright (tests/a11y.test.mjs): a skip link from the top of the page, one tab
// stop a chart, the arrow keys, Home and End between its marks, Enter to select, Escape to
// clear. Real key presses, sent by the driver to the page.

import { test } from "node:test";
import assert from "node:assert/strict";
import { Key } from "selenium-webdriver";
import { DATA, ENGINES, useServer, openApp, pageErrors } from "./sessions.mjs";

const server = useServer();
const js = (driver, body, ...args) => driver.executeScript(body, ...args);
const press = (driver, ...keys) => driver.actions().sendKeys(...keys).perform();
const focused = (driver) => js(driver, `const el = document.activeElement;
  return { tag: el.tagName, id: el.id, mark: el.dataset.mark || null, chart: el.closest("figure[data-chart]")?.dataset.chart || null,
    name: (el.getAttribute("aria-label") || el.textContent).trim() };`);
// Where the focused mark's button is, against its bar's row: a magnifier follows the focus.
const overItsBar = (driver) => js(driver, `const b = document.activeElement, r = b.getBoundingClientRect();
  const bar = b.closest("figure").querySelector("g.mark[data-mark='" + b.dataset.mark + "'] rect.hit").getBoundingClientRect();
  const [x, y] = [(bar.left + bar.right) / 2, (bar.top + bar.bottom) / 2];
  return { over: r.left <= x && x <= r.right && r.top <= y && y <= r.bottom && r.bottom > 0 && r.top < innerHeight,
    button: [r.left, r.top, r.width, r.height].map(Math.round), bar: [bar.left, bar.top, bar.width, bar.height].map(Math.round) };`);
const until = async (driver, body, what) => {
  try {
    await driver.wait(() => js(driver, `return Boolean(${body})`), 5000);
  } catch {
    assert.fail(`${what}: still not true after 5 s: ${body}`);
  }
};

// The strength chart's marks in drawing order: by actor, each actor's in the data's order.
const ACTORS = ["russia", "ukraine", "north-korea"];
const STRENGTH = ACTORS.flatMap((a) => DATA.figures.filter((f) => f.actor === a && f.value !== null
  && ["active-soldiers", "soldiers-available", "killed", "losses", "deployed-at-front", "planned-deployment"].includes(f.measure)).map((f) => f.id));

for (const [name, session] of ENGINES) {
  test(`${name}: skip link, one tab stop a chart, arrows, Home and End, Enter, Escape`, async () => {
    const s = await session();
    try {
      const { driver } = s;
      await openApp(driver, server.url);
      // From the top: the first Tab reaches the skip link to the charts.
      await js(driver, "document.activeElement.blur(); window.scrollTo(0, 0)");
      await press(driver, Key.TAB);
      const skip = await focused(driver);
      assert.match(skip.name, /Skip to the charts/, `${name}: the first tab stop is the skip link: ${JSON.stringify(skip)}`);
      await press(driver, Key.ENTER);
      await until(driver, "document.activeElement.id === 'view-panel'", "the skip link leads to the view");
      // Then the first chart's marks (its "Description" comes after them): two Tab presses in all.
      await press(driver, Key.TAB);
      let at = await focused(driver);
      assert.equal(at.mark, STRENGTH[0], `${name}: the next Tab reaches the first chart's first mark`);
      assert.match(at.name, new RegExp(`, 1 of ${STRENGTH.length}, in `));
      // The arrows, Home and End move between the chart's marks.
      await press(driver, Key.ARROW_DOWN);
      assert.equal((await focused(driver)).mark, STRENGTH[1], "ArrowDown");
      let where = await overItsBar(driver);
      assert.ok(where.over, `${name}: the focused button is its bar's row, in sight: ${JSON.stringify(where)}`);
      await press(driver, Key.END);
      assert.equal((await focused(driver)).mark, STRENGTH.at(-1), "End");
      where = await overItsBar(driver);
      assert.ok(where.over, `${name}: and after End: ${JSON.stringify(where)}`);
      await press(driver, Key.HOME);
      assert.equal((await focused(driver)).mark, STRENGTH[0], "Home");
      await press(driver, Key.ARROW_RIGHT);
      at = await focused(driver);
      assert.equal(at.mark, STRENGTH[1], "ArrowRight");
      // Enter selects it; Escape clears the selection, the focus staying on the mark.
      await press(driver, Key.ENTER);
      await until(driver, `location.search === '?mark=${STRENGTH[1]}'`, "Enter selects");
      assert.equal(await js(driver, "return document.activeElement.getAttribute('aria-pressed')"), "true");
      await press(driver, Key.ESCAPE);
      await until(driver, "location.search === ''", "Escape clears");
      assert.equal((await focused(driver)).mark, STRENGTH[1], "the focus stays on the mark");
      // Tab leaves the chart: the next stop is not another of its marks.
      await press(driver, Key.TAB);
      const next = await focused(driver);
      assert.ok(!(next.chart === "strength" && next.mark), `${name}: Tab leaves the chart's marks: ${JSON.stringify(next)}`);
      // Each chart has exactly one mark in the tab order.
      const stops = await js(driver, `return [...document.querySelectorAll("figure[data-chart]")].map((f) =>
        [...f.querySelectorAll(".mark-button")].filter((b) => b.tabIndex === 0).length)`);
      assert.ok(stops.length >= 2 && stops.every((n) => n === 1), `one tab stop a chart: ${stops}`);
      assert.deepEqual(await pageErrors(driver), []);
      assert.deepEqual(s.problems, []);
    } finally {
      await s.quit();
    }
  });
}
