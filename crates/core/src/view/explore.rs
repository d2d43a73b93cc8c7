//! Answering a view: which articles, in what order, with what facet counts and distributions.
//!
//! Everything expensive was done at build time (orders, facet tables, the search index); here
//! one pass over the articles applies the search and the filters, counts facet values the
//! disjunctive way (a facet's counts ignore that facet's own selection, so each count is what
//! choosing the value would add), and the chosen order is read off a precomputed permutation.

use crate::index::catalog::Catalog;
use crate::index::facet::Facet;
use crate::index::search::Query;
use crate::model::article::Score;
use crate::text::time::Day;
use crate::text::words::fold;
use crate::view::state::{ActiveFilter, Order, Sort, ViewState};
use std::collections::HashSet;

/// How many bars the date histogram has at most.
pub const DATE_BARS: usize = 60;
/// How many bars the heat and quality histograms have.
pub const SCORE_BARS: usize = 10;

/// A facet value and how many results it has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ValueCount {
    /// The value's number in its facet table.
    pub value: u32,
    /// Results the reader would have with this value (see the module docs).
    pub count: u32,
}

/// One bar of a histogram: values in `start..end`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bar {
    /// Inclusive lower end (a day number for dates).
    pub start: f64,
    /// Exclusive upper end.
    pub end: f64,
    /// Results inside.
    pub count: u32,
}

/// A distribution of the results.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Histogram {
    /// Equal-width bars over the whole collection's range, so bars stay put as filters change.
    pub bars: Vec<Bar>,
    /// Results with no value.
    pub unknown: u32,
}

/// The answer to a view.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Results {
    /// Article numbers, in display order.
    pub articles: Vec<u32>,
    /// Per facet (in [`Facet::ALL`] order), every value with a non-zero count or a selection,
    /// most results first, then by label.
    pub facets: Vec<(Facet, Vec<ValueCount>)>,
    /// Publication days of the results.
    pub dates: Histogram,
    /// Heat of the results.
    pub heat: Histogram,
    /// Quality of the results.
    pub quality: Histogram,
}

/// What a view is answered from: the catalog, and search over whatever part of the index is
/// at hand (all of it at build time; in a sharded build, the shards the query needs).
pub trait Collection {
    /// The columns and tables of every article.
    fn catalog(&self) -> &Catalog;
    /// The articles matching `query`, with their relevance (see [`crate::index::search::search`]).
    fn search(&self, query: &Query) -> Vec<(u32, f32)>;
}

/// Compiled selection of one facet: per value number, included / excluded.
struct Filter {
    include: Vec<bool>,
    exclude: Vec<bool>,
    any_include: bool,
    any_exclude: bool,
}

impl Filter {
    fn passes(&self, values: &[u32]) -> bool {
        (!self.any_include || values.iter().any(|&v| self.include[v as usize]))
            && (!self.any_exclude || !values.iter().any(|&v| self.exclude[v as usize]))
    }
}

fn compile(catalog: &Catalog, state: &ViewState, facet: Facet) -> Filter {
    let table = catalog.facets().table(facet);
    let n = table.values().len();
    let mut f = Filter {
        include: vec![false; n],
        exclude: vec![false; n],
        any_include: false,
        any_exclude: false,
    };
    if let Some(sel) = state.selection(facet) {
        // A key the collection does not have still counts as a choice: it matches nothing.
        f.any_include = !sel.include.is_empty();
        f.any_exclude = !sel.exclude.is_empty();
        for key in &sel.include {
            if let Some(v) = table.find(key) {
                f.include[v as usize] = true;
            }
        }
        for key in &sel.exclude {
            if let Some(v) = table.find(key) {
                f.exclude[v as usize] = true;
            }
        }
    }
    f
}

/// Answers `state` over `collection`.
#[must_use]
pub fn explore(collection: &impl Collection, state: &ViewState) -> Results {
    let catalog = collection.catalog();
    let n = catalog.len();
    let query = Query::parse(state.query());
    let relevance: Option<Vec<f32>> = (!query.is_empty()).then(|| {
        let mut scores = vec![f32::NAN; n];
        for (i, s) in collection.search(&query) {
            scores[i as usize] = s;
        }
        scores
    });
    let facets = catalog.facets();
    let filters: Vec<Filter> = Facet::ALL
        .iter()
        .map(|f| compile(catalog, state, *f))
        .collect();
    let mut counts: Vec<Vec<u32>> = Facet::ALL
        .iter()
        .map(|f| vec![0; facets.table(*f).values().len()])
        .collect();
    let mut member = vec![false; n];
    let dates = state.dates();
    let coverage = state.coverage();
    let since = state
        .preset()
        .map_or(i64::MIN, |p| newest(catalog).saturating_sub(p.seconds()));
    for (i, number) in (0..n).zip(0..) {
        let searched = relevance.as_ref().is_none_or(|r| !r[i].is_nan());
        if !searched
            || !dates.contains(Day::of(catalog.published(number)))
            || catalog.published(number).unix() < since
            || !state
                .heat()
                .contains_known(catalog.heat(number).map(Score::get))
            || !state
                .quality()
                .contains_known(catalog.quality(number).map(Score::get))
            || !coverage.contains(catalog.coverage(number))
        {
            continue;
        }
        let mut failing = None;
        let mut failures = 0;
        for (fi, facet) in Facet::ALL.iter().enumerate() {
            if !filters[fi].passes(facets.table(*facet).of(i)) {
                failures += 1;
                failing = Some(fi);
            }
        }
        match (failures, failing) {
            (0, _) => {
                member[i] = true;
                for (fi, facet) in Facet::ALL.iter().enumerate() {
                    for &v in facets.table(*facet).of(i) {
                        counts[fi][v as usize] += 1;
                    }
                }
            }
            (1, Some(fi)) => {
                for &v in facets.table(Facet::ALL[fi]).of(i) {
                    counts[fi][v as usize] += 1;
                }
            }
            _ => {}
        }
    }
    let facets = Facet::ALL
        .iter()
        .zip(counts)
        .zip(&filters)
        .map(|((facet, counts), filter)| {
            let table = facets.table(*facet);
            let mut list: Vec<ValueCount> = counts
                .iter()
                .enumerate()
                .filter(|(v, c)| **c > 0 || filter.include[*v] || filter.exclude[*v])
                .map(|(v, c)| ValueCount {
                    value: u32::try_from(v).expect("fewer than 2^32 values"),
                    count: *c,
                })
                .collect();
            crate::sort::items_by(&mut list, |a, b| {
                b.count.cmp(&a.count).then_with(|| {
                    table.values()[a.value as usize]
                        .label
                        .cmp(&table.values()[b.value as usize].label)
                })
            });
            (*facet, list)
        })
        .collect();
    let ordered = order(catalog, state, &member, relevance.as_deref());
    Results {
        dates: date_histogram(catalog, &ordered),
        heat: score_histogram(catalog.heat_all(), &ordered),
        quality: score_histogram(catalog.quality_all(), &ordered),
        articles: ordered,
        facets,
    }
}

/// Whether a facet value is chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    /// Neither included nor excluded.
    Open,
    /// Included: results have it (or another included value of the facet).
    Included,
    /// Excluded: results do not have it.
    Excluded,
}

/// One value in a facet's panel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetRow {
    /// What the view state and the URL hold.
    pub key: String,
    /// What the reader sees.
    pub label: String,
    /// The results the reader would have by also choosing it (see the module docs).
    pub count: u32,
    /// Whether it is chosen.
    pub choice: Choice,
}

/// The rows of one facet's panel, in the order of [`Results::facets`] (most results first).
/// A chosen value the collection does not have (from an old or edited link) is listed last with
/// a count of 0 and its key as label, so the reader can see it and remove it.
#[must_use]
pub fn facet_rows(
    catalog: &Catalog,
    state: &ViewState,
    results: &Results,
    facet: Facet,
) -> Vec<FacetRow> {
    let table = catalog.facets().table(facet);
    let empty = crate::view::state::Selection::default();
    let selection = state.selection(facet).unwrap_or(&empty);
    let choice = |key: &str| {
        if selection.include.contains(key) {
            Choice::Included
        } else if selection.exclude.contains(key) {
            Choice::Excluded
        } else {
            Choice::Open
        }
    };
    let listed = results
        .facets
        .iter()
        .find(|(f, _)| *f == facet)
        .map_or(&[][..], |(_, list)| list.as_slice());
    let shared = shared_labels(catalog, facet);
    let mut rows: Vec<FacetRow> = listed
        .iter()
        .map(|vc| {
            let value = &table.values()[vc.value as usize];
            FacetRow {
                key: value.key.clone(),
                label: distinct_label(&shared, &value.label, &value.key),
                count: vc.count,
                choice: choice(&value.key),
            }
        })
        .collect();
    let missing = selection
        .include
        .iter()
        .chain(&selection.exclude)
        .filter(|key| table.find(key).is_none());
    rows.extend(missing.map(|key| FacetRow {
        key: key.clone(),
        label: key.clone(),
        count: 0,
        choice: choice(key),
    }));
    rows
}

/// When the newest article in the collection was published (Unix seconds; 0 when empty): what
/// time presets and the recency boost count back from.
#[must_use]
pub fn newest(catalog: &Catalog) -> i64 {
    catalog
        .date_order()
        .first()
        .map_or(0, |&i| catalog.published(i).unix())
}

/// The labels of `facet` that more than one value carries: outlets of one name at several
/// domains ("NDTV News" at ndtv.com and at ndtvprofit.com). Only providers have keys a reader
/// can tell apart; other facets' keys are their folded labels.
#[must_use]
pub fn shared_labels(catalog: &Catalog, facet: Facet) -> HashSet<String> {
    if facet != Facet::Provider {
        return HashSet::new();
    }
    let mut seen = HashSet::new();
    let mut shared = HashSet::new();
    for value in catalog.facets().table(facet).values() {
        if !seen.insert(value.label.as_str()) {
            shared.insert(value.label.clone());
        }
    }
    shared
}

/// A value's label, followed by its key when another value shares the label:
/// "The Times of India (timesofindia.com)".
#[must_use]
pub fn distinct_label(shared: &HashSet<String>, label: &str, key: &str) -> String {
    if shared.contains(label) {
        format!("{label} ({key})")
    } else {
        label.to_owned()
    }
}

/// The rows a panel shows, and how many more match `filter`. Rows whose folded label contains
/// the folded `filter` match; of those, the first `limit` are shown (all when `None`), plus every
/// chosen row beyond them, so a choice never hides behind "show more".
///
/// ```
/// use broadsheet_core::view::explore::{visible_rows, Choice, FacetRow};
/// let row = |label: &str, choice| FacetRow { key: label.to_lowercase(), label: label.into(), count: 1, choice };
/// let rows = [row("Zürich", Choice::Open), row("Berlin", Choice::Open), row("Oslo", Choice::Included)];
/// let (shown, more) = visible_rows(&rows, "", Some(1));
/// assert_eq!((shown.len(), more), (2, 1));
/// let (shown, _) = visible_rows(&rows, "zur", None);
/// assert_eq!(shown[0].label, "Zürich");
/// ```
#[must_use]
pub fn visible_rows<'r>(
    rows: &'r [FacetRow],
    filter: &str,
    limit: Option<usize>,
) -> (Vec<&'r FacetRow>, usize) {
    let needle = fold(filter.trim());
    let limit = limit.unwrap_or(usize::MAX);
    let mut shown = Vec::new();
    let mut hidden = 0;
    for row in rows
        .iter()
        .filter(|r| needle.is_empty() || fold(&r.label).contains(&needle))
    {
        if shown.len() < limit || row.choice != Choice::Open {
            shown.push(row);
        } else {
            hidden += 1;
        }
    }
    (shown, hidden)
}

/// For each active filter (at most `limit`), how many results the view would have without it:
/// what a "no results" page offers.
#[must_use]
pub fn without_each(
    collection: &impl Collection,
    state: &ViewState,
    limit: usize,
) -> Vec<(ActiveFilter, usize)> {
    state
        .active_filters()
        .into_iter()
        .take(limit)
        .map(|filter| {
            let count = explore(collection, &state.apply(filter.removal()))
                .articles
                .len();
            (filter, count)
        })
        .collect()
}

/// The value an order sorts by; `None` sorts last.
type SortKey = fn(&Catalog, u32) -> Option<f64>;

/// The members in the view's order.
fn order(
    catalog: &Catalog,
    state: &ViewState,
    member: &[bool],
    relevance: Option<&[f32]>,
) -> Vec<u32> {
    let pick =
        |p: &[u32]| -> Vec<u32> { p.iter().copied().filter(|&i| member[i as usize]).collect() };
    let (sort, order) = (state.sort(), state.order());
    let by_heat: SortKey = |c, i| c.heat(i).map(Score::get);
    let (base, key): (Vec<u32>, SortKey) = match sort {
        Sort::Heat => (pick(catalog.heat_order()), by_heat),
        Sort::Quality => (pick(catalog.quality_order()), |c, i| {
            c.quality(i).map(Score::get)
        }),
        Sort::Date => (pick(catalog.date_order()), |c, i| {
            // Seconds below 2^38 are exact in f64.
            Some(c.published(i).unix() as f64)
        }),
        Sort::Coverage => return by_coverage(catalog, pick(catalog.date_order()), order),
        Sort::Relevance => match relevance {
            Some(r) => return by_relevance(catalog, state, pick(catalog.date_order()), r, order),
            None => (pick(catalog.heat_order()), by_heat),
        },
    };
    match order {
        Order::Desc => base,
        Order::Asc => ascending(&base, |i| key(catalog, i)),
    }
}

/// Most covered first, ties newest first then by id; ascending reverses the runs of equal
/// coverage like every other order. `by_date` lists the members newest first: a stable sort
/// keeps that order within each run. Coverage is known for every article (its own outlet
/// counts), so nothing sorts last as unknown.
fn by_coverage(catalog: &Catalog, mut by_date: Vec<u32>, order: Order) -> Vec<u32> {
    by_date.sort_by_key(|&i| std::cmp::Reverse(catalog.coverage(i)));
    match order {
        Order::Desc => by_date,
        Order::Asc => ascending(&by_date, |i| Some(f64::from(catalog.coverage(i)))),
    }
}

/// Turns a descending list (ties newest first, then id; unknown values last) into the
/// ascending one with the same tie-breaks and unknown values still last: equal-key runs are
/// kept in place and the runs are reversed.
fn ascending(desc: &[u32], key: impl Fn(u32) -> Option<f64>) -> Vec<u32> {
    let known_end = desc
        .iter()
        .position(|&i| key(i).is_none())
        .unwrap_or(desc.len());
    let (known, unknown) = desc.split_at(known_end);
    let mut runs: Vec<&[u32]> = Vec::new();
    let mut start = 0;
    for end in 1..=known.len() {
        if end == known.len() || key(known[end]) != key(known[start]) {
            runs.push(&known[start..end]);
            start = end;
        }
    }
    runs.into_iter()
        .rev()
        .flatten()
        .chain(unknown)
        .copied()
        .collect()
}

/// Relevance blended with heat and recency by the view's boost. `by_date` lists the members
/// newest first, which is also the tie-break.
fn by_relevance(
    catalog: &Catalog,
    state: &ViewState,
    by_date: Vec<u32>,
    relevance: &[f32],
    order: Order,
) -> Vec<u32> {
    let boost = state.boost();
    let max_rel = by_date
        .iter()
        .map(|&i| relevance[i as usize])
        .fold(f32::EPSILON, f32::max);
    let max_heat = catalog
        .heat_all()
        .iter()
        .flatten()
        .map(|s| s.get())
        .fold(f64::EPSILON, f64::max);
    let newest = newest(catalog);
    let score = |i: u32| -> f64 {
        let rel = f64::from(relevance[i as usize] / max_rel);
        // Ages in days are far below 2^52.
        let age_days = (newest - catalog.published(i).unix()) as f64 / 86_400.0;
        let recency = 0.5_f64.powf(age_days / 30.0);
        let heat = catalog.heat(i).map_or(0.0, |h| h.get() / max_heat);
        rel + f64::from(boost.heat) / 100.0 * heat + f64::from(boost.recent) / 100.0 * recency
    };
    // Sorted as integers: the score's bits mapped so that unsigned order is f64's total order
    // (negatives flipped whole, positives above them), inverted for highest first, then the
    // rank by date. Ranks are distinct, so the order is total and an unstable sort is
    // deterministic; a one-letter search sorts most of a large collection, and integer keys
    // sort several times faster than a comparison closure.
    let key = |x: f64| {
        let bits = x.to_bits();
        let total = if bits >> 63 == 1 {
            !bits
        } else {
            bits | 1 << 63
        };
        match order {
            Order::Desc => !total,
            Order::Asc => total,
        }
    };
    let mut scored: Vec<(u64, u32, u32)> = (0u32..)
        .zip(by_date)
        .map(|(rank, i)| (key(score(i)), rank, i))
        .collect();
    scored.sort_unstable();
    scored.into_iter().map(|(_, _, i)| i).collect()
}

fn date_histogram(catalog: &Catalog, chosen: &[u32]) -> Histogram {
    let all = catalog.published_all();
    let days = || all.iter().map(|t| Day::of(*t).number());
    let (Some(min), Some(max)) = (days().min(), days().max()) else {
        return Histogram::default();
    };
    let span = i64::from(max) - i64::from(min) + 1;
    let width = (span + DATE_BARS as i64 - 1) / DATE_BARS as i64;
    let bars = usize::try_from((span + width - 1) / width).expect("at most DATE_BARS bars");
    let mut counts = vec![0u32; bars];
    for &i in chosen {
        let offset = i64::from(Day::of(catalog.published(i)).number()) - i64::from(min);
        counts[usize::try_from(offset / width).expect("day within range")] += 1;
    }
    Histogram {
        bars: counts
            .into_iter()
            .enumerate()
            .map(|(b, count)| {
                // Day numbers are below 2^23.
                let start = (i64::from(min) + b as i64 * width) as f64;
                let end = start + width as f64;
                Bar { start, end, count }
            })
            .collect(),
        unknown: 0,
    }
}

fn score_histogram(all: &[Option<Score>], chosen: &[u32]) -> Histogram {
    let max = all.iter().flatten().map(|s| s.get()).fold(0.0, f64::max);
    let top = nice_ceiling(max);
    let width = top / SCORE_BARS as f64;
    let mut counts = vec![0u32; SCORE_BARS];
    let mut unknown = 0;
    for &i in chosen {
        match all[i as usize] {
            Some(s) => {
                // 0 ≤ s ≤ top.
                let bar = ((s.get() / width) as usize).min(SCORE_BARS - 1);
                counts[bar] += 1;
            }
            None => unknown += 1,
        }
    }
    Histogram {
        bars: counts
            .into_iter()
            .enumerate()
            .map(|(b, count)| {
                let start = b as f64 * width;
                Bar {
                    start,
                    end: start + width,
                    count,
                }
            })
            .collect(),
        unknown,
    }
}

/// The smallest of 10, 20, 50, 100, 200, … at or above `max`, so bars get round edges.
fn nice_ceiling(max: f64) -> f64 {
    let mut step = 10.0;
    loop {
        for m in [1.0, 2.0, 5.0] {
            if max <= step * m {
                return step * m;
            }
        }
        step *= 10.0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::bundle::Bundle;
    use crate::model::article::Article;
    use crate::testing::article;
    use crate::view::state::{Action, Boost, Bounds, CountRange, DayRange, Preset};

    /// Five articles; day 0 is 1970-01-01.
    fn bundle() -> Bundle {
        Bundle::new(articles())
    }

    /// The five articles of [`bundle`], in the order [`Bundle::new`] sorts them into.
    fn articles() -> Vec<Article> {
        let day = 86_400;
        let mut a = article("a", Some(90.0), 10 * day);
        a.topics = vec!["AI".into(), "Robots".into()];
        a.title = "Robots learn to walk".into();
        a.quality = Score::new(40.0).ok();
        let mut b = article("b", Some(50.0), 20 * day);
        b.topics = vec!["AI".into()];
        b.title = "Machine learning basics".into();
        b.provider.domain = Some("other.example".into());
        b.provider.name = "Other".into();
        let mut c = article("c", None, 30 * day);
        c.topics = vec!["Sports".into()];
        c.title = "Robots play football".into();
        c.quality = Score::new(80.0).ok();
        let mut d = article("d", Some(50.0), 40 * day);
        d.topics = vec!["Robots".into()];
        d.title = "Learning robots".into();
        d.draft = true;
        let mut e = article("e", Some(10.0), 40 * day);
        e.title = "Nothing to see".into();
        vec![a, b, c, d, e]
    }

    /// A related entry linking to `link`, published by `domain` when given.
    fn entry(link: &str, domain: Option<&str>) -> crate::model::article::Related {
        crate::model::article::Related {
            title: format!("About {link}"),
            excerpt: String::new(),
            published_at: None,
            web_url: crate::text::url::HttpUrl::parse(link).expect("test url"),
            amp_web_url: None,
            cdn_amp_web_url: None,
            kind: None,
            provider: domain.map(|d| crate::model::article::Provider {
                name: d.to_uppercase(),
                domain: Some(d.into()),
                images: Vec::new(),
            }),
            quality: None,
            images: Vec::new(),
        }
    }

    /// The five articles with related entries: `a` lists `b` (of other.example) and an outside
    /// story of x.example, so the story of `a` and `b` has 3 outlets; `c` lists one of
    /// y.example (2 outlets); `d` and `e` stand alone (1 outlet each).
    fn covered_bundle() -> Bundle {
        let mut list = articles();
        list[0].related = vec![
            entry("https://example.com/b", None),
            entry("https://x.example/story", Some("x.example")),
        ];
        list[2].related = vec![entry("https://y.example/story", Some("y.example"))];
        Bundle::new(list)
    }

    fn ids(b: &Bundle, r: &Results) -> Vec<String> {
        r.articles
            .iter()
            .map(|&i| b.article(i).id.to_string())
            .collect()
    }

    fn counts(b: &Bundle, r: &Results, facet: Facet) -> Vec<(String, u32)> {
        let table = b.catalog().facets().table(facet);
        let (_, list) = r
            .facets
            .iter()
            .find(|(f, _)| *f == facet)
            .expect("facet listed");
        list.iter()
            .map(|vc| (table.values()[vc.value as usize].key.clone(), vc.count))
            .collect()
    }

    #[test]
    fn default_view_lists_everything_by_heat() {
        let b = bundle();
        let r = explore(&b, &ViewState::default());
        assert_eq!(ids(&b, &r), ["a", "d", "b", "e", "c"]);
    }

    #[test]
    fn keeps_articles_with_any_selected_topic() {
        let b = bundle();
        let s = ViewState::default()
            .apply(Action::Include(Facet::Topic, "Sports".into(), true))
            .apply(Action::Include(Facet::Topic, "robots".into(), true));
        assert_eq!(ids(&b, &explore(&b, &s)), ["a", "d", "c"]);
    }

    #[test]
    fn facets_combine_with_and_and_exclusions_remove() {
        let b = bundle();
        let s = ViewState::default()
            .apply(Action::Include(Facet::Topic, "AI".into(), true))
            .apply(Action::Include(Facet::Provider, "example.com".into(), true));
        assert_eq!(ids(&b, &explore(&b, &s)), ["a"]);
        let s = ViewState::default().apply(Action::Exclude(Facet::Topic, "robots".into(), true));
        assert_eq!(ids(&b, &explore(&b, &s)), ["b", "e", "c"]);
    }

    #[test]
    fn counts_ignore_their_own_facet_but_apply_the_others() {
        let b = bundle();
        let s = ViewState::default()
            .apply(Action::Include(Facet::Topic, "AI".into(), true))
            .apply(Action::Include(Facet::Provider, "example.com".into(), true));
        let r = explore(&b, &s);
        assert_eq!(
            counts(&b, &r, Facet::Topic),
            [("robots".into(), 2), ("ai".into(), 1), ("sports".into(), 1)]
        );
        assert_eq!(
            counts(&b, &r, Facet::Provider),
            [("example.com".into(), 1), ("other.example".into(), 1)]
        );
        assert_eq!(counts(&b, &r, Facet::Status), [("published".into(), 1)]);
    }

    #[test]
    fn an_unknown_selected_value_matches_nothing_and_is_still_listed() {
        let b = bundle();
        let s = ViewState::default().apply(Action::Include(Facet::Topic, "Cooking".into(), true));
        let r = explore(&b, &s);
        assert!(r.articles.is_empty());
        assert!(
            counts(&b, &r, Facet::Topic)
                .iter()
                .all(|(k, _)| k != "cooking"),
            "not in the table, so not countable"
        );
    }

    #[test]
    fn ranges_leave_out_unknown_values() {
        let b = bundle();
        let s = ViewState::default().apply(Action::SetHeat(Bounds::new(Some(50.0), None)));
        assert_eq!(ids(&b, &explore(&b, &s)), ["a", "d", "b"]);
        let s = ViewState::default().apply(Action::SetQuality(Bounds::new(None, Some(100.0))));
        assert_eq!(
            ids(&b, &explore(&b, &s)),
            ["a", "c"],
            "known quality, listed by heat"
        );
        let s = ViewState::default().apply(Action::SetDates(DayRange::new(
            Day::from_number(20),
            Day::from_number(30),
        )));
        assert_eq!(ids(&b, &explore(&b, &s)), ["b", "c"]);
    }

    #[test]
    fn sorts_are_total_and_reversible_with_unknown_last() {
        let b = bundle();
        let sorted = |sort, order| {
            let s = ViewState::default()
                .apply(Action::SetSort(sort))
                .apply(Action::SetOrder(order));
            ids(&b, &explore(&b, &s))
        };
        assert_eq!(
            sorted(Sort::Heat, Order::Asc),
            ["e", "d", "b", "a", "c"],
            "ties keep newest first"
        );
        assert_eq!(sorted(Sort::Date, Order::Desc), ["d", "e", "c", "b", "a"]);
        assert_eq!(sorted(Sort::Date, Order::Asc), ["a", "b", "c", "d", "e"]);
        assert_eq!(
            sorted(Sort::Quality, Order::Desc),
            ["c", "a", "d", "e", "b"]
        );
        assert_eq!(sorted(Sort::Quality, Order::Asc), ["a", "c", "d", "e", "b"]);
    }

    #[test]
    fn relevance_sorts_best_match_first_with_newest_first_ties_either_way() {
        let mut list = articles();
        list[4].body = crate::model::body::Body::from_plain_text("Robots everywhere");
        let b = Bundle::new(list);
        let sorted = |boost, order| {
            let s = ViewState::default()
                .apply(Action::SetQuery("robots".into()))
                .apply(Action::SetSort(Sort::Relevance))
                .apply(Action::SetBoost(boost))
                .apply(Action::SetOrder(order));
            ids(&b, &explore(&b, &s))
        };
        let plain = Boost::new(0, 0);
        // Headlines (a, c, d) above the body (e); equal scores newest first.
        assert_eq!(sorted(plain, Order::Desc), ["d", "c", "a", "e"]);
        assert_eq!(sorted(plain, Order::Asc), ["e", "d", "c", "a"]);
        // Heat lifts a (90) above d (50) and c (none).
        assert_eq!(
            sorted(Boost::new(100, 0), Order::Desc),
            ["a", "d", "c", "e"]
        );
        assert_eq!(sorted(Boost::new(100, 0), Order::Asc), ["e", "c", "d", "a"]);
    }

    #[test]
    fn coverage_sorts_most_covered_first_with_newest_first_ties() {
        let b = covered_bundle();
        let coverage: Vec<u32> = (0..5).map(|i| b.stories().article_coverage(i)).collect();
        assert_eq!(coverage, [3, 3, 2, 1, 1]);
        let sorted = |order| {
            let s = ViewState::default()
                .apply(Action::SetSort(Sort::Coverage))
                .apply(Action::SetOrder(order));
            ids(&b, &explore(&b, &s))
        };
        assert_eq!(sorted(Order::Desc), ["b", "a", "c", "d", "e"]);
        assert_eq!(
            sorted(Order::Asc),
            ["d", "e", "c", "b", "a"],
            "runs reversed, each still newest first then by id"
        );
    }

    #[test]
    fn keeps_articles_whose_story_coverage_is_in_range() {
        let b = covered_bundle();
        let within = |min, max| {
            let s = ViewState::default().apply(Action::SetCoverage(CountRange::new(min, max)));
            ids(&b, &explore(&b, &s))
        };
        assert_eq!(within(Some(2), None), ["a", "b", "c"], "listed by heat");
        assert_eq!(within(None, Some(1)), ["d", "e"]);
        assert_eq!(within(Some(3), Some(3)), ["a", "b"]);
        assert!(within(Some(4), None).is_empty());
        let s = ViewState::default()
            .apply(Action::SetCoverage(CountRange::new(Some(2), None)))
            .apply(Action::Include(Facet::Topic, "AI".into(), true));
        assert_eq!(ids(&b, &explore(&b, &s)), ["a", "b"], "and with the facets");
        assert_eq!(
            without_each(&b, &s, 8)
                .iter()
                .map(|(_, n)| *n)
                .collect::<Vec<_>>(),
            [3, 2],
            "without the topic: a, b, c; without the coverage: a, b"
        );
    }

    #[test]
    fn relevance_ranks_title_matches_and_boost_blends_in_heat() {
        let b = bundle();
        let s = ViewState::default().apply(Action::SetQuery("learn".into()));
        assert_eq!(
            ids(&b, &explore(&b, &s)),
            ["a", "d", "b"],
            "whole word first, then newest"
        );
        let s = ViewState::default().apply(Action::SetQuery("robots".into()));
        assert_eq!(
            ids(&b, &explore(&b, &s)),
            ["d", "c", "a"],
            "equal titles: newest first"
        );
        let s = s.apply(Action::SetBoost(crate::view::state::Boost::new(100, 0)));
        assert_eq!(
            ids(&b, &explore(&b, &s))[0],
            "a",
            "heat lifts the hottest match"
        );
        let s = ViewState::default().apply(Action::SetQuery("\"robots learn\"".into()));
        assert_eq!(ids(&b, &explore(&b, &s)), ["a"]);
    }

    #[test]
    fn facet_rows_mark_choices_and_keep_unknown_chosen_values() {
        let b = bundle();
        let s = ViewState::default()
            .apply(Action::Include(Facet::Topic, "AI".into(), true))
            .apply(Action::Exclude(Facet::Topic, "Sports".into(), true))
            .apply(Action::Include(Facet::Topic, "Cooking".into(), true));
        let r = explore(&b, &s);
        let rows = facet_rows(b.catalog(), &s, &r, Facet::Topic);
        let seen: Vec<_> = rows
            .iter()
            .map(|r| (r.label.as_str(), r.count, r.choice))
            .collect();
        assert_eq!(
            seen,
            [
                ("AI", 2, Choice::Included),
                ("Robots", 2, Choice::Open),
                ("Sports", 1, Choice::Excluded),
                ("cooking", 0, Choice::Included),
            ]
        );
    }

    #[test]
    fn presets_count_back_from_the_newest_article() {
        let b = bundle();
        let newest = newest(b.catalog());
        for preset in Preset::ALL {
            let s = ViewState::default().apply(Action::SetPreset(Some(preset)));
            let got = explore(&b, &s).articles;
            let want: Vec<u32> = (0..b.catalog().len())
                .filter_map(|i| u32::try_from(i).ok())
                .filter(|&i| b.catalog().published(i).unix() >= newest - preset.seconds())
                .collect();
            let mut got_sorted = got.clone();
            got_sorted.sort_unstable();
            assert_eq!(got_sorted, want, "{preset:?}");
            assert!(!got.is_empty(), "the newest article is always in");
        }
    }

    #[test]
    fn providers_sharing_a_name_show_their_domains() {
        let mut list = articles();
        list[0].provider.domain = Some("ndtv.com".into());
        list[0].provider.name = "NDTV News".into();
        list[1].provider.domain = Some("ndtvprofit.com".into());
        list[1].provider.name = "NDTV News".into();
        let b = Bundle::new(list);
        let s = ViewState::default();
        let rows = facet_rows(b.catalog(), &s, &explore(&b, &s), Facet::Provider);
        let mut labels: Vec<_> = rows.iter().map(|r| r.label.as_str()).collect();
        labels.sort_unstable();
        assert_eq!(
            labels,
            [
                "Example",
                "NDTV News (ndtv.com)",
                "NDTV News (ndtvprofit.com)"
            ]
        );
    }

    #[test]
    fn visible_rows_filter_by_label_and_never_hide_a_choice() {
        let row = |label: &str, choice| FacetRow {
            key: fold(label),
            label: label.into(),
            count: 1,
            choice,
        };
        let rows: Vec<FacetRow> = (0..12)
            .map(|i| row(&format!("Topic {i}"), Choice::Open))
            .chain([row("Café", Choice::Excluded)])
            .collect();
        let (shown, more) = visible_rows(&rows, "", Some(8));
        assert_eq!((shown.len(), more), (9, 4));
        assert_eq!(shown[8].label, "Café");
        let (shown, more) = visible_rows(&rows, "  CAFE ", Some(8));
        assert_eq!((shown.len(), more), (1, 0));
        let (shown, more) = visible_rows(&rows, "topic 1", None);
        assert_eq!((shown.len(), more), (3, 0), "1, 10 and 11");
    }

    #[test]
    fn without_each_counts_what_dropping_a_filter_gives() {
        let b = bundle();
        let s = ViewState::default()
            .apply(Action::Include(Facet::Topic, "Sports".into(), true))
            .apply(Action::SetHeat(Bounds::new(Some(20.0), None)));
        assert!(explore(&b, &s).articles.is_empty());
        let counts: Vec<usize> = without_each(&b, &s, 8).iter().map(|(_, n)| *n).collect();
        assert_eq!(
            counts,
            [3, 1],
            "without the topic: a, d, b; without heat: c"
        );
        assert_eq!(without_each(&b, &s, 1).len(), 1);
    }

    #[test]
    fn histograms_cover_the_collection_and_count_the_results() {
        let b = bundle();
        let s = ViewState::default().apply(Action::Include(Facet::Topic, "AI".into(), true));
        let r = explore(&b, &s);
        assert_eq!(r.dates.bars.iter().map(|x| x.count).sum::<u32>(), 2);
        assert_eq!(r.dates.bars.first().map(|x| x.start), Some(10.0));
        assert_eq!(r.heat.bars.len(), SCORE_BARS);
        assert_eq!(r.heat.bars.last().map(|x| x.end), Some(100.0));
        assert_eq!(r.quality.unknown, 1);
        assert_eq!(nice_ceiling(0.0), 10.0);
        assert_eq!(nice_ceiling(152.0), 200.0);
    }
}
