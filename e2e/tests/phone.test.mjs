// A reader on a 390 px phone (issue 19): the filters are a sheet whose button counts the
// results as boxes are ticked (drawn only while open), Share, Download and Boost sit in one menu
// so the first card is near the top, and the graph has finger-sized targets, a touch hint, no
// sideways scroll and its selection's panel in view. Screenshots go to
// /tmp/broadsheet-phone-*.png for review.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cardsDrawn, resultCount, useApp } from '../harness.mjs';

const app = useApp('BROADSHEET_DIST');
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 1 };
const SHOTS = process.env.BROADSHEET_SHOTS ?? '/tmp';

async function onPhone(fn) {
  const context = await app.browser.newContext(PHONE);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    await fn(page);
  } finally {
    await context.close();
  }
  assert.deepEqual(errors, [], 'no page errors');
}

const noSidewaysScroll = (page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test('on a phone the first card is near the top and the filters are a sheet that counts', async () => {
  await onPhone(async (page) => {
    await page.goto(`${app.server.url}#/`);
    const first = page.locator('article.card').first();
    await first.waitFor();
    const top = (await first.boundingBox()).y;
    await page.screenshot({ path: `${SHOTS}/broadsheet-phone-list.png` });
    assert.ok(top < 420, `the first card starts ${top} px down`);
    assert.equal(await noSidewaysScroll(page), 0, 'no sideways scroll');
    assert.equal(await page.locator('[data-testid="share"]').isVisible(), false, 'Share is in the menu');

    await page.locator('[data-testid="actions-toggle"]').tap();
    await page.locator('[data-testid="share"]').waitFor();
    assert.ok(await page.locator('[data-testid="export-csv"]').isVisible(), 'Download is in the menu');
    await page.screenshot({ path: `${SHOTS}/broadsheet-phone-menu.png` });
    await page.locator('[data-testid="actions-toggle"]').tap();

    const total = await resultCount(page);
    await page.locator('[data-testid="filters-toggle"]').tap();
    const done = page.locator('[data-testid="filters-done"]');
    await done.waitFor();
    const box = await done.boundingBox();
    assert.ok(box.y + box.height <= 844 && box.y > 844 - 120, `the button is at the foot of the screen: ${box.y}`);
    assert.match(await done.textContent(), new RegExp(`^Show ${total} articles$`));
    await page.locator('[data-testid="facet-topic"] [data-facet-value] input[type=checkbox]').first().tap();
    await page.waitForFunction(
      (n) => !document.querySelector('[data-testid="filters-done"]').textContent.includes(`Show ${n} `),
      total,
    );
    const label = await done.textContent();
    const shown = Number(/\d+/.exec(label)[0]);
    assert.ok(shown < total, `ticking a topic is seen at once: ${label}`);
    const again = await done.boundingBox();
    assert.ok(again.y > 844 - 120, 'the button stays in view while the sheet scrolls');
    await page.screenshot({ path: `${SHOTS}/broadsheet-phone-sheet.png` });
    await done.tap();
    await page.waitForFunction(() => !document.querySelector('.filters.open'));
    assert.equal(await resultCount(page), shown, 'the list shows what the button said');
    assert.ok((await page.locator('article.card').first().boundingBox()).y < 844, 'and its first card is on screen');
  });
});

test('on a phone the closed sheet is not drawn, and a window widened past it shows the filters', async () => {
  await onPhone(async (page) => {
    await page.goto(`${app.server.url}#/`);
    await cardsDrawn(page);
    const values = page.locator('#filters [data-facet-value]');
    assert.equal(await values.count(), 0, 'the closed sheet holds no facets');
    await page.locator('[data-testid="filters-toggle"]').tap();
    await values.first().waitFor();
    await page.locator('[data-testid="filters-done"]').tap();
    await page.waitForFunction(() => !document.querySelector('#filters [data-facet-value]'));
    await page.setViewportSize({ width: 1280, height: 844 });
    await values.first().waitFor({ state: 'visible' });
    assert.ok(await page.locator('[data-testid="date-histogram"]').isVisible(), 'the timeline beside the list');
  });
});

test('on a phone the graph has finger-sized targets, a touch hint, no sideways scroll and the panel in view', async () => {
  await onPhone(async (page) => {
    await page.goto(`${app.server.url}#/graph`);
    await page.waitForFunction(() => document.querySelector('[data-testid="graph"]')?.dataset.state === 'settled', null, {
      timeout: 60_000,
    });
    assert.ok(await page.locator('[data-testid="touch-hint"]').isVisible(), 'the touch hint shows');
    assert.match(await page.locator('[data-testid="touch-hint"]').textContent(), /tap/);
    assert.equal(await page.locator('.hint-pointer').isVisible(), false, 'no click or wheel hint');
    assert.equal(await noSidewaysScroll(page), 0, 'the legend fits: no sideways scroll');
    await page.screenshot({ path: `${SHOTS}/broadsheet-phone-graph.png`, fullPage: true });

    // A tap a few pixels beside a small circle still selects it: targets are 24 px across.
    const target = await page.evaluate(() => {
      const circles = [...document.querySelectorAll('svg[data-testid="graph"] circle.node')];
      const sized = circles.map((c) => ({ c, r: c.getBoundingClientRect() })).filter(({ r }) => r.width > 0);
      sized.sort((a, b) => a.r.width - b.r.width);
      const stage = document.querySelector('.graph-stage').getBoundingClientRect();
      const inside = sized.find(({ r }) => r.left > stage.left + 20 && r.right < stage.right - 20 && r.top > stage.top + 20 && r.bottom < stage.bottom - 20);
      if (!inside) return null;
      const { r, c } = inside;
      return { x: r.left + r.width / 2 + 11, y: r.top + r.height / 2, key: c.dataset.node, width: r.width };
    });
    assert.ok(target, 'a circle inside the picture');
    await page.touchscreen.tap(target.x, target.y);
    const panel = page.locator('[data-testid="node-details"]');
    await panel.waitFor();
    const box = await panel.boundingBox();
    assert.ok(box.y >= 0 && box.y < 844, `the panel starts on screen: ${box.y}`);
    await page.screenshot({ path: `${SHOTS}/broadsheet-phone-node.png` });
  });
});
