//! What a node of a related-stories picture says when the reader points at it: title, outlet
//! and date, and whether it is in this collection. Dates are the reader's local ones, which is
//! why this is the app's text and not core's.

use crate::dates::{local, DateStyle};
use broadsheet_core::graph::picture::{node_provider, node_title, Shown};
use broadsheet_core::index::stories::Node;
use broadsheet_core::view::display::score_label;

/// The tooltip of `node`, one fact per line (only the title, "…", while its article has not
/// been read).
pub fn describe(shown: &dyn Shown, node: u32) -> String {
    let Some(title) = node_title(shown, node) else {
        return "…".to_owned();
    };
    let mut lines = vec![title.to_owned()];
    let provider = node_provider(shown, node).map(|p| p.name.clone());
    let (date, what) = match shown.stories().node(node) {
        Node::Article(a) => {
            let heat = shown.article(a).and_then(|a| a.heat);
            let date = shown
                .article(a)
                .map(|a| local(a.published_at, DateStyle::Date));
            (
                date,
                format!("In this collection · heat {}", score_label(heat)),
            )
        }
        Node::Outside(at) => {
            let entry = shown.article(at.article).and_then(|a| at.in_article(a));
            (
                entry
                    .and_then(|e| e.published_at)
                    .map(|t| local(t, DateStyle::Date)),
                format!(
                    "Elsewhere · quality {}",
                    score_label(entry.and_then(|e| e.quality))
                ),
            )
        }
    };
    let byline: Vec<String> = provider.into_iter().chain(date).collect();
    if !byline.is_empty() {
        lines.push(byline.join(" · "));
    }
    lines.push(what);
    lines.join("\n")
}
