//! Build-time ingest (being written).

/// An empty encoded bundle.
#[must_use]
pub fn empty_bundle() -> Vec<u8> {
    broadsheet_core::bundle::Bundle::new(Vec::new()).encode()
}
