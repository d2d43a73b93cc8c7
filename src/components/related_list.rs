//! The stories an article's source lists as related, in two groups: the ones this collection
//! holds (links to their pages here) and the ones elsewhere (links out to their outlets). Which
//! is which is the related graph's answer, worked out at build time from normalised URLs.

use crate::components::byline::byline;
use crate::components::external_link::external_link;
use crate::dates::DateStyle;
use crate::library::{graph_missing, loading, use_files, ArticleRef, SharedLibrary};
use broadsheet_core::model::article::Related;
use broadsheet_core::view::display::score_label;
use broadsheet_core::view::route::Route;
use yew::prelude::*;

/// Props of [`RelatedList`].
#[derive(Properties, PartialEq)]
pub struct RelatedListProps {
    /// The article whose related stories to list.
    pub article: ArticleRef,
    /// The data.
    pub library: SharedLibrary,
}

/// Where a related entry leads.
enum Target {
    /// Another article of this collection, by id.
    Inside(String),
    /// The article itself (a source listing its own page).
    Itself,
    /// A story outside the collection.
    Elsewhere,
}

/// A `<section data-testid="related">` holding `related-inside` and `related-elsewhere`
/// groups, one `<li>` per related entry in the source's order.
#[component]
pub fn RelatedList(props: &RelatedListProps) -> Html {
    let article = &props.article;
    let own = article.number();
    let missing = graph_missing(&props.library, |s| s.targets(own).to_vec());
    let ready = missing.is_empty();
    use_files(&props.library, missing);
    let library = &props.library;
    let (true, Some(stories)) = (ready, library.stories()) else {
        return loading("Loading related stories…");
    };
    let article_count = stories.article_count();
    let mut inside = Vec::new();
    let mut elsewhere = Vec::new();
    for (index, (story, &node)) in article.related.iter().zip(stories.targets(own)).enumerate() {
        let target = if node == own {
            Target::Itself
        } else if (node as usize) < article_count {
            match library.article(node) {
                Some(other) => Target::Inside(other.id.to_string()),
                None => Target::Elsewhere,
            }
        } else {
            Target::Elsewhere
        };
        let item = item(index, story, &target);
        match target {
            Target::Elsewhere => elsewhere.push(item),
            _ => inside.push(item),
        }
    }
    html! {
        <section class="related" data-testid="related" aria-labelledby="related-title">
            <h2 id="related-title">{ "Related stories" }</h2>
            if article.related.is_empty() {
                <p class="muted">{ "The source lists no related stories." }</p>
            }
            if !inside.is_empty() {
                <section class="related-group" data-testid="related-inside" aria-labelledby="related-inside-title">
                    <h3 id="related-inside-title">{ "In this collection" }</h3>
                    <ul class="related-list">{ for inside }</ul>
                </section>
            }
            if !elsewhere.is_empty() {
                <section class="related-group" data-testid="related-elsewhere" aria-labelledby="related-elsewhere-title">
                    <h3 id="related-elsewhere-title">{ "Elsewhere" }</h3>
                    <ul class="related-list">{ for elsewhere }</ul>
                </section>
            }
        </section>
    }
}

fn item(index: usize, story: &Related, target: &Target) -> Html {
    let title = match target {
        Target::Inside(id) => html! {
            <a class="related-title" href={Route::Article(id.clone()).to_hash()}>{ story.title.clone() }</a>
        },
        Target::Itself => html! {
            <span class="related-title">
                { story.title.clone() }
                <span class="muted">{ " (this article)" }</span>
            </span>
        },
        Target::Elsewhere => html! {
            { external_link(story.web_url.to_string(), classes!("related-title"), None, html! { story.title.clone() }) }
        },
    };
    // Related stories have no id and may repeat a URL; the list never reorders, so the
    // position in the source's list is a stable key.
    html! {
        <li key={index} class="related-item">
            { title }
            <p class="related-meta">
                { byline(
                    story.provider.as_ref().map(|p| p.name.as_str()),
                    story.provider.as_ref().and_then(|p| p.domain.as_deref()),
                    &story.web_url,
                    story.published_at,
                    DateStyle::Date,
                ) }
                if story.provider.is_some() || story.published_at.is_some() {
                    <span class="sep" aria-hidden="true">{ " · " }</span>
                }
                <span class="related-quality">{ "Quality " }{ score_label(story.quality) }</span>
                if let Some(kind) = &story.kind {
                    <span class="sep" aria-hidden="true">{ " · " }</span>
                    <span class="related-kind">{ kind.clone() }</span>
                }
            </p>
            if !story.excerpt.is_empty() {
                <p class="related-excerpt">{ story.excerpt.clone() }</p>
            }
        </li>
    }
}
