// The home page on the bundled sample: every article is listed, the count is honest and
// external links cannot reach back into the page (rel=noopener noreferrer).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cardsDrawn, resultCount, showAllCards, useApp, withPage } from '../harness.mjs';

const app = useApp('BROADSHEET_DIST');

test('home lists every sample article and the count matches the cards', async () => {
  await withPage(app.browser, async (page) => {
    await page.goto(app.server.url);
    await cardsDrawn(page);
    const count = await resultCount(page);
    const firstPage = await page.locator('article.card').count();
    assert.ok(firstPage <= count, `${firstPage} cards shown but the count says ${count}`);
    const cards = await showAllCards(page);
    assert.equal(count, cards, 'result-count should equal the number of cards, all shown');
    assert.equal(await resultCount(page), count, 'showing more does not change the count');
    assert.ok(cards >= 60, `the sample should list at least 60 articles, got ${cards}`);

    const ids = await page.locator('article.card').evaluateAll((els) =>
      els.map((el) => el.getAttribute('data-article-id')),
    );
    assert.ok(ids.every((id) => id && id.length > 0), 'every card has a data-article-id');
    assert.equal(new Set(ids).size, ids.length, 'no article is listed twice');

    const titles = await page.locator('article.card a.card-title').count();
    assert.equal(titles, cards, 'every card has one title link');
    const opens = await page.locator('article.card a[data-testid="open-article"]').count();
    assert.equal(opens, cards, 'every card has one open-article link');

    await assert.doesNotReject(
      page.locator('[data-testid="sample-notice"]').waitFor(),
      'the bundled sample shows its sample notice',
    );
  });
});

test('cards are in heat order, hottest first, unknown heat last', async () => {
  await withPage(app.browser, async (page) => {
    await page.goto(app.server.url);
    await cardsDrawn(page);
    await showAllCards(page);
    const heats = await page
      .locator('article.card dl.scores [data-testid="heat"]')
      .evaluateAll((els) => els.map((el) => el.textContent.trim()));
    assert.equal(heats.length, await page.locator('article.card').count(), 'a heat per card');
    // Unknown heat is shown as a non-number (a dash) and sorts last.
    const values = heats.map((h) => (/^\d+(\.\d+)?$/.test(h) ? Number(h) : -Infinity));
    for (let i = 1; i < values.length; i += 1) {
      assert.ok(
        values[i - 1] >= values[i],
        `card ${i} (heat ${heats[i - 1]}) should not be cooler than card ${i + 1} (heat ${heats[i]})`,
      );
    }
    assert.ok(new Set(values).size > 5, `the sample has varied heat, got ${heats.join(' ')}`);
  });
});

test('every external link opens safely in a new tab', async () => {
  await withPage(app.browser, async (page) => {
    await page.goto(app.server.url);
    await cardsDrawn(page);
    await showAllCards(page);
    const links = await page.locator('a[href]').evaluateAll((els) =>
      els.map((a) => ({
        href: a.href,
        rel: (a.getAttribute('rel') ?? '').split(/\s+/),
        target: a.getAttribute('target'),
      })),
    );
    const external = links.filter((l) => new URL(l.href).origin !== app.server.origin);
    assert.ok(external.length >= 60, `expected a link out per card, found ${external.length}`);
    for (const link of external) {
      assert.match(link.href, /^https?:\/\//, `external link with an odd scheme: ${link.href}`);
      assert.ok(
        link.rel.includes('noopener') && link.rel.includes('noreferrer'),
        `${link.href} has rel="${link.rel.join(' ')}", want noopener noreferrer`,
      );
    }
    const titleLinks = await page.locator('article.card a.card-title').evaluateAll((els) =>
      els.map((a) => ({ href: a.href, target: a.getAttribute('target') })),
    );
    for (const link of titleLinks) {
      assert.equal(link.target, '_blank', `${link.href} should open in a new tab`);
      assert.match(link.href, /^https?:\/\//, 'card titles link to the original story');
    }
  });
});
