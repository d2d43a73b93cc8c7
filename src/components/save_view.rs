//! "Save this view" on the explore page: a button that opens a small form (a name, Save,
//! Cancel; Enter saves, Escape cancels) and keeps the view in the reader's saved list
//! (`crate::saved_views`). Where storage is off the button opens a note saying so instead.

use crate::saved_views::{self, STORAGE_OFF};
use broadsheet_core::view::saved::Saved;
use broadsheet_core::view::state::ViewState;
use web_sys::{HtmlElement, HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

/// Props of [`SaveView`].
#[derive(Properties, PartialEq)]
pub struct SaveViewProps {
    /// The view to save.
    pub state: ViewState,
    /// The newest publication time in the collection (Unix seconds): saving a view counts as
    /// having seen it up to here.
    pub mark: i64,
}

/// What shows under the button.
#[derive(Clone, PartialEq)]
enum Panel {
    Closed,
    /// The form, with what was wrong with the last try.
    Form(Option<String>),
    /// Storage is off.
    Off,
    /// What saving did.
    Done(String),
}

/// A `<button data-testid="save-view">` and, once clicked, the form, the note that storage is
/// off, or what saving did.
#[component]
pub fn SaveView(props: &SaveViewProps) -> Html {
    let panel = use_state_eq(|| Panel::Closed);
    let button = use_node_ref();
    let field = use_node_ref();
    let form_open = matches!(*panel, Panel::Form(_));
    {
        let field = field.clone();
        use_effect_with(form_open, move |&open| {
            if let Some(field) = field.cast::<HtmlInputElement>().filter(|_| open) {
                field.focus().ok();
            }
        });
    }
    {
        // A message about saving the last view would be wrong about the next one.
        let panel = panel.clone();
        use_effect_with(props.state.clone(), move |_| {
            if matches!(*panel, Panel::Done(_)) {
                panel.set(Panel::Closed);
            }
        });
    }
    let close = {
        let (panel, button) = (panel.clone(), button.clone());
        move || {
            panel.set(Panel::Closed);
            // Back where the reader started, rather than on <body> once the form is gone.
            if let Some(button) = button.cast::<HtmlElement>() {
                button.focus().ok();
            }
        }
    };
    let onclick = {
        let panel = panel.clone();
        let close = close.clone();
        Callback::from(move |_: MouseEvent| {
            if *panel == Panel::Closed || matches!(*panel, Panel::Done(_)) {
                panel.set(if saved_views::load().is_some() {
                    Panel::Form(None)
                } else {
                    Panel::Off
                });
            } else {
                close();
            }
        })
    };
    let onsubmit = {
        let (panel, field, button) = (panel.clone(), field.clone(), button.clone());
        let (state, mark) = (props.state.clone(), props.mark);
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let text = field
                .cast::<HtmlInputElement>()
                .map(|f| f.value())
                .unwrap_or_default();
            let Some(list) = saved_views::load() else {
                panel.set(Panel::Off);
                return;
            };
            let (list, how) = match list.save(&text, &state, mark) {
                Ok(saved) => saved,
                Err(error) => return panel.set(Panel::Form(Some(error.to_string()))),
            };
            if !saved_views::store(&list) {
                return panel.set(Panel::Form(Some(
                    "This browser refused to keep it: its storage may be full or off.".into(),
                )));
            }
            let name = list
                .views()
                .iter()
                .find(|v| *v.state() == state)
                .map_or_else(String::new, |v| v.name().to_owned());
            panel.set(Panel::Done(match how {
                Saved::Added => format!("Saved as “{name}”."),
                Saved::Renamed { from } => {
                    format!("This view was saved as “{from}”; it is now “{name}”.")
                }
            }));
            if let Some(button) = button.cast::<HtmlElement>() {
                button.focus().ok();
            }
        })
    };
    let onkeydown = {
        let close = close.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.prevent_default();
                close();
            }
        })
    };
    let oncancel = Callback::from(move |_: MouseEvent| close());
    let below = match &*panel {
        Panel::Closed => super::nothing(),
        Panel::Off => html! {
            <p class="save-view-note" role="status" data-testid="save-view-off">{ STORAGE_OFF }</p>
        },
        Panel::Done(message) => html! {
            <p class="save-view-note" role="status" data-testid="save-view-done">
                { message.clone() }{ " " }
                <a href="#/saved" data-testid="save-view-list">{ "See saved views" }</a>
            </p>
        },
        Panel::Form(error) => html! {
            <form
                id="save-view-form"
                class="save-view-form"
                data-testid="save-view-form"
                aria-label="Save this view"
                {onsubmit}
                {onkeydown}
            >
                <label for="save-view-name">{ "Name" }</label>
                <input
                    id="save-view-name"
                    type="text"
                    data-testid="save-view-name"
                    autocomplete="off"
                    ref={field}
                    aria-invalid={error.is_some().then_some("true")}
                    aria-describedby={error.is_some().then_some("save-view-error")}
                />
                <button type="submit" class="button" data-testid="save-view-submit">{ "Save" }</button>
                <button type="button" class="button" data-testid="save-view-cancel" onclick={oncancel}>
                    { "Cancel" }
                </button>
                if let Some(error) = error {
                    <p id="save-view-error" class="save-view-error" role="alert" data-testid="save-view-error">
                        { error.clone() }
                    </p>
                }
            </form>
        },
    };
    html! {
        <div class="save-view">
            <button
                type="button"
                class="button save-view-button"
                data-testid="save-view"
                aria-expanded={if matches!(*panel, Panel::Form(_) | Panel::Off) { "true" } else { "false" }}
                ref={button}
                {onclick}
            >
                { "Save this view" }
            </button>
            { below }
        </div>
    }
}
