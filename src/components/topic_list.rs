//! An article's topics as a row of tags.

use yew::prelude::*;

/// Props of [`TopicList`].
#[derive(Properties, PartialEq)]
pub struct TopicListProps {
    /// The article whose topics to show.
    pub topics: Vec<String>,
}

/// A `<ul class="topics">`, or [`super::nothing`] when the article has no topics.
#[component]
pub fn TopicList(props: &TopicListProps) -> Html {
    let topics = &props.topics;
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
