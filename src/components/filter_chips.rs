//! The active filters as removable chips above the results, with "Clear all".

use yew::prelude::*;

/// A `<ul aria-label="Active filters">` of chips, one per label (one per active filter, in the
/// view's order), or [`super::nothing`] when no filter is active. `clear_all` offers "Clear all"
/// here (the empty-results message offers its own); `on_remove` is called with the position of
/// the filter to drop, `on_clear` to drop every filter.
pub fn filter_chips(
    labels: &[String],
    clear_all: bool,
    on_remove: &Callback<usize>,
    on_clear: &Callback<()>,
) -> Html {
    if labels.is_empty() {
        return super::nothing();
    }
    let chips = labels.iter().enumerate().map(|(i, label)| {
        let onclick = on_remove.reform(move |_: MouseEvent| i);
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
    let on_clear = on_clear.reform(|_: MouseEvent| ());
    html! {
        <ul class="chips" aria-label="Active filters">
            { for chips }
            if clear_all {
                <li class="chip-clear">
                    <button type="button" class="link-button" data-testid="clear-filters" onclick={on_clear}>
                        { "Clear all" }
                    </button>
                </li>
            }
        </ul>
    }
}
