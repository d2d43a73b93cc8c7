//! Hostile content: every case is a fixture in `tests/fixtures/hostile/` (or, when it is large,
//! generated here) and must produce an error or warning naming the file, line and field; never
//! a panic, a hang or unbounded memory.

mod common;

use broadsheet_core::model::article::IdError;
use broadsheet_core::model::body::{Block, Inline};
use broadsheet_core::text::url::UrlError;
use broadsheet_ingest::diagnostic::{Problem, Severity};
use broadsheet_ingest::{ingest, OnError, Options, Report};
use common::{assert_rows, Row};
use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

fn hostile_report() -> Report {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile");
    ingest(&dir, Path::new("hostile"), Options::default())
}

#[test]
fn every_hostile_fixture_is_refused_with_a_located_reason() {
    let table: &[Row] = &[
        ("yaml-billion-laughs.md", 8, "a", |p| *p == Problem::Anchor),
        ("yaml-billion-laughs.md", 9, "b[0]", |p| {
            *p == Problem::Alias
        }),
        ("yaml-anchored-value.md", 8, "excerpt", |p| {
            *p == Problem::Anchor
        }),
        ("yaml-anchored-value.md", 9, "category", |p| {
            *p == Problem::Alias
        }),
        ("yaml-line-separator-bypass.md", 8, "", |p| {
            *p == Problem::LineSeparator('\u{2028}')
        }),
        ("yaml-wide-bomb-line-separator.md", 8, "", |p| {
            *p == Problem::LineSeparator('\u{2028}')
        }),
        ("yaml-billion-laughs-line-separator.md", 8, "", |p| {
            *p == Problem::LineSeparator('\u{2028}')
        }),
        ("yaml-deep-nesting.md", 8, "", |p| {
            matches!(p, Problem::TooDeep(_))
        }),
        ("yaml-two-documents.md", 9, "", |p| {
            *p == Problem::MultipleDocuments
        }),
        (
            "yaml-unquoted-colon.md",
            2,
            "",
            |p| matches!(p, Problem::Syntax(m) if m.contains("mapping values")),
        ),
        ("yaml-merge-key.md", 9, "images[0].<<", |p| {
            *p == Problem::MergeKey
        }),
        ("value-nan.md", 8, "heat", |p| {
            matches!(p, Problem::BadScore(_))
        }),
        ("value-inf.md", 8, "quality", |p| {
            matches!(p, Problem::BadScore(_))
        }),
        (
            "value-1e400.md",
            8,
            "heat",
            |p| matches!(p, Problem::WrongType(m) if m.contains("1e400")),
        ),
        ("value-negative.md", 8, "quality", |p| {
            matches!(p, Problem::BadScore(_))
        }),
        (
            "value-string-number.md",
            8,
            "heat",
            |p| matches!(p, Problem::WrongType(m) if m.contains("expected a number")),
        ),
        (
            "value-number-string.md",
            2,
            "title",
            |p| matches!(p, Problem::WrongType(m) if m.contains("integer")),
        ),
        (
            "value-published-string.md",
            8,
            "published",
            |p| matches!(p, Problem::WrongType(m) if m.contains("true or false")),
        ),
        (
            "value-published-yes.md",
            8,
            "published",
            |p| matches!(p, Problem::WrongType(m) if m.contains("\"yes\"")),
        ),
        (
            "value-topics-scalar.md",
            8,
            "topics",
            |p| matches!(p, Problem::WrongType(m) if m.contains("list")),
        ),
        ("value-null-title.md", 2, "title", |p| {
            matches!(p, Problem::Missing(_))
        }),
        ("value-date-feb-30.md", 3, "publishedDateTime", |p| {
            matches!(p, Problem::BadDate(_))
        }),
        ("value-date-24h.md", 3, "publishedDateTime", |p| {
            matches!(p, Problem::BadDate(_))
        }),
        ("value-date-no-offset.md", 3, "publishedDateTime", |p| {
            matches!(p, Problem::DateWithoutOffset(_))
        }),
        ("value-date-year-10000.md", 3, "publishedDateTime", |p| {
            matches!(p, Problem::BadDate(_))
        }),
        ("url-javascript-mixed-case.md", 4, "webUrl", |p| {
            matches!(p, Problem::BadUrl { .. })
        }),
        ("url-javascript-tab.md", 4, "webUrl", |p| {
            matches!(p, Problem::BadUrl { .. })
        }),
        ("url-javascript-newline.md", 4, "webUrl", |p| {
            matches!(p, Problem::BadUrl { .. })
        }),
        ("url-javascript-leading-control.md", 4, "webUrl", |p| {
            matches!(p, Problem::BadUrl { .. })
        }),
        ("url-entity-scheme.md", 4, "webUrl", |p| {
            matches!(p, Problem::BadUrl { .. })
        }),
        ("url-percent-scheme.md", 4, "webUrl", |p| {
            matches!(p, Problem::BadUrl { .. })
        }),
        ("url-data.md", 8, "originalUrl", |p| {
            matches!(p, Problem::BadUrl { .. })
        }),
        ("url-vbscript.md", 8, "ampWebUrl", |p| {
            matches!(p, Problem::BadUrl { .. })
        }),
        ("url-file.md", 8, "cdnAmpWebUrl", |p| {
            matches!(p, Problem::BadUrl { .. })
        }),
        ("url-relative.md", 4, "webUrl", |p| {
            matches!(p, Problem::BadUrl { .. })
        }),
        ("url-protocol-relative.md", 4, "webUrl", |p| {
            matches!(p, Problem::BadUrl { .. })
        }),
        ("url-userinfo.md", 4, "webUrl", |p| {
            matches!(p, Problem::BadUrl { .. })
        }),
        ("url-bad-port.md", 4, "webUrl", |p| {
            matches!(p, Problem::BadUrl { .. })
        }),
        ("url-related-javascript.md", 10, "related[0].webUrl", |p| {
            matches!(p, Problem::BadUrl { .. })
        }),
        ("url-image-javascript.md", 9, "images[0].url", |p| {
            matches!(p, Problem::BadUrl { .. })
        }),
        ("url-image-data.md", 9, "images[0].url", |p| {
            matches!(p, Problem::BadUrl { .. })
        }),
        ("domain-with-scheme.md", 7, "provider.domain", |p| {
            matches!(p, Problem::BadDomain(_))
        }),
        ("text-bidi-override.md", 2, "title", |p| {
            *p == Problem::ControlCharsRemoved
        }),
        ("text-control-chars.md", 8, "excerpt", |p| {
            *p == Problem::ControlCharsRemoved
        }),
        ("text-stacked-marks.md", 2, "title", |p| {
            *p == Problem::MarksCut(broadsheet_ingest::text::MAX_MARKS)
        }),
        ("provider-host-mismatch.md", 7, "provider.domain", |p| {
            *p == Problem::HostMismatch {
                domain: "times.example.org".into(),
                host: "spoof.example.net".into(),
            }
        }),
        ("url-mixed-script-host.md", 10, "related[0].webUrl", |p| {
            *p == Problem::MixedScriptHost("\u{430}pple.example".into())
        }),
        ("body-raw-html-block.md", 12, "body", |p| {
            *p == Problem::RawHtml
        }),
        ("body-inline-html.md", 10, "body", |p| {
            *p == Problem::RawHtml
        }),
        (
            "body-javascript-link.md",
            10,
            "body",
            |p| matches!(p, Problem::BodyLink { reason: UrlError::Scheme(s), .. } if s == "javascript"),
        ),
        (
            "body-entity-scheme-link.md",
            10,
            "body",
            |p| matches!(p, Problem::BodyLink { reason: UrlError::Scheme(s), .. } if s == "javascript"),
        ),
        (
            "body-autolink-javascript.md",
            10,
            "body",
            |p| matches!(p, Problem::BodyLink { reason: UrlError::Scheme(s), .. } if s == "javascript"),
        ),
        (
            "body-reference-link.md",
            10,
            "body",
            |p| matches!(p, Problem::BodyLink { reason: UrlError::Scheme(s), .. } if s == "vbscript"),
        ),
        ("body-relative-link.md", 10, "body", |p| {
            matches!(
                p,
                Problem::BodyLink {
                    reason: UrlError::Relative,
                    ..
                }
            )
        }),
        (
            "body-data-image.md",
            10,
            "body",
            |p| matches!(p, Problem::BodyImage { reason: UrlError::Scheme(s), .. } if s == "data"),
        ),
        ("body-protocol-relative-image.md", 10, "body", |p| {
            matches!(
                p,
                Problem::BodyImage {
                    reason: UrlError::ProtocolRelative,
                    ..
                }
            )
        }),
    ];
    let report = hostile_report();
    assert_rows(&report, "hostile", table);
    let files = fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile"))
        .expect("fixtures")
        .count();
    let named: std::collections::BTreeSet<_> = table.iter().map(|t| t.0).collect();
    assert_eq!(named.len(), files, "every fixture is in the table");
}

#[test]
fn stripped_text_is_stated_and_kept_clean() {
    let dir = tempfile::tempdir().expect("temp dir");
    let src =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile/text-bidi-override.md");
    fs::copy(src, dir.path().join("a.md")).expect("copy");
    let report = ingest(dir.path(), Path::new("x"), Options::default());
    assert!(report.is_ok(), "a warning, not an error");
    assert_eq!(report.articles[0].title, "eviltxt.exe");
    assert_eq!(report.warnings().count(), 1);
}

fn article_with(extra: &str) -> String {
    format!(
        "---\ntitle: \"T\"\npublishedDateTime: 2024-05-01T08:00:00Z\nwebUrl: https://example.com/s\nprovider:\n  name: P\n{extra}\n---\n"
    )
}

fn single(name: &str, text: &str) -> Report {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join(name), text).expect("write");
    ingest(dir.path(), Path::new("x"), Options::default())
}

#[test]
fn huge_values_and_lists_are_refused_quickly() {
    let started = Instant::now();
    let title = single(
        "t.md",
        &article_with("").replace(
            "title: \"T\"",
            &format!("title: \"{}\"", "x".repeat(1_000_000)),
        ),
    );
    assert!(
        title
            .errors()
            .any(|d| d.field == "title" && matches!(d.problem, Problem::TooLarge { .. })),
        "{:?}",
        title.diagnostics
    );
    let topics = (0..10_000)
        .map(|i| format!("  - t{i}"))
        .collect::<Vec<_>>()
        .join("\n");
    let r = single("t.md", &article_with(&format!("topics:\n{topics}")));
    assert!(r.errors().any(|d| d.field == "topics"
        && d.line == 7
        && matches!(d.problem, Problem::TooMany { count: 10_000, .. })));
    let related = (0..10_000)
        .map(|i| format!("  - title: r{i}\n    webUrl: https://example.com/{i}"))
        .collect::<Vec<_>>()
        .join("\n");
    let r = single("t.md", &article_with(&format!("related:\n{related}")));
    assert!(r.errors().any(
        |d| d.field == "related" && matches!(d.problem, Problem::TooMany { count: 10_000, .. })
    ));
    assert!(
        started.elapsed() < Duration::from_secs(30),
        "took {:?}",
        started.elapsed()
    );
}

#[test]
fn a_50_mb_file_is_refused_without_reading_it_all() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("big.md");
    let file = fs::File::create(&path).expect("create");
    file.set_len(50 * 1024 * 1024).expect("sparse 50 MB file");
    let report = ingest(dir.path(), Path::new("x"), Options::default());
    let lines: Vec<String> = report.diagnostics.iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        ["x/big.md:1:1: is 52428800 bytes; the limit is 4194304 bytes"]
    );
}

#[cfg(unix)]
#[test]
fn symlinks_are_not_followed() {
    let outside = tempfile::tempdir().expect("temp dir");
    fs::write(outside.path().join("secret.md"), article_with("")).expect("write");
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("real.md"), article_with("")).expect("write");
    std::os::unix::fs::symlink(outside.path().join("secret.md"), dir.path().join("leak.md"))
        .expect("link");
    std::os::unix::fs::symlink(dir.path(), dir.path().join("loop")).expect("loop");
    std::os::unix::fs::symlink(outside.path(), dir.path().join("outside")).expect("dir link");
    let report = ingest(dir.path(), Path::new("x"), Options::default());
    assert!(report.is_ok());
    let ids: Vec<_> = report.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["real"]);
    let warned: Vec<_> = report
        .warnings()
        .filter(|d| d.problem == Problem::Symlink)
        .map(|d| d.path.display().to_string())
        .collect();
    assert_eq!(warned, ["x/leak.md", "x/loop", "x/outside"]);
}

#[test]
fn ids_that_look_alike_collide() {
    let dir = tempfile::tempdir().expect("temp dir");
    for stem in [
        "paypal",
        "p\u{430}ypal",
        "\u{ff50}\u{ff41}\u{ff59}\u{ff50}\u{ff41}\u{ff4c}",
        "finance",
        "\u{fb01}nance",
        "unrelated",
    ] {
        fs::write(dir.path().join(format!("{stem}.md")), article_with("")).expect("write");
    }
    let report = ingest(dir.path(), Path::new("x"), Options::default());
    let mut dups: Vec<String> = report
        .errors()
        .filter(|d| matches!(d.problem, Problem::DuplicateId { .. }))
        .map(|d| d.path.display().to_string())
        .collect();
    dups.sort();
    assert_eq!(dups.len(), 5, "{:?}", report.diagnostics);
    assert!(!dups.iter().any(|d| d.contains("unrelated")));
}

#[test]
fn a_bidi_control_in_a_file_name_is_refused() {
    let report = single("report\u{202E}fdp.exe.md", &article_with(""));
    let refused: Vec<_> = report
        .errors()
        .filter(|d| d.problem == Problem::BadId(IdError::Bidi(0x202E)))
        .collect();
    assert_eq!(refused.len(), 1, "{:?}", report.diagnostics);
    // Printed, the override is an escape, not an override.
    let line = refused[0].to_string();
    assert!(
        line.starts_with("x/report\\u{202e}fdp.exe.md:1:1: "),
        "{line}"
    );
    assert!(report.articles.is_empty());
}

#[test]
fn control_characters_reach_the_terminal_escaped() {
    let evil = "\u{1b}[1A\u{1b}[2K";
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join(format!("{evil}name.md")), article_with("")).expect("write");
    fs::write(
        dir.path().join("key.md"),
        article_with("\"\\e[1A\\e[2Kkey\": 1\n\"bell\\a\": 2"),
    )
    .expect("write");
    let report = ingest(
        dir.path(),
        Path::new(&format!("x{evil}")),
        Options::default(),
    );
    let lines: Vec<String> = report.diagnostics.iter().map(ToString::to_string).collect();
    assert!(lines.len() >= 3, "{lines:?}");
    for line in &lines {
        assert!(!line.chars().any(char::is_control), "{line:?}");
    }
    assert!(
        lines.iter().any(|l| l.contains("\\u{1b}[2Kkey")),
        "{lines:?}"
    );
    assert!(lines.iter().any(|l| l.contains("bell\\u{7}")), "{lines:?}");
    assert!(lines
        .iter()
        .all(|l| l.starts_with("x\\u{1b}[1A\\u{1b}[2K/")));

    // A build that leaves out the files with errors prints them labelled, and its summary says
    // why each was left out, in words a file can supply (a misspelt key).
    fs::write(
        dir.path().join("typo.md"),
        article_with("\"publishe\\a\": true"),
    )
    .expect("write");
    let shown = format!("x{evil}");
    let report = ingest(
        dir.path(),
        Path::new(&shown),
        Options {
            on_error: OnError::Skip,
            ..Options::default()
        },
    );
    assert!(report.publishes(), "{:?}", report.diagnostics);
    for d in &report.diagnostics {
        let line = d.labelled();
        assert!(!line.chars().any(char::is_control), "{line:?}");
    }
    let summary = report.summary(Path::new(&shown));
    assert!(!summary.chars().any(char::is_control), "{summary:?}");
    assert!(
        summary.contains("misspelt key publishe\\u{7}"),
        "{summary:?}"
    );
}

#[test]
fn ids_that_differ_only_in_unicode_normalisation_collide() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("caf\u{e9}.md"), article_with("")).expect("write");
    fs::write(dir.path().join("cafe\u{301}.md"), article_with("")).expect("write");
    let report = ingest(dir.path(), Path::new("x"), Options::default());
    let dups = report
        .errors()
        .filter(|d| matches!(d.problem, Problem::DuplicateId { .. }))
        .count();
    assert_eq!(dups, 2, "{:?}", report.diagnostics);
}

#[test]
fn nothing_panics_on_mangled_copies_of_a_real_file() {
    let seed = fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content/000_22f2e7ab458317d0.txt"),
    )
    .expect("seed");
    for cut in (0..seed.len()).step_by(7) {
        let mut bytes = seed.clone();
        bytes.truncate(cut);
        let parsed = broadsheet_ingest::article::parse(Path::new("m.md"), "m", &bytes);
        assert!(
            parsed.article.is_none()
                || parsed
                    .diagnostics
                    .iter()
                    .all(|d| d.severity() == Severity::Warning)
        );
        let mut flipped = seed.clone();
        flipped[cut] ^= 0x20;
        let _ = broadsheet_ingest::article::parse(Path::new("m.md"), "m", &flipped);
    }
}

/// The code blocks of an article's body, and how many links and images it holds (walked
/// without recursing).
fn body_leaves(report: &Report, id: &str) -> (Vec<String>, usize) {
    let article = report
        .articles
        .iter()
        .find(|a| a.id.as_str() == id)
        .expect("the article is bundled");
    let mut links = 0;
    let mut code = Vec::new();
    let mut blocks: Vec<&Block> = article.body.blocks().iter().collect();
    let mut inlines: Vec<&Inline> = Vec::new();
    while let Some(block) = blocks.pop() {
        match block {
            Block::Heading { inlines: i, .. } | Block::Paragraph(i) => inlines.extend(i),
            Block::List { items, .. } => blocks.extend(items.iter().flatten()),
            Block::Quote(b) => blocks.extend(b),
            Block::Code(c) => code.push(c.clone()),
            Block::Rule => {}
        }
    }
    while let Some(inline) = inlines.pop() {
        match inline {
            Inline::Link { children, .. } => {
                links += 1;
                inlines.extend(children);
            }
            Inline::Image { .. } => links += 1,
            Inline::Emphasis(i) | Inline::Strong(i) => inlines.extend(i),
            Inline::Text(_) | Inline::Code(_) | Inline::LineBreak => {}
        }
    }
    (code, links)
}

#[test]
fn hostile_bodies_keep_their_text_and_lose_their_links() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile");
    let dir = tempfile::tempdir().expect("temp dir");
    for entry in fs::read_dir(&fixtures).expect("fixtures") {
        let name = entry.expect("entry").file_name();
        if name.to_string_lossy().starts_with("body-") {
            fs::copy(fixtures.join(&name), dir.path().join(&name)).expect("copy");
        }
    }
    let report = ingest(dir.path(), Path::new("x"), Options::default());
    assert!(
        report.is_ok(),
        "warnings only: {:?}",
        report.errors().next()
    );
    assert_eq!(report.articles.len(), 9);
    let text = |id: &str| {
        report
            .articles
            .iter()
            .find(|a| a.id.as_str() == id)
            .map(|a| a.body.text().to_owned())
            .expect("bundled with a warning")
    };
    assert_eq!(text("body-javascript-link"), "Read the report now.");
    assert_eq!(text("body-entity-scheme-link"), "Read the report now.");
    assert_eq!(
        text("body-autolink-javascript"),
        "See javascript:alert(1) for more."
    );
    assert_eq!(text("body-reference-link"), "See the notes.");
    assert_eq!(text("body-relative-link"), "See home.");
    assert_eq!(text("body-data-image"), "A chart: a chart");
    assert_eq!(text("body-protocol-relative-image"), "logo");
    assert_eq!(
        text("body-inline-html"),
        "Text <img src=x onerror=\"alert(1)\"> more text."
    );
    let (code, _) = body_leaves(&report, "body-raw-html-block");
    assert_eq!(
        code,
        ["<script>alert(1)</script>"],
        "raw HTML is shown as code"
    );
    for article in report
        .articles
        .iter()
        .filter(|a| a.id.as_str().starts_with("body-"))
    {
        assert_eq!(
            body_leaves(&report, article.id.as_str()).1,
            0,
            "{}",
            article.id
        );
    }
}

#[test]
fn bodies_nested_10000_deep_are_flattened_without_blowing_the_stack() {
    let started = Instant::now();
    // Each body, and whether it nests (links and images cannot hold links: brackets do not).
    let deep = [
        (format!("{} quoted", ">".repeat(10_000)), true),
        (format!("{}x", "- ".repeat(10_000)), true),
        (
            format!("{}x{}", "*a ".repeat(10_000), " a*".repeat(10_000)),
            true,
        ),
        (format!("{}x", "- > 1. ".repeat(3_000)), true),
        (
            format!(
                "{}x{}",
                "[".repeat(10_000),
                "](https://example.com/)".repeat(10_000)
            ),
            false,
        ),
        (format!("{}x", "![".repeat(10_000)), false),
    ];
    for (i, (body, nests)) in deep.iter().enumerate() {
        // A test thread's stack is 2 MiB; the build's main thread has more.
        let report = single("deep.md", &format!("{}{body}\n", article_with("")));
        assert!(report.is_ok(), "case {i}: {:?}", report.diagnostics);
        let warnings: Vec<_> = report.warnings().collect();
        assert!(
            warnings.iter().all(|d| d.field == "body" && d.line >= 9),
            "case {i}: {warnings:?}"
        );
        assert!(
            warnings
                .iter()
                .any(|d| matches!(d.problem, Problem::BodyTooDeep(_)))
                == *nests,
            "case {i}: {warnings:?}"
        );
        assert!(!report.articles[0].body.text().is_empty(), "case {i}");
    }
    assert!(
        started.elapsed() < Duration::from_secs(30),
        "took {:?}",
        started.elapsed()
    );
}

#[test]
fn a_body_near_the_size_cap_reads_quickly_and_one_over_it_is_refused() {
    let started = Instant::now();
    let limit = broadsheet_ingest::article::MAX_BODY;
    let pieces = [
        "*a **b ",
        "[x](javascript:1) ",
        "<b>",
        "`",
        "![",
        "&amp;",
        "> - ",
        "\n\n",
    ];
    for piece in pieces {
        let body = piece.repeat((limit - 100) / piece.len());
        let report = single("big.md", &format!("{}{body}", article_with("")));
        assert!(report.is_ok(), "{piece:?}: {:?}", report.errors().next());
        assert!(
            report.warnings().count() <= 12,
            "{piece:?}: warnings are capped"
        );
    }
    let over = "a".repeat(limit + 1);
    let report = single("big.md", &format!("{}{over}", article_with("")));
    assert!(report
        .errors()
        .any(|d| d.field == "body" && matches!(d.problem, Problem::TooLarge { .. })));
    assert!(
        started.elapsed() < Duration::from_secs(60),
        "took {:?}",
        started.elapsed()
    );
}
