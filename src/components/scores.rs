//! An article's heat (popularity) and quality, with a dash where the source gives none.

use broadsheet_core::model::article::Score;
use broadsheet_core::view::display::score_label;
use yew::prelude::*;

/// Props of [`Scores`].
#[derive(Properties, PartialEq)]
pub struct ScoresProps {
    /// Popularity; `None` is unknown.
    pub heat: Option<Score>,
    /// Editorial quality; `None` is unknown.
    pub quality: Option<Score>,
}

/// A small definition list of both scores.
#[component]
pub fn Scores(props: &ScoresProps) -> Html {
    let item = |label: &'static str, class: &'static str, score: Option<Score>| {
        let unknown = score.is_none().then_some("unknown");
        html! {
            <div class={classes!("score", class)}>
                <dt>{ label }</dt>
                <dd data-testid={class} title={unknown}>{ score_label(score) }</dd>
            </div>
        }
    };
    html! {
        <dl class="scores">
            { item("Heat", "heat", props.heat) }
            { item("Quality", "quality", props.quality) }
        </dl>
    }
}
