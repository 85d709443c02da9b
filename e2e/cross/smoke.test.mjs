// The smoke path in Firefox and WebKit over WebDriver (Chromium runs the full suite):
// load, every figure visible, a filter changes the charts and the URL, the URL reproduces the
// view in a fresh session, and no error. Run by `make e2e-cross` under xvfb-run (WebKit's
// MiniBrowser has no headless mode).

import { test } from "node:test";
import assert from "node:assert/strict";
import { By } from "selenium-webdriver";
import { DATA, STATEMENTS, ENGINES, useServer, openApp as open, pageErrors } from "./sessions.mjs";

const FIGURES = DATA.figures;
const server = useServer();
const openApp = (driver, query = "") => open(driver, server.url + query);

for (const [name, session] of ENGINES) {
  test(`${name}: load, see every figure, filter, share the URL, no errors`, async () => {
    const s = await session();
    try {
      const { driver } = s;
      await openApp(driver);
      const text = await driver.findElement(By.css("main")).getText();
      for (const statement of STATEMENTS) assert.ok(text.includes(statement), `${name}: "${statement}" is missing`);
      assert.equal(FIGURES.length, STATEMENTS.length);
      assert.equal((await driver.findElements(By.css("g.mark[data-mark^='ua-']"))).length, 2);

      await driver.findElement(By.css("button[data-filter='actor:ukraine']")).click();
      await driver.wait(async () => (await driver.findElements(By.css("g.mark[data-mark^='ua-']"))).length === 0, 5000);
      const url = await driver.getCurrentUrl();
      assert.ok(url.endsWith("?actors=russia,north-korea"), url);
      const pressed = await driver.findElement(By.css("button[data-filter='actor:ukraine']")).getAttribute("aria-pressed");
      assert.equal(pressed, "false");
      assert.deepEqual(await pageErrors(driver), []);
      await s.quit();

      // The URL reproduces the view in a fresh browser session.
      const fresh = await session();
      try {
        await openApp(fresh.driver, "?actors=russia,north-korea");
        assert.equal((await fresh.driver.findElements(By.css("g.mark[data-mark^='ua-']"))).length, 0);
        assert.equal((await fresh.driver.findElements(By.css("g.mark[data-mark^='ru-']"))).length, 5);
        const freshPressed = await fresh.driver.findElement(By.css("button[data-filter='actor:ukraine']")).getAttribute("aria-pressed");
        assert.equal(freshPressed, "false");
        assert.deepEqual(await pageErrors(fresh.driver), []);
        assert.deepEqual(fresh.problems, []);
      } finally {
        await fresh.quit();
      }
      assert.deepEqual(s.problems, []);
    } catch (e) {
      await s.quit().catch(() => {});
      throw e;
    }
  });
}
