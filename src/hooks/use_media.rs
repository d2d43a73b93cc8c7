//! Whether a CSS media query matches, kept up to date while the page is open.

use gloo::events::EventListener;
use gloo::utils::window;
use yew::prelude::*;

fn matches(query: &str) -> bool {
    window()
        .match_media(query)
        .ok()
        .flatten()
        .is_some_and(|list| list.matches())
}

/// Whether `query` matches the window now. The caller renders again when that changes (a
/// window resized across a breakpoint, a phone turned). False where the browser cannot tell.
#[hook]
pub fn use_media(query: &'static str) -> bool {
    let matched = use_state_eq(|| matches(query));
    {
        let matched = matched.setter();
        use_effect_with(query, move |&query| {
            let listener = window().match_media(query).ok().flatten().map(|list| {
                let target = list.clone();
                EventListener::new(&target, "change", move |_| matched.set(list.matches()))
            });
            move || drop(listener)
        });
    }
    *matched
}
