// Saved views (README "Saved views"): a reader names the view on screen and saves it, finds it
// in the list at #/saved after a reload, opens it (its hash becomes the page's, and it counts as
// seen), removes it with Undo, exports and imports the list as JSON (a malformed file is refused
// with a message naming what is wrong, and the list keeps everything), and after the data
// changes sees how many of each view's articles are new. Without storage the control says it
// cannot save; the embed widget has none of it; the sharded 100,000-article build counts a
// searched view once its word shards arrive.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { cardsDrawn, distFromEnv, hashOf, resultCount, serveDir, useApp, withPage } from '../harness.mjs';

const app = useApp('BROADSHEET_DIST');

const KEY_PREFIX = 'broadsheet:saved-views:';
const SEARCH = '[data-testid="search"]';
const ROW = '[data-testid="saved-view"]';

/** Opens the explore page at `base` + `hash` and waits for its count. */
async function open(page, hash = '', base = app.server.url) {
  await page.goto(`${base}${hash}`);
  await page.locator('[data-testid="result-count"]').waitFor();
}

/**
 * Types `text` into the search box, key by key (Escape first empties it), and waits until the
 * hash holds it.
 */
async function search(page, text) {
  const box = page.locator(SEARCH);
  await box.click();
  await box.press('Escape');
  await box.pressSequentially(text);
  await page.waitForFunction(
    (q) => new URLSearchParams(location.hash.split('?')[1] ?? '').get('q') === q,
    text,
  );
  await page.locator('[aria-busy="true"]#results').waitFor({ state: 'detached' });
}

/** Saves the view on screen as `name`, typed key by key and sent with Enter; returns the note. */
async function save(page, name) {
  await page.locator('[data-testid="save-view"]').click();
  const field = page.getByLabel('Name', { exact: true });
  await field.waitFor();
  assert.equal(await field.evaluate((el) => el === document.activeElement), true, 'the field has focus');
  await field.pressSequentially(name);
  await field.press('Enter');
  const done = page.locator('[data-testid="save-view-done"]');
  await done.waitFor();
  return (await done.textContent()).replace(/\s+/g, ' ').trim();
}

/** Goes to the saved views through the header's link and waits for the list (or its absence). */
async function openSaved(page) {
  await page.locator('[data-testid="saved-link"]').click();
  await page.getByRole('heading', { level: 1, name: 'Saved views' }).waitFor();
  assert.equal(hashOf(page), '#/saved');
}

/** Each row of the list: name, what it shows, and what is new (once counted). */
async function rows(page) {
  await page.locator('[data-testid="saved-list"], [data-testid="saved-empty"]').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('[data-testid="saved-new"][aria-busy]'));
  return page.locator(ROW).evaluateAll((items) =>
    items.map((li) => ({
      name: li.querySelector('[data-testid="saved-open"]').textContent.trim(),
      href: li.querySelector('[data-testid="saved-open"]').getAttribute('href'),
      news: li.querySelector('[data-testid="saved-new"]').textContent.trim(),
    })),
  );
}

/** The list as kept in localStorage (parsed), the only key of its kind. */
async function kept(page) {
  const entries = await page.evaluate((prefix) => {
    const found = [];
    for (let i = 0; i < localStorage.length; i += 1) {
      const key = localStorage.key(i);
      if (key.startsWith(prefix)) found.push(localStorage.getItem(key));
    }
    return found;
  }, KEY_PREFIX);
  assert.equal(entries.length, 1, 'one saved list for this page');
  return JSON.parse(entries[0]);
}

/** Chooses a file to import through the page's own button (a file chooser, as a person would). */
async function importFile(page, name, text) {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.locator('[data-testid="saved-import"]').click(),
  ]);
  await chooser.setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

test('a named view is listed after a reload; opening it shows it and marks it seen', async () => {
  await withPage(app.browser, async (page) => {
    await open(page);
    await search(page, 'tidewater');
    const count = await resultCount(page);
    assert.ok(count > 0, 'the search finds articles');
    assert.equal(await save(page, '  Tidewater   news '), 'Saved as “Tidewater news”. See saved views');
    // Focus goes back to the button, not to <body>, when the form closes.
    assert.equal(
      await page.evaluate(() => document.activeElement?.dataset.testid),
      'save-view',
    );

    await page.reload();
    await page.locator('[data-testid="result-count"]').waitFor();
    await openSaved(page);
    assert.deepEqual(await rows(page), [
      { name: 'Tidewater news', href: '#/?q=tidewater', news: 'nothing new since your last visit' },
    ]);
    const file = await kept(page);
    assert.equal(file.format, 'broadsheet-saved-views');
    assert.equal(file.version, 1);
    assert.equal(file.views[0].hash, '#/?q=tidewater');
    const seen = file.views[0].seen;
    assert.ok(Number.isInteger(seen), `the mark is a whole number of seconds: ${seen}`);

    // Pretend the view was last opened long ago, then open it: the mark moves up to now.
    await page.evaluate(
      ([prefix, text]) => {
        for (let i = 0; i < localStorage.length; i += 1) {
          const key = localStorage.key(i);
          if (key.startsWith(prefix)) localStorage.setItem(key, text);
        }
      },
      [KEY_PREFIX, JSON.stringify({ ...file, views: [{ ...file.views[0], seen: 0 }] })],
    );
    await page.reload();
    assert.deepEqual((await rows(page)).map((r) => r.news), [`${count} new since your last visit`]);
    await page.getByRole('link', { name: 'Tidewater news', exact: true }).click();
    await page.locator('[data-testid="result-count"]').waitFor();
    assert.equal(hashOf(page), '#/?q=tidewater', 'the saved hash is the page’s');
    assert.equal(await resultCount(page), count);
    assert.equal((await kept(page)).views[0].seen, seen, 'opening it marked it seen');
    await page.goBack();
    assert.deepEqual((await rows(page)).map((r) => r.news), ['nothing new since your last visit']);
  });
});

test('the form: Escape and Cancel keep nothing, a blank name is refused, saving again renames', async () => {
  await withPage(app.browser, async (page) => {
    await open(page, '#/?sort=date');
    const button = page.locator('[data-testid="save-view"]');
    const field = page.getByLabel('Name', { exact: true });
    await button.click();
    await field.pressSequentially('Not this one');
    await field.press('Escape');
    await field.waitFor({ state: 'detached' });
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'save-view');
    await button.click();
    await field.pressSequentially('Nor this');
    await page.locator('[data-testid="save-view-cancel"]').click();
    await field.waitFor({ state: 'detached' });

    await button.click();
    await field.pressSequentially('   ');
    await page.locator('[data-testid="save-view-submit"]').click();
    const error = page.locator('[data-testid="save-view-error"]');
    await error.waitFor();
    assert.equal((await error.textContent()).trim(), 'Give the view a name.');
    assert.equal(await field.getAttribute('aria-invalid'), 'true');
    await field.pressSequentially('Newest');
    await field.press('Enter');
    await page.locator('[data-testid="save-view-done"]').waitFor();

    assert.match(await save(page, 'Latest first'), /^This view was saved as “Newest”; it is now “Latest first”\./);
    await page.locator('[data-testid="save-view-list"]').click();
    assert.deepEqual(
      (await rows(page)).map((r) => [r.name, r.href]),
      [['Latest first', '#/?sort=date']],
      'one entry per view, under its last name',
    );
  });
});

test('remove takes a view out of the list and Undo puts it back in its place', async () => {
  await withPage(app.browser, async (page) => {
    await open(page, '#/?sort=date');
    await save(page, 'By date');
    await search(page, 'parking');
    await save(page, 'Parking');
    await openSaved(page);
    assert.deepEqual((await rows(page)).map((r) => r.name), ['Parking', 'By date']);
    await page.getByRole('button', { name: 'Remove “Parking”' }).click();
    const undo = page.locator('[data-testid="saved-undo"]');
    await undo.waitFor();
    assert.equal(await undo.evaluate((el) => el === document.activeElement), true, 'focus on Undo');
    assert.deepEqual((await rows(page)).map((r) => r.name), ['By date']);
    await undo.click();
    await page.locator(ROW).nth(1).waitFor();
    assert.deepEqual((await rows(page)).map((r) => r.name), ['Parking', 'By date']);
    await page.getByRole('button', { name: 'Remove “By date”' }).click();
    await page.reload();
    assert.deepEqual((await rows(page)).map((r) => r.name), ['Parking'], 'the removal was kept');
  });
});

test('export downloads the list as JSON; import adds a file’s views and refuses a bad file whole', async () => {
  await withPage(app.browser, async (page) => {
    await open(page, '#/?sort=date');
    await save(page, 'By date');
    await openSaved(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-testid="saved-export"]').click(),
    ]);
    assert.equal(download.suggestedFilename(), 'broadsheet-saved-views.json');
    const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
    assert.deepEqual(
      { ...exported, views: exported.views.map(({ name, hash }) => ({ name, hash })) },
      { format: 'broadsheet-saved-views', version: 1, views: [{ name: 'By date', hash: '#/?sort=date' }] },
    );

    const before = await rows(page);
    const error = page.locator('[data-testid="saved-import-error"]');
    const refused = [
      ['notes.txt', '# my views', /The file was not imported: it is not JSON \(expected value at line 1 column 1\)\./],
      ['articles.json', '[{"id": "a"}]', /it is not a saved views file \(expected a JSON object with `views`\)/],
      [
        'views.json',
        JSON.stringify({
          format: 'broadsheet-saved-views',
          version: 1,
          views: [{ name: 'Fine', hash: '#/?q=fine' }, { name: 'No hash' }, { name: 'Page', hash: '#/article/x' }],
        }),
        /entry 2: `hash` is missing; entry 3: `hash` “#\/article\/x” is not a view of the explore page\./,
      ],
    ];
    for (const [name, text, message] of refused) {
      await importFile(page, name, text);
      await error.waitFor();
      assert.match((await error.textContent()).replace(/\s+/g, ' '), message, name);
      assert.match(await error.textContent(), /Your saved views are unchanged\./);
      assert.deepEqual(await rows(page), before, `${name}: nothing lost or added`);
      await importFile(page, 'empty.json', JSON.stringify({ ...exported, views: [] }));
      await page.locator('[data-testid="saved-import-result"]').waitFor();
    }

    const file = {
      format: 'broadsheet-saved-views',
      version: 1,
      views: [
        { name: 'Dates again', hash: '#/?sort=date', seen: 0 },
        { name: 'Parking', hash: '?q=parking&zzz=1', seen: 0 },
      ],
    };
    await importFile(page, 'views.json', JSON.stringify(file));
    const result = page.locator('[data-testid="saved-import-result"]');
    await result.getByText('Imported 1 view.').waitFor();
    const notes = await result.locator('li').allTextContents();
    assert.deepEqual(notes, [
      'entry 2: the view\'s link ignored the unknown setting “zzz”',
      '“Dates again” is already saved as “By date”; kept that one',
    ]);
    const after = await rows(page);
    assert.deepEqual(after.map((r) => [r.name, r.href]), [
      ['By date', '#/?sort=date'],
      ['Parking', '#/?q=parking'],
    ]);
    assert.match(after[1].news, /^\d+ new since your last visit$/, 'seen 0: every result is new');
    assert.equal(after[0].news, 'nothing new since your last visit', 'the kept entry keeps its mark');
  });
});

test('with storage off the control says it cannot save, and nothing throws', async () => {
  await withPage(app.browser, async (page) => {
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('storage is off', 'SecurityError');
        },
      });
    });
    await open(page, '#/?sort=date');
    await page.locator('[data-testid="save-view"]').click();
    const off = page.locator('[data-testid="save-view-off"]');
    await off.waitFor();
    assert.equal((await off.textContent()).trim(), 'This browser keeps no saved views (storage is off).');
    assert.equal(await page.locator('[data-testid="save-view-form"]').count(), 0, 'no form to fill in vain');
    await openSaved(page);
    assert.equal(
      (await page.locator('[data-testid="saved-off"]').textContent()).trim(),
      'This browser keeps no saved views (storage is off).',
    );
  });
});

test('the embed widget has no saved views', async () => {
  await withPage(app.browser, async (page) => {
    await page.goto(`${app.server.url}#/embed?q=tidewater`);
    await page.locator('[data-testid="embed-item"]').first().waitFor();
    assert.equal(await page.locator('[data-testid="save-view"]').count(), 0);
    assert.equal(await page.locator('[data-testid="saved-link"]').count(), 0);
  });
});

test('after the data changes each saved view says how many of its articles are new', async () => {
  const old = await serveDir(distFromEnv('BROADSHEET_DIST'));
  let updated;
  try {
    await withPage(app.browser, async (page) => {
      await open(page, '', old.url);
      await search(page, 'tidewater');
      const tidewater = await resultCount(page);
      await save(page, 'Tidewater');
      await search(page, 'parking');
      await save(page, 'Parking');
      await openSaved(page);
      assert.deepEqual((await rows(page)).map((r) => r.news), [
        'nothing new since your last visit',
        'nothing new since your last visit',
      ]);

      // Rebuilt with three newer articles (all about Tidewater), served again at the same origin.
      const { port } = new URL(old.url);
      await old.close();
      updated = await serveDir(distFromEnv('BROADSHEET_UPDATE_DIST'), { port: Number(port) });
      await page.reload();
      assert.deepEqual(
        (await rows(page)).map((r) => [r.name, r.news]),
        [
          ['Parking', 'nothing new since your last visit'],
          ['Tidewater', '3 new since your last visit'],
        ],
      );
      await page.getByRole('link', { name: 'Tidewater', exact: true }).click();
      await page.locator('[data-testid="result-count"]').waitFor();
      assert.equal(hashOf(page), '#/?q=tidewater');
      assert.equal(await resultCount(page), tidewater + 3);
      await openSaved(page);
      assert.deepEqual((await rows(page)).map((r) => r.news), [
        'nothing new since your last visit',
        'nothing new since your last visit',
      ]);
    });
  } finally {
    await old.close().catch(() => {});
    await updated?.close();
  }
});

test('the sharded 100,000-article build counts a searched view once its word shards arrive', async () => {
  const scale = await serveDir(distFromEnv('BROADSHEET_SCALE_DIST'));
  try {
    await withPage(app.browser, async (page) => {
      await open(page, '', scale.url);
      await search(page, 'wrenfield');
      assert.ok((await resultCount(page)) > 0, 'the search finds articles');
      await save(page, 'Wrenfield');
      await openSaved(page);
      // A new document: the word shards of the saved search are fetched for the count.
      await page.reload();
      assert.deepEqual(await rows(page), [
        { name: 'Wrenfield', href: '#/?q=wrenfield', news: 'nothing new since your last visit' },
      ]);
      // A view imported as never opened: every one of its articles is new.
      const file = {
        format: 'broadsheet-saved-views',
        version: 1,
        views: [{ name: 'Thistledown', hash: '#/?q=thistledown&sort=date', seen: 0 }],
      };
      await importFile(page, 'views.json', JSON.stringify(file));
      await page.locator('[data-testid="saved-import-result"]').getByText('Imported 1 view.').waitFor();
      const [, imported] = await rows(page);
      assert.equal(imported.name, 'Thistledown');
      const news = /^([\d,]+) new since your last visit$/.exec(imported.news);
      assert.ok(news, `a count of new articles: ${imported.news}`);
      await page.getByRole('link', { name: 'Thistledown', exact: true }).click();
      await cardsDrawn(page);
      assert.equal(hashOf(page), '#/?q=thistledown&sort=date');
      assert.equal(await resultCount(page), Number(news[1].replace(/,/g, '')), 'the count is the view’s');
    });
  } finally {
    await scale.close();
  }
});
