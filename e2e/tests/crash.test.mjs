// What a reader sees when the app panics, on the seed build, which scripts/test makes with the
// `crash-test` feature: searching for `crash:test` panics on purpose. The page (and the embed
// widget, in its frame on a host page) must show a short message with a link that reloads the
// same view and the panic text in a <details>, instead of freezing half-drawn.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useApp, withPage } from '../harness.mjs';

const app = useApp('BROADSHEET_SEED_DIST');

/** The errors a panic logs: the hook's own line and the abort that follows it. */
const PANIC = /Broadsheet stopped|unreachable|crash-test build/;

test('a panic replaces the page with a message, a reload link and the panic text', async () => {
  await withPage(
    app.browser,
    async (page, _offsite, problems) => {
      await page.goto(`${app.server.url}#/`);
      await page.locator('[data-testid="result-count"]').waitFor();
      const search = page.locator('[data-testid="search"]');
      await search.click();
      await search.pressSequentially('crash:tes');
      await page.waitForFunction(() => location.hash.startsWith('#/?q=crash'));
      const before = page.url();
      await search.pressSequentially('t');

      const crashed = page.locator('[data-testid="crashed"]');
      await crashed.waitFor();
      assert.equal((await crashed.locator('h1').textContent()).trim(), 'Broadsheet stopped');
      assert.equal(
        await page.evaluate(() => document.activeElement?.tagName),
        'H1',
        'focus moves to the message',
      );
      assert.equal(await page.locator('[data-testid="search"]').count(), 0, 'the app is gone');
      const reload = page.locator('[data-testid="crash-reload"]');
      assert.equal(await reload.textContent(), 'Reload this view');
      assert.equal(await reload.getAttribute('href'), before, 'the link keeps the view');
      const details = page.locator('[data-testid="crash-details"]');
      assert.equal(await details.getAttribute('open'), null, 'the panic text starts folded');
      assert.match(await details.locator('pre').textContent(), /crash-test build/);
      assert.ok(
        problems.some((p) => /Broadsheet stopped/.test(p)),
        `the panic is logged: ${problems}`,
      );

      // The link reloads the same view, and the app runs again.
      await Promise.all([page.waitForEvent('load'), reload.click()]);
      await page.locator('[data-testid="result-count"]').waitFor();
      assert.equal(page.url(), before);
      assert.equal(await page.locator('[data-testid="search"]').inputValue(), 'crash:tes');
      assert.equal(await page.locator('[data-testid="crashed"]').count(), 0);
    },
    { expected: PANIC },
  );
});

test('a panic inside the embed widget shows the message in its frame, sized to fit', async () => {
  await withPage(
    app.browser,
    async (page) => {
      // A host page of another origin (about:blank) framing the widget through embed.js.
      await page.setContent(
        `<!doctype html><title>Host</title><h1>Another site</h1>
         <script src="${app.server.url}embed.js" data-view="q=crash:tes"></script>`,
      );
      const frameElement = page.locator('iframe[data-broadsheet-embed]');
      await frameElement.waitFor();
      const frame = page.frameLocator('iframe[data-broadsheet-embed]');
      const search = frame.locator('[data-testid="search"]');
      await search.waitFor();
      await search.click();
      await search.press('End');
      await search.pressSequentially('t');

      const crashed = frame.locator('[data-testid="crashed"]');
      await crashed.waitFor();
      assert.equal((await crashed.locator('h1').textContent()).trim(), 'Broadsheet stopped');
      await frame.locator('[data-testid="crash-reload"]').waitFor();
      // The frame takes the message's height, as it takes the widget's.
      const messageHeight = Math.ceil(
        await crashed.evaluate((el) => el.getBoundingClientRect().height),
      );
      await page.waitForFunction(
        (h) => document.querySelector('iframe[data-broadsheet-embed]').style.height === `${h}px`,
        messageHeight,
      );
    },
    { expected: PANIC },
  );
});
