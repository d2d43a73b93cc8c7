//! Colour themes in the browser: the `data-theme` attribute on `<html>` that `static/app.css`
//! reads, the reader's choice in localStorage, and the system's preference.
//!
//! Storage may be missing or refuse (a sandboxed iframe, storage switched off, a full quota);
//! the choice then lasts as long as the page. That is not worth a console line, so every
//! storage error is dropped here.

use broadsheet_core::view::embed::Theme;
use gloo::utils::{document, window};
use web_sys::{MediaQueryList, Storage};

/// Where the reader's choice is kept.
const STORAGE_KEY: &str = "broadsheet:theme";

/// Shows `theme`; [`Theme::Auto`] leaves the choice to the stylesheet's `prefers-color-scheme`.
pub fn apply(theme: Theme) {
    let Some(root) = document().document_element() else {
        return;
    };
    // Failing to set an attribute on <html> would leave the previous colours: harmless.
    match theme {
        Theme::Auto => root.remove_attribute("data-theme").ok(),
        chosen => root.set_attribute("data-theme", chosen.key()).ok(),
    };
}

/// The reader's remembered choice ([`Theme::Auto`] when none, or when storage is unavailable).
pub fn stored() -> Theme {
    storage()
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
        .and_then(|key| Theme::from_key(&key))
        .unwrap_or_default()
}

/// Remembers `theme` for the next visit; [`Theme::Auto`] forgets the choice.
pub fn store(theme: Theme) {
    let Some(storage) = storage() else {
        return;
    };
    match theme {
        Theme::Auto => storage.remove_item(STORAGE_KEY).ok(),
        chosen => storage.set_item(STORAGE_KEY, chosen.key()).ok(),
    };
}

/// The system's "dark mode" query, to read and to listen to.
pub fn dark_query() -> Option<MediaQueryList> {
    window()
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten()
}

fn storage() -> Option<Storage> {
    window().local_storage().ok().flatten()
}
