// The benchmark behind `make bench` and the size check in `make test`. Measures the built dist
// and prints each figure next to its budget, pass or fail.
//
//   node e2e/bench.mjs sizes         sizes only (deterministic), exits 1 if over the guard
//   node e2e/bench.mjs links         sizes, and a shared link on a slow phone and a train
//   node e2e/bench.mjs               sizes, cold loads, filter clicks, shared links, Lighthouse
//
// The budgets are the product's performance budgets (BENCHMARKS.md). The size *guard* for `make test` is separate (see SIZE_GUARD): the
// current build does not meet the 100 KiB budget, and the guard stops it from growing further.

import { readdir, readFile } from "node:fs/promises";
import { brotliCompressSync, constants } from "node:zlib";
import { fileURLToPath } from "node:url";
import { execFile, execFileSync, spawn } from "node:child_process";
import { promisify } from "node:util";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launch, openPage, waitForApp, CHROMIUM, FLAGS } from "./browser.mjs";

// The site measured: dist/, or the folder DIST names (to measure a variant build).
const DIST = process.env.DIST || fileURLToPath(new URL("../dist", import.meta.url));
const KIB = 1024;
// The budgets: first paint at most 2x the bare page's in the same run, Lighthouse's
// simulated total blocking time at most 50 ms, click to next painted frame p95 at most 16 ms
// (a median of 8 ms could not be met by any page: input waits 8.3 ms on average for a 60 Hz frame).
const BUDGET = { total: 100 * KIB, html: 14 * KIB, fcpRatio: 2.0, interactive: 250, clickP95: 16, tbt: 50 };
// Regression guard for `make test`: the measured total plus a small margin (what each feature
// cost: BENCHMARKS.md). 132.75 KiB on 6 December 2026, over the round's aim of 118 KiB: the
// features of this round cost more than the savings found. 0.25 KiB of room: a build's file-name
// hashes alone (three in index.html, one of them inside a script hash) move its brotli size by
// up to 35 bytes.
const SIZE_GUARD = 133.0 * KIB;

const rows = [];
const row = (what, value, unit, budget, pass) => rows.push({ what, value, unit, budget, pass });
const brotli = (buf) => brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)];

async function sizes() {
  const files = (await readdir(DIST)).filter((f) => /\.(html|js|wasm|css)$/.test(f));
  let total = 0;
  const parts = {};
  for (const f of files) {
    const n = brotli(await readFile(`${DIST}/${f}`));
    total += n;
    const kind = f.endsWith(".html") ? "index.html" : f.split(".").pop();
    parts[kind] = (parts[kind] || 0) + n;
  }
  for (const [kind, n] of Object.entries(parts)) row(`${kind} (brotli)`, (n / KIB).toFixed(1), "KiB", "", null);
  row("total transfer (brotli)", (total / KIB).toFixed(1), "KiB", `≤ ${BUDGET.total / KIB}`, total <= BUDGET.total);
  row("index.html (brotli)", (parts["index.html"] / KIB).toFixed(1), "KiB", `≤ ${BUDGET.html / KIB}`, parts["index.html"] <= BUDGET.html);
  return { total, parts };
}

/** Cold loads of the page, each in a fresh browser context, interleaved with loads of a bare
 *  one-line page from the same kind of server: the bare page is this machine's floor, measured
 *  under the same conditions at the same moments (the machine is shared and noisy). */
async function coldLoads(browser, url, bareUrl, runs = 11) {
  const fcp = [], interactive = [], bare = [];
  const firstPaint = (page) =>
    page.waitForFunction(() => performance.getEntriesByName("first-contentful-paint")[0]?.startTime);
  for (let i = 0; i < runs; i++) {
    const page = await openPage(browser, {
      initScript: () => {
        new MutationObserver((_, obs) => {
          if (document.querySelector(".app[data-ready='true']")) {
            window.__interactive = performance.now();
            obs.disconnect();
          }
        }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-ready"] });
      },
    });
    await page.goto(url);
    await waitForApp(page);
    fcp.push(await (await firstPaint(page)).jsonValue());
    interactive.push(await page.evaluate(() => window.__interactive));
    await page.context().close();
    const barePage = await openPage(browser);
    await barePage.goto(bareUrl);
    bare.push(await (await firstPaint(barePage)).jsonValue());
    await barePage.context().close();
  }
  const ratio = median(fcp) / median(bare);
  row(`first contentful paint, median of ${runs} cold loads`, median(fcp).toFixed(0), "ms", "", null);
  row(`  FCP of a bare one-line page, median of ${runs}, interleaved`, median(bare).toFixed(0), "ms", "", null);
  row(`  first contentful paint / the bare page's`, ratio.toFixed(2), "x", `≤ ${BUDGET.fcpRatio}`, ratio <= BUDGET.fcpRatio);
  row(`started and interactive, median of ${runs}`, median(interactive).toFixed(0), "ms", `≤ ${BUDGET.interactive}`, median(interactive) <= BUDGET.interactive);
}

/** Click-to-frame timings of the filter buttons at `url` (or of any `button[data-filter]`). */
async function clickTimes(browser, url, count, app = true) {
  const page = await openPage(browser);
  await page.goto(url);
  if (app) await waitForApp(page);
  const times = await page.evaluate(async (n) => {
    const buttons = [...document.querySelectorAll("button[data-filter]")];
    const toFrame = [], toDom = [];
    let nextFrame = 0;
    for (let i = 0; i < n; i++) {
      const button = buttons[i % buttons.length];
      // Input arrives at any point of a frame: wait a random part of one first.
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, Math.random() * 16)));
      const start = performance.now();
      const changed = new Promise((r) => {
        const obs = new MutationObserver(() => {
          obs.disconnect();
          r(performance.now());
        });
        obs.observe(button, { attributes: true, attributeFilter: ["aria-pressed"] });
      });
      const before = button.getAttribute("aria-pressed");
      button.click();
      // Whether the change is already in the DOM when the very next frame starts.
      const inNextFrame = new Promise((r) => requestAnimationFrame(() => r(button.getAttribute("aria-pressed") !== before)));
      toDom.push((await changed) - start);
      // The frame that shows the change: after its rAF callbacks, once it has painted.
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      toFrame.push(performance.now() - start);
      if (await inNextFrame) nextFrame++;
    }
    return { toFrame, toDom, nextFrame };
  }, count);
  await page.context().close();
  return times;
}

async function clicks(browser, url, bareUrl, count = 120) {
  const { toFrame, toDom, nextFrame } = await clickTimes(browser, url, count);
  // The floor: the same clicks on a bare page whose button changes itself at once, in the click
  // handler. The wait for the next frame alone is up to a frame (16.7 ms at 60 Hz).
  const bare = await clickTimes(browser, `${bareUrl}clicks.html`, count, false);
  row(`filter click to DOM updated (Yew's render), median of ${count}`, median(toDom).toFixed(2), "ms", "", null);
  row(`filter click to DOM updated, p95`, p95(toDom).toFixed(2), "ms", "", null);
  row(`filter click to next painted frame, median of ${count}`, median(toFrame).toFixed(1), "ms", "", null);
  row(`filter click to next painted frame, p95`, p95(toFrame).toFixed(1), "ms", `≤ ${BUDGET.clickP95}`, p95(toFrame) <= BUDGET.clickP95);
  row(`  clicks whose change is in the very next frame`, `${nextFrame} of ${count}`, "", "", null);
  row(`  the same on a bare page (a button that changes itself), p95`, p95(bare.toFrame).toFixed(1), "ms", "", null);
}

const LIGHTHOUSE_RUNS = 5;

async function lighthouse(url) {
  const bin = fileURLToPath(new URL("../bench/node_modules/.bin/lighthouse", import.meta.url));
  if (!existsSync(bin)) {
    row("Lighthouse 12.2.3 (mobile)", "not installed", "", "100 each", false);
    return;
  }
  // Five runs, and the one Lighthouse's own `computeMedianRun` picks (closest to the median first
  // paint and time to interactive): its docs find the median of five twice as stable as one run.
  // Asynchronous, so this process stays responsive while Lighthouse runs.
  const runs = [];
  for (let i = 0; i < LIGHTHOUSE_RUNS; i++) {
    const { stdout } = await promisify(execFile)(bin, [url, "--output=json", "--quiet", "--only-categories=performance,accessibility,best-practices,seo",
      `--chrome-flags=${FLAGS.map((f) => (f === "--headless" ? "--headless=new" : f)).join(" ")}`], { timeout: 300000, env: { ...process.env, CHROME_PATH: CHROMIUM }, maxBuffer: 64 * 1024 * 1024 });
    runs.push(JSON.parse(stdout));
  }
  const { computeMedianRun } = await import(new URL("../bench/node_modules/lighthouse/core/lib/median-run.js", import.meta.url).href);
  const report = computeMedianRun(runs);
  for (const [id, c] of Object.entries(report.categories)) {
    const score = Math.round(c.score * 100);
    const each = runs.map((r) => Math.round(r.categories[id].score * 100)).join(" ");
    row(`Lighthouse mobile: ${id}, median run of ${runs.length} (each: ${each})`, score, "", "100", score === 100);
  }
  // The one metric that is not always perfect: the long task of starting the app, at
  // Lighthouse's simulated 4x slower CPU.
  const tbt = Math.round(report.audits["total-blocking-time"].numericValue);
  row(`Lighthouse's total blocking time (simulated mobile), median run`, tbt, "ms", `≤ ${BUDGET.tbt}`, tbt <= BUDGET.tbt);
  row(`  Lighthouse's first contentful paint (simulated mobile)`, Math.round(report.audits["first-contentful-paint"].numericValue), "ms", "", null);
  row(`  Lighthouse's largest contentful paint (simulated mobile)`, Math.round(report.audits["largest-contentful-paint"].numericValue), "ms", "", null);
}

function scale() {
  const cwd = fileURLToPath(new URL("..", import.meta.url));
  const out = execFileSync("cargo", ["run", "--quiet", "--release", "--example", "scale"], { cwd }).toString();
  for (const line of out.trim().split("\n").slice(1)) {
    const [n, med, p, verdict] = line.trim().split(/\s+/);
    row(`redraw pipeline, ${n} synthetic figures (native), median / p95`, `${med} / ${p}`, "", "≤ 16ms", verdict === "pass");
  }
  // The same redraws in Chromium, with Yew and the DOM: tests/scale_browser.rs, a benchmark
  // that `make test` never runs (it is #[ignore]d).
  const browser = execFileSync("cargo", ["test", "--offline", "--release", "--target", "wasm32-unknown-unknown", "--features", "csr",
    "--test", "scale_browser", "--", "--include-ignored", "--nocapture"], { cwd, env: { ...process.env, CHROMEDRIVER: "/usr/bin/chromedriver" }, stdio: ["ignore", "pipe", "inherit"] }).toString();
  // The first clicks of a freshly started page run V8's baseline code, so each size is timed
  // after as many clicks as the fresh page's line counts (tests/scale_browser.rs).
  let warm = "?";
  for (const line of browser.split("\n").filter((l) => l.startsWith("scale-browser-fresh "))) {
    const [, n, marks, clicks, fm, fp] = line.trim().split(/\s+/);
    warm = clicks;
    row(`filter click to style and layout done, a fresh page's first ${clicks} clicks, ${n} figures (${marks} marks), median / p95`, `${fm} / ${fp}`, "ms", "p95 ≤ 16", Number(fp) <= BUDGET.clickP95);
  }
  for (const line of browser.split("\n").filter((l) => l.startsWith("scale-browser "))) {
    const [, n, marks, dm, dp, lm, lp] = line.trim().split(/\s+/);
    row(`filter click to DOM updated in Chromium, ${n} figures (${marks} marks drawn), after ${warm} clicks, median / p95`, `${dm} / ${dp}`, "ms", "", null);
    // The budget is on the p95: at 10 and at 1,000 figures.
    row(`  … and style and layout done, median / p95`, `${lm} / ${lp}`, "ms", "p95 ≤ 16", Number(lp) <= BUDGET.clickP95);
  }
}

function print() {
  const w = Math.max(...rows.map((r) => r.what.length));
  for (const r of rows) {
    const verdict = r.pass === null ? "" : r.pass ? "pass" : "FAIL";
    console.log(`${r.what.padEnd(w)}  ${`${r.value} ${r.unit}`.padStart(16)}  ${String(r.budget).padStart(8)}  ${verdict}`);
  }
}

/** `e2e/serve.mjs` in a child process on a free port, serving the .br and .gz files `make build`
 *  wrote (as nginx's brotli_static or a CDN serves them), or with `--compression off` every file
 *  as it is. Resolves to { url, close }. */
async function spawnServer(root, base, options = []) {
  const child = spawn(process.execPath, [fileURLToPath(new URL("serve.mjs", import.meta.url)), "--root", root, "--port", "0", "--base", base, ...options], { stdio: ["ignore", "pipe", "inherit"] });
  // Never leave a server behind, even when a measurement throws.
  process.on("exit", () => child.kill());
  const url = await new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const m = out.match(/ at (http:\/\/\S+)/);
      if (m) resolve(m[1]);
    });
    child.once("exit", (code) => reject(new Error(`serve.mjs exited with ${code}`)));
  });
  return { url, close: () => child.kill() };
}

// The networks a shared link is opened on, through the DevTools protocol, each with the CPU 4
// times slower: Lighthouse's slow phone (as e2e/tests/slowphone.test.mjs) and a train or a
// crowded network.
const NETWORKS = {
  "slow phone (150 ms, 1.6 Mbps)": { latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 },
  "train (400 ms, 400 kbps)": { latency: 400, downloadThroughput: 400000 / 8, uploadThroughput: 400000 / 8 },
};

/** A shared link (a filtered view), cold, at 375 px: the time from navigation until its own view
 *  shows (`data-ready`: the app has applied it), and until every figure shows meanwhile
 *  (index.html's LATE_MS), from a host that serves the compressed files and from one that does
 *  not. Median of `runs` loads of each, interleaved. */
async function sharedLinks(browser, hosts, runs = 5) {
  // The article's last actor, as e2e/tests/slowphone.test.mjs links to it.
  const vocabulary = JSON.parse(readFileSync(fileURLToPath(new URL(`../${process.env.ARTICLE || "data/north-korea-troops"}/explorer.json`, import.meta.url)), "utf8"));
  const query = `?actors=${vocabulary.actors.at(-1).slug}`;
  const times = {};
  for (let i = 0; i < runs; i++) {
    for (const [network, conditions] of Object.entries(NETWORKS)) {
      for (const [served, url] of Object.entries(hosts)) {
        const page = await openPage(browser, {
          width: 375,
          height: 812,
          initScript: () => {
            new MutationObserver(() => {
              const html = document.documentElement;
              if (html.classList.contains("view-late")) window.__late ??= performance.now();
              if (document.querySelector(".app[data-ready='true']")) window.__view ??= performance.now();
            }).observe(document, { subtree: true, attributes: true, attributeFilter: ["class", "data-ready"] });
          },
        });
        const cdp = await page.context().newCDPSession(page);
        await cdp.send("Network.enable");
        await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
        await cdp.send("Network.emulateNetworkConditions", { offline: false, ...conditions });
        await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
        await page.goto(url + query);
        await page.waitForSelector(".app[data-ready='true']", { timeout: 60000 });
        const { view, late } = await page.evaluate(() => ({ view: window.__view, late: window.__late }));
        ((times[`${network}, ${served}`] ??= { view: [], late: [] }).view.push(view));
        if (late) times[`${network}, ${served}`].late.push(late);
        await page.context().close();
      }
    }
  }
  for (const [what, { view, late }] of Object.entries(times)) {
    const meanwhile = late.length ? `; every figure meanwhile at ${median(late).toFixed(0)} ms in ${late.length} of ${runs}` : "";
    row(`a shared link's own view shows, ${what}, median of ${runs} (${Math.min(...view).toFixed(0)} to ${Math.max(...view).toFixed(0)}${meanwhile})`, median(view).toFixed(0), "ms", "", null);
  }
}

const mode = process.argv[2] || "all";
const { total } = await sizes();
if (mode === "sizes") {
  print();
  const ok = total <= SIZE_GUARD;
  console.log(`size guard for make test: ${(total / KIB).toFixed(1)} KiB ≤ ${SIZE_GUARD / KIB} KiB: ${ok ? "pass" : "FAIL"}`);
  process.exit(ok ? 0 : 1);
}
// Served as a real host would (brotli, cache headers, from a sub-folder), and from its own
// process, as a real host is: a server inside this process would wait on Playwright's own work.
const server = await spawnServer(DIST, "/bench/");
if (mode === "links") {
  const plain = await spawnServer(DIST, "/plain/", ["--compression", "off"]);
  const browser = await launch();
  try {
    await sharedLinks(browser, { brotli: server.url, uncompressed: plain.url });
  } finally {
    await browser.close();
    plain.close();
    server.close();
  }
  print();
  process.exit(0);
}
const bareDir = mkdtempSync(join(tmpdir(), "bench-bare-"));
writeFileSync(join(bareDir, "index.html"), "<!doctype html><title>bare</title><p>Hello</p>");
// The click floor: a button that changes its own aria-pressed in its click handler.
writeFileSync(join(bareDir, "clicks.html"), `<!doctype html><title>bare clicks</title><button data-filter aria-pressed="true">A</button>
<script src="clicks.js"></script>`);
writeFileSync(join(bareDir, "clicks.js"), `document.querySelector("button").addEventListener("click", (e) => {
  const b = e.currentTarget;
  b.setAttribute("aria-pressed", b.getAttribute("aria-pressed") === "true" ? "false" : "true");
});`);
const bareServer = await spawnServer(bareDir, "/bare/");
const browser = await launch();
const plainServer = await spawnServer(DIST, "/plain/", ["--compression", "off"]);
try {
  await coldLoads(browser, server.url, bareServer.url);
  await clicks(browser, server.url, bareServer.url);
  await sharedLinks(browser, { brotli: server.url, uncompressed: plainServer.url });
} finally {
  await browser.close();
  bareServer.close();
  plainServer.close();
}
try {
  await lighthouse(server.url);
} catch (e) {
  row("Lighthouse 12.2.3 (mobile)", `error: ${String(e.message).split("\n")[0].slice(0, 60)}`, "", "100 each", false);
}
server.close();
scale();
print();
