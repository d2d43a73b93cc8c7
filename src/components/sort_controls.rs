//! How the list is ordered: a menu of sorts (relevance only with a query) and a button that
//! reverses the direction.

use broadsheet_core::view::display::order_label;
use broadsheet_core::view::state::{Order, Sort};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Props of [`SortControls`].
#[derive(Properties, PartialEq)]
pub struct SortControlsProps {
    /// The sort in force.
    pub sort: Sort,
    /// The direction.
    pub order: Order,
    /// Whether there is a query, which makes relevance available.
    pub has_query: bool,
    /// Called with the chosen sort.
    pub on_sort: Callback<Sort>,
    /// Called with the chosen direction.
    pub on_order: Callback<Order>,
}

/// A `<select data-testid="sort">` and a `<button data-testid="order">`.
#[component]
pub fn SortControls(props: &SortControlsProps) -> Html {
    let onchange = {
        let on_sort = props.on_sort.clone();
        Callback::from(move |e: Event| {
            let key = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(sort) = Sort::from_key(&key) {
                on_sort.emit(sort);
            }
        })
    };
    let flipped = match props.order {
        Order::Desc => Order::Asc,
        Order::Asc => Order::Desc,
    };
    let onclick = props.on_order.reform(move |_: MouseEvent| flipped);
    let options = Sort::ALL
        .into_iter()
        .filter(|s| *s != Sort::Relevance || props.has_query)
        .map(|s| {
            html! {
                <option key={s.key()} value={s.key()} selected={s == props.sort}>{ s.label() }</option>
            }
        });
    let (arrow, now) = match props.order {
        Order::Desc => ("↓", "descending"),
        Order::Asc => ("↑", "ascending"),
    };
    html! {
        <div class="sort-controls">
            <label class="sort-label">
                <span>{ "Sort by" }</span>
                <select data-testid="sort" {onchange}>{ for options }</select>
            </label>
            <button
                type="button"
                class="order-toggle"
                data-testid="order"
                data-order={now}
                title={format!("Now {}; click for {}", order_label(props.sort, props.order), order_label(props.sort, flipped))}
                aria-label={format!("Order: {}. Reverse", order_label(props.sort, props.order))}
                {onclick}
            >
                { arrow }{ " " }{ order_label(props.sort, props.order) }
            </button>
        </div>
    }
}
