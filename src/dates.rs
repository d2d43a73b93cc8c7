//! Dates in the reader's locale and time zone, formatted by the browser's `Intl`, so the wasm
//! binary carries no locale data. Each style's formatter is built once: constructing an
//! `Intl.DateTimeFormat` costs far more than using one.

use broadsheet_core::text::time::Timestamp;
use js_sys::Intl::{DateTimeFormat, DateTimeFormatOptions, DateTimeStyle};
use js_sys::{Array, Date};
use wasm_bindgen::JsValue;

/// How much of an instant to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateStyle {
    /// The date alone, e.g. "Aug 3, 2022": for lists.
    Date,
    /// Date and time, e.g. "August 3, 2022 at 8:23 AM": for an article's own page.
    DateTime,
    /// The time of day alone, e.g. "8:23 AM": under a day's heading on a story's timeline.
    Time,
    /// The day in full, e.g. "Wednesday, August 3, 2022": a day's heading on a story's
    /// timeline.
    Day,
}

thread_local! {
    static DATE: DateTimeFormat = formatter(Some(DateTimeStyle::Medium), None);
    static DATE_TIME: DateTimeFormat =
        formatter(Some(DateTimeStyle::Long), Some(DateTimeStyle::Short));
    static TIME: DateTimeFormat = formatter(None, Some(DateTimeStyle::Short));
    static DAY: DateTimeFormat = formatter(Some(DateTimeStyle::Full), None);
}

fn formatter(date: Option<DateTimeStyle>, time: Option<DateTimeStyle>) -> DateTimeFormat {
    let options = DateTimeFormatOptions::new();
    if let Some(date) = date {
        options.set_date_style(date);
    }
    if let Some(time) = time {
        options.set_time_style(time);
    }
    // No locales: the browser uses the reader's own.
    DateTimeFormat::new(&Array::new(), &options)
}

/// Builds the date-only formatter now. The first one costs tens of milliseconds (the browser
/// loads its locale data): a page that shows dates only when the reader points at something
/// would otherwise pay that in the middle of the gesture.
pub fn warm_up() {
    DATE.with(|_| ());
}

/// The reader's offset from UTC at `at`, in seconds (east positive): what decides the local
/// day an instant falls on, daylight saving time included.
pub fn utc_offset(at: Timestamp) -> i64 {
    let date = Date::new(&JsValue::from_f64(at.unix_millis()));
    // Whole minutes east of UTC; `getTimezoneOffset` counts west.
    let minutes = -date.get_timezone_offset() as i64;
    minutes * 60
}

/// `at` in the reader's locale, or its UTC date if the browser cannot format it.
pub fn local(at: Timestamp, style: DateStyle) -> String {
    let date = Date::new(&JsValue::from_f64(at.unix_millis()));
    let format = |f: &DateTimeFormat| f.format().call1(&JsValue::UNDEFINED, &date);
    let formatted = match style {
        DateStyle::Date => DATE.with(format),
        DateStyle::DateTime => DATE_TIME.with(format),
        DateStyle::Time => TIME.with(format),
        DateStyle::Day => DAY.with(format),
    };
    formatted
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| at.date())
}
