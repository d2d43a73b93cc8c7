//! How the list is ordered: a menu of sorts (relevance only with a query) and a button that
//! reverses the direction.

use broadsheet_core::view::display::order_label;
use broadsheet_core::view::state::{Order, Sort};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// A `<select data-testid="sort">` and a `<button data-testid="order">`, showing the `sort` and
/// `order` in force (relevance only with a query: `has_query`), calling `on_sort` with the chosen
/// sort and `on_order` with the chosen direction.
pub fn sort_controls(
    sort: Sort,
    order: Order,
    has_query: bool,
    on_sort: &Callback<Sort>,
    on_order: &Callback<Order>,
) -> Html {
    let onchange = {
        let on_sort = on_sort.clone();
        Callback::from(move |e: Event| {
            let key = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(sort) = Sort::from_key(&key) {
                on_sort.emit(sort);
            }
        })
    };
    let flipped = match order {
        Order::Desc => Order::Asc,
        Order::Asc => Order::Desc,
    };
    let onclick = on_order.reform(move |_: MouseEvent| flipped);
    let options = Sort::ALL
        .into_iter()
        .filter(|s| *s != Sort::Relevance || has_query)
        .map(|s| {
            html! {
                <option key={s.key()} value={s.key()} selected={s == sort}>{ s.label() }</option>
            }
        });
    let (arrow, now) = match order {
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
                title={format!("Now {}; click for {}", order_label(sort, order), order_label(sort, flipped))}
                aria-label={format!("Order: {}. Reverse", order_label(sort, order))}
                {onclick}
            >
                { arrow }{ " " }{ order_label(sort, order) }
            </button>
        </div>
    }
}
