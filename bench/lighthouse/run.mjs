// Lighthouse 12 on built sites (issue 15: mobile performance ≥ 95, TBT ≤ 150 ms, CLS ≤ 0.02),
// for scripts/measure-lighthouse:
//
//   node bench/lighthouse/run.mjs [--rounds 3] [--json FILE] [--reports DIR] NAME=DIST [NAME=DIST ...]
//
// Each DIST is a packed site (an app and its articles; scripts/measure-lighthouse makes the 10,000
// article one). Every file is served brotli 11 (as a static host would) with the README's
// Content-Security-Policy header, from 127.0.0.1; the browser resolves no other host, so an
// outlet's image fails at once instead of waiting on a network this machine does not have.
// For every round, view and form factor, the sites take turns, each Lighthouse run in a fresh
// Chromium (empty cache, no service worker yet); each number printed is the median over rounds.
// Views: the home page, a search link sorted by date (--query, "election" by default) and the
// page of the article --article names. --reports keeps every audit's whole report (its LCP
// element, request chains, main-thread breakdown) in DIR, one JSON file each.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, resolve, sep, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';

import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';

const here = dirname(fileURLToPath(import.meta.url));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  if (at < 0) return fallback;
  const [, value] = args.splice(at, 2);
  return value;
};
const rounds = Number(option('--rounds', '3'));
const jsonFile = option('--json', null);
const reports = option('--reports', null);
const article = option('--article', null);
const query = option('--query', 'election');
const sites = args.map((arg) => {
  const [name, dist] = arg.split('=');
  if (!name || !dist) throw new Error(`expected NAME=DIST, got ${arg}`);
  return { name, dist: resolve(dist) };
});
if (sites.length === 0 || !article) {
  console.error('usage: run.mjs --article ID [--query WORD] [--rounds N] [--json FILE] [--reports DIR] NAME=DIST ...');
  process.exit(2);
}

const readme = await readFile(join(here, '..', '..', 'README.md'), 'utf8');
const csp = readme.match(/^Content-Security-Policy: (.+)$/m)?.[1];
if (!csp) throw new Error('README.md gives no Content-Security-Policy header line');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
};

/** A static server for `root` that sends every file brotli 11, compressed once. */
async function serve(root) {
  const cache = new Map();
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = resolve(root, `.${path.endsWith('/') ? `${path}index.html` : path}`);
    if (!file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (!cache.has(file)) {
        const bytes = await readFile(file);
        cache.set(file, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
      }
      const headers = {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
        'content-security-policy': csp,
      };
      if (/\bbr\b/.test(req.headers['accept-encoding'] ?? '')) headers['content-encoding'] = 'br';
      else throw new Error('the browser must accept brotli');
      res.writeHead(200, headers).end(req.method === 'HEAD' ? undefined : cache.get(file));
    } catch (error) {
      res.writeHead(error.code === 'ENOENT' ? 404 : 500).end(String(error.message));
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() };
}

const VIEWS = [
  ['home', '#/'],
  ['search link', `#/?q=${encodeURIComponent(query)}&sort=date`],
  ['article page', `#/article/${encodeURIComponent(article)}`],
];
const FORMS = [
  ['mobile', undefined],
  ['desktop', desktopConfig],
];

async function audit(url, config, report) {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  });
  try {
    const result = await lighthouse(
      url,
      { port: chrome.port, output: 'json', onlyCategories: ['performance'], logLevel: 'error' },
      config,
    );
    const { categories, audits } = result.lhr;
    if (report) await writeFile(report, JSON.stringify(result.lhr));
    // A page that never drew its view (say, the app could not read data packed by another
    // format version) is light and scores well; every view here draws hundreds of elements.
    const elements = audits['dom-size']?.numericValue ?? 0;
    if (elements < 100) {
      throw new Error(`${url} drew ${elements} elements: the app did not show its view`);
    }
    return {
      score: Math.round((categories.performance.score ?? 0) * 100),
      lcp: audits['largest-contentful-paint'].numericValue,
      tbt: audits['total-blocking-time'].numericValue,
      cls: audits['cumulative-layout-shift'].numericValue,
      fcp: audits['first-contentful-paint'].numericValue,
      bytes: audits['total-byte-weight'].numericValue,
    };
  } finally {
    await chrome.kill();
  }
}

if (reports) await mkdir(reports, { recursive: true });
const servers = await Promise.all(sites.map((s) => serve(s.dist)));
const runs = {};
try {
  for (let round = 1; round <= rounds; round += 1) {
    for (const [view, hash] of VIEWS) {
      for (const [form, config] of FORMS) {
        for (const [i, site] of sites.entries()) {
          const key = `${site.name}|${view}|${form}`;
          const report = reports && join(reports, `${key.replaceAll(/[| ]/g, '-')}-${round}.json`);
          const run = await audit(`${servers[i].url}${hash}`, config, report);
          (runs[key] ??= []).push(run);
          console.error(`round ${round} ${key}: ${run.score}, LCP ${run.lcp.toFixed(0)} ms, TBT ${run.tbt.toFixed(0)} ms, CLS ${run.cls.toFixed(3)}`);
        }
      }
    }
  }
} finally {
  for (const s of servers) s.close();
}

if (jsonFile) await writeFile(jsonFile, JSON.stringify(runs, null, 1));
const lines = [
  `Lighthouse 12.2.3, median of ${rounds}; brotli 11 with the README's CSP; query "${query}"`,
  '',
  '| site | view | form | performance | LCP | TBT | CLS | FCP | bytes |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
];
for (const [key, list] of Object.entries(runs)) {
  const [site, view, form] = key.split('|');
  const m = (field) => median(list.map((r) => r[field]));
  lines.push(
    `| ${site} | ${view} | ${form} | ${m('score')} | ${(m('lcp') / 1000).toFixed(1)} s | ${m('tbt').toFixed(0)} ms | ${m('cls').toFixed(3)} | ${(m('fcp') / 1000).toFixed(1)} s | ${(m('bytes') / 1000).toFixed(0)} kB |`,
  );
}
console.log(lines.join('\n'));
