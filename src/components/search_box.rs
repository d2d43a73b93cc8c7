//! The search field, `#search` (the page's `/` shortcut focuses it). Escape empties it.

use broadsheet_core::view::history::{Control, Edit};
use web_sys::{HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

/// Props of [`SearchBox`].
#[derive(Properties, PartialEq)]
pub struct SearchBoxProps {
    /// The search text.
    pub value: AttrValue,
    /// Called with the new text on every edit: keystrokes are typing (a run the history
    /// coalesces), Escape's emptying is a committed step.
    pub on_input: Callback<(String, Edit)>,
}

/// An `<input type="search" data-testid="search">` with a visible label.
#[component]
pub fn SearchBox(props: &SearchBoxProps) -> Html {
    let oninput = props.on_input.reform(|e: InputEvent| {
        let text = e.target_unchecked_into::<HtmlInputElement>().value();
        (text, Edit::Typing(Control::Search))
    });
    let onkeydown = {
        let on_input = props.on_input.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                on_input.emit((String::new(), Edit::Commit));
            }
        })
    };
    html! {
        <div class="search" role="search">
            <label class="search-label" for="search">{ "Search" }</label>
            <input
                id="search"
                class="search-input"
                type="search"
                data-testid="search"
                placeholder="Titles, topics, outlets…"
                aria-keyshortcuts="/"
                autocomplete="off"
                spellcheck="false"
                value={props.value.clone()}
                {oninput}
                {onkeydown}
            />
        </div>
    }
}
