//! Starting the app in the page. `index.html` may hold a pre-rendered copy
//! of a first visit's start page (`xtask/src/shell.rs`), shown while the
//! WASM loads; the app takes its place.

use leptos::prelude::document;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use super::App;

/// The id of the pre-rendered copy's container in `index.html`.
pub const PRERENDERED_ID: &str = "rw-shell";

/// Mounts the app in a task of its own, so the task that compiled and
/// started the WASM ends first and neither holds the main thread for both
/// (input can be handled in between). The task is queued with a message
/// channel: unlike a timer or an animation frame, it runs at once in a
/// hidden tab and under a test's paused clock too.
pub fn start() {
    let Ok(channel) = web_sys::MessageChannel::new() else {
        mount();
        return;
    };
    let receiver = channel.port1();
    let sender = channel.port2();
    let on_message = Closure::once_into_js(move || {
        // The closure owned the channel until now: both ports stayed alive.
        drop(channel);
        mount();
    });
    receiver.set_onmessage(Some(on_message.unchecked_ref()));
    if sender.post_message(&JsValue::NULL).is_err() {
        receiver.set_onmessage(None);
        mount();
    }
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
