// The explorer: every filter, the charts and their honest encodings, details on hover and focus,
// the table, article and timeline views, accessibility (axe, keyboard, focus ring) and narrow
// screens.

import { test } from "node:test";
import assert from "node:assert/strict";
import { useSite, closeClean, axeViolations, search } from "./helpers.mjs";

const site = useSite();

const marks = (page) => page.locator("g.mark").evaluateAll((gs) => gs.map((g) => g.dataset.mark));

const FILTERS = [
  ["Country", "Russia", "actor:russia", 5],
  ["Country", "Ukraine", "actor:ukraine", 2],
  ["Country", "North Korea", "actor:north-korea", 3],
  ["Measure", "Troop strength", "measure:strength", 2],
  ["Measure", "Losses", "measure:losses", 2],
  ["Measure", "Deployment", "measure:deployment", 2],
  ["Measure", "Strikes", "measure:strikes", 2],
  ["Measure", "Share of forces", "measure:share", 1],
  ["Measure", "Supplies", "measure:supplies", 1],
  ["Source", "Bloomberg (citing intelligence)", "source:bloomberg", 1],
  ["Source", "New York Post", "source:new-york-post", 4],
  ["Source", "Media reports", "source:media-reports", 1],
  ["Source", "No source named", "source:unattributed", 4],
  ["Certainty", "Approximate", "certainty:approximate", 6],
  ["Certainty", "Upper bound", "certainty:upper-bound", 3],
  ["Certainty", "Vague", "certainty:vague", 1],
];

test("each filter is a labelled toggle with its count, and turning it off removes its figures", async () => {
  const page = await site.open();
  for (const [group, name, key, count] of FILTERS) {
    const button = page.getByRole("group", { name: group }).getByRole("button", { name, exact: true });
    assert.equal(await button.getAttribute("aria-pressed"), "true", `${name} starts on`);
    assert.equal(await button.getAttribute("data-filter"), key);
    const described = await button.evaluate((b) => document.getElementById(b.getAttribute("aria-describedby")).textContent);
    assert.equal(described, `${count} figure${count === 1 ? "" : "s"}`, `${name}'s count`);

    const shown = () => page.locator("[data-figure], g.mark").count();
    const before = await shown();
    await button.click();
    const after = await shown();
    assert.ok(after < before, `${name} off: ${after} figures and marks shown, ${before} before`);
    assert.equal(await button.getAttribute("aria-pressed"), "false", `${name} turns off`);
    const [param, value] = key.split(":");
    const url = await search(page);
    assert.match(url, new RegExp(`^\\?${param === "actor" ? "actors" : param === "measure" ? "measures" : param === "source" ? "sources" : "certainty"}=`), `${name}: ${url}`);
    assert.ok(!decodeURIComponent(url).split("=")[1].split(",").includes(value), `${name} is not in ${url}`);
    const table = await site.tableIds(page);
    assert.equal(table.length, 10 - count, `${name}: the table shows the other figures`);
    await button.click();
    assert.equal(await search(page), "", `${name} back on gives the default URL`);
    assert.equal(await shown(), before, `${name} back on shows every figure again`);
  }
  await closeClean(page);
});

site.tableIds = async (page) => {
  // The table of the same selection, read in a second page from the URL: one URL, one view.
  const other = await site.open(((await search(page)) || "?") + "&view=table");
  const ids = await other.locator("tbody tr").evaluateAll((rows) => rows.map((r) => r.dataset.figure));
  await closeClean(other);
  return ids;
};

test("turning a whole dimension off says so in words and offers Reset", async () => {
  const page = await site.open();
  for (const name of ["Russia", "Ukraine", "North Korea"]) {
    await page.getByRole("button", { name, exact: true }).click();
  }
  assert.equal(await page.locator("svg").count(), 0, "no empty chart frames");
  assert.match(await page.locator(".empty").innerText(), /No figure matches/);
  assert.equal(await search(page), "?actors=none");
  await page.locator(".empty").getByRole("button", { name: "Reset filters" }).click();
  assert.equal(await page.locator("g.mark").count(), 11, "every mark of the three charts again");
  assert.equal(await search(page), "");
  await closeClean(page);
});

test("the three charts draw the article's figures on separate axes", async () => {
  const page = await site.open();
  const charts = await page.locator("figure.chart").evaluateAll((fs) => fs.map((f) => f.dataset.chart));
  assert.deepEqual(charts, ["strength", "north-korea", "strike"]);
  assert.deepEqual(await page.locator("#chart-strength g.mark").evaluateAll((gs) => gs.map((g) => g.dataset.mark)), [
    "ru-active", "ru-killed", "ua-soldiers", "ua-losses", "nk-front", "nk-planned",
  ]);
  assert.deepEqual(await page.locator("#chart-north-korea g.mark").evaluateAll((gs) => gs.map((g) => g.dataset.mark)), [
    "nk-front", "nk-planned", "ru-force-increase",
  ]);
  assert.deepEqual(await page.locator("#chart-strike g.mark").evaluateAll((gs) => gs.map((g) => g.dataset.mark)), ["ru-missiles", "ru-drones"]);
  const axes = await page.locator(".axis-title").allTextContents();
  assert.deepEqual(axes, ["soldiers", "soldiers", "percent increase of Russia's combat forces", "missiles and drones launched"]);
  // Each SVG is an image with a title; each figure is named by its chart's title, and its
  // written summary is the drawing's description, read once: on screen it waits behind a
  // closed "Description" (once opened, a reader asked for it).
  for (const svg of await page.locator("svg.panel-svg").all()) {
    assert.equal(await svg.getAttribute("role"), "img");
    const title = await svg.evaluate((s) => document.getElementById(s.getAttribute("aria-labelledby")).textContent);
    assert.ok(title.length > 10, title);
    const chart = await svg.evaluate((s) => s.closest("figure").dataset.chart);
    assert.equal(await svg.getAttribute("aria-describedby"), `summary-${chart}`);
  }
  for (const figure of await page.locator("figure.chart").all()) {
    const name = await figure.evaluate((f) => document.getElementById(f.getAttribute("aria-labelledby")).textContent);
    assert.equal(name, await figure.locator(".chart-title").innerText());
    assert.equal(await figure.locator("figcaption").innerText(), "Description", "the summary is not told twice on screen");
    await figure.locator("figcaption summary").click();
    assert.match(await figure.locator("figcaption").innerText(), /^Description\s+Showing \d+ figures? for /);
  }
  assert.match(await page.locator("#summary-strength").innerText(), /^Showing 6 figures for Russia, Ukraine and North Korea\./);
  await closeClean(page);
});

test("an upper bound is drawn differently from an approximate value, and says 'up to'", async () => {
  const page = await site.open();
  const look = (id) =>
    page.locator(`#chart-strength g.mark[data-mark='${id}']`).evaluate((g) => {
      const bar = g.querySelector("rect.bar");
      const edges = [...g.querySelectorAll("line.bound-edge")];
      return {
        fill: getComputedStyle(bar).fill,
        dashed: edges.map((e) => getComputedStyle(e).strokeDasharray),
        label: g.querySelector(".mark-label").textContent,
      };
    });
  const bound = await look("nk-planned");
  const approx = await look("ru-active");
  assert.match(bound.fill, /^url\(/, "the upper bound is hatched");
  assert.match(approx.fill, /^rgb/, "the approximate value is solid");
  assert.equal(bound.dashed.length, 3, "dashed on three sides, the far end open");
  assert.ok(bound.dashed.every((d) => d !== "none"), "the outline is dashed");
  assert.equal(approx.dashed.length, 0);
  assert.match(bound.label, /^up to 100,000/);
  assert.match(approx.label, /^about 500,000/);
  assert.equal(await page.locator("g.mark[data-mark='derived-share']").count(), 0, "nothing derived is drawn");
  await closeClean(page);
});

test("the vague amount is told in words and never drawn as a bar", async () => {
  const page = await site.open();
  assert.equal(await page.locator("g.mark[data-mark='nk-ammunition']").count(), 0);
  assert.equal(await page.locator("svg").filter({ hasText: "hundreds of thousands" }).count(), 0);
  const words = await page.locator(".vague-figure[data-figure='nk-ammunition']").innerText();
  assert.match(words, /hundreds of thousands of rounds of ammunition supplied/);
  assert.match(words, /no bar is drawn/);
  await closeClean(page);
});

test("hovering a mark shows its value, hedge, source, period and quote", async () => {
  const page = await site.open();
  await page.locator("#chart-strength g.mark[data-mark='ru-killed'] rect.hit").hover();
  const details = await page.locator("#details-strength").innerText();
  assert.match(details, /Russia: up to 70,000 may have been killed/);
  assert.match(details, /upper bound/);
  assert.match(details, /the New York Post/);
  assert.match(details, /Period\s+since the onset of the full-scale war/);
  assert.match(details, /Not in the article\s+Russia's full-scale invasion of Ukraine began on 24 February 2022\./);
  assert.match(details, /Since the onset of the full-scale war, up to 70,000 may have been killed\./);
  await page.mouse.move(0, 0);
  assert.equal(await page.locator("#details-strength").innerText(), "", "nothing pointed at, no details");
  await closeClean(page);
});

test("keyboard focus on a mark shows its details, and Enter selects it", async () => {
  const page = await site.open();
  const button = page.locator("#chart-strike button.mark-button[data-mark='ru-drones']");
  await button.focus();
  const details = await page.locator("#details-strike").innerText();
  assert.match(details, /approximately 90 drones launched/);
  assert.match(details, /Approximately 120 missiles and 90 drones were deployed\./);
  assert.equal(await page.locator("#chart-strike g.mark.active").getAttribute("data-mark"), "ru-drones");
  await page.keyboard.press("Enter");
  assert.equal(await button.getAttribute("aria-pressed"), "true");
  assert.equal(await search(page), "?mark=ru-drones");
  await closeClean(page);
});

test("the article's own share is drawn as itself, with the article's hedge and no source", async () => {
  const page = await site.open();
  await page.locator("button.mark-button[data-mark='ru-force-increase']").focus();
  const details = await page.locator("#details-north-korea").innerText();
  assert.match(details, /combat forces could grow by up to 20%/);
  assert.match(details, /Such a move could increase the Kremlin's combat forces by up to 20%\./);
  assert.match(details, /Source\s+no source named in the article/);
  assert.doesNotMatch(await page.locator("main").innerText(), /derived|÷/i);
  await closeClean(page);
});

test("selecting a mark highlights its sentence in the article view", async () => {
  const page = await site.open();
  await page.locator("g.mark[data-mark='ua-losses'] rect.hit").click();
  assert.equal(await search(page), "?mark=ua-losses");
  await page.getByRole("tab", { name: "Article" }).click();
  const selected = page.locator("mark.figure-quote.selected");
  assert.equal(await selected.count(), 1);
  assert.equal(await selected.innerText(), "According to the same source, Ukraine can count on about 400,000 soldiers and has suffered approximately 80,000 losses so far.");
  assert.equal(await search(page), "?view=article&mark=ua-losses");
  await closeClean(page);
});

test("the table lists the selection and sorts by each column, both ways", async () => {
  const page = await site.open("?view=table");
  const rows = () => page.locator("tbody tr").evaluateAll((rs) => rs.map((r) => r.dataset.figure));
  assert.equal((await rows()).length, 10);
  const cell = (col) => page.locator("tbody tr").evaluateAll((rs, c) => rs.map((r) => r.children[c].textContent), col);
  const columns = ["Actor", "Measure", "Value", "Certainty", "Period", "Source"];
  for (const [i, name] of columns.entries()) {
    const header = page.locator("thead th").nth(i);
    await header.getByRole("button").click();
    assert.equal(await header.getAttribute("aria-sort"), "ascending", name);
    const up = await cell(i);
    await header.getByRole("button").click();
    assert.equal(await header.getAttribute("aria-sort"), "descending", name);
    const down = await cell(i);
    assert.notDeepEqual(up, down, `${name} sorts both ways`);
    assert.match(await search(page), new RegExp(`sort=${name.toLowerCase()}-desc`));
  }
  await page.locator("thead th").nth(2).getByRole("button").click();
  await page.locator("thead th").nth(2).getByRole("button").click();
  const byValue = await rows();
  assert.equal(byValue[0], "ru-active");
  assert.equal(byValue.at(-1), "nk-ammunition", "the vague amount sorts last");
  assert.equal(await search(page), "?view=table&sort=value-desc");
  await closeClean(page);
});

test("the article view highlights every figure and links each to its row and its mark", async () => {
  const page = await site.open("?view=article");
  const quoted = await page.locator("mark.figure-quote").evaluateAll((ms) => [...new Set(ms.flatMap((m) => m.dataset.figures.split(" ")))]);
  assert.equal(quoted.length, 10);
  const text = await page.locator("article").innerText();
  assert.match(text, /Kyiv is struggling to replenish its ranks/);
  await page.locator("article a", { hasText: "row: killed" }).click();
  assert.equal(await search(page), "?view=table&mark=ru-killed");
  assert.equal(await page.locator("tr.selected").getAttribute("data-figure"), "ru-killed");
  await page.goBack();
  await page.waitForFunction(() => location.search === "?view=article");
  await page.locator("article mark[data-figures='nk-front'] + .figure-links a", { hasText: "mark" }).click();
  assert.equal(await search(page), "?mark=nk-front");
  assert.equal(await page.locator("#chart-strength g.mark.selected").getAttribute("data-mark"), "nk-front");
  await closeClean(page);
});

test("the timeline runs from 24 Feb 2022 to 18 Nov 2024 and lists undated events apart", async () => {
  const page = await site.open("?view=timeline");
  const dated = await page.locator("ol.events time").evaluateAll((ts) => ts.map((t) => t.getAttribute("datetime")));
  assert.deepEqual(dated, ["2022-02-24", "2024-11-16", "2024-11-16", "2024-11-17", "2024-11-18"]);
  const undated = await page.locator("ul.undated li").evaluateAll((ls) => ls.map((l) => l.dataset.event));
  assert.deepEqual(undated.sort(), ["nk-deployed", "nk-training", "putin-kim-meetings"]);
  const strike = await page.locator("li[data-event='weekend-strike']").innerText();
  assert.match(strike, /Worked out: the article, dated Monday 18 November 2024, says "this past weekend"\./);
  assert.match(await page.locator("li[data-event='volyn-missiles']").innerText(), /Volyn region, near Poland/);
  await closeClean(page);
});

test("tabs are a tablist: arrows move the focus, Enter or Space opens, and only an opened view adds history", async () => {
  const page = await site.open();
  const tab = (name) => page.getByRole("tab", { name });
  const length = () => page.evaluate(() => history.length);
  const start = await length();
  assert.equal(await tab("Charts").getAttribute("aria-selected"), "true");
  await tab("Charts").focus();
  for (const key of ["ArrowRight", "ArrowRight", "ArrowRight"]) await page.keyboard.press(key);
  assert.equal(await page.evaluate(() => document.activeElement.id), "tab-timeline", "three arrows move the focus to Timeline");
  assert.equal(await search(page), "", "moving through the tabs changes nothing yet");
  assert.equal(await length(), start, "and adds no history entry");
  await page.keyboard.press("Home");
  assert.equal(await page.evaluate(() => document.activeElement.id), "tab-charts");
  await page.keyboard.press("ArrowLeft");
  assert.equal(await page.evaluate(() => document.activeElement.id), "tab-timeline");
  await page.keyboard.press("ArrowLeft");
  const scroll = await page.evaluate(() => scrollY);
  await page.keyboard.press("Space");
  assert.equal(await search(page), "?view=article", "Space opens the focused tab");
  assert.equal(await page.evaluate(() => scrollY), scroll, "and does not scroll the page");
  assert.equal(await length(), start + 1, "one entry for the one view opened");
  await page.keyboard.press("End");
  await page.keyboard.press("Enter");
  assert.equal(await search(page), "?view=timeline");
  await page.goBack();
  await page.waitForFunction(() => location.search === "?view=article");
  await page.goBack();
  await page.waitForFunction(() => location.search === "");
  assert.equal(await tab("Charts").getAttribute("aria-selected"), "true", "Back returns to the view the reader came from");
  await closeClean(page);
});

test("a selection's details open once, under its chart, in view, and the pointer's way to them does not change them", async () => {
  const page = await site.open("", { width: 375, height: 700 });
  // nk-planned is drawn in two charts; selected in the second, its details open there alone.
  const bar = page.locator("#chart-north-korea g.mark[data-mark='nk-planned'] rect.hit");
  await bar.scrollIntoViewIfNeeded();
  await bar.click();
  assert.equal(await search(page), "?mark=nk-planned");
  const filled = () => page.locator(".details").evaluateAll((ds) => ds.filter((d) => d.textContent.trim()).map((d) => d.id));
  assert.deepEqual(await filled(), ["details-north-korea"]);
  const box = await page.locator("#details-north-korea").boundingBox();
  assert.ok(box.y >= 0 && box.y + Math.min(box.height, 200) <= 700, `the details are in view: ${JSON.stringify(box)}`);
  // On the way down to "Show it in the article", the pointer crosses another bar.
  await page.locator("#chart-north-korea g.mark[data-mark='ru-force-increase'] rect.hit").hover();
  assert.match(await page.locator("#details-north-korea").innerText(), /up to 100,000 soldiers may be sent/);
  await page.locator("#details-north-korea").getByRole("link", { name: "Show it in the article" }).click();
  assert.equal(await search(page), "?view=article&mark=nk-planned");
  await closeClean(page);
});

test("sorting means something: actors A to Z, values within their unit", async () => {
  const page = await site.open("?view=table&sort=actor");
  const actors = await page.locator("tbody tr td:first-child").allTextContents();
  assert.deepEqual(actors, [...actors].sort(), "A to Z");
  await page.goto(`${site.url}?view=table&sort=value`);
  await page.waitForSelector(".app[data-ready='true']");
  const units = await page.locator("tbody tr").evaluateAll((rs) => rs.map((r) => r.dataset.figure));
  assert.deepEqual(units.slice(-4), ["ru-force-increase", "ru-drones", "ru-missiles", "nk-ammunition"], "no percent among the drones");
  // Periods by time: generic.test.mjs, over any article.
  await closeClean(page);
});

test("every control has a name of its own, and filter counts are said once", async () => {
  const page = await site.open();
  const names = await page.locator("button, a[href], [role=tab]").evaluateAll((els) =>
    els.map((e) => (e.getAttribute("aria-label") || e.textContent).replace(/\s+/g, " ").trim()),
  );
  const twice = names.filter((n, i) => names.indexOf(n) !== i);
  assert.deepEqual(twice, [], "names given to more than one control");
  // The count is the chip's description only: hidden text, not read again on its own.
  assert.equal(await page.locator("[id^=count-]:not([hidden])").count(), 0);
  await closeClean(page);
});

test("every control is reachable with Tab, shows a focus ring and works from the keyboard", async () => {
  const page = await site.open();
  const seen = new Set();
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press("Tab");
    const info = await page.evaluate(() => {
      const el = document.activeElement;
      const style = getComputedStyle(el);
      return {
        key: el.dataset.filter || el.dataset.mark || el.id || el.textContent.trim().slice(0, 30),
        tag: el.tagName,
        ring: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
      };
    });
    if (info.tag === "BODY") break;
    assert.ok(info.ring, `${info.tag} "${info.key}" has no visible focus ring`);
    seen.add(info.key);
  }
  for (const [, , key] of FILTERS) assert.ok(seen.has(key), `${key} is not reachable by Tab`);
  for (const key of ["ru-active", "ru-force-increase", "ru-drones", "tab-charts"]) assert.ok(seen.has(key), `${key} is not reachable`);
  // Space toggles a filter.
  await page.locator("button[data-filter='actor:russia']").focus();
  await page.keyboard.press("Space");
  assert.equal(await search(page), "?actors=ukraine,north-korea");
  await closeClean(page);
});

for (const width of [375, 1280]) {
  for (const colorScheme of ["light", "dark"]) {
    test(`axe finds no violations in any view at ${width} px, ${colorScheme}`, async () => {
      for (const view of ["", "?view=table", "?view=article", "?view=timeline", "?mark=nk-planned"]) {
        const page = await site.open(view, { width, height: 900, colorScheme });
        assert.deepEqual(await axeViolations(page), [], `${view || "charts"} at ${width} px, ${colorScheme}`);
        await closeClean(page);
      }
    });
  }
}

test("the forced themes override the system theme", async () => {
  const page = await site.open("?theme=dark", { colorScheme: "light" });
  const bg = () => page.locator(".app").evaluate((a) => getComputedStyle(a).backgroundColor);
  assert.equal(await bg(), "rgb(18, 20, 23)");
  await closeClean(page);
  const light = await site.open("?theme=light", { colorScheme: "dark" });
  assert.equal(await light.locator(".app").evaluate((a) => getComputedStyle(a).backgroundColor), "rgb(255, 255, 255)");
  assert.deepEqual(await axeViolations(light), []);
  await closeClean(light);
});

test("nothing scrolls sideways at 320 px, in any view", async () => {
  for (const view of ["", "?view=table", "?view=article", "?view=timeline"]) {
    const page = await site.open(view, { width: 320, height: 700 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, `${view || "charts"} scrolls sideways by ${overflow} px`);
    await closeClean(page);
  }
});

for (const width of [320, 768, 1920]) {
  test(`chart text never overlaps and stays inside the chart at ${width} px`, async () => {
    const page = await site.open("", { width, height: 900 });
    const problems = await page.locator("svg.panel-svg").evaluateAll((svgs) =>
      svgs.flatMap((svg) => {
        const box = svg.getBoundingClientRect();
        const texts = [...svg.querySelectorAll("text")].map((t) => ({ t: t.textContent, r: t.getBoundingClientRect() }));
        const out = [];
        for (const { t, r } of texts) {
          if (r.left < box.left - 0.5 || r.right > box.right + 0.5) out.push(`"${t}" leaves the chart`);
        }
        for (let i = 0; i < texts.length; i++) {
          for (let j = i + 1; j < texts.length; j++) {
            const a = texts[i].r, b = texts[j].r;
            const overlap = a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
            if (overlap) out.push(`"${texts[i].t}" overlaps "${texts[j].t}"`);
          }
        }
        return out;
      }),
    );
    assert.deepEqual(problems, []);
    await closeClean(page);
  });
}
