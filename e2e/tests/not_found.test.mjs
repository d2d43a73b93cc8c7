// Links to articles that do not exist show a not-found page instead of a blank or broken one.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useApp, withPage } from '../harness.mjs';

const app = useApp('BROADSHEET_DIST');

test('an unknown article id shows not-found', async () => {
  await withPage(app.browser, async (page) => {
    await page.goto(`${app.server.url}#/article/does-not-exist`);
    const notFound = page.locator('[data-testid="not-found"]');
    await notFound.waitFor();
    assert.ok((await notFound.textContent()).trim().length > 0, 'not-found says something');
    assert.equal(await page.locator('[data-testid="article-page"]').count(), 0);
    assert.equal(await page.locator('article.card').count(), 0);
  });
});
