//! Saving generated text as a file, entirely in the page: a Blob, an object URL and a temporary
//! `<a download>` that is clicked once. Nothing is uploaded; the page has no server to ask.

use gloo::timers::callback::Timeout;
use gloo::utils::{body, document};
use js_sys::Array;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// Offers `text` for download as `file_name`, with the media type `mime`.
pub fn save(file_name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(&Array::of1(&text.into()), &options)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    let link: HtmlAnchorElement = document().create_element("a")?.unchecked_into();
    link.set_href(&url);
    link.set_download(file_name);
    link.set_hidden(true);
    // Firefox only follows a click on a link that is in the document.
    body().append_child(&link)?;
    link.click();
    link.remove();
    // The download has resolved the URL once the click's task is over; revoking it then frees
    // the Blob instead of keeping it for the page's lifetime.
    Timeout::new(0, move || {
        Url::revoke_object_url(&url).ok();
    })
    .forget();
    Ok(())
}
