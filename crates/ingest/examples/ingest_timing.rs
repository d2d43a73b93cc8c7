//! Times the build-time pipeline on a folder: ingest (read, parse, validate), bundle (catalog,
//! index, graph) and pack, and prints the sizes of the entry file and the shards. Run it at the
//! optimisation `build.rs` gets (the release profile itself is the wasm's, optimised for size,
//! which makes ingest about eight times slower):
//! `CARGO_PROFILE_RELEASE_OPT_LEVEL=3 cargo run --release -p broadsheet-ingest --example ingest_timing -- DIR [--drafts]`.

use broadsheet_core::data::pack::Options as PackOptions;
use broadsheet_ingest::{ingest, Options};
use std::path::PathBuf;
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().expect("usage: ingest_timing DIR [--drafts]"));
    let include_drafts = args.any(|a| a == "--drafts");
    let t = Instant::now();
    let report = ingest(
        &dir,
        &dir,
        Options {
            include_drafts,
            ..Options::default()
        },
    );
    let ingest_s = t.elapsed().as_secs_f64();
    eprintln!("{}", report.summary(&dir));
    let errors = report.errors().count();
    let t = Instant::now();
    let Some(bundle) = report.into_bundle() else {
        eprintln!("{errors} errors; no bundle");
        std::process::exit(1);
    };
    let bundle_s = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let pack = bundle.pack(PackOptions::default());
    let pack_s = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let library = pack.open().expect("own entry opens");
    let open_s = t.elapsed().as_secs_f64();
    let shards: usize = pack.shards.iter().map(|f| f.bytes.len()).sum();
    eprintln!(
        "articles {} | ingest {ingest_s:.2}s | bundle {bundle_s:.2}s | pack {pack_s:.3}s | open entry {open_s:.3}s | entry {} bytes ({:.0} B/article) | {} shards, {shards} bytes",
        library.len(),
        pack.entry.bytes.len(),
        pack.entry.bytes.len() as f64 / library.len().max(1) as f64,
        pack.shards.len(),
    );
}
