//! What the `broadsheet-pack` command does, as a testable function: read the environment, ingest
//! the folder, and produce the data files and the lines to print (`error: path:line:col: …`).
//!
//! The app is compiled without looking at the articles (its wasm is the same for every folder);
//! this runs after it, from the Trunk hook `scripts/trunk-boot`, and writes `data/` beside it.

use crate::diagnostic::Severity;
use crate::{ingest_with_progress, OnError, Options};
use broadsheet_core::data::pack::{self, Pack};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// The environment variables the build reads.
pub const ENV_VARS: &[&str] = &["ARTICLES_DIR", "INCLUDE_DRAFTS", ON_ERROR_ENV];
/// The variable that says what files with errors do: `fail` (the default) fails the build,
/// `skip` leaves them out and bundles the rest.
pub const ON_ERROR_ENV: &str = "BROADSHEET_ON_ERROR";
/// The default articles folder, relative to the project root.
pub const DEFAULT_DIR: &str = "content";
/// The folder of the site that holds the data files.
pub const DATA_DIR: &str = "data";
/// Folders with at least this many files take seconds: the build says how far it has got on
/// stderr and how long it took in a final warning.
pub const LONG_BUILD: usize = 5_000;

/// What the pack command must do.
#[derive(Debug)]
pub struct Plan {
    /// Lines to print to stderr (`error: …`, `warning: …`), in order.
    pub directives: Vec<String>,
    /// The data files to write to `data/`; `None` when there are errors.
    pub pack: Option<Pack>,
}

/// Ingests the folder named by `ARTICLES_DIR` (default `content/`, relative paths against
/// `project_root`) and plans the pack command's output. `env` reads environment variables.
pub fn plan(project_root: &Path, env: impl Fn(&str) -> Option<String>) -> Plan {
    let mut directives: Vec<String> = Vec::new();
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
                "error: {ON_ERROR_ENV}=`{v}` is not a setting; use `skip` (leave out the files with errors, bundle the rest) or `fail` (the default)"
            ));
            return Plan {
                directives,
                pack: None,
            };
        }
    };
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
    // warnings, labelled, so it does not fail.
    let publishes = report.publishes();
    for d in &report.diagnostics {
        let line = match (d.severity(), publishes) {
            (Severity::Error, false) => format!("error: {d}"),
            (Severity::Error, true) => format!("warning: {}", d.labelled()),
            (Severity::Warning, _) => format!("warning: {d}"),
        };
        directives.push(one_line(&line));
    }
    let summary = format!("warning: broadsheet: {}", report.summary(&shown));
    let pack = report.into_bundle().map(|b| {
        b.pack(pack::Options {
            sample: is_sample,
            ..pack::Options::default()
        })
    });
    directives.push(summary);
    if files >= LONG_BUILD {
        let done = if pack.is_some() {
            "read, validated and bundled"
        } else {
            "read and validated"
        };
        directives.push(format!(
            "warning: broadsheet: {files} files {done} in {:.1} s",
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

/// Each message is one line, so scripts can read them line by line.
fn one_line(s: &str) -> String {
    s.replace(['\n', '\r'], " ")
}
