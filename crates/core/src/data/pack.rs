//! The bundle as files for a static host: one entry file the app reads at start-up and shards
//! it fetches when a page needs them.
//!
//! The entry holds what locates and names every other file, each article's coverage, and the
//! cards of the default view's first page. Articles are numbered in publication order (see
//! [`Bundle`]), so an update's new articles take the highest numbers and every cut by number
//! below leaves older files as they were. The files are:
//!
//! - the [`Catalog`](crate::index::catalog::Catalog) (what filtering, counting and sorting
//!   read, for every article) in parts, one per segment (see below), read with the entry
//!   before the first screen: an update rewrites the recent part, not the whole catalog. A
//!   part holds its articles' columns ([`Columns`]) and names the card and article shards that
//!   start among them: their names change only with those articles, so they travel with them
//!   rather than in the entry, which every update rewrites;
//! - cards ([`Card`]: what a list shows), in runs of [`Options::cards`] consecutive article
//!   numbers: a page of results scattered over the collection costs one small file a card;
//! - whole articles, in runs of [`Options::articles`] (article pages, exports, phrases);
//! - ids with their numbers, sorted by id, in runs of [`Options::ids`] (a link to an article);
//! - the search index, cut first by article number into segments (see [`segment_starts`]: a
//!   few large ones that an update leaves alone, and a small recent one that it rewrites), then
//!   each segment into ranges of consecutive words of about [`Options::postings`] postings; a
//!   query reads its words' range in every segment;
//! - per segment, summaries of the one- and two-letter prefixes whose words span more than
//!   [`Options::summaries_above`] of its ranges (see [`SearchIndex::summary`]): the first
//!   letter typed costs one file per segment, not the dozens of ranges its words fill;
//! - the related-stories graph;
//! - the vocabulary (every word with the number of articles it occurs in) cut by word length,
//!   read only when a search finds little and "did you mean" looks for the nearest words (see
//!   [`crate::index::suggest`]).
//!
//! Every file is named after its own bytes (`<kind><k>-<hash>.bin`, the entry
//! `entry-<hash>.bin`), so a file keeps its name exactly as long as its content, a host may cache
//! all of them forever, and a returning reader fetches only what an update changed. The entry
//! lists each shard's hash. When all shards together are small (below
//! [`Options::inline_below`]) they travel inside the entry, and the app needs no second request.
//!
//! Every file starts with a magic number and format version; [`crate::data::library::Library`]
//! checks each shard's bytes against the hash the entry names it by, and its content against
//! the catalog, before it uses it.

use crate::data::bundle::Bundle;
use crate::index::catalog::Columns;
use crate::index::search::SearchIndex;
use crate::index::suggest::Vocabulary;
use crate::model::article::{Article, Card};
use crate::to_u32;
use crate::wire::{Reader, Wire};
use serde::Serialize;

/// The version of the files' format, bumped whenever what a file holds changes: an app reads
/// only files of its own version (a page and its data from different builds say so rather
/// than misread each other).
pub const FORMAT_VERSION: u8 = 9;

/// First bytes of an entry file: "BSHT" and the format version.
pub(crate) const ENTRY_MAGIC: &[u8; 5] = &[b'B', b'S', b'H', b'T', FORMAT_VERSION];
/// First bytes of a shard file.
pub(crate) const SHARD_MAGIC: &[u8; 5] = &[b'B', b'S', b'H', b'S', FORMAT_VERSION];

/// How to cut the bundle into files.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Cards per card shard.
    pub cards: usize,
    /// Articles per article shard.
    pub articles: usize,
    /// Ids per id shard.
    pub ids: usize,
    /// Postings (article-word pairs) per search shard, about.
    pub postings: usize,
    /// Articles per unit of the search index's segments (see [`segment_starts`]).
    pub segment: usize,
    /// Cards of the default view carried in the entry, so the first page needs no shard.
    pub first_page: usize,
    /// Below this many bytes of shards in all, they are carried in the entry.
    pub inline_below: usize,
    /// A one- or two-letter prefix whose words span more search shards of a segment than this
    /// gets a summary shard of its own.
    pub summaries_above: usize,
    /// True when the bundle is the project's own sample articles, which the app says in its
    /// footer (the app is the same for every folder: it learns this from the entry).
    pub sample: bool,
}

impl Default for Options {
    /// Measured on generated corpora of 1k to 100k articles (README, "Large collections"): a
    /// card shard of 8 is ~1.5 kB brotli, so a page of 50 results sorted by heat (scattered
    /// over the collection) costs ~75 kB; an article shard of 32 is ~9 kB; search shards of
    /// 16k postings are ~14 kB; a collection of a few hundred articles fits in one file. Id
    /// shards of 1,024 are ~10 kB. Segments of 512 articles: at 10,000 articles the recent
    /// segment an update of 20 rewrites holds at most 511 articles' words, ~5% of the index.
    fn default() -> Self {
        Self {
            cards: 8,
            articles: 32,
            ids: 1024,
            postings: 16_384,
            segment: 512,
            first_page: crate::view::state::PAGE_ROWS,
            inline_below: 256 * 1024,
            summaries_above: 2,
            sample: false,
        }
    }
}

/// A file of the pack.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct File {
    /// Its name in the data folder: `entry-<hash>.bin`, or `<kind><k>-<hash>.bin`.
    pub name: String,
    /// Its bytes.
    pub bytes: Vec<u8>,
}

/// The files of a packed bundle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pack {
    /// What the app reads first.
    pub entry: File,
    /// What it fetches on demand (empty when everything is in the entry).
    pub shards: Vec<File>,
}

impl Pack {
    /// The library a reader's app would hold after reading the entry and its catalog parts.
    ///
    /// # Errors
    /// As [`crate::data::library::EntryFile::read`] and
    /// [`crate::data::library::Library::open_with`].
    pub fn open(&self) -> Result<crate::data::library::Library, crate::data::library::PackError> {
        let entry = crate::data::library::EntryFile::read(&self.entry.bytes)?;
        let parts = entry.catalog_parts();
        let files: Vec<(&str, &[u8])> = self
            .shards
            .iter()
            .filter(|f| parts.contains(&f.name))
            .map(|f| (f.name.as_str(), f.bytes.as_slice()))
            .collect();
        crate::data::library::Library::open_with(entry, &files)
    }
}

/// What a shard holds.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) enum Shard {
    Cards(Vec<Card>),
    Articles(Vec<Article>),
    Ids(Vec<(String, u32)>),
    Part(Part),
    Words(SearchIndex),
    Graph(crate::index::stories::Stories),
    Vocabulary(Vocabulary),
}

impl Wire for File {
    fn read(r: &mut Reader<'_>) -> Self {
        Self {
            name: r.read(),
            bytes: r.read(),
        }
    }
}

impl Wire for Shard {
    /// The variant's number (its place in the enum), then its content.
    fn read(r: &mut Reader<'_>) -> Self {
        match r.variant() {
            0 => Self::Cards(r.read()),
            1 => Self::Articles(r.read()),
            2 => Self::Ids(r.read()),
            3 => Self::Part(r.read()),
            4 => Self::Words(r.read()),
            5 => Self::Graph(r.read()),
            6 => Self::Vocabulary(r.read()),
            _ => r.unknown_variant(Self::Cards(Vec::new())),
        }
    }
}

/// Which shard: its kind and number (search shards: segment and number).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum ShardId {
    Cards(usize),
    Articles(usize),
    Ids(usize),
    Part(usize),
    Words(usize, usize),
    Summary(usize, usize),
    Graph,
    Vocabulary(usize),
}

impl ShardId {
    /// Its file's name, for content with this hash (see [`short_hash`]).
    pub(crate) fn path(self, hash: u32) -> String {
        let stem = match self {
            Self::Cards(k) => format!("c{k}"),
            Self::Articles(k) => format!("a{k}"),
            Self::Ids(k) => format!("i{k}"),
            Self::Part(s) => format!("k{s}"),
            Self::Words(s, k) => format!("w{s}.{k}"),
            Self::Summary(s, k) => format!("p{s}.{k}"),
            Self::Graph => "graph".to_owned(),
            Self::Vocabulary(b) => format!("v{b}"),
        };
        format!("{stem}-{hash:08x}.bin")
    }

    /// The shard a name names, and the hash in the name.
    pub(crate) fn parse(name: &str) -> Option<(Self, u32)> {
        let (stem, hash) = name.strip_suffix(".bin")?.rsplit_once('-')?;
        if hash.len() != 8 || !hash.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
            return None;
        }
        let hash = u32::from_str_radix(hash, 16).ok()?;
        let number = |digits: &str| -> Option<usize> {
            let leading_zero = digits.len() > 1 && digits.starts_with('0');
            (!digits.is_empty() && !leading_zero && digits.bytes().all(|b| b.is_ascii_digit()))
                .then(|| digits.parse().ok())
                .flatten()
        };
        let pair = |digits: &str| -> Option<(usize, usize)> {
            let (s, k) = digits.split_once('.')?;
            Some((number(s)?, number(k)?))
        };
        if stem == "graph" {
            return Some((Self::Graph, hash));
        }
        let (letter, digits) = stem.split_at_checked(1)?;
        let id = match letter {
            "c" => Self::Cards(number(digits)?),
            "a" => Self::Articles(number(digits)?),
            "i" => Self::Ids(number(digits)?),
            "k" => Self::Part(number(digits)?),
            "w" => pair(digits).map(|(s, k)| Self::Words(s, k))?,
            "p" => pair(digits).map(|(s, k)| Self::Summary(s, k))?,
            "v" => Self::Vocabulary(number(digits)?),
            _ => return None,
        };
        Some((id, hash))
    }
}

/// A part of the catalog: the articles of one segment, and the hashes of the card and article
/// shards that start among them (see [`shards_from`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct Part {
    pub columns: Columns,
    /// Per card shard starting in the part, in order, the hash its name carries.
    #[serde(serialize_with = "fixed_width::serialize")]
    pub card_hashes: Vec<u32>,
    /// Per article shard starting in the part, in order, the hash its name carries.
    #[serde(serialize_with = "fixed_width::serialize")]
    pub article_hashes: Vec<u32>,
}

impl Wire for Part {
    fn read(r: &mut Reader<'_>) -> Self {
        Self {
            columns: r.read(),
            card_hashes: r.fixed_u32s(),
            article_hashes: r.fixed_u32s(),
        }
    }
}

/// The shards of `size` articles each whose first article is numbered within `range`.
pub(crate) fn shards_from(range: std::ops::Range<usize>, size: usize) -> std::ops::Range<usize> {
    range.start.div_ceil(size)..range.end.div_ceil(size)
}

/// One segment of the search index: the articles numbered from `start` to the next segment's.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct Segment {
    pub start: u32,
    /// Per search shard, the least word it may hold.
    pub word_keys: Vec<String>,
    /// Per search shard, the hash its name carries.
    #[serde(serialize_with = "fixed_width::serialize")]
    pub word_hashes: Vec<u32>,
    /// The prefixes with a summary shard, sorted; summary `k` is that of `prefixes[k]`.
    pub prefixes: Vec<String>,
    /// Per summary, the hash its name carries.
    #[serde(serialize_with = "fixed_width::serialize")]
    pub summary_hashes: Vec<u32>,
}

impl Wire for Segment {
    fn read(r: &mut Reader<'_>) -> Self {
        Self {
            start: r.read(),
            word_keys: r.read(),
            word_hashes: r.fixed_u32s(),
            prefixes: r.read(),
            summary_hashes: r.fixed_u32s(),
        }
    }
}

/// The entry file's content.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub(crate) struct Entry {
    /// Per article, how many outlets cover its story (kept whole here: a new article in an old
    /// story changes older articles' coverage, which would rewrite old catalog parts).
    pub coverage: Vec<u32>,
    /// Per segment, the hash of its catalog part's name.
    #[serde(serialize_with = "fixed_width::serialize")]
    pub part_hashes: Vec<u32>,
    /// Whether these are the project's sample articles.
    pub sample: bool,
    pub cards: u32,
    pub articles: u32,
    /// Per card shard, the hash its name carries: not stored here but gathered from the
    /// catalog parts when the library opens.
    #[serde(skip)]
    pub card_hashes: Vec<u32>,
    /// Per article shard, the hash its name carries (gathered like `card_hashes`).
    #[serde(skip)]
    pub article_hashes: Vec<u32>,
    /// Per id shard, the least id it may hold.
    pub id_keys: Vec<String>,
    /// Per id shard, the hash its name carries.
    #[serde(serialize_with = "fixed_width::serialize")]
    pub id_hashes: Vec<u32>,
    /// The search index's segments, by first article number.
    pub segments: Vec<Segment>,
    /// The search shards' size in all, in bytes.
    pub word_bytes: u64,
    /// The graph's hash.
    pub graph_hash: u32,
    /// Per word length (see [`crate::index::suggest::bucket`]), the hash of its vocabulary file's
    /// name.
    pub vocabulary_hashes: Vec<u32>,
    /// Cards of the default view's first page, by article number.
    pub first_page: Vec<(u32, Card)>,
    /// Shards carried inside the entry.
    pub inline: Vec<File>,
}

impl Wire for Entry {
    fn read(r: &mut Reader<'_>) -> Self {
        Self {
            coverage: r.read(),
            part_hashes: r.fixed_u32s(),
            sample: r.read(),
            cards: r.read(),
            articles: r.read(),
            card_hashes: Vec::new(),
            article_hashes: Vec::new(),
            id_keys: r.read(),
            id_hashes: r.fixed_u32s(),
            segments: r.read(),
            word_bytes: r.read(),
            graph_hash: r.read(),
            vocabulary_hashes: r.read(),
            first_page: r.read(),
            inline: r.read(),
        }
    }
}

impl Entry {
    /// The hash a shard's name carries; `None` when the entry has no such shard.
    pub(crate) fn hash_of(&self, id: ShardId) -> Option<u32> {
        match id {
            ShardId::Cards(k) => self.card_hashes.get(k).copied(),
            ShardId::Articles(k) => self.article_hashes.get(k).copied(),
            ShardId::Ids(k) => self.id_hashes.get(k).copied(),
            ShardId::Part(s) => self.part_hashes.get(s).copied(),
            ShardId::Words(s, k) => self.segments.get(s)?.word_hashes.get(k).copied(),
            ShardId::Summary(s, k) => self.segments.get(s)?.summary_hashes.get(k).copied(),
            ShardId::Graph => Some(self.graph_hash),
            ShardId::Vocabulary(b) => self.vocabulary_hashes.get(b).copied(),
        }
    }

    /// A shard's file name.
    ///
    /// # Panics
    /// When the entry has no such shard (callers ask only for shards it lists).
    pub(crate) fn path(&self, id: ShardId) -> String {
        id.path(self.hash_of(id).expect("a shard the entry lists"))
    }
}

/// Where the search index's segments start, for `n` articles cut in units of `unit`: the whole
/// units as the binary digits of their count (largest first, each aligned to its size), then
/// the rest. Adding articles carries like a binary counter: the rest grows until it makes a
/// unit, units merge into the next size up, and the large segments stay as they are until the
/// collection doubles. At most about log2(n / unit) + 2 segments.
#[must_use]
pub fn segment_starts(n: usize, unit: usize) -> Vec<usize> {
    let units = n / unit.max(1);
    let mut starts = Vec::new();
    let mut at = 0;
    for bit in (0..usize::BITS).rev() {
        let size = 1_usize << bit;
        if units & size != 0 {
            starts.push(at);
            at += size * unit;
        }
    }
    if at < n || starts.is_empty() {
        starts.push(at);
    }
    starts
}

/// Lists of file hashes stored in four bytes each: hashes are spread evenly over 32 bits, so a
/// varint (postcard's form for a `u32`) takes five bytes for fifteen in sixteen of them. Read by
/// [`Reader::fixed_u32s`].
mod fixed_width {
    use serde::{Serialize, Serializer};

    pub(crate) fn serialize<S: Serializer>(hashes: &[u32], s: S) -> Result<S::Ok, S::Error> {
        let bytes: Vec<[u8; 4]> = hashes.iter().map(|h| h.to_le_bytes()).collect();
        bytes.serialize(s)
    }
}

/// The part of a 64-bit hash that names a file: an update's new version of a shard must differ
/// in name from the old one, which 32 bits do but for one chance in four billion; the bytes are
/// checked against the catalog in any case.
pub(crate) fn short_hash(bytes: &[u8]) -> u32 {
    let h = hash(bytes);
    u32::try_from(h >> 32).expect("the high half of a u64 fits a u32")
}

/// A 64-bit FNV-1a hash: tiny and stable across platforms and Rust versions (unlike
/// `DefaultHasher`), enough to give distinct content distinct names and outlets their colours;
/// integrity comes from decoding and checking, not from the hash.
pub(crate) fn hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

fn encode(magic: &[u8], body: &impl Serialize) -> Vec<u8> {
    postcard::to_extend(body, magic.to_vec()).expect("writing to a Vec cannot fail")
}

/// The shortest prefix of `next` that still sorts after `previous` (`next` sorts after it):
/// a shard boundary needs no more than that.
fn separator(previous: &str, next: &str) -> String {
    next.char_indices()
        .map(|(i, c)| &next[..i + c.len_utf8()])
        .find(|prefix| *prefix > previous)
        .unwrap_or(next)
        .to_owned()
}

/// The shard of `key` among shards starting at `keys`: the last one starting at or before it.
pub(crate) fn shard_of(keys: &[String], key: &str) -> usize {
    keys.partition_point(|k| k.as_str() <= key)
        .saturating_sub(1)
}

/// The shards that may hold a word starting with `prefix`.
pub(crate) fn shards_for_prefix(keys: &[String], prefix: &str) -> std::ops::Range<usize> {
    let start = shard_of(keys, prefix);
    let end = keys.partition_point(|k| k.as_str() < prefix || k.starts_with(prefix));
    start..end.max(start + 1).min(keys.len())
}

/// Keys for shards whose first and last keys are given, in order; the first is "".
fn keys(bounds: &[(&str, &str)]) -> Vec<String> {
    (0..bounds.len())
        .map(|k| match k {
            0 => String::new(),
            _ => separator(bounds[k - 1].1, bounds[k].0),
        })
        .collect()
}

impl Bundle {
    /// Cuts the bundle into an entry file and shards (see the module docs).
    ///
    /// # Panics
    /// If `options.cards`, `options.articles` or `options.ids` is 0.
    #[must_use]
    pub fn pack(&self, options: Options) -> Pack {
        assert!(
            options.cards > 0 && options.articles > 0 && options.ids > 0,
            "shards hold at least one article"
        );
        let articles = self.articles();
        let mut shards: Vec<(ShardId, Vec<u8>)> = Vec::new();
        // The catalog parts name the card and article shards, so their hashes come first.
        let mut card_hashes = Vec::new();
        for (k, run) in articles.chunks(options.cards).enumerate() {
            let cards = run.iter().map(Card::from).collect();
            let bytes = encode(SHARD_MAGIC, &Shard::Cards(cards));
            card_hashes.push(short_hash(&bytes));
            shards.push((ShardId::Cards(k), bytes));
        }
        let mut article_hashes = Vec::new();
        for (k, run) in articles.chunks(options.articles).enumerate() {
            let bytes = encode(SHARD_MAGIC, &Shard::Articles(run.to_vec()));
            article_hashes.push(short_hash(&bytes));
            shards.push((ShardId::Articles(k), bytes));
        }
        let id = |n: u32| articles[n as usize].id.as_str();
        let id_runs: Vec<&[u32]> = self.by_id().chunks(options.ids).collect();
        for (k, run) in id_runs.iter().enumerate() {
            let pairs = run.iter().map(|&n| (id(n).to_owned(), n)).collect();
            shards.push((ShardId::Ids(k), encode(SHARD_MAGIC, &Shard::Ids(pairs))));
        }
        let id_keys = keys(
            &id_runs
                .iter()
                .map(|run| (id(run[0]), id(run[run.len() - 1])))
                .collect::<Vec<_>>(),
        );
        let n = articles.len();
        let starts = segment_starts(n, options.segment);
        let mut segments = Vec::new();
        let mut word_bytes = 0;
        for (s, &start) in starts.iter().enumerate() {
            let end = starts.get(s + 1).copied().unwrap_or(n);
            let range = to_u32(start)..to_u32(end);
            let part = Shard::Part(Part {
                columns: self.catalog().part(start..end),
                card_hashes: card_hashes[shards_from(start..end, options.cards)].to_vec(),
                article_hashes: article_hashes[shards_from(start..end, options.articles)].to_vec(),
            });
            shards.push((ShardId::Part(s), encode(SHARD_MAGIC, &part)));
            let index = self.index().restrict(range.clone());
            let word_shards = index.clone().split(options.postings);
            let word_keys = keys(
                &word_shards
                    .iter()
                    .map(|s| {
                        let words = s.words();
                        (words[0].as_str(), words[words.len() - 1].as_str())
                    })
                    .collect::<Vec<_>>(),
            );
            let prefixes: Vec<String> = {
                let short = |w: &String| -> Vec<String> {
                    let ends = w.char_indices().map(|(i, c)| i + c.len_utf8());
                    ends.take(2).map(|end| w[..end].to_owned()).collect()
                };
                let all: std::collections::BTreeSet<String> =
                    index.words().iter().flat_map(short).collect();
                all.into_iter()
                    .filter(|p| shards_for_prefix(&word_keys, p).len() > options.summaries_above)
                    .collect()
            };
            for (k, prefix) in prefixes.iter().enumerate() {
                let summary = Shard::Words(index.summary(prefix));
                shards.push((ShardId::Summary(s, k), encode(SHARD_MAGIC, &summary)));
            }
            for (k, part) in word_shards.into_iter().enumerate() {
                let bytes = encode(SHARD_MAGIC, &Shard::Words(part));
                word_bytes += bytes.len() as u64;
                shards.push((ShardId::Words(s, k), bytes));
            }
            segments.push(Segment {
                start: range.start,
                word_keys,
                word_hashes: Vec::new(),
                prefixes,
                summary_hashes: Vec::new(),
            });
        }
        let graph = Shard::Graph(self.stories().clone());
        shards.push((ShardId::Graph, encode(SHARD_MAGIC, &graph)));
        for (b, vocabulary) in Vocabulary::by_length(self.index().counts())
            .into_iter()
            .enumerate()
        {
            let shard = Shard::Vocabulary(vocabulary);
            shards.push((ShardId::Vocabulary(b), encode(SHARD_MAGIC, &shard)));
        }

        let coverage = (0..to_u32(n)).map(|i| self.catalog().coverage(i)).collect();
        let mut entry = Entry {
            coverage,
            part_hashes: Vec::new(),
            sample: options.sample,
            cards: u32::try_from(options.cards).expect("a shard size below 2^32"),
            articles: u32::try_from(options.articles).expect("a shard size below 2^32"),
            card_hashes,
            article_hashes,
            id_keys,
            id_hashes: Vec::new(),
            segments,
            word_bytes,
            graph_hash: 0,
            vocabulary_hashes: Vec::new(),
            first_page: Vec::new(),
            inline: Vec::new(),
        };
        // Shards were pushed in order within each kind, so each hash lands at its number.
        let files: Vec<File> = shards
            .into_iter()
            .map(|(id, bytes)| {
                let h = short_hash(&bytes);
                match id {
                    ShardId::Cards(_) | ShardId::Articles(_) => {}
                    ShardId::Ids(_) => entry.id_hashes.push(h),
                    ShardId::Part(_) => entry.part_hashes.push(h),
                    ShardId::Words(s, _) => entry.segments[s].word_hashes.push(h),
                    ShardId::Summary(s, _) => entry.segments[s].summary_hashes.push(h),
                    ShardId::Graph => entry.graph_hash = h,
                    ShardId::Vocabulary(_) => entry.vocabulary_hashes.push(h),
                }
                File {
                    name: id.path(h),
                    bytes,
                }
            })
            .collect();
        let total: usize = files.iter().map(|f| f.bytes.len()).sum();
        let (inline, shards) = if total < options.inline_below {
            (files, Vec::new())
        } else {
            (Vec::new(), files)
        };
        if inline.is_empty() {
            entry.first_page = self
                .catalog()
                .heat_order()
                .iter()
                .take(options.first_page)
                .map(|&n| (n, Card::from(self.article(n))))
                .collect();
        }
        entry.inline = inline;
        let bytes = encode(ENTRY_MAGIC, &entry);
        Pack {
            entry: File {
                name: format!("entry-{:016x}.bin", hash(&bytes)),
                bytes,
            },
            shards,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators_are_the_shortest_prefix_after_the_previous_key() {
        assert_eq!(separator("apple", "banana"), "b");
        assert_eq!(separator("sample-0001-x", "sample-0002-y"), "sample-0002");
        assert_eq!(separator("ab", "abc"), "abc");
        assert_eq!(separator("zürich", "zürichsee"), "zürichs");
    }

    #[test]
    fn shard_names_round_trip_and_nothing_else_parses() {
        for id in [
            ShardId::Cards(0),
            ShardId::Cards(12_499),
            ShardId::Articles(7),
            ShardId::Ids(3),
            ShardId::Part(2),
            ShardId::Words(2, 30),
            ShardId::Summary(0, 4),
            ShardId::Graph,
            ShardId::Vocabulary(24),
        ] {
            assert_eq!(
                ShardId::parse(&id.path(0xdead_beef)),
                Some((id, 0xdead_beef))
            );
        }
        for bad in [
            "c-00000001.bin",
            "c01-00000001.bin",
            "x1-00000001.bin",
            "c1-00000001",
            "c1-1.bin",
            "c1-0000000G.bin",
            "w1-00000001.bin",
            "../c1-00000001.bin",
            "c1.bin",
        ] {
            assert_eq!(ShardId::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn hashes_take_four_bytes_each_and_round_trip() {
        let segment = Segment {
            start: 0,
            word_keys: Vec::new(),
            word_hashes: vec![u32::MAX, 0, 0xdead_beef],
            prefixes: Vec::new(),
            summary_hashes: vec![1],
        };
        let bytes = postcard::to_allocvec(&segment).expect("encodes");
        // start, no keys, 3 hashes, no prefixes, 1 hash: a byte per count and four per hash.
        assert_eq!(bytes.len(), 1 + 1 + (1 + 3 * 4) + 1 + (1 + 4));
        assert_eq!(crate::wire::from_bytes::<Segment>(&bytes), Ok(segment));
    }

    #[test]
    fn segments_carry_like_a_binary_counter() {
        assert_eq!(segment_starts(0, 512), [0]);
        assert_eq!(segment_starts(100, 512), [0]);
        assert_eq!(segment_starts(9601, 512), [0, 8192, 9216]);
        assert_eq!(segment_starts(9621, 512), [0, 8192, 9216]);
        assert_eq!(segment_starts(10_601, 512), [0, 8192, 10_240]);
        assert_eq!(segment_starts(1024, 512), [0]);
    }
}
