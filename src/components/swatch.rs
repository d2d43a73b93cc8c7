//! A legend's colour sample: a small SVG circle, filled through an attribute rather than an
//! inline style, which a strict Content-Security-Policy would refuse.

use crate::palette::colour;
use yew::prelude::*;

/// Props of [`Swatch`].
#[derive(Properties, PartialEq)]
pub struct SwatchProps {
    /// The palette colour number.
    pub colour: usize,
    /// Drawn as a dashed ring, as stories outside the collection are.
    #[prop_or_default]
    pub hollow: bool,
}

/// An `<svg class="swatch">`, hidden from screen readers: the text beside it names the colour.
#[component]
pub fn Swatch(props: &SwatchProps) -> Html {
    let fill = colour(props.colour);
    html! {
        <svg class="swatch" viewBox="0 0 12 12" aria-hidden="true">
            if props.hollow {
                <circle cx="6" cy="6" r="4.5" fill="none" stroke={fill} stroke-width="1.5" stroke-dasharray="2 1.5" />
            } else {
                <circle cx="6" cy="6" r="5" fill={fill} />
            }
        </svg>
    }
}
