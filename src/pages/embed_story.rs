//! The embed widget of one story (`#/embed?story=<article id>&…`): the story's reports in the
//! order they came, as the story page lists them (see `pages::story`), compact enough for a
//! frame on another site. The view's search and filters narrow the story, as on its page;
//! links open Broadsheet's pages, or the outlets', in a new tab.

use crate::components::external_link::external_link;
use crate::components::notice::notice;
use crate::components::search_box::SearchBox;
use crate::dates::{local, DateStyle};
use crate::hooks::{use_document_title, use_report_height};
use crate::library::loading;
use crate::location::Deployment;
use crate::numbers::digits;
use crate::pages::embed::EmbedPageProps;
use crate::pages::story::{use_story, Found};
use crate::route::Write;
use broadsheet_core::graph::picture::node_key;
use broadsheet_core::graph::story::Report;
use broadsheet_core::index::stories::Node;
use broadsheet_core::text::url::safe_href;
use broadsheet_core::view::display::{story_reports_label, story_span_label};
use broadsheet_core::view::route::Route;
use broadsheet_core::view::state::Action;
use yew::prelude::*;

/// The widget of the story `props.options.story()` names.
#[component]
pub fn EmbedStory(props: &EmbedPageProps) -> Html {
    let library = &props.library;
    let id = props.options.story().unwrap_or_default().to_owned();
    let shown = use_story(library, &id, &props.state, None);
    let (found, ready, line) = (shown.found, shown.ready, shown.line);
    let deployment = use_memo((), |()| Deployment::current());
    let root = use_node_ref();
    use_report_height(root.clone());
    use_document_title(AttrValue::Static("Broadsheet"));
    let frame = |body: Html| {
        html! {
            <main class="embed" ref={root.clone()} data-testid="embed">
                { notice(&props.notices, &props.on_dismiss) }
                { body }
            </main>
        }
    };
    if matches!(found, Found::Unknown) {
        return frame(html! {
            <>
                <h1 class="visually-hidden">{ "Broadsheet: no such story" }</h1>
                <p class="empty" data-testid="embed-no-story">
                    { "No such story: this build has no article with the id “" }
                    { id.chars().take(80).collect::<String>() }
                    { "”." }
                </p>
            </>
        });
    }
    let key_article = ready.and_then(|(_, key)| library.article(key));
    let (Some(line), Some(lead), Some(graphed)) = ((*line).clone(), key_article, library.graphed())
    else {
        return frame(html! {
            <>
                <h1 class="visually-hidden">{ "Broadsheet" }</h1>
                { loading("Loading the story…") }
            </>
        });
    };

    let digits = digits();
    let item = |report: &Report| -> Option<Html> {
        let key = node_key(&graphed, report.node)?;
        let outlet = line.outlet_name(report).unwrap_or_default().to_owned();
        let when = line.when(report).map(|(at, after)| {
            html! {
                <>
                    <span class="sep" aria-hidden="true">{ " · " }</span>
                    <time datetime={at.to_string()}>{ local(at, DateStyle::Date) }</time>
                    <span class="sep" aria-hidden="true">{ " · " }</span>
                    <span data-testid="delay">{ after }</span>
                </>
            }
        });
        Some(match graphed.stories.node(report.node) {
            Node::Article(a) => {
                let article = library.article(a)?;
                let id = article.id.to_string();
                let href = deployment.link(&Route::Article(id.clone()).to_hash());
                html! {
                    <li key={key} class="embed-item" data-testid="embed-item" data-article-id={id}>
                        <h3 class="embed-heading">
                            if safe_href(&href).is_some() {
                                <a class="embed-title" data-testid="open-article" {href} target="_blank" rel="noopener noreferrer">
                                    { article.title.clone() }
                                </a>
                            } else {
                                <span class="embed-title">{ article.title.clone() }</span>
                            }
                        </h3>
                        <p class="embed-meta">{ outlet }{ when }</p>
                    </li>
                }
            }
            Node::Outside(at) => {
                let entry = library.article(at.article).and_then(|a| at.in_article(a))?;
                html! {
                    <li key={key} class="embed-item outside" data-testid="embed-item">
                        <h3 class="embed-heading">
                            { external_link(entry.web_url.to_string(), classes!("embed-title"), None, html! { entry.title.clone() }) }
                        </h3>
                        <p class="embed-meta">{ outlet }<span class="muted">{ " · elsewhere" }</span>{ when }</p>
                    </li>
                }
            }
        })
    };
    let reports = line.articles + line.elsewhere;
    let items: Vec<Html> = line
        .reports()
        .take(props.options.limit())
        .filter_map(item)
        .collect();
    // A frame's history entries would be the host page's: every change replaces.
    let on_query = props
        .on_action
        .reform(|(text, _)| (Action::SetQuery(text), Write::InPlace));
    let whole = deployment.link(&Route::Story(lead.id.to_string(), props.state.clone()).to_hash());
    frame(html! {
        <>
            <h1 class="visually-hidden">{ "Broadsheet: " }{ lead.title.clone() }</h1>
            <SearchBox value={AttrValue::from(props.state.query().to_owned())} on_input={on_query} />
            <h2 class="embed-story-title" data-testid="embed-story-title">{ lead.title.clone() }</h2>
            <p class="result-summary embed-summary" aria-live="polite">
                <span data-testid="result-count">{ story_reports_label(line.articles, line.elsewhere, &digits) }</span>
                <span class="sep" aria-hidden="true">{ ", " }</span>
                <span data-testid="story-span">{ story_span_label(line.span_days, line.outlets.len(), &digits) }</span>
            </p>
            if items.is_empty() {
                <p class="empty" data-testid="empty-list">{ "No article of this story matches these filters." }</p>
            } else {
                <ol class="embed-list">{ for items }</ol>
            }
            if safe_href(&whole).is_some() {
                <p class="embed-foot">
                    <a href={whole} target="_blank" rel="noopener noreferrer" data-testid="open-app">
                        { if reports > props.options.limit() {
                            format!("See all {} reports of this story in Broadsheet", digits.format(reports))
                        } else {
                            "Open the story in Broadsheet".to_owned()
                        } }
                        { " ↗" }
                    </a>
                </p>
            }
        </>
    })
}
