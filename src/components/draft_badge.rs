//! The mark on articles whose file says `published: false`, so a preview build never passes a
//! draft off as published.

use yew::prelude::*;

/// A visible "Draft" badge.
pub fn draft_badge() -> Html {
    html! { <span class="badge draft" data-testid="draft-badge">{ "Draft" }</span> }
}
