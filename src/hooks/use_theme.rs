//! The page's colour theme: the widget's fixed one, or the reader's, which follows the system
//! until they toggle it and is remembered in localStorage.

use crate::theme;
use broadsheet_core::view::embed::Theme;
use gloo::events::EventListener;
use yew::prelude::*;

/// The theme shown and how to switch it.
#[derive(Clone, PartialEq)]
pub struct ThemeHandle {
    /// Whether the dark colours are shown.
    pub dark: bool,
    /// Switches between light and dark.
    pub toggle: Callback<()>,
}

/// Applies `fixed` (the embed widget's own setting) or else the reader's theme, and returns it
/// with a toggle. With `fixed` set, storage is neither read nor written: a widget's look is the
/// embedding site's choice, not a preference to remember.
#[hook]
pub fn use_theme(fixed: Option<Theme>) -> ThemeHandle {
    let choice = use_state_eq(|| {
        if fixed.is_some() {
            Theme::Auto
        } else {
            theme::stored()
        }
    });
    let system_dark = use_state_eq(|| theme::dark_query().is_some_and(|q| q.matches()));
    {
        let system_dark = system_dark.setter();
        use_effect_with((), move |()| {
            // Keeps the toggle's state right when the system switches (at dusk, say) while the
            // page is open and the reader has not chosen.
            let listener = theme::dark_query().map(|query| {
                let target = query.clone();
                EventListener::new(&target, "change", move |_| system_dark.set(query.matches()))
            });
            move || drop(listener)
        });
    }
    let shown = fixed.unwrap_or(*choice);
    use_effect_with(shown, |shown| theme::apply(*shown));
    let system_dark = *system_dark;
    let dark = match shown {
        Theme::Dark => true,
        Theme::Light => false,
        Theme::Auto => system_dark,
    };
    let toggle = {
        let choice = choice.setter();
        Callback::from(move |()| {
            let wanted_dark = !dark;
            // Choosing what the system shows anyway means following the system again, so a
            // reader who switches back is not pinned to one theme for good.
            let next = if wanted_dark == system_dark {
                Theme::Auto
            } else if wanted_dark {
                Theme::Dark
            } else {
                Theme::Light
            };
            theme::store(next);
            choice.set(next);
        })
    };
    ThemeHandle { dark, toggle }
}
