//! An article's topics as a row of tags.

use yew::prelude::*;

/// A `<ul class="topics">`, or [`super::nothing`] when the article has no topics.
pub fn topic_list(topics: &[String]) -> Html {
    if topics.is_empty() {
        return super::nothing();
    }
    html! {
        <ul class="topics" aria-label="Topics">
            // Topics are unique within an article (ingest removes duplicates), so they are keys.
            for topic in topics {
                <li key={topic.as_str()} class="topic">{ topic.as_str() }</li>
            }
        </ul>
    }
}
