//! Who published a story: the outlet's name, then its domain when the source gives one (or the
//! host the story's link really goes to, when that is another site: see
//! [`broadsheet_core::view::display::shown_host`]).

use yew::prelude::*;

/// The provider's display name (e.g. "Example Times") and bare host name (e.g. `example.com`: the
/// one `shown_host` picks) as text.
pub fn provider_name(name: &str, domain: Option<String>) -> Html {
    html! {
        <span class="provider">
            <span class="provider-name" data-testid="provider-name">{ name }</span>
            if let Some(domain) = domain {
                { " " }
                <span class="provider-domain" data-testid="provider-domain">{ domain }</span>
            }
        </span>
    }
}
