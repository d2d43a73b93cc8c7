//! The article's story in this collection: how many outlets covered it, the other bundled
//! articles that belong to it (linked directly or through shared related stories), and a link
//! to its whole coverage.

use crate::components::byline::byline;
use crate::dates::DateStyle;
use crate::library::{graph_missing, loading, use_files, ArticleRef, SharedLibrary};
use broadsheet_core::graph::story::key_article;
use broadsheet_core::view::display::outlets_label;
use broadsheet_core::view::route::Route;
use broadsheet_core::view::state::ViewState;
use yew::prelude::*;

/// Props of [`SameStory`].
#[derive(Properties, PartialEq)]
pub struct SameStoryProps {
    /// The article whose story to show.
    pub article: ArticleRef,
    /// The data.
    pub library: SharedLibrary,
}

/// The most other articles listed; a story can span thousands in a big collection.
const LISTED: usize = 50;

/// A `<section data-testid="same-story">` with the story's coverage and its other articles.
#[component]
pub fn SameStory(props: &SameStoryProps) -> Html {
    let article = &props.article;
    let own = article.number();
    let listed = |stories: &broadsheet_core::index::stories::Stories| -> Vec<u32> {
        let story = stories.story_of(own);
        let members = stories.story_articles(story);
        members
            .iter()
            .copied()
            .filter(|&a| a != own)
            .take(LISTED)
            .collect()
    };
    let missing = graph_missing(&props.library, listed);
    let ready = missing.is_empty();
    use_files(&props.library, missing);
    let library = &props.library;
    let (true, Some(stories)) = (ready, library.stories()) else {
        return loading("Loading the rest of this story…");
    };
    let story = stories.story_of(own);
    let total = stories.story_articles(story).len() - 1;
    // The outlets are named only when every article of the story is at hand; the count comes
    // from the build and is always exact.
    let outlets = if total <= LISTED {
        stories.outlets(|n| library.article(n).map(|a| &**a), story)
    } else {
        Vec::new()
    };
    let others = listed(stories)
        .into_iter()
        .filter_map(|a| library.article(a).map(|other| (a, other)))
        .map(|(_, other)| {
            let id = other.id.to_string();
            html! {
                <li key={id.clone()} class="same-story-item">
                    <a class="same-story-title" href={Route::Article(id).to_hash()}>{ other.title.clone() }</a>
                    <p class="related-meta">
                        { byline(Some(&other.provider.name), other.provider.domain.as_deref(), &other.web_url, Some(other.published_at), DateStyle::Date) }
                    </p>
                </li>
            }
        })
        .collect::<Html>();
    let count = total;
    // The story's key article is at hand: it is either this one or the first of those listed.
    let whole = library
        .article(key_article(stories, story))
        .map(|a| Route::Story(a.id.to_string(), ViewState::default()).to_hash());
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
                if count > LISTED {
                    <p class="muted">{ format!("…and {} more articles of this story.", count - LISTED) }</p>
                }
            }
            if let Some(href) = whole {
                <p><a {href} data-testid="whole-story">{ "The whole story, as a timeline →" }</a></p>
            }
        </section>
    }
}
