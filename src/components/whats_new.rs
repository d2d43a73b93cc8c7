//! The note a returning reader sees when the collection gained articles since their last visit
//! (the rule is `broadsheet_core::view::visit`), with a link to the list newest first.
//!
//! The one value kept between visits lives in localStorage under a key per page address, so two
//! collections served from one site keep apart. Storage may be missing or refuse (a sandboxed
//! frame, storage switched off); the note is then never shown, which is not worth a console line.

use super::close_button::close_button;
use crate::library::SharedLibrary;
use crate::numbers::digits;
use broadsheet_core::view::display::new_articles_label;
use broadsheet_core::view::visit::{visit, Visit};
use gloo::utils::window;
use web_sys::Storage;
use yew::prelude::*;

/// Where the newest publication time a visit showed is kept, for this page's address.
fn storage_key() -> String {
    let path = window().location().pathname().unwrap_or_default();
    let folder = path.strip_suffix("index.html").unwrap_or(&path);
    format!("broadsheet:newest-seen:{folder}")
}

fn storage() -> Option<Storage> {
    window().local_storage().ok().flatten()
}

/// Props of [`WhatsNew`].
#[derive(Properties, PartialEq)]
pub struct WhatsNewProps {
    /// The collection as this visit found it.
    pub library: SharedLibrary,
}

/// A `<div role="status" data-testid="whats-new">` saying how many articles are new, or
/// [`super::nothing`] on a first visit, when nothing is new, or once dismissed.
#[component]
pub fn WhatsNew(props: &WhatsNewProps) -> Html {
    // Compared once, when the collection first shows: the note keeps the count it arrived with.
    let arrival = {
        let library = props.library.clone();
        use_state(move || {
            let kept = storage().and_then(|s| s.get_item(&storage_key()).ok().flatten());
            visit(library.catalog(), kept.as_deref())
        })
    };
    let dismissed = use_state(|| false);
    {
        let keep = arrival.keep.clone();
        use_effect_with((), move |()| {
            if let (Some(storage), Some(keep)) = (storage(), keep) {
                storage.set_item(&storage_key(), &keep).ok();
            }
        });
    }
    let Visit {
        new_articles: Some(count @ 1..),
        ..
    } = *arrival
    else {
        return super::nothing();
    };
    if *dismissed {
        return super::nothing();
    }
    let dismiss = {
        let dismissed = dismissed.clone();
        Callback::from(move |_: MouseEvent| dismissed.set(true))
    };
    html! {
        <div class="notice whats-new" role="status" data-testid="whats-new">
            <p class="notice-text">
                { new_articles_label(count, &digits()) }
                { " · " }
                <a href="#/?sort=date" data-testid="whats-new-show" onclick={dismiss.clone()}>
                    { "Show newest first" }
                </a>
            </p>
            { close_button("notice-dismiss", "dismiss-whats-new", "Dismiss", dismiss) }
        </div>
    }
}
