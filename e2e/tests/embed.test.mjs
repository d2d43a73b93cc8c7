// Embedding: a host page on another origin puts two views of the deployment on the page with
// dist/embed.js. Each iframe shows its own view, grows to its content, and takes its height
// only from its own frame; the widgets accept no commands and add no history entries to the
// host. The share dialog hands out snippets that do the same.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { cardsDrawn, distFromEnv, launchBrowser, resultCount, serveDir, withPage } from '../harness.mjs';

let app;
let host;
let hostDir;
let browser;

/** The two views on the host page: what the snippet says, and the app link for the same view. */
const ONE = { view: 'topic=transit&sort=date', limit: 4, theme: 'dark', height: 200 };
const TWO = { view: 'provider=times.example.com', limit: 3, facets: 'topic' };
const FORGED = 3333;

function hostPage(appUrl) {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>A host page</title></head>
<body>
  <h1>Another site</h1>
  <section id="one">
    <script src="${appUrl}embed.js" data-view="${ONE.view.replaceAll('&', '&amp;')}"
      data-limit="${ONE.limit}" data-theme="${ONE.theme}" data-height="${ONE.height}" async></script>
  </section>
  <p>Text between the widgets.</p>
  <section id="two">
    <script src="${appUrl}embed.js" data-view="${TWO.view}&amp;limit=${TWO.limit}&amp;facets=${TWO.facets}" async></script>
  </section>
  <iframe id="same-origin-frame" src="other.html" title="another frame of the host"></iframe>
  <iframe id="deployment-frame" src="${appUrl}#/embed?limit=1" title="a frame from the deployment, without embed.js"></iframe>
</body>
</html>
`;
}

/**
 * A host page that gets snippets wrong: one in <head>, another deployment's embed.js (which
 * this one must leave alone), and one removed by the page before it ran. One snippet is right.
 */
function awkwardPage(appUrl, hostUrl) {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>An awkward host page</title>
  <script src="${appUrl}embed.js" data-view="limit=1" async></script>
</head>
<body>
  <section id="foreign">
    <script type="text/plain" src="${hostUrl}another-deployment/embed.js" data-view="topic=x"></script>
  </section>
  <section id="ours"><script src="${appUrl}embed.js" data-view="limit=2" async></script></section>
  <script>
    window.__removed = document.createElement('script');
    window.__removed.src = '${appUrl}embed.js';
    window.__removed.dataset.view = 'limit=3';
    document.body.append(window.__removed);
    window.__removed.remove();
  </script>
</body>
</html>
`;
}

before(async () => {
  app = await serveDir(distFromEnv('BROADSHEET_DIST'));
  hostDir = await mkdtemp(join(tmpdir(), 'broadsheet-host-'));
  await writeFile(join(hostDir, 'index.html'), hostPage(app.url));
  await writeFile(join(hostDir, 'other.html'), '<!doctype html><title>other</title><p>other</p>\n');
  host = await serveDir(hostDir);
  await writeFile(join(hostDir, 'awkward.html'), awkwardPage(app.url, host.url));
  assert.notEqual(new URL(app.url).origin, new URL(host.url).origin, 'two origins');
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await host?.close();
  await app?.close();
  if (hostDir) await rm(hostDir, { recursive: true, force: true });
});

/** The count and the first `n` article ids the full app shows for `view`. */
async function appView(page, view, n) {
  const tab = await page.context().newPage();
  await tab.goto(`${app.url}#/?${view}`);
  await cardsDrawn(tab);
  const count = await resultCount(tab);
  const ids = await tab
    .locator('article.card')
    .evaluateAll((cards, k) => cards.slice(0, k).map((c) => c.dataset.articleId), n);
  await tab.close();
  return { count, ids };
}

/** The frame element's CSS height in pixels, as the host page sees it. */
const frameHeight = (page, section) =>
  page.evaluate(
    (s) => document.querySelector(`${s} iframe[data-broadsheet-embed]`).style.height,
    section,
  );

/** The widget root's height inside the frame, rounded up as the widget reports it. */
const contentHeight = (frame) =>
  frame.locator('[data-testid="embed"]').evaluate((el) => Math.ceil(el.getBoundingClientRect().height));

/** Waits until the host page has sized the frame in `section` to `px`. */
const frameBecomes = (page, section, px) =>
  page.waitForFunction(
    ([s, h]) => document.querySelector(`${s} iframe[data-broadsheet-embed]`)?.style.height === `${h}px`,
    [section, px],
  );

/** Counts `message` listeners added to each window, so a test can see the widget adds none. */
function countMessageListeners() {
  window.__messageListeners = 0;
  const add = EventTarget.prototype.addEventListener;
  EventTarget.prototype.addEventListener = function (type, ...rest) {
    if (this === window && type === 'message') window.__messageListeners += 1;
    return add.call(this, type, ...rest);
  };
}

test('two snippets on another origin show their own views, fit their content and ignore forged heights', async () => {
  await withPage(browser, async (page) => {
    await page.addInitScript(countMessageListeners);
    await page.goto(host.url);
    const one = page.frameLocator('#one iframe[data-broadsheet-embed]');
    const two = page.frameLocator('#two iframe[data-broadsheet-embed]');
    await one.locator('[data-testid="embed-item"]').first().waitFor();
    await two.locator('[data-testid="embed-item"]').first().waitFor();

    // The right results: the same count and order as the full app for each view, cut at the limit.
    for (const [frame, spec] of [[one, ONE], [two, TWO]]) {
      const expected = await appView(page, spec.view, spec.limit);
      assert.ok(expected.count > spec.limit, `${spec.view} should have more than ${spec.limit} results`);
      assert.equal(await resultCount(frame), expected.count, `${spec.view}: the count`);
      const ids = await frame
        .locator('[data-testid="embed-item"]')
        .evaluateAll((items) => items.map((i) => i.dataset.articleId));
      assert.deepEqual(ids, expected.ids, `${spec.view}: the first ${spec.limit} results, in order`);
    }
    assert.equal(await one.locator('[data-testid^="facet-"]').count(), 0, 'no facets unless asked');
    assert.equal(await two.locator('[data-testid="facet-topic"]').count(), 1, 'facets=topic');
    assert.equal(await two.locator('[data-testid="facet-provider"]').count(), 0);

    // Widget settings: theme from the snippet, no app header.
    const frames = page.frames();
    const frameOf = (section) =>
      frames.find((f) => f.parentFrame() === page.mainFrame() && f.url().includes('#/embed') &&
        f.url().includes(section === '#one' ? 'transit' : 'times.example.com'));
    const oneFrame = frameOf('#one');
    const twoFrame = frameOf('#two');
    assert.equal(await oneFrame.evaluate(() => document.documentElement.dataset.theme), 'dark');
    assert.equal(await twoFrame.evaluate(() => document.documentElement.dataset.theme), undefined);
    assert.equal(await one.locator('.site-header, .site-footer').count(), 0, 'no app header or footer');

    // Links leave the frame for the deployment's own pages, in a new tab, without an opener.
    const first = one.locator('[data-testid="embed-item"]').first();
    const id = await first.getAttribute('data-article-id');
    const title = first.locator('a[data-testid="open-article"]');
    assert.equal(await title.getAttribute('href'), `${app.url}#/article/${id}`);
    assert.equal(await title.getAttribute('target'), '_blank');
    assert.equal(await title.getAttribute('rel'), 'noopener noreferrer');
    const source = first.locator('a[data-testid="source-link"]');
    assert.equal(await source.getAttribute('target'), '_blank');
    assert.equal(await source.getAttribute('rel'), 'noopener noreferrer');
    const all = one.locator('a[data-testid="open-app"]');
    assert.equal(await all.getAttribute('href'), `${app.url}#/?${ONE.view}`);
    assert.equal(await all.getAttribute('rel'), 'noopener noreferrer');
    const [tab] = await Promise.all([page.context().waitForEvent('page'), title.click()]);
    await tab.locator('[data-testid="article-page"]').waitFor();
    assert.equal(tab.url(), `${app.url}#/article/${id}`);
    assert.equal(await tab.evaluate(() => window.opener), null, 'no opener');
    await tab.close();

    // Each frame grows from its initial height to its content's.
    assert.notEqual(ONE.height, await contentHeight(one));
    for (const [section, frame] of [['#one', one], ['#two', two]]) {
      const want = await contentHeight(frame);
      await frameBecomes(page, section, want);
      assert.equal(await contentHeight(frame), want, `${section} settled at its content height`);
    }
    const settled = {
      one: await frameHeight(page, '#one'),
      two: await frameHeight(page, '#two'),
    };
    assert.notEqual(settled.one, `${ONE.height}px`, 'widget one left its initial height');
    assert.notEqual(settled.two, '480px', 'widget two left the default initial height');

    // Forged heights, from the host window, from another frame of the host, and from a frame of
    // the deployment's own origin that is not the widget's: all ignored. The host counts them
    // with a listener added after embed.js's, so once it has seen all three, so has embed.js.
    await page.evaluate((forged) => {
      window.__forged = 0;
      window.__heights = [];
      for (const frame of document.querySelectorAll('iframe[data-broadsheet-embed]')) {
        new MutationObserver(() => window.__heights.push(frame.style.height)).observe(frame, {
          attributes: true,
          attributeFilter: ['style'],
        });
      }
      window.addEventListener('message', (e) => {
        if (e.data?.height === forged) window.__forged += 1;
      });
    }, FORGED);
    const forge = (height) => window.parent.postMessage({ type: 'broadsheet:height', height }, '*');
    await page.evaluate((h) => window.postMessage({ type: 'broadsheet:height', height: h }, '*'), FORGED);
    await page.frame({ url: `${host.url}other.html` }).evaluate(forge, FORGED);
    const deploymentFrame = frames.find((f) => f.url() === `${app.url}#/embed?limit=1`);
    await deploymentFrame.locator('[data-testid="embed-item"]').waitFor();
    await deploymentFrame.evaluate(forge, FORGED);
    await page.waitForFunction(() => window.__forged === 3);
    assert.equal(await frameHeight(page, '#one'), settled.one);
    assert.equal(await frameHeight(page, '#two'), settled.two);
    assert.ok(
      !(await page.evaluate(() => window.__heights)).includes(`${FORGED}px`),
      'no frame ever took a forged height',
    );

    // The widgets listen to no messages: nothing the host posts can command them.
    for (const frame of [oneFrame, twoFrame]) {
      assert.equal(await frame.evaluate(() => window.__messageListeners), 0);
      assert.equal(await frame.evaluate(() => window.onmessage), null);
    }

    // A height from the widget's own frame is still clamped by the host script.
    await oneFrame.evaluate(forge, 99999);
    await frameBecomes(page, '#one', 4000);
  });
});

test('searching inside a widget narrows it in place and adds no history entry to the host', async () => {
  await withPage(browser, async (page) => {
    await page.goto(host.url);
    const two = page.frameLocator('#two iframe[data-broadsheet-embed]');
    await two.locator('[data-testid="embed-item"]').first().waitFor();
    const before = await resultCount(two);
    const entries = await page.evaluate(() => history.length);
    const sizeBefore = await frameHeight(page, '#two');

    const frame = page.frames().find((f) => f.url().includes('times.example.com'));
    const count = '[data-testid="result-count"]';
    await two.locator('[data-testid="facet-topic"] [data-facet-value] input').first().check();
    await frame.waitForFunction(
      ([selector, n]) => !document.querySelector(selector).textContent.startsWith(`${n} `),
      [count, before],
    );
    const narrowed = await resultCount(two);
    assert.ok(narrowed > 0 && narrowed < before, `a topic narrows ${before} to ${narrowed}`);
    assert.match(new URL(frame.url()).hash, /topic=/, 'the frame keeps its view in its own hash');
    const search = two.locator('[data-testid="search"]');
    await search.pressSequentially('zzzz-no-such-word');
    await two.locator('[data-testid="empty-list"]').waitFor();
    assert.equal(await resultCount(two), 0);
    assert.ok(before > 0);
    // The widget shrank, and the host followed.
    const want = await contentHeight(two);
    await frameBecomes(page, '#two', want);
    assert.notEqual(await frameHeight(page, '#two'), sizeBefore);
    assert.equal(await page.evaluate(() => history.length), entries, 'no new host history entries');
    assert.equal(new URL(page.url()).href, host.url, 'the host page did not move');
  });
});

test('the share dialog gives a link, script and iframe snippets that work on another site, with a live preview', async () => {
  await withPage(browser, async (page) => {
    const view = 'topic=housing';
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(app.url).origin,
    });
    await page.goto(`${app.url}#/?${view}`);
    await cardsDrawn(page);
    const count = await resultCount(page);

    await page.locator('[data-testid="share"]').click();
    const dialog = page.locator('[data-testid="share-dialog"]');
    await dialog.waitFor();
    assert.equal(await dialog.evaluate((d) => d.open && d.matches(':modal')), true, 'a modal dialog');

    const link = await dialog.locator('[data-testid="share-link"]').inputValue();
    assert.equal(link, `${app.url}#/?${view}`);
    await dialog.locator('[data-testid="copy-link"]').click();
    await dialog.locator('[data-testid="copy-link-status"]').filter({ hasText: 'Copied' }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);

    // Widget settings change the snippets and the preview.
    await dialog.locator('[data-testid="embed-theme"]').selectOption('dark');
    const limit = dialog.locator('[data-testid="embed-limit"]');
    await limit.click();
    await limit.press('ControlOrMeta+A');
    await limit.pressSequentially('2');
    await limit.press('Enter');
    await dialog.locator('[data-testid="embed-facet-provider"]').check();
    const query = `${view}&facets=provider&theme=dark&limit=2`;
    const script = dialog.locator('[data-testid="embed-script"]');
    await page.waitForFunction(
      (q) => document.querySelector('[data-testid="embed-script"]').value.includes(q.replaceAll('&', '&amp;')),
      query,
    );
    assert.equal(
      await script.inputValue(),
      `<script src="${app.url}embed.js" data-view="${query.replaceAll('&', '&amp;')}" async></script>`,
    );
    assert.equal(await script.evaluate((area) => area.readOnly), true);
    const iframe = await dialog.locator('[data-testid="embed-iframe"]').inputValue();
    assert.ok(
      iframe.startsWith(`<iframe src="${app.url}#/embed?${query.replaceAll('&', '&amp;')}"`),
      iframe,
    );
    const preview = page.frameLocator('[data-testid="embed-preview"]');
    await preview.locator('[data-testid="embed-item"]').first().waitFor();
    assert.equal(await resultCount(preview), count, 'the preview shows the view');
    assert.equal(await preview.locator('[data-testid="embed-item"]').count(), 2);
    assert.equal(
      await page.locator('[data-testid="embed-preview"]').getAttribute('src'),
      `${app.url}#/embed?${query}`,
    );

    await dialog.locator('[data-testid="copy-script"]').click();
    await dialog.locator('[data-testid="copy-script-status"]').filter({ hasText: 'Copied' }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await script.inputValue());

    // Both snippets, pasted into a page of another site, show the view.
    await writeFile(
      join(hostDir, 'copied.html'),
      `<!doctype html><meta charset="utf-8"><title>copied</title>
<div id="script">${await script.inputValue()}</div>
<div id="plain">${iframe}</div>\n`,
    );
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.goto(`${host.url}copied.html`);
    for (const selector of ['#script iframe', '#plain iframe']) {
      const frame = page.frameLocator(selector);
      await frame.locator('[data-testid="embed-item"]').first().waitFor();
      assert.equal(await resultCount(frame), count, `${selector} shows the view`);
      assert.equal(await frame.locator('[data-testid="embed-item"]').count(), 2);
      assert.equal(await frame.locator('[data-testid="facet-provider"]').count(), 1);
    }
  });
});

test('without the Clipboard API, copying falls back to selecting the text, quietly', async () => {
  await withPage(browser, async (page) => {
    await page.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined });
    });
    await page.goto(`${app.url}#/?topic=ai`);
    await cardsDrawn(page);
    await page.locator('[data-testid="share"]').click();
    const dialog = page.locator('[data-testid="share-dialog"]');
    await dialog.locator('[data-testid="copy-iframe"]').click();
    const status = dialog.locator('[data-testid="copy-iframe-status"]');
    await status.filter({ hasText: /Copied|Ctrl\+C/ }).waitFor();
    const selected = await page.evaluate(() => {
      const area = document.querySelector('[data-testid="embed-iframe"]');
      return area.value.slice(area.selectionStart, area.selectionEnd) === area.value && area.value.length > 0;
    });
    assert.ok(selected, 'the snippet is selected for the reader to copy');
    await dialog.locator('[data-testid="share-close"]').click();
    await dialog.waitFor({ state: 'detached' });
  });
});

test('embed.js leaves other deployments\' tags alone, warns about a snippet in <head> and skips a removed one', async () => {
  await withPage(browser, async (page) => {
    const warned = page.waitForEvent('console', {
      predicate: (msg) => msg.type() === 'warning' && /Broadsheet embed: .*<head>/.test(msg.text()),
    });
    await page.goto(`${host.url}awkward.html`);
    await page.frameLocator('#ours iframe[data-broadsheet-embed]').locator('[data-testid="embed-item"]').first().waitFor();
    await warned;
    // Every snippet of this deployment has run, the removed one included (it threw on the host
    // page before: its tag had no parent to put a frame into).
    await page.waitForFunction(
      () => window.__removed.getAttribute('data-broadsheet-embedded') === '1' &&
        document.head.querySelector('script[data-broadsheet-embedded]') !== null,
    );
    const frames = await page.evaluate(() =>
      [...document.querySelectorAll('iframe')].map((f) => f.closest('section')?.id ?? f.parentElement.tagName),
    );
    assert.deepEqual(frames, ['ours'], 'one frame, for the one snippet in the body');
    assert.equal(
      await page.locator('#foreign script').getAttribute('data-broadsheet-embedded'),
      null,
      "another deployment's tag is not this script's",
    );
  });
});

test('a widget below the fold takes its height before it is scrolled into view', async () => {
  const below = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A long host page</title></head>
<body>
  <h1>A long article</h1>
  <div style="height: 1000px">Text above the widget.</div>
  <section id="below">
    <script src="${app.url}embed.js" data-view="topic=transit" data-limit="2" async></script>
  </section>
</body></html>
`;
  await writeFile(join(hostDir, 'below.html'), below);
  await withPage(browser, async (page) => {
    await page.goto(`${host.url}below.html`);
    await page.waitForFunction(() => document.querySelector('#below iframe[data-broadsheet-embed]'));
    // Never scrolled: the frame starts 1,000 px down a 720 px window, near enough for the
    // lazy frame to load but out of view, where Chromium paints nothing inside it.
    await page.waitForFunction(
      () => document.querySelector('#below iframe[data-broadsheet-embed]').style.height !== '480px',
    );
    assert.equal(await page.evaluate(() => window.scrollY), 0, 'the host page was not scrolled');
    const reported = await page.evaluate(
      () => document.querySelector('#below iframe[data-broadsheet-embed]').style.height,
    );
    await page.locator('#below').scrollIntoViewIfNeeded();
    const frame = page.frameLocator('#below iframe[data-broadsheet-embed]');
    await frame.locator('[data-testid="embed-item"]').first().waitFor();
    const fits = await contentHeight(frame);
    assert.equal(reported, `${fits}px`, 'the height reported off screen is the one it has on screen');
  });
});

test("a story's share dialog gives a snippet that shows the story's reports on another site, searchable", async () => {
  await withPage(browser, async (page) => {
    // The first story of the graph's list, opened as a reader would.
    await page.goto(`${app.url}#/graph`);
    const entry = page.locator('[data-testid="story-list"] li[data-story]').first();
    await entry.waitFor();
    await entry.locator('[data-testid="whole-story"]').click();
    await page.locator('[data-testid="story-page"] [data-testid="timeline"]').waitFor();
    const story = await page.evaluate(() => ({
      hash: location.hash,
      title: document.querySelector('#story-title').textContent.trim(),
      reports: document.querySelector('[data-testid="story-reports"]').textContent.trim(),
      items: document.querySelectorAll('[data-testid="timeline-item"]').length,
      firstTwo: [...document.querySelectorAll('[data-testid="timeline-item"]')]
        .slice(0, 2)
        .map((i) => i.dataset.articleId ?? null),
    }));
    assert.ok(story.items >= 3, `a story of 3 reports or more: ${JSON.stringify(story)}`);
    const key = /^#\/story\/([^?]+)/.exec(story.hash)[1];

    await page.locator('[data-testid="story-page"] [data-testid="share"]').click();
    const dialog = page.locator('[data-testid="share-dialog"]');
    await dialog.waitFor();
    assert.equal((await dialog.locator('#share-title').textContent()).trim(), 'Share this story');
    assert.equal(await dialog.locator('[data-testid="share-link"]').inputValue(), `${app.url}${story.hash}`);
    assert.equal(await dialog.locator('[data-testid^="embed-facet-"]').count(), 0, 'a story widget has no facet panels');
    const limit = dialog.locator('[data-testid="embed-limit"]');
    await limit.click();
    await limit.press('ControlOrMeta+A');
    await limit.pressSequentially('2');
    await limit.press('Enter');
    const query = `story=${key}&limit=2`;
    await page.waitForFunction(
      (q) => document.querySelector('[data-testid="embed-script"]').value.includes(q.replaceAll('&', '&amp;')),
      query,
    );
    const script = await dialog.locator('[data-testid="embed-script"]').inputValue();
    assert.equal(script, `<script src="${app.url}embed.js" data-view="${query.replaceAll('&', '&amp;')}" async></script>`);
    const preview = page.frameLocator('[data-testid="embed-preview"]');
    await preview.locator('[data-testid="embed-story-title"]').waitFor();
    assert.equal((await preview.locator('[data-testid="embed-story-title"]').textContent()).trim(), story.title);

    // Pasted into a page of another site.
    await writeFile(
      join(hostDir, 'story.html'),
      `<!doctype html><meta charset="utf-8"><title>story</title><div id="story">${script}</div>\n`,
    );
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.goto(`${host.url}story.html`);
    const frame = page.frameLocator('#story iframe');
    await frame.locator('[data-testid="embed-item"]').first().waitFor();
    assert.equal((await frame.locator('[data-testid="result-count"]').textContent()).trim(), story.reports);
    assert.equal(await frame.locator('[data-testid="embed-item"]').count(), 2, 'the limit holds');
    assert.deepEqual(
      await frame
        .locator('[data-testid="embed-item"]')
        .evaluateAll((items) => items.map((i) => i.dataset.articleId ?? null)),
      story.firstTwo,
      'the story from its first report on',
    );
    const whole = frame.locator('[data-testid="open-app"]');
    assert.equal(await whole.getAttribute('href'), `${app.url}#/story/${key}`);
    assert.equal(await whole.getAttribute('rel'), 'noopener noreferrer');
    assert.match(await whole.textContent(), new RegExp(`See all ${story.items} reports of this story`));

    // A search typed in the widget narrows the story in place: a word found nowhere keeps none.
    await frame.locator('[data-testid="search"]').pressSequentially('zzzqqq');
    await frame.locator('[data-testid="empty-list"]').waitFor();
    assert.equal(await frame.locator('[data-testid="embed-item"]').count(), 0);
  });
});
