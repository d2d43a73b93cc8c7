// Typing as a person does: one key at a time (keydown, input, keyup for every letter), with
// words that match nothing, Backspace and Escape, and views that lose all their results through
// a hash change or Back. Each step must leave a live page whose count is what a fresh load of
// the same link shows.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cardsDrawn, hashOf, resultCount, useApp, withPage } from '../harness.mjs';

const app = useApp('BROADSHEET_DIST');

const COUNT = '[data-testid="result-count"]';
const SEARCH = '[data-testid="search"]';

/** Waits until the hash is `#/?q=<text>` (lower-case letters only) and returns the count. */
async function settled(page, text) {
  await page.waitForFunction((h) => location.hash === h, `#/?q=${text}`);
  return resultCount(page);
}

/** The count a fresh page shows for the current hash. */
async function freshCount(page) {
  const tab = await page.context().newPage();
  await tab.goto(page.url());
  await tab.locator(COUNT).waitFor();
  const count = await resultCount(tab);
  await tab.close();
  return count;
}

/** The page still reacts: the search field takes a key and the count follows. */
async function stillAlive(page) {
  const search = page.locator(SEARCH);
  await search.press('Escape');
  await page.waitForFunction(() => location.hash === '#/');
  await page.locator('[data-testid="facet-topic"]').waitFor();
  return resultCount(page);
}

test('typing words that match nothing, letter by letter, never stops the page', async () => {
  await withPage(app.browser, async (page) => {
    await page.goto(`${app.server.url}#/`);
    await cardsDrawn(page);
    const total = await resultCount(page);
    for (const word of ['zebra', 'x', 'zz', 'xylophone', 'zzzzqx']) {
      const search = page.locator(SEARCH);
      await search.click();
      let typed = '';
      for (const letter of word) {
        await search.pressSequentially(letter);
        typed += letter;
        await settled(page, typed);
      }
      await page.locator('[data-testid="no-results"]').waitFor();
      assert.equal(await resultCount(page), 0, `"${word}" matches nothing in the sample`);
      assert.equal(await freshCount(page), 0, `a fresh load of ${hashOf(page)} agrees`);
      // Backspace back to one letter, then Escape: the full list and its panels come back.
      for (let i = typed.length; i > 1; i--) {
        await search.press('Backspace');
        typed = typed.slice(0, -1);
        const shown = await settled(page, typed);
        assert.equal(shown, await freshCount(page), `count after Backspace to "${typed}"`);
      }
      assert.equal(await stillAlive(page), total, `Escape after "${word}" shows every article`);
    }
  });
});

test('a word that matches, then a letter that matches nothing, then Backspace', async () => {
  await withPage(app.browser, async (page) => {
    await page.goto(`${app.server.url}#/`);
    await cardsDrawn(page);
    const search = page.locator(SEARCH);
    await search.pressSequentially('transit');
    const matching = await settled(page, 'transit');
    assert.ok(matching > 0, '"transit" matches sample articles');
    await search.pressSequentially('q');
    assert.equal(await settled(page, 'transitq'), 0);
    await search.press('Backspace');
    assert.equal(await settled(page, 'transit'), matching, 'Backspace restores the matches');
    assert.ok((await page.locator('article.card').count()) > 0, 'and their cards');
  });
});

test('hash changes and Back into and out of views that match nothing', async () => {
  await withPage(app.browser, async (page) => {
    await page.goto(`${app.server.url}#/`);
    await cardsDrawn(page);
    const total = await resultCount(page);

    // A link followed inside the page (no reload) to a query that matches nothing.
    for (const q of ['zzzz', 'robot', 'zebra']) {
      await page.evaluate((h) => {
        location.hash = h;
      }, `#/?q=${q}`);
      await page.waitForFunction((h) => location.hash === h, `#/?q=${q}`);
      assert.equal(await resultCount(page), await freshCount(page), `count of #/?q=${q}`);
      await page.goBack();
      await page.waitForFunction(() => location.hash === '#/');
      await cardsDrawn(page);
      assert.equal(await resultCount(page), total, `Back from #/?q=${q}`);
    }

    // Open a view that matches nothing, clear it, go Back to it.
    await page.goto(`${app.server.url}#/?q=zebra`);
    await page.locator('[data-testid="no-results"]').waitFor();
    await page.locator('[data-testid="clear-filters"]').click();
    await page.waitForFunction(() => location.hash === '#/');
    assert.equal(await resultCount(page), total);
    await page.goBack();
    await page.waitForFunction(() => location.hash === '#/?q=zebra');
    await page.locator('[data-testid="no-results"]').waitFor();
    assert.equal(await resultCount(page), 0);

    // The same through the search chip's × with an ascending order.
    await page.goto(`${app.server.url}#/?q=wzwb&order=asc`);
    await page.locator('[data-testid="no-results"]').waitFor();
    await page.locator('[data-testid="chip-remove"]').click();
    await page.waitForFunction(() => !location.hash.includes('q='));
    const withoutSearch = await resultCount(page);
    assert.ok(withoutSearch > 0);
    await page.goBack();
    await page.waitForFunction(() => location.hash.includes('q=wzwb'));
    await page.locator('[data-testid="no-results"]').waitFor();
    await page.goForward();
    await page.waitForFunction(() => !location.hash.includes('q='));
    assert.equal(await resultCount(page), withoutSearch);
  });
});
