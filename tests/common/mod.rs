//! Helpers shared by the browser test crates (`tests/web.rs`,
//! `tests/storage.rs`); a folder of its own, so cargo does not run it as a
//! test crate.

/// Resolves in a task queued by a timer of `ms` milliseconds.
pub async fn sleep(ms: i32) {
    let later = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(later).await.unwrap();
}
