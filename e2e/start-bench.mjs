// Where a cold search link's main-thread time goes with the CPU slowed 4× (a phone), Broadsheet
// beside Pagefind, from Chromium traces, in one headless Chromium, taking turns:
//
//   node e2e/start-bench.mjs DIST PAGEFIND_SITE [--rounds 5] [--phone] [--query election]
//
// DIST and PAGEFIND_SITE are what scripts/measure-peers keeps with MEASURE_KEEP=DIR
// (DIR/broadsheet and DIR/peers/pagefind). Each load is a new browser context, as peers-bench
// does; --phone sizes the window like a phone's (412×823), where Broadsheet's filter sheet is
// closed. For each system it prints means over the rounds: the time until the results are shown
// (as e2e/keystrokes.mjs decides), the main thread's busy time until then and how it divides by
// kind of work (each task's top-level trace events, grouped), and what long tasks add beyond
// 50 ms each until the page is idle (what Lighthouse's TBT counts). How the wasm's own share
// divides further needs a CPU profile of a build with function names (DevTools, or CDP's
// Profiler); the closing notes of issue 15 have one.
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { launchBrowser, serveDir } from './harness.mjs';
import { BROADSHEET_SHOWN, openTimed, PEER_SHOWN } from './keystrokes.mjs';

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : undefined;
};
const flag = (name) => {
  const i = args.indexOf(name);
  return i >= 0 && args.splice(i, 1).length > 0;
};
const rounds = Number(option('--rounds') ?? 5);
const query = option('--query') ?? 'election';
const phone = flag('--phone');
const [dist, pagefind] = args;
if (!dist || !pagefind || !(rounds >= 1)) {
  console.error('usage: node e2e/start-bench.mjs DIST PAGEFIND_SITE [--rounds 5] [--phone] [--query Q]');
  process.exit(2);
}

/** Kinds of work, by the name of a task's top-level trace event. */
const KINDS = [
  ['script: promise jobs (a wasm app\'s own work runs here)', ['RunMicrotasks']],
  ['script: evaluating scripts and modules', ['EvaluateScript', 'v8.evaluateModule', 'v8.compileModule']],
  ['script: timers and animation frames', ['TimerFire', 'FireAnimationFrame']],
  ['script: messages and events', ['HandlePostMessage', 'EventDispatch']],
  ['style, layout, paint', ['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit']],
  ['navigation and HTML', ['DocumentLoader::CommitNavigation', 'ParseHTML', 'ParseAuthorStyleSheet']],
];
const kindOf = (name) => KINDS.find(([, names]) => names.includes(name))?.[0] ?? 'other';

const SYSTEMS = [
  { name: 'Broadsheet', dir: dist, shown: BROADSHEET_SHOWN },
  { name: 'Pagefind', dir: pagefind, shown: PEER_SHOWN },
];

/** The renderer's main thread's complete events, and its navigation start. */
function mainThread(events) {
  const parse = events.find((e) => e.name === 'ParseHTML');
  const main = events.filter((e) => e.pid === parse.pid && e.tid === parse.tid && e.ph === 'X' && e.dur);
  const start = events.find((e) => e.name === 'navigationStart' && e.pid === parse.pid)?.ts ?? main[0].ts;
  return { main, start };
}

async function load(browser, server, system) {
  const { context, page } = await openTimed(browser, system.shown, server);
  const file = join(tmpdir(), `start-bench-${process.pid}.json`);
  try {
    if (phone) await page.setViewportSize({ width: 412, height: 823 });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await browser.startTracing(page, {
      path: file,
      categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'loading'],
    });
    await page.goto(`${server.url}#/?q=${encodeURIComponent(query)}`);
    await page.waitForFunction(() => window.__shownAt !== undefined);
    const shown = await page.evaluate(() => window.__shownAt);
    await page.waitForLoadState('networkidle');
    await browser.stopTracing();
    const { main, start } = mainThread(JSON.parse(await readFile(file, 'utf8')).traceEvents);
    const until = start + shown * 1000;
    const tasks = main.filter((e) => e.name === 'RunTask');
    const result = { shown, busy: 0, blocking: 0, kinds: {} };
    for (const task of tasks) {
      result.blocking += Math.max(0, task.dur - 50_000) / 1000;
      if (task.ts > until) continue;
      result.busy += task.dur / 1000;
      // The task's top-level events: the first of each nest, in time order.
      const inside = main
        .filter((e) => e !== task && e.name !== 'RunTask' && e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur)
        .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
      let end = 0;
      let covered = 0;
      for (const e of inside) {
        if (e.ts < end) continue;
        end = e.ts + e.dur;
        covered += e.dur / 1000;
        const kind = kindOf(e.name);
        result.kinds[kind] = (result.kinds[kind] ?? 0) + e.dur / 1000;
      }
      result.kinds['(in tasks, outside any traced event)'] =
        (result.kinds['(in tasks, outside any traced event)'] ?? 0) + task.dur / 1000 - covered;
    }
    return result;
  } finally {
    await context.close();
    await rm(file, { force: true });
  }
}

const servers = await Promise.all(SYSTEMS.map((s) => serveDir(s.dir)));
const browser = await launchBrowser();
const totals = SYSTEMS.map(() => ({ shown: 0, busy: 0, blocking: 0, kinds: {} }));
try {
  for (let round = 0; round < rounds; round += 1) {
    for (const [i, system] of SYSTEMS.entries()) {
      const r = await load(browser, servers[i], system);
      const t = totals[i];
      t.shown += r.shown / rounds;
      t.busy += r.busy / rounds;
      t.blocking += r.blocking / rounds;
      for (const [kind, ms] of Object.entries(r.kinds)) t.kinds[kind] = (t.kinds[kind] ?? 0) + ms / rounds;
    }
    console.error(`round ${round + 1} done`);
  }
} finally {
  await browser.close();
  await Promise.all(servers.map((s) => s.close()));
}

const ms = (x) => `${Math.round(x)} ms`;
const kinds = [...KINDS.map(([kind]) => kind), 'other', '(in tasks, outside any traced event)'];
const lines = [
  `Cold \`#/?q=${query}\`, CPU 4×, ${phone ? 'a phone-sized window (412×823)' : 'the default window'}, mean of ${rounds} loads each`,
  '',
  `| main thread | ${SYSTEMS.map((s) => s.name).join(' | ')} |`,
  `| --- | ${SYSTEMS.map(() => '---').join(' | ')} |`,
  `| results shown after | ${totals.map((t) => ms(t.shown)).join(' | ')} |`,
  `| busy until then | ${totals.map((t) => ms(t.busy)).join(' | ')} |`,
  ...kinds.map((kind) => `| – ${kind} | ${totals.map((t) => ms(t.kinds[kind] ?? 0)).join(' | ')} |`),
  `| long tasks beyond 50 ms each, until idle | ${totals.map((t) => ms(t.blocking)).join(' | ')} |`,
];
console.log(lines.join('\n'));
