//! The active filters as removable chips above the results, with "Clear all".

use std::rc::Rc;
use yew::prelude::*;

/// Props of [`FilterChips`].
#[derive(Properties, PartialEq)]
pub struct FilterChipsProps {
    /// One label per active filter, in the view's order.
    pub labels: Rc<Vec<String>>,
    /// Whether to offer "Clear all" here (the empty-results message offers its own).
    #[prop_or(true)]
    pub clear_all: bool,
    /// Called with the position of the filter to drop.
    pub on_remove: Callback<usize>,
    /// Called to drop every filter.
    pub on_clear: Callback<()>,
}

/// A `<ul aria-label="Active filters">` of chips, or [`super::nothing`] when no filter is active.
#[component]
pub fn FilterChips(props: &FilterChipsProps) -> Html {
    if props.labels.is_empty() {
        return super::nothing();
    }
    let chips = props.labels.iter().enumerate().map(|(i, label)| {
        let onclick = props.on_remove.reform(move |_: MouseEvent| i);
        html! {
            <li key={label.as_str()} class="chip" data-testid="chip">
                <span class="chip-label">{ label.clone() }</span>
                <button
                    type="button"
                    class="chip-remove"
                    data-testid="chip-remove"
                    aria-label={format!("Remove {label}")}
                    title="Remove"
                    {onclick}
                >
                    { "×" }
                </button>
            </li>
        }
    });
    let on_clear = props.on_clear.reform(|_: MouseEvent| ());
    html! {
        <ul class="chips" aria-label="Active filters">
            { for chips }
            if props.clear_all {
                <li class="chip-clear">
                    <button type="button" class="link-button" data-testid="clear-filters" onclick={on_clear}>
                        { "Clear all" }
                    </button>
                </li>
            }
        </ul>
    }
}
