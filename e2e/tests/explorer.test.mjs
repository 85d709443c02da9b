// The explorer: every filter, the charts and their honest encodings, details on hover and focus,
// the table, article and timeline views, accessibility (axe, keyboard, focus ring) and narrow
// screens.

import { test } from "node:test";
import assert from "node:assert/strict";
import { useSite, closeClean, axeViolations, search, DATA, VOCAB, PINNED, DRAWN, CHARTS, ARTICLE_TEXT, chartOf, statement, bySlug, valueText, hedgedValue, KINDS } from "./helpers.mjs";

const site = useSite();
const FIGURES = DATA.figures;

// Every filter value with its group, label, key and count of figures, from the article's data.
// The certainty filter offers the kinds of hedge the article has, and only those.
const CERTAINTY = Object.entries(KINDS).filter(([k]) => FIGURES.some((f) => f.hedge.kind === k));
const group = (f) => bySlug("measures", f.measure).group;
const FILTERS = [
  ...VOCAB.actors.map((a) => [VOCAB.page.actor_filter, a.label, `actor:${a.slug}`, FIGURES.filter((f) => f.actor === a.slug).length]),
  ...VOCAB.groups.map((g) => ["Measure", g.label, `measure:${g.slug}`, FIGURES.filter((f) => group(f) === g.slug).length]),
  ...VOCAB.sources.map((s) => ["Source", s.label, `source:${s.slug}`, FIGURES.filter((f) => f.source === s.slug).length]),
  ...CERTAINTY.map(([slug, label]) => ["Certainty", label, `certainty:${slug}`, FIGURES.filter((f) => f.hedge.kind === slug).length]),
];
/// "Russia, Ukraine and North Korea".
const andList = (items) => (items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`);
const marksOf = (page, chart) => page.locator(`#chart-${chart} g.mark`).evaluateAll((gs) => gs.map((g) => g.dataset.mark));

test("each filter is a labelled toggle with its count, and turning it off removes its figures", async () => {
  const page = await site.open();
  // A value no figure has would not remove anything: the data has none (the loader's checks).
  assert.deepEqual(FILTERS.filter(([, , , count]) => count === 0).map(([, , key]) => key), [], "every value holds a figure");
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
    assert.equal(table.length, FIGURES.length - count, `${name}: the table shows the other figures`);
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
  for (const { label } of VOCAB.actors) {
    await page.getByRole("button", { name: label, exact: true }).click();
  }
  assert.equal(await page.locator("svg").count(), 0, "no empty chart frames");
  assert.match(await page.locator(".empty").innerText(), /No figure matches/);
  assert.equal(await search(page), "?actors=none");
  await page.locator(".empty").getByRole("button", { name: "Reset filters" }).click();
  const marks = CHARTS.reduce((n, c) => n + c.marks.length, 0);
  assert.equal(await page.locator("g.mark").count(), marks, "every mark of every chart again");
  assert.equal(await search(page), "");
  await closeClean(page);
});

test("the charts draw the article's figures on separate axes", async () => {
  const page = await site.open();
  const charts = await page.locator("figure.chart").evaluateAll((fs) => fs.map((f) => f.dataset.chart));
  assert.deepEqual(charts, CHARTS.map((c) => c.slug));
  for (const c of CHARTS) assert.deepEqual(await marksOf(page, c.slug), c.marks.map((f) => f.id), c.slug);
  // Each panel's axis title, its lines (where it wraps) read together.
  const axes = await page.locator("svg.panel-svg").evaluateAll((svgs) => svgs.map((s) => [...s.querySelectorAll(".axis-title")].map((t) => t.textContent).join("")));
  assert.deepEqual(axes, CHARTS.flatMap((c) => c.panels.map((a) => bySlug("axes", a).title)));
  // Each SVG is an image with a title; each figure is named by its chart's title, and its
  // written summary is the drawing's description, read once: on screen it waits behind a
  // closed "Description" (once opened, a reader asked for it).
  for (const svg of await page.locator("svg.panel-svg").all()) {
    assert.equal(await svg.getAttribute("role"), "img");
    const title = await svg.evaluate((s) => document.getElementById(s.getAttribute("aria-labelledby")).textContent);
    assert.ok(title.length > 10, title);
    // A chart of two panels is described once, by its first.
    const [chart, first] = await svg.evaluate((s) => [s.closest("figure").dataset.chart, !s.previousElementSibling?.matches("svg.panel-svg")]);
    assert.equal(await svg.getAttribute("aria-describedby"), first ? `summary-${chart}` : null);
  }
  for (const figure of await page.locator("figure.chart").all()) {
    const name = await figure.evaluate((f) => document.getElementById(f.getAttribute("aria-labelledby")).textContent);
    assert.equal(name, await figure.locator(".chart-title").innerText());
    assert.equal(await figure.locator("figcaption").innerText(), "Description", "the summary is not told twice on screen");
    await figure.locator("figcaption summary").click();
    assert.match(await figure.locator("figcaption").innerText(), /^Description\s+Showing \d+ figures? for /);
  }
  for (const c of CHARTS) {
    const actors = VOCAB.actors.filter((a) => c.figures.some((f) => f.actor === a.slug)).map((a) => a.label);
    const n = c.figures.length;
    const head = `Showing ${n} figure${n === 1 ? "" : "s"} for ${andList(actors)}.`;
    assert.ok((await page.locator(`#summary-${c.slug}`).innerText()).startsWith(head), `${c.slug}: ${head}`);
  }
  if (PINNED) assert.match(await page.locator("#summary-strength").innerText(), /^Showing 6 figures for Russia, Ukraine and North Korea\./);
  await closeClean(page);
});

test("an upper bound is drawn differently from an approximate value, and says 'up to'", async () => {
  const page = await site.open();
  const look = (f) =>
    page.locator(`#chart-${chartOf(f).slug} g.mark[data-mark='${f.id}']`).evaluate((g) => {
      const bar = g.querySelector("rect.bar");
      const edges = [...g.querySelectorAll("line.bound-edge")];
      return {
        fill: getComputedStyle(bar).fill,
        dashed: edges.map((e) => getComputedStyle(e).strokeDasharray),
        label: g.querySelector(".mark-label").textContent,
      };
    });
  const drawn = FIGURES.filter((f) => f.value !== null);
  const [b, a] = [drawn.find((f) => f.hedge.kind === "upper-bound"), drawn.find((f) => f.hedge.kind === "approximate")];
  const bound = await look(b);
  const approx = await look(a);
  assert.match(bound.fill, /^url\(/, "the upper bound is hatched");
  assert.match(approx.fill, /^rgb/, "the approximate value is solid");
  assert.equal(bound.dashed.length, 3, "dashed on three sides, the far end open");
  assert.ok(bound.dashed.every((d) => d !== "none"), "the outline is dashed");
  assert.equal(approx.dashed.length, 0);
  assert.ok(bound.label.startsWith(`up to ${valueText(b)}`), bound.label);
  assert.ok(approx.label.startsWith(hedgedValue(a)), approx.label);
  assert.equal(await page.locator("g.mark[data-mark='derived-share']").count(), 0, "nothing derived is drawn");
  await closeClean(page);
});

test("a vague amount is told in words and never drawn as a bar", async () => {
  const page = await site.open();
  for (const f of FIGURES.filter((f) => f.value === null)) {
    assert.equal(await page.locator(`g.mark[data-mark='${f.id}']`).count(), 0);
    assert.equal(await page.locator("svg").filter({ hasText: f.value_text }).count(), 0);
    const words = await page.locator(`.vague-figure[data-figure='${f.id}']`).innerText();
    assert.ok(words.includes(statement(f)), `${f.id}: ${statement(f)} in ${words}`);
    assert.match(words, /no bar is drawn/);
  }
  await closeClean(page);
});

test("hovering a mark shows its value, hedge, source, period and quote", async () => {
  // A figure with the most to show: a period and what the article does not say, if any has.
  const drawn = FIGURES.filter((f) => f.value !== null);
  const f = drawn.find((f) => f.period && f.outside) ?? drawn.find((f) => f.period) ?? DRAWN;
  const chart = chartOf(f).slug;
  const page = await site.open();
  await page.locator(`#chart-${chart} g.mark[data-mark='${f.id}'] rect.hit`).hover();
  const details = await page.locator(`#details-${chart}`).innerText();
  const has = (text, what) => assert.ok(details.includes(text), `${what}: "${text}" in ${details}`);
  has(`${bySlug("actors", f.actor).label}: ${statement(f)}`, "the statement");
  assert.match(details, new RegExp(KINDS[f.hedge.kind], "i"));
  has(bySlug("sources", f.source).credit, "the source");
  if (f.period) assert.match(details, new RegExp(`Period\\s+${f.period.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
  if (f.outside) has(f.outside, "what is not in the article");
  has(f.quotes[0], "the quote");
  await page.mouse.move(0, 0);
  assert.equal(await page.locator(`#details-${chart}`).innerText(), "", "nothing pointed at, no details");
  await closeClean(page);
});

test("keyboard focus on a mark shows its details, and Enter selects it", async () => {
  // The last chart's last mark.
  const chart = CHARTS.at(-1);
  const f = chart.marks.at(-1);
  const page = await site.open();
  const button = page.locator(`#chart-${chart.slug} button.mark-button[data-mark='${f.id}']`);
  await button.focus();
  const details = await page.locator(`#details-${chart.slug}`).innerText();
  assert.ok(details.includes(statement(f)), details);
  assert.ok(details.includes(f.quotes[0]), details);
  assert.equal(await page.locator(`#chart-${chart.slug} g.mark.active`).getAttribute("data-mark"), f.id);
  await page.keyboard.press("Enter");
  assert.equal(await button.getAttribute("aria-pressed"), "true");
  assert.equal(await search(page), `?mark=${f.id}`);
  await closeClean(page);
});

test("the article's own share is drawn as itself, with the article's hedge and no source", { skip: !PINNED && "this article's known fact" }, async () => {
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
  const f = FIGURES.findLast((f) => f.value !== null);
  const page = await site.open();
  await page.locator(`g.mark[data-mark='${f.id}'] rect.hit`).first().click();
  assert.equal(await search(page), `?mark=${f.id}`);
  await page.getByRole("tab", { name: "Article" }).click();
  const selected = page.locator("mark.figure-quote.selected");
  assert.ok((await selected.count()) >= 1);
  // The selected stretches are the figure's quotes, as the article has them.
  const said = (await selected.allInnerTexts()).join(" ");
  for (const part of await selected.allInnerTexts()) assert.ok(f.quotes.some((q) => q.includes(part)), `"${part}" is ${f.id}'s`);
  assert.ok(f.quotes.some((q) => said.includes(q.slice(0, 20))), said);
  assert.equal(await search(page), `?view=article&mark=${f.id}`);
  await closeClean(page);
});

test("the table lists the selection and sorts by each column, both ways", async () => {
  const page = await site.open("?view=table");
  const rows = () => page.locator("tbody tr").evaluateAll((rs) => rs.map((r) => r.dataset.figure));
  assert.equal((await rows()).length, FIGURES.length);
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
  assert.equal(await search(page), "?view=table&sort=value-desc");
  if (PINNED) {
    assert.equal(byValue[0], "ru-active");
    assert.equal(byValue.at(-1), "nk-ammunition", "the vague amount sorts last");
  }
  await closeClean(page);
});

test("the article view highlights every figure and links each to its row and its mark", async () => {
  const page = await site.open("?view=article");
  const quoted = await page.locator("mark.figure-quote").evaluateAll((ms) => [...new Set(ms.flatMap((m) => m.dataset.figures.split(" ")))]);
  assert.equal(quoted.length, FIGURES.length);
  // The whole text, paragraph by paragraph (the title is the page's heading).
  const text = (await page.locator("article").innerText()).replace(/\s+/g, " ");
  for (const line of ARTICLE_TEXT.split("\n").slice(1).filter((l) => l.trim())) {
    assert.ok(text.includes(line.trim().slice(0, 40)), `the article view has "${line.slice(0, 40)}"`);
  }
  // A figure alone in its stretch of text: its row, then its mark.
  const alone = await page.locator("article mark.figure-quote + .figure-links").evaluateAll((ls) => ls.map((l) => l.previousElementSibling.dataset.figures).filter((ids) => !ids.includes(" ")));
  const f = FIGURES.find((f) => f.value !== null && alone.includes(f.id));
  await page.locator(`article mark[data-figures='${f.id}'] + .figure-links a`, { hasText: "in the table" }).click();
  assert.equal(await search(page), `?view=table&mark=${f.id}`);
  assert.equal(await page.locator("tr.selected").getAttribute("data-figure"), f.id);
  await page.goBack();
  await page.waitForFunction(() => location.search === "?view=article");
  await page.locator(`article mark[data-figures='${f.id}'] + .figure-links a`, { hasText: "on the chart" }).click();
  assert.equal(await search(page), `?mark=${f.id}`);
  assert.equal(await page.locator(`#chart-${chartOf(f).slug} g.mark.selected`).getAttribute("data-mark"), f.id);
  await closeClean(page);
});

test("the timeline runs in date order and lists undated events apart", async () => {
  const page = await site.open("?view=timeline");
  const dated = await page.locator("ol.events time").evaluateAll((ts) => ts.map((t) => t.getAttribute("datetime")));
  const starts = DATA.events.filter((e) => e.start).map((e) => e.start);
  assert.deepEqual(dated, [...starts].sort());
  const undated = await page.locator("ul.undated li").evaluateAll((ls) => ls.map((l) => l.dataset.event));
  assert.deepEqual(undated.sort(), DATA.events.filter((e) => !e.start).map((e) => e.id).sort());
  // How a worked-out date is known, and where, as the data says.
  for (const e of DATA.events) {
    const item = await page.locator(`li[data-event='${e.id}']`).innerText();
    if (e.date_basis) assert.ok(item.includes(e.date_basis), `${e.id}: ${e.date_basis}`);
    if (e.place) assert.ok(item.includes(e.place), `${e.id}: ${e.place}`);
  }
  if (PINNED) assert.deepEqual(dated, ["2022-02-24", "2024-11-16", "2024-11-16", "2024-11-17", "2024-11-18"]);
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
  // The address changes after the render the key leads to: waited for, not read at once.
  await page.waitForFunction(() => location.search !== "", null, { timeout: 3000 }).catch(() => {});
  assert.equal(await search(page), "?view=article", "Space opens the focused tab");
  assert.equal(await page.evaluate(() => scrollY), scroll, "and does not scroll the page");
  assert.equal(await length(), start + 1, "one entry for the one view opened");
  await page.keyboard.press("End");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => location.search === "?view=timeline", null, { timeout: 3000 }).catch(() => {});
  assert.equal(await search(page), "?view=timeline");
  await page.goBack();
  await page.waitForFunction(() => location.search === "?view=article");
  await page.goBack();
  await page.waitForFunction(() => location.search === "");
  assert.equal(await tab("Charts").getAttribute("aria-selected"), "true", "Back returns to the view the reader came from");
  await closeClean(page);
});

test("a selection's details open once, under its chart, in view, and the pointer's way to them does not change them", async () => {
  // A figure drawn in two charts, selected in the later one (this article: nk-planned), or else
  // the first figure of a chart with two or more; and another bar of that chart.
  const twice = (f) => CHARTS.filter((c) => c.figures.includes(f)).length > 1;
  const chart = CHARTS.findLast((c) => c.marks.length > 1 && c.marks.some(twice)) ?? CHARTS.find((c) => c.marks.length > 1);
  const f = chart.marks.findLast(twice) ?? chart.marks[0];
  // Below it where there is a bar below, as the pointer goes down to the details.
  const other = chart.marks.findLast((g) => g !== f);
  const page = await site.open("", { width: 375, height: 700 });
  const bar = page.locator(`#chart-${chart.slug} g.mark[data-mark='${f.id}'] rect.hit`);
  await bar.scrollIntoViewIfNeeded();
  await bar.click();
  assert.equal(await search(page), `?mark=${f.id}`);
  const filled = () => page.locator(".details").evaluateAll((ds) => ds.filter((d) => d.textContent.trim()).map((d) => d.id));
  assert.deepEqual(await filled(), [`details-${chart.slug}`]);
  const details = page.locator(`#details-${chart.slug}`);
  const box = await details.boundingBox();
  assert.ok(box.y >= 0 && box.y + Math.min(box.height, 200) <= 700, `the details are in view: ${JSON.stringify(box)}`);
  // On the way down to "Show it in the article", the pointer crosses another bar.
  // (At the row's top right: its words, drawn over the row's target, sit at its left.)
  const row = page.locator(`#chart-${chart.slug} g.mark[data-mark='${other.id}'] rect.hit`);
  const rowBox = await row.boundingBox();
  await row.hover({ position: { x: rowBox.width - 3, y: 2 } });
  assert.ok((await details.innerText()).includes(statement(f)), await details.innerText());
  await details.getByRole("link", { name: "Show it in the article" }).click();
  assert.equal(await search(page), `?view=article&mark=${f.id}`);
  if (PINNED) assert.equal(f.id, "nk-planned");
  await closeClean(page);
});

test("sorting means something: actors A to Z, values within their unit", async () => {
  const page = await site.open("?view=table&sort=actor");
  const actors = await page.locator("tbody tr td:first-child").allTextContents();
  assert.deepEqual(actors, [...actors].sort(), "A to Z");
  await page.goto(`${site.url}?view=table&sort=value`);
  await page.waitForSelector(".app[data-ready='true']");
  // Each axis's figures together, in the vocabulary's order of axes.
  const order = await page.locator("tbody tr").evaluateAll((rs) => rs.map((r) => r.dataset.figure));
  const axisAt = (id) => VOCAB.axes.findIndex((a) => a.slug === bySlug("units", FIGURES.find((f) => f.id === id).unit).axis);
  const axes = order.map(axisAt);
  assert.deepEqual(axes, [...axes].sort((a, b) => a - b), `units grouped: ${order}`);
  if (PINNED) assert.deepEqual(order.slice(-4), ["ru-force-increase", "ru-drones", "ru-missiles", "nk-ammunition"], "no percent among the drones");
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

test("every control is reachable from the keyboard, shows a focus ring and works from it", async () => {
  // Tab from stop to stop; in a toolbar of one tab stop (a filter group's chips, a chart's
  // marks, its downloads), the arrow keys to each of its items.
  const page = await site.open();
  const seen = new Set();
  const info = () => page.evaluate(() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    const toolbar = el.closest("[role=toolbar]");
    return {
      key: el.dataset.filter || el.dataset.mark || el.id || el.textContent.trim().slice(0, 30),
      tag: el.tagName,
      arrow: toolbar ? (toolbar.getAttribute("aria-orientation") === "vertical" ? "ArrowDown" : "ArrowRight") : null,
      ring: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
    };
  });
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press("Tab");
    let now = await info();
    if (now.tag === "BODY") break;
    assert.ok(now.ring, `${now.tag} "${now.key}" has no visible focus ring`);
    seen.add(now.key);
    for (let j = 0; now.arrow && j < 40; j++) {
      await page.keyboard.press(now.arrow);
      const next = await info();
      if (next.key === now.key) break;
      assert.ok(next.ring, `${next.tag} "${next.key}" has no visible focus ring`);
      seen.add(next.key);
      now = next;
    }
  }
  for (const [, , key] of FILTERS) assert.ok(seen.has(key), `${key} is not reachable`);
  // Every mark of each chart, and the tabs.
  for (const key of [...CHARTS.flatMap((c) => c.marks.map((f) => f.id)), "tab-charts"]) assert.ok(seen.has(key), `${key} is not reachable`);
  // Space toggles a filter.
  const [first, ...rest] = VOCAB.actors;
  await page.locator(`button[data-filter='actor:${first.slug}']`).focus();
  await page.keyboard.press("Space");
  assert.equal(await search(page), `?actors=${rest.map((a) => a.slug).join(",")}`);
  await closeClean(page);
});

for (const width of [375, 1280]) {
  for (const colorScheme of ["light", "dark"]) {
    test(`axe finds no violations in any view at ${width} px, ${colorScheme}`, async () => {
      for (const view of ["", "?view=table", "?view=article", "?view=timeline", `?mark=${DRAWN.id}`]) {
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
          // A glyph may reach a pixel past its origin (a "T"'s side bearing; the drawing's
          // overflow is visible, so it is drawn, not cut): more than that leaves the chart.
          if (r.left < box.left - 1.5 || r.right > box.right + 1.5) out.push(`"${t}" leaves the chart`);
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

test("the tab's title names a selected figure only where the view shows it", async () => {
  const f = DRAWN;
  const page = await site.open(`?view=timeline&mark=${f.id}`);
  const named = async () => (await page.title()).includes(statement(f));
  assert.equal(await named(), false, `the Timeline shows no figure: ${await page.title()}`);
  await page.getByRole("tab", { name: "Charts" }).click();
  await page.waitForFunction((words) => document.title.includes(words), statement(f));
  const other = CHARTS.find((c) => !c.figures.includes(f));
  if (other) {
    await page.goto(`${site.url}?chart=${other.slug}&mark=${f.id}`);
    await page.locator(".app[data-ready='true']").waitFor();
    assert.equal(await named(), false, `${other.slug} does not draw it: ${await page.title()}`);
  }
  await closeClean(page);
});

test("a filter group's chips, one under another in the side panel, answer ArrowDown and ArrowUp too", async () => {
  const page = await site.open("", { width: 1280, height: 900 });
  const [first, second] = VOCAB.actors;
  await page.locator(`button[data-filter='actor:${first.slug}']`).focus();
  const at = () => page.evaluate(() => document.activeElement.dataset.filter);
  const tops = await page.locator(`button[data-filter^='actor:']`).evaluateAll((bs) => bs.map((b) => b.getBoundingClientRect().top));
  assert.ok(tops[1] > tops[0], "one under another");
  await page.keyboard.press("ArrowDown");
  assert.equal(await at(), `actor:${second.slug}`);
  await page.keyboard.press("ArrowUp");
  assert.equal(await at(), `actor:${first.slug}`);
  await closeClean(page);
});

test("a toolbar keeps its tab stop where the reader left it: Tab out and Shift+Tab back return to the same chip", async () => {
  const page = await site.open("", { width: 1280, height: 900 });
  const chips = VOCAB.actors.map((a) => `actor:${a.slug}`);
  await page.locator(`button[data-filter='${chips[0]}']`).focus();
  const at = () => page.evaluate(() => document.activeElement.dataset.filter ?? document.activeElement.id);
  const k = Math.min(2, chips.length - 1);
  assert.ok(k > 0, "a group of more than one chip");
  for (let i = 0; i < k; i++) await page.keyboard.press("ArrowRight");
  assert.equal(await at(), chips[k]);
  await page.keyboard.press("Tab");
  assert.ok(!chips.includes(await at()), "Tab leaves the group");
  await page.keyboard.press("Shift+Tab");
  assert.equal(await at(), chips[k], "Shift+Tab comes back to the chip the reader left");
  const stops = await page.locator(`button[data-filter^='actor:'][tabindex='0']`).count();
  assert.equal(stops, 1, "the group is still one tab stop");
  await closeClean(page);
});

test("a mark's preview under the keyboard's focus offers no link it cannot follow: the link to the article comes with the selection", async () => {
  const page = await site.open("", { width: 1280, height: 900 });
  const chart = CHARTS.find((c) => c.marks.length > 0);
  await page.locator(`#chart-${chart.slug} .mark-button[tabindex='0']`).focus();
  // On to the chart's next control (its downloads): the preview stays while the focus is in the chart.
  await page.keyboard.press("Tab");
  const details = page.locator(`#details-${chart.slug}`);
  assert.ok((await details.innerText()).includes(statement(chart.marks[0])), "the preview shows the focused mark");
  assert.equal(await page.evaluate(() => document.activeElement.closest("figure")?.id), `chart-${chart.slug}`, "the focus is still in the chart");
  assert.equal(await details.locator("a").count(), 0, "no link in an inert preview");
  await page.locator(`#chart-${chart.slug} .mark-button[tabindex='0']`).focus();
  await page.keyboard.press("Enter");
  assert.equal(await details.getByRole("link", { name: "Show it in the article" }).count(), 1, "the selection's details link to the article");
  await closeClean(page);
});
