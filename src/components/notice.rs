//! A small, dismissible note of what a link held that the app ignored (an unknown setting, a
//! bad value, broken percent-encoding), so an odd link still opens and says what it dropped.

use super::close_button::close_button;
use yew::prelude::*;

/// A `role="status"` note listing `messages`, with a dismiss button that calls `on_dismiss`;
/// [`super::nothing`] when there are none.
pub fn notice(messages: &[String], on_dismiss: &Callback<()>) -> Html {
    if messages.is_empty() {
        return super::nothing();
    }
    let onclick = on_dismiss.reform(|_: MouseEvent| ());
    html! {
        <div class="notice" role="status" data-testid="notice">
            <div class="notice-text">
                <p>{ "Parts of this link could not be used:" }</p>
                <ul>
                    for message in messages {
                        <li>{ message.clone() }</li>
                    }
                </ul>
            </div>
            { close_button("notice-dismiss", "dismiss-notice", "Dismiss", onclick) }
        </div>
    }
}
