//! A "Copy" button for a read-only field of the share dialog, with a visible confirmation. How
//! the text reaches the clipboard, and what happens when it cannot, is `crate::clipboard`'s.

use crate::clipboard::{self, Copied};
use yew::platform::spawn_local;
use yew::prelude::*;

/// Props of [`CopyButton`].
#[derive(Properties, PartialEq)]
pub struct CopyButtonProps {
    /// The text to copy.
    pub text: AttrValue,
    /// The field showing the same text, selected when the clipboard refuses.
    pub field: NodeRef,
    /// The button's label.
    pub label: AttrValue,
    /// A `data-testid` for browser tests.
    pub testid: AttrValue,
}

/// A `<button>` and, after a click, a `role="status"` line saying how it went.
#[component]
pub fn CopyButton(props: &CopyButtonProps) -> Html {
    let status = use_state_eq(|| None::<Copied>);
    {
        // A confirmation is about the text that was copied, not the text shown now.
        let status = status.setter();
        use_effect_with(props.text.clone(), move |_| status.set(None));
    }
    let onclick = {
        let (status, text, field) = (status.setter(), props.text.clone(), props.field.clone());
        Callback::from(move |_: MouseEvent| {
            let (status, text, field) = (status.clone(), text.clone(), field.clone());
            spawn_local(async move { status.set(Some(clipboard::copy(&text, &field).await)) });
        })
    };
    let message = match *status {
        Some(Copied::Yes) => "Copied",
        Some(Copied::Selected) => "Selected: press Ctrl+C (⌘C) to copy",
        None => "",
    };
    html! {
        <span class="copy">
            <button type="button" class="button" data-testid={props.testid.clone()} {onclick}>
                { props.label.clone() }
            </button>
            <span class="copy-status" role="status" data-testid={format!("{}-status", props.testid)}>
                { message }
            </span>
        </span>
    }
}
