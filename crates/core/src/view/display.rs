//! Text the app shows for model values and views: counts, scores, image sizes, sort orders,
//! active filters, the host beside an outlet's name and values echoed back from a link.
//!
//! Kept out of the components so the wording is decided once and tested natively. Publication
//! dates are not here: they are formatted by the browser in the reader's locale. Date *ranges*
//! are, because they are whole UTC days, written as the URL writes them.

use crate::index::catalog::Catalog;
use crate::index::facet::Facet;
use crate::model::article::{Article, Image, Score, MAX_SCORE};
use crate::text::normal_url::normalise_host;
use crate::text::time::Day;
use crate::text::url::HttpUrl;
use crate::view::explore::{distinct_label, shared_labels};
use crate::view::state::{ActiveFilter, Bounds, CountRange, DayRange, Order, Sort};

/// Shown where a heat or quality is unknown.
pub const UNKNOWN_SCORE: &str = "—";

/// How the reader's locale writes a count: the mark between groups of three digits ("10,000",
/// "10.000", "10 000"). The app reads it from the browser once; tests name it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Digits {
    separator: String,
}

impl Digits {
    /// Groups of three digits joined by `separator` (at most 4 characters, no digits; anything
    /// else means no separator).
    #[must_use]
    pub fn new(separator: &str) -> Self {
        let ok = separator.chars().count() <= 4 && !separator.chars().any(|c| c.is_ascii_digit());
        Self {
            separator: if ok {
                separator.to_owned()
            } else {
                String::new()
            },
        }
    }

    /// `n` in groups of three.
    ///
    /// ```
    /// use broadsheet_core::view::display::Digits;
    /// assert_eq!(Digits::new(",").format(1_234_567), "1,234,567");
    /// assert_eq!(Digits::new(".").format(999), "999");
    /// ```
    #[must_use]
    pub fn format(&self, n: usize) -> String {
        let plain = n.to_string();
        let mut out = String::with_capacity(plain.len() + plain.len() / 3 * self.separator.len());
        for (i, c) in plain.chars().enumerate() {
            if i > 0 && (plain.len() - i) % 3 == 0 {
                out.push_str(&self.separator);
            }
            out.push(c);
        }
        out
    }

    /// "1 article", "3 stories": the count in words with its noun.
    #[must_use]
    pub fn count(&self, n: usize, one: &str, many: &str) -> String {
        format!("{} {}", self.format(n), if n == 1 { one } else { many })
    }
}

/// "1 article", "10,000 articles": the number first, so tests and screen readers meet it first.
///
/// ```
/// use broadsheet_core::view::display::{count_label, Digits};
/// assert_eq!(count_label(1, &Digits::new(",")), "1 article");
/// assert_eq!(count_label(10_000, &Digits::new(",")), "10,000 articles");
/// ```
#[must_use]
pub fn count_label(count: usize, digits: &Digits) -> String {
    digits.count(count, "article", "articles")
}

/// What "did you mean" says of a search word that finds little, before its offers.
///
/// ```
/// use broadsheet_core::view::display::{misspelling_label, Digits};
/// let d = Digits::new(",");
/// assert_eq!(misspelling_label("ukrane", 0, &d), "No articles for “ukrane”.");
/// assert_eq!(misspelling_label("ukrane", 1, &d), "Only 1 article for “ukrane”.");
/// ```
#[must_use]
pub fn misspelling_label(word: &str, found: usize, digits: &Digits) -> String {
    if found == 0 {
        format!("No articles for “{word}”.")
    } else {
        format!("Only {} for “{word}”.", count_label(found, digits))
    }
}

/// What a returning reader is told when the collection gained articles since their last visit.
///
/// ```
/// use broadsheet_core::view::display::{new_articles_label, Digits};
/// assert_eq!(new_articles_label(1, &Digits::new(",")), "1 new article since your last visit");
/// assert_eq!(new_articles_label(1_000, &Digits::new(",")), "1,000 new articles since your last visit");
/// ```
#[must_use]
pub fn new_articles_label(count: usize, digits: &Digits) -> String {
    format!(
        "{} since your last visit",
        digits.count(count, "new article", "new articles")
    )
}

/// What a saved view's line says about articles published since the reader last opened it.
///
/// ```
/// use broadsheet_core::view::display::{new_in_view_label, Digits};
/// assert_eq!(new_in_view_label(0, &Digits::new(",")), "nothing new since your last visit");
/// assert_eq!(new_in_view_label(1_200, &Digits::new(",")), "1,200 new since your last visit");
/// ```
#[must_use]
pub fn new_in_view_label(count: usize, digits: &Digits) -> String {
    if count == 0 {
        "nothing new since your last visit".to_owned()
    } else {
        format!("{} new since your last visit", digits.format(count))
    }
}

/// What a graph holds: "7 stories: 18 articles here and 7 elsewhere". Stories are the groups;
/// the pages elsewhere are related stories outside the collection, counted as pages so the
/// one word "stories" never names two different things.
///
/// ```
/// use broadsheet_core::view::display::{graph_summary, Digits};
/// let d = Digits::new(",");
/// assert_eq!(graph_summary(7, 18, 7, &d), "7 stories: 18 articles here and 7 elsewhere");
/// assert_eq!(graph_summary(1, 1, 0, &d), "1 story: 1 article here, none elsewhere");
/// ```
#[must_use]
pub fn graph_summary(stories: usize, articles: usize, elsewhere: usize, digits: &Digits) -> String {
    let stories = digits.count(stories, "story", "stories");
    let articles = digits.count(articles, "article", "articles");
    if elsewhere == 0 {
        format!("{stories}: {articles} here, none elsewhere")
    } else {
        format!(
            "{stories}: {articles} here and {} elsewhere",
            digits.format(elsewhere)
        )
    }
}

/// Reads what a reader typed into a heat or quality field: nothing (`Ok(None)`, the end is
/// open), a score, or why the text is ignored, for a message beside the field.
///
/// ```
/// use broadsheet_core::view::display::score_entry;
/// assert_eq!(score_entry(" 12.5 "), Ok(Some(12.5)));
/// assert_eq!(score_entry(""), Ok(None));
/// assert!(score_entry("-5").is_err_and(|why| why.contains("below 0")));
/// ```
pub fn score_entry(text: &str) -> Result<Option<f64>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let shown: String = text.chars().take(20).collect();
    match text.parse::<f64>() {
        Ok(v) if v.is_finite() && v < 0.0 => Err(format!("{shown} is below 0, so it is ignored")),
        Ok(v) if v.is_finite() && v > MAX_SCORE => Err(format!(
            "{shown} is above the largest score ({MAX_SCORE}), so it is ignored"
        )),
        Ok(v) if v.is_finite() => Ok(Some(v)),
        _ => Err(format!("“{shown}” is not a number, so it is ignored")),
    }
}

/// An article's links as its page lists them: label, test id and address, each address once
/// (a source that gives the same address as its original story and original source lists it
/// under the first label only).
#[must_use]
pub fn article_links(article: &Article) -> Vec<(&'static str, &'static str, &HttpUrl)> {
    let all = [
        ("Original story", "link-web", Some(&article.web_url)),
        (
            "Original source",
            "link-original",
            article.original_url.as_ref(),
        ),
        ("AMP version", "link-amp", article.amp_web_url.as_ref()),
        (
            "AMP cache",
            "link-cdn-amp",
            article.cdn_amp_web_url.as_ref(),
        ),
    ];
    let mut out: Vec<(&'static str, &'static str, &HttpUrl)> = Vec::new();
    for (label, testid, url) in all {
        if let Some(url) = url {
            if out.iter().all(|(_, _, seen)| seen.as_str() != url.as_str()) {
                out.push((label, testid, url));
            }
        }
    }
    out
}

/// The count of a list grouped by story: "12 stories (50 articles)".
///
/// ```
/// use broadsheet_core::view::display::{stories_label, Digits};
/// assert_eq!(stories_label(1, 3, &Digits::new(",")), "1 story (3 articles)");
/// assert_eq!(stories_label(9733, 10_000, &Digits::new(",")), "9,733 stories (10,000 articles)");
/// ```
#[must_use]
pub fn stories_label(stories: usize, articles: usize, digits: &Digits) -> String {
    format!(
        "{} ({})",
        digits.count(stories, "story", "stories"),
        count_label(articles, digits)
    )
}

/// "1 draft", "3 drafts".
#[must_use]
pub fn draft_count_label(count: usize, digits: &Digits) -> String {
    digits.count(count, "draft", "drafts")
}

/// "1 outlet", "3 outlets": how many outlets covered a story.
///
/// ```
/// assert_eq!(broadsheet_core::view::display::outlets_label(1), "1 outlet");
/// assert_eq!(broadsheet_core::view::display::outlets_label(3), "3 outlets");
/// ```
#[must_use]
pub fn outlets_label(count: u32) -> String {
    let noun = if count == 1 { "outlet" } else { "outlets" };
    format!("{count} {noun}")
}

/// A story's extent for its page's heading line: how long it ran and how many outlets covered
/// it.
///
/// ```
/// use broadsheet_core::view::display::{story_span_label, Digits};
/// let d = Digits::new(",");
/// assert_eq!(story_span_label(3, 14, &d), "over 3 days, 14 outlets");
/// assert_eq!(story_span_label(1, 1, &d), "on one day, 1 outlet");
/// assert_eq!(story_span_label(0, 2, &d), "2 outlets");
/// ```
#[must_use]
pub fn story_span_label(days: i64, outlets: usize, digits: &Digits) -> String {
    let outlets = digits.count(outlets, "outlet", "outlets");
    match days {
        ..=0 => outlets,
        1 => format!("on one day, {outlets}"),
        _ => format!("over {days} days, {outlets}"),
    }
}

/// How many reports a story's timeline holds, bundled and elsewhere.
///
/// ```
/// use broadsheet_core::view::display::{story_reports_label, Digits};
/// let d = Digits::new(",");
/// assert_eq!(story_reports_label(1, 0, &d), "1 article");
/// assert_eq!(story_reports_label(1_200, 3, &d), "1,200 articles and 3 stories elsewhere");
/// assert_eq!(story_reports_label(2, 1, &d), "2 articles and 1 story elsewhere");
/// ```
#[must_use]
pub fn story_reports_label(articles: usize, elsewhere: usize, digits: &Digits) -> String {
    let articles = digits.count(articles, "article", "articles");
    if elsewhere == 0 {
        articles
    } else {
        let elsewhere = digits.count(elsewhere, "story", "stories");
        format!("{articles} and {elsewhere} elsewhere")
    }
}

/// How long after the first report another one came, for the story timeline: minutes within
/// the hour, hours and minutes within two days, then days and hours.
///
/// ```
/// use broadsheet_core::view::display::delay_label;
/// assert_eq!(delay_label(0), "at the same time");
/// assert_eq!(delay_label(59), "at the same time");
/// assert_eq!(delay_label(45 * 60), "45 min later");
/// assert_eq!(delay_label(3 * 3600), "3 h later");
/// assert_eq!(delay_label(3 * 3600 + 20 * 60), "3 h 20 min later");
/// assert_eq!(delay_label(50 * 3600), "2 days 2 h later");
/// assert_eq!(delay_label(48 * 3600), "2 days later");
/// ```
#[must_use]
pub fn delay_label(seconds: i64) -> String {
    let minutes = seconds.max(0) / 60;
    let (hours, minutes) = (minutes / 60, minutes % 60);
    match (hours, minutes) {
        (0, 0) => "at the same time".to_owned(),
        (0, m) => format!("{m} min later"),
        (h, 0) if h < 48 => format!("{h} h later"),
        (h, m) if h < 48 => format!("{h} h {m} min later"),
        (h, _) if h % 24 == 0 => format!("{} days later", h / 24),
        (h, _) => format!("{} days {} h later", h / 24, h % 24),
    }
}

/// A heat or quality as text, or [`UNKNOWN_SCORE`] when the source gives none.
#[must_use]
pub fn score_label(score: Option<Score>) -> String {
    score.map_or_else(|| UNKNOWN_SCORE.to_owned(), |s| s.to_string())
}

/// Whether a provider's domain and a link's host name the same site: equal, or one a subdomain
/// of the other (`news.example.com` is `example.com`'s), ignoring case, one `www.` and a final
/// dot.
///
/// ```
/// use broadsheet_core::view::display::same_site;
/// assert!(same_site("example.com", "www.Example.com"));
/// assert!(same_site("example.com", "news.example.com"));
/// assert!(!same_site("example.com", "badexample.com"));
/// ```
#[must_use]
pub fn same_site(domain: &str, host: &str) -> bool {
    let (domain, host) = (normalise_host(domain), normalise_host(host));
    let within = |inner: &str, outer: &str| {
        inner
            .strip_suffix(outer)
            .is_some_and(|rest| rest.ends_with('.'))
    };
    domain == host || within(&host, &domain) || within(&domain, &host)
}

/// The host shown beside an outlet's name: its domain when the link goes to that site, else the
/// host the link really goes to, so a card cannot name one site and link to another. `None`
/// when the source gives no domain.
///
/// ```
/// use broadsheet_core::{view::display::shown_host, text::url::HttpUrl};
/// let link = HttpUrl::parse("https://spoof.example.net/story").expect("valid");
/// assert_eq!(shown_host(Some("times.example.org"), &link).as_deref(), Some("spoof.example.net"));
/// assert_eq!(shown_host(Some("example.net"), &link).as_deref(), Some("example.net"));
/// assert_eq!(shown_host(None, &link), None);
/// ```
#[must_use]
pub fn shown_host(domain: Option<&str>, link: &HttpUrl) -> Option<String> {
    let domain = domain?;
    let host = link.host();
    Some(if same_site(domain, &host) {
        domain.to_owned()
    } else {
        host
    })
}

/// At most `max` characters of a value echoed back to the reader (an id from a link), with `…`
/// when it was cut, so a long link cannot fill the page with its own text.
///
/// ```
/// use broadsheet_core::view::display::clipped;
/// assert_eq!(clipped("abc", 5), "abc");
/// assert_eq!(clipped("abcdef", 3), "abc…");
/// ```
#[must_use]
pub fn clipped(value: &str, max: usize) -> String {
    match value.char_indices().nth(max) {
        Some((end, _)) => format!("{}…", &value[..end]),
        None => value.to_owned(),
    }
}

/// "1200 × 800" when the image's source gives both sides.
#[must_use]
pub fn image_size_label(image: &Image) -> Option<String> {
    Some(format!("{} × {}", image.width?, image.height?))
}

/// A facet's name for one of its values: "Topic", "Provider", …
#[must_use]
pub fn facet_name(facet: Facet) -> &'static str {
    match facet {
        Facet::Topic => "Topic",
        Facet::Provider => "Provider",
        Facet::Category => "Category",
        Facet::Type => "Type",
        Facet::Status => "Status",
    }
}

/// How a sort lists articles, for the line under the heading: "hottest first", …
#[must_use]
pub fn order_label(sort: Sort, order: Order) -> &'static str {
    let asc = order == Order::Asc;
    match sort {
        Sort::Heat if asc => "coolest first",
        Sort::Heat => "hottest first",
        Sort::Date if asc => "oldest first",
        Sort::Date => "newest first",
        Sort::Quality if asc => "lowest quality first",
        Sort::Quality => "highest quality first",
        Sort::Coverage if asc => "least covered first",
        Sort::Coverage => "most covered first",
        Sort::Relevance if asc => "weakest match first",
        Sort::Relevance => "best match first",
    }
}

/// The label of a facet value: the spelling the collection uses, or the key itself for a value
/// the collection does not have.
#[must_use]
pub fn value_label(catalog: &Catalog, facet: Facet, key: &str) -> String {
    let table = catalog.facets().table(facet);
    table.find(key).map_or_else(
        || key.to_owned(),
        |v| {
            let label = &table.values()[v as usize].label;
            distinct_label(&shared_labels(catalog, facet), label, key)
        },
    )
}

/// "2024-01-01 to 2024-01-31", "from 2024-01-01", "until 2024-01-31", or one day.
///
/// ```
/// use broadsheet_core::{view::display::day_range_label, text::time::Day, view::state::DayRange};
/// let d = Day::parse("2024-01-31");
/// assert_eq!(day_range_label(DayRange::new(None, d)), "until 2024-01-31");
/// assert_eq!(day_range_label(DayRange::new(d, d)), "2024-01-31");
/// ```
#[must_use]
pub fn day_range_label(range: DayRange) -> String {
    match (range.min, range.max) {
        (Some(a), Some(b)) if a == b => a.to_string(),
        (Some(a), Some(b)) => format!("{a} to {b}"),
        (Some(a), None) => format!("from {a}"),
        (None, Some(b)) => format!("until {b}"),
        (None, None) => "any date".to_owned(),
    }
}

/// "50 to 80", "at least 50", "at most 80".
#[must_use]
pub fn bounds_label(bounds: Bounds) -> String {
    match (bounds.min, bounds.max) {
        (Some(a), Some(b)) => format!("{a} to {b}"),
        (Some(a), None) => format!("at least {a}"),
        (None, Some(b)) => format!("at most {b}"),
        (None, None) => "any".to_owned(),
    }
}

/// "Covered by 2 to 5 outlets", "Covered by at least 3 outlets", "Covered by 1 outlet".
#[must_use]
pub fn coverage_range_label(range: CountRange) -> String {
    match (range.min, range.max) {
        (Some(a), Some(b)) if a == b => format!("Covered by {}", outlets_label(a)),
        (Some(a), Some(b)) => format!("Covered by {a} to {}", outlets_label(b)),
        (Some(a), None) => format!("Covered by at least {}", outlets_label(a)),
        (None, Some(b)) => format!("Covered by at most {}", outlets_label(b)),
        (None, None) => "Covered by any number of outlets".to_owned(),
    }
}

/// The text of an active filter's chip: "Topic: AI", "Topic: not Sports", "Heat at least 50".
#[must_use]
pub fn filter_label(catalog: &Catalog, filter: &ActiveFilter) -> String {
    match filter {
        ActiveFilter::Query(q) => format!("Search: {}", q.trim()),
        ActiveFilter::Value {
            facet,
            key,
            include,
        } => format!(
            "{}: {}{}",
            facet_name(*facet),
            if *include { "" } else { "not " },
            value_label(catalog, *facet, key)
        ),
        ActiveFilter::Dates(range) => format!("Published {}", day_range_label(*range)),
        ActiveFilter::Preset(preset) => preset.label().to_owned(),
        ActiveFilter::Heat(b) => format!("Heat {}", bounds_label(*b)),
        ActiveFilter::Quality(b) => format!("Quality {}", bounds_label(*b)),
        ActiveFilter::Coverage(r) => coverage_range_label(*r),
    }
}

/// How many filters a page heading names before it says "and N more".
const TITLE_FILTERS: usize = 3;

/// The explore page's heading, which says what the view is: "Top stories" without filters,
/// else the filters' labels (see [`filter_label`]), "Search: ukraine · Topic: AI", naming at
/// most three and counting the rest.
#[must_use]
pub fn view_title(filters: &[String]) -> String {
    if filters.is_empty() {
        return "Top stories".to_owned();
    }
    let mut title = filters
        .iter()
        .take(TITLE_FILTERS)
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(" · ");
    if filters.len() > TITLE_FILTERS {
        title.push_str(&format!(" and {} more", filters.len() - TITLE_FILTERS));
    }
    title
}

/// The days a date histogram bar covers (`start..end` in day numbers, as explore returns them),
/// as an inclusive range of whole days.
#[must_use]
pub fn bar_days(start: f64, end: f64) -> DayRange {
    // Bars hold whole day numbers below 2^31.
    let day = |n: f64| Day::from_number(n as i32);
    DayRange::new(day(start), day(end - 1.0))
}

/// A histogram bar's tooltip: "2024-01-01 to 2024-01-07: 3 articles", "Heat 10 to 20: 1 article".
#[must_use]
pub fn bar_label(what: &str, count: u32, digits: &Digits) -> String {
    format!("{what}: {}", count_label(count as usize, digits))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn image(width: Option<u32>, height: Option<u32>) -> Image {
        Image {
            url: HttpUrl::parse("https://example.com/a.jpg").expect("test url"),
            width,
            height,
            is_cached: false,
            title: None,
        }
    }

    #[test]
    fn a_view_is_titled_by_its_filters() {
        let labels = |n: usize| (1..=n).map(|i| format!("F{i}")).collect::<Vec<_>>();
        assert_eq!(view_title(&[]), "Top stories");
        assert_eq!(
            view_title(&["Search: ukraine".to_owned()]),
            "Search: ukraine"
        );
        assert_eq!(view_title(&labels(3)), "F1 · F2 · F3");
        assert_eq!(view_title(&labels(5)), "F1 · F2 · F3 and 2 more");
    }

    #[test]
    fn counts_put_the_number_first_and_agree_in_number() {
        let d = Digits::new(",");
        assert_eq!(count_label(0, &d), "0 articles");
        assert_eq!(count_label(1, &d), "1 article");
        assert_eq!(count_label(2, &d), "2 articles");
        assert_eq!(count_label(1000, &d), "1,000 articles");
        assert_eq!(
            count_label(9733, &Digits::new("\u{202f}")),
            "9\u{202f}733 articles"
        );
        assert_eq!(count_label(123_456, &Digits::default()), "123456 articles");
        assert_eq!(draft_count_label(1, &d), "1 draft");
        assert_eq!(draft_count_label(3, &d), "3 drafts");
        assert_eq!(
            Digits::new("12").format(1000),
            "1000",
            "digits are no separator"
        );
    }

    #[test]
    fn unknown_scores_show_a_dash() {
        assert_eq!(score_label(None), UNKNOWN_SCORE);
        assert_eq!(score_label(Score::new(72.0).ok()), "72");
        assert_eq!(score_label(Score::new(0.5).ok()), "0.5");
    }

    #[test]
    fn image_size_needs_both_sides() {
        assert_eq!(
            image_size_label(&image(Some(1200), Some(800))).as_deref(),
            Some("1200 × 800")
        );
        assert_eq!(image_size_label(&image(Some(1200), None)), None);
        assert_eq!(image_size_label(&image(None, Some(800))), None);
    }

    #[test]
    fn names_orders_ranges_and_filters() {
        use crate::testing::article;
        assert_eq!(order_label(Sort::Heat, Order::Desc), "hottest first");
        assert_eq!(order_label(Sort::Date, Order::Asc), "oldest first");
        assert_eq!(
            order_label(Sort::Coverage, Order::Desc),
            "most covered first"
        );
        assert_eq!(
            order_label(Sort::Coverage, Order::Asc),
            "least covered first"
        );
        assert_eq!(outlets_label(0), "0 outlets");
        assert_eq!(
            coverage_range_label(CountRange::new(None, Some(1))),
            "Covered by at most 1 outlet"
        );
        assert_eq!(
            coverage_range_label(CountRange::new(Some(4), Some(4))),
            "Covered by 4 outlets"
        );
        let day = |t| Day::parse(t);
        assert_eq!(
            day_range_label(DayRange::new(day("2024-02-01"), day("2024-01-01"))),
            "2024-01-01 to 2024-02-01"
        );
        assert_eq!(
            day_range_label(DayRange::new(day("2024-01-01"), None)),
            "from 2024-01-01"
        );
        assert_eq!(
            bounds_label(Bounds::new(Some(10.5), Some(80.0))),
            "10.5 to 80"
        );
        assert_eq!(bounds_label(Bounds::new(Some(50.0), None)), "at least 50");
        assert_eq!(bounds_label(Bounds::new(None, Some(5.0))), "at most 5");
        let mut a = article("a", None, 0);
        a.topics = vec!["AI".into()];
        let bundle = crate::data::bundle::Bundle::new(vec![a]);
        let value = |facet, key: &str, include| ActiveFilter::Value {
            facet,
            key: key.into(),
            include,
        };
        let cases = [
            (value(Facet::Topic, "ai", true), "Topic: AI"),
            (value(Facet::Topic, "cooking", false), "Topic: not cooking"),
            (
                value(Facet::Provider, "example.com", true),
                "Provider: Example",
            ),
            (ActiveFilter::Query(" robots ".into()), "Search: robots"),
            (
                ActiveFilter::Quality(Bounds::new(None, Some(70.0))),
                "Quality at most 70",
            ),
            (
                ActiveFilter::Dates(DayRange::new(day("2024-03-01"), day("2024-03-01"))),
                "Published 2024-03-01",
            ),
            (
                ActiveFilter::Coverage(CountRange::new(Some(2), Some(5))),
                "Covered by 2 to 5 outlets",
            ),
            (
                ActiveFilter::Coverage(CountRange::new(Some(3), None)),
                "Covered by at least 3 outlets",
            ),
        ];
        for (filter, label) in cases {
            assert_eq!(filter_label(bundle.catalog(), &filter), label);
        }
    }

    #[test]
    fn bars_cover_whole_days() {
        let range = bar_days(19_723.0, 19_730.0);
        assert_eq!(
            range.min.map(|d| d.to_string()).as_deref(),
            Some("2024-01-01")
        );
        assert_eq!(
            range.max.map(|d| d.to_string()).as_deref(),
            Some("2024-01-07")
        );
        assert_eq!(
            bar_label("Heat 10 to 20", 1, &Digits::default()),
            "Heat 10 to 20: 1 article"
        );
    }

    #[test]
    fn an_address_is_listed_once_under_its_first_label() {
        let mut a = crate::testing::article("a", None, 0);
        a.original_url = Some(a.web_url.clone());
        a.amp_web_url = HttpUrl::parse("https://amp.example/a").ok();
        let links: Vec<_> = article_links(&a).iter().map(|(l, _, _)| *l).collect();
        assert_eq!(links, ["Original story", "AMP version"]);
    }
}
