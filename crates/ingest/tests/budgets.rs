//! Time and memory of the worst front matter the size caps allow: alias bombs (also behind line
//! separators, which the YAML parser reads as line breaks), deep flow nesting, a megabyte line
//! of `*` and a megabyte of values. Each is refused in under a second, and the build of all of
//! them (and of every hostile fixture) peaks under 200 MB.
//!
//! One test in its own binary, so the process's peak memory is this test's alone.

use broadsheet_ingest::diagnostic::Problem;
use broadsheet_ingest::{ingest, Options, Report};
use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

const HEAD: &str = "---\ntitle: \"Hostile fixture\"\npublishedDateTime: 2024-05-01T08:00:00Z\nwebUrl: https://example.com/story\nprovider:\n  name: Example Times\n  domain: example.com\n";

/// What each file must ingest in: a second. Test builds optimise ingest and the YAML parsers
/// (the root Cargo.toml's dev profile); at the optimisation `build.rs` gets
/// (`CARGO_PROFILE_RELEASE_OPT_LEVEL=3 cargo test --release -p broadsheet-ingest --test
/// budgets`) the slowest took 0.16 s.
const SECOND: Duration = Duration::from_secs(1);
const PEAK_BYTES: u64 = 200 << 20;

fn repeat(item: &str, times: usize) -> String {
    vec![item; times].join(",")
}

/// Tells whether a problem is the expected one.
type Check = fn(&Problem) -> bool;

/// Front matters near the 1 MiB cap, each with the problem it must be reported with (all but
/// the line of stars, an unknown key, are refused).
fn worst_cases() -> Vec<(&'static str, String, Check)> {
    let ls = '\u{2028}';
    let deep = 200_000;
    vec![
        (
            "wide-bomb-line-separator",
            format!(
                "a: #{ls} &t [{}]\nb: #{ls} [{}]\n",
                repeat("lol", 10_000),
                repeat("*t", 330_000)
            ),
            |p| *p == Problem::LineSeparator('\u{2028}'),
        ),
        (
            "wide-bomb",
            format!(
                "a: &t [{}]\nb: [{}]\n",
                repeat("lol", 10_000),
                repeat("*t", 330_000)
            ),
            |p| *p == Problem::Anchor,
        ),
        (
            "deep-flow-nesting",
            format!("topics: {}{}\n", "[".repeat(deep), "]".repeat(deep)),
            |p| matches!(p, Problem::TooDeep(_)),
        ),
        (
            "deep-flow-nesting-after-a-syntax-error",
            format!(
                "a: b: c\ntopics: {}{}\n",
                "[".repeat(deep),
                "]".repeat(deep)
            ),
            |p| matches!(p, Problem::Syntax(_)),
        ),
        (
            "line-of-stars",
            format!("x: {}\ntopics: [a, b]\n", "a*".repeat(500_000)),
            |p| *p == Problem::UnknownKey("x".into()),
        ),
        (
            "a-megabyte-list-then-a-syntax-error",
            format!("x:\n{}y: [\n", "  - a\n".repeat(170_000)),
            |p| matches!(p, Problem::Syntax(_)),
        ),
        (
            "a-megabyte-of-flow-mappings-then-a-syntax-error",
            format!("z:\n{}y: ]\n", "  - {a: b}\n".repeat(60_000)),
            |p| matches!(p, Problem::Syntax(_)),
        ),
        (
            "a-megabyte-of-values",
            format!("x: [{}]\n", repeat("a", 500_000)),
            |p| *p == Problem::TooManyValues(broadsheet_ingest::locate::MAX_VALUES),
        ),
    ]
}

fn ingest_one(name: &str, front_matter: &str) -> (Report, Duration) {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(
        dir.path().join(format!("{name}.md")),
        format!("{HEAD}{front_matter}---\n"),
    )
    .expect("write");
    let started = Instant::now();
    let report = ingest(dir.path(), Path::new("x"), Options::default());
    (report, started.elapsed())
}

/// The process's peak resident memory (Linux's `VmHWM`).
fn peak_bytes() -> Option<u64> {
    let status = fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

#[test]
fn the_worst_front_matter_is_refused_in_bounded_time_and_memory() {
    for (name, front_matter, check) in worst_cases() {
        assert!(front_matter.len() <= broadsheet_ingest::article::MAX_FRONT_MATTER);
        let (report, took) = ingest_one(name, &front_matter);
        assert!(
            report.diagnostics.iter().any(|d| check(&d.problem)),
            "{name}: {:?}",
            report.diagnostics
        );
        eprintln!("{name}: {} bytes, {took:?}", front_matter.len());
        assert!(took < SECOND, "{name} took {took:?}");
    }
    let hostile = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile");
    let report = ingest(&hostile, Path::new("hostile"), Options::default());
    assert!(!report.is_ok());
    if cfg!(target_os = "linux") {
        let peak = peak_bytes().expect("/proc/self/status has VmHWM");
        eprintln!("peak memory: {} MB", peak >> 20);
        assert!(peak < PEAK_BYTES, "peak memory {} MB", peak >> 20);
    }
}
