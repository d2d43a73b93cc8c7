// A link's own files start with the catalog's (src/library.rs, `EntryFile::first_files`): on a
// sharded build of 10,000 generated articles (scripts/test builds it), a search link's search
// files and an article link's id file are requested as soon as the entry is in, before the app
// reads the catalog and draws a first screen, and the page then shows what a reader clicking
// through would see.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cardsDrawn, resultCount, useApp, withPage } from '../harness.mjs';

const app = useApp('BROADSHEET_MID_DIST');

/**
 * When the app started reading the catalog (its `broadsheet:bundle-decode` measure), and when
 * each data file whose name matches `pattern` was requested, in ms since navigation.
 */
const timeline = (page, pattern) =>
  page.evaluate((source) => {
    const kind = new RegExp(source);
    const decode = performance.getEntriesByName('broadsheet:bundle-decode')[0];
    return {
      decode: decode?.startTime,
      files: performance
        .getEntriesByType('resource')
        .filter((e) => kind.test(new URL(e.name).pathname))
        .map((e) => e.startTime),
    };
  }, pattern.source);

test('a search link asks for its search files before the catalog is read', async () => {
  await withPage(app.browser, async (page) => {
    await page.goto(`${app.server.url}#/?q=election&sort=date`);
    await page.waitForFunction(() => document.title === 'Search: election \u2013 Broadsheet');
    await cardsDrawn(page);
    assert.ok((await resultCount(page)) > 0, 'the search finds articles');
    const { decode, files } = await timeline(page, /\/data\/[wp][\d.]+-[0-9a-f]{8}\.bin$/);
    assert.ok(decode !== undefined, 'the catalog was read');
    assert.ok(files.length > 0, 'search files were fetched');
    assert.ok(
      files[0] < decode,
      `the first search file was asked for at ${files[0]} ms, the catalog read from ${decode} ms`,
    );
  });
});

test('an article link asks for its id file before the catalog is read', async () => {
  await withPage(app.browser, async (page) => {
    await page.goto(app.server.url);
    const id = await page.locator('article.card[data-article-id]').nth(3).getAttribute('data-article-id');
    const title = (await page.locator('article.card .card-title').nth(3).textContent()).trim();
    await withPage(app.browser, async (again) => {
      await again.goto(`${app.server.url}#/article/${encodeURIComponent(id)}`);
      await again.locator('[data-testid="article-page"] h1').waitFor();
      assert.equal((await again.locator('[data-testid="article-page"] h1').textContent()).trim(), title);
      const { decode, files } = await timeline(again, /\/data\/i\d+-[0-9a-f]{8}\.bin$/);
      assert.equal(files.length, 1, 'one id file');
      assert.ok(files[0] < decode, `the id file was asked for at ${files[0]} ms, the catalog read from ${decode} ms`);
    });
  });
});
