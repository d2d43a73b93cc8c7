// Measures a built dist/ in headless Chromium: time from navigation to the first result list,
// and keystroke-to-result-count latency. Prints one JSON line for scripts/measure.
//
//   node e2e/measure.mjs DIST [--loads 5] [--query "market"]
import { launchBrowser, serveDir, TIMEOUT_MS } from './harness.mjs';

const args = process.argv.slice(2);
const dist = args[0];
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const loads = Number(option('--loads', '5'));
const query = option('--query', 'market');
if (!dist) {
  console.error('usage: node e2e/measure.mjs DIST [--loads N] [--query TEXT]');
  process.exit(2);
}

// Records, inside the page, when the result count first appears: no polling delay is counted.
const FIRST_RESULTS = `
  new MutationObserver((_, observer) => {
    if (document.querySelector('[data-testid="result-count"]')) {
      window.__firstResults = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
`;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];

const server = await serveDir(dist);
const browser = await launchBrowser();
try {
  const firstResults = [];
  let heapMb = 0;
  for (let i = 0; i < loads; i += 1) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(FIRST_RESULTS);
    await page.goto(server.url, { timeout: TIMEOUT_MS });
    await page.waitForFunction(() => window.__firstResults !== undefined, null, { timeout: TIMEOUT_MS });
    firstResults.push(await page.evaluate(() => window.__firstResults));
    if (i === loads - 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      const { metrics } = await cdp.send('Performance.getMetrics');
      const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
      heapMb = used / 1e6;
    }
    await context.close();
  }

  // Keystroke → result count: type the query one character at a time and time each change of
  // the count from the keydown, inside the page.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url, { timeout: TIMEOUT_MS });
  const search = page.locator('[data-testid="search"]');
  const latencies = [];
  if (await search.count()) {
    await page.locator('[data-testid="result-count"]').waitFor({ timeout: TIMEOUT_MS });
    for (const ch of query) {
      const before = await page.locator('[data-testid="result-count"]').textContent();
      await page.evaluate((initial) => {
        // Timed from the keydown event itself, so the driver's own latency is not counted; the
        // count element may be replaced rather than edited, so the whole body is watched.
        window.__keyAt = undefined;
        window.__countAt = undefined;
        document.addEventListener('keydown', () => { window.__keyAt = performance.now(); }, { capture: true, once: true });
        new MutationObserver((_, observer) => {
          const now = document.querySelector('[data-testid="result-count"]')?.textContent;
          if (now !== undefined && now !== initial) {
            window.__countAt = performance.now();
            observer.disconnect();
          }
        }).observe(document.body, { childList: true, subtree: true, characterData: true });
      }, before);
      await search.press(ch === ' ' ? 'Space' : ch);
      const changed = await page
        .waitForFunction(() => window.__countAt !== undefined, null, { timeout: 2000 })
        .then(() => true, () => false);
      const after = await page.locator('[data-testid="result-count"]').textContent();
      if (changed && after !== before) {
        latencies.push(await page.evaluate(() => window.__countAt - window.__keyAt));
      }
    }
  }
  await context.close();
  console.log(
    JSON.stringify({
      first_results_ms: Math.round(median(firstResults)),
      keystroke_p95_ms: latencies.length ? Math.round(percentile(latencies, 95) * 10) / 10 : null,
      keystrokes_measured: latencies.length,
      js_heap_mb: Math.round(heapMb * 10) / 10,
    }),
  );
} finally {
  await browser.close();
  await server.close();
}
