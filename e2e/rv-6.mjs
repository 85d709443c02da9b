import { launch, open } from "./rv-lib.mjs";
const browser = await launch();
const { p } = await open("", { browser, w: 1280 });
const ids = await p.locator("[data-mark]").evaluateAll(els => [...new Set(els.map(e => e.dataset.mark))]);
console.log(ids);
for (const id of ids) {
  await p.goto("http://127.0.0.1:8765/?mark=" + id); await p.waitForSelector(".app[data-ready]"); await p.waitForTimeout(300);
  const d = await p.locator(".details:not(:empty)").evaluateAll(els => els.map(e => e.closest("figure")?.id + " :: " + e.innerText));
  console.log("=== ", id, "title:", await p.title(), "url", p.url()); console.log(d.join("\n---\n"));
}
await p.goto("http://127.0.0.1:8765/?mark=ru-killed"); await p.waitForTimeout(500);
await p.screenshot({ path: "/tmp/review-6-mark.png", fullPage: true });
await browser.close();
