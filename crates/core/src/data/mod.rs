//! All the articles with what is computed from them (bundle), cut into files (pack) and as the app
//! holds them (library). data/ may not use graph/.

pub mod bundle;
pub mod library;
pub mod pack;
