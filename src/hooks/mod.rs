//! Hooks that connect components to browser state outside the Yew tree.

mod use_document_title;
mod use_shortcuts;

pub use use_document_title::use_document_title;
pub use use_shortcuts::use_shortcuts;
