//! The bundle: every validated article plus everything computed from them at build time (sort
//! orders, facet tables, the search index, the related-stories graph), in the binary form that
//! `build.rs` writes and the app embeds.
//!
//! The encoding is postcard behind a magic number and a version byte. The app only ever decodes;
//! decoding re-runs every validated type's check and verifies every precomputed structure
//! against the articles, so a corrupt or foreign artefact is an error rather than a wrong page.

use crate::facet::Facets;
use crate::graph::Stories;
use crate::model::{Article, ArticleId};
use crate::order;
use crate::search::SearchIndex;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// First bytes of every bundle: "BSHT" and the format version.
const MAGIC: &[u8; 5] = b"BSHT\x03";

/// Why bytes could not be read as a bundle.
#[derive(Debug, thiserror::Error)]
pub enum BundleError {
    /// The bytes do not start with this version's magic number.
    #[error("not a Broadsheet bundle of format version 3")]
    Magic,
    /// The body does not decode, or a value in it fails validation.
    #[error("corrupt bundle: {0}")]
    Decode(#[from] postcard::Error),
    /// Two articles share an id, or the articles are not sorted by id.
    #[error("corrupt bundle: ids are not unique and sorted")]
    Ids,
    /// A precomputed order is not a permutation in its order.
    #[error("corrupt bundle: the {0} order does not match the articles")]
    Order(&'static str),
    /// The facet tables or search index do not match the articles.
    #[error("corrupt bundle: the {0} does not match the articles")]
    Tables(&'static str),
}

/// A precomputed order of article numbers.
type Permutation = Vec<u32>;

/// Articles sorted by id, and what was computed from them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bundle {
    articles: Vec<Article>,
    by_heat: Permutation,
    by_date: Permutation,
    by_quality: Permutation,
    facets: Facets,
    index: SearchIndex,
    stories: Stories,
}

type Comparator = fn(&Article, &Article) -> Ordering;
const ORDERS: [(&str, Comparator); 3] = [
    ("heat", order::by_heat),
    ("date", order::by_date),
    ("quality", order::by_quality),
];

fn permutation(articles: &[Article], cmp: Comparator) -> Permutation {
    let n = u32::try_from(articles.len()).expect("fewer than 2^32 articles");
    let mut p: Permutation = (0..n).collect();
    p.sort_by(|&a, &b| cmp(&articles[a as usize], &articles[b as usize]));
    p
}

fn is_sorted_permutation(articles: &[Article], p: &[u32], cmp: Comparator) -> bool {
    let mut seen = vec![false; articles.len()];
    for &i in p {
        match seen.get_mut(i as usize) {
            Some(slot) if !*slot => *slot = true,
            _ => return false,
        }
    }
    p.len() == articles.len()
        && p.windows(2)
            .all(|w| cmp(&articles[w[0] as usize], &articles[w[1] as usize]).is_lt())
}

impl Bundle {
    /// Builds a bundle: sorts articles by id and computes orders, facets and the search index.
    ///
    /// # Panics
    /// If two articles share an id (ingest reports duplicates before it gets here), or there
    /// are more than `u32::MAX` of them.
    #[must_use]
    pub fn new(mut articles: Vec<Article>) -> Self {
        articles.sort_by(|a, b| a.id.cmp(&b.id));
        assert!(
            articles.windows(2).all(|w| w[0].id != w[1].id),
            "article ids must be unique"
        );
        Self {
            by_heat: permutation(&articles, order::by_heat),
            by_date: permutation(&articles, order::by_date),
            by_quality: permutation(&articles, order::by_quality),
            facets: Facets::build(&articles),
            index: SearchIndex::build(&articles),
            stories: Stories::build(&articles),
            articles,
        }
    }

    /// Every article, sorted by id; an article's number is its position here.
    #[must_use]
    pub fn articles(&self) -> &[Article] {
        &self.articles
    }

    /// The article with this number.
    #[must_use]
    pub fn article(&self, number: u32) -> &Article {
        &self.articles[number as usize]
    }

    /// The number of articles.
    #[must_use]
    pub fn len(&self) -> usize {
        self.articles.len()
    }

    /// True when there are no articles.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }

    /// The article with this id.
    #[must_use]
    pub fn get(&self, id: &str) -> Option<&Article> {
        self.position(id).map(|i| &self.articles[i])
    }

    /// The number of the article with this id.
    #[must_use]
    pub fn position(&self, id: &str) -> Option<usize> {
        self.articles
            .binary_search_by(|a| a.id.as_str().cmp(id))
            .ok()
    }

    /// Looks an id up, for callers holding an [`ArticleId`].
    #[must_use]
    pub fn get_id(&self, id: &ArticleId) -> Option<&Article> {
        self.get(id.as_str())
    }

    /// Articles by heat, highest first (see [`order::by_heat`]).
    pub fn by_heat(&self) -> impl ExactSizeIterator<Item = &Article> + '_ {
        self.by_heat.iter().map(|&i| &self.articles[i as usize])
    }

    /// Article numbers by heat (see [`order::by_heat`]).
    #[must_use]
    pub fn heat_order(&self) -> &[u32] {
        &self.by_heat
    }

    /// Article numbers by date, newest first (see [`order::by_date`]).
    #[must_use]
    pub fn date_order(&self) -> &[u32] {
        &self.by_date
    }

    /// Article numbers by quality (see [`order::by_quality`]).
    #[must_use]
    pub fn quality_order(&self) -> &[u32] {
        &self.by_quality
    }

    /// The facet tables.
    #[must_use]
    pub fn facets(&self) -> &Facets {
        &self.facets
    }

    /// The search index.
    #[must_use]
    pub fn index(&self) -> &SearchIndex {
        &self.index
    }

    /// The related-stories graph: stories, coverage, neighbours.
    #[must_use]
    pub fn stories(&self) -> &Stories {
        &self.stories
    }

    /// How many articles are drafts.
    #[must_use]
    pub fn draft_count(&self) -> usize {
        self.articles.iter().filter(|a| a.draft).count()
    }

    /// The binary form.
    #[must_use]
    pub fn encode(&self) -> Vec<u8> {
        let out = MAGIC.to_vec();
        postcard::to_extend(self, out).expect("writing to a Vec cannot fail")
    }

    /// Reads the binary form, checking every value and invariant.
    pub fn decode(bytes: &[u8]) -> Result<Self, BundleError> {
        let body = bytes
            .strip_prefix(MAGIC.as_slice())
            .ok_or(BundleError::Magic)?;
        let bundle: Self = postcard::from_bytes(body)?;
        let a = &bundle.articles;
        if !a.windows(2).all(|w| w[0].id < w[1].id) {
            return Err(BundleError::Ids);
        }
        for ((name, cmp), p) in
            ORDERS
                .iter()
                .zip([&bundle.by_heat, &bundle.by_date, &bundle.by_quality])
        {
            if !is_sorted_permutation(a, p, *cmp) {
                return Err(BundleError::Order(name));
            }
        }
        if !bundle.facets.is_valid_for(a.len()) {
            return Err(BundleError::Tables("facet tables"));
        }
        if !bundle.index.is_valid_for(a.len()) {
            return Err(BundleError::Tables("search index"));
        }
        if !bundle.stories.is_valid_for(a) {
            return Err(BundleError::Tables("related-stories graph"));
        }
        Ok(bundle)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::article;

    fn sample() -> Bundle {
        Bundle::new(vec![
            article("b", Some(10.0), 100),
            article("a", None, 100),
            article("c", Some(80.0), 50),
        ])
    }

    #[test]
    fn round_trips_and_keeps_orders() {
        let bundle = sample();
        let decoded = Bundle::decode(&bundle.encode()).expect("decodes");
        assert_eq!(decoded, bundle);
        let ids: Vec<_> = decoded.by_heat().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["c", "b", "a"]);
        let by_date: Vec<_> = decoded
            .date_order()
            .iter()
            .map(|&i| decoded.article(i).id.as_str())
            .collect();
        assert_eq!(by_date, ["a", "b", "c"]);
        assert_eq!(decoded.get("b").map(|a| a.id.as_str()), Some("b"));
        assert_eq!(decoded.position("c"), Some(2));
        assert!(decoded.get("zzz").is_none());
    }

    #[test]
    fn rejects_foreign_and_corrupt_bytes() {
        assert!(matches!(Bundle::decode(b"nope"), Err(BundleError::Magic)));
        let mut bytes = sample().encode();
        bytes.truncate(bytes.len() / 2);
        assert!(matches!(
            Bundle::decode(&bytes),
            Err(BundleError::Decode(_))
        ));
    }

    #[test]
    fn rejects_tampered_tables() {
        let mut bundle = sample();
        bundle.by_heat.swap(0, 1);
        assert!(matches!(
            Bundle::decode(&bundle.encode()),
            Err(BundleError::Order("heat"))
        ));
        let mut bundle = sample();
        bundle.by_date = vec![0, 0, 1];
        assert!(matches!(
            Bundle::decode(&bundle.encode()),
            Err(BundleError::Order("date"))
        ));
        let mut bundle = sample();
        bundle.index = SearchIndex::build(&bundle.articles[..1]);
        bundle.facets = Facets::build(&bundle.articles[..1]);
        assert!(matches!(
            Bundle::decode(&bundle.encode()),
            Err(BundleError::Tables(_))
        ));
    }

    #[test]
    fn rejects_an_unsafe_url_smuggled_into_the_bytes() {
        let bytes = sample().encode();
        let needle = b"https://example.com/a";
        let at = bytes
            .windows(needle.len())
            .position(|w| w == needle)
            .expect("url is in the bytes");
        let mut tampered = bytes.clone();
        tampered[at..at + 6].copy_from_slice(b"data:a");
        assert!(matches!(
            Bundle::decode(&tampered),
            Err(BundleError::Decode(_))
        ));
    }
}
