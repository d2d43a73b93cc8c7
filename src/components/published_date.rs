//! A publication instant: shown in the reader's locale and time zone, with the exact UTC
//! instant in machine-readable form and as a tooltip, since the local date can differ from the
//! date the outlet printed.

use crate::dates::{local, DateStyle};
use broadsheet_core::text::time::Timestamp;
use yew::prelude::*;

/// A `<time>` element showing `at` in `style`.
pub fn published_date(at: Timestamp, style: DateStyle) -> Html {
    let utc = at.to_string();
    html! {
        <time class="published" datetime={utc.clone()} title={utc}>{ local(at, style) }</time>
    }
}
