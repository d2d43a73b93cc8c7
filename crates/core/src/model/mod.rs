//! The validated article model: an article and its types, and its body as a tree of safe blocks.
//! model/ may use only text/.

pub mod article;
pub mod body;
