//! A small, dismissible note of what a link held that the app ignored (an unknown setting, a
//! bad value, broken percent-encoding), so an odd link still opens and says what it dropped.

use super::close_button::CloseButton;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`Notice`].
#[derive(Properties, PartialEq)]
pub struct NoticeProps {
    /// One sentence per ignored part.
    pub messages: Rc<[String]>,
    /// Called when the reader dismisses the note.
    pub on_dismiss: Callback<()>,
}

/// A `<div role="status" data-testid="notice">`, or [`super::nothing`] without messages.
#[component]
pub fn Notice(props: &NoticeProps) -> Html {
    if props.messages.is_empty() {
        return super::nothing();
    }
    let onclick = props.on_dismiss.reform(|_: MouseEvent| ());
    html! {
        <div class="notice" role="status" data-testid="notice">
            <div class="notice-text">
                <p>{ "Parts of this link could not be used:" }</p>
                <ul>
                    for message in props.messages.iter() {
                        <li>{ message.clone() }</li>
                    }
                </ul>
            </div>
            <CloseButton class="notice-dismiss" testid="dismiss-notice" label="Dismiss" {onclick} />
        </div>
    }
}
