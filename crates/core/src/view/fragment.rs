//! The explore view written down: the query string of `#/?…` links.
//!
//! Format version 1 (a link without `v=` is version 1):
//! `q=<text>&topic=<a>,-<b>&provider=<domain>&category=<c>&type=<t>&status=<s>`
//! `&from=YYYY-MM-DD&to=YYYY-MM-DD&heat=<min>..<max>&quality=<min>..<max>&coverage=<min>..<max>`
//! `&past=day|week|month`
//! `&sort=heat|date|quality|coverage|relevance&order=asc|desc&boost=heat:<0-100>,recent:<0-100>`
//! `&group=story`.
//! `coverage` counts outlets, so its ends are whole numbers.
//! Lists are comma-separated; a leading `-` excludes a value; values are percent-encoded (so a
//! literal comma or leading dash is `%2C` / `%2D`).
//!
//! [`decode`] is total: any input yields a valid state, in time linear in a capped input, with a
//! notice for each thing it ignored. [`encode`] is canonical: fixed key order, defaults omitted,
//! lists sorted, so `decode(encode(s)) == s` and equal views share one link.

use crate::index::facet::Facet;
use crate::text::percent;
use crate::text::time::Day;
use crate::view::state::{Boost, Bounds, CountRange, Order, Preset, Sort, ViewState, MAX_VALUES};

/// The format version this code writes.
pub const VERSION: u32 = 1;
/// Input beyond this many bytes is not read.
pub const MAX_INPUT: usize = 16 * 1024;
/// At most this many `key=value` pairs are read.
const MAX_PAIRS: usize = 64;

/// A decoded view and what was ignored on the way.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Decoded {
    /// The view.
    pub state: ViewState,
    /// One sentence per ignored part, for a small notice.
    pub notices: Vec<String>,
    /// Pairs named by the caller's extra keys (see [`decode_with_extras`]).
    pub extras: Vec<(String, String)>,
}

/// Reads the query part of a link (after `?`; a leading `?` is allowed).
#[must_use]
pub fn decode(input: &str) -> Decoded {
    decode_with_extras(input, &[])
}

/// Like [`decode`], for pages that take settings of their own besides the view (the embed
/// widget's `theme`, the graph's `node`): pairs whose key is in `extras` are not notices but
/// are returned, in order and still percent-encoded, in [`Decoded::extras`].
#[must_use]
pub fn decode_with_extras(input: &str, extras: &[&str]) -> Decoded {
    let mut out = Decoded::default();
    let mut input = input.strip_prefix('?').unwrap_or(input);
    if input.len() > MAX_INPUT {
        let mut end = MAX_INPUT;
        while !input.is_char_boundary(end) {
            end -= 1;
        }
        input = &input[..end];
        out.notices
            .push("the link is too long; only its start was read".into());
    }
    let mut pairs = input.split('&').filter(|p| !p.is_empty());
    let (mut from, mut to) = (None, None);
    for pair in pairs.by_ref().take(MAX_PAIRS) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let key = percent_decode(key, &mut out.notices);
        if extras.contains(&key.as_str()) {
            out.extras.push((key, value.to_owned()));
            continue;
        }
        read_pair(&mut out, &key, value, &mut from, &mut to);
    }
    if pairs.next().is_some() {
        out.notices.push(format!(
            "the link has more than {MAX_PAIRS} settings; the rest were ignored"
        ));
    }
    out.state.set_dates_raw(from, to);
    let boost = out.state.boost();
    let preset = out.state.preset();
    out.state.normalise();
    if out.state.preset() != preset {
        out.notices
            .push("ignored the time preset: the link also names dates, which win".into());
    }
    if out.state.boost() != boost {
        out.notices.push(
            "ignored the boost: it weighs search relevance, so it needs a search and the relevance sort"
                .into(),
        );
    }
    out
}

fn read_pair(
    out: &mut Decoded,
    key: &str,
    raw: &str,
    from: &mut Option<Day>,
    to: &mut Option<Day>,
) {
    let notices = &mut out.notices;
    let state = &mut out.state;
    if let Some(facet) = Facet::from_key(key) {
        let mut dropped = false;
        for item in raw.split(',').filter(|i| !i.is_empty()) {
            let (include, item) = match item.strip_prefix('-') {
                Some(rest) => (false, rest),
                None => (true, item),
            };
            let value = percent_decode(item, notices);
            if !state.add_value(facet, &value, include) {
                dropped = true;
            }
        }
        if dropped {
            notices.push(format!(
                "only the first {MAX_VALUES} “{key}” values were kept"
            ));
        }
        return;
    }
    let value = percent_decode(raw, notices);
    let bad = |notices: &mut Vec<String>| {
        notices.push(format!(
            "ignored “{key}={}”: not a valid value",
            shorten(&value)
        ));
    };
    match key {
        "v" => {
            if value.parse::<u32>().map_or(true, |v| v > VERSION) {
                notices.push("this link was made by a newer version of Broadsheet; some settings may be ignored".into());
            }
        }
        "q" => state.set_query_raw(&value),
        "from" | "to" => match Day::parse(&value) {
            Some(day) if key == "from" => *from = Some(day),
            Some(day) => *to = Some(day),
            None => bad(notices),
        },
        "heat" | "quality" => match parse_bounds(&value) {
            Some(b) if key == "heat" => state.set_heat_raw(b),
            Some(b) => state.set_quality_raw(b),
            None => bad(notices),
        },
        "coverage" => match parse_counts(&value) {
            Some(r) => state.set_coverage_raw(r),
            None => bad(notices),
        },
        "sort" => match Sort::from_key(&value) {
            Some(sort) => state.set_sort_raw(sort),
            None => bad(notices),
        },
        "order" => match value.as_str() {
            "asc" => state.set_order_raw(Order::Asc),
            "desc" => state.set_order_raw(Order::Desc),
            _ => bad(notices),
        },
        "past" => match Preset::from_key(&value) {
            Some(preset) => state.set_preset_raw(preset),
            None => bad(notices),
        },
        "group" => match value.as_str() {
            "story" => state.set_by_story_raw(true),
            _ => bad(notices),
        },
        "boost" => match parse_boost(&value) {
            Some(b) => state.set_boost_raw(b),
            None => bad(notices),
        },
        _ => notices.push(format!("ignored the unknown setting “{}”", shorten(key))),
    }
}

/// `min..max`, either end optional; each a finite number from 0 up.
fn parse_bounds(value: &str) -> Option<Bounds> {
    let (min, max) = value.split_once("..")?;
    let num = |s: &str| -> Result<Option<f64>, ()> {
        if s.is_empty() {
            return Ok(None);
        }
        match s.parse::<f64>() {
            Ok(v) if (0.0..=crate::model::article::MAX_SCORE).contains(&v) => Ok(Some(v)),
            _ => Err(()),
        }
    };
    let b = Bounds::new(num(min).ok()?, num(max).ok()?);
    (!b.is_open()).then_some(b)
}

/// `min..max`, either end optional; each a whole number written in decimal digits.
fn parse_counts(value: &str) -> Option<CountRange> {
    let (min, max) = value.split_once("..")?;
    let num = |s: &str| -> Result<Option<u32>, ()> {
        if s.is_empty() {
            return Ok(None);
        }
        // `u32::from_str` also takes a leading `+`, which the canonical form never writes.
        if !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(());
        }
        s.parse().map(Some).map_err(|_| ())
    };
    let r = CountRange::new(num(min).ok()?, num(max).ok()?);
    (!r.is_open()).then_some(r)
}

/// `heat:30,recent:20`, either part optional, each 0 to 100.
fn parse_boost(value: &str) -> Option<Boost> {
    let mut boost = Boost::default();
    for part in value.split(',') {
        let (name, weight) = part.split_once(':')?;
        let weight: u8 = weight.parse().ok().filter(|w| *w <= 100)?;
        match name {
            "heat" => boost.heat = weight,
            "recent" => boost.recent = weight,
            _ => return None,
        }
    }
    Some(boost)
}

/// Decodes `%XX` escapes and `+` (a space), adding one notice when the encoding is malformed
/// (see [`percent::decode`]).
fn percent_decode(text: &str, notices: &mut Vec<String>) -> String {
    // `+` becomes a space before escapes are read, so an escaped `%2B` stays a plus.
    let decoded = percent::decode(&text.replace('+', " "));
    if decoded.malformed && !notices.iter().any(|n| n.starts_with("malformed")) {
        notices.push("malformed percent-encoding in the link was read as plain text".into());
    }
    decoded.text
}

/// A list value, whose own leading `-` must not read as "exclude".
fn encode_item(value: &str, out: &mut String) {
    match value.strip_prefix('-') {
        Some(rest) => {
            out.push_str("%2D");
            percent::encode_into(rest, out);
        }
        None => percent::encode_into(value, out),
    }
}

/// At most 40 characters of `text`, for a notice that quotes what it ignored.
pub(crate) fn shorten(text: &str) -> String {
    text.chars().take(40).collect()
}

fn number(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        v.to_string()
    }
}

fn bounds(b: Bounds) -> String {
    format!(
        "{}..{}",
        b.min.map(number).unwrap_or_default(),
        b.max.map(number).unwrap_or_default()
    )
}

/// Writes the canonical query string of a view (empty for the default view).
///
/// ```
/// use broadsheet_core::{index::facet::Facet, view::fragment, view::state::{Action, ViewState}};
/// let s = ViewState::default()
///     .apply(Action::SetQuery("face recog".into()))
///     .apply(Action::Include(Facet::Topic, "AI".into(), true))
///     .apply(Action::Exclude(Facet::Topic, "Sports".into(), true));
/// assert_eq!(fragment::encode(&s), "q=face%20recog&topic=ai,-sports");
/// assert_eq!(fragment::decode(&fragment::encode(&s)).state, s);
/// ```
#[must_use]
pub fn encode(state: &ViewState) -> String {
    let mut parts: Vec<String> = Vec::new();
    if !state.query().is_empty() {
        let mut v = String::from("q=");
        percent::encode_into(state.query(), &mut v);
        parts.push(v);
    }
    for facet in Facet::ALL {
        let Some(sel) = state.selection(facet) else {
            continue;
        };
        let mut v = format!("{}=", facet.key());
        let items = sel
            .include
            .iter()
            .map(|k| (true, k))
            .chain(sel.exclude.iter().map(|k| (false, k)));
        for (i, (include, key)) in items.enumerate() {
            if i > 0 {
                v.push(',');
            }
            if !include {
                v.push('-');
            }
            encode_item(key, &mut v);
        }
        parts.push(v);
    }
    let dates = state.dates();
    if let Some(from) = dates.min {
        parts.push(format!("from={from}"));
    }
    if let Some(to) = dates.max {
        parts.push(format!("to={to}"));
    }
    if let Some(preset) = state.preset() {
        parts.push(format!("past={}", preset.key()));
    }
    if !state.heat().is_open() {
        parts.push(format!("heat={}", bounds(state.heat())));
    }
    if !state.quality().is_open() {
        parts.push(format!("quality={}", bounds(state.quality())));
    }
    let coverage = state.coverage();
    if !coverage.is_open() {
        let end = |n: Option<u32>| n.map(|n| n.to_string()).unwrap_or_default();
        parts.push(format!(
            "coverage={}..{}",
            end(coverage.min),
            end(coverage.max)
        ));
    }
    if let Some(sort) = state.chosen_sort() {
        parts.push(format!("sort={}", sort.key()));
    }
    if state.order() == Order::Asc {
        parts.push("order=asc".into());
    }
    let boost = state.boost();
    if !boost.is_none() {
        let mut items = Vec::new();
        if boost.heat > 0 {
            items.push(format!("heat:{}", boost.heat));
        }
        if boost.recent > 0 {
            items.push(format!("recent:{}", boost.recent));
        }
        parts.push(format!("boost={}", items.join(",")));
    }
    if state.by_story() {
        parts.push("group=story".into());
    }
    parts.join("&")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::state::{Action, CountRange, DayRange};

    fn full_state() -> ViewState {
        ViewState::default()
            .apply(Action::SetQuery(
                "\"machine learning\" café, 100% & more".into(),
            ))
            .apply(Action::Include(
                Facet::Topic,
                "Computer Vision".into(),
                true,
            ))
            .apply(Action::Include(Facet::Topic, "a,b".into(), true))
            .apply(Action::Exclude(Facet::Topic, "-dash".into(), true))
            .apply(Action::Include(Facet::Provider, "example.com".into(), true))
            .apply(Action::Include(Facet::Category, "news".into(), true))
            .apply(Action::Exclude(Facet::Type, "video".into(), true))
            .apply(Action::Include(Facet::Status, "draft".into(), true))
            .apply(Action::SetDates(DayRange::new(
                Day::parse("2024-01-01"),
                Day::parse("2024-06-30"),
            )))
            .apply(Action::SetHeat(Bounds::new(Some(50.0), None)))
            .apply(Action::SetQuality(Bounds::new(Some(10.5), Some(90.0))))
            .apply(Action::SetCoverage(CountRange::new(Some(2), Some(6))))
            .apply(Action::SetOrder(Order::Asc))
            .apply(Action::SetBoost(Boost::new(30, 20)))
    }

    #[test]
    fn encodes_every_setting_canonically() {
        assert_eq!(
            encode(&full_state()),
            "q=%22machine%20learning%22%20caf%C3%A9%2C%20100%25%20%26%20more\
             &topic=a%2Cb,computer%20vision,-%2Ddash&provider=example.com&category=news&type=-video\
             &status=draft&from=2024-01-01&to=2024-06-30&heat=50..&quality=10.5..90\
             &coverage=2..6&order=asc&boost=heat:30,recent:20"
        );
        assert_eq!(encode(&ViewState::default()), "");
        // The boost weighs relevance only, so the sort has a state of its own.
        let dated = full_state().apply(Action::SetSort(Sort::Date));
        assert!(encode(&dated).ends_with("&coverage=2..6&sort=date"));
    }

    #[test]
    fn round_trips() {
        let s = full_state();
        let d = decode(&encode(&s));
        assert_eq!(d.state, s);
        assert!(d.notices.is_empty(), "{:?}", d.notices);
    }

    #[test]
    fn reads_the_documented_examples() {
        let d = decode("?q=face&topic=AI,-Sports&heat=50..&sort=date&order=asc");
        assert!(d.notices.is_empty());
        let topic = d.state.selection(Facet::Topic).expect("topics");
        assert!(topic.include.contains("ai") && topic.exclude.contains("sports"));
        assert_eq!(d.state.heat(), Bounds::new(Some(50.0), None));
        assert_eq!((d.state.sort(), d.state.order()), (Sort::Date, Order::Asc));
        assert_eq!(decode("q=a+b").state.query(), "a b");
    }

    #[test]
    fn ignores_junk_with_notices_and_never_panics() {
        let cases = [
            "heat=abc",
            "heat=..",
            "heat=-5..",
            "heat=1e999..",
            "from=2024-02-30",
            "sort=loudest",
            "order=sideways",
            "boost=heat:500",
            "boost=x",
            "coverage=..",
            "coverage=x..",
            "coverage=-1..",
            "coverage=+2..",
            "coverage=1.5..",
            "coverage=99999999999..",
            "coverage=3",
            "nonsense=1",
            "q=%E0%A4%A",
            "q=%ZZ",
            "%%%=%%%",
            "q=%FF%FE",
            "v=99",
        ];
        for case in cases {
            let d = decode(case);
            assert!(!d.notices.is_empty(), "{case} should leave a notice");
        }
        assert_eq!(decode("q=%ZZ").state.query(), "%ZZ");
    }

    #[test]
    fn extra_keys_are_handed_back_not_noticed() {
        let d = decode_with_extras("topic=ai&theme=dark&limit=5&zzz=1", &["theme", "limit"]);
        assert_eq!(
            d.extras,
            [
                ("theme".to_owned(), "dark".to_owned()),
                ("limit".to_owned(), "5".to_owned())
            ]
        );
        assert_eq!(d.notices.len(), 1, "only zzz is unknown");
        assert!(d.state.selection(Facet::Topic).is_some());
        assert!(decode("theme=dark")
            .notices
            .iter()
            .any(|n| n.contains("theme")));
    }

    #[test]
    fn huge_inputs_are_bounded() {
        let junk = "x".repeat(100_000);
        let d = decode(&junk);
        assert!(d.notices.iter().any(|n| n.contains("too long")));
        let many = format!(
            "topic={}",
            (0..10_000)
                .map(|i| format!("t{i}"))
                .collect::<Vec<_>>()
                .join(",")
        );
        let d = decode(&many);
        assert!(d
            .state
            .selection(Facet::Topic)
            .is_some_and(|s| s.include.len() <= MAX_VALUES));
        let pairs = (0..1000)
            .map(|i| format!("k{i}=1"))
            .collect::<Vec<_>>()
            .join("&");
        assert!(decode(&pairs)
            .notices
            .iter()
            .any(|n| n.contains("more than")));
    }

    #[test]
    fn reads_coverage_ranges() {
        let range = |link: &str| decode(link).state.coverage();
        assert_eq!(range("coverage=3.."), CountRange::new(Some(3), None));
        assert_eq!(range("coverage=..5"), CountRange::new(None, Some(5)));
        assert_eq!(range("coverage=6..2"), CountRange::new(Some(2), Some(6)));
        assert_eq!(encode(&decode("coverage=6..2").state), "coverage=2..6");
        assert_eq!(encode(&decode("coverage=007..").state), "coverage=7..");
        assert_eq!(
            encode(&decode("sort=coverage&order=asc").state),
            "sort=coverage&order=asc"
        );
    }

    #[test]
    fn equal_views_have_equal_links() {
        let a = decode("topic=Robots,AI&heat=80..10");
        let b = decode("heat=10..80&topic=ai,robots");
        assert_eq!(a.state, b.state);
        assert_eq!(encode(&a.state), "topic=ai,robots&heat=10..80");
        assert_eq!(
            encode(&decode("sort=heat").state),
            "",
            "the default sort is not written"
        );
        assert_eq!(
            encode(&decode("sort=relevance").state),
            "",
            "relevance needs a query"
        );
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        fn action() -> impl Strategy<Value = Action> {
            let facet = prop::sample::select(Facet::ALL.to_vec());
            prop_oneof![
                any::<String>().prop_map(Action::SetQuery),
                (facet.clone(), any::<String>(), any::<bool>())
                    .prop_map(|(f, v, on)| Action::Include(f, v, on)),
                (facet, any::<String>(), any::<bool>())
                    .prop_map(|(f, v, on)| Action::Exclude(f, v, on)),
                (any::<Option<i32>>(), any::<Option<i32>>()).prop_map(|(a, b)| Action::SetDates(
                    DayRange::new(
                        a.and_then(|n| Day::from_number(n % 2_000_000)),
                        b.and_then(|n| Day::from_number(n % 2_000_000)),
                    )
                )),
                (any::<Option<f64>>(), any::<Option<f64>>())
                    .prop_map(|(a, b)| Action::SetHeat(Bounds::new(a, b))),
                (any::<Option<u16>>(), any::<Option<u16>>()).prop_map(|(a, b)| Action::SetQuality(
                    Bounds::new(a.map(|x| f64::from(x) / 8.0), b.map(f64::from),)
                )),
                prop::sample::select(Sort::ALL.to_vec()).prop_map(Action::SetSort),
                any::<bool>().prop_map(|asc| Action::SetOrder(if asc {
                    Order::Asc
                } else {
                    Order::Desc
                })),
                (any::<u8>(), any::<u8>()).prop_map(|(h, r)| Action::SetBoost(Boost::new(h, r))),
                (any::<Option<u32>>(), any::<Option<u32>>())
                    .prop_map(|(a, b)| Action::SetCoverage(CountRange::new(a, b))),
            ]
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(2000))]

            #[test]
            fn decode_of_encode_is_identity(actions in prop::collection::vec(action(), 0..12)) {
                let state = actions.into_iter().fold(ViewState::default(), |s, a| s.apply(a));
                let link = encode(&state);
                let back = decode(&link);
                prop_assert_eq!(&back.state, &state, "link: {}", link);
                prop_assert!(back.notices.is_empty(), "link: {} notices: {:?}", link, back.notices);
                prop_assert_eq!(encode(&back.state), link);
            }

            #[test]
            fn decode_is_total(input in ".{0,400}") {
                let d = decode(&input);
                let again = decode(&encode(&d.state));
                prop_assert_eq!(again.state, d.state);
            }
        }
    }

    #[test]
    fn a_boost_without_relevance_is_dropped_with_a_notice() {
        let d = decode("boost=heat:100,recent:20");
        assert!(d.state.boost().is_none());
        assert_eq!(d.notices.len(), 1);
        assert!(d.notices[0].contains("boost"), "{:?}", d.notices);
        let kept = decode("q=robots&boost=heat:100");
        assert_eq!(kept.state.boost(), Boost::new(100, 0));
        assert!(kept.notices.is_empty());
    }

    #[test]
    fn presets_and_grouping_round_trip() {
        let d = decode("group=story&past=week&q=x");
        assert_eq!(d.state.preset(), Some(Preset::Week));
        assert!(d.state.by_story());
        assert_eq!(encode(&d.state), "q=x&past=week&group=story");
        assert!(d.notices.is_empty());
        let d = decode("past=week&from=2024-01-01");
        assert_eq!((d.state.preset(), d.notices.len()), (None, 1));
        assert_eq!(decode("past=year").notices.len(), 1);
        assert_eq!(decode("group=outlet").notices.len(), 1);
    }
}
