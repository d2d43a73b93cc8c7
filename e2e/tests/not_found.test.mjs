// Links to articles that do not exist show a not-found page instead of a blank or broken one.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { distFromEnv, launchBrowser, serveDir, withPage } from '../harness.mjs';

let server;
let browser;
before(async () => {
  server = await serveDir(distFromEnv('BROADSHEET_DIST'));
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('an unknown article id shows not-found', async () => {
  await withPage(browser, async (page) => {
    await page.goto(`${server.url}#/article/does-not-exist`);
    const notFound = page.locator('[data-testid="not-found"]');
    await notFound.waitFor();
    assert.ok((await notFound.textContent()).trim().length > 0, 'not-found says something');
    assert.equal(await page.locator('[data-testid="article-page"]').count(), 0);
    assert.equal(await page.locator('article.card').count(), 0);
  });
});
