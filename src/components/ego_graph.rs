//! The article page's ego graph: the article, its related stories and theirs (two links out),
//! laid out by `broadsheet_core::graph::layout` and drawn as SVG. The graph is small (capped), so
//! the layout runs to convergence before drawing, in well under a frame, and the picture is plain
//! markup: each node is a link (inside the app or out to the outlet) with a `<title>` tooltip.

use crate::components::swatch::swatch;
use crate::library::{graph_missing, loading, use_files, ArticleRef, SharedLibrary};
use crate::node_text::describe;
use crate::palette::colour;
use broadsheet_core::graph::layout::settle;
use broadsheet_core::graph::picture::{
    ego_looks, node_key, node_provider, Look, Shown, MAX_RADIUS,
};
use broadsheet_core::index::stories::{Node, Subgraph};
use broadsheet_core::text::url::safe_href;
use broadsheet_core::view::route::Route;
use yew::prelude::*;

/// How many links out from the article the graph reaches.
const DEPTH: u32 = 2;
/// How many nodes the graph shows at first, and how many more each "Show more" adds.
const STEP: usize = 24;
/// The most nodes "Show more" goes up to: beyond this the exact layout is no longer instant,
/// and the graph view is the place for big pictures.
const MOST: usize = 240;
/// The layout's seed: the same article always gets the same picture.
const SEED: u64 = 1;
/// Ticks after which the layout stops even if it has not settled (it settles far sooner).
const MAX_TICKS: usize = 600;
/// CSS pixels per layout unit at full size: circles of a few pixels, edges of about fifty. A
/// narrow screen shrinks the whole picture rather than cropping it.
const PIXELS_PER_UNIT: f64 = 1.6;

/// Props of [`EgoGraph`].
#[derive(Properties, PartialEq)]
pub struct EgoGraphProps {
    /// The data.
    pub library: SharedLibrary,
    /// The article at the centre.
    pub article: ArticleRef,
}

/// The ego graph, laid out.
struct Drawing {
    sub: Subgraph,
    looks: Vec<Look>,
    positions: Vec<[f64; 2]>,
    view_box: String,
    /// Width and height at full size, in CSS pixels.
    size: [String; 2],
}

impl Drawing {
    fn new(shown: &dyn Shown, article: u32, cap: usize) -> Self {
        let sub = shown.stories().ego(article, DEPTH, cap);
        let looks = ego_looks(shown, &sub);
        // A lone article still gets a small square rather than a zero-sized box.
        let settled = settle(
            sub.nodes.len(),
            &sub.edges,
            SEED,
            MAX_TICKS,
            MAX_RADIUS + 6.0,
            60.0,
        );
        let [x, y, w, h] = settled.view_box;
        let view_box = format!("{x:.1} {y:.1} {w:.1} {h:.1}");
        Self {
            positions: settled.positions,
            sub,
            looks,
            view_box,
            size: [w, h].map(|v| format!("{:.0}", v * PIXELS_PER_UNIT)),
        }
    }
}

/// An `<svg data-testid="ego-graph">` with a `[data-node]` circle per node, a legend of the
/// outlets, and "Show more" while the cap leaves nodes out.
#[component]
pub fn EgoGraph(props: &EgoGraphProps) -> Html {
    let cap = use_state_eq(|| STEP);
    let number = props.article.number();
    let missing = graph_missing(&props.library, |s| s.ego(number, DEPTH, *cap).nodes);
    let ready = missing.is_empty();
    use_files(&props.library, missing);
    let drawing = {
        let library = props.library.clone();
        use_memo((number, *cap, ready), move |&(number, cap, ready)| {
            let shown = library.graphed().filter(|_| ready)?;
            Some(Drawing::new(&shown, number, cap))
        })
    };
    let (Some(drawing), Some(library)) = ((*drawing).as_ref(), props.library.graphed()) else {
        return loading("Loading the stories around this one…");
    };
    let library = &library;
    let Drawing {
        sub,
        looks,
        positions,
        view_box,
        size,
    } = drawing;
    let edges = sub.edges.iter().map(|&[a, b]| {
        let (p, q) = (positions[a as usize], positions[b as usize]);
        html! {
            <line
                x1={format!("{:.1}", p[0])} y1={format!("{:.1}", p[1])}
                x2={format!("{:.1}", q[0])} y2={format!("{:.1}", q[1])}
            />
        }
    });
    let nodes = sub.nodes.iter().enumerate().map(|(i, &node)| {
        let look = looks[i];
        let [x, y] = positions[i];
        let fill = colour(look.colour);
        let class = classes!(
            "node",
            look.outside.then_some("outside"),
            (node == number).then_some("centre")
        );
        let circle = html! {
            <circle
                {class}
                data-node={node_key(library, node)}
                cx={format!("{x:.1}")}
                cy={format!("{y:.1}")}
                r={format!("{:.1}", look.radius)}
                fill={if look.outside { "none" } else { fill }}
                stroke={fill}
            >
                <title>{ describe(library, node) }</title>
            </circle>
        };
        match library.stories().node(node) {
            Node::Article(a) if a == number => circle,
            Node::Article(a) => match library.article(a) {
                Some(other) => html! {
                    <a href={Route::Article(other.id.to_string()).to_hash()}>{ circle }</a>
                },
                None => circle,
            },
            Node::Outside(at) => {
                let entry = library.article(at.article).and_then(|a| at.in_article(a));
                match entry.and_then(|e| safe_href(e.web_url.as_str())) {
                    Some(href) => html! {
                        <a href={href.to_owned()} target="_blank" rel="noopener noreferrer">{ circle }</a>
                    },
                    None => circle,
                }
            }
        }
    });
    let legend = outlets_legend(library, sub, looks);
    let more = {
        let cap = cap.clone();
        Callback::from(move |_: MouseEvent| cap.set((*cap + STEP).min(MOST)))
    };
    html! {
        <section class="ego" aria-labelledby="ego-title">
            <h2 id="ego-title">{ "Around this story" }</h2>
            <p class="muted">
                { "This article, the stories it lists as related, and the ones those list. Filled circles are in this collection, dashed rings are elsewhere; size is heat (quality for stories elsewhere), colour is the outlet. Select a circle to open it." }
            </p>
            <svg
                class="ego-graph"
                data-testid="ego-graph"
                data-node-count={sub.nodes.len().to_string()}
                data-edge-count={sub.edges.len().to_string()}
                viewBox={view_box.clone()}
                width={size[0].clone()}
                height={size[1].clone()}
                role="group"
                aria-label="Related stories around this article"
            >
                <g class="edges">{ for edges }</g>
                <g class="nodes">{ for nodes }</g>
            </svg>
            <ul class="legend" aria-label="Outlets">{ legend }</ul>
            if sub.truncated && *cap < MOST {
                <p>
                    <button type="button" class="button" data-testid="ego-more" onclick={more}>
                        { "Show more" }
                    </button>
                </p>
            }
        </section>
    }
}

/// One legend entry per outlet in the picture, in order of first appearance.
fn outlets_legend(library: &dyn Shown, sub: &Subgraph, looks: &[Look]) -> Html {
    let mut seen: Vec<(String, usize)> = Vec::new();
    for (&node, look) in sub.nodes.iter().zip(looks) {
        let name = node_provider(library, node)
            .map_or_else(|| "Unknown outlet".to_owned(), |p| p.name.clone());
        if !seen.iter().any(|(n, _)| *n == name) {
            seen.push((name, look.colour));
        }
    }
    seen.into_iter()
        .map(|(name, c)| {
            html! {
                <li key={name.clone()} class="legend-item">
                    { swatch(c, false) }
                    { name }
                </li>
            }
        })
        .collect()
}
