//! Broadsheet's pure core: the validated article model, the orders the app lists articles in,
//! and the files that carry them from the build into the browser.
//!
//! Nothing here touches files, clocks, the DOM or YAML, so every rule is unit-tested natively.
//! `broadsheet-ingest` is the only producer of [`model::Article`]s; it builds a
//! [`bundle::Bundle`] and [`pack`]s it into files; the Yew app reads them through a
//! [`library::Library`].
//!
//! ```
//! use broadsheet_core::{bundle::Bundle, pack::Options, url::safe_href};
//!
//! let pack = Bundle::new(Vec::new()).pack(Options::default());
//! let library = pack.open().expect("an entry we just wrote");
//! assert!(library.is_empty());
//! assert_eq!(safe_href("javascript:alert(1)"), None);
//! ```

pub mod body;
pub mod bundle;
pub mod catalog;
pub mod display;
pub mod embed;
pub mod explore;
pub mod export;
pub mod facet;
pub mod graph;
pub mod group;
pub mod hash;
pub mod history;
pub mod labels;
pub mod layout;
pub mod library;
pub mod model;
pub mod normal_url;
pub mod order;
pub mod pack;
pub mod percent;
pub mod picture;
pub mod rng;
pub mod route;
pub mod saved;
pub mod search;
pub mod story;
pub mod suggest;
pub mod time;
pub mod url;
pub mod view;
pub mod visit;
pub mod words;

#[cfg(test)]
mod testing;

/// A count or position as the `u32` the files store it in: collections stay far below 2^32
/// articles, entries and graph nodes.
pub(crate) fn to_u32(n: usize) -> u32 {
    u32::try_from(n).expect("fewer than 2^32 articles, entries and nodes")
}
