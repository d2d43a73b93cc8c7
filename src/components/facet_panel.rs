//! One facet's values with their counts: a checkbox includes a value, a small button beside it
//! excludes it. Long facets show their top values with "show more" and a field to find a value.
//! Which rows show is `broadsheet_core::view::explore::visible_rows`'s answer.

use crate::numbers::digits;
use broadsheet_core::index::facet::Facet;
use broadsheet_core::view::explore::{visible_rows, Choice, FacetRow};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// How many values a long facet shows before "show more".
const TOP_VALUES: usize = 8;

/// How many more values each "show more" adds: a facet of a thousand outlets opened at once
/// is a page tens of thousands of pixels long, and the find field is the faster way there.
const MORE_VALUES: usize = 40;

/// Props of [`FacetPanel`].
#[derive(Properties, PartialEq)]
pub struct FacetPanelProps {
    /// Which facet.
    pub facet: Facet,
    /// Its values, most results first.
    pub rows: Rc<Vec<FacetRow>>,
    /// Called with a value's key and whether it should now be included.
    pub on_include: Callback<(String, bool)>,
    /// Called with a value's key and whether it should now be excluded.
    pub on_exclude: Callback<(String, bool)>,
}

/// A `<fieldset data-testid="facet-<key>">` of values.
#[component]
pub fn FacetPanel(props: &FacetPanelProps) -> Html {
    let limit = use_state_eq(|| TOP_VALUES);
    let filter = use_state_eq(String::new);
    let long = props.rows.len() > TOP_VALUES;
    let (shown, hidden) = visible_rows(&props.rows, &filter, Some(*limit));
    let nothing_found = shown.is_empty() && !filter.trim().is_empty();
    let name = props.facet.label();
    let rows = shown.into_iter().map(|row| {
        let included = row.choice == Choice::Included;
        let excluded = row.choice == Choice::Excluded;
        let on_check = {
            let key = row.key.clone();
            props
                .on_include
                .reform(move |_: Event| (key.clone(), !included))
        };
        let on_exclude = {
            let key = row.key.clone();
            props
                .on_exclude
                .reform(move |_: MouseEvent| (key.clone(), !excluded))
        };
        let exclude_label = if excluded {
            format!("Stop excluding {}", row.label)
        } else {
            format!("Exclude {}", row.label)
        };
        let class = classes!(
            "facet-value",
            included.then_some("included"),
            excluded.then_some("excluded"),
            (row.count == 0).then_some("zero")
        );
        html! {
            <li key={row.key.as_str()} {class} data-facet-value={row.key.clone()}>
                <label class="facet-include">
                    <input type="checkbox" checked={included} onchange={on_check} />
                    <span class="facet-label">{ row.label.clone() }</span>
                </label>
                <span class="facet-count" data-testid="facet-count">{ row.count }</span>
                <button
                    type="button"
                    class="exclude"
                    data-testid="exclude"
                    aria-pressed={if excluded { "true" } else { "false" }}
                    aria-label={exclude_label.clone()}
                    title={exclude_label}
                    onclick={on_exclude}
                >
                    { "−" }
                </button>
            </li>
        }
    });
    let on_filter = {
        let filter = filter.clone();
        Callback::from(move |e: InputEvent| {
            filter.set(e.target_unchecked_into::<HtmlInputElement>().value());
        })
    };
    let on_more = {
        let limit = limit.clone();
        Callback::from(move |_: MouseEvent| limit.set(limit.saturating_add(MORE_VALUES)))
    };
    let on_fewer = {
        let limit = limit.clone();
        Callback::from(move |_: MouseEvent| limit.set(TOP_VALUES))
    };
    let filter_label = format!("Find {}", name.to_lowercase());
    html! {
        <fieldset class="facet" data-testid={format!("facet-{}", props.facet.key())}>
            <legend class="facet-name">{ name }</legend>
            if long {
                <input
                    type="search"
                    class="facet-filter"
                    data-testid="facet-filter"
                    placeholder={filter_label.clone()}
                    aria-label={filter_label}
                    value={(*filter).clone()}
                    oninput={on_filter}
                />
            }
            <ul class="facet-values">{ for rows }</ul>
            if nothing_found {
                <p class="facet-none" data-testid="facet-none" role="status">
                    { format!("Nothing in {name} matches “{}”.", filter.trim()) }
                </p>
            }
            if hidden > 0 {
                <p class="facet-more">
                    <button type="button" class="link-button show-more" data-testid="show-more" onclick={on_more}>
                        { format!("Show {} more", digits().format(hidden.min(MORE_VALUES))) }
                    </button>
                    if hidden > MORE_VALUES {
                        <span class="facet-hidden" data-testid="facet-hidden">
                            { format!(" of {}; or find one above", digits().format(hidden)) }
                        </span>
                    }
                </p>
            }
            if *limit > TOP_VALUES {
                <button type="button" class="link-button show-more" data-testid="show-fewer" onclick={on_fewer}>
                    { "Show fewer" }
                </button>
            }
        </fieldset>
    }
}
