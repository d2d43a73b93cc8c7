//! The graph view's picture: Yew draws the surface (an SVG with a circle per node, a line per
//! edge and a label per story hub, or one canvas for big graphs) and the buttons;
//! `crate::graph_engine` then runs the layout on it and answers the pointer and the arrow
//! keys. Selection and opening go out as callbacks.

use crate::graph_engine::{Running, Scene, Surface};
use crate::palette::colour;
use broadsheet_core::graph::picture::node_key;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, Element, HtmlCanvasElement, HtmlElement};
use yew::prelude::*;

/// How the picture is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Renderer {
    /// One SVG element per node and edge: crisp, inspectable, slow when large.
    Svg,
    /// One canvas repainted every frame: fast at any size.
    Canvas,
}

impl Renderer {
    /// The name in `data-renderer` and in the `?renderer=` override.
    pub fn name(self) -> &'static str {
        match self {
            Self::Svg => "svg",
            Self::Canvas => "canvas",
        }
    }
}

/// A scene shared between renders; equal when it is the same scene.
#[derive(Clone)]
pub struct SceneRef(pub Rc<Scene>);

impl PartialEq for SceneRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Props of [`GraphPicture`].
#[derive(Properties, PartialEq)]
pub struct GraphPictureProps {
    /// What to draw.
    pub scene: SceneRef,
    /// How to draw it.
    pub renderer: Renderer,
    /// The selected node, as a position in the scene.
    pub selected: Option<usize>,
    /// A short description of the picture for screen readers.
    pub label: AttrValue,
    /// Called with the node the reader clicked, or `None` for the background.
    pub on_select: Callback<Option<usize>>,
    /// Called with the node the reader double-clicked.
    pub on_open: Callback<usize>,
}

/// A `[data-testid="graph"]` drawing (with `data-node-count`, `data-edge-count`,
/// `data-renderer` and `data-state` = `running` or `settled`; as SVG, a circle per node with
/// `data-node` = its key and `data-story` = its story, and a `text[data-testid="graph-label"]`
/// per story hub, `visibility="hidden"` when it would collide) and its zoom and fit buttons.
/// The drawing takes keyboard focus: the arrow keys step through the nodes.
#[component]
pub fn GraphPicture(props: &GraphPictureProps) -> Html {
    let stage = use_node_ref();
    let drawing = use_node_ref();
    let tooltip = use_node_ref();
    let running: Rc<RefCell<Option<Running>>> = use_mut_ref(|| None);
    {
        let (stage, drawing, tooltip) = (stage.clone(), drawing.clone(), tooltip.clone());
        let running = Rc::clone(&running);
        let (on_select, on_open) = (props.on_select.clone(), props.on_open.clone());
        use_effect_with(
            (props.scene.clone(), props.renderer),
            move |(scene, renderer)| {
                let started = start(
                    scene, *renderer, &stage, &drawing, &tooltip, on_select, on_open,
                );
                *running.borrow_mut() = started;
                move || drop(running.borrow_mut().take())
            },
        );
    }
    {
        let running = Rc::clone(&running);
        use_effect_with(
            (props.selected, props.scene.clone(), props.renderer),
            move |(selected, _, _)| {
                if let Some(r) = running.borrow().as_ref() {
                    r.select(*selected);
                }
            },
        );
    }
    let act = |f: fn(&Running)| {
        let running = Rc::clone(&running);
        Callback::from(move |_: MouseEvent| {
            if let Some(r) = running.borrow().as_ref() {
                f(r);
            }
        })
    };
    let scene = &props.scene.0;
    let nodes = scene.sub.nodes.len().to_string();
    let edges = scene.sub.edges.len().to_string();
    // A new scene gets a new drawing element, so nothing the engine wrote on the old one
    // (positions, `data-state`) survives into it.
    let key = format!("{:p}-{}", Rc::as_ptr(scene), props.renderer.name());
    let surface = match props.renderer {
        Renderer::Svg => {
            let circles = scene
                .sub
                .nodes
                .iter()
                .zip(&scene.looks)
                .map(|(&node, look)| {
                    let fill = colour(look.colour);
                    html! {
                        <circle
                            class={classes!("node", look.outside.then_some("outside"))}
                            data-node={scene.library.graphed().and_then(|g| node_key(&g, node))}
                            data-story={scene.library.stories().map(|s| s.story_of(node).to_string())}
                            r={format!("{:.2}", look.radius)}
                            fill={if look.outside { "none" } else { fill }}
                            stroke={fill}
                        />
                    }
                });
            let labels = scene.labels.iter().map(|(node, text)| {
                let node = scene.sub.nodes[*node];
                html! {
                    <text
                        class="graph-label"
                        data-testid="graph-label"
                        data-node={scene.library.graphed().and_then(|g| node_key(&g, node))}
                    >
                        { text.clone() }
                    </text>
                }
            });
            html! {
                <svg
                    {key}
                    tabindex="0"
                    ref={drawing.clone()}
                    class="graph-drawing graph-svg"
                    data-testid="graph"
                    data-renderer="svg"
                    data-state="running"
                    data-node-count={nodes}
                    data-edge-count={edges}
                    role="img"
                    aria-label={props.label.clone()}
                >
                    <g class="graph-viewport">
                        <path class="edges" />
                        <path class="edges near" />
                        <g class="nodes">{ for circles }</g>
                    </g>
                    <g class="graph-labels" aria-hidden="true">{ for labels }</g>
                </svg>
            }
        }
        Renderer::Canvas => html! {
            <canvas
                {key}
                tabindex="0"
                ref={drawing.clone()}
                class="graph-drawing graph-canvas"
                data-testid="graph"
                data-renderer="canvas"
                data-state="running"
                data-node-count={nodes}
                data-edge-count={edges}
                role="img"
                aria-label={props.label.clone()}
            >
                { props.label.clone() }
            </canvas>
        },
    };
    html! {
        <div class="graph-picture">
            <div class="graph-tools">
                <button type="button" class="button" data-testid="graph-fit" onclick={act(Running::fit)}>
                    { "Fit" }
                </button>
                <button type="button" class="button" data-testid="graph-zoom-in" aria-label="Zoom in" onclick={act(|r| r.zoom(1.25))}>
                    { "+" }
                </button>
                <button type="button" class="button" data-testid="graph-zoom-out" aria-label="Zoom out" onclick={act(|r| r.zoom(0.8))}>
                    { "−" }
                </button>
                // Which hint shows is the style sheet's choice: a finger cannot wheel or
                // double-click.
                <span class="graph-hint hint-pointer muted">
                    { "Drag to pan or move a circle, wheel or pinch to zoom, click to select, double-click to open; on the picture, arrow keys step through the nodes and Enter opens one." }
                </span>
                <span class="graph-hint hint-touch muted" data-testid="touch-hint">
                    { "Drag to pan, pinch to zoom, tap a circle to see it below the picture, double-tap to open it." }
                </span>
            </div>
            <div class="graph-stage" ref={stage}>
                { surface }
                <div class="graph-tooltip" data-testid="graph-tooltip" ref={tooltip} role="tooltip" hidden=true></div>
            </div>
        </div>
    }
}

/// Starts the engine on what Yew drew, or nothing if an element is missing (it never is once
/// rendered).
fn start(
    scene: &SceneRef,
    renderer: Renderer,
    stage: &NodeRef,
    drawing: &NodeRef,
    tooltip: &NodeRef,
    on_select: Callback<Option<usize>>,
    on_open: Callback<usize>,
) -> Option<Running> {
    let stage = stage.cast::<HtmlElement>()?;
    let tooltip = tooltip.cast::<HtmlElement>()?;
    let surface = match renderer {
        Renderer::Svg => {
            let root = drawing.cast::<Element>()?;
            let group = root.query_selector(".graph-viewport").ok()??;
            let all = |selector: &str| -> Option<Vec<Element>> {
                let list = root.query_selector_all(selector).ok()?;
                (0..list.length())
                    .map(|i| list.item(i).and_then(|n| n.dyn_into::<Element>().ok()))
                    .collect()
            };
            Surface::Svg {
                group,
                circles: all(".nodes circle")?,
                edges: root.query_selector(".edges:not(.near)").ok()??,
                near: root.query_selector(".edges.near").ok()??,
                labels: all(".graph-labels text")?,
                root,
            }
        }
        Renderer::Canvas => {
            let canvas = drawing.cast::<HtmlCanvasElement>()?;
            let context = canvas
                .get_context("2d")
                .ok()??
                .dyn_into::<CanvasRenderingContext2d>()
                .ok()?;
            Surface::Canvas { canvas, context }
        }
    };
    Some(Running::start(
        Rc::clone(&scene.0),
        surface,
        &stage,
        tooltip,
        on_select,
        on_open,
    ))
}
