//! Copying text for the share dialog: the asynchronous Clipboard API where the page may use it,
//! else the text is selected in its field and the older `copy` command is tried.
//!
//! Every failure is an answer (the caller tells the reader to copy by hand), never an exception
//! or a console line: `navigator.clipboard` is missing outside secure contexts and may refuse
//! in a frame or without focus.

use gloo::utils::{document, window};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Clipboard, HtmlDocument, HtmlInputElement, HtmlTextAreaElement};
use yew::NodeRef;

/// How a copy went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Copied {
    /// The text is on the clipboard.
    Yes,
    /// The text is selected in its field for the reader to copy.
    Selected,
}

/// Puts `text` on the clipboard, or selects `field` (an input or textarea holding the same
/// text) and tries the `copy` command.
pub async fn copy(text: &str, field: &NodeRef) -> Copied {
    if write(text).await {
        return Copied::Yes;
    }
    select(field);
    let copied = document()
        .dyn_into::<HtmlDocument>()
        .ok()
        .and_then(|d| d.exec_command("copy").ok())
        .unwrap_or(false);
    if copied {
        Copied::Yes
    } else {
        Copied::Selected
    }
}

async fn write(text: &str) -> bool {
    let navigator = window().navigator();
    // The getter is typed as always present, but it is `undefined` on plain-http pages.
    let clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .ok()
        .filter(|c| !c.is_undefined() && !c.is_null());
    let Some(clipboard) = clipboard else {
        return false;
    };
    let promise = clipboard.unchecked_into::<Clipboard>().write_text(text);
    JsFuture::from(promise).await.is_ok()
}

fn select(field: &NodeRef) {
    if let Some(area) = field.cast::<HtmlTextAreaElement>() {
        area.focus().ok();
        area.select();
    } else if let Some(input) = field.cast::<HtmlInputElement>() {
        input.focus().ok();
        input.select();
    }
}
