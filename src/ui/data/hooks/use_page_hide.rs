//! `use_page_hide`: run a callback when the page may be about to go away.

use leptos::prelude::*;

/// Calls `on_hide` when the page is hidden (`visibilitychange` to hidden:
/// a tab switch, the phone locked, the app sent to the background) and on
/// `pagehide` (navigation away, close). Both listeners are removed when the
/// owner is disposed.
pub fn use_page_hide(on_hide: impl Fn() + Clone + 'static) {
    let on_visibility = on_hide.clone();
    let visibility = window_event_listener_untyped("visibilitychange", move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            on_visibility();
        }
    });
    let pagehide = window_event_listener_untyped("pagehide", move |_| on_hide());
    on_cleanup(move || {
        visibility.remove();
        pagehide.remove();
    });
}
