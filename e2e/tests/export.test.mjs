// Exports: the CSV, JSON and Atom downloads of a view are written in the page from the bundled
// articles, parse back with a CSV reader, JSON.parse and an XML parser, and hold exactly the
// view's articles, in its order, under a file name that says the view.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { cardsDrawn, resultCount, showAllCards, useApp, withPage } from '../harness.mjs';

const app = useApp('BROADSHEET_DIST');

/**
 * RFC 4180: fields separated by commas, records by CRLF; a quoted field may hold commas,
 * line breaks and doubled quotes. Throws on anything else, so a malformed file fails the test.
 */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let i = 0;
  const end = () => {
    row.push(field);
    field = '';
  };
  while (i < text.length) {
    if (text[i] === '"' && field === '') {
      i += 1;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"' && text[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (text[i] === '"') {
          i += 1;
          break;
        } else {
          field += text[i];
          i += 1;
        }
      }
      if (i < text.length && text[i] !== ',' && text.slice(i, i + 2) !== '\r\n') {
        throw new Error(`text after a closing quote at ${i}`);
      }
    } else if (text[i] === ',') {
      end();
      i += 1;
    } else if (text.slice(i, i + 2) === '\r\n') {
      end();
      rows.push(row);
      row = [];
      i += 2;
    } else if (text[i] === '"' || text[i] === '\n' || text[i] === '\r') {
      throw new Error(`a bare ${JSON.stringify(text[i])} at ${i}`);
    } else {
      field += text[i];
      i += 1;
    }
  }
  if (field !== '' || row.length > 0) throw new Error('the last record has no CRLF');
  return rows;
}

/** Every card of the view, as the page lists them: id, title and the story's address. */
async function listed(page) {
  await showAllCards(page);
  return page.locator('article.card').evaluateAll((cards) =>
    cards.map((card) => ({
      id: card.dataset.articleId,
      title: card.querySelector('.card-title').textContent,
      url: card.querySelector('a.card-title')?.href ?? '',
    })),
  );
}

/** Clicks an export button and returns the download's file name and text. */
async function download(page, format) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(`[data-testid="export-${format}"]`).click(),
  ]);
  assert.equal(await file.failure(), null, `${format}: the download completed`);
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

/** Counts object URLs made and revoked, so the test sees each download's Blob released. */
function countObjectUrls() {
  window.__objectUrls = { made: 0, revoked: 0 };
  const { createObjectURL, revokeObjectURL } = URL;
  URL.createObjectURL = (blob) => {
    window.__objectUrls.made += 1;
    return createObjectURL(blob);
  };
  URL.revokeObjectURL = (url) => {
    window.__objectUrls.revoked += 1;
    return revokeObjectURL(url);
  };
}

const VIEWS = [
  { hash: '#/?topic=transit,-sports&sort=date&order=asc', slug: 'transit-not-sports' },
  { hash: '#/', slug: 'all' },
];

for (const { hash, slug } of VIEWS) {
  test(`CSV, JSON and Atom of ${hash} hold exactly its articles, in order`, async () => {
    await withPage(app.browser, async (page) => {
      await page.addInitScript(countObjectUrls);
      await page.goto(`${app.server.url}${hash}`);
      await cardsDrawn(page);
      const cards = await listed(page);
      assert.equal(cards.length, await resultCount(page), 'every result has a card');
      assert.ok(cards.length > 1);

      const csv = await download(page, 'csv');
      assert.equal(csv.name, `broadsheet-${slug}.csv`);
      const [header, ...rows] = parseCsv(csv.text);
      assert.equal(header[0], 'id');
      assert.ok(header.includes('title') && header.includes('webUrl') && header.includes('body'));
      assert.ok(rows.every((r) => r.length === header.length), 'every row has every column');
      const column = (name) => rows.map((r) => r[header.indexOf(name)]);
      assert.deepEqual(column('id'), cards.map((c) => c.id));
      assert.deepEqual(column('title'), cards.map((c) => c.title));
      assert.deepEqual(column('webUrl'), cards.map((c) => c.url));

      const json = await download(page, 'json');
      assert.equal(json.name, `broadsheet-${slug}.json`);
      const articles = JSON.parse(json.text);
      assert.ok(Array.isArray(articles));
      assert.deepEqual(articles.map((a) => a.id), cards.map((c) => c.id));
      assert.deepEqual(articles.map((a) => a.title), cards.map((c) => c.title));
      assert.deepEqual(articles.map((a) => a.webUrl), cards.map((c) => c.url));
      for (const a of articles) {
        assert.equal(typeof a.publishedDateTime, 'string');
        assert.equal(typeof a.provider?.name, 'string');
        assert.ok(Array.isArray(a.topics));
      }

      const atom = await download(page, 'atom');
      assert.equal(atom.name, `broadsheet-${slug}.atom`);
      const feed = await page.evaluate((xml) => {
        const doc = new DOMParser().parseFromString(xml, 'application/xml');
        if (doc.getElementsByTagName('parsererror').length > 0) {
          return { error: doc.getElementsByTagName('parsererror')[0].textContent };
        }
        const ns = 'http://www.w3.org/2005/Atom';
        const text = (el, name) => el.getElementsByTagNameNS(ns, name)[0]?.textContent;
        const root = doc.documentElement;
        return {
          root: `${root.namespaceURI} ${root.localName}`,
          self: [...root.children].find((c) => c.localName === 'link')?.getAttribute('href'),
          entries: [...doc.getElementsByTagNameNS(ns, 'entry')].map((e) => ({
            title: text(e, 'title'),
            url: e.getElementsByTagNameNS(ns, 'link')[0]?.getAttribute('href') ?? '',
            updated: text(e, 'updated'),
          })),
        };
      }, atom.text);
      assert.equal(feed.error, undefined, `the feed is well-formed XML: ${feed.error}`);
      assert.equal(feed.root, 'http://www.w3.org/2005/Atom feed');
      assert.equal(feed.self, page.url(), 'the feed links to the view');
      assert.deepEqual(feed.entries.map((e) => e.title), cards.map((c) => c.title));
      assert.deepEqual(feed.entries.map((e) => e.url), cards.map((c) => c.url));
      assert.ok(feed.entries.every((e) => !Number.isNaN(Date.parse(e.updated))));

      // Three Blobs made, three released.
      await page.waitForFunction(() => window.__objectUrls.revoked === 3);
      assert.deepEqual(await page.evaluate(() => window.__objectUrls), { made: 3, revoked: 3 });
    });
  });
}
