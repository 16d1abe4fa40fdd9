//! Performance marks, read by `cargo xtask bench` in Chromium: when the
//! first screen is interactive, and how long each save takes. They cost a
//! few microseconds and never fail the app: where the browser offers no
//! Performance API, nothing is recorded.

/// The mark set once the first screen (its heading and content) has rendered.
pub const INTERACTIVE: &str = "rollwise:interactive";
/// The mark set when the app starts to mount, once the WASM has loaded:
/// what lies between it and [`INTERACTIVE`] is the app's own start-up work.
pub const MOUNT: &str = "rollwise:mount";
/// The mark set once the stored data has been opened at start-up: read and
/// decoded when a document is stored, at once when nothing is. With
/// [`MOUNT`] and [`INTERACTIVE`] it splits start-up into the app's mount,
/// reading the data and rendering the first screen.
pub const DATA_OPENED: &str = "rollwise:data-opened";
/// The measure recorded around every save.
pub const SAVE: &str = "rollwise:save";
const SAVE_START: &str = "rollwise:save-start";

fn performance() -> Option<web_sys::Performance> {
    web_sys::window().and_then(|w| w.performance())
}

/// Records a named instant.
pub fn mark(name: &str) {
    if let Some(p) = performance() {
        // A mark only fails on a reserved name; these are not.
        let _ = p.mark(name);
    }
}

/// Records a named instant unless one of that name is recorded already.
pub fn mark_once(name: &str) {
    if let Some(p) = performance() {
        if p.get_entries_by_name(name).length() == 0 {
            let _ = p.mark(name);
        }
    }
}

/// Marks the start of a save.
pub fn save_started() {
    mark(SAVE_START);
}

/// Records the time since [`save_started`] as a [`SAVE`] measure.
pub fn save_finished() {
    if let Some(p) = performance() {
        let _ = p.measure_with_start_mark(SAVE, SAVE_START);
    }
}
