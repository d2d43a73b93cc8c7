//! The graph view's accessible alternative: the same stories as a list, each with the outlets
//! that covered it and its members (articles here link to their pages, stories elsewhere link
//! out), and a link to its whole coverage. Real links and buttons, so it is all reachable and usable from the keyboard.

use crate::components::external_link::external_link;
use crate::components::swatch::swatch;
use crate::library::SharedLibrary;
use crate::numbers::digits;
use broadsheet_core::graph::picture::{node_key, node_title, story_colour, Shown, StoryGroup};
use broadsheet_core::index::stories::Node;
use broadsheet_core::view::display::{graph_summary, outlets_label};
use broadsheet_core::view::route::Route;
use broadsheet_core::view::state::ViewState;
use std::rc::Rc;
use yew::prelude::*;

/// How many stories the list shows at first, and how many more each "Show more" adds: a big
/// view has thousands, and the list must not hold up the page.
const PAGE: usize = 40;

/// Props of [`StoryList`].
#[derive(Properties, PartialEq)]
pub struct StoryListProps {
    /// Where the articles are.
    pub library: SharedLibrary,
    /// The stories of the view, largest first.
    pub groups: Rc<Vec<StoryGroup>>,
    /// Called with the key of the node to select in the picture.
    pub on_select: Callback<Option<String>>,
}

/// A `<section data-testid="story-list">` with one `li[data-story]` per story, its members
/// as `li[data-node]`.
#[component]
pub fn StoryList(props: &StoryListProps) -> Html {
    let shown = use_state_eq(|| PAGE);
    let Some(shown_graph) = props.library.graphed() else {
        return super::nothing();
    };
    let library = &shown_graph;
    let stories = library.stories;
    let items = props.groups.iter().take(*shown).enumerate().map(|(rank, group)| {
        let lead = group
            .lead()
            .and_then(|node| node_title(library, node))
            .unwrap_or_default()
            .to_owned();
        let outlets = stories.outlets(|n| library.article(n), group.story);
        let coverage = stories.coverage(group.story);
        let select = group.lead().and_then(|node| {
            let key = node_key(library, node)?;
            Some(props.on_select.reform(move |_: MouseEvent| Some(key.clone())))
        });
        // Any article of the story names it; the story page then writes the story's own key.
        let whole = group
            .articles
            .first()
            .and_then(|&a| library.article(a))
            .map(|a| Route::Story(a.id.to_string(), ViewState::default()).to_hash());
        let members = group.articles.iter().chain(&group.outside).filter_map(|&node| {
            let key = node_key(library, node)?;
            Some(match stories.node(node) {
                Node::Article(a) => {
                    let article = library.article(a)?;
                    html! {
                        <li key={key.clone()} class="story-member" data-node={key}>
                            <a href={Route::Article(article.id.to_string()).to_hash()}>{ article.title.clone() }</a>
                            <span class="muted">{ " · " }{ article.provider.name.clone() }</span>
                        </li>
                    }
                }
                Node::Outside(at) => {
                    let entry = library.article(at.article).and_then(|a| at.in_article(a))?;
                    html! {
                        <li key={key.clone()} class="story-member outside" data-node={key}>
                            { external_link(entry.web_url.to_string(), Classes::new(), None, html! { entry.title.clone() }) }
                            <span class="muted">
                                { " · elsewhere" }
                                if let Some(p) = &entry.provider {
                                    { ", " }{ p.name.clone() }
                                }
                            </span>
                        </li>
                    }
                }
            })
        });
        html! {
            <li key={group.story} class="story" data-testid="story" data-story={group.story.to_string()}>
                <h3 class="story-title">
                    { swatch(story_colour(rank), false) }
                    { lead }
                </h3>
                <p class="story-outlets" data-testid="story-outlets">
                    { format!("Covered by {}", outlets_label(coverage)) }
                    if !outlets.is_empty() {
                        { ": " }{ outlets.join(", ") }
                    }
                </p>
                <ul class="story-members">{ for members }</ul>
                if let Some(onclick) = select {
                    <button type="button" class="link-button" {onclick}>{ "Show in the graph" }</button>
                }
                if let Some(href) = whole {
                    { " " }
                    <a class="story-whole" data-testid="whole-story" {href}>{ "The whole story" }</a>
                }
            </li>
        }
    });
    let rest = props.groups.len().saturating_sub(*shown);
    let more = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(*shown + PAGE))
    };
    let articles: usize = props.groups.iter().map(|g| g.articles.len()).sum();
    let outside: usize = props.groups.iter().map(|g| g.outside.len()).sum();
    html! {
        <section class="story-list" data-testid="story-list" aria-labelledby="story-list-title">
            <h2 id="story-list-title">{ "Stories in this graph" }</h2>
            <p class="muted" data-testid="story-list-summary">
                { format!("{}.", graph_summary(props.groups.len(), articles, outside, &digits())) }
            </p>
            <ol class="stories">{ for items }</ol>
            if rest > 0 {
                <p class="more">
                    <button type="button" class="button" data-testid="more-stories" onclick={more}>
                        { format!("Show more stories ({} left)", digits().format(rest)) }
                    </button>
                </p>
            }
        </section>
    }
}
