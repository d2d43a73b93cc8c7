//! The embed widget's own settings (`#/embed?<view>&story=…&facets=…&theme=…&limit=…`) and the
//! snippets that put a widget on another site. A widget shows a view's first results, or with
//! `story=<article id>` that story's reports in the order they came (see [`crate::graph::story`]).
//!
//! The view part is [`crate::view::fragment`]'s; this module reads the three keys the widget adds,
//! which [`crate::view::fragment::decode_with_extras`] hands back still percent-encoded. Reading is
//! total (a bad value is a notice and the default) and writing is canonical (fixed key order,
//! defaults left out, facets in [`Facet::ALL`] order), like the view's own codec.

use crate::index::facet::Facet;
use crate::text::escape::markup;
use crate::text::percent;
use crate::text::url::MAX_URL_LEN;
use crate::view::fragment;
use crate::view::state::ViewState;

/// The keys the widget reads besides the view's, in the order they are written.
pub const KEYS: [&str; 4] = ["story", "facets", "theme", "limit"];
/// How many results a widget lists when the link does not say.
pub const DEFAULT_LIMIT: usize = 10;
/// The most results a widget lists: it is a teaser of a view, not the whole app.
pub const MAX_LIMIT: usize = 100;

/// Light or dark colours, or whichever the reader's system prefers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Theme {
    /// Follow `prefers-color-scheme`.
    #[default]
    Auto,
    /// Dark text on light paper.
    Light,
    /// Light text on a dark background.
    Dark,
}

impl Theme {
    /// Every theme, in the order a chooser lists them.
    pub const ALL: [Self; 3] = [Self::Auto, Self::Light, Self::Dark];

    /// The value in links and in the `data-theme` attribute.
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Self::Auto => "auto",
            Self::Light => "light",
            Self::Dark => "dark",
        }
    }

    /// The theme a link or stored setting names.
    #[must_use]
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.key() == key)
    }

    /// What a chooser calls it.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Auto => "Follow the system",
            Self::Light => "Light",
            Self::Dark => "Dark",
        }
    }
}

/// The widget's settings. The fields are private so every value is in range: build one with
/// [`EmbedOptions::new`] or read one with [`EmbedOptions::from_extras`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct EmbedOptions {
    story: Option<String>,
    facets: Vec<Facet>,
    theme: Theme,
    limit: usize,
}

impl Default for EmbedOptions {
    fn default() -> Self {
        Self {
            story: None,
            facets: Vec::new(),
            theme: Theme::Auto,
            limit: DEFAULT_LIMIT,
        }
    }
}

/// Settings read from a link, and what was ignored on the way.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Read {
    /// The settings.
    pub options: EmbedOptions,
    /// One sentence per ignored or corrected part.
    pub notices: Vec<String>,
}

impl EmbedOptions {
    /// Settings with these facet panels (deduplicated, in [`Facet::ALL`] order), theme and
    /// result limit (clamped to `1..=MAX_LIMIT`).
    ///
    /// ```
    /// use broadsheet_core::view::embed::{EmbedOptions, Theme};
    /// use broadsheet_core::index::facet::Facet;
    /// let o = EmbedOptions::new([Facet::Provider, Facet::Topic, Facet::Topic], Theme::Dark, 500);
    /// assert_eq!(o.facets(), [Facet::Topic, Facet::Provider]);
    /// assert_eq!(o.limit(), 100);
    /// ```
    #[must_use]
    pub fn new(facets: impl IntoIterator<Item = Facet>, theme: Theme, limit: usize) -> Self {
        let chosen: Vec<Facet> = facets.into_iter().collect();
        Self {
            story: None,
            facets: Facet::ALL
                .into_iter()
                .filter(|f| chosen.contains(f))
                .collect(),
            theme,
            limit: limit.clamp(1, MAX_LIMIT),
        }
    }

    /// These settings for a widget of the story of the article with id `key` (see
    /// [`crate::graph::story`]), or of a view's results when `None`. An empty key is `None`.
    ///
    /// ```
    /// use broadsheet_core::view::embed::EmbedOptions;
    /// let o = EmbedOptions::default().with_story(Some("a b".into()));
    /// assert_eq!(o.story(), Some("a b"));
    /// assert_eq!(o.encode(), "story=a%20b");
    /// ```
    #[must_use]
    pub fn with_story(mut self, key: Option<String>) -> Self {
        self.story = key.filter(|k| !k.is_empty());
        self
    }

    /// The id of an article whose story the widget shows, if it shows one.
    #[must_use]
    pub fn story(&self) -> Option<&str> {
        self.story.as_deref()
    }

    /// The facets whose panels the widget shows, in display order.
    #[must_use]
    pub fn facets(&self) -> &[Facet] {
        &self.facets
    }

    /// The colours.
    #[must_use]
    pub fn theme(&self) -> Theme {
        self.theme
    }

    /// How many results the widget lists.
    #[must_use]
    pub fn limit(&self) -> usize {
        self.limit
    }

    /// Reads the widget's pairs, as [`crate::view::fragment::decode_with_extras`] returns them
    /// (keys decoded, values still percent-encoded). A later pair wins over an earlier one with the
    /// same key; unknown facets, themes and non-numbers are ignored with a notice, and a limit
    /// out of range is clamped with one.
    ///
    /// ```
    /// use broadsheet_core::view::embed::{EmbedOptions, Theme};
    /// let extras = [("theme".to_owned(), "dark".to_owned()), ("limit".to_owned(), "x".to_owned())];
    /// let read = EmbedOptions::from_extras(&extras);
    /// assert_eq!(read.options.theme(), Theme::Dark);
    /// assert_eq!(read.options.limit(), 10);
    /// assert_eq!(read.notices.len(), 1);
    /// ```
    #[must_use]
    pub fn from_extras(extras: &[(String, String)]) -> Read {
        let mut notices = Vec::new();
        let mut story = None;
        let mut facets = Vec::new();
        let mut theme = Theme::Auto;
        let mut limit = DEFAULT_LIMIT;
        for (key, raw) in extras {
            let value = percent::decode(&raw.replace('+', " ")).text;
            let value = value.trim();
            let bad = |notices: &mut Vec<String>| {
                notices.push(format!(
                    "ignored “{key}={}”: not a valid value",
                    value.chars().take(40).collect::<String>()
                ));
            };
            match key.as_str() {
                "story" if raw.len() > MAX_URL_LEN => {
                    notices.push("the link is too long to name a story".to_owned());
                }
                // An id is taken as written (ids may have spaces at either end).
                "story" => story = Some(percent::decode(raw).text),
                "facets" => {
                    facets.clear();
                    for name in value.split(',').map(str::trim).filter(|n| !n.is_empty()) {
                        match Facet::from_key(&name.to_ascii_lowercase()) {
                            Some(facet) => facets.push(facet),
                            None => notices.push(format!(
                                "ignored the unknown facet “{}”",
                                name.chars().take(40).collect::<String>()
                            )),
                        }
                    }
                }
                "theme" => match Theme::from_key(&value.to_ascii_lowercase()) {
                    Some(t) => theme = t,
                    None => bad(&mut notices),
                },
                "limit" => match value.parse::<u64>() {
                    Ok(0) | Err(_) => bad(&mut notices),
                    Ok(n) => {
                        let n = usize::try_from(n).unwrap_or(usize::MAX);
                        if n > MAX_LIMIT {
                            notices.push(format!("showing at most {MAX_LIMIT} results"));
                        }
                        limit = n;
                    }
                },
                // Only the widget's own keys are handed over; anything else is not ours to read.
                _ => {}
            }
        }
        Read {
            options: Self::new(facets, theme, limit).with_story(story),
            notices,
        }
    }

    /// The canonical query string of these settings (empty for the defaults).
    ///
    /// ```
    /// use broadsheet_core::view::embed::{EmbedOptions, Theme};
    /// use broadsheet_core::index::facet::Facet;
    /// let o = EmbedOptions::new([Facet::Provider, Facet::Topic], Theme::Light, 5);
    /// assert_eq!(o.encode(), "facets=topic,provider&theme=light&limit=5");
    /// assert_eq!(EmbedOptions::default().encode(), "");
    /// ```
    #[must_use]
    pub fn encode(&self) -> String {
        let mut parts = Vec::new();
        if let Some(story) = &self.story {
            let mut part = String::from("story=");
            percent::encode_into(story, &mut part);
            parts.push(part);
        }
        if !self.facets.is_empty() {
            let names: Vec<&str> = self.facets.iter().map(|f| f.key()).collect();
            parts.push(format!("facets={}", names.join(",")));
        }
        if self.theme != Theme::Auto {
            parts.push(format!("theme={}", self.theme.key()));
        }
        if self.limit != DEFAULT_LIMIT {
            parts.push(format!("limit={}", self.limit));
        }
        parts.join("&")
    }
}

/// The query string of a widget showing `state` with `options`: the view's keys, then the
/// widget's. This is what follows `#/embed?` and what an embed snippet's `data-view` holds.
///
/// ```
/// use broadsheet_core::view::embed::{query, EmbedOptions, Theme};
/// use broadsheet_core::view::fragment;
/// let state = fragment::decode("topic=AI&sort=date").state;
/// let options = EmbedOptions::new([], Theme::Dark, 10);
/// assert_eq!(query(&state, &options), "topic=ai&sort=date&theme=dark");
/// ```
#[must_use]
pub fn query(state: &ViewState, options: &EmbedOptions) -> String {
    let view = fragment::encode(state);
    let own = options.encode();
    match (view.is_empty(), own.is_empty()) {
        (_, true) => view,
        (true, false) => own,
        (false, false) => format!("{view}&{own}"),
    }
}

/// The script form of an embed snippet: `base` is the deployment's address (its folder, ending
/// in `/`), `view_query` the widget's query string (see [`query`]). Every value is escaped, so
/// the snippet is well-formed HTML whatever it holds.
///
/// ```
/// use broadsheet_core::view::embed::script_snippet;
/// assert_eq!(
///     script_snippet("https://example.org/news/", "topic=ai&limit=5"),
///     r#"<script src="https://example.org/news/embed.js" data-view="topic=ai&amp;limit=5" async></script>"#
/// );
/// ```
#[must_use]
pub fn script_snippet(base: &str, view_query: &str) -> String {
    format!(
        "<script src=\"{}embed.js\" data-view=\"{}\" async></script>",
        markup(base),
        markup(view_query)
    )
}

/// The plain iframe form of an embed snippet, for pages that allow no scripts: the same widget
/// at a fixed height (it cannot grow to its content without the script), sandboxed like the
/// script's own iframe.
///
/// ```
/// use broadsheet_core::view::embed::iframe_snippet;
/// let html = iframe_snippet("https://example.org/news/", "q=a%20b&theme=dark");
/// assert!(html.starts_with(r#"<iframe src="https://example.org/news/#/embed?q=a%20b&amp;theme=dark""#));
/// assert!(html.contains(r#"sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox""#));
/// ```
#[must_use]
pub fn iframe_snippet(base: &str, view_query: &str) -> String {
    format!(
        "<iframe src=\"{}\" title=\"Broadsheet articles\" width=\"100%\" height=\"480\" \
         loading=\"lazy\" referrerpolicy=\"no-referrer\" \
         sandbox=\"allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox\" \
         style=\"border:0\"></iframe>",
        markup(&widget_url(base, view_query))
    )
}

/// The address of the widget page for `view_query` at the deployment `base`.
///
/// ```
/// use broadsheet_core::view::embed::widget_url;
/// assert_eq!(widget_url("https://example.org/", ""), "https://example.org/#/embed");
/// assert_eq!(widget_url("https://example.org/", "limit=5"), "https://example.org/#/embed?limit=5");
/// ```
#[must_use]
pub fn widget_url(base: &str, view_query: &str) -> String {
    if view_query.is_empty() {
        format!("{base}#/embed")
    } else {
        format!("{base}#/embed?{view_query}")
    }
}

/// Reads the share dialog's "Results" field: a whole number of results from 1 to
/// [`MAX_LIMIT`], or why the text is not one (the widget then keeps its last valid count).
///
/// ```
/// use broadsheet_core::view::embed::limit_entry;
/// assert_eq!(limit_entry(" 25 "), Ok(25));
/// assert!(limit_entry("0").is_err());
/// assert!(limit_entry("500").is_err());
/// assert!(limit_entry("").is_err());
/// ```
pub fn limit_entry(text: &str) -> Result<usize, String> {
    let text = text.trim();
    let wanted = || format!("a whole number from 1 to {MAX_LIMIT}");
    if text.is_empty() {
        return Err(format!("Enter {}.", wanted()));
    }
    match text.parse::<usize>() {
        Ok(n) if (1..=MAX_LIMIT).contains(&n) => Ok(n),
        Ok(0) => Err(format!(
            "A widget shows at least 1 result: enter {}.",
            wanted()
        )),
        Ok(_) => Err(format!(
            "A widget shows at most {MAX_LIMIT} results: enter {}.",
            wanted()
        )),
        Err(_) => Err(format!(
            "“{}” is not {}.",
            text.chars().take(20).collect::<String>(),
            wanted()
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn extras(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn defaults_to_ten_results_no_facets_and_the_system_theme() {
        let read = EmbedOptions::from_extras(&[]);
        assert_eq!(read.options, EmbedOptions::default());
        assert_eq!(read.options.limit(), DEFAULT_LIMIT);
        assert_eq!(read.options.theme(), Theme::Auto);
        assert!(read.options.facets().is_empty());
        assert!(read.notices.is_empty());
    }

    #[test]
    fn reads_every_setting() {
        let read = EmbedOptions::from_extras(&extras(&[
            ("facets", "provider,topic"),
            ("theme", "dark"),
            ("limit", "25"),
        ]));
        assert!(read.notices.is_empty(), "{:?}", read.notices);
        assert_eq!(read.options.facets(), [Facet::Topic, Facet::Provider]);
        assert_eq!(read.options.theme(), Theme::Dark);
        assert_eq!(read.options.limit(), 25);
    }

    #[test]
    fn reads_encoded_and_loosely_spelled_values() {
        let read = EmbedOptions::from_extras(&extras(&[
            ("facets", "Topic%2C%20Category,,"),
            ("theme", "LIGHT"),
            ("limit", "%35"),
        ]));
        assert!(read.notices.is_empty(), "{:?}", read.notices);
        assert_eq!(read.options.facets(), [Facet::Topic, Facet::Category]);
        assert_eq!(read.options.theme(), Theme::Light);
        assert_eq!(read.options.limit(), 5);
    }

    #[test]
    fn ignores_bad_values_with_a_notice_each() {
        let cases: [(&[(&str, &str)], usize); 7] = [
            (&[("theme", "sepia")], 1),
            (&[("limit", "0")], 1),
            (&[("limit", "-3")], 1),
            (&[("limit", "ten")], 1),
            (&[("limit", "")], 1),
            (&[("facets", "topic,colour,mood")], 2),
            (&[("theme", "%FF")], 1),
        ];
        for (pairs, notices) in cases {
            let read = EmbedOptions::from_extras(&extras(pairs));
            assert_eq!(read.notices.len(), notices, "{pairs:?}: {:?}", read.notices);
            assert_eq!(read.options.theme(), Theme::Auto, "{pairs:?}");
            assert_eq!(read.options.limit(), DEFAULT_LIMIT, "{pairs:?}");
        }
    }

    #[test]
    fn clamps_a_large_limit_and_says_so() {
        for raw in ["101", "5000", "99999999999999999999999"] {
            let read = EmbedOptions::from_extras(&extras(&[("limit", raw)]));
            // The last one does not fit a u64: it is not a number this reader takes.
            if raw.len() > 19 {
                assert_eq!(read.options.limit(), DEFAULT_LIMIT);
            } else {
                assert_eq!(read.options.limit(), MAX_LIMIT, "{raw}");
            }
            assert_eq!(read.notices.len(), 1, "{raw}: {:?}", read.notices);
        }
        assert_eq!(EmbedOptions::new([], Theme::Auto, 0).limit(), 1);
    }

    #[test]
    fn reads_and_writes_the_story_a_widget_shows() {
        let cases = [
            (
                "2024%2F05%2Fspring",
                Some("2024/05/spring"),
                "story=2024%2F05%2Fspring",
            ),
            ("a%20b%26c", Some("a b&c"), "story=a%20b%26c"),
            ("", None, ""),
        ];
        for (raw, story, encoded) in cases {
            let read = EmbedOptions::from_extras(&extras(&[("story", raw)]));
            assert!(read.notices.is_empty(), "{raw}: {:?}", read.notices);
            assert_eq!(read.options.story(), story, "{raw}");
            assert_eq!(read.options.encode(), encoded, "{raw}");
        }
        let long = "x".repeat(MAX_URL_LEN + 1);
        let read = EmbedOptions::from_extras(&extras(&[("story", &long)]));
        assert_eq!(read.options.story(), None);
        assert_eq!(read.notices, ["the link is too long to name a story"]);
        let both = EmbedOptions::new([Facet::Topic], Theme::Dark, 3).with_story(Some("k".into()));
        assert_eq!(both.encode(), "story=k&facets=topic&theme=dark&limit=3");
    }

    #[test]
    fn a_later_pair_wins() {
        let read = EmbedOptions::from_extras(&extras(&[
            ("theme", "dark"),
            ("facets", "topic"),
            ("theme", "light"),
            ("facets", "provider"),
        ]));
        assert_eq!(read.options.theme(), Theme::Light);
        assert_eq!(read.options.facets(), [Facet::Provider]);
    }

    #[test]
    fn writes_canonically_in_a_fixed_order() {
        let o = EmbedOptions::new(
            [Facet::Status, Facet::Provider, Facet::Topic],
            Theme::Dark,
            3,
        );
        assert_eq!(
            o.encode(),
            "facets=topic,provider,status&theme=dark&limit=3"
        );
        assert_eq!(
            EmbedOptions::new([], Theme::Auto, DEFAULT_LIMIT).encode(),
            ""
        );
        assert_eq!(
            EmbedOptions::new([], Theme::Light, 10).encode(),
            "theme=light"
        );
    }

    #[test]
    fn joins_the_view_and_the_widget_settings() {
        let view = fragment::decode("q=robots&topic=AI").state;
        let none = EmbedOptions::default();
        let some = EmbedOptions::new([Facet::Topic], Theme::Auto, 4);
        assert_eq!(query(&ViewState::default(), &none), "");
        assert_eq!(query(&view, &none), "q=robots&topic=ai");
        assert_eq!(query(&ViewState::default(), &some), "facets=topic&limit=4");
        assert_eq!(
            query(&view, &some),
            "q=robots&topic=ai&facets=topic&limit=4"
        );
    }

    #[test]
    fn snippets_escape_what_they_quote() {
        let script = script_snippet("https://h.example/a\"b/", "q=%3C&x=\"><script>");
        assert_eq!(
            script,
            "<script src=\"https://h.example/a&quot;b/embed.js\" \
             data-view=\"q=%3C&amp;x=&quot;&gt;&lt;script&gt;\" async></script>"
        );
        let frame = iframe_snippet("https://h.example/", "a=1&b='");
        assert!(
            frame.contains("src=\"https://h.example/#/embed?a=1&amp;b=&#39;\""),
            "{frame}"
        );
        assert_eq!(frame.matches('<').count(), 2, "{frame}");
    }

    fn arb_options() -> impl Strategy<Value = EmbedOptions> {
        (
            proptest::option::of(".{0,20}"),
            proptest::collection::vec(0..Facet::ALL.len(), 0..7),
            0..Theme::ALL.len(),
            0..200usize,
        )
            .prop_map(|(story, facets, theme, limit)| {
                EmbedOptions::new(
                    facets.into_iter().map(|i| Facet::ALL[i]),
                    Theme::ALL[theme],
                    limit,
                )
                .with_story(story)
            })
    }

    proptest! {
        #[test]
        fn round_trips_through_a_link(options in arb_options()) {
            let encoded = options.encode();
            let decoded = fragment::decode_with_extras(&encoded, &KEYS);
            prop_assert!(decoded.notices.is_empty());
            let read = EmbedOptions::from_extras(&decoded.extras);
            prop_assert!(read.notices.is_empty());
            prop_assert_eq!(&read.options, &options);
            prop_assert_eq!(read.options.encode(), encoded);
        }

        #[test]
        fn reads_any_text_without_panicking(key in 0..KEYS.len(), value in ".{0,60}") {
            let read = EmbedOptions::from_extras(&[(KEYS[key].to_owned(), value)]);
            prop_assert!((1..=MAX_LIMIT).contains(&read.options.limit()));
        }
    }
}
