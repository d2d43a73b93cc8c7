//! A legend's colour sample: a small SVG circle, filled through an attribute rather than an
//! inline style, which a strict Content-Security-Policy would refuse.

use crate::palette::colour;
use yew::prelude::*;

/// An `<svg class="swatch">` of palette colour number `colour_number`, hidden from screen readers:
/// the text beside it names the colour. `hollow` draws a dashed ring, as stories outside the
/// collection are.
pub fn swatch(colour_number: usize, hollow: bool) -> Html {
    let fill = colour(colour_number);
    html! {
        <svg class="swatch" viewBox="0 0 12 12" aria-hidden="true">
            if hollow {
                <circle cx="6" cy="6" r="4.5" fill="none" stroke={fill} stroke-width="1.5" stroke-dasharray="2 1.5" />
            } else {
                <circle cx="6" cy="6" r="5" fill={fill} />
            }
        </svg>
    }
}
