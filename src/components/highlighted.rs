//! Text with the words a search matched marked. Which words match is
//! `broadsheet_core::index::search::highlight`'s answer; every piece is rendered as a text node, so
//! article text can never become markup.

use broadsheet_core::index::search::{highlight, Query};
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`Highlighted`].
#[derive(Properties, PartialEq)]
pub struct HighlightedProps {
    /// The text as the article has it.
    pub text: AttrValue,
    /// The parsed search; an empty query marks nothing.
    pub query: Rc<Query>,
}

/// The text, with each matched word in a `<mark>`.
#[component]
pub fn Highlighted(props: &HighlightedProps) -> Html {
    if props.query.is_empty() {
        return html! { { props.text.clone() } };
    }
    let segments = highlight(&props.text, &props.query);
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
