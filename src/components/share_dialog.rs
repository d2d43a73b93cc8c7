//! Sharing a view: its link, and a snippet that embeds it on another site (script or plain
//! iframe), with the widget's settings and a live preview. What the link and the snippets say
//! is `broadsheet_core::view::route` and `broadsheet_core::view::embed`'s answer.

use super::close_button::close_button;
use crate::components::copy_button::CopyButton;
use crate::location::Deployment;
use broadsheet_core::index::facet::Facet;
use broadsheet_core::text::url::safe_href;
use broadsheet_core::view::embed::{self, EmbedOptions, Theme, MAX_LIMIT};
use broadsheet_core::view::route::Route;
use broadsheet_core::view::state::ViewState;
use std::rc::Rc;
use web_sys::{HtmlDialogElement, HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// The facets a widget may show panels for; status only matters to a site's own editors.
const WIDGET_FACETS: [Facet; 4] = [Facet::Topic, Facet::Provider, Facet::Category, Facet::Type];

/// Props of [`ShareDialog`].
#[derive(Properties, PartialEq)]
pub struct ShareDialogProps {
    /// The view to share.
    pub state: ViewState,
    /// Where this copy of Broadsheet is served from.
    pub deployment: Rc<Deployment>,
    /// The id of an article whose story to share (narrowed by `state`), rather than the view.
    #[prop_or_default]
    pub story: Option<AttrValue>,
    /// Called when the dialog closes (its button, Escape, or the browser).
    pub on_close: Callback<()>,
}

/// A modal `<dialog data-testid="share-dialog">`.
#[component]
pub fn ShareDialog(props: &ShareDialogProps) -> Html {
    let dialog = use_node_ref();
    let options = use_state_eq(EmbedOptions::default);
    let link_field = use_node_ref();
    {
        let dialog = dialog.clone();
        use_effect_with((), move |()| {
            // Modal, so focus stays inside and Escape closes it; a browser without <dialog>
            // still shows it in place.
            if let Some(dialog) = dialog.cast::<HtmlDialogElement>() {
                if dialog.show_modal().is_err() {
                    dialog.set_open(true);
                }
            }
        });
    }
    let onclose = props.on_close.reform(|_: Event| ());
    // A click on the backdrop lands on the <dialog> itself, outside its box: it closes the
    // dialog like the × does. Clicks inside (its padding too) are the reader's business.
    let on_backdrop = Callback::from(|e: MouseEvent| {
        let Some(dialog) = e.target_dyn_into::<HtmlDialogElement>() else {
            return;
        };
        let r = dialog.get_bounding_client_rect();
        let (x, y) = (f64::from(e.client_x()), f64::from(e.client_y()));
        let inside = x >= r.left() && x <= r.right() && y >= r.top() && y <= r.bottom();
        if !inside {
            dialog.close();
        }
    });
    let close = {
        let dialog = dialog.clone();
        let on_close = props.on_close.clone();
        Callback::from(
            move |_: MouseEvent| match dialog.cast::<HtmlDialogElement>() {
                // Closing fires `close`, which reports it.
                Some(dialog) => dialog.close(),
                None => on_close.emit(()),
            },
        )
    };

    let story = props.story.as_ref().map(ToString::to_string);
    let route = match &story {
        Some(key) => Route::Story(key.clone(), props.state.clone()),
        None => Route::Explore(props.state.clone()),
    };
    let link = props.deployment.link(&route.to_hash());
    let widget_query = embed::query(&props.state, &(*options).clone().with_story(story.clone()));
    let (title, opens, link_label) = if story.is_some() {
        (
            "Share this story",
            "Opens this story with the same filters.",
            "Link to this story",
        )
    } else {
        (
            "Share this view",
            "Opens these results with the same search, filters and order.",
            "Link to this view",
        )
    };
    let embed_part = match &props.deployment.folder {
        Some(folder) => {
            let script = embed::script_snippet(folder, &widget_query);
            let iframe = embed::iframe_snippet(folder, &widget_query);
            let preview = embed::widget_url(folder, &widget_query);
            html! {
                <>
                    <EmbedSettings
                        options={(*options).clone()}
                        on_change={options.setter().to_callback()}
                        facets={story.is_none()}
                    />
                    <SnippetField
                        id="embed-script"
                        label="Script: grows to fit its content"
                        rows={3}
                        text={script}
                        copy_label="Copy script"
                        copy_testid="copy-script"
                    />
                    <SnippetField
                        id="embed-iframe"
                        label="Plain iframe: for sites that allow no scripts; fixed height"
                        rows={4}
                        text={iframe}
                        copy_label="Copy iframe"
                        copy_testid="copy-iframe"
                    />
                    <h3 class="share-subtitle">{ "Preview" }</h3>
                    if safe_href(&preview).is_some() {
                        // A picture of the widget, not a second copy to use: inert, its links
                        // and fields add no tab stops, and focus cannot enter the frame, whose
                        // own document would otherwise swallow the Escape that closes the dialog.
                        <iframe
                            class="embed-preview"
                            data-testid="embed-preview"
                            title="Preview of the embedded view"
                            inert=true
                            tabindex="-1"
                            src={preview}
                            referrerpolicy="no-referrer"
                            sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox"
                        />
                    }
                </>
            }
        }
        None => html! {
            <p class="muted" data-testid="embed-unavailable">
                { "Embedding needs this page to be served from a web address (http or https)." }
            </p>
        },
    };
    html! {
        <dialog
            ref={dialog}
            class="share-dialog"
            data-testid="share-dialog"
            aria-labelledby="share-title"
            {onclose}
            onclick={on_backdrop}
        >
            <div class="share-head">
                <h2 id="share-title">{ title }</h2>
                { close_button("dialog-close", "share-close", "Close", close) }
            </div>
            <section class="share-section" aria-labelledby="share-link-title">
                <h3 id="share-link-title" class="share-subtitle">{ "Link" }</h3>
                <p class="muted">{ opens }</p>
                <input
                    class="snippet"
                    data-testid="share-link"
                    aria-label={link_label}
                    readonly=true
                    ref={link_field.clone()}
                    value={link.clone()}
                />
                <CopyButton text={link} field={link_field} label="Copy link" testid="copy-link" />
            </section>
            <section class="share-section" aria-labelledby="share-embed-title">
                <h3 id="share-embed-title" class="share-subtitle">{ "Embed on another site" }</h3>
                { embed_part }
            </section>
        </dialog>
    }
}

/// Props of [`SnippetField`].
#[derive(Properties, PartialEq)]
struct SnippetFieldProps {
    /// The textarea's id, which is also its `data-testid`.
    id: AttrValue,
    /// What the snippet is for, above it.
    label: AttrValue,
    rows: u32,
    text: AttrValue,
    copy_label: AttrValue,
    copy_testid: AttrValue,
}

/// One embed snippet: its label, the read-only text and a Copy button.
#[component]
fn SnippetField(props: &SnippetFieldProps) -> Html {
    let field = use_node_ref();
    html! {
        <>
            <label class="share-label" for={props.id.clone()}>{ props.label.clone() }</label>
            <textarea
                id={props.id.clone()}
                class="snippet"
                data-testid={props.id.clone()}
                readonly=true
                rows={props.rows.to_string()}
                spellcheck="false"
                ref={field.clone()}
                value={props.text.clone()}
            />
            <CopyButton text={props.text.clone()} {field} label={props.copy_label.clone()} testid={props.copy_testid.clone()} />
        </>
    }
}

/// Props of [`EmbedSettings`].
#[derive(Properties, PartialEq)]
struct EmbedSettingsProps {
    options: EmbedOptions,
    on_change: Callback<EmbedOptions>,
    /// Whether to offer facet panels: a story's widget lists its reports and has none.
    facets: bool,
}

/// The widget's theme, result count and (for a view) facet panels.
#[component]
fn EmbedSettings(props: &EmbedSettingsProps) -> Html {
    let options = &props.options;
    let with =
        |facets: Vec<Facet>, theme: Theme, limit: usize| EmbedOptions::new(facets, theme, limit);
    let on_theme = {
        let (o, on_change) = (options.clone(), props.on_change.clone());
        Callback::from(move |e: Event| {
            let key = e.target_unchecked_into::<HtmlSelectElement>().value();
            let theme = Theme::from_key(&key).unwrap_or_default();
            on_change.emit(with(o.facets().to_vec(), theme, o.limit()));
        })
    };
    // Why the last text typed is not a count; the snippet keeps the last valid one meanwhile.
    let problem = use_state_eq(|| None::<String>);
    let on_limit = {
        let (o, on_change) = (options.clone(), props.on_change.clone());
        let problem = problem.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            match embed::limit_entry(&value) {
                Ok(limit) => {
                    problem.set(None);
                    on_change.emit(with(o.facets().to_vec(), o.theme(), limit));
                }
                Err(why) => problem.set(Some(format!("{why} The snippet keeps {}.", o.limit()))),
            }
        })
    };
    let facet_boxes = WIDGET_FACETS.into_iter().map(|facet| {
        let checked = options.facets().contains(&facet);
        let (o, on_change) = (options.clone(), props.on_change.clone());
        let onchange = Callback::from(move |_: Event| {
            let mut facets = o.facets().to_vec();
            if checked {
                facets.retain(|f| *f != facet);
            } else {
                facets.push(facet);
            }
            on_change.emit(with(facets, o.theme(), o.limit()));
        });
        html! {
            <label class="embed-facet" key={facet.key()}>
                <input type="checkbox" {checked} {onchange} data-testid={format!("embed-facet-{}", facet.key())} />
                { " " }{ facet.label() }
            </label>
        }
    });
    html! {
        <fieldset class="embed-settings">
            <legend>{ "Widget" }</legend>
            <label class="embed-setting">
                { "Theme " }
                <select data-testid="embed-theme" onchange={on_theme}>
                    for theme in Theme::ALL {
                        <option value={theme.key()} selected={theme == options.theme()}>{ theme.label() }</option>
                    }
                </select>
            </label>
            <label class="embed-setting">
                { "Results " }
                <input
                    type="number"
                    min="1"
                    max={MAX_LIMIT.to_string()}
                    data-testid="embed-limit"
                    value={options.limit().to_string()}
                    aria-invalid={problem.is_some().then_some("true")}
                    aria-describedby={problem.is_some().then_some("embed-limit-problem")}
                    onchange={on_limit}
                />
            </label>
            if let Some(why) = &*problem {
                <p id="embed-limit-problem" class="embed-problem" role="alert" data-testid="embed-limit-problem">
                    { why.clone() }
                </p>
            }
            if props.facets {
                <span class="embed-setting">{ "Filters:" }{ for facet_boxes }</span>
            }
        </fieldset>
    }
}
