//! An article's heat (popularity) and quality, with a dash where the source gives none.

use broadsheet_core::model::article::Score;
use broadsheet_core::view::display::score_label;
use yew::prelude::*;

/// A small definition list of both scores (`None` is unknown).
pub fn scores(heat: Option<Score>, quality: Option<Score>) -> Html {
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
            { item("Heat", "heat", heat) }
            { item("Quality", "quality", quality) }
        </dl>
    }
}
