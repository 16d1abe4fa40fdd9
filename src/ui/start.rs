//! Starting the app in the page. `index.html` may hold a pre-rendered copy
//! of a first visit's start page (`xtask/src/shell.rs`), shown while the
//! WASM loads; the app takes its place.

use leptos::prelude::document;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::App;

/// The id of the pre-rendered copy's container in `index.html`.
pub const PRERENDERED_ID: &str = "rw-shell";

/// Mounts the app in a task of its own ([`super::schedule::next_task`]), so
/// the task that compiled and started the WASM ends first and neither holds
/// the main thread for both (input can be handled in between).
///
/// At a deep link to a screen that has a module of its own, the app mounts
/// once that module has loaded instead (see [`super::route_module`]): the
/// screen shows with the rest of the app, and no tap can race its loading.
pub fn start() {
    match super::routes::opening_route().and_then(|route| super::route_module(&route)) {
        Some(module) => mount_after(module),
        None => super::schedule::next_task(mount),
    }
}

/// How long a deep link waits for its screen's module before the app mounts
/// without it (then the router loads it, as after a tap).
const MODULE_WAIT_MS: i32 = 4000;

/// Mounts the app once the module of the screen the page was opened at has
/// loaded (see [`super::route_module`]), or after [`MODULE_WAIT_MS`] if it
/// has not by then, so a failed fetch never leaves the page empty.
fn mount_after(module: std::pin::Pin<Box<dyn std::future::Future<Output = ()>>>) {
    let mounted = std::rc::Rc::new(std::cell::Cell::new(false));
    let mount_once = {
        let mounted = mounted.clone();
        move || {
            if !mounted.replace(true) {
                mount();
            }
        }
    };
    let on_timeout = Closure::once_into_js({
        let mount_once = mount_once.clone();
        move || mount_once()
    });
    let timer = leptos::prelude::window().set_timeout_with_callback_and_timeout_and_arguments_0(
        on_timeout.unchecked_ref(),
        MODULE_WAIT_MS,
    );
    wasm_bindgen_futures::spawn_local(async move {
        module.await;
        if let Ok(timer) = timer {
            leptos::prelude::window().clear_timeout_with_handle(timer);
        }
        mount_once();
    });
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
