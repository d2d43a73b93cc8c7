// Moving between the list and an article page: links, the in-page back link, and the
// browser's own Back and Forward buttons all agree with the URL hash.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cardsDrawn, hashOf, resultCount, useApp, withPage } from '../harness.mjs';

const app = useApp('BROADSHEET_DIST');

test('opening an article shows its page; back link and browser Back return home', async () => {
  await withPage(app.browser, async (page) => {
    await page.goto(app.server.url);
    const card = page.locator('article.card').nth(2);
    await card.waitFor();
    const total = await resultCount(page);
    const id = await card.getAttribute('data-article-id');
    const title = (await card.locator('a.card-title').textContent()).trim();
    const open = card.locator('a[data-testid="open-article"]');
    assert.equal(await open.getAttribute('href'), `#/article/${id}`);

    await open.click();
    const article = page.locator('[data-testid="article-page"]');
    await article.waitFor();
    assert.equal(hashOf(page), `#/article/${id}`);
    assert.equal((await article.locator('h1').textContent()).trim(), title);
    assert.equal(await page.locator('article.card').count(), 0, 'the list is gone');

    await page.goBack();
    await cardsDrawn(page);
    await article.waitFor({ state: 'detached' });
    assert.equal(await resultCount(page), total, 'Back restores the full list');
    assert.notEqual(hashOf(page), `#/article/${id}`);

    await page.goForward();
    await article.waitFor();
    assert.equal((await article.locator('h1').textContent()).trim(), title);

    await page.locator('[data-testid="back-link"]').click();
    await cardsDrawn(page);
    await article.waitFor({ state: 'detached' });
    assert.equal(await resultCount(page), total, 'the back link restores the full list');
  });
});

test('a deep link straight to an article works on a fresh load', async () => {
  await withPage(app.browser, async (page) => {
    await page.goto(app.server.url);
    const card = page.locator('article.card').first();
    await card.waitFor();
    const id = await card.getAttribute('data-article-id');
    const title = (await card.locator('a.card-title').textContent()).trim();

    await page.goto('about:blank');
    await page.goto(`${app.server.url}#/article/${id}`);
    const article = page.locator('[data-testid="article-page"]');
    await article.waitFor();
    assert.equal((await article.locator('h1').textContent()).trim(), title);
  });
});
