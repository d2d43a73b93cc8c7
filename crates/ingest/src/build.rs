//! What the app's `build.rs` does, as a testable function: read the environment, ingest the
//! folder, and produce the data files and the cargo directives to print.

use crate::diagnostic::Severity;
use crate::{ingest_with_progress, OnError, Options};
use broadsheet_core::pack::{self, Pack};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// The environment variables the build reads.
pub const ENV_VARS: &[&str] = &["ARTICLES_DIR", "INCLUDE_DRAFTS", ON_ERROR_ENV];
/// The variable that says what files with errors do: `fail` (the default) fails the build,
/// `skip` leaves them out and bundles the rest.
pub const ON_ERROR_ENV: &str = "BROADSHEET_ON_ERROR";
/// The default articles folder, relative to the project root.
pub const DEFAULT_DIR: &str = "content";
/// The folder in `OUT_DIR` that holds the data files, which `scripts/trunk-boot` copies into
/// the site's `data/` folder.
pub const DATA_DIR: &str = "data";
/// The variable through which the app learns its entry file's name.
pub const ENTRY_ENV: &str = "BROADSHEET_ENTRY";
/// Folders with at least this many files take seconds: the build says how far it has got on
/// stderr (shown by `cargo build -vv`) and how long it took in a final warning.
pub const LONG_BUILD: usize = 5_000;

/// What the build script must do.
#[derive(Debug)]
pub struct Plan {
    /// Lines to print to stdout (`cargo::…` directives), in order.
    pub directives: Vec<String>,
    /// The data files to write to `OUT_DIR/data/`; `None` when there are errors.
    pub pack: Option<Pack>,
}

/// Ingests the folder named by `ARTICLES_DIR` (default `content/`, relative paths against
/// `project_root`) and plans the build script's output. `env` reads environment variables.
pub fn plan(project_root: &Path, env: impl Fn(&str) -> Option<String>) -> Plan {
    let mut directives: Vec<String> = ENV_VARS
        .iter()
        .map(|v| format!("cargo::rerun-if-env-changed={v}"))
        .collect();
    let named = env("ARTICLES_DIR").filter(|d| !d.trim().is_empty());
    let shown = PathBuf::from(named.as_deref().unwrap_or(DEFAULT_DIR));
    let root = project_root.join(&shown);
    let is_sample = named.is_none() || same_dir(&root, &project_root.join(DEFAULT_DIR));
    let include_drafts =
        env("INCLUDE_DRAFTS").is_some_and(|v| matches!(v.trim(), "1" | "true" | "yes"));
    let on_error = match env(ON_ERROR_ENV).map(|v| v.trim().to_ascii_lowercase()) {
        None => OnError::Fail,
        Some(v) if v.is_empty() || v == "fail" => OnError::Fail,
        Some(v) if v == "skip" => OnError::Skip,
        // A misspelt setting must not quietly decide whether a broken feed is published.
        Some(v) => {
            directives.push(format!(
                "cargo::error={ON_ERROR_ENV}=`{v}` is not a setting; use `skip` (leave out the files with errors, bundle the rest) or `fail` (the default)"
            ));
            return Plan {
                directives,
                pack: None,
            };
        }
    };
    directives.push(format!("cargo::rerun-if-changed={}", root.display()));
    directives.push(format!(
        "cargo::rustc-env=BROADSHEET_SAMPLE={}",
        u8::from(is_sample)
    ));
    let started = Instant::now();
    let report = ingest_with_progress(
        &root,
        &shown,
        Options {
            include_drafts,
            on_error,
        },
        &mut |done, all| {
            if all >= LONG_BUILD {
                eprintln!("broadsheet: {done} of {all} files read and validated");
            }
        },
    );
    let files = report.files;
    if files >= LONG_BUILD {
        eprintln!(
            "broadsheet: {files} files read and validated in {:.1} s",
            started.elapsed().as_secs_f64()
        );
    }
    // A build that publishes despite errors (they were asked to be left out) prints them as
    // warnings, labelled, so cargo does not fail it.
    let publishes = report.publishes();
    for d in &report.diagnostics {
        let line = match (d.severity(), publishes) {
            (Severity::Error, false) => format!("cargo::error={d}"),
            (Severity::Error, true) => format!("cargo::warning={}", d.labelled()),
            (Severity::Warning, _) => format!("cargo::warning={d}"),
        };
        directives.push(one_line(&line));
    }
    let summary = format!("cargo::warning=broadsheet: {}", report.summary(&shown));
    let pack = report
        .into_bundle()
        .map(|b| b.pack(pack::Options::default()));
    if let Some(p) = &pack {
        directives.push(format!("cargo::rustc-env={ENTRY_ENV}={}", p.entry.name));
    }
    directives.push(summary);
    if files >= LONG_BUILD {
        let done = if pack.is_some() {
            "read, validated and bundled"
        } else {
            "read and validated"
        };
        directives.push(format!(
            "cargo::warning=broadsheet: {files} files {done} in {:.1} s",
            started.elapsed().as_secs_f64()
        ));
    }
    Plan { directives, pack }
}

fn same_dir(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Cargo directives are one line each.
fn one_line(s: &str) -> String {
    s.replace(['\n', '\r'], " ")
}
