//! The library: what the app holds of a packed bundle (see [`crate::pack`]) — the entry, and
//! every shard fetched so far.
//!
//! Pages say what they need ([`Need`]); [`Library::missing`] answers which files that takes;
//! the app fetches them and hands the bytes to [`Library::insert`], which checks each against
//! the entry before anything can read it. Everything here is synchronous and pure: fetching is
//! the app's job.

use crate::catalog::Catalog;
use crate::explore::Collection;
use crate::graph::Stories;
use crate::model::Article;
use crate::pack::{hash, Entry, Shard, Shelf, ENTRY_MAGIC, SHARD_MAGIC};
use crate::search::{self, lookups, phrase_candidates, Query, SearchIndex, Sources};
use std::rc::Rc;

/// Why bytes could not be read as a file of the pack.
#[derive(Debug, thiserror::Error)]
pub enum PackError {
    /// The bytes do not start with this version's magic number.
    #[error("not a Broadsheet file of format version 4")]
    Magic,
    /// The body does not decode, or a value in it fails validation.
    #[error("corrupt file: {0}")]
    Decode(#[from] postcard::Error),
    /// The entry does not list a file of this name.
    #[error("{0} is not a file of this build")]
    Unknown(String),
    /// The bytes are not the ones the name was made from.
    #[error("{0} does not hold the bytes its name promises (a stale or altered copy?)")]
    Hash(String),
    /// The file decodes but does not fit the entry.
    #[error("{file} does not match the catalog: {what}")]
    Mismatch {
        /// The file.
        file: String,
        /// What is wrong.
        what: &'static str,
    },
}

/// Something a page shows, and so needs loaded.
#[derive(Debug, Clone, Copy)]
pub enum Need<'a> {
    /// These articles' text.
    Articles(&'a [u32]),
    /// The article with this id (to find its number, its shard must be read).
    Id(&'a str),
    /// Search for this query, phrases checked.
    Query(&'a Query),
    /// The related-stories graph.
    Graph,
}

/// The entry and the shards read so far. Cloning is cheap (the entry and every shard are
/// shared), so the app keeps each state as an immutable snapshot and makes a new one when a
/// shard arrives.
#[derive(Debug, Clone)]
pub struct Library {
    entry: Rc<Entry>,
    articles: Vec<Option<Rc<Article>>>,
    loaded: Vec<bool>,
    words: Vec<Option<Rc<SearchIndex>>>,
    graph: Option<Rc<Stories>>,
}

/// The shard of `key` in `shelves`: the last one starting at or before it.
fn shelf_of(shelves: &[Shelf], key: &str) -> usize {
    shelves
        .partition_point(|s| s.from.as_str() <= key)
        .saturating_sub(1)
}

/// The shards that may hold a word starting with `prefix`.
fn shelves_for_prefix(shelves: &[Shelf], prefix: &str) -> std::ops::Range<usize> {
    let start = shelf_of(shelves, prefix);
    let end = shelves.partition_point(|s| s.from.as_str() < prefix || s.from.starts_with(prefix));
    start..end.max(start + 1).min(shelves.len())
}

/// The key range of shard `k`: from its key to the next shard's.
fn bounds(shelves: &[Shelf], k: usize) -> (&str, Option<&str>) {
    (
        shelves[k].from.as_str(),
        shelves.get(k + 1).map(|s| s.from.as_str()),
    )
}

impl Library {
    /// Reads an entry file, and the shards it carries.
    pub fn open(bytes: &[u8]) -> Result<Self, PackError> {
        let body = bytes
            .strip_prefix(ENTRY_MAGIC.as_slice())
            .ok_or(PackError::Magic)?;
        let mut entry: Entry = postcard::from_bytes(body)?;
        let n = entry.catalog.len();
        let chunk = entry.chunk as usize;
        let mismatch = |what| PackError::Mismatch {
            file: "the entry".to_owned(),
            what,
        };
        if chunk == 0 || entry.articles.len() != n.div_ceil(chunk) {
            return Err(mismatch("article shards do not cover the articles"));
        }
        for shelves in [&entry.articles, &entry.words] {
            let sorted = shelves.windows(2).all(|w| w[0].from < w[1].from);
            if !sorted || shelves.first().is_some_and(|s| !s.from.is_empty()) {
                return Err(mismatch("shards are not in key order"));
            }
        }
        let inline = std::mem::take(&mut entry.inline);
        let first_page = std::mem::take(&mut entry.first_page);
        let mut library = Self {
            articles: vec![None; n],
            loaded: vec![false; entry.articles.len()],
            words: vec![None; entry.words.len()],
            graph: None,
            entry: Rc::new(entry),
        };
        for (number, article) in first_page {
            let k = number as usize / chunk;
            let fits = (number as usize) < n
                && library.entry.catalog.describes(number, &article)
                && library.in_shard(k, article.id.as_str());
            if !fits {
                return Err(mismatch("a first-page article does not match the catalog"));
            }
            library.articles[number as usize] = Some(Rc::new(article));
        }
        for file in inline {
            library.insert(&file.name, &file.bytes)?;
        }
        Ok(library)
    }

    fn in_shard(&self, k: usize, id: &str) -> bool {
        let (from, until) = bounds(&self.entry.articles, k);
        id >= from && until.is_none_or(|u| id < u)
    }

    /// The columns, facet tables and orders of every article.
    #[must_use]
    pub fn catalog(&self) -> &Catalog {
        &self.entry.catalog
    }

    /// How many articles.
    #[must_use]
    pub fn len(&self) -> usize {
        self.entry.catalog.len()
    }

    /// True when there are no articles.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Article `n`, if its shard has been read (or it came with the entry).
    #[must_use]
    pub fn article(&self, n: u32) -> Option<&Rc<Article>> {
        self.articles.get(n as usize)?.as_ref()
    }

    /// The number of the article with this id; `None` when there is none, or when its shard
    /// has not been read yet (then [`Need::Id`] is missing).
    #[must_use]
    pub fn find(&self, id: &str) -> Option<u32> {
        let chunk = self.entry.chunk as usize;
        let k = shelf_of(&self.entry.articles, id);
        let start = k * chunk;
        let end = (start + chunk).min(self.len());
        let run = self.articles.get(start..end)?;
        // A short run, possibly only partly here (first-page articles come one by one).
        let at = run
            .iter()
            .position(|a| a.as_ref().is_some_and(|a| a.id.as_str() == id))?;
        u32::try_from(start + at).ok()
    }

    /// The related-stories graph, once read.
    #[must_use]
    pub fn stories(&self) -> Option<&Rc<Stories>> {
        self.graph.as_ref()
    }

    /// The files `needs` take that have not been read, each once, in the order needed.
    #[must_use]
    pub fn missing(&self, needs: &[Need<'_>]) -> Vec<String> {
        let mut files: Vec<&str> = Vec::new();
        let mut add = |name: &str| {
            if !files.contains(&name) {
                files.push(self.file_name(name));
            }
        };
        for need in needs {
            match *need {
                Need::Articles(numbers) => {
                    for &n in numbers {
                        if (n as usize) < self.len() && self.article(n).is_none() {
                            add(&self.chunk_of(n).file);
                        }
                    }
                }
                Need::Id(id) => {
                    let k = shelf_of(&self.entry.articles, id);
                    if let Some(shelf) = self.entry.articles.get(k) {
                        if !self.loaded[k] {
                            add(&shelf.file);
                        }
                    }
                }
                Need::Query(query) => {
                    let mut words_ready = true;
                    for word in lookups(query) {
                        for k in shelves_for_prefix(&self.entry.words, word) {
                            if self.words[k].is_none() {
                                words_ready = false;
                                add(&self.entry.words[k].file);
                            }
                        }
                    }
                    if words_ready {
                        for n in phrase_candidates(&self.word_shards(), query) {
                            if self.article(n).is_none() {
                                add(&self.chunk_of(n).file);
                            }
                        }
                    }
                }
                Need::Graph => {
                    if self.graph.is_none() {
                        add(&self.entry.graph);
                    }
                }
            }
        }
        files.into_iter().map(str::to_owned).collect()
    }

    /// The entry's own copy of a file name, so [`Self::missing`] can hand out borrowed names.
    fn file_name<'s>(&'s self, name: &str) -> &'s str {
        self.entry
            .articles
            .iter()
            .chain(&self.entry.words)
            .map(|s| s.file.as_str())
            .chain(std::iter::once(self.entry.graph.as_str()))
            .find(|f| *f == name)
            .expect("missing() only names files the entry lists")
    }

    fn chunk_of(&self, n: u32) -> &Shelf {
        &self.entry.articles[n as usize / self.entry.chunk as usize]
    }

    fn word_shards(&self) -> Vec<&SearchIndex> {
        self.words.iter().flatten().map(|w| &**w).collect()
    }

    /// Reads a fetched shard, checking that it is the file the entry names and that its content
    /// fits the catalog.
    pub fn insert(&mut self, name: &str, bytes: &[u8]) -> Result<(), PackError> {
        let unknown = || PackError::Unknown(name.to_owned());
        let expected = name
            .rsplit_once('-')
            .and_then(|(_, h)| h.strip_suffix(".bin"))
            .and_then(|h| u64::from_str_radix(h, 16).ok())
            .ok_or_else(unknown)?;
        if hash(bytes) != expected {
            return Err(PackError::Hash(name.to_owned()));
        }
        let body = bytes
            .strip_prefix(SHARD_MAGIC.as_slice())
            .ok_or(PackError::Magic)?;
        let mismatch = |what| PackError::Mismatch {
            file: name.to_owned(),
            what,
        };
        let n = self.len();
        match postcard::from_bytes::<Shard>(body)? {
            Shard::Articles(run) => {
                let k = self
                    .entry
                    .articles
                    .iter()
                    .position(|s| s.file == name)
                    .ok_or_else(unknown)?;
                let chunk = self.entry.chunk as usize;
                let start = k * chunk;
                if run.len() != chunk.min(n - start) {
                    return Err(mismatch("it holds the wrong number of articles"));
                }
                let sorted = run.windows(2).all(|w| w[0].id < w[1].id);
                let fits = run.iter().zip(start..).all(|(a, i)| {
                    u32::try_from(i).is_ok_and(|i| self.entry.catalog.describes(i, a))
                        && self.in_shard(k, a.id.as_str())
                });
                if !sorted || !fits {
                    return Err(mismatch("its articles are not the ones listed"));
                }
                for (slot, a) in self.articles[start..].iter_mut().zip(run) {
                    *slot = Some(Rc::new(a));
                }
                self.loaded[k] = true;
            }
            Shard::Words(index) => {
                let k = self
                    .entry
                    .words
                    .iter()
                    .position(|s| s.file == name)
                    .ok_or_else(unknown)?;
                let (from, until) = bounds(&self.entry.words, k);
                if !index.is_valid_for(n) || !index.is_within(from, until) {
                    return Err(mismatch("its words or postings are out of range"));
                }
                self.words[k] = Some(Rc::new(index));
            }
            Shard::Graph(stories) => {
                if name != self.entry.graph {
                    return Err(unknown());
                }
                let same = stories.article_count() == n
                    && (0..n).all(|i| {
                        u32::try_from(i).is_ok_and(|i| {
                            stories.article_coverage(i) == self.entry.catalog.coverage(i)
                        })
                    });
                if !same {
                    return Err(mismatch("its coverage differs from the catalog's"));
                }
                self.graph = Some(Rc::new(stories));
            }
        }
        Ok(())
    }
}

impl Collection for Library {
    fn catalog(&self) -> &Catalog {
        &self.entry.catalog
    }

    /// Search over the shards read so far: complete once [`Need::Query`] is not missing.
    fn search(&self, query: &Query) -> Vec<(u32, f32)> {
        let shards = self.word_shards();
        let article = |n: u32| self.article(n).map(|a| &**a);
        search::search(
            &Sources {
                shards: &shards,
                article: &article,
            },
            query,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::Bundle;
    use crate::explore::explore;
    use crate::pack::{Options, Pack};
    use crate::testing::article;
    use crate::view::{Action, Sort, ViewState};

    fn bundle(n: usize) -> Bundle {
        let articles = (0..n)
            .map(|i| {
                let mut a = article(&format!("story-{i:04}"), Some((i % 97) as f64), i as i64);
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
            chunk: 7,
            postings: 40,
            first_page: 5,
            inline_below: 0,
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
            for name in missing {
                let file = pack
                    .shards
                    .iter()
                    .find(|f| f.name == name)
                    .expect("missing names a shard of the pack");
                library.insert(&file.name, &file.bytes).expect("own shard");
                fetched += 1;
            }
        }
    }

    #[test]
    fn a_sharded_library_answers_like_the_bundle() {
        let whole = bundle(200);
        let pack = whole.pack(small_shards());
        assert!(pack.shards.len() > 30, "{} shards", pack.shards.len());
        let mut library = Library::open(&pack.entry.bytes).expect("entry opens");
        let first = whole.catalog().heat_order()[0];
        assert!(
            library.article(first).is_some(),
            "first page came with the entry"
        );
        assert!(library.article(whole.catalog().heat_order()[10]).is_none());
        for text in [
            "",
            "harb",
            "tides 12",
            r#""machine learning""#,
            "zzz",
            "report",
        ] {
            let state = ViewState::default()
                .apply(Action::SetQuery(text.into()))
                .apply(Action::SetSort(Sort::Date));
            let query = Query::parse(text);
            load(&pack, &mut library, &[Need::Query(&query)]);
            assert_eq!(explore(&library, &state), explore(&whole, &state), "{text}");
        }
        let numbers = [3, 150, 199];
        load(&pack, &mut library, &[Need::Articles(&numbers)]);
        for n in numbers {
            assert_eq!(library.article(n).map(|a| &**a), Some(whole.article(n)));
        }
        let mut fresh = Library::open(&pack.entry.bytes).expect("entry opens");
        assert_eq!(fresh.find("story-0123"), None, "not read yet");
        assert_eq!(load(&pack, &mut fresh, &[Need::Id("story-0123")]), 1);
        assert_eq!(fresh.find("story-0123"), Some(123));
        load(&pack, &mut fresh, &[Need::Id("nope")]);
        assert_eq!(fresh.find("nope"), None);
        assert!(library.stories().is_none());
        load(&pack, &mut library, &[Need::Graph]);
        assert_eq!(library.stories().map(|s| &**s), Some(whole.stories()));
    }

    #[test]
    fn a_small_bundle_is_one_file() {
        let whole = bundle(20);
        let pack = whole.pack(Options::default());
        assert!(pack.shards.is_empty());
        let library = Library::open(&pack.entry.bytes).expect("entry opens");
        let q = Query::parse(r#""machine learning" harbour"#);
        let needs = [Need::Graph, Need::Id("story-0007"), Need::Query(&q)];
        assert!(library.missing(&needs).is_empty());
        assert_eq!(library.find("story-0007"), Some(7));
    }

    #[test]
    fn foreign_altered_and_misplaced_files_are_refused() {
        let whole = bundle(60);
        let pack = whole.pack(small_shards());
        let mut library = Library::open(&pack.entry.bytes).expect("entry opens");
        assert!(matches!(Library::open(b"nope"), Err(PackError::Magic)));
        let mut cut = pack.entry.bytes.clone();
        cut.truncate(cut.len() / 2);
        assert!(Library::open(&cut).is_err());

        let shard = &pack.shards[0];
        let mut altered = shard.bytes.clone();
        let last = altered.len() - 1;
        altered[last] ^= 1;
        assert!(matches!(
            library.insert(&shard.name, &altered),
            Err(PackError::Hash(_))
        ));
        assert!(matches!(
            library.insert("articles-0000000000000000.bin", b"x"),
            Err(PackError::Hash(_))
        ));
        // A genuine shard of another build is not one of this entry's files.
        let other = bundle(61).pack(small_shards());
        let foreign = &other.shards[8];
        assert!(library.insert(&foreign.name, &foreign.bytes).is_err());
        // The right bytes under another shard's name.
        let (a, b) = (&pack.shards[0], &pack.shards[1]);
        assert!(library.insert(&b.name, &a.bytes).is_err());
        assert!(library.insert(&a.name, &a.bytes).is_ok());
    }
}
