// Without JavaScript (Chromium with it off, and the text browser w3m), the page reads as a clean
// article of figures: every figure with its hedge and its attribution, and no control that could
// not act. With JavaScript, the controls appear once the app runs, in room kept for them from the
// first frame: nothing moves (CLS 0).

import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { useSite, closeClean, openDescriptions, DATA, CHARTS, statement, attribution } from "./helpers.mjs";
import { openPage } from "../browser.mjs";

const site = useSite();
// Each figure's statement and attribution, from the article's data.
const EXPECTED = Object.fromEntries(DATA.figures.map((f) => [f.id, [statement(f), attribution(f)]]));
// What a control of the app says; none of it may be offered where the app does not run.
const CONTROL_WORDS = ["Copy link", "Share", "Embed", "Download", "Show filters", "Hide filters", "Reset filters", "SVG", "PNG", "Timeline", "figures)"];

test("with JavaScript off in Chromium: every figure, and no control", async () => {
  const page = await site.open("", { javaScriptEnabled: false });
  // A disclosure is the one control that works without JavaScript: each chart's Description.
  await openDescriptions(page);
  const text = await page.locator("body").innerText();
  for (const [id, [statement, attribution]] of Object.entries(EXPECTED)) {
    assert.ok(text.includes(statement), `${id}: "${statement}" is missing`);
    assert.ok(text.includes(attribution), `${id}: "${attribution}" is missing`);
  }
  const controls = await page.locator("button, input, select, textarea, [role=tab], [tabindex], a[href^='?']").evaluateAll((els) => els.map((e) => e.outerHTML.slice(0, 80)));
  assert.deepEqual(controls, [], "no control without JavaScript");
  for (const words of CONTROL_WORDS) assert.ok(!text.includes(words), `"${words}" is offered without JavaScript`);
  const panels = CHARTS.reduce((n, c) => n + c.panels.length, 0);
  assert.equal(await page.locator("svg[role=img]").count(), panels, "the charts are there, a drawing a panel");
  assert.match(text, /need JavaScript/, "the page says what would need JavaScript");
  await closeClean(page);
});

test("w3m's dump of the page: every figure, and no dead control", async () => {
  const { stdout } = await promisify(execFile)("w3m", ["-dump", "-cols", "100", site.url], { encoding: "utf8" });
  // w3m wraps lines; a phrase may break across two.
  const text = stdout.replace(/\s+/g, " ");
  for (const [id, [statement, attribution]] of Object.entries(EXPECTED)) {
    assert.ok(text.includes(statement), `${id}: "${statement}" is missing from w3m's dump`);
    assert.ok(text.includes(attribution), `${id}: "${attribution}" is missing from w3m's dump`);
  }
  assert.doesNotMatch(text, /\[\s*[^\]]{1,40}\]/, "w3m shows no [button] (it draws a button as its name in brackets)");
  for (const words of CONTROL_WORDS) assert.ok(!text.includes(words), `w3m shows "${words}"`);
});

for (const [width, height] of [[375, 740], [1280, 900]]) {
  test(`at ${width} px, the controls appear without moving anything (CLS 0)`, async () => {
    const page = await openPage(site.browser, {
      width,
      height,
      initScript: () => {
        window.__shifts = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) window.__shifts.push({ value: e.value, sources: (e.sources || []).map((s) => s.node?.className || s.node?.nodeName || "?") });
        }).observe({ type: "layout-shift", buffered: true });
      },
    });
    // Slow the app's start a little, so the page paints before it runs.
    await page.route("**/*_bg.wasm", async (route) => {
      await new Promise((r) => setTimeout(r, 300));
      await route.continue();
    });
    await page.goto(site.url);
    await page.waitForSelector(".app[data-ready='true']");
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    assert.ok((await page.locator("[role=tab]").count()) === 4 && (await page.getByRole("button", { name: "Copy link" }).count()) === 1, "the controls are there");
    const shifts = await page.evaluate(() => window.__shifts);
    assert.deepEqual(shifts, [], "no layout shift while the page starts");
    await closeClean(page);
  });
}

// Opens the site with its wasm held back: the prerendered page, as a reader has it before the
// app starts. The function returned lets the app start and waits until it is ready and drawn.
async function openBeforeTheApp(page) {
  let release;
  const held = new Promise((r) => (release = r));
  await page.route("**/*_bg.wasm", async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(site.url, { waitUntil: "domcontentloaded" });
  return async () => {
    release();
    await page.waitForSelector(".app[data-ready='true']");
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  };
}

// A reader who scrolled, or put the focus on a link, before the app started keeps both (the
// check for the way the app starts: it replaces the prerendered page with a fresh render, and
// carries the scroll and the focus over).
test("a reader who scrolled and focused a link before the app started keeps the scroll and the focus", async () => {
  const page = await openPage(site.browser, { width: 375, height: 740 });
  const startApp = await openBeforeTheApp(page);
  // Before the app: a link down the page gets the focus, and the reader scrolls on a little.
  const link = page.locator("a[href='article.txt']");
  await link.focus();
  await page.evaluate(() => window.scrollTo(0, 600));
  // The focused element, as a reader knows it: what it is, where it leads, what it says.
  const focused = () => page.evaluate(() => {
    const el = document.activeElement;
    return `${el.tagName} ${el.getAttribute("href")} ${el.textContent}`;
  });
  const was = await focused();
  assert.match(was, /^A article\.txt /);
  const before = await page.evaluate(() => ({ y: scrollY, ready: !!document.querySelector(".app[data-ready='true']") }));
  assert.equal(before.ready, false, "the app has not started yet");
  assert.ok(before.y > 0, `the reader scrolled: ${before.y}`);
  await startApp();
  assert.equal(await focused(), was, "the focus stays on that link");
  assert.equal(await page.evaluate(() => scrollY), before.y, "the scroll position is kept");
  await closeClean(page);
});

// The same for what a reader does inside the charts before the app starts: a description
// opened (the fresh render used to close it) and the focus in a chart. The new charts have the
// same descriptions open and the same element focused.
test("a reader who opened chart descriptions and focused one before the app started keeps them", async () => {
  const page = await openPage(site.browser, { width: 1280, height: 900 });
  // A slow phone's CPU: Yew then spreads a long render over several tasks, which the start-up
  // must not lose the reader's place to (a staged start-up did, on a busy machine).
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 6 });
  const startApp = await openBeforeTheApp(page);
  const charts = page.locator("figure[data-chart]");
  const count = await charts.count();
  assert.ok(count >= 2, `the page has charts: ${count}`);
  // The first and the last chart's descriptions open; the focus on the last one's.
  const summary = (i) => charts.nth(i).locator("details.description > summary");
  await summary(0).click();
  await summary(count - 1).click();
  await summary(count - 1).focus();
  const place = () => page.evaluate(() => {
    const open = [...document.querySelectorAll("figure[data-chart]")].map((f) => f.querySelector("details.description").open);
    const focus = document.activeElement;
    return { open, focused: `${focus.closest("figure[data-chart]")?.dataset.chart} ${focus.tagName} ${focus.textContent}` };
  });
  const before = await place();
  assert.deepEqual(before.open, openFirstAndLast(count), "the reader opened the first and last descriptions");
  assert.match(before.focused, / SUMMARY Description$/);
  assert.equal(await page.evaluate(() => !!document.querySelector(".app[data-ready]")), false, "the app has not started yet");
  await startApp();
  // The charts are the app's own now: each has its mark buttons.
  for (let i = 0; i < count; i++) assert.ok((await charts.nth(i).locator(".mark-buttons button").count()) > 0, `chart ${i} is the app's`);
  assert.deepEqual(await place(), before, "the same descriptions are open and the same one has the focus");
  await closeClean(page);
});

function openFirstAndLast(count) {
  return Array.from({ length: count }, (_, i) => i === 0 || i === count - 1);
}
