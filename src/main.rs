//! Broadsheet's browser entry point: mount the app, which fetches its article data.
//!
//! Everything the app shows comes from `broadsheet-core`; this crate only draws it.

mod app;
mod clipboard;
mod components;
mod crash;
mod dates;
mod download;
mod focus;
mod graph_engine;
mod hooks;
mod library;
mod location;
mod node_text;
mod numbers;
mod pages;
mod palette;
mod route;
mod saved_views;
mod theme;
mod timing;

fn main() {
    crash::install();
    yew::Renderer::<app::App>::new().render();
}
