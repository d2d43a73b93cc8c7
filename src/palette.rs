//! The colours of the related-stories pictures, indexed by `broadsheet_core::graph::picture`'s
//! colour numbers. Okabe and Ito's set (without its yellow, too pale on paper) and two of Tol's
//! muted colours stay apart for the common colour-vision deficiencies; the neutral grey is last.

use broadsheet_core::graph::picture::COLOURS;

/// Fill colours, `picture::OTHER_COLOUR` last.
pub const PALETTE: [&str; COLOURS] = [
    "#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#882255", "#44aa99",
    "#6b6b1f", "#8c8c8c",
];

/// The colour with this number; numbers past the palette get the neutral grey.
pub fn colour(index: usize) -> &'static str {
    PALETTE.get(index).copied().unwrap_or(PALETTE[COLOURS - 1])
}
