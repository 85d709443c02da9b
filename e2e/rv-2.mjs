import { launch, open } from "./rv-lib.mjs";
const browser = await launch();
const { p } = await open("", { browser, w: 1280 });
const state = async () => (await p.locator(".chip").evaluateAll(els => els.slice(0,3).map(e => e.innerText.replace(/\s+/g," ") + ":" + e.getAttribute("aria-pressed")))).join(" | ");
console.log("start", await state(), p.url());
await p.locator(".chip-wrap", { hasText: "Ukraine" }).hover();
await p.locator(".chip-wrap", { hasText: "Ukraine" }).locator(".chip-only").click();
await p.waitForTimeout(300);
console.log("after only", await state(), p.url());
console.log("status:", await p.locator(".filters-status").innerText());
await p.screenshot({ path: "/tmp/review-2-only.png" });
const undo = p.locator(".undo");
console.log("undo count", await undo.count(), await undo.count() ? await undo.first().innerText() : "");
if (await undo.count()) { await undo.first().click(); await p.waitForTimeout(300); }
console.log("after undo", await state(), p.url());
console.log("focused:", await p.evaluate(() => document.activeElement?.outerHTML.slice(0,150)));
// keyboard
await p.locator(".chip", { hasText: "North Korea" }).focus();
await p.keyboard.press("Shift+Enter");
await p.waitForTimeout(300);
console.log("after shift+enter", await state(), p.url());
console.log("status:", await p.locator(".filters-status").innerText());
console.log("focused:", await p.evaluate(() => document.activeElement?.outerHTML.slice(0,150)));
await p.screenshot({ path: "/tmp/review-2-kbd.png" });
// undo by keyboard?
if (await undo.count()) { await undo.first().focus(); await p.keyboard.press("Enter"); await p.waitForTimeout(300); }
console.log("after undo2", await state(), p.url());
// Shift+click
await p.locator(".chip", { hasText: "Losses" }).click({ modifiers: ["Shift"] });
await p.waitForTimeout(300);
console.log("after shift-click losses", p.url());
// shift+space?
await browser.close();
