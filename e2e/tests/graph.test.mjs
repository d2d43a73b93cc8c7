// Related stories on the bundled sample: an article's related entries split into "in this
// collection" and "elsewhere", its story and coverage, the ego graph, coverage on cards and in
// the URL, and the graph view of a deep link, whose picture and story list agree.
//
// What to expect is worked out here from the files in content/, independently of the app: the
// front matter is the generator's fixed layout, so a few regular expressions read it, and a
// small URL normaliser and union-find redo the clustering the way the README describes it.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { cardsDrawn, hashOf, resultCount, showAllCards, useApp, withPage } from '../harness.mjs';

const CONTENT = new URL('../../content/', import.meta.url);
/** A sample article whose related entries include both kinds (4 in the collection, 2 not). */
const ARTICLE = 'sample-015-greywater-should-not-review-the-protected-bike-lanes';
/** The topic of the graph deep link. */
const TOPIC = 'Transit';

// ---- The sample, read from its files ----

/** A double-quoted YAML scalar (the generator writes JSON-compatible escapes). */
const unquote = (text) => (text.startsWith('"') ? JSON.parse(text) : text);

function readArticle(file) {
  const text = readFileSync(new URL(file, CONTENT), 'utf8');
  const front = text.split(/^---$/m)[1];
  const [head, relatedBlock = ''] = front.split(/^related:$/m);
  const top = (key) => {
    const m = new RegExp(`^${key}: (.*)$`, 'm').exec(head);
    return m ? unquote(m[1]) : undefined;
  };
  const provider = /^provider:\n {2}name: (.*)\n(?: {2}domain: (.*)\n)?/m.exec(head);
  const topics = [...(/^topics:\n((?: {2}- .*\n)+)/m.exec(head)?.[1] ?? '').matchAll(/^ {2}- (.*)$/gm)]
    .map((m) => unquote(m[1]));
  const related = relatedBlock
    .split(/^ {2}- title: /m)
    .slice(1)
    .map((entry) => {
      const field = (key) => {
        const m = new RegExp(`^ {4}${key}: (.*)$`, 'm').exec(entry);
        return m ? unquote(m[1]) : undefined;
      };
      const name = /^ {4}provider:\n {6}name: (.*)$/m.exec(entry);
      const domain = /^ {4}provider:\n {6}name: .*\n {6}domain: (.*)$/m.exec(entry);
      return {
        title: unquote(entry.split('\n')[0]),
        webUrl: field('webUrl'),
        ampWebUrl: field('ampWebUrl'),
        cdnAmpWebUrl: field('cdnAmpWebUrl'),
        quality: field('quality'),
        provider: name ? { name: unquote(name[1]), domain: domain && unquote(domain[1]) } : null,
      };
    });
  return {
    id: file.replace(/\.md$/, ''),
    title: top('title'),
    urls: ['webUrl', 'originalUrl', 'ampWebUrl', 'cdnAmpWebUrl'].map(top).filter(Boolean),
    bundled: top('published') !== 'false' && top('removed') !== 'true',
    provider: { name: unquote(provider[1]), domain: provider[2] && unquote(provider[2]) },
    topics,
    related,
  };
}

/** The README's same-story key: scheme, case, www., port, fragment, tracking and slash aside. */
function normalise(url) {
  const u = new URL(url);
  u.hash = '';
  for (const key of [...u.searchParams.keys()]) {
    if (/^utm_/i.test(key) || /^(fbclid|gclid)$/i.test(key)) u.searchParams.delete(key);
  }
  const host = u.hostname.toLowerCase().replace(/^www\./, '').replace(/\.$/, '');
  const port = u.port && !['80', '443'].includes(u.port) ? `:${u.port}` : '';
  const path = u.pathname.replace(/\/+$/, '');
  return `${host}${port}${path}${u.search}`;
}

const outlet = (p) => (p?.domain ? p.domain.toLowerCase().replace(/^www\./, '') : p?.name?.trim().toLowerCase() || null);

/** The sample as the default build bundles it, with its related graph. */
function sample() {
  const files = readdirSync(CONTENT).filter((f) => f.startsWith('sample-') && f.endsWith('.md'));
  const articles = files
    .map(readArticle)
    .filter((a) => a.bundled)
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const byUrl = new Map();
  for (const a of articles) for (const u of a.urls) if (!byUrl.has(normalise(u))) byUrl.set(normalise(u), a.id);
  // A node key per entry: an article id, or `out:<url key>` for a story elsewhere.
  const target = (entry) => {
    const inside = [entry.webUrl, entry.ampWebUrl, entry.cdnAmpWebUrl]
      .filter(Boolean)
      .map((u) => byUrl.get(normalise(u)))
      .find(Boolean);
    return inside ?? `out:${normalise(entry.webUrl)}`;
  };
  const parent = new Map();
  const find = (x) => {
    while (parent.get(x) !== x) x = parent.get(x);
    return x;
  };
  const add = (x) => parent.has(x) || parent.set(x, x);
  for (const a of articles) {
    add(a.id);
    for (const r of a.related) {
      const t = target(r);
      add(t);
      parent.set(find(t), find(a.id));
    }
  }
  const coverage = new Map();
  for (const a of articles) {
    const root = find(a.id);
    if (!coverage.has(root)) coverage.set(root, new Set());
    for (const p of [a.provider, ...a.related.map((r) => r.provider)]) {
      if (outlet(p)) coverage.get(root).add(outlet(p));
    }
  }
  const byId = new Map(articles.map((a) => [a.id, a]));
  return {
    articles,
    byId,
    target,
    story: find,
    coverageOf: (id) => coverage.get(find(id)).size,
  };
}

const SAMPLE = sample();

// ---- The browser ----

const app = useApp('BROADSHEET_DIST');

const texts = async (locator) => (await locator.allInnerTexts()).map((t) => t.trim());

test('an article page groups its related stories in and out of the collection', async () => {
  const article = SAMPLE.byId.get(ARTICLE);
  const entries = article.related.map((r) => ({ ...r, to: SAMPLE.target(r) }));
  const inside = entries.filter((r) => !r.to.startsWith('out:'));
  const elsewhere = entries.filter((r) => r.to.startsWith('out:'));
  assert.ok(inside.length > 0 && elsewhere.length > 0, 'the chosen article has both kinds');

  await withPage(app.browser, async (page) => {
    await page.goto(`${app.server.url}#/article/${ARTICLE}`);
    const related = page.locator('section[data-testid="related"]');
    await related.waitFor();
    assert.equal(await related.locator('li').count(), entries.length, 'one li per entry');

    const insideGroup = related.locator('section[data-testid="related-inside"]');
    assert.deepEqual(await texts(insideGroup.locator('li a.related-title')), inside.map((r) => r.title));
    assert.deepEqual(
      await insideGroup.locator('li a.related-title').evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
      inside.map((r) => `#/article/${r.to}`),
      'entries in the collection open their page here',
    );

    const outGroup = related.locator('section[data-testid="related-elsewhere"]');
    const outLinks = outGroup.locator('li a.related-title');
    assert.deepEqual(await texts(outLinks), elsewhere.map((r) => r.title));
    const attrs = await outLinks.evaluateAll((as) =>
      as.map((a) => [a.getAttribute('href'), a.getAttribute('rel'), a.getAttribute('target')]),
    );
    assert.deepEqual(
      attrs,
      elsewhere.map((r) => [r.webUrl, 'noopener noreferrer', '_blank']),
      'entries elsewhere link out safely',
    );
    const meta = await texts(outGroup.locator('li .related-meta'));
    elsewhere.forEach((r, i) => {
      assert.ok(meta[i].includes(r.provider.name), `provider of ${r.title}: ${meta[i]}`);
      const quality = r.quality && r.quality !== '-1' ? r.quality : '—';
      assert.ok(meta[i].includes(`Quality ${quality}`), `quality of ${r.title}: ${meta[i]}`);
      assert.match(meta[i], /\d{4}/, 'a date');
    });

    const others = SAMPLE.articles.filter((a) => a.id !== ARTICLE && SAMPLE.story(a.id) === SAMPLE.story(ARTICLE));
    const same = page.locator('[data-testid="same-story"]');
    assert.deepEqual(
      (await texts(same.locator('li a.same-story-title'))).sort(),
      others.map((a) => a.title).sort(),
      'the other bundled articles of the same story',
    );
    const coverage = SAMPLE.coverageOf(ARTICLE);
    assert.match(
      await same.locator('[data-testid="story-coverage"]').innerText(),
      new RegExp(`^Covered by ${coverage} outlets`),
    );

    const ego = page.locator('svg[data-testid="ego-graph"]');
    const nodes = Number(await ego.getAttribute('data-node-count'));
    assert.equal(await ego.locator('circle[data-node]').count(), nodes);
    assert.equal(await ego.locator(`circle[data-node="${ARTICLE}"]`).count(), 1, 'the article is in it');
    for (const r of inside) {
      assert.equal(await ego.locator(`circle[data-node="${r.to}"]`).count(), 1, `${r.to} is in it`);
      assert.equal(await ego.locator(`a[href="#/article/${r.to}"] circle`).count(), 1, `${r.to} opens`);
    }
    // Sample ids start with `sample-`, so `o<k>` keys are the stories elsewhere.
    const outside = ego.locator('circle.outside');
    assert.equal(await outside.count(), await ego.locator('circle[data-node^="o"]').count());
    assert.ok((await outside.count()) >= new Set(elsewhere.map((r) => r.to)).size, 'stories elsewhere drawn hollow');
    const tooltip = await ego.locator(`circle[data-node="${inside[0].to}"] title`).textContent();
    assert.ok(tooltip.startsWith(SAMPLE.byId.get(inside[0].to).title), tooltip);

    await ego.locator(`a[href="#/article/${inside[0].to}"]`).click();
    await page.waitForFunction((id) => location.hash === `#/article/${id}`, inside[0].to);
    await page.locator(`[data-testid="article-page"][data-article-id="${inside[0].to}"]`).waitFor();
  });
});

test('cards show coverage; coverage filters and sorts the list through the URL', async () => {
  const coverage = new Map(SAMPLE.articles.map((a) => [a.id, SAMPLE.coverageOf(a.id)]));
  const atLeast = 3;
  const expected = [...coverage.values()].filter((c) => c >= atLeast).length;
  assert.ok(expected > 0 && expected < SAMPLE.articles.length, 'the filter narrows the sample');

  await withPage(app.browser, async (page) => {
    await page.goto(app.server.url);
    await cardsDrawn(page);
    await showAllCards(page);
    const shown = await page.locator('article.card').evaluateAll((cards) =>
      cards.map((c) => [c.dataset.articleId, c.querySelector('[data-testid="coverage"]').textContent.trim()]),
    );
    for (const [id, text] of shown) {
      const n = coverage.get(id);
      assert.equal(text, `${n} ${n === 1 ? 'outlet' : 'outlets'}`, id);
    }

    await page.locator('[data-testid="coverage-min"]').pressSequentially(String(atLeast));
    await page.locator('[data-testid="coverage-min"]').press('Enter');
    await page.waitForFunction((n) => location.hash === `#/?coverage=${n}..`, atLeast);
    assert.equal(await resultCount(page), expected);

    await page.locator('[data-testid="sort"]').selectOption('coverage');
    await page.waitForFunction((n) => location.hash === `#/?coverage=${n}..&sort=coverage`, atLeast);
    await showAllCards(page);
    const counts = await page
      .locator('article.card [data-testid="coverage"]')
      .evaluateAll((els) => els.map((el) => parseInt(el.textContent, 10)));
    assert.equal(counts.length, expected);
    assert.deepEqual(counts, [...counts].sort((a, b) => b - a), 'most covered first');
    assert.ok(counts.every((c) => c >= atLeast));
  });
});

/** The graph view of articles with `topic`: nodes, edges and stories, from the files. */
function expectedGraph(topic) {
  const members = SAMPLE.articles.filter((a) => a.topics.includes(topic));
  const inView = new Set(members.map((a) => a.id));
  const nodes = new Set(inView);
  const edges = new Set();
  for (const a of members) {
    for (const r of a.related) {
      const t = SAMPLE.target(r);
      if (t === a.id || (!t.startsWith('out:') && !inView.has(t))) continue;
      nodes.add(t);
      edges.add([a.id, t].sort().join(' '));
    }
  }
  return { articles: members, nodes: nodes.size, edges: edges.size };
}

test('the graph view of a deep link draws the view and lists the same stories', async () => {
  const want = expectedGraph(TOPIC);
  const key = TOPIC.toLowerCase();
  await withPage(app.browser, async (page) => {
    await page.goto(`${app.server.url}#/graph?topic=${key}`);
    const graph = page.locator('[data-testid="graph"]');
    await graph.waitFor();
    assert.equal(await graph.getAttribute('data-renderer'), 'svg', 'a small graph is SVG');
    assert.equal(Number(await graph.getAttribute('data-node-count')), want.nodes);
    assert.equal(Number(await graph.getAttribute('data-edge-count')), want.edges);
    assert.equal(await graph.locator('circle[data-node]').count(), want.nodes);
    await page.locator('[data-testid="graph"][data-state="settled"]').waitFor();

    // The picture and the list hold the same nodes, story by story.
    const drawn = await graph.locator('circle[data-node]').evaluateAll((cs) =>
      cs.map((c) => [c.dataset.story, c.dataset.node]),
    );
    const listed = await page
      .locator('[data-testid="story-list"] li[data-story]')
      .evaluateAll((lis) =>
        lis.flatMap((li) => [...li.querySelectorAll('li[data-node]')].map((m) => [li.dataset.story, m.dataset.node])),
      );
    const sorted = (pairs) => pairs.map((p) => p.join(' ')).sort();
    assert.deepEqual(sorted(listed), sorted(drawn), 'same stories and members');
    const articleIds = drawn.map(([, n]) => n).filter((n) => SAMPLE.byId.has(n));
    assert.deepEqual(articleIds.sort(), want.articles.map((a) => a.id).sort(), 'every article of the view');
    const stories = new Set(drawn.map(([s]) => s));
    assert.equal(await page.locator('[data-testid="story-list"] li[data-story]').count(), stories.size);
    for (const id of articleIds.slice(0, 5)) {
      const n = SAMPLE.coverageOf(id);
      const outlets = page.locator(`[data-testid="story-list"] li[data-story]:has(li[data-node="${id}"]) [data-testid="story-outlets"]`);
      assert.match(await outlets.innerText(), new RegExp(`^Covered by ${n} outlets?`), id);
    }
    // Members are real links, and "Show in the graph" selects a story from the keyboard.
    const first = page.locator('[data-testid="story-list"] li[data-node] a').first();
    await first.focus();
    assert.equal(await first.evaluate((a) => a === document.activeElement), true);
    const story = page.locator('[data-testid="story-list"] li[data-story]').first();
    const lead = await story.locator('li[data-node]').first().getAttribute('data-node');
    await story.locator('button').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => location.hash === `#/graph?topic=${n[0]}&node=${n[1]}`, [key, lead]);
    await page.locator('[data-testid="node-details"]').waitFor();
  });
});

test('graph: select a node by clicking it, keep it in the URL, open it, and go back to the list', async () => {
  const key = TOPIC.toLowerCase();
  await withPage(app.browser, async (page) => {
    await page.goto(`${app.server.url}#/?topic=${key}`);
    await cardsDrawn(page);
    await page.locator('[data-testid="graph-link"]').click();
    await page.waitForFunction((k) => location.hash === `#/graph?topic=${k}`, key);
    await page.locator('[data-testid="graph"][data-state="settled"]').waitFor();

    // Click the first article's circle (fit keeps the whole graph on screen).
    await page.locator('[data-testid="graph-fit"]').click();
    const id = SAMPLE.articles.find((a) => a.topics.includes(TOPIC)).id;
    const circle = page.locator(`[data-testid="graph"] circle[data-node="${id}"]`);
    const box = await circle.boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const tooltip = page.locator('[data-testid="graph-tooltip"]');
    await tooltip.waitFor();
    assert.ok((await tooltip.innerText()).startsWith(SAMPLE.byId.get(id).title));
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForFunction((n) => location.hash === `#/graph?topic=${n[0]}&node=${n[1]}`, [key, id]);
    const details = page.locator('[data-testid="node-details"]');
    assert.equal((await details.locator('h2').innerText()).trim(), SAMPLE.byId.get(id).title);
    assert.equal(await details.locator('[data-testid="node-open"]').getAttribute('href'), `#/article/${id}`);
    assert.equal(await circle.getAttribute('data-selected'), '');

    // The selection survives a reload, and the wheel zooms.
    await page.reload();
    await details.waitFor();
    const viewport = page.locator('[data-testid="graph"] .graph-viewport');
    await page.locator('[data-testid="graph"][data-state="settled"]').waitFor();
    const before = await viewport.getAttribute('transform');
    const stage = await page.locator('.graph-stage').boundingBox();
    await page.mouse.move(stage.x + stage.width / 2, stage.y + stage.height / 2);
    await page.mouse.wheel(0, -300);
    await page.waitForFunction((t) => document.querySelector('.graph-viewport').getAttribute('transform') !== t, before);

    // Clearing the selection takes it out of the URL; the back link returns to the list.
    await page.locator('[data-testid="node-close"]').click();
    await page.waitForFunction((k) => location.hash === `#/graph?topic=${k}`, key);
    await page.locator('[data-testid="graph-back"]').click();
    await page.waitForFunction((k) => location.hash === `#/?topic=${k}`, key);
    await cardsDrawn(page);

    // Opening from the details panel goes to the article.
    await page.goto(`${app.server.url}#/graph?topic=${key}&node=${id}`);
    await page.locator('[data-testid="node-open"]').click();
    await page.locator(`[data-testid="article-page"][data-article-id="${id}"]`).waitFor();
    assert.equal(hashOf(page), `#/article/${id}`);
  });
});

test('graph: dragging a node moves it and the layout settles again', async () => {
  await withPage(app.browser, async (page) => {
    await page.goto(`${app.server.url}#/graph?topic=${TOPIC.toLowerCase()}`);
    await page.locator('[data-testid="graph"][data-state="settled"]').waitFor();
    const id = SAMPLE.articles.find((a) => a.topics.includes(TOPIC)).id;
    const circle = page.locator(`[data-testid="graph"] circle[data-node="${id}"]`);
    const box = await circle.boundingBox();
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    const cx = await circle.getAttribute('cx');
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + 40, y + 30, { steps: 5 });
    await page.mouse.move(x + 80, y + 60, { steps: 5 });
    await page.mouse.up();
    // The layout warms up again and settles with the node somewhere new.
    await page.waitForFunction(
      ([node, old]) => {
        const graph = document.querySelector('[data-testid="graph"]');
        const c = graph.querySelector(`circle[data-node="${node}"]`);
        return graph.dataset.state === 'settled' && c.getAttribute('cx') !== old;
      },
      [id, cx],
    );
    assert.equal(hashOf(page), `#/graph?topic=${TOPIC.toLowerCase()}`, 'a drag selects nothing');
  });
});

test('graph: two pointers pinching apart zoom in, and panning moves the picture', async () => {
  await withPage(app.browser, async (page) => {
    await page.goto(`${app.server.url}#/graph?topic=${TOPIC.toLowerCase()}`);
    await page.locator('[data-testid="graph"][data-state="settled"]').waitFor();
    const scale = () =>
      page
        .locator('[data-testid="graph"] .graph-viewport')
        .evaluate((g) => Number(/scale\(([^)]+)\)/.exec(g.getAttribute('transform'))[1]));
    const translate = () =>
      page
        .locator('[data-testid="graph"] .graph-viewport')
        .evaluate((g) => /translate\(([^)]+)\)/.exec(g.getAttribute('transform'))[1]);
    // A drag on the background pans.
    const moved = await translate();
    const stage = await page.locator('.graph-stage').boundingBox();
    // Fitting leaves a margin, so the corner is background, not a circle.
    const corner = [stage.x + 3, stage.y + 3];
    assert.equal(await page.evaluate(([x, y]) => document.elementFromPoint(x, y).tagName, corner), 'svg');
    await page.mouse.move(...corner);
    await page.mouse.down();
    await page.mouse.move(corner[0] + 60, corner[1] + 40, { steps: 4 });
    await page.mouse.up();
    await page.waitForFunction(
      (t) => /translate\(([^)]+)\)/.exec(document.querySelector('.graph-viewport').getAttribute('transform'))[1] !== t,
      moved,
    );

    const before = await scale();
    // Touch pointers as a phone sends them; the picture reads pointer events, not touch events.
    await page.locator('.graph-stage').evaluate((stage) => {
      const r = stage.getBoundingClientRect();
      const [x, y] = [r.left + r.width / 2, r.top + r.height / 2];
      const send = (type, id, dx) =>
        stage.dispatchEvent(
          new PointerEvent(type, {
            pointerId: id,
            pointerType: 'touch',
            isPrimary: id === 1,
            clientX: x + dx,
            clientY: y,
            bubbles: true,
          }),
        );
      send('pointerdown', 1, -20);
      send('pointerdown', 2, 20);
      for (let d = 25; d <= 80; d += 5) {
        send('pointermove', 1, -d);
        send('pointermove', 2, d);
      }
      send('pointerup', 1, -80);
      send('pointerup', 2, 80);
    });
    await page.waitForFunction(
      (b) => {
        const g = document.querySelector('[data-testid="graph"] .graph-viewport');
        return Number(/scale\(([^)]+)\)/.exec(g.getAttribute('transform'))[1]) > b * 3;
      },
      before,
    );
    assert.ok((await scale()) > before * 3, 'pinching 40 px apart to 160 px zooms in about 4×');

    assert.equal(hashOf(page), `#/graph?topic=${TOPIC.toLowerCase()}`, 'panning selects nothing');
  });
});
