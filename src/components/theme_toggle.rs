//! The header's light/dark switch. Which theme is shown and where the choice is kept is the
//! `use_theme` hook's business; this only draws its state and reports clicks.

use yew::prelude::*;

/// Props of [`ThemeToggle`].
#[derive(Properties, PartialEq)]
pub struct ThemeToggleProps {
    /// Whether the dark theme is shown.
    pub dark: bool,
    /// Called to switch.
    pub on_toggle: Callback<()>,
}

/// A `<button aria-pressed>` that is pressed while the dark theme is shown.
#[component]
pub fn ThemeToggle(props: &ThemeToggleProps) -> Html {
    let onclick = props.on_toggle.reform(|_: MouseEvent| ());
    html! {
        <button
            type="button"
            class="theme-toggle"
            data-testid="theme-toggle"
            aria-pressed={if props.dark { "true" } else { "false" }}
            aria-label="Dark theme"
            title={if props.dark { "Switch to the light theme" } else { "Switch to the dark theme" }}
            {onclick}
        >
            <span class="theme-icon" aria-hidden="true">{ if props.dark { "☾" } else { "☀" } }</span>
            // Hidden on phones, where the icon and the pressed state carry it. The visible text
            // says the state too: "Dark theme" alone reads the same in both themes.
            <span class="theme-label" aria-hidden="true" data-testid="theme-label">
                { if props.dark { " Dark theme: on" } else { " Dark theme: off" } }
            </span>
        </button>
    }
}
