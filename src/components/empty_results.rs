//! What the list says when a view matches nothing: that it is empty, what dropping each filter
//! would give, and a way to clear them all.

use crate::numbers::digits;
use broadsheet_core::view::display::count_label;
use yew::prelude::*;

/// A `<div data-testid="no-results">` offering, per active filter, its label and the results
/// without it (`suggestions`); `on_remove` is called with the position of the filter to drop,
/// `on_clear` to drop every filter.
pub fn empty_results(
    suggestions: &[(String, usize)],
    on_remove: &Callback<usize>,
    on_clear: &Callback<()>,
) -> Html {
    let suggestions = suggestions
        .iter()
        .enumerate()
        .filter(|(_, (_, count))| *count > 0)
        .map(|(i, (label, count))| {
            let onclick = on_remove.reform(move |_: MouseEvent| i);
            html! {
                <li key={label.as_str()}>
                    <button type="button" class="link-button" data-testid="drop-filter" {onclick}>
                        { format!("Drop “{label}”") }
                    </button>
                    { format!(" for {}", count_label(*count, &digits())) }
                </li>
            }
        })
        .collect::<Html>();
    let on_clear = on_clear.reform(|_: MouseEvent| ());
    html! {
        <div class="no-results" data-testid="no-results">
            <h2>{ "No articles match" }</h2>
            <p>{ "Try a shorter search, or loosen a filter:" }</p>
            <ul class="suggestions">{ suggestions }</ul>
            <button type="button" class="button" data-testid="clear-filters" onclick={on_clear}>
                { "Clear all filters" }
            </button>
        </div>
    }
}
