//! One result in the embed widget: a headline that opens Broadsheet's page for the article in
//! a new tab (the widget's frame is too small to read in), the outlet and date, and a link to
//! the story at its outlet.

use crate::components::byline::card_byline;
use crate::components::external_link::external_link;
use crate::components::highlighted::highlighted;
use crate::library::CardRef;
use broadsheet_core::index::search::Query;
use broadsheet_core::text::url::safe_href;
use yew::prelude::*;

/// An `<li data-testid="embed-item">` keyed by the article's id, whose headline links to `href`
/// (Broadsheet's page for it: the deployment's address plus `#/article/<id>`) and marks the
/// matches of `query`. A plain function: it has no state, and a component type would cost the
/// wasm its own lifecycle code (see `components`).
pub fn embed_card(article: &CardRef, href: String, query: &Query) -> Html {
    let headline = highlighted(&article.title, query);
    let id = article.id.to_string();
    html! {
        <li key={id.clone()} class="embed-item" data-testid="embed-item" data-article-id={id}>
            <h2 class="embed-heading">
                if safe_href(&href).is_some() {
                    <a
                        class="embed-title"
                        data-testid="open-article"
                        {href}
                        target="_blank"
                        rel="noopener noreferrer"
                    >
                        { headline }
                    </a>
                } else {
                    <span class="embed-title">{ headline }</span>
                }
            </h2>
            <p class="embed-meta">
                { card_byline(article) }
                <span class="sep" aria-hidden="true">{ " · " }</span>
                { external_link(article.web_url.to_string(), classes!("embed-source"), Some("source-link"), html! { "Source" }) }
            </p>
        </li>
    }
}
