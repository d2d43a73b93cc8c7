//! What a returning reader is told after the collection was updated: how many articles are
//! newer than the newest one their last visit had. The app keeps one number between visits (the
//! newest publication time it showed, in Unix seconds) and this module reads and writes it, so
//! the rule is tested here and the app only moves the string in and out of storage.
//!
//! Counting by publication time rather than by article number or id keeps the count honest
//! when articles are edited or removed: only articles dated after everything the reader could
//! have seen count as new. An article added with an older date is not announced.

use crate::index::catalog::Catalog;
use crate::view::explore::newest;

/// The outcome of opening the collection: what to tell the reader, and what to keep for next time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Visit {
    /// Articles newer than the last visit's newest; `None` on a first visit (nothing kept, or a
    /// kept value that is not a number), where there is nothing to compare with.
    pub new_articles: Option<usize>,
    /// The value to keep for the next visit; `None` when the collection is empty.
    pub keep: Option<String>,
}

/// Compares the collection with what the last visit kept (`kept`, as [`Visit::keep`] wrote it).
///
/// ```
/// use broadsheet_core::{data::bundle::Bundle, view::visit::visit};
/// let library = Bundle::new(Vec::new()).pack(Default::default()).open().expect("packs");
/// assert_eq!(visit(library.catalog(), Some("12")).new_articles, Some(0));
/// ```
#[must_use]
pub fn visit(catalog: &Catalog, kept: Option<&str>) -> Visit {
    let seen = kept.and_then(|value| value.trim().parse::<i64>().ok());
    let new_articles = seen.map(|seen| {
        catalog
            .date_order()
            .iter()
            .take_while(|&&n| catalog.published(n).unix() > seen)
            .count()
    });
    let keep = (!catalog.is_empty()).then(|| {
        // A reader who already saw newer articles (a build rolled back) keeps their mark, so the
        // articles between are not announced twice.
        newest(catalog).max(seen.unwrap_or(i64::MIN)).to_string()
    });
    Visit { new_articles, keep }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::article;

    fn catalog(times: &[i64]) -> Catalog {
        let list: Vec<_> = times
            .iter()
            .enumerate()
            .map(|(i, &t)| article(&format!("a{i}"), None, t))
            .collect();
        Catalog::build(&list, vec![1; list.len()])
    }

    #[test]
    fn counts_articles_newer_than_the_last_visits_newest() {
        /// Publication times, the kept value, then the count and the value to keep.
        type Case<'a> = (&'a [i64], Option<&'a str>, Option<usize>, Option<&'a str>);
        let cases: &[Case] = &[
            // A first visit: nothing to compare with.
            (&[100, 200, 300], None, None, Some("300")),
            // Nothing new.
            (&[100, 200, 300], Some("300"), Some(0), Some("300")),
            // Two newer, however they are numbered.
            (&[500, 100, 400, 300], Some("300"), Some(2), Some("500")),
            // An article published at the same second as the last newest is not new.
            (&[300, 300, 301], Some("300"), Some(1), Some("301")),
            // A kept value from another program or a broken write counts as a first visit.
            (&[100], Some("yesterday"), None, Some("100")),
            (&[100], Some(""), None, Some("100")),
            // A rolled-back build: nothing new, and the later mark is kept.
            (&[100, 200], Some("900"), Some(0), Some("900")),
            // Negative instants (before 1970) compare as numbers.
            (&[-50, -10], Some("-20"), Some(1), Some("-10")),
            // An empty collection keeps nothing.
            (&[], Some("300"), Some(0), None),
        ];
        for &(times, kept, new_articles, keep) in cases {
            let got = visit(&catalog(times), kept);
            assert_eq!(
                got,
                Visit {
                    new_articles,
                    keep: keep.map(str::to_owned)
                },
                "{times:?} after {kept:?}"
            );
        }
    }
}
