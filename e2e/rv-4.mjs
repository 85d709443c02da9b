import { launch, open } from "./rv-lib.mjs";
const browser = await launch();
for (const w of [375, 320, 900, 1280]) {
const { p } = await open("?view=table", { browser, w });
const r = await p.evaluate(() => {
  const de = document.documentElement;
  const out = { scrollW: de.scrollWidth, clientW: de.clientWidth };
  const wrap = document.querySelector(".table-wrap");
  if (wrap) { out.wrapScroll = wrap.scrollWidth; out.wrapClient = wrap.clientWidth; }
  const clipped = [];
  for (const td of document.querySelectorAll(".figures td, .figures th")) {
    const b = td.getBoundingClientRect();
    if (b.right > de.clientWidth + 0.5 || td.scrollWidth > td.clientWidth + 1) clipped.push(td.className + ":" + td.innerText.slice(0, 40) + ` r=${b.right} sw=${td.scrollWidth} cw=${td.clientWidth}`);
  }
  out.clipped = clipped.slice(0, 10);
  out.headers = [...document.querySelectorAll(".figures th")].map(t => t.innerText);
  return out;
});
console.log(w, JSON.stringify(r, null, 1));
await p.screenshot({ path: `/tmp/review-4-table-${w}.png`, fullPage: true });
}
await browser.close();
