//! The library: what the app holds of a packed bundle (see [`crate::data::pack`]) — the entry, and
//! every shard fetched so far.
//!
//! Pages say what they need ([`Need`]); [`Library::missing`] answers which files that takes;
//! the app fetches them and hands the bytes to [`Library::insert`], which checks each against
//! the entry before anything can read it. Everything here is synchronous and pure: fetching is
//! the app's job.

use crate::data::pack::{
    shard_of, shards_for_prefix, shards_from, short_hash, Entry, Part, Segment, Shard, ShardId,
    ENTRY_MAGIC, SHARD_MAGIC,
};
use crate::index::catalog::{Catalog, Columns};
use crate::index::search::{self, lookups, phrase_candidates, Query, SearchIndex, Sources};
use crate::index::stories::Stories;
use crate::index::suggest::{self, buckets_near, query_words, Suggestion, Vocabulary};
use crate::model::article::{Article, Card};
use crate::view::explore::Collection;
use crate::wire::{self, WireError};
use std::rc::Rc;

/// Why bytes could not be read as a file of the pack.
#[derive(Debug, thiserror::Error)]
pub enum PackError {
    /// The bytes do not start with this version's magic number.
    #[error(
        "not a Broadsheet file of format version {}",
        crate::data::pack::FORMAT_VERSION
    )]
    Magic,
    /// The body does not decode, or a value in it fails validation.
    #[error("corrupt file: {0}")]
    Decode(#[from] WireError),
    /// The entry names no file of this name.
    #[error("{0} is not a file of this build")]
    Unknown(String),
    /// The file decodes but does not fit the entry.
    #[error("{file} does not match the catalog: {what}")]
    Mismatch {
        /// The file.
        file: String,
        /// What is wrong.
        what: &'static str,
    },
}

/// An id shard's content: ids with their article numbers, sorted by id.
type IdRun = Vec<(String, u32)>;

/// Something a page shows, and so needs loaded.
#[derive(Debug, Clone, Copy)]
pub enum Need<'a> {
    /// These articles' cards (what a list shows).
    Cards(&'a [u32]),
    /// These articles, whole.
    Articles(&'a [u32]),
    /// The article with this id (to find its number, its id shard must be read, then its
    /// article shard).
    Id(&'a str),
    /// Search for this query, phrases checked.
    Query(&'a Query),
    /// The related-stories graph.
    Graph,
    /// What "did you mean" needs for this query besides its search files ([`Need::Query`]):
    /// the vocabulary of the lengths its words can be near.
    Suggestions(&'a Query),
}

/// A query word that finds little, and the words of the collection offered instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Misspelling {
    /// The word as search folded it.
    pub word: String,
    /// How many articles it finds alone.
    pub found: usize,
    /// The nearest words that find more, best first.
    pub offers: Vec<Suggestion>,
}

/// The entry and the shards read so far. Cloning is cheap (the entry and every shard are
/// shared), so the app keeps each state as an immutable snapshot and makes a new one when a
/// shard arrives.
#[derive(Debug, Clone)]
pub struct Library {
    entry: Rc<Entry>,
    /// The catalog, joined from its parts.
    catalog: Rc<Catalog>,
    cards: Vec<Option<Rc<Card>>>,
    articles: Vec<Option<Rc<Article>>>,
    /// Per id shard, once read, its ids with their numbers.
    ids: Vec<Option<Rc<IdRun>>>,
    /// Per segment of the search index, its range shards and its summaries.
    words: Vec<Vec<Option<Rc<SearchIndex>>>>,
    summaries: Vec<Vec<Option<Rc<SearchIndex>>>>,
    graph: Option<Rc<Stories>>,
    /// Per word length, its vocabulary, once read.
    vocabulary: Vec<Option<Rc<Vocabulary>>>,
}

/// Below this many bytes in all, the whole search index is worth fetching right after the first
/// screen, so that the first keystroke waits for no download. Measured at 10,000 generated
/// articles: the index is 723 kB raw / 235 kB brotli, and the first keystroke took 72–77 ms
/// (p95 of 12) while fetching its shards against 30–40 ms for the others. At 100,000 (9 MB raw)
/// a reader only ever fetches the ranges their words fall in.
pub const PREFETCH_WORDS_BELOW: u64 = 1 << 20;

/// The key range of shard `k`: from its key to the next shard's.
fn bounds(keys: &[String], k: usize) -> (&str, Option<&str>) {
    (keys[k].as_str(), keys.get(k + 1).map(String::as_str))
}

fn within(key: &str, (from, until): (&str, Option<&str>)) -> bool {
    key >= from && until.is_none_or(|u| key < u)
}

/// The summary of the words starting with `word` in `segment`, when that prefix has one: it
/// stands for all of the prefix's range shards in the segment, one file instead of dozens.
fn summary_of(segment: &Segment, word: &str) -> Option<usize> {
    segment
        .prefixes
        .binary_search_by(|p| p.as_str().cmp(word))
        .ok()
}

/// A shard file's content, decoded.
fn decode_shard(bytes: &[u8]) -> Result<Shard, PackError> {
    let body = bytes
        .strip_prefix(SHARD_MAGIC.as_slice())
        .ok_or(PackError::Magic)?;
    Ok(wire::from_bytes(body)?)
}

/// An entry file, read: what names every other file. It says which files to fetch first
/// ([`Self::first_files`]), then [`Library::open_with`] takes it with its catalog parts, so the
/// entry is decoded once, when it arrives.
#[derive(Debug, Clone)]
pub struct EntryFile(Entry);

impl EntryFile {
    /// Reads an entry file's bytes.
    ///
    /// # Errors
    /// When they are not an entry file of this format version, or do not decode.
    pub fn read(bytes: &[u8]) -> Result<Self, PackError> {
        let body = bytes
            .strip_prefix(ENTRY_MAGIC.as_slice())
            .ok_or(PackError::Magic)?;
        Ok(Self(wire::from_bytes(body)?))
    }

    /// The catalog parts the entry needs besides the files it carries, to fetch (side by side)
    /// before [`Library::open_with`].
    #[must_use]
    pub fn catalog_parts(&self) -> Vec<String> {
        self.first_files(&[]).0
    }

    /// The catalog parts (as [`Self::catalog_parts`]) and, apart, the files of `needs` that the
    /// entry alone names: an id's id shard, a search's search files (exact words and prefixes;
    /// fuzzy words wait for their vocabulary), the graph. A page whose needs are known when the
    /// entry arrives (a link's) fetches them beside the parts instead of after reading the
    /// catalog and drawing a first screen, one round trip later. Other needs are left out.
    #[must_use]
    pub fn first_files(&self, needs: &[Need<'_>]) -> (Vec<String>, Vec<String>) {
        let entry = &self.0;
        let carried = |id: &ShardId| !entry.inline.iter().any(|f| f.name == entry.path(*id));
        let parts = (0..entry.part_hashes.len())
            .map(ShardId::Part)
            .filter(carried)
            .map(|id| entry.path(id))
            .collect();
        let mut early: Vec<ShardId> = Vec::new();
        for need in needs {
            match *need {
                Need::Id(id) => early.push(ShardId::Ids(shard_of(&entry.id_keys, id))),
                Need::Query(query) => {
                    for word in lookups(query) {
                        for (s, segment) in entry.segments.iter().enumerate() {
                            match summary_of(segment, word) {
                                Some(k) => early.push(ShardId::Summary(s, k)),
                                None => early.extend(
                                    shards_for_prefix(&segment.word_keys, word)
                                        .map(|k| ShardId::Words(s, k)),
                                ),
                            }
                        }
                    }
                }
                Need::Graph => early.push(ShardId::Graph),
                Need::Cards(_) | Need::Articles(_) | Need::Suggestions(_) => {}
            }
        }
        let mut seen = std::collections::HashSet::new();
        let early = early
            .into_iter()
            .filter(|id| entry.hash_of(*id).is_some() && carried(id) && seen.insert(*id))
            .map(|id| entry.path(id))
            .collect();
        (parts, early)
    }
}

impl Library {
    /// Reads an entry file that carries its catalog parts (a small collection).
    ///
    /// # Errors
    /// As [`EntryFile::read`] and [`Self::open_with`].
    pub fn open(bytes: &[u8]) -> Result<Self, PackError> {
        Self::open_with(EntryFile::read(bytes)?, &[])
    }

    /// Opens a read entry file with the catalog parts it names (see
    /// [`EntryFile::catalog_parts`]) and the shards it carries.
    ///
    /// # Errors
    /// When a part is missing, or a part or a carried shard does not fit the entry.
    pub fn open_with(entry: EntryFile, parts: &[(&str, &[u8])]) -> Result<Self, PackError> {
        let EntryFile(mut entry) = entry;
        let mismatch = |what| PackError::Mismatch {
            file: "the entry".to_owned(),
            what,
        };
        let inline = std::mem::take(&mut entry.inline);
        let first_page = std::mem::take(&mut entry.first_page);
        let mut found: Vec<Option<Part>> = vec![None; entry.part_hashes.len()];
        let given = inline
            .iter()
            .map(|f| (f.name.as_str(), f.bytes.as_slice()))
            .chain(parts.iter().copied());
        for (name, bytes) in given {
            let Some((ShardId::Part(s), hash)) = ShardId::parse(name) else {
                continue;
            };
            let unknown = || PackError::Unknown(name.to_owned());
            if entry.hash_of(ShardId::Part(s)) != Some(hash) {
                return Err(unknown());
            }
            if short_hash(bytes) != hash {
                return Err(PackError::Mismatch {
                    file: name.to_owned(),
                    what: "its bytes are not those its name was made from",
                });
            }
            let Shard::Part(part) = decode_shard(bytes)? else {
                return Err(PackError::Mismatch {
                    file: name.to_owned(),
                    what: "it holds another kind of shard than its name says",
                });
            };
            found[s] = Some(part);
        }
        let parts: Vec<Part> = found
            .into_iter()
            .collect::<Option<_>>()
            .ok_or_else(|| mismatch("a part of the catalog is missing"))?;
        let (cards, articles) = (entry.cards as usize, entry.articles as usize);
        if cards == 0 || articles == 0 {
            return Err(mismatch("article shards do not cover the articles"));
        }
        let sizes_fit = entry.segments.len() == parts.len()
            && entry
                .segments
                .iter()
                .zip(&parts)
                .enumerate()
                .all(|(s, (seg, part))| {
                    let start = seg.start as usize;
                    let end = entry
                        .segments
                        .get(s + 1)
                        .map_or(entry.coverage.len(), |next| next.start as usize);
                    end.checked_sub(start) == Some(part.columns.len())
                        && shards_from(start..end, cards).len() == part.card_hashes.len()
                        && shards_from(start..end, articles).len() == part.article_hashes.len()
                });
        if !sizes_fit {
            return Err(mismatch("the catalog's parts do not fit its segments"));
        }
        entry.card_hashes = parts.iter().flat_map(|p| &p.card_hashes).copied().collect();
        entry.article_hashes = (parts.iter())
            .flat_map(|p| &p.article_hashes)
            .copied()
            .collect();
        let columns: Vec<&Columns> = parts.iter().map(|p| &p.columns).collect();
        let catalog = Catalog::join(&columns, std::mem::take(&mut entry.coverage))
            .map_err(|_| mismatch("the coverage column does not fit the catalog"))?;
        let n = catalog.len();
        let per = |size: u32| (size > 0).then(|| n.div_ceil(size as usize));
        if per(entry.cards) != Some(entry.card_hashes.len())
            || per(entry.articles) != Some(entry.article_hashes.len())
        {
            return Err(mismatch("article shards do not cover the articles"));
        }
        let starts_ok = entry.segments.first().is_none_or(|s| s.start == 0)
            && entry.segments.windows(2).all(|w| w[0].start < w[1].start)
            && entry.segments.iter().all(|s| s.start as usize <= n);
        let counts_ok = entry.id_keys.len() == entry.id_hashes.len()
            && entry.segments.iter().all(|s| {
                s.word_keys.len() == s.word_hashes.len()
                    && s.prefixes.len() == s.summary_hashes.len()
                    && s.prefixes.windows(2).all(|w| w[0] < w[1])
            });
        if !starts_ok || !counts_ok {
            return Err(mismatch(
                "the search segments or their files are inconsistent",
            ));
        }
        let all_keys =
            std::iter::once(&entry.id_keys).chain(entry.segments.iter().map(|s| &s.word_keys));
        for keys in all_keys {
            let sorted = keys.windows(2).all(|w| w[0] < w[1]);
            if !sorted || keys.first().is_some_and(|k| !k.is_empty()) {
                return Err(mismatch("shards are not in key order"));
            }
        }
        let mut library = Self {
            catalog: Rc::new(catalog),
            cards: vec![None; n],
            articles: vec![None; n],
            ids: vec![None; entry.id_keys.len()],
            words: (entry.segments.iter())
                .map(|s| vec![None; s.word_keys.len()])
                .collect(),
            summaries: (entry.segments.iter())
                .map(|s| vec![None; s.prefixes.len()])
                .collect(),
            graph: None,
            vocabulary: vec![None; entry.vocabulary_hashes.len()],
            entry: Rc::new(entry),
        };
        for (number, card) in first_page {
            if !library.places(number, |c| c.describes_card(number, &card)) {
                return Err(mismatch("a first-page card does not match the catalog"));
            }
            library.cards[number as usize] = Some(Rc::new(card));
        }
        for file in inline {
            if !matches!(ShardId::parse(&file.name), Some((ShardId::Part(_), _))) {
                library.insert(&file.name, &file.bytes)?;
            }
        }
        Ok(library)
    }

    /// True when article `number` exists and the catalog agrees with `fits`.
    fn places(&self, number: u32, fits: impl Fn(&Catalog) -> bool) -> bool {
        (number as usize) < self.len() && fits(&self.catalog)
    }

    /// The columns, facet tables and orders of every article.
    #[must_use]
    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// True when these are the project's sample articles rather than a site owner's own.
    #[must_use]
    pub fn is_sample(&self) -> bool {
        self.entry.sample
    }

    /// How many articles.
    #[must_use]
    pub fn len(&self) -> usize {
        self.catalog.len()
    }

    /// True when there are no articles.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Article `n`'s card, if read.
    #[must_use]
    pub fn card(&self, n: u32) -> Option<&Rc<Card>> {
        self.cards.get(n as usize)?.as_ref()
    }

    /// Article `n`, whole, if its shard has been read.
    #[must_use]
    pub fn article(&self, n: u32) -> Option<&Rc<Article>> {
        self.articles.get(n as usize)?.as_ref()
    }

    /// The number of the article with this id, once its id shard says it and the article is
    /// read; `None` when there is none, or when a file is still missing (then [`Need::Id`] is).
    #[must_use]
    pub fn find(&self, id: &str) -> Option<u32> {
        let n = self.number_of(id)?;
        self.article(n).is_some().then_some(n)
    }

    /// The number its id shard gives `id`, once that shard is read, whether or not the article
    /// is: for a page that needs other articles anyway (a story's), which can ask for them all
    /// at once instead of waiting for this one's first.
    #[must_use]
    pub fn number_of(&self, id: &str) -> Option<u32> {
        let pairs = self.ids.get(shard_of(&self.entry.id_keys, id))?.as_ref()?;
        let at = pairs.binary_search_by(|(i, _)| i.as_str().cmp(id)).ok()?;
        Some(pairs[at].1)
    }

    /// The related-stories graph, once read.
    #[must_use]
    pub fn stories(&self) -> Option<&Rc<Stories>> {
        self.graph.as_ref()
    }

    /// The paths (below the data folder) of the files `needs` take that have not been read,
    /// each once, in the order needed.
    #[must_use]
    pub fn missing(&self, needs: &[Need<'_>]) -> Vec<String> {
        let mut ids: Vec<ShardId> = Vec::new();
        // A set beside the list: exporting every result of a large collection asks for
        // thousands of shards, and a scan of the list per article would be quadratic.
        let mut seen = std::collections::HashSet::new();
        let mut add = |id: ShardId| {
            if seen.insert(id) {
                ids.push(id);
            }
        };
        let cards = self.entry.cards as usize;
        let articles = self.entry.articles as usize;
        for need in needs {
            match *need {
                Need::Cards(numbers) => {
                    for &n in numbers {
                        if (n as usize) < self.len() && self.card(n).is_none() {
                            add(ShardId::Cards(n as usize / cards));
                        }
                    }
                }
                Need::Articles(numbers) => {
                    for &n in numbers {
                        if (n as usize) < self.len() && self.article(n).is_none() {
                            add(ShardId::Articles(n as usize / articles));
                        }
                    }
                }
                Need::Id(id) => {
                    let k = shard_of(&self.entry.id_keys, id);
                    if self.ids.get(k).is_some_and(Option::is_none) {
                        add(ShardId::Ids(k));
                    } else if let Some(n) = self.number_of(id) {
                        if self.article(n).is_none() {
                            add(ShardId::Articles(n as usize / articles));
                        }
                    }
                }
                Need::Query(query) => {
                    let mut words_ready = true;
                    // A fuzzy word looks up the words near it, which its vocabulary says.
                    let mut near = Vec::new();
                    for word in query.fuzzy() {
                        if let Some(words) = self.near(word) {
                            near.extend(words);
                        } else {
                            words_ready = false;
                            for b in buckets_near(word.chars().count()) {
                                if self.vocabulary.get(b).is_some_and(Option::is_none) {
                                    add(ShardId::Vocabulary(b));
                                }
                            }
                        }
                    }
                    for word in lookups(query).chain(near.iter().map(String::as_str)) {
                        for (s, segment) in self.entry.segments.iter().enumerate() {
                            let (words, summaries) = (&self.words[s], &self.summaries[s]);
                            let range = shards_for_prefix(&segment.word_keys, word);
                            if range.clone().all(|k| words[k].is_some()) {
                                continue;
                            }
                            match summary_of(segment, word) {
                                Some(k) if summaries[k].is_some() => {}
                                Some(k) => {
                                    words_ready = false;
                                    add(ShardId::Summary(s, k));
                                }
                                None => {
                                    words_ready = false;
                                    for k in range.filter(|&k| words[k].is_none()) {
                                        add(ShardId::Words(s, k));
                                    }
                                }
                            }
                        }
                    }
                    if words_ready {
                        for n in phrase_candidates(&self.word_shards(), query) {
                            if self.article(n).is_none() {
                                add(ShardId::Articles(n as usize / articles));
                            }
                        }
                    }
                }
                Need::Graph => {
                    if self.graph.is_none() {
                        add(ShardId::Graph);
                    }
                }
                Need::Suggestions(query) => {
                    for word in query_words(query) {
                        for b in buckets_near(word.chars().count()) {
                            if self.vocabulary.get(b).is_some_and(Option::is_none) {
                                add(ShardId::Vocabulary(b));
                            }
                        }
                    }
                }
            }
        }
        ids.into_iter().map(|id| self.entry.path(id)).collect()
    }

    /// The search shards not read yet, when the whole index is smaller than
    /// [`PREFETCH_WORDS_BELOW`]; none otherwise.
    #[must_use]
    pub fn words_to_prefetch(&self) -> Vec<String> {
        if self.entry.word_bytes >= PREFETCH_WORDS_BELOW {
            return Vec::new();
        }
        let mut all = Vec::new();
        for (s, words) in self.words.iter().enumerate() {
            for (k, _) in words.iter().enumerate().filter(|(_, w)| w.is_none()) {
                all.push(self.entry.path(ShardId::Words(s, k)));
            }
        }
        all
    }

    /// The collection's words near a fuzzy `word` (see [`suggest::near_words`]), once the
    /// vocabulary of every length they may have is read.
    fn near(&self, word: &str) -> Option<Vec<String>> {
        let mut buckets = Vec::new();
        for b in buckets_near(word.chars().count()) {
            match self.vocabulary.get(b) {
                Some(Some(vocabulary)) => buckets.push(vocabulary),
                Some(None) => return None,
                None => {}
            }
        }
        let words = buckets.iter().flat_map(|v| v.words().map(|(w, _)| w));
        Some(suggest::near_words(words, word))
    }

    /// "Did you mean": the query's words that find fewer articles than a near word of the
    /// collection would, with those words. Complete once [`Need::Suggestions`] and
    /// [`Need::Query`] are not missing; a word whose vocabulary is not read yet gets no offers.
    #[must_use]
    pub fn suggestions(&self, query: &Query) -> Vec<Misspelling> {
        query_words(query)
            .into_iter()
            .filter_map(|word| {
                let found = self.search(&Query::parse(word)).len();
                let near = buckets_near(word.chars().count())
                    .filter_map(|b| self.vocabulary.get(b)?.as_deref())
                    .flat_map(Vocabulary::words);
                let offers = suggest::suggest(near, word, found);
                (!offers.is_empty()).then(|| Misspelling {
                    word: word.to_owned(),
                    found,
                    offers,
                })
            })
            .collect()
    }

    /// The search shards and summaries read so far. A summary and the ranges it summarises may
    /// both be here: search keeps each article's best score, which they agree on.
    fn word_shards(&self) -> Vec<&SearchIndex> {
        let all = self.words.iter().chain(&self.summaries).flatten();
        all.flatten().map(|w| &**w).collect()
    }

    /// The article numbers of run `k` of `size` (`None`: there is no such run), once `run` is
    /// checked to be exactly those articles, as the catalog describes them.
    fn run_range<T>(
        &self,
        k: usize,
        size: u32,
        run: &[T],
        describes: impl Fn(&Catalog, u32, &T) -> bool,
    ) -> Option<Result<std::ops::Range<usize>, &'static str>> {
        let n = self.len();
        let start = k.saturating_mul(size as usize);
        let range = (start < n).then(|| start..(start + size as usize).min(n))?;
        let fits = run.len() == range.len()
            && run.iter().zip(range.clone()).all(|(item, i)| {
                u32::try_from(i).is_ok_and(|i| self.places(i, |cat| describes(cat, i, item)))
            });
        Some(if fits {
            Ok(range)
        } else {
            Err("its articles are not the ones listed")
        })
    }

    /// Reads a fetched shard, checking that it is a file the entry names, that its bytes are
    /// the ones its name's hash says, and that its content fits the catalog.
    pub fn insert(&mut self, name: &str, bytes: &[u8]) -> Result<(), PackError> {
        let unknown = || PackError::Unknown(name.to_owned());
        let (id, hash) = ShardId::parse(name).ok_or_else(unknown)?;
        if self.entry.hash_of(id) != Some(hash) {
            return Err(unknown());
        }
        if !bytes.starts_with(SHARD_MAGIC.as_slice()) {
            return Err(PackError::Magic);
        }
        let mismatch = |what| PackError::Mismatch {
            file: name.to_owned(),
            what,
        };
        if short_hash(bytes) != hash {
            return Err(mismatch("its bytes are not those its name was made from"));
        }
        let n = self.len();
        match (id, decode_shard(bytes)?) {
            (ShardId::Cards(k), Shard::Cards(run)) => {
                let range = self.run_range(k, self.entry.cards, &run, Catalog::describes_card);
                let range = range.ok_or_else(unknown)?.map_err(mismatch)?;
                for (slot, card) in self.cards[range].iter_mut().zip(run) {
                    *slot = Some(Rc::new(card));
                }
            }
            (ShardId::Articles(k), Shard::Articles(run)) => {
                let range = self.run_range(k, self.entry.articles, &run, Catalog::describes);
                let range = range.ok_or_else(unknown)?.map_err(mismatch)?;
                for (i, a) in range.zip(run) {
                    // A whole article holds its card: no need to fetch that too.
                    self.cards[i].get_or_insert_with(|| Rc::new(Card::from(&a)));
                    self.articles[i] = Some(Rc::new(a));
                }
            }
            (ShardId::Ids(k), Shard::Ids(pairs)) => {
                let (from, until) = bounds(&self.entry.id_keys, k);
                let fits = pairs.windows(2).all(|w| w[0].0 < w[1].0)
                    && pairs
                        .iter()
                        .all(|(id, number)| (*number as usize) < n && within(id, (from, until)));
                if !fits {
                    return Err(mismatch("its ids are out of order or out of range"));
                }
                self.ids[k] = Some(Rc::new(pairs));
            }
            (ShardId::Words(s, k), Shard::Words(index)) => {
                let (from, until) = bounds(&self.entry.segments[s].word_keys, k);
                if !index.is_valid_for(n) || !index.is_within(from, until) {
                    return Err(mismatch("its words or postings are out of range"));
                }
                self.words[s][k] = Some(Rc::new(index));
            }
            (ShardId::Summary(s, k), Shard::Words(index)) => {
                let prefix = &self.entry.segments[s].prefixes[k];
                if !index.is_valid_for(n) || !index.is_summary_of(prefix) {
                    return Err(mismatch("it is not a summary of its prefix"));
                }
                self.summaries[s][k] = Some(Rc::new(index));
            }
            (ShardId::Vocabulary(b), Shard::Vocabulary(vocabulary)) => {
                if !vocabulary.is_valid_for(b, n) {
                    return Err(mismatch("its words are out of order or of another length"));
                }
                self.vocabulary[b] = Some(Rc::new(vocabulary));
            }
            (ShardId::Graph, Shard::Graph(stories)) => {
                let same = stories.article_count() == n
                    && (0..n).all(|i| {
                        u32::try_from(i)
                            .is_ok_and(|i| stories.article_coverage(i) == self.catalog.coverage(i))
                    });
                if !same {
                    return Err(mismatch("its coverage differs from the catalog's"));
                }
                self.graph = Some(Rc::new(stories));
            }
            _ => {
                return Err(mismatch(
                    "it holds another kind of shard than its name says",
                ))
            }
        }
        Ok(())
    }
}

impl Collection for Library {
    fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// Search over the shards read so far: complete once [`Need::Query`] is not missing.
    fn search(&self, query: &Query) -> Vec<(u32, f32)> {
        let shards = self.word_shards();
        let article = |n: u32| self.article(n).map(|a| &**a);
        let near = |word: &str| self.near(word).unwrap_or_default();
        search::search(
            &Sources {
                shards: &shards,
                article: &article,
                near: &near,
            },
            query,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::bundle::Bundle;
    use crate::data::pack::{Options, Pack};
    use crate::model::article::Card;
    use crate::testing::article;
    use crate::view::explore::explore;
    use crate::view::state::{Action, Sort, ViewState};

    fn bundle(n: usize) -> Bundle {
        bundle_of("story", n)
    }

    fn bundle_of(prefix: &str, n: usize) -> Bundle {
        let articles = (0..n)
            .map(|i| {
                let mut a = article(&format!("{prefix}-{i:04}"), Some((i % 97) as f64), i as i64);
                a.title = format!("Harbour report number {i} on tides");
                a.excerpt = if i % 3 == 0 {
                    "The machine learning desk".into()
                } else {
                    "Learning about a machine".into()
                };
                a.topics = vec![format!("Topic {}", i % 5)];
                a
            })
            .collect();
        Bundle::new(articles)
    }

    fn small_shards() -> Options {
        Options {
            cards: 3,
            articles: 7,
            ids: 16,
            postings: 40,
            segment: 64,
            first_page: 5,
            inline_below: 0,
            summaries_above: 2,
            sample: false,
        }
    }

    /// Opens the entry, then keeps fetching what `needs` miss from the pack's shards.
    fn load(pack: &Pack, library: &mut Library, needs: &[Need<'_>]) -> usize {
        let mut fetched = 0;
        loop {
            let missing = library.missing(needs);
            if missing.is_empty() {
                return fetched;
            }
            fetched += missing.len();
            load_files(pack, library, &missing);
        }
    }

    #[test]
    fn a_links_first_files_are_those_the_opened_library_asks_for_first() {
        let pack = bundle(200).pack(small_shards());
        let entry = EntryFile::read(&pack.entry.bytes).expect("entry reads");
        let parts = entry.catalog_parts();
        let library = pack.open().expect("entry opens");
        let queries: Vec<Query> = [
            "harb",
            "tides 12",
            "machine learning",
            "-tides harbour",
            "zzz",
        ]
        .iter()
        .map(|q| Query::parse(q))
        .collect();
        let mut cases: Vec<Vec<Need<'_>>> = vec![
            vec![],
            vec![Need::Id("story-0000")],
            vec![Need::Id("story-0150")],
            vec![Need::Id("not-an-article")],
            vec![Need::Graph],
        ];
        cases.extend(queries.iter().map(|q| vec![Need::Query(q)]));
        cases.push(vec![
            Need::Id("story-0042"),
            Need::Query(&queries[1]),
            Need::Graph,
        ]);
        for needs in &cases {
            let (first_parts, early) = entry.first_files(needs);
            assert_eq!(first_parts, parts, "{needs:?}");
            assert_eq!(early, library.missing(needs), "{needs:?}");
        }
        let (_, early) = entry.first_files(&[Need::Id("story-0150")]);
        assert_eq!(early.len(), 1, "one id shard: {early:?}");
        // What only the catalog can say (which cards, which articles) waits for it.
        let (_, early) = entry.first_files(&[Need::Cards(&[1, 2]), Need::Articles(&[3])]);
        assert!(early.is_empty(), "{early:?}");
        // A small collection's entry carries every file: nothing to fetch early.
        let small = bundle(20).pack(Options::default());
        assert!(small.shards.is_empty());
        let small_entry = EntryFile::read(&small.entry.bytes).expect("reads");
        let (_, early) = small_entry.first_files(&cases[1]);
        assert!(early.is_empty(), "{early:?}");
    }

    #[test]
    fn a_sharded_library_answers_like_the_bundle() {
        let whole = bundle(200);
        let pack = whole.pack(small_shards());
        assert!(pack.shards.len() > 30, "{} shards", pack.shards.len());
        let mut library = pack.open().expect("entry opens");
        let first = whole.catalog().heat_order()[0];
        assert!(
            library.card(first).is_some(),
            "first page came with the entry"
        );
        assert!(library.article(first).is_none(), "as a card only");
        assert!(library.card(whole.catalog().heat_order()[10]).is_none());
        for text in [
            "",
            "harb",
            "tides 12",
            r#""machine learning""#,
            "zzz",
            "report",
            "harbuor~",
            "harbuor~ tide~ 12",
            "zzzzqx~",
        ] {
            let state = ViewState::default()
                .apply(Action::SetQuery(text.into()))
                .apply(Action::SetSort(Sort::Date));
            let query = Query::parse(text);
            load(&pack, &mut library, &[Need::Query(&query)]);
            assert_eq!(explore(&library, &state), explore(&whole, &state), "{text}");
        }
        let numbers = [3, 150, 199];
        let mut cards_only = pack.open().expect("entry opens");
        assert_eq!(load(&pack, &mut cards_only, &[Need::Cards(&numbers)]), 3);
        assert!(cards_only.card(150).is_some() && cards_only.article(150).is_none());
        load(&pack, &mut library, &[Need::Articles(&numbers)]);
        for n in numbers {
            assert_eq!(library.article(n).map(|a| &**a), Some(whole.article(n)));
            let card = Card::from(whole.article(n));
            assert_eq!(library.card(n).map(|c| &**c), Some(&card));
        }
        let mut fresh = pack.open().expect("entry opens");
        assert_eq!(fresh.find("story-0123"), None, "not read yet");
        // Its id shard says its number, then its article shard.
        assert_eq!(load(&pack, &mut fresh, &[Need::Id("story-0123")]), 2);
        assert_eq!(fresh.find("story-0123"), Some(123));
        load(&pack, &mut fresh, &[Need::Id("nope")]);
        assert_eq!(fresh.find("nope"), None);
        assert!(library.stories().is_none());
        load(&pack, &mut library, &[Need::Graph]);
        assert_eq!(library.stories().map(|s| &**s), Some(whole.stories()));
    }

    #[test]
    fn a_file_of_another_format_version_is_refused_and_says_which_this_reads() {
        let pack = bundle(10).pack(Options::default());
        assert_eq!(pack.entry.bytes[4], crate::data::pack::FORMAT_VERSION);
        let mut older = pack.entry.bytes.clone();
        older[4] -= 1;
        let error = Library::open(&older).expect_err("a file of another version");
        assert_eq!(
            error.to_string(),
            format!(
                "not a Broadsheet file of format version {}",
                crate::data::pack::FORMAT_VERSION
            )
        );
    }

    #[test]
    fn did_you_mean_reads_the_vocabulary_near_the_words_lengths_only() {
        let whole = bundle(200);
        let pack = whole.pack(small_shards());
        let mut library = pack.open().expect("entry opens");
        // "harbuor" (7 letters) finds nothing; "harbour" is in every title. "tides" finds all.
        let query = Query::parse("Harbuor tides");
        let needs = [Need::Query(&query), Need::Suggestions(&query)];
        let vocabulary: Vec<String> = library
            .missing(&needs)
            .into_iter()
            .filter(|name| name.starts_with('v'))
            .collect();
        // Lengths 5 to 9 for "harbuor", 3 to 7 for "tides": 3 to 9, once each.
        let lengths: Vec<&str> = vocabulary
            .iter()
            .map(|name| name.split_once('-').expect("named v<length>-<hash>").0)
            .collect();
        assert_eq!(lengths, ["v5", "v6", "v7", "v8", "v9", "v3", "v4"]);
        load(&pack, &mut library, &needs);
        let found = library.suggestions(&query);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].word, "harbuor");
        assert_eq!(found[0].found, 0);
        assert_eq!(
            found[0].offers,
            [Suggestion {
                word: "harbour".into(),
                articles: 200
            }]
        );
        // The same answer from a collection small enough to travel in one file.
        let inline = whole.pack(Options::default()).open().expect("opens");
        assert!(
            inline.missing(&needs).is_empty(),
            "everything came with the entry"
        );
        assert_eq!(inline.suggestions(&query), found);
        // A vocabulary file of another length is refused.
        let mut other = pack.open().expect("opens");
        let v5 = pack
            .shards
            .iter()
            .find(|f| f.name.starts_with("v5-"))
            .expect("a vocabulary of five-letter words");
        let v6 = pack
            .shards
            .iter()
            .find(|f| f.name.starts_with("v6-"))
            .expect("a vocabulary of six-letter words");
        assert!(other.insert(&v5.name, &v6.bytes).is_err());
    }

    #[test]
    fn a_short_prefix_costs_one_summary_and_answers_like_the_bundle() {
        let whole = bundle(200);
        let pack = whole.pack(small_shards());
        let segments = pack.open().expect("opens").entry.segments.clone();
        assert!(segments.len() > 1, "several segments");
        let prefixes = &segments[0].prefixes;
        assert!(prefixes.iter().any(|p| p == "t"), "{prefixes:?}");
        for text in ["t", "t h", "ta", r#""t h""#, "h", "tides t"] {
            let state = ViewState::default().apply(Action::SetQuery(text.into()));
            let query = Query::parse(text);
            let mut library = pack.open().expect("opens");
            let first = library.missing(&[Need::Query(&query)]);
            load(&pack, &mut library, &[Need::Query(&query)]);
            assert_eq!(explore(&library, &state), explore(&whole, &state), "{text}");
            if text == "t" {
                assert!(
                    first.len() <= segments.len(),
                    "a file per segment: {first:?}"
                );
                assert!(first[0].starts_with("p0."), "a summary: {first:?}");
            }
        }
        let mut library = pack.open().expect("opens");
        let t = Query::parse("t");
        load(&pack, &mut library, &[Need::Query(&Query::parse("tides"))]);
        load(&pack, &mut library, &[Need::Query(&t)]);
        let state = ViewState::default().apply(Action::SetQuery("t".into()));
        assert_eq!(explore(&library, &state), explore(&whole, &state));
    }

    #[test]
    fn a_small_index_is_fetched_ahead_and_a_large_one_is_not() {
        let whole = bundle(200);
        let pack = whole.pack(small_shards());
        let library = pack.open().expect("entry opens");
        let ahead = library.words_to_prefetch();
        assert!(ahead.len() > 2 && ahead.iter().all(|f| f.ends_with(".bin")));
        let mut all = library.clone();
        load_files(&pack, &mut all, &ahead);
        assert!(all.words_to_prefetch().is_empty(), "nothing left to fetch");
        let q = Query::parse("harbour tides");
        assert!(all.missing(&[Need::Query(&q)]).is_empty());

        let mut large = pack.open().expect("entry opens");
        Rc::make_mut(&mut large.entry).word_bytes = PREFETCH_WORDS_BELOW;
        assert!(large.words_to_prefetch().is_empty());
    }

    fn load_files(pack: &Pack, library: &mut Library, names: &[String]) {
        for name in names {
            let file = pack
                .shards
                .iter()
                .find(|f| &f.name == name)
                .expect("a shard of the pack");
            library.insert(&file.name, &file.bytes).expect("own shard");
        }
    }

    #[test]
    fn a_small_bundle_is_one_file() {
        let whole = bundle(20);
        let pack = whole.pack(Options::default());
        assert!(pack.shards.is_empty());
        let library = pack.open().expect("entry opens");
        let q = Query::parse(r#""machine learning" harbour"#);
        let needs = [Need::Graph, Need::Id("story-0007"), Need::Query(&q)];
        assert!(library.missing(&needs).is_empty());
        assert_eq!(library.find("story-0007"), Some(7));
    }

    #[test]
    fn an_update_keeps_the_names_of_what_it_did_not_change() {
        let options = small_shards();
        let before = bundle(200).pack(options);
        // 200 → 230: the segments [0, 128) [128, 192) [192, 200) become [0, 128) [128, 192)
        // [192, 230), so only the recent part is new.
        let after = bundle(230).pack(options);
        let names = |pack: &Pack, kind: &str| -> Vec<String> {
            let mut names: Vec<String> = (pack.shards.iter())
                .map(|f| f.name.clone())
                .filter(|name| name.starts_with(kind))
                .collect();
            names.sort_by_key(|name| ShardId::parse(name).map(|(id, _)| format!("{id:?}")));
            names
        };
        let (parts, new_parts) = (names(&before, "k"), names(&after, "k"));
        assert_eq!(parts.len(), 3);
        assert_eq!(parts[..2], new_parts[..2], "old parts keep their names");
        assert_ne!(parts[2], new_parts[2]);
        // Card shards of 3: the first 66 hold articles 0..198, which did not change.
        let kept = |kind: &str, whole: usize| {
            let new = names(&after, kind);
            names(&before, kind)
                .iter()
                .filter(|name| new.contains(name))
                .count()
                >= whole
        };
        assert!(
            kept("c", 66) && kept("a", 28),
            "old card and article shards keep theirs"
        );
        // The entry does not list card or article shards: the parts do.
        let EntryFile(entry) = EntryFile::read(&after.entry.bytes).expect("decodes");
        assert!(entry.card_hashes.is_empty() && entry.article_hashes.is_empty());
        let library = after.open().expect("opens");
        assert_eq!(library.entry.card_hashes.len(), 230_usize.div_ceil(3));
        assert_eq!(library.entry.article_hashes.len(), 230_usize.div_ceil(7));
    }

    #[test]
    fn a_part_naming_too_few_shards_is_refused() {
        let pack = bundle(200).pack(small_shards());
        let EntryFile(mut entry) = EntryFile::read(&pack.entry.bytes).expect("decodes");
        let name = entry.path(ShardId::Part(1));
        let file = (pack.shards.iter())
            .find(|f| f.name == name)
            .expect("part 1");
        let Ok(Shard::Part(mut part)) = decode_shard(&file.bytes) else {
            panic!("part 1 is a part");
        };
        part.card_hashes.pop();
        let bytes = postcard::to_extend(&Shard::Part(part), SHARD_MAGIC.to_vec()).expect("encodes");
        entry.part_hashes[1] = short_hash(&bytes);
        let forged = postcard::to_extend(&entry, ENTRY_MAGIC.to_vec()).expect("encodes");
        let parts: Vec<(String, &[u8])> = (0..entry.part_hashes.len())
            .map(|s| {
                let name = entry.path(ShardId::Part(s));
                let original = pack.shards.iter().find(|f| f.name == name);
                (
                    name,
                    original.map_or(bytes.as_slice(), |f| f.bytes.as_slice()),
                )
            })
            .collect();
        let given: Vec<(&str, &[u8])> = parts.iter().map(|(n, b)| (n.as_str(), *b)).collect();
        assert!(matches!(
            Library::open_with(EntryFile::read(&forged).expect("reads"), &given),
            Err(PackError::Mismatch { what, .. }) if what.contains("do not fit its segments")
        ));
        // The same bytes, the hashes whole: the forgery is in the part alone.
        let real: Vec<(&str, &[u8])> = (pack.shards.iter())
            .filter(|f| f.name.starts_with('k'))
            .map(|f| (f.name.as_str(), f.bytes.as_slice()))
            .collect();
        let entry = EntryFile::read(&pack.entry.bytes).expect("reads");
        assert!(Library::open_with(entry, &real).is_ok());
    }

    #[test]
    fn foreign_altered_and_misplaced_files_are_refused() {
        let whole = bundle(60);
        let pack = whole.pack(small_shards());
        let mut library = pack.open().expect("entry opens");
        assert!(matches!(Library::open(b"nope"), Err(PackError::Magic)));
        let mut cut = pack.entry.bytes.clone();
        cut.truncate(cut.len() / 2);
        assert!(Library::open(&cut).is_err());

        let (a, b) = (&pack.shards[0], &pack.shards[1]);
        assert!(matches!(
            library.insert("elsewhere/c0.bin", &a.bytes),
            Err(PackError::Unknown(_))
        ));
        let beyond = a.name.replacen("c0-", "c999-", 1);
        assert!(beyond.starts_with("c999-"), "{beyond}");
        assert!(matches!(
            library.insert(&beyond, &a.bytes),
            Err(PackError::Unknown(_))
        ));
        assert!(matches!(
            library.insert(&a.name, b"x"),
            Err(PackError::Magic)
        ));
        // A genuine shard of another build, under this build's name for it.
        let other = bundle_of("story-1", 60).pack(small_shards());
        let foreign = other
            .shards
            .iter()
            .find(|f| f.name.starts_with("a2-"))
            .expect("a2");
        let here = pack
            .shards
            .iter()
            .find(|f| f.name.starts_with("a2-"))
            .expect("a2");
        assert!(library.insert(&here.name, &foreign.bytes).is_err());
        // The right bytes under another shard's name.
        assert!(library.insert(&b.name, &a.bytes).is_err());
        let graph = pack
            .shards
            .iter()
            .find(|f| f.name.starts_with("graph-"))
            .expect("graph");
        assert!(library.insert(&a.name, &graph.bytes).is_err());
        // A range of words where a summary belongs.
        let file = |start: &str| pack.shards.iter().find(|f| f.name.starts_with(start));
        let (p0, w0) = (file("p0.0-").expect("p0"), file("w0.0-").expect("w0"));
        assert!(library.insert(&p0.name, &w0.bytes).is_err());
        assert!(library.insert(&p0.name, &p0.bytes).is_ok());
        assert!(library.insert(&a.name, &a.bytes).is_ok());
        assert!(library.insert(&here.name, &here.bytes).is_ok());
    }

    /// An article with every field filled, and a body with every kind of node.
    fn rich(i: usize) -> crate::model::article::Article {
        use crate::model::article::{Image, Provider, Related, Score};
        use crate::model::body::{Body, Node};
        use crate::text::time::{Timestamp, MAX_UNIX};
        use crate::text::url::HttpUrl;
        let url = |path: &str| HttpUrl::parse(&format!("https://example.com/{path}")).expect("url");
        let image = |k: u32| Image {
            url: url(&format!("img/{k}.png")),
            width: Some(u32::MAX - k),
            height: (k % 2 == 0).then_some(k),
            is_cached: k % 3 == 0,
            title: Some(format!("Bild {k} – Zürich")),
        };
        let text = |t: &str| Node::Text(t.to_owned());
        let body = Body::from_nodes(vec![
            Node::Heading(6),
            text("Head"),
            Node::End,
            Node::Paragraph,
            text("a "),
            Node::Emphasis,
            text("b"),
            Node::End,
            Node::Strong,
            text("c"),
            Node::End,
            Node::Code("d".into()),
            Node::Link(url("link")),
            text("e"),
            Node::End,
            Node::Image {
                src: url("inline.png"),
                alt: String::new(),
            },
            Node::LineBreak,
            Node::End,
            Node::List(Some(u64::MAX)),
            Node::Item,
            Node::Quote,
            Node::Paragraph,
            text("f"),
            Node::End,
            Node::End,
            Node::End,
            Node::End,
            Node::List(None),
            Node::Item,
            Node::End,
            Node::End,
            Node::Rule,
            Node::CodeBlock("<b>\n".into()),
        ])
        .expect("a valid body");
        let mut a = article(
            &format!("rich-{i:03}"),
            Some(1_000_000.0),
            1_700_000_000 + i as i64,
        );
        a.category = Some("Nachrichten".into());
        a.excerpt = format!("Excerpt {i}");
        a.original_url = Some(url("original"));
        a.amp_web_url = Some(url("amp"));
        a.cdn_amp_web_url = Some(url("cdn"));
        a.kind = Some("video".into());
        a.quality = Some(Score::new(0.0).expect("score"));
        a.draft = i % 2 == 1;
        a.provider = Provider {
            name: "Example Times".into(),
            domain: None,
            images: vec![image(1)],
        };
        a.topics = vec!["Harbour".into(), String::new(), "ü".repeat(200)];
        a.images = vec![image(2), image(3)];
        a.related = vec![
            Related {
                title: "Elsewhere".into(),
                excerpt: String::new(),
                published_at: Some(Timestamp::from_unix(MAX_UNIX).expect("instant")),
                web_url: url(&format!("related/{}", i % 3)),
                amp_web_url: Some(url("related/amp")),
                cdn_amp_web_url: None,
                kind: None,
                provider: Some(Provider {
                    name: "Other".into(),
                    domain: Some("other.example".into()),
                    images: Vec::new(),
                }),
                quality: None,
                images: vec![image(4)],
            },
            Related {
                title: String::new(),
                excerpt: "x".into(),
                published_at: None,
                web_url: url(&format!("rich-{:03}", i / 2)),
                amp_web_url: None,
                cdn_amp_web_url: None,
                kind: Some("article".into()),
                provider: None,
                quality: Some(Score::new(0.5).expect("score")),
                images: Vec::new(),
            },
        ];
        a.body = body;
        a
    }

    /// Every file of a pack of rich articles, sharded small, and of packs carried in one file.
    fn every_kind_of_file() -> Vec<crate::data::pack::File> {
        let rich = Bundle::new((0..40).map(rich).collect());
        let mut files = Vec::new();
        // The plain bundle's words are many enough for summaries.
        for pack in [rich.pack(small_shards()), bundle(200).pack(small_shards())] {
            files.extend(pack.shards);
            files.push(pack.entry);
        }
        let kinds: Vec<char> = files.iter().filter_map(|f| f.name.chars().next()).collect();
        for kind in ['c', 'a', 'i', 'k', 'w', 'p', 'g', 'v'] {
            assert!(kinds.contains(&kind), "a file of kind {kind}");
        }
        files.push(rich.pack(Options::default()).entry);
        files.push(Bundle::new(Vec::new()).pack(Options::default()).entry);
        files
    }

    #[test]
    fn the_hand_reader_reads_every_file_as_postcard_wrote_it() {
        for file in every_kind_of_file() {
            // Read, then written again byte for byte: the reader took every value as written.
            let again = if file.name.starts_with("entry-") {
                let EntryFile(entry) = EntryFile::read(&file.bytes).expect("reads");
                postcard::to_extend(&entry, ENTRY_MAGIC.to_vec())
            } else {
                let shard = decode_shard(&file.bytes).expect("reads");
                postcard::to_extend(&shard, SHARD_MAGIC.to_vec())
            };
            assert!(again.expect("encodes") == file.bytes, "{}", file.name);
        }
    }

    #[test]
    fn the_hand_reader_reads_edge_values_as_postcard_wrote_them() {
        let whole = bundle(3);
        let card = Card::from(&rich(7));
        let shards = [
            Shard::Cards(Vec::new()),
            Shard::Cards(vec![card.clone()]),
            Shard::Articles(vec![
                rich(1),
                article("a", None, crate::text::time::MIN_UNIX),
            ]),
            Shard::Ids(Vec::new()),
            Shard::Ids(vec![(String::new(), 0), ("z".repeat(300), u32::MAX)]),
            Shard::Part(Part {
                columns: whole.catalog().part(0..3),
                card_hashes: vec![0, u32::MAX],
                article_hashes: Vec::new(),
            }),
            Shard::Words(SearchIndex::default()),
            Shard::Words(whole.index().clone()),
            Shard::Graph(whole.stories().clone()),
            Shard::Vocabulary(Vocabulary::default()),
            Shard::Vocabulary(Vocabulary::by_length(whole.index().counts()).remove(7)),
        ];
        for shard in shards {
            let bytes = postcard::to_allocvec(&shard).expect("encodes");
            assert_eq!(wire::from_bytes::<Shard>(&bytes), Ok(shard));
        }
        let EntryFile(mut entry) =
            EntryFile::read(&whole.pack(small_shards()).entry.bytes).expect("reads");
        entry.word_bytes = u64::MAX;
        entry.graph_hash = u32::MAX;
        entry.cards = u32::MAX;
        entry.vocabulary_hashes = vec![0, 127, 128, u32::MAX];
        entry.first_page = vec![(u32::MAX, card)];
        entry.inline = vec![crate::data::pack::File {
            name: String::new(),
            bytes: (0..=255).collect(),
        }];
        let bytes = postcard::to_allocvec(&entry).expect("encodes");
        assert_eq!(wire::from_bytes::<Entry>(&bytes), Ok(entry));
    }

    #[test]
    fn cut_or_altered_files_are_errors_not_panics() {
        let mut rng = crate::rng::Rng::new(15);
        for file in every_kind_of_file() {
            let read = |bytes: &[u8]| {
                if file.name.starts_with("entry-") {
                    EntryFile::read(bytes).map(|_| ())
                } else {
                    decode_shard(bytes).map(|_| ())
                }
            };
            let len = file.bytes.len();
            // Each file's value ends where its bytes do: any shorter cut is not a whole value.
            let cuts = (0..len.min(64))
                .chain(len.saturating_sub(64)..len)
                .chain((0..64).map(|_| rng.index(len)));
            for cut in cuts {
                assert!(
                    read(&file.bytes[..cut]).is_err(),
                    "{} cut at {cut}",
                    file.name
                );
            }
            for _ in 0..200 {
                let mut bytes = file.bytes.clone();
                for _ in 0..=rng.below(3) {
                    let at = rng.index(len);
                    let flip = u8::try_from(rng.between(1, 255)).expect("a byte");
                    bytes[at] ^= flip;
                }
                // Ok or an error, whatever the bytes: what matters is that it returns.
                let _ = read(&bytes);
            }
            let mut longer = file.bytes.clone();
            longer.push(0);
            assert!(
                matches!(read(&longer), Err(PackError::Decode(WireError::Trailing))),
                "{}",
                file.name
            );
        }
    }
}
