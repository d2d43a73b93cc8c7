//! Counts as the reader's locale writes them: the browser names the separator between groups
//! of digits once, core writes the counts.

use broadsheet_core::view::display::Digits;
use gloo::utils::window;

thread_local! {
    static DIGITS: Digits = read_digits();
}

/// How this reader's locale groups digits.
pub fn digits() -> Digits {
    DIGITS.with(Clone::clone)
}

/// The locale's separator, read from how it writes 1234567 ("1,234,567" → ",").
fn read_digits() -> Digits {
    let Some(language) = window().navigator().language().filter(|l| !l.is_empty()) else {
        return Digits::default();
    };
    let written: String = js_sys::Number::from(1_234_567.0)
        .to_locale_string(&language)
        .into();
    let separator = written
        .strip_prefix('1')
        .and_then(|rest| rest.split_once("234"))
        .map_or("", |(separator, _)| separator);
    Digits::new(separator)
}
