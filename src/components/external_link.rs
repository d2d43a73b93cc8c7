//! A link that leaves Broadsheet. The one place article URLs become `href`s: each passes
//! `safe_href` again at render time, and each opens in a new tab without handing the target
//! page a reference to this one or a referrer.

use broadsheet_core::text::url::safe_href;
use yew::prelude::*;

/// Props of [`ExternalLink`].
#[derive(Properties, PartialEq)]
pub struct ExternalLinkProps {
    /// The URL from the article data.
    pub href: AttrValue,
    /// Classes for the link (or for the text, when the URL is refused).
    #[prop_or_default]
    pub class: Classes,
    /// A `data-testid` for browser tests.
    #[prop_or_default]
    pub testid: Option<AttrValue>,
    /// The link text.
    #[prop_or_default]
    pub children: Html,
}

/// An `<a target="_blank" rel="noopener noreferrer">`, or plain text if the URL is not an
/// allowed http(s) link.
#[component]
pub fn ExternalLink(props: &ExternalLinkProps) -> Html {
    let class = props.class.clone();
    let testid = props.testid.clone();
    match safe_href(&props.href) {
        Some(_) => html! {
            <a {class} data-testid={testid} href={props.href.clone()} target="_blank" rel="noopener noreferrer">
                { props.children.clone() }
            </a>
        },
        None => html! { <span {class} data-testid={testid}>{ props.children.clone() }</span> },
    }
}
