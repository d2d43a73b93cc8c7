// The Content-Security-Policy in the README's Deploy section is the one the app runs under: this
// test reads the policy from the README, serves dist/ with it (as a header, and as the <meta>
// element the GitHub Pages recipe uses) and walks the app, an article, the share dialog with its
// preview, the downloads, the theme toggle, the graph and the widget, failing on any violation.
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import {
  cardsDrawn,
  distFromEnv,
  launchBrowser,
  resultCount,
  serveDir,
  TIMEOUT_MS,
  withPage,
} from '../harness.mjs';

const README = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'README.md');

/** The header line and the <meta> element the README documents, each exactly once. */
async function documented() {
  const text = await readFile(README, 'utf8');
  const headers = [...text.matchAll(/^Content-Security-Policy: (.+)$/gm)];
  const metas = [...text.matchAll(/^(<meta http-equiv="Content-Security-Policy" content="[^"]+">)$/gm)];
  assert.equal(headers.length, 1, 'the README gives one Content-Security-Policy header line');
  assert.equal(metas.length, 1, 'the README gives one <meta> policy');
  return { header: headers[0][1], meta: metas[0][1] };
}

let policy;
let server;
let metaDir;
let metaServer;
let framerDir;
let framer;
let browser;
before(async () => {
  policy = await documented();
  const dist = distFromEnv('BROADSHEET_DIST');
  server = await serveDir(dist, {
    prefix: '/news/',
    headers: { 'content-security-policy': policy.header },
  });
  // The GitHub Pages variant: the policy as a <meta> in index.html, no headers, a project path.
  metaDir = await mkdtemp(join(tmpdir(), 'broadsheet-csp-meta-'));
  await cp(dist, metaDir, { recursive: true });
  const index = join(metaDir, 'index.html');
  const html = await readFile(index, 'utf8');
  assert.match(html, /<meta charset="utf-8" \/>/);
  await writeFile(index, html.replace('<meta charset="utf-8" />', `<meta charset="utf-8" />\n    ${policy.meta}`));
  metaServer = await serveDir(metaDir, { prefix: '/REPO/' });
  // Another site that lays the app in a frame of its own page (clickjacking's first step).
  framerDir = await mkdtemp(join(tmpdir(), 'broadsheet-framer-'));
  await writeFile(
    join(framerDir, 'index.html'),
    `<!doctype html><title>another site</title><iframe id="app" src="${server.url}" title="framed app"></iframe>\n`,
  );
  framer = await serveDir(framerDir);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
  await metaServer?.close();
  await framer?.close();
  if (metaDir) await rm(metaDir, { recursive: true, force: true });
  if (framerDir) await rm(framerDir, { recursive: true, force: true });
});

/** Records every policy violation in each frame, before any of the page's scripts run. */
function recordViolations() {
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__violations.push(`${e.violatedDirective}: ${e.blockedURI || e.sample || '(inline)'}`);
  });
}

/** Every violation any frame of the page recorded. */
async function violations(page) {
  const all = [];
  for (const frame of page.frames()) {
    const list = await frame.evaluate(() => window.__violations ?? []).catch(() => []);
    all.push(...list.map((v) => `${frame.url()}: ${v}`));
  }
  return all;
}

/** Loads `url` as a new document (not a same-document hash change). */
async function load(page, url) {
  await page.goto('about:blank');
  return page.goto(url);
}

/** The walk through the app that must raise no violation. */
async function walk(page, base) {
  const response = await load(page, base);
  await cardsDrawn(page);
  assert.ok((await resultCount(page)) > 0);

  // Theme toggle (writes storage, sets an attribute).
  await page.locator('[data-testid="theme-toggle"]').click();
  await page.waitForFunction(() => document.documentElement.dataset.theme !== undefined);

  // Search, a facet, then the share dialog with its preview.
  await page.locator('[data-testid="search"]').pressSequentially('transit');
  await page.waitForFunction(() => window.location.hash.includes('q=transit'));
  await page.locator('[data-testid="share"]').click();
  const preview = page.frameLocator('[data-testid="embed-preview"]');
  await preview.locator('[data-testid="embed-item"]').first().waitFor();
  await page.locator('[data-testid="share-close"]').click();
  await page.locator('[data-testid="share-dialog"]').waitFor({ state: 'detached' });

  // A download (a Blob, an object URL, a temporary link).
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('[data-testid="export-json"]').click(),
  ]);
  assert.equal(await download.failure(), null);

  // An article page, with its images and links.
  await page.locator('a[data-testid="open-article"]').first().click();
  await page.locator('[data-testid="article-page"]').waitFor();

  // The graph view of the whole collection.
  await load(page, `${base}#/graph`);
  await page.locator('[data-testid="graph"]').waitFor();

  // The widget, as a document of its own.
  await load(page, `${base}#/embed?facets=topic,provider&theme=dark&limit=5`);
  await page.locator('[data-testid="embed-item"]').first().waitFor();
  assert.equal(await page.locator('[data-testid="embed-item"]').count(), 5);
  await page.locator('[data-testid="search"]').pressSequentially('a');
  await page.waitForFunction(() => window.location.hash.includes('q=a'));
  return response;
}

test('the app runs under the documented Content-Security-Policy header with no violation', async () => {
  await withPage(browser, async (page) => {
    await page.addInitScript(recordViolations);
    const response = await walk(page, server.url);
    assert.equal(response.headers()['content-security-policy'], policy.header, 'the header was sent');
    assert.deepEqual(await violations(page), []);
    assert.match(policy.header, /script-src 'self' 'wasm-unsafe-eval';/);
    assert.doesNotMatch(policy.header, /unsafe-inline/);
  });
});

test('the GitHub Pages variant, the policy as a <meta> element, runs with no violation', async () => {
  await withPage(browser, async (page) => {
    await page.addInitScript(recordViolations);
    await walk(page, metaServer.url);
    assert.equal(
      await page.locator('meta[http-equiv="Content-Security-Policy"]').count(),
      1,
      'the page carries the policy',
    );
    assert.deepEqual(await violations(page), []);
  });
});

test('the policy is enforced: an inline script is refused (so the tests above can fail)', async () => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.addInitScript(recordViolations);
    await page.goto(server.url);
    await cardsDrawn(page);
    const outcome = await page.evaluate(() => {
      const refused = [];
      try {
        const script = document.createElement('script');
        script.textContent = 'window.__inlineRan = true;';
        document.head.append(script);
      } catch (e) {
        refused.push(e.name);
      }
      try {
        document.createElement('div').innerHTML = '<b>markup</b>';
      } catch (e) {
        refused.push(e.name);
      }
      return { ran: window.__inlineRan === true, refused };
    });
    assert.equal(outcome.ran, false, 'the inline script did not run');
    assert.deepEqual(outcome.refused, ['TypeError', 'TypeError'], 'Trusted Types refuse both strings');
    await page.waitForFunction(() => window.__violations.length >= 2);
    assert.match((await violations(page)).join('\n'), /require-trusted-types-for/);
  } finally {
    await context.close();
  }
});

test('under the documented header no other site can frame the app', async () => {
  assert.match(policy.header, /frame-ancestors 'self'$/);
  assert.notEqual(new URL(framer.url).origin, new URL(server.url).origin, 'two origins');
  // The browser's refusal is a console error on the framing page, so this page is not one of
  // withPage's, which fail on any.
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const refused = page.waitForEvent('console', {
      predicate: (msg) => /frame-ancestors 'self'.*blocked/.test(msg.text()),
      timeout: TIMEOUT_MS,
    });
    const errorPage = page.waitForEvent('framenavigated', {
      predicate: (frame) => frame !== page.mainFrame() && frame.url().startsWith('chrome-error:'),
      timeout: TIMEOUT_MS,
    });
    await page.goto(framer.url);
    await refused;
    const frame = await errorPage;
    assert.equal(await frame.locator('article.card').count(), 0, 'the framed app did not load');
  } finally {
    await context.close();
  }
});
