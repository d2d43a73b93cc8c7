// The search index fetched ahead of typing (src/library.rs, `Priority::Ahead`), on a sharded build
// of 10,000 generated articles whose index is small enough for it (scripts/test builds it): once
// the first screen is up the page downloads every search file, keeps them unread, and a word
// typed then is answered without another download; a word typed while its file is still on the
// way is answered when the file lands. Either way the count is the one a fresh load of the
// search's link gives.
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { resultCount, useApp, withPage } from '../harness.mjs';

const app = useApp('BROADSHEET_MID_DIST');

const CARD = 'article.card[data-article-id]';
const WORDS = /\/data\/w[\d.]+-[0-9a-f]{8}\.bin$/;
// A word of the generated corpus (e2e/keystrokes.mjs): its results span several pages.
const WORD = 'election';

/** How many search files the page has downloaded so far. */
const wordFiles = (page) =>
  page.evaluate(
    (source) => {
      const words = new RegExp(source);
      return performance
        .getEntriesByType('resource')
        .filter((e) => words.test(new URL(e.name).pathname)).length;
    },
    WORDS.source,
  );

/** Waits until the page shows the results of `q` (title, count, no busy list, a card). */
async function showsSearch(page, q) {
  await page.waitForFunction(
    (title) =>
      document.title === title &&
      document.querySelector('[data-testid="result-count"]') !== null &&
      document.querySelector('#results[aria-busy]') === null &&
      document.querySelector('article.card[data-article-id]') !== null,
    `Search: ${q} \u2013 Broadsheet`,
  );
}

/** The count a fresh load of the search link for `q` shows. */
async function countOfLink(q) {
  let count;
  await withPage(app.browser, async (page) => {
    await page.goto(`${app.server.url}#/?q=${q}`);
    await showsSearch(page, q);
    count = await resultCount(page);
  });
  return count;
}

test('after the first screen the whole small index arrives, and typing needs no download', async () => {
  const expected = await countOfLink(WORD);
  assert.ok(expected > 0, `"${WORD}" finds articles in the generated corpus`);
  await withPage(app.browser, async (page) => {
    // Every search file of the build, fetched once each.
    const total = (await readdir(join(app.dist, 'data'))).filter((name) => WORDS.test(`/data/${name}`)).length;
    assert.ok(total > 1, `the build has search files (${total})`);
    let done = 0;
    let allIn;
    const arrived = new Promise((resolve) => {
      allIn = resolve;
    });
    page.on('requestfinished', (request) => {
      if (WORDS.test(new URL(request.url()).pathname) && ++done === total) allIn();
    });
    await page.goto(app.server.url);
    await page.locator(CARD).first().waitFor();
    await arrived;
    await page.waitForFunction(
      ([source, n]) =>
        performance.getEntriesByType('resource').filter((e) => new RegExp(source).test(e.name)).length === n,
      [WORDS.source, total],
    );
    await page.locator('[data-testid="search"]').pressSequentially(WORD);
    await showsSearch(page, WORD);
    assert.equal(await resultCount(page), expected, 'the same count as the link');
    assert.equal(await wordFiles(page), total, 'no search file was downloaded again');
  });
});

test('a word typed while the index is still on its way is answered when its file lands', async () => {
  const expected = await countOfLink(WORD);
  await withPage(app.browser, async (page) => {
    // Every search file is held back until the word has been typed.
    const held = [];
    let release;
    let started;
    const released = new Promise((resolve) => {
      release = resolve;
    });
    const asking = new Promise((resolve) => {
      started = resolve;
    });
    await page.route(WORDS, async (route) => {
      held.push(route.request().url());
      started();
      await released;
      await route.continue();
    });
    await page.goto(app.server.url);
    await page.locator(CARD).first().waitFor();
    // Once one is held, the prefetch is under way: its files are all asked for within a few
    // tasks, far quicker than a word is typed.
    await asking;
    await page.locator('[data-testid="search"]').pressSequentially(WORD);
    // The list says it is busy, still showing the first screen's results.
    await page.locator('#results[aria-busy="true"]').waitFor();
    assert.equal(await page.title(), 'Broadsheet', 'no search results before the file lands');
    const asked = held.length;
    release();
    await showsSearch(page, WORD);
    assert.equal(await resultCount(page), expected, 'the same count as the link');
    assert.equal(held.length, asked, 'the word asked for no second download of its file');
  });
});
