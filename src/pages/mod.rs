//! Route targets: one component per page the hash can name, plus the page shown when the
//! article data cannot be downloaded or read.

pub mod article;
pub mod embed;
pub mod embed_story;
pub mod explore;
pub mod graph;
pub mod load_error;
pub mod not_found;
pub mod saved;
pub mod story;
