//! Broadsheet's pure core: the validated article model, the orders the app lists articles in,
//! and the files that carry them from the build into the browser.
//!
//! Nothing here touches files, clocks, the DOM or YAML, so every rule is unit-tested natively.
//! `broadsheet-ingest` is the only producer of [`model::article::Article`]s; it builds a
//! [`data::bundle::Bundle`] and [`data::pack`]s it into files; the Yew app reads them through a
//! [`data::library::Library`].
//!
//! The folders are layers, each using only those listed before it: [`text`], [`model`],
//! [`index`], [`view`], [`data`], [`graph`] (tests may build a bundle anywhere). [`rng`], the
//! seeded randomness, [`sort`], the one sort of numbers, and [`wire`], the data files' format as
//! the app reads it, are leaves any of them may use.
//!
//! ```
//! use broadsheet_core::{data::bundle::Bundle, data::pack::Options, text::url::safe_href};
//!
//! let pack = Bundle::new(Vec::new()).pack(Options::default());
//! let library = pack.open().expect("an entry we just wrote");
//! assert!(library.is_empty());
//! assert_eq!(safe_href("javascript:alert(1)"), None);
//! ```

pub mod data;
pub mod graph;
pub mod index;
pub mod model;
pub mod rng;
pub mod sort;
pub mod text;
pub mod view;
pub mod wire;

#[cfg(test)]
mod testing;

/// A count or position as the `u32` the files store it in: collections stay far below 2^32
/// articles, entries and graph nodes.
pub(crate) fn to_u32(n: usize) -> u32 {
    u32::try_from(n).expect("fewer than 2^32 articles, entries and nodes")
}
