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

/// Work held until the first screen has rendered.
#[derive(Default)]
pub struct FirstScreen {
    shown: bool,
    held: Vec<Box<dyn FnOnce()>>,
}

impl FirstScreen {
    /// Holds `f`, or hands it back to run now when the screen has shown.
    pub fn hold(&mut self, f: Box<dyn FnOnce()>) -> Option<Box<dyn FnOnce()>> {
        if self.shown {
            Some(f)
        } else {
            self.held.push(f);
            None
        }
    }

    /// Marks the screen shown and hands back the held work, in the order
    /// it came.
    pub fn show(&mut self) -> Vec<Box<dyn FnOnce()>> {
        self.shown = true;
        std::mem::take(&mut self.held)
    }
}

thread_local! {
    static FIRST_SCREEN: std::cell::RefCell<FirstScreen> = std::cell::RefCell::new(FirstScreen::default());
}

/// Runs `f` once the first screen has rendered ([`first_screen_shown`]),
/// or at once when it has. For background work that would otherwise use
/// the idle time in which start-up waits for a screen's module, and so
/// delay that screen: readying the store for quick saves, for one. Where
/// no screen renders (the recovery screen), the work never runs.
pub fn after_first_screen(f: impl FnOnce() + 'static) {
    if let Some(f) = FIRST_SCREEN.with_borrow_mut(|state| state.hold(Box::new(f))) {
        f();
    }
}

/// Marks the first screen as rendered and runs the work held for it.
pub fn first_screen_shown() {
    for f in FIRST_SCREEN.with_borrow_mut(FirstScreen::show) {
        f();
    }
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;
    use std::rc::Rc;

    use super::FirstScreen;

    #[test]
    fn work_is_held_until_the_first_screen_shows_then_runs_in_order() {
        let ran = Rc::new(RefCell::new(Vec::new()));
        let job = |n: u32| {
            let ran = ran.clone();
            Box::new(move || ran.borrow_mut().push(n)) as Box<dyn FnOnce()>
        };
        let mut state = FirstScreen::default();
        assert!(state.hold(job(1)).is_none());
        assert!(state.hold(job(2)).is_none());
        assert!(ran.borrow().is_empty());
        for f in state.show() {
            f();
        }
        assert_eq!(*ran.borrow(), [1, 2]);
        // Afterwards work is handed back to run at once, and nothing is
        // held for a second showing.
        let now = state.hold(job(3)).expect("runs at once");
        now();
        assert_eq!(*ran.borrow(), [1, 2, 3]);
        assert!(state.show().is_empty());
    }
}
