//! What the reader looks at: the view state, answering it, its links (fragment, routes, embeds,
//! history, saved views) and its words and downloads. view/ may not use data/ or graph/.

pub mod display;
pub mod embed;
pub mod explore;
pub mod export;
pub mod fragment;
pub mod group;
pub mod history;
pub mod nav;
pub mod route;
pub mod saved;
pub mod state;
pub mod visit;
