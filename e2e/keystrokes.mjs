// Timing keystrokes in a page, for e2e/peers-bench.mjs and e2e/keys-bench.mjs: each key is timed
// from its keydown to the results of the text typed so far in the DOM, and the next key is
// pressed only then.
//
// "Results of the text so far in the DOM" is read from the page: the peer pages set
// `#results[data-query]` with the results they render; Broadsheet's document title names the
// search its results show ("Search: q – Broadsheet"), `#results` is aria-busy while it
// still shows another view's results, and a card whose data is on its way is a placeholder. A MutationObserver checks after every change, so the
// time is taken inside the page, without polling delay, when the task that rendered ends.
import { TIMEOUT_MS } from './harness.mjs';

/**
 * Single words, so that every keystroke changes the query. All occur in generated articles:
 * their counts, per system, are in peers-bench.mjs's --json output.
 */
export const QUERIES = ['election', 'council', 'energy', 'transit', 'housing', 'budget', 'hospital'];

/** Whether a peer page shows the results of query `q`, as the body of a function of `q`. */
export const PEER_SHOWN = `return document.querySelector('#results')?.dataset.query === q;`;

/**
 * Whether Broadsheet shows the results of query `q`, as the body of a function of `q`: their
 * count, and the first screen's cards (the 8 the app draws first) with their text, as the peer
 * pages show their first results' titles. A card still on its way is a placeholder without
 * `data-article-id`, and does not count.
 */
export const BROADSHEET_SHOWN = `
  return document.title === (q === '' ? 'Broadsheet' : 'Search: ' + q + ' \u2013 Broadsheet') &&
    document.querySelector('[data-testid="result-count"]') !== null &&
    document.querySelector('#results[aria-busy]') === null &&
    [...document.querySelectorAll('article.card')].slice(0, 8).every((card) => card.dataset.articleId !== undefined);`;

/**
 * A script to run before the page's own (`addInitScript`), given the body of a `shown(q)`
 * function: `__want` is the query whose results are awaited (the search link's, until the
 * benchmark sets another), `__from` when the wait started (navigation start, 0, or a keydown),
 * `__shownAt` when those results and at least one card were in the DOM.
 */
export const init = (shown) => `
  const shown = (q) => { ${shown} };
  performance.setResourceTimingBufferSize(100000);
  window.__want = new URLSearchParams(location.hash.replace(/^#\\/?\\??/, '')).get('q') ?? '';
  window.__from = 0;
  window.__shownAt = undefined;
  const check = () => {
    if (window.__shownAt === undefined && window.__from !== undefined && shown(window.__want) &&
        (window.__want === '' || document.querySelector('article.card') !== null)) {
      window.__shownAt = performance.now();
    }
  };
  new MutationObserver(check).observe(document, {
    childList: true, subtree: true, characterData: true, attributes: true,
  });
`;

/** The value below which `p` percent of `xs` lie (nearest rank). */
export const percentile = (xs, p) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];

/**
 * Types `q` key by key into `page`'s focused search box (`[data-testid="search"]`), on a page
 * opened with `init`, once it shows its first results: ms from each keydown to the results of
 * the text typed so far. `after(i)`, when given, runs after key `i` is shown; its values come
 * back beside the times.
 */
export async function typeTimed(page, q, after = async () => undefined) {
  const search = page.locator('[data-testid="search"]');
  await search.focus();
  const times = [];
  const extra = [];
  for (let i = 1; i <= q.length; i += 1) {
    await page.evaluate((want) => {
      window.__want = want;
      window.__from = undefined;
      window.__shownAt = undefined;
      document.addEventListener('keydown', () => { window.__from = performance.now(); }, { capture: true, once: true });
    }, q.slice(0, i));
    await page.keyboard.press(q[i - 1]);
    await page.waitForFunction(() => window.__shownAt !== undefined);
    times.push(await page.evaluate(() => window.__shownAt - window.__from));
    extra.push(await after(i));
  }
  return { times, extra };
}

/**
 * A page in a new context of `browser` (empty cache, no service worker) with `init(shown)`.
 * Off-site requests (Broadsheet's article images) are answered empty at once: the machine has
 * no network.
 */
export async function openTimed(browser, shown, server) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const origin = new URL(server.url).origin;
  await context.route(
    (url) => url.origin !== origin && (url.protocol === 'http:' || url.protocol === 'https:'),
    (route) => route.fulfill({ status: 204, body: '' }),
  );
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT_MS * 3);
  await page.addInitScript(init(shown));
  return { context, page };
}
