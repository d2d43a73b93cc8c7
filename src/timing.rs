//! Timing in the page's Performance timeline: each measured step leaves a `performance.measure`
//! entry that tests, scripts and DevTools read, so the app measures itself without logging.

/// Runs `f`, recording how long it took as a measure named `name`.
pub fn measure<T>(name: &str, f: impl FnOnce() -> T) -> T {
    let performance = web_sys::window().and_then(|w| w.performance());
    let start = format!("{name}:start");
    if let Some(p) = &performance {
        // Timing is diagnostic only: a browser that refuses a mark must not stop the app.
        p.mark(&start).ok();
    }
    let value = f();
    if let Some(p) = &performance {
        p.measure_with_start_mark(name, &start).ok();
        // Marks would pile up one per call; the measure keeps the duration.
        p.clear_marks_with_mark_name(&start);
    }
    value
}
