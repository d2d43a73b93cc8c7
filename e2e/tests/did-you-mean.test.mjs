// "Did you mean": a misspelled search word, typed key by key, is answered with the collection's
// own nearest words as links; following one searches for it; `word~` searches for them all. On the sample (one data file) and
// on the sharded 100,000-article build, where the vocabulary files of the word's lengths are
// fetched then, and only then.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cardsDrawn, leadingCount, resultCount, useApp, withPage } from '../harness.mjs';

const sample = useApp('BROADSHEET_DIST');
const scale = useApp('BROADSHEET_SCALE_DIST');

const SEARCH = '[data-testid="search"]';
const OFFERS = '[data-testid="did-you-mean"]';

/** The vocabulary files the page has fetched, by word length. */
function vocabularyLengths(page) {
  return page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .flatMap((e) => /\/data\/v(\d+)-[0-9a-f]{8}\.bin$/.exec(new URL(e.name).pathname)?.[1] ?? [])
      .map(Number)
      .sort((a, b) => a - b),
  );
}

/** Types `word` into the search box key by key, as a reader does. */
async function type(page, word) {
  const box = page.locator(SEARCH);
  await box.click();
  await box.pressSequentially(word);
}

for (const { name, app, typo, word, lengths } of [
  { name: 'the sample', app: sample, typo: 'garbgae', word: 'garbage', lengths: [] },
  { name: 'the sharded 100,000-article build', app: scale, typo: 'electoin', word: 'election', lengths: [6, 7, 8, 9, 10] },
]) {
  test(`a misspelled word offers the nearest words of the collection: ${name}`, async () => {
    await withPage(app.browser, async (page) => {
      await page.goto(app.server.url);
      await page.locator('[data-testid="result-count"]').waitFor();
      assert.equal(await page.locator(OFFERS).count(), 0, 'nothing to suggest before a search');
      assert.deepEqual(await vocabularyLengths(page), [], 'no vocabulary fetched for the first screen');
      // Record when the offers appear, to time them against the vocabulary's arrival.
      await page.evaluate(() => {
        new MutationObserver((_, observer) => {
          if (document.querySelector('[data-testid="did-you-mean"]')) {
            window.offeredAt = performance.now();
            observer.disconnect();
          }
        }).observe(document.body, { childList: true, subtree: true });
      });
      await type(page, typo);
      const offer = page.locator(`${OFFERS} [data-testid="suggestion"]`).first();
      await offer.waitFor();
      assert.equal(await resultCount(page), 0, `${typo} finds nothing`);
      const line = (await page.locator(`${OFFERS} p`).first().textContent()).replace(/\s+/g, ' ');
      assert.match(line, new RegExp(`^No articles for “${typo}”\\. Did you mean ${word} \\(\\d[\\d,.\\s]*\\)`));
      assert.equal(await offer.getAttribute('data-word'), word);
      const offered = leadingCount(line.slice(line.indexOf('(') + 1));
      assert.ok(offered > 0, 'the offer says how many articles it finds');
      // The typo's own nearby lengths, and those of the prefixes typed on the way that found
      // nothing ("electo" is near words of 4 to 8 letters): never a longer one.
      const fetched = await vocabularyLengths(page);
      for (const length of lengths) assert.ok(fetched.includes(length), `length ${length} in ${fetched}`);
      assert.ok(fetched.every((l) => l <= typo.length + 2), `nothing longer than needed: ${fetched}`);
      assert.equal(new Set(fetched).size, fetched.length, `each once: ${fetched}`);
      if (lengths.length > 0) {
        const wait = await page.evaluate(() => {
          const arrived = performance
            .getEntriesByType('resource')
            .filter((e) => /\/data\/v\d+-/.test(e.name))
            .map((e) => e.responseEnd);
          return window.offeredAt - Math.max(...arrived);
        });
        console.log(`# offers shown ${wait.toFixed(1)} ms after the last vocabulary file arrived`);
        assert.ok(wait <= 30, `offers within 30 ms of the vocabulary (${wait.toFixed(1)} ms)`);
      }
      await offer.click();
      await page.waitForFunction((w) => location.hash === `#/?q=${w}`, word);
      await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
      assert.equal(await page.locator(SEARCH).inputValue(), word, 'the box shows the new word');
      assert.ok((await resultCount(page)) >= offered, 'the search finds at least what was offered');
      assert.equal(await page.locator(OFFERS).count(), 0, 'and offers nothing more');
      // Back returns to the misspelling, with its offers.
      await page.goBack();
      await page.waitForFunction((t) => location.hash === `#/?q=${t}`, typo);
      await page.locator(OFFERS).waitFor();
    });
  });
}

for (const { name, app, typo } of [
  { name: 'the sample', app: sample, typo: 'garbgae' },
  { name: 'the sharded 100,000-article build', app: scale, typo: 'electoin' },
]) {
  test(`a word typed with a trailing ~ matches the words near it: ${name}`, async () => {
    await withPage(app.browser, async (page) => {
      await page.goto(app.server.url);
      await page.locator('[data-testid="result-count"]').waitFor();
      await type(page, `${typo}~`);
      await page.waitForFunction((t) => location.hash === `#/?q=${t}~`, typo);
      // The cards of a prefix typed on the way stay until the fuzzy word's files are read.
      await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
      await cardsDrawn(page);
      assert.ok((await resultCount(page)) > 0, `${typo}~ finds articles`);
      assert.equal(await page.locator(OFFERS).count(), 0, 'and needs no offers');
      // The first card marks the words the fuzzy word matched, and only those.
      const marked = await page.locator('article.card').first().locator('mark').allTextContents();
      assert.ok(marked.length > 0, 'the first card marks what matched');
      for (const word of marked) {
        assert.ok(word.toLowerCase().startsWith(typo.slice(0, 4)), `${word} is near ${typo}`);
      }
      // The same link opened afresh finds the same.
      const count = await resultCount(page);
      await page.goto('about:blank');
      await page.goto(`${app.server.url}#/?q=${typo}~`);
      await cardsDrawn(page);
      assert.equal(await resultCount(page), count);
    });
  });
}

test('a search that finds enough, or has no near word, offers nothing', async () => {
  await withPage(sample.browser, async (page) => {
    await page.goto(sample.server.url);
    await page.locator('[data-testid="result-count"]').waitFor();
    await type(page, 'garbage');
    await page.waitForFunction(() => location.hash === '#/?q=garbage');
    await cardsDrawn(page);
    assert.equal(await page.locator(OFFERS).count(), 0, 'a word that finds articles');
    await page.locator(SEARCH).press('Control+a');
    await page.locator(SEARCH).press('Backspace');
    await page.locator(SEARCH).pressSequentially('zzzzqx');
    await page.waitForFunction(() => location.hash === '#/?q=zzzzqx');
    await page.locator('[data-testid="no-results"]').waitFor();
    assert.equal(await page.locator(OFFERS).count(), 0, 'no word of the sample is near zzzzqx');
  });
});
