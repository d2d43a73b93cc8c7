//! Reusable pieces of pages: props in, callbacks out, no globals.

pub mod article_card;
pub mod draft_badge;
pub mod external_link;
pub mod picture;
pub mod provider_name;
pub mod published_date;
pub mod related_list;
pub mod scores;
pub mod site_footer;
pub mod site_header;
pub mod topic_list;
