//! Keeps `document.title` in step with the page shown, so tabs, history and bookmarks name it.

use gloo::utils::document;
use yew::prelude::*;

/// Sets `document.title` to `title` (as text) whenever it changes.
#[hook]
pub fn use_document_title(title: AttrValue) {
    use_effect_with(title, |title| document().set_title(title));
}
