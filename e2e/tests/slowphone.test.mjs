// A shared link opened on a slow phone (Lighthouse's mobile profile: 150 ms round trip,
// 1.6 Mbps, 4x CPU slowdown, through the DevTools protocol): from the first painted frame until
// the app is ready, no frame shows a figure the link filters out, the wrong tab, or the figures
// without the link's selected mark; and nothing moves (CLS 0).

import { test } from "node:test";
import assert from "node:assert/strict";
import { useSite, closeClean, DATA, VOCAB, DRAWN } from "./helpers.mjs";
import { openPage } from "../browser.mjs";

const site = useSite();
const FIGURES = DATA.figures;
const ACTOR = VOCAB.actors.at(-1).slug;

/** Runs in the page from its first script on: what each frame shows, until the app is ready. */
function sampleFrames() {
  window.__frames = [];
  window.__shifts = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__shifts += e.value;
  }).observe({ type: "layout-shift", buffered: true });
  const shown = (el) => {
    if (!el.isConnected || getComputedStyle(el).visibility !== "visible") return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  const frame = (t) => {
    const app = document.querySelector(".app");
    const paint = performance.getEntriesByName("first-paint")[0];
    window.__frames.push({
      t,
      painted: paint ? paint.startTime <= t : null,
      ready: !!(app && app.dataset.ready),
      figures: [...document.querySelectorAll("g.mark[data-mark], [data-figure]")].filter(shown).map((e) => e.dataset.mark || e.dataset.figure),
      charts: [...document.querySelectorAll("figure.chart")].filter(shown).length,
      timeline: [...document.querySelectorAll(".timeline")].filter(shown).length,
      selected: [...document.querySelectorAll("g.mark.selected")].filter(shown).map((e) => e.dataset.mark),
    });
    if (!(app && app.dataset.ready) || window.__frames.filter((f) => f.ready).length < 3) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

async function openSlow(query) {
  const page = await openPage(site.browser, { width: 375, height: 812, initScript: sampleFrames });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await page.goto(site.url + query);
  await page.waitForSelector(".app[data-ready='true']", { timeout: 60000 });
  await page.waitForFunction(() => window.__frames.filter((f) => f.ready).length >= 3);
  const frames = await page.evaluate(() => window.__frames);
  const shifts = await page.evaluate(() => window.__shifts);
  // The frames from the first paint on; before it the page shows nothing.
  const painted = frames.filter((f) => f.painted !== false);
  const before = painted.filter((f) => !f.ready);
  assert.ok(before.length >= 3, `the test saw the page before the app was ready (${before.length} frames of ${frames.length})`);
  return { page, painted, before, shifts };
}

const ids = (pred) => FIGURES.filter(pred).map((f) => f.id);

test("a filtered link never shows a figure it filters out, from the first frame", async () => {
  const { page, painted, shifts } = await openSlow(`?actors=${ACTOR}&utm_source=newsletter`);
  const allowed = new Set(ids((f) => f.actor === ACTOR));
  for (const f of painted) {
    const wrong = f.figures.filter((id) => !allowed.has(id));
    assert.deepEqual(wrong, [], `a frame at ${Math.round(f.t)} ms shows ${wrong}`);
  }
  const last = painted.at(-1);
  assert.ok(last.ready && last.figures.length > 0, "once ready, the link's figures show");
  assert.equal(shifts, 0, "CLS 0");
  await closeClean(page);
});

test("a link to a tab never shows another tab, from the first frame", async () => {
  const { page, painted, shifts } = await openSlow("?view=timeline");
  for (const f of painted) assert.equal(f.charts, 0, `a frame at ${Math.round(f.t)} ms shows the charts`);
  assert.ok(painted.at(-1).timeline > 0, "once ready, the timeline shows");
  assert.equal(shifts, 0, "CLS 0");
  await closeClean(page);
});

test("a link to a selected mark never shows the figures without it, from the first frame", async () => {
  const { page, painted, shifts } = await openSlow(`?mark=${DRAWN.id}`);
  for (const f of painted.filter((f) => f.figures.length > 0)) {
    assert.ok(f.selected.includes(DRAWN.id), `a frame at ${Math.round(f.t)} ms shows the figures without the selected mark`);
  }
  assert.ok(painted.at(-1).selected.includes(DRAWN.id));
  assert.equal(shifts, 0, "CLS 0");
  await closeClean(page);
});

test("the default link shows its figures from the first frame, not only when the app is ready", async () => {
  const { page, before, shifts } = await openSlow("?utm_source=newsletter&fbclid=abc");
  assert.ok(before.some((f) => f.figures.length >= FIGURES.length), "the prerendered figures show before the app runs");
  assert.equal(shifts, 0, "CLS 0");
  await closeClean(page);
});
