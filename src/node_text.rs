//! What a node of a related-stories picture says when the reader points at it: title, outlet
//! and date, and whether it is in this collection. Dates are the reader's local ones, which is
//! why this is the app's text and not core's.

use crate::dates::{local, DateStyle};
use broadsheet_core::bundle::Bundle;
use broadsheet_core::display::score_label;
use broadsheet_core::graph::Node;
use broadsheet_core::picture::{node_provider, node_title};

/// The tooltip of `node`, one fact per line.
pub fn describe(bundle: &Bundle, node: u32) -> String {
    let mut lines = vec![node_title(bundle, node).to_owned()];
    let provider = node_provider(bundle, node).map(|p| p.name.clone());
    let (date, what) = match bundle.stories().node(node) {
        Node::Article(a) => {
            let article = bundle.article(a);
            (
                Some(local(article.published_at, DateStyle::Date)),
                format!("In this collection · heat {}", score_label(article.heat)),
            )
        }
        Node::Outside(at) => {
            let entry = at.get(bundle.articles());
            (
                entry.published_at.map(|t| local(t, DateStyle::Date)),
                format!("Elsewhere · quality {}", score_label(entry.quality)),
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
