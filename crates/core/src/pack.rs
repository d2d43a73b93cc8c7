//! The bundle as files for a static host: one entry file the app reads at start-up and shards
//! it fetches when a page needs them.
//!
//! The entry holds the [`Catalog`] (what filtering, counting and sorting read), the articles of
//! the default view's first page, and a table of contents: for each shard its file name and
//! the first id or word it holds. Shards are the articles in runs of consecutive ids, the search
//! index in runs of consecutive words, and the related-stories graph. Each file is named after
//! a hash of its bytes, so a host may cache every one of them forever.
//!
//! When all shards together are small (the measured threshold is [`Options::inline_below`])
//! they travel inside the entry, and the app needs no second request at all.
//!
//! Every file starts with a magic number and format version; [`crate::library::Library`]
//! checks each shard against the entry before it uses it.

use crate::bundle::Bundle;
use crate::catalog::Catalog;
use crate::model::Article;
use crate::search::SearchIndex;
use serde::{Deserialize, Serialize};

/// First bytes of an entry file: "BSHT" and the format version.
pub(crate) const ENTRY_MAGIC: &[u8; 5] = b"BSHT\x04";
/// First bytes of a shard file.
pub(crate) const SHARD_MAGIC: &[u8; 5] = b"BSHS\x04";

/// How to cut the bundle into files.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Articles per article shard.
    pub chunk: usize,
    /// Postings (article-word pairs) per search shard, about.
    pub postings: usize,
    /// Articles of the default view carried in the entry, so the first page needs no shard.
    pub first_page: usize,
    /// Below this many bytes of shards in all, they are carried in the entry.
    pub inline_below: usize,
}

impl Default for Options {
    /// Measured on generated corpora of 1k to 100k articles (see `scripts/measure` and the
    /// README): runs of 32 articles are ~6 kB brotli, so a page sorted by heat, whose articles
    /// are scattered, costs a few hundred kB at worst; search shards of 16k postings are tens
    /// of kB; a collection of up to a few hundred articles fits in one file.
    fn default() -> Self {
        Self {
            chunk: 32,
            postings: 16_384,
            first_page: crate::view::PAGE_ROWS,
            inline_below: 256 * 1024,
        }
    }
}

/// A file of the pack.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct File {
    /// Its name: `<kind>-<hash>.bin`.
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

/// A shard in the table of contents: its file, and the least key it may hold (an id or a
/// word); the next shard's key bounds it from above.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Shelf {
    pub from: String,
    pub file: String,
}

/// What a shard holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) enum Shard {
    Articles(Vec<Article>),
    Words(SearchIndex),
    Graph(crate::graph::Stories),
}

impl Shard {
    fn kind(&self) -> &'static str {
        match self {
            Self::Articles(_) => "articles",
            Self::Words(_) => "words",
            Self::Graph(_) => "graph",
        }
    }
}

/// The entry file's content.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct Entry {
    pub catalog: Catalog,
    pub chunk: u32,
    pub articles: Vec<Shelf>,
    pub words: Vec<Shelf>,
    pub graph: String,
    /// Articles of the default view's first page, by number.
    pub first_page: Vec<(u32, Article)>,
    /// Shards carried inside the entry.
    pub inline: Vec<File>,
}

/// A 64-bit FNV-1a hash: enough to give every distinct file its own name; integrity comes
/// from decoding and checking, not from the hash.
pub(crate) fn hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

fn shard_file(shard: &Shard) -> File {
    file(shard.kind(), SHARD_MAGIC, shard)
}

fn file(kind: &str, magic: &[u8], body: &impl Serialize) -> File {
    let bytes = postcard::to_extend(body, magic.to_vec()).expect("writing to a Vec cannot fail");
    File {
        name: format!("{kind}-{:016x}.bin", hash(&bytes)),
        bytes,
    }
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

/// Shelves for shards whose first and last keys are given, in order.
fn shelves(bounds: &[(String, String)], files: &[File]) -> Vec<Shelf> {
    bounds
        .iter()
        .zip(files)
        .enumerate()
        .map(|(k, ((first, _), f))| Shelf {
            from: match k {
                0 => String::new(),
                _ => separator(&bounds[k - 1].1, first),
            },
            file: f.name.clone(),
        })
        .collect()
}

impl Bundle {
    /// Cuts the bundle into an entry file and shards (see the module docs).
    ///
    /// # Panics
    /// If `options.chunk` is 0.
    #[must_use]
    pub fn pack(&self, options: Options) -> Pack {
        assert!(
            options.chunk > 0,
            "article shards hold at least one article"
        );
        let articles = self.articles();
        let article_files: Vec<File> = articles
            .chunks(options.chunk)
            .map(|run| shard_file(&Shard::Articles(run.to_vec())))
            .collect();
        let article_bounds: Vec<(String, String)> = articles
            .chunks(options.chunk)
            .map(|run| (run[0].id.to_string(), run[run.len() - 1].id.to_string()))
            .collect();
        let word_shards = self.index().clone().split(options.postings);
        let word_bounds: Vec<(String, String)> = word_shards
            .iter()
            .map(|s| {
                let words = s.words();
                (words[0].clone(), words[words.len() - 1].clone())
            })
            .collect();
        let word_files: Vec<File> = word_shards
            .into_iter()
            .map(|s| shard_file(&Shard::Words(s)))
            .collect();
        let graph = shard_file(&Shard::Graph(self.stories().clone()));

        let mut shards = article_files.clone();
        shards.extend(word_files.iter().cloned());
        shards.push(graph.clone());
        let total: usize = shards.iter().map(|f| f.bytes.len()).sum();
        let (inline, shards) = if total < options.inline_below {
            (shards, Vec::new())
        } else {
            (Vec::new(), shards)
        };
        let first_page = if inline.is_empty() {
            self.catalog()
                .heat_order()
                .iter()
                .take(options.first_page)
                .map(|&n| (n, self.article(n).clone()))
                .collect()
        } else {
            Vec::new()
        };
        let entry = Entry {
            catalog: self.catalog().clone(),
            chunk: u32::try_from(options.chunk).expect("a chunk size below 2^32"),
            articles: shelves(&article_bounds, &article_files),
            words: shelves(&word_bounds, &word_files),
            graph: graph.name,
            first_page,
            inline,
        };
        Pack {
            entry: file("entry", ENTRY_MAGIC, &entry),
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
    fn names_follow_the_bytes() {
        let a = file("words", SHARD_MAGIC, &1u8);
        let b = file("words", SHARD_MAGIC, &2u8);
        assert_ne!(a.name, b.name);
        assert!(a.name.starts_with("words-") && a.name.ends_with(".bin"));
        assert_eq!(a, file("words", SHARD_MAGIC, &1u8));
    }
}
