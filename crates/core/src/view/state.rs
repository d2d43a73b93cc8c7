//! The explore view: everything that decides which articles the reader sees and in what order,
//! as one value, changed only by [`ViewState::apply`].
//!
//! The state is always canonical: facet keys folded, ranges ordered, the sort left at its
//! default unless chosen, so two states that show the same view are equal and write the same
//! link (see [`crate::view::fragment`]).

use crate::index::facet::Facet;
use crate::index::search::{Query, MAX_QUERY_LEN};
use crate::model::article::MAX_SCORE;
use crate::text::time::Day;
use crate::text::words::fold;
use std::collections::{BTreeMap, BTreeSet};

/// How many result rows the list shows at first, and how many more each "Show more" adds.
pub const PAGE_ROWS: usize = 50;

/// The most values one facet can hold in a view.
pub const MAX_VALUES: usize = 64;

/// Included and excluded values of one facet.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    /// Values of which an article must have at least one (OR).
    pub include: BTreeSet<String>,
    /// Values an article must have none of.
    pub exclude: BTreeSet<String>,
}

impl Selection {
    /// True when nothing is chosen.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.include.is_empty() && self.exclude.is_empty()
    }
}

/// Two optional ends in order: when both are set and reversed, they are swapped, so a range
/// typed backwards means the same as one typed forwards.
fn in_order<T: PartialOrd>(low: Option<T>, high: Option<T>) -> (Option<T>, Option<T>) {
    match (low, high) {
        (Some(a), Some(b)) if a > b => (Some(b), Some(a)),
        ends => ends,
    }
}

/// A value a [`Span`] can hold, and which values it keeps: every day and count, and scores
/// (the `f64` ends of heat and quality) that are finite and within `0..=MAX_SCORE`.
pub trait Endpoint: PartialOrd + Copy {
    /// Whether a range keeps this end (one it does not is dropped, leaving that end open).
    fn is_valid(self) -> bool {
        true
    }
}

impl Endpoint for Day {}

impl Endpoint for u32 {}

impl Endpoint for f64 {
    fn is_valid(self) -> bool {
        self.is_finite() && (0.0..=MAX_SCORE).contains(&self)
    }
}

/// An inclusive range with either end open: of days, counts or scores.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Span<T> {
    /// Lowest value kept.
    pub min: Option<T>,
    /// Highest value kept.
    pub max: Option<T>,
}

impl<T> Default for Span<T> {
    fn default() -> Self {
        Self {
            min: None,
            max: None,
        }
    }
}

impl<T: Endpoint> Span<T> {
    /// The canonical range: ends the type does not keep dropped (see [`Endpoint`]), ends in
    /// order.
    #[must_use]
    pub fn new(min: Option<T>, max: Option<T>) -> Self {
        let (min, max) = in_order(min.filter(|v| v.is_valid()), max.filter(|v| v.is_valid()));
        Self { min, max }
    }

    /// True when neither end is set.
    #[must_use]
    pub fn is_open(&self) -> bool {
        self.min.is_none() && self.max.is_none()
    }

    /// Whether `value` is inside (an open end bounds nothing).
    #[must_use]
    pub fn contains(&self, value: T) -> bool {
        self.min.is_none_or(|l| value >= l) && self.max.is_none_or(|h| value <= h)
    }

    /// Whether a value that may be unknown is inside: an unknown value is outside any range
    /// with a bound.
    #[must_use]
    pub fn contains_known(&self, value: Option<T>) -> bool {
        self.is_open() || value.is_some_and(|v| self.contains(v))
    }
}

/// An inclusive range of heat or quality.
pub type Bounds = Span<f64>;

/// An inclusive range of UTC days.
pub type DayRange = Span<Day>;

/// An inclusive range of whole counts, such as how many outlets covered a story.
pub type CountRange = Span<u32>;

/// What the list is ordered by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Sort {
    /// Heat, highest first.
    Heat,
    /// Publication date, newest first.
    Date,
    /// Quality, highest first.
    Quality,
    /// How many outlets covered the article's story, most first.
    Coverage,
    /// Search relevance, best first (only with a query).
    Relevance,
}

impl Sort {
    /// Every sort, in menu order.
    pub const ALL: [Self; 5] = [
        Self::Heat,
        Self::Date,
        Self::Quality,
        Self::Coverage,
        Self::Relevance,
    ];

    /// The URL value.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Self::Heat => "heat",
            Self::Date => "date",
            Self::Quality => "quality",
            Self::Coverage => "coverage",
            Self::Relevance => "relevance",
        }
    }

    /// The sort with this URL value.
    #[must_use]
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.key() == key)
    }

    /// The menu label.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Heat => "Heat",
            Self::Date => "Date",
            Self::Quality => "Quality",
            Self::Coverage => "Coverage",
            Self::Relevance => "Relevance",
        }
    }
}

/// The direction of a sort. Descending is every sort's natural direction (hottest, newest,
/// best first); ascending reverses it. Articles missing the value stay last either way.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Order {
    /// Highest, newest, best first.
    #[default]
    Desc,
    /// Lowest, oldest, weakest first.
    Asc,
}

/// How much heat and recency count next to relevance, in percent (0 to 100 each).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Boost {
    /// Weight of heat.
    pub heat: u8,
    /// Weight of recency.
    pub recent: u8,
}

impl Boost {
    /// A boost with each weight clamped to 0..=100.
    #[must_use]
    pub fn new(heat: u8, recent: u8) -> Self {
        Self {
            heat: heat.min(100),
            recent: recent.min(100),
        }
    }

    /// True when relevance alone decides.
    #[must_use]
    pub fn is_none(&self) -> bool {
        self.heat == 0 && self.recent == 0
    }
}

/// A span of time back from the newest article in the collection: "Past week". Relative to the
/// collection, not the clock, so a link shows the same articles whenever it is opened, and a
/// collection that stopped growing still has a "past week".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Preset {
    /// The 24 hours before the newest article.
    Day,
    /// The 7 days before the newest article.
    Week,
    /// The 30 days before the newest article.
    Month,
}

impl Preset {
    /// Every preset, in menu order.
    pub const ALL: [Self; 3] = [Self::Day, Self::Week, Self::Month];

    /// The URL value.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Self::Day => "day",
            Self::Week => "week",
            Self::Month => "month",
        }
    }

    /// The preset with this URL value.
    #[must_use]
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.key() == key)
    }

    /// The button label.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Day => "Past 24 hours",
            Self::Week => "Past week",
            Self::Month => "Past month",
        }
    }

    /// How far back it reaches, in seconds.
    #[must_use]
    pub fn seconds(self) -> i64 {
        const DAY: i64 = 86_400;
        match self {
            Self::Day => DAY,
            Self::Week => 7 * DAY,
            Self::Month => 30 * DAY,
        }
    }
}

/// The complete explore view.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ViewState {
    query: String,
    facets: BTreeMap<Facet, Selection>,
    dates: DayRange,
    preset: Option<Preset>,
    by_story: bool,
    heat: Bounds,
    quality: Bounds,
    coverage: CountRange,
    sort: Option<Sort>,
    order: Order,
    boost: Boost,
}

/// A change to the view.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Replace the search text.
    SetQuery(String),
    /// Add (`true`) or remove a value from a facet's included values; including a value
    /// un-excludes it.
    Include(Facet, String, bool),
    /// Add (`true`) or remove a value from a facet's excluded values; excluding a value
    /// un-includes it.
    Exclude(Facet, String, bool),
    /// Clear one facet.
    ClearFacet(Facet),
    /// Set the date range (and drop a preset).
    SetDates(DayRange),
    /// Choose a time preset (and drop the date range), or none.
    SetPreset(Option<Preset>),
    /// List one card per story (`true`) or every article.
    GroupByStory(bool),
    /// Set the heat range.
    SetHeat(Bounds),
    /// Set the quality range.
    SetQuality(Bounds),
    /// Set the range of how many outlets covered an article's story.
    SetCoverage(CountRange),
    /// Choose a sort (its natural direction).
    SetSort(Sort),
    /// Choose the direction.
    SetOrder(Order),
    /// Set the relevance boost.
    SetBoost(Boost),
    /// Clear every filter, the query and the boost; keep the sort.
    ClearFilters,
}

/// One thing narrowing the view, as the reader sees it in a removable chip.
#[derive(Debug, Clone, PartialEq)]
pub enum ActiveFilter {
    /// The search text.
    Query(String),
    /// A facet value, included or excluded.
    Value {
        /// Its facet.
        facet: Facet,
        /// Its key.
        key: String,
        /// True when included, false when excluded.
        include: bool,
    },
    /// The date range.
    Dates(DayRange),
    /// A time preset.
    Preset(Preset),
    /// The heat range.
    Heat(Bounds),
    /// The quality range.
    Quality(Bounds),
    /// The range of outlets covering the story.
    Coverage(CountRange),
}

impl ActiveFilter {
    /// The action that drops this filter and nothing else.
    #[must_use]
    pub fn removal(&self) -> Action {
        match self {
            Self::Query(_) => Action::SetQuery(String::new()),
            Self::Value {
                facet,
                key,
                include: true,
            } => Action::Include(*facet, key.clone(), false),
            Self::Value { facet, key, .. } => Action::Exclude(*facet, key.clone(), false),
            Self::Dates(_) => Action::SetDates(DayRange::default()),
            Self::Preset(_) => Action::SetPreset(None),
            Self::Heat(_) => Action::SetHeat(Bounds::default()),
            Self::Quality(_) => Action::SetQuality(Bounds::default()),
            Self::Coverage(_) => Action::SetCoverage(CountRange::default()),
        }
    }
}

/// The canonical key of a facet value: providers are domains (lowercase), the rest are folded.
#[must_use]
pub fn facet_key(facet: Facet, value: &str) -> String {
    let value = value.trim();
    match facet {
        Facet::Provider => value.to_lowercase(),
        _ => fold(value),
    }
}

impl ViewState {
    /// The search text as typed.
    #[must_use]
    pub fn query(&self) -> &str {
        &self.query
    }

    /// The selection of a facet (empty when none).
    #[must_use]
    pub fn selection(&self, facet: Facet) -> Option<&Selection> {
        self.facets.get(&facet)
    }

    /// The date range.
    #[must_use]
    pub fn dates(&self) -> DayRange {
        self.dates
    }

    /// The time preset, if one is chosen.
    #[must_use]
    pub fn preset(&self) -> Option<Preset> {
        self.preset
    }

    /// Whether the list shows one card per story.
    #[must_use]
    pub fn by_story(&self) -> bool {
        self.by_story
    }

    /// The heat range.
    #[must_use]
    pub fn heat(&self) -> Bounds {
        self.heat
    }

    /// The quality range.
    #[must_use]
    pub fn quality(&self) -> Bounds {
        self.quality
    }

    /// The range of outlets covering an article's story.
    #[must_use]
    pub fn coverage(&self) -> CountRange {
        self.coverage
    }

    /// The sort as chosen, `None` when it is the default.
    #[must_use]
    pub fn chosen_sort(&self) -> Option<Sort> {
        self.sort
    }

    /// The sort in force: the chosen one, else relevance when there is a query, else heat.
    #[must_use]
    pub fn sort(&self) -> Sort {
        self.sort.unwrap_or_else(|| self.default_sort())
    }

    fn default_sort(&self) -> Sort {
        if Query::parse(&self.query).is_empty() {
            Sort::Heat
        } else {
            Sort::Relevance
        }
    }

    /// The direction.
    #[must_use]
    pub fn order(&self) -> Order {
        self.order
    }

    /// The relevance boost.
    #[must_use]
    pub fn boost(&self) -> Boost {
        self.boost
    }

    /// How many filters are active (facet values, ranges), for a "clear" button.
    #[must_use]
    pub fn filter_count(&self) -> usize {
        let facets: usize = self
            .facets
            .values()
            .map(|s| s.include.len() + s.exclude.len())
            .sum();
        facets
            + usize::from(!self.dates.is_open())
            + usize::from(self.preset.is_some())
            + usize::from(!self.heat.is_open())
            + usize::from(!self.quality.is_open())
            + usize::from(!self.coverage.is_open())
    }

    /// Every active filter: the query (when it has words to search for), then facet values in
    /// facet order (included before excluded), then the date, heat, quality and coverage ranges.
    #[must_use]
    pub fn active_filters(&self) -> Vec<ActiveFilter> {
        let mut out = Vec::new();
        if !Query::parse(&self.query).is_empty() {
            out.push(ActiveFilter::Query(self.query.clone()));
        }
        for (facet, sel) in &self.facets {
            let values = |keys: &BTreeSet<String>, include: bool| {
                keys.iter()
                    .map(move |key| ActiveFilter::Value {
                        facet: *facet,
                        key: key.clone(),
                        include,
                    })
                    .collect::<Vec<_>>()
            };
            out.extend(values(&sel.include, true));
            out.extend(values(&sel.exclude, false));
        }
        if !self.dates.is_open() {
            out.push(ActiveFilter::Dates(self.dates));
        }
        if let Some(preset) = self.preset {
            out.push(ActiveFilter::Preset(preset));
        }
        if !self.heat.is_open() {
            out.push(ActiveFilter::Heat(self.heat));
        }
        if !self.quality.is_open() {
            out.push(ActiveFilter::Quality(self.quality));
        }
        if !self.coverage.is_open() {
            out.push(ActiveFilter::Coverage(self.coverage));
        }
        out
    }

    /// The state after `action`. Returns an equal state when the action changes nothing, so
    /// callers can skip work by comparing.
    #[must_use]
    pub fn apply(&self, action: Action) -> Self {
        let mut next = self.clone();
        match action {
            Action::SetQuery(q) => next.query = cap_query(&q),
            Action::Include(facet, value, on) => next.toggle(facet, &value, on, true),
            Action::Exclude(facet, value, on) => next.toggle(facet, &value, on, false),
            Action::ClearFacet(facet) => {
                next.facets.remove(&facet);
            }
            Action::SetDates(range) => {
                next.dates = DayRange::new(range.min, range.max);
                if !next.dates.is_open() {
                    next.preset = None;
                }
            }
            Action::SetPreset(preset) => {
                next.preset = preset;
                if preset.is_some() {
                    next.dates = DayRange::default();
                }
            }
            Action::GroupByStory(on) => next.by_story = on,
            Action::SetHeat(b) => next.heat = Bounds::new(b.min, b.max),
            Action::SetQuality(b) => next.quality = Bounds::new(b.min, b.max),
            Action::SetCoverage(r) => next.coverage = CountRange::new(r.min, r.max),
            Action::SetSort(sort) => {
                next.sort = Some(sort);
                next.order = Order::Desc;
            }
            Action::SetOrder(order) => next.order = order,
            Action::SetBoost(b) => next.boost = Boost::new(b.heat, b.recent),
            Action::ClearFilters => {
                next.query.clear();
                next.facets.clear();
                next.dates = DayRange::default();
                next.preset = None;
                next.heat = Bounds::default();
                next.quality = Bounds::default();
                next.coverage = CountRange::default();
            }
        }
        next.normalise();
        next
    }

    fn toggle(&mut self, facet: Facet, value: &str, on: bool, include: bool) {
        let key = facet_key(facet, value);
        if key.is_empty() {
            return;
        }
        let sel = self.facets.entry(facet).or_default();
        let (target, other) = if include {
            (&mut sel.include, &mut sel.exclude)
        } else {
            (&mut sel.exclude, &mut sel.include)
        };
        if on {
            other.remove(&key);
            if target.len() + other.len() < MAX_VALUES {
                target.insert(key);
            }
        } else {
            target.remove(&key);
        }
    }

    /// Restores the invariants after any change.
    pub(crate) fn normalise(&mut self) {
        self.facets.retain(|_, s| !s.is_empty());
        // A preset and a date range would each narrow the other; the explicit days win.
        if !self.dates.is_open() {
            self.preset = None;
        }
        if self.sort == Some(self.default_sort())
            || (self.sort == Some(Sort::Relevance) && Query::parse(&self.query).is_empty())
        {
            self.sort = None;
        }
        // The boost weighs relevance only: under another sort it would sit in the link with no
        // control on screen and no effect.
        if self.sort() != Sort::Relevance {
            self.boost = Boost::default();
        }
    }

    /// Builders for the hash codec, which reads values one at a time.
    pub(crate) fn set_query_raw(&mut self, q: &str) {
        self.query = cap_query(q);
    }

    pub(crate) fn add_value(&mut self, facet: Facet, value: &str, include: bool) -> bool {
        let before = self
            .facets
            .get(&facet)
            .map_or(0, |s| s.include.len() + s.exclude.len());
        if before >= MAX_VALUES {
            return false;
        }
        self.toggle(facet, value, true, include);
        true
    }

    pub(crate) fn set_dates_raw(&mut self, from: Option<Day>, to: Option<Day>) {
        self.dates = DayRange::new(from, to);
    }

    /// A preset read from a link; a date range read from the same link wins (see
    /// [`Self::normalise`]).
    pub(crate) fn set_preset_raw(&mut self, preset: Preset) {
        self.preset = Some(preset);
    }

    pub(crate) fn set_by_story_raw(&mut self, on: bool) {
        self.by_story = on;
    }

    pub(crate) fn set_heat_raw(&mut self, b: Bounds) {
        self.heat = Bounds::new(b.min, b.max);
    }

    pub(crate) fn set_quality_raw(&mut self, b: Bounds) {
        self.quality = Bounds::new(b.min, b.max);
    }

    pub(crate) fn set_coverage_raw(&mut self, r: CountRange) {
        self.coverage = CountRange::new(r.min, r.max);
    }

    pub(crate) fn set_sort_raw(&mut self, sort: Sort) {
        self.sort = Some(sort);
    }

    pub(crate) fn set_order_raw(&mut self, order: Order) {
        self.order = order;
    }

    pub(crate) fn set_boost_raw(&mut self, boost: Boost) {
        self.boost = boost;
    }
}

fn cap_query(q: &str) -> String {
    let mut end = q.len().min(MAX_QUERY_LEN);
    while !q.is_char_boundary(end) {
        end -= 1;
    }
    q[..end].chars().filter(|c| !c.is_control()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn including_excludes_nothing_and_excluding_unincludes() {
        let s = ViewState::default()
            .apply(Action::Include(Facet::Topic, "AI".into(), true))
            .apply(Action::Include(Facet::Topic, "Robots".into(), true));
        let sel = s.selection(Facet::Topic).expect("selected");
        assert_eq!(sel.include.iter().collect::<Vec<_>>(), ["ai", "robots"]);
        let s = s.apply(Action::Exclude(Facet::Topic, "ai".into(), true));
        let sel = s.selection(Facet::Topic).expect("selected");
        assert_eq!(sel.include.iter().collect::<Vec<_>>(), ["robots"]);
        assert_eq!(sel.exclude.iter().collect::<Vec<_>>(), ["ai"]);
        let s = s
            .apply(Action::Exclude(Facet::Topic, "AI".into(), false))
            .apply(Action::Include(Facet::Topic, "robots".into(), false));
        assert_eq!(s, ViewState::default(), "emptied facets disappear");
    }

    #[test]
    fn sort_defaults_to_relevance_with_a_query_and_heat_without() {
        let s = ViewState::default();
        assert_eq!(s.sort(), Sort::Heat);
        let s = s.apply(Action::SetQuery("robot".into()));
        assert_eq!((s.sort(), s.chosen_sort()), (Sort::Relevance, None));
        let s = s.apply(Action::SetSort(Sort::Date));
        assert_eq!(s.sort(), Sort::Date);
        let s = s.apply(Action::SetSort(Sort::Relevance));
        assert_eq!(s.chosen_sort(), None, "choosing the default stores nothing");
        let s = s
            .apply(Action::SetQuery(String::new()))
            .apply(Action::SetSort(Sort::Relevance));
        assert_eq!(s.sort(), Sort::Heat, "relevance needs a query");
    }

    #[test]
    fn ranges_are_put_in_order_and_cleaned() {
        let s = ViewState::default().apply(Action::SetHeat(Bounds {
            min: Some(80.0),
            max: Some(10.0),
        }));
        assert_eq!(
            s.heat(),
            Bounds {
                min: Some(10.0),
                max: Some(80.0)
            }
        );
        let s = s.apply(Action::SetQuality(Bounds {
            min: Some(f64::NAN),
            max: Some(-3.0),
        }));
        assert!(s.quality().is_open());
        let d = |t| Day::parse(t);
        let s = s.apply(Action::SetDates(DayRange {
            min: d("2024-05-01"),
            max: d("2024-01-01"),
        }));
        assert_eq!(s.dates().min, d("2024-01-01"));
        assert_eq!(s.filter_count(), 2);
        assert_eq!(s.apply(Action::ClearFilters).filter_count(), 0);
    }

    #[test]
    fn coverage_ranges_are_put_in_order_counted_and_cleared() {
        let s = ViewState::default().apply(Action::SetCoverage(CountRange::new(Some(5), Some(2))));
        assert_eq!(s.coverage(), CountRange::new(Some(2), Some(5)));
        assert_eq!((s.coverage().min, s.coverage().max), (Some(2), Some(5)));
        assert_eq!(s.filter_count(), 1);
        let r = s.coverage();
        assert!(!r.contains(1) && r.contains(2) && r.contains(5) && !r.contains(6));
        assert!(CountRange::default().contains(0));
        assert!(CountRange::new(Some(3), None).contains(u32::MAX));
        assert_eq!(s.apply(Action::ClearFilters), ViewState::default());
    }

    #[test]
    fn one_span_for_days_counts_and_scores() {
        let day = |t: &str| Day::parse(t).expect("a day");
        let days = DayRange::new(Some(day("2024-03-01")), Some(day("2024-01-01")));
        assert_eq!(
            (days.min, days.max),
            (Some(day("2024-01-01")), Some(day("2024-03-01"))),
            "in order"
        );
        assert!(days.contains(day("2024-02-29")) && !days.contains(day("2024-03-02")));
        let counts = CountRange::new(Some(5), Some(2));
        assert_eq!((counts.min, counts.max), (Some(2), Some(5)));
        assert!(counts.contains(2) && counts.contains(5) && !counts.contains(6));
        // Scores keep only finite values within 0..=MAX_SCORE; a dropped end is open.
        let cases = [
            (Some(-1.0), Some(50.0), (None, Some(50.0))),
            (Some(f64::NAN), Some(f64::INFINITY), (None, None)),
            (Some(90.0), Some(10.0), (Some(10.0), Some(90.0))),
            (Some(MAX_SCORE + 1.0), None, (None, None)),
        ];
        for (min, max, want) in cases {
            let b = Bounds::new(min, max);
            assert_eq!((b.min, b.max), want, "{min:?}..{max:?}");
        }
        assert!(Bounds::new(None, None).is_open() && DayRange::default().is_open());
    }

    #[test]
    fn unknown_values_are_outside_bounded_ranges() {
        let open = Bounds::default();
        assert!(open.contains_known(None));
        let b = Bounds::new(Some(50.0), None);
        assert!(b.contains_known(Some(50.0)));
        assert!(!b.contains_known(Some(49.0)));
        assert!(!b.contains_known(None));
    }

    #[test]
    fn facets_are_capped() {
        let mut s = ViewState::default();
        for i in 0..1000 {
            s = s.apply(Action::Include(Facet::Topic, format!("t{i}"), true));
        }
        assert_eq!(
            s.selection(Facet::Topic).map(|x| x.include.len()),
            Some(MAX_VALUES)
        );
    }

    #[test]
    fn lists_active_filters_and_removes_each_alone() {
        let s = ViewState::default()
            .apply(Action::SetQuery("robots".into()))
            .apply(Action::Exclude(Facet::Provider, "b.example".into(), true))
            .apply(Action::Include(Facet::Topic, "AI".into(), true))
            .apply(Action::Exclude(Facet::Topic, "Sports".into(), true))
            .apply(Action::SetQuality(Bounds::new(None, Some(70.0))))
            .apply(Action::SetCoverage(CountRange::new(Some(3), None)))
            .apply(Action::SetDates(DayRange::new(Day::from_number(5), None)))
            .apply(Action::SetSort(Sort::Date));
        let active = s.active_filters();
        let value = |facet, key: &str, include| ActiveFilter::Value {
            facet,
            key: key.into(),
            include,
        };
        assert_eq!(
            active,
            [
                ActiveFilter::Query("robots".into()),
                value(Facet::Topic, "ai", true),
                value(Facet::Topic, "sports", false),
                value(Facet::Provider, "b.example", false),
                ActiveFilter::Dates(DayRange::new(Day::from_number(5), None)),
                ActiveFilter::Quality(Bounds::new(None, Some(70.0))),
                ActiveFilter::Coverage(CountRange::new(Some(3), None)),
            ]
        );
        for filter in &active {
            let rest = s.apply(filter.removal()).active_filters();
            assert_eq!(rest.len(), active.len() - 1, "{filter:?}");
            assert!(!rest.contains(filter), "{filter:?}");
        }
        let cleared = active.iter().fold(s.clone(), |s, f| s.apply(f.removal()));
        assert_eq!(cleared, s.apply(Action::ClearFilters), "the sort stays");
        assert!(ViewState::default()
            .apply(Action::SetQuery(" -- ".into()))
            .active_filters()
            .is_empty());
    }

    #[test]
    fn a_preset_and_a_date_range_replace_each_other() {
        let s = ViewState::default().apply(Action::SetDates(DayRange::new(
            Day::parse("2024-01-01"),
            None,
        )));
        let s = s.apply(Action::SetPreset(Some(Preset::Week)));
        assert_eq!(
            (s.preset(), s.dates()),
            (Some(Preset::Week), DayRange::default())
        );
        assert_eq!(s.active_filters(), [ActiveFilter::Preset(Preset::Week)]);
        let s = s.apply(Action::SetDates(DayRange::new(
            None,
            Day::parse("2024-02-01"),
        )));
        assert_eq!(s.preset(), None);
        let s = s
            .apply(Action::SetPreset(Some(Preset::Day)))
            .apply(Action::GroupByStory(true))
            .apply(Action::ClearFilters);
        assert_eq!(s.preset(), None);
        assert!(
            s.by_story(),
            "grouping is how the list is shown, like the sort"
        );
    }

    #[test]
    fn the_boost_goes_with_relevance() {
        let boost = Boost::new(100, 20);
        let s = ViewState::default()
            .apply(Action::SetQuery("robots".into()))
            .apply(Action::SetBoost(boost));
        assert_eq!(s.boost(), boost);
        assert!(s.apply(Action::ClearFilters).boost().is_none(), "Clear all");
        assert!(
            s.apply(Action::SetQuery(String::new())).boost().is_none(),
            "emptying the search"
        );
        assert!(s.apply(Action::SetSort(Sort::Date)).boost().is_none());
        assert!(ViewState::default()
            .apply(Action::SetBoost(boost))
            .boost()
            .is_none());
    }

    #[test]
    fn same_action_twice_changes_nothing_more() {
        let a = Action::Include(Facet::Provider, "Example.COM".into(), true);
        let once = ViewState::default().apply(a.clone());
        assert_eq!(once.apply(a), once);
        assert!(once
            .selection(Facet::Provider)
            .is_some_and(|s| s.include.contains("example.com")));
    }
}
