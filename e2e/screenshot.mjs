// Real captures of the built page for the README: desktop and phone, light and dark.
//   node e2e/screenshot.mjs [outdir]
import { mkdir } from "node:fs/promises";
import { startServer } from "./serve.mjs";
import { launch, openPage, waitForApp } from "./browser.mjs";

const out = process.argv[2] || "docs";
await mkdir(out, { recursive: true });
const server = await startServer({ root: "dist", port: 0, base: "/explorer/" });
const browser = await launch();
try {
  for (const [name, width, height] of [["desktop", 1280, 900], ["phone", 375, 812]]) {
    for (const scheme of ["light", "dark"]) {
      const page = await openPage(browser, { width, height, colorScheme: scheme });
      await page.goto(server.url + (process.env.SHOT_QUERY || ""));
      await waitForApp(page);
      const file = `${out}/screenshot-${name}-${scheme}.png`;
      await page.screenshot({ path: file, fullPage: process.env.FULL === "1" });
      console.log(file, page.problems.length ? page.problems : "");
      await page.context().close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}

