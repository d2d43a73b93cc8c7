//! The publication date range: two date fields (whole UTC days, inclusive) over a histogram of
//! the results' dates that the reader can brush to choose a span.

use crate::components::bar_chart::BarChart;
use crate::components::range_field::RangeField;
use crate::numbers::digits;
use broadsheet_core::text::time::Day;
use broadsheet_core::view::display::{bar_days, bar_label, day_range_label};
use broadsheet_core::view::explore::Bar;
use broadsheet_core::view::state::{DayRange, Preset};
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`DateFilter`].
#[derive(Properties, PartialEq)]
pub struct DateFilterProps {
    /// The chosen range.
    pub range: DayRange,
    /// The results' dates, in bars over the whole collection's span.
    pub bars: Rc<Vec<Bar>>,
    /// Called with the new range.
    pub on_change: Callback<DayRange>,
    /// The time preset chosen, if any.
    pub preset: Option<Preset>,
    /// The day of the newest article, which presets count back from; `None` when empty.
    pub newest: Option<Day>,
    /// Called with the preset chosen, or `None` to drop it.
    pub on_preset: Callback<Option<Preset>>,
}

/// A `<fieldset>` with `date-from`, `date-to` and `date-histogram`.
#[component]
pub fn DateFilter(props: &DateFilterProps) -> Html {
    let range = props.range;
    let spans: Vec<DayRange> = props
        .bars
        .iter()
        .map(|b| bar_days(b.start, b.end))
        .collect();
    let digits = digits();
    let titles: Vec<String> = props
        .bars
        .iter()
        .zip(&spans)
        .map(|(bar, span)| bar_label(&day_range_label(*span), bar.count, &digits))
        .collect();
    let first = spans.first().and_then(|s| s.min);
    let last = spans.last().and_then(|s| s.max);
    let selected = (!range.is_open())
        .then(|| {
            let inside = |s: &DayRange| {
                s.max.is_none_or(|t| range.min.is_none_or(|f| t >= f))
                    && s.min.is_none_or(|f| range.max.is_none_or(|t| f <= t))
            };
            let a = spans.iter().position(inside)?;
            let b = spans.iter().rposition(inside)?;
            Some((a, b))
        })
        .flatten();
    let on_select = {
        let on_change = props.on_change.clone();
        Callback::from(move |(a, b): (usize, usize)| {
            let from = spans.get(a).and_then(|s| s.min);
            let to = spans.get(b).and_then(|s| s.max);
            on_change.emit(DayRange::new(from, to));
        })
    };
    let field = |end: &'static str, label: &'static str, value: Option<Day>| {
        let on_change = props.on_change.clone();
        let on_change = Callback::from(move |text: String| {
            let Some(day) = Day::from_field(&text) else {
                return;
            };
            on_change.emit(match end {
                "from" => DayRange::new(day, range.max),
                _ => DayRange::new(range.min, day),
            });
        });
        html! {
            <RangeField
                {label}
                kind="date"
                testid={format!("date-{end}")}
                value={value.map(|d| d.to_string()).unwrap_or_default()}
                min={first.map(|d| AttrValue::from(d.to_string()))}
                max={last.map(|d| AttrValue::from(d.to_string()))}
                {on_change}
            />
        }
    };
    html! {
        <fieldset class="range date-range" data-testid="date-range">
            <legend class="facet-name">{ "Published" }</legend>
            if !props.bars.is_empty() {
                <BarChart
                    bars={Rc::clone(&props.bars)}
                    titles={Rc::new(titles)}
                    label="Publication dates of the results; drag across the bars to choose a span"
                    testid="date-histogram"
                    {selected}
                    {on_select}
                />
            }
            <div class="range-fields">
                { field("from", "From", range.min) }
                { field("to", "To", range.max) }
            </div>
            <div class="presets" role="group" aria-label="Time presets">
                { for Preset::ALL.into_iter().map(|preset| {
                    let on = props.preset == Some(preset);
                    let onclick = props.on_preset.reform(move |_: MouseEvent| (!on).then_some(preset));
                    html! {
                        <button
                            type="button"
                            class="preset"
                            data-testid={format!("preset-{}", preset.key())}
                            aria-pressed={if on { "true" } else { "false" }}
                            {onclick}
                        >
                            { preset.label() }
                        </button>
                    }
                }) }
            </div>
            if let Some(newest) = props.newest {
                <p class="range-note" data-testid="preset-note">
                    { format!("Counted back from the newest article, published {newest}.") }
                </p>
            }
        </fieldset>
    }
}
