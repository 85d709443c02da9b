// Nothing external, nothing lost: only own-origin requests, no dependence on storage or the
// network once loaded, a plain note where WebAssembly is missing, and a long random soak.

import { test } from "node:test";
import assert from "node:assert/strict";
import { useSite, closeClean, pressMark, DATA, VOCAB, CHARTS, chartOf, statement, FILE_STEM } from "./helpers.mjs";

const site = useSite();
const [FIRST, SECOND] = VOCAB.actors;
/// The actors' slugs but `left`, as a URL or a file name lists them.
const slugsBut = (left) => VOCAB.actors.filter((a) => a !== left).map((a) => a.slug);

test("every request in every view goes to the page's own origin", async () => {
  const origin = new URL(site.url).origin;
  const foreign = [];
  const { openPage } = await import("../browser.mjs");
  const requests = [];
  for (const query of ["", "?view=table", "?view=article", "?view=timeline", "?embed=1"]) {
    // The listener is on before the page's first request, so the first load is checked too.
    const page = await openPage(site.browser);
    assert.equal(page.url(), "about:blank", "the listener is on before the page's first request");
    page.on("request", (r) => {
      requests.push(r.url());
      const u = r.url();
      if (!u.startsWith(origin) && !u.startsWith("data:") && !u.startsWith("blob:")) foreign.push(u);
    });
    await page.goto(site.url + query);
    await page.waitForSelector(".app[data-ready='true']");
    if (query === "") {
      await page.getByRole("button", { name: "Embed" }).click();
      await Promise.all([page.waitForEvent("download"), page.locator(`#chart-${CHARTS.at(-1).slug} button[data-download='png']`).click()]);
    }
    await closeClean(page);
  }
  assert.deepEqual(foreign, []);
  // The first load's own requests were seen: the page, its script and its wasm, in every view.
  for (const kind of [/\/$|\/\?/, /\.js$/, /_bg\.wasm$/]) {
    assert.ok(requests.filter((u) => kind.test(u)).length >= 5, `each load requested ${kind}: ${requests.join(" ")}`);
  }
});

test("the page works with storage disabled", async () => {
  const noStorage = () => {
    for (const name of ["localStorage", "sessionStorage", "indexedDB"]) {
      Object.defineProperty(window, name, { get() { throw new DOMException("storage is disabled", "SecurityError"); } });
    }
    Object.defineProperty(document, "cookie", { get() { throw new DOMException("no cookies", "SecurityError"); }, set() { throw new DOMException("no cookies", "SecurityError"); } });
  };
  const page = await site.open("?view=table", { initScript: noStorage });
  await page.getByRole("tab", { name: "Charts" }).click();
  await page.getByRole("button", { name: FIRST.label, exact: true }).click();
  assert.equal(await page.evaluate(() => location.search), `?actors=${slugsBut(FIRST).join(",")}`);
  await closeClean(page);
});

test("once loaded, the page keeps working offline", async () => {
  const page = await site.open();
  await page.context().setOffline(true);
  await page.getByRole("button", { name: SECOND.label, exact: true }).click();
  for (const tab of ["Table", "Article", "Timeline", "Charts"]) await page.getByRole("tab", { name: tab }).click();
  // A figure still shown (not the turned-off actor's), picked from its chart, read in details.
  const f = DATA.figures.find((f) => f.value !== null && f.actor !== SECOND.slug);
  const chart = chartOf(f).slug;
  await pressMark(page, `#chart-${chart} button.mark-button[data-mark='${f.id}']`);
  assert.ok((await page.locator(`#details-${chart}`).innerText()).includes(statement(f)), statement(f));
  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download CSV" }).click()]);
  assert.equal(csv.suggestedFilename(), `${FILE_STEM}-${slugsBut(SECOND).join("-")}.csv`);
  await page.goBack();
  await page.waitForFunction(() => location.search.includes("view=timeline"));
  await closeClean(page);
});

test("without WebAssembly the prerendered figures stay and a note says why nothing responds", async () => {
  const noWasm = () => { delete window.WebAssembly; };
  const page = await site.open("", { initScript: noWasm, javaScriptEnabled: true }).catch(() => null);
  // The app cannot start, so `open` cannot wait for it: load the page directly instead.
  const { openPage } = await import("../browser.mjs");
  const p = page ?? (await openPage(site.browser, { initScript: noWasm }));
  if (!page) await p.goto(site.url);
  await p.waitForLoadState("load");
  await p.waitForFunction(() => document.documentElement.classList.contains("no-wasm"));
  assert.ok(await p.locator(".wasm-note").isVisible());
  assert.match(await p.locator(".wasm-note").innerText(), /needs WebAssembly/);
  // A label on two lines reads as one (the lines are apart on the page, not in the words).
  const main = (await p.locator("main").innerText()).replace(/\s+/g, " ");
  for (const f of DATA.figures) assert.ok(main.includes(statement(f)), `${f.id}: ${statement(f)}`);
  await p.context().close(); // the loader's own failure is in the console; that is expected here
});

test("with the WebAssembly blocked, the prerendered figures stay and a note says the explorer did not start", async () => {
  const { openPage } = await import("../browser.mjs");
  const page = await openPage(site.browser);
  await page.route("**/*.wasm", (route) => route.abort("blockedbyclient"));
  await page.goto(site.url);
  await page.waitForFunction(() => document.documentElement.classList.contains("no-wasm"));
  await page.locator(".view-note").waitFor();
  assert.match(await page.locator(".view-note").innerText(), /^The interactive explorer did not start\./);
  assert.equal(await page.locator(".wasm-note").isVisible(), false, "not the note that blames the browser");
  const main = (await page.locator("main").innerText()).replace(/\s+/g, " ");
  for (const f of DATA.figures) assert.ok(main.includes(statement(f)), `${f.id}: ${statement(f)}`);
  assert.equal(await page.locator(".app[data-ready]").count(), 0);
  await page.context().close(); // the blocked request is in the console; that is expected here
});

test("soak: 5,000 random interactions leave no error and no memory growth", async () => {
  const page = await site.open("", {
    initScript: () => addEventListener("TrunkApplicationStarted", (e) => { window.__wasm = e.detail.wasm; }),
  });
  assert.ok(await page.evaluate(() => window.__wasm && window.__wasm.memory instanceof WebAssembly.Memory));
  const run = (n, seed) =>
    page.evaluate(async ([n, seed]) => {
      let s = seed;
      const rand = (k) => { s = (s * 1103515245 + 12345) % 2147483648; return s % k; };
      for (let i = 0; i < n; i++) {
        const pick = rand(10);
        if (pick < 4) {
          const b = document.querySelectorAll("button[data-filter]");
          b[rand(b.length)].click();
        } else if (pick < 6) {
          const t = document.querySelectorAll("[role=tab]");
          t[rand(t.length)].click();
        } else if (pick < 8) {
          const m = document.querySelectorAll("button.mark-button, g.mark, button.sort, .figure-links a");
          if (m.length) m[rand(m.length)].dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true }));
        } else {
          // Back or forward, one step at a time (history moves asynchronously), and never off
          // the page: entry 0 is the blank page the test started from.
          const back = pick === 8;
          if (back ? navigation.currentEntry.index > 1 : navigation.canGoForward) {
            await new Promise((r) => {
              addEventListener("popstate", r, { once: true });
              setTimeout(r, 500);
              if (back) history.back(); else history.forward();
            });
          }
        }
        if (i % 25 === 0) await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      }
      await new Promise((r) => setTimeout(r, 50));
      return window.__wasm.memory.buffer.byteLength;
    }, [n, seed]);
  const afterFirst = await run(500, 42);
  const afterAll = await run(4500, 7);
  assert.ok(afterAll <= afterFirst * 1.1, `wasm memory grew from ${afterFirst} to ${afterAll} bytes`);
  assert.ok((await page.locator(".app[data-ready='true']").count()) === 1, "the app is still running");
  assert.equal(await page.locator(".failure-panel").count(), 0, "no panic");
  await closeClean(page);
});

test("a panic in the release build (which traps: it aborts at once) shows the failure panel", async () => {
  const page = await site.open("", {
    initScript: () => addEventListener("TrunkApplicationStarted", (e) => { window.__wasm = e.detail.wasm; }),
  });
  // A real abort of the release build: an allocation it cannot make aborts, and the abort traps.
  // Called from a timer, so that the trap is uncaught, as one from an event handler would be.
  await page.evaluate(() => setTimeout(() => window.__wasm.__wbindgen_malloc(0xfffffff0, 8)));
  const panel = page.locator(".failure-panel[role=alert]");
  await panel.waitFor();
  assert.match(await panel.innerText(), /Something went wrong\s+The explorer stopped: \S+/);
  assert.equal(await panel.getByRole("link", { name: "Open the default view" }).getAttribute("href"), new URL(site.url).pathname);
  await page.context().close(); // the trap is in the console; that is expected here
});
