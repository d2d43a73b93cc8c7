//! The root component: picks the page for the current route and frames it with the site's
//! header and footer. Which article a route names is the bundle's answer, not the app's.

use crate::bundle::{is_sample, SharedBundle};
use crate::components::site_footer::SiteFooter;
use crate::components::site_header::SiteHeader;
use crate::pages::article::ArticlePage;
use crate::pages::home::HomePage;
use crate::pages::load_error::LoadError;
use crate::pages::not_found::NotFound;
use crate::route::use_route;
use broadsheet_core::route::Route;
use yew::prelude::*;

/// What `main` hands the app: the decoded bundle, or why it could not be decoded.
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The result of decoding the embedded bundle.
    pub loaded: Result<SharedBundle, AttrValue>,
}

/// The whole app.
#[component]
pub fn App(props: &AppProps) -> Html {
    let route = use_route();
    let bundle = match &props.loaded {
        Ok(bundle) => bundle,
        Err(message) => return html! { <LoadError message={message.clone()} /> },
    };
    let page = match &route {
        Route::Home => html! { <HomePage bundle={bundle.clone()} /> },
        Route::Article(id) => match bundle.article(id) {
            // Keyed by id so per-page state (such as a failed image) does not carry over when
            // the hash switches straight from one article to another.
            Some(article) => html! { <ArticlePage key={id.as_str()} {article} /> },
            None => html! { <NotFound id={AttrValue::from(id.clone())} /> },
        },
    };
    html! {
        <>
            <SiteHeader />
            <main id="main" class="page">{ page }</main>
            <SiteFooter count={bundle.len()} drafts={bundle.draft_count()} sample={is_sample()} />
        </>
    }
}
