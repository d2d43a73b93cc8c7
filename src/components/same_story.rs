//! The article's story in this collection: how many outlets covered it, and the other bundled
//! articles that belong to it (linked directly or through shared related stories).

use crate::bundle::ArticleRef;
use crate::components::provider_name::ProviderName;
use crate::components::published_date::PublishedDate;
use broadsheet_core::display::outlets_label;
use broadsheet_core::route::Route;
use yew::prelude::*;

/// Props of [`SameStory`].
#[derive(Properties, PartialEq)]
pub struct SameStoryProps {
    /// The article whose story to show.
    pub article: ArticleRef,
}

/// A `<section data-testid="same-story">` with the story's coverage and its other articles.
#[component]
pub fn SameStory(props: &SameStoryProps) -> Html {
    let article = &props.article;
    let bundle = article.bundle();
    let stories = bundle.stories();
    let own = article.number();
    let story = stories.story_of(own);
    let outlets = stories.outlets(bundle.articles(), story);
    let others = stories
        .story_articles(story)
        .iter()
        .filter(|&&a| a != own)
        .map(|&a| {
            let other = bundle.article(a);
            let id = other.id.to_string();
            html! {
                <li key={id.clone()} class="same-story-item">
                    <a class="same-story-title" href={Route::Article(id).to_hash()}>{ other.title.clone() }</a>
                    <p class="related-meta">
                        <ProviderName
                            name={other.provider.name.clone()}
                            domain={other.provider.domain.clone().map(AttrValue::from)}
                        />
                        <span class="sep" aria-hidden="true">{ " · " }</span>
                        <PublishedDate at={other.published_at} />
                    </p>
                </li>
            }
        })
        .collect::<Html>();
    let count = stories.story_articles(story).len() - 1;
    html! {
        <section class="same-story" data-testid="same-story" aria-labelledby="same-story-title">
            <h2 id="same-story-title">{ "Same story" }</h2>
            <p class="story-coverage" data-testid="story-coverage">
                { format!("Covered by {}", outlets_label(stories.coverage(story))) }
                if !outlets.is_empty() {
                    { ": " }{ outlets.join(", ") }
                }
            </p>
            if count == 0 {
                <p class="muted">{ "No other article in this collection is part of this story." }</p>
            } else {
                <ul class="related-list">{ others }</ul>
            }
        </section>
    }
}
