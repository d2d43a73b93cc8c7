// Markdown bodies, read by a reader: an article page draws each construct as its element
// (headings, lists, emphasis, code, quotes, links, images), links are <a rel="noopener
// noreferrer"> to http(s) only, and hostile links and raw HTML in a body are text or plain
// words, never elements or scripts. Search indexes the words a reader sees, not the Markdown.
// Fixtures: e2e/fixtures/hostile-articles/markdown-*.md (BROADSHEET_HOSTILE_DIST), and the
// sample's Markdown body (BROADSHEET_DIST).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  cardsDrawn,
  distFromEnv,
  forbidDialogs,
  launchBrowser,
  resultCount,
  serveDir,
  withPage,
} from '../harness.mjs';

const SAMPLE_ID = 'sample-003-three-questions-about-saltmarshs-tiny-home-village';

let browser;
let hostile;
let sample;
before(async () => {
  hostile = await serveDir(distFromEnv('BROADSHEET_HOSTILE_DIST'));
  sample = await serveDir(distFromEnv('BROADSHEET_DIST'));
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await hostile?.close();
  await sample?.close();
});

/** Opens an article page and returns its body element, once drawn. */
async function openBody(page, url, id) {
  await page.goto(`${url}#/article/${id}`);
  const body = page.locator('[data-testid="article-page"] [data-testid="body"]');
  await body.locator(':scope > *').first().waitFor();
  return body;
}

/** Every link in `body`: its text, href, rel and target. */
const linksOf = (body) =>
  body.locator('a').evaluateAll((links) =>
    links.map((a) => ({ text: a.textContent, href: a.getAttribute('href'), rel: a.getAttribute('rel'), target: a.getAttribute('target') })),
  );

test('each Markdown construct is drawn as its element', async () => {
  await withPage(browser, async (page) => {
    const dialogs = forbidDialogs(page);
    const body = await openBody(page, hostile.url, 'markdown-body');
    // The headline is the page's one h1; the body's `#` sits below it.
    assert.equal(await page.locator('[data-testid="article-page"] h1').count(), 1);
    assert.equal((await body.locator('h2').textContent()).trim(), 'Top-level heading');
    assert.equal((await body.locator('h3').textContent()).trim(), 'A third-level heading');
    assert.equal((await body.locator('strong').textContent()).trim(), 'decidedly historic');
    assert.equal((await body.locator('p > em').textContent()).trim(), 'the cost to small shops');
    assert.equal((await body.locator('p > code').textContent()).trim(), 'budget_v2.xlsx');

    const bullets = body.locator(':scope > ul > li');
    assert.equal(await bullets.count(), 2);
    assert.equal((await bullets.nth(0).textContent()).trim(), 'First bullet');
    assert.equal((await bullets.nth(1).locator('ul > li').textContent()).trim(), 'A nested bullet');
    const ordered = body.locator(':scope > ol');
    assert.equal(await ordered.getAttribute('start'), '3');
    assert.deepEqual((await ordered.locator('li').allTextContents()).map((t) => t.trim()), ['Third step', 'Fourth step']);

    const quote = body.locator(':scope > blockquote');
    assert.ok((await quote.textContent()).includes('A quoted line from the fictional mayor.'));
    assert.equal((await quote.locator('blockquote').textContent()).trim(), 'And a quote inside it.');

    const code = body.locator('pre > code');
    assert.equal(await code.textContent(), 'let total = 55.6;\n<b>not bold</b>');
    assert.equal(await body.locator('pre b').count(), 0, 'markup in code stays text');
    assert.equal(await body.locator('br').count(), 1, 'the hard line break');
    assert.equal(await body.locator('hr').count(), 1, 'the thematic break');

    const image = body.locator('img');
    assert.equal(await image.getAttribute('src'), 'https://img.example.net/markdown/chart.png');
    assert.equal(await image.getAttribute('alt'), 'A fictional chart of costs');

    assert.deepEqual(await linksOf(body), [
      { text: 'a source', href: 'https://example.org/source-page', rel: 'noopener noreferrer', target: '_blank' },
      { text: 'the example archive', href: 'https://example.com/archive/zqxlinkonlyword', rel: 'noopener noreferrer', target: '_blank' },
    ]);
    const text = await body.textContent();
    for (const markup of ['**', '](', '```', '> ', '# ']) {
      assert.ok(!text.includes(markup), `no Markdown markup (${markup}) is shown`);
    }
    assert.deepEqual(dialogs, []);
  });
});

test('hostile links and raw HTML in a body are text, never elements, and run nothing', async () => {
  await withPage(browser, async (page) => {
    const dialogs = forbidDialogs(page);
    const body = await openBody(page, hostile.url, 'markdown-hostile');
    const text = await body.textContent();
    // Refused links keep their words, without the link.
    for (const words of ['this harmless-looking link', 'the notes', 'tracking pixel', 'relative link', 'click']) {
      assert.ok(text.includes(words), `"${words}" is kept`);
    }
    // Raw HTML is shown literally.
    assert.ok(text.includes(`<img src=x onerror="window.__pwned=8;alert('img')">`), 'inline HTML is text');
    assert.ok(text.includes(`<script>window.__pwned = 9; alert('block')</script>`), 'an HTML block is text');
    assert.ok(text.includes(`<iframe src="javascript:alert('frame')"></iframe>`));
    assert.deepEqual(await linksOf(body), [], 'no refused URL became a link');
    const injected = await page.evaluate(() => ({
      pwned: window.__pwned,
      elements: document.querySelectorAll('[data-testid="body"] :is(script, img, iframe, svg, object, embed)').length,
      hrefs: [...document.querySelectorAll('a[href], img[src], iframe[src]')]
        .map((e) => e.getAttribute('href') ?? e.getAttribute('src'))
        .filter((h) => /^\s*(javascript|vbscript|data):/i.test(h)),
    }));
    assert.deepEqual(injected, { pwned: undefined, elements: 0, hrefs: [] });
    assert.deepEqual(dialogs, []);
  });
});

test('search finds the words a body shows, not its link addresses', async () => {
  await withPage(browser, async (page) => {
    await page.goto(`${hostile.url}#/`);
    await cardsDrawn(page);
    const search = page.locator('[data-testid="search"]');
    await search.pressSequentially('decidedly');
    await page.waitForFunction(() => location.hash === '#/?q=decidedly');
    await page.locator('article.card[data-article-id="markdown-body"]').waitFor();
    assert.equal(await resultCount(page), 1, 'a word in bold is indexed');
    await search.press('ControlOrMeta+a');
    await search.press('Backspace');
    await search.pressSequentially('zqxlinkonlyword');
    await page.waitForFunction(() => location.hash === '#/?q=zqxlinkonlyword');
    await page.locator('[data-testid="no-results"]').waitFor();
    assert.equal(await resultCount(page), 0, 'a word only in a link address is not');
  });
});

test("the sample's Markdown body is drawn as elements", async () => {
  await withPage(browser, async (page) => {
    const body = await openBody(page, sample.url, SAMPLE_ID);
    assert.equal((await body.locator('h2').textContent()).trim(), 'Background');
    assert.equal((await body.locator('strong').textContent()).trim(), 'historic');
    assert.equal((await body.locator('em').textContent()).trim(), 'the cost to small businesses');
    assert.equal(await body.locator('ul > li').count(), 3);
    const [link] = await linksOf(body);
    assert.equal(link.text, 'full report');
    assert.equal(link.rel, 'noopener noreferrer');
    assert.match(link.href, /^https:\/\/harborherald\.example\//);
    assert.ok(!(await body.textContent()).includes('**'));
  });
});
