// The release build is portable: served under a sub-path such as /broadsheet/ (a project page
// on a static host) its script, wasm and styles still load and navigation stays under the path.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  cardsDrawn,
  distFromEnv,
  hashOf,
  launchBrowser,
  resultCount,
  serveDir,
  withPage,
} from '../harness.mjs';

let server;
let browser;
before(async () => {
  server = await serveDir(distFromEnv('BROADSHEET_DIST'), { prefix: '/broadsheet/' });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('the app works when served under /broadsheet/', async () => {
  await withPage(browser, async (page) => {
    const responses = [];
    page.on('response', (r) => responses.push(r));
    await page.goto(server.url);
    await cardsDrawn(page);
    assert.ok((await resultCount(page)) >= 60);

    const local = responses.filter((r) => r.url().startsWith(server.origin));
    const wasm = local.filter((r) => new URL(r.url()).pathname.endsWith('.wasm'));
    const css = local.filter((r) => r.request().resourceType() === 'stylesheet');
    assert.equal(wasm.length, 1, 'exactly one wasm module is fetched');
    assert.equal(wasm[0].status(), 200);
    assert.match(wasm[0].headers()['content-type'], /application\/wasm/);
    assert.ok(css.length >= 1, 'a stylesheet is fetched');
    for (const r of [...wasm, ...css]) {
      assert.ok(
        new URL(r.url()).pathname.startsWith('/broadsheet/'),
        `${r.url()} should be under /broadsheet/`,
      );
      assert.equal(r.status(), 200, `${r.url()} should load`);
    }
    const styled = await page.evaluate(() => document.styleSheets.length);
    assert.ok(styled >= 1, 'the stylesheet is applied');

    // Chromium asks for /favicon.ico on its own when the page declares no icon; that one is
    // not the app's request.
    const missing = server.requests.filter((r) => r.status >= 400 && r.path !== '/favicon.ico');
    assert.deepEqual(missing, [], 'every file the page asked the server for exists');

    const card = page.locator('article.card').first();
    const id = await card.getAttribute('data-article-id');
    await card.locator('a[data-testid="open-article"]').click();
    await page.locator('[data-testid="article-page"]').waitFor();
    assert.equal(new URL(page.url()).pathname, '/broadsheet/');
    assert.equal(hashOf(page), `#/article/${id}`);
  });
});
