// The saved views page with many views at scale: opens `#/saved` holding N views (default 100,
// the most a list keeps) of a sharded build and reports how long until every row shows its
// count, and the longest main-thread task on the way (what a reader's click would wait for).
//
//   node e2e/saved-bench.mjs DIST [--views 100]
//
// The views are topic, type and date filters (no search, so no search files are fetched): the
// time is the counting itself.
import { launchBrowser, serveDir } from './harness.mjs';

const args = process.argv.slice(2);
const dist = args.find((a) => !a.startsWith('--'));
const at = args.indexOf('--views');
const count = at >= 0 ? Number(args[at + 1]) : 100;
if (!dist) {
  console.error('usage: node e2e/saved-bench.mjs DIST [--views N]');
  process.exit(2);
}

const TOPICS = ['energy', 'transit', 'housing', 'health', 'education', 'elections', 'climate', 'budget'];
const views = Array.from({ length: count }, (_, i) => ({
  name: `view ${i + 1}`,
  // Each view its own (a list keeps a view once): a topic and a day to count from.
  hash: `#/?topic=${TOPICS[i % TOPICS.length]}&from=${new Date(Date.UTC(2023, 0, 1 + 5 * i)).toISOString().slice(0, 10)}`,
  seen: 1_700_000_000 + i * 86_400,
}));

const server = await serveDir(dist);
const browser = await launchBrowser();
try {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  await context.addInitScript(
    ([list]) => {
      const folder = location.pathname.replace(/index\.html$/, '');
      localStorage.setItem(`broadsheet:saved-views:${folder}`, list);
      window.__longest = 0;
      new PerformanceObserver((l) => {
        for (const e of l.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
      }).observe({ type: 'longtask' });
    },
    [JSON.stringify({ format: 'broadsheet-saved-views', version: 1, views })],
  );
  const page = await context.newPage();
  page.setDefaultTimeout(300_000);
  await page.goto(`${server.url}#/`);
  await page.locator('[data-testid="result-count"]').waitFor();
  await page.evaluate(() => (window.__longest = 0));
  const started = await page.evaluate(() => {
    const t = performance.now();
    location.hash = '#/saved';
    return t;
  });
  await page.waitForFunction(
    (n) =>
      document.querySelectorAll('[data-testid="saved-new"]').length === n &&
      !document.querySelector('[data-testid="saved-new"][aria-busy="true"]'),
    count,
    { polling: 20 },
  );
  const done = await page.evaluate(() => ({ at: performance.now(), longest: window.__longest }));
  const rows = await page.locator('[data-testid="saved-new"]').allTextContents();
  console.log(
    JSON.stringify({
      views: count,
      allCountedMs: Math.round(done.at - started),
      longestTaskMs: Math.round(done.longest),
      sample: rows.slice(0, 3),
    }),
  );
} finally {
  await browser.close();
  await server.close();
}
