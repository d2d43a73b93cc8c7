//! The graph view's running picture: the force layout advanced in time slices, one slice per
//! animation frame, drawn to SVG or a canvas, and the pointer gestures that zoom, pan, drag and
//! select, the hubs' labels (placed so they never overlap), and the arrow keys that step the
//! selection from node to node. It lives outside Yew's render cycle because it changes 60 times a second: Yew draws
//! the surface once per scene and this module moves what is on it. Which gesture the pointers
//! make is decided by [`Gestures`]; this module does what each step asks.
//!
//! Frames do at most [`BUDGET_MS`] of layout work on average, so the page keeps answering input
//! while the layout settles: a frame runs ticks until the budget is spent, and when one tick
//! alone costs more (a 10,000-node layout), the excess is paid back by the next frames, which
//! only draw. Dragging a node then stays smooth even though the whole layout follows it.

use crate::library::SharedLibrary;
use crate::node_text::describe;
use crate::palette::colour;
use broadsheet_core::graph::gesture::{Device, Effect, Gestures};
use broadsheet_core::graph::labels::{keep_labels, label_box, step};
use broadsheet_core::graph::layout::Layout;
use broadsheet_core::graph::picture::{hit, Look, Reach, Viewport, COLOURS};
use broadsheet_core::index::stories::Subgraph;
use gloo::events::{EventListener, EventListenerOptions};
use gloo::render::{request_animation_frame, AnimationFrame};
use gloo::utils::window;
use std::cell::RefCell;
use std::f64::consts::TAU;
use std::fmt::Write;
use std::rc::{Rc, Weak};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, Element, HtmlCanvasElement, HtmlElement, PointerEvent};
use yew::Callback;

/// Layout work per animation frame, in milliseconds, on average. With drawing (a few
/// milliseconds for a canvas of 10,000 nodes), a frame stays within the 16.7 ms of a 60 Hz
/// display, and input waits at most one frame.
pub const BUDGET_MS: f64 = 8.0;

/// The layout's seed: the same view always gets the same picture.
const SEED: u64 = 7;
/// Pixels of free space around the graph when it is fitted to the drawing.
const FIT_MARGIN: f64 = 24.0;
/// How far beyond its circle (in CSS pixels) a node still catches the pointer.
const HIT_SLOP: f64 = 4.0;
/// The least distance (in CSS pixels) from its centre at which a node catches the pointer: a
/// 24-pixel target, the smallest a finger hits reliably, however small the circle is drawn
/// (a phone fits the graph in 390 pixels, where the median circle is 5 or 6 across).
const LEAST_REACH: f64 = 12.0;
/// Wheel zoom per pixel of scroll: 100 px of wheel is about a 20% zoom.
const WHEEL_ZOOM: f64 = 0.0018;
/// Circles are never drawn smaller than this many CSS pixels on the canvas, so a zoomed-out
/// 10,000-node graph is still a field of dots.
const MIN_SCREEN_RADIUS: f64 = 1.2;
/// Below this radius in CSS pixels a canvas node is drawn as a square: at that size nobody can
/// tell, and Chromium's software rasteriser fills squares much faster than circles (10,000 of
/// them redrawn every frame: 57 frames per second as squares, 47 as circles, measured in
/// headless Chromium on the benchmark machine).
const SQUARE_BELOW: f64 = 2.5;
/// The name of the Performance measure from the first frame to a settled layout.
pub const LAYOUT_MEASURE: &str = "broadsheet:graph-layout";

/// Everything the picture draws, fixed for one view.
pub struct Scene {
    /// The library the nodes come from, for tooltips.
    pub library: SharedLibrary,
    /// Nodes and edges.
    pub sub: Subgraph,
    /// How each node looks.
    pub looks: Vec<Look>,
    /// Each node's neighbours, for highlighting.
    pub neighbours: Vec<Vec<u32>>,
    /// The node (position) each label names, the largest story's first, and its text.
    pub labels: Vec<(usize, String)>,
    /// The positions in the order the arrow keys step through them.
    pub order: Vec<usize>,
}

/// The labels' font on the canvas; the style sheet gives SVG labels the same.
const LABEL_FONT: &str = "12px system-ui, sans-serif";
/// The height of a label's box, in CSS pixels.
const LABEL_HEIGHT: f64 = 15.0;

/// The drawing the engine moves things on.
pub enum Surface {
    /// SVG drawn by Yew: the `<g>` that holds the picture, its circles in node order, and two
    /// paths for the edges. One path for every edge rather than a line each: moving thousands
    /// of elements per frame is what makes SVG slow, and a path is one attribute.
    Svg {
        /// The transformed group.
        group: Element,
        /// One circle per node.
        circles: Vec<Element>,
        /// Every edge.
        edges: Element,
        /// The hovered node's edges, drawn over the others.
        near: Element,
        /// The `<svg>`, which says when something is hovered.
        root: Element,
        /// One `<text>` per label, in [`Scene::labels`] order, in screen coordinates.
        labels: Vec<Element>,
    },
    /// A canvas the engine paints on.
    Canvas {
        /// The element.
        canvas: HtmlCanvasElement,
        /// Its 2D context.
        context: CanvasRenderingContext2d,
    },
}

/// What a gesture asks of the page, emitted once the engine is no longer borrowed.
#[derive(Clone, Copy)]
enum Outcome {
    Nothing,
    Select(Option<usize>),
    Open(usize),
}

/// The running picture.
pub struct Engine {
    scene: Rc<Scene>,
    layout: Layout,
    viewport: Viewport,
    /// Keep fitting the whole graph to the drawing while it settles, until the reader zooms
    /// or pans.
    auto_fit: bool,
    surface: Surface,
    stage: HtmlElement,
    tooltip: HtmlElement,
    size: [f64; 2],
    hover: Option<usize>,
    selected: Option<usize>,
    gestures: Gestures,
    /// Per colour, the inside and the outside nodes: the canvas fills and strokes each group
    /// with one path.
    by_colour: Vec<(Vec<u32>, Vec<u32>)>,
    frame: Option<AnimationFrame>,
    /// Set when positions moved since the SVG last got them.
    moved: bool,
    /// Layout time spent beyond the budget, which the next frames pay back by not ticking.
    debt_ms: f64,
    /// What the SVG shows as selected and hovered, so a frame touches only what changed.
    svg_selected: Option<usize>,
    svg_hover: Option<usize>,
    /// Each label's measured size, once measured.
    label_sizes: Option<Vec<[f64; 2]>>,
    /// Whether the drawing has keyboard focus: the selected node's tooltip shows then.
    focused: bool,
    /// Set until the first settled frame has been recorded.
    timing: bool,
    /// Whether the drawing says `data-state="settled"`.
    shows_settled: bool,
    on_select: Callback<Option<usize>>,
    on_open: Callback<usize>,
    this: Weak<RefCell<Engine>>,
}

/// The engine and the listeners that feed it; dropping it stops everything.
pub struct Running {
    engine: Rc<RefCell<Engine>>,
    _listeners: Vec<EventListener>,
}

impl Running {
    /// Starts the layout and the drawing on `surface` inside `stage` (the element that takes
    /// the pointer events), with `tooltip` as the hover label.
    pub fn start(
        scene: Rc<Scene>,
        surface: Surface,
        stage: &HtmlElement,
        tooltip: HtmlElement,
        on_select: Callback<Option<usize>>,
        on_open: Callback<usize>,
    ) -> Self {
        let n = scene.sub.nodes.len();
        let layout = Layout::new(n, &scene.sub.edges, SEED);
        let mut by_colour = vec![(Vec::new(), Vec::new()); COLOURS];
        for (i, look) in (0..).zip(&scene.looks) {
            let (inside, outside) = &mut by_colour[look.colour.min(COLOURS - 1)];
            if look.outside {
                outside.push(i);
            } else {
                inside.push(i);
            }
        }
        // Tooltips show dates; have the formatter ready before the first hover.
        crate::dates::warm_up();
        if let Some(p) = window().performance() {
            // Timing is diagnostic only: a refused mark must not stop the picture.
            p.mark(&format!("{LAYOUT_MEASURE}:start")).ok();
        }
        let engine = Rc::new_cyclic(|this| {
            RefCell::new(Engine {
                scene,
                layout,
                viewport: Viewport::default(),
                auto_fit: true,
                surface,
                stage: stage.clone(),
                tooltip,
                size: [0.0; 2],
                hover: None,
                selected: None,
                gestures: Gestures::default(),
                by_colour,
                frame: None,
                moved: true,
                debt_ms: 0.0,
                svg_selected: None,
                svg_hover: None,
                label_sizes: None,
                focused: false,
                timing: true,
                shows_settled: false,
                on_select,
                on_open,
                this: this.clone(),
            })
        });
        let listeners = listen(&engine, stage);
        engine.borrow_mut().schedule();
        Self {
            engine,
            _listeners: listeners,
        }
    }

    /// Shows `node` (a position in the scene) as selected.
    pub fn select(&self, node: Option<usize>) {
        let mut engine = self.engine.borrow_mut();
        if engine.selected != node {
            engine.selected = node;
            engine.show_tip();
            engine.schedule();
        }
    }

    /// Fits the whole graph to the drawing, and keeps it fitted while it settles.
    pub fn fit(&self) {
        let mut engine = self.engine.borrow_mut();
        engine.auto_fit = true;
        engine.schedule();
    }

    /// Zooms about the centre of the drawing.
    pub fn zoom(&self, factor: f64) {
        let mut engine = self.engine.borrow_mut();
        let [w, h] = engine.size;
        engine.viewport = engine.viewport.zoom_at(factor, [w / 2.0, h / 2.0]);
        engine.auto_fit = false;
        engine.schedule();
    }
}

/// Attaches the pointer and wheel listeners. The wheel listener is not passive: it stops the
/// page from scrolling while the reader zooms.
fn listen(engine: &Rc<RefCell<Engine>>, stage: &HtmlElement) -> Vec<EventListener> {
    let active = EventListenerOptions::enable_prevent_default();
    let on = |name: &'static str, handler: fn(&mut Engine, &PointerEvent) -> Outcome| {
        let weak = Rc::downgrade(engine);
        EventListener::new_with_options(stage, name, active, move |event| {
            let (Some(engine), Some(event)) = (weak.upgrade(), event.dyn_ref::<PointerEvent>())
            else {
                return;
            };
            let outcome = handler(&mut engine.borrow_mut(), event);
            Engine::emit(&engine, outcome);
        })
    };
    let weak = Rc::downgrade(engine);
    let wheel = EventListener::new_with_options(stage, "wheel", active, move |event| {
        let (Some(engine), Some(event)) = (weak.upgrade(), event.dyn_ref::<web_sys::WheelEvent>())
        else {
            return;
        };
        event.prevent_default();
        engine.borrow_mut().wheel(event);
    });
    let weak = Rc::downgrade(engine);
    let double = EventListener::new(stage, "dblclick", move |event| {
        let (Some(engine), Some(event)) = (weak.upgrade(), event.dyn_ref::<web_sys::MouseEvent>())
        else {
            return;
        };
        let at = engine.borrow().local(event.client_x(), event.client_y());
        let node = engine.borrow().node_at(at);
        if let Some(node) = node {
            Engine::emit(&engine, Outcome::Open(node));
        }
    });
    let weak = Rc::downgrade(engine);
    let keys = EventListener::new_with_options(stage, "keydown", active, move |event| {
        let (Some(engine), Some(event)) =
            (weak.upgrade(), event.dyn_ref::<web_sys::KeyboardEvent>())
        else {
            return;
        };
        let outcome = engine.borrow_mut().key(event);
        Engine::emit(&engine, outcome);
    });
    let focus = |name: &'static str, on: bool| {
        let weak = Rc::downgrade(engine);
        EventListener::new(stage, name, move |_| {
            if let Some(engine) = weak.upgrade() {
                let mut engine = engine.borrow_mut();
                engine.focused = on;
                engine.show_tip();
            }
        })
    };
    let weak = Rc::downgrade(engine);
    let resize = EventListener::new(&window(), "resize", move |_| {
        if let Some(engine) = weak.upgrade() {
            engine.borrow_mut().schedule();
        }
    });
    vec![
        on("pointerdown", Engine::pointer_down),
        on("pointermove", Engine::pointer_move),
        on("pointerup", Engine::pointer_up),
        on("pointercancel", Engine::pointer_cancel),
        on("pointerleave", Engine::pointer_leave),
        wheel,
        double,
        keys,
        focus("focusin", true),
        focus("focusout", false),
        resize,
    ]
}

impl Engine {
    fn emit(engine: &Rc<RefCell<Self>>, outcome: Outcome) {
        // Callbacks may re-render the page, which talks to the engine again: call them only
        // once the engine is free.
        let (on_select, on_open) = {
            let e = engine.borrow();
            (e.on_select.clone(), e.on_open.clone())
        };
        match outcome {
            Outcome::Nothing => {}
            Outcome::Select(node) => on_select.emit(node),
            Outcome::Open(node) => on_open.emit(node),
        }
    }

    /// Asks for a frame, unless one is already coming.
    fn schedule(&mut self) {
        if self.frame.is_some() {
            return;
        }
        let this = self.this.clone();
        self.frame = Some(request_animation_frame(move |_| {
            if let Some(engine) = this.upgrade() {
                engine.borrow_mut().tick();
            }
        }));
    }

    /// One frame: layout work within the budget, then drawing.
    fn tick(&mut self) {
        self.frame = None;
        let performance = window().performance();
        let now = || performance.as_ref().map_or(0.0, web_sys::Performance::now);
        let running = !self.layout.is_converged();
        if running && self.debt_ms > 0.0 {
            self.debt_ms = (self.debt_ms - BUDGET_MS).max(0.0);
        } else if running {
            let start = now();
            loop {
                self.layout.step();
                if self.layout.is_converged() || now() - start >= BUDGET_MS {
                    break;
                }
            }
            self.debt_ms = (now() - start - BUDGET_MS).max(0.0);
            self.moved = true;
            if self.shows_settled {
                self.shows_settled = false;
                self.drawing().set_attribute("data-state", "running").ok();
            }
        }
        self.measure_stage();
        if self.auto_fit {
            self.viewport =
                Viewport::fit(self.layout.bounds(), self.size[0], self.size[1], FIT_MARGIN);
        }
        self.draw();
        if self.layout.is_converged() {
            self.settled();
        } else {
            self.schedule();
        }
    }

    /// Records the first settling and says so on the drawing, for tests and benchmarks.
    fn settled(&mut self) {
        if self.timing {
            self.timing = false;
            if let Some(p) = window().performance() {
                let start = format!("{LAYOUT_MEASURE}:start");
                p.measure_with_start_mark(LAYOUT_MEASURE, &start).ok();
                p.clear_marks_with_mark_name(&start);
            }
        }
        if !self.shows_settled {
            self.shows_settled = true;
            self.drawing().set_attribute("data-state", "settled").ok();
        }
    }

    fn drawing(&self) -> &Element {
        match &self.surface {
            Surface::Svg { root, .. } => root,
            Surface::Canvas { canvas, .. } => canvas,
        }
    }

    /// Reads the stage's size; a canvas gets a backing store of as many device pixels.
    fn measure_stage(&mut self) {
        let size = [
            f64::from(self.stage.client_width()),
            f64::from(self.stage.client_height()),
        ];
        if size == self.size {
            return;
        }
        self.size = size;
        if let Surface::Canvas { canvas, .. } = &self.surface {
            let ratio = window().device_pixel_ratio().max(1.0);
            // Small, positive.
            let pixels = |css: f64| (css * ratio).round().max(1.0) as u32;
            canvas.set_width(pixels(size[0]));
            canvas.set_height(pixels(size[1]));
        }
    }

    /// A client point as a point of the drawing.
    fn local(&self, x: i32, y: i32) -> [f64; 2] {
        let rect = self.stage.get_bounding_client_rect();
        [f64::from(x) - rect.left(), f64::from(y) - rect.top()]
    }

    fn node_at(&self, at: [f64; 2]) -> Option<usize> {
        let point = self.viewport.to_layout(at);
        hit(
            self.layout.positions(),
            &self.scene.looks,
            point,
            Reach {
                slack: HIT_SLOP / self.viewport.scale,
                least: LEAST_REACH / self.viewport.scale,
            },
        )
    }

    fn pointer_down(&mut self, event: &PointerEvent) -> Outcome {
        let at = self.local(event.client_x(), event.client_y());
        let node = self.node_at(at);
        let effect =
            self.gestures
                .down(event.pointer_id(), device(event), event.button(), at, node);
        self.apply(effect, event)
    }

    fn pointer_move(&mut self, event: &PointerEvent) -> Outcome {
        let at = self.local(event.client_x(), event.client_y());
        let effect = self.gestures.moved(event.pointer_id(), at);
        self.apply(effect, event)
    }

    fn pointer_up(&mut self, event: &PointerEvent) -> Outcome {
        let effect = self.gestures.up(event.pointer_id());
        self.apply(effect, event)
    }

    fn pointer_cancel(&mut self, event: &PointerEvent) -> Outcome {
        let effect = self.gestures.cancel(event.pointer_id());
        self.apply(effect, event)
    }

    fn pointer_leave(&mut self, event: &PointerEvent) -> Outcome {
        let effect = self.gestures.leave(device(event));
        self.apply(effect, event)
    }

    /// Does what a step of a gesture asks of the drawing, the layout and the viewport.
    fn apply(&mut self, effect: Effect, event: &PointerEvent) -> Outcome {
        match effect {
            Effect::Nothing => {}
            Effect::Capture { release } => {
                // Keep receiving this pointer's moves when it leaves the drawing mid-drag.
                if let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) {
                    target.set_pointer_capture(event.pointer_id()).ok();
                }
                event.prevent_default();
                if let Some(node) = release {
                    self.release(node);
                }
            }
            Effect::Hover(at) => {
                let over = self.node_at(at);
                self.hover_on(over, at);
            }
            Effect::Unhover => self.hover_on(None, [0.0; 2]),
            Effect::Drag { node, to } => {
                let [x, y] = self.viewport.to_layout(to);
                self.layout.pin(node, x, y);
                self.moved = true;
                self.hover_on(Some(node), to);
                self.schedule();
            }
            Effect::Pan([dx, dy]) => {
                self.viewport = self.viewport.pan(dx, dy);
                self.auto_fit = false;
                self.schedule();
            }
            Effect::Pinch { factor, around, by } => {
                self.viewport = self.viewport.zoom_at(factor, around).pan(by[0], by[1]);
                self.auto_fit = false;
                self.schedule();
            }
            Effect::Release(node) => self.release(node),
            Effect::Select(node) => return Outcome::Select(node),
        }
        Outcome::Nothing
    }

    /// Lets a dragged node go.
    fn release(&mut self, node: usize) {
        self.layout.unpin(node);
        self.schedule();
    }

    fn wheel(&mut self, event: &web_sys::WheelEvent) {
        let at = self.local(event.client_x(), event.client_y());
        // Lines and pages (Firefox, some mice) scroll much further than pixels.
        let unit = match event.delta_mode() {
            1 => 16.0,
            2 => self.size[1].max(1.0),
            _ => 1.0,
        };
        let factor = (-event.delta_y() * unit * WHEEL_ZOOM).exp();
        self.viewport = self.viewport.zoom_at(factor, at);
        self.auto_fit = false;
        self.schedule();
    }

    /// Arrow keys step the selection through the nodes (in the story list's order), Enter
    /// opens the selected node, Escape clears the selection.
    fn key(&mut self, event: &web_sys::KeyboardEvent) -> Outcome {
        if event.alt_key() || event.ctrl_key() || event.meta_key() {
            return Outcome::Nothing;
        }
        let outcome = match event.key().as_str() {
            "ArrowRight" | "ArrowDown" => {
                Outcome::Select(step(&self.scene.order, self.selected, true))
            }
            "ArrowLeft" | "ArrowUp" => {
                Outcome::Select(step(&self.scene.order, self.selected, false))
            }
            "Enter" => match self.selected {
                Some(node) => Outcome::Open(node),
                None => return Outcome::Nothing,
            },
            "Escape" if self.selected.is_some() => Outcome::Select(None),
            _ => return Outcome::Nothing,
        };
        // The arrows would otherwise scroll the page.
        event.prevent_default();
        outcome
    }

    /// Shows the selected node's tooltip beside it while the drawing has keyboard focus and
    /// nothing is hovered: a keyboard reader's hover.
    fn show_tip(&mut self) {
        if self.hover.is_some() {
            return;
        }
        match self.selected.filter(|_| self.focused) {
            Some(node) => {
                let at = self
                    .layout
                    .positions()
                    .get(node)
                    .map_or([0.0; 2], |&p| self.viewport.to_screen(p));
                self.place_tip(at);
                self.set_tip(Some(node));
            }
            None => self.set_tip(None),
        }
    }

    /// Puts the tooltip beside the screen point `at`.
    fn place_tip(&self, at: [f64; 2]) {
        let style = self.tooltip.style();
        // Kept inside the stage so a node near the right edge keeps a readable label.
        let x = at[0].min(self.size[0] - 200.0).max(0.0);
        style
            .set_property("left", &format!("{:.0}px", x + 12.0))
            .ok();
        style
            .set_property("top", &format!("{:.0}px", at[1] + 12.0))
            .ok();
    }

    /// Fills the tooltip with `node`'s description, or hides it.
    fn set_tip(&self, node: Option<usize>) {
        match node {
            Some(node) => {
                let text = self
                    .scene
                    .library
                    .graphed()
                    .map(|g| describe(&g, self.scene.sub.nodes[node]))
                    .unwrap_or_default();
                self.tooltip.set_text_content(Some(&text));
                self.tooltip.set_hidden(false);
            }
            None => self.tooltip.set_hidden(true),
        }
    }

    /// Highlights `node` and its neighbours and shows its tooltip near `at`.
    fn hover_on(&mut self, node: Option<usize>, at: [f64; 2]) {
        if node.is_some() {
            self.place_tip(at);
        }
        if node == self.hover {
            return;
        }
        if let Surface::Svg { circles, root, .. } = &self.surface {
            mark_near(circles, &self.scene, self.hover, false);
            mark_near(circles, &self.scene, node, true);
            match node {
                Some(_) => root.set_attribute("data-hovering", "").ok(),
                None => root.remove_attribute("data-hovering").ok(),
            };
        }
        self.hover = node;
        if node.is_some() {
            self.set_tip(node);
        } else {
            self.show_tip();
        }
        self.schedule();
    }

    /// Which labels to draw where: each label's box under its node, in screen pixels, kept
    /// when it fits the drawing and overlaps no bigger story's label.
    fn placed_labels(&self, sizes: &[[f64; 2]]) -> Vec<Option<[f64; 4]>> {
        let p = self.layout.positions();
        let boxes: Vec<[f64; 4]> = self
            .scene
            .labels
            .iter()
            .zip(sizes)
            .map(|(&(node, _), &size)| {
                let at = self.viewport.to_screen(p[node]);
                label_box(at, self.screen_radius(node), size)
            })
            .collect();
        keep_labels(&boxes, self.size)
            .into_iter()
            .zip(boxes)
            .map(|(keep, b)| keep.then_some(b))
            .collect()
    }

    fn draw(&mut self) {
        // A canvas measures its labels once: a view of thousands of stories would otherwise
        // measure thousands of strings every frame.
        if let (None, Surface::Canvas { context, .. }) = (&self.label_sizes, &self.surface) {
            context.set_font(LABEL_FONT);
            let sizes = self
                .scene
                .labels
                .iter()
                .map(|(_, text)| {
                    let width = context.measure_text(text).map_or(0.0, |m| m.width());
                    [width.ceil() + 2.0, LABEL_HEIGHT]
                })
                .collect();
            self.label_sizes = Some(sizes);
        }
        match &self.surface {
            Surface::Svg { .. } => self.draw_svg(),
            Surface::Canvas { context, .. } => self.draw_canvas(context),
        }
    }

    fn draw_svg(&mut self) {
        let Surface::Svg {
            group,
            circles,
            edges,
            near,
            labels,
            ..
        } = &self.surface
        else {
            return;
        };
        let v = self.viewport;
        group
            .set_attribute(
                "transform",
                &format!("translate({:.2} {:.2}) scale({:.5})", v.x, v.y, v.scale),
            )
            .ok();
        if self.svg_selected != self.selected {
            if let Some(circle) = self.svg_selected.and_then(|i| circles.get(i)) {
                circle.remove_attribute("data-selected").ok();
            }
            if let Some(circle) = self.selected.and_then(|i| circles.get(i)) {
                circle.set_attribute("data-selected", "").ok();
            }
            self.svg_selected = self.selected;
        }
        // Labels sit in screen pixels, outside the zoomed group: placed again every frame,
        // since the zoom and the fit move them even when the layout does not.
        // Measured once the text is laid out (a stage not yet shown measures nothing).
        if self
            .label_sizes
            .as_ref()
            .is_none_or(|sizes| sizes.iter().any(|&[w, _]| w <= 2.0))
        {
            self.label_sizes = Some(
                labels
                    .iter()
                    .map(|l| {
                        let r = l.get_bounding_client_rect();
                        [r.width().ceil() + 2.0, LABEL_HEIGHT]
                    })
                    .collect(),
            );
        }
        if let Some(sizes) = &self.label_sizes {
            for (label, placed) in labels.iter().zip(self.placed_labels(sizes)) {
                match placed {
                    Some([x, y, w, _]) => {
                        label
                            .set_attribute("x", &format!("{:.1}", x + w / 2.0))
                            .ok();
                        label
                            .set_attribute("y", &format!("{:.1}", y + LABEL_HEIGHT - 3.0))
                            .ok();
                        label.remove_attribute("visibility").ok();
                    }
                    None => {
                        label.set_attribute("visibility", "hidden").ok();
                    }
                }
            }
        }
        let hover_changed = self.svg_hover != self.hover;
        if !self.moved && !hover_changed {
            return;
        }
        let p = self.layout.positions();
        if self.moved {
            for (circle, [x, y]) in circles.iter().zip(p) {
                circle.set_attribute("cx", &format!("{x:.2}")).ok();
                circle.set_attribute("cy", &format!("{y:.2}")).ok();
            }
            edges
                .set_attribute("d", &path(p, &self.scene.sub.edges, |_| true))
                .ok();
        }
        let hub = self
            .hover
            .map(|h| u32::try_from(h).expect("fewer than 2^32 nodes"));
        let close = path(p, &self.scene.sub.edges, |edge| {
            hub.is_some_and(|h| edge.contains(&h))
        });
        near.set_attribute("d", &close).ok();
        self.moved = false;
        self.svg_hover = self.hover;
    }

    fn draw_canvas(&self, context: &CanvasRenderingContext2d) {
        // The theme's paper and ink, as the stage is styled now (the reader may switch themes
        // while the picture is up).
        let style = window().get_computed_style(&self.stage).ok().flatten();
        let read = |name: &str, fallback: &str| {
            style
                .as_ref()
                .and_then(|s| s.get_property_value(name).ok())
                .filter(|v| !v.is_empty())
                .unwrap_or_else(|| fallback.to_owned())
        };
        let paper = read("background-color", "#ffffff");
        let ink = read("color", "#1b1b1b");
        let ratio = window().device_pixel_ratio().max(1.0);
        let [w, h] = self.size;
        context.set_transform(ratio, 0.0, 0.0, ratio, 0.0, 0.0).ok();
        context.clear_rect(0.0, 0.0, w, h);
        let screen: Vec<[f64; 2]> = self
            .layout
            .positions()
            .iter()
            .map(|&p| self.viewport.to_screen(p))
            .collect();
        let near: Option<Vec<bool>> = self.hover.map(|node| {
            let mut near = vec![false; screen.len()];
            near[node] = true;
            for &m in &self.scene.neighbours[node] {
                near[m as usize] = true;
            }
            near
        });
        let faded = near.is_some();
        context.set_global_alpha(if faded { 0.18 } else { 1.0 });
        self.paint(context, &screen, &paper, |_| true);
        if let Some(near) = &near {
            context.set_global_alpha(1.0);
            self.paint(context, &screen, &paper, |i| near[i]);
        }
        context.set_global_alpha(1.0);
        context.set_font(LABEL_FONT);
        context.set_text_align("center");
        context.set_text_baseline("top");
        context.set_fill_style_str(&ink);
        let sizes = self.label_sizes.as_deref().unwrap_or_default();
        for ((_, text), placed) in self.scene.labels.iter().zip(self.placed_labels(sizes)) {
            if let Some([x, y, w, _]) = placed {
                context.fill_text(text, x + w / 2.0, y + 1.0).ok();
            }
        }
        if let Some(node) = self.selected.filter(|&s| s < screen.len()) {
            let [x, y] = screen[node];
            let r = self.screen_radius(node) + 3.0;
            context.begin_path();
            context.arc(x, y, r, 0.0, TAU).ok();
            context.set_line_width(2.5);
            context.set_line_dash(&js_sys::Array::new()).ok();
            context.set_stroke_style_str(&ink);
            context.stroke();
        }
    }

    fn screen_radius(&self, node: usize) -> f64 {
        (self.scene.looks[node].radius * self.viewport.scale).max(MIN_SCREEN_RADIUS)
    }

    /// Paints the edges and nodes for which `keep` holds, one path per colour; stories
    /// elsewhere are rings filled with `paper`.
    fn paint(
        &self,
        context: &CanvasRenderingContext2d,
        screen: &[[f64; 2]],
        paper: &str,
        keep: impl Fn(usize) -> bool,
    ) {
        let [w, h] = self.size;
        let visible = |[x, y]: [f64; 2], r: f64| x > -r && y > -r && x < w + r && y < h + r;
        context.begin_path();
        for &[a, b] in &self.scene.sub.edges {
            let (a, b) = (a as usize, b as usize);
            if !(keep(a) && keep(b)) {
                continue;
            }
            let (s, t) = (screen[a], screen[b]);
            if !visible(s, 0.0) && !visible(t, 0.0) {
                continue;
            }
            context.move_to(s[0], s[1]);
            context.line_to(t[0], t[1]);
        }
        context.set_line_width(1.0);
        context.set_line_dash(&js_sys::Array::new()).ok();
        context.set_stroke_style_str("#a39d8f");
        context.stroke();
        let dash = js_sys::Array::of2(&JsValue::from_f64(3.0), &JsValue::from_f64(2.0));
        let shape = |nodes: &[u32]| {
            context.begin_path();
            let mut any = false;
            for &i in nodes {
                let i = i as usize;
                let r = self.screen_radius(i);
                if keep(i) && visible(screen[i], r) {
                    let [x, y] = screen[i];
                    if r < SQUARE_BELOW {
                        context.rect(x - r, y - r, 2.0 * r, 2.0 * r);
                    } else {
                        context.move_to(x + r, y);
                        context.arc(x, y, r, 0.0, TAU).ok();
                    }
                    any = true;
                }
            }
            any
        };
        for (c, (inside, outside)) in self.by_colour.iter().enumerate() {
            let fill = colour(c);
            if shape(inside) {
                context.set_fill_style_str(fill);
                context.fill();
            }
            if shape(outside) {
                context.set_fill_style_str(paper);
                context.fill();
                context.set_line_width(1.5);
                context.set_line_dash(&dash).ok();
                context.set_stroke_style_str(fill);
                context.stroke();
            }
        }
    }
}

/// SVG path data for the edges `keep` accepts, one `M x y L x y` segment each.
fn path(p: &[[f64; 2]], edges: &[[u32; 2]], keep: impl Fn(&[u32; 2]) -> bool) -> String {
    let mut d = String::with_capacity(edges.len() * 32);
    for edge in edges.iter().filter(|e| keep(e)) {
        let (s, t) = (p[edge[0] as usize], p[edge[1] as usize]);
        // Writing to a String cannot fail.
        write!(d, "M{:.1} {:.1}L{:.1} {:.1}", s[0], s[1], t[0], t[1]).ok();
    }
    d
}

/// Sets or clears `data-near` on a node's circle and its neighbours'.
fn mark_near(circles: &[Element], scene: &Scene, node: Option<usize>, on: bool) {
    let Some(node) = node else { return };
    let set = |el: &Element| {
        if on {
            el.set_attribute("data-near", "").ok();
        } else {
            el.remove_attribute("data-near").ok();
        }
    };
    let mut near = vec![node];
    near.extend(scene.neighbours[node].iter().map(|&m| m as usize));
    for &i in &near {
        if let Some(circle) = circles.get(i) {
            set(circle);
        }
    }
}

/// The kind of pointer `event` comes from.
fn device(event: &PointerEvent) -> Device {
    if event.pointer_type() == "mouse" {
        Device::Mouse
    } else {
        Device::Touch
    }
}
