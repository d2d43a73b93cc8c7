//! The embed widget (`#/embed?…`): the compact page that other sites frame through
//! `static/embed.js`. A search box, optionally some facet panels, the first results of the
//! view, and a link to the whole view; no header or footer. With `story=`, one story's reports
//! instead (`pages::embed_story`). Links open Broadsheet's own pages
//! in a new tab, since the frame is too small to read in, and the widget tells its frame how
//! tall it is (see `use_report_height`).

use crate::components::embed_card::embed_card;
use crate::components::facet_panel::FacetPanel;
use crate::components::notice::notice;
use crate::components::search_box::SearchBox;
use crate::hooks::{use_document_title, use_report_height};
use crate::library::{loading, use_files, SharedLibrary};
use crate::location::Deployment;
use crate::numbers::digits;
use crate::pages::embed_story::EmbedStory;
use crate::route::Write;
use broadsheet_core::data::library::Need;
use broadsheet_core::index::facet::Facet;
use broadsheet_core::index::search::Query;
use broadsheet_core::text::url::safe_href;
use broadsheet_core::view::display::{count_label, filter_label, stories_label, view_title};
use broadsheet_core::view::embed::EmbedOptions;
use broadsheet_core::view::explore::{explore, facet_rows, FacetRow};
use broadsheet_core::view::group::by_story;
use broadsheet_core::view::route::Route;
use broadsheet_core::view::state::{Action, ViewState};
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`EmbedPage`].
#[derive(Properties, PartialEq, Clone)]
pub struct EmbedPageProps {
    /// The articles.
    pub library: SharedLibrary,
    /// The view.
    pub state: ViewState,
    /// The widget's settings.
    pub options: EmbedOptions,
    /// What the link ignored, for a notice.
    pub notices: Rc<[String]>,
    /// Called with each change of view.
    pub on_action: Callback<(Action, Write)>,
    /// Called to hide the notice.
    pub on_dismiss: Callback<()>,
}

/// What the widget draws for a view, computed once per view and settings.
struct Explored {
    /// The results in order; one per story (its lead) when the view groups by story.
    articles: Vec<u32>,
    /// How many articles the stories hold, when grouped.
    grouped: Option<usize>,
    title: String,
    facets: Vec<(Facet, Rc<Vec<FacetRow>>)>,
    query: Rc<Query>,
}

/// The widget page: a story's or a view's.
#[component]
pub fn EmbedPage(props: &EmbedPageProps) -> Html {
    if props.options.story().is_some() {
        html! { <EmbedStory ..props.clone() /> }
    } else {
        html! { <EmbedView ..props.clone() /> }
    }
}

/// The widget of a view's results.
#[component]
fn EmbedView(props: &EmbedPageProps) -> Html {
    let query = Query::parse(props.state.query());
    // Grouping by story needs the story of every result: the graph file, in a sharded build.
    let mut missing = if props.state.by_story() {
        props.library.missing(&[Need::Query(&query), Need::Graph])
    } else {
        props.library.missing(&[Need::Query(&query)])
    };
    let ready = missing.is_empty();
    let library = props.library.clone();
    let explored = use_memo(
        (props.state.clone(), props.options.facets().to_vec(), ready),
        move |(state, facets, ready)| {
            if !ready {
                return None;
            }
            let results = explore(&*library, state);
            let facets = facets
                .iter()
                .map(|f| (*f, facet_rows(library.catalog(), state, &results, *f)))
                .filter(|(_, rows)| !rows.is_empty())
                .map(|(f, rows)| (f, Rc::new(rows)))
                .collect();
            let filters: Vec<String> = state
                .active_filters()
                .iter()
                .map(|f| filter_label(library.catalog(), f))
                .collect();
            let stories = library.stories().filter(|_| state.by_story());
            let (articles, grouped) = match stories {
                Some(stories) => {
                    let cards = by_story(&results.articles, |a| stories.story_of(a));
                    (
                        cards.iter().map(|c| c.lead).collect(),
                        Some(results.articles.len()),
                    )
                }
                None => (results.articles, None),
            };
            Some(Explored {
                articles,
                grouped,
                title: view_title(&filters),
                facets,
                query: Rc::new(Query::parse(state.query())),
            })
        },
    );
    let limit = props.options.limit();
    if let Some(explored) = &*explored {
        let shown: Vec<u32> = explored.articles.iter().take(limit).copied().collect();
        missing = props.library.missing(&[Need::Cards(&shown)]);
    }
    use_files(&props.library, missing);
    // The deployment's own address, so links leave the frame for the full app.
    let deployment = use_memo((), |()| Deployment::current());
    let root = use_node_ref();
    use_report_height(root.clone());
    use_document_title(AttrValue::Static("Broadsheet"));
    let Some(explored) = (*explored).as_ref() else {
        return html! {
            <main class="embed" ref={root} data-testid="embed">
                <h1 class="visually-hidden">{ "Broadsheet" }</h1>
                { loading("Searching…") }
            </main>
        };
    };

    let on_action = &props.on_action;
    // A frame's history entries would be the host page's: every change replaces.
    let on_query = on_action.reform(|(text, _)| (Action::SetQuery(text), Write::InPlace));
    let panels = explored.facets.iter().map(|(facet, rows)| {
        let facet = *facet;
        let on_include = on_action.reform(move |(key, on)| (Action::Include(facet, key, on), Write::InPlace));
        let on_exclude = on_action.reform(move |(key, on)| (Action::Exclude(facet, key, on), Write::InPlace));
        html! {
            <FacetPanel key={facet.key()} {facet} rows={Rc::clone(rows)} {on_include} {on_exclude} />
        }
    });
    let count = explored.articles.len();
    let title = explored.title.clone();
    let cards = explored.articles.iter().take(limit).filter_map(|&number| {
        let article = props.library.card(number)?;
        let href = deployment.link(&Route::Article(article.id.to_string()).to_hash());
        Some(embed_card(&article, href, &explored.query))
    });
    let full_view = deployment.link(&Route::Explore(props.state.clone()).to_hash());
    let more = if count > limit {
        format!("See all {} in Broadsheet", count_label(count, &digits()))
    } else {
        "Open in Broadsheet".to_owned()
    };
    html! {
        <main class="embed" ref={root} data-testid="embed">
            // For screen readers, which list a page by its headings; the frame has no room to show it.
            <h1 class="visually-hidden">{ "Broadsheet: " }{ title }</h1>
            { notice(&props.notices, &props.on_dismiss) }
            <SearchBox value={AttrValue::from(props.state.query().to_owned())} on_input={on_query} />
            <p class="result-summary embed-summary" aria-live="polite">
                <span data-testid="result-count">{ match explored.grouped {
                    Some(articles) => stories_label(count, articles, &digits()),
                    None => count_label(count, &digits()),
                } }</span>
            </p>
            if !explored.facets.is_empty() {
                <div class="embed-facets">{ for panels }</div>
            }
            if count == 0 {
                <p class="empty" data-testid="empty-list">{ "No articles match this view." }</p>
            } else {
                <ol class="embed-list">{ for cards }</ol>
            }
            if safe_href(&full_view).is_some() {
                <p class="embed-foot">
                    <a href={full_view} target="_blank" rel="noopener noreferrer" data-testid="open-app">
                        { more }{ " ↗" }
                    </a>
                </p>
            }
        </main>
    }
}
