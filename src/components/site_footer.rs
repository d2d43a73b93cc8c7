//! The footer of every page: how many articles this build carries and, for the bundled sample,
//! the notice that they are made up.

use crate::numbers::digits;
use broadsheet_core::view::display::{count_label, draft_count_label};
use yew::prelude::*;

/// Props of [`SiteFooter`].
#[derive(Properties, PartialEq)]
pub struct SiteFooterProps {
    /// Articles in the collection.
    pub count: usize,
    /// How many of them are drafts.
    pub drafts: usize,
    /// Whether the collection is the sample content shipped with Broadsheet.
    pub sample: bool,
}

/// The site footer.
#[component]
pub fn SiteFooter(props: &SiteFooterProps) -> Html {
    let testid = props.sample.then_some("sample-notice");
    html! {
        <footer class="site-footer" data-testid={testid}>
            if props.sample {
                <p class="sample-notice">
                    { "These articles are fictional sample data, except for one real seed article." }
                </p>
            }
            <p class="bundle-count">
                <span data-testid="bundle-count">{ count_label(props.count, &digits()) }</span>
                { " in this build" }
                if props.drafts > 0 {
                    { ", including " }{ draft_count_label(props.drafts, &digits()) }
                }
                { "." }
            </p>
        </footer>
    }
}
