// Hostile content (e2e/fixtures/hostile-articles): titles, excerpts, provider names, topics,
// related entries and bodies that are HTML and script payloads must reach the page as text,
// run nothing and open no dialog; a draft's canary string must not be anywhere in dist/; odd
// links (unknown article, newer format, junk) still give a usable page with a short notice;
// overlong names keep the page's width; a card shows the host its link really goes to.
// BROADSHEET_HOSTILE_DIST is a release build of that folder (scripts/test makes it).
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { distFromEnv, forbidDialogs, launchBrowser, serveDir, withPage } from '../harness.mjs';

const TITLE = "<script>window.__pwned = 1; alert('title')</script>";
const EXCERPT = '"><svg onload="window.__pwned = 2"><img src=x onerror="window.__pwned = 3">';
const PROVIDER = '<b onmouseover="window.__pwned = 4">Bold & Co</b>';
const ENTITY_TITLE = '<img src=x onerror=alert(1)> decoded entities stay text';
const CANARY = 'CANARY-DRAFT-7f3a9c';
// A word of the draft's title and body as the search index would store it, folded (lowercased,
// `ö` → `o`): a draft leaking into the index would show this, not the text as written.
const CANARY_WORD = 'zwolfquokkadraft';
// The canary itself as the index folds it: lowercased (`canary-draft-7f3a9c`), and its one
// word found nowhere else (the index splits at the hyphens; `canary` and `draft` are common).
const CANARY_FOLDED = CANARY.toLowerCase();
const CANARY_TOKEN = '7f3a9c';

let dist;
let server;
let browser;
before(async () => {
  dist = distFromEnv('BROADSHEET_HOSTILE_DIST');
  server = await serveDir(dist);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('payloads in every text field are shown as text and run nothing', async () => {
  await withPage(browser, async (page) => {
    const dialogs = forbidDialogs(page);
    await page.goto(server.url);
    const card = page.locator('article.card', { hasText: 'window.__pwned = 1' });
    await card.waitFor();
    assert.equal((await card.locator('.card-title').textContent()).trim(), TITLE);
    assert.ok((await card.textContent()).includes(EXCERPT), 'the excerpt is shown literally');
    assert.ok((await card.textContent()).includes(PROVIDER), 'the provider name is shown literally');
    assert.ok((await card.textContent()).includes('<i>italic</i>'), 'topics are shown literally');
    await page.locator('article.card', { hasText: ENTITY_TITLE }).waitFor();
    const injected = await page.evaluate(() => ({
      pwned: window.__pwned,
      scripts: [...document.querySelectorAll('script')].filter((s) => !s.src).map((s) => s.textContent),
      svgOnload: document.querySelectorAll('svg[onload], img[onerror], b[onmouseover], iframe').length,
      italic: document.querySelectorAll('article.card i').length,
    }));
    assert.equal(injected.pwned, undefined, 'no payload ran');
    assert.ok(injected.scripts.every((s) => !s.includes('__pwned')), 'no payload became a script element');
    assert.equal(injected.svgOnload, 0, 'no payload became an element');
    assert.equal(injected.italic, 0, 'markup in topics stays text');
    assert.deepEqual(dialogs, []);
  });
});

test('the article page, its title and its related entries keep payloads as text', async () => {
  await withPage(browser, async (page) => {
    const dialogs = forbidDialogs(page);
    await page.goto(`${server.url}#/article/script-title`);
    const article = page.locator('[data-testid="article-page"]');
    await article.waitFor();
    assert.equal((await article.locator('h1').textContent()).trim(), TITLE);
    assert.equal(await page.title(), TITLE, 'document.title holds the raw text');
    assert.ok((await article.textContent()).includes('<script>window.__pwned = 6</script>'), 'the body is text');
    await page.goto(`${server.url}#/article/entity-title`);
    await page.locator('h1', { hasText: ENTITY_TITLE }).waitFor();
    const related = page.locator('[data-testid="related"]');
    assert.ok((await related.textContent()).includes('<a href="javascript:alert(1)">related</a>'));
    const hrefs = await page.evaluate(() =>
      [...document.querySelectorAll('a[href], img[src], iframe[src]')].map((e) => e.getAttribute('href') ?? e.getAttribute('src')),
    );
    assert.ok(hrefs.every((h) => !/^\s*javascript:/i.test(h)), `no javascript: link: ${hrefs.join(' ')}`);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.deepEqual(dialogs, []);
  });
});

test('no byte of a left-out draft is in dist', async () => {
  const files = [];
  const walk = async (dir) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else files.push(path);
    }
  };
  await walk(dist);
  assert.ok(files.some((f) => f.endsWith('.wasm')), 'dist holds the app');
  for (const file of files) {
    const bytes = await readFile(file);
    assert.equal(bytes.includes(CANARY), false, `${file} contains the draft's canary`);
    assert.equal(bytes.includes(Buffer.from(CANARY, 'utf16le')), false, `${file} contains the canary (UTF-16)`);
    assert.equal(bytes.includes(CANARY_WORD), false, `${file} contains the canary's folded word`);
    assert.equal(bytes.includes(CANARY_FOLDED), false, `${file} contains the canary, folded`);
    assert.equal(bytes.includes(CANARY_TOKEN), false, `${file} contains the canary's word ${CANARY_TOKEN}`);
  }
  await withPage(browser, async (page) => {
    await page.goto(`${server.url}#/article/draft-canary`);
    await page.locator('[data-testid="not-found"]').waitFor();
  });
});

test('links from a newer version and junk links give a notice and a usable page', async () => {
  await withPage(browser, async (page) => {
    for (const hash of ['#/?v=9&topic=safety&future=1', '#/?%%%&q=%E0%A4%A&heat=abc', `#/?q=${'x'.repeat(20000)}`]) {
      await page.goto(`${server.url}${hash}`);
      await page.locator('[data-testid="notice"]').waitFor();
      await page.locator('[data-testid="result-count"]').waitFor();
    }
  });
});

test('the graph view, its story list and the embed widget keep payloads as text', async () => {
  await withPage(browser, async (page) => {
    const dialogs = forbidDialogs(page);
    await page.goto(`${server.url}#/graph`);
    const stories = page.locator('[data-testid="story-list"]');
    await stories.waitFor();
    await page.locator('[data-testid="graph"]').waitFor();
    assert.ok((await stories.textContent()).includes(TITLE), 'story list shows the title as text');
    await page.goto(`${server.url}#/embed`);
    const widget = page.locator('[data-testid="embed"]');
    await widget.waitFor();
    await widget.locator('[data-testid="embed-item"]').first().waitFor();
    assert.ok((await widget.textContent()).includes(TITLE), 'the widget shows the title as text');
    const injected = await page.evaluate(() => ({
      pwned: window.__pwned,
      elements: document.querySelectorAll('svg[onload], img[onerror], b[onmouseover], iframe, [data-testid="embed"] i').length,
    }));
    assert.deepEqual(injected, { pwned: undefined, elements: 0 });
    assert.deepEqual(dialogs, []);
  });
});

/** How far the document reaches past the window's width, in CSS pixels (0 when it fits). */
const overflowX = (page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** The longest run of combining marks in `text`. */
const longestMarkRun = (text) => Math.max(0, ...(text.match(/\p{M}+/gu) ?? []).map((run) => [...run].length));

test('a 300-letter topic, a 500-letter provider and stacked marks keep the page its width', async () => {
  await withPage(browser, async (page) => {
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(`${server.url}#/?q=zalgo`);
      const card = page.locator('article.card[data-article-id="layout-long-names"]');
      await card.waitFor();
      const provider = (await card.locator('[data-testid="provider-name"]').textContent()).trim();
      assert.equal(provider.length, 500, 'the long provider name is on the card');
      assert.equal(await overflowX(page), 0, `the home page fits ${width} px`);
      const title = card.locator('.card-title');
      assert.ok(longestMarkRun(await title.textContent()) <= 6, 'stacked marks were capped at ingest');
      const clip = await title.evaluate((el) => getComputedStyle(el.closest('.card-heading')).overflowY);
      assert.ok(['hidden', 'clip'].includes(clip), `the title is clipped to its card (overflow-y: ${clip})`);

      await page.goto(`${server.url}#/article/layout-long-names`);
      await page.locator('[data-testid="article-page"] h1').waitFor();
      assert.equal(await overflowX(page), 0, `the article page fits ${width} px`);
      await page.goto(`${server.url}#/embed?facets=topic,provider`);
      await page.locator('[data-testid="embed-item"]').first().waitFor();
      assert.equal(await overflowX(page), 0, `the widget fits ${width} px`);
    }
  });
});

test('a card whose provider names another site shows the host its link goes to', async () => {
  await withPage(browser, async (page) => {
    await page.goto(`${server.url}#/?q=names%20one%20outlet`);
    const card = page.locator('article.card[data-article-id="spoofed-outlet"]');
    await card.waitFor();
    assert.equal((await card.locator('[data-testid="provider-name"]').textContent()).trim(), 'Spoofed Times');
    const shown = (await card.locator('[data-testid="provider-domain"]').textContent()).trim();
    const linked = new URL(await card.locator('a.card-title').getAttribute('href')).hostname;
    assert.equal(linked, 'spoof.example.net');
    assert.equal(shown, linked, 'the card shows the real host, not the claimed times.example.org');
  });
});

test('notices stay short: at most five lines, and long values are not echoed', async () => {
  await withPage(browser, async (page) => {
    const notices = page.locator('[data-testid="notice"] li');
    await page.goto(`${server.url}#/embed?facets=${'zz,'.repeat(5460)}`);
    await page.locator('[data-testid="notice"]').waitFor();
    assert.ok((await notices.count()) <= 6, `${await notices.count()} notice lines`);
    const unknown = Array.from({ length: 64 }, (_, i) => `unknown${i}=${'v'.repeat(100)}`).join('&');
    await page.goto('about:blank');
    await page.goto(`${server.url}#/?${unknown}`);
    await page.locator('[data-testid="notice"]').waitFor();
    assert.equal(await notices.count(), 6);
    assert.match(await notices.last().textContent(), /and 59 more/);
    const text = await page.locator('[data-testid="notice"]').textContent();
    assert.ok(text.length < 1000, `the notice is ${text.length} characters`);

    await page.goto(`${server.url}#/article/${'x'.repeat(4000)}`);
    const missing = page.locator('[data-testid="missing-id"]');
    await missing.waitFor();
    const shown = (await missing.textContent()).trim();
    assert.ok(shown.startsWith('xxxx') && shown.length <= 100, `the not-found page echoes ${shown.length} characters`);
  });
});
