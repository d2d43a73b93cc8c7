// How fast a long story's page shows at scale (issue 17: a 200-article story at 100,000
// articles in ≤ 300 ms cold), for scripts/measure-story.
//
//   node e2e/story-bench.mjs DIST [ID] [--runs 5]
//
// ID is an article of the story; without it, the first article listed by the highest
// coverage filter that finds one (`#/?coverage=<k>..`): the story with the most outlets, which
// in scripts/measure-story's corpus is the long one. Each run, in a fresh browser context (nothing cached, no
// service worker):
//   - from the list: the app is open on `#/?q=<nothing>` (started, no story file read), the
//     hash becomes `#/story/ID`; measured from that change to the timeline's first paint;
//   - cold: a new tab navigates to `#/story/ID`; measured from navigation start to the
//     timeline's first paint, the app's own start (wasm, entry file) included.
// Prints one JSON object: per measure the runs and their median, and the story's size.
import { launchBrowser, median, serveDir } from './harness.mjs';

const args = process.argv.slice(2);
const [dist, given] = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--runs');
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 5;
if (!dist) {
  console.error('usage: node e2e/story-bench.mjs DIST [ID] [--runs N]');
  process.exit(2);
}

/** Records, in each document, when the timeline first appears (after a paint). */
function watch() {
  new MutationObserver((_, observer) => {
    if (document.querySelector('[data-testid="timeline"]')) {
      observer.disconnect();
      requestAnimationFrame(() => setTimeout(() => (window.__storyPainted = performance.now())));
    }
  }).observe(document, { childList: true, subtree: true });
}

const server = await serveDir(dist);
const browser = await launchBrowser();

/** The first article of the view with the highest coverage, by bisection on `k`. */
async function widest() {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  page.setDefaultTimeout(120_000);
  await page.goto(`${server.url}#/`);
  await page.locator('[data-testid="result-count"]').waitFor();
  const first = async (k) => {
    await page.evaluate((h) => (location.hash = h), `#/?coverage=${k}..`);
    await page.waitForFunction((h) => location.hash === h, `#/?coverage=${k}..`);
    await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
    const card = page.locator('article.card[data-article-id]').first();
    return (await card.count()) > 0 ? card.getAttribute('data-article-id') : null;
  };
  let [low, high, id] = [1, 1024, null];
  while (low < high) {
    const k = Math.ceil((low + high) / 2);
    const found = await first(k);
    if (found) [low, id] = [k, found];
    else high = k - 1;
  }
  id ??= await first(low);
  await context.close();
  return id;
}

const id = given ?? (await widest());
const story = `#/story/${encodeURIComponent(id)}`;
try {
  const fromList = [];
  const cold = [];
  let size = null;
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    await context.addInitScript(watch);
    const page = await context.newPage();
    page.setDefaultTimeout(120_000);
    // A view that needs no shard: the app is started, the story's files are not read.
    await page.goto(`${server.url}#/?q=zzzzzz`);
    await page.locator('[data-testid="result-count"]').waitFor();
    const started = await page.evaluate((h) => {
      const t = performance.now();
      location.hash = h;
      return t;
    }, story);
    await page.waitForFunction(() => window.__storyPainted !== undefined, null, { polling: 20 });
    fromList.push((await page.evaluate(() => window.__storyPainted)) - started);
    size ??= await page.evaluate(() => ({
      reports: document.querySelector('[data-testid="story-reports"]').textContent.trim(),
      span: document.querySelector('[data-testid="story-span"]').textContent.trim(),
      items: document.querySelectorAll('[data-testid="timeline-item"]').length,
    }));

    const tab = await context.newPage();
    await tab.goto(`${server.url}${story}`);
    await tab.waitForFunction(() => window.__storyPainted !== undefined, null, { polling: 20 });
    cold.push(await tab.evaluate(() => window.__storyPainted));
    await context.close();
  }
  const round = (xs) => xs.map((x) => Math.round(x));
  console.log(
    JSON.stringify({
      story: { id, ...size },
      fromListMs: { runs: round(fromList), median: Math.round(median(fromList)) },
      coldMs: { runs: round(cold), median: Math.round(median(cold)) },
    }),
  );
} finally {
  await browser.close();
  await server.close();
}
