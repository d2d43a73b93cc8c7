// A reader's walk-through (issue 19): what readers did on the sample, step by step, and what
// they should see: history entries that keep their own scroll, committed changes that Back
// returns from, no hidden settings, numbers as stored, names and messages a reader can act on.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { cardsDrawn, hashOf, resultCount, useApp, withPage } from '../harness.mjs';

const app = useApp('BROADSHEET_DIST');

async function open(page, hash = '#/') {
  await page.goto(`${app.server.url}${hash}`);
  await cardsDrawn(page);
}

/** Waits for the address to read `want` and for the list under it to have drawn all its cards. */
async function hashBecomes(page, want) {
  await page.waitForFunction((h) => window.location.hash === h && !document.querySelector('.cards[aria-busy]'), want);
}

const scrollIs = (page, y) => page.waitForFunction((want) => Math.abs(window.scrollY - want) <= 1, y);

/** The `data-facet-value` keys of a facet's first `n` rows. */
async function facetKeys(page, facet, n) {
  const rows = page.locator(`[data-testid="facet-${facet}"] [data-facet-value]`);
  const keys = [];
  for (let i = 0; i < n; i += 1) keys.push(await rows.nth(i).getAttribute('data-facet-value'));
  return keys;
}

test('each history entry keeps its own scroll position', async () => {
  await withPage(app.browser, async (page) => {
    await open(page);
    const [first, second] = await facetKeys(page, 'topic', 2);
    const box = (key) => page.locator(`[data-testid="facet-topic"] [data-facet-value="${key}"] input[type=checkbox]`);
    await box(first).check();
    const one = `#/?topic=${encodeURIComponent(first)}`;
    await hashBecomes(page, one);
    await box(second).check();
    await page.waitForFunction(
      (keys) => keys.every((k) => window.location.hash.includes(encodeURIComponent(k))),
      [first, second],
    );
    const two = hashOf(page);
    const y = await page.evaluate(() => {
      window.scrollTo(0, Math.min(1500, document.documentElement.scrollHeight - window.innerHeight));
      return window.scrollY;
    });
    assert.ok(y > 300, `the two topics' list scrolls: ${y}`);

    // A click where a card's link is on screen, as a reader's: nothing scrolls first.
    const point = await page.evaluate(() => {
      const inView = [...document.querySelectorAll('article.card [data-testid="open-article"]')]
        .map((a) => a.getBoundingClientRect())
        .find((r) => r.top > 0 && r.bottom < window.innerHeight && r.width > 0);
      return inView && { x: inView.left + Math.min(20, inView.width / 2), y: inView.top + inView.height / 2 };
    });
    assert.ok(point, 'a card link is on screen');
    await page.mouse.click(point.x, point.y);
    await page.locator('[data-testid="article-page"]').waitFor();

    await page.goBack();
    await hashBecomes(page, two);
    await cardsDrawn(page);
    await scrollIs(page, y);

    await page.goBack();
    await hashBecomes(page, one);
    await scrollIs(page, 0);

    await page.goBack();
    await hashBecomes(page, '#/');
    await scrollIs(page, 0);

    await page.goForward();
    await hashBecomes(page, one);
    await page.goForward();
    await hashBecomes(page, two);
    await scrollIs(page, y);
  });
});

test('a date committed with Enter is a step Back returns from', async () => {
  await withPage(app.browser, async (page) => {
    await open(page, '#/?q=the');
    await page.locator('[data-testid="clear-filters"]').first().click();
    await hashBecomes(page, '#/');
    const total = await resultCount(page);
    await page.locator('[data-testid="date-from"]').focus();
    await page.keyboard.type('06012024');
    await page.keyboard.press('Enter');
    await hashBecomes(page, '#/?from=2024-06-01');
    await page.goBack();
    await hashBecomes(page, '#/');
    assert.equal(await resultCount(page), total, 'Back shows the unfiltered list again');
    await page.goBack();
    await hashBecomes(page, '#/?q=the');
  });
});

test('the first keystroke on the front page adds an entry: Back after a search stays in the app', async () => {
  await withPage(app.browser, async (page) => {
    await open(page);
    const total = await resultCount(page);
    const entries = await page.evaluate(() => history.length);
    await page.locator('[data-testid="search"]').pressSequentially('transit');
    await hashBecomes(page, '#/?q=transit');
    assert.equal(await page.evaluate(() => history.length), entries + 1, 'one entry for the word');
    await page.goBack();
    await hashBecomes(page, '#/');
    assert.ok(page.url().startsWith(app.server.url), `still in the app: ${page.url()}`);
    assert.equal(await resultCount(page), total);
    await page.goForward();
    await hashBecomes(page, '#/?q=transit');
  });
});

test('Escape and Clear all drop the boost; a boost that cannot apply says why', async () => {
  await withPage(app.browser, async (page) => {
    await open(page, '#/?q=transit&boost=heat:100,recent:20');
    await page.locator('[data-testid="boost"]').waitFor();
    assert.equal(hashOf(page), '#/?q=transit&boost=heat:100,recent:20');
    await page.locator('[data-testid="search"]').press('Escape');
    await hashBecomes(page, '#/');
    assert.equal(await page.locator('[data-testid="boost"]').count(), 0);

    await open(page, '#/?q=transit&topic=transit&boost=heat:100');
    await page.locator('[data-testid="clear-filters"]').first().click();
    await hashBecomes(page, '#/');

    await open(page, '#/?boost=heat:100,recent:20');
    await hashBecomes(page, '#/');
    const notice = await page.locator('[data-testid="notice"]').textContent();
    assert.match(notice, /boost/i);
    assert.match(notice, /relevance/i, `says why: ${notice}`);
  });
});

test('a negative heat minimum is not silently ignored', async () => {
  await withPage(app.browser, async (page) => {
    await open(page);
    const field = page.locator('[data-testid="heat-min"]');
    await field.click();
    await page.keyboard.type('-5');
    await page.keyboard.press('Enter');
    const problem = page.locator('[data-testid="heat-problem"]');
    await problem.waitFor();
    assert.match(await problem.textContent(), /-5 is below 0/);
    assert.equal(hashOf(page), '#/', 'the view is unchanged');
    await field.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('5');
    await page.keyboard.press('Enter');
    await hashBecomes(page, '#/?heat=5..');
    assert.equal(await problem.count(), 0, 'a valid value clears the message');
  });
});

test('a card shows the score the filter compares: filtering by it finds the card', async () => {
  await withPage(app.browser, async (page) => {
    await open(page, '#/?sort=quality');
    const card = page.locator('article.card').first();
    const id = await card.getAttribute('data-article-id');
    const shown = (await card.locator('[data-testid="quality"]').textContent()).trim();
    const file = await readFile(new URL(`../../content/${id}.md`, import.meta.url), 'utf8');
    const stored = /^quality: (.+)$/m.exec(file)?.[1];
    assert.equal(shown, String(Number(stored)), 'the value as stored');
    assert.match(shown, /^\d+(\.\d+)?$/, `no rounding marks: ${shown}`);
    assert.ok(!/\.\d*0$/.test(shown), `no trailing zeros: ${shown}`);
    await open(page, `#/?quality=${shown}..${shown}`);
    const ids = await page.locator('article.card').evaluateAll((cs) => cs.map((c) => c.dataset.articleId));
    assert.ok(ids.includes(id), `quality=${shown}..${shown} finds ${id}`);
  });
});

test('counts are written in the reader locale', async () => {
  for (const locale of ['en-US', 'de-DE']) {
    const context = await app.browser.newContext({ locale });
    const page = await context.newPage();
    try {
      await open(page);
      const n = await resultCount(page);
      const want = await page.evaluate((count) => new Intl.NumberFormat(navigator.language).format(count), n);
      assert.equal(
        (await page.locator('[data-testid="bundle-count"]').textContent()).trim().split(' ')[0],
        want,
        `${locale}: the footer's count`,
      );
      const grouped = await page.evaluate(() => document.querySelector('[data-testid="result-count"]').textContent);
      assert.ok(grouped.startsWith(want), `${locale}: ${grouped}`);
    } finally {
      await context.close();
    }
  }
});

test('exports are named in words: file name and feed title', async () => {
  await withPage(app.browser, async (page) => {
    await open(page);
    await page.locator('[data-testid="search"]').pressSequentially('transit');
    await hashBecomes(page, '#/?q=transit');
    const excluded = page.locator('[data-testid="facet-topic"] [data-facet-value]').last();
    const label = (await excluded.locator('.facet-label').textContent()).trim();
    await excluded.locator('[data-testid="exclude"]').click();
    await page.waitForFunction(() => window.location.hash.includes('topic=-'));
    await cardsDrawn(page);
    const slug = label.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/-+$/, '');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="export-csv"]').click()]);
    assert.equal(csv.suggestedFilename(), `broadsheet-transit-not-${slug}.csv`);
    const [atom] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="export-atom"]').click()]);
    const xml = await readFile(await atom.path(), 'utf8');
    const title = /<title>([^<]*)<\/title>/.exec(xml)?.[1];
    assert.equal(title, `Broadsheet: transit, not ${label}`);
  });
});

test('a facet says when the find field matches nothing, and long facets open in steps', async () => {
  await withPage(app.browser, async (page) => {
    await open(page);
    const topics = page.locator('[data-testid="facet-topic"]');
    await topics.locator('[data-testid="facet-filter"]').pressSequentially('zzqx');
    const none = topics.locator('[data-testid="facet-none"]');
    await none.waitFor();
    assert.match(await none.textContent(), /Nothing in Topics matches “zzqx”/);
    await topics.locator('[data-testid="facet-filter"]').fill('');
    await none.waitFor({ state: 'detached' });

    const more = topics.locator('[data-testid="show-more"]');
    if ((await more.count()) > 0) {
      const before = await topics.locator('[data-facet-value]').count();
      const step = Number(/\d+/.exec(await more.textContent())[0]);
      assert.ok(step <= 40, `one step at a time: ${step}`);
      await more.click();
      await page.waitForFunction(
        ([n]) => document.querySelectorAll('[data-testid="facet-topic"] [data-facet-value]').length > n,
        [before],
      );
      assert.equal(await topics.locator('[data-facet-value]').count(), before + step);
      await topics.locator('[data-testid="show-fewer"]').click();
      await page.waitForFunction(
        ([n]) => document.querySelectorAll('[data-testid="facet-topic"] [data-facet-value]').length === n,
        [before],
      );
    }
  });
});

test('graph summary, links, theme label and unknown links each read right', async () => {
  await withPage(app.browser, async (page) => {
    await open(page, '#/?q=transit');
    await page.locator('[data-testid="graph-link"]').click();
    const summary = page.locator('[data-testid="graph-summary"]');
    await summary.waitFor();
    const text = await summary.textContent();
    assert.match(text, /^\d+ stor(y|ies): \d+ articles? here(,| and) /, text);
    assert.equal((text.match(/stor(y|ies)/g) ?? []).length, 1, `"stories" names one thing: ${text}`);

    await page.goto(`${app.server.url}#/graph?node=no-such-node`);
    const missing = page.locator('[data-testid="node-missing"]');
    await missing.waitFor();
    assert.match(await missing.textContent(), /no-such-node.*not in this graph/);

    await page.goto(`${app.server.url}#/article/sample-021-cobalt-coast-university-senate-approves-solar-co-op-citing-a`);
    await page.locator('[data-testid="article-page"]').waitFor();
    const hrefs = await page.locator('.links a').evaluateAll((as) => as.map((a) => a.href));
    assert.ok(hrefs.length > 0);
    assert.equal(new Set(hrefs).size, hrefs.length, `each address once: ${hrefs}`);
    assert.equal(await page.locator('[data-testid="link-original"]').count(), 0, 'the same address as the story');

    await open(page, '#/?q=a&zzz=1');
    const notice = await page.locator('[data-testid="notice"]').textContent();
    assert.ok(!notice.includes('`'), `no backticks: ${notice}`);
    assert.match(notice, /unknown setting “zzz”/);

    await page.goto(`${app.server.url}#/nonsense/page`);
    await cardsDrawn(page);
    assert.match(await page.locator('[data-testid="notice"]').textContent(), /no page “nonsense\/page”/);

    const label = page.locator('[data-testid="theme-label"]');
    const before = (await label.textContent()).trim();
    await page.locator('[data-testid="theme-toggle"]').click();
    await page.waitForFunction((b) => document.querySelector('[data-testid="theme-label"]').textContent.trim() !== b, before);
    const after = (await label.textContent()).trim();
    assert.deepEqual([before, after].sort(), ['Dark theme: off', 'Dark theme: on']);
  });
});

test("the share dialog's Results field says what it takes, and a click outside closes it", async () => {
  await withPage(app.browser, async (page) => {
    await open(page);
    await page.locator('[data-testid="share"]').click();
    const dialog = page.locator('[data-testid="share-dialog"]');
    await dialog.waitFor();
    const field = dialog.locator('[data-testid="embed-limit"]');
    const problem = dialog.locator('[data-testid="embed-limit-problem"]');
    const script = dialog.locator('[data-testid="embed-script"]');
    for (const typed of ['0', '500', '']) {
      await field.click();
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.press('Backspace');
      if (typed) await page.keyboard.type(typed);
      await page.keyboard.press('Tab');
      await problem.waitFor();
      assert.match(await problem.textContent(), /from 1 to 100/, `"${typed}"`);
      assert.match(await problem.textContent(), /keeps 10/);
      assert.equal(await field.getAttribute('aria-invalid'), 'true');
    }
    await field.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('25');
    await page.keyboard.press('Tab');
    await problem.waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.querySelector('[data-testid="embed-script"]').value.includes('25'));
    assert.match(await script.inputValue(), /limit=25/);

    const box = await dialog.boundingBox();
    await page.mouse.click(Math.max(2, box.x / 2), Math.max(2, box.y / 2));
    await dialog.waitFor({ state: 'detached' });
  });
});

test('one card per story: a toggle, counts in stories and articles, and the rest opens in place', async () => {
  await withPage(app.browser, async (page) => {
    await open(page);
    const articles = await resultCount(page);
    await page.locator('[data-testid="group-by-story"]').check();
    await hashBecomes(page, '#/?group=story');
    await page.locator('[data-testid="story-card"]').first().waitFor();
    const count = await page.locator('[data-testid="result-count"]').textContent();
    const match = /^(\d+) stor(?:y|ies) \((\d+) articles?\)$/.exec(count.trim());
    assert.ok(match, `counts say stories and articles: ${count}`);
    const stories = Number(match[1]);
    assert.equal(Number(match[2]), articles, 'the same articles, grouped');
    assert.ok(stories < articles, `the sample has stories told more than once: ${stories} of ${articles}`);
    assert.equal(await page.locator('[data-testid="story-card"]').count(), Math.min(stories, 50));
    const cards = await page.locator('article.card').count();
    assert.equal(cards, Math.min(stories, 50), 'one card per story');

    const toggle = page.locator('[data-testid="story-toggle"]').first();
    const more = Number(/\+(\d+)/.exec(await toggle.textContent())[1]);
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    await toggle.click();
    await page.locator('[data-testid="story-more"]').first().waitFor();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    assert.equal(await page.locator('article.card').count(), cards + more, 'the rest of the story, in place');
    assert.equal(hashOf(page), '#/?group=story', 'opening a story is not a new view');

    await page.goBack();
    await hashBecomes(page, '#/');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="story-card"]').length === 0);
    assert.equal(await resultCount(page), articles);

    await page.goto(`${app.server.url}#/embed?group=story`);
    await page.locator('[data-testid="result-count"]').waitFor();
    assert.match(await page.locator('[data-testid="result-count"]').textContent(), /^\d+ stor(y|ies) \(\d+ articles?\)$/);
  });
});

test('time presets count back from the newest article and live in the link as presets', async () => {
  await withPage(app.browser, async (page) => {
    await open(page);
    const total = await resultCount(page);
    const newest = await page.evaluate(() =>
      Math.max(...[...document.querySelectorAll('article.card time.published')].map((t) => Date.parse(t.getAttribute('datetime')))),
    );
    const note = await page.locator('[data-testid="preset-note"]').textContent();
    assert.ok(note.includes(new Date(newest).toISOString().slice(0, 10)), `says what it counts from: ${note}`);
    await page.locator('[data-testid="preset-month"]').click();
    await hashBecomes(page, '#/?past=month');
    assert.equal(await page.locator('[data-testid="preset-month"]').getAttribute('aria-pressed'), 'true');
    const month = await resultCount(page);
    assert.ok(month > 0 && month < total, `the past month: ${month} of ${total}`);
    const times = await page
      .locator('article.card time.published')
      .evaluateAll((ts) => ts.map((t) => Date.parse(t.getAttribute('datetime'))));
    for (const t of times) assert.ok(t >= newest - 30 * 86_400_000, `${new Date(t).toISOString()} is in the month`);
    assert.match(await page.locator('[data-testid="chip"]').first().textContent(), /Past month/);

    await page.locator('[data-testid="preset-week"]').click();
    await hashBecomes(page, '#/?past=week');
    assert.ok((await resultCount(page)) <= month);
    await page.goBack();
    await hashBecomes(page, '#/?past=month');

    await page.locator('[data-testid="date-to"]').focus();
    await page.keyboard.type('12312030');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.location.hash.includes('to=') && !window.location.hash.includes('past='));
  });
});
