//! Hooks that connect components to browser state outside the Yew tree.

mod use_document_title;
mod use_media;
mod use_report_height;
mod use_shortcuts;
mod use_theme;

pub use use_document_title::use_document_title;
pub use use_media::use_media;
pub use use_report_height::use_report_height;
pub(crate) use use_report_height::{framing_parent, post_height};
pub use use_shortcuts::use_shortcuts;
pub use use_theme::use_theme;
