//! The graph view's legend: which colour is which of the largest stories, and what the shapes
//! and sizes mean.

use crate::components::swatch::swatch;
use broadsheet_core::graph::picture::{node_title, story_colour, Shown, StoryGroup, OTHER_COLOUR};
use yew::prelude::*;

/// A `<div data-testid="graph-legend">` for the stories of the view, largest first.
pub fn graph_legend(shown: &dyn Shown, groups: &[StoryGroup]) -> Html {
    let coloured = groups
        .iter()
        .take(OTHER_COLOUR)
        .enumerate()
        .map(|(rank, group)| {
            let title = group
                .lead()
                .and_then(|n| node_title(shown, n).map(str::to_owned))
                .unwrap_or_default();
            html! {
                <li key={group.story} class="legend-item">
                    { swatch(story_colour(rank), false) }
                    <span class="legend-label">{ title }</span>
                    <span class="muted">{ format!(" ({})", group.len()) }</span>
                </li>
            }
        });
    let others = groups.len().saturating_sub(OTHER_COLOUR);
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
