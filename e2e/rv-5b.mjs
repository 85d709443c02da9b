import { launch, open } from "./rv-lib.mjs";
const browser = await launch();
const { p } = await open("?view=article", { browser, w: 375 });
await p.screenshot({ path: `/tmp/review-5-art-a.png`, fullPage: true, clip: { x: 0, y: 380, width: 375, height: 800 } });
await p.screenshot({ path: `/tmp/review-5-art-b.png`, fullPage: true, clip: { x: 0, y: 2600, width: 375, height: 900 } });
await browser.close();
