// A story's page on the bundled sample (`#/story/<id>`): reached from a card's "N outlets", an
// article's "Same story" and the graph's story list, its outlet strip counts what the card
// counts, its timeline runs from the first report on, Back returns to where the reader came
// from, a filtered story link opens fresh with what the list finds, and an unknown id says so.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { leadingCount, resultCount, showAllCards, useApp, withPage } from '../harness.mjs';

const app = useApp();

const CARD = 'article.card[data-article-id]';
const STORY = '[data-testid="story-page"]';
const ITEM = '[data-testid="timeline-item"]';

/** Opens the graph of every article, follows its first story's "whole story" link, and reads it. */
async function openFirstStoryFromGraph(page) {
  await page.goto(`${app.server.url}#/graph`);
  const entry = page.locator('[data-testid="story-list"] li[data-story]').first();
  await entry.waitFor();
  await entry.locator('[data-testid="whole-story"]').click();
  return readStory(page);
}

/** What the story page shows, once its timeline is drawn. */
async function readStory(page) {
  await page.locator(`${STORY} [data-testid="timeline"]`).waitFor();
  return page.evaluate(() => {
    const q = (s) => document.querySelector(s);
    const items = [...document.querySelectorAll('[data-testid="timeline-item"]')];
    return {
      hash: location.hash,
      title: q('#story-title').textContent.trim(),
      span: q('[data-testid="story-span"]').textContent.trim(),
      reports: q('[data-testid="story-reports"]').textContent.trim(),
      outlets: [...document.querySelectorAll('[data-testid="outlet"]')].map((o) => o.dataset.outlet),
      days: document.querySelectorAll('[data-testid="timeline-day"]').length,
      articles: items.filter((i) => i.dataset.articleId).map((i) => i.dataset.articleId),
      elsewhere: items.filter((i) => !i.dataset.articleId).length,
      times: items.map((i) => i.querySelector('time')?.getAttribute('datetime') ?? null),
      delays: items.map((i) => i.querySelector('[data-testid="delay"]')?.textContent ?? null),
      filtered: !!q('[data-testid="story-filtered"]'),
      strip: getComputedStyle(q('[data-testid="outlet-strip"]')).display,
      markers: getComputedStyle(q('[data-testid="timeline-item"]')).listStyleType,
      focused: document.activeElement?.id ?? null,
    };
  });
}

/** Checks what every story page must hold: a canonical key, one strip entry per outlet, a
 * timeline in time order that starts with its first report, and counts that agree. */
function checkStory(story) {
  const key = decodeURIComponent(/^#\/story\/([^?]+)/.exec(story.hash)?.[1] ?? '');
  assert.ok(story.articles.length > 0, `the story has articles: ${JSON.stringify(story)}`);
  if (!story.filtered) {
    assert.equal(key, story.articles[0], 'the link names the story by its earliest article');
  }
  assert.equal(new Set(story.outlets).size, story.outlets.length, 'each outlet once');
  const outlets = story.outlets.length;
  assert.match(story.span, new RegExp(`\\b${outlets} outlets?$`), 'the span counts the strip');
  assert.equal(leadingCount(story.reports), story.articles.length, 'the heading counts the articles');
  const dated = story.times.filter(Boolean);
  assert.deepEqual(dated, [...dated].sort(), 'the timeline runs forwards');
  const undated = story.times.indexOf(null);
  if (undated >= 0) assert.ok(story.times.slice(undated).every((t) => t === null), 'undated reports come last');
  assert.equal(story.delays[0], 'first report');
  assert.ok(story.days >= 1, 'grouped by day');
  assert.equal(story.strip, 'flex', 'the outlets stand in a strip');
  assert.equal(story.markers, 'none', 'the timeline draws no list numbers');
}

test("a card's outlets open its story, whose strip counts what the card counts; Back returns to the list", async () => {
  await withPage(app.browser, async (page) => {
    await page.goto(app.server.url);
    await page.locator(CARD).first().waitFor();
    const total = await resultCount(page);
    await showAllCards(page);
    const cards = await page.locator(CARD).evaluateAll((cs) =>
      cs.map((c) => ({ id: c.dataset.articleId, outlets: c.querySelector('[data-testid="coverage"]').textContent.trim() })),
    );
    const card = cards.find((c) => leadingCount(c.outlets) >= 3);
    assert.ok(card, `a sample card covered by 3 or more outlets: ${JSON.stringify(cards.slice(0, 5))}`);
    const link = page.locator(`${CARD}[data-article-id="${card.id}"] [data-testid="coverage"]`);
    await link.scrollIntoViewIfNeeded();
    const scrolled = await page.evaluate(() => scrollY);
    await link.click();
    const story = await readStory(page);
    checkStory(story);
    assert.equal(story.outlets.length, leadingCount(card.outlets), 'as many outlets as the card said');
    assert.ok(story.articles.includes(card.id), "the card's article is on its story's timeline");
    await page.waitForFunction(() => document.activeElement?.id === 'story-title');
    assert.match(await page.title(), /^Story: /);
    await page.goBack();
    await page.locator(CARD).first().waitFor();
    assert.equal(await resultCount(page), total, 'Back shows the list it left');
    assert.ok(!(await page.locator(STORY).count()), 'and not the story');
    await page.waitForFunction((y) => Math.abs(scrollY - y) < 2, scrolled);
  });
});

test("an article's same-story section opens the whole story; an article opened from it goes Back to its link", async () => {
  await withPage(app.browser, async (page) => {
    await page.goto(app.server.url);
    await page.locator(CARD).first().waitFor();
    await showAllCards(page);
    const withStory = await page.locator(CARD).evaluateAll((cs) =>
      cs.find((c) => /^([2-9]|\d\d+) outlets/.test(c.querySelector('[data-testid="coverage"]').textContent.trim()))
        ?.dataset.articleId,
    );
    assert.ok(withStory, 'a card whose story has two outlets or more');
    await page.locator(`${CARD}[data-article-id="${withStory}"] [data-testid="open-article"]`).click();
    const coverage = page.locator('[data-testid="story-coverage"]');
    await coverage.waitFor();
    const outlets = leadingCount((await coverage.textContent()).replace(/^Covered by /, ''));
    await page.locator('[data-testid="same-story"] [data-testid="whole-story"]').click();
    const story = await readStory(page);
    checkStory(story);
    assert.equal(story.outlets.length, outlets, 'the strip counts what "Same story" counts');
    assert.ok(story.articles.includes(withStory), 'the article is on the timeline');
    // Into another article of the story and Back: focus returns to its link on the timeline.
    const other = story.articles.find((a) => a !== withStory) ?? withStory;
    await page.locator(`${ITEM}[data-article-id="${other}"] [data-testid="open-article"]`).click();
    await page.locator(`[data-testid="article-page"][data-article-id="${other}"]`).waitFor();
    await page.goBack();
    await page.locator(`${STORY} [data-testid="timeline"]`).waitFor();
    await page.waitForFunction(
      (id) => document.activeElement?.closest('[data-testid="timeline-item"]')?.dataset.articleId === id,
      other,
    );
    await page.goBack();
    await page.locator(`[data-testid="article-page"][data-article-id="${withStory}"]`).waitFor();
  });
});

test("the graph's story list opens each story's page with the outlets it lists", async () => {
  await withPage(app.browser, async (page) => {
    await page.goto(`${app.server.url}#/graph`);
    const entry = page.locator('[data-testid="story-list"] li[data-story]').first();
    await entry.waitFor();
    const outlets = leadingCount((await entry.locator('[data-testid="story-outlets"]').textContent()).replace(/^Covered by /, ''));
    const members = await entry.locator('li.story-member[data-node]:not(.outside)').evaluateAll((ls) =>
      ls.map((l) => l.dataset.node),
    );
    assert.ok(members.length > 0, 'the first story has articles');
    await entry.locator('[data-testid="whole-story"]').click();
    const story = await readStory(page);
    checkStory(story);
    assert.equal(story.outlets.length, outlets, 'the strip counts what the story list counts');
    assert.deepEqual([...story.articles].sort(), [...members].sort(), 'the same articles');
    await page.goBack();
    await page.locator('[data-testid="story-list"]').waitFor();
    assert.match(await page.evaluate(() => location.hash), /^#\/graph/);
  });
});

test('a filtered story link opens fresh with the articles of the story the list finds', async () => {
  await withPage(app.browser, async (page) => {
    const whole = await openFirstStoryFromGraph(page);
    const word = whole.title.split(/\W+/).filter((w) => w.length >= 5).sort((a, b) => b.length - a.length)[0];
    assert.ok(word, `a word of the story's title to search for: ${whole.title}`);
    const key = /^#\/story\/([^?]+)/.exec(whole.hash)[1];
    // What the list finds for the word, typed as a reader would.
    await page.goto(`${app.server.url}#/`);
    await page.locator(CARD).first().waitFor();
    await page.locator('[data-testid="search"]').pressSequentially(word.toLowerCase());
    await page.waitForFunction((q) => location.hash === `#/?q=${q}`, word.toLowerCase());
    await page.locator(CARD).first().waitFor();
    await showAllCards(page);
    const found = new Set(await page.locator(CARD).evaluateAll((cs) => cs.map((c) => c.dataset.articleId)));
    const want = whole.articles.filter((a) => found.has(a));
    assert.ok(want.length > 0, 'the search finds the article whose title it came from');
    await withPage(app.browser, async (fresh) => {
      await fresh.goto(`${app.server.url}#/story/${key}?q=${encodeURIComponent(word.toLowerCase())}`);
      const story = await readStory(fresh);
      assert.ok(story.filtered, 'the page says it is filtered');
      checkStory(story);
      assert.deepEqual(story.articles, whole.articles.filter((a) => want.includes(a)), 'the story articles the list finds');
      assert.equal(story.hash, `#/story/${key}?q=${encodeURIComponent(word.toLowerCase())}`, 'the link stays as it was');
      await fresh.locator('[data-testid="whole-story"]').click();
      const all = await readStory(fresh);
      assert.equal(all.hash, whole.hash);
      assert.deepEqual(all.articles, whole.articles);
    });
  });
});

test("a story link by another of its articles' ids is written with the story's own key", async () => {
  await withPage(app.browser, async (page) => {
    const whole = await openFirstStoryFromGraph(page);
    const later = whole.articles.at(-1);
    await withPage(app.browser, async (fresh) => {
      await fresh.goto(`${app.server.url}#/story/${encodeURIComponent(later)}`);
      await fresh.waitForFunction((h) => location.hash === h, whole.hash);
      const story = await readStory(fresh);
      assert.deepEqual(story.articles, whole.articles);
      const entries = await fresh.evaluate(() => navigation.entries().length);
      assert.equal(entries, 1, 'the address was rewritten in place, not pushed');
    });
  });
});

test('a story link whose id names no article says there is no such story', async () => {
  await withPage(app.browser, async (page) => {
    for (const hash of ['#/story/no-such-article', '#/story/%3Cscript%3E?q=x', '#/story/%']) {
      await page.goto(`${app.server.url}${hash}`);
      const missing = page.locator('[data-testid="story-not-found"]');
      await missing.waitFor();
      assert.match(await missing.locator('h1').textContent(), /No such story/);
      assert.ok((await page.locator('[data-testid="missing-id"]').textContent()).length > 0);
      assert.equal(await page.title(), 'Story not found – Broadsheet');
    }
    await page.locator('[data-testid="back-link"]').click();
    await page.locator(CARD).first().waitFor();
  });
});
