//! The catalog: what filtering, counting and sorting need to know about every article, as
//! columns, without any of the articles' text.
//!
//! It is the part of the data the app always holds (a sharded build fetches titles, excerpts
//! and the rest only for the articles a page shows), so it is kept small: publication instants
//! as offsets from the earliest, heat and quality as indexes into their tables of distinct
//! values, facet memberships as counts and value numbers. The three listing orders are derived
//! once, when the catalog's parts are joined (see [`Columns`]), from the same comparisons
//! [`crate::index::order`] makes on whole articles: derived in a pass or two each at start-up,
//! they cost less than shipping three permutations.

use crate::index::facet::Facets;
use crate::model::article::{Article, Card, Score};
use crate::text::time::Timestamp;
use crate::to_u32;
use crate::wire::{Reader, Wire};
use serde::{Serialize, Serializer};

/// Per-article columns (article number = position) and the tables derived from them.
#[derive(Debug, Clone, PartialEq)]
pub struct Catalog {
    published: Vec<Timestamp>,
    heat: Vec<Option<Score>>,
    quality: Vec<Option<Score>>,
    coverage: Vec<u32>,
    drafts: usize,
    facets: Facets,
    by_heat: Vec<u32>,
    by_date: Vec<u32>,
    by_quality: Vec<u32>,
}

/// The columns of a run of consecutive articles, as a catalog part stores them (see
/// [`Catalog::part`]): checked when read, and derived from only once joined into the whole
/// catalog, so start-up derives the orders once, not once per part and again for the whole.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Columns {
    published: Vec<Timestamp>,
    heat: Vec<Option<Score>>,
    quality: Vec<Option<Score>>,
    facets: Facets,
}

impl Columns {
    /// How many articles.
    pub(crate) fn len(&self) -> usize {
        self.published.len()
    }
}

/// Article numbers newest first; among articles published at the same instant the number (the
/// id tie-break of every order) ascends. Numbers follow publication instants in every catalog a
/// bundle builds, so this is the numbers backwards, one instant's run at a time, without a sort
/// (measured in the app at 10,000 articles with the CPU slowed 4×, the three orders' sorts took
/// 40 ms of start-up); other input is sorted.
fn newest_first(published: &[Timestamp]) -> Vec<u32> {
    let mut order = Vec::with_capacity(published.len());
    if published.windows(2).all(|w| w[0] <= w[1]) {
        let mut end = published.len();
        while end > 0 {
            let start = published[..end].partition_point(|t| *t < published[end - 1]);
            order.extend(to_u32(start)..to_u32(end));
            end = start;
        }
    } else {
        order.extend(0..to_u32(published.len()));
        crate::sort::by(&mut order, &|a, b| {
            published[b as usize]
                .cmp(&published[a as usize])
                .then(a.cmp(&b))
        });
    }
    order
}

/// `order` re-sorted stably by `column`, highest score first and unknown last
/// ([`crate::index::order::score_desc`]), so ties keep their place in `order`. Heat and quality take few distinct
/// values, so each article goes into its value's bucket in one pass rather than through a sort.
fn by_score(order: &[u32], column: &[Option<Score>]) -> Vec<u32> {
    let distinct: std::collections::HashSet<u64> =
        column.iter().flatten().map(|s| s.get().to_bits()).collect();
    let mut values: Vec<f64> = distinct.into_iter().map(f64::from_bits).collect();
    crate::sort::items_by(&mut values, |a, b| b.total_cmp(a));
    let buckets: Vec<usize> = order
        .iter()
        .map(|&n| {
            column[n as usize].map_or(values.len(), |s| {
                values.partition_point(|v| v.total_cmp(&s.get()).is_gt())
            })
        })
        .collect();
    let mut starts = vec![0; values.len() + 2];
    for &b in &buckets {
        starts[b + 1] += 1;
    }
    for b in 1..starts.len() {
        starts[b] += starts[b - 1];
    }
    let mut sorted = vec![0; order.len()];
    for (&n, &b) in order.iter().zip(&buckets) {
        sorted[starts[b]] = n;
        starts[b] += 1;
    }
    sorted
}

/// Why stored columns cannot be a catalog.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the catalog is inconsistent: {0}")]
pub struct Inconsistent(&'static str);

impl Catalog {
    /// The columns of `articles` (in bundle order: published, then id), with each article's
    /// coverage as the related-stories graph counted it.
    ///
    /// # Panics
    /// If `coverage` does not have one entry per article.
    #[must_use]
    pub fn build(articles: &[Article], coverage: Vec<u32>) -> Self {
        assert_eq!(coverage.len(), articles.len(), "one coverage per article");
        Self::derive(
            articles.iter().map(|a| a.published_at).collect(),
            articles.iter().map(|a| a.heat).collect(),
            articles.iter().map(|a| a.quality).collect(),
            coverage,
            Facets::build(articles),
        )
    }

    fn derive(
        published: Vec<Timestamp>,
        heat: Vec<Option<Score>>,
        quality: Vec<Option<Score>>,
        coverage: Vec<u32>,
        facets: Facets,
    ) -> Self {
        let by_date = newest_first(&published);
        let by_score = |column: &[Option<Score>]| by_score(&by_date, column);
        let by_heat = by_score(&heat);
        let by_quality = by_score(&quality);
        let drafts = facets.draft_count();
        Self {
            published,
            heat,
            quality,
            coverage,
            drafts,
            facets,
            by_heat,
            by_date,
            by_quality,
        }
    }

    /// How many articles.
    #[must_use]
    pub fn len(&self) -> usize {
        self.published.len()
    }

    /// True when there are no articles.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.published.is_empty()
    }

    /// When article `n` was published.
    #[must_use]
    pub fn published(&self, n: u32) -> Timestamp {
        self.published[n as usize]
    }

    /// Article `n`'s heat.
    #[must_use]
    pub fn heat(&self, n: u32) -> Option<Score> {
        self.heat[n as usize]
    }

    /// Article `n`'s quality.
    #[must_use]
    pub fn quality(&self, n: u32) -> Option<Score> {
        self.quality[n as usize]
    }

    /// How many distinct outlets cover article `n`'s story.
    #[must_use]
    pub fn coverage(&self, n: u32) -> u32 {
        self.coverage[n as usize]
    }

    /// Every publication instant, by article number.
    #[must_use]
    pub fn published_all(&self) -> &[Timestamp] {
        &self.published
    }

    /// Every heat, by article number.
    #[must_use]
    pub fn heat_all(&self) -> &[Option<Score>] {
        &self.heat
    }

    /// Every quality, by article number.
    #[must_use]
    pub fn quality_all(&self) -> &[Option<Score>] {
        &self.quality
    }

    /// How many articles are drafts.
    #[must_use]
    pub fn draft_count(&self) -> usize {
        self.drafts
    }

    /// The columns of the articles numbered `range` alone, without their coverage: a part of
    /// the data that stays the same while those articles do. Coverage is left out because a new
    /// article in an old story changes the coverage of the story's older articles.
    #[must_use]
    pub fn part(&self, range: std::ops::Range<usize>) -> Columns {
        Columns {
            published: self.published[range.clone()].to_vec(),
            heat: self.heat[range.clone()].to_vec(),
            quality: self.quality[range.clone()].to_vec(),
            facets: self.facets.restrict(range),
        }
    }

    /// Parts of consecutive runs of articles (see [`Self::part`]) as one catalog, with every
    /// article's coverage: the orders are derived here, once, for the whole.
    ///
    /// # Errors
    /// When `coverage` does not have one entry per article of the parts.
    pub fn join(parts: &[&Columns], coverage: Vec<u32>) -> Result<Self, Inconsistent> {
        let all = |column: fn(&Columns) -> &[_]| -> Vec<_> {
            parts.iter().flat_map(|p| column(p)).copied().collect()
        };
        let published: Vec<Timestamp> = parts
            .iter()
            .flat_map(|p| p.published.iter().copied())
            .collect();
        if coverage.len() != published.len() {
            return Err(Inconsistent(
                "the coverage column does not match the catalog",
            ));
        }
        let facets: Vec<&Facets> = parts.iter().map(|p| &p.facets).collect();
        Ok(Self::derive(
            published,
            all(|p| &p.heat),
            all(|p| &p.quality),
            coverage,
            Facets::join(&facets),
        ))
    }

    /// The facet tables.
    #[must_use]
    pub fn facets(&self) -> &Facets {
        &self.facets
    }

    /// Article numbers by heat (see [`crate::index::order::by_heat`]).
    #[must_use]
    pub fn heat_order(&self) -> &[u32] {
        &self.by_heat
    }

    /// Article numbers by date, newest first (see [`crate::index::order::by_date`]).
    #[must_use]
    pub fn date_order(&self) -> &[u32] {
        &self.by_date
    }

    /// Article numbers by quality (see [`crate::index::order::by_quality`]).
    #[must_use]
    pub fn quality_order(&self) -> &[u32] {
        &self.by_quality
    }

    /// True when `article` is what this catalog says article `n` is.
    #[must_use]
    pub fn describes(&self, n: u32, article: &Article) -> bool {
        self.says(n, article.published_at, article.heat, article.quality)
    }

    /// True when `card` is what this catalog says article `n` is.
    #[must_use]
    pub fn describes_card(&self, n: u32, card: &Card) -> bool {
        self.says(n, card.published_at, card.heat, card.quality)
    }

    fn says(
        &self,
        n: u32,
        published: Timestamp,
        heat: Option<Score>,
        quality: Option<Score>,
    ) -> bool {
        let i = n as usize;
        i < self.len()
            && self.published[i] == published
            && self.heat[i] == heat
            && self.quality[i] == quality
    }
}

/// A score column as a table of distinct values and, per article, 0 for unknown or 1 + the
/// value's index: heat and quality take few distinct values, so this is one byte an article.
#[derive(Serialize)]
struct ScoreColumn {
    values: Vec<Score>,
    index: Vec<u32>,
}

impl ScoreColumn {
    fn of(column: &[Option<Score>]) -> Self {
        let mut values: Vec<Score> = column.iter().flatten().copied().collect();
        values.sort_by(|a, b| a.get().total_cmp(&b.get()));
        values.dedup();
        let index = column
            .iter()
            .map(|s| {
                s.map_or(0, |s| {
                    let at = values.partition_point(|v| v.get() < s.get());
                    to_u32(at + 1)
                })
            })
            .collect();
        Self { values, index }
    }

    fn column(&self) -> Result<Vec<Option<Score>>, Inconsistent> {
        self.index
            .iter()
            .map(|&i| match i {
                0 => Ok(None),
                i => self
                    .values
                    .get(i as usize - 1)
                    .copied()
                    .map(Some)
                    .ok_or(Inconsistent("a score index is out of range")),
            })
            .collect()
    }
}

/// The stored form: publication instants as the first one and then, per article, the seconds
/// since the article before. Articles are numbered in publication order, so these steps are
/// small and non-negative (a signed varint of a byte or two, where seconds since the earliest
/// take four); any order still round-trips.
#[derive(Serialize)]
struct Stored {
    first: Timestamp,
    published: Vec<i64>,
    heat: ScoreColumn,
    quality: ScoreColumn,
    facets: Facets,
}

impl Serialize for Columns {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let first = self.published.first().copied().unwrap_or(Timestamp::EPOCH);
        let mut previous = first.unix();
        let published = self
            .published
            .iter()
            .map(|t| {
                // Timestamps are bounded far inside i64 (see `Timestamp::from_unix`), so a
                // difference of two cannot overflow.
                let step = t.unix() - previous;
                previous = t.unix();
                step
            })
            .collect();
        Stored {
            first,
            published,
            heat: ScoreColumn::of(&self.heat),
            quality: ScoreColumn::of(&self.quality),
            facets: self.facets.clone(),
        }
        .serialize(serializer)
    }
}

impl Wire for ScoreColumn {
    fn read(r: &mut Reader<'_>) -> Self {
        Self {
            values: r.read(),
            index: r.read(),
        }
    }
}

impl Wire for Stored {
    fn read(r: &mut Reader<'_>) -> Self {
        Self {
            first: r.read(),
            published: r.read(),
            heat: r.read(),
            quality: r.read(),
            facets: r.read(),
        }
    }
}

impl Wire for Columns {
    fn read(r: &mut Reader<'_>) -> Self {
        let s = Stored::read(r);
        if r.failed() {
            return Columns::default();
        }
        let check = move || -> Result<Columns, Inconsistent> {
            let n = s.published.len();
            let mut previous = s.first.unix();
            let published = s
                .published
                .iter()
                .map(|&step| {
                    previous
                        .checked_add(step)
                        .and_then(|t| Timestamp::from_unix(t).ok())
                        .inspect(|t| previous = t.unix())
                        .ok_or(Inconsistent("a publication instant is out of range"))
                })
                .collect::<Result<Vec<_>, _>>()?;
            let (heat, quality) = (s.heat.column()?, s.quality.column()?);
            if heat.len() != n || quality.len() != n {
                return Err(Inconsistent("columns differ in length"));
            }
            if !s.facets.is_valid_for(n) {
                return Err(Inconsistent("the facet tables do not match the columns"));
            }
            Ok(Columns {
                published,
                heat,
                quality,
                facets: s.facets,
            })
        };
        check().unwrap_or_else(|Inconsistent(what)| r.invalid(what, Columns::default()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::order::{self, score_desc};
    use crate::testing::article;

    fn articles() -> Vec<Article> {
        let mut list = vec![
            article("a", None, 300),
            article("b", Some(10.0), 100),
            article("c", Some(90.0), 100),
            article("d", Some(50.0), 200),
            article("e", Some(50.0), 200),
            article("f", Some(50.0), 250),
        ];
        list[1].quality = Some(Score::new(3.5).expect("score"));
        list[4].draft = true;
        list
    }

    #[test]
    fn derived_orders_equal_the_article_orders() {
        let list = articles();
        let catalog = Catalog::build(&list, vec![1; list.len()]);
        let by = |cmp: fn(&Article, &Article) -> std::cmp::Ordering| {
            let mut p: Vec<u32> = (0..to_u32(list.len())).collect();
            p.sort_by(|&a, &b| cmp(&list[a as usize], &list[b as usize]));
            p
        };
        assert_eq!(catalog.heat_order(), by(order::by_heat));
        assert_eq!(catalog.date_order(), by(order::by_date));
        assert_eq!(catalog.quality_order(), by(order::by_quality));
        assert_eq!(catalog.draft_count(), 1);
    }

    #[test]
    fn derived_orders_equal_sorts_with_ties_unknowns_and_instants_out_of_order() {
        let score = |x: f64| Score::new(x).ok();
        // Scores with ties, unknowns, a zero; instants with runs and, in the second case, out
        // of order (a catalog no bundle builds, still ordered right).
        let heat = [
            3.0, -1.0, 0.0, 3.0, 7.5, -1.0, 0.0, 7.5, 3.0, 1e9, 2.25, 3.0,
        ];
        let heat: Vec<Option<Score>> = heat
            .iter()
            .map(|&x| (x >= 0.0).then(|| score(x)).flatten())
            .collect();
        for instants in [
            vec![1, 1, 2, 5, 5, 5, 6, 9, 9, 10, 11, 11],
            vec![5, 1, 9, 5, 2, 11, 5, 6, 1, 10, 9, 11],
        ] {
            let published: Vec<Timestamp> = instants
                .iter()
                .map(|&t| Timestamp::from_unix(1_700_000_000 + t).expect("in range"))
                .collect();
            let mut expected: Vec<u32> = (0..12).collect();
            expected.sort_by(|&a, &b| {
                published[b as usize]
                    .cmp(&published[a as usize])
                    .then(a.cmp(&b))
            });
            let by_date = newest_first(&published);
            assert_eq!(by_date, expected, "{instants:?}");
            let mut by_heat = by_date.clone();
            by_heat.sort_by(|&a, &b| score_desc(heat[a as usize], heat[b as usize]));
            assert_eq!(by_score(&by_date, &heat), by_heat, "{instants:?}");
        }
        assert!(newest_first(&[]).is_empty());
        assert!(by_score(&[], &[]).is_empty());
    }

    #[test]
    fn round_trips_through_the_stored_form() {
        let list = articles();
        let coverage = vec![1, 2, 1, 3, 1, 1];
        let catalog = Catalog::build(&list, coverage.clone());
        let (front, back) = (catalog.part(0..2), catalog.part(2..6));
        let read = |part: &Columns| -> Columns {
            let bytes = postcard::to_allocvec(part).expect("encodes");
            crate::wire::from_bytes(&bytes).expect("decodes")
        };
        let back = Catalog::join(&[&read(&front), &read(&back)], coverage).expect("joins");
        assert_eq!(back, catalog);
        assert!((0..6).all(|n| back.describes(n, &list[n as usize])));
        assert!(!back.describes(0, &list[1]));
    }

    #[test]
    fn instants_in_publication_order_store_as_small_steps() {
        // An article an hour over four years: seconds since the first reach 1.3e8 (a varint of
        // four bytes), an hour's step is two.
        let list: Vec<Article> = (0..100)
            .map(|i| article(&format!("a{i:03}"), None, 1_700_000_000 + i * 3_600))
            .collect();
        let catalog = Catalog::build(&list, vec![1; list.len()]);
        let part = catalog.part(0..list.len());
        let bytes = postcard::to_allocvec(&part).expect("encodes");
        let stored: Stored = crate::wire::from_bytes(&bytes).expect("decodes as stored");
        assert!(stored.published[1..].iter().all(|&step| step == 3_600));
        let back: Columns = crate::wire::from_bytes(&bytes).expect("decodes");
        assert_eq!(back, part);
    }

    #[test]
    fn rejects_out_of_range_indexes_and_ragged_columns() {
        let list = articles();
        let part = Catalog::build(&list, vec![1; 6]).part(0..6);
        let stored = |edit: &dyn Fn(&mut Stored)| {
            let mut s: Stored =
                crate::wire::from_bytes(&postcard::to_allocvec(&part).expect("encodes"))
                    .expect("decodes as stored");
            edit(&mut s);
            crate::wire::from_bytes::<Columns>(&postcard::to_allocvec(&s).expect("encodes"))
        };
        assert!(stored(&|s| s.heat.index[0] = 99).is_err());
        assert!(stored(&|s| {
            s.quality.index.pop();
        })
        .is_err());
        assert!(stored(&|s| s.published[0] = i64::MAX).is_err());
        assert!(stored(&|s| s.published[1] = i64::MIN).is_err());
        assert!(stored(&|_| {}).is_ok());
    }
}
