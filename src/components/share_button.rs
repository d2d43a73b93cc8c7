//! The "Share" button of the explore page and of a story's page, and the dialog it opens while
//! open.

use crate::components::share_dialog::ShareDialog;
use crate::location::Deployment;
use broadsheet_core::view::state::ViewState;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`ShareButton`].
#[derive(Properties, PartialEq)]
pub struct ShareButtonProps {
    /// The view to share.
    pub state: ViewState,
    /// Where this copy of Broadsheet is served from.
    pub deployment: Rc<Deployment>,
    /// The id of an article whose story to share (narrowed by `state`), rather than the view.
    #[prop_or_default]
    pub story: Option<AttrValue>,
}

/// A `<button data-testid="share">` and, once clicked, the share dialog.
#[component]
pub fn ShareButton(props: &ShareButtonProps) -> Html {
    let open = use_state_eq(|| false);
    let onclick = {
        let open = open.setter();
        Callback::from(move |_: MouseEvent| open.set(true))
    };
    let on_close = {
        let open = open.setter();
        Callback::from(move |()| open.set(false))
    };
    html! {
        <>
            <button
                type="button"
                class="button share-button"
                data-testid="share"
                aria-haspopup="dialog"
                {onclick}
            >
                { "Share" }
            </button>
            if *open {
                <ShareDialog
                    state={props.state.clone()}
                    deployment={Rc::clone(&props.deployment)}
                    story={props.story.clone()}
                    {on_close}
                />
            }
        </>
    }
}
