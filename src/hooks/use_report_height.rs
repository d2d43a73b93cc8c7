//! The embed widget's half of the resize handshake with `static/embed.js`: whenever the
//! widget's content changes height, it posts `{type: 'broadsheet:height', height}` to the page
//! that frames it, which sizes the iframe to fit.
//!
//! The message carries nothing but a number, so it goes to any origin (`'*'`): the widget
//! cannot know who frames it, and the frame's own script checks where messages come from. The
//! widget listens to no messages at all, so the framing page cannot command it.

use gloo::utils::window;
use js_sys::{Object, Reflect};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, ResizeObserver, Window};
use yew::prelude::*;

/// The `type` of the height message, as `static/embed.js` expects it.
const MESSAGE_TYPE: &str = "broadsheet:height";

/// Reports the height of the element `root` refers to while the page is framed; does nothing
/// in a top-level page or without `ResizeObserver`.
#[hook]
pub fn use_report_height(root: NodeRef) {
    let last = use_memo((), |()| Rc::new(Cell::new(-1.0)));
    {
        // After every render, measure at once. Chromium runs no rendering steps (so no
        // ResizeObserver callbacks) for a cross-origin frame that is off screen: a widget below
        // the fold would keep the frame's first height until scrolled to, then jump. Reading a
        // size lays the page out even so, so the height is known before the first paint.
        let (root, last) = (root.clone(), Rc::clone(&last));
        use_effect(move || {
            if let (Some(parent), Some(element)) = (framing_parent(), root.cast::<Element>()) {
                report(&parent, &element, &last);
            }
        });
    }
    use_effect_with(root, move |root| {
        let watch = framing_parent()
            .zip(root.cast::<Element>())
            .and_then(|(parent, element)| watch(parent, &element, Rc::clone(&last)));
        move || {
            if let Some((observer, _callback)) = watch {
                observer.disconnect();
            }
        }
    });
}

/// The window that frames this one, if any.
pub(crate) fn framing_parent() -> Option<Window> {
    let own = window();
    let parent = own.parent().ok().flatten()?;
    (!Object::is(&parent, &own)).then_some(parent)
}

/// The observer and the callback it calls, which must live as long as it does.
type Watch = (ResizeObserver, Closure<dyn FnMut()>);

fn watch(parent: Window, element: &Element, last: Rc<Cell<f64>>) -> Option<Watch> {
    let observed = element.clone();
    let callback = Closure::<dyn FnMut()>::new(move || report(&parent, &observed, &last));
    let observer = ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    // The first observation arrives right after this call, so the first height is posted
    // without waiting for a change.
    observer.observe(element);
    Some((observer, callback))
}

/// Posts `element`'s height to the framing page when it differs from the `last` posted.
fn report(parent: &Window, element: &Element, last: &Cell<f64>) {
    // A detached root (the page was replaced by the panic message, which reports its own
    // height) measures 0 and would shrink the frame under the message.
    if !element.is_connected() {
        return;
    }
    let height = element.get_bounding_client_rect().height().ceil();
    // The observer also fires for width changes; the frame only cares about height.
    if height != last.get() {
        last.set(height);
        post_height(parent, height);
    }
}

/// Posts the height message to the framing page.
pub(crate) fn post_height(parent: &Window, height: f64) {
    let message = Object::new();
    // Setting plain properties on a fresh object cannot fail; the post is best effort anyway.
    Reflect::set(&message, &"type".into(), &MESSAGE_TYPE.into()).ok();
    Reflect::set(&message, &"height".into(), &JsValue::from_f64(height)).ok();
    parent.post_message(&message, "*").ok();
}
