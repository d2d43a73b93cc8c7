//! The graph view (`#/graph?<view>&node=<key>`): every article of an explore view and the
//! outside stories they link to, laid out as a force-directed picture, beside the same stories
//! as a list. The view comes in as a prop, like the explore page's; the selected node goes out
//! as a key for the URL.

use crate::components::graph_legend::graph_legend;
use crate::components::graph_picture::{GraphPicture, Renderer, SceneRef};
use crate::components::node_details::NodeDetails;
use crate::components::notice::notice;
use crate::components::story_list::StoryList;
use crate::graph_engine::Scene;
use crate::hooks::use_document_title;
use crate::library::{graph_missing, loading, use_files, SharedLibrary};
use crate::numbers::digits;
use crate::timing::measure;
use broadsheet_core::data::library::Need;
use broadsheet_core::graph::labels::{hubs, reading_order, short_title, LABEL_CHARS};
use broadsheet_core::graph::picture::{
    find_node_among, neighbours, node_key, node_title, story_groups, view_looks, Shown, StoryGroup,
};
use broadsheet_core::index::search::Query;
use broadsheet_core::index::stories::Node;
use broadsheet_core::text::url::safe_href;
use broadsheet_core::view::display::graph_summary;
use broadsheet_core::view::explore::explore;
use broadsheet_core::view::route::Route;
use broadsheet_core::view::state::ViewState;
use gloo::utils::window;
use std::rc::Rc;
use yew::prelude::*;

/// Above this many nodes the picture is a canvas rather than SVG. Measured with
/// `node e2e/graph-bench.mjs DIST --renderers` (headless Chromium, software rendering, views of
/// a 10,000-article corpus; frames per second while the layout animates, SVG/canvas): 250
/// nodes 61/60, 502 nodes 60/60, 758 nodes 59/60, 1,004 nodes 58/60, 1,507 nodes 51/60, 3,001
/// nodes 22/61 (with 67 ms tasks), 5,000 nodes 14/59, 10,007 nodes 5/42. SVG keeps up to about
/// 1,000 nodes and then falls behind; even at 1,000 its frames cost more, so a 1,000-node
/// layout settles in about 350 ms as SVG against 250 ms as canvas. On a busy machine SVG
/// degrades sooner (tasks over 50 ms from about 750 nodes).
pub const SVG_MAX_NODES: usize = 1_000;

/// The most nodes the graph view draws: the largest view measured (10,007 nodes: 36–38 frames a
/// second while dragging, 59–60 while zooming). Beyond it the layout is no longer interactive,
/// and in a sharded build drawing would fetch the text of every node first.
const MOST_NODES: usize = 10_007;

/// The name of the Performance measure around building the picture's scene.
const SCENE_MEASURE: &str = "broadsheet:graph-scene";

/// Props of [`GraphPage`].
#[derive(Properties, PartialEq)]
pub struct GraphPageProps {
    /// The articles.
    pub library: SharedLibrary,
    /// The view whose articles to draw.
    pub state: ViewState,
    /// The selected node's key, as the link has it.
    pub node: Option<AttrValue>,
    /// What the link ignored, for a notice.
    pub notices: Rc<[String]>,
    /// Called with the key of the node to select, or `None`.
    pub on_select: Callback<Option<String>>,
    /// Called to hide the notice.
    pub on_dismiss: Callback<()>,
}

/// The picture and the list of one view, computed once per view.
struct Graphed {
    scene: SceneRef,
    groups: Rc<Vec<StoryGroup>>,
}

impl Graphed {
    fn new(library: &SharedLibrary, shown: &dyn Shown, articles: &[u32]) -> Self {
        measure(SCENE_MEASURE, || {
            let stories = shown.stories();
            let sub = stories.subgraph(articles);
            let groups = story_groups(stories, &sub);
            let looks = view_looks(shown, &sub, &groups);
            let neighbours = neighbours(sub.nodes.len(), &sub.edges);
            let labels = hubs(&groups, &sub.nodes, &neighbours)
                .into_iter()
                .filter_map(|at| {
                    let title = node_title(shown, sub.nodes[at])?;
                    Some((at, short_title(title, LABEL_CHARS)))
                })
                .collect();
            let order = reading_order(&groups, &sub.nodes);
            Self {
                scene: SceneRef(Rc::new(Scene {
                    library: library.clone(),
                    sub,
                    looks,
                    neighbours,
                    labels,
                    order,
                })),
                groups: Rc::new(groups),
            }
        })
    }
}

/// SVG up to [`SVG_MAX_NODES`], a canvas above; `?renderer=svg` or `?renderer=canvas` in the
/// page's address (before the `#`) forces one, for measuring where the change should be.
fn renderer(nodes: usize) -> Renderer {
    let search = window().location().search().unwrap_or_default();
    let forced = search
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix("renderer="));
    match forced {
        Some("svg") => Renderer::Svg,
        Some("canvas") => Renderer::Canvas,
        _ if nodes <= SVG_MAX_NODES => Renderer::Svg,
        _ => Renderer::Canvas,
    }
}

/// Opens a node: an article's page here, or an outside story at its outlet in a new tab.
fn open(library: &SharedLibrary, node: u32) {
    let Some(stories) = library.stories() else {
        return;
    };
    match stories.node(node) {
        Node::Article(a) => {
            let Some(article) = library.article(a) else {
                return;
            };
            let hash = Route::Article(article.id.to_string()).to_hash();
            // A refused navigation leaves the reader on the graph, which is still usable.
            window().location().set_hash(&hash).ok();
        }
        Node::Outside(at) => {
            let entry = library.article(at.article).and_then(|a| at.in_article(a));
            if let Some(href) = entry.and_then(|e| safe_href(e.web_url.as_str())) {
                // A blocked pop-up is the browser's decision; the details panel links it too.
                window()
                    .open_with_url_and_target_and_features(href, "_blank", "noopener,noreferrer")
                    .ok();
            }
        }
    }
}

/// The graph page.
#[component]
pub fn GraphPage(props: &GraphPageProps) -> Html {
    use_document_title(AttrValue::Static("Graph – Broadsheet"));
    // In a sharded build: the query's search shards, then the graph, then the articles behind
    // the nodes drawn.
    let library = &props.library;
    let query = Query::parse(props.state.query());
    let words_ready = library.missing(&[Need::Query(&query)]).is_empty();
    let results = {
        let library = props.library.clone();
        use_memo((props.state.clone(), words_ready), move |(state, ready)| {
            ready.then(|| explore(&*library, state).articles)
        })
    };
    // A view too big to draw is said so before its articles are fetched.
    let mut too_big = None;
    let missing = match (&*results, library.stories()) {
        (None, _) => library.missing(&[Need::Query(&query)]),
        (Some(_), None) => library.missing(&[Need::Graph]),
        (Some(results), Some(stories)) => {
            let nodes = stories.subgraph(results).nodes;
            if nodes.len() > MOST_NODES {
                too_big = Some(nodes.len());
                Vec::new()
            } else {
                graph_missing(library, |_| nodes)
            }
        }
    };
    let ready = missing.is_empty() && too_big.is_none();
    use_files(library, missing);
    let graphed = {
        let (library, results) = (props.library.clone(), results.clone());
        use_memo((props.state.clone(), ready), move |(_, ready)| {
            let shown = library.graphed().filter(|_| *ready)?;
            Some(Graphed::new(&library, &shown, (*results).as_ref()?))
        })
    };
    if let Some(nodes) = too_big {
        return html! {
            <section class="graph-page" aria-labelledby="graph-title">
                <h1 id="graph-title" tabindex="-1">{ "Graph of these results" }</h1>
                <p class="empty" data-testid="graph-too-big">
                    { format!(
                        "This view has {nodes} articles and stories elsewhere; the graph draws at most \
                         {MOST_NODES}. Go back to the list and narrow it with a search or a filter."
                    ) }
                </p>
                <p><a data-testid="graph-back" href={Route::Explore(props.state.clone()).to_hash()}>{ "← Back to the list" }</a></p>
            </section>
        };
    }
    let (Some(graphed), Some(shown)) = ((*graphed).as_ref(), props.library.graphed()) else {
        return loading("Loading the graph…");
    };
    let scene = graphed.scene.clone();
    let sub = &scene.0.sub;
    let selected_node = props
        .node
        .as_deref()
        .and_then(|key| find_node_among(&shown, &sub.nodes, key));
    // Nodes are ascending (articles, then outside stories), so a node's place is a search.
    let selected = selected_node.and_then(|node| sub.nodes.binary_search(&node).ok());
    let on_pick = {
        let on_select = props.on_select.clone();
        use_callback(scene.clone(), move |position: Option<usize>, scene| {
            let key = position
                .and_then(|p| scene.0.sub.nodes.get(p))
                .and_then(|&node| node_key(&scene.0.library.graphed()?, node));
            on_select.emit(key);
        })
    };
    let on_open = use_callback(scene.clone(), |position: usize, scene| {
        if let Some(&node) = scene.0.sub.nodes.get(position) {
            open(&scene.0.library, node);
        }
    });
    let on_close = props.on_select.reform(|()| None);
    let articles: usize = graphed.groups.iter().map(|g| g.articles.len()).sum();
    let outside = sub.nodes.len() - articles;
    let summary = graph_summary(graphed.groups.len(), articles, outside, &digits());
    let label = AttrValue::from(format!(
        "Graph of {summary}. The list of stories beside it has the same content."
    ));
    html! {
        <section class="graph-page" aria-labelledby="graph-title">
            { notice(&props.notices, &props.on_dismiss) }
            <header class="page-header">
                <h1 id="graph-title" tabindex="-1">{ "Graph of these results" }</h1>
                <p class="result-summary">
                    <span data-testid="graph-summary">{ summary }</span>
                    <span class="sep" aria-hidden="true">{ " · " }</span>
                    <a data-testid="graph-back" href={Route::Explore(props.state.clone()).to_hash()}>
                        { "← Back to the list" }
                    </a>
                </p>
            </header>
            if let Some(key) = props.node.as_ref().filter(|_| selected.is_none()) {
                <p class="node-missing" role="status" data-testid="node-missing">
                    { format!(
                        "The link selects “{}”, which is not in this graph (it may have been \
                         filtered out or removed from the collection), so nothing is selected.",
                        key.chars().take(80).collect::<String>()
                    ) }
                </p>
            }
            if sub.nodes.is_empty() {
                <p class="empty" data-testid="graph-empty">
                    { "No articles match this view, so there is nothing to draw. Go back to the list and widen it." }
                </p>
            } else {
                <div class="graph-layout">
                    <div class="graph-main">
                        <GraphPicture
                            scene={scene.clone()}
                            renderer={renderer(sub.nodes.len())}
                            {selected}
                            {label}
                            on_select={on_pick}
                            {on_open}
                        />
                        if let Some(node) = selected_node.filter(|_| selected.is_some()) {
                            <NodeDetails library={props.library.clone()} {node} {on_close} />
                        }
                        { graph_legend(&shown, &graphed.groups) }
                    </div>
                    <StoryList
                        library={props.library.clone()}
                        groups={Rc::clone(&graphed.groups)}
                        on_select={props.on_select.clone()}
                    />
                </div>
            }
        </section>
    }
}
