// The reader's experience in Firefox and WebKit over WebDriver, point by point, as
// Chromium checks it through Playwright: details where the eye is, filters everywhere, the
// keyboard, names for screen readers, sorting, links as people type them, and paper. One browser
// session per engine runs every check in turn; each check says which point failed.

import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { promisify } from "node:util";
import { By, Key } from "selenium-webdriver";
import { DATA, ENGINES, useServer, openApp, pageErrors } from "./sessions.mjs";

const server = useServer();
const js = (driver, body, ...args) => driver.executeScript(body, ...args);
const active = (driver) => js(driver, "return document.activeElement.id || document.activeElement.tagName");
const search = (driver) => js(driver, "return location.search");
const until = async (driver, body, what) => {
  try {
    await driver.wait(() => js(driver, `return Boolean(${body})`), 5000);
  } catch {
    assert.fail(`${what}: still not true after 5 s: ${body}`);
  }
};
const press = (driver, ...keys) => driver.actions().sendKeys(...keys).perform();

const CHECKS = {
  async "details open once, under the chart, in view, and the pointer's way does not change them"(driver) {
    await openApp(driver, server.url);
    // nk-planned is drawn in two charts; selected in the second, its details open there alone.
    const bar = await driver.findElement(By.css("#chart-north-korea g.mark[data-mark='nk-planned'] rect.hit"));
    await js(driver, "arguments[0].scrollIntoView({block: 'center'})", bar);
    await bar.click();
    await until(driver, "location.search === '?mark=nk-planned'", "the click selects");
    const filled = () => js(driver, "return [...document.querySelectorAll('.details')].filter((d) => d.textContent.trim()).map((d) => d.id)");
    assert.deepEqual(await filled(), ["details-north-korea"]);
    await until(driver, "(() => { const r = document.getElementById('details-north-korea').getBoundingClientRect(); return r.top >= 0 && r.top + Math.min(r.height, 200) <= innerHeight; })()", "the details are in view");
    // The pointer crosses another bar on its way to the details.
    const other = await driver.findElement(By.css("#chart-north-korea g.mark[data-mark='ru-force-increase'] rect.hit"));
    await driver.actions().move({ origin: other }).perform();
    assert.match(await driver.findElement(By.id("details-north-korea")).getText(), /up to 100,000 soldiers may be sent/);
  },

  async "the Article view and the Timeline follow the filters, marking what they hide"(driver) {
    await openApp(driver, `${server.url}?view=article&sources=new-york-post`);
    const hidden = await js(driver, "return [...document.querySelectorAll('.hidden-by-filters')].flatMap((s) => s.dataset.figures.split(' '))");
    assert.ok(hidden.includes("nk-planned") && hidden.includes("ru-missiles"), hidden.join());
    assert.equal(await js(driver, "return document.querySelectorAll('.hidden-by-filters a').length"), 0);
    await openApp(driver, `${server.url}?view=timeline&actors=north-korea`);
    const shown = await js(driver, "return [...document.querySelectorAll('li.event:not(.hidden-by-filters)')].map((l) => l.dataset.event)");
    const expected = DATA.events.filter((e) => e.actors.length === 0 || e.actors.includes("north-korea")).map((e) => e.id);
    assert.deepEqual(shown.sort(), expected.sort());
  },

  async "a link to a hidden figure says why and offers to show it"(driver) {
    await openApp(driver, `${server.url}?sources=new-york-post&mark=nk-planned`);
    assert.match(await driver.findElement(By.css(".notice")).getText(), /mark=nk-planned: the filters hide that figure/);
    await driver.findElement(By.xpath("//button[normalize-space()='Show it, with every filter off']")).click();
    await until(driver, "location.search === '?mark=nk-planned'", "Show it");
    await until(driver, "document.querySelector(\"g.mark.selected[data-mark='nk-planned']\")", "the figure is selected");
  },

  async "focus goes to the view after Reset and Dismiss, and to the quote after Show it in the article"(driver) {
    await openApp(driver, `${server.url}?actors=none&view=pie`);
    await driver.findElement(By.css(".empty button")).click();
    await until(driver, "document.activeElement.id === 'view-panel'", "after Reset in the empty state");
    await driver.findElement(By.xpath("//button[normalize-space()='Dismiss']")).click();
    await until(driver, "document.activeElement.id === 'view-panel'", "after Dismiss");
    await openApp(driver, `${server.url}?mark=ua-losses`);
    const link = await driver.findElement(By.css("#details-strength a[href*='view=article']"));
    await js(driver, "arguments[0].scrollIntoView({block: 'center'})", link);
    await link.click();
    await until(driver, "document.activeElement.id === 'selected-quote'", "after Show it in the article");
    assert.match(await js(driver, "return document.activeElement.textContent"), /approximately 80,000 losses/);
  },

  async "tabs: arrows move the focus, Enter or Space opens without scrolling, one history entry per view"(driver) {
    await openApp(driver, server.url);
    const start = await js(driver, "return history.length");
    await js(driver, "document.getElementById('tab-charts').focus()");
    await press(driver, Key.ARROW_RIGHT, Key.ARROW_RIGHT, Key.ARROW_RIGHT);
    assert.equal(await active(driver), "tab-timeline", "three arrows move the focus to Timeline");
    assert.equal(await search(driver), "", "and open nothing");
    assert.equal(await js(driver, "return history.length"), start, "and add no history");
    await press(driver, Key.ARROW_LEFT);
    const scroll = await js(driver, "return scrollY");
    await press(driver, Key.SPACE);
    await until(driver, "location.search === '?view=article'", "Space opens the focused tab");
    assert.equal(await js(driver, "return scrollY"), scroll, "Space does not scroll the page");
    await press(driver, Key.END, Key.ENTER);
    await until(driver, "location.search === '?view=timeline'", "Enter opens the focused tab");
    assert.equal(await js(driver, "return history.length"), start + 2, "one entry per view opened");
    await driver.navigate().back();
    await until(driver, "location.search === '?view=article'", "Back returns to the view before");
  },

  async "the Embed panel comes right after its button and closes on Escape"(driver) {
    await openApp(driver, server.url);
    const button = await driver.findElement(By.id("embed-button"));
    await js(driver, "arguments[0].scrollIntoView({block: 'center'})", button);
    await button.click();
    await until(driver, "document.getElementById('embed-panel')", "the panel opens");
    // The live preview loads the app in a frame; WebKit's driver can hang on a script run while
    // that frame is still loading, so wait until the preview has reported its height.
    await until(driver, "/will be \\d+ px/.test(document.querySelector('.embed-size')?.textContent || '')", "the preview is measured");
    await js(driver, "document.getElementById('embed-button').focus()");
    await press(driver, Key.TAB);
    assert.ok(await js(driver, "return document.activeElement.closest('#embed-panel') !== null"), "the panel is next in the tab order");
    await press(driver, Key.ESCAPE);
    await until(driver, "!document.getElementById('embed-panel')", "Escape closes it");
    assert.equal(await active(driver), "embed-button", "the focus goes back to its button");
  },

  async "every control has a name of its own; each chart's summary is its drawing's description, shown once"(driver) {
    await openApp(driver, server.url);
    const twice = await js(driver, `
      const names = [...document.querySelectorAll("button, a[href], [role=tab], summary")]
        .map((e) => (e.getAttribute("aria-label") || e.textContent).replace(/\\s+/g, " ").trim());
      return names.filter((n, i) => names.indexOf(n) !== i);`);
    assert.deepEqual(twice, []);
    const charts = await js(driver, `return [...document.querySelectorAll("figure.chart")].map((f) => [
      f.dataset.chart, [...f.querySelectorAll("svg.panel-svg")].map((s) => s.getAttribute("aria-describedby")), f.querySelector("figcaption").innerText.trim()])`);
    for (const [chart, described, caption] of charts) {
      // The first panel's drawing carries the description; a second panel's would tell it twice.
      assert.deepEqual(described, described.map((_, i) => (i === 0 ? `summary-${chart}` : null)), `${chart}: ${described}`);
      assert.equal(caption, "Description", `${chart}: the summary is not told twice on screen`);
    }
  },

  async "sorting: actors A to Z, periods by time with undated last"(driver) {
    await openApp(driver, `${server.url}?view=table&sort=actor`);
    const actors = await js(driver, "return [...document.querySelectorAll('tbody tr td:first-child')].map((t) => t.textContent)");
    assert.deepEqual(actors, [...actors].sort());
    await openApp(driver, `${server.url}?view=table&sort=period`);
    const asOf = Object.fromEntries(DATA.figures.map((f) => [f.id, f.worked_out?.as_of ?? null]));
    const days = (await js(driver, "return [...document.querySelectorAll('tbody tr')].map((r) => r.dataset.figure)")).map((id) => asOf[id]);
    const dated = days.filter(Boolean);
    assert.deepEqual(days, [...dated, ...days.filter((d) => !d)], "undated last");
    assert.deepEqual(dated, [...dated].sort(), "by time");
  },

  async "links as people type and paste them: any case, + for a space, &amp; for &"(driver) {
    await openApp(driver, `${server.url}?view=TABLE&theme=DARK&mark=RU-ACTIVE&sort=value-DESC`);
    assert.equal(await js(driver, "return document.querySelectorAll('.notice').length"), 0, "no notice");
    assert.equal(await js(driver, "return document.querySelector('[role=tab][aria-selected=true]').id"), "tab-table");
    assert.equal(await js(driver, "return getComputedStyle(document.querySelector('.app')).backgroundColor"), "rgb(18, 20, 23)");
    assert.equal(await js(driver, "return document.querySelector('tr.selected')?.dataset.figure"), "ru-active");
    const kept = await search(driver);
    for (const part of ["view=table", "theme=dark", "mark=ru-active", "sort=value-desc"]) assert.ok(kept.includes(part), kept);
    await openApp(driver, `${server.url}?actors=north+korea`);
    assert.equal(await search(driver), "?actors=north-korea");
    await openApp(driver, `${server.url}?actors=russia&amp;view=table`);
    assert.equal(await js(driver, "return document.querySelector('[role=tab][aria-selected=true]').id"), "tab-table");
  },
};

for (const [name, session] of ENGINES) {
  test(`${name}: the reader's experience, point by point`, async (t) => {
    const s = await session();
    try {
      for (const [what, check] of Object.entries(CHECKS)) {
        // A driver that hangs fails the check, instead of the whole run.
        await t.test(what, { timeout: 60_000 }, async () => {
          await check(s.driver);
          assert.deepEqual(await pageErrors(s.driver), []);
        });
      }
      await t.test("the print stylesheet: dark ink on white, no controls, filters and address on top, summaries", async () => {
        // WebDriver cannot emulate print media; the engine applies the page's own print rules
        // once they are turned on for the screen (CSSOM), and its computed styles are read.
        await openApp(s.driver, `${server.url}?actors=russia,ukraine&theme=dark`);
        const look = await js(s.driver, `
          for (const sheet of document.styleSheets)
            for (const rule of sheet.cssRules)
              if (rule instanceof CSSMediaRule && rule.media.mediaText === "print") rule.media.mediaText = "all";
          const shown = (sel) => [...document.querySelectorAll(sel)].filter((e) => e.getClientRects().length > 0).length;
          return {
            background: getComputedStyle(document.querySelector(".app")).backgroundColor,
            ink: getComputedStyle(document.querySelector(".chart-title")).color,
            controls: shown("button, [role=tab], .filters, .share, details.description > summary"),
            header: document.querySelector(".print-only").innerText,
            summaries: [...document.querySelectorAll("figcaption .print-only")].filter((e) => e.getClientRects().length > 0).map((e) => e.innerText),
          };`);
        assert.equal(look.background, "rgb(255, 255, 255)");
        assert.equal(look.ink, "rgb(0, 0, 0)");
        assert.equal(look.controls, 0, "no controls on paper");
        assert.match(look.header, /^Filters: Country: Russia and Ukraine\. View: Charts\. http.*\?actors=russia,ukraine&theme=dark$/);
        assert.equal(look.summaries.length, 3);
        assert.ok(look.summaries.every((t) => /^Showing \d+ figures? for /.test(t)), look.summaries.join(" | "));
      });
      // And on paper, where the engine's WebDriver has the Print command (Firefox; WebKit's has none).
      await t.test("printed to PDF: no controls, the filters and the address on top, the summaries", async (tt) => {
        await openApp(s.driver, `${server.url}?actors=russia,ukraine&theme=dark`);
        let pdf;
        try {
          pdf = await s.driver.printPage({ background: true });
        } catch (e) {
          tt.skip(`${name}'s WebDriver cannot print: ${String(e.message).split("\n")[0]}`);
          return;
        }
        const file = `/tmp/frontline-${name}-print.pdf`;
        await writeFile(file, Buffer.from(pdf, "base64"));
        const { stdout } = await promisify(execFile)("pdftotext", ["-layout", file, "-"]);
        const text = stdout.replace(/\uFB01/g, "fi").replace(/\s+/g, " ");
        assert.match(text, /Filters: Country: Russia and Ukraine\. View: Charts\./);
        assert.match(text, /actors=russia,ukraine/);
        assert.match(text, /Showing \d+ figures? for Russia and Ukraine/, "the summary, which waits behind a disclosure on screen");
        for (const control of ["Copy link", "Download CSV", "Show filters", "Description"]) assert.ok(!text.includes(control), `"${control}" is printed`);
      });
      assert.deepEqual(s.problems, []);
    } finally {
      await s.quit();
    }
  });
}
