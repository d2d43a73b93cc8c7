//! Reusable pieces of pages: props in, callbacks out, no globals.

pub mod article_card;
pub mod bar_chart;
pub mod boost_controls;
pub mod date_filter;
pub mod draft_badge;
pub mod empty_results;
pub mod external_link;
pub mod facet_panel;
pub mod filter_chips;
pub mod highlighted;
pub mod notice;
pub mod picture;
pub mod provider_name;
pub mod published_date;
pub mod range_field;
pub mod related_list;
pub mod result_list;
pub mod score_filter;
pub mod scores;
pub mod search_box;
pub mod site_footer;
pub mod site_header;
pub mod sort_controls;
pub mod topic_list;
