// What a returning reader downloads after the site is rebuilt (issue 14), for scripts/measure-update.
//
//   node e2e/update-bench.mjs FIRST_DIST [NEXT_DIST...]
//
// Serves each dist folder in turn at the same address, opens the same two views in a fresh
// headless Chromium context (the home view, then a search sorted by date) and records every file
// the page fetched until the network had been quiet for a while (so a prefetch counts too).
// The first dist is the reader's first visit. For each later one, a file whose path the first
// visit fetched counts as cached (every file but index.html is named after its content, so the
// same path means the same bytes); the rest is what the reader downloads again. Sizes are
// brotli 11, computed here (the test server does not compress).
//
// Service workers are blocked: the comparison models an HTTP cache that keeps every path, which
// is what the worker gives a returning reader; its own precache requests would blur it.
// Prints one JSON object: per dist, the files fetched and the bytes, and for later dists the
// bytes of new paths (besides index.html).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { launchBrowser, serveDir, TIMEOUT_MS } from './harness.mjs';
import { sizesOf } from './measure-report.mjs';

/** The two views of the benchmark. */
// The issue measured `#/?q=ukraine&sort=date` on real articles; generated ones never say
// "ukraine", and "election" is in a similar share of them (6%).
export const VIEWS = ['#/', '#/?q=election&sort=date'];

/** How long the network must be quiet before a view counts as loaded. */
const QUIET_MS = 2_000;

const PORT = 8_000 + (process.pid % 1_000);

async function visit(browser, dist) {
  const server = await serveDir(dist, { port: PORT });
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT_MS * 3);
  const fetched = new Set();
  let last = Date.now();
  page.on('request', () => {
    last = Date.now();
  });
  page.on('requestfinished', (request) => {
    last = Date.now();
    const url = new URL(request.url());
    if (url.origin === new URL(server.url).origin) fetched.add(url.pathname.replace(/^\//, ''));
  });
  const quiet = async () => {
    while (Date.now() - last < QUIET_MS) await page.waitForTimeout(250);
  };
  for (const [i, hash] of VIEWS.entries()) {
    if (i === 0) await page.goto(server.url + hash);
    else await page.evaluate((h) => (location.hash = h), hash);
    await page.locator('[data-testid="result-count"]').waitFor();
    await page.locator('article.card').first().waitFor();
    await quiet();
  }
  await context.close();
  await server.close();
  const files = {};
  for (const path of [...fetched].sort()) {
    const file = path === '' ? 'index.html' : path;
    files[file] = sizesOf(await readFile(join(dist, file))).brotli;
  }
  return files;
}

const sum = (files, keep = () => true) =>
  Object.entries(files)
    .filter(([name]) => keep(name))
    .reduce((total, [, bytes]) => total + bytes, 0);

const dists = process.argv.slice(2);
if (dists.length === 0) {
  console.error('usage: node e2e/update-bench.mjs FIRST_DIST [NEXT_DIST...]');
  process.exit(2);
}
const browser = await launchBrowser();
try {
  const first = await visit(browser, dists[0]);
  const report = {
    views: VIEWS,
    first: { dist: dists[0], brotli: sum(first), files: first },
    next: [],
  };
  for (const dist of dists.slice(1)) {
    const files = await visit(browser, dist);
    const fresh = (name) => !(name in first) && name !== 'index.html';
    report.next.push({
      dist,
      brotli: sum(files),
      again: sum(files, fresh),
      index: files['index.html'] ?? 0,
      new_files: Object.fromEntries(Object.entries(files).filter(([name]) => fresh(name))),
    });
  }
  console.log(JSON.stringify(report, null, 1));
} finally {
  await browser.close();
}
