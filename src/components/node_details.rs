//! The selected node of the graph view: what it is, and a link that opens it (its page here,
//! or its outlet's page in a new tab).

use crate::components::external_link::external_link;
use crate::library::SharedLibrary;
use crate::node_text::describe;
use broadsheet_core::graph::picture::Shown;
use broadsheet_core::index::stories::Node;
use broadsheet_core::view::display::outlets_label;
use broadsheet_core::view::route::Route;
use yew::prelude::*;

/// Props of [`NodeDetails`].
#[derive(Properties, PartialEq)]
pub struct NodeDetailsProps {
    /// Where the articles are.
    pub library: SharedLibrary,
    /// The selected node (a node number of the related graph).
    pub node: u32,
    /// Called to clear the selection.
    pub on_close: Callback<()>,
}

/// An `<aside data-testid="node-details">`.
#[component]
pub fn NodeDetails(props: &NodeDetailsProps) -> Html {
    let panel = use_node_ref();
    {
        // On a phone the panel sits below a picture taller than the screen: bring it up when
        // the selection changes, or the tap seems to do nothing.
        let panel = panel.clone();
        use_effect_with(props.node, move |_| {
            if let Some(panel) = panel.cast::<web_sys::Element>() {
                let below = panel.get_bounding_client_rect().bottom();
                let screen = gloo::utils::window()
                    .inner_height()
                    .ok()
                    .and_then(|h| h.as_f64())
                    .unwrap_or(f64::MAX);
                if below > screen {
                    panel.scroll_into_view_with_bool(false);
                }
            }
        });
    }
    let Some(shown) = props.library.graphed() else {
        return super::nothing();
    };
    let stories = shown.stories;
    let text = describe(&shown, props.node);
    let mut lines = text.lines();
    let title = lines.next().unwrap_or_default().to_owned();
    let rest: Vec<String> = lines.map(str::to_owned).collect();
    let open = match stories.node(props.node) {
        Node::Article(a) => match shown.article(a) {
            Some(article) => html! {
                <a class="button" data-testid="node-open" href={Route::Article(article.id.to_string()).to_hash()}>
                    { "Open article" }
                </a>
            },
            None => Html::default(),
        },
        Node::Outside(at) => match shown.article(at.article).and_then(|a| at.in_article(a)) {
            Some(entry) => html! {
                { external_link(entry.web_url.to_string(), classes!("button"), Some("node-open"), html! { "Open at the outlet" }) }
            },
            None => Html::default(),
        },
    };
    let story = stories.story_of(props.node);
    let onclick = props.on_close.reform(|_: MouseEvent| ());
    html! {
        <aside ref={panel} class="node-details" data-testid="node-details" aria-labelledby="node-details-title">
            <h2 id="node-details-title">{ title }</h2>
            { for rest.into_iter().map(|line| html! { <p class="muted">{ line }</p> }) }
            <p>{ format!("Story covered by {}", outlets_label(stories.coverage(story))) }</p>
            <p class="node-actions">
                { open }
                { " " }
                <button type="button" class="link-button" data-testid="node-close" {onclick}>{ "Clear selection" }</button>
            </p>
        </aside>
    }
}
