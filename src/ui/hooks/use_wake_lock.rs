//! `use_wake_lock`: keeps the screen on while a guided session runs.
//!
//! The Screen Wake Lock API (`navigator.wakeLock.request('screen')`) is
//! reached through `js_sys::Reflect`, as web-sys may not bind it. The lock
//! is requested whenever `active` is true and the page is visible, asked
//! again when the page comes back to the foreground (the browser releases it
//! when the page is hidden), and released when `active` turns false or the
//! calling component is disposed. Every failure reaches `on_error` as a
//! [`WakeLockError`]; nothing is swallowed.

use std::fmt;

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Why the screen may still turn off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WakeLockError {
    /// The browser has no Screen Wake Lock API.
    Unsupported,
    /// The browser refused or failed the request (its message).
    Refused(String),
}

impl fmt::Display for WakeLockError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WakeLockError::Unsupported => write!(f, "the Screen Wake Lock API is not available"),
            WakeLockError::Refused(detail) => write!(f, "the wake lock was refused: {detail}"),
        }
    }
}

/// The `navigator.wakeLock` object, when the browser has one.
fn wake_lock_api() -> Option<JsValue> {
    let navigator = web_sys::window()?.navigator();
    js_sys::Reflect::get(&navigator, &"wakeLock".into())
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

fn describe(err: &JsValue) -> String {
    js_sys::Reflect::get(err, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| err.as_string())
        .unwrap_or_else(|| "unknown error".to_string())
}

fn page_visible() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_none_or(|d| d.visibility_state() == web_sys::VisibilityState::Visible)
}

/// Releases a sentinel; a failed release only means it was already gone.
fn release(sentinel: JsValue) {
    let Ok(release) = js_sys::Reflect::get(&sentinel, &"release".into()) else {
        return;
    };
    if let Some(release) = release.dyn_ref::<js_sys::Function>() {
        if let Ok(promise) = release.call0(&sentinel) {
            if let Ok(promise) = promise.dyn_into::<js_sys::Promise>() {
                // It rejects only when the lock was already released.
                leptos::task::spawn_local(async move {
                    let _ = JsFuture::from(promise).await;
                });
            }
        }
    }
}

/// Keeps the screen on while `active` is true. See the module docs.
pub fn use_wake_lock(
    active: Signal<bool>,
    on_error: impl Fn(WakeLockError) + Clone + Send + Sync + 'static,
) {
    let sentinel = StoredValue::new_local(None::<JsValue>);
    // Grows with every request and release, so a late answer to an old
    // request is released at once instead of being kept.
    let generation = StoredValue::new(0u64);

    let drop_lock = move || {
        generation.update_value(|g| *g += 1);
        if let Some(Some(s)) = sentinel.try_update_value(|s| s.take()) {
            release(s);
        }
    };

    let request = {
        let on_error = on_error.clone();
        move || {
            let held = sentinel.with_value(|s| s.is_some());
            if held || !page_visible() {
                return;
            }
            let Some(api) = wake_lock_api() else {
                on_error(WakeLockError::Unsupported);
                return;
            };
            let promise = js_sys::Reflect::get(&api, &"request".into())
                .ok()
                .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
                .map(|f| f.call1(&api, &"screen".into()));
            let promise = match promise {
                None => {
                    on_error(WakeLockError::Unsupported);
                    return;
                }
                Some(Err(e)) => {
                    on_error(WakeLockError::Refused(describe(&e)));
                    return;
                }
                Some(Ok(p)) => p,
            };
            let Ok(promise) = promise.dyn_into::<js_sys::Promise>() else {
                on_error(WakeLockError::Unsupported);
                return;
            };
            generation.update_value(|g| *g += 1);
            let asked = generation.get_value();
            let on_error = on_error.clone();
            leptos::task::spawn_local(async move {
                match JsFuture::from(promise).await {
                    Ok(lock) => {
                        let current = generation.try_get_value() == Some(asked);
                        if current {
                            sentinel.set_value(Some(lock));
                        } else {
                            release(lock);
                        }
                    }
                    Err(e) => on_error(WakeLockError::Refused(describe(&e))),
                }
            });
        }
    };

    Effect::new({
        let request = request.clone();
        move |_| {
            if active.get() {
                request();
            } else {
                drop_lock();
            }
        }
    });

    let visibility = window_event_listener_untyped("visibilitychange", move |_| {
        if page_visible() && active.get_untracked() {
            // The browser dropped the lock when the page was hidden.
            sentinel.set_value(None);
            request();
        }
    });
    on_cleanup(move || {
        visibility.remove();
        drop_lock();
    });
}
