import { chromium } from "playwright-core";
export const base = "http://127.0.0.1:8765/";
export async function open(q, { w = 375, h = 900, cs = "light", browser } = {}) {
  const ctx = await browser.newContext({ viewport: { width: w, height: h }, colorScheme: cs, hasTouch: w < 500, isMobile: w < 500 });
  const p = await ctx.newPage();
  p.on("console", m => { if (m.type() === "error" || m.type()==="warning") console.log("console", m.type(), m.text()); });
  p.on("pageerror", e => console.log("pageerror", e.message));
  await p.goto(base + q); await p.waitForSelector(".app[data-ready]", { timeout: 10000 }).catch(() => console.log("no ready"));
  await p.waitForTimeout(300);
  return { ctx, p };
}
export const launch = () => chromium.launch({ executablePath: "/usr/bin/chromium" });
