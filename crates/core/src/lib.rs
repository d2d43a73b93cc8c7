//! Broadsheet's pure core: the validated article model, the orders the app lists articles in,
//! and the bundle format that carries them from the build into the browser.
//!
//! Nothing here touches files, clocks, the DOM or YAML, so every rule is unit-tested natively.
//! `broadsheet-ingest` is the only producer of [`model::Article`]s; the Yew app only consumes
//! them through [`bundle::Bundle`].
//!
//! ```
//! use broadsheet_core::{bundle::Bundle, url::safe_href};
//!
//! let bundle = Bundle::new(Vec::new());
//! let bytes = bundle.encode();
//! assert!(Bundle::decode(&bytes).expect("a bundle we just wrote").is_empty());
//! assert_eq!(safe_href("javascript:alert(1)"), None);
//! ```

pub mod bundle;
pub mod display;
pub mod embed;
pub mod explore;
pub mod export;
pub mod facet;
pub mod graph;
pub mod hash;
pub mod layout;
pub mod model;
pub mod normal_url;
pub mod order;
pub mod percent;
pub mod picture;
pub mod route;
pub mod search;
pub mod time;
pub mod url;
pub mod view;
pub mod words;

#[cfg(test)]
mod testing;
