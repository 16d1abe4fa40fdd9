//! Starting the app in the page. `index.html` may hold a pre-rendered copy
//! of a first visit's start page (`xtask/src/shell.rs`), shown while the
//! WASM loads; the app takes its place.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;

use super::App;

/// The id of the pre-rendered copy's container in `index.html`.
pub const PRERENDERED_ID: &str = "rw-shell";

/// The class `index.html`'s inline script puts on `<html>` when the copy
/// shows.
pub const SHOWING_CLASS: &str = "rw-shell";

/// A hidden tab paints no frame: the app mounts after this long anyway.
const PAINT_WAIT: Duration = Duration::from_millis(250);

/// Mounts the app in a task of its own, so the task that compiled and
/// started the WASM ends first and neither holds the main thread for both.
/// When the pre-rendered copy shows, the app mounts only after a frame has
/// painted it: on a fast connection the WASM can arrive before the first
/// paint, and the person would otherwise wait for the app to see anything.
pub fn start() {
    if !copy_showing() {
        set_timeout(mount, Duration::ZERO);
        return;
    }
    let mounted = Rc::new(Cell::new(false));
    let once = move || {
        if !mounted.replace(true) {
            mount();
        }
    };
    let after_paint = once.clone();
    request_animation_frame(move || set_timeout(after_paint, Duration::ZERO));
    set_timeout(once, PAINT_WAIT);
}

fn copy_showing() -> bool {
    document().document_element().is_some_and(|html| {
        html.class_name()
            .split_whitespace()
            .any(|class| class == SHOWING_CLASS)
    })
}

/// Removes the pre-rendered copy and mounts the app, in one task, so no
/// frame shows neither or both.
pub fn mount() {
    super::perf::mark(super::perf::MOUNT);
    if let Some(copy) = document().get_element_by_id(PRERENDERED_ID) {
        copy.remove();
    }
    leptos::mount::mount_to_body(App);
}
