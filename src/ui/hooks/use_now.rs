//! `use_now`: the current instant as a signal, for countdowns and timers.

use std::time::Duration;

use chrono::{DateTime, Utc};
use leptos::ev;
use leptos::prelude::*;

/// The current instant, refreshed every `period` and at once whenever the
/// page comes back to the foreground (a phone unlocked, a tab re-opened), so
/// a countdown never shows a stale value after a pause. Timers derived from
/// it are computed from stored timestamps, so a skipped tick loses nothing.
///
/// The interval and the listeners are removed when the calling component is
/// disposed.
pub fn use_now(period: Duration) -> Signal<DateTime<Utc>> {
    let now = RwSignal::new(Utc::now());
    let refresh = move || now.set(Utc::now());
    match set_interval_with_handle(refresh, period) {
        Ok(handle) => on_cleanup(move || handle.clear()),
        // Without an interval the signal still refreshes on focus and on
        // `pageshow`; the browser gives no reason worth showing the person.
        Err(err) => leptos::logging::warn!("use_now: no interval: {err:?}"),
    }
    let focus = window_event_listener(ev::focus, move |_| refresh());
    let shown = window_event_listener(ev::pageshow, move |_| refresh());
    on_cleanup(move || {
        focus.remove();
        shown.remove();
    });
    now.into()
}
