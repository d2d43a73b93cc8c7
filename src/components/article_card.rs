//! One article in the explore page's list: enough to decide whether to read it, a link to the
//! story at its outlet, a link to Broadsheet's own page for it, and one to its story's whole
//! coverage.

use crate::components::article_image::{ArticleImage, ArticleImageProps};
use crate::components::byline::card_byline;
use crate::components::draft_badge::draft_badge;
use crate::components::external_link::external_link;
use crate::components::highlighted::highlighted;
use crate::components::scores::scores;
use crate::components::topic_list::topic_list;
use crate::library::CardRef;
use broadsheet_core::index::search::Query;
use broadsheet_core::view::display::outlets_label;
use broadsheet_core::view::route::Route;
use broadsheet_core::view::state::ViewState;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`ArticleCard`].
#[derive(Properties, PartialEq)]
pub struct ArticleCardProps {
    /// The article to summarise.
    pub article: CardRef,
    /// The search whose matches to mark in the title and excerpt.
    #[prop_or_default]
    pub query: Rc<Query>,
}

/// An `<article class="card">` summarising one article.
#[component]
pub fn ArticleCard(props: &ArticleCardProps) -> Html {
    let article = &props.article;
    let details_label = format!("Details: {}", article.title);
    let coverage = article.coverage();
    let thumbnail = article
        .image
        .as_ref()
        .map(|image| ArticleImageProps::from_image(image, classes!("card-thumb")));
    html! {
        <article class="card" data-article-id={article.id.to_string()}>
            if let Some(thumbnail) = thumbnail {
                <ArticleImage ..thumbnail />
            }
            <div class="card-body">
                <p class="card-meta">
                    { card_byline(article) }
                    <span class="sep" aria-hidden="true">{ " · " }</span>
                    // The card's own id names its story: the list has not read the graph, and the
                    // story page writes the story's own key once it has.
                    <a
                        class="coverage"
                        data-testid="coverage"
                        href={Route::Story(article.id.to_string(), ViewState::default()).to_hash()}
                        title="Outlets that covered this story: see them all on its timeline"
                    >
                        { outlets_label(coverage) }
                    </a>
                    if article.draft {
                        { " " }
                        { draft_badge() }
                    }
                </p>
                <h2 class="card-heading">
                    { external_link(article.web_url.to_string(), classes!("card-title"), None, highlighted(&article.title, &props.query)) }
                </h2>
                if !article.excerpt.is_empty() {
                    <p class="card-excerpt">
                        { highlighted(&article.excerpt, &props.query) }
                    </p>
                }
                { topic_list(&article.topics) }
                <div class="card-foot">
                    { scores(article.heat, article.quality) }
                    <a
                        class="open-article"
                        data-testid="open-article"
                        href={Route::Article(article.id.to_string()).to_hash()}
                        aria-label={details_label}
                    >
                        { "Details" }
                    </a>
                </div>
            </div>
        </article>
    }
}
