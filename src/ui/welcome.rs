//! The welcome: what a first visit of the start page shows, and the small
//! first stage that shows it.
//!
//! A first visit (nothing stored, at the start page: the inline script of
//! `index.html` marks `<html>` with `rw-shell`) needs no more than this
//! screen. In the release build everything else, the router, the data
//! provider, the store and every other screen, is the app's own WASM module
//! (`ui::app_start`), fetched once the welcome is interactive. The welcome
//! is rendered from the main module meanwhile ([`show`]), with the same
//! components and markup as the app's welcome, into the pre-rendered
//! copy's place; the app then takes that place the way it takes the copy's
//! (`ui::start::mount`).
//!
//! Invariants:
//! - Nothing the person does on the first stage is lost: a tap on a link
//!   is followed once the app is there ([`finish`]), a backup
//!   file chosen is read by the app's import panel ([`take_pending_file`]).
//! - The first stage reads and writes no storage: it cannot change data.

use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::data::text as data_text;
use super::layout::{Frame, PageHeading};
use super::router::A;
use super::routes::href;
use super::text;
use super::text::home as home_text;

/// The file input of the welcome's restore card.
pub const IMPORT_ID: &str = "home-import";
/// The file input of the first-run banner's restore offer.
pub const FIRST_RUN_IMPORT_ID: &str = "first-run-import-file";

/// The welcome's content. `restore` is the restore card's file picker:
/// the app's import panel, or the first stage's picker.
#[component]
pub fn Welcome(restore: AnyView) -> impl IntoView {
    // The last part of the welcome: once it is in the page, so is every
    // control the first stage could have had focused.
    let last = NodeRef::<leptos::html::Section>::new();
    last.on_load(|_| {
        if let Some(index) = CARRIED.with_borrow_mut(|c| c.focused.take()) {
            focus_at(index);
        }
    });
    view! {
        <PageHeading text=text::HOME.title />
        <h2 class="home-welcome">{home_text::WELCOME_TITLE}</h2>
        <p class="intro">{home_text::WELCOME_INTRO}</p>
        <ul class="home-points">
            {home_text::WELCOME_POINTS.iter().map(|p| view! { <li>{*p}</li> }).collect_view()}
        </ul>
        <p class="muted">
            {home_text::WELCOME_NOT_ADVICE} " "
            <A href=href(text::ABOUT_PATH)>{home_text::READ_MORE}</A>
        </p>
        <A href=href("/setup") attr:class="button button-big button-wide home-action">
            {home_text::SET_UP}
        </A>
        <section class="card home-restore" aria-labelledby="home-restore-title" node_ref=last>
            <h2 id="home-restore-title">{home_text::RESTORE_HEADING}</h2>
            <p>{home_text::RESTORE_BODY}</p>
            {restore}
        </section>
    }
}

/// The first-run banner's offer to restore a backup; `picker` is its file
/// picker. It opens as the first stage's was left.
#[component]
pub fn FirstRunRestore(picker: AnyView) -> impl IntoView {
    let open = CARRIED.with_borrow_mut(|c| std::mem::take(&mut c.banner_open));
    view! {
        <details class="data-banner data-banner-info data-first-run" open=open>
            <summary>{data_text::FIRST_RUN_RESTORE}</summary>
            {picker}
        </details>
    }
}

/// The label and input of a backup file picker; `body` follows them (what
/// the import panel says about the chosen file).
pub fn file_picker(
    id: &'static str,
    on_change: impl FnMut(leptos::ev::Event) + 'static,
    body: AnyView,
) -> impl IntoView {
    view! {
        <div class="data-import">
            <label for=id class="data-file-label">{data_text::IMPORT_LABEL}</label>
            <input id=id class="data-file-input" type="file" accept=".json,application/json" on:change=on_change />
            {body}
        </div>
    }
}

/// What the person did on the first stage, for the app to carry on.
#[derive(Default)]
struct Pending {
    /// The in-app link tapped last (path and query).
    route: Option<String>,
    /// The backup file chosen last, and the picker it was chosen in.
    file: Option<(&'static str, web_sys::File)>,
    /// The first stage's listener for taps on links, until the app takes
    /// over.
    clicks: Option<WindowListenerHandle>,
}

thread_local! {
    static PENDING: RefCell<Pending> = RefCell::new(Pending::default());
    static CARRIED: RefCell<Carried> = RefCell::new(Carried::default());
}

/// What the person changed on the first stage that its markup does not
/// hold, for the app's welcome (the same markup) to take up as it renders.
#[derive(Default)]
struct Carried {
    /// The position of the focused control among what can take the focus.
    focused: Option<u32>,
    /// The first-run banner's offer to restore a backup was open.
    banner_open: bool,
}

/// What can take the focus, in document order.
const FOCUSABLE: &str = "a[href], button, input, select, textarea, summary, [tabindex]";

/// Keeps what the person changed on the first stage (in `container`) for
/// the app's welcome: call it before the app renders.
pub fn carry_from(container: &web_sys::Element) {
    let focused = document().active_element().and_then(|active| {
        let all = container.query_selector_all(FOCUSABLE).ok()?;
        (0..all.length()).find(|&i| {
            all.get(i)
                .is_some_and(|node| node.is_same_node(Some(active.as_ref())))
        })
    });
    let banner_open = container
        .query_selector("details.data-first-run[open]")
        .ok()
        .flatten()
        .is_some();
    CARRIED.set(Carried {
        focused,
        banner_open,
    });
}

/// Focuses the control at `index` among what can take the focus in the
/// page.
fn focus_at(index: u32) {
    let element = document()
        .body()
        .and_then(|body| body.query_selector_all(FOCUSABLE).ok())
        .and_then(|all| all.get(index))
        .and_then(|node| node.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        // Focus only fails on a detached element; nothing to do then.
        let _ = element.focus();
    }
}

/// The in-app link tapped on the first stage so far, if any.
pub fn pending_route() -> Option<String> {
    PENDING.with_borrow(|p| p.route.clone())
}

/// Ends the first stage's handling of taps, as the app mounts, and returns
/// the in-app link tapped on it, if any (once).
pub fn finish() -> Option<String> {
    PENDING.with_borrow_mut(|p| {
        if let Some(clicks) = p.clicks.take() {
            clicks.remove();
        }
        p.route.take()
    })
}

/// The backup file chosen on the first stage in the picker `id`, if any
/// (once).
pub fn take_pending_file(id: &str) -> Option<web_sys::File> {
    PENDING.with_borrow_mut(|p| match &p.file {
        Some((picker, _)) if *picker == id => p.file.take().map(|(_, file)| file),
        _ => None,
    })
}

/// The first stage's picker: it keeps the chosen file for the app and says
/// that it is being read.
fn first_stage_picker(id: &'static str, wake: impl Fn() + Copy + 'static) -> AnyView {
    let chosen = RwSignal::new(false);
    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|list| list.get(0)) else {
            return;
        };
        PENDING.with_borrow_mut(|p| p.file = Some((id, file)));
        chosen.set(true);
        wake();
    };
    let body = move || {
        chosen.get().then(|| {
            view! { <p class="data-note" role="status">{data_text::IMPORT_READING}</p> }
        })
    };
    file_picker(id, on_change, body.into_any()).into_any()
}

/// Returns true when the page shows the pre-rendered welcome of a first
/// visit: the first stage then shows the welcome.
pub fn first_visit() -> bool {
    let shown = document()
        .document_element()
        .is_some_and(|root| root.class_list().contains(super::start::SHELL_CLASS));
    shown
        && document()
            .get_element_by_id(super::start::PRERENDERED_ID)
            .is_some()
}

/// Shows the welcome in the pre-rendered copy's place, interactive, and
/// calls `load_app` once it is: to fetch the app, which takes over. A tap
/// on an in-app link or a chosen file is kept for the app
/// ([`finish`], [`take_pending_file`]), and asks for the app at
/// once if it has not been asked for yet.
pub fn show(load_app: impl Fn() + Copy + 'static) {
    let Some(copy) = document().get_element_by_id(super::start::PRERENDERED_ID) else {
        load_app();
        return;
    };
    super::perf::mark_once(super::perf::MOUNT);
    // Nothing is stored (the inline script found nothing), so there is
    // nothing to open.
    super::perf::mark_once(super::perf::DATA_OPENED);
    copy.set_inner_html("");
    let _ = copy.remove_attribute("inert");
    let _ = copy.remove_attribute("aria-hidden");
    let Ok(container) = copy.dyn_into::<web_sys::HtmlElement>() else {
        load_app();
        return;
    };
    let clicks = window_event_listener(leptos::ev::click, move |event| {
        if let Some(to) = super::router::in_app_link(&event) {
            event.prevent_default();
            // A link to the welcome itself leads nowhere new.
            let location = window().location();
            let here = format!(
                "{}{}",
                location.pathname().unwrap_or_default(),
                location.search().unwrap_or_default()
            );
            if to != here {
                PENDING.with_borrow_mut(|p| p.route = Some(to));
            }
            load_app();
        }
    });
    PENDING.with_borrow_mut(|p| p.clicks = Some(clicks));
    let handle = leptos::mount::mount_to(container, move || {
        let banner = first_stage_picker(FIRST_RUN_IMPORT_ID, load_app);
        let restore = first_stage_picker(IMPORT_ID, load_app);
        view! {
            <Frame banners=view! {
                <div class="data-banners"><FirstRunRestore picker=banner /></div>
            }
            .into_any()>
                <Welcome restore />
            </Frame>
        }
    });
    // The first stage lives until the app removes its container.
    handle.forget();
    // The heading has marked the welcome interactive by the next task.
    super::schedule::next_task(load_app);
}
