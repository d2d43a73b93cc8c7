//! What the related-stories pictures show, decided here so it is tested natively: how a node is
//! named in a link, how big and what colour it is drawn, which stories a view holds (the list
//! beside the graph and its legend), and the arithmetic of fitting, zooming, panning and
//! pointing at nodes.
//!
//! The app only draws what these functions answer. Sizes are in layout units (the same as
//! [`crate::graph::layout::Layout::positions`]), so nodes grow and shrink with the zoom.

use crate::data::bundle::Bundle;
use crate::data::library::Library;
use crate::index::stories::{Node, Stories, Subgraph};
use crate::model::article::{Article, Provider, Related, Score};
use crate::text::normal_url::normalise_host;

/// What the pictures read: the graph, and the articles among the nodes drawn. A sharded app
/// reads the articles a picture shows before drawing it; one it has not read is drawn with
/// defaults rather than failing.
pub trait Shown {
    /// The related-stories graph.
    fn stories(&self) -> &Stories;
    /// Article `number`, when at hand.
    fn article(&self, number: u32) -> Option<&Article>;
    /// The number of the article with this id, when known.
    fn number(&self, id: &str) -> Option<u32>;
}

impl Shown for Bundle {
    fn stories(&self) -> &Stories {
        Bundle::stories(self)
    }
    fn article(&self, number: u32) -> Option<&Article> {
        self.articles().get(number as usize)
    }
    fn number(&self, id: &str) -> Option<u32> {
        self.position(id).and_then(|n| u32::try_from(n).ok())
    }
}

/// A library whose graph has been read.
#[derive(Debug, Clone, Copy)]
pub struct Graphed<'a> {
    /// The library.
    pub library: &'a Library,
    /// Its graph.
    pub stories: &'a Stories,
}

impl Shown for Graphed<'_> {
    fn stories(&self) -> &Stories {
        self.stories
    }
    fn article(&self, number: u32) -> Option<&Article> {
        self.library.article(number).map(|a| &**a)
    }
    fn number(&self, id: &str) -> Option<u32> {
        self.library.find(id)
    }
}

/// How many colours the pictures use (the app holds the palette). The last one is the neutral
/// colour of "every other story" and of nodes whose outlet is unknown.
pub const COLOURS: usize = 10;

/// The neutral colour: the last of the palette.
pub const OTHER_COLOUR: usize = COLOURS - 1;

/// The smallest radius, also used for a node whose score is unknown.
pub const MIN_RADIUS: f64 = 4.0;

/// The largest radius: the node with the highest score of the picture.
pub const MAX_RADIUS: f64 = 12.0;

/// The first letter of an outside story's key in links; the rest is its number among the
/// outside stories.
const OUTSIDE_PREFIX: &str = "o";

/// The key that names a node in a link (`#/graph?…&node=<key>`): an article's id, or `o<k>`
/// for outside story `k` (node `article_count + k`, numbered as [`crate::index::stories`]
/// documents).
///
/// `None` for an article not at hand.
///
/// # Panics
/// If there is no such node.
#[must_use]
pub fn node_key(shown: &dyn Shown, node: u32) -> Option<String> {
    let stories = shown.stories();
    match stories.node(node) {
        Node::Article(a) => shown.article(a).map(|a| a.id.to_string()),
        Node::Outside(_) => Some(format!(
            "{OUTSIDE_PREFIX}{}",
            node as usize - stories.article_count()
        )),
    }
}

/// The node a link's key names (see [`node_key`]). An article id wins over an outside story's
/// key, so an article whose file is called `o3` stays reachable; only the canonical `o<k>`
/// (digits, no leading zero) names an outside story.
///
/// ```
/// use broadsheet_core::{data::bundle::Bundle, graph::picture::find_node};
/// let bundle = Bundle::new(Vec::new());
/// assert_eq!(find_node(&bundle, "o0"), None);
/// ```
#[must_use]
pub fn find_node(shown: &dyn Shown, key: &str) -> Option<u32> {
    if let Some(number) = shown.number(key) {
        return Some(number);
    }
    let digits = key.strip_prefix(OUTSIDE_PREFIX)?;
    let k: usize = digits.parse().ok()?;
    if digits != k.to_string() {
        return None;
    }
    let stories = shown.stories();
    let node = stories.article_count().checked_add(k)?;
    if node < stories.node_count() {
        u32::try_from(node).ok()
    } else {
        None
    }
}

/// The node that `key` names in a picture of `nodes`: as [`find_node`] when the collection
/// knows the id, else the drawn article with that id. A sharded app reads the articles behind a
/// picture's nodes but not the id files that give an id its number, so a node the reader just
/// selected would otherwise be unknown.
#[must_use]
pub fn find_node_among(shown: &dyn Shown, nodes: &[u32], key: &str) -> Option<u32> {
    find_node(shown, key).or_else(|| {
        let stories = shown.stories();
        nodes
            .iter()
            .copied()
            .find(|&node| match stories.node(node) {
                Node::Article(a) => shown.article(a).is_some_and(|a| a.id.as_str() == key),
                Node::Outside(_) => false,
            })
    })
}

/// The radius of a node whose score is `value`, when the highest score in the picture is
/// `max`: the area grows with the score, from [`MIN_RADIUS`] at 0 to [`MAX_RADIUS`] at `max`.
///
/// ```
/// use broadsheet_core::{model::article::Score, graph::picture::{radius, MAX_RADIUS, MIN_RADIUS}};
/// assert_eq!(radius(None, 100.0), MIN_RADIUS);
/// assert_eq!(radius(Score::new(100.0).ok(), 100.0), MAX_RADIUS);
/// ```
#[must_use]
pub fn radius(value: Option<Score>, max: f64) -> f64 {
    match value {
        Some(score) if max > 0.0 => {
            let share = (score.get() / max).clamp(0.0, 1.0);
            (MIN_RADIUS * MIN_RADIUS + share * (MAX_RADIUS * MAX_RADIUS - MIN_RADIUS * MIN_RADIUS))
                .sqrt()
        }
        _ => MIN_RADIUS,
    }
}

/// The colour of an outlet: its domain as a host key (else its name, lowercased) hashed into
/// the palette, so an outlet has the same colour on every page and in every build. Outlets
/// without a domain or name get [`OTHER_COLOUR`].
#[must_use]
pub fn outlet_colour(provider: Option<&Provider>) -> usize {
    let key = provider.and_then(|p| match p.domain.as_deref() {
        Some(domain) if !domain.trim().is_empty() => Some(normalise_host(domain)),
        _ => Some(p.name.trim().to_lowercase()).filter(|name| !name.is_empty()),
    });
    key.map_or(OTHER_COLOUR, |key| {
        let hash = crate::data::pack::hash(key.as_bytes());
        usize::try_from(hash % OTHER_COLOUR as u64).expect("below COLOURS")
    })
}

/// How one node is drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Look {
    /// True for a story outside the collection (drawn hollow and dashed).
    pub outside: bool,
    /// Radius in layout units.
    pub radius: f64,
    /// Index into the palette, below [`COLOURS`].
    pub colour: usize,
}

/// The related entry that stands for an outside node, or `None` for an article.
fn entry(shown: &dyn Shown, node: u32) -> Option<&Related> {
    match shown.stories().node(node) {
        Node::Article(_) => None,
        Node::Outside(at) => shown.article(at.article).and_then(|a| at.in_article(a)),
    }
}

/// Whether a node is an outside story.
fn is_outside(shown: &dyn Shown, node: u32) -> bool {
    matches!(shown.stories().node(node), Node::Outside(_))
}

fn heat_of(shown: &dyn Shown, node: u32) -> Option<Score> {
    shown.article(node).and_then(|a| a.heat)
}

/// The highest heat of the articles among `nodes` and the highest quality of the outside
/// stories among them: what [`radius`] scales each kind against.
fn score_ranges(shown: &dyn Shown, nodes: &[u32]) -> (f64, f64) {
    let (mut heat, mut quality) = (0.0_f64, 0.0_f64);
    for &node in nodes {
        if is_outside(shown, node) {
            let q = entry(shown, node).and_then(|r| r.quality);
            quality = quality.max(q.map_or(0.0, Score::get));
        } else {
            heat = heat.max(heat_of(shown, node).map_or(0.0, Score::get));
        }
    }
    (heat, quality)
}

/// Looks of the nodes of `sub` with `colour` deciding each node's colour: articles sized by
/// heat, outside stories by quality.
fn looks(shown: &dyn Shown, sub: &Subgraph, colour: impl Fn(u32) -> usize) -> Vec<Look> {
    let (max_heat, max_quality) = score_ranges(shown, &sub.nodes);
    sub.nodes
        .iter()
        .map(|&node| {
            let outside = is_outside(shown, node);
            let radius = if outside {
                radius(entry(shown, node).and_then(|r| r.quality), max_quality)
            } else {
                radius(heat_of(shown, node), max_heat)
            };
            Look {
                outside,
                radius,
                colour: colour(node),
            }
        })
        .collect()
}

/// The outlet of a node: an article's provider, or the outside story's entry's.
#[must_use]
pub fn node_provider(shown: &dyn Shown, node: u32) -> Option<&Provider> {
    if !is_outside(shown, node) {
        return shown.article(node).map(|a| &a.provider);
    }
    match entry(shown, node) {
        None => None,
        Some(related) => related.provider.as_ref(),
    }
}

/// The looks of an article page's ego graph: coloured by outlet.
#[must_use]
pub fn ego_looks(shown: &dyn Shown, sub: &Subgraph) -> Vec<Look> {
    looks(shown, sub, |node| outlet_colour(node_provider(shown, node)))
}

/// The nodes of one story in a view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoryGroup {
    /// The story's number.
    pub story: u32,
    /// Its articles in the view, ascending.
    pub articles: Vec<u32>,
    /// Its outside stories in the view (node numbers), ascending.
    pub outside: Vec<u32>,
}

impl StoryGroup {
    /// How many nodes of the picture belong to the story.
    #[must_use]
    pub fn len(&self) -> usize {
        self.articles.len() + self.outside.len()
    }

    /// True for a group without nodes (never returned by [`story_groups`]).
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The node that names the group: its first article, else its first outside story.
    #[must_use]
    pub fn lead(&self) -> Option<u32> {
        self.articles.first().or(self.outside.first()).copied()
    }
}

/// The stories a view's graph holds, largest first (most nodes in the view), ties by story
/// number: the order of the list beside the graph and of the legend's colours.
#[must_use]
pub fn story_groups(stories: &Stories, sub: &Subgraph) -> Vec<StoryGroup> {
    let n = stories.article_count();
    let mut by_story: Vec<(u32, u32)> = sub
        .nodes
        .iter()
        .map(|&node| (stories.story_of(node), node))
        .collect();
    crate::sort::items(&mut by_story);
    let mut groups: Vec<StoryGroup> = Vec::new();
    for (story, node) in by_story {
        if groups.last().is_none_or(|g| g.story != story) {
            groups.push(StoryGroup {
                story,
                articles: Vec::new(),
                outside: Vec::new(),
            });
        }
        let group = groups.last_mut().expect("pushed above");
        if (node as usize) < n {
            group.articles.push(node);
        } else {
            group.outside.push(node);
        }
    }
    crate::sort::items_by(&mut groups, |a, b| {
        b.len().cmp(&a.len()).then(a.story.cmp(&b.story))
    });
    groups
}

/// The palette colour of the story ranked `rank` in [`story_groups`]: the largest stories get
/// a colour each, every other story the neutral one.
#[must_use]
pub fn story_colour(rank: usize) -> usize {
    rank.min(OTHER_COLOUR)
}

/// The looks of a view's graph: coloured by story (see [`story_colour`]).
#[must_use]
pub fn view_looks(shown: &dyn Shown, sub: &Subgraph, groups: &[StoryGroup]) -> Vec<Look> {
    let stories = shown.stories();
    let mut rank_of_story = vec![usize::MAX; stories.story_count()];
    for (rank, group) in groups.iter().enumerate() {
        rank_of_story[group.story as usize] = rank;
    }
    looks(shown, sub, |node| {
        story_colour(rank_of_story[stories.story_of(node) as usize])
    })
}

/// The title a node shows: the article's, or the outside story's related entry's; `None`
/// when its article is not at hand.
#[must_use]
pub fn node_title(shown: &dyn Shown, node: u32) -> Option<&str> {
    if is_outside(shown, node) {
        entry(shown, node).map(|r| r.title.as_str())
    } else {
        shown.article(node).map(|a| a.title.as_str())
    }
}

/// Each node's neighbours among `nodes` nodes joined by `edges` (pairs of positions, as in
/// [`Subgraph::edges`]), for highlighting what a hovered node links to.
#[must_use]
pub fn neighbours(nodes: usize, edges: &[[u32; 2]]) -> Vec<Vec<u32>> {
    let mut out = vec![Vec::new(); nodes];
    for &[a, b] in edges {
        if (a as usize) < nodes && (b as usize) < nodes && a != b {
            out[a as usize].push(b);
            out[b as usize].push(a);
        }
    }
    for list in &mut out {
        crate::sort::ascending(list);
        list.dedup();
    }
    out
}

/// The smallest zoom: a whole 10,000-node layout fits a phone screen well above it.
pub const MIN_SCALE: f64 = 0.01;
/// The largest zoom.
pub const MAX_SCALE: f64 = 20.0;
/// Fitting never zooms in further than this, so a two-node graph is not drawn huge.
const MAX_FIT_SCALE: f64 = 2.5;

/// Where the layout sits on the screen: `screen = layout × scale + (x, y)`, in CSS pixels from
/// the drawing's top left corner.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Viewport {
    /// Screen pixels per layout unit.
    pub scale: f64,
    /// Screen position of the layout's origin.
    pub x: f64,
    /// Screen position of the layout's origin.
    pub y: f64,
}

impl Default for Viewport {
    fn default() -> Self {
        Self {
            scale: 1.0,
            x: 0.0,
            y: 0.0,
        }
    }
}

impl Viewport {
    /// The viewport that shows all of `bounds` (`[min_x, min_y, max_x, max_y]`, as
    /// [`crate::graph::layout::Layout::bounds`] gives) centred in a `width` × `height` drawing with
    /// `margin` pixels to spare on every side. Without bounds, the origin is centred.
    #[must_use]
    pub fn fit(bounds: Option<[f64; 4]>, width: f64, height: f64, margin: f64) -> Self {
        let finite = |v: f64| if v.is_finite() { v.max(0.0) } else { 0.0 };
        let (width, height, margin) = (finite(width), finite(height), finite(margin));
        let Some([x0, y0, x1, y1]) = bounds.filter(|b| b.iter().all(|v| v.is_finite())) else {
            return Self {
                scale: 1.0,
                x: width / 2.0,
                y: height / 2.0,
            };
        };
        let room = |size: f64| (size - 2.0 * margin).max(1.0);
        let span = |lo: f64, hi: f64| (hi - lo).max(1e-9);
        let scale = (room(width) / span(x0, x1))
            .min(room(height) / span(y0, y1))
            .clamp(MIN_SCALE, MAX_FIT_SCALE);
        Self {
            scale,
            x: width / 2.0 - (x0 + x1) / 2.0 * scale,
            y: height / 2.0 - (y0 + y1) / 2.0 * scale,
        }
    }

    /// Where a layout point is on the screen.
    #[must_use]
    pub fn to_screen(&self, [x, y]: [f64; 2]) -> [f64; 2] {
        [x * self.scale + self.x, y * self.scale + self.y]
    }

    /// Which layout point is under a screen point.
    #[must_use]
    pub fn to_layout(&self, [x, y]: [f64; 2]) -> [f64; 2] {
        [(x - self.x) / self.scale, (y - self.y) / self.scale]
    }

    /// Zooms by `factor` keeping the layout point under the screen point `at` where it is, as
    /// wheels and pinches do. The scale stays within [`MIN_SCALE`]..=[`MAX_SCALE`]; a
    /// non-finite or non-positive factor changes nothing.
    #[must_use]
    pub fn zoom_at(&self, factor: f64, at: [f64; 2]) -> Self {
        if !(factor.is_finite() && factor > 0.0 && at.iter().all(|v| v.is_finite())) {
            return *self;
        }
        let scale = (self.scale * factor).clamp(MIN_SCALE, MAX_SCALE);
        let under = self.to_layout(at);
        Self {
            scale,
            x: at[0] - under[0] * scale,
            y: at[1] - under[1] * scale,
        }
    }

    /// Moves the picture by (`dx`, `dy`) screen pixels; non-finite moves are ignored.
    #[must_use]
    pub fn pan(&self, dx: f64, dy: f64) -> Self {
        if !(dx.is_finite() && dy.is_finite()) {
            return *self;
        }
        Self {
            x: self.x + dx,
            y: self.y + dy,
            ..*self
        }
    }
}

/// How far a node catches the pointer, in layout units: its circle widened by `slack` (a
/// finger is wider than a pixel), and never less than `least` (so a circle drawn a few pixels
/// across is still a target a finger can hit).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Reach {
    /// Added to every circle's radius.
    pub slack: f64,
    /// The smallest reach of any circle.
    pub least: f64,
}

/// The node under the layout point `at`: the nearest one within its [`Reach`] of the point.
/// Ties go to the lower index.
#[must_use]
pub fn hit(positions: &[[f64; 2]], looks: &[Look], at: [f64; 2], reach: Reach) -> Option<usize> {
    let mut best: Option<(f64, usize)> = None;
    for (i, (p, look)) in positions.iter().zip(looks).enumerate() {
        let (dx, dy) = (p[0] - at[0], p[1] - at[1]);
        let d2 = dx * dx + dy * dy;
        let reach = (look.radius + reach.slack).max(reach.least);
        if d2 <= reach * reach && best.is_none_or(|(b, _)| d2 < b) {
            best = Some((d2, i));
        }
    }
    best.map(|(_, i)| i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::article;
    use crate::text::url::HttpUrl;

    fn entry(link: &str, domain: &str, quality: Option<f64>) -> Related {
        Related {
            title: format!("Elsewhere: {link}"),
            excerpt: String::new(),
            published_at: None,
            web_url: HttpUrl::parse(link).expect("test url"),
            amp_web_url: None,
            cdn_amp_web_url: None,
            kind: None,
            provider: Some(Provider {
                name: domain.to_uppercase(),
                domain: Some(domain.into()),
                images: Vec::new(),
            }),
            quality: quality.map(|q| Score::new(q).expect("test score")),
            images: Vec::new(),
        }
    }

    /// `a` lists `b` and two outside stories; `c` lists one of them again; `d` and `o3` stand
    /// alone (`o3` is an article whose id looks like an outside key).
    fn bundle() -> Bundle {
        let mut a = article("a", Some(100.0), 0);
        a.related = vec![
            Related {
                title: "B".into(),
                ..entry("https://example.com/b", "example.com", None)
            },
            entry("https://x.example/1", "x.example", Some(80.0)),
            entry("https://y.example/2", "y.example", Some(20.0)),
        ];
        let b = article("b", Some(25.0), 0);
        let mut c = article("c", None, 0);
        c.related = vec![entry("https://x.example/1/", "x.example", Some(80.0))];
        let d = article("d", Some(0.0), 0);
        let o3 = article("o3", Some(1.0), 0);
        Bundle::new(vec![a, b, c, d, o3])
    }

    #[test]
    fn node_keys_round_trip_and_articles_win() {
        let b = bundle();
        let stories = b.stories();
        assert_eq!(
            stories.node_count(),
            7,
            "five articles, two outside stories"
        );
        for node in 0..7 {
            assert_eq!(
                find_node(&b, &node_key(&b, node).expect("bundled")),
                Some(node),
                "node {node}"
            );
        }
        assert_eq!(node_key(&b, 0).as_deref(), Some("a"));
        assert_eq!(node_key(&b, 5).as_deref(), Some("o0"));
        assert_eq!(node_key(&b, 6).as_deref(), Some("o1"));
        assert_eq!(find_node(&b, "o3"), Some(4), "the article called o3");
        for junk in [
            "o2",
            "o01",
            "o+1",
            "o",
            "",
            "zzz",
            "o-1",
            "o99999999999999999999",
        ] {
            assert_eq!(find_node(&b, junk), None, "{junk:?}");
        }
    }

    /// The bundle as a sharded app sees it before any id file is read.
    struct NoIds<'a>(&'a Bundle);

    impl Shown for NoIds<'_> {
        fn stories(&self) -> &Stories {
            self.0.stories()
        }
        fn article(&self, number: u32) -> Option<&Article> {
            Shown::article(self.0, number)
        }
        fn number(&self, _: &str) -> Option<u32> {
            None
        }
    }

    #[test]
    fn finds_a_drawn_article_by_its_id_without_the_id_files() {
        let b = bundle();
        let shown = NoIds(&b);
        assert_eq!(find_node(&shown, "b"), None, "no id file read");
        assert_eq!(find_node_among(&shown, &[0, 1, 5], "b"), Some(1));
        assert_eq!(find_node_among(&shown, &[0, 5], "b"), None, "not drawn");
        assert_eq!(find_node_among(&shown, &[0, 1, 5], "o0"), Some(5));
        assert_eq!(
            find_node_among(&b, &[0], "b"),
            Some(1),
            "a known id, drawn or not"
        );
        assert_eq!(find_node_among(&shown, &[0, 1], "zzz"), None);
    }

    #[test]
    fn radius_grows_with_the_score_and_stays_in_range() {
        let s = |v: f64| Score::new(v).ok();
        assert_eq!(radius(s(0.0), 50.0), MIN_RADIUS);
        assert_eq!(radius(s(50.0), 50.0), MAX_RADIUS);
        assert_eq!(radius(s(90.0), 50.0), MAX_RADIUS, "clamped");
        assert_eq!(radius(s(10.0), 0.0), MIN_RADIUS, "no scale, no growth");
        let mid = radius(s(25.0), 50.0);
        assert!(MIN_RADIUS < mid && mid < MAX_RADIUS);
        let quarter = radius(s(12.5), 50.0);
        assert!(quarter < mid, "monotonic");
    }

    #[test]
    fn outlets_keep_their_colour_whatever_the_spelling() {
        let p = |domain: Option<&str>, name: &str| Provider {
            name: name.into(),
            domain: domain.map(Into::into),
            images: Vec::new(),
        };
        let times = outlet_colour(Some(&p(Some("times.example.com"), "Times")));
        assert_eq!(
            outlet_colour(Some(&p(Some("WWW.Times.Example.com."), "Other"))),
            times
        );
        assert!(times < OTHER_COLOUR);
        assert_eq!(
            outlet_colour(Some(&p(None, " Town Crier "))),
            outlet_colour(Some(&p(Some(""), "town crier")))
        );
        assert_eq!(outlet_colour(None), OTHER_COLOUR);
        assert_eq!(outlet_colour(Some(&p(None, "  "))), OTHER_COLOUR);
        let spread: std::collections::BTreeSet<usize> = (0..40)
            .map(|i| outlet_colour(Some(&p(Some(&format!("outlet{i}.example")), ""))))
            .collect();
        assert!(
            spread.len() >= 6,
            "outlets spread over the palette: {spread:?}"
        );
    }

    #[test]
    fn groups_list_the_largest_story_first_and_colour_it() {
        let b = bundle();
        let stories = b.stories();
        let sub = stories.subgraph(&[0, 1, 2, 3, 4]);
        let groups = story_groups(stories, &sub);
        let seen: Vec<(Vec<u32>, Vec<u32>)> = groups
            .iter()
            .map(|g| (g.articles.clone(), g.outside.clone()))
            .collect();
        assert_eq!(
            seen,
            [
                (vec![0, 1, 2], vec![5, 6]),
                (vec![3], vec![]),
                (vec![4], vec![])
            ]
        );
        assert_eq!(groups[0].lead(), Some(0));
        assert_eq!(
            groups.iter().map(StoryGroup::len).sum::<usize>(),
            sub.nodes.len()
        );
        let looks = view_looks(&b, &sub, &groups);
        let colours: Vec<usize> = looks.iter().map(|l| l.colour).collect();
        assert_eq!(colours, [0, 0, 0, 1, 2, 0, 0]);
        assert_eq!(story_colour(40), OTHER_COLOUR);
        let outside: Vec<bool> = looks.iter().map(|l| l.outside).collect();
        assert_eq!(outside, [false, false, false, false, false, true, true]);
        assert_eq!(looks[0].radius, MAX_RADIUS, "the hottest article");
        assert_eq!(looks[2].radius, MIN_RADIUS, "unknown heat");
        assert_eq!(looks[5].radius, MAX_RADIUS, "the best outside story");
        assert!(looks[6].radius < MAX_RADIUS);
        assert_eq!(node_title(&b, 5), Some("Elsewhere: https://x.example/1"));
        assert_eq!(node_title(&b, 1), Some("Title b"));
    }

    #[test]
    fn ego_looks_colour_by_outlet() {
        let b = bundle();
        let ego = b.stories().ego(0, 2, 10);
        let looks = ego_looks(&b, &ego);
        assert_eq!(looks.len(), ego.nodes.len());
        let x = ego
            .nodes
            .iter()
            .position(|&n| n == 5)
            .expect("x.example story");
        assert_eq!(looks[x].colour, outlet_colour(node_provider(&b, 5)));
        assert_eq!(
            node_provider(&b, 5).and_then(|p| p.domain.as_deref()),
            Some("x.example")
        );
    }

    #[test]
    fn neighbours_are_symmetric_and_clean() {
        let n = neighbours(4, &[[0, 1], [1, 2], [1, 0], [2, 2], [3, 9]]);
        assert_eq!(n, [vec![1], vec![0, 2], vec![1], vec![]]);
    }

    #[test]
    fn fitting_centres_the_layout_with_a_margin() {
        let v = Viewport::fit(Some([-100.0, -50.0, 100.0, 50.0]), 440.0, 240.0, 20.0);
        assert_eq!(v.scale, 2.0);
        assert_eq!(v.to_screen([-100.0, -50.0]), [20.0, 20.0]);
        assert_eq!(v.to_screen([100.0, 50.0]), [420.0, 220.0]);
        let one = Viewport::fit(Some([5.0, 5.0, 5.0, 5.0]), 100.0, 100.0, 10.0);
        assert_eq!(one.scale, MAX_FIT_SCALE, "a single node is not blown up");
        assert_eq!(one.to_screen([5.0, 5.0]), [50.0, 50.0]);
        let none = Viewport::fit(None, 100.0, 60.0, 10.0);
        assert_eq!(none.to_screen([0.0, 0.0]), [50.0, 30.0]);
        let odd = Viewport::fit(Some([f64::NAN, 0.0, 1.0, 1.0]), f64::INFINITY, -5.0, 0.0);
        assert!(odd.scale.is_finite() && odd.x.is_finite() && odd.y.is_finite());
    }

    #[test]
    fn zooming_keeps_the_point_under_the_pointer() {
        let v = Viewport {
            scale: 1.5,
            x: 30.0,
            y: -10.0,
        };
        let at = [200.0, 120.0];
        let under = v.to_layout(at);
        let zoomed = v.zoom_at(2.0, at);
        assert_eq!(zoomed.scale, 3.0);
        let back = zoomed.to_screen(under);
        assert!((back[0] - at[0]).abs() < 1e-9 && (back[1] - at[1]).abs() < 1e-9);
        assert_eq!(v.zoom_at(1e9, at).scale, MAX_SCALE);
        assert_eq!(v.zoom_at(1e-9, at).scale, MIN_SCALE);
        for bad in [0.0, -1.0, f64::NAN, f64::INFINITY] {
            assert_eq!(v.zoom_at(bad, at), v, "{bad}");
        }
        assert_eq!(v.pan(5.0, -5.0).to_screen([0.0, 0.0]), [35.0, -15.0]);
        assert_eq!(v.pan(f64::NAN, 1.0), v);
        let p = [12.5, -7.25];
        let round = v.to_layout(v.to_screen(p));
        assert!((round[0] - p[0]).abs() < 1e-12 && (round[1] - p[1]).abs() < 1e-12);
    }

    #[test]
    fn hits_the_nearest_node_within_reach() {
        let look = |radius| Look {
            outside: false,
            radius,
            colour: 0,
        };
        let positions = [[0.0, 0.0], [10.0, 0.0], [10.0, 0.0]];
        let looks = [look(4.0), look(4.0), look(4.0)];
        let slack = |slack| Reach { slack, least: 0.0 };
        assert_eq!(hit(&positions, &looks, [1.0, 1.0], slack(0.0)), Some(0));
        assert_eq!(
            hit(&positions, &looks, [9.0, 0.0], slack(0.0)),
            Some(1),
            "ties: lower"
        );
        assert_eq!(hit(&positions, &looks, [5.0, 0.0], slack(0.0)), None);
        assert_eq!(hit(&positions, &looks, [5.0, 0.0], slack(1.5)), Some(0));
        assert_eq!(hit(&[], &[], [0.0, 0.0], slack(10.0)), None);
        let tiny = [look(0.5)];
        let least = Reach {
            slack: 0.5,
            least: 12.0,
        };
        assert_eq!(hit(&[[0.0, 0.0]], &tiny, [11.0, 0.0], slack(0.5)), None);
        assert_eq!(
            hit(&[[0.0, 0.0]], &tiny, [11.0, 0.0], least),
            Some(0),
            "a tiny circle is still a 24-unit target"
        );
    }
}
