//! "Did you mean": when a search finds fewer than a few articles, the collection's own words
//! nearest to each query word that finds little, as links to the same view with that word
//! replaced (the rule is `broadsheet_core::index::suggest`). In a sharded build the vocabulary
//! files of the words' lengths are fetched first, and only then.

use crate::library::{use_files, SharedLibrary};
use crate::numbers::digits;
use broadsheet_core::data::library::Need;
use broadsheet_core::index::search::Query;
use broadsheet_core::index::suggest::{replace_word, FEW_RESULTS};
use broadsheet_core::view::display::misspelling_label;
use broadsheet_core::view::route::Route;
use broadsheet_core::view::state::{Action, ViewState};
use yew::prelude::*;

/// Props of [`DidYouMean`].
#[derive(Properties, PartialEq)]
pub struct DidYouMeanProps {
    /// The collection.
    pub library: SharedLibrary,
    /// The view whose search is checked.
    pub state: ViewState,
    /// How many results the view has.
    pub count: usize,
}

/// A `<div data-testid="did-you-mean">` with one line per word that finds little, or
/// [`super::nothing`] when the search finds enough, has no better word, or the vocabulary is
/// still on its way.
#[component]
pub fn DidYouMean(props: &DidYouMeanProps) -> Html {
    let text = props.state.query().to_owned();
    let query = Query::parse(&text);
    let wanted = props.count < FEW_RESULTS && !query.is_empty();
    let missing = if wanted {
        props
            .library
            .missing(&[Need::Query(&query), Need::Suggestions(&query)])
    } else {
        Vec::new()
    };
    let ready = wanted && missing.is_empty();
    use_files(&props.library, missing);
    let found = {
        let library = props.library.clone();
        use_memo((text.clone(), ready), move |(text, ready)| {
            if *ready {
                library.suggestions(&Query::parse(text))
            } else {
                Vec::new()
            }
        })
    };
    if found.is_empty() {
        return super::nothing();
    }
    let lines = found.iter().map(|miss| {
        let offers = miss.offers.iter().enumerate().map(|(i, offer)| {
            let replaced = replace_word(&text, &miss.word, &offer.word);
            let state = props.state.clone().apply(Action::SetQuery(replaced));
            let href = Route::Explore(state).to_hash();
            html! {
                <>
                    if i > 0 { { ", " } }
                    <a {href} data-testid="suggestion" data-word={offer.word.clone()}>
                        <strong>{ offer.word.clone() }</strong>
                    </a>
                    { format!(" ({})", digits().format(offer.articles as usize)) }
                </>
            }
        });
        html! {
            <p key={miss.word.as_str()}>
                { misspelling_label(&miss.word, miss.found, &digits()) }
                { " Did you mean " }
                { for offers }
                { "?" }
            </p>
        }
    });
    html! {
        <div class="did-you-mean" data-testid="did-you-mean">{ for lines }</div>
    }
}
