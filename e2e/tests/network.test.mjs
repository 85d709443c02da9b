// A shared link never leaves a blank page. Where its view has not opened after index.html's
// LATE_MS (a request that never answers), every prerendered figure shows under a note that the
// view is still loading, until the app opens it; where the app cannot start (a request for the
// wasm or its glue that fails or is cut halfway, no WebAssembly, an exception while starting),
// every figure shows under a note that says so, with a link to try again. Until then, the
// placeholder's progress bar moves (or stands still for a reader who asks for less motion) and
// moves nothing else (CLS 0).

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { useSite, closeClean, DATA, VOCAB, statement, stalled } from "./helpers.mjs";
import { openPage } from "../browser.mjs";

const site = useSite();
// The wait index.html's first script gives a linked view before it shows every figure.
const LATE_MS = Number(readFileSync(new URL("../../index.html", import.meta.url), "utf8").match(/var LATE_MS = (\d+);/)[1]);
// How long it waits for a request that never ends before it says the network may have stalled.
const STALLED_MS = Number(readFileSync(new URL("../../index.html", import.meta.url), "utf8").match(/var STALLED_MS = (\d+);/)[1]);
const ACTOR = VOCAB.actors.at(-1).slug;
const FILTERED = `?actors=${ACTOR}`;
const WASM = /_bg\.wasm$/;
const GLUE = /-[0-9a-f]{8,16}\.js$/;
// What the note says, for a filtered link (and the end of it, which every link shares).
const EVERY = "You are looking at every figure of the article.";
const STILL_LOADING = "This link shares a filtered view, which is still loading. Meanwhile you are looking at every figure of the article.";
const NOT_OPENED = `This link shares a filtered view, which could not be opened: the interactive explorer did not start. ${EVERY} Try again`;

/** Opens `query` with `file`'s requests answered by `answer` (a Playwright route handler);
 * with `clock`, the page's clock is moved on by hand (the test does not wait the whole time). */
async function openWith(query, file, answer, { clock, ...options } = {}) {
  const page = await openPage(site.browser, { width: 375, height: 812, ...options });
  if (file) await page.route(file, answer);
  if (clock) await page.clock.install();
  const start = Date.now();
  // Not until DOMContentLoaded: it waits for the module script, and so for its glue.
  await page.goto(site.url + query, { waitUntil: "commit" });
  return { page, start };
}

/** Half the real file, answered as if whole. */
async function halfway(route) {
  const response = await route.fetch();
  const body = await response.body();
  await route.fulfill({ status: 200, headers: { "content-type": response.headers()["content-type"] }, body: body.subarray(0, body.length >> 1) });
}

/** The readable state: the note says `words`, and every figure of the article is in sight. */
async function assertEveryFigureUnder(page, words) {
  const note = page.locator(".view-note[role=status]");
  await note.waitFor({ timeout: LATE_MS + 10000 });
  assert.equal((await note.innerText()).replace(/\s+/g, " ").trim(), words);
  const main = page.locator("main");
  assert.equal(await main.evaluate((m) => getComputedStyle(m).visibility), "visible", "the figures are in sight");
  // innerText leaves out what is hidden; a label on two lines reads as one.
  const text = (await main.innerText()).replace(/\s+/g, " ");
  for (const f of DATA.figures) assert.ok(text.includes(statement(f)), `${f.id}: ${statement(f)}`);
  assert.equal(await page.locator(".failure-panel").count(), 0, "no failure panel over it");
}

test(`a link whose wasm never arrives shows every figure after ${LATE_MS} ms, and its view once the wasm comes`, async () => {
  const wasm = stalled();
  const { page, start } = await openWith(FILTERED, WASM, wasm.answer, {
    initScript: () => {
      window.__shifts = [];
      new PerformanceObserver((list) => window.__shifts.push(...list.getEntries().map((e) => e.value))).observe({ type: "layout-shift", buffered: true });
    },
  });
  assert.equal(await page.locator("main").evaluate((m) => getComputedStyle(m).visibility), "hidden", "at first, the placeholder");
  await page.waitForFunction(() => document.documentElement.classList.contains("view-late"), null, { timeout: LATE_MS + 5000 });
  const late = Date.now() - start;
  assert.ok(late >= LATE_MS - 100 && late < LATE_MS + 2000, `every figure shows after ${late} ms`);
  await assertEveryFigureUnder(page, STILL_LOADING);
  wasm.release();
  await page.waitForSelector(".app[data-ready='true']");
  assert.equal(await page.locator(".view-note").count(), 0, "the note goes when the app starts");
  const shown = await page.locator("g.mark[data-mark]").evaluateAll((marks) => marks.map((m) => m.dataset.mark));
  const expected = DATA.figures.filter((f) => f.value !== null && f.actor === ACTOR).map((f) => f.id);
  assert.deepEqual([...new Set(shown)].sort(), [...expected].sort(), "the link's view, once the app runs");
  assert.deepEqual(await page.evaluate(() => window.__shifts), [], "nothing a reader saw moved (CLS 0)");
  await closeClean(page);
});

for (const [query, words] of [
  [FILTERED, `This link shares a filtered view, which has not loaded after ${STALLED_MS / 1000} seconds: the connection may have stalled. ${STILL_LOADING.split(". ")[1]} Try again`],
  ["", `The interactive explorer has not loaded after ${STALLED_MS / 1000} seconds: the connection may have stalled. Every figure of the article, with its hedge and its source, is shown below. Try again`],
]) {
  test(`a ${query ? "filtered" : "default"} link whose wasm never answers says after ${STALLED_MS} ms that the network may have stalled, and offers to try again`, async () => {
    const { page } = await openWith(query, WASM, stalled().answer, { clock: true });
    await page.waitForFunction(() => document.readyState !== "loading");
    await page.clock.runFor(STALLED_MS - 1000);
    assert.equal(await page.getByRole("link", { name: "Try again" }).count(), 0, "not before its time");
    await page.clock.runFor(1000);
    await assertEveryFigureUnder(page, words);
    assert.equal(await page.getByRole("link", { name: "Try again" }).getAttribute("href"), site.url + query);
    // No empty room kept above the figures for controls that may never come.
    const kept = await page.locator(".filters:empty, .tabs:empty, .chart-downloads:empty").evaluateAll((all) => all.filter((e) => getComputedStyle(e).display !== "none").map((e) => e.className));
    assert.deepEqual(kept, [], "the controls' room goes");
    await page.context().close();
  });
}

test("an embed that cannot start opens its links in a new tab, not in its host's frame, and tries again in the frame", async () => {
  const { page } = await openWith(`?${FILTERED.slice(1)}&embed=1`, WASM, (route) => route.abort("failed"));
  await page.locator(".view-note[role=status]").waitFor();
  const links = await page.locator("#app a[href]").evaluateAll((all) => all.map((a) => [a.textContent.trim(), a.getAttribute("href"), a.target]));
  const away = links.filter(([text, href]) => text !== "Try again" && !href.startsWith("#"));
  assert.ok(away.length > 0, JSON.stringify(links));
  for (const [text, href, target] of away) assert.equal(target, "_blank", `${text} (${href})`);
  assert.equal(await page.getByRole("link", { name: "Try again" }).getAttribute("target"), null);
  await page.context().close();
});

test("a link to a tab whose glue never arrives shows every figure, and says which tab is loading", async () => {
  const { page } = await openWith("?view=timeline", GLUE, stalled().answer);
  await assertEveryFigureUnder(page, "This link opens the Timeline tab, which is still loading. Meanwhile you are looking at every figure of the article.");
  await page.context().close();
});

for (const [name, file] of [["wasm", WASM], ["glue", GLUE]]) {
  for (const [how, answer] of [["fails", (route) => route.abort("failed")], ["is cut halfway", halfway]]) {
    test(`a link whose ${name} request ${how} shows every figure, says the view could not open, and offers to try again`, async () => {
      const { page } = await openWith(FILTERED, file, answer);
      await assertEveryFigureUnder(page, NOT_OPENED);
      assert.equal(await page.getByRole("link", { name: "Try again" }).getAttribute("href"), site.url + FILTERED);
      assert.equal(await page.locator(".wasm-note").isVisible(), false, "one note, not two");
      await page.context().close(); // the failed request is in the console; that is expected here
    });
  }
}

test("the default link whose wasm fails keeps its figures and says the explorer did not start", async () => {
  const { page } = await openWith("", WASM, (route) => route.abort("failed"));
  await assertEveryFigureUnder(page, "The interactive explorer did not start. Every figure of the article, with its hedge and its source, is shown below. Try again");
  await page.context().close();
});

test("a link opened in a browser without WebAssembly shows every figure and says why its view could not open", async () => {
  const { page } = await openWith(FILTERED, null, null, { initScript: () => { delete window.WebAssembly; } });
  await assertEveryFigureUnder(page, `This link shares a filtered view, which could not be opened: this browser cannot run the interactive explorer (it needs WebAssembly). ${EVERY}`);
  assert.equal(await page.locator(".wasm-note").isVisible(), false, "one note, not two");
  await page.context().close();
});

test("an exception in the app's first render gives back every prerendered figure, with the note", async () => {
  // The app's first render empties the prerendered page, then creates its own elements: the
  // first one it creates throws.
  const { page } = await openWith(FILTERED, null, null, {
    initScript: () => addEventListener("TrunkApplicationStarted", () => {
      const create = Document.prototype.createElement;
      Document.prototype.createElement = function () {
        Document.prototype.createElement = create;
        throw new Error("an exception while starting");
      };
    }),
  });
  await assertEveryFigureUnder(page, NOT_OPENED);
  assert.equal(await page.locator(".app[data-ready]").count(), 0);
  await page.context().close();
});

test("an error before the app starts that does not stop it leaves no note and no failed state behind", async () => {
  // As a host's script or a preload that failed might: an error event before the app starts.
  const { page } = await openWith(FILTERED, null, null, {
    width: 1280,
    height: 900,
    initScript: () => document.addEventListener("readystatechange", () => {
      if (document.readyState === "interactive") dispatchEvent(new ErrorEvent("error", { message: "not the app's" }));
    }),
  });
  await page.waitForSelector(".app[data-ready='true']");
  assert.equal(await page.evaluate(() => window.__errors.join()), "not the app's", "the error was seen");
  assert.equal(await page.evaluate(() => document.documentElement.className), "js pending-view pending-filters", "no failed state: only the classes a filtered link always has");
  assert.equal(await page.locator(".view-note").count(), 0);
  const columns = await page.locator("main").evaluate((m) => getComputedStyle(m).gridTemplateColumns.split(" ").length);
  assert.equal(columns, 2, "the filters keep their column");
  await closeClean(page);
});

for (const [width, height] of [[375, 812], [1280, 900]]) {
  test(`at ${width} px, the placeholder's bar moves, or stands still for less motion, and moves nothing (CLS 0)`, async () => {
    for (const reducedMotion of ["no-preference", "reduce"]) {
      const wasm = stalled();
      const page = await openPage(site.browser, {
        width,
        height,
        initScript: () => {
          window.__shifts = [];
          new PerformanceObserver((list) => window.__shifts.push(...list.getEntries().map((e) => e.value))).observe({ type: "layout-shift", buffered: true });
        },
      });
      await page.emulateMedia({ reducedMotion });
      await page.route(WASM, wasm.answer);
      await page.goto(site.url + FILTERED, { waitUntil: "commit" });
      await page.waitForSelector("main", { state: "attached" });
      const bar = () => page.locator("main").evaluate((m) => {
        const s = getComputedStyle(m, "::after");
        return { animation: s.animationName, visibility: s.visibility, width: s.width, height: s.height };
      });
      const cue = await bar();
      assert.equal(cue.visibility, "visible", JSON.stringify(cue));
      assert.ok(parseFloat(cue.width) > 0 && parseFloat(cue.height) > 0, JSON.stringify(cue));
      assert.equal(cue.animation, reducedMotion === "reduce" ? "none" : "pending-bar");
      await page.waitForTimeout(1000);
      wasm.release();
      await page.waitForSelector(".app[data-ready='true']");
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      assert.equal((await bar()).animation, "none", "the bar goes with the placeholder");
      assert.deepEqual(await page.evaluate(() => window.__shifts), [], "no layout shift");
      await closeClean(page);
    }
  });
}
