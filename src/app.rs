//! The root component: starts loading the data, picks the page for the current route and frames
//! it with the site's header and footer (the embed widget goes unframed), and owns the page's
//! colour theme. Which article a route names is the library's answer, not the app's; the
//! explore view and its place in the history belong to the route adapter.

use crate::components::site_footer::site_footer;
use crate::components::site_header::site_header;
use crate::components::theme_toggle::theme_toggle;
use crate::components::whats_new::WhatsNew;
use crate::focus::use_arrival;
use crate::hooks::use_theme;
use crate::library::{use_files, use_library, Boot, SharedLibrary};
use crate::pages::article::ArticlePage;
use crate::pages::embed::EmbedPage;
use crate::pages::explore::ExplorePage;
use crate::pages::graph::GraphPage;
use crate::pages::load_error::LoadError;
use crate::pages::not_found::NotFound;
use crate::pages::saved::SavedPage;
use crate::pages::story::StoryPage;
use crate::route::{use_route, Write};
use broadsheet_core::data::library::Need;
use broadsheet_core::view::nav::NavAction;
use broadsheet_core::view::route::Route;
use broadsheet_core::view::state::Action;
use yew::prelude::*;

/// In a build with the `crash-test` feature, the search that panics, so the browser tests can
/// check what a reader sees when the app stops (see `crash`).
#[cfg(feature = "crash-test")]
const CRASH_QUERY: &str = "crash:test";

/// The whole app.
#[component]
pub fn App() -> Html {
    let nav = use_route();
    let (boot, failed) = use_library(&nav.route);
    let dispatcher = nav.dispatcher();
    // Memoised on the dispatcher (which never changes), so pages see the same callbacks on
    // every render and skip re-rendering when nothing they show changed.
    let on_action = use_callback(dispatcher.clone(), |(action, write): (Action, Write), d| {
        d.dispatch(NavAction::View(action, write));
    });
    let on_more = use_callback(dispatcher.clone(), |(), d| d.dispatch(NavAction::MoreRows));
    let on_select = use_callback(dispatcher.clone(), |key: Option<String>, d| {
        d.dispatch(NavAction::Select(key));
    });
    let on_rename = use_callback(dispatcher.clone(), |route: Route, d| {
        d.dispatch(NavAction::Rename(route));
    });
    let on_dismiss = use_callback(dispatcher, |(), d| d.dispatch(NavAction::Dismiss));
    let announcement = use_arrival(&nav.route);
    let theme = use_theme(match &nav.route {
        Route::Embed(_, options) => Some(options.theme()),
        _ => None,
    });
    let library = match &boot {
        Boot::Ready(library) => library,
        Boot::Loading => {
            return html! {
                <main class="page loading" data-testid="loading" aria-busy="true">
                    <p>{ "Loading articles…" }</p>
                </main>
            }
        }
        Boot::Failed(message) => return html! { <LoadError message={message.clone()} /> },
    };
    #[cfg(feature = "crash-test")]
    if let Route::Explore(state) | Route::Embed(state, _) = &nav.route {
        assert!(
            state.query() != CRASH_QUERY,
            "crash-test build: the query was {CRASH_QUERY}"
        );
    }
    let back = nav.last_results.clone();
    let page = match &nav.route {
        Route::Explore(state) => html! {
            <ExplorePage
                library={library.clone()}
                state={state.clone()}
                notices={nav.notices.clone()}
                rows={nav.rows}
                whole={nav.arrived}
                {on_action}
                {on_more}
                {on_dismiss}
            />
        },
        // Keyed by id so per-page state (such as a failed image) does not carry over when the
        // hash switches straight from one article to another.
        Route::Article(id) => html! {
            <ArticleRoute key={id.as_str()} library={library.clone()} id={AttrValue::from(id.clone())} {back} />
        },
        Route::Graph(state, node) => html! {
            <GraphPage
                library={library.clone()}
                state={state.clone()}
                node={node.clone().map(AttrValue::from)}
                notices={nav.notices.clone()}
                {on_select}
                {on_dismiss}
            />
        },
        Route::Saved => html! { <SavedPage library={library.clone()} /> },
        Route::Story(key, state) => html! {
            <StoryPage
                library={library.clone()}
                id={AttrValue::from(key.clone())}
                state={state.clone()}
                notices={nav.notices.clone()}
                {on_rename}
                {on_dismiss}
            />
        },
        // The widget is all its frame shows: no site header or footer around it.
        Route::Embed(state, options) => {
            return html! {
                <EmbedPage
                    library={library.clone()}
                    state={state.clone()}
                    options={options.clone()}
                    notices={nav.notices.clone()}
                    {on_action}
                    {on_dismiss}
                />
            };
        }
    };
    let skip = matches!(nav.route, Route::Explore(_)).then(|| {
        html! {
            <button type="button" class="skip-link" data-testid="skip-to-results" onclick={skip_to_results()}>
                { "Skip to results" }
            </button>
        }
    });
    html! {
        <>
            { for skip }
            <p class="visually-hidden" role="status" aria-live="polite" data-testid="announcer">{ announcement }</p>
            { site_header(theme_toggle(theme.dark, &theme.toggle)) }
            { shard_failures(&failed) }
            <WhatsNew library={library.clone()} />
            <main id="main" class="page">{ page }</main>
            { site_footer(library.len(), library.draft_count(), library.is_sample()) }
        </>
    }
}

/// Moves focus to the explore page's results (`#results`): a button rather than a link, since
/// the hash holds the view and a `#results` fragment would be read as a route.
fn skip_to_results() -> Callback<MouseEvent> {
    Callback::from(|_: MouseEvent| {
        let results = gloo::utils::document()
            .get_element_by_id("results")
            .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok());
        if let Some(results) = results {
            results.focus().ok();
        }
    })
}

/// What the reader is told when shards fail to load: the pages that need them stay waiting.
fn shard_failures(failed: &[String]) -> Html {
    if failed.is_empty() {
        return Html::default();
    }
    html! {
        <div class="notice" role="alert" data-testid="data-error">
            <p>
                { "Part of the article data could not be loaded. The page keeps trying; if it \
                   gives up, reloading may help, and if the site was just updated, its files may \
                   be out of step for a few minutes." }
            </p>
            <ul>{ for failed.iter().map(|e| html! { <li>{ e.clone() }</li> }) }</ul>
        </div>
    }
}

/// Props of [`ArticleRoute`].
#[derive(Properties, PartialEq)]
struct ArticleRouteProps {
    library: SharedLibrary,
    id: AttrValue,
    back: AttrValue,
}

/// `#/article/<id>`: finds the article (reading the shard its id falls in first), then shows
/// it, or says that there is no such article.
#[component]
fn ArticleRoute(props: &ArticleRouteProps) -> Html {
    let missing = props.library.missing(&[Need::Id(&props.id)]);
    let waiting = !missing.is_empty();
    use_files(&props.library, missing);
    let back = props.back.clone();
    if waiting {
        return html! { <p class="loading" data-testid="loading" aria-busy="true">{ "Loading the article…" }</p> };
    }
    let found = props.library.find(&props.id);
    match found.and_then(|n| props.library.nth(n)) {
        Some(article) => html! { <ArticlePage library={props.library.clone()} {article} {back} /> },
        None => html! { <NotFound id={props.id.clone()} {back} /> },
    }
}
