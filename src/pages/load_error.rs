//! The page shown instead of the app when its data cannot be downloaded or read (the entry file
//! or its catalog), so a broken or half-updated site explains itself rather than showing an
//! empty list or a blank page.

use crate::hooks::use_document_title;
use yew::prelude::*;

/// Props of [`LoadError`].
#[derive(Properties, PartialEq)]
pub struct LoadErrorProps {
    /// What went wrong and what to do about it.
    pub message: AttrValue,
}

/// A full-page error message.
#[component]
pub fn LoadError(props: &LoadErrorProps) -> Html {
    use_document_title(AttrValue::Static("Broadsheet could not load its articles"));
    html! {
        <main class="page load-error" data-testid="load-error" role="alert">
            <h1>{ "Broadsheet could not load its articles" }</h1>
            <p>{ props.message.clone() }</p>
        </main>
    }
}
