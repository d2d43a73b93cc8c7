//! An article's body, drawn from the tree ingest read its Markdown into (core's `body`): each
//! block and inline becomes its element, every text a text node (nothing is ever parsed as
//! HTML), every link an [`external_link`] (which checks `safe_href` again), every image an
//! [`ArticleImage`] (likewise).

use crate::components::article_image::ArticleImage;
use crate::components::external_link::external_link;
use broadsheet_core::model::body::{Block, Body, Inline};
use yew::prelude::*;

/// The body as elements, in a `<div class="body">` (empty, and hidden by CSS, without a body).
/// A plain function: it has no state, and a component type would cost the wasm its own
/// lifecycle code (see `components`).
pub fn article_body(body: &Body) -> Html {
    html! {
        <div class="body" data-testid="body">
            { blocks(body.blocks()) }
        </div>
    }
}

fn blocks(list: &[Block]) -> Html {
    list.iter().map(block).collect()
}

fn block(block: &Block) -> Html {
    match block {
        // The headline is the page's one `<h1>`, so a body's top level sits below it.
        Block::Heading { level, inlines: i } => {
            let tag = format!("h{}", (*level).clamp(2, 6));
            html! { <@{tag}>{ inlines(i) }</@> }
        }
        Block::Paragraph(i) => html! { <p>{ inlines(i) }</p> },
        Block::List { start: None, items } => html! { <ul>{ list_items(items) }</ul> },
        Block::List {
            start: Some(start),
            items,
        } => {
            // Lists that start at 1 say nothing; others carry their first number.
            let start = (*start != 1).then(|| start.to_string());
            html! { <ol {start}>{ list_items(items) }</ol> }
        }
        Block::Quote(b) => html! { <blockquote>{ blocks(b) }</blockquote> },
        Block::Code(code) => html! { <pre><code>{ code.clone() }</code></pre> },
        Block::Rule => html! { <hr /> },
    }
}

fn list_items(items: &[Vec<Block>]) -> Html {
    items
        .iter()
        .map(|item| html! { <li>{ blocks(item) }</li> })
        .collect()
}

fn inlines(list: &[Inline]) -> Html {
    list.iter().map(inline).collect()
}

fn inline(inline: &Inline) -> Html {
    match inline {
        Inline::Text(text) => html! { { text.clone() } },
        Inline::Emphasis(i) => html! { <em>{ inlines(i) }</em> },
        Inline::Strong(i) => html! { <strong>{ inlines(i) }</strong> },
        Inline::Code(code) => html! { <code>{ code.clone() }</code> },
        Inline::Link { href, children } => html! {
            { external_link(href.as_str().to_owned(), Classes::new(), None, html! { inlines(children) }) }
        },
        Inline::Image { src, alt } => html! {
            <ArticleImage
                class={classes!("body-image")}
                src={AttrValue::from(src.as_str().to_owned())}
                alt={AttrValue::from(alt.clone())}
            />
        },
        Inline::LineBreak => html! { <br /> },
    }
}
