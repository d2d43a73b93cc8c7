//! Who published a story and when, "Outlet example.com · 5 Mar 2024": the line cards, widgets,
//! story lists and article pages show by a headline. A related story may give neither part.

use super::nothing;
use super::provider_name::provider_name;
use super::published_date::published_date;
use crate::dates::DateStyle;
use broadsheet_core::model::article::Card;
use broadsheet_core::text::time::Timestamp;
use broadsheet_core::text::url::HttpUrl;
use broadsheet_core::view::display::shown_host;
use yew::prelude::*;

/// The outlet (`name`, with the host shown beside it when the story's `url` goes to another
/// site than the source's `domain`), a separator and the date, as inline elements of the
/// caller's line; either part may be missing.
pub fn byline(
    name: Option<&str>,
    domain: Option<&str>,
    url: &HttpUrl,
    at: Option<Timestamp>,
    style: DateStyle,
) -> Html {
    if name.is_none() && at.is_none() {
        return nothing();
    }
    html! {
        <>
            if let Some(name) = name {
                { provider_name(name, shown_host(domain, url)) }
            }
            if name.is_some() && at.is_some() {
                <span class="sep" aria-hidden="true">{ " · " }</span>
            }
            if let Some(at) = at {
                { published_date(at, style) }
            }
        </>
    }
}

/// A result card's byline: its outlet and publication date, as cards and widget items show.
pub fn card_byline(card: &Card) -> Html {
    byline(
        Some(&card.provider_name),
        card.provider_domain.as_deref(),
        &card.web_url,
        Some(card.published_at),
        DateStyle::Date,
    )
}
