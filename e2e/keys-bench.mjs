// Broadsheet's keystrokes alone (issue 15's target: a warm keystroke's results painted within
// a frame), quicker to repeat than e2e/peers-bench.mjs, in one headless Chromium:
//
//   node e2e/keys-bench.mjs DIST [--rounds 3] [--json FILE] [--trace FILE]
//
// DIST is a build with articles packed beside it (scripts/measure-peers keeps one in
// DIR/broadsheet with MEASURE_KEEP=DIR). Each query of e2e/keystrokes.mjs is typed key by key
// into a page opened without a query, once idle, in a new browser context, as peers-bench does;
// each key is timed from its keydown to its results in the DOM. The first letter of a page is
// reported apart ("cold": its search files may still be on their way); the others are warm.
// Beside each time, the part spent in `explore` (the app's `broadsheet:explore` measure), so
// what is left is rendering. --trace writes a Chromium trace of the first query typed, for
// DevTools' Performance panel.
import { writeFile } from 'node:fs/promises';

import { launchBrowser, median, serveDir } from './harness.mjs';
import { BROADSHEET_SHOWN, openTimed, percentile, QUERIES, typeTimed } from './keystrokes.mjs';

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : undefined;
};
const jsonFile = option('--json');
const traceFile = option('--trace');
const rounds = Number(option('--rounds') ?? 3);
const [dist] = args;
if (!dist || !(rounds >= 1)) {
  console.error('usage: node e2e/keys-bench.mjs DIST [--rounds N] [--json FILE] [--trace FILE]');
  process.exit(2);
}

// The time `explore` took during the keystroke just shown, in ms.
const exploreMs = () =>
  performance
    .getEntriesByName('broadsheet:explore')
    .filter((e) => e.startTime >= window.__from)
    .reduce((sum, e) => sum + e.duration, 0);

const server = await serveDir(dist);
const browser = await launchBrowser();
const keys = [];
try {
  for (let round = 0; round < rounds; round += 1) {
    for (const q of QUERIES) {
      const { context, page } = await openTimed(browser, BROADSHEET_SHOWN, server);
      try {
        await page.goto(server.url);
        await page.waitForFunction(() => window.__shownAt !== undefined);
        await page.waitForLoadState('networkidle');
        const trace = traceFile && round === 0 && q === QUERIES[0];
        if (trace) await browser.startTracing(page, { path: traceFile, screenshots: false });
        const { times, extra } = await typeTimed(page, q, () => page.evaluate(exploreMs));
        if (trace) await browser.stopTracing();
        times.forEach((ms, i) => keys.push({ q: q.slice(0, i + 1), ms, explore_ms: extra[i] }));
      } finally {
        await context.close();
      }
    }
    console.error(`round ${round + 1} done`);
  }
} finally {
  await browser.close();
  await server.close();
}

const cold = keys.filter((k) => k.q.length === 1);
const warm = keys.filter((k) => k.q.length > 1);
const ms = (x) => `${x.toFixed(1)} ms`;
const row = (label, list) => {
  const t = list.map((k) => k.ms);
  const e = list.map((k) => k.explore_ms);
  return `| ${label} | ${list.length} | ${ms(median(t))} | ${ms(percentile(t, 95))} | ${ms(Math.max(...t))} | ${ms(median(e))} | ${ms(percentile(e, 95))} |`;
};
const summary = {
  warm_p50_ms: median(warm.map((k) => k.ms)),
  warm_p95_ms: percentile(warm.map((k) => k.ms), 95),
  cold_median_ms: median(cold.map((k) => k.ms)),
  cold_max_ms: Math.max(...cold.map((k) => k.ms)),
};
if (jsonFile) await writeFile(jsonFile, JSON.stringify({ queries: QUERIES, rounds, summary, keys }, null, 1));
console.log('| keystrokes | n | p50 | p95 | max | explore p50 | explore p95 |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
console.log(row('warm (2nd letter on)', warm));
console.log(row('first letter (cold)', cold));
console.log(row('all', keys));
