// The explorer over any article (ARTICLE): every expectation comes from the article's own
// figures.json and explorer.json, none from this code's knowledge of one article. `make test`
// runs this file over this article and over the second one (a fictional fixture).

import { test } from "node:test";
import assert from "node:assert/strict";
import { useSite, closeClean, axeViolations, search, DATA, VOCAB, bySlug, axisOf, statement } from "./helpers.mjs";

const site = useSite();
const FIGURES = DATA.figures;
const rows = (page) => page.locator("tbody tr").evaluateAll((rs) => rs.map((r) => r.dataset.figure));
const ids = (fs) => fs.map((f) => f.id);

test("the table gives every figure in its own sentence, with its source", async () => {
  const page = await site.open("?view=table");
  assert.deepEqual(await rows(page), ids(FIGURES));
  for (const f of FIGURES) {
    const row = await page.locator(`tr[data-figure='${f.id}']`).innerText();
    assert.ok(row.includes(statement(f)), `${f.id}: "${statement(f)}" in ${row}`);
    assert.ok(row.includes(bySlug("sources", f.source).credit), `${f.id}: its source in ${row}`);
  }
  await closeClean(page);
});

test("the masthead gives the article's title and dateline, its date machine-readable as the data's", async () => {
  const page = await site.open();
  assert.equal(await page.locator(".masthead h1").innerText(), DATA.article.title);
  const time = page.locator(".masthead .dateline time");
  assert.equal(await time.innerText(), DATA.article.dateline);
  assert.equal(await time.getAttribute("datetime"), DATA.article.published, "the date a machine reads is the article's");
  await closeClean(page);
});

test("the charts draw each figure with a value on its chart's axes, and tell the vague ones in words", async () => {
  const page = await site.open();
  for (const chart of VOCAB.charts) {
    const expected = FIGURES.filter((f) => f.value !== null
      && chart.axes.includes(axisOf(f).slug)
      && (!chart.groups?.length || chart.groups.includes(bySlug("measures", f.measure).group)));
    const drawn = await page.locator(`#chart-${chart.slug} g.mark`).evaluateAll((gs) => gs.map((g) => g.dataset.mark));
    assert.deepEqual([...drawn].sort(), ids(expected).sort(), chart.slug);
    assert.equal(await page.locator(`#chart-${chart.slug} .chart-title`).innerText(), chart.title);
  }
  const vague = await page.locator(".vague-figure").evaluateAll((vs) => vs.map((v) => v.dataset.figure));
  assert.deepEqual(vague, ids(FIGURES.filter((f) => f.value === null)));
  await closeClean(page);
});

test("each filter value turned off alone hides exactly its figures, and the link reproduces it", async () => {
  const page = await site.open("?view=table");
  // The actors' filter is named as the article's vocabulary names them (a country, a district).
  assert.equal(await page.locator(".filter-group legend").first().innerText(), VOCAB.page.actor_filter);
  // Every chip is labelled as the article's vocabulary labels its value: the one vocabulary the
  // build compiled in, whatever the article. Read off the page, so a chip of any other
  // vocabulary fails here.
  const lists = { actor: VOCAB.actors, measure: VOCAB.groups, source: VOCAB.sources };
  const chips = await page.locator("button.chip").evaluateAll((bs) => bs.map((b) => {
    const copy = b.cloneNode(true);
    copy.querySelectorAll(".chip-count").forEach((c) => c.remove());
    return [b.dataset.filter, copy.textContent.trim()];
  }));
  assert.ok(chips.length > 0);
  for (const [filter, name] of chips) {
    const [kind, slug] = filter.split(":");
    if (!lists[kind]) continue;
    const item = lists[kind].find((x) => x.slug === slug);
    assert.ok(item, `${filter} is not in the article's vocabulary`);
    assert.equal(name, item.label, `${filter}'s chip`);
  }
  const dims = [
    ["actors", "actor", VOCAB.actors.map((a) => a.slug), (f) => f.actor],
    ["sources", "source", VOCAB.sources.map((s) => s.slug), (f) => f.source],
    ["measures", "measure", VOCAB.groups.map((g) => g.slug), (f) => bySlug("measures", f.measure).group],
  ];
  for (const [key, kind, slugs, of] of dims) {
    for (const slug of slugs) {
      const chip = page.locator(`button[data-filter='${kind}:${slug}']`);
      if ((await chip.count()) === 0) {
        assert.ok(!FIGURES.some((f) => of(f) === slug), `${kind}:${slug} has figures but no chip`);
        continue;
      }
      await chip.click();
      const expected = ids(FIGURES.filter((f) => of(f) !== slug));
      assert.deepEqual(await rows(page), expected, `${kind}:${slug} off`);
      const query = await search(page);
      assert.ok(query.includes(`${key}=`), query);
      await page.goto(site.url + query);
      await page.waitForSelector(".app[data-ready='true']");
      assert.deepEqual(await rows(page), expected, `${query} reproduces the view`);
      await page.locator(`button[data-filter='${kind}:${slug}']`).click();
      assert.deepEqual(await rows(page), ids(FIGURES), `${kind}:${slug} on again`);
    }
  }
  await closeClean(page);
});

test("every tab opens; the Timeline follows the Country filter", async () => {
  const page = await site.open();
  for (const name of ["Table", "Article", "Timeline", "Charts"]) {
    await page.getByRole("tab", { name }).click();
    assert.equal(await page.getByRole("tab", { name }).getAttribute("aria-selected"), "true");
  }
  for (const actor of VOCAB.actors) {
    await page.goto(`${site.url}?view=timeline&actors=${actor.slug}`);
    await page.waitForSelector(".app[data-ready='true']");
    const shown = await page.locator("li.event:not(.hidden-by-filters)").evaluateAll((ls) => ls.map((l) => l.dataset.event));
    const expected = DATA.events.filter((e) => e.actors.length === 0 || e.actors.includes(actor.slug)).map((e) => e.id);
    assert.deepEqual([...shown].sort(), [...expected].sort(), actor.slug);
  }
  await closeClean(page);
});

test("Period sorts by time both ways, undated last; Value groups each axis", async () => {
  const page = await site.open();
  const asOf = Object.fromEntries(FIGURES.map((f) => [f.id, f.worked_out?.as_of ?? null]));
  for (const [sort, sign] of [["period", 1], ["period-desc", -1]]) {
    await page.goto(`${site.url}?view=table&sort=${sort}`);
    await page.waitForSelector(".app[data-ready='true']");
    const days = (await rows(page)).map((id) => asOf[id]);
    const dated = days.filter(Boolean);
    assert.deepEqual(days, [...dated, ...days.filter((d) => !d)], `${sort}: undated last`);
    assert.deepEqual(dated, [...dated].sort((a, b) => sign * a.localeCompare(b)), `${sort}: by time`);
    assert.ok(dated.length >= 3 && dated.length < days.length);
  }
  await page.goto(`${site.url}?view=table&sort=value`);
  await page.waitForSelector(".app[data-ready='true']");
  const axes = (await rows(page)).map((id) => VOCAB.axes.indexOf(axisOf(FIGURES.find((f) => f.id === id))));
  assert.deepEqual(axes, [...axes].sort((a, b) => a - b), "grouped by axis, in the article's order of axes");
  await closeClean(page);
});

test("axe finds nothing in the charts and the table, light and dark", async () => {
  for (const query of ["", "?view=table&theme=dark"]) {
    const page = await site.open(query);
    assert.deepEqual(await axeViolations(page), [], query);
    await closeClean(page);
  }
});
