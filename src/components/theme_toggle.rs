//! The header's light/dark switch. Which theme is shown and where the choice is kept is the
//! `use_theme` hook's business; this only draws its state and reports clicks.

use yew::prelude::*;

/// A `<button aria-pressed>` that is pressed while the `dark` theme is shown, and calls `on_toggle`
/// to switch.
pub fn theme_toggle(dark: bool, on_toggle: &Callback<()>) -> Html {
    let onclick = on_toggle.reform(|_: MouseEvent| ());
    html! {
        <button
            type="button"
            class="theme-toggle"
            data-testid="theme-toggle"
            aria-pressed={if dark { "true" } else { "false" }}
            aria-label="Dark theme"
            title={if dark { "Switch to the light theme" } else { "Switch to the dark theme" }}
            {onclick}
        >
            <span class="theme-icon" aria-hidden="true">{ if dark { "☾" } else { "☀" } }</span>
            // Hidden on phones, where the icon and the pressed state carry it. The visible text
            // says the state too: "Dark theme" alone reads the same in both themes.
            <span class="theme-label" aria-hidden="true" data-testid="theme-label">
                { if dark { " Dark theme: on" } else { " Dark theme: off" } }
            </span>
        </button>
    }
}
