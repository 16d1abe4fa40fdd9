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
