//! Where this copy of Broadsheet is served from, read once from the page's own address: the
//! base of share links, of embed snippets and of the widget's links back to the full app.
//!
//! Only http(s) addresses count (`broadsheet_core::text::url::safe_href`): a page opened from a
//! file can be used but not linked to from another site.

use broadsheet_core::text::url::safe_href;
use gloo::utils::window;
use yew::AttrValue;

/// This deployment's addresses. The page only ever changes its hash, so they hold for the
/// document's lifetime.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Deployment {
    /// This page's address without its hash (`https://host/path/` or `…/index.html`).
    pub page: Option<AttrValue>,
    /// The folder the page is served from, ending in `/`: where `embed.js` and the widget are.
    pub folder: Option<AttrValue>,
}

impl Deployment {
    /// Reads the page's address.
    pub fn current() -> Self {
        Self {
            page: page(),
            folder: folder(),
        }
    }

    /// The address of a page of this app, given its hash (`#/…`); the bare hash when the
    /// deployment has no http(s) address, which still resolves against the current page.
    pub fn link(&self, hash: &str) -> String {
        match &self.page {
            Some(page) => format!("{page}{hash}"),
            None => hash.to_owned(),
        }
    }
}

fn page() -> Option<AttrValue> {
    let href = window().location().href().ok()?;
    let page = href.split('#').next().unwrap_or_default();
    safe_href(page).map(|p| AttrValue::from(p.to_owned()))
}

fn folder() -> Option<AttrValue> {
    let location = window().location();
    let origin = location.origin().ok()?;
    let path = location.pathname().ok()?;
    let folder = format!("{origin}{}", &path[..=path.rfind('/')?]);
    safe_href(&folder)?;
    Some(AttrValue::from(folder))
}
