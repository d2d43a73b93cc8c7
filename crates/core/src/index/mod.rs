//! What is computed from the articles at build time: facets, the search index and "did you mean",
//! the catalog and its orders, and the related-stories graph. index/ may use only text/ and model/.

pub mod catalog;
pub mod facet;
pub mod order;
pub mod search;
pub mod stories;
pub mod suggest;
