//! The saved views page (`#/saved`): each view the reader saved, with how many of its articles
//! are new since they last opened it, a link that opens it (and marks it seen), Remove with
//! Undo, and the list's export and import as a small JSON file. The rules are
//! `broadsheet_core::view::saved`'s; the list lives in `crate::saved_views`.

use crate::download;
use crate::hooks::use_document_title;
use crate::library::{use_files, SharedLibrary};
use crate::numbers::digits;
use crate::saved_views::{self, STORAGE_OFF};
use broadsheet_core::data::library::Need;
use broadsheet_core::index::search::Query;
use broadsheet_core::view::display::{filter_label, new_in_view_label, view_title};
use broadsheet_core::view::explore::newest;
use broadsheet_core::view::saved::{check_size, new_since, SavedView, SavedViews};
use gloo::timers::callback::Timeout;
use wasm_bindgen_futures::JsFuture;
use web_sys::{HtmlElement, HtmlInputElement};
use yew::platform::spawn_local;
use yew::prelude::*;

/// The exported file's name.
const FILE_NAME: &str = "broadsheet-saved-views.json";

/// What the last import (or a refused change) did.
#[derive(Clone, PartialEq)]
enum Outcome {
    /// Done: a sentence, and notes on entries read with changes.
    Imported(String, Vec<String>),
    /// Nothing changed, and why.
    Failed(String),
}

/// Props of [`SavedPage`].
#[derive(Properties, PartialEq)]
pub struct SavedPageProps {
    /// The articles, to count what is new in each view.
    pub library: SharedLibrary,
}

/// The saved views page.
#[component]
pub fn SavedPage(props: &SavedPageProps) -> Html {
    use_document_title(AttrValue::Static("Saved views – Broadsheet"));
    let list = use_state(saved_views::load);
    let removed = use_state(|| None::<(usize, SavedView)>);
    let outcome = use_state(|| None::<Outcome>);
    let file = use_node_ref();
    let undo = use_node_ref();
    {
        // The Remove button that had focus is gone: Undo is the next thing to reach for.
        let undo = undo.clone();
        use_effect_with(removed.is_some(), move |&shown| {
            if let Some(undo) = undo.cast::<HtmlElement>().filter(|_| shown) {
                undo.focus().ok();
            }
        });
    }
    let mark = newest(props.library.catalog());
    let Some(current) = (*list).clone() else {
        return html! {
            <section class="saved-page" aria-labelledby="saved-title">
                <h1 id="saved-title" tabindex="-1">{ "Saved views" }</h1>
                <p class="notice" role="status" data-testid="saved-off">{ STORAGE_OFF }</p>
            </section>
        };
    };
    // Keeps `next` and shows it; says so when storage refuses, and the list stays as it was.
    let keep = {
        let (list, outcome) = (list.clone(), outcome.clone());
        move |next: SavedViews| {
            let kept = saved_views::store(&next);
            if kept {
                list.set(Some(next));
            } else {
                outcome.set(Some(Outcome::Failed(
                    "This browser refused to keep the change: its storage may be full or off."
                        .into(),
                )));
            }
            kept
        }
    };
    let on_remove = {
        let (current, keep, removed) = (current.clone(), keep.clone(), removed.clone());
        Callback::from(move |index: usize| {
            if let Some((next, view)) = current.remove(index) {
                if keep(next) {
                    removed.set(Some((index, view)));
                }
            }
        })
    };
    let on_undo = {
        let (current, keep, removed) = (current.clone(), keep.clone(), removed.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some((index, view)) = (*removed).clone() {
                if keep(current.restore(index, view)) {
                    removed.set(None);
                }
            }
        })
    };
    let on_open = Callback::from(move |hash: String| {
        // Read afresh: another tab may have changed the list since this page drew it.
        if let Some(list) = saved_views::load() {
            saved_views::store(&list.mark_seen(&hash, mark));
        }
    });
    let on_export = {
        let current = current.clone();
        Callback::from(move |_: MouseEvent| {
            // A browser that refuses Blobs offers no download; the button stays usable.
            download::save(
                FILE_NAME,
                "application/json;charset=utf-8",
                &current.to_json(),
            )
            .ok();
        })
    };
    let on_choose = {
        let file = file.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(input) = file.cast::<HtmlElement>() {
                input.click();
            }
        })
    };
    let on_file = {
        let (keep, outcome, removed) = (keep.clone(), outcome.clone(), removed.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(chosen) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            // Choosing the same file again must fire `change` again.
            input.set_value("");
            let (keep, outcome, removed) = (keep.clone(), outcome.clone(), removed.clone());
            spawn_local(async move {
                // The size is known before reading: a large file chosen by mistake is not read.
                // A size in bytes: a whole number, never negative.
                let size = chosen.size() as u64;
                let text = match check_size(size) {
                    Ok(()) => JsFuture::from(chosen.text()).await.ok(),
                    Err(error) => return outcome.set(Some(Outcome::Failed(error.to_string()))),
                };
                let Some(text) = text.and_then(|t| t.as_string()) else {
                    return outcome
                        .set(Some(Outcome::Failed("The file could not be read.".into())));
                };
                // Read afresh, as the list may have changed while the file was read.
                let Some(list) = saved_views::load() else {
                    return outcome.set(Some(Outcome::Failed(STORAGE_OFF.into())));
                };
                match list.import(&text, mark) {
                    Err(error) => outcome.set(Some(Outcome::Failed(error.to_string()))),
                    Ok(imported) => {
                        if keep(imported.views) {
                            removed.set(None);
                            let views = if imported.added == 1 { "view" } else { "views" };
                            outcome.set(Some(Outcome::Imported(
                                format!("Imported {} {views}.", imported.added),
                                imported.notes,
                            )));
                        }
                    }
                }
            });
        })
    };
    let rows = current.views().iter().enumerate().map(|(index, view)| {
        html! {
            <SavedRow
                key={view.hash()}
                library={props.library.clone()}
                view={view.clone()}
                {index}
                on_remove={on_remove.clone()}
                on_open={on_open.clone()}
            />
        }
    });
    html! {
        <section class="saved-page" aria-labelledby="saved-title">
            <header class="page-header">
                <h1 id="saved-title" tabindex="-1">{ "Saved views" }</h1>
                <p class="saved-intro">
                    { "Views you saved with “Save this view”, kept in this browser only." }
                </p>
            </header>
            if let Some((_, view)) = &*removed {
                <p class="notice" role="status" data-testid="saved-removed">
                    { format!("Removed “{}”. ", view.name()) }
                    <button type="button" class="button" data-testid="saved-undo" ref={undo} onclick={on_undo}>
                        { "Undo" }
                    </button>
                </p>
            }
            { outcome_note(outcome.as_ref()) }
            if current.views().is_empty() {
                <p class="empty" data-testid="saved-empty">
                    { "No saved views yet. On the " }<a href="#/">{ "explore page" }</a>
                    { ", choose a search or filters and use “Save this view”." }
                </p>
            } else {
                <ul class="saved-list" data-testid="saved-list">{ for rows }</ul>
            }
            <div class="saved-file" role="group" aria-label="Saved views file">
                <button type="button" class="button" data-testid="saved-export" onclick={on_export}>
                    { "Export (JSON)" }
                </button>
                <button type="button" class="button" data-testid="saved-import" onclick={on_choose}>
                    { "Import…" }
                </button>
                <input
                    type="file"
                    accept="application/json,.json"
                    hidden=true
                    tabindex="-1"
                    aria-hidden="true"
                    data-testid="saved-import-file"
                    ref={file}
                    onchange={on_file}
                />
            </div>
        </section>
    }
}

/// What the last import did: a status, or an alert saying nothing changed.
fn outcome_note(outcome: Option<&Outcome>) -> Html {
    match outcome {
        None => Html::default(),
        Some(Outcome::Imported(sentence, notes)) => html! {
            <div class="notice" role="status" data-testid="saved-import-result">
                <p>{ sentence.clone() }</p>
                if !notes.is_empty() {
                    <ul>{ for notes.iter().map(|n| html! { <li>{ n.clone() }</li> }) }</ul>
                }
            </div>
        },
        Some(Outcome::Failed(message)) => html! {
            <div class="notice" role="alert" data-testid="saved-import-error">
                <p>{ message.clone() }</p>
                <p>{ "Your saved views are unchanged." }</p>
            </div>
        },
    }
}

/// Props of [`SavedRow`].
#[derive(Properties, PartialEq)]
struct SavedRowProps {
    library: SharedLibrary,
    view: SavedView,
    index: usize,
    on_remove: Callback<usize>,
    on_open: Callback<String>,
}

/// One saved view. In a sharded build a view with a search counts once its search files are
/// here, and asks for them.
#[component]
fn SavedRow(props: &SavedRowProps) -> Html {
    let query = Query::parse(props.view.state().query());
    let missing = props.library.missing(&[Need::Query(&query)]);
    let ready = missing.is_empty();
    use_files(&props.library, missing);
    let count = use_state_eq(|| None::<usize>);
    {
        let (count, library) = (count.clone(), props.library.clone());
        use_effect_with((props.view.clone(), ready), move |(view, ready)| {
            count.set(None);
            // Counting runs a whole search of the view (tens of milliseconds at 100,000
            // articles): each row counts in a task of its own, so a long list paints and takes
            // input between rows instead of blocking for seconds in one render.
            let task = ready.then(|| {
                let view = view.clone();
                Timeout::new(0, move || count.set(Some(new_since(&*library, &view))))
            });
            move || drop(task)
        });
    }
    let catalog = props.library.catalog();
    let chips: Vec<String> = props
        .view
        .state()
        .active_filters()
        .iter()
        .map(|f| filter_label(catalog, f))
        .collect();
    let name = props.view.name();
    let onclick = {
        let hash = props.view.hash().to_owned();
        props.on_open.reform(move |_: MouseEvent| hash.clone())
    };
    let on_remove = {
        let index = props.index;
        props.on_remove.reform(move |_: MouseEvent| index)
    };
    html! {
        <li class="saved-view" data-testid="saved-view">
            <a class="saved-name" href={props.view.hash().to_owned()} data-testid="saved-open" {onclick}>
                { name }
            </a>
            <span class="saved-what">{ view_title(&chips) }</span>
            <span class="saved-new" data-testid="saved-new" aria-busy={count.is_none().then_some("true")}>
                { match *count {
                    Some(n) => new_in_view_label(n, &digits()),
                    None => "counting new articles…".to_owned(),
                } }
            </span>
            <button
                type="button"
                class="button saved-remove"
                data-testid="saved-remove"
                aria-label={format!("Remove “{name}”")}
                onclick={on_remove}
            >
                { "Remove" }
            </button>
        </li>
    }
}
