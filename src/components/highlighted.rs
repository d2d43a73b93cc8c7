//! Text with the words a search matched marked. Which words match is
//! `broadsheet_core::index::search::highlight`'s answer; every piece is rendered as a text node, so
//! article text can never become markup.

use broadsheet_core::index::search::{highlight, Query};
use yew::prelude::*;

/// `text` with what `query` matches in `<mark>`: plain text for an empty query, and
/// [`super::nothing`] when there is no text to show.
pub fn highlighted(text: &str, query: &Query) -> Html {
    if query.is_empty() {
        return html! { { text } };
    }
    let segments = highlight(text, query);
    if segments.is_empty() {
        return super::nothing();
    }
    html! {
        for segment in segments {
            if segment.hit {
                <mark>{ segment.text }</mark>
            } else {
                { segment.text }
            }
        }
    }
}
