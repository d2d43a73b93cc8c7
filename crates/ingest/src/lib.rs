//! Broadsheet's build-time ingest: a folder of article files becomes a validated
//! [`Bundle`](broadsheet_core::data::bundle::Bundle), or a sorted list of every problem, each as
//! `path:line:col: field: message`.
//!
//! Pipeline: [`walk`] finds files; [`split`] cuts front matter from body; [`quick`] parses the
//! plain front matter most files have, and serde_yaml the rest ([`bounded`]: under a budget of
//! values); [`locate`] records where every key is and refuses aliases and deep nesting first;
//! [`article`] deserializes each field and validates it into core types, reading URLs as a
//! browser does through [`link`]; this module collects, checks ids across files, sorts, and
//! leaves out the files with errors when asked to.
//! [`build`] is what the `broadsheet-pack` command (src/bin) runs after the app is built.
//!
//! This crate is build-time only (no dependency of the wasm app): serde_yaml never reaches it.

pub mod article;
pub mod bounded;
pub mod build;
pub mod diagnostic;
pub mod link;
pub mod locate;
pub mod markdown;
pub mod quick;
pub mod raw;
pub mod split;
pub mod text;
pub mod walk;

use broadsheet_core::data::bundle::Bundle;
use broadsheet_core::model::article::Article;
use diagnostic::{Diagnostic, Problem, Severity};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::Read;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, OnceLock};
use std::time::Duration;
use unicode_normalization::UnicodeNormalization;

/// Files larger than this are refused without being read whole.
pub const MAX_FILE: u64 = 4 << 20;
/// How many kinds of error a summary names when it counts the files left out; the error list
/// above it has the rest.
const REASONS_SHOWN: usize = 5;

/// What to bundle.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Bundle `published: false` articles too (shown with a Draft badge).
    pub include_drafts: bool,
    /// What files with errors do to the build.
    pub on_error: OnError,
}

/// What files with errors do to the build.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum OnError {
    /// Nothing is bundled: the editor fixes the files and builds again.
    #[default]
    Fail,
    /// The files with errors are left out and every valid article bundled, for builds that run
    /// on a schedule from feeds no one controls. When that leaves no article, nothing is.
    Skip,
}

/// The result of reading a folder.
#[derive(Debug, Default)]
pub struct Report {
    /// Articles to bundle: every valid one, or none when there are errors and
    /// [`OnError::Fail`].
    pub articles: Vec<Article>,
    /// Every error and warning, sorted by path and position.
    pub diagnostics: Vec<Diagnostic>,
    /// Article files read.
    pub files: usize,
    /// Drafts left out (drafts not asked for).
    pub drafts_left_out: usize,
    /// Drafts bundled (drafts asked for).
    pub drafts_bundled: usize,
    /// `removed: true` articles, always left out.
    pub removed: usize,
    /// Files below the folder that are not article files.
    pub ignored: usize,
    /// Files (and unreadable folders) with errors, whose articles are not bundled.
    pub with_errors: usize,
    /// What the files with errors do to the build.
    pub on_error: OnError,
}

impl Report {
    /// The errors.
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics
            .iter()
            .filter(|d| d.severity() == Severity::Error)
    }

    /// The warnings.
    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics
            .iter()
            .filter(|d| d.severity() == Severity::Warning)
    }

    /// True when there is no error.
    #[must_use]
    pub fn is_ok(&self) -> bool {
        self.errors().next().is_none()
    }

    /// True when there is a bundle to publish: no errors, or errors left out as asked and at
    /// least one valid article besides them.
    #[must_use]
    pub fn publishes(&self) -> bool {
        self.is_ok() || (self.on_error == OnError::Skip && !self.articles.is_empty())
    }

    /// The one-line summary the build prints, escaped as diagnostics are: the folder's name and
    /// the reasons files were left out (a misspelt key) can hold control characters.
    #[must_use]
    pub fn summary(&self, folder: &Path) -> String {
        let errors = self.errors().count();
        let warnings = self.warnings().count();
        let mut line = if self.publishes() {
            let drafts = if self.drafts_bundled > 0 {
                format!("{} drafts included", self.drafts_bundled)
            } else {
                format!("{} drafts left out", self.drafts_left_out)
            };
            let mut line = format!(
                "{}: {} articles bundled from {} files ({drafts}, {} removed left out), ",
                folder.display(),
                self.articles.len(),
                self.files,
                self.removed,
            );
            if self.with_errors > 0 {
                line.push_str(&format!(
                    "{} files with errors left out ({}), ",
                    self.with_errors,
                    self.reasons()
                ));
            }
            line + &format!("{warnings} warnings")
        } else if self.on_error == OnError::Skip {
            format!(
                "{}: {errors} errors in {} files; nothing bundled: no valid article is left once the {} files with errors are left out, {warnings} warnings",
                folder.display(),
                self.files,
                self.with_errors,
            )
        } else {
            format!(
                "{}: {errors} errors in {} files; nothing bundled, {warnings} warnings",
                folder.display(),
                self.files
            )
        };
        if self.ignored > 0 {
            line.push_str(&format!(", {} other files ignored", self.ignored));
        }
        diagnostic::escaped(&line)
    }

    /// Why files were left out: each file's first error, counted by kind, most common first
    /// (`2 bad webUrl, 1 no title`); past [`REASONS_SHOWN`] kinds, the rest are counted
    /// together.
    fn reasons(&self) -> String {
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        let mut last: Option<&Path> = None;
        // Sorted by path, so a file's errors are together and its first comes first.
        for error in self.errors() {
            if last != Some(error.path.as_path()) {
                *counts.entry(error.reason()).or_default() += 1;
                last = Some(&error.path);
            }
        }
        let mut counts: Vec<_> = counts.into_iter().collect();
        counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let mut shown: Vec<String> = counts
            .iter()
            .take(REASONS_SHOWN)
            .map(|(reason, n)| format!("{n} {reason}"))
            .collect();
        let others: usize = counts.iter().skip(REASONS_SHOWN).map(|(_, n)| n).sum();
        if others > 0 {
            shown.push(format!("{others} for other reasons"));
        }
        shown.join(", ")
    }

    /// The bundle, when the report [`publishes`](Report::publishes).
    #[must_use]
    pub fn into_bundle(self) -> Option<Bundle> {
        self.publishes().then(|| Bundle::new(self.articles))
    }
}

/// Reads every article file below `root`. `shown_root` is how paths are printed (the folder as
/// the editor named it).
#[must_use]
pub fn ingest(root: &Path, shown_root: &Path, options: Options) -> Report {
    ingest_with_progress(root, shown_root, options, &mut |_, _| {})
}

/// [`ingest`], calling `progress(files done, files found)` on the calling thread about once a
/// second while files are read and validated, so a long build can say how far it has got.
#[must_use]
pub fn ingest_with_progress(
    root: &Path,
    shown_root: &Path,
    options: Options,
    progress: &mut dyn FnMut(usize, usize),
) -> Report {
    let mut report = Report {
        on_error: options.on_error,
        ..Report::default()
    };
    if !root.is_dir() {
        report.diagnostics.push(Diagnostic::new(
            shown_root.to_path_buf(),
            1,
            1,
            "",
            Problem::Io(
                "is not a folder; set ARTICLES_DIR to the folder holding the article files".into(),
            ),
        ));
        report.with_errors = 1;
        return report;
    }
    let found = walk::walk(root, shown_root);
    report.diagnostics = found.diagnostics;
    report.ignored = found.ignored;
    report.files = found.files.len();
    let mut ids: BTreeMap<String, Vec<std::path::PathBuf>> = BTreeMap::new();
    for rel in &found.files {
        ids.entry(id_key(stem(rel)))
            .or_default()
            .push(shown_root.join(rel));
    }
    let mut parsed = parse_all(root, shown_root, &found.files, progress);
    for file in &mut parsed {
        report.diagnostics.append(&mut file.diagnostics);
    }
    for paths in ids.values().filter(|p| p.len() > 1) {
        for (i, path) in paths.iter().enumerate() {
            let other = &paths[if i == 0 { 1 } else { 0 }];
            report.diagnostics.push(Diagnostic::new(
                path.clone(),
                1,
                1,
                "",
                Problem::DuplicateId {
                    id: path
                        .file_stem()
                        .and_then(|s| s.to_str())
                        .unwrap_or_default()
                        .to_owned(),
                    other: other.display().to_string(),
                },
            ));
        }
    }
    report
        .diagnostics
        .sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    let with_errors: BTreeSet<&Path> = report.errors().map(|d| d.path.as_path()).collect();
    // A file with errors is counted there and nowhere else, even when it is a draft or
    // removed: what it says cannot be trusted.
    let valid: Vec<bool> = found
        .files
        .iter()
        .map(|rel| !with_errors.contains(shown_root.join(rel).as_path()))
        .collect();
    report.with_errors = with_errors.len();
    let keep = report.is_ok() || options.on_error == OnError::Skip;
    for (file, valid) in parsed.into_iter().zip(valid) {
        match file.article {
            _ if !valid => {}
            _ if file.removed => report.removed += 1,
            Some(article) if article.draft && !options.include_drafts => {
                report.drafts_left_out += 1;
            }
            Some(article) => {
                report.drafts_bundled += usize::from(article.draft);
                if keep {
                    report.articles.push(article);
                }
            }
            // `article::parse` returns no article only with an error, counted above.
            None => {}
        }
    }
    report
}

/// What ids collide on: ids that differ only in ways a reader of a link cannot see. Compatibility
/// forms become plain (NFKC: `ｐａｙｐａｌ`, `ﬁnance`), each character becomes the prototype of
/// its look-alikes (Unicode's confusable skeleton: `pаypal` with a Cyrillic `а`, and `paypaI`
/// with a capital `I`, are `paypal`), then case and accents are folded.
fn id_key(stem: &str) -> String {
    let skeleton: String = if stem.is_ascii() {
        // NFKC leaves ASCII as it is and each ASCII character's skeleton is its own, so a table
        // built once gives the same key several times faster (this runs for every file).
        let table = ascii_skeletons();
        stem.bytes()
            .map(|b| table[usize::from(b)].as_str())
            .collect()
    } else {
        unicode_security::skeleton(&stem.nfkc().collect::<String>()).collect()
    };
    broadsheet_core::text::words::fold(&skeleton)
}

/// The confusable skeleton of each ASCII character.
fn ascii_skeletons() -> &'static [String; 128] {
    static TABLE: OnceLock<[String; 128]> = OnceLock::new();
    TABLE.get_or_init(|| {
        std::array::from_fn(|b| {
            let c = char::from(u8::try_from(b).expect("indices are below 128"));
            unicode_security::skeleton(c.encode_utf8(&mut [0; 4])).collect()
        })
    })
}

fn stem(rel: &Path) -> &str {
    rel.file_stem().and_then(|s| s.to_str()).unwrap_or_default()
}

/// How often [`ingest_with_progress`] reports.
const PROGRESS_EVERY: Duration = Duration::from_secs(1);

/// Reads and parses every file on rayon's pool, one thread per core; results come back in the
/// order of `files` (an indexed parallel iterator collects in order), so the report does not
/// depend on scheduling. The pool is driven from a helper thread so that the calling thread is
/// free to report progress, which `progress` (not `Send`) must be called from.
fn parse_all(
    root: &Path,
    shown_root: &Path,
    files: &[std::path::PathBuf],
    progress: &mut dyn FnMut(usize, usize),
) -> Vec<article::Parsed> {
    let done = AtomicUsize::new(0);
    let parse_one = |rel: &std::path::PathBuf| {
        let shown = shown_root.join(rel);
        let parsed = match read_capped(&root.join(rel)) {
            Ok(bytes) => article::parse(&shown, stem(rel), &bytes),
            Err(problem) => article::Parsed {
                article: None,
                removed: false,
                diagnostics: vec![Diagnostic::new(shown, 1, 1, "", problem)],
            },
        };
        done.fetch_add(1, Ordering::Relaxed);
        parsed
    };
    std::thread::scope(|scope| {
        let (sender, receiver) = mpsc::channel();
        scope.spawn(move || {
            let parsed: Vec<_> = files.par_iter().map(parse_one).collect();
            // The receiver waits until this arrives or the sender is dropped.
            sender.send(parsed).ok();
        });
        loop {
            match receiver.recv_timeout(PROGRESS_EVERY) {
                Ok(parsed) => return parsed,
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    progress(done.load(Ordering::Relaxed), files.len());
                }
                // The helper dropped its sender without sending: a parser panicked, and the
                // scope re-raises that panic when it joins the thread.
                Err(mpsc::RecvTimeoutError::Disconnected) => return Vec::new(),
            }
        }
    })
}

/// Reads a file unless it is larger than [`MAX_FILE`], without reading more than that.
fn read_capped(path: &Path) -> Result<Vec<u8>, Problem> {
    let file = fs::File::open(path).map_err(|e| Problem::Io(e.to_string()))?;
    // Sized up front: growing the buffer while reading costs more than the read itself.
    let size = file.metadata().map_or(0, |m| m.len().min(MAX_FILE + 1));
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0) + 1);
    file.take(MAX_FILE + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Problem::Io(e.to_string()))?;
    if bytes.len() as u64 > MAX_FILE {
        let size = fs::metadata(path).map_or(bytes.len(), |m| {
            usize::try_from(m.len()).unwrap_or(usize::MAX)
        });
        return Err(Problem::TooLarge {
            size,
            limit: usize::try_from(MAX_FILE).unwrap_or(usize::MAX),
        });
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_ids_get_the_full_skeleton() {
        let printable: Vec<char> = (b' '..=b'~').map(char::from).collect();
        for a in &printable {
            for b in &printable {
                let id = format!("x{a}{b}");
                let full: String = unicode_security::skeleton(&id).collect();
                assert_eq!(
                    id_key(&id),
                    broadsheet_core::text::words::fold(&full),
                    "{id:?}"
                );
            }
        }
    }

    #[test]
    fn look_alike_ids_share_a_key() {
        for (a, b) in [
            ("paypal", "p\u{430}ypal"),
            ("paypal", "paypaI"),
            ("paypal", "\u{ff50}\u{ff41}\u{ff59}\u{ff50}\u{ff41}\u{ff4c}"),
            ("finance", "\u{fb01}nance"),
            ("caf\u{e9}", "cafe\u{301}"),
            ("Report", "report"),
        ] {
            assert_eq!(id_key(a), id_key(b), "{a:?} {b:?}");
        }
        assert_ne!(id_key("paypal"), id_key("paypals"));
    }
}
