//! Starting the app in the page. `index.html` may hold a pre-rendered copy
//! of a first visit's start page (`xtask/src/shell.rs`), shown while the
//! WASM loads; the app takes its place.

use leptos::prelude::*;

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
/// without it (then the screen shows once its module has loaded, as after
/// a tap).
const MODULE_WAIT_MS: u64 = 4000;

/// Mounts the app once the module of the screen the page was opened at has
/// loaded (see [`super::route_module`]), or after [`MODULE_WAIT_MS`] if it
/// has not by then, so a slow fetch never leaves the page empty. A fetch
/// that fails stops the app, and the page says so ([`super::crash`]).
fn mount_after(module: std::pin::Pin<Box<dyn std::future::Future<Output = ()>>>) {
    let mounted = std::rc::Rc::new(std::cell::Cell::new(false));
    let mount_once = move || {
        if !mounted.replace(true) {
            mount();
        }
    };
    let timer = set_timeout_with_handle(
        mount_once.clone(),
        std::time::Duration::from_millis(MODULE_WAIT_MS),
    );
    wasm_bindgen_futures::spawn_local(async move {
        module.await;
        if let Ok(timer) = timer {
            timer.clear();
        }
        mount_once();
    });
}

/// The class the inline script of `index.html` puts on `<html>` when the
/// pre-rendered copy shows (`xtask/src/shell.rs`).
pub const SHELL_CLASS: &str = "rw-shell";

/// The class on `<html>` that hides the app while it is built beside the
/// pre-rendered copy (see `style/main.css`).
pub const BUILDING_CLASS: &str = "rw-building";

/// Mounts the app, and removes the pre-rendered copy so that no frame shows
/// neither or both.
///
/// Where the copy is on screen (a first visit of the start page), the app is
/// built hidden beside it in two tasks, the layout in this one and the page
/// in the next, and takes the copy's place at the end of the second: a slow
/// phone then never runs one long task for the whole first render, and the
/// copy stays until the app is complete. Elsewhere the app mounts at once.
pub fn mount() {
    super::perf::mark(super::perf::MOUNT);
    let copy = document().get_element_by_id(PRERENDERED_ID);
    let root = document().document_element();
    let shown = root
        .as_ref()
        .is_some_and(|root| root.class_list().contains(SHELL_CLASS));
    match (copy, root) {
        (Some(copy), Some(root)) if shown => {
            // Adding a class to a live element does not fail.
            let _ = root.class_list().add_1(BUILDING_CLASS);
            let page_ready = RwSignal::new(false);
            leptos::mount::mount_to_body(move || view! { <App page_ready=page_ready /> });
            super::schedule::next_task(move || {
                page_ready.set(true);
                // The page renders in this task's microtasks, before the
                // next frame, which then shows the whole app alone.
                copy.remove();
                let _ = root.class_list().remove_1(BUILDING_CLASS);
            });
        }
        (copy, _) => {
            if let Some(copy) = copy {
                copy.remove();
            }
            leptos::mount::mount_to_body(|| view! { <App /> });
        }
    }
}
