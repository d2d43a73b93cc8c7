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

/// The locale's separator, read from how it writes 1234567 ("1,234,567" → ","). `static/boot.js`
/// writes that on `<html data-digits>` while the wasm downloads: a browser's first number written
/// for a locale loads the locale's data, which took 90 ms of the first render with the CPU slowed
/// 4× (a phone). Asked here only when boot.js could not.
fn read_digits() -> Digits {
    let written = gloo::utils::document()
        .document_element()
        .and_then(|html| html.get_attribute("data-digits"))
        .or_else(|| {
            let language = window().navigator().language().filter(|l| !l.is_empty())?;
            Some(
                js_sys::Number::from(1_234_567.0)
                    .to_locale_string(&language)
                    .into(),
            )
        });
    let Some(written) = written else {
        return Digits::default();
    };
    let separator = written
        .strip_prefix('1')
        .and_then(|rest| rest.split_once("234"))
        .map_or("", |(separator, _)| separator);
    Digits::new(separator)
}
