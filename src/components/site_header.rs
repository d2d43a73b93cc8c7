//! The bar at the top of every page: the link to the saved views, the name, linking home, and
//! the page-wide controls the app puts beside it (the theme toggle). The embed widget has no
//! header, so nothing of the saved views reaches it.

use yew::prelude::*;

/// The `<header>`, with `tools` (the page-wide controls) at its end.
pub fn site_header(tools: Html) -> Html {
    html! {
        <header class="site-header">
            <nav class="header-nav" aria-label="Your views">
                <a href="#/saved" data-testid="saved-link">{ "Saved views" }</a>
            </nav>
            <a class="brand" href="#/">{ "Broadsheet" }</a>
            <div class="header-tools">{ tools }</div>
        </header>
    }
}
