//! Text the app shows for model values: counts, scores, image sizes, body paragraphs.
//!
//! Kept out of the components so the wording is decided once and tested natively. Dates are not
//! here: they are formatted by the browser in the reader's locale.

use crate::model::{Image, Score};

/// Shown where a heat or quality is unknown.
pub const UNKNOWN_SCORE: &str = "—";

/// "1 article", "64 articles": the number first, so tests and screen readers meet it first.
///
/// ```
/// assert_eq!(broadsheet_core::display::count_label(1), "1 article");
/// assert_eq!(broadsheet_core::display::count_label(64), "64 articles");
/// ```
#[must_use]
pub fn count_label(count: usize) -> String {
    let noun = if count == 1 { "article" } else { "articles" };
    format!("{count} {noun}")
}

/// "1 draft", "3 drafts".
#[must_use]
pub fn draft_count_label(count: usize) -> String {
    let noun = if count == 1 { "draft" } else { "drafts" };
    format!("{count} {noun}")
}

/// A heat or quality as text, or [`UNKNOWN_SCORE`] when the source gives none.
#[must_use]
pub fn score_label(score: Option<Score>) -> String {
    score.map_or_else(|| UNKNOWN_SCORE.to_owned(), |s| s.to_string())
}

/// "1200 × 800" when the image's source gives both sides.
#[must_use]
pub fn image_size_label(image: &Image) -> Option<String> {
    Some(format!("{} × {}", image.width?, image.height?))
}

/// The paragraphs of a plain-text body: runs of non-blank lines, separated by one or more blank
/// (or whitespace-only) lines. Line breaks inside a paragraph are kept; `\r\n` is accepted.
///
/// ```
/// let body = "First line\nsame paragraph.\n\n\nSecond.\r\n";
/// assert_eq!(
///     broadsheet_core::display::paragraphs(body),
///     ["First line\nsame paragraph.", "Second."]
/// );
/// ```
#[must_use]
pub fn paragraphs(body: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut start = None;
    let mut end = 0;
    let mut offset = 0;
    for line in body.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        if content.trim().is_empty() {
            if let Some(start) = start.take() {
                found.push(&body[start..end]);
            }
        } else {
            start.get_or_insert(offset);
            end = offset + content.len();
        }
        offset += line.len();
    }
    if let Some(start) = start {
        found.push(&body[start..end]);
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::url::HttpUrl;

    fn image(width: Option<u32>, height: Option<u32>) -> Image {
        Image {
            url: HttpUrl::parse("https://example.com/a.jpg").expect("test url"),
            width,
            height,
            is_cached: false,
            title: None,
        }
    }

    #[test]
    fn counts_put_the_number_first_and_agree_in_number() {
        assert_eq!(count_label(0), "0 articles");
        assert_eq!(count_label(1), "1 article");
        assert_eq!(count_label(2), "2 articles");
        assert_eq!(count_label(1000), "1000 articles");
        assert_eq!(draft_count_label(1), "1 draft");
        assert_eq!(draft_count_label(3), "3 drafts");
    }

    #[test]
    fn unknown_scores_show_a_dash() {
        assert_eq!(score_label(None), UNKNOWN_SCORE);
        assert_eq!(score_label(Score::new(72.0).ok()), "72");
        assert_eq!(score_label(Score::new(0.5).ok()), "0.5");
    }

    #[test]
    fn image_size_needs_both_sides() {
        assert_eq!(
            image_size_label(&image(Some(1200), Some(800))).as_deref(),
            Some("1200 × 800")
        );
        assert_eq!(image_size_label(&image(Some(1200), None)), None);
        assert_eq!(image_size_label(&image(None, Some(800))), None);
    }

    #[test]
    fn splits_paragraphs_on_blank_lines() {
        let cases: &[(&str, &[&str])] = &[
            ("", &[]),
            ("\n \n\t\n", &[]),
            ("One.", &["One."]),
            ("One.\nStill one.", &["One.\nStill one."]),
            ("\n\nOne.\n\nTwo.\n", &["One.", "Two."]),
            (
                "One.\r\n\r\nTwo.\r\nMore two.\r\n",
                &["One.", "Two.\r\nMore two."],
            ),
            ("One.\n   \nTwo.", &["One.", "Two."]),
            ("  Indented.\n\nÜnïcödé.", &["  Indented.", "Ünïcödé."]),
        ];
        for (body, want) in cases {
            assert_eq!(paragraphs(body), *want, "{body:?}");
        }
    }
}
