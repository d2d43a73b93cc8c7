/*
 * Broadsheet embed: put a view of a Broadsheet deployment on any page.
 *
 *   <script src="https://HOST/PATH/embed.js" data-view="topic=ai&sort=heat" async></script>
 *
 * Each such script tag gets an iframe, inserted right after it, showing that view (the part after
 * `#/?` in a Broadsheet link) from the deployment the script came from. Optional attributes:
 * data-title (the iframe's accessible name), data-height (initial height in pixels, default 480),
 * data-max-height (default 4000), and the widget's own settings, which can also go in data-view:
 * data-theme (light, dark, auto), data-limit (how many results), data-facets (e.g. "topic,provider"),
 * data-story (an article id: the widget shows that story's reports instead of a view's results).
 *
 * The widget reports its content height with postMessage; this script accepts a height only from
 * its own iframe's window and only from the deployment's origin, and clamps it. It sends nothing
 * to the widget, and the widget accepts no commands. No framework, no globals besides one marker.
 *
 * Only tags that load this very deployment's embed.js are embedded (another site's embed.js on
 * the page is left alone); a tag in <head> gets no frame (it would be invisible there) and a
 * console warning says where to put it; a tag removed before it ran is skipped quietly.
 */
(function () {
  'use strict';
  var MIN_HEIGHT = 120;

  function clamp(value, low, high) {
    return Math.max(low, Math.min(high, value));
  }

  function number(text, fallback) {
    var n = parseInt(text, 10);
    return isFinite(n) && n > 0 ? n : fallback;
  }

  function embed(script, base) {
    if (script.getAttribute('data-broadsheet-embedded')) return;
    script.setAttribute('data-broadsheet-embedded', '1');
    // A snippet the host page removed before it ran has nowhere to put its frame.
    if (!script.parentNode) return;
    if (!document.body || !document.body.contains(script)) {
      console.warn(
        'Broadsheet embed: a snippet is outside the page body (in <head>?), where its widget ' +
          'would be invisible; put the <script> tag in the <body>, where the widget should appear.'
      );
      return;
    }
    // The view is passed through as written, so its own encoding (a %2C inside a value) holds.
    var query = (script.getAttribute('data-view') || '').replace(/^[#/?]+/, '');
    ['story', 'theme', 'limit', 'facets'].forEach(function (name) {
      var value = script.getAttribute('data-' + name);
      if (value && !new RegExp('(^|&)' + name + '=').test(query)) {
        query += (query ? '&' : '') + name + '=' + encodeURIComponent(value).replace(/%2C/gi, ',');
      }
    });
    var maxHeight = number(script.getAttribute('data-max-height'), 4000);
    var frame = document.createElement('iframe');
    frame.src = base.href + '#/embed' + (query ? '?' + query : '');
    frame.title = script.getAttribute('data-title') || 'Broadsheet articles';
    frame.loading = 'lazy';
    frame.referrerPolicy = 'no-referrer';
    frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox');
    frame.style.cssText = 'display:block;width:100%;border:0;overflow:hidden;';
    frame.style.height = clamp(number(script.getAttribute('data-height'), 480), MIN_HEIGHT, maxHeight) + 'px';
    frame.setAttribute('data-broadsheet-embed', '');
    script.parentNode.insertBefore(frame, script.nextSibling);

    window.addEventListener('message', function (event) {
      if (event.source !== frame.contentWindow || event.origin !== base.origin) return;
      var data = event.data;
      if (!data || data.type !== 'broadsheet:height' || typeof data.height !== 'number' || !isFinite(data.height)) return;
      frame.style.height = clamp(Math.ceil(data.height), MIN_HEIGHT, maxHeight) + 'px';
    });
  }

  // document.currentScript is this tag while it runs, and names the deployment: only tags that
  // load embed.js from the same folder are this script's to embed. The query also catches such
  // tags whose script ran from cache before the others were parsed.
  var own = document.currentScript;
  if (!own || !own.src) return;
  var base = new URL('./', own.src);
  var isOwn = function (tag) {
    var url = new URL(tag.src, document.baseURI);
    return new URL('./', url).href === base.href && /\/embed\.js$/.test(url.pathname);
  };
  embed(own, base);
  var tags = document.querySelectorAll('script[src][data-view]');
  for (var i = 0; i < tags.length; i += 1) {
    if (isOwn(tags[i])) embed(tags[i], base);
  }
})();
