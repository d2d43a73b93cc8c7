// The graph view names what it shows (bundled sample): each story's hub carries a short title,
// labels never overlap (read from their bounding boxes), the largest story's label is always
// drawn, hovering a circle or focusing the picture shows a node's label, and the arrow keys step
// the selection through the nodes in the order of the story list beside the picture.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useApp, withPage } from '../harness.mjs';

const app = useApp();

const SETTLED = '[data-testid="graph"][data-state="settled"]';

/** The labels drawn (not hidden), with their boxes on screen, once the picture has settled. */
async function shownLabels(page) {
  await page.locator(SETTLED).waitFor();
  // Labels are placed in the frame that settles the layout: wait for one to be drawn.
  await page.waitForFunction(() =>
    [...document.querySelectorAll('[data-testid="graph-label"]')].some((l) => l.getAttribute('visibility') !== 'hidden' && l.hasAttribute('x')),
  );
  return page.locator('[data-testid="graph-label"]').evaluateAll((ls) =>
    ls.map((l) => {
      const r = l.getBoundingClientRect();
      return {
        node: l.dataset.node,
        text: l.textContent,
        shown: l.getAttribute('visibility') !== 'hidden',
        box: [r.left, r.top, r.right, r.bottom],
      };
    }),
  );
}

const overlap = (a, b) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

test('the graph labels its story hubs with short titles that never overlap', async () => {
  await withPage(app.browser, async (page) => {
    await page.setViewportSize({ width: 900, height: 800 });
    await page.goto(`${app.server.url}#/graph`);
    const labels = await shownLabels(page);
    const stories = await page.locator('[data-testid="story-list"] li[data-story]').count();
    assert.ok(stories > 1, 'the sample graph has several stories');
    assert.equal(labels.length, stories, 'one label per story');
    const shown = labels.filter((l) => l.shown);
    assert.ok(shown.length >= 2, `several labels drawn: ${JSON.stringify(labels.map((l) => [l.text, l.shown]))}`);
    assert.ok(labels[0].shown, "the largest story's label is always drawn");
    for (const l of labels) {
      assert.ok(l.text.length > 0 && [...l.text].length <= 28, `a short title: ${l.text}`);
      const circle = page.locator(`[data-testid="graph"] circle[data-node="${l.node}"]`);
      assert.equal(await circle.count(), 1, `the label names a node of the picture: ${l.node}`);
    }
    for (const [i, a] of shown.entries()) {
      for (const b of shown.slice(i + 1)) {
        assert.ok(!overlap(a.box, b.box), `"${a.text}" ${a.box} and "${b.text}" ${b.box} overlap`);
      }
    }
    // Zooming out crowds the labels: still none overlaps, and the largest story keeps its own.
    for (let i = 0; i < 4; i++) await page.locator('[data-testid="graph-zoom-out"]').click();
    await page.waitForFunction(
      (n) => [...document.querySelectorAll('[data-testid="graph-label"]')].filter((l) => l.getAttribute('visibility') !== 'hidden').length < n,
      shown.length,
    );
    const crowded = (await shownLabels(page)).filter((l) => l.shown);
    assert.equal(crowded[0]?.node, labels[0].node, 'the largest story keeps its label');
    for (const [i, a] of crowded.entries()) {
      for (const b of crowded.slice(i + 1)) assert.ok(!overlap(a.box, b.box), `${a.text} / ${b.text}`);
    }
  });
});

test('hovering a circle or focusing the picture shows a label; arrow keys step the selection', async () => {
  await withPage(app.browser, async (page) => {
    await page.goto(`${app.server.url}#/graph`);
    await page.locator(SETTLED).waitFor();
    const tooltip = page.locator('[data-testid="graph-tooltip"]');
    // Hover: the node's title.
    const first = page.locator('[data-testid="story-list"] li[data-story]').first();
    const order = await page.locator('[data-testid="story-list"] li[data-story] li[data-node]').evaluateAll((ls) =>
      ls.map((l) => ({ key: l.dataset.node, title: l.querySelector('a').textContent.trim() })),
    );
    assert.ok(order.length > 2, 'the story list names the nodes');
    assert.ok(await first.count());
    const circle = page.locator(`[data-testid="graph"] circle[data-node="${order[0].key}"]`);
    const box = await circle.boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await tooltip.waitFor();
    assert.ok((await tooltip.innerText()).startsWith(order[0].title), 'the hovered node is named');
    await page.mouse.move(1, 1);
    await tooltip.waitFor({ state: 'hidden' });

    // Keyboard: Tab onto the picture, then the arrows.
    await page.locator('[data-testid="graph-zoom-out"]').focus();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'graph', 'the picture takes focus');
    // Where the picture is on screen: the arrows must not scroll the page (the first selection
    // brings the details panel below the picture into view, as a click does).
    const top = () => page.evaluate(() => Math.round(document.querySelector('[data-testid="graph"]').getBoundingClientRect().top));
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((k) => location.hash === `#/graph?node=${encodeURIComponent(k)}`, order[0].key);
    await tooltip.waitFor();
    await page.locator('[data-testid="node-details"]').waitFor();
    const before = await top();
    assert.ok((await tooltip.innerText()).startsWith(order[0].title), 'focus shows the selected node');
    assert.equal(await circle.getAttribute('data-selected'), '');
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction((k) => location.hash === `#/graph?node=${encodeURIComponent(k)}`, order[1].key);
    await page.waitForFunction((t) => document.querySelector('[data-testid="graph-tooltip"]').innerText.startsWith(t), order[1].title);
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction((k) => location.hash === `#/graph?node=${encodeURIComponent(k)}`, order[0].key);
    assert.equal(await top(), before, 'the picture stays where it was under the arrows');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => location.hash === '#/graph');
    await tooltip.waitFor({ state: 'hidden' });
    // Enter opens the selected node.
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((k) => location.hash.endsWith(`node=${encodeURIComponent(k)}`), order[0].key);
    await page.keyboard.press('Enter');
    await page.waitForFunction((k) => location.hash === `#/article/${encodeURIComponent(k)}`, order[0].key);
  });
});

test('on a canvas the arrow keys and the focus label work the same', async () => {
  await withPage(app.browser, async (page) => {
    await page.goto(`${app.server.url}?renderer=canvas#/graph`);
    await page.locator('[data-testid="graph"][data-renderer="canvas"][data-state="settled"]').waitFor();
    const first = page.locator('[data-testid="story-list"] li[data-story] li[data-node]').first();
    const key = await first.getAttribute('data-node');
    const title = (await first.locator('a').textContent()).trim();
    await page.locator('[data-testid="graph"]').focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((k) => location.hash === `#/graph?node=${encodeURIComponent(k)}`, key);
    const tooltip = page.locator('[data-testid="graph-tooltip"]');
    await tooltip.waitFor();
    assert.ok((await tooltip.innerText()).startsWith(title), 'the selected node is named');
  });
});
