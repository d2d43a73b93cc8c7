//! An article's own page (`#/article/<id>`): every field the article data carries, the body drawn
//! from its Markdown tree, the related stories, the other articles of its story, and a picture of
//! the stories around it.

use crate::components::article_body::article_body;
use crate::components::article_image::{ArticleImage, ArticleImageProps};
use crate::components::byline::byline;
use crate::components::draft_badge::draft_badge;
use crate::components::ego_graph::EgoGraph;
use crate::components::external_link::external_link;
use crate::components::related_list::RelatedList;
use crate::components::same_story::SameStory;
use crate::components::scores::scores;
use crate::components::topic_list::topic_list;
use crate::dates::DateStyle;
use crate::hooks::use_document_title;
use crate::library::{ArticleRef, SharedLibrary};
use broadsheet_core::model::article::{Image, Provider};
use broadsheet_core::text::url::HttpUrl;
use broadsheet_core::view::display::{article_links, image_size_label};
use yew::prelude::*;

/// Props of [`ArticlePage`].
#[derive(Properties, PartialEq)]
pub struct ArticlePageProps {
    /// The article to show.
    pub article: ArticleRef,
    /// The data, for the related stories.
    pub library: SharedLibrary,
    /// The hash of the view the reader came from, where "Back to results" goes.
    pub back: AttrValue,
}

/// The article page.
#[component]
pub fn ArticlePage(props: &ArticlePageProps) -> Html {
    let article = &props.article;
    let title = AttrValue::from(article.title.clone());
    use_document_title(title.clone());
    html! {
        <article class="article-page" data-testid="article-page" data-article-id={article.id.to_string()}>
            <p><a class="back" href={props.back.clone()} data-testid="back-link">{ "← Back to results" }</a></p>
            <header class="article-header">
                <p class="kicker">
                    if let Some(category) = &article.category {
                        <span class="category" data-testid="category">{ category.clone() }</span>
                    }
                    if article.category.is_some() && article.kind.is_some() {
                        <span class="sep" aria-hidden="true">{ " · " }</span>
                    }
                    if let Some(kind) = &article.kind {
                        <span class="kind" data-testid="kind">{ kind.clone() }</span>
                    }
                    if article.draft {
                        { " " }
                        { draft_badge() }
                    }
                </p>
                <h1 tabindex="-1">{ title }</h1>
                if !article.excerpt.is_empty() {
                    <p class="lede" data-testid="excerpt">{ article.excerpt.clone() }</p>
                }
                <p class="byline">
                    { provider_logo(&article.provider) }
                    { byline(Some(&article.provider.name), article.provider.domain.as_deref(), &article.web_url, Some(article.published_at), DateStyle::DateTime) }
                </p>
            </header>
            { scores(article.heat, article.quality) }
            { topic_list(&article.topics) }
            { for article.images.iter().enumerate().map(|(index, image)| figure(index, image)) }
            { article_body(&article.body) }
            <section class="links" aria-labelledby="links-title">
                <h2 id="links-title">{ "Links" }</h2>
                <ul>
                    { for article_links(article).into_iter().map(|(label, testid, url)| link(label, testid, url)) }
                </ul>
            </section>
            <RelatedList article={article.clone()} library={props.library.clone()} />
            <SameStory article={article.clone()} library={props.library.clone()} />
            <EgoGraph article={article.clone()} library={props.library.clone()} />
            <p><a class="back" href={props.back.clone()}>{ "← Back to results" }</a></p>
        </article>
    }
}

fn provider_logo(provider: &Provider) -> Html {
    match provider.images.first() {
        Some(logo) => {
            let mut logo_image = ArticleImageProps::from_image(logo, classes!("provider-logo"));
            // The name stands next to the logo, so the logo adds nothing for screen readers.
            logo_image.alt = AttrValue::default();
            html! { <ArticleImage ..logo_image /> }
        }
        None => Html::default(),
    }
}

fn figure(index: usize, image: &Image) -> Html {
    let details = [
        image_size_label(image),
        image
            .is_cached
            .then(|| "cached by the source's CDN".to_owned()),
    ];
    let details = details
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ");
    html! {
        <figure key={index} class="figure">
            <ArticleImage ..ArticleImageProps::from_image(image, classes!("figure-image")) />
            <figcaption>
                if let Some(title) = &image.title {
                    <span class="figure-title">{ title.clone() }</span>
                }
                if !details.is_empty() {
                    <span class="figure-details">{ details }</span>
                }
            </figcaption>
        </figure>
    }
}

fn link(label: &'static str, testid: &'static str, url: &HttpUrl) -> Html {
    html! {
        <li>
            <span class="link-label">{ label }</span>
            { external_link(url.to_string(), classes!("link-url"), Some(testid), html! { url.to_string() }) }
        </li>
    }
}
