import { launch, open } from "./rv-lib.mjs";
const browser = await launch();
for (const w of [1280, 375]) {
const { p } = await open("?actors=russia,ukraine&utm_source=x&fbclid=y", { browser, w });
console.log(w, "loaded", p.url(), await p.evaluate(() => history.length));
console.log(await p.locator(".filters-status").innerText());
if (w < 500) await p.getByRole("button", { name: /show filters/i }).click();
await p.locator(".chip", { hasText: "Losses" }).click();
await p.waitForTimeout(300);
console.log("after click", p.url(), await p.evaluate(() => history.length));
await p.goBack(); await p.waitForTimeout(500);
console.log("after back", p.url());
console.log(await p.locator(".filters-status").innerText());
console.log((await p.locator(".chip").evaluateAll(els => els.map(e => e.innerText.replace(/\s+/g," ") + ":" + e.getAttribute("aria-pressed")))).join(" | "));
await p.goBack(); await p.waitForTimeout(500);
console.log("after back2", p.url());
}
await browser.close();
