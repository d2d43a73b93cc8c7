//! A link that leaves Broadsheet. The one place article URLs become `href`s: each passes
//! `safe_href` again at render time, and each opens in a new tab without handing the target
//! page a reference to this one or a referrer.

use broadsheet_core::text::url::safe_href;
use yew::prelude::*;

/// An `<a target="_blank" rel="noopener noreferrer">` to `href` (the URL from the article data)
/// showing `children`, or the children as plain text if the URL is not an allowed http(s) link;
/// `class` and `testid` (a `data-testid` for browser tests) go on either.
pub fn external_link(
    href: String,
    class: Classes,
    testid: Option<&'static str>,
    children: Html,
) -> Html {
    match safe_href(&href) {
        Some(_) => html! {
            <a {class} data-testid={testid} {href} target="_blank" rel="noopener noreferrer">
                { children }
            </a>
        },
        None => html! { <span {class} data-testid={testid}>{ children }</span> },
    }
}
