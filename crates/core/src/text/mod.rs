//! Text leaves: instants and calendar days, the http/https allowlist, percent-encoding, markup
//! escaping, JSON, search's word folding and story-identity URL keys. text/ may use nothing
//! else in this crate.

pub mod escape;
pub mod json;
pub mod normal_url;
pub mod percent;
pub mod time;
pub mod url;
pub mod words;
