//! Who published a story and when, "Outlet example.com · 5 Mar 2024": the line cards, widgets,
//! story lists and article pages show by a headline. A related story may give neither part.

use super::nothing;
use super::provider_name::ProviderName;
use super::published_date::PublishedDate;
use crate::dates::DateStyle;
use broadsheet_core::model::article::Card;
use broadsheet_core::text::time::Timestamp;
use broadsheet_core::text::url::HttpUrl;
use broadsheet_core::view::display::shown_host;
use yew::prelude::*;

/// Props of [`Byline`].
#[derive(Properties, PartialEq)]
pub struct BylineProps {
    /// The outlet's display name, when known.
    pub name: Option<AttrValue>,
    /// The outlet's domain as the source gives it.
    #[prop_or_default]
    pub domain: Option<String>,
    /// Where the story's link goes: the host shown when it is another site than `domain`.
    pub url: HttpUrl,
    /// When it was published, when known.
    pub at: Option<Timestamp>,
    /// Whether to show the time of day as well as the date.
    #[prop_or(DateStyle::Date)]
    pub style: DateStyle,
}

impl BylineProps {
    /// A result card's byline: its outlet and publication date, as cards and widget items show.
    pub fn of_card(card: &Card) -> Self {
        Self {
            name: Some(AttrValue::from(card.provider_name.clone())),
            domain: card.provider_domain.clone(),
            url: card.web_url.clone(),
            at: Some(card.published_at),
            style: DateStyle::Date,
        }
    }
}

/// The outlet, a separator and the date, as inline elements of the caller's line.
#[component]
pub fn Byline(props: &BylineProps) -> Html {
    if props.name.is_none() && props.at.is_none() {
        return nothing();
    }
    html! {
        <>
            if let Some(name) = &props.name {
                <ProviderName
                    name={name.clone()}
                    domain={shown_host(props.domain.as_deref(), &props.url).map(AttrValue::from)}
                />
            }
            if props.name.is_some() && props.at.is_some() {
                <span class="sep" aria-hidden="true">{ " · " }</span>
            }
            if let Some(at) = props.at {
                <PublishedDate {at} style={props.style} />
            }
        </>
    }
}
