// Starts Broadsheet: fetches the WebAssembly app and runs it, or says what is missing instead of
// leaving the page blank.
//
// A file rather than Trunk's inline loader, so the page runs under a Content-Security-Policy
// whose script-src is 'self' 'wasm-unsafe-eval' (no 'unsafe-inline'). Trunk's post_build hook
// (scripts/trunk-boot) writes the content-hashed file names into the copy in dist/ and gives
// that copy a hashed name of its own; the names below are what this file says before that.
const APP_SCRIPT = './broadsheet.js';
const APP_WASM = './broadsheet_bg.wasm';

/** Shows why the app cannot run, as text (never as markup). */
function explain(title, detail) {
  const box = document.createElement('div');
  box.className = 'load-error';
  box.setAttribute('role', 'alert');
  box.setAttribute('data-testid', 'boot-error');
  const heading = document.createElement('h1');
  heading.textContent = title;
  const text = document.createElement('p');
  text.textContent = detail;
  box.append(heading, text);
  document.body.append(box);
}

if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
  explain(
    'Broadsheet needs WebAssembly',
    'This browser does not offer WebAssembly, or it has been switched off (some browsers do so ' +
      'in a strict security mode). Please open this page in a current version of Firefox, ' +
      'Chrome, Edge or Safari, or allow WebAssembly for this site.',
  );
} else {
  // The wasm download starts now, while the script that instantiates it loads.
  const wasm = fetch(new URL(APP_WASM, import.meta.url));
  // Its failure is reported through the app's start below; without this, a failed download
  // would also count as an unhandled rejection when the script fails first.
  wasm.catch(() => {});
  import(APP_SCRIPT)
    .then((app) => app.default({ module_or_path: wasm }))
    .catch((error) => {
      explain(
        'Broadsheet could not start',
        'The app failed to load or to start (' +
          String((error && error.message) || error) +
          '). Reloading the page may help; if the site was just updated, its files may be ' +
          'out of step for a few minutes.',
      );
    });
  // How the reader's locale writes 1234567, for the app's counts (src/numbers.rs). A browser's
  // first number written for a locale loads the locale's data: 90 ms of the app's first render
  // with the CPU slowed 4× (a phone), spent here instead, while the wasm downloads.
  if (navigator.language) {
    try {
      document.documentElement.dataset.digits = (1234567).toLocaleString(navigator.language);
    } catch {
      // A language tag this browser cannot format for: the app asks for itself.
    }
  }
  // Likewise the first date formatter (src/dates.rs; a card's date is this style): building it
  // loads the locale's calendar data, 20-25 ms of a list's first render at CPU 4×. The browser
  // keeps that data, so the app's own formatter is then quick to build.
  try {
    new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(0);
  } catch {
    // No Intl dates here: the app falls back to UTC dates by itself.
  }
}

// Offline and instant repeat visits: static/sw.js caches the app and each data file the first
// time it is used (README, "Offline and updates"). A site owner turns it off with
// <meta name="broadsheet-service-worker" content="off"> in index.html, which also removes a
// worker an earlier build installed.
if ('serviceWorker' in navigator) {
  const off = document.querySelector('meta[name="broadsheet-service-worker"][content="off"]');
  const worker = new URL('./sw.js', import.meta.url);
  // Where the worker ended up (on, off, none), on <html data-service-worker>: for tests and
  // DevTools, which otherwise cannot tell "not registered yet" from "not registered".
  const settled = (state) => (document.documentElement.dataset.serviceWorker = state);
  if (off) {
    navigator.serviceWorker
      .getRegistrations()
      .then((all) => all.filter((r) => r.active?.scriptURL === worker.href || r.installing?.scriptURL === worker.href))
      .then((mine) => Promise.all(mine.map((r) => r.unregister())))
      .catch(() => {})
      .finally(() => settled('off'));
  } else {
    // Under the README's policy (require-trusted-types-for 'script') a worker's address must be a
    // TrustedScriptURL: the one policy it allows, 'broadsheet-sw', vouches for this one address.
    // A browser that refuses (private mode, a policy without worker-src 'self' or without
    // 'broadsheet-sw') still runs the app, without the worker.
    try {
      const policy = globalThis.trustedTypes?.createPolicy('broadsheet-sw', {
        createScriptURL: (url) => {
          if (url !== worker.href) throw new TypeError(`not the service worker: ${url}`);
          return url;
        },
      });
      const url = policy ? policy.createScriptURL(worker.href) : worker.href;
      navigator.serviceWorker
        .register(url)
        .then(() => settled('on'))
        .catch(() => settled('none'));
    } catch {
      // No worker: the app works the same, without the offline copy.
      settled('none');
    }
  }
}

// The app's panic message (src/crash.rs) offers a link that reloads the same view. The app has
// stopped by then, so the click is handled here; the link's own address keeps the view for a
// middle click or "open in new tab".
document.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest('a[data-reload]') : null;
  if (link && !event.ctrlKey && !event.metaKey && !event.shiftKey && event.button === 0) {
    event.preventDefault();
    location.reload();
  }
});
