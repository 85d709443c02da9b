// Launches Debian's Chromium through playwright-core (never a downloaded browser), with the flags
// this closed network needs, and collects console errors and page errors per page.

import { chromium } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
export const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function launch() {
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
}

/** A new page that records console errors, page errors and CSP violations in `page.problems`. */
export async function openPage(
  browser,
  { width = 1280, height = 900, colorScheme = "light", javaScriptEnabled = true, permissions = [], initScript = null, acceptDownloads = true, bypassCSP = false } = {},
) {
  // bypassCSP: only for a test that adds a reader's own style sheet, which is not the page's.
  const context = await browser.newContext({ viewport: { width, height }, colorScheme, javaScriptEnabled, permissions, acceptDownloads, bypassCSP });
  if (initScript) await context.addInitScript(initScript);
  const page = await context.newPage();
  page.problems = [];
  page.on("console", (msg) => {
    if (msg.type() === "error" || msg.type() === "warning") page.problems.push(`console ${msg.type()}: ${msg.text()}`);
  });
  page.on("pageerror", (err) => page.problems.push(`page error: ${err.message}`));
  page.on("dialog", (d) => {
    page.problems.push(`dialog: ${d.message()}`);
    d.dismiss();
  });
  return page;
}

/** Wait until the WASM app has started: its interactive controls exist and respond. */
export async function waitForApp(page) {
  await page.waitForSelector(".app[data-ready='true']", { timeout: 20000 });
}
