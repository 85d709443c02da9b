// The URL corpus: links this release wrote, with what each showed, so a later release can prove
// it still shows the same (tests/url-corpus.test.mjs). `node e2e/url-corpus.mjs record` wrote
// tests/fixtures/url-corpus.json once, from the build of the release before the article moved
// into data; it is not re-recorded to make a test pass.
//
// The links cover every tab, each filter value turned off alone, each sort both ways, each
// selected mark, the embed and theme variants, and a few combinations.

import { writeFile } from "node:fs/promises";

export const CORPUS_FILE = new URL("../tests/fixtures/url-corpus.json", import.meta.url);

/// What a loaded page shows, as the corpus records it: the tab, the figures (marks drawn, rows
/// listed, quotes linked or events kept, by view), the selected figure and the address.
export async function shows(page) {
  return page.evaluate(() => {
    const ids = (sel, attr) => [...document.querySelectorAll(sel)].map((e) => e.getAttribute(attr));
    const unique = (xs) => [...new Set(xs)];
    const tab = document.querySelector("[role=tab][aria-selected=true]")?.id.replace(/^tab-/, "") ?? "charts";
    return {
      search: location.search,
      tab,
      marks: unique(ids("g.mark", "data-mark")),
      vague: ids(".vague-figure", "data-figure"),
      rows: ids("tbody tr", "data-figure"),
      quotes: unique(ids("mark.figure-quote", "data-figures").flatMap((f) => f.split(" "))),
      events: ids("li.event:not(.hidden-by-filters)", "data-event"),
      selected: document.querySelector("g.mark.selected")?.dataset.mark
        ?? document.querySelector("tr.selected")?.dataset.figure
        ?? document.querySelector("#selected-quote")?.dataset.figures
        ?? null,
      dark: getComputedStyle(document.querySelector(".app")).backgroundColor === "rgb(18, 20, 23)",
      embed: document.querySelector(".app.embed, .embed") !== null,
      notices: document.querySelectorAll(".notice").length,
    };
  });
}

/// This release's links, built from its parameter values.
export function links(data) {
  const drawn = data.figures.filter((f) => f.value !== null).map((f) => f.id);
  const actors = [...new Set(data.figures.map((f) => f.actor))];
  const sources = ["bloomberg", "new-york-post", "media-reports", "unattributed"];
  const measures = ["strength", "losses", "deployment", "strikes", "share", "supplies"];
  const certainty = ["approximate", "upper-bound", "vague"];
  const allBut = (all, one) => all.filter((x) => x !== one).join(",");
  const urls = ["", "?view=table", "?view=article", "?view=timeline"];
  for (const [key, all] of [["actors", actors], ["measures", measures], ["sources", sources], ["certainty", certainty]]) {
    for (const one of all) urls.push(`?${key}=${allBut(all, one)}`);
    urls.push(`?${key}=none`);
  }
  for (const column of ["actor", "measure", "value", "certainty", "period", "source"]) {
    urls.push(`?view=table&sort=${column}`, `?view=table&sort=${column}-desc`);
  }
  for (const id of drawn) urls.push(`?mark=${id}`);
  urls.push(
    "?theme=dark", "?theme=light", "?embed=1", "?embed=1&theme=dark",
    "?chart=strength&embed=1", "?chart=north-korea&embed=1", "?chart=strike&embed=1",
    "?actors=russia,north-korea&view=table&sort=value-desc&mark=ru-active",
    "?sources=new-york-post&view=article&mark=ua-losses",
    "?actors=north-korea&view=timeline",
    "?certainty=upper-bound&mark=nk-planned&theme=dark",
    "?actors=ukraine&measures=losses&chart=strength&embed=1",
    "?mark=derived-share",
  );
  return urls;
}

if (process.argv[2] === "record") {
  const { readFile } = await import("node:fs/promises");
  const { startServer } = await import("./serve.mjs");
  const { launch, openPage, waitForApp } = await import("./browser.mjs");
  const data = JSON.parse(await readFile(new URL("../data/north-korea-troops/figures.json", import.meta.url), "utf8"));
  const server = await startServer({ root: new URL("../dist", import.meta.url).pathname, port: 0, base: "/explorer/" });
  const browser = await launch();
  const page = await openPage(browser, { width: 1280, height: 900 });
  const corpus = [];
  for (const url of links(data)) {
    await page.goto(server.url + url);
    await waitForApp(page);
    corpus.push({ url, shows: await shows(page) });
  }
  await browser.close();
  await server.close();
  await writeFile(CORPUS_FILE, JSON.stringify({
    about: "Links of the release before the article moved into data, with what each showed in Chromium at 1280 px: recorded once by `node e2e/url-corpus.mjs record`, and checked by e2e/tests/url-corpus.test.mjs. search is the address the app left.",
    recorded: new Date().toISOString().slice(0, 10),
    links: corpus,
  }, null, 1) + "\n");
  console.log(`${corpus.length} links recorded`);
}
