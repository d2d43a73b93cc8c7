//! The bar at the top of every page: the name, linking home, and the page-wide controls the
//! app puts beside it (the theme toggle).

use yew::prelude::*;

/// Props of [`SiteHeader`].
#[derive(Properties, PartialEq)]
pub struct SiteHeaderProps {
    /// Controls shown at the end of the bar.
    #[prop_or_default]
    pub children: Html,
}

/// The site header.
#[component]
pub fn SiteHeader(props: &SiteHeaderProps) -> Html {
    html! {
        <header class="site-header">
            <a class="brand" href="#/">{ "Broadsheet" }</a>
            <div class="header-tools">{ props.children.clone() }</div>
        </header>
    }
}
