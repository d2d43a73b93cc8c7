//! One result in the embed widget: a headline that opens Broadsheet's page for the article in
//! a new tab (the widget's frame is too small to read in), the outlet and date, and a link to
//! the story at its outlet.

use crate::components::byline::card_byline;
use crate::components::external_link::external_link;
use crate::components::highlighted::highlighted;
use crate::library::CardRef;
use broadsheet_core::index::search::Query;
use broadsheet_core::text::url::safe_href;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`EmbedCard`].
#[derive(Properties, PartialEq)]
pub struct EmbedCardProps {
    /// The article.
    pub article: CardRef,
    /// Broadsheet's page for it: the deployment's address plus `#/article/<id>`.
    pub href: AttrValue,
    /// The search whose matches to mark in the headline.
    #[prop_or_default]
    pub query: Rc<Query>,
}

/// An `<li data-testid="embed-item">`.
#[component]
pub fn EmbedCard(props: &EmbedCardProps) -> Html {
    let article = &props.article;
    let headline = highlighted(&article.title, &props.query);
    html! {
        <li class="embed-item" data-testid="embed-item" data-article-id={article.id.to_string()}>
            <h2 class="embed-heading">
                if safe_href(&props.href).is_some() {
                    <a
                        class="embed-title"
                        data-testid="open-article"
                        href={props.href.clone()}
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
