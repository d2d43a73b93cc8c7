//! The explore page's keyboard shortcuts: `/` focuses the search field, `j` and `k` (or the
//! arrow keys, once a result has the focus) move through the results, and Enter then opens the
//! focused one, as any focused link does. Keys typed into a field are left alone.

use gloo::events::{EventListener, EventListenerOptions};
use gloo::utils::document;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

/// The field `/` focuses.
const SEARCH: &str = "search";
/// The link in each result card that the keys move between.
const RESULT_LINKS: &str = "article.card [data-testid=\"open-article\"]";

/// Listens for the shortcuts while the calling page is shown.
#[hook]
pub fn use_shortcuts() {
    use_effect_with((), |()| {
        // gloo listeners are passive unless told otherwise, and a passive listener cannot
        // stop the `/` from being typed into the field it focuses.
        let options = EventListenerOptions::enable_prevent_default();
        let listener = EventListener::new_with_options(&document(), "keydown", options, |event| {
            if let Some(key) = event.dyn_ref::<KeyboardEvent>() {
                on_key(key);
            }
        });
        move || drop(listener)
    });
}

fn on_key(key: &KeyboardEvent) {
    if key.ctrl_key() || key.meta_key() || key.alt_key() || key.default_prevented() {
        return;
    }
    let active = document().active_element();
    let typing = active
        .as_ref()
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
    if typing {
        return;
    }
    let in_results = active
        .as_ref()
        .and_then(|el| el.closest("article.card").ok().flatten())
        .is_some();
    let step = match key.key().as_str() {
        "/" => {
            if let Some(field) = document()
                .get_element_by_id(SEARCH)
                .and_then(|el| el.dyn_into::<HtmlInputElement>().ok())
            {
                // Otherwise the `/` would be typed into the field it just focused.
                key.prevent_default();
                field.focus().ok();
                field.select();
            }
            return;
        }
        "j" => 1,
        "k" => -1,
        // Arrows scroll the page as usual until the reader has entered the list.
        "ArrowDown" if in_results => 1,
        "ArrowUp" if in_results => -1,
        _ => return,
    };
    let Ok(links) = document().query_selector_all(RESULT_LINKS) else {
        return;
    };
    let count = links.length();
    if count == 0 {
        return;
    }
    let current = (0..count).find(|&i| {
        let card = links
            .item(i)
            .and_then(|n| n.dyn_into::<Element>().ok())
            .and_then(|el| el.closest("article.card").ok().flatten());
        match (card, &active) {
            (Some(card), Some(active)) => card.contains(Some(active)),
            _ => false,
        }
    });
    let next = match (current, step) {
        (None, _) => 0,
        (Some(i), 1) => (i + 1).min(count - 1),
        (Some(i), _) => i.saturating_sub(1),
    };
    if let Some(link) = links
        .item(next)
        .and_then(|n| n.dyn_into::<HtmlElement>().ok())
    {
        key.prevent_default();
        link.focus().ok();
    }
}
