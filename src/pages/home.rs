//! The home page (`#/`): every article as a card, hottest first.

use crate::bundle::SharedBundle;
use crate::components::article_card::ArticleCard;
use crate::hooks::use_document_title;
use broadsheet_core::display::count_label;
use yew::prelude::*;

/// Props of [`HomePage`].
#[derive(Properties, PartialEq)]
pub struct HomePageProps {
    /// The articles to list.
    pub bundle: SharedBundle,
}

/// The list of article cards in heat order.
#[component]
pub fn HomePage(props: &HomePageProps) -> Html {
    use_document_title(AttrValue::Static("Broadsheet"));
    let bundle = &props.bundle;
    let cards = bundle.by_heat().map(|article| {
        let key = article.id.to_string();
        html! { <ArticleCard {key} {article} /> }
    });
    html! {
        <section class="home" aria-labelledby="home-title">
            <header class="page-header">
                <h1 id="home-title">{ "Top stories" }</h1>
                <p class="result-summary">
                    <span data-testid="result-count">{ count_label(bundle.len()) }</span>
                    { ", hottest first" }
                </p>
            </header>
            if bundle.is_empty() {
                <p class="empty" data-testid="empty-list">
                    { "There are no articles in this build. Add article files to the content folder and rebuild." }
                </p>
            } else {
                <div class="cards">{ for cards }</div>
            }
        </section>
    }
}
