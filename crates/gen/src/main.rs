//! Generator (stub).
fn main() {}
