//! The bar at the top of every page: the name, linking home.

use yew::prelude::*;

/// The site header.
#[component]
pub fn SiteHeader() -> Html {
    html! {
        <header class="site-header">
            <a class="brand" href="#/">{ "Broadsheet" }</a>
        </header>
    }
}
