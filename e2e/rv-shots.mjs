import { chromium } from "playwright-core";
const b = await chromium.launch({ executablePath: "/usr/bin/chromium" });
const base = "http://127.0.0.1:8765/";
const cases = [
  ["default", ""], ["nk", "?actors=north-korea"],
];
for (const [name, q] of cases) for (const w of [375, 1280]) for (const cs of ["light", "dark"]) {
  const ctx = await b.newContext({ viewport: { width: w, height: 900 }, colorScheme: cs, hasTouch: w < 500, isMobile: w < 500 });
  const p = await ctx.newPage();
  p.on("console", m => { if (m.type() === "error") console.log("console", m.text()); });
  await p.goto(base + q); await p.waitForSelector(".app[data-ready]", { timeout: 10000 }).catch(() => console.log("no ready"));
  await p.waitForTimeout(500);
  await p.screenshot({ path: `/tmp/review-${name}-${w}-${cs}.png`, fullPage: true });
  await ctx.close();
}
await b.close();
