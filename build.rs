//! Temporary: writes an empty bundle until the ingest crate is wired in.
fn main() {
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("bundle.bin"), broadsheet_ingest::empty_bundle()).expect("OUT_DIR is writable");
}
