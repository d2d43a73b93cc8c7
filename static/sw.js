// Broadsheet's service worker: repeat visits open at once, and a view seen once opens offline.
//
// Registered by boot.js unless index.html carries <meta name="broadsheet-service-worker"
// content="off"> (README, "Offline and updates"). Its scope is the folder it is served from, so
// dist/ works from any sub-path; it never touches another path's requests nor another origin's.
//
// - index.html (a navigation): network first, so an update shows on the next visit; the
//   cached copy when the network fails.
// - Every other file of the build is named after its content (boot-<n>.js, broadsheet-<hash>.js
//   and _bg.wasm, app-<hash>.css, data/<kind>-<hash>.bin): cache first, cached the first time
//   it is used, for good — a name never changes content.
// - embed.js and sw.js keep fixed names: always from the network.
// - Install precaches the app shell named by the current index.html and its boot-<n>.js.
// - Clean-up: when a new index.html arrives, shell files and entry/catalog files it does not
//   name are deleted; a data file replaces the cached versions of its own slot (c12-<old>.bin
//   goes when c12-<new>.bin is stored), so the cache never holds more than about one build.
const CACHE = 'broadsheet-v1';
const SCOPE = new URL(self.registration.scope);
const INDEX = new URL('./', SCOPE).href;

/** The shell files (and the entry and catalog parts) a page's HTML and boot script name. */
async function named(html) {
  const names = new Set();
  for (const m of html.matchAll(/(?:src|href)="\.\/([^"]+\.(?:js|css|bin))"/g)) names.add(m[1]);
  const boot = [...names].find((n) => /^boot-\d+\.js$/.test(n));
  if (boot) {
    const response = await fetch(new URL(boot, SCOPE));
    const text = await response.clone().text();
    for (const m of text.matchAll(/'\.\/(broadsheet-[^']+)'/g)) names.add(m[1]);
  }
  names.delete('embed.js');
  return [...names].map((n) => new URL(n, SCOPE).href);
}

/** The slot of a data file (`data/c12-1a2b3c4d.bin` → `data/c12`); `null` for other files. */
function slot(url) {
  const m = /\/data\/([a-z]+[\d.]*)-[0-9a-f]+\.bin$/.exec(new URL(url).pathname);
  return m ? m[1] : null;
}

/** Stores a fresh index.html and deletes the shell, entry and catalog files it no longer names. */
async function adopt(cache, response) {
  const html = await response.clone().text();
  await cache.put(INDEX, response);
  const keep = new Set(await named(html));
  for (const request of await cache.keys()) {
    const path = new URL(request.url).pathname;
    const shell = !path.includes('/data/') && /-[0-9a-f]+(?:_bg\.wasm|\.js|\.css)$|\/boot-\d+\.js$/.test(path);
    const first = /\/data\/(?:entry|k\d+)-[0-9a-f]+\.bin$/.test(path);
    if ((shell || first) && !keep.has(request.url)) await cache.delete(request);
  }
  return keep;
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const response = await fetch(INDEX, { cache: 'no-cache' });
      if (!response.ok) return;
      const keep = await adopt(cache, response);
      await cache.addAll([...keep]);
    })(),
  );
  self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name !== CACHE) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

/**
 * Each data slot's cached files (`data/c12` → its URLs), read from the cache once per start of
 * the worker and kept up to date after: scanning the whole cache for every file stored made a
 * batch of n new files cost n scans of a cache that grows with them.
 */
let slots = null;

function cachedSlots(cache) {
  slots ??= cache.keys().then((requests) => {
    const map = new Map();
    for (const { url } of requests) {
      const own = slot(url);
      if (own) map.set(own, [...(map.get(own) ?? []), url]);
    }
    return map;
  });
  return slots;
}

/** Stores a data or shell file, deleting the other versions of its slot. */
async function store(cache, url, response) {
  await cache.put(url, response);
  const own = slot(url);
  if (!own) return;
  const map = await cachedSlots(cache);
  for (const old of map.get(own) ?? []) if (old !== url) await cache.delete(old);
  map.set(own, [url]);
}

// The page gets its response as soon as the network gives it; storing it (and, for index.html,
// reading which files it names) runs after, under `waitUntil`.

async function networkFirst(event) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(event.request);
    if (response.ok) event.waitUntil(adopt(cache, response.clone()));
    return response;
  } catch (error) {
    const cached = await cache.match(INDEX);
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(event) {
  const { request } = event;
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request.url);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) event.waitUntil(store(cache, request.url, response.clone()));
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== SCOPE.origin || !url.pathname.startsWith(SCOPE.pathname)) {
    return;
  }
  const rest = url.pathname.slice(SCOPE.pathname.length);
  if (request.mode === 'navigate' || rest === '' || rest === 'index.html') {
    event.respondWith(networkFirst(event));
  } else if (rest !== 'sw.js' && rest !== 'embed.js') {
    event.respondWith(cacheFirst(event));
  }
});
