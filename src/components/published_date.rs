//! A publication instant: shown in the reader's locale and time zone, with the exact UTC
//! instant in machine-readable form and as a tooltip, since the local date can differ from the
//! date the outlet printed.

use crate::dates::{local, DateStyle};
use broadsheet_core::text::time::Timestamp;
use yew::prelude::*;

/// Props of [`PublishedDate`].
#[derive(Properties, PartialEq)]
pub struct PublishedDateProps {
    /// The instant.
    pub at: Timestamp,
    /// Whether to show the time of day as well as the date.
    #[prop_or(DateStyle::Date)]
    pub style: DateStyle,
}

/// A `<time>` element.
#[component]
pub fn PublishedDate(props: &PublishedDateProps) -> Html {
    let utc = props.at.to_string();
    html! {
        <time class="published" datetime={utc.clone()} title={utc}>{ local(props.at, props.style) }</time>
    }
}
