//! Reusable pieces of pages: props in, callbacks out, no globals.
//!
//! A piece with no state of its own (no hooks) is a plain function returning `Html`, named like
//! its file (`topic_list::topic_list`), not a component: every component type costs the wasm
//! its own copy of Yew's lifecycle code (about 1.8 kB, 0.3 kB compressed), and the page's first
//! download is what a reader waits for. Components are for pieces with hooks, and for pieces
//! whose equal props spare a re-render that matters (a result card, a form field).
//!
//! A component never renders zero DOM nodes: when it has nothing to show it returns
//! [`nothing`]. Yew 0.23 keeps a reused component's place in its parent as "before my first
//! node, else before my next sibling's", and updates that place only when the component itself
//! re-renders, which comes after its siblings are reconciled. A component with no nodes, between
//! a sibling that appears and one that is removed in the same render, sends the new sibling to a
//! place before the removed node, and `insertBefore` fails: Yew panics and the page freezes.
//! That is what typing a word that matches nothing did on the explore page (a relevance sort
//! adds the boost controls, the empty filter chips sat in the middle, the result list left).

pub mod article_body;
pub mod article_card;
pub mod article_image;
pub mod bar_chart;
pub mod boost_controls;
pub mod byline;
pub mod close_button;
pub mod copy_button;
pub mod coverage_filter;
pub mod date_filter;
pub mod did_you_mean;
pub mod draft_badge;
pub mod ego_graph;
pub mod embed_card;
pub mod empty_results;
pub mod export_buttons;
pub mod external_link;
pub mod facet_panel;
pub mod filter_chips;
pub mod graph_legend;
pub mod graph_picture;
pub mod highlighted;
pub mod node_details;
pub mod notice;
pub mod provider_name;
pub mod published_date;
pub mod range_field;
pub mod related_list;
pub mod result_list;
pub mod same_story;
pub mod save_view;
pub mod score_filter;
pub mod scores;
pub mod search_box;
pub mod share_button;
pub mod share_dialog;
pub mod site_footer;
pub mod site_header;
pub mod sort_controls;
pub mod story_list;
pub mod swatch;
pub mod theme_toggle;
pub mod topic_list;
pub mod whats_new;

use yew::{html, Html};

/// What a component renders when it has nothing to show: an empty text node, invisible and
/// inert, that gives the component a node of its own (see the module docs for why one is needed).
pub fn nothing() -> Html {
    html! { "" }
}
