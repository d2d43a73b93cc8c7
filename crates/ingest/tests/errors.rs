//! One fixture per problem kind in `tests/fixtures/bad/` (errors, and bad optional values that
//! are dropped with a warning), checked two ways: a table that each file reports its kind at its
//! line, and the whole report pinned in `tests/fixtures/bad.expected`
//! (regenerate with `BLESS=1 cargo test -p broadsheet-ingest --test errors` after reading the diff).

mod common;
#[path = "common/copy.rs"]
mod copy;

use broadsheet_ingest::diagnostic::{Problem, Severity};
use broadsheet_ingest::{ingest, Options, Report};
use common::{assert_rows, Row};
use copy::copy_dir;
use std::fs;
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// The bad fixtures plus a front matter over 1 MiB, which is generated rather than committed.
fn bad_report() -> Report {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_dir(&fixtures().join("bad"), dir.path());
    let big = format!("---\ntitle: \"{}\"\n---\n", "x".repeat(1 << 20));
    fs::write(dir.path().join("oversized.md"), big).expect("write");
    ingest(dir.path(), Path::new("bad"), Options::default())
}

#[test]
fn each_fixture_reports_its_kind_at_its_line() {
    let table: &[Row] = &[
        ("missing-front-matter.md", 1, "", |p| {
            *p == Problem::NoFrontMatter
        }),
        ("unclosed.md", 1, "", |p| *p == Problem::Unclosed(1)),
        (
            "yaml-syntax.md",
            16,
            "",
            |p| matches!(p, Problem::Syntax(m) if m.contains("line 15")),
        ),
        ("tab-indent.md", 4, "", |p| *p == Problem::Tab),
        (
            "wrong-type.md",
            8,
            "heat",
            |p| matches!(p, Problem::WrongType(m) if m.contains("expected a number")),
        ),
        (
            "wrong-type-bool.md",
            15,
            "removed",
            |p| matches!(p, Problem::WrongType(m) if m.contains("true or false")),
        ),
        ("missing-title.md", 2, "title", |p| {
            matches!(p, Problem::Missing(_))
        }),
        ("bad-date.md", 5, "publishedDateTime", |p| {
            matches!(p, Problem::BadDate(_))
        }),
        ("date-without-offset.md", 5, "publishedDateTime", |p| {
            matches!(p, Problem::DateWithoutOffset(_))
        }),
        ("non-http-url.md", 6, "webUrl", |p| {
            matches!(p, Problem::BadUrl { .. })
        }),
        ("negative-number.md", 8, "heat", |p| {
            matches!(p, Problem::BadScore(_))
        }),
        ("non-finite-number.md", 9, "quality", |p| {
            matches!(p, Problem::BadScore(_))
        }),
        ("duplicate-key.md", 15, "title", |p| {
            matches!(p, Problem::DuplicateKey { first_line: 3, .. })
        }),
        ("typo-key.md", 15, "publised", |p| {
            matches!(
                p,
                Problem::TypoKey {
                    suggestion: "published",
                    ..
                }
            )
        }),
        ("dup-id.md", 1, "", |p| {
            matches!(p, Problem::DuplicateId { .. })
        }),
        ("sub/dup-id.md", 1, "", |p| {
            matches!(p, Problem::DuplicateId { .. })
        }),
        ("alias.md", 15, "extra", |p| *p == Problem::Anchor),
        ("alias.md", 16, "again", |p| *p == Problem::Alias),
        ("oversized.md", 2, "front matter", |p| {
            matches!(p, Problem::TooLarge { .. })
        }),
        ("invalid-utf8.md", 3, "", |p| *p == Problem::InvalidUtf8),
        ("utf16.md", 1, "", |p| *p == Problem::Utf16),
        ("nul-byte.md", 2, "", |p| *p == Problem::Nul),
        ("not-a-mapping.md", 2, "", |p| {
            matches!(p, Problem::NotMapping(_))
        }),
        ("unknown-key.md", 15, "author", |p| {
            matches!(p, Problem::UnknownKey(_))
        }),
        ("relative-image.md", 16, "images[0].url", |p| {
            matches!(p, Problem::ImageDropped(_))
        }),
        ("bad-domain.md", 12, "provider.domain", |p| {
            matches!(p, Problem::BadDomain(_))
        }),
        ("bad-secured.md", 15, "secured", |p| {
            *p == Problem::BadSecured
        }),
        ("related-missing-url.md", 16, "related[0].webUrl", |p| {
            matches!(p, Problem::Missing(_))
        }),
        ("empty-provider-name.md", 11, "provider.name", |p| {
            *p == Problem::Empty
        }),
        ("fractional-size.md", 17, "images[0].width", |p| {
            *p == Problem::BadSize
        }),
    ];
    let report = bad_report();
    assert_rows(&report, "bad", table);
    assert!(
        report.articles.is_empty(),
        "nothing is bundled when there are errors"
    );
}

#[test]
fn warnings_alone_do_not_fail_the_build() {
    let dir = tempfile::tempdir().expect("temp dir");
    for name in ["unknown-key.md", "relative-image.md"] {
        fs::copy(fixtures().join("bad").join(name), dir.path().join(name)).expect("copy");
    }
    let report = ingest(dir.path(), Path::new("ok"), Options::default());
    assert!(report.is_ok());
    assert_eq!(report.articles.len(), 2);
    assert_eq!(report.warnings().count(), 2);
    let pictured = report
        .articles
        .iter()
        .find(|a| a.id.as_str() == "relative-image")
        .expect("bundled");
    assert!(
        pictured.images.is_empty(),
        "the unresolvable image is dropped"
    );
}

#[test]
fn pins_the_whole_report() {
    let report = bad_report();
    let got: String = report
        .diagnostics
        .iter()
        .map(|d| format!("{d}\n"))
        .collect();
    let expected_path = fixtures().join("bad.expected");
    if std::env::var_os("BLESS").is_some() {
        fs::write(&expected_path, &got).expect("write expected report");
    }
    let expected =
        fs::read_to_string(&expected_path).expect("bad.expected exists (run with BLESS=1)");
    assert_eq!(got, expected);
    let mut sorted = report.diagnostics.clone();
    sorted.sort_by(|a, b| (&a.path, a.line, a.col).cmp(&(&b.path, b.line, b.col)));
    assert_eq!(
        sorted, report.diagnostics,
        "the report is sorted by path and position"
    );
    assert!(report
        .diagnostics
        .iter()
        .any(|d| d.severity() == Severity::Warning));
}

#[test]
fn a_missing_folder_is_one_clear_error() {
    let report = ingest(
        Path::new("/nonexistent/broadsheet"),
        Path::new("nowhere"),
        Options::default(),
    );
    let lines: Vec<String> = report.diagnostics.iter().map(ToString::to_string).collect();
    assert_eq!(lines.len(), 1);
    assert!(
        lines[0].starts_with("nowhere:1:1: cannot be read: is not a folder"),
        "{}",
        lines[0]
    );
}
