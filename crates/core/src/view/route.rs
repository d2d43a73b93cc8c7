//! Which page a `#...` fragment names, and the fragment that names a page.
//!
//! The app has no server to route for it, so the hash is the whole address: `#/` is the
//! explore view, `#/?<query>` the same view narrowed by a query string that
//! [`crate::view::fragment`] reads and writes, `#/article/<id>` one article,
//! `#/graph?<query>&node=<key>` the graph of a view's related stories, `#/story/<key>?<query>` the
//! whole coverage of one story (see [`crate::graph::story`]), `#/embed?<query>` the compact widget
//! that other sites frame (the view's keys plus [`crate::view::embed`]'s), and `#/saved` the
//! reader's saved views (see [`crate::view::saved`]). Parsing is total: whatever a reader pastes or
//! a tool appends, [`Route::parse`] returns a page (junk opens the explore view) with notices for
//! what it ignored, and never panics. [`Route::to_hash`] writes the one canonical spelling, so
//! equal pages have equal links.

use crate::text::percent;
use crate::text::url::MAX_URL_LEN;
use crate::view::embed::{self, EmbedOptions};
use crate::view::fragment;
use crate::view::state::ViewState;

/// The path prefix of an article page, after `#/`.
const ARTICLE_PREFIX: &str = "article/";
/// The path of the graph view, after `#/`.
const GRAPH_PATH: &str = "graph";
/// The graph view's own setting: the selected node.
const NODE_KEY: &str = "node";
/// The path prefix of a story page, after `#/`.
const STORY_PREFIX: &str = "story/";
/// The path of the embed widget, after `#/`.
const EMBED_PATH: &str = "embed";
/// The path of the saved views page, after `#/`.
const SAVED_PATH: &str = "saved";

/// A page of the app.
#[derive(Debug, Clone, PartialEq)]
pub enum Route {
    /// The explore view: `#/`, the empty hash, or `#/?<query>` (see [`crate::view::fragment`]).
    Explore(ViewState),
    /// One article's page, `#/article/<id>`, holding the percent-decoded id. The id is not
    /// checked here: an id that names no article is the article page's "not found" case, and
    /// it shows the id the reader asked for.
    Article(String),
    /// The graph of a view's articles and their related outside stories, `#/graph` or
    /// `#/graph?<query>&node=<key>`: the view, read as [`crate::view::fragment`] reads the explore
    /// view's, and the percent-decoded key of the selected node (an article id, or `o<k>` for
    /// an outside story; see [`crate::graph::picture::node_key`]). The key is not checked here: one
    /// that names no node selects nothing.
    Graph(ViewState, Option<String>),
    /// The embed widget, `#/embed` or `#/embed?<query>`: a view and the widget's own settings
    /// (see [`crate::view::embed`]).
    Embed(ViewState, EmbedOptions),
    /// The reader's saved views, `#/saved` (see [`crate::view::saved`]).
    Saved,
    /// One story's whole coverage, `#/story/<key>` or `#/story/<key>?<query>`: the
    /// percent-decoded key (the id of one of its articles; links Broadsheet writes use the
    /// earliest's, see [`crate::graph::story::key_article`]) and a view, read as the explore
    /// view's, whose filters narrow the story's articles. Like an article id, the key is not
    /// checked here: one that names no article is the story page's "no such story" case.
    Story(String, ViewState),
}

impl Default for Route {
    fn default() -> Self {
        Self::Explore(ViewState::default())
    }
}

/// Where keyboard focus goes when the app moves from one route to another, so a keyboard or
/// screen-reader user lands on the new page rather than on `<body>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arrival {
    /// The same page with another view (typing, a filter, a selected node): focus stays on the
    /// control the reader is using.
    Stay,
    /// A new page: focus its heading, and name it to screen readers.
    Heading,
    /// Back from an article to the list or graph it was opened from: focus that article's link
    /// in the list (its heading, when the link is not shown), where the reader left off.
    Card(String),
}

/// A page read from a hash, and what was ignored on the way.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Parsed {
    /// The page.
    pub route: Route,
    /// One sentence per ignored part, for a small notice; empty for a clean link.
    pub notices: Vec<String>,
}

/// A notice shows at most this many lines, the last saying how many more there were.
pub const MAX_NOTICES: usize = 5;

/// The notices once, in order, at most [`MAX_NOTICES`] of them: a link of thousands of bad
/// values (`facets=zz,zz,…`) gives a short note, not thousands of lines.
fn capped(notices: Vec<String>) -> Vec<String> {
    let mut kept: Vec<String> = Vec::with_capacity(MAX_NOTICES);
    let mut more = 0usize;
    for notice in notices {
        if kept.contains(&notice) {
            continue;
        }
        if kept.len() < MAX_NOTICES {
            kept.push(notice);
        } else {
            more += 1;
        }
    }
    if more > 0 {
        kept.push(if more == 1 {
            "and 1 more thing".to_owned()
        } else {
            format!("and {more} more things")
        });
    }
    kept
}

impl Route {
    /// The page a hash names, with or without its leading `#`, and notices for what the view's
    /// query string held that was ignored.
    ///
    /// An unknown path or an empty article id is the default explore view, with a notice naming
    /// what was asked for; an article hash longer
    /// than [`MAX_URL_LEN`] is too (no real link is that long), and a long query string is read
    /// up to [`fragment::MAX_INPUT`] bytes. Both say so in a notice.
    ///
    /// ```
    /// use broadsheet_core::view::route::Route;
    /// let parsed = Route::parse("#/?q=robots&zzz=1");
    /// assert_eq!(parsed.route.to_hash(), "#/?q=robots");
    /// assert_eq!(parsed.notices, ["ignored the unknown setting “zzz”"]);
    /// ```
    #[must_use]
    pub fn parse(hash: &str) -> Parsed {
        let parsed = Self::parse_uncapped(hash);
        Parsed {
            route: parsed.route,
            notices: capped(parsed.notices),
        }
    }

    fn parse_uncapped(hash: &str) -> Parsed {
        let path = hash.strip_prefix('#').unwrap_or(hash);
        let path = path.strip_prefix('/').unwrap_or(path);
        if let Some(query) = path.strip_prefix('?') {
            let decoded = fragment::decode(query);
            return Parsed {
                route: Self::Explore(decoded.state),
                notices: decoded.notices,
            };
        }
        if let Some(rest) = path.strip_prefix(GRAPH_PATH) {
            if rest.is_empty() || rest.starts_with('?') {
                return Self::parse_graph(rest);
            }
        }
        if let Some(rest) = path.strip_prefix(EMBED_PATH) {
            if rest.is_empty() || rest.starts_with('?') {
                return Self::parse_embed(rest);
            }
        }
        if path == SAVED_PATH {
            return Parsed {
                route: Self::Saved,
                notices: Vec::new(),
            };
        }
        if let Some(rest) = path.strip_prefix(STORY_PREFIX) {
            return Self::parse_story(rest);
        }
        match path.strip_prefix(ARTICLE_PREFIX) {
            Some(_) if hash.len() > MAX_URL_LEN => Parsed {
                route: Self::default(),
                notices: vec!["the link is too long to name an article".into()],
            },
            Some(encoded) if !encoded.is_empty() => Parsed {
                route: Self::Article(percent::decode(encoded).text),
                notices: Vec::new(),
            },
            _ if path.is_empty() => Parsed::default(),
            _ => Parsed {
                route: Self::default(),
                notices: vec![format!(
                    "there is no page “{}” here; showing the front page instead",
                    fragment::shorten(&percent::decode(path).text)
                )],
            },
        }
    }

    /// `#/graph` after the path: the view's settings and the last `node=` (a node is one thing,
    /// so earlier ones are noticed and dropped; an empty one selects nothing).
    fn parse_graph(query: &str) -> Parsed {
        let mut decoded = fragment::decode_with_extras(query, &[NODE_KEY]);
        if decoded.extras.len() > 1 {
            decoded.notices.push(format!(
                "the link names more than one “{NODE_KEY}”; the last was kept"
            ));
        }
        let node = decoded
            .extras
            .pop()
            .map(|(_, value)| percent::decode(&value).text)
            .filter(|key| !key.is_empty());
        Parsed {
            route: Self::Graph(decoded.state, node),
            notices: decoded.notices,
        }
    }

    /// `#/story/` after the path: the key up to the first `?` (a `?` in a key is written
    /// `%3F`), then the view's settings. An empty or overlong key opens the explore view, as an
    /// article's does (the view's query is capped by its decoder).
    fn parse_story(rest: &str) -> Parsed {
        let (encoded, query) = rest.split_once('?').unwrap_or((rest, ""));
        if encoded.is_empty() || encoded.len() > MAX_URL_LEN {
            return Parsed {
                route: Self::default(),
                notices: vec![if encoded.is_empty() {
                    "the link names no story; showing the front page instead".into()
                } else {
                    "the link is too long to name a story".into()
                }],
            };
        }
        let decoded = fragment::decode(query);
        Parsed {
            route: Self::Story(percent::decode(encoded).text, decoded.state),
            notices: decoded.notices,
        }
    }

    /// `#/embed` after the path: the view's settings and the widget's (see [`crate::view::embed`]).
    fn parse_embed(query: &str) -> Parsed {
        let decoded = fragment::decode_with_extras(query, &embed::KEYS);
        let read = EmbedOptions::from_extras(&decoded.extras);
        let mut notices = decoded.notices;
        notices.extend(read.notices);
        Parsed {
            route: Self::Embed(decoded.state, read.options),
            notices,
        }
    }

    /// The page a hash names, without the notices (see [`Route::parse`]).
    ///
    /// ```
    /// use broadsheet_core::view::route::Route;
    /// assert_eq!(Route::from_hash(""), Route::default());
    /// assert_eq!(Route::from_hash("#/article/a%20b"), Route::Article("a b".into()));
    /// assert_eq!(Route::from_hash("#/nonsense"), Route::default());
    /// ```
    #[must_use]
    pub fn from_hash(hash: &str) -> Self {
        Self::parse(hash).route
    }

    /// The canonical hash for this page, starting with `#/`.
    ///
    /// ```
    /// use broadsheet_core::view::route::Route;
    /// assert_eq!(Route::default().to_hash(), "#/");
    /// assert_eq!(Route::Article("a b/c".into()).to_hash(), "#/article/a%20b%2Fc");
    /// ```
    #[must_use]
    pub fn to_hash(&self) -> String {
        match self {
            Self::Explore(state) => {
                let query = fragment::encode(state);
                if query.is_empty() {
                    "#/".to_owned()
                } else {
                    format!("#/?{query}")
                }
            }
            Self::Article(id) => {
                let mut hash = String::with_capacity(2 + ARTICLE_PREFIX.len() + id.len());
                hash.push_str("#/");
                hash.push_str(ARTICLE_PREFIX);
                percent::encode_into(id, &mut hash);
                hash
            }
            Self::Graph(state, node) => {
                let mut hash = format!("#/{GRAPH_PATH}");
                let query = fragment::encode(state);
                if !query.is_empty() || node.is_some() {
                    hash.push('?');
                    hash.push_str(&query);
                }
                if let Some(node) = node {
                    if !query.is_empty() {
                        hash.push('&');
                    }
                    hash.push_str(NODE_KEY);
                    hash.push('=');
                    percent::encode_into(node, &mut hash);
                }
                hash
            }
            Self::Story(key, state) => {
                let mut hash = String::with_capacity(2 + STORY_PREFIX.len() + key.len());
                hash.push_str("#/");
                hash.push_str(STORY_PREFIX);
                percent::encode_into(key, &mut hash);
                let query = fragment::encode(state);
                if !query.is_empty() {
                    hash.push('?');
                    hash.push_str(&query);
                }
                hash
            }
            Self::Embed(state, options) => {
                let query = embed::query(state, options);
                if query.is_empty() {
                    format!("#/{EMBED_PATH}")
                } else {
                    format!("#/{EMBED_PATH}?{query}")
                }
            }
            Self::Saved => format!("#/{SAVED_PATH}"),
        }
    }
}

impl Route {
    /// Where focus goes when this route replaces `from` (see [`Arrival`]).
    ///
    /// ```
    /// use broadsheet_core::view::route::{Arrival, Route};
    /// let list = Route::from_hash("#/?q=rail");
    /// let article = Route::Article("a1".into());
    /// assert_eq!(article.arrival(&list), Arrival::Heading);
    /// assert_eq!(list.arrival(&article), Arrival::Card("a1".into()));
    /// assert_eq!(list.arrival(&Route::from_hash("#/?q=rai")), Arrival::Stay);
    /// ```
    #[must_use]
    pub fn arrival(&self, from: &Route) -> Arrival {
        match (from, self) {
            (Self::Explore(_), Self::Explore(_))
            | (Self::Graph(..), Self::Graph(..))
            | (Self::Embed(..), Self::Embed(..))
            | (Self::Saved, Self::Saved) => Arrival::Stay,
            (Self::Article(a), Self::Article(b)) if a == b => Arrival::Stay,
            // The story page writes its canonical key in place of the member's it was opened
            // with: the same page, still.
            (Self::Story(..), Self::Story(..)) => Arrival::Stay,
            (Self::Article(id), Self::Explore(_) | Self::Graph(..) | Self::Story(..)) => {
                Arrival::Card(id.clone())
            }
            _ => Arrival::Heading,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::facet::Facet;
    use crate::view::state::{Action, Bounds, Order, Sort};

    #[test]
    fn focus_stays_within_a_page_and_moves_to_a_new_one() {
        let home = Route::from_hash("#/");
        let search = Route::from_hash("#/?q=rail");
        let graph = Route::from_hash("#/graph?q=rail");
        let selected = Route::from_hash("#/graph?q=rail&node=a1");
        let article = Route::Article("a1".into());
        let other = Route::Article("b2".into());
        let embed = Route::from_hash("#/embed");
        let story = Route::from_hash("#/story/a1");
        let canonical = Route::from_hash("#/story/a0?topic=ai");
        let cases = [
            (&home, &story, Arrival::Heading),
            (&article, &story, Arrival::Card("a1".into())),
            (&story, &article, Arrival::Heading),
            (&story, &canonical, Arrival::Stay),
            (&graph, &story, Arrival::Heading),
            (&story, &home, Arrival::Heading),
            (&home, &search, Arrival::Stay),
            (&search, &home, Arrival::Stay),
            (&graph, &selected, Arrival::Stay),
            (&embed, &Route::from_hash("#/embed?q=x"), Arrival::Stay),
            (&article, &article, Arrival::Stay),
            (&search, &article, Arrival::Heading),
            (&article, &other, Arrival::Heading),
            (&home, &graph, Arrival::Heading),
            (&graph, &home, Arrival::Heading),
            (&article, &search, Arrival::Card("a1".into())),
            (&article, &selected, Arrival::Card("a1".into())),
            (&home, &embed, Arrival::Heading),
            (&search, &Route::Saved, Arrival::Heading),
            (&Route::Saved, &search, Arrival::Heading),
            (&Route::Saved, &Route::Saved, Arrival::Stay),
        ];
        for (from, to, want) in cases {
            assert_eq!(
                to.arrival(from),
                want,
                "{} -> {}",
                from.to_hash(),
                to.to_hash()
            );
        }
    }

    #[test]
    fn reads_the_explore_view_in_every_spelling() {
        for hash in ["", "#", "#/", "/", "#//", "#/?x=1"] {
            assert_eq!(
                Route::from_hash(hash),
                Route::Explore(ViewState::default()),
                "{hash:?}"
            );
        }
    }

    #[test]
    fn reads_article_ids_and_decodes_them() {
        let cases = [
            ("#/article/2019-12-17-amazon", "2019-12-17-amazon"),
            ("#article/plain", "plain"),
            ("/article/no-hash-sign", "no-hash-sign"),
            ("#/article/a%20b", "a b"),
            ("#/article/caf%C3%A9", "café"),
            ("#/article/café", "café"),
            ("#/article/a%2Fb", "a/b"),
            ("#/article/a/b", "a/b"),
            ("#/article/100%", "100%"),
            ("#/article/%zz%4", "%zz%4"),
            ("#/article/%FF", "\u{FFFD}"),
            ("#/article/a+b", "a+b"),
        ];
        for (hash, id) in cases {
            assert_eq!(
                Route::from_hash(hash),
                Route::Article(id.into()),
                "{hash:?}"
            );
        }
    }

    #[test]
    fn reads_the_saved_views_page_and_only_that_spelling() {
        for hash in ["#/saved", "#saved", "/saved", "saved"] {
            assert_eq!(Route::parse(hash).route, Route::Saved, "{hash:?}");
            assert!(Route::parse(hash).notices.is_empty(), "{hash:?}");
        }
        for hash in ["#/saved/", "#/saved?q=x", "#/SAVED", "#/savedx"] {
            let parsed = Route::parse(hash);
            assert_eq!(parsed.route, Route::default(), "{hash:?}");
            assert_eq!(parsed.notices.len(), 1, "{hash:?}");
        }
        assert_eq!(Route::Saved.to_hash(), "#/saved");
        assert_eq!(Route::from_hash(&Route::Saved.to_hash()), Route::Saved);
    }

    #[test]
    fn sends_unknown_and_empty_routes_to_the_explore_view() {
        for hash in [
            "#/article/",
            "#/article",
            "#/articles/x",
            "#/ARTICLE/x",
            "#/about",
            "#x",
        ] {
            assert_eq!(
                Route::from_hash(hash),
                Route::Explore(ViewState::default()),
                "{hash:?}"
            );
        }
    }

    #[test]
    fn ignores_hashes_longer_than_any_link() {
        let long = format!("#/article/{}", "a".repeat(MAX_URL_LEN));
        assert_eq!(
            Route::from_hash(&long),
            Route::Explore(ViewState::default())
        );
    }

    #[test]
    fn writes_canonical_hashes() {
        assert_eq!(Route::Explore(ViewState::default()).to_hash(), "#/");
        assert_eq!(
            Route::Article("2019-12-17-amazon".into()).to_hash(),
            "#/article/2019-12-17-amazon"
        );
        assert_eq!(
            Route::Article("café 100%".into()).to_hash(),
            "#/article/caf%C3%A9%20100%25"
        );
        assert_eq!(
            Route::Article("a#b?c".into()).to_hash(),
            "#/article/a%23b%3Fc"
        );
    }

    #[test]
    fn round_trips_every_route() {
        let ids = [
            "x",
            "2019-12-17-amazon",
            "a b",
            "a/b",
            "%41",
            "日本語 ニュース",
            "<script>",
            "a#b?c&d",
        ];
        for id in ids {
            let route = Route::Article(id.into());
            assert_eq!(Route::from_hash(&route.to_hash()), route, "{id:?}");
        }
        assert_eq!(
            Route::from_hash(&Route::Explore(ViewState::default()).to_hash()),
            Route::Explore(ViewState::default())
        );
    }

    #[test]
    fn reads_and_writes_explore_views() {
        let cases = [
            ("#/?q=robots", "#/?q=robots"),
            ("#?q=robots", "#/?q=robots"),
            ("/?q=a+b", "#/?q=a%20b"),
            (
                "#/?topic=AI,-Sports&sort=date&order=asc",
                "#/?topic=ai,-sports&sort=date&order=asc",
            ),
            (
                "#/?heat=80..10&topic=Robots,AI",
                "#/?topic=ai,robots&heat=10..80",
            ),
            ("#/?sort=heat", "#/"),
            ("#/?", "#/"),
        ];
        for (hash, canonical) in cases {
            let parsed = Route::parse(hash);
            assert!(parsed.notices.is_empty(), "{hash:?}: {:?}", parsed.notices);
            assert_eq!(parsed.route.to_hash(), canonical, "{hash:?}");
            assert_eq!(Route::from_hash(canonical), parsed.route, "{canonical:?}");
        }
    }

    #[test]
    fn round_trips_explore_views() {
        let state = ViewState::default()
            .apply(Action::SetQuery("face \"machine learning\" 100%".into()))
            .apply(Action::Include(
                Facet::Topic,
                "Computer Vision".into(),
                true,
            ))
            .apply(Action::Exclude(Facet::Provider, "example.com".into(), true))
            .apply(Action::SetHeat(Bounds::new(Some(50.0), None)))
            .apply(Action::SetSort(Sort::Date))
            .apply(Action::SetOrder(Order::Asc));
        let route = Route::Explore(state);
        let hash = route.to_hash();
        assert!(hash.starts_with("#/?q="), "{hash}");
        let parsed = Route::parse(&hash);
        assert_eq!(parsed.route, route);
        assert!(parsed.notices.is_empty());
    }

    #[test]
    fn keeps_what_it_can_of_a_junk_view_and_says_what_it_dropped() {
        let parsed = Route::parse("#/?heat=abc&zzz=1&q=%E0%A4%A");
        let Route::Explore(state) = &parsed.route else {
            panic!("a junk view is still the explore page");
        };
        assert!(state.heat().is_open());
        assert_eq!(state.query(), "\u{FFFD}%A");
        assert_eq!(parsed.notices.len(), 3, "{:?}", parsed.notices);
        let long = format!("#/?q={}", "x".repeat(100_000));
        let parsed = Route::parse(&long);
        assert!(matches!(parsed.route, Route::Explore(_)));
        assert!(!parsed.notices.is_empty());
        let parsed = Route::parse(&format!("#/article/{}", "a".repeat(MAX_URL_LEN)));
        assert_eq!(parsed.route, Route::Explore(ViewState::default()));
        assert_eq!(parsed.notices.len(), 1);
    }

    #[test]
    fn a_link_of_many_bad_values_gives_a_short_notice() {
        let same = Route::parse(&format!("#/embed?facets={}", "zz,".repeat(5_000)));
        assert_eq!(same.notices, ["ignored the unknown facet “zz”"]);
        let many: Vec<String> = (0..64)
            .map(|i| format!("k{i}={}", "v".repeat(100)))
            .collect();
        let parsed = Route::parse(&format!("#/?{}", many.join("&")));
        assert_eq!(
            parsed.notices.len(),
            MAX_NOTICES + 1,
            "{:?}",
            parsed.notices
        );
        assert_eq!(parsed.notices[0], "ignored the unknown setting “k0”");
        assert_eq!(parsed.notices[MAX_NOTICES], "and 59 more things");
        let facets: Vec<String> = (0..6).map(|i| format!("f{i}")).collect();
        let six = Route::parse(&format!("#/embed?facets={}", facets.join(",")));
        assert_eq!(
            six.notices.last().map(String::as_str),
            Some("and 1 more thing")
        );
        let total: usize = parsed.notices.iter().map(String::len).sum();
        assert!(total < 300, "{total} characters");
    }

    #[test]
    fn reads_and_writes_graph_views() {
        let cases = [
            ("#/graph", "#/graph"),
            ("#/graph?", "#/graph"),
            ("#graph?topic=AI", "#/graph?topic=ai"),
            ("#/graph?node=o12", "#/graph?node=o12"),
            (
                "#/graph?node=caf%C3%A9%20x&topic=AI&sort=date",
                "#/graph?topic=ai&sort=date&node=caf%C3%A9%20x",
            ),
            (
                "#/graph?coverage=3..&node=a+b",
                "#/graph?coverage=3..&node=a%2Bb",
            ),
            ("#/graph?node=", "#/graph"),
        ];
        for (hash, canonical) in cases {
            let parsed = Route::parse(hash);
            assert!(parsed.notices.is_empty(), "{hash:?}: {:?}", parsed.notices);
            assert!(matches!(parsed.route, Route::Graph(..)), "{hash:?}");
            assert_eq!(parsed.route.to_hash(), canonical, "{hash:?}");
            assert_eq!(Route::from_hash(canonical), parsed.route, "{canonical:?}");
        }
        let Route::Graph(state, node) = Route::from_hash("#/graph?topic=ai&node=a%26b%3Dc") else {
            panic!("a graph link opens the graph");
        };
        assert_eq!(fragment::encode(&state), "topic=ai");
        assert_eq!(node.as_deref(), Some("a&b=c"));
        let route = Route::Graph(ViewState::default(), Some("?&#/%".into()));
        assert_eq!(Route::from_hash(&route.to_hash()), route);
    }

    #[test]
    fn keeps_the_graph_and_says_what_its_link_got_wrong() {
        let parsed = Route::parse("#/graph?node=a&zzz=1&node=b");
        assert_eq!(parsed.route.to_hash(), "#/graph?node=b");
        assert_eq!(parsed.notices.len(), 2, "{:?}", parsed.notices);
        let parsed = Route::parse("#/?node=a");
        assert_eq!(
            parsed.route,
            Route::default(),
            "the explore view has no node"
        );
        assert_eq!(parsed.notices.len(), 1);
        for hash in ["#/graphs", "#/graph/x", "#/GRAPH"] {
            assert_eq!(Route::from_hash(hash), Route::default(), "{hash:?}");
        }
    }

    #[test]
    fn reads_and_writes_embed_widgets() {
        use crate::view::embed::Theme;
        let cases = [
            ("#/embed", "#/embed"),
            ("#/embed?", "#/embed"),
            ("#embed?limit=10&theme=auto", "#/embed"),
            (
                "#/embed?theme=dark&topic=AI&limit=5&facets=provider,topic",
                "#/embed?topic=ai&facets=topic,provider&theme=dark&limit=5",
            ),
            ("#/embed?q=robots&sort=date", "#/embed?q=robots&sort=date"),
        ];
        for (hash, canonical) in cases {
            let parsed = Route::parse(hash);
            assert!(parsed.notices.is_empty(), "{hash:?}: {:?}", parsed.notices);
            assert!(matches!(parsed.route, Route::Embed(..)), "{hash:?}");
            assert_eq!(parsed.route.to_hash(), canonical, "{hash:?}");
            assert_eq!(Route::from_hash(canonical), parsed.route, "{canonical:?}");
        }
        let Route::Embed(state, options) = Route::from_hash("#/embed?topic=ai&theme=light") else {
            panic!("an embed link opens the widget");
        };
        assert_eq!(fragment::encode(&state), "topic=ai");
        assert_eq!(options.theme(), Theme::Light);
    }

    #[test]
    fn keeps_the_widget_and_says_what_its_link_got_wrong() {
        let parsed = Route::parse("#/embed?theme=neon&limit=0&zzz=1&topic=ai");
        assert_eq!(parsed.route.to_hash(), "#/embed?topic=ai");
        assert_eq!(parsed.notices.len(), 3, "{:?}", parsed.notices);
        // A widget setting on the app's own view is not one of its settings.
        let parsed = Route::parse("#/?theme=dark");
        assert_eq!(parsed.route, Route::default());
        assert_eq!(parsed.notices.len(), 1);
        for hash in ["#/embedded", "#/embed/x", "#/EMBED"] {
            assert_eq!(Route::from_hash(hash), Route::default(), "{hash:?}");
        }
    }

    #[test]
    fn reads_and_writes_story_pages() {
        let cases = [
            ("#/story/a1", "#/story/a1", "a1"),
            ("#story/a1", "#/story/a1", "a1"),
            ("/story/a1?", "#/story/a1", "a1"),
            ("#/story/caf%C3%A9%20x", "#/story/caf%C3%A9%20x", "café x"),
            ("#/story/café", "#/story/caf%C3%A9", "café"),
            ("#/story/a%3Fb%26c", "#/story/a%3Fb%26c", "a?b&c"),
            ("#/story/a/b", "#/story/a%2Fb", "a/b"),
            ("#/story/100%", "#/story/100%25", "100%"),
            ("#/story/a1?sort=heat", "#/story/a1", "a1"),
            (
                "#/story/a1?topic=AI&q=rail",
                "#/story/a1?q=rail&topic=ai",
                "a1",
            ),
            (
                "#/story/gen-000001?coverage=3..&provider=-x.example",
                "#/story/gen-000001?provider=-x.example&coverage=3..",
                "gen-000001",
            ),
        ];
        for (hash, canonical, key) in cases {
            let parsed = Route::parse(hash);
            assert!(parsed.notices.is_empty(), "{hash:?}: {:?}", parsed.notices);
            let Route::Story(got, _) = &parsed.route else {
                panic!("{hash:?} opens a story, not {:?}", parsed.route);
            };
            assert_eq!(got, key, "{hash:?}");
            assert_eq!(parsed.route.to_hash(), canonical, "{hash:?}");
            assert_eq!(Route::from_hash(canonical), parsed.route, "{canonical:?}");
        }
        for key in ["x", "a b", "?&#/%", "日本語", "<script>", "a?q=x"] {
            let route = Route::Story(key.into(), ViewState::default());
            assert_eq!(Route::from_hash(&route.to_hash()), route, "{key:?}");
            let filtered = Route::Story(
                key.into(),
                ViewState::default().apply(Action::SetQuery("a \"b c\"".into())),
            );
            assert_eq!(Route::from_hash(&filtered.to_hash()), filtered, "{key:?}");
        }
    }

    #[test]
    fn keeps_the_story_and_says_what_its_link_got_wrong() {
        let parsed = Route::parse("#/story/a1?zzz=1&heat=abc&topic=ai");
        assert_eq!(parsed.route.to_hash(), "#/story/a1?topic=ai");
        assert_eq!(parsed.notices.len(), 2, "{:?}", parsed.notices);
        for hash in ["#/story/", "#/story/?q=x", "#/story"] {
            let parsed = Route::parse(hash);
            assert_eq!(parsed.route, Route::default(), "{hash:?}");
            assert_eq!(parsed.notices.len(), 1, "{hash:?}");
        }
        let long = Route::parse(&format!("#/story/{}", "a".repeat(MAX_URL_LEN + 1)));
        assert_eq!(long.route, Route::default());
        assert_eq!(long.notices, ["the link is too long to name a story"]);
        let long_view = Route::parse(&format!("#/story/a1?q={}", "x".repeat(100_000)));
        assert!(matches!(long_view.route, Route::Story(..)));
        assert!(!long_view.notices.is_empty());
        for hash in ["#/stories/a1", "#/STORY/a1", "#/storya1"] {
            assert_eq!(Route::from_hash(hash), Route::default(), "{hash:?}");
        }
    }

    #[test]
    fn never_panics_on_junk() {
        let junk = [
            "%",
            "#%",
            "#/article/%",
            "#/article/%%%",
            "#/article/\u{0}",
            "#\u{FFFF}/article/é%C3",
            "#/story/%",
            "#/story/%%%?%%%=%",
            "#/story/\u{0}?\u{0}",
            "#/story/??&&==",
        ];
        for hash in junk {
            let _ = Route::from_hash(hash);
        }
        for byte in 0..=u8::MAX {
            let hash = format!("#/article/%{byte:02x}{}", char::from(byte));
            let _ = Route::from_hash(&hash);
            let hash = format!("#/story/%{byte:02x}{}?q=%{byte:02x}", char::from(byte));
            let _ = Route::from_hash(&hash);
        }
    }
}
