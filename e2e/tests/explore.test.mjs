// Exploring the sample: search, facets, ranges and sorting narrow the list, and the URL hash
// holds the whole view, so a link, a reload, Back and Forward all reproduce it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cardsDrawn, hashOf, resultCount, useApp, withPage } from '../harness.mjs';

const app = useApp('BROADSHEET_DIST');

const COUNT = '[data-testid="result-count"]';

/** Opens `hash` on a fresh page and waits for the list (or the empty-results message). */
async function open(page, hash = '') {
  await page.goto(`${app.server.url}${hash}`);
  await page.locator(`${COUNT}`).waitFor();
}

/** Waits until the result count differs from `before`, then returns it. */
async function countChangedFrom(page, before) {
  await page.waitForFunction(
    ([selector, n]) => !document.querySelector(selector)?.textContent.startsWith(`${n} `),
    [COUNT, before],
  );
  return resultCount(page);
}

/** Waits for the address to read `want` and for the list under it to have drawn all its cards. */
async function hashBecomes(page, want) {
  await page.waitForFunction((h) => window.location.hash === h && !document.querySelector('.cards[aria-busy]'), want);
}

/** The first value listed in a facet panel: its key, label and count. */
async function firstValue(page, facet) {
  const row = page.locator(`[data-testid="facet-${facet}"] [data-facet-value]`).first();
  return {
    row,
    key: await row.getAttribute('data-facet-value'),
    label: (await row.locator('.facet-label').textContent()).trim(),
    count: Number(await row.locator('[data-testid="facet-count"]').textContent()),
  };
}

test('typing narrows the list, marks matches and adds one history entry per word typed, not per key', async () => {
  await withPage(app.browser, async (page) => {
    await open(page);
    const total = await resultCount(page);
    const entries = await page.evaluate(() => history.length);
    const search = page.locator('[data-testid="search"]');
    await search.pressSequentially('transit');
    await hashBecomes(page, '#/?q=transit');
    const narrowed = await resultCount(page);
    assert.ok(narrowed > 0 && narrowed < total, `"transit" should narrow ${total}, got ${narrowed}`);
    assert.equal(await page.locator('article.card').count(), narrowed);
    const marks = await page.locator('article.card mark').allTextContents();
    assert.ok(marks.length > 0, 'matches are marked');
    for (const mark of marks) assert.match(mark, /^transit/i, `marked ${JSON.stringify(mark)}`);
    assert.equal(
      await page.evaluate(() => history.length),
      entries + 1,
      'the first keystroke adds a history entry and the rest rewrite it',
    );
    assert.equal(await page.locator('[data-testid="sort"]').inputValue(), 'relevance');

    await search.press('Escape');
    await hashBecomes(page, '#/');
    assert.equal(await resultCount(page), total, 'Escape empties the search');
  });
});

test('a topic includes by checkbox and excludes by button, with counts that match', async () => {
  await withPage(app.browser, async (page) => {
    await open(page);
    const total = await resultCount(page);
    const topic = await firstValue(page, 'topic');
    assert.ok(topic.count > 0 && topic.count < total, `first topic count ${topic.count}`);

    await topic.row.locator('input[type=checkbox]').check();
    assert.equal(await countChangedFrom(page, total), topic.count, 'count beside the value');
    assert.equal(hashOf(page), `#/?topic=${encodeURIComponent(topic.key)}`);
    const topicsPerCard = await page
      .locator('article.card')
      .evaluateAll((cards) => cards.map((c) => [...c.querySelectorAll('ul.topics li')].map((li) => li.textContent)));
    for (const topics of topicsPerCard) assert.ok(topics.includes(topic.label), `${topics} lacks ${topic.label}`);
    await page.locator('[data-testid="chip"]', { hasText: topic.label }).waitFor();

    await topic.row.locator('[data-testid="exclude"]').click();
    assert.equal(await countChangedFrom(page, topic.count), total - topic.count, 'excluded');
    assert.equal(hashOf(page), `#/?topic=-${encodeURIComponent(topic.key)}`);
    const row = page.locator(`[data-testid="facet-topic"] [data-facet-value="${topic.key}"]`);
    assert.equal(await row.locator('[data-testid="exclude"]').getAttribute('aria-pressed'), 'true');
    assert.equal(await row.locator('input[type=checkbox]').isChecked(), false);
    assert.ok((await row.getAttribute('class')).includes('excluded'));

    await page.locator('[data-testid="clear-filters"]').click();
    await hashBecomes(page, '#/');
    assert.equal(await resultCount(page), total);
    assert.equal(await page.locator('[data-testid="clear-filters"]').count(), 0, 'nothing to clear');
  });
});

test('a deep link with a topic, a sort and a direction reproduces the view on a fresh load', async () => {
  await withPage(app.browser, async (page) => {
    await open(page);
    const topic = await firstValue(page, 'topic');
    await page.goto('about:blank');

    const hash = `#/?topic=${encodeURIComponent(topic.key)}&sort=date&order=asc`;
    await open(page, hash);
    assert.equal(await resultCount(page), topic.count);
    assert.equal(await page.locator('[data-testid="sort"]').inputValue(), 'date');
    assert.equal(await page.locator('[data-testid="order"]').getAttribute('data-order'), 'ascending');
    const row = page.locator(`[data-testid="facet-topic"] [data-facet-value="${topic.key}"]`);
    assert.equal(await row.locator('input[type=checkbox]').isChecked(), true);
    assert.deepEqual(await page.locator('[data-testid="chip"]').allInnerTexts(), [
      `Topic: ${topic.label}\n×`,
    ]);
    const dates = await page
      .locator('article.card time.published')
      .evaluateAll((els) => els.map((el) => Date.parse(el.getAttribute('datetime'))));
    assert.equal(dates.length, topic.count);
    for (let i = 1; i < dates.length; i += 1) {
      assert.ok(dates[i - 1] <= dates[i], `card ${i + 1} is older than card ${i}`);
    }
    assert.equal(hashOf(page), hash, 'a canonical link is left as it is');

    await page.reload();
    await cardsDrawn(page);
    assert.equal(await resultCount(page), topic.count, 'reload reproduces the view');
    assert.equal(await page.locator('[data-testid="sort"]').inputValue(), 'date');
  });
});

test('Back after opening an article restores the view and its scroll position', async () => {
  await withPage(app.browser, async (page) => {
    const hash = '#/?sort=date';
    await open(page, hash);
    const card = page.locator('article.card').nth(30);
    await card.scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, 120));
    const scrolled = await page.evaluate(() => window.scrollY);
    assert.ok(scrolled > 500, `the list should scroll, got ${scrolled}`);
    const id = await card.getAttribute('data-article-id');

    await card.locator('[data-testid="open-article"]').click();
    await page.locator('[data-testid="article-page"]').waitFor();
    assert.equal(hashOf(page), `#/article/${id}`);
    assert.equal(await page.evaluate(() => window.scrollY), 0, 'the article opens at its top');

    await page.goBack();
    await cardsDrawn(page);
    assert.equal(hashOf(page), hash);
    assert.equal(await page.locator('[data-testid="sort"]').inputValue(), 'date');
    await page.waitForFunction((y) => Math.abs(window.scrollY - y) <= 1, scrolled);

    await page.goForward();
    await page.locator('[data-testid="article-page"]').waitFor();
    await page.goBack();
    await cardsDrawn(page);
    await page.waitForFunction((y) => Math.abs(window.scrollY - y) <= 1, scrolled);
  });
});

/** Records each change of the number of cards in the list: how many, and whether it is busy. */
function recordDrawing() {
  window.__drawn = [];
  new MutationObserver(() => {
    const cards = document.querySelectorAll('article.card').length;
    if (cards !== (window.__drawn.at(-1)?.cards ?? 0)) {
      window.__drawn.push({ cards, busy: document.querySelector('.cards[aria-busy="true"]') !== null });
    }
  }).observe(document, { childList: true, subtree: true });
}

test('a list draws its first screen of cards with the results and the rest in the tasks after, but whole on Back', async () => {
  await withPage(app.browser, async (page) => {
    await page.addInitScript(recordDrawing);
    await open(page, '#/?sort=date');
    await cardsDrawn(page);
    const drawn = await page.evaluate(() => window.__drawn);
    assert.deepEqual(drawn[0], { cards: 8, busy: true }, 'a screenful first, the list busy');
    assert.deepEqual(drawn.at(-1), { cards: 50, busy: false }, 'then the whole page');
    assert.ok(drawn.length > 2, `in several steps: ${JSON.stringify(drawn)}`);

    await page.locator('article.card [data-testid="open-article"]').nth(40).click();
    await page.locator('[data-testid="article-page"]').waitFor();
    await page.evaluate(() => {
      window.__drawn = [];
    });
    await page.goBack();
    await cardsDrawn(page);
    const back = await page.evaluate(() => window.__drawn.filter((d) => d.cards > 0));
    assert.deepEqual(back[0], { cards: 50, busy: false }, 'Back draws the list it left whole, to scroll and focus in');
  });
});

test("an article's back-to-results link returns to the view the reader came from", async () => {
  await withPage(app.browser, async (page) => {
    await open(page);
    const topic = await firstValue(page, 'topic');
    await page.locator('[data-testid="search"]').pressSequentially('the');
    await hashBecomes(page, '#/?q=the');
    await topic.row.locator('input[type=checkbox]').check();
    const hash = `#/?q=the&topic=${encodeURIComponent(topic.key)}`;
    await hashBecomes(page, hash);
    const count = await resultCount(page);

    await page.locator('article.card [data-testid="open-article"]').first().click();
    await page.locator('[data-testid="article-page"]').waitFor();
    const back = page.locator('[data-testid="back-link"]');
    assert.equal(await back.getAttribute('href'), hash);
    await back.click();
    await cardsDrawn(page);
    assert.equal(hashOf(page), hash);
    assert.equal(await resultCount(page), count);
    assert.equal(await page.locator('[data-testid="search"]').inputValue(), 'the');
  });
});

test('a junk link shows a notice and a usable page', async () => {
  await withPage(app.browser, async (page) => {
    await open(page, '#/?heat=abc&zzz=1&q=%E0%A4%A');
    const notice = page.locator('[data-testid="notice"]');
    await notice.waitFor();
    assert.equal(await notice.locator('li').count(), 3, await notice.innerText());
    assert.match(await notice.innerText(), /heat=abc/);
    assert.match(await notice.innerText(), /zzz/);
    assert.equal(await page.locator('[data-testid="heat-min"]').inputValue(), '');

    await page.locator('[data-testid="dismiss-notice"]').click();
    await notice.waitFor({ state: 'detached' });
    // Select all and delete, as a reader clears a field.
    await page.locator('[data-testid="search"]').press('ControlOrMeta+A');
    await page.locator('[data-testid="search"]').press('Backspace');
    await hashBecomes(page, '#/');
    assert.ok((await resultCount(page)) >= 60, 'the page still works');
  });
});

test('date fields, a click on the date histogram and the heat range narrow the list', async () => {
  await withPage(app.browser, async (page) => {
    await open(page);
    const total = await resultCount(page);

    // A date field takes its digits month, day, year in the en-US locale the browser runs in.
    // Focus (not a click, which lands on whichever segment is under the pointer) starts at
    // the month.
    await page.locator('[data-testid="date-from"]').focus();
    await page.keyboard.type('06012024');
    await page.keyboard.press('Enter');
    await hashBecomes(page, '#/?from=2024-06-01');
    const since = await resultCount(page);
    assert.ok(since > 0 && since < total, `from 2024-06-01: ${since} of ${total}`);
    const days = await page
      .locator('article.card time.published')
      .evaluateAll((els) => els.map((el) => el.getAttribute('datetime').slice(0, 10)));
    for (const day of days) assert.ok(day >= '2024-06-01', `${day} is before the range`);
    await page.locator('[data-testid="chip-remove"]').click();
    await hashBecomes(page, '#/');

    const chart = page.locator('[data-testid="date-histogram"]');
    await chart.scrollIntoViewIfNeeded();
    let box = await chart.boundingBox();
    const bars = await chart.locator('g.bar').count();
    // The middle of the last bar: one bar's days.
    await page.mouse.click(box.x + box.width * (1 - 0.5 / bars), box.y + box.height / 2);
    await page.waitForFunction(() => /from=.*&to=/.test(window.location.hash));
    const from = await page.locator('[data-testid="date-from"]').inputValue();
    const to = await page.locator('[data-testid="date-to"]').inputValue();
    assert.ok(from && to && from <= to, `a bar selects its days: ${from}..${to}`);

    // A drag across the whole chart selects every day.
    box = await chart.boundingBox();
    await page.mouse.move(box.x + 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.move(box.x + box.width - 2, box.y + box.height / 2);
    await page.mouse.up();
    await page.waitForFunction((f) => !window.location.hash.includes(`from=${f}`), from);
    assert.equal(await page.locator('[data-testid="date-to"]').inputValue(), to);
    assert.equal(await resultCount(page), total, 'the whole span holds every article');

    await page.locator('[data-testid="clear-filters"]').click();
    await hashBecomes(page, '#/');
    await page.locator('[data-testid="heat-min"]').pressSequentially('300');
    await page.locator('[data-testid="heat-min"]').press('Enter');
    await hashBecomes(page, '#/?heat=300..');
    const heats = await page
      .locator('article.card [data-testid="heat"]')
      .evaluateAll((els) => els.map((el) => Number(el.textContent)));
    assert.ok(heats.length > 0 && heats.length < total);
    for (const heat of heats) assert.ok(heat >= 300, `heat ${heat} is below 300`);
  });
});

test('a year typed digit by digit is read once it is whole, never as year 2, 20 or 202', async () => {
  await withPage(app.browser, async (page) => {
    // A date field reports a whole date after every digit of its year; read as such, "2" was
    // year 0002, which left no results, redrew the filters and lost the rest of the year.
    await open(page, '#/?type=video');
    await page.locator('[data-testid="date-to"]').focus();
    await page.keyboard.type('09012024');
    await page.keyboard.press('Enter');
    await hashBecomes(page, '#/?type=video&to=2024-09-01');
    assert.equal(await page.locator('[data-testid="date-to"]').inputValue(), '2024-09-01');
    assert.ok((await resultCount(page)) > 0, 'videos up to 2024-09-01 are listed');
  });
});

test('relevance and its boost are offered only with a query, kept in the link, and dropped with relevance', async () => {
  await withPage(app.browser, async (page) => {
    await open(page);
    const sorts = () =>
      page.locator('[data-testid="sort"] option').evaluateAll((os) => os.map((o) => o.value));
    assert.deepEqual(await sorts(), ['heat', 'date', 'quality', 'coverage']);
    assert.equal(await page.locator('[data-testid="boost-heat"]').count(), 0);

    await page.locator('[data-testid="search"]').pressSequentially('council');
    await hashBecomes(page, '#/?q=council');
    assert.deepEqual(await sorts(), ['heat', 'date', 'quality', 'coverage', 'relevance']);
    const slider = page.locator('[data-testid="boost-heat"]');
    await slider.fill('40');
    await hashBecomes(page, '#/?q=council&boost=heat:40');

    // The boost weighs relevance only: under another sort it has no control on screen, so it
    // leaves the link too rather than linger there unseen.
    await page.locator('[data-testid="sort"]').selectOption('quality');
    await hashBecomes(page, '#/?q=council&sort=quality');
    assert.equal(await page.locator('[data-testid="boost-heat"]').count(), 0);
    await page.locator('[data-testid="order"]').click();
    await hashBecomes(page, '#/?q=council&sort=quality&order=asc');

    await page.goBack();
    await hashBecomes(page, '#/?q=council&sort=quality');
    assert.equal(await page.locator('[data-testid="order"]').getAttribute('data-order'), 'descending');
  });
});

test('keyboard: / focuses the search, j and k move through results, Enter opens one', async () => {
  await withPage(app.browser, async (page) => {
    await open(page);
    await cardsDrawn(page);
    await page.keyboard.press('/');
    const focusedTestid = () => page.evaluate(() => document.activeElement?.dataset.testid ?? null);
    assert.equal(await focusedTestid(), 'search');
    await page.keyboard.type('council');
    await hashBecomes(page, '#/?q=council');
    assert.equal(await page.locator('[data-testid="search"]').inputValue(), 'council', 'no stray /');

    await page.locator('[data-testid="search"]').blur();
    const ids = await page
      .locator('article.card')
      .evaluateAll((cards) => cards.map((c) => c.dataset.articleId));
    assert.ok(ids.length >= 2, `need two results, got ${ids.length}`);
    const focusedCard = () =>
      page.evaluate(() => document.activeElement?.closest('article.card')?.dataset.articleId ?? null);
    await page.keyboard.press('j');
    assert.equal(await focusedCard(), ids[0]);
    await page.keyboard.press('j');
    assert.equal(await focusedCard(), ids[1]);
    await page.keyboard.press('k');
    assert.equal(await focusedCard(), ids[0]);
    await page.keyboard.press('ArrowDown');
    assert.equal(await focusedCard(), ids[1]);

    await page.keyboard.press('Enter');
    await page.locator('[data-testid="article-page"]').waitFor();
    assert.equal(hashOf(page), `#/article/${ids[1]}`);
  });
});
