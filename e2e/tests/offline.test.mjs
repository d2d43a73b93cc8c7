// The service worker (static/sw.js, README "Offline and updates"): views seen once open again with
// the network cut, from a sub-path and under the documented Content-Security-Policy; a page that
// turns the worker off gets none.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { distFromEnv, launchBrowser, resultCount, serveDir, TIMEOUT_MS } from '../harness.mjs';

const README = new URL('../../README.md', import.meta.url);
const VIEWS = ['#/', '#/?q=election&sort=date'];

let browser;
let server;
/** Serves dist/ at /news/ with the README's policy as a header. */
async function serve() {
  const header = /^Content-Security-Policy: (.+)$/m.exec(await readFile(README, 'utf8'))[1];
  return serveDir(distFromEnv('BROADSHEET_DIST'), {
    prefix: '/news/',
    headers: { 'content-security-policy': header },
  });
}
before(async () => {
  server = await serve();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens `hash` and returns what the list says: its count and the first card's id. */
async function view(page, hash) {
  await page.evaluate((h) => (location.hash = h), hash);
  await page.locator('[data-testid="result-count"]').waitFor();
  await page.locator('article.card').first().waitFor();
  return {
    count: await resultCount(page),
    first: await page.locator('article.card').first().getAttribute('data-article-id'),
  };
}

test('views seen once open again offline, from the cache the service worker filled', async () => {
  const context = await browser.newContext();
  // A server of its own, stopped below: the network is cut for the worker's requests too.
  const own = await serve();
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT_MS);
    // Uncaught exceptions only: article images come from their outlets, which this machine
    // cannot reach (and offline nobody can), so failed loads are expected.
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(own.url);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      return true;
    });
    const seen = [];
    for (const hash of VIEWS) seen.push(await view(page, hash));
    assert.ok(seen[1].count > 0, 'the search finds something');
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    // The worker caches what a page fetched once it controls it: a reload puts the page under it.
    await page.reload();
    for (const hash of VIEWS) await view(page, hash);
    assert.equal(new URL(scope).pathname, '/news/', 'the worker covers the sub-path only');

    await context.setOffline(true);
    await own.close();
    const other = await context.newPage();
    other.on('pageerror', (e) => problems.push(e.message));
    for (const [target, open] of [
      [page, () => page.reload()],
      [other, () => other.goto(own.url)],
    ]) {
      await open();
      assert.equal(
        await target.evaluate(() => Boolean(navigator.serviceWorker.controller)),
        true,
        'the worker answers the page',
      );
      for (const [i, hash] of VIEWS.entries()) {
        assert.deepEqual(await view(target, hash), seen[i], `${hash} offline`);
      }
    }
    assert.deepEqual(problems, [], 'no uncaught exceptions');
  } finally {
    await context.close();
    await own.close().catch(() => {});
  }
});

test('a page with <meta name="broadsheet-service-worker" content="off"> registers no worker', async () => {
  const dist = distFromEnv('BROADSHEET_DIST');
  const html = await readFile(join(dist, 'index.html'), 'utf8');
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.route('**/news/', (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: html.replace(
          '<meta charset="utf-8" />',
          '<meta charset="utf-8" />\n    <meta name="broadsheet-service-worker" content="off" />',
        ),
      }),
    );
    await page.goto(server.url);
    await page.locator('[data-testid="result-count"]').waitFor();
    await page.waitForTimeout(500);
    const registrations = await page.evaluate(
      async () => (await navigator.serviceWorker.getRegistrations()).length,
    );
    assert.equal(registrations, 0);
  } finally {
    await context.close();
  }
});
