//! The route adapter: the page named by `location.hash`, kept current by listening to
//! `hashchange`. What a hash means is decided by `broadsheet_core::route`; this hook only wires
//! it to the browser and manages scrolling between pages.

use broadsheet_core::route::Route;
use gloo::events::EventListener;
use gloo::utils::window;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::HashChangeEvent;
use yew::prelude::*;

/// Where the window should scroll once the new page has rendered.
#[derive(Default)]
struct Scroll {
    /// How far the home list was scrolled when the reader left it.
    home: Cell<f64>,
    /// Set by a route change, taken by the effect that runs after the new page renders.
    pending: Cell<Option<f64>>,
}

/// The current route. Re-renders the caller on every `hashchange`.
///
/// The page is one document, so the browser keeps the list's scroll offset when an article
/// opens and clamps it when the shorter page renders. The hook therefore opens articles at the
/// top and, on the way back, returns to where the reader was in the list.
#[hook]
pub fn use_route() -> Route {
    let route = use_state(current);
    let scroll = use_memo((), |()| Scroll::default());
    {
        let route = route.clone();
        let scroll = Rc::clone(&scroll);
        use_effect_with((), move |()| {
            let listener = EventListener::new(&window(), "hashchange", move |event| {
                let next = current();
                let previous = event
                    .dyn_ref::<HashChangeEvent>()
                    .map(|e| Route::from_hash(e.old_url().split_once('#').map_or("", |(_, h)| h)));
                match (&previous, &next) {
                    (Some(Route::Home), Route::Article(_)) => {
                        scroll.home.set(window().scroll_y().unwrap_or_default());
                        scroll.pending.set(Some(0.0));
                    }
                    (_, Route::Article(_)) => scroll.pending.set(Some(0.0)),
                    (Some(Route::Article(_)), Route::Home) => {
                        scroll.pending.set(Some(scroll.home.get()));
                    }
                    _ => {}
                }
                route.set(next);
            });
            move || drop(listener)
        });
    }
    use_effect_with((*route).clone(), move |_| {
        if let Some(y) = scroll.pending.take() {
            window().scroll_to_with_x_and_y(0.0, y);
        }
    });
    (*route).clone()
}

fn current() -> Route {
    Route::from_hash(&window().location().hash().unwrap_or_default())
}
