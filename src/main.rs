//! Broadsheet's browser entry point: decode the embedded article bundle once, then mount the app.
//!
//! Everything the app shows comes from `broadsheet-core`; this crate only draws it.

mod app;
mod bundle;
mod clipboard;
mod components;
mod dates;
mod download;
mod graph_engine;
mod hooks;
mod location;
mod node_text;
mod pages;
mod palette;
mod route;
mod theme;
mod timing;

fn main() {
    let loaded = bundle::load();
    yew::Renderer::<app::App>::with_props(app::AppProps { loaded }).render();
}
