//! The reader's saved views in localStorage: the JSON of `broadsheet_core::view::saved`, under a
//! key per page address (as `components::whats_new` keeps its mark), so two collections served
//! from one site keep apart. Nothing leaves the browser.
//!
//! Storage may be missing or refuse (a sandboxed frame, storage switched off, a full quota).
//! Callers then say so to the reader instead of pretending to save; no console line is
//! written, since the reader is told.

use broadsheet_core::view::saved::SavedViews;
use gloo::utils::window;
use web_sys::Storage;

/// Where the list is kept, for this page's address.
fn storage_key() -> String {
    let path = window().location().pathname().unwrap_or_default();
    let folder = path.strip_suffix("index.html").unwrap_or(&path);
    format!("broadsheet:saved-views:{folder}")
}

fn storage() -> Option<Storage> {
    window().local_storage().ok().flatten()
}

/// The saved list, or `None` when this browser keeps no storage for the page.
pub fn load() -> Option<SavedViews> {
    let storage = storage()?;
    let kept = storage.get_item(&storage_key()).ok()?;
    Some(kept.map_or_else(SavedViews::default, |text| SavedViews::load(&text)))
}

/// Keeps `list`; `false` when storage is missing or refused it.
pub fn store(list: &SavedViews) -> bool {
    storage().is_some_and(|s| s.set_item(&storage_key(), &list.to_json()).is_ok())
}

/// What the controls say when there is no storage.
pub const STORAGE_OFF: &str = "This browser keeps no saved views (storage is off).";
