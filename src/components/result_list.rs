//! The results as cards, a page at a time, so the page stays small however many match.

use crate::bundle::{use_files, SharedBundle};
use crate::components::article_card::ArticleCard;
use broadsheet_core::library::Need;
use broadsheet_core::search::Query;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`ResultList`].
#[derive(Properties, PartialEq)]
pub struct ResultListProps {
    /// Where the articles are.
    pub bundle: SharedBundle,
    /// Article numbers in display order.
    pub articles: Rc<Vec<u32>>,
    /// How many to show.
    pub rows: usize,
    /// The search, for highlighting.
    pub query: Rc<Query>,
    /// Called to show another page.
    pub on_more: Callback<()>,
}

/// A `<div class="cards">` and, when more match, a "Show more" button. Cards whose articles
/// are still on their way (in a sharded build) are placeholders until they arrive.
#[component]
pub fn ResultList(props: &ResultListProps) -> Html {
    let shown: Vec<u32> = props.articles.iter().take(props.rows).copied().collect();
    use_files(&props.bundle, props.bundle.missing(&[Need::Cards(&shown)]));
    let cards = shown.iter().map(|&number| match props.bundle.card(number) {
        Some(article) => {
            let key = article.id.to_string();
            html! { <ArticleCard {key} {article} query={Rc::clone(&props.query)} /> }
        }
        None => html! {
            <article key={format!("#{number}")} class="card card-loading" aria-busy="true" data-testid="card-loading">
                <p class="muted">{ "Loading…" }</p>
            </article>
        },
    });
    let rest = props.articles.len().saturating_sub(props.rows);
    let onclick = props.on_more.reform(|_: MouseEvent| ());
    html! {
        <>
            <div class="cards">{ for cards }</div>
            if rest > 0 {
                <p class="more">
                    <button type="button" class="button" data-testid="more-results" {onclick}>
                        { format!("Show more ({rest} left)") }
                    </button>
                </p>
            }
        </>
    }
}
