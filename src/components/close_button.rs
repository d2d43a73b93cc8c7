//! The "×" button that dismisses a note or closes a dialog: one shape, so every such button has
//! a name a screen reader reads and a tooltip that says the same.

use yew::prelude::*;

/// Props of [`CloseButton`].
#[derive(Properties, PartialEq)]
pub struct CloseButtonProps {
    /// The button's class (its place in the note or dialog it closes).
    pub class: AttrValue,
    /// Its `data-testid`.
    pub testid: AttrValue,
    /// What it does, for screen readers and as its tooltip ("Dismiss", "Close").
    pub label: AttrValue,
    /// Called when it is clicked.
    pub onclick: Callback<MouseEvent>,
}

/// A `<button type="button">` showing "×".
#[component]
pub fn CloseButton(props: &CloseButtonProps) -> Html {
    html! {
        <button
            type="button"
            class={props.class.clone()}
            data-testid={props.testid.clone()}
            aria-label={props.label.clone()}
            title={props.label.clone()}
            onclick={props.onclick.clone()}
        >
            { "×" }
        </button>
    }
}
