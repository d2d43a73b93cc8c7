//! The bundle as files for a static host: one entry file the app reads at start-up and shards
//! it fetches when a page needs them.
//!
//! The entry holds the [`Catalog`] (what filtering, counting and sorting read), the cards of
//! the default view's first page, and the keys that locate shards: the first id of each run of
//! articles and the first word of each range of the search index. The shards are:
//!
//! - cards ([`Card`]: what a list shows), in runs of [`Options::cards`] consecutive article
//!   numbers: a page of results scattered over the collection costs one small file a card;
//! - whole articles, in runs of [`Options::articles`] (article pages, exports, phrases);
//! - the search index, in ranges of consecutive words of about [`Options::postings`] postings;
//! - summaries of the one- and two-letter prefixes whose words span more than
//!   [`Options::summaries_above`] of those ranges (see [`SearchIndex::summary`]): the first
//!   letter typed costs one file, not the dozens of ranges its words fill;
//! - the related-stories graph.
//!
//! The entry is named after a hash of its bytes and the shards live in a folder named after a
//! hash of all of theirs, so every path changes when its content does and a host may cache all
//! of them forever. When all shards together are small (below [`Options::inline_below`]) they
//! travel inside the entry, and the app needs no second request at all.
//!
//! Every file starts with a magic number and format version; [`crate::library::Library`]
//! checks each shard against the entry before it uses it.

use crate::bundle::Bundle;
use crate::catalog::Catalog;
use crate::model::{Article, Card};
use crate::search::SearchIndex;
use serde::{Deserialize, Serialize};

/// First bytes of an entry file: "BSHT" and the format version.
pub(crate) const ENTRY_MAGIC: &[u8; 5] = b"BSHT\x06";
/// First bytes of a shard file.
pub(crate) const SHARD_MAGIC: &[u8; 5] = b"BSHS\x06";

/// How to cut the bundle into files.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Cards per card shard.
    pub cards: usize,
    /// Articles per article shard.
    pub articles: usize,
    /// Postings (article-word pairs) per search shard, about.
    pub postings: usize,
    /// Cards of the default view carried in the entry, so the first page needs no shard.
    pub first_page: usize,
    /// Below this many bytes of shards in all, they are carried in the entry.
    pub inline_below: usize,
    /// A one- or two-letter prefix whose words span more search shards than this gets a
    /// summary shard of its own.
    pub summaries_above: usize,
    /// True when the bundle is the project's own sample articles, which the app says so in
    /// its footer (the app is the same for every folder: it learns this from the entry).
    pub sample: bool,
}

impl Default for Options {
    /// Measured on generated corpora of 1k to 100k articles (README, "Large collections"): a
    /// card shard of 8 is ~1.5 kB brotli, so a page of 50 results sorted by heat (scattered
    /// over the collection) costs ~75 kB; an article shard of 32 is ~9 kB; search shards of
    /// 16k postings are ~14 kB; a collection of a few hundred articles fits in one file.
    fn default() -> Self {
        Self {
            cards: 8,
            articles: 32,
            postings: 16_384,
            first_page: crate::view::PAGE_ROWS,
            inline_below: 256 * 1024,
            summaries_above: 2,
            sample: false,
        }
    }
}

/// A file of the pack.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct File {
    /// Its path below the data folder: `entry-<hash>.bin`, or `<folder>/<kind><k>.bin`.
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

/// What a shard holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) enum Shard {
    Cards(Vec<Card>),
    Articles(Vec<Article>),
    Words(SearchIndex),
    Graph(crate::graph::Stories),
}

/// Which shard: its kind and number. Its file is `<folder>/<letter><k>.bin`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum ShardId {
    Cards(usize),
    Articles(usize),
    Words(usize),
    Summary(usize),
    Graph,
}

impl ShardId {
    pub(crate) fn path(self, folder: &str) -> String {
        match self {
            Self::Cards(k) => format!("{folder}/c{k}.bin"),
            Self::Articles(k) => format!("{folder}/a{k}.bin"),
            Self::Words(k) => format!("{folder}/w{k}.bin"),
            Self::Summary(k) => format!("{folder}/p{k}.bin"),
            Self::Graph => format!("{folder}/graph.bin"),
        }
    }

    /// The shard a path names, if it is in `folder`.
    pub(crate) fn parse(path: &str, folder: &str) -> Option<Self> {
        let file = path.strip_prefix(folder)?.strip_prefix('/')?;
        let stem = file.strip_suffix(".bin")?;
        if stem == "graph" {
            return Some(Self::Graph);
        }
        let (letter, digits) = stem.split_at_checked(1)?;
        if digits.is_empty() || (digits.len() > 1 && digits.starts_with('0')) {
            return None;
        }
        let k: usize = digits.parse().ok()?;
        match letter {
            "c" => Some(Self::Cards(k)),
            "a" => Some(Self::Articles(k)),
            "w" => Some(Self::Words(k)),
            "p" => Some(Self::Summary(k)),
            _ => None,
        }
    }
}

/// The entry file's content.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct Entry {
    pub catalog: Catalog,
    /// Whether these are the project's sample articles.
    pub sample: bool,
    /// The folder of the shards (named after a hash of them all).
    pub folder: String,
    pub cards: u32,
    pub articles: u32,
    /// Per article shard, the least id it may hold (the next one bounds it from above).
    pub article_keys: Vec<String>,
    /// Per search shard, the least word it may hold.
    pub word_keys: Vec<String>,
    /// The search shards' size in all, in bytes.
    pub word_bytes: u64,
    /// The prefixes with a summary shard, sorted; summary `k` is that of `prefixes[k]`.
    pub prefixes: Vec<String>,
    /// Cards of the default view's first page, by article number.
    pub first_page: Vec<(u32, Card)>,
    /// Shards carried inside the entry.
    pub inline: Vec<File>,
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
    /// If `options.cards` or `options.articles` is 0.
    #[must_use]
    pub fn pack(&self, options: Options) -> Pack {
        assert!(
            options.cards > 0 && options.articles > 0,
            "shards hold at least one article"
        );
        let articles = self.articles();
        let mut shards: Vec<(ShardId, Vec<u8>)> = Vec::new();
        for (k, run) in articles.chunks(options.cards).enumerate() {
            let cards = run.iter().map(Card::from).collect();
            shards.push((ShardId::Cards(k), encode(SHARD_MAGIC, &Shard::Cards(cards))));
        }
        for (k, run) in articles.chunks(options.articles).enumerate() {
            let shard = Shard::Articles(run.to_vec());
            shards.push((ShardId::Articles(k), encode(SHARD_MAGIC, &shard)));
        }
        let article_bounds: Vec<(&str, &str)> = articles
            .chunks(options.articles)
            .map(|run| (run[0].id.as_str(), run[run.len() - 1].id.as_str()))
            .collect();
        let word_shards = self.index().clone().split(options.postings);
        let word_keys = {
            let bounds: Vec<(&str, &str)> = word_shards
                .iter()
                .map(|s| {
                    let words = s.words();
                    (words[0].as_str(), words[words.len() - 1].as_str())
                })
                .collect();
            keys(&bounds)
        };
        let prefixes: Vec<String> = {
            let short = |w: &String| -> Vec<String> {
                let ends = w.char_indices().map(|(i, c)| i + c.len_utf8());
                ends.take(2).map(|end| w[..end].to_owned()).collect()
            };
            let all: std::collections::BTreeSet<String> =
                self.index().words().iter().flat_map(short).collect();
            all.into_iter()
                .filter(|p| shards_for_prefix(&word_keys, p).len() > options.summaries_above)
                .collect()
        };
        for (k, prefix) in prefixes.iter().enumerate() {
            let summary = Shard::Words(self.index().summary(prefix));
            shards.push((ShardId::Summary(k), encode(SHARD_MAGIC, &summary)));
        }
        let mut word_bytes = 0;
        for (k, index) in word_shards.into_iter().enumerate() {
            let bytes = encode(SHARD_MAGIC, &Shard::Words(index));
            word_bytes += bytes.len() as u64;
            shards.push((ShardId::Words(k), bytes));
        }
        let graph = Shard::Graph(self.stories().clone());
        shards.push((ShardId::Graph, encode(SHARD_MAGIC, &graph)));

        let all = shards.iter().fold(Vec::new(), |mut acc, (_, bytes)| {
            acc.extend(hash(bytes).to_le_bytes());
            acc
        });
        let folder = format!("s-{:016x}", hash(&all));
        let files: Vec<File> = shards
            .into_iter()
            .map(|(id, bytes)| File {
                name: id.path(&folder),
                bytes,
            })
            .collect();
        let total: usize = files.iter().map(|f| f.bytes.len()).sum();
        let (inline, shards) = if total < options.inline_below {
            (files, Vec::new())
        } else {
            (Vec::new(), files)
        };
        let first_page = if inline.is_empty() {
            self.catalog()
                .heat_order()
                .iter()
                .take(options.first_page)
                .map(|&n| (n, Card::from(self.article(n))))
                .collect()
        } else {
            Vec::new()
        };
        let entry = Entry {
            catalog: self.catalog().clone(),
            sample: options.sample,
            folder,
            cards: u32::try_from(options.cards).expect("a shard size below 2^32"),
            articles: u32::try_from(options.articles).expect("a shard size below 2^32"),
            article_keys: keys(&article_bounds),
            word_keys,
            word_bytes,
            prefixes,
            first_page,
            inline,
        };
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
    fn shard_paths_round_trip_and_nothing_else_parses() {
        for id in [
            ShardId::Cards(0),
            ShardId::Cards(12_499),
            ShardId::Articles(7),
            ShardId::Words(30),
            ShardId::Summary(4),
            ShardId::Graph,
        ] {
            assert_eq!(ShardId::parse(&id.path("s-1"), "s-1"), Some(id));
            assert_eq!(ShardId::parse(&id.path("s-1"), "s-2"), None);
        }
        for bad in [
            "s-1/c.bin",
            "s-1/c01.bin",
            "s-1/x1.bin",
            "s-1/c1",
            "s-1/../c1.bin",
            "c1.bin",
        ] {
            assert_eq!(ShardId::parse(bad, "s-1"), None, "{bad}");
        }
    }
}
