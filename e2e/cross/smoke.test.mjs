// The smoke path in Firefox and WebKit over WebDriver (Chromium runs the full suite):
// load, every figure visible, a filter changes the charts and the URL, the URL reproduces the
// view in a fresh session, and no error. Run by `make e2e-cross` under xvfb-run (WebKit's
// MiniBrowser has no headless mode).

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { Builder, By, until } from "selenium-webdriver";
import firefox from "selenium-webdriver/firefox.js";
import LogInspector from "selenium-webdriver/bidi/logInspector.js";
import { startServer } from "../serve.mjs";

const DIST = new URL("../../dist", import.meta.url).pathname;
const GECKODRIVER = process.env.GECKODRIVER || `${process.env.HOME}/.cargo/bin/geckodriver`;
const WEBKITDRIVER = process.env.WEBKITDRIVER || "/usr/bin/WebKitWebDriver";
const MINIBROWSER = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";
const FIGURES = JSON.parse(await readFile(new URL("../../data/figures.json", import.meta.url), "utf8")).figures;
const STATEMENTS = Object.values(
  JSON.parse(await readFile(new URL("../../tests/fixtures/expected-statements.json", import.meta.url), "utf8")).figures,
).map(([statement]) => statement);

let server;
before(async () => {
  server = await startServer({ root: DIST, port: 0, base: "/some/sub/path/" });
});
after(async () => server?.close());

async function firefoxSession() {
  const options = new firefox.Options().setBinary("/usr/bin/firefox-esr").addArguments("-headless").enableBidi();
  const driver = await new Builder()
    .forBrowser("firefox")
    .setFirefoxOptions(options)
    .setFirefoxService(new firefox.ServiceBuilder(GECKODRIVER).setStdio("ignore"))
    .build();
  const problems = [];
  const inspector = await LogInspector(driver);
  await inspector.onConsoleEntry((e) => { if (["error", "warn"].includes(e.level)) problems.push(`console ${e.level}: ${e.text}`); });
  await inspector.onJavascriptException((e) => problems.push(`exception: ${e.text}`));
  return { driver, problems, quit: () => driver.quit() };
}

async function webkitSession() {
  const port = 4500 + Math.floor(Math.random() * 400);
  const child = spawn(WEBKITDRIVER, [`--port=${port}`], { stdio: "ignore" });
  await new Promise((r) => setTimeout(r, 800));
  const driver = await new Builder()
    .usingServer(`http://127.0.0.1:${port}`)
    .withCapabilities({ browserName: "MiniBrowser", "webkitgtk:browserOptions": { binary: MINIBROWSER, args: ["--automation"] } })
    .build();
  return {
    driver,
    problems: [],
    // Quit the session before stopping the driver, or MiniBrowser processes are left behind.
    quit: async () => {
      await driver.quit().catch(() => {});
      child.kill();
    },
  };
}

async function openApp(driver, query = "") {
  await driver.get(server.url + query);
  await driver.wait(until.elementLocated(By.css(".app[data-ready='true']")), 20000);
}

const pageErrors = (driver) => driver.executeScript("return window.__errors || ['no error trap']");

for (const [name, session] of [["Firefox", firefoxSession], ["WebKit", webkitSession]]) {
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
