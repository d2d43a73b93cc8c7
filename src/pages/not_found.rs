//! The pages for an article id the collection does not have, and for a story link whose article id
//! it does not have (a stale or mistyped link).

use crate::hooks::use_document_title;
use broadsheet_core::view::display::clipped;
use yew::prelude::*;

/// The most characters of the id the page echoes: enough to recognise a mistyped link, and a
/// link of kilobytes cannot fill the page.
const MAX_SHOWN: usize = 80;

/// Props of [`NotFound`].
#[derive(Properties, PartialEq)]
pub struct NotFoundProps {
    /// The id the link asked for, decoded; shown as text.
    pub id: AttrValue,
    /// The hash of the view the reader came from, where the way back goes.
    pub back: AttrValue,
}

/// Says which id was not found and offers the way back to the results.
#[component]
pub fn NotFound(props: &NotFoundProps) -> Html {
    use_document_title(AttrValue::Static("Article not found – Broadsheet"));
    html! {
        <section class="not-found" data-testid="not-found">
            <h1 tabindex="-1">{ "No article with this id" }</h1>
            <p>
                { "This build of Broadsheet has no article with the id " }
                <code class="missing-id" data-testid="missing-id">{ clipped(&props.id, MAX_SHOWN) }</code>
                { ". The link may be out of date, or the article was left out of this build." }
            </p>
            <p><a class="back" href={props.back.clone()} data-testid="back-link">{ "← Back to results" }</a></p>
        </section>
    }
}

/// Says that a story link names no article of this build and offers the way back to `back`. A
/// plain function: it has no state, and a component type would cost the wasm its own lifecycle
/// code (see `components`).
pub fn no_such_story(id: &str, back: AttrValue) -> Html {
    html! {
        <section class="not-found" data-testid="story-not-found">
            <h1 tabindex="-1">{ "No such story" }</h1>
            <p>
                { "A story is named by one of its articles, and this build of Broadsheet has no \
                   article with the id " }
                <code class="missing-id" data-testid="missing-id">{ clipped(id, MAX_SHOWN) }</code>
                { ". The link may be out of date, or the story was left out of this build." }
            </p>
            <p><a class="back" href={back} data-testid="back-link">{ "← Back to the list" }</a></p>
        </section>
    }
}
