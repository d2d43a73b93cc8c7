// A tiny static file server for the browser tests: serves a built dist/ folder on 127.0.0.1,
// optionally under a sub-path (to prove the build works when hosted at e.g. /broadsheet/).
//
// As a module: `const server = await serveDir(dist, { prefix: '/broadsheet/' })`, then
// `server.url` is the page address and `await server.close()` stops it. `headers` adds response
// headers to every answer (e.g. the Content-Security-Policy the README documents).
// As a command: `node e2e/serve.mjs DIST [--prefix /sub/path/] [--port 0]`.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** Normalises a sub-path prefix to the form `/a/b/` (or `/`). */
function normalisePrefix(prefix) {
  const parts = String(prefix).split('/').filter(Boolean);
  return parts.length === 0 ? '/' : `/${parts.join('/')}/`;
}

/**
 * Serves `root` on 127.0.0.1 at a random free port (or `port`) under `prefix`, adding `headers`
 * (an object of header names and values; none by default) to every response.
 * Every request is recorded in `requests` ({ method, path, status }) so tests can check
 * that nothing was fetched from outside the prefix and nothing was missing.
 */
export async function serveDir(root, { prefix = '/', port = 0, headers = {} } = {}) {
  const base = resolve(root);
  const info = await stat(join(base, 'index.html')).catch(() => null);
  if (!info?.isFile()) {
    throw new Error(`serveDir: ${join(base, 'index.html')} does not exist; build the app first`);
  }
  const pre = normalisePrefix(prefix);
  const requests = [];

  const server = createServer(async (req, res) => {
    const record = (status) => requests.push({ method: req.method, path: req.url, status });
    const send = (status, body, own = {}) => {
      record(status);
      res.writeHead(status, { 'cache-control': 'no-store', ...headers, ...own });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(405, 'method not allowed\n', { allow: 'GET, HEAD' });
      return;
    }
    const pathname = new URL(req.url, 'http://127.0.0.1').pathname;
    if (pre !== '/' && `${pathname}/` === pre) {
      send(301, '', { location: pre });
      return;
    }
    if (!pathname.startsWith(pre)) {
      send(404, `not found: only ${pre} is served\n`, { 'content-type': 'text/plain' });
      return;
    }
    let rel;
    try {
      rel = decodeURIComponent(pathname.slice(pre.length));
    } catch {
      send(400, 'bad path\n');
      return;
    }
    let file = resolve(base, rel);
    if (file !== base && !file.startsWith(base + sep)) {
      send(403, 'forbidden\n');
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
      send(200, body, { 'content-type': type, 'content-length': body.length });
    } catch {
      send(404, 'not found\n', { 'content-type': 'text/plain' });
    }
  });

  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', ok);
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    url: `${origin}${pre}`,
    prefix: pre,
    requests,
    close: () =>
      new Promise((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => {
    const i = args.indexOf(name);
    if (i === -1) return fallback;
    const [, value] = args.splice(i, 2);
    return value;
  };
  const prefix = opt('--prefix', '/');
  const port = Number(opt('--port', '0'));
  if (args.length !== 1) {
    console.error('usage: node e2e/serve.mjs DIST [--prefix /sub/path/] [--port N]');
    process.exit(2);
  }
  const server = await serveDir(args[0], { prefix, port });
  console.log(`serving ${resolve(args[0])} at ${server.url} (Ctrl-C stops)`);
}
