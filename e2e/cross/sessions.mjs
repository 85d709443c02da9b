// Shared by the cross-browser tests: the built site served from a sub-folder, and a WebDriver
// session in Firefox (headless, with BiDi for console errors) or WebKit (MiniBrowser, under the
// Xvfb that `make e2e-cross` runs in). Chromium runs the full suite through Playwright instead.

import { before, after } from "node:test";
import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { Builder, By, until } from "selenium-webdriver";
import firefox from "selenium-webdriver/firefox.js";
import LogInspector from "selenium-webdriver/bidi/logInspector.js";
import { startServer } from "../serve.mjs";

const DIST = process.env.DIST || new URL("../../dist", import.meta.url).pathname;
const GECKODRIVER = process.env.GECKODRIVER || `${process.env.HOME}/.cargo/bin/geckodriver`;
const WEBKITDRIVER = process.env.WEBKITDRIVER || "/usr/bin/WebKitWebDriver";
const MINIBROWSER = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";

export const DATA = JSON.parse(await readFile(new URL("../../data/north-korea-troops/figures.json", import.meta.url), "utf8"));
export const STATEMENTS = Object.values(
  JSON.parse(await readFile(new URL("../../tests/fixtures/expected-statements.json", import.meta.url), "utf8")).figures,
).map(([statement]) => statement);

/// The site, served for the file's tests; `server.url` is its address.
export function useServer() {
  const server = {};
  before(async () => Object.assign(server, await startServer({ root: DIST, port: 0, base: "/some/sub/path/" })));
  after(async () => server.close?.());
  return server;
}

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

export const ENGINES = [["Firefox", firefoxSession], ["WebKit", webkitSession]];

export async function openApp(driver, url) {
  await driver.get(url);
  await driver.wait(until.elementLocated(By.css(".app[data-ready='true']")), 20000);
}

/// Errors the page's own trap saw (set up by index.html's first script).
export const pageErrors = (driver) => driver.executeScript("return window.__errors || ['no error trap']");
