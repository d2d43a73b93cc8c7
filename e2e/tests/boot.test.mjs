// Starting up: without WebAssembly, or when the app cannot load, the page says so instead of
// staying blank; with JavaScript off, the <noscript> note shows.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cardsDrawn, useApp, withPage } from '../harness.mjs';

const app = useApp('BROADSHEET_DIST');

const ERROR = '[data-testid="boot-error"]';

test('a browser without WebAssembly is told what is needed', async () => {
  await withPage(app.browser, async (page) => {
    await page.addInitScript(() => {
      delete globalThis.WebAssembly;
    });
    await page.goto(app.server.url);
    await page.locator(ERROR).waitFor();
    assert.match(await page.locator(`${ERROR} h1`).textContent(), /needs WebAssembly/);
    assert.equal(await page.locator('article.card').count(), 0);
    assert.equal(await page.locator(ERROR).getAttribute('role'), 'alert');
  });
});

test('an app that fails to instantiate says so, as text', async () => {
  await withPage(app.browser, async (page) => {
    await page.route(/_bg\.wasm$/, (route) =>
      route.fulfill({ status: 200, contentType: 'application/wasm', body: '<b>not wasm</b>' }),
    );
    await page.goto(app.server.url);
    await page.locator(ERROR).waitFor();
    assert.match(await page.locator(`${ERROR} h1`).textContent(), /could not start/);
    assert.equal(await page.locator(`${ERROR} b`).count(), 0, 'the message is text, not markup');
  });
});

test('with JavaScript off, the page says JavaScript and WebAssembly are needed', async () => {
  const context = await app.browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(app.server.url);
    const note = page.locator('.noscript');
    assert.equal(await note.isVisible(), true);
    assert.match(await note.textContent(), /needs JavaScript and WebAssembly/);
  } finally {
    await context.close();
  }
});

test("the stylesheet's rules all stand at the top level, as written: an unclosed rule nests the rest", async () => {
  await withPage(app.browser, async (page) => {
    await page.goto(app.server.url);
    await cardsDrawn(page);
    const sheet = await page.evaluate(() => {
      const own = [...document.styleSheets].find((s) => /\/app-[0-9a-f]+\.css$/.test(s.href ?? ''));
      // CSS nesting is not used on purpose: a style rule holding rules is a missing "}".
      const nested = [];
      const walk = (rules) => {
        for (const rule of rules) {
          if (rule instanceof CSSStyleRule && rule.cssRules.length > 0) nested.push(rule.selectorText);
          else if (rule.cssRules) walk(rule.cssRules);
        }
      };
      walk(own?.cssRules ?? []);
      return { found: Boolean(own), rules: own?.cssRules.length ?? 0, nested };
    });
    assert.ok(sheet.found && sheet.rules > 100, `the app's stylesheet is loaded: ${JSON.stringify(sheet)}`);
    assert.deepEqual(sheet.nested, [], 'no style rule holds other rules');
  });
});
