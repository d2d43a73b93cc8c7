// The service worker (static/sw.js, README "Offline and updates"): views seen once open again with
// the network cut (the sample, and the sharded 100,000-article build), from a sub-path and under
// the documented Content-Security-Policy; after an
// update a returning reader gets the new data and is told how many articles arrived; a page that
// turns the worker off gets none.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { cardsDrawn, distFromEnv, launchBrowser, resultCount, serveDir, TIMEOUT_MS } from '../harness.mjs';

const README = new URL('../../README.md', import.meta.url);
const VIEWS = ['#/', '#/?q=election&sort=date'];

let browser;
let server;
/**
 * Serves a dist folder (the sample's, unless `env` names another) at /news/ with the README's
 * policy as a header, on `port` (any free one when 0).
 */
async function serve(env = 'BROADSHEET_DIST', port = 0) {
  const header = /^Content-Security-Policy: (.+)$/m.exec(await readFile(README, 'utf8'))[1];
  return serveDir(distFromEnv(env), {
    prefix: '/news/',
    port,
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

/**
 * Loads the page's address with `hash` as a new document (not a hash change, whose page would
 * show the old view for a moment) and returns `page`.
 */
async function load(page, hash) {
  const address = new URL(page.url());
  address.hash = hash;
  await page.goto('about:blank');
  await page.goto(address.href);
  return page;
}

/** Opens `hash` afresh and returns what the list says: its count and the first card's id. */
async function view(page, hash) {
  await load(page, hash);
  await page.locator('[data-testid="result-count"]').waitFor();
  await cardsDrawn(page);
  // The whole page of cards, as a reader sees it (a sharded build fills them in after the first).
  await page.waitForFunction(() => !document.querySelector('[data-testid="card-loading"]'));
  return {
    count: await resultCount(page),
    first: await page.locator('article.card[data-article-id]').first().getAttribute('data-article-id'),
  };
}

/** Opens `article`'s page and returns its heading. */
async function articlePage(page, id) {
  await load(page, `#/article/${encodeURIComponent(id)}`);
  const article = page.locator(`[data-testid="article-page"][data-article-id="${id}"]`);
  return (await article.locator('h1').textContent()).trim();
}

/** The data files the worker holds, by kind: entry, catalog parts, and shards. */
function cachedKinds(page) {
  return page.evaluate(async () => {
    const keys = await (await caches.open('broadsheet-v1')).keys();
    return [...new Set(keys.flatMap((r) => /\/data\/([a-z]+)[\d.]*-[0-9a-f]+\.bin$/.exec(r.url)?.[1] ?? []))].sort();
  });
}

/**
 * Waits until the worker holds every data file the page fetched: it hands a file to the page
 * first and stores it just after.
 */
async function allStored(page) {
  await page.waitForFunction(
    async () => {
      const held = new Set((await (await caches.open('broadsheet-v1')).keys()).map((r) => r.url));
      return performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .filter((name) => name.includes('/data/'))
        .every((name) => held.has(name));
    },
    null,
    { polling: 100 },
  );
}

const OFFLINE = [
  { what: 'the sample (one data file)', env: 'BROADSHEET_DIST', shards: false },
  { what: 'the sharded 100,000-article build', env: 'BROADSHEET_SCALE_DIST', shards: true },
];

for (const { what, env, shards } of OFFLINE) {
  test(`views and an article seen once open again offline: ${what}`, async () => {
    const context = await browser.newContext();
    // A server of its own, stopped below: the network is cut for the worker's requests too.
    const own = await serve(env);
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
      const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
      assert.equal(new URL(scope).pathname, '/news/', 'the worker covers the sub-path only');
      // The worker caches what a page fetched once it controls it: a reload puts the page under it.
      await page.reload();
      const seen = [];
      for (const hash of VIEWS) seen.push(await view(page, hash));
      assert.ok(seen[1].count > 0, 'the search finds something');
      const heading = await articlePage(page, seen[1].first);
      assert.ok(heading.length > 0, 'the article has a heading');
      await allStored(page);
      const kinds = await cachedKinds(page);
      if (shards) {
        for (const kind of ['a', 'entry', 'i', 'k']) {
          assert.ok(kinds.includes(kind), `the worker holds ${kind} files: ${kinds}`);
        }
        assert.ok(kinds.includes('w') || kinds.includes('p'), `and search files: ${kinds}`);
      } else {
        assert.ok(kinds.includes('entry'), `the worker holds the entry: ${kinds}`);
      }

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
        assert.equal(await articlePage(target, seen[1].first), heading, 'the article offline');
      }
      assert.deepEqual(problems, [], 'no uncaught exceptions');
    } finally {
      await context.close();
      await own.close().catch(() => {});
    }
  });
}

test('after an update a returning reader gets the new articles and is told how many arrived', async () => {
  const context = await browser.newContext();
  const before = await serve();
  let updated;
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT_MS);
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    const note = page.locator('[data-testid="whats-new"]');
    await page.goto(before.url);
    await page.locator('html[data-service-worker="on"]').waitFor({ state: 'attached' });
    const first = await view(page, '#/');
    assert.equal(await note.count(), 0, 'a first visit has nothing to compare with');
    // A second visit to the same build, under the worker: nothing is new.
    assert.deepEqual(await view(page, '#/'), first);
    assert.equal(await note.count(), 0, 'nothing new on the same build');

    // The site is rebuilt with three newer articles and served again at the same address.
    const { port } = new URL(before.url);
    await before.close();
    updated = await serve('BROADSHEET_UPDATE_DIST', Number(port));
    await page.reload();
    await note.waitFor();
    assert.equal(
      (await note.locator('p').textContent()).replace(/\s+/g, ' ').trim(),
      '3 new articles since your last visit · Show newest first',
    );
    await cardsDrawn(page);
    assert.equal(await resultCount(page), first.count + 3, 'the page shows the new build');
    // The worker keeps the new build's entry and drops the old one, just after the page got
    // its files.
    const named = new URL(await page.locator('link[data-entry]').getAttribute('href'), page.url()).pathname;
    await page
      .waitForFunction(
        async (want) => {
          const keys = await (await caches.open('broadsheet-v1')).keys();
          const entries = keys.map((r) => new URL(r.url).pathname).filter((path) => path.includes('/data/entry-'));
          return entries.length === 1 && entries[0] === want;
        },
        named,
        { polling: 100 },
      )
      .catch(() => {});
    const entries = await page.evaluate(async () =>
      (await (await caches.open('broadsheet-v1')).keys())
        .map((r) => new URL(r.url).pathname)
        .filter((path) => path.includes('/data/entry-')),
    );
    assert.deepEqual(entries, [named], 'one entry cached: the new one');
    await note.getByRole('link', { name: 'Show newest first' }).click();
    await page.waitForFunction(() => location.hash === '#/?sort=date');
    await page.locator('article.card').nth(2).waitFor();
    const titles = await page
      .locator('article.card .card-title')
      .evaluateAll((cards) => cards.slice(0, 4).map((t) => t.textContent.trim()));
    assert.deepEqual(
      titles.slice(0, 3).map((t) => /^Update check (\d)/.exec(t)?.[1]),
      ['3', '2', '1'],
      `the new articles come first: ${titles}`,
    );
    assert.doesNotMatch(titles[3], /^Update check/);
    assert.equal(await note.count(), 0, 'following the note dismisses it');
    // Told once: the next visit compares with this one.
    await view(page, '#/');
    assert.equal(await note.count(), 0, 'the news is not repeated');
    assert.deepEqual(problems, [], 'no uncaught exceptions');
  } finally {
    await context.close();
    await before.close().catch(() => {});
    await updated?.close();
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
    await page.locator('html[data-service-worker="off"]').waitFor({ state: 'attached' });
    const registrations = await page.evaluate(
      async () => (await navigator.serviceWorker.getRegistrations()).length,
    );
    assert.equal(registrations, 0);
  } finally {
    await context.close();
  }
});
