//! How much heat and recency count next to relevance, when the list is sorted by relevance.
//! Kept in the URL like the rest of the view.

use broadsheet_core::view::state::Boost;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Two range sliders, `boost-heat` and `boost-recent`, from 0 to 100, showing the `boost` in
/// force and calling `on_change` with the new boost while a slider moves.
pub fn boost_controls(boost: Boost, on_change: &Callback<Boost>) -> Html {
    let slider = |name: &'static str, label: &'static str, value: u8| {
        let on_change = on_change.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            let text = e.target_unchecked_into::<HtmlInputElement>().value();
            let Ok(weight) = text.parse::<u8>() else {
                return;
            };
            on_change.emit(match name {
                "heat" => Boost::new(weight, boost.recent),
                _ => Boost::new(boost.heat, weight),
            });
        });
        html! {
            <label class="boost-field">
                <span>{ label }</span>
                <input
                    type="range"
                    min="0"
                    max="100"
                    step="5"
                    data-testid={format!("boost-{name}")}
                    value={value.to_string()}
                    {oninput}
                />
                <output class="boost-value">{ value }</output>
            </label>
        }
    };
    html! {
        <fieldset class="boost" data-testid="boost">
            <legend>{ "Boost" }</legend>
            { slider("heat", "Heat", boost.heat) }
            { slider("recent", "Recency", boost.recent) }
        </fieldset>
    }
}
