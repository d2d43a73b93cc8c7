//! The related-stories graph as the app shows it: the pictures, their layout and labels, and one
//! story's timeline. graph/ may use every other folder.

pub mod gesture;
pub mod labels;
pub mod layout;
pub mod picture;
pub mod story;
