//! The bundle: every validated article plus everything computed from them at build time (the
//! catalog with its facet tables and orders, the search index, the related-stories graph).
//!
//! This is the whole collection in memory, as the build holds it. [`crate::data::pack`] turns it
//! into the files a static host serves, and [`crate::data::library`] is what the app holds of them.

use crate::index::catalog::Catalog;
use crate::index::facet::Facets;
use crate::index::search::{self, Query, SearchIndex, Sources};
use crate::index::stories::Stories;
use crate::model::article::Article;
use crate::to_u32;
use crate::view::explore::Collection;

/// Articles in publication order, and what was computed from them.
///
/// Publication order (then id) rather than id order: an update's new articles are the newest,
/// so they take the highest numbers, every older article keeps its number, and the data files
/// cut by number (see [`crate::data::pack`]) stay the same but for the last ones.
#[derive(Debug, Clone, PartialEq)]
pub struct Bundle {
    articles: Vec<Article>,
    /// Article numbers in id order, to find an id.
    by_id: Vec<u32>,
    catalog: Catalog,
    index: SearchIndex,
    stories: Stories,
}

impl Bundle {
    /// Builds a bundle: sorts articles by publication instant, then id, and computes the catalog,
    /// the search index and the related-stories graph.
    ///
    /// # Panics
    /// If two articles share an id (ingest reports duplicates before it gets here), or there
    /// are more than `u32::MAX` of them.
    #[must_use]
    pub fn new(mut articles: Vec<Article>) -> Self {
        articles.sort_by(|a, b| a.published_at.cmp(&b.published_at).then(a.id.cmp(&b.id)));
        let n = to_u32(articles.len());
        let mut by_id: Vec<u32> = (0..n).collect();
        by_id.sort_by(|&a, &b| articles[a as usize].id.cmp(&articles[b as usize].id));
        assert!(
            by_id
                .windows(2)
                .all(|w| articles[w[0] as usize].id != articles[w[1] as usize].id),
            "article ids must be unique"
        );
        let stories = Stories::build(&articles);
        let coverage = (0..n).map(|i| stories.article_coverage(i)).collect();
        Self {
            by_id,
            catalog: Catalog::build(&articles, coverage),
            index: SearchIndex::build(&articles),
            stories,
            articles,
        }
    }

    /// Every article, in publication order (then id); an article's number is its position here.
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
        let at = self
            .by_id
            .binary_search_by(|&n| self.articles[n as usize].id.as_str().cmp(id))
            .ok()?;
        Some(self.by_id[at] as usize)
    }

    /// Article numbers in id order.
    #[must_use]
    pub fn by_id(&self) -> &[u32] {
        &self.by_id
    }

    /// The catalog: columns, facet tables and orders.
    #[must_use]
    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// The facet tables.
    #[must_use]
    pub fn facets(&self) -> &Facets {
        self.catalog.facets()
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
        self.catalog.draft_count()
    }
}

impl Collection for Bundle {
    fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    fn search(&self, query: &Query) -> Vec<(u32, f32)> {
        let article = |n: u32| self.articles.get(n as usize);
        let near = |word: &str| {
            crate::index::suggest::near_words(self.index.counts().map(|(w, _)| w), word)
        };
        search::search(
            &Sources {
                shards: &[&self.index],
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
    use crate::testing::article;

    #[test]
    fn sorts_by_publication_then_id_and_finds_articles() {
        let bundle = Bundle::new(vec![
            article("b", Some(10.0), 100),
            article("a", None, 100),
            article("c", Some(80.0), 50),
        ]);
        let ids: Vec<_> = bundle.articles().iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["c", "a", "b"]);
        assert_eq!(bundle.catalog().heat_order(), [0, 2, 1]);
        assert_eq!(bundle.get("b").map(|a| a.id.as_str()), Some("b"));
        assert_eq!(bundle.position("c"), Some(0));
        assert!(bundle.get("zzz").is_none());
    }
}
