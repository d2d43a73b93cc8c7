// Shared helpers for the browser tests: which dist folders to test, a fresh headless Debian
// Chromium driven by playwright-core (no downloaded browsers), and pages that fail the test on
// any console error or uncaught exception.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

import { serveDir } from './serve.mjs';

export { serveDir };

/** How long any single wait (selector, navigation) may take before the test fails. */
export const TIMEOUT_MS = 20_000;

/** How long starting Chromium may take. */
const LAUNCH_TIMEOUT_MS = 90_000;

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

// Debian's Chromium on this kind of machine: headless, as root (hence no sandbox), and with every
// background connection off because the network is closed (otherwise it retries them noisily).
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * The dist folder named by environment variable `name`. Throws (fails the test, never skips)
 * when it is unset or holds no index.html: scripts/test sets these after building.
 */
export function distFromEnv(name) {
  const dir = process.env[name];
  if (!dir) {
    throw new Error(
      `${name} is not set. Run scripts/test, which builds the app and sets it, ` +
        `or set it to a folder made by \`trunk build --release\`.`,
    );
  }
  const index = join(resolve(dir), 'index.html');
  if (!existsSync(index)) throw new Error(`${name}=${dir}, but ${index} does not exist`);
  return resolve(dir);
}

/**
 * For one test file: serves the dist folder named by environment variable `envName` and launches
 * Chromium before its tests, and stops both after them. The returned object's `dist`, `server`
 * and `browser` are set once the tests run.
 */
export function useApp(envName = 'BROADSHEET_DIST', serveOptions = {}) {
  const app = {};
  before(async () => {
    app.dist = distFromEnv(envName);
    app.server = await serveDir(app.dist, serveOptions);
    app.browser = await launchBrowser();
  });
  after(async () => {
    await app.browser?.close();
    await app.server?.close();
  });
  return app;
}

/**
 * Launches Chromium. Playwright gives `launch()` a new empty profile folder (a mkdtemp
 * `--user-data-dir`) every time and deletes it on close, so no state leaks between runs.
 */
export async function launchBrowser() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found: install Debian's chromium (scripts/setup does, as root)`);
  }
  const launch = () =>
    chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      timeout: LAUNCH_TIMEOUT_MS,
    });
  // A cold first start on a busy 2-core machine has taken over 20 s (fonts, profile); one retry
  // keeps a slow start from failing a whole test file, while a Chromium that cannot start at
  // all still fails.
  try {
    return await launch();
  } catch (err) {
    console.error(`launching Chromium failed once, retrying: ${err.message.split('\n')[0]}`);
    return launch();
  }
}

// A 1x1 PNG served in place of every off-site image: the machine has no internet, and a failed
// image load would log a console error that is not the app's fault.
const STUB_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

const isLocal = (url) => url.hostname === '127.0.0.1' || url.hostname === 'localhost';

/**
 * A new browser context and page that record what goes wrong: `problems` lists every console
 * error and uncaught exception. Off-site requests never leave the machine: images get a stub
 * PNG and are listed in `offsite.images`; anything else is answered empty and listed in
 * `offsite.other` (the app has no backend). Close `context` when done.
 */
export async function openPage(browser) {
  // No service worker (static/sw.js): it would answer the page's requests itself, out of reach
  // of page.route, and serve one test's files to the next. tests/offline.test.mjs allows it.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const offsite = { images: [], other: [] };
  await context.route(
    (url) => !isLocal(url) && url.protocol !== 'data:' && url.protocol !== 'about:',
    (route) => {
      const request = route.request();
      if (request.resourceType() === 'image') {
        offsite.images.push(request.url());
        return route.fulfill({ status: 200, contentType: 'image/png', body: STUB_PNG });
      }
      offsite.other.push(`${request.resourceType()} ${request.url()}`);
      return route.fulfill({ status: 204, body: '' });
    },
  );
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT_MS);
  page.setDefaultNavigationTimeout(TIMEOUT_MS);
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      const where = msg.location()?.url;
      problems.push(`console error: ${msg.text()}${where ? ` (at ${where})` : ''}`);
    }
  });
  page.on('pageerror', (err) => problems.push(`uncaught exception: ${err.message}`));
  return { context, page, offsite, problems };
}

/**
 * Runs `fn(page, offsite, problems)` on a page from [`openPage`] and then fails if the page
 * logged a console error or threw an uncaught exception at any point, even when `fn` itself
 * passed, or tried to fetch something off-site other than an image.
 * `expected` (a RegExp) names the errors a test provokes on purpose: those are left in
 * `problems` for the test to check, and only the others fail it.
 */
export async function withPage(browser, fn, { expected } = {}) {
  const { context, page, offsite, problems } = await openPage(browser);
  try {
    await fn(page, offsite, problems);
  } catch (err) {
    if (problems.length > 0) err.message += `\nThe page also reported:\n  ${problems.join('\n  ')}`;
    throw err;
  } finally {
    await context.close();
  }
  assert.deepEqual(
    problems.filter((p) => !expected?.test(p)),
    [],
    'the page reported errors',
  );
  assert.deepEqual(offsite.other, [], 'the page tried to fetch something off-site');
}

/** The middle value of `xs` (the upper one of an even count): what the benchmarks report. */
export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * The number a count label starts with, written with the locale's group separators ("10,000
 * articles", "10.000 articles", "10 000 articles"), or NaN.
 */
export function leadingCount(text) {
  const match = /^\s*(\d[\d.,'\u00a0\u202f ]*)/.exec(text ?? '');
  return match ? Number(match[1].replace(/\D/g, '')) : NaN;
}

/**
 * Waits for the article list, all of its cards drawn (see [`cardsDrawn`]), and returns the number
 * that starts `[data-testid=result-count]`. `page` may be a frame.
 */
export async function resultCount(page) {
  await page.locator('.cards[aria-busy]').waitFor({ state: 'detached', timeout: TIMEOUT_MS });
  const text = await page.locator('[data-testid="result-count"]').textContent();
  const count = leadingCount(text);
  assert.ok(!Number.isNaN(count), `result-count should start with a number, got ${JSON.stringify(text)}`);
  return count;
}

/**
 * Waits for the result list's cards, all of them: the list draws a screenful with its results
 * and the rest over the next tasks, `aria-busy` until it has. `page` may be a frame.
 */
export async function cardsDrawn(page) {
  await page.locator('.cards:not([aria-busy]) article.card').first().waitFor({ timeout: TIMEOUT_MS });
}

/**
 * Clicks "Show more" until every matching article has a card (a no-op when the list is not
 * paged) and returns the number of cards.
 */
export async function showAllCards(page) {
  const cards = page.locator('article.card');
  const more = page.locator('[data-testid="more-results"]');
  await cardsDrawn(page);
  while ((await more.count()) > 0) {
    const before = await cards.count();
    await more.click();
    await page.waitForFunction(
      (n) => document.querySelectorAll('article.card').length > n,
      before,
      { timeout: TIMEOUT_MS },
    );
    await cardsDrawn(page);
  }
  return cards.count();
}

/** The current URL's hash, e.g. `#/article/abc`. */
export const hashOf = (page) => new URL(page.url()).hash;

/**
 * Collects every dialog (alert, confirm, prompt) the page opens, dismissing each: a test that
 * feeds the page hostile text asserts the list stays empty.
 */
export function forbidDialogs(page) {
  const dialogs = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  return dialogs;
}
