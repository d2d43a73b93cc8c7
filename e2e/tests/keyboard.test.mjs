// A keyboard and screen-reader reader's place on the page: a skip link, a heading that says
// what the view is, focus on the new page's heading after a move (named in a live region),
// focus back on the opened card after Back, and a share dialog whose preview adds no tab stops
// and which Escape closes from anywhere in it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cardsDrawn, useApp, withPage } from '../harness.mjs';

const app = useApp('BROADSHEET_DIST');

/** What has the focus: tag, test id, and the article of the card it is in. */
const focused = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return {
      tag: el?.tagName,
      testid: el?.getAttribute('data-testid') ?? null,
      article: el?.closest('article.card')?.dataset.articleId ?? null,
      text: el?.textContent.trim(),
    };
  });

test('the first Tab reaches "Skip to results", which moves focus to the results', async () => {
  await withPage(app.browser, async (page) => {
    await page.goto(`${app.server.url}#/`);
    await cardsDrawn(page);
    await page.keyboard.press('Tab');
    const skip = page.locator('[data-testid="skip-to-results"]');
    assert.equal((await focused(page)).testid, 'skip-to-results');
    assert.ok((await skip.boundingBox()).y >= 0, 'the focused skip link is on screen');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'results');
    // The next Tab goes into the results, not back to the header.
    await page.keyboard.press('Tab');
    assert.ok(
      await page.evaluate(() => document.getElementById('results').contains(document.activeElement)),
      'Tab continues inside the results',
    );
  });
});

test('the heading names the view, and moving between pages moves focus and says where', async () => {
  await withPage(app.browser, async (page) => {
    await page.goto(`${app.server.url}#/`);
    await cardsDrawn(page);
    const title = page.locator('[data-testid="view-title"]');
    assert.equal(await title.textContent(), 'Top stories');
    const search = page.locator('[data-testid="search"]');
    await search.pressSequentially('transit');
    await page.waitForFunction(() => location.hash === '#/?q=transit');
    assert.equal(await title.textContent(), 'Search: transit');
    assert.equal(await page.title(), 'Search: transit – Broadsheet');
    assert.equal((await focused(page)).testid, 'search', 'typing keeps the focus in the field');

    // Open the third result from the keyboard.
    const card = page.locator('article.card').nth(2);
    const id = await card.getAttribute('data-article-id');
    await card.locator('[data-testid="open-article"]').focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="article-page"]').waitFor();
    const heading = (await page.locator('[data-testid="article-page"] h1').textContent()).trim();
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    assert.equal((await focused(page)).text, heading, 'focus is on the article heading');
    await page.waitForFunction(
      (t) => document.querySelector('[data-testid="announcer"]').textContent.includes(t),
      heading,
    );

    // Back: focus returns to the card that was opened.
    await page.goBack();
    await page.waitForFunction(() => location.hash === '#/?q=transit');
    await page.waitForFunction(
      (i) => document.activeElement?.closest('article.card')?.dataset.articleId === i,
      id,
    );
    const now = await focused(page);
    assert.equal(now.testid, 'open-article');
    assert.equal(now.article, id);
    await page.waitForFunction(
      () => document.querySelector('[data-testid="announcer"]').textContent.includes('Search: transit'),
    );
  });
});

test('the share dialog: the preview adds no tab stops and Escape closes it from anywhere', async () => {
  await withPage(app.browser, async (page) => {
    await page.goto(`${app.server.url}#/?q=transit`);
    await cardsDrawn(page);
    await page.locator('[data-testid="share"]').click();
    const dialog = page.locator('[data-testid="share-dialog"]');
    await dialog.waitFor();
    const preview = page.locator('[data-testid="embed-preview"]');
    assert.equal(await preview.evaluate((f) => f.inert), true, 'the preview is inert');

    // Tab through the whole dialog and round again: focus never enters the preview, and never
    // reaches the page behind the modal dialog (past the last stop it leaves the document, as
    // it would for the browser's own controls, and comes back to the first).
    const stops = new Set();
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const where = await page.evaluate(() => {
        const el = document.activeElement;
        return {
          inDialog: el === document.body || !!el?.closest('[data-testid="share-dialog"]'),
          isPreview: el?.getAttribute('data-testid') === 'embed-preview',
          name: `${el?.tagName}:${el?.getAttribute('data-testid') ?? el?.id ?? ''}`,
        };
      });
      assert.ok(where.inDialog, `Tab ${i + 1} stays in the dialog (${where.name})`);
      assert.ok(!where.isPreview, 'the preview takes no focus');
      if (where.name !== 'BODY:') stops.add(where.name);
    }
    assert.ok(stops.size >= 5 && stops.size <= 20, `a handful of tab stops: ${[...stops]}`);

    // Escape from a field deep in the dialog.
    await dialog.locator('[data-testid="embed-limit"]').focus();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });
});

test('the embed widget is a landmark with a heading', async () => {
  await withPage(app.browser, async (page) => {
    await page.goto(`${app.server.url}#/embed?q=transit`);
    await page.locator('[data-testid="embed-item"]').first().waitFor();
    assert.equal(await page.locator('main[data-testid="embed"]').count(), 1);
    const h1 = page.locator('main[data-testid="embed"] h1');
    assert.equal(await h1.textContent(), 'Broadsheet: Search: transit');
    const box = await h1.boundingBox();
    assert.ok(box.width <= 1 && box.height <= 1, 'read by screen readers, not shown');
  });
});
