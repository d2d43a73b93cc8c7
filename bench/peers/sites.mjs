// Writes the two peer sites scripts/measure-peers compares Broadsheet with, from the same folder
// of generated articles (broadsheet-gen's YAML front matter):
//
//   node bench/peers/sites.mjs ARTICLES_DIR OUT
//
// - OUT/pagefind: one HTML page per article under a/ for Pagefind's indexer (run afterwards by
//   scripts/measure-peers), and a search page, index.html, that calls pagefind.search.
// - OUT/minisearch: docs.json with every article and a search page that builds a MiniSearch index
//   of all of them in memory when it loads.
//
// Both hold what Broadsheet's search reads (crates/core/src/search.rs): title, excerpt,
// provider name, topics and body, and only the articles Broadsheet bundles (drafts and removed
// articles are left out, as broadsheet-pack does). Both search pages behave like Broadsheet's home
// view for the benchmark (e2e/peers-bench.mjs): the search link is `#/?q=words`, the count is
// `[data-testid="result-count"]`, the first 10 results are `article.card`s with their titles, and
// `[data-testid="search"]` searches on every input. When the results of a query are in the page,
// `#results` carries it in `data-query`: that is how the benchmark knows they are shown.
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [articlesDir, out] = process.argv.slice(2);
if (!articlesDir || !out) {
  console.error('usage: node bench/peers/sites.mjs ARTICLES_DIR OUT');
  process.exit(2);
}
const here = dirname(fileURLToPath(import.meta.url));

/**
 * The fields search reads from one article file, or null for a draft or a removed article.
 * broadsheet-gen writes scalars as JSON-compatible double-quoted strings (crates/gen/src/text.rs
 * `push_quoted`), so JSON.parse reads them; this is no general YAML reader.
 */
function parse(text) {
  const end = text.indexOf('\n---', 4);
  const front = text.slice(4, end).split('\n');
  const body = text.slice(text.indexOf('\n', end + 1) + 1).trim();
  const doc = { title: '', excerpt: '', provider: '', topics: [], body };
  let section = '';
  for (const line of front) {
    const top = /^(\w+):\s*(.*)$/.exec(line);
    if (top) {
      section = top[1];
      const value = top[2];
      if (section === 'published' && value === 'false') return null;
      if (section === 'removed' && value === 'true') return null;
      if (section === 'title' || section === 'excerpt') doc[section] = JSON.parse(value);
    } else if (section === 'provider' && line.startsWith('  name: ')) {
      doc.provider = JSON.parse(line.slice('  name: '.length));
    } else if (section === 'topics' && line.startsWith('  - ')) {
      doc.topics.push(JSON.parse(line.slice('  - '.length)));
    }
  }
  return doc;
}

const escape = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

const files = (await readdir(articlesDir)).filter((f) => f.endsWith('.md')).sort();
const docs = [];
for (const file of files) {
  const doc = parse(await readFile(join(articlesDir, file), 'utf8'));
  if (doc) docs.push({ id: docs.length, ...doc });
}

// The search page's shell, the same for both peers: only the script that searches differs.
const page = (script) => `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Search</title></head>
<body>
<input type="search" data-testid="search" aria-label="Search" autocomplete="off">
<p><span data-testid="result-count"></span></p>
<div id="results"></div>
<script type="module">
const input = document.querySelector('[data-testid="search"]');
const count = document.querySelector('[data-testid="result-count"]');
const list = document.querySelector('#results');
// Shows a query's count and first results (each { title, excerpt }) and marks them as its own.
const render = (q, total, first) => {
  count.textContent = \`\${total} results\`;
  list.replaceChildren(...first.map(({ title, excerpt }) => {
    const card = document.createElement('article');
    card.className = 'card';
    const h = document.createElement('h2');
    h.textContent = title;
    const p = document.createElement('p');
    p.textContent = excerpt;
    card.append(h, p);
    return card;
  }));
  list.dataset.query = q;
};
const linked = new URLSearchParams(location.hash.replace(/^#\\/?\\??/, '')).get('q') ?? '';
input.value = linked;
${script}
</script>
</body>
</html>
`;

// Pagefind: the page loads its script, asks for the results of each input (dropping any answer
// that a later keystroke has overtaken) and loads the first 10 results' data for their titles.
// pagefind.init() loads the index's entry files at once, as a site would on opening its search.
const pagefindScript = `
const pagefind = await import('./pagefind/pagefind.js');
let latest = 0;
const show = async (q) => {
  const ticket = ++latest;
  if (q.trim() === '') {
    render(q, 0, []);
    return;
  }
  const search = await pagefind.search(q);
  const first = await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
  if (ticket !== latest) return;
  render(q, search.results.length, first.map((d) => ({ title: d.meta.title, excerpt: d.excerpt })));
};
input.addEventListener('input', () => show(input.value));
if (linked === '') await pagefind.init();
await show(linked);
`;

// MiniSearch: every article is fetched and indexed in memory; a word matches as a prefix, and
// every word of the query must match (Broadsheet's rules).
const miniSearchScript = `
import MiniSearch from './minisearch.js';
const docs = await (await fetch('./docs.json')).json();
const index = new MiniSearch({
  fields: ['title', 'excerpt', 'provider', 'topics', 'body'],
  storeFields: ['title', 'excerpt'],
  extractField: (doc, field) => (field === 'topics' ? doc.topics.join(' ') : doc[field]),
  searchOptions: { prefix: true, combineWith: 'AND', boost: { title: 8, topics: 5, provider: 4, excerpt: 2 } },
});
index.addAll(docs);
const show = (q) => {
  const results = q.trim() === '' ? [] : index.search(q);
  render(q, results.length, results.slice(0, 10));
};
input.addEventListener('input', () => show(input.value));
show(linked);
`;

const pagefind = join(out, 'pagefind');
await mkdir(join(pagefind, 'a'), { recursive: true });
await writeFile(join(pagefind, 'index.html'), page(pagefindScript));
for (const doc of docs) {
  // data-pagefind-body marks what Pagefind indexes (so it skips the search page); the h1 is its
  // title, and the filters are left out: Broadsheet's facets are no part of this comparison.
  await writeFile(
    join(pagefind, 'a', `${doc.id}.html`),
    `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escape(doc.title)}</title></head>
<body><main data-pagefind-body>
<h1>${escape(doc.title)}</h1>
<p>${escape(doc.excerpt)}</p>
<p>${escape(doc.provider)} · ${doc.topics.map(escape).join(' · ')}</p>
<div>${escape(doc.body)}</div>
</main></body>
</html>
`,
  );
}

const minisearch = join(out, 'minisearch');
await mkdir(minisearch, { recursive: true });
await writeFile(join(minisearch, 'index.html'), page(miniSearchScript));
await writeFile(join(minisearch, 'docs.json'), JSON.stringify(docs));
await copyFile(join(here, 'node_modules/minisearch/dist/es/index.js'), join(minisearch, 'minisearch.js'));

console.error(`peer sites: ${docs.length} articles of ${files.length} files in ${out}`);
