// One outlet name at several domains (issue 19: "The Times of India" on 10 domains in real data):
// the provider facet must show the domain beside a name that several domains carry, so a reader
// can tell the entries apart and tick the one they mean, and show a unique name alone.
// BROADSHEET_COLLISION_DIST is the sample's app with e2e/fixtures/provider-collision-articles
// packed beside it (scripts/test makes it); the expectations are read from that folder.
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { cardsDrawn, hashOf, resultCount, showAllCards, useApp, withPage } from '../harness.mjs';

const app = useApp('BROADSHEET_COLLISION_DIST');

const FIXTURE = new URL('../fixtures/provider-collision-articles/', import.meta.url);

/** name -> domain -> article ids, from the fixture's front matter. */
async function providersOfFixture() {
  const byName = new Map();
  for (const file of (await readdir(FIXTURE)).filter((f) => f.endsWith('.md')).sort()) {
    const text = await readFile(new URL(file, FIXTURE), 'utf8');
    const match = /^provider:\n {2}name: "([^"]+)"\n {2}domain: "([^"]+)"$/m.exec(text);
    assert.ok(match, `${file} names its provider and domain`);
    const [, name, domain] = match;
    if (!byName.has(name)) byName.set(name, new Map());
    const domains = byName.get(name);
    if (!domains.has(domain)) domains.set(domain, []);
    domains.get(domain).push(file.replace(/\.md$/, ''));
  }
  return byName;
}

/** Every row of the provider facet that is on screen: key, label and count. */
const providerRows = (page) =>
  page.locator('[data-testid="facet-provider"] [data-facet-value]').evaluateAll((rows) =>
    rows.map((row) => ({
      key: row.dataset.facetValue,
      label: row.querySelector('.facet-label').textContent.trim(),
      count: Number(row.querySelector('[data-testid="facet-count"]').textContent.trim()),
    })),
  );

test('names that several domains share show their domain; ticking one shows only its articles', async () => {
  const byName = await providersOfFixture();
  const shared = [...byName].filter(([, domains]) => domains.size >= 2);
  const unique = [...byName].filter(([, domains]) => domains.size === 1);
  assert.equal(shared.length, 1, 'the fixture has one name at several domains');
  assert.ok(unique.length >= 1, 'the fixture has a name at one domain only');
  const [name, domains] = shared[0];
  const allDomains = [...byName.values()].flatMap((d) => [...d.keys()]);
  assert.equal(new Set(allDomains).size, allDomains.length, 'no domain has two names');
  assert.ok(allDomains.length > 8, 'enough outlets for the facet to have its find field');
  // Part of the shared name that no unique name has, so finding it lists exactly the shared rows.
  const typed = name.split(' ').at(-1).slice(0, 5).toLowerCase();
  assert.ok(
    unique.every(([other]) => !other.toLowerCase().includes(typed)),
    `"${typed}" is only in the shared name`,
  );

  await withPage(app.browser, async (page) => {
    await page.goto(app.server.url);
    await cardsDrawn(page);
    const total = await resultCount(page);
    const facet = page.locator('[data-testid="facet-provider"]');
    while ((await facet.locator('[data-testid="show-more"]').count()) > 0) {
      const before = (await providerRows(page)).length;
      await facet.locator('[data-testid="show-more"]').click();
      await page.waitForFunction(
        (n) => document.querySelectorAll('[data-testid="facet-provider"] [data-facet-value]').length > n,
        before,
      );
    }
    const rows = await providerRows(page);
    const row = (key) => rows.find((r) => r.key === key);
    assert.equal(rows.length, allDomains.length, `one row per domain: ${JSON.stringify(rows)}`);
    assert.equal(new Set(rows.map((r) => r.label)).size, rows.length, 'no two rows read the same');
    for (const [domain, ids] of domains) {
      assert.deepEqual(row(domain), { key: domain, label: `${name} (${domain})`, count: ids.length });
    }
    for (const [uniqueName, only] of unique) {
      const [domain, ids] = [...only][0];
      assert.deepEqual(row(domain), { key: domain, label: uniqueName, count: ids.length }, 'no domain beside a unique name');
    }

    // A reader types part of the name into the facet's find field and sees every domain of it.
    await facet.locator('[data-testid="facet-filter"]').pressSequentially(typed);
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="facet-provider"] [data-facet-value]').length === n,
      domains.size,
    );
    const found = (await providerRows(page)).map((r) => r.label).sort();
    assert.deepEqual(found, [...domains.keys()].map((d) => `${name} (${d})`).sort());

    // Ticks the domain with the most articles: a filter by name would show more.
    const [domain, ids] = [...domains].sort((a, b) => b[1].length - a[1].length)[0];
    assert.ok(ids.length < [...domains.values()].flat().length, 'the name has more articles than one domain');
    const shownCount = (await providerRows(page)).find((r) => r.key === domain).count;
    await facet.locator(`[data-facet-value="${domain}"] input[type=checkbox]`).check();
    await page.waitForFunction((d) => window.location.hash.includes(`provider=${d}`), domain);
    await page.waitForFunction(
      (n) => !document.querySelector('[data-testid="result-count"]')?.textContent.trim().startsWith(String(n)),
      total,
    );
    assert.equal(await resultCount(page), shownCount, 'the result count is the facet count');
    assert.equal(shownCount, ids.length);
    assert.equal(await showAllCards(page), ids.length);
    const cards = await page.locator('article.card').evaluateAll((list) =>
      list.map((card) => ({
        id: card.dataset.articleId,
        name: card.querySelector('[data-testid="provider-name"]').textContent.trim(),
        domain: card.querySelector('[data-testid="provider-domain"]')?.textContent.trim(),
      })),
    );
    assert.deepEqual(
      cards.sort((a, b) => a.id.localeCompare(b.id)),
      [...ids].sort().map((id) => ({ id, name, domain })),
      "only that domain's articles",
    );
    const chips = await page.locator('[data-testid="chip"] .chip-label').allTextContents();
    assert.ok(
      chips.some((c) => c.endsWith(`${name} (${domain})`)),
      `the active filter names the domain too: ${JSON.stringify(chips)} (${hashOf(page)})`,
    );
  });
});
