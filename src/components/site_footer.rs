//! The footer of every page: how many articles this build carries and, for the bundled sample,
//! the notice that they are made up.

use crate::numbers::digits;
use broadsheet_core::view::display::{count_label, draft_count_label};
use yew::prelude::*;

/// The site footer: `count` articles in the collection, `drafts` of them drafts, and whether they
/// are the `sample` content shipped with Broadsheet.
pub fn site_footer(count: usize, drafts: usize, sample: bool) -> Html {
    let testid = sample.then_some("sample-notice");
    html! {
        <footer class="site-footer" data-testid={testid}>
            if sample {
                <p class="sample-notice">
                    { "These articles are fictional sample data, except for one real seed article." }
                </p>
            }
            <p class="bundle-count">
                <span data-testid="bundle-count">{ count_label(count, &digits()) }</span>
                { " in this build" }
                if drafts > 0 {
                    { ", including " }{ draft_count_label(drafts, &digits()) }
                }
                { "." }
            </p>
        </footer>
    }
}
