// Links already out there keep working: each link of the recorded corpus (e2e/url-corpus.mjs,
// recorded on the release before the article moved into data) shows the same view today: the
// same tab, figures, selected figure, theme and embed, and the same address (a link whose
// canonical form changed on purpose would be listed in REWRITTEN with its new form).

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { useSite, waitForApp } from "./helpers.mjs";
import { CORPUS_FILE, shows } from "../url-corpus.mjs";

const site = useSite();
const CORPUS = JSON.parse(await readFile(CORPUS_FILE, "utf8"));
/// Recorded address -> the address this release writes for it instead.
const REWRITTEN = {};

test(`each of the ${CORPUS.links.length} recorded links shows the same view`, async () => {
  assert.ok(CORPUS.links.length >= 50);
  const page = await site.open();
  for (const { url, shows: then } of CORPUS.links) {
    await page.goto(site.url + url);
    await waitForApp(page);
    const now = await shows(page);
    assert.deepEqual(now, { ...then, search: REWRITTEN[then.search] ?? then.search }, `${url || "(no query)"}`);
  }
  assert.deepEqual(page.problems, []);
});
