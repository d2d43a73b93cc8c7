//! The coverage range: how many outlets must have covered an article's story for it to stay in
//! the list. Counts are whole numbers, so each end takes digits only; anything else clears it.

use crate::components::range_field::RangeField;
use broadsheet_core::view::state::CountRange;
use yew::prelude::*;

/// A `<fieldset data-testid="coverage-range">` with `coverage-min` and `coverage-max`, showing
/// the chosen `range` and calling `on_change` with the new one.
pub fn coverage_filter(range: CountRange, on_change: &Callback<CountRange>) -> Html {
    let field = |end: &'static str, label: &'static str, value: Option<u32>| {
        let on_change = on_change.reform(move |text: String| {
            let count = text.trim().parse::<u32>().ok();
            match end {
                "min" => CountRange::new(count, range.max),
                _ => CountRange::new(range.min, count),
            }
        });
        html! {
            <RangeField
                {label}
                kind="number"
                testid={format!("coverage-{end}")}
                value={value.map(|v| v.to_string()).unwrap_or_default()}
                min={AttrValue::Static("1")}
                step={AttrValue::Static("1")}
                {on_change}
            />
        }
    };
    html! {
        <fieldset class="range coverage-range" data-testid="coverage-range">
            <legend class="facet-name">{ "Coverage" }</legend>
            <p class="range-note">{ "Outlets that covered the story" }</p>
            <div class="range-fields">
                { field("min", "Min", range.min) }
                { field("max", "Max", range.max) }
            </div>
        </fieldset>
    }
}
