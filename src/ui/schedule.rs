//! Running work once the browser has shown what a tap changed, so that the
//! work is not part of the tap's response.

use std::time::Duration;

use leptos::prelude::{request_animation_frame, set_timeout};

/// Runs `f` right after the next frame has been painted: a task queued from
/// a frame callback runs after that frame. A hidden tab paints no frames,
/// so callers that must run there keep a fallback of their own.
pub fn after_next_paint(f: impl FnOnce() + 'static) {
    request_animation_frame(move || set_timeout(f, Duration::ZERO));
}

/// Runs `f` in a task of its own, queued now. The task is queued through a
/// message channel: unlike a timer or an animation frame, it runs at once in
/// a hidden tab and under a test's paused clock too. Where the channel
/// cannot be made, `f` runs at once.
pub fn next_task(f: impl FnOnce() + 'static) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};

    let Ok(channel) = web_sys::MessageChannel::new() else {
        f();
        return;
    };
    let receiver = channel.port1();
    let sender = channel.port2();
    let task = std::rc::Rc::new(std::cell::Cell::new(Some(f)));
    let on_message = Closure::once_into_js({
        let task = task.clone();
        move || {
            // The closure owned the channel until now: both ports stayed alive.
            drop(channel);
            if let Some(f) = task.take() {
                f();
            }
        }
    });
    receiver.set_onmessage(Some(on_message.unchecked_ref()));
    if sender.post_message(&JsValue::NULL).is_err() {
        receiver.set_onmessage(None);
        if let Some(f) = task.take() {
            f();
        }
    }
}

/// Runs `f` in a task of its own once the page has finished loading (its
/// `load` event), or in the next task when it already has. For work that
/// must not compete with the first screen, such as installing the service
/// worker, which fetches every file of the app.
pub fn after_load(f: impl FnOnce() + 'static) {
    use leptos::prelude::{document, window};
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;

    if document().ready_state() == "complete" {
        next_task(f);
        return;
    }
    let on_load = Closure::once_into_js(move || next_task(f));
    let once = web_sys::AddEventListenerOptions::new();
    once.set_once(true);
    if window()
        .add_event_listener_with_callback_and_add_event_listener_options(
            "load",
            on_load.unchecked_ref(),
            &once,
        )
        .is_err()
    {
        // Adding a listener to the window does not fail in practice; if it
        // did, the work would never run, so it runs in the next task.
        let f: wasm_bindgen::JsValue = on_load;
        let _ = f
            .unchecked_into::<js_sys::Function>()
            .call0(&wasm_bindgen::JsValue::NULL);
    }
}
