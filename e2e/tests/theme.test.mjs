// Themes: light and dark follow the system until the reader toggles, the choice survives a
// reload, storage that refuses is no error, and the embed widget takes its theme from its link
// without touching the reader's stored choice.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useApp, withPage } from '../harness.mjs';

const app = useApp('BROADSHEET_DIST');

const TOGGLE = '[data-testid="theme-toggle"]';
const KEY = 'broadsheet:theme';

/** What the page shows: the attribute, the toggle's state and the page's background colour. */
const look = (page) =>
  page.evaluate((toggle) => ({
    attribute: document.documentElement.dataset.theme ?? null,
    pressed: document.querySelector(toggle)?.getAttribute('aria-pressed') ?? null,
    background: getComputedStyle(document.body).backgroundColor,
  }), TOGGLE);

const LIGHT = 'rgb(247, 245, 240)';
const DARK = 'rgb(21, 23, 26)';

async function open(page, hash = '') {
  await page.goto(`${app.server.url}${hash}`);
  await page.locator('[data-testid="result-count"]').first().waitFor();
}

test('follows the system, toggles, remembers the choice, and goes back to the system', async () => {
  await withPage(app.browser, async (page) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await open(page);
    assert.deepEqual(await look(page), { attribute: null, pressed: 'true', background: DARK });

    await page.locator(TOGGLE).click();
    assert.deepEqual(await look(page), { attribute: 'light', pressed: 'false', background: LIGHT });
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), 'light');

    await page.reload();
    await page.locator(TOGGLE).waitFor();
    assert.deepEqual(await look(page), { attribute: 'light', pressed: 'false', background: LIGHT });

    // Choosing dark under a dark system is following the system again.
    await page.locator(TOGGLE).click();
    assert.deepEqual(await look(page), { attribute: null, pressed: 'true', background: DARK });
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), null);

    // The system switching while the page is open is followed.
    await page.emulateMedia({ colorScheme: 'light' });
    await page.waitForFunction((t) => document.querySelector(t).getAttribute('aria-pressed') === 'false', TOGGLE);
    assert.deepEqual(await look(page), { attribute: null, pressed: 'false', background: LIGHT });
    await page.locator(TOGGLE).click();
    assert.deepEqual(await look(page), { attribute: 'dark', pressed: 'true', background: DARK });
  });
});

test('storage that refuses is ignored without errors', async () => {
  await withPage(app.browser, async (page) => {
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('storage is off', 'SecurityError');
        },
      });
    });
    await page.emulateMedia({ colorScheme: 'light' });
    await open(page);
    assert.deepEqual(await look(page), { attribute: null, pressed: 'false', background: LIGHT });
    await page.locator(TOGGLE).click();
    assert.deepEqual(await look(page), { attribute: 'dark', pressed: 'true', background: DARK });
  });
});

test('the widget takes its theme from its link and leaves the stored choice alone', async () => {
  await withPage(app.browser, async (page) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await open(page);
    await page.locator(TOGGLE).click();
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), 'dark');

    for (const [theme, attribute, background] of [
      ['light', 'light', LIGHT],
      ['dark', 'dark', DARK],
      // auto: the system's (light here), not the stored dark.
      ['auto', null, LIGHT],
    ]) {
      await page.goto('about:blank');
      await open(page, `#/embed?theme=${theme}`);
      const shown = await look(page);
      assert.deepEqual(
        { attribute: shown.attribute, background: shown.background, toggle: shown.pressed },
        { attribute, background, toggle: null },
        `theme=${theme}`,
      );
    }
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), 'dark', 'untouched');
  });
});
