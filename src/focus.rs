//! Keyboard focus across pages: after a move to another page, focus goes to that page's heading
//! and a polite live region names the page; Back from an article puts focus on that article's
//! link in the list it was opened from. Which of these a move calls for is
//! `Route::arrival`'s answer; this module finds the element once the page has drawn it.

use broadsheet_core::view::route::{Arrival, Route};
use gloo::utils::document;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{FocusOptions, HtmlElement};
use yew::prelude::*;

/// Moves focus after route changes; returns what the live region should say.
#[hook]
pub fn use_arrival(route: &Route) -> AttrValue {
    let previous = use_mut_ref(|| route.clone());
    let pending = use_mut_ref(|| None::<Arrival>);
    let announcement = use_state_eq(AttrValue::default);
    {
        let (previous, pending, announcement) =
            (previous.clone(), pending.clone(), announcement.clone());
        use_effect_with(route.clone(), move |route| {
            let arrival = route.arrival(&previous.borrow());
            *previous.borrow_mut() = route.clone();
            if arrival != Arrival::Stay {
                *pending.borrow_mut() = Some(arrival);
                // The page's own title effect has run by now (children's effects run first).
                announcement.set(AttrValue::from(document().title()));
            }
        });
    }
    // Every render: a page still loading (an article in a sharded build) draws its heading
    // later, and focus waits for it.
    use_effect(move || try_focus(&pending));
    (*announcement).clone()
}

fn try_focus(pending: &Rc<RefCell<Option<Arrival>>>) {
    let target = match &*pending.borrow() {
        None | Some(Arrival::Stay) => return,
        Some(Arrival::Heading) => heading(),
        Some(Arrival::Card(id)) => card_link(id).or_else(heading),
    };
    if let Some(element) = target {
        let options = FocusOptions::new();
        // The route adapter has restored the page's scroll position; focus must not move it.
        options.set_prevent_scroll(true);
        element.focus_with_options(&options).ok();
        *pending.borrow_mut() = None;
    }
}

/// The main heading of the page shown, focusable by script only.
fn heading() -> Option<HtmlElement> {
    let element = document()
        .query_selector("main h1")
        .ok()
        .flatten()?
        .dyn_into::<HtmlElement>()
        .ok()?;
    if !element.has_attribute("tabindex") {
        element.set_attribute("tabindex", "-1").ok()?;
    }
    Some(element)
}

/// The link to article `id`'s page in the list or timeline shown (a card's "Details"), when
/// there is one.
fn card_link(id: &str) -> Option<HtmlElement> {
    let mut selector = String::from("main [data-article-id=\"");
    // Ids are file names; escape what would end the attribute value.
    for c in id.chars() {
        if c == '"' || c == '\\' {
            selector.push('\\');
        }
        selector.push(c);
    }
    selector.push_str("\"] [data-testid=\"open-article\"]");
    document()
        .query_selector(&selector)
        .ok()
        .flatten()?
        .dyn_into::<HtmlElement>()
        .ok()
}
