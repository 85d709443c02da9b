import { launch, open } from "./rv-lib.mjs";
const browser = await launch();
const { p } = await open("?view=table", { browser, w: 375 });
await p.screenshot({ path: `/tmp/review-4-t375-a.png`, fullPage: true, clip: { x: 0, y: 380, width: 375, height: 900 } });
await p.screenshot({ path: `/tmp/review-4-t375-b.png`, fullPage: true, clip: { x: 0, y: 1700, width: 375, height: 900 } });
const r = await open("?view=table", { browser, w: 900 });
await r.p.screenshot({ path: `/tmp/review-4-t900.png`, fullPage: true, clip: { x: 0, y: 0, width: 900, height: 1400 } });
await browser.close();
