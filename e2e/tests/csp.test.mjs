// The strict Content-Security-Policy: present, enforced, and never violated by the app itself,
// in any view, in embed mode, inside a sandboxed iframe on another origin, or while exporting.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { createHash } from "node:crypto";
import { useSite, closeClean, DIST, VOCAB, DRAWN, CHARTS, chartOf } from "./helpers.mjs";
import { startServer } from "../serve.mjs";
import { openPage } from "../browser.mjs";

const site = useSite();

// Runs in every frame before any page script: record each violation.
const RECORD = () => {
  window.__csp = [];
  document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
};

test("the built page carries the strict policy before any script", async () => {
  const html = await readFile(`${DIST}/index.html`, "utf8");
  const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/);
  assert.ok(meta, "a CSP meta tag");
  const policy = meta[1];
  for (const part of ["default-src 'none'", "img-src 'self' data:", "base-uri 'none'", "form-action 'none'", "'wasm-unsafe-eval'"]) {
    assert.ok(policy.includes(part), part);
  }
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/]{43}='/);
  // The stylesheet is inline (the first view paints from the one response), under its hash.
  assert.match(policy, /style-src 'self' 'sha256-[A-Za-z0-9+/]{43}=';/);
  const style = html.match(/<style>([\s\S]*?)<\/style>/);
  assert.ok(style, "the stylesheet inline");
  const hash = createHash("sha256").update(style[1]).digest("base64");
  assert.ok(policy.includes(`'sha256-${hash}'`), "the style's hash is the one in the policy");
  assert.doesNotMatch(html, /<link[^>]*stylesheet/, "and no second request for it");
  assert.doesNotMatch(policy, /unsafe-inline|\*/);
  assert.ok(html.indexOf("Content-Security-Policy") < html.indexOf("<script"), "before the first script");
  assert.doesNotMatch(html, /\sstyle="/, "no style attributes anywhere");
});

test("no violation in any view, with every interaction and export", async () => {
  // An actor to turn off that is not the drawn figure's, so its mark stays to hover.
  const other = VOCAB.actors.find((a) => a.slug !== DRAWN.actor);
  for (const query of ["", "?view=table&sort=value", `?view=article&mark=${DRAWN.id}`, "?view=timeline", "?embed=1&theme=dark", "?actors=none"]) {
    const page = await site.open(query, { initScript: RECORD });
    if (query === "") {
      await page.getByRole("button", { name: other.label, exact: true }).click();
      await page.locator(`#chart-${chartOf(DRAWN).slug} g.mark[data-mark='${DRAWN.id}'] rect.hit`).hover();
      await page.getByRole("button", { name: "Embed" }).click();
      for (const what of ["svg", "png"]) {
        await Promise.all([page.waitForEvent("download"), page.locator(`#chart-${CHARTS.at(-1).slug} button[data-download='${what}']`).click()]);
      }
      await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download CSV" }).click()]);
    }
    assert.deepEqual(await page.evaluate(() => window.__csp), [], query || "default view");
    await closeClean(page);
  }
});

test("the policy is enforced: an injected inline script does not run", async () => {
  const page = await site.open("", { initScript: RECORD });
  await page.evaluate(() => {
    const s = document.createElement("script");
    s.textContent = "window.__ran = true";
    document.body.append(s);
    const d = document.createElement("div");
    d.setAttribute("style", "color: red");
    document.body.append(d);
  });
  await page.waitForFunction(() => window.__csp.length >= 2);
  assert.equal(await page.evaluate(() => window.__ran), undefined);
  const violations = await page.evaluate(() => window.__csp);
  assert.ok(violations.some((v) => v.startsWith("script-src")), violations.join("; "));
  assert.ok(violations.some((v) => v.startsWith("style-src")), violations.join("; "));
  await page.context().close(); // the console holds the expected violation reports
});

test("no violation inside a sandboxed iframe on another origin", async () => {
  const body = `<!doctype html><title>Host</title><iframe id="f" sandbox="allow-scripts allow-popups" src="${site.url}?embed=1" width="320" height="600" title="Frontline Figures"></iframe>`;
  const host = await startServer({ root: "/nonexistent", port: 0, base: "/none/", extraRoutes: { "/h.html": { type: "text/html", body }, "/favicon.ico": { type: "image/x-icon", body: "" } } });
  try {
    const page = await openPage(site.browser, { initScript: RECORD });
    await page.goto(host.url.replace("/none/", "/h.html"));
    const frame = page.frameLocator("#f");
    await frame.locator(".app[data-ready='true']").waitFor({ timeout: 20000 });
    const inner = page.frames().find((f) => f.url().includes("embed=1"));
    assert.deepEqual(await inner.evaluate(() => window.__csp), []);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  } finally {
    await host.close();
  }
});
