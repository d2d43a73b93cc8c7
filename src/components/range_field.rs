//! One end of a range: a labelled date or number field that reports its text when the reader
//! commits it (Enter, leaving the field, the picker), not on every keystroke, so a half-typed
//! value is never put in order against the other end under the reader's fingers.

use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props of [`RangeField`].
#[derive(Properties, PartialEq)]
pub struct RangeFieldProps {
    /// The visible label, e.g. "From".
    pub label: &'static str,
    /// The input type: `date` or `number`.
    pub kind: &'static str,
    /// A `data-testid` for browser tests.
    pub testid: AttrValue,
    /// The value as the field writes it (empty for an open end).
    pub value: AttrValue,
    /// The lowest value the field offers.
    #[prop_or_default]
    pub min: Option<AttrValue>,
    /// The highest value the field offers.
    #[prop_or_default]
    pub max: Option<AttrValue>,
    /// The step of a number field; any value when unset.
    #[prop_or_default]
    pub step: Option<AttrValue>,
    /// Called with the field's text when it changes.
    pub on_change: Callback<String>,
}

/// A `<label>` holding an `<input>`.
#[component]
pub fn RangeField(props: &RangeFieldProps) -> Html {
    let onchange = props
        .on_change
        .reform(|e: Event| e.target_unchecked_into::<HtmlInputElement>().value());
    let number = props.kind == "number";
    html! {
        <label class="range-field">
            <span class="range-label">{ props.label }</span>
            <input
                type={props.kind}
                data-testid={props.testid.clone()}
                value={props.value.clone()}
                min={props.min.clone()}
                max={props.max.clone()}
                step={props.step.clone().or_else(|| number.then_some(AttrValue::Static("any")))}
                inputmode={number.then_some("decimal")}
                {onchange}
            />
        </label>
    }
}
