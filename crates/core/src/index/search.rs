//! Full-text search: the prefix index built at build time, the query language, matching,
//! relevance, and highlighting.
//!
//! An article matches when every query word is the start of some word in its title, excerpt,
//! provider name, topics or body (after folding, see [`crate::text::words`]), every quoted phrase
//! appears as consecutive words, in order, within one field, and every fuzzy word (`ukrane~`)
//! is, whole, within a few edits of one of its words (see [`crate::index::suggest::max_edits`]).
//! Relevance adds, per query term, the weight of the best field it matched in, with a bonus for
//! whole-word matches.

use crate::model::article::Article;
use crate::text::words::{self, spans};
use crate::wire::{Reader, Wire};
use serde::Serialize;
use std::collections::HashMap;

/// The longest query read; the rest is ignored.
pub const MAX_QUERY_LEN: usize = 500;
/// The most terms read from a query.
pub const MAX_TERMS: usize = 32;

/// The fields search looks in, as bits of a posting's field mask.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The headline.
    Title = 1,
    /// Topic names.
    Topics = 2,
    /// The provider's name.
    Provider = 4,
    /// The summary.
    Excerpt = 8,
    /// The text after the front matter.
    Body = 16,
}

impl Field {
    const ALL: [Self; 5] = [
        Self::Title,
        Self::Topics,
        Self::Provider,
        Self::Excerpt,
        Self::Body,
    ];

    /// How much a match in this field counts towards relevance: headlines above summaries
    /// above bodies.
    #[must_use]
    pub fn weight(self) -> f32 {
        match self {
            Self::Title => 8.0,
            Self::Topics => 5.0,
            Self::Provider => 4.0,
            Self::Excerpt => 2.0,
            Self::Body => 1.0,
        }
    }

    fn texts(self, article: &Article) -> Vec<&str> {
        match self {
            Self::Title => vec![article.title.as_str()],
            Self::Topics => article.topics.iter().map(String::as_str).collect(),
            Self::Provider => vec![article.provider.name.as_str()],
            Self::Excerpt => vec![article.excerpt.as_str()],
            Self::Body => vec![article.body.text()],
        }
    }
}

/// In a [`SearchIndex::summary`], what follows the prefix in the entry for its longer words. No
/// query word can hold it: words are letters and digits (see [`crate::text::words`]).
pub const LONGER: char = '\u{10FFFF}';

/// One article's occurrence of a word: which article, and in which fields (a [`Field`] mask).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Posting {
    /// Index of the article in the bundle.
    pub article: u32,
    /// Bit-or of [`Field`] values.
    pub fields: u8,
}

/// Every distinct word of the collection (or, for a shard, of one range of words), sorted, with
/// the articles it occurs in.
///
/// Stored with each posting list's article numbers as gaps from the previous one, which are
/// small numbers and so mostly one byte each.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(into = "StoredIndex")]
pub struct SearchIndex {
    words: Vec<String>,
    postings: Vec<Vec<Posting>>,
}

#[derive(Serialize)]
struct StoredIndex {
    words: Vec<String>,
    postings: Vec<Vec<(u32, u8)>>,
}

impl From<SearchIndex> for StoredIndex {
    fn from(index: SearchIndex) -> Self {
        let postings = index
            .postings
            .iter()
            .map(|list| {
                let mut last = 0;
                list.iter()
                    .map(|p| {
                        let gap = p.article - last;
                        last = p.article;
                        (gap, p.fields)
                    })
                    .collect()
            })
            .collect();
        Self {
            words: index.words,
            postings,
        }
    }
}

/// Stored gaps that overflow an article number.
#[derive(Debug, thiserror::Error)]
#[error("a posting list's article numbers overflow")]
pub struct Overflow;

impl TryFrom<StoredIndex> for SearchIndex {
    type Error = Overflow;
    fn try_from(s: StoredIndex) -> Result<Self, Overflow> {
        let postings = s
            .postings
            .into_iter()
            .map(|list| {
                let mut last = 0u32;
                list.into_iter()
                    .map(|(gap, fields)| {
                        last = last.checked_add(gap).ok_or(Overflow)?;
                        Ok(Posting {
                            article: last,
                            fields,
                        })
                    })
                    .collect::<Result<Vec<_>, Overflow>>()
            })
            .collect::<Result<Vec<_>, Overflow>>()?;
        Ok(Self {
            words: s.words,
            postings,
        })
    }
}

impl Wire for SearchIndex {
    fn read(r: &mut Reader<'_>) -> Self {
        let words = r.read();
        let postings = r.read::<Vec<Vec<(u32, u8)>>>();
        Self::try_from(StoredIndex { words, postings })
            .unwrap_or_else(|_| r.invalid("a posting list's numbers overflow", Self::default()))
    }
}

impl SearchIndex {
    /// Indexes `articles` (positions in the slice are the article numbers).
    #[must_use]
    pub fn build(articles: &[Article]) -> Self {
        let mut map: HashMap<String, Vec<Posting>> = HashMap::new();
        for (i, article) in articles.iter().enumerate() {
            let article_no = u32::try_from(i).expect("fewer than 2^32 articles");
            let mut masks: HashMap<String, u8> = HashMap::new();
            for field in Field::ALL {
                for text in field.texts(article) {
                    for word in words::words(text) {
                        *masks.entry(word).or_default() |= field as u8;
                    }
                }
            }
            for (word, fields) in masks {
                map.entry(word).or_default().push(Posting {
                    article: article_no,
                    fields,
                });
            }
        }
        let mut entries: Vec<(String, Vec<Posting>)> = map.into_iter().collect();
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        let (words, mut postings): (Vec<_>, Vec<_>) = entries.into_iter().unzip();
        for list in &mut postings {
            list.sort_by_key(|p: &Posting| p.article);
        }
        Self { words, postings }
    }

    /// The number of distinct words.
    #[must_use]
    pub fn word_count(&self) -> usize {
        self.words.len()
    }

    /// Every word, sorted.
    #[must_use]
    pub fn words(&self) -> &[String] {
        &self.words
    }

    /// Every word with the number of articles it occurs in.
    pub fn counts(&self) -> impl Iterator<Item = (&str, u32)> {
        self.words.iter().zip(&self.postings).map(|(w, list)| {
            let articles = u32::try_from(list.len()).expect("fewer than 2^32 articles");
            (w.as_str(), articles)
        })
    }

    /// The first word, if any.
    #[must_use]
    pub fn first_word(&self) -> Option<&str> {
        self.words.first().map(String::as_str)
    }

    /// The part of the index about the articles numbered `range` (words none of them uses left
    /// out): a segment of an index cut by article number, see [`crate::data::pack`].
    #[must_use]
    pub fn restrict(&self, range: std::ops::Range<u32>) -> Self {
        let mut out = Self::default();
        for (word, list) in self.words.iter().zip(&self.postings) {
            let from = list.partition_point(|p| p.article < range.start);
            let to = list.partition_point(|p| p.article < range.end);
            if from < to {
                out.words.push(word.clone());
                out.postings.push(list[from..to].to_vec());
            }
        }
        out
    }

    /// Splits the index into consecutive ranges of words holding about `postings` postings
    /// each (a word's list is never split), for a static host to serve on demand.
    #[must_use]
    pub fn split(self, postings: usize) -> Vec<Self> {
        let mut shards = Vec::new();
        let mut current = Self::default();
        let mut size = 0;
        for (word, list) in self.words.into_iter().zip(self.postings) {
            if size > 0 && size + list.len() > postings {
                shards.push(std::mem::take(&mut current));
                size = 0;
            }
            size += list.len();
            current.words.push(word);
            current.postings.push(list);
        }
        if !current.words.is_empty() {
            shards.push(current);
        }
        shards
    }

    /// True when the index is consistent with a bundle of `articles` articles: words sorted and
    /// unique, one posting list per word, each list ascending and naming existing articles.
    #[must_use]
    pub fn is_valid_for(&self, articles: usize) -> bool {
        self.words.len() == self.postings.len()
            && self.words.windows(2).all(|w| w[0] < w[1])
            && self.postings.iter().all(|list| {
                list.windows(2).all(|w| w[0].article < w[1].article)
                    && list
                        .iter()
                        .all(|p| (p.article as usize) < articles && p.fields != 0)
            })
    }

    /// True when every word lies in `from..until` (`until` `None`: no upper end).
    #[must_use]
    pub fn is_within(&self, from: &str, until: Option<&str>) -> bool {
        self.words.first().is_none_or(|w| w.as_str() >= from)
            && self
                .words
                .last()
                .is_none_or(|w| until.is_none_or(|u| w.as_str() < u))
    }

    /// What search needs of every word starting with `prefix`, as an index of at most two
    /// words: `prefix` itself, if indexed, and `prefix` followed by [`LONGER`], standing for
    /// every longer word merged (per article, the union of its fields: relevance only asks for
    /// the best field). Looking up `prefix` in the summary scores exactly as in the whole index,
    /// and no other query word finds anything in it.
    #[must_use]
    pub fn summary(&self, prefix: &str) -> Self {
        let mut out = Self::default();
        let mut own = Vec::new();
        let mut longer: Vec<u8> = Vec::new();
        for (p, exact) in self.with_prefix(prefix) {
            if exact {
                own.push(*p);
                continue;
            }
            let i = p.article as usize;
            if i >= longer.len() {
                longer.resize(i + 1, 0);
            }
            longer[i] |= p.fields;
        }
        if !own.is_empty() {
            out.words.push(prefix.to_owned());
            out.postings.push(own);
        }
        let merged: Vec<Posting> = (0u32..)
            .zip(longer)
            .filter(|&(_, fields)| fields != 0)
            .map(|(article, fields)| Posting { article, fields })
            .collect();
        if !merged.is_empty() {
            out.words.push(format!("{prefix}{LONGER}"));
            out.postings.push(merged);
        }
        out
    }

    /// True when every word is one a [`summary`](Self::summary) of `prefix` may hold.
    #[must_use]
    pub fn is_summary_of(&self, prefix: &str) -> bool {
        self.words.iter().all(|w| {
            w.strip_prefix(prefix)
                .is_some_and(|rest| rest.is_empty() || rest.chars().eq([LONGER]))
        })
    }

    /// Postings of every word starting with `prefix`, with whether the word is exactly it.
    fn with_prefix<'a>(
        &'a self,
        prefix: &'a str,
    ) -> impl Iterator<Item = (&'a Posting, bool)> + 'a {
        let start = self.words.partition_point(|w| w.as_str() < prefix);
        self.words[start..]
            .iter()
            .zip(&self.postings[start..])
            .take_while(move |(w, _)| w.starts_with(prefix))
            .flat_map(move |(w, list)| list.iter().map(move |p| (p, w == prefix)))
    }
}

/// One part of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Term {
    /// A word, matched as the start of a word.
    Word(String),
    /// Quoted words, matched consecutively and in order within one field.
    Phrase(Vec<String>),
    /// A word written with a trailing `~`, matched by the collection's whole words within a
    /// few edits of it (see [`Sources::near`]).
    Fuzzy(String),
}

/// A parsed query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    terms: Vec<Term>,
}

impl Query {
    /// Parses a query: quoted parts are phrases (an unclosed quote runs to the end), the rest
    /// are words, fuzzy when a `~` follows them. At most [`MAX_QUERY_LEN`] bytes and
    /// [`MAX_TERMS`] terms are read.
    ///
    /// ```
    /// use broadsheet_core::index::search::{Query, Term};
    /// let q = Query::parse(r#"recog "machine learning" AI"#);
    /// assert_eq!(q.terms(), &[
    ///     Term::Word("recog".into()),
    ///     Term::Phrase(vec!["machine".into(), "learning".into()]),
    ///     Term::Word("ai".into()),
    /// ]);
    /// assert_eq!(Query::parse("Ukrane~ grain").terms(), &[
    ///     Term::Fuzzy("ukrane".into()),
    ///     Term::Word("grain".into()),
    /// ]);
    /// ```
    #[must_use]
    pub fn parse(text: &str) -> Self {
        let mut end = text.len().min(MAX_QUERY_LEN);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let mut terms = Vec::new();
        for (i, part) in text[..end].split('"').enumerate() {
            if i % 2 == 1 {
                let found: Vec<String> = words::words(part).collect();
                if found.len() > 1 {
                    terms.push(Term::Phrase(found));
                } else {
                    terms.extend(found.into_iter().map(Term::Word));
                }
                continue;
            }
            for (range, word) in words::spans(part) {
                if part[range.end..].starts_with('~') {
                    terms.push(Term::Fuzzy(word));
                } else {
                    terms.push(Term::Word(word));
                }
            }
        }
        terms.dedup();
        terms.truncate(MAX_TERMS);
        Self { terms }
    }

    /// The terms, in query order.
    #[must_use]
    pub fn terms(&self) -> &[Term] {
        &self.terms
    }

    /// True when there is nothing to search for.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Every word and phrase word of the query: what highlighting looks for as word starts
    /// (fuzzy words it looks for as whole words a few edits away).
    fn all_words(&self) -> impl Iterator<Item = &str> {
        self.terms
            .iter()
            .flat_map(|t| match t {
                Term::Word(w) => std::slice::from_ref(w),
                Term::Phrase(ws) => ws.as_slice(),
                Term::Fuzzy(_) => &[],
            })
            .map(String::as_str)
    }

    /// The fuzzy words of the query.
    pub fn fuzzy(&self) -> impl Iterator<Item = &str> {
        self.terms.iter().filter_map(|t| match t {
            Term::Fuzzy(w) => Some(w.as_str()),
            _ => None,
        })
    }
}

/// The words a query looks up as prefixes: each word, and each word of each phrase. Fuzzy
/// words look up the words [`Sources::near`] gives them instead.
pub fn lookups(query: &Query) -> impl Iterator<Item = &str> {
    query.all_words()
}

/// Where search reads: the index, whole or as the shards that hold the query's words, and the
/// articles, for checking phrases.
pub struct Sources<'a> {
    /// Index shards; together they must hold every word starting with any [`lookups`] word.
    pub shards: &'a [&'a SearchIndex],
    /// Article `n`, when its text is at hand. Phrase candidates whose text is not count as
    /// non-matching, so callers load them first (see [`phrase_candidates`]).
    pub article: &'a dyn Fn(u32) -> Option<&'a Article>,
    /// The collection's words within [`crate::index::suggest::max_edits`] of a fuzzy word, itself
    /// included when it is one; `shards` must hold each of them.
    pub near: &'a dyn Fn(&str) -> Vec<String>,
}

/// Scores by article number, `NaN` where an article does not match. Dense rather than a hash
/// map: a one- or two-letter prefix matches most of a large collection, and then a vector
/// indexed by article costs a fraction of hashing every posting.
#[derive(Debug, Default)]
struct Scores(Vec<f32>);

impl Scores {
    fn raise(&mut self, article: u32, score: f32) {
        let i = article as usize;
        if i >= self.0.len() {
            self.0.resize(i + 1, f32::NAN);
        }
        let slot = &mut self.0[i];
        if slot.is_nan() || *slot < score {
            *slot = score;
        }
    }

    fn get(&self, article: usize) -> Option<f32> {
        self.0.get(article).copied().filter(|s| !s.is_nan())
    }

    /// Keeps the articles `other` also has, adding its score (`add`) or keeping this one.
    fn and(&mut self, other: &Self, add: bool) {
        for (i, score) in self.0.iter_mut().enumerate() {
            match other.get(i) {
                Some(s) if add => *score += s,
                Some(_) => {}
                None => *score = f32::NAN,
            }
        }
    }

    fn hits(&self) -> impl Iterator<Item = (u32, f32)> + '_ {
        (0u32..)
            .zip(&self.0)
            .filter(|(_, s)| !s.is_nan())
            .map(|(i, s)| (i, *s))
    }

    fn is_empty(&self) -> bool {
        self.hits().next().is_none()
    }
}

/// The articles that could match a phrase of `query`: those having every word of a phrase.
/// Their text decides; a caller holding only some articles loads these first.
#[must_use]
pub fn phrase_candidates(shards: &[&SearchIndex], query: &Query) -> Vec<u32> {
    let mut all = Vec::new();
    for term in query.terms() {
        if let Term::Phrase(phrase) = term {
            all.extend(candidates(shards, phrase).hits().map(|(a, _)| a));
        }
    }
    crate::sort::ascending(&mut all);
    all.dedup();
    all
}

/// The articles matching every term of `query`, with their relevance, in article order.
/// An empty query matches nothing (callers show everything instead).
#[must_use]
pub fn search(sources: &Sources<'_>, query: &Query) -> Vec<(u32, f32)> {
    let mut total: Option<Scores> = None;
    for term in query.terms() {
        let scores = match term {
            Term::Word(word) => word_scores(sources.shards, word),
            Term::Phrase(phrase) => phrase_scores(sources, phrase),
            Term::Fuzzy(word) => fuzzy_scores(sources, word),
        };
        let total = match &mut total {
            None => total.insert(scores),
            Some(acc) => {
                acc.and(&scores, true);
                acc
            }
        };
        if total.is_empty() {
            break;
        }
    }
    total.map(|t| t.hits().collect()).unwrap_or_default()
}

fn best_weight(fields: u8) -> f32 {
    Field::ALL
        .iter()
        .filter(|f| fields & (**f as u8) != 0)
        .map(|f| f.weight())
        .fold(0.0, f32::max)
}

fn word_scores(shards: &[&SearchIndex], word: &str) -> Scores {
    // Per field mask, its best weight: a one-letter prefix visits most postings of a large
    // collection, and a table lookup is what that loop can afford.
    let weights: [f32; 32] = std::array::from_fn(|mask| best_weight(mask as u8));
    let mut scores = Scores::default();
    for (posting, exact) in shards.iter().flat_map(|s| s.with_prefix(word)) {
        let weight = weights[usize::from(posting.fields & 31)];
        scores.raise(posting.article, weight * if exact { 1.5 } else { 1.0 });
    }
    scores
}

/// A fuzzy word scores as the best of the whole words near it; a match a few edits away counts
/// as a prefix match does, the word itself as a whole-word match.
fn fuzzy_scores(sources: &Sources<'_>, word: &str) -> Scores {
    let weights: [f32; 32] = std::array::from_fn(|mask| best_weight(mask as u8));
    let mut scores = Scores::default();
    for near in (sources.near)(word) {
        let whole = sources.shards.iter().flat_map(|s| s.with_prefix(&near));
        for (posting, _) in whole.filter(|(_, exact)| *exact) {
            let weight = weights[usize::from(posting.fields & 31)];
            scores.raise(
                posting.article,
                weight * if near == word { 1.5 } else { 1.0 },
            );
        }
    }
    scores
}

fn candidates(shards: &[&SearchIndex], phrase: &[String]) -> Scores {
    let mut candidates: Option<Scores> = None;
    for word in phrase {
        let found = word_scores(shards, word);
        match &mut candidates {
            None => candidates = Some(found),
            Some(c) => c.and(&found, false),
        }
    }
    candidates.unwrap_or_default()
}

fn phrase_scores(sources: &Sources<'_>, phrase: &[String]) -> Scores {
    let mut scores = Scores::default();
    for (article, _) in candidates(sources.shards, phrase).hits() {
        let Some(a) = (sources.article)(article) else {
            continue;
        };
        let best = Field::ALL
            .iter()
            .filter(|f| f.texts(a).iter().any(|t| contains_phrase(t, phrase)))
            .map(|f| f.weight())
            .fold(0.0, f32::max);
        if best > 0.0 {
            scores.raise(article, best * 2.0);
        }
    }
    scores
}

/// True when `phrase` occurs in `text` as consecutive words, each the start of a text word.
fn contains_phrase(text: &str, phrase: &[String]) -> bool {
    let found: Vec<String> = words::words(text).collect();
    found.windows(phrase.len()).any(|w| {
        w.iter()
            .zip(phrase)
            .all(|(word, p)| word.starts_with(p.as_str()))
    })
}

/// A piece of text, marked when it matched the query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment<'t> {
    /// The text, exactly as in the original.
    pub text: &'t str,
    /// True when this is a word the query matched.
    pub hit: bool,
}

/// Splits `text` into segments, marking words that a query word starts, and whole words a
/// fuzzy word (`ukrane~`) matches, as search matches them ([`crate::index::suggest::near_words`]).
/// The segments concatenate to `text`; callers render them as text, never as markup.
///
/// ```
/// use broadsheet_core::index::search::{highlight, Query};
/// let marked = |text, q| -> Vec<&str> {
///     highlight(text, &Query::parse(q)).into_iter().filter(|s| s.hit).map(|s| s.text).collect()
/// };
/// assert_eq!(marked("Face recognition, again", "recog"), ["recognition"]);
/// assert_eq!(marked("Ukraine and Ukrainian grain", "ukrane~"), ["Ukraine"]);
/// ```
#[must_use]
pub fn highlight<'t>(text: &'t str, query: &Query) -> Vec<Segment<'t>> {
    let query_words: Vec<&str> = query.all_words().collect();
    let fuzzy: Vec<Vec<char>> = query.fuzzy().map(|w| w.chars().collect()).collect();
    let mut out = Vec::new();
    let mut last = 0;
    if query_words.is_empty() && fuzzy.is_empty() {
        return vec![Segment { text, hit: false }];
    }
    let mut chars = Vec::new();
    let mut near = |word: &str| {
        chars.clear();
        chars.extend(word.chars());
        fuzzy.iter().any(|f| {
            crate::index::suggest::distance_within(
                f,
                &chars,
                crate::index::suggest::max_edits(f.len()),
            )
            .is_some()
        })
    };
    for (range, word) in spans(text) {
        if query_words.iter().any(|q| word.starts_with(q)) || near(&word) {
            if range.start > last {
                out.push(Segment {
                    text: &text[last..range.start],
                    hit: false,
                });
            }
            out.push(Segment {
                text: &text[range.clone()],
                hit: true,
            });
            last = range.end;
        }
    }
    if last < text.len() {
        out.push(Segment {
            text: &text[last..],
            hit: false,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::article;

    fn corpus() -> Vec<Article> {
        let mut a = article("a", None, 1);
        a.title = "Face recognition comes to Zürich".into();
        a.topics = vec!["Computer Vision".into()];
        let mut b = article("b", None, 2);
        b.title = "Machine translation market".into();
        b.excerpt = "Learning machines and translation; recognition too.".into();
        let mut c = article("c", None, 3);
        c.title = "Learning about machines".into();
        c.body = crate::model::body::Body::from_plain_text("Deep machine learning in depth.");
        vec![a, b, c]
    }

    fn run(index: &SearchIndex, articles: &[Article], q: &str) -> Vec<(u32, f32)> {
        let article = |n: u32| articles.get(n as usize);
        let near = |w: &str| crate::index::suggest::near_words(index.counts().map(|(w, _)| w), w);
        let sources = Sources {
            shards: &[index],
            article: &article,
            near: &near,
        };
        search(&sources, &Query::parse(q))
    }

    fn ids(articles: &[Article], q: &str) -> Vec<String> {
        let index = SearchIndex::build(articles);
        run(&index, articles, q)
            .into_iter()
            .map(|(i, _)| articles[i as usize].id.to_string())
            .collect()
    }

    #[test]
    fn a_summary_scores_its_prefix_as_the_whole_index_does_and_nothing_else() {
        let mut c = corpus();
        let mut d = article("d", None, 4);
        d.title = "M is for machine".into();
        c.push(d);
        let index = SearchIndex::build(&c);
        for prefix in ["m", "ma", "machine", "l", "z", "q"] {
            let summary = index.summary(prefix);
            assert!(summary.is_valid_for(c.len()) && summary.is_summary_of(prefix));
            assert!(summary.word_count() <= 2, "{prefix}");
            for q in [prefix.to_owned(), format!("{prefix} recog")] {
                let whole = run(&index, &c, &q);
                let article = |n: u32| c.get(n as usize);
                let near = |_: &str| Vec::new();
                let sources = Sources {
                    shards: &[&summary, &index],
                    article: &article,
                    near: &near,
                };
                assert_eq!(search(&sources, &Query::parse(&q)), whole, "{q}");
                let only = Sources {
                    shards: &[&summary],
                    article: &article,
                    near: &near,
                };
                let alone = search(&only, &Query::parse(prefix));
                assert_eq!(alone, run(&index, &c, prefix), "{prefix} alone");
            }
            assert!(run(&summary, &c, &format!("{prefix}a")).is_empty());
        }
        assert_eq!(index.summary("m").words(), ["m", "m\u{10FFFF}"]);
        assert!(!index.summary("m").is_summary_of("ma"));
        assert!(!index.is_summary_of("m"));
    }

    #[test]
    fn every_word_must_start_a_word_somewhere() {
        let c = corpus();
        assert_eq!(ids(&c, "recog"), ["a", "b"]);
        assert_eq!(ids(&c, "RECOG face"), ["a"]);
        assert_eq!(ids(&c, "zurich"), ["a"], "diacritic-insensitive");
        assert_eq!(ids(&c, "vision"), ["a"], "topics are searched");
        assert_eq!(
            ids(&c, "example"),
            ["a", "b", "c"],
            "provider names are searched"
        );
        assert_eq!(
            ids(&c, "ognition"),
            Vec::<String>::new(),
            "only word starts match"
        );
        assert_eq!(ids(&c, "face nothing"), Vec::<String>::new());
    }

    #[test]
    fn a_fuzzy_word_matches_whole_words_a_few_edits_away() {
        let c = corpus();
        let cases: [(&str, &[&str]); 9] = [
            // Two edits for five letters or more; a swap is one.
            ("recgonition~", &["a", "b"]),
            ("mahcine~", &["b", "c"]),
            ("machnes~", &["b", "c"]),
            // Whole words: "learn" is no fuzzy match of "learning".
            ("learn~", &[]),
            // One edit under five letters.
            ("fase~", &["a"]),
            ("fcae~", &["a"]),
            ("fxxe~", &[]),
            // With other terms, as any term.
            ("mahcine~ market", &["b"]),
            (r#""machine learning~""#, &["c"]),
        ];
        for (q, want) in cases {
            assert_eq!(ids(&c, q), want, "{q}");
        }
        let q = Query::parse(r#"ukrane~ "grain~ deal" ~ x~~"#);
        assert_eq!(
            q.terms(),
            [
                Term::Fuzzy("ukrane".into()),
                Term::Phrase(vec!["grain".into(), "deal".into()]),
                Term::Fuzzy("x".into()),
            ]
        );
    }

    #[test]
    fn phrases_match_consecutive_words_in_order() {
        let c = corpus();
        assert_eq!(ids(&c, "\"machine learn\""), ["c"]);
        assert_eq!(
            ids(&c, "\"learning machines\""),
            ["b"],
            "c has both words, apart"
        );
        assert_eq!(ids(&c, "\"machines learning\""), Vec::<String>::new());
    }

    #[test]
    fn title_matches_rank_above_excerpt_and_body_matches() {
        let c = corpus();
        let index = SearchIndex::build(&c);
        let hits = run(&index, &c, "machine");
        let score = |id: &str| {
            hits.iter()
                .find(|(i, _)| c[*i as usize].id.as_str() == id)
                .map(|h| h.1)
        };
        assert!(
            score("b") > score("c"),
            "exact title word beats prefix title word"
        );
        let hits = run(&index, &c, "recognition");
        let score = |id: &str| {
            hits.iter()
                .find(|(i, _)| c[*i as usize].id.as_str() == id)
                .map(|h| h.1)
        };
        assert!(score("a") > score("b"), "title beats excerpt");
    }

    #[test]
    fn queries_are_bounded() {
        let long = "word ".repeat(10_000);
        assert!(Query::parse(&long).terms().len() <= MAX_TERMS);
        let q = Query::parse("\"unclosed phrase here");
        assert_eq!(
            q.terms(),
            &[Term::Phrase(vec![
                "unclosed".into(),
                "phrase".into(),
                "here".into()
            ])]
        );
        assert!(Query::parse("  -- !! ").is_empty());
        assert!(Query::parse(&"é".repeat(1_000)).terms().len() == 1);
    }

    #[test]
    fn highlight_segments_rebuild_the_text() {
        let text = "Zürich: face-recognition & <b>tags</b>";
        let parts = highlight(text, &Query::parse("zur recog tag"));
        let joined: String = parts.iter().map(|s| s.text).collect();
        assert_eq!(joined, text);
        let hits: Vec<_> = parts.iter().filter(|s| s.hit).map(|s| s.text).collect();
        assert_eq!(hits, ["Zürich", "recognition", "tags"]);
    }

    #[test]
    fn highlight_marks_what_fuzzy_words_match_and_only_that() {
        let cases = [
            ("Ukraine and Ukrainian grain", "ukrane~", vec!["Ukraine"]),
            (
                "Zürich, Zurich and Zuric",
                "zurch~",
                vec!["Zürich", "Zurich", "Zuric"],
            ),
            // Short words allow one edit: "cat" is one from "car", "cart" too, "cargo" two.
            ("A car, a cart, a cargo", "cat~", vec!["car", "cart"]),
            ("Learning machines", "learn~", vec![]),
            (
                "Fuzzy and plain: rail railways",
                "rail rale~",
                vec!["rail", "railways"],
            ),
        ];
        for (text, q, want) in cases {
            let parts = highlight(text, &Query::parse(q));
            let joined: String = parts.iter().map(|s| s.text).collect();
            assert_eq!(joined, text, "{q}");
            let hits: Vec<_> = parts.iter().filter(|s| s.hit).map(|s| s.text).collect();
            assert_eq!(hits, want, "{text} / {q}");
        }
    }

    #[test]
    fn index_validity_is_checked() {
        let c = corpus();
        let index = SearchIndex::build(&c);
        assert!(index.is_valid_for(3));
        assert!(!index.is_valid_for(2));
    }

    #[test]
    fn split_shards_answer_like_the_whole_index_and_round_trip() {
        let c = corpus();
        let whole = SearchIndex::build(&c);
        let shards = whole.clone().split(2);
        assert!(shards.len() > 2, "small shards for the test");
        for pair in shards.windows(2) {
            let next = pair[1].first_word();
            assert!(pair[0].is_within("", next));
        }
        let refs: Vec<&SearchIndex> = shards.iter().collect();
        let article = |n: u32| c.get(n as usize);
        let near = |w: &str| crate::index::suggest::near_words(whole.counts().map(|(w, _)| w), w);
        for q in [
            "machine",
            "rec",
            r#""machine learning""#,
            "face rec",
            "zzz",
            "mahcine~",
        ] {
            let query = Query::parse(q);
            let split = search(
                &Sources {
                    shards: &refs,
                    article: &article,
                    near: &near,
                },
                &query,
            );
            assert_eq!(split, run(&whole, &c, q), "{q}");
        }
        let back: SearchIndex =
            crate::wire::from_bytes(&postcard::to_allocvec(&whole).expect("encodes"))
                .expect("decodes");
        assert_eq!(back, whole);
        assert_eq!(
            phrase_candidates(&refs, &Query::parse(r#""machine learning""#)).len(),
            run(&whole, &c, "machine learning").len()
        );
    }
}
