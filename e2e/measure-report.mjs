// Helpers for scripts/measure: compressed sizes, the class of a served file (app code, data or
// other), and the tables printed from the measurements.
//
//   node e2e/measure-report.mjs sizes FILE...       one JSON line per file: raw, gzip, brotli
//   node e2e/measure-report.mjs dist DIST           dist/ totals per class, as JSON
//   node e2e/measure-report.mjs table RESULTS.jsonl the markdown tables (one JSON line per corpus)
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

// Sizes by content hash; kept in the file MEASURE_SIZE_CACHE (if set) across processes, since
// scripts/measure sizes the same wasm up to three times (bundle, dist/, fetched).
const cacheFile = process.env.MEASURE_SIZE_CACHE;
const cache = new Map(Object.entries(cacheFile ? JSON.parse(readJson(cacheFile)) : {}));

function readJson(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '{}';
  }
}

/**
 * Raw, gzip (level 9) and brotli (quality 11, default 4 MB window) sizes of `bytes`: what a host
 * serving precompressed files would send. Computed here, not taken from the response, because
 * the test server does not compress. Cached by content hash (brotli 11 takes ~2 s per MB).
 */
export function sizesOf(bytes) {
  const key = createHash('sha256').update(bytes).digest('hex');
  if (!cache.has(key)) {
    cache.set(key, {
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 11,
          [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        },
      }).length,
    });
    if (cacheFile) writeFileSync(cacheFile, JSON.stringify(Object.fromEntries(cache)));
  }
  return cache.get(key);
}

/**
 * What a served path is: `data` (anything under a `data/` folder), `code` (.wasm and .js: the
 * app, its wasm-bindgen glue and the boot script) or `other` (the page, CSS, icons).
 */
export function classify(path) {
  const p = path.split('?')[0];
  if (/(^|\/)data\//.test(p)) return 'data';
  if (/\.(wasm|m?js)$/.test(p)) return 'code';
  return 'other';
}

const zero = () => ({ files: 0, raw: 0, gzip: 0, brotli: 0 });

/** Sums `{ path, bytes }` items per class and in total. */
export function totals(items) {
  const out = { all: zero(), code: zero(), data: zero(), other: zero() };
  for (const { path, bytes } of items) {
    const s = sizesOf(bytes);
    for (const bucket of [out.all, out[classify(path)]]) {
      bucket.files += 1;
      bucket.raw += s.raw;
      bucket.gzip += s.gzip;
      bucket.brotli += s.brotli;
    }
  }
  return out;
}

/** Every file in `dist`, with its path relative to it (`/`-separated). */
export async function distFiles(dist) {
  const entries = await readdir(dist, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath ?? e.path, e.name));
  return Promise.all(
    files.map(async (file) => ({ path: relative(dist, file).split(sep).join('/'), bytes: await readFile(file) })),
  );
}

// ---- the tables ------------------------------------------------------------------------------

const kB = (b) => (b == null ? '—' : b >= 1e6 ? `${(b / 1e6).toFixed(2)} MB` : `${Math.round(b / 1e3)} kB`);
const triple = (s) => (s ? `${kB(s.raw)} / ${kB(s.gzip)} / ${kB(s.brotli)}` : '—');
const num = (x, unit, digits = 0) => (x == null ? '—' : `${x.toFixed(digits)} ${unit}`);

// Issue 7's targets, by article count.
const TARGETS = {
  10000: { payload: 600e3, first: 1000, p95: 50, memory: 60 },
  100000: { payload: 1.5e6, first: 2000, p95: 100, memory: 250 },
};
const check = (value, limit) => (value == null || limit == null ? '' : value <= limit ? ' ✓' : ' ✗');

function table(rows) {
  const lines = [];
  const out = (s = '') => lines.push(s);
  const target = (r) => TARGETS[r.corpus] ?? {};

  out('Sizes (raw / gzip / brotli). First payload = every response the page fetched from');
  out('navigation until the result count appeared; code = .wasm + .js, data = files under data/.');
  out();
  out('| corpus | articles | build | first payload | – of it code | – of it data | dist/ code | dist/ data | entry file |');
  out('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows) {
    const b = r.browser ?? {};
    const first = b.first_payload;
    const br = first?.all?.brotli;
    out(
      `| ${r.corpus} | ${r.articles ?? r.native?.articles ?? '?'} | ${r.build_s == null ? '—' : `${r.build_s.toFixed(0)} s`}` +
        `${r.build_failed ? ` (${r.build_failed})` : ''} | ${triple(first?.all)}${check(br, target(r).payload)}` +
        `${first ? ` (${first.all.files} files)` : ''} | ${triple(first?.code)} | ${first?.data?.files ? triple(first.data) : '—'}` +
        ` | ${triple(r.dist?.code)} | ${r.dist?.data?.files ? `${triple(r.dist.data)} (${r.dist.data.files} files)` : '—'}` +
        ` | ${triple(r.bundle)} |`,
    );
  }
  out();
  out('Headless Chromium. Start-up = navigation start to the result count in the DOM (median of');
  out('the loads); keystroke = keydown to a changed result count while typing the query, p95;');
  out('memory = the larger of (JS heap used after a forced GC + wasm linear memory) at first results');
  out('and after typing; wasm linear memory never shrinks, so it is its peak so far.');
  out();
  out('| corpus | first results | keystroke p95 (n) | JS heap | wasm memory at first results | wasm memory after typing | memory (JS + wasm) | fetched after first results | fetched while typing |');
  out('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows) {
    const b = r.browser;
    if (!b) {
      out(`| ${r.corpus} | — | — | — | — | — | — | — | — |`);
      continue;
    }
    const t = target(r);
    const memory = b.memory_mb;
    out(
      `| ${r.corpus} | ${num(b.first_results_ms, 'ms')}${check(b.first_results_ms, t.first)}` +
        ` | ${num(b.keystroke_p95_ms, 'ms', 1)}${check(b.keystroke_p95_ms, t.p95)} (${b.keystrokes_measured})` +
        ` | ${num(b.js_heap_mb, 'MB', 1)} | ${num(b.wasm_memory_mb, 'MB', 1)} | ${num(b.wasm_memory_after_typing_mb, 'MB', 1)}` +
        ` | ${num(memory, 'MB', 1)}${check(memory, t.memory)}` +
        ` | ${b.after_first_results?.all?.files ? triple(b.after_first_results.all) : '—'}` +
        ` | ${b.while_typing?.all?.files ? triple(b.while_typing.all) : '—'} |`,
    );
  }
  if (rows.some((r) => r.native)) {
    out();
    out('Natively (release, the same data files): entry decode, the first explore with no query, explore per');
    out('prefix of the query (p95), and the process peak RSS.');
    out();
    out('| corpus | decode | first explore | query p95 (n) | peak RSS |');
    out('| --- | ---: | ---: | ---: | ---: |');
    for (const r of rows) {
      const n = r.native;
      if (!n) {
        out(`| ${r.corpus} | — | — | — | — |`);
        continue;
      }
      out(
        `| ${r.corpus} | ${num(n.decode_ms, 'ms', 1)} | ${num(n.first_explore_ms, 'ms', 1)}` +
          ` | ${num(n.query_p95_ms, 'ms', 2)} (${n.queries}) | ${num(n.peak_rss_mb, 'MB', 1)} |`,
      );
    }
  }
  out();
  out('Targets (issue 7): 10k: first payload brotli ≤ 600 kB, first results ≤ 1 s, keystroke p95 ≤');
  out('50 ms, memory ≤ 60 MB; 100k: ≤ 1.5 MB, ≤ 2 s, ≤ 100 ms, ≤ 250 MB. ✓/✗ mark those rows.');
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [command, ...rest] = process.argv.slice(2);
  if (command === 'sizes' && rest.length) {
    for (const file of rest) console.log(JSON.stringify(sizesOf(await readFile(file))));
  } else if (command === 'dist' && rest.length === 1) {
    console.log(JSON.stringify(totals(await distFiles(rest[0]))));
  } else if (command === 'table' && rest.length === 1) {
    const text = await readFile(rest[0], 'utf8');
    const rows = text.split('\n').filter(Boolean).map((line) => JSON.parse(line));
    console.log(table(rows));
  } else {
    console.error('usage: node e2e/measure-report.mjs sizes FILE... | dist DIST | table RESULTS.jsonl');
    process.exit(2);
  }
}
