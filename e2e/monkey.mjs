// The seeded "monkey": random reader actions on a built page, with the app's invariants checked
// after every one, and a failing run shrunk to the shortest list of actions that still fails.
//
// An action list is made up front from a seed (`plan`), independent of what the page shows: each
// action carries a number `r` in [0, 1) that picks among what the page offers when it runs (the
// 3rd of 7 checkboxes, say), and an action the page does not offer then does nothing. So a list
// replays the same way on the same build, and dropping actions from it (to shrink it) still
// gives a list that runs.
//
// After every action, once nothing on the page is busy:
// - the page logged no console error and threw nothing, and did not stop (no panic message);
// - the hash is canonical: a fresh load of the same address keeps it as it is;
// - where the page shows a count, it is the count a fresh load of the same address shows;
// - after Back or Forward, the page shows the hash and count it showed when the reader left that
//   history entry.
import assert from 'node:assert/strict';
import { openPage } from './harness.mjs';

/** The most results an export action downloads (larger exports take tens of seconds). */
const MAX_EXPORT = 5000;

/**
 * How long the page may stay busy after an action: longer than its slowest legitimate page,
 * so that only a page that never settles fails. At 100,000 articles that is the graph of a
 * view of a few thousand (2,659 articles: 2,014 article files, 100 MB, 30–37 s on two cores;
 * found by seed 1), which the graph needs whole for the nodes' titles and related links.
 */
const SETTLE_MS = 60_000;

/** mulberry32: small, fast and good enough to pick actions. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Words a reader might type: some match the sample, some match nothing anywhere. */
const WORDS = [
  'zebra', 'x', 'zz', 'xylophone', 'zzzzqx', 'the', 'market', 'ai', 'transit', 'rail',
  'cricket world', 'council', 'e', 'a', 'ukraine', 'robot', 'wzwb', 'energy', 'q', 'city',
];

/** Links pasted or edited by hand: odd, broken and hostile hashes among real ones. */
const HASHES = [
  '#/?q=zzzz', '#/?q=robot', '#/', '#/?sort=date&order=asc', '#/?topic=-x,y&heat=5..1',
  '#/?sort=nope&zzz=1', '#/?q=%E2%80%AE%ZZ', '#/?heat=-5..&quality=..100', '#/article/nope',
  '#/graph', '#/graph?q=a&node=zzz', '#/?v=9&q=a', '#/embed?limit=500&facets=zz,topic',
  '#/?coverage=3..', '#/?from=2024-01-01&to=2023-01-01', '#/?q=the&sort=relevance&boost=heat:100',
  '#////?q=%00', '#/?topic=' + 'a,'.repeat(40),
];

/** Kinds of action and how often each is picked. */
const WEIGHTS = {
  type: 15, backspace: 6, escape: 3, include: 8, exclude: 4, dates: 3, score: 4, coverage: 2,
  sort: 3, order: 2, more: 3, open: 5, back: 8, forward: 4, graph: 2, node: 3, share: 2,
  theme: 1, export: 1, hash: 4, clear: 2, chip: 2, story: 2,
};

/** `count` actions from `seed`. */
export function plan(seed, count) {
  const random = rng(seed);
  const kinds = Object.entries(WEIGHTS);
  const total = kinds.reduce((sum, [, w]) => sum + w, 0);
  const actions = [];
  for (let i = 0; i < count; i++) {
    let pick = random() * total;
    const [kind] = kinds.find(([, w]) => (pick -= w) < 0) ?? kinds[0];
    actions.push({ kind, r: Math.floor(random() * 1e6) / 1e6, s: Math.floor(random() * 1e6) / 1e6 });
  }
  return actions;
}

const pickOf = (list, r) => list[Math.min(list.length - 1, Math.floor(r * list.length))];

/** The visible elements matching `selector`, one of them picked by `r`, or null. */
async function pickVisible(page, selector, r) {
  const all = page.locator(selector);
  const n = await all.count();
  const visible = [];
  for (let i = 0; i < n; i++) if (await all.nth(i).isVisible()) visible.push(all.nth(i));
  return visible.length === 0 ? null : pickOf(visible, r);
}

/** Replaces a number field's text with real keystrokes and commits it with Enter. */
async function typeInto(page, field, text) {
  await field.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  if (text) await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** Runs one action; returns what it did, for the log. */
async function act(page, { kind, r, s }) {
  const search = page.locator('[data-testid="search"]');
  const hasSearch = async () => (await search.count()) > 0 && (await search.first().isVisible());
  switch (kind) {
    case 'type': {
      if (!(await hasSearch())) return 'type: no search box';
      const word = pickOf(WORDS, r);
      const text = s < 0.3 ? word.slice(0, 1 + Math.floor(s * 10)) : word;
      await search.first().click();
      await page.keyboard.press('End');
      const current = await search.first().inputValue();
      await search.first().pressSequentially(current && s > 0.5 ? ` ${text}` : text);
      return `type ${JSON.stringify(text)}`;
    }
    case 'backspace': {
      if (!(await hasSearch())) return 'backspace: no search box';
      await search.first().click();
      await page.keyboard.press('End');
      const times = 1 + Math.floor(r * 3);
      for (let i = 0; i < times; i++) await search.first().press('Backspace');
      return `backspace ×${times}`;
    }
    case 'escape': {
      if (!(await hasSearch())) return 'escape: no search box';
      await search.first().click();
      await search.first().press('Escape');
      return 'escape';
    }
    case 'include': {
      const box = await pickVisible(page, '[data-testid^="facet-"] input[type=checkbox]', r);
      if (!box) return 'include: none';
      await box.click();
      return 'include a facet value';
    }
    case 'exclude': {
      const button = await pickVisible(page, '[data-testid="exclude"]', r);
      if (!button) return 'exclude: none';
      await button.click();
      return 'exclude a facet value';
    }
    case 'dates': {
      const field = await pickVisible(page, '[data-testid="date-from"], [data-testid="date-to"]', r);
      if (!field) return 'dates: none';
      const year = 2019 + Math.floor(s * 7);
      const month = String(1 + Math.floor(r * 12)).padStart(2, '0');
      // A date field takes month, day and year digits in turn (en-US), from its first segment.
      await field.focus();
      await page.keyboard.type(`${month}01${year}`);
      await page.keyboard.press('Enter');
      return `date ${year}-${month}-01`;
    }
    case 'score': {
      const field = await pickVisible(
        page,
        '[data-testid="heat-min"], [data-testid="heat-max"], [data-testid="quality-min"], [data-testid="quality-max"]',
        r,
      );
      if (!field) return 'score: none';
      const text = pickOf(['10', '50', '90', '0', '100', '-5', '12.5', '', '99.99', '1e3'], s);
      await typeInto(page, field, text);
      return `score ${JSON.stringify(text)}`;
    }
    case 'coverage': {
      const field = await pickVisible(page, '[data-testid="coverage-min"], [data-testid="coverage-max"]', r);
      if (!field) return 'coverage: none';
      const text = pickOf(['1', '2', '3', '5', '', '0'], s);
      await typeInto(page, field, text);
      return `coverage ${JSON.stringify(text)}`;
    }
    case 'sort':
    case 'order': {
      const select = await pickVisible(page, `select[data-testid="${kind}"]`, 0);
      if (!select) return `${kind}: none`;
      const values = await select.locator('option').evaluateAll((os) => os.map((o) => o.value));
      const value = pickOf(values, r);
      await select.selectOption(value);
      return `${kind} ${value}`;
    }
    case 'more': {
      const button = await pickVisible(page, '[data-testid="more-results"]', r);
      if (!button) return 'more: none';
      await button.click();
      return 'show more';
    }
    case 'open': {
      const link = await pickVisible(page, '[data-testid="open-article"]', r);
      if (!link) return 'open: none';
      await link.click();
      return 'open an article';
    }
    case 'back':
    case 'forward': {
      const canGo = await page.evaluate(
        (k) => (k === 'back' ? navigation.canGoBack : navigation.canGoForward),
        kind,
      );
      // The Navigation API lists this document's entries only, so Back never leaves the app.
      if (!canGo) return `${kind}: nowhere`;
      await (kind === 'back' ? page.goBack() : page.goForward());
      return kind;
    }
    case 'graph': {
      const link = await pickVisible(page, '[data-testid="graph-link"], [data-testid="graph-back"]', r);
      if (!link) return 'graph: none';
      await link.click();
      return 'graph link';
    }
    case 'story': {
      const link = await pickVisible(page, '[data-testid="coverage"], [data-testid="whole-story"]', r);
      if (!link) return 'story: none';
      await link.click();
      return 'story link';
    }
    case 'node': {
      const target = await pickVisible(
        page,
        '[data-testid="story-list"] button, [data-testid="node-close"], [data-testid="graph-fit"], [data-testid="graph-zoom-in"]',
        r,
      );
      if (!target) return 'node: none';
      await target.click();
      return 'graph control or node';
    }
    case 'share': {
      const button = await pickVisible(page, '[data-testid="share"]', 0);
      if (!button) return 'share: none';
      await button.click();
      const dialog = page.locator('[data-testid="share-dialog"]');
      await dialog.waitFor();
      if (r < 0.5) await page.keyboard.press('Escape');
      else await dialog.locator('[data-testid="share-close"]').click();
      await dialog.waitFor({ state: 'detached' });
      return 'share dialog opened and closed';
    }
    case 'theme': {
      const toggle = await pickVisible(page, '[data-testid="theme-toggle"]', 0);
      if (!toggle) return 'theme: none';
      await toggle.click();
      return 'theme';
    }
    case 'export': {
      const button = await pickVisible(page, '[data-testid^="export-"]', r);
      if (!button || (await button.isDisabled())) return 'export: none';
      // Exporting a whole large collection fetches every article file (3,000 at 100,000
      // articles) and takes longer than a wait here allows: a reader who does that waits too.
      const text = await page.locator('[data-testid="result-count"]').textContent();
      const count = Number(text.trim().split(/\s/)[0].replace(/\D/g, ''));
      if (!(count <= MAX_EXPORT)) return `export: ${count} results, too many to wait for`;
      const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
      assert.equal(await download.failure(), null, 'the export downloads');
      return `export ${download.suggestedFilename()}`;
    }
    case 'hash': {
      const hash = pickOf(HASHES, r);
      await page.evaluate((h) => {
        location.hash = h;
      }, hash);
      return `hash ${hash}`;
    }
    case 'clear': {
      const button = await pickVisible(page, '[data-testid="clear-filters"], [data-testid="drop-filter"]', r);
      if (!button) return 'clear: none';
      await button.click();
      return 'clear or drop filters';
    }
    case 'chip': {
      const button = await pickVisible(page, '[data-testid="chip-remove"]', r);
      if (!button) return 'chip: none';
      await button.click();
      return 'remove a chip';
    }
    default:
      throw new Error(`unknown action ${kind}`);
  }
}

/** Waits until nothing on the page is busy (results, cards, an article, the graph). */
export async function settle(page) {
  // Polled on a timer, not on animation frames, which a page the browser does not draw never runs.
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), null, {
    timeout: SETTLE_MS,
    polling: 100,
  });
}

/**
 * What the page shows, once it holds still: its hash and, where it has one, its count. Yew
 * draws a change and writes the hash in an effect a moment later, so a read right after an
 * action can see the new count beside the old hash; this reads after two animation frames
 * until two reads agree.
 */
async function shown(page) {
  let last = null;
  for (let i = 0; i < 20; i++) {
    const now = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const read = () =>
            resolve({
              hash: location.hash,
              count: document.querySelector('[data-testid="result-count"]')?.textContent ?? null,
              crashed: !!document.querySelector('[data-testid="crashed"]'),
            });
          requestAnimationFrame(() => requestAnimationFrame(read));
          // A page the browser does not draw (hidden behind a tab an action opened) runs no
          // animation frames; a timer still fires.
          setTimeout(read, 100);
        }),
    );
    if (last && JSON.stringify(last) === JSON.stringify(now)) return now;
    last = now;
  }
  return last;
}

/**
 * What a fresh load of each address shows, remembered (a build answers the same address the
 * same way), read in a tab of a browser context of its own, set up as the monkey's own page is
 * (`openPage`: no service worker, nothing fetched off-site). Each load adds a query string of
 * its own to the address, so it is a new document every time (never one the browser kept from
 * an earlier visit of the same address), which the app reads as it reads the bare address. A
 * fresh load that logs an error fails as the monkey's own page would. `close()` ends that
 * context.
 */
export function freshLoads(browser) {
  const seen = new Map();
  let opened;
  let loads = 0;
  const load = async (url) => {
    if (!seen.has(url)) {
      opened ??= await openPage(browser);
      const { page: tab, problems } = opened;
      const address = new URL(url);
      loads += 1;
      address.search = `?fresh=${loads}`;
      await tab.goto(address.href, { timeout: SETTLE_MS });
      await tab
        .locator('main, [data-testid="embed"], [data-testid="crashed"]')
        .first()
        .waitFor({ timeout: SETTLE_MS });
      await settle(tab);
      assert.deepEqual(problems, [], `a fresh load of ${url} reported errors`);
      seen.set(url, await shown(tab));
    }
    return seen.get(url);
  };
  load.close = async () => opened?.context.close();
  return load;
}

/**
 * Runs `actions` on `page`, which shows the app at `start`, checking the invariants after each.
 * `problems` is the page's console errors and exceptions so far. Throws at the first broken
 * invariant, naming the step.
 */
export async function run(page, start, actions, problems, { fresh, log = () => {} } = {}) {
  await page.goto(start, { timeout: SETTLE_MS });
  await page.locator('main').first().waitFor({ timeout: SETTLE_MS });
  await settle(page);
  const left = new Map();
  const entry = () => page.evaluate(() => navigation.currentEntry.key);
  left.set(await entry(), await shown(page));
  for (const [step, action] of actions.entries()) {
    const where = () => `step ${step + 1} (${action.kind}) at ${page.url()}`;
    const before =
      action.kind === 'back' || action.kind === 'forward'
        ? await page.evaluate((k) => {
            const entries = navigation.entries();
            const i = navigation.currentEntry.index + (k === 'back' ? -1 : 1);
            return entries[i]?.key ?? null;
          }, action.kind)
        : null;
    let did;
    try {
      did = await act(page, action);
      await settle(page);
    } catch (err) {
      err.message = `${where()}: ${err.message}`;
      throw err;
    }
    log(`${step + 1}. ${did} -> ${page.url().replace(/^[^#]*/, '')}`);
    const now = await shown(page);
    assert.ok(!now.crashed, `${where()}: the app stopped`);
    assert.deepEqual(problems, [], `${where()}: the page reported errors`);
    if (before && did === action.kind) {
      const then = left.get(before);
      if (then) assert.deepEqual(now, then, `${where()}: ${action.kind} shows the view it left`);
    }
    const loaded = await fresh(page.url());
    assert.equal(now.hash, loaded.hash, `${where()}: the hash is canonical`);
    assert.equal(now.count, loaded.count, `${where()}: the count is what a fresh load shows`);
    left.set(await entry(), now);
  }
}

/**
 * The shortest list found (by removing runs of actions, halving their length down to one) for
 * which `fails(list)` still holds, within `budget` tries and `seconds` of replaying.
 */
export async function shrink(actions, fails, { budget = 40, seconds = 240 } = {}) {
  const deadline = Date.now() + seconds * 1000;
  const more = (tries) => tries < budget && Date.now() < deadline;
  let list = actions;
  let tries = 0;
  for (let size = Math.ceil(list.length / 2); size >= 1 && more(tries); size = Math.floor(size / 2)) {
    for (let at = 0; at < list.length && more(tries); ) {
      const shorter = [...list.slice(0, at), ...list.slice(at + size)];
      tries += 1;
      if (shorter.length > 0 && (await fails(shorter))) list = shorter;
      else at += size;
    }
  }
  return list;
}
