//! The native column of `scripts/measure`: opens a build's data folder the way the app does
//! (the entry file, then the shards a query needs, read from disk instead of fetched), answers
//! the start view, then the query typed one character at a time, and prints one JSON line:
//! entry decode and first-explore times, the p95 of the per-prefix explore times (each prefix
//! answered five times, after its shards are read; reading them is timed apart), how long
//! listing the files an export of every article needs takes, and the process's peak RSS (Linux;
//! `null` elsewhere).
//!
//! ```text
//! cargo run -p broadsheet-core --release --example measure_native -- DIST/data [QUERY]
//! ```

#![allow(clippy::print_stdout, reason = "a benchmark's output is its report")]

use broadsheet_core::data::library::{EntryFile, Library, Need};
use broadsheet_core::index::search::Query;
use broadsheet_core::view::explore::explore;
use broadsheet_core::view::state::{Action, ViewState};
use std::path::Path;
use std::time::Instant;

fn ms(since: Instant) -> f64 {
    since.elapsed().as_secs_f64() * 1000.0
}

/// Peak resident set size in MB, from /proc (Linux only).
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1000.0)
}

fn fail(message: &str) -> ! {
    eprintln!("measure_native: {message}");
    std::process::exit(1);
}

/// The 95th percentile of `times` (sorted here).
fn p95(times: &mut [f64]) -> Option<f64> {
    times.sort_by(f64::total_cmp);
    let last = times.len().checked_sub(1)?;
    Some(times[(times.len() * 95).div_ceil(100).saturating_sub(1).min(last)])
}

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: measure_native DIST/data [QUERY]");
        std::process::exit(2);
    };
    let query = args.next().unwrap_or_else(|| "market".to_owned());
    let dir = Path::new(&dir);
    let entry = std::fs::read_dir(dir)
        .unwrap_or_else(|e| fail(&format!("{}: {e}", dir.display())))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("entry-"))
        })
        .unwrap_or_else(|| fail(&format!("no entry-*.bin in {}", dir.display())));
    let bytes = std::fs::read(&entry).unwrap_or_else(|e| fail(&e.to_string()));

    // The catalog parts are fetched with the entry, before the first screen; the entry is read
    // once, before they are fetched, and its time counts with theirs.
    let t = Instant::now();
    let entry_file = EntryFile::read(&bytes).unwrap_or_else(|e| fail(&e.to_string()));
    let entry_ms = ms(t);
    let names = entry_file.catalog_parts();
    let parts: Vec<(String, Vec<u8>)> = names
        .into_iter()
        .map(|name| {
            let part = std::fs::read(dir.join(&name)).unwrap_or_else(|e| fail(&e.to_string()));
            (name, part)
        })
        .collect();
    let parts: Vec<(&str, &[u8])> = parts
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    let t = Instant::now();
    let mut library =
        Library::open_with(entry_file, &parts).unwrap_or_else(|e| fail(&e.to_string()));
    let decode_ms = entry_ms + ms(t);
    drop(bytes);

    let start = ViewState::default();
    let t = Instant::now();
    let first = explore(&library, &start);
    let first_explore_ms = ms(t);

    let (mut times, mut reads) = (Vec::new(), Vec::new());
    let mut matched = 0;
    for end in query.char_indices().map(|(i, c)| i + c.len_utf8()) {
        let state = start.apply(Action::SetQuery(query[..end].to_owned()));
        let parsed = Query::parse(state.query());
        let t = Instant::now();
        loop {
            let missing = library.missing(&[Need::Query(&parsed)]);
            if missing.is_empty() {
                break;
            }
            for name in missing {
                let shard = std::fs::read(dir.join(&name)).unwrap_or_else(|e| fail(&e.to_string()));
                library
                    .insert(&name, &shard)
                    .unwrap_or_else(|e| fail(&e.to_string()));
            }
        }
        reads.push(ms(t));
        for _ in 0..5 {
            let t = Instant::now();
            matched = explore(&library, &state).articles.len();
            times.push(ms(t));
        }
    }
    // What exporting every article asks for first: the list of all article shards.
    let t = Instant::now();
    let export_files = library.missing(&[Need::Articles(&first.articles)]).len();
    let export_missing_ms = ms(t);
    let queries = times.len();
    let json = |x: Option<f64>| x.map_or_else(|| "null".to_owned(), |v| format!("{v:.3}"));
    println!(
        "{{\"articles\":{},\"decode_ms\":{decode_ms:.3},\"first_explore_ms\":{first_explore_ms:.3},\
         \"first_results\":{},\"query_p95_ms\":{},\"shard_read_max_ms\":{},\"queries\":{queries},\
         \"query_matches\":{matched},\"export_files\":{export_files},\
         \"export_missing_ms\":{export_missing_ms:.3},\"peak_rss_mb\":{}}}",
        library.len(),
        first.articles.len(),
        json(p95(&mut times)),
        json(reads.iter().copied().reduce(f64::max)),
        json(peak_rss_mb()),
    );
}
