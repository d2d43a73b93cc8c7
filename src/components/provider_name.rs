//! Who published a story: the outlet's name, then its domain when the source gives one (or the
//! host the story's link really goes to, when that is another site: see
//! [`broadsheet_core::view::display::shown_host`]).

use yew::prelude::*;

/// Props of [`ProviderName`].
#[derive(Properties, PartialEq)]
pub struct ProviderNameProps {
    /// Display name, e.g. "Example Times".
    pub name: AttrValue,
    /// Bare host name, e.g. `example.com`: the one `shown_host` picks.
    #[prop_or_default]
    pub domain: Option<AttrValue>,
}

/// The provider's name and domain as text.
#[component]
pub fn ProviderName(props: &ProviderNameProps) -> Html {
    html! {
        <span class="provider">
            <span class="provider-name" data-testid="provider-name">{ props.name.clone() }</span>
            if let Some(domain) = &props.domain {
                { " " }
                <span class="provider-domain" data-testid="provider-domain">{ domain.clone() }</span>
            }
        </span>
    }
}
