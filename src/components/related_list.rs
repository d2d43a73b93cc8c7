//! The stories an article's source lists as related: each links out to its outlet.

use crate::bundle::ArticleRef;
use crate::components::external_link::ExternalLink;
use crate::components::provider_name::ProviderName;
use crate::components::published_date::PublishedDate;
use broadsheet_core::display::score_label;
use yew::prelude::*;

/// Props of [`RelatedList`].
#[derive(Properties, PartialEq)]
pub struct RelatedListProps {
    /// The article whose related stories to list.
    pub article: ArticleRef,
}

/// A `<section data-testid="related">` with one `<li>` per related story.
#[component]
pub fn RelatedList(props: &RelatedListProps) -> Html {
    let related = &props.article.related;
    let items = related.iter().enumerate().map(|(index, story)| {
        // Related stories have no id and may repeat a URL; the list never reorders, so the
        // position is a stable key.
        html! {
            <li key={index} class="related-item">
                <ExternalLink class="related-title" href={story.web_url.to_string()}>
                    { story.title.clone() }
                </ExternalLink>
                <p class="related-meta">
                    if let Some(provider) = &story.provider {
                        <ProviderName
                            name={provider.name.clone()}
                            domain={provider.domain.clone().map(AttrValue::from)}
                        />
                        <span class="sep" aria-hidden="true">{ " · " }</span>
                    }
                    if let Some(at) = story.published_at {
                        <PublishedDate {at} />
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
    });
    html! {
        <section class="related" data-testid="related" aria-labelledby="related-title">
            <h2 id="related-title">{ "Related stories" }</h2>
            if related.is_empty() {
                <p class="muted">{ "The source lists no related stories." }</p>
            } else {
                <ul class="related-list">{ for items }</ul>
            }
        </section>
    }
}
