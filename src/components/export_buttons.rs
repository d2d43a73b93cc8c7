//! Downloads of the current results as CSV, JSON and an Atom feed. The files are written in the
//! page from the bundled articles (`broadsheet_core::view::export`) and hold every result of the
//! view, not only the cards shown; their names say the view.

use crate::download;
use crate::library::{use_files, SharedLibrary};
use crate::location::Deployment;
use broadsheet_core::data::library::Need;
use broadsheet_core::model::article::Article;
use broadsheet_core::view::export;
use broadsheet_core::view::route::Route;
use broadsheet_core::view::state::ViewState;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`ExportButtons`].
#[derive(Properties, PartialEq)]
pub struct ExportButtonsProps {
    /// Where the articles are.
    pub library: SharedLibrary,
    /// Every result, in display order.
    pub articles: Rc<Vec<u32>>,
    /// The view, for file names and the feed's title and address.
    pub state: ViewState,
    /// Where this copy of Broadsheet is served from.
    pub deployment: Rc<Deployment>,
}

/// The three formats.
#[derive(Clone, Copy, PartialEq)]
enum Format {
    Csv,
    Json,
    Atom,
}

impl Format {
    fn extension(self) -> &'static str {
        match self {
            Self::Csv => "csv",
            Self::Json => "json",
            Self::Atom => "atom",
        }
    }

    fn mime(self) -> &'static str {
        match self {
            Self::Csv => "text/csv;charset=utf-8",
            Self::Json => "application/json;charset=utf-8",
            Self::Atom => "application/atom+xml;charset=utf-8",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Self::Csv => "CSV",
            Self::Json => "JSON",
            Self::Atom => "Atom",
        }
    }
}

/// Writes the file of `format` for `list` and offers it as a download.
fn save(
    format: Format,
    list: &[&Article],
    words: &[String],
    state: &ViewState,
    deployment: &Deployment,
) {
    let list = list.iter().copied();
    let text = match format {
        Format::Csv => export::csv(list),
        Format::Json => export::json(list),
        Format::Atom => {
            let title = export::feed_title(words);
            // Without an http(s) address the feed names no self link (the bare hash does not
            // pass `safe_href`).
            let url = deployment.link(&Route::Explore(state.clone()).to_hash());
            export::atom(list, &title, &url)
        }
    };
    // A browser that refuses Blobs or object URLs offers no download; there is nothing more
    // the page could do, and the button stays usable.
    download::save(
        &export::file_name(words, format.extension()),
        format.mime(),
        &text,
    )
    .ok();
}

/// A labelled group of three download buttons, `data-testid="export-<format>"`. Every result
/// goes into the file: in a sharded build the articles not read yet are fetched first, and the
/// download starts when they have all arrived.
#[component]
pub fn ExportButtons(props: &ExportButtonsProps) -> Html {
    let words = Rc::new(export::view_words(props.library.catalog(), &props.state));
    let pending = use_state_eq(|| None::<Format>);
    let missing = if pending.is_some() {
        props.library.missing(&[Need::Articles(&props.articles)])
    } else {
        Vec::new()
    };
    let ready = pending.is_some() && missing.is_empty();
    use_files(&props.library, missing);
    {
        let (library, articles) = (props.library.clone(), Rc::clone(&props.articles));
        let (words, state) = (Rc::clone(&words), props.state.clone());
        let deployment = Rc::clone(&props.deployment);
        let pending = pending.clone();
        use_effect_with(ready, move |&ready| {
            if let (true, Some(format)) = (ready, *pending) {
                let list: Vec<Rc<Article>> = articles
                    .iter()
                    .filter_map(|&n| library.article(n).cloned())
                    .collect();
                let refs: Vec<&Article> = list.iter().map(|a| &**a).collect();
                save(format, &refs, &words, &state, &deployment);
                pending.set(None);
            }
        });
    }
    let busy = pending.is_some();
    let button = |format: Format| {
        let pending = pending.clone();
        let onclick = Callback::from(move |_: MouseEvent| pending.set(Some(format)));
        html! {
            <button
                type="button"
                class="button export-button"
                data-testid={format!("export-{}", format.extension())}
                disabled={busy}
                {onclick}
            >
                { format.label() }
            </button>
        }
    };
    html! {
        <div class="export" role="group" aria-labelledby="export-label" aria-busy={busy.to_string()}>
            <span id="export-label" class="export-label">{ "Download" }</span>
            { button(Format::Csv) }
            { button(Format::Json) }
            { button(Format::Atom) }
        </div>
    }
}
