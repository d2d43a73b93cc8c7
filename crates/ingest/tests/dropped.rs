//! A bad optional value costs only itself: one fixture per kind in `tests/fixtures/dropped/`,
//! each a valid article but for that value. It is dropped with a warning naming its line and
//! field and saying what is left out, and the article is bundled without it.

use broadsheet_core::model::article::Article;
use broadsheet_core::text::url::UrlError;
use broadsheet_ingest::diagnostic::{Loss, Part, Problem};
use broadsheet_ingest::{ingest, Options};
use std::path::Path;

/// File, line, field, the warning's kind, what it leaves out, and the article without it.
type Row = (
    &'static str,
    usize,
    &'static str,
    fn(&Problem) -> bool,
    Part,
    fn(&Article) -> bool,
);

#[test]
fn each_bad_optional_value_is_dropped_and_its_article_bundled() {
    let table: &[Row] = &[
        (
            "amp-url.md",
            7,
            "ampWebUrl",
            |p| {
                matches!(
                    p,
                    Problem::BadUrl {
                        reason: UrlError::BadHost(_),
                        ..
                    }
                )
            },
            Part::Value,
            |a| a.amp_web_url.is_none(),
        ),
        (
            "heat-not-a-number.md",
            7,
            "heat",
            |p| matches!(p, Problem::WrongType(m) if m.contains("\"very hot\"")),
            Part::Value,
            |a| a.heat.is_none(),
        ),
        (
            "image-url.md",
            11,
            "images[0].url",
            |p| {
                matches!(
                    p,
                    Problem::BadUrl {
                        reason: UrlError::Scheme(s),
                        ..
                    } if s == "ftp"
                )
            },
            Part::Image,
            |a| a.images.len() == 1 && a.images[0].url.as_str() == "https://example.com/b.jpg",
        ),
        (
            "provider-logo-url.md",
            11,
            "provider.images[0].url",
            |p| matches!(p, Problem::BadUrl { .. }),
            Part::Image,
            |a| a.provider.images.is_empty() && a.provider.name == "Example Times",
        ),
        (
            "related-entry.md",
            12,
            "related[0].webUrl",
            |p| matches!(p, Problem::BadUrl { .. }),
            Part::Related,
            |a| a.related.len() == 1 && a.related[0].title == "A related story",
        ),
        (
            "width-not-a-number.md",
            12,
            "images[0].width",
            |p| matches!(p, Problem::WrongType(m) if m.contains("\"600px\"")),
            Part::Value,
            |a| {
                a.images.len() == 1
                    && a.images[0].width.is_none()
                    && a.images[0].height == Some(400)
            },
        ),
    ];
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/dropped");
    let report = ingest(&dir, Path::new("dropped"), Options::default());
    assert!(report.is_ok(), "{:#?}", report.diagnostics);
    assert_eq!(report.articles.len(), table.len());
    assert_eq!(
        std::fs::read_dir(&dir).expect("fixtures").count(),
        table.len(),
        "every fixture is in the table"
    );
    for (file, line, field, kind, part, without) in table {
        let id = file.trim_end_matches(".md");
        let warnings: Vec<_> = report
            .warnings()
            .filter(|d| d.path == Path::new("dropped").join(file))
            .collect();
        assert!(
            matches!(warnings.as_slice(), [w] if w.line == *line && w.field == *field && kind(&w.problem) && w.loss == Loss::Part(*part)),
            "{file}: {warnings:#?}"
        );
        assert!(
            warnings[0]
                .to_string()
                .ends_with(&format!("; {part} is left out")),
            "{}",
            warnings[0]
        );
        let article = report
            .articles
            .iter()
            .find(|a| a.id.as_str() == id)
            .expect("bundled");
        assert!(without(article), "{file}: {article:#?}");
    }
}
