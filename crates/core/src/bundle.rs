//! The bundle: every validated article plus the orders computed at build time, in the binary
//! form that `build.rs` writes and the app embeds.
//!
//! The encoding is postcard behind a magic number and a version byte. The app only ever decodes;
//! decoding re-runs every validated type's check and verifies the precomputed order, so a
//! corrupt or foreign artefact is an error rather than a wrong page.

use crate::model::{Article, ArticleId};
use crate::order;
use serde::{Deserialize, Serialize};

/// First bytes of every bundle: "BSHT" and the format version.
const MAGIC: &[u8; 5] = b"BSHT\x01";

/// Why bytes could not be read as a bundle.
#[derive(Debug, thiserror::Error)]
pub enum BundleError {
    /// The bytes do not start with this version's magic number.
    #[error("not a Broadsheet bundle of format version 1")]
    Magic,
    /// The body does not decode, or a value in it fails validation.
    #[error("corrupt bundle: {0}")]
    Decode(#[from] postcard::Error),
    /// Two articles share an id, or the articles are not sorted by id.
    #[error("corrupt bundle: ids are not unique and sorted")]
    Ids,
    /// The heat order is not a permutation in heat order.
    #[error("corrupt bundle: the heat order does not match the articles")]
    Order,
}

/// Articles sorted by id, and their heat order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bundle {
    articles: Vec<Article>,
    by_heat: Vec<u32>,
}

impl Bundle {
    /// Builds a bundle. Articles are sorted by id; ids must be unique (ingest reports duplicates
    /// before it gets here).
    ///
    /// # Panics
    /// If two articles share an id, or there are more than `u32::MAX` of them.
    #[must_use]
    pub fn new(mut articles: Vec<Article>) -> Self {
        articles.sort_by(|a, b| a.id.cmp(&b.id));
        assert!(
            articles.windows(2).all(|w| w[0].id != w[1].id),
            "article ids must be unique"
        );
        let mut by_heat: Vec<u32> =
            (0..u32::try_from(articles.len()).expect("fewer than 2^32 articles")).collect();
        by_heat.sort_by(|&a, &b| order::by_heat(&articles[a as usize], &articles[b as usize]));
        Self { articles, by_heat }
    }

    /// Every article, sorted by id.
    #[must_use]
    pub fn articles(&self) -> &[Article] {
        &self.articles
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
        self.articles
            .binary_search_by(|a| a.id.as_str().cmp(id))
            .ok()
            .map(|i| &self.articles[i])
    }

    /// Articles by heat, highest first (see [`order::by_heat`]).
    pub fn by_heat(&self) -> impl ExactSizeIterator<Item = &Article> + '_ {
        self.by_heat.iter().map(|&i| &self.articles[i as usize])
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
        if !bundle.articles.windows(2).all(|w| w[0].id < w[1].id) {
            return Err(BundleError::Ids);
        }
        let n = bundle.articles.len();
        let mut seen = vec![false; n];
        for &i in &bundle.by_heat {
            match seen.get_mut(i as usize) {
                Some(slot) if !*slot => *slot = true,
                _ => return Err(BundleError::Order),
            }
        }
        let ordered = bundle.by_heat.windows(2).all(|w| {
            order::by_heat(
                &bundle.articles[w[0] as usize],
                &bundle.articles[w[1] as usize],
            )
            .is_lt()
        });
        if bundle.by_heat.len() != n || !ordered {
            return Err(BundleError::Order);
        }
        Ok(bundle)
    }

    /// Looks an id up, for callers holding an [`ArticleId`].
    #[must_use]
    pub fn get_id(&self, id: &ArticleId) -> Option<&Article> {
        self.get(id.as_str())
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
    fn round_trips_and_keeps_heat_order() {
        let bundle = sample();
        let decoded = Bundle::decode(&bundle.encode()).expect("decodes");
        assert_eq!(decoded, bundle);
        let ids: Vec<_> = decoded.by_heat().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["c", "b", "a"]);
        assert_eq!(decoded.get("b").map(|a| a.id.as_str()), Some("b"));
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
    fn rejects_a_tampered_order() {
        let mut bundle = sample();
        bundle.by_heat.swap(0, 1);
        assert!(matches!(
            Bundle::decode(&bundle.encode()),
            Err(BundleError::Order)
        ));
        bundle.by_heat = vec![0, 0, 1];
        assert!(matches!(
            Bundle::decode(&bundle.encode()),
            Err(BundleError::Order)
        ));
    }

    #[test]
    fn rejects_an_unsafe_url_smuggled_into_the_bytes() {
        let bundle = sample();
        let bytes = bundle.encode();
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
