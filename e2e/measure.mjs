// Measures a built dist/ in headless Chromium and prints one JSON line for scripts/measure:
//
// - first_payload: every response the page fetched from navigation until the result count
//   appeared (the document and each resource whose response ended by then, from the page's own
//   Navigation and Resource Timing entries), with raw, gzip and brotli sizes per class (code =
//   .wasm/.js, data = under data/, other) — sizes of the bodies as served, compressed here.
//   Nothing is assumed about the bundle format: embedded in the wasm or fetched as data files,
//   whatever the page loads before its first results counts.
// - after_first_results / while_typing: what the page fetched later (until the network was
//   idle) and while the query was typed (data loaded on demand).
// - first_results_ms: navigation start to the result count in the DOM, median of the loads (each
//   in a fresh browser context, so nothing is cached).
// - keystroke_p95_ms: keydown to a changed result count, typing the query one character at a
//   time, `rounds` times (clearing the field in between); keystrokes that leave the count
//   unchanged are not timed.
// - memory: js_heap_mb is V8's used heap (CDP Runtime.getHeapUsage after a forced GC; it does not
//   include ArrayBuffer or wasm memory), wasm_memory_mb the byte length of every exported
//   WebAssembly.Memory of the wasm instances the page created (found by wrapping
//   WebAssembly.instantiate*, so the app need not expose anything). Linear memory only grows,
//   so this is the wasm heap's peak so far. memory_mb is the larger sum of the two, measured at
//   first results and after typing. (performance.measureUserAgentSpecificMemory would need
//   cross-origin isolation, which the test server does not set up.)
//
//   node e2e/measure.mjs DIST [--loads 5] [--query "market"] [--rounds 3]
import { launchBrowser, median, serveDir, TIMEOUT_MS } from './harness.mjs';
import { totals } from './measure-report.mjs';

const args = process.argv.slice(2);
const dist = args[0];
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const loads = Number(option('--loads', '5'));
const query = option('--query', 'market');
const rounds = Number(option('--rounds', '3'));
if (!dist || !(loads >= 1) || !(rounds >= 1)) {
  console.error('usage: node e2e/measure.mjs DIST [--loads N] [--query TEXT] [--rounds N]');
  process.exit(2);
}

// Runs before the page's own scripts. Records when the result count first appears (inside the
// page: no polling delay is counted), keeps every resource timing entry, and collects the
// memories the page's wasm instances export.
const INIT = `
  new MutationObserver((_, observer) => {
    if (document.querySelector('[data-testid="result-count"]')) {
      window.__firstResults = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
  performance.setResourceTimingBufferSize(100000);
  window.__wasmMemories = [];
  const remember = (instance) => {
    for (const value of Object.values(instance.exports)) {
      if (value instanceof WebAssembly.Memory && !window.__wasmMemories.includes(value)) {
        window.__wasmMemories.push(value);
      }
    }
  };
  const wrap = (name) => {
    const original = WebAssembly[name];
    WebAssembly[name] = function (...xs) {
      return original.apply(this, xs).then((result) => {
        remember(result instanceof WebAssembly.Instance ? result : result.instance);
        return result;
      });
    };
  };
  wrap('instantiate');
  wrap('instantiateStreaming');
`;

const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];
const mb = (bytes) => Math.round(bytes / 1e5) / 10;

/** The page's navigation and resource entries: URL and when each response ended. */
const timings = (page) =>
  page.evaluate(() =>
    [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
      .filter((e) => e.name.startsWith('http'))
      .map((e) => ({ url: e.name, start: e.startTime, end: e.responseEnd })),
  );

/**
 * Fetches each URL's body again (the files are static) and sums their sizes per class. Only the
 * app's own files count: off-site URLs (article images) are answered empty by `newPage` below and
 * only counted, in `offsite`.
 */
async function payload(entries, base) {
  const origin = new URL(base).origin;
  const urls = [...new Set(entries.map((e) => e.url).filter((u) => new URL(u).origin === origin))];
  const offsite = new Set(entries.map((e) => e.url).filter((u) => new URL(u).origin !== origin)).size;
  const items = await Promise.all(
    urls.map(async (url) => {
      const res = await fetch(url);
      if (!res.ok) throw new Error(`${url}: ${res.status}`);
      return { path: new URL(url).pathname.slice(new URL(base).pathname.length), bytes: Buffer.from(await res.arrayBuffer()) };
    }),
  );
  const sums = totals(items);
  sums.paths = items.map((i) => i.path).sort();
  sums.offsite = offsite;
  return sums;
}

/** JS heap used after a GC, and the wasm linear memory, in bytes. */
async function memory(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => window.__wasmMemories.reduce((sum, m) => sum + m.buffer.byteLength, 0));
  return { js: heap.usedSize, wasm };
}

/**
 * A page in a fresh context (empty cache) with the init script. Off-site requests (the sample's
 * article images) get an empty answer at once: the machine has no network, and a DNS failure
 * would keep the network busy.
 */
async function newPage() {
  const context = await browser.newContext();
  const local = new URL(server.url).origin;
  await context.route(
    (url) => url.origin !== local && (url.protocol === 'http:' || url.protocol === 'https:'),
    (route) => route.fulfill({ status: 204, body: '' }),
  );
  const page = await context.newPage();
  await page.addInitScript(INIT);
  return { context, page };
}

const server = await serveDir(dist);
const browser = await launchBrowser();
try {
  const firstResults = [];
  let firstPayload;
  let afterFirst;
  let atFirst;
  for (let i = 0; i < loads; i += 1) {
    const { context, page } = await newPage();
    await page.goto(server.url, { timeout: TIMEOUT_MS });
    await page.waitForFunction(() => window.__firstResults !== undefined, null, { timeout: TIMEOUT_MS });
    const at = await page.evaluate(() => window.__firstResults);
    firstResults.push(at);
    if (i === 0) {
      const cdp = await context.newCDPSession(page);
      atFirst = await memory(page, cdp);
      // Whatever the page goes on to fetch on its own (background loading), until the network
      // has been quiet for 500 ms (Playwright's networkidle).
      await page.waitForLoadState('networkidle', { timeout: TIMEOUT_MS });
      const entries = await timings(page);
      firstPayload = await payload(entries.filter((e) => e.end <= at), server.url);
      afterFirst = await payload(entries.filter((e) => e.end > at), server.url);
    }
    await context.close();
  }

  // Keystroke → result count: type the query one character at a time and time each change of
  // the count from the keydown, inside the page.
  const { context, page } = await newPage();
  await page.goto(server.url, { timeout: TIMEOUT_MS });
  const search = page.locator('[data-testid="search"]');
  const latencies = [];
  await page.waitForFunction(() => window.__firstResults !== undefined, null, { timeout: TIMEOUT_MS });
  await page.waitForLoadState('networkidle', { timeout: TIMEOUT_MS });
  const typingFrom = await page.evaluate(() => performance.now());
  const count = page.locator('[data-testid="result-count"]');
  if (await search.count()) {
    const initial = await count.textContent();
    for (let round = 0; round < rounds; round += 1) {
      if (round > 0) {
        // Back to the start view before typing again.
        await search.fill('');
        await page.waitForFunction(
          (text) => document.querySelector('[data-testid="result-count"]')?.textContent === text,
          initial,
          { timeout: TIMEOUT_MS },
        );
      }
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
  }
  await page.waitForLoadState('networkidle', { timeout: TIMEOUT_MS });
  const whileTyping = await payload(
    (await timings(page)).filter((e) => e.start >= typingFrom),
    server.url,
  );
  const afterTyping = await memory(page, await context.newCDPSession(page));
  await context.close();

  const total = (m) => m.js + m.wasm;
  console.log(
    JSON.stringify({
      first_results_ms: Math.round(median(firstResults)),
      first_results_all_ms: firstResults.map(Math.round),
      keystroke_p95_ms: latencies.length ? Math.round(percentile(latencies, 95) * 10) / 10 : null,
      keystroke_max_ms: latencies.length ? Math.round(Math.max(...latencies) * 10) / 10 : null,
      keystrokes_measured: latencies.length,
      js_heap_mb: mb(atFirst.js),
      js_heap_after_typing_mb: mb(afterTyping.js),
      wasm_memory_mb: mb(atFirst.wasm),
      wasm_memory_after_typing_mb: mb(afterTyping.wasm),
      memory_mb: mb(Math.max(total(atFirst), total(afterTyping))),
      first_payload: firstPayload,
      after_first_results: afterFirst,
      while_typing: whileTyping,
    }),
  );
} finally {
  await browser.close();
  await server.close();
}
