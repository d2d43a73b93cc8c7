//! Total orders over articles. Every order ends with date (newest first) and then id, so two
//! runs, two browsers and two screenshots always agree.

use crate::model::article::{Article, Score};
use std::cmp::Ordering;

/// Known scores first, highest first; unknown scores last.
pub(crate) fn score_desc(a: Option<Score>, b: Option<Score>) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => b.get().total_cmp(&a.get()),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// The tie-breaker shared by every order: newest first, then id ascending.
fn date_then_id(a: &Article, b: &Article) -> Ordering {
    b.published_at
        .cmp(&a.published_at)
        .then_with(|| a.id.cmp(&b.id))
}

/// The default listing order: heat, highest first, unknown heat last.
#[must_use]
pub fn by_heat(a: &Article, b: &Article) -> Ordering {
    score_desc(a.heat, b.heat).then_with(|| date_then_id(a, b))
}

/// Quality, highest first, unknown quality last.
#[must_use]
pub fn by_quality(a: &Article, b: &Article) -> Ordering {
    score_desc(a.quality, b.quality).then_with(|| date_then_id(a, b))
}

/// Newest first, then id.
#[must_use]
pub fn by_date(a: &Article, b: &Article) -> Ordering {
    date_then_id(a, b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::article;

    #[test]
    fn heat_order_puts_unknown_last_and_breaks_ties_by_date_then_id() {
        let mut list = [
            article("unknown-new", None, 300),
            article("cold", Some(10.0), 100),
            article("hot", Some(90.0), 100),
            article("warm-b", Some(50.0), 200),
            article("warm-a", Some(50.0), 200),
            article("warm-newer", Some(50.0), 250),
        ];
        list.sort_by(by_heat);
        let ids: Vec<_> = list.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "hot",
                "warm-newer",
                "warm-a",
                "warm-b",
                "cold",
                "unknown-new"
            ]
        );
    }
}
