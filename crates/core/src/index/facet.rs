//! Facets: the values articles can be filtered by (topics, provider, category, type, and
//! draft status), interned into tables at build time.
//!
//! A value's key is what the URL and the view state hold: the folded (lowercase,
//! diacritic-free) text, or for providers the domain. Its label is the spelling most articles
//! use. Each table lists, per article, the values it has, so filtering and counting at run time
//! is integer work.

use crate::model::article::Article;
use crate::text::words::fold;
use crate::to_u32;
use crate::wire::{Reader, Wire};
use serde::Serialize;
use std::collections::BTreeMap;

/// A dimension to filter by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Facet {
    /// Topics (an article has several).
    Topic,
    /// Provider, keyed by domain.
    Provider,
    /// Category (`news`, `opinion`, …).
    Category,
    /// Type (`article`, `video`, …).
    Type,
    /// `published` or `draft` (only useful when drafts are bundled).
    Status,
}

impl Facet {
    /// Every facet, in display and URL order.
    pub const ALL: [Self; 5] = [
        Self::Topic,
        Self::Provider,
        Self::Category,
        Self::Type,
        Self::Status,
    ];

    /// The URL key.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Self::Topic => "topic",
            Self::Provider => "provider",
            Self::Category => "category",
            Self::Type => "type",
            Self::Status => "status",
        }
    }

    /// The heading shown above its values.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Topic => "Topics",
            Self::Provider => "Providers",
            Self::Category => "Categories",
            Self::Type => "Types",
            Self::Status => "Status",
        }
    }

    /// The facet with this URL key.
    #[must_use]
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.key() == key)
    }

    /// The (key, label) pairs an article has in this facet.
    fn values_of(self, article: &Article) -> Vec<(String, String)> {
        let plain = |s: &str| (fold(s), s.to_owned());
        match self {
            Self::Topic => article.topics.iter().map(|t| plain(t)).collect(),
            Self::Provider => {
                let p = &article.provider;
                let key = p.domain.clone().unwrap_or_else(|| fold(&p.name));
                vec![(key, p.name.clone())]
            }
            Self::Category => article.category.iter().map(|c| plain(c)).collect(),
            Self::Type => article.kind.iter().map(|c| plain(c)).collect(),
            Self::Status => {
                let s = if article.draft { "draft" } else { "published" };
                vec![(
                    s.to_owned(),
                    if article.draft { "Draft" } else { "Published" }.to_owned(),
                )]
            }
        }
    }
}

/// One value of a facet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FacetValue {
    /// What the URL holds.
    pub key: String,
    /// What the reader sees.
    pub label: String,
}

/// The values of one facet and which articles have them.
///
/// Stored with a count per article instead of offsets: counts are small numbers, one byte each,
/// where offsets grow with the collection.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(into = "StoredTable")]
pub struct FacetTable {
    values: Vec<FacetValue>,
    /// Article `i` has values `ids[offsets[i]..offsets[i + 1]]`.
    offsets: Vec<u32>,
    ids: Vec<u32>,
}

/// The offsets and value numbers of a [`FacetTable`] whose article `i` has the `i`th list (in
/// any order, repeats allowed: each value is stored once, in order).
fn memberships(lists: impl Iterator<Item = Vec<u32>>) -> (Vec<u32>, Vec<u32>) {
    let mut offsets = vec![0];
    let mut ids = Vec::new();
    for mut mine in lists {
        crate::sort::ascending(&mut mine);
        mine.dedup();
        ids.extend(mine);
        offsets.push(to_u32(ids.len()));
    }
    (offsets, ids)
}

impl FacetTable {
    fn build(facet: Facet, articles: &[Article]) -> Self {
        let per_article: Vec<Vec<(String, String)>> =
            articles.iter().map(|a| facet.values_of(a)).collect();
        let mut spellings: BTreeMap<&str, BTreeMap<&str, usize>> = BTreeMap::new();
        for (key, label) in per_article.iter().flatten() {
            *spellings.entry(key).or_default().entry(label).or_default() += 1;
        }
        let values: Vec<FacetValue> = spellings
            .iter()
            .map(|(key, labels)| {
                let label = labels
                    .iter()
                    .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
                    .map_or(*key, |(l, _)| *l);
                FacetValue {
                    key: (*key).to_owned(),
                    label: label.to_owned(),
                }
            })
            .collect();
        let (offsets, ids) = memberships(per_article.iter().map(|list| {
            list.iter()
                .filter_map(|(key, _)| values.binary_search_by(|v| v.key.as_str().cmp(key)).ok())
                .map(to_u32)
                .collect()
        }));
        Self {
            values,
            offsets,
            ids,
        }
    }

    /// Every value, sorted by key.
    #[must_use]
    pub fn values(&self) -> &[FacetValue] {
        &self.values
    }

    /// The value numbers article `i` has.
    #[must_use]
    pub fn of(&self, article: usize) -> &[u32] {
        let start = self.offsets[article] as usize;
        let end = self.offsets[article + 1] as usize;
        &self.ids[start..end]
    }

    /// The number of the value with this key.
    #[must_use]
    pub fn find(&self, key: &str) -> Option<u32> {
        self.values
            .binary_search_by(|v| v.key.as_str().cmp(key))
            .ok()
            .map(to_u32)
    }

    /// The table of the articles numbered `range` alone: the values they have, with the labels
    /// this table gives them (so that parts join back into this table, see [`Self::join`]).
    fn restrict(&self, range: std::ops::Range<usize>) -> Self {
        let used: std::collections::BTreeSet<u32> =
            range.clone().flat_map(|i| self.of(i)).copied().collect();
        let renumber: BTreeMap<u32, u32> =
            used.iter().zip(0..).map(|(&old, new)| (old, new)).collect();
        let (offsets, ids) =
            memberships(range.map(|i| self.of(i).iter().map(|v| renumber[v]).collect()));
        Self {
            values: used
                .iter()
                .map(|&v| self.values[v as usize].clone())
                .collect(),
            offsets,
            ids,
        }
    }

    /// The tables of consecutive runs of articles as one. A key's label is the first part's
    /// (parts cut from one table agree).
    fn join(parts: &[&Self]) -> Self {
        let mut labels: BTreeMap<&str, &str> = BTreeMap::new();
        for part in parts {
            for v in &part.values {
                labels.entry(&v.key).or_insert(&v.label);
            }
        }
        let values: Vec<FacetValue> = labels
            .iter()
            .map(|(key, label)| FacetValue {
                key: (*key).to_owned(),
                label: (*label).to_owned(),
            })
            .collect();
        let renumbered: Vec<Vec<u32>> = parts
            .iter()
            .map(|part| {
                part.values
                    .iter()
                    .map(|v| {
                        let at = values.binary_search_by(|w| w.key.cmp(&v.key));
                        to_u32(at.expect("every key was gathered"))
                    })
                    .collect()
            })
            .collect();
        let (offsets, ids) =
            memberships(parts.iter().zip(&renumbered).flat_map(|(part, renumber)| {
                (0..part.offsets.len().saturating_sub(1))
                    .map(|i| part.of(i).iter().map(|&v| renumber[v as usize]).collect())
            }));
        Self {
            values,
            offsets,
            ids,
        }
    }

    fn is_valid_for(&self, articles: usize) -> bool {
        self.offsets.len() == articles + 1
            && self.offsets.first() == Some(&0)
            && self.offsets.windows(2).all(|w| w[0] <= w[1])
            && self
                .offsets
                .last()
                .is_some_and(|&l| l as usize == self.ids.len())
            && self.ids.iter().all(|&i| (i as usize) < self.values.len())
            && self.values.windows(2).all(|w| w[0].key < w[1].key)
    }
}

#[derive(Serialize)]
struct StoredTable {
    values: Vec<FacetValue>,
    counts: Vec<u32>,
    ids: Vec<u32>,
}

impl From<FacetTable> for StoredTable {
    fn from(t: FacetTable) -> Self {
        Self {
            counts: t.offsets.windows(2).map(|w| w[1] - w[0]).collect(),
            values: t.values,
            ids: t.ids,
        }
    }
}

/// Stored counts that overflow the memberships they index.
#[derive(Debug, thiserror::Error)]
#[error("a facet table's counts do not add up")]
pub struct Overflow;

impl TryFrom<StoredTable> for FacetTable {
    type Error = Overflow;
    fn try_from(s: StoredTable) -> Result<Self, Overflow> {
        let mut offsets = Vec::with_capacity(s.counts.len() + 1);
        offsets.push(0u32);
        let mut total = 0u32;
        for c in s.counts {
            total = total.checked_add(c).ok_or(Overflow)?;
            offsets.push(total);
        }
        Ok(Self {
            values: s.values,
            offsets,
            ids: s.ids,
        })
    }
}

impl Wire for FacetValue {
    fn read(r: &mut Reader<'_>) -> Self {
        Self {
            key: r.read(),
            label: r.read(),
        }
    }
}

impl Wire for FacetTable {
    fn read(r: &mut Reader<'_>) -> Self {
        let stored = StoredTable {
            values: r.read(),
            counts: r.read(),
            ids: r.read(),
        };
        Self::try_from(stored)
            .unwrap_or_else(|_| r.invalid("a facet table's counts overflow", Self::default()))
    }
}

/// The tables of every facet.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Facets {
    tables: Vec<FacetTable>,
}

impl Wire for Facets {
    fn read(r: &mut Reader<'_>) -> Self {
        Self { tables: r.read() }
    }
}

impl Facets {
    /// Builds every table.
    #[must_use]
    pub fn build(articles: &[Article]) -> Self {
        Self {
            tables: Facet::ALL
                .iter()
                .map(|f| FacetTable::build(*f, articles))
                .collect(),
        }
    }

    /// The table of one facet.
    #[must_use]
    pub fn table(&self, facet: Facet) -> &FacetTable {
        &self.tables[facet as usize]
    }

    /// How many articles are drafts.
    #[must_use]
    pub fn draft_count(&self) -> usize {
        let status = self.table(Facet::Status);
        status.find("draft").map_or(0, |draft| {
            status.ids.iter().filter(|&&v| v == draft).count()
        })
    }

    /// The tables of the articles numbered `range` alone.
    #[must_use]
    pub fn restrict(&self, range: std::ops::Range<usize>) -> Self {
        Self {
            tables: self
                .tables
                .iter()
                .map(|t| t.restrict(range.clone()))
                .collect(),
        }
    }

    /// The tables of consecutive runs of articles as one (parts made by [`Self::restrict`] from
    /// one set of tables join back into it). Every part must be valid for its articles.
    #[must_use]
    pub fn join(parts: &[&Self]) -> Self {
        Self {
            tables: (0..Facet::ALL.len())
                .map(|f| {
                    let tables: Vec<&FacetTable> = parts.iter().map(|p| &p.tables[f]).collect();
                    FacetTable::join(&tables)
                })
                .collect(),
        }
    }

    /// True when every table is consistent with `articles` articles.
    #[must_use]
    pub fn is_valid_for(&self, articles: usize) -> bool {
        self.tables.len() == Facet::ALL.len()
            && self.tables.iter().all(|t| t.is_valid_for(articles))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::article;

    #[test]
    fn interns_values_with_the_most_common_spelling() {
        let mut a = article("a", None, 1);
        a.topics = vec!["AI".into(), "Robots".into()];
        let mut b = article("b", None, 2);
        b.topics = vec!["ai".into()];
        let mut c = article("c", None, 3);
        c.topics = vec!["AI".into()];
        c.draft = true;
        let facets = Facets::build(&[a, b, c]);
        let topics = facets.table(Facet::Topic);
        let labels: Vec<_> = topics
            .values()
            .iter()
            .map(|v| (v.key.as_str(), v.label.as_str()))
            .collect();
        assert_eq!(labels, [("ai", "AI"), ("robots", "Robots")]);
        assert_eq!(topics.of(0), [0, 1]);
        assert_eq!(topics.of(1), [0]);
        assert_eq!(topics.find("robots"), Some(1));
        let status = facets.table(Facet::Status);
        assert_eq!(
            status
                .values()
                .iter()
                .map(|v| v.key.as_str())
                .collect::<Vec<_>>(),
            ["draft", "published"]
        );
        assert_eq!(status.of(2), [0]);
        assert_eq!(facets.table(Facet::Provider).values()[0].key, "example.com");
        assert!(facets.is_valid_for(3));
        assert!(!facets.is_valid_for(4));
    }

    #[test]
    fn parts_join_back_into_the_whole() {
        let articles: Vec<_> = (0..9)
            .map(|i| {
                let mut a = article(&format!("a{i}"), None, i);
                a.topics = vec![format!("Topic {}", i % 4), format!("t{}", i % 2)];
                a
            })
            .collect();
        let whole = Facets::build(&articles);
        let parts = [
            whole.restrict(0..4),
            whole.restrict(4..5),
            whole.restrict(5..9),
        ];
        assert!(parts[1].is_valid_for(1));
        assert!(
            parts[1].table(Facet::Topic).values().len() < whole.table(Facet::Topic).values().len()
        );
        assert_eq!(Facets::join(&parts.iter().collect::<Vec<_>>()), whole);
    }

    #[test]
    fn facet_keys_round_trip() {
        for f in Facet::ALL {
            assert_eq!(Facet::from_key(f.key()), Some(f));
        }
        assert_eq!(Facet::from_key("nope"), None);
    }
}
