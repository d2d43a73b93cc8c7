//! A small SVG bar chart of a distribution. Given `on_select`, the reader can brush it: press on
//! a bar, drag across others and let go to choose that span (a click chooses one bar).

use broadsheet_core::view::explore::Bar;
use std::rc::Rc;
use web_sys::{Element, PointerEvent};
use yew::prelude::*;

/// Width of one bar's slot in SVG units; the chart stretches to its box.
const SLOT: f64 = 10.0;
/// Height of the chart in SVG units.
const HEIGHT: f64 = 40.0;

/// Props of [`BarChart`].
#[derive(Properties, PartialEq)]
pub struct BarChartProps {
    /// The bars, left to right.
    pub bars: Rc<Vec<Bar>>,
    /// One tooltip per bar.
    pub titles: Rc<Vec<String>>,
    /// What the chart shows, for screen readers.
    pub label: AttrValue,
    /// A `data-testid` for browser tests.
    pub testid: AttrValue,
    /// The chosen span, as first and last bar index, to draw highlighted.
    #[prop_or_default]
    pub selected: Option<(usize, usize)>,
    /// Called with the first and last index of a brushed span; without it the chart only shows.
    #[prop_or_default]
    pub on_select: Option<Callback<(usize, usize)>>,
}

/// An `<svg>` of bars, optionally brushable.
#[component]
pub fn BarChart(props: &BarChartProps) -> Html {
    let svg = use_node_ref();
    // The span being brushed: where the press started and where the pointer is.
    let brush = use_state_eq(|| None::<(usize, usize)>);
    let count = props.bars.len();
    let index_at = {
        let svg = svg.clone();
        move |e: &PointerEvent| -> Option<usize> {
            let rect = svg.cast::<Element>()?.get_bounding_client_rect();
            if rect.width() <= 0.0 || count == 0 {
                return None;
            }
            let at = (f64::from(e.client_x()) - rect.left()) / rect.width();
            // Clamped to 0..count.
            let index = (at * count as f64).floor().clamp(0.0, (count - 1) as f64) as usize;
            Some(index)
        }
    };
    let brushable = props.on_select.is_some();
    let down = {
        let (brush, index_at, svg) = (brush.clone(), index_at.clone(), svg.clone());
        Callback::from(move |e: PointerEvent| {
            if let (Some(i), Some(chart)) = (index_at(&e), svg.cast::<Element>()) {
                // Capture keeps the moves and the release coming when the pointer leaves the
                // chart mid-drag.
                chart.set_pointer_capture(e.pointer_id()).ok();
                brush.set(Some((i, i)));
            }
        })
    };
    let moved = {
        let (brush, index_at) = (brush.clone(), index_at.clone());
        Callback::from(move |e: PointerEvent| {
            if let (Some((start, _)), Some(i)) = (*brush, index_at(&e)) {
                brush.set(Some((start, i)));
            }
        })
    };
    let up = {
        let (brush, on_select) = (brush.clone(), props.on_select.clone());
        Callback::from(move |e: PointerEvent| {
            if let (Some((start, end)), Some(on_select)) = (*brush, &on_select) {
                let end = index_at(&e).unwrap_or(end);
                brush.set(None);
                on_select.emit((start.min(end), start.max(end)));
            }
        })
    };
    let cancel = {
        let brush = brush.clone();
        Callback::from(move |_: PointerEvent| brush.set(None))
    };
    let highlighted = brush.map(|(a, b)| (a.min(b), a.max(b))).or(props.selected);
    let tallest = props.bars.iter().map(|b| b.count).max().unwrap_or(0).max(1);
    let bars = props.bars.iter().zip(props.titles.iter()).enumerate().map(|(i, (bar, title))| {
        let height = f64::from(bar.count) / f64::from(tallest) * (HEIGHT - 2.0);
        // An empty bar keeps a hairline, so the time axis stays visible.
        let height = if bar.count == 0 { 0.5 } else { height.max(1.5) };
        // A few dozen bars.
        let x = i as f64 * SLOT;
        let chosen = highlighted.is_some_and(|(a, b)| (a..=b).contains(&i));
        html! {
            <g class={classes!("bar", chosen.then_some("chosen"))}>
                <title>{ title.clone() }</title>
                <rect class="bar-hit" x={x.to_string()} y="0" width={SLOT.to_string()} height={HEIGHT.to_string()} />
                <rect
                    class="bar-fill"
                    x={(x + 1.0).to_string()}
                    y={(HEIGHT - height).to_string()}
                    width={(SLOT - 2.0).to_string()}
                    height={height.to_string()}
                />
            </g>
        }
    });
    let width = count as f64 * SLOT;
    html! {
        <svg
            ref={svg}
            class={classes!("bar-chart", brushable.then_some("brushable"))}
            data-testid={props.testid.clone()}
            viewBox={format!("0 0 {width} {HEIGHT}")}
            preserveAspectRatio="none"
            role="img"
            aria-label={props.label.clone()}
            onpointerdown={brushable.then_some(down)}
            onpointermove={brushable.then_some(moved)}
            onpointerup={brushable.then_some(up)}
            onpointercancel={brushable.then_some(cancel)}
        >
            { for bars }
        </svg>
    }
}
