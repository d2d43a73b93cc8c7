//! What the reader sees if the app panics: a short message in place of the page, with a link
//! that reloads the same view and the panic text for a bug report, instead of a page frozen
//! half-drawn. The embed widget shows the same message in its frame and tells the host page its
//! new height.
//!
//! The release build aborts on a panic, so this is the last code the app runs: it builds the
//! message with plain DOM calls (Yew's state may be what broke) and puts it in a new `<body>`,
//! which also leaves Yew's event listeners, attached to the old one, behind. The reload link
//! works without the app: `static/boot.js` reloads the page on a click on any `[data-reload]`.

use crate::hooks::{framing_parent, post_height};
use std::sync::atomic::{AtomicBool, Ordering};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, HtmlElement, Window};

/// Set by the first panic: a panic in a callback that runs after it (the app's state is
/// unreliable from then on) must not replace the message with another.
static CRASHED: AtomicBool = AtomicBool::new(false);

/// What the page says, before the panic text.
const HEADING: &str = "Broadsheet stopped";
const EXPLANATION: &str = "Something went wrong and this page stopped working. Reloading the \
    view usually helps; the link keeps what you were looking at.";

/// Installs the panic hook, in place of the one Yew would install (which only logs). Call
/// before the app renders anything.
pub fn install() {
    yew::set_custom_panic_hook(Box::new(|info| {
        if CRASHED.swap(true, Ordering::SeqCst) {
            return;
        }
        let text = info.to_string();
        web_sys::console::error_1(&JsValue::from_str(&format!("Broadsheet stopped: {text}")));
        if let Some(window) = web_sys::window() {
            show(&window, &text);
        }
    }));
}

/// Replaces the page's body with the message; best effort, since nothing can be reported once
/// the app has stopped.
fn show(window: &Window, text: &str) -> Option<()> {
    let document = window.document()?;
    let href = window.location().href().ok()?;
    let framer = framing_parent();

    // In the widget's frame the message fills the frame, which takes the message's height.
    let class = if framer.is_some() {
        "page crashed framed"
    } else {
        "page crashed"
    };
    let main = element(&document, "main", &[("id", "main"), ("class", class)])?;
    main.set_attribute("data-testid", "crashed").ok()?;
    let heading = element(&document, "h1", &[("tabindex", "-1")])?;
    heading.set_text_content(Some(HEADING));
    let explanation = element(&document, "p", &[("role", "alert")])?;
    explanation.set_text_content(Some(EXPLANATION));
    let reload = element(
        &document,
        "a",
        &[
            ("href", href.as_str()),
            ("data-reload", ""),
            ("data-testid", "crash-reload"),
            ("class", "button"),
        ],
    )?;
    reload.set_text_content(Some("Reload this view"));
    let reload_line = element(&document, "p", &[])?;
    reload_line.append_child(&reload).ok()?;
    let details = element(&document, "details", &[("data-testid", "crash-details")])?;
    let summary = element(&document, "summary", &[])?;
    summary.set_text_content(Some("What went wrong (for a bug report)"));
    let panic_text = element(&document, "pre", &[])?;
    panic_text.set_text_content(Some(text));
    details.append_child(&summary).ok()?;
    details.append_child(&panic_text).ok()?;
    for child in [&heading, &explanation, &reload_line, &details] {
        main.append_child(child).ok()?;
    }

    let body = element(&document, "body", &[])?;
    body.append_child(&main).ok()?;
    let root = document.document_element()?;
    match document.body() {
        Some(old) => root.replace_child(&body, &old).ok()?,
        None => root.append_child(&body).ok()?,
    };
    if let Some(heading) = heading.dyn_ref::<HtmlElement>() {
        heading.focus().ok();
    }
    // The frame would otherwise keep the old height, clipping the message or leaving a gap.
    if let Some(parent) = framer {
        post_height(&parent, main.get_bounding_client_rect().height().ceil());
    }
    Some(())
}

fn element(document: &Document, tag: &str, attributes: &[(&str, &str)]) -> Option<Element> {
    let el = document.create_element(tag).ok()?;
    for (name, value) in attributes {
        el.set_attribute(name, value).ok()?;
    }
    Some(el)
}
