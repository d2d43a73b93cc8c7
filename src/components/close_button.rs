//! The "×" button that dismisses a note or closes a dialog: one shape, so every such button has
//! a name a screen reader reads and a tooltip that says the same.

use yew::prelude::*;

/// A `<button>` showing "×", named `label` for screen readers and as its tooltip, with the test id
/// `testid`.
pub fn close_button(
    class: &'static str,
    testid: &'static str,
    label: &'static str,
    onclick: Callback<MouseEvent>,
) -> Html {
    html! {
        <button type="button" {class} data-testid={testid} aria-label={label} title={label} {onclick}>
            { "×" }
        </button>
    }
}
