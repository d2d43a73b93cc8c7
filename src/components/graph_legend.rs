//! The graph view's legend: which colour is which of the largest stories, and what the shapes
//! and sizes mean.

use crate::components::swatch::swatch;
use crate::library::SharedLibrary;
use broadsheet_core::graph::picture::{node_title, story_colour, StoryGroup, OTHER_COLOUR};
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`GraphLegend`].
#[derive(Properties, PartialEq)]
pub struct GraphLegendProps {
    /// Where the articles are.
    pub library: SharedLibrary,
    /// The stories of the view, largest first.
    pub groups: Rc<Vec<StoryGroup>>,
}

/// A `<div data-testid="graph-legend">`.
#[component]
pub fn GraphLegend(props: &GraphLegendProps) -> Html {
    let Some(shown) = props.library.graphed() else {
        return super::nothing();
    };
    let coloured = props
        .groups
        .iter()
        .take(OTHER_COLOUR)
        .enumerate()
        .map(|(rank, group)| {
            let title = group
                .lead()
                .and_then(|n| node_title(&shown, n).map(str::to_owned))
                .unwrap_or_default();
            html! {
                <li key={group.story} class="legend-item">
                    { swatch(story_colour(rank), false) }
                    <span class="legend-label">{ title }</span>
                    <span class="muted">{ format!(" ({})", group.len()) }</span>
                </li>
            }
        });
    let others = props.groups.len().saturating_sub(OTHER_COLOUR);
    html! {
        <div class="legend graph-legend" data-testid="graph-legend">
            <ul class="legend-shapes">
                <li class="legend-item">{ swatch(OTHER_COLOUR, false) }{ "in this collection (size: heat)" }</li>
                <li class="legend-item">{ swatch(OTHER_COLOUR, true) }{ "elsewhere (size: quality)" }</li>
            </ul>
            <ul class="legend-stories" aria-label="Largest stories">
                { for coloured }
                if others > 0 {
                    <li class="legend-item">
                        { swatch(OTHER_COLOUR, false) }
                        { format!("{others} other stories") }
                    </li>
                }
            </ul>
        </div>
    }
}
