//! Keeps `document.title` in step with the page shown, so tabs, history and bookmarks name it.

use gloo::utils::document;
use yew::prelude::*;

/// Sets `document.title` to `title` (as text) whenever it changes.
#[hook]
pub fn use_document_title(title: AttrValue) {
    // Set while the page renders rather than in an effect: Yew runs effects in a later task
    // when a render pass takes longer than a frame (16 ms), and the title would then lag the
    // results it names, past the frame that paints them.
    let set = use_mut_ref(|| None::<AttrValue>);
    if set.borrow().as_ref() != Some(&title) {
        document().set_title(&title);
        *set.borrow_mut() = Some(title);
    }
}
