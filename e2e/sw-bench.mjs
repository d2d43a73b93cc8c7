// Times a view under the service worker (static/sw.js) with nothing cached yet: every data file
// the view needs passes through the worker, which hands it to the page and stores it. Prints
// the time from navigation to a settled page (nothing `aria-busy`) and how many data files the
// worker then holds, median of --runs fresh browser contexts. With --no-worker, the same view
// with service workers blocked, for comparison.
//
//   node e2e/sw-bench.mjs DIST '#/graph?q=council' [--runs 3] [--no-worker]
import { launchBrowser, median, serveDir } from './harness.mjs';

const args = process.argv.slice(2);
const [dist, hash] = args.filter((a) => !a.startsWith('--'));
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 3;
const worker = !args.includes('--no-worker');
if (!dist || !hash) {
  console.error("usage: node e2e/sw-bench.mjs DIST '#/view' [--runs N]");
  process.exit(2);
}

const server = await serveDir(dist);
const browser = await launchBrowser();
try {
  const times = [];
  let held = 0;
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ serviceWorkers: worker ? 'allow' : 'block' });
    const page = await context.newPage();
    page.setDefaultTimeout(300_000);
    await page.goto(server.url);
    if (worker) {
      // The first visit installs the worker; from the reload on it answers every request.
      await page.evaluate(async () => (await navigator.serviceWorker.ready).active.state);
      await page.reload();
      await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller));
    }
    await page.locator('main').waitFor();
    const started = Date.now();
    await page.evaluate((h) => (location.hash = h), hash);
    await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]') && document.querySelector('main'), null, {
      polling: 50,
    });
    times.push(Date.now() - started);
    held = worker
      ? await page.evaluate(async () =>
          (await (await caches.open('broadsheet-v1')).keys()).filter((r) => r.url.includes('/data/')).length,
        )
      : 0;
    await context.close();
  }
  console.log(`${worker ? 'worker' : 'no worker'} ${hash}: settled in ${median(times)} ms (median of ${runs}: ${times.join(', ')}); worker holds ${held} data files`);
} finally {
  await browser.close();
  await server.close();
}
