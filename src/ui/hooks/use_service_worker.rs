//! `use_service_worker`: registers the app's service worker (offline
//! support) and reports when a new version is waiting to take over.
//!
//! A new version never takes over by itself: the page asks it to with
//! [`ServiceWorker::apply_update`], which reloads once it has. The caller
//! decides when that is safe (never under a running session or soak timer).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

use crate::ui::routes::base;
use crate::ui::schedule::after_load;

/// The listeners added to the registration, removed on cleanup.
type Listeners =
    StoredValue<Vec<(web_sys::EventTarget, &'static str, Closure<dyn Fn()>)>, LocalStorage>;

/// Why the worker could not be registered. Passed to the caller's handler.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ServiceWorkerError {
    /// The browser has no service workers (or blocks them here).
    Unsupported,
    /// Registration was refused; the browser's words.
    Register(String),
}

/// The handle returned by [`use_service_worker`].
#[derive(Clone, Copy)]
pub struct ServiceWorker {
    /// True when a new version is installed and waiting.
    pub update_ready: Signal<bool>,
    registration: StoredValue<Option<ServiceWorkerRegistration>, LocalStorage>,
}

impl ServiceWorker {
    /// Asks the waiting version to take over, and reloads the page when it
    /// has. Does nothing when no version is waiting.
    pub fn apply_update(&self) {
        let waiting = self
            .registration
            .with_value(|reg| reg.as_ref().and_then(ServiceWorkerRegistration::waiting));
        let (Some(waiting), Some(container)) = (waiting, container()) else {
            return;
        };
        let reload = Closure::once_into_js(move || {
            // A reload can only fail when the page is going away anyway.
            let _ = window().location().reload();
        });
        let once = web_sys::AddEventListenerOptions::new();
        once.set_once(true);
        let _ = container.add_event_listener_with_callback_and_add_event_listener_options(
            "controllerchange",
            reload.unchecked_ref(),
            &once,
        );
        // Posting to a worker only fails for uncloneable data; a string is fine.
        let _ = waiting.post_message(&JsValue::from_str("skip-waiting"));
    }
}

fn container() -> Option<ServiceWorkerContainer> {
    let navigator = window().navigator();
    let has =
        js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false);
    has.then(|| navigator.service_worker())
}

/// Registers `sw.js` from the app's folder, with the app's folder as scope,
/// once the page has loaded. Errors go to `on_error`; the app works without
/// a worker, only not offline.
pub fn use_service_worker(on_error: impl Fn(ServiceWorkerError) + 'static) -> ServiceWorker {
    let ready = RwSignal::new(false);
    let registration = StoredValue::new_local(None::<ServiceWorkerRegistration>);
    let listeners: Listeners = StoredValue::new_local(Vec::new());

    let Some(container) = container() else {
        on_error(ServiceWorkerError::Unsupported);
        return ServiceWorker {
            update_ready: ready.into(),
            registration,
        };
    };
    // Installing the worker fetches every file of the app: it waits until
    // the page has loaded, so it never competes with the first screen.
    let disposed = Arc::new(AtomicBool::new(false));
    after_load({
        let disposed = disposed.clone();
        move || {
            if !disposed.load(Ordering::Relaxed) {
                register(&container, ready, registration, listeners, on_error);
            }
        }
    });

    // A page left open for days still learns about new versions: check when
    // it comes back to the foreground, at most every few minutes.
    let last_check = StoredValue::new(0.0_f64);
    let focus = window_event_listener(ev::focus, move |_| {
        let now = js_sys::Date::now();
        if now - last_check.get_value() < Duration::from_secs(300).as_millis() as f64 {
            return;
        }
        last_check.set_value(now);
        registration.with_value(|reg| {
            if let Some(reg) = reg {
                // The promise is only a check; a failed check is retried next time.
                let _ = reg.update();
            }
        });
    });
    on_cleanup(move || {
        disposed.store(true, Ordering::Relaxed);
        focus.remove();
        listeners.update_value(|list| {
            for (target, event, closure) in list.drain(..) {
                let _ = target
                    .remove_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
            }
        });
    });
    ServiceWorker {
        update_ready: ready.into(),
        registration,
    }
}

/// Registers `sw.js` from the app's folder, with the app's folder as scope,
/// and watches the registration for updates.
fn register(
    container: &ServiceWorkerContainer,
    ready: RwSignal<bool>,
    registration: StoredValue<Option<ServiceWorkerRegistration>, LocalStorage>,
    listeners: Listeners,
    on_error: impl Fn(ServiceWorkerError) + 'static,
) {
    let url = format!("{}/sw.js", base());
    let options = web_sys::RegistrationOptions::new();
    options.set_scope(&format!("{}/", base()));
    let promise = container.register_with_options(&url, &options);
    leptos::task::spawn_local(async move {
        match JsFuture::from(promise).await {
            Ok(value) => {
                // A browser (or an automation tool) that blocks workers may
                // resolve with something else: report it, don't call into it.
                let Ok(reg) = value.dyn_into::<ServiceWorkerRegistration>() else {
                    on_error(ServiceWorkerError::Register(
                        "the browser returned no registration".into(),
                    ));
                    return;
                };
                if reg.waiting().is_some() && has_controller() {
                    ready.set(true);
                }
                let watched = reg.clone();
                let on_update_found =
                    Closure::<dyn Fn()>::new(move || watch_installing(&watched, ready));
                let _ = reg.add_event_listener_with_callback(
                    "updatefound",
                    on_update_found.as_ref().unchecked_ref(),
                );
                listeners.update_value(|list| {
                    list.push((reg.clone().into(), "updatefound", on_update_found))
                });
                registration.set_value(Some(reg));
            }
            Err(err) => on_error(ServiceWorkerError::Register(format!("{err:?}"))),
        }
    });
}

fn has_controller() -> bool {
    container().and_then(|c| c.controller()).is_some()
}

/// Marks the update ready once the worker being installed has installed,
/// if an older worker controls the page (a first install is no update).
fn watch_installing(reg: &ServiceWorkerRegistration, ready: RwSignal<bool>) {
    let Some(worker) = reg.installing() else {
        return;
    };
    let watched = worker.clone();
    let on_state = Closure::<dyn Fn()>::new(move || {
        if watched.state() == ServiceWorkerState::Installed && has_controller() {
            ready.set(true);
        }
    });
    let _ =
        worker.add_event_listener_with_callback("statechange", on_state.as_ref().unchecked_ref());
    // The worker object lives as long as its installation; its listener goes
    // with it, so this one closure is handed to the browser.
    on_state.forget();
}
