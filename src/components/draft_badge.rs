//! The mark on articles whose file says `published: false`, so a preview build never passes a
//! draft off as published.

use yew::prelude::*;

/// A visible "Draft" badge. A function rather than a component: it has no state, and each
/// component costs the wasm its own lifecycle code.
pub fn draft_badge() -> Html {
    html! { <span class="badge draft" data-testid="draft-badge">{ "Draft" }</span> }
}
