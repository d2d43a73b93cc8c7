//! `broadsheet-gen`: writes fictional Broadsheet articles, for the bundled sample in `content/`
//! and for benchmarks at any size.
//!
//! A tool beside the app, not part of it: nothing in `broadsheet`, `broadsheet-core` or
//! `broadsheet-ingest` depends on this crate (only the ingest's tests do). Output is a pure function of the arguments (same
//! arguments, byte-identical files), every URL is on a reserved domain (RFC 2606), and every file
//! follows the reference article's format.
//!
//! ```
//! use broadsheet_gen::corpus::{Corpus, Profile};
//!
//! let corpus = Corpus::new(Profile::bulk(20, 7));
//! let article = corpus.article(0);
//! let mut file = String::new();
//! article.render(&mut file);
//! assert!(article.id.starts_with("gen-000001-"));
//! assert!(file.starts_with("---\ncategory: "));
//! ```

pub mod article;
pub mod cli;
pub mod corpus;
pub mod rng;
pub mod text;
pub mod words;

#[cfg(test)]
mod tests;

use article::{Article, Published};
use corpus::Corpus;
use std::collections::BTreeSet;
use std::fmt;
use std::fs;
use std::io;
use std::path::Path;

/// Counts that describe a generated set, printed as the generator's one-line report.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Files written.
    pub articles: usize,
    /// Articles with `published: false`.
    pub drafts: usize,
    /// Articles with `removed: true`.
    pub removed: usize,
    /// Distinct provider names.
    pub providers: BTreeSet<&'static str>,
    /// Distinct topic names.
    pub topics: BTreeSet<&'static str>,
    /// Distinct categories.
    pub categories: BTreeSet<&'static str>,
    /// Articles with at least one image.
    pub with_images: usize,
    /// Articles with a Markdown body.
    pub with_body: usize,
    /// Articles whose heat is `-1` or absent.
    pub unknown_heat: usize,
    /// `related:` entries pointing at another generated article.
    pub related_inside: usize,
    /// `related:` entries pointing outside the set.
    pub related_outside: usize,
    /// Earliest publication time (Unix seconds).
    pub first: Option<i64>,
    /// Latest publication time (Unix seconds).
    pub last: Option<i64>,
    /// Total bytes written.
    pub bytes: u64,
}

impl Summary {
    /// Counts one article whose file is `bytes` long.
    pub fn add(&mut self, article: &Article, bytes: usize) {
        self.articles += 1;
        self.drafts += usize::from(article.published == Published::No);
        self.removed += usize::from(article.removed);
        self.providers.insert(article.provider.name);
        self.topics.extend(article.topics.iter().copied());
        self.categories.insert(article.category);
        self.with_images += usize::from(!article.images.is_empty());
        self.with_body += usize::from(article.body.is_some());
        self.unknown_heat += usize::from(article.heat.value().is_none());
        let inside = article.related.iter().filter(|r| r.inside).count();
        self.related_inside += inside;
        self.related_outside += article.related.len() - inside;
        let t = article.published_at;
        self.first = Some(self.first.map_or(t, |f| f.min(t)));
        self.last = Some(self.last.map_or(t, |l| l.max(t)));
        self.bytes += bytes as u64;
    }
}

impl Summary {
    /// Adds the counts of `other`, a summary of different articles.
    pub fn merge(&mut self, other: Self) {
        self.articles += other.articles;
        self.drafts += other.drafts;
        self.removed += other.removed;
        self.providers.extend(other.providers);
        self.topics.extend(other.topics);
        self.categories.extend(other.categories);
        self.with_images += other.with_images;
        self.with_body += other.with_body;
        self.unknown_heat += other.unknown_heat;
        self.related_inside += other.related_inside;
        self.related_outside += other.related_outside;
        self.first = self.first.into_iter().chain(other.first).min();
        self.last = self.last.into_iter().chain(other.last).max();
        self.bytes += other.bytes;
    }
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let day = |t: Option<i64>| {
            t.map(|t| text::rfc3339(t)[..10].to_owned())
                .unwrap_or_default()
        };
        write!(
            f,
            "{} articles ({} drafts, {} removed, {} with images, {} with bodies, {} unknown heat), \
             {} providers, {} topics, {} categories, {}..{}, related links: {} inside + {} outside, {:.1} MB",
            self.articles,
            self.drafts,
            self.removed,
            self.with_images,
            self.with_body,
            self.unknown_heat,
            self.providers.len(),
            self.topics.len(),
            self.categories.len(),
            day(self.first),
            day(self.last),
            self.related_inside,
            self.related_outside,
            self.bytes as f64 / 1_000_000.0
        )
    }
}

/// Renders every article of `corpus` as `(file name, file contents)`, in id order.
#[must_use]
pub fn render_all(corpus: &Corpus) -> Vec<(String, String)> {
    corpus
        .articles()
        .map(|a| {
            let mut text = String::new();
            a.render(&mut text);
            (a.file_name(), text)
        })
        .collect()
}

/// Writes every article of `corpus` to `dir/<id>.md`, creating `dir` if needed and replacing
/// files of the same name. Other files in `dir` are left alone.
///
/// Work is split over the available cores (at most four); each file depends only on its index,
/// so the output is the same whatever the split.
///
/// # Errors
/// When `dir` cannot be created or a file cannot be written; the error names the path.
pub fn write_all(corpus: &Corpus, dir: &Path) -> io::Result<Summary> {
    fs::create_dir_all(dir).map_err(|e| with_path(&e, dir))?;
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
    let results: Vec<io::Result<Summary>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|worker| scope.spawn(move || write_share(corpus, dir, worker, workers)))
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    });
    let mut summary = Summary::default();
    for result in results {
        summary.merge(result?);
    }
    Ok(summary)
}

/// Writes the articles whose index is `worker` modulo `workers`.
fn write_share(corpus: &Corpus, dir: &Path, worker: usize, workers: usize) -> io::Result<Summary> {
    let mut summary = Summary::default();
    // One buffer reused for every file: each file is a single write of a ready-made string.
    let mut buf = String::with_capacity(16 * 1024);
    for index in (worker..corpus.len()).step_by(workers) {
        let article = corpus.article(index);
        buf.clear();
        article.render(&mut buf);
        let path = dir.join(article.file_name());
        fs::write(&path, buf.as_bytes()).map_err(|e| with_path(&e, &path))?;
        summary.add(&article, buf.len());
    }
    Ok(summary)
}

fn with_path(error: &io::Error, path: &Path) -> io::Error {
    io::Error::new(error.kind(), format!("{}: {error}", path.display()))
}
