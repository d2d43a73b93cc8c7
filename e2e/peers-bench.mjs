// Broadsheet against Pagefind and MiniSearch on the same articles (issue 15), for
// scripts/measure-peers, in one headless Chromium:
//
//   node e2e/peers-bench.mjs BROADSHEET_DIST PAGEFIND_SITE [MINISEARCH_SITE] [--rounds 3] [--json FILE]
//
// The peer sites come from bench/peers/sites.mjs (and Pagefind's indexer). Every page behaves
// alike for what is timed: `#/?q=words` is a search link, `[data-testid="result-count"]` the
// count, `article.card` a result, `[data-testid="search"]` the search box. Each load is in a new
// browser context (empty cache, no service worker) and the systems take turns, query by query,
// so that whatever else the machine does falls on all of them alike; every query is measured
// once per round (3 by default) and each number is the median (or p95) over all rounds.
//
// - cold search link: from navigation to the count and the first result cards of the query in
//   the DOM; the bytes are every file of the site's own origin whose response ended by then
//   (Resource Timing of the page and of its workers: Pagefind fetches from a web worker), so
//   whatever the page prefetched and had by then counts too; brotli 11, computed here from the
//   files on disk (the test server does not compress; Pagefind's index files are already gzip).
// - the same with the CPU slowed 4× (CDP Emulation.setCPUThrottlingRate) from before navigation.
// - keystrokes: a page opened with no query, once idle, gets each query typed with real key
//   events, one key at a time; each key is timed from its keydown to the results of the text
//   typed so far in the DOM, and the next key is pressed only then.
//
// How a keystroke is timed, and when results count as shown, is e2e/keystrokes.mjs's.
// Prints the markdown table; --json writes every measurement.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { launchBrowser, median, serveDir } from './harness.mjs';
import { BROADSHEET_SHOWN, openTimed, PEER_SHOWN, percentile, QUERIES, typeTimed } from './keystrokes.mjs';
import { sizesOf } from './measure-report.mjs';

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : undefined;
};
const jsonFile = option('--json');
const rounds = Number(option('--rounds') ?? 3);
const [broadsheetDist, pagefindSite, miniSearchSite] = args;
if (!broadsheetDist || !pagefindSite || !(rounds >= 1)) {
  console.error('usage: node e2e/peers-bench.mjs BROADSHEET_DIST PAGEFIND_SITE [MINISEARCH_SITE] [--rounds N] [--json FILE]');
  process.exit(2);
}

const systems = [
  { key: 'pagefind', name: 'Pagefind', dir: pagefindSite, shown: PEER_SHOWN },
  { key: 'broadsheet', name: 'Broadsheet', dir: broadsheetDist, shown: BROADSHEET_SHOWN },
  ...(miniSearchSite ? [{ key: 'minisearch', name: 'MiniSearch', dir: miniSearchSite, shown: PEER_SHOWN }] : []),
];

const open = (browser, system, server) => openTimed(browser, system.shown, server);

// The site's own files a page or worker has fetched (status 200): path and when the response
// ended, on the page's clock (each worker has its own time origin). Pagefind searches in a web
// worker, whose fetches are only in the worker's timeline.
const ENTRIES = ({ origin, timeline }) =>
  [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
    .filter((e) => e.name.startsWith(origin) && e.responseStatus === 200)
    .map((e) => ({ path: decodeURIComponent(new URL(e.name).pathname), end: e.responseEnd + performance.timeOrigin - timeline }));

async function fetchedFiles(page, origin) {
  const timeline = await page.evaluate(() => performance.timeOrigin);
  const lists = [page, ...page.workers()].map((where) => where.evaluate(ENTRIES, { origin, timeline }));
  return (await Promise.all(lists)).flat();
}

/** Brotli 11 bytes of the files served from `dir` at `paths`. */
async function brotli(dir, paths) {
  let sum = 0;
  for (const path of paths) {
    const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
    sum += sizesOf(await readFile(file)).brotli;
  }
  return sum;
}

/** Opens the search link of `q`: ms from navigation to its results, the bytes fetched by then, the count. */
async function coldLink(browser, system, server, q, throttle) {
  const { context, page } = await open(browser, system, server);
  try {
    if (throttle) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    }
    await page.goto(`${server.url}#/?q=${encodeURIComponent(q)}`);
    await page.waitForFunction(() => window.__shownAt !== undefined);
    const ms = await page.evaluate(() => window.__shownAt);
    const count = Number((await page.locator('[data-testid="result-count"]').textContent()).replace(/\D/g, ''));
    const fetched = await fetchedFiles(page, new URL(server.url).origin);
    const files = [...new Set(fetched.filter((f) => f.end <= ms).map((f) => f.path))].sort();
    return { ms, bytes: await brotli(system.dir, files), count, files };
  } finally {
    await context.close();
  }
}

/** Types `q` key by key into a page opened without a query: ms from each keydown to its results. */
async function typing(browser, system, server, q) {
  const { context, page } = await open(browser, system, server);
  try {
    await page.goto(server.url);
    await page.waitForFunction(() => window.__shownAt !== undefined);
    await page.waitForLoadState('networkidle');
    return (await typeTimed(page, q)).times;
  } finally {
    await context.close();
  }
}

const servers = Object.fromEntries(await Promise.all(systems.map(async (s) => [s.key, await serveDir(s.dir)])));
const browser = await launchBrowser();
const results = Object.fromEntries(systems.map((s) => [s.key, { cold: [], throttled: [], keys: [] }]));
try {
  for (let i = 0; i < rounds * QUERIES.length; i += 1) {
    const q = QUERIES[i % QUERIES.length];
    // Each query starts with the next system, so none is always first after another's load.
    const turn = systems.map((_, j) => systems[(i + j) % systems.length]);
    for (const s of turn) results[s.key].cold.push({ q, ...(await coldLink(browser, s, servers[s.key], q)) });
    for (const s of turn) results[s.key].throttled.push({ q, ...(await coldLink(browser, s, servers[s.key], q, 4)) });
    for (const s of turn) results[s.key].keys.push({ q, ms: await typing(browser, s, servers[s.key], q) });
    console.error(`round ${Math.floor(i / QUERIES.length) + 1} ${q}: ${systems.map((s) => `${s.key} ${results[s.key].cold.at(-1).count}`).join(', ')} results`);
  }
} finally {
  await browser.close();
  await Promise.all(Object.values(servers).map((s) => s.close()));
}

const summary = Object.fromEntries(
  systems.map((s) => {
    const r = results[s.key];
    const keys = r.keys.flatMap((k) => k.ms);
    return [s.key, {
      bytes: median(r.cold.map((c) => c.bytes)),
      cold_ms: median(r.cold.map((c) => c.ms)),
      keys_median_ms: median(keys),
      keys_p95_ms: percentile(keys, 95),
      throttled_ms: median(r.throttled.map((c) => c.ms)),
    }];
  }),
);
if (jsonFile) await writeFile(jsonFile, JSON.stringify({ queries: QUERIES, rounds, summary, results }, null, 1));

const kB = (b) => `${(b / 1000).toFixed(1)} kB`;
const ms = (x) => `${Math.round(x)} ms`;
// Broadsheet's number over Pagefind's: above 1, Broadsheet takes more.
const ratio = (get) => `${(get(summary.broadsheet) / get(summary.pagefind)).toFixed(2)}×`;
const rows = [
  ['bytes until the first search\'s results (brotli 11, median)', (x) => kB(x.bytes), (x) => x.bytes],
  ['cold search link, time until the count and first results shown (median)', (x) => ms(x.cold_ms), (x) => x.cold_ms],
  ['keystrokes: typing a query key by key, per-keystroke time to results (median, p95)', (x) => `${ms(x.keys_median_ms)}, ${ms(x.keys_p95_ms)}`, (x) => x.keys_median_ms],
  ['cold search link with the CPU slowed 4× (median)', (x) => ms(x.throttled_ms), (x) => x.throttled_ms],
];
const names = systems.map((s) => s.name);
console.log(`| measure | ${names.join(' | ')} | Broadsheet / Pagefind |`);
console.log(`| --- | ${names.map(() => '---').join(' | ')} | --- |`);
for (const [label, show, value] of rows) {
  console.log(`| ${label} | ${systems.map((s) => show(summary[s.key])).join(' | ')} | ${ratio(value)} |`);
}
