//! Times the build-time pipeline on a folder: ingest (read, parse, validate), bundle (orders,
//! facets, index) and encode, and prints the artefact's size. Run in release:
//! `cargo run --release -p broadsheet-ingest --example ingest_timing -- DIR [--drafts]`.

use broadsheet_core::bundle::Bundle;
use broadsheet_ingest::{ingest, Options};
use std::path::PathBuf;
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().expect("usage: ingest_timing DIR [--drafts]"));
    let include_drafts = args.any(|a| a == "--drafts");
    let t = Instant::now();
    let report = ingest(&dir, &dir, Options { include_drafts });
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
    let bytes = bundle.encode();
    let encode_s = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let decoded = Bundle::decode(&bytes).expect("own bundle decodes");
    let decode_s = t.elapsed().as_secs_f64();
    eprintln!(
        "articles {} | ingest {ingest_s:.2}s | bundle {bundle_s:.2}s | encode {encode_s:.3}s | decode {decode_s:.3}s | artefact {} bytes ({:.0} B/article)",
        decoded.len(),
        bytes.len(),
        bytes.len() as f64 / decoded.len().max(1) as f64
    );
}
