//! A heat or quality range: lowest and highest value kept, over a chart of how the results'
//! values are spread. Articles whose value is unknown drop out once either end is set (core
//! decides); the chart says how many have none.

use crate::components::bar_chart::BarChart;
use crate::components::range_field::RangeField;
use crate::numbers::digits;
use broadsheet_core::view::display::{bar_label, bounds_label, score_entry};
use broadsheet_core::view::explore::Histogram;
use broadsheet_core::view::state::Bounds;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`ScoreFilter`].
#[derive(Properties, PartialEq)]
pub struct ScoreFilterProps {
    /// `heat` or `quality`: the start of each field's `data-testid`.
    pub name: &'static str,
    /// The heading, e.g. "Heat".
    pub label: &'static str,
    /// The chosen range.
    pub bounds: Bounds,
    /// The results' values.
    pub histogram: Rc<Histogram>,
    /// Called with the new range.
    pub on_change: Callback<Bounds>,
}

/// A `<fieldset>` with `<name>-min`, `<name>-max` and a chart.
#[component]
pub fn ScoreFilter(props: &ScoreFilterProps) -> Html {
    let bounds = props.bounds;
    let bars = Rc::new(props.histogram.bars.clone());
    let digits = digits();
    let titles: Vec<String> = bars
        .iter()
        .map(|b| {
            let span = bounds_label(Bounds::new(Some(b.start), Some(b.end)));
            bar_label(&format!("{} {span}", props.label), b.count, &digits)
        })
        .collect();
    // Why the last text typed was ignored: the field keeps it, so the reader is told.
    let problem = use_state_eq(|| None::<String>);
    let field = |end: &'static str, label: &'static str, value: Option<f64>| {
        let (on_change, problem) = (props.on_change.clone(), problem.clone());
        let on_change = Callback::from(move |text: String| match score_entry(&text) {
            Ok(number) => {
                problem.set(None);
                on_change.emit(match end {
                    "min" => Bounds::new(number, bounds.max),
                    _ => Bounds::new(bounds.min, number),
                });
            }
            Err(why) => problem.set(Some(format!("{label}: {why}"))),
        });
        html! {
            <RangeField
                {label}
                kind="number"
                testid={format!("{}-{end}", props.name)}
                value={value.map(|v| v.to_string()).unwrap_or_default()}
                min={AttrValue::Static("0")}
                {on_change}
            />
        }
    };
    let unknown = props.histogram.unknown;
    html! {
        <fieldset class="range score-range" data-testid={format!("{}-range", props.name)}>
            <legend class="facet-name">{ props.label }</legend>
            <BarChart
                {bars}
                titles={Rc::new(titles)}
                label={format!("How the results' {} values are spread", props.name)}
                testid={format!("{}-histogram", props.name)}
            />
            if unknown > 0 {
                <p class="range-note">{ format!("{unknown} with no {}", props.name) }</p>
            }
            <div class="range-fields">
                { field("min", "Min", bounds.min) }
                { field("max", "Max", bounds.max) }
            </div>
            if let Some(why) = &*problem {
                <p class="range-note range-problem" role="alert" data-testid={format!("{}-problem", props.name)}>
                    { why.clone() }
                </p>
            }
        </fieldset>
    }
}
