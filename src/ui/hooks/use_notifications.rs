//! `use_notifications`: shows a due reminder as a system notice through the
//! service worker (`registration.showNotification`, which also works on
//! Android, where `new Notification` throws), once the person has allowed
//! notices.
//!
//! Invariants:
//! - Permission is only ever asked from [`Notifications::ask`], which the
//!   caller binds to a button: never on load.
//! - Each notice (by its `key`) is shown at most once per page life; the
//!   notice's `tag` also makes the system replace, not stack, a notice
//!   for the same reminder.
//! - Without notice support, a service worker or permission, nothing is
//!   shown and nothing fails: the caller's in-app banner does the work.
//! - Listeners are removed when the calling component is disposed.

use std::cell::RefCell;
use std::collections::BTreeSet;

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{NotificationOptions, NotificationPermission, ServiceWorkerRegistration};

use crate::ui::routes::base;

/// Whether this browser may show notices for the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticePermission {
    /// No Notification API here (e.g. iPhone Safari outside the Home Screen).
    Unsupported,
    /// Not asked yet.
    Ask,
    /// Allowed.
    Granted,
    /// Refused (only the browser's settings can change it now).
    Denied,
}

/// A notice to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// Identifies this notice: shown at most once (e.g. reminder UID and
    /// sequence).
    pub key: String,
    /// The system tag: a later notice with the same tag replaces this one.
    pub tag: String,
    pub title: String,
    pub body: String,
}

/// The handle returned by [`use_notifications`].
#[derive(Clone, Copy)]
pub struct Notifications {
    /// The current permission.
    pub permission: Signal<NoticePermission>,
    state: RwSignal<NoticePermission>,
}

impl Notifications {
    /// Asks the browser for permission. Call it from a button only.
    pub fn ask(&self) {
        let state = self.state;
        if !has_notification_api() {
            state.set(NoticePermission::Unsupported);
            return;
        }
        match web_sys::Notification::request_permission() {
            Ok(promise) => leptos::task::spawn_local(async move {
                // Either way the answer is in `Notification.permission`.
                let _ = JsFuture::from(promise).await;
                state.set(read_permission());
            }),
            Err(err) => {
                leptos::logging::warn!("use_notifications: could not ask: {err:?}");
                state.set(read_permission());
            }
        }
    }
}

thread_local! {
    /// Keys of the notices shown during this page's life.
    static SHOWN: RefCell<BTreeSet<String>> = const { RefCell::new(BTreeSet::new()) };
}

fn has_notification_api() -> bool {
    web_sys::window().is_some_and(|w| {
        js_sys::Reflect::has(&w, &JsValue::from_str("Notification")).unwrap_or(false)
    })
}

fn read_permission() -> NoticePermission {
    if !has_notification_api() {
        return NoticePermission::Unsupported;
    }
    match web_sys::Notification::permission() {
        NotificationPermission::Granted => NoticePermission::Granted,
        NotificationPermission::Denied => NoticePermission::Denied,
        _ => NoticePermission::Ask,
    }
}

fn describe(err: &JsValue) -> String {
    js_sys::Reflect::get(err, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_else(|| format!("{err:?}"))
}

/// The app's service worker registration, if one is registered.
async fn registration() -> Option<ServiceWorkerRegistration> {
    let navigator = web_sys::window()?.navigator();
    if !js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false) {
        return None;
    }
    let container = navigator.service_worker();
    // getRegistration answers at once; `ready` would wait forever when no
    // worker is registered.
    let found = JsFuture::from(container.get_registration()).await.ok()?;
    if found.is_undefined() || found.is_null() {
        return None;
    }
    let ready = JsFuture::from(container.ready().ok()?).await.ok()?;
    ready.dyn_into::<ServiceWorkerRegistration>().ok()
}

async fn show(notice: Notice) {
    let Some(reg) = registration().await else {
        leptos::logging::warn!("use_notifications: no service worker; the banner shows instead");
        return;
    };
    let options = NotificationOptions::new();
    options.set_body(&notice.body);
    options.set_tag(&notice.tag);
    options.set_icon(&format!("{}/icon-192.png", base()));
    match reg.show_notification_with_options(&notice.title, &options) {
        Ok(promise) => {
            if let Err(err) = JsFuture::from(promise).await {
                leptos::logging::warn!("use_notifications: not shown: {}", describe(&err));
            }
        }
        Err(err) => leptos::logging::warn!("use_notifications: not shown: {}", describe(&err)),
    }
}

/// Shows `due` as a system notice whenever it holds a notice not shown yet
/// and notices are allowed: on mount and whenever it changes (the caller
/// derives it from `use_now`, so it changes when the reminder time passes).
/// `on_shown` hears of each notice handed to the system, so the caller can
/// remember it beyond this page's life.
pub fn use_notifications(
    due: Signal<Option<Notice>>,
    on_shown: impl Fn(&Notice) + 'static,
) -> Notifications {
    let state = RwSignal::new(read_permission());
    // The person may change the permission in the browser's settings.
    let focus = window_event_listener(ev::focus, move |_| {
        let now = read_permission();
        if state.get_untracked() != now {
            state.set(now);
        }
    });
    on_cleanup(move || focus.remove());

    Effect::new(move |_| {
        let Some(notice) = due.get() else {
            return;
        };
        if state.get() != NoticePermission::Granted {
            return;
        }
        let fresh = SHOWN.with(|shown| shown.borrow_mut().insert(notice.key.clone()));
        if fresh {
            on_shown(&notice);
            leptos::task::spawn_local(show(notice));
        }
    });

    Notifications {
        permission: state.into(),
        state,
    }
}
