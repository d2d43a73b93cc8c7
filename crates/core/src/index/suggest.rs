//! "Did you mean": when a search word finds nothing or very little, the collection's own words
//! closest to it, ranked by how many articles they would find.
//!
//! The words come from a [`Vocabulary`]: every distinct word of the collection with the number
//! of articles it occurs in, cut into files by word length, so a sharded build fetches only the
//! lengths a misspelling can be near (a word of 7 letters is within two edits only of words of
//! 5 to 9). Closeness is the optimal string alignment distance (insertions, deletions,
//! substitutions and swaps of two neighbouring letters, which is most typing slips), over
//! characters rather than bytes.

use crate::index::search::{Query, Term};
use crate::text::words;
use crate::wire::{Reader, Wire};
use serde::Serialize;
use std::ops::RangeInclusive;

/// Below this many results a query is worth a suggestion; above it a reader is finding things.
pub const FEW_RESULTS: usize = 3;

/// The most suggestions offered for one word.
pub const MAX_SUGGESTIONS: usize = 3;

/// Words longer than this many characters share the last length bucket: long words are rare,
/// and their misspellings are too.
pub const LONGEST_BUCKET: usize = 24;

/// How many edits a word of `len` characters may be from a suggestion: two for words of five
/// letters or more, one for shorter ones (where two edits reach too many unrelated words).
#[must_use]
pub fn max_edits(len: usize) -> usize {
    if len >= 5 {
        2
    } else {
        1
    }
}

/// The length bucket of a word of `len` characters (see [`LONGEST_BUCKET`]).
#[must_use]
pub fn bucket(len: usize) -> usize {
    len.min(LONGEST_BUCKET)
}

/// The buckets a word of `len` characters may find suggestions in.
#[must_use]
pub fn buckets_near(len: usize) -> RangeInclusive<usize> {
    let edits = max_edits(len);
    bucket(len.saturating_sub(edits).max(1))..=bucket(len + edits)
}

/// The words of one length bucket, sorted, each with the number of articles it occurs in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Vocabulary {
    words: Vec<(String, u32)>,
}

impl Wire for Vocabulary {
    fn read(r: &mut Reader<'_>) -> Self {
        Self { words: r.read() }
    }
}

impl Vocabulary {
    /// Cuts `words` (each with its article count) into buckets by length: bucket `b` of the
    /// result holds the words of [`bucket`] `b`; bucket 0 is always empty.
    #[must_use]
    pub fn by_length<'a>(words: impl IntoIterator<Item = (&'a str, u32)>) -> Vec<Self> {
        let mut buckets = vec![Self::default(); LONGEST_BUCKET + 1];
        for (word, articles) in words {
            let b = bucket(word.chars().count());
            buckets[b].words.push((word.to_owned(), articles));
        }
        for b in &mut buckets {
            b.words.sort_unstable();
        }
        buckets
    }

    /// How many words.
    #[must_use]
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// True when it holds no word.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// True when every word belongs in bucket `b`, once, in order, and counts at most
    /// `articles` articles: what a fetched file must satisfy before it is used.
    #[must_use]
    pub fn is_valid_for(&self, b: usize, articles: usize) -> bool {
        self.words.windows(2).all(|w| w[0].0 < w[1].0)
            && self.words.iter().all(|(word, count)| {
                bucket(word.chars().count()) == b && (*count as usize) <= articles && *count > 0
            })
    }

    /// The words with their article counts.
    pub fn words(&self) -> impl Iterator<Item = (&str, u32)> {
        self.words.iter().map(|(w, n)| (w.as_str(), *n))
    }
}

/// The optimal string alignment distance between `a` and `b`, when it is at most `max`.
///
/// ```
/// use broadsheet_core::index::suggest::distance_within;
/// let chars = |s: &str| s.chars().collect::<Vec<_>>();
/// assert_eq!(distance_within(&chars("ukrane"), &chars("ukraine"), 2), Some(1));
/// assert_eq!(distance_within(&chars("form"), &chars("from"), 1), Some(1));
/// assert_eq!(distance_within(&chars("cricket"), &chars("budget"), 2), None);
/// ```
#[must_use]
pub fn distance_within(a: &[char], b: &[char], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let width = b.len() + 1;
    // Three rows of the dynamic programme: two back (for swaps), one back, and this one.
    let mut before: Vec<usize> = vec![0; width];
    let mut last: Vec<usize> = (0..width).collect();
    let mut row: Vec<usize> = vec![0; width];
    for i in 1..=a.len() {
        row[0] = i;
        let mut best = row[0];
        for j in 1..width {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (last[j] + 1).min(row[j - 1] + 1).min(last[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(before[j - 2] + 1);
            }
            row[j] = d;
            best = best.min(d);
        }
        if best > max {
            return None;
        }
        std::mem::swap(&mut before, &mut last);
        std::mem::swap(&mut last, &mut row);
    }
    let d = last[b.len()];
    (d <= max).then_some(d)
}

/// A word of the collection offered instead of a query word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// The word, folded as search folds it.
    pub word: String,
    /// How many articles it occurs in.
    pub articles: u32,
}

/// The closest words to `word` among `candidates` (words with their article counts), at most
/// [`MAX_SUGGESTIONS`]: those that find the most articles first, then the nearest, then in
/// alphabetical order. Words that find no more than `found` articles (what `word` itself finds)
/// are no help and are left out.
#[must_use]
pub fn suggest<'a>(
    candidates: impl IntoIterator<Item = (&'a str, u32)>,
    word: &str,
    found: usize,
) -> Vec<Suggestion> {
    let typed: Vec<char> = word.chars().collect();
    let max = max_edits(typed.len());
    let mut near: Vec<(u32, usize, &str)> = Vec::new();
    let mut chars = Vec::new();
    for (candidate, articles) in candidates {
        if candidate == word || (articles as usize) <= found {
            continue;
        }
        chars.clear();
        chars.extend(candidate.chars());
        if let Some(d) = distance_within(&typed, &chars, max) {
            near.push((articles, d, candidate));
        }
    }
    crate::sort::items_by(&mut near, |a, b| {
        b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(b.2))
    });
    near.into_iter()
        .take(MAX_SUGGESTIONS)
        .map(|(articles, _, w)| Suggestion {
            word: w.to_owned(),
            articles,
        })
        .collect()
}

/// The words among `candidates` within [`max_edits`] of `word`, `word` itself included when it
/// is one: what a fuzzy query word (`ukrane~`) matches.
///
/// ```
/// use broadsheet_core::index::suggest::near_words;
/// let words = ["ukraine", "ukrane", "urban", "train"];
/// assert_eq!(near_words(words, "ukrane"), ["ukraine", "ukrane"]);
/// ```
#[must_use]
pub fn near_words<'a>(candidates: impl IntoIterator<Item = &'a str>, word: &str) -> Vec<String> {
    let typed: Vec<char> = word.chars().collect();
    let max = max_edits(typed.len());
    let mut chars = Vec::new();
    let mut near: Vec<String> = candidates
        .into_iter()
        .filter(|candidate| {
            chars.clear();
            chars.extend(candidate.chars());
            distance_within(&typed, &chars, max).is_some()
        })
        .map(str::to_owned)
        .collect();
    crate::sort::items(&mut near);
    near.dedup();
    near
}

/// The query's words, once each, in query order: what suggestions are sought for. Words inside
/// phrases count too: a misspelled word sinks its phrase.
#[must_use]
pub fn query_words(query: &Query) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for term in query.terms() {
        let words: &[String] = match term {
            Term::Word(w) => std::slice::from_ref(w),
            Term::Phrase(ws) => ws,
            // Already fuzzy: nothing nearer to offer.
            Term::Fuzzy(_) => &[],
        };
        for w in words {
            if !out.contains(&w.as_str()) {
                out.push(w);
            }
        }
    }
    out
}

/// `text` (a query as typed) with every word that folds to `word` replaced by `by`, the rest
/// kept as typed (quotes, other words, spacing).
///
/// ```
/// use broadsheet_core::index::suggest::replace_word;
/// assert_eq!(replace_word(r#"Ukrane "grain deal""#, "ukrane", "ukraine"), r#"ukraine "grain deal""#);
/// ```
#[must_use]
pub fn replace_word(text: &str, word: &str, by: &str) -> String {
    let mut out = String::with_capacity(text.len() + by.len());
    let mut at = 0;
    for (range, folded) in words::spans(text) {
        if folded == word {
            out.push_str(&text[at..range.start]);
            out.push_str(by);
            at = range.end;
        }
    }
    out.push_str(&text[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn distance_agrees_with_strsim() {
        let words = [
            "",
            "a",
            "ab",
            "ba",
            "abc",
            "acb",
            "ukraine",
            "ukrane",
            "urkaine",
            "ukrainian",
            "election",
            "elections",
            "eletcion",
            "selection",
            "zürich",
            "zurich",
            "ça",
            "ca",
        ];
        for a in words {
            for b in words {
                // strsim is the maintained reference; the app keeps its own banded copy, which stops
                // as soon as a row exceeds `max` (strsim always fills the whole table).
                let full = strsim::osa_distance(a, b);
                for max in 0..=3 {
                    let want = (full <= max).then_some(full);
                    assert_eq!(
                        distance_within(&chars(a), &chars(b), max),
                        want,
                        "{a:?} {b:?} within {max}"
                    );
                }
            }
        }
    }

    #[test]
    fn edits_and_buckets_by_length() {
        let cases = [
            (1, 1, 1..=2),
            (3, 1, 2..=4),
            (4, 1, 3..=5),
            (5, 2, 3..=7),
            (7, 2, 5..=9),
            (23, 2, 21..=24),
            (40, 2, 24..=24),
        ];
        for (len, edits, near) in cases {
            assert_eq!(max_edits(len), edits, "{len}");
            assert_eq!(buckets_near(len), near, "{len}");
        }
    }

    #[test]
    fn ranks_by_articles_then_closeness_then_alphabet() {
        let vocabulary = [
            ("ukraine", 207),
            ("ukrainian", 40),
            ("ukrane", 1),
            ("uranie", 207),
            ("crane", 12),
            ("brane", 12),
            ("train", 300),
        ];
        let got = |word: &str, found: usize| -> Vec<(String, u32)> {
            suggest(vocabulary.iter().copied(), word, found)
                .into_iter()
                .map(|s| (s.word, s.articles))
                .collect()
        };
        // "ukrane" is itself a word of one article: better-known neighbours are offered.
        assert_eq!(
            got("ukrane", 1),
            [
                ("ukraine".into(), 207),
                ("uranie".into(), 207),
                ("brane".into(), 12)
            ]
        );
        // Short words allow one edit only.
        assert_eq!(got("trai", 0), [("train".into(), 300)]);
        assert_eq!(got("tran", 0), [("train".into(), 300)]);
        assert!(got("tra", 0).is_empty());
        // Nothing better known than what the word finds itself.
        assert!(got("ukrainia", 500).is_empty());
        // No neighbour at all.
        assert!(got("zzzzqx", 0).is_empty());
    }

    #[test]
    fn vocabulary_cuts_by_length_and_checks_its_files() {
        let words = [
            ("ukraine", 3),
            ("a", 9),
            ("ai", 4),
            ("x".repeat(30).leak() as &str, 1),
        ];
        let buckets = Vocabulary::by_length(words.iter().map(|&(w, n)| (w, n)));
        assert_eq!(buckets.len(), LONGEST_BUCKET + 1);
        assert!(buckets[0].is_empty());
        assert_eq!(buckets[1].words().collect::<Vec<_>>(), [("a", 9)]);
        assert_eq!(buckets[7].words().collect::<Vec<_>>(), [("ukraine", 3)]);
        assert_eq!(buckets[LONGEST_BUCKET].len(), 1);
        for (b, vocabulary) in buckets.iter().enumerate() {
            assert!(vocabulary.is_valid_for(b, 10), "bucket {b}");
        }
        assert!(
            !buckets[7].is_valid_for(6, 10),
            "a word in the wrong bucket"
        );
        assert!(
            !buckets[1].is_valid_for(1, 5),
            "more articles than the collection has"
        );
    }

    #[test]
    fn query_words_and_replacing_one() {
        let query = Query::parse(r#"Ukrane "ukrane grain" deal deal"#);
        assert_eq!(query_words(&query), ["ukrane", "grain", "deal"]);
        let cases = [
            ("Ukrane grain", "ukrane", "ukraine", "ukraine grain"),
            (r#"  "Ukrane"  x"#, "ukrane", "ukraine", r#"  "ukraine"  x"#),
            ("ukrane-ukrane", "ukrane", "ukraine", "ukraine-ukraine"),
            ("Zürih", "zurih", "zurich", "zurich"),
            ("nothing here", "ukrane", "ukraine", "nothing here"),
        ];
        for (text, word, by, want) in cases {
            assert_eq!(replace_word(text, word, by), want, "{text}");
        }
    }
}
