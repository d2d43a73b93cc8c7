//! URLs as browsers read them: the shapes real feeds carry (a space in a file name, words after
//! one, a byte-order mark at the start of a path segment, prose after the link), one fixture each
//! in `tests/fixtures/urls/` with the hosts moved to reserved names, build with their images
//! percent-encoded; and a folder of 10,000 generated articles with them builds without an error.

use broadsheet_gen::corpus::{Corpus, Profile};
use broadsheet_ingest::{ingest, Options, Report};
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Each fixture's id and the image URL it must be bundled with.
const ENCODED: &[(&str, &str)] = &[
    (
        "bom-in-path",
        "https://example.org/wp-content/uploads/2022/01/%EF%BB%BFThe-University-of-Manchester.jpg",
    ),
    (
        "space-in-file-name",
        "https://www.example.com/sites/default/files/styles/large/public/Cooper%20SE1.jpeg",
    ),
    (
        "spaces-in-file-name",
        "https://cdni.example.org/ExtraImages/20220602061444_Slavia%20for%20story%20image.jpg",
    ),
    (
        "trailing-prose",
        "https://cdn.example.com/images/237398-ai-nanny.jpg,%20which%20can%20monitor%20a%E2%80%A6",
    ),
];

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/urls")
}

/// Fails unless every fixture's article is in `articles`, with its image URL encoded.
fn assert_encoded(report: &Report) {
    for (id, url) in ENCODED {
        let article = report
            .articles
            .iter()
            .find(|a| a.id.as_str() == *id)
            .unwrap_or_else(|| panic!("{id} is bundled"));
        let urls: Vec<&str> = article.images.iter().map(|i| i.url.as_str()).collect();
        assert_eq!(urls, [*url], "{id}");
    }
}

#[test]
fn the_feed_shapes_build_with_their_images_encoded() {
    let report = ingest(&fixtures(), Path::new("urls"), Options::default());
    assert!(report.diagnostics.is_empty(), "{:#?}", report.diagnostics);
    assert_eq!(report.articles.len(), ENCODED.len());
    assert_eq!(
        fs::read_dir(fixtures()).expect("fixtures").count(),
        ENCODED.len(),
        "every fixture is checked"
    );
    assert_encoded(&report);
}

#[test]
fn the_shapes_build_the_same_unquoted() {
    let dir = tempfile::tempdir().expect("temp dir");
    for entry in fs::read_dir(fixtures()).expect("fixtures") {
        let path = entry.expect("entry").path();
        let text = fs::read_to_string(&path).expect("utf-8");
        let unquoted: String = text
            .lines()
            .map(|line| match line.strip_prefix("  - url: \"") {
                Some(url) => format!("  - url: {}\n", url.trim_end_matches('"')),
                None => format!("{line}\n"),
            })
            .collect();
        assert_ne!(unquoted, text);
        fs::write(dir.path().join(path.file_name().expect("a file")), unquoted).expect("write");
    }
    let report = ingest(dir.path(), Path::new("urls"), Options::default());
    assert!(report.diagnostics.is_empty(), "{:#?}", report.diagnostics);
    assert_encoded(&report);
}

#[test]
fn ten_thousand_generated_files_and_the_feed_shapes_build_without_an_error() {
    let started = Instant::now();
    let dir = tempfile::tempdir().expect("temp dir");
    let generated = broadsheet_gen::write_all(&Corpus::new(Profile::bulk(10_000, 7)), dir.path())
        .expect("write");
    for entry in fs::read_dir(fixtures()).expect("fixtures") {
        let path = entry.expect("entry").path();
        fs::copy(&path, dir.path().join(path.file_name().expect("a file"))).expect("copy");
    }
    let written = started.elapsed();
    let report = ingest(dir.path(), Path::new("feed"), Options::default());
    let errors: Vec<String> = report.errors().map(ToString::to_string).collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    assert_eq!(report.warnings().count(), 0);
    assert_eq!(report.files, 10_004);
    assert_eq!(report.removed, generated.removed);
    assert_eq!(
        report.articles.len() + report.drafts_left_out + report.removed,
        10_004
    );
    assert_encoded(&report);
    let ingested = started.elapsed();
    let bundle = report.into_bundle().expect("no errors");
    for (id, url) in ENCODED {
        let article = bundle.get(id).expect("in the bundle");
        assert_eq!(article.images[0].url.as_str(), *url);
    }
    eprintln!(
        "10,004 files: written in {:.1} s, ingested by {:.1} s, bundled by {:.1} s",
        written.as_secs_f64(),
        ingested.as_secs_f64(),
        started.elapsed().as_secs_f64()
    );
}
