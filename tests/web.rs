//! Browser tests: run by `wasm-bindgen-test-runner` in headless Chromium
//! against the real browser APIs (`cargo xtask test` runs them).
#![cfg(target_arch = "wasm32")]

use rollwise::storage::{self, StorageError};
use serde::{Deserialize, Serialize};
use wasm_bindgen_test::*;

mod common;
use common::sleep;

wasm_bindgen_test_configure!(run_in_browser);

#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Probe {
    name: String,
    count: u32,
}

fn clear(key: &str) {
    web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .remove_item(key)
        .unwrap();
}

#[wasm_bindgen_test]
fn local_storage_round_trip() {
    let key = "rollwise-test-round-trip";
    clear(key);
    assert_eq!(storage::read_json::<Probe>(key), Ok(None));
    let probe = Probe {
        name: "roller".into(),
        count: 3,
    };
    storage::write_json(key, &probe).expect("write to real localStorage");
    // The value is really in localStorage, not just in memory.
    let raw = web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item(key)
        .unwrap();
    assert_eq!(raw.as_deref(), Some(r#"{"name":"roller","count":3}"#));
    assert_eq!(storage::read_json::<Probe>(key), Ok(Some(probe)));
    clear(key);
}

#[wasm_bindgen_test]
fn unreadable_text_is_reported_not_swallowed() {
    let key = "rollwise-test-unreadable";
    let store = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    store.set_item(key, "{not json").unwrap();
    assert!(matches!(
        storage::read_json::<Probe>(key),
        Err(StorageError::Unreadable(_))
    ));
    // Reading never changes what is stored.
    assert_eq!(store.get_item(key).unwrap().as_deref(), Some("{not json"));
    clear(key);
}

/// The cached `Intl.DateTimeFormat`s write what `toLocale*String` with the
/// same options writes, across a DST change and a year boundary.
#[wasm_bindgen_test]
fn cached_date_formatters_match_to_locale_string() {
    use chrono::{TimeZone, Utc};
    use rollwise::ui::format;
    let locale = web_sys::window()
        .and_then(|w| w.navigator().language())
        .unwrap_or_else(|| "en".to_string());
    let options = |pairs: &[(&str, &str)]| {
        let object = js_sys::Object::new();
        for (key, value) in pairs {
            js_sys::Reflect::set(&object, &(*key).into(), &(*value).into()).unwrap();
        }
        object
    };
    let time = [("hour", "numeric"), ("minute", "2-digit")];
    let date = [("weekday", "short"), ("day", "numeric"), ("month", "short")];
    let both = [
        ("weekday", "short"),
        ("day", "numeric"),
        ("month", "short"),
        ("hour", "numeric"),
        ("minute", "2-digit"),
    ];
    let instants = [
        Utc.with_ymd_and_hms(2025, 3, 30, 0, 59, 0).unwrap(),
        Utc.with_ymd_and_hms(2025, 3, 30, 1, 1, 0).unwrap(),
        Utc.with_ymd_and_hms(2025, 12, 31, 23, 30, 0).unwrap(),
        Utc.with_ymd_and_hms(2026, 7, 4, 12, 5, 0).unwrap(),
    ];
    // Formatters made ahead of use (start-up does so) write the same.
    format::prepare();
    for at in instants {
        let js = js_sys::Date::new(&(at.timestamp_millis() as f64).into());
        let expected_time: String = js
            .to_locale_time_string_with_options(&locale, &options(&time))
            .into();
        let expected_date: String = js.to_locale_date_string(&locale, &options(&date)).into();
        let expected_both: String = js.to_locale_string(&locale, &options(&both)).into();
        assert_eq!(format::time(at), expected_time);
        assert_eq!(format::date(at), expected_date);
        assert_eq!(format::date_time(at), expected_both);
    }
}

/// The language tag is read once and kept, and read again after the
/// browser says the language changed.
#[wasm_bindgen_test]
fn the_kept_language_is_forgotten_when_the_language_changes() {
    use chrono::{TimeZone, Utc};
    use rollwise::ui::format;
    let window = web_sys::window().unwrap();
    let language = window.navigator().language();
    let at = Utc.with_ymd_and_hms(2026, 7, 4, 12, 5, 0).unwrap();
    let first = format::date(at);
    assert_eq!(format::kept_locale(), language);
    let change = web_sys::Event::new("languagechange").unwrap();
    window.dispatch_event(&change).unwrap();
    assert_eq!(format::kept_locale(), None);
    assert_eq!(format::date(at), first);
    assert_eq!(format::kept_locale(), language);
}

/// Resolves once `flag` holds `want`, polling in later tasks (at most about
/// two seconds), and returns whether it did.
async fn settles(flag: &std::rc::Rc<std::cell::Cell<u32>>, want: u32) -> bool {
    for _ in 0..200 {
        if flag.get() == want {
            return true;
        }
        sleep(10).await;
    }
    flag.get() == want
}

#[wasm_bindgen_test]
async fn next_task_runs_later_once_and_in_order() {
    use rollwise::ui::schedule::next_task;
    let ran = std::rc::Rc::new(std::cell::Cell::new(0_u32));
    for n in 1..=3 {
        let ran = ran.clone();
        next_task(move || {
            // Each task sees the ones queued before it done, and no later one.
            assert_eq!(ran.get(), n - 1);
            ran.set(n);
        });
    }
    assert_eq!(ran.get(), 0, "nothing runs in the task that queued it");
    assert!(settles(&ran, 3).await, "ran {} of 3 tasks", ran.get());
}

#[wasm_bindgen_test]
async fn after_load_runs_on_a_loaded_page() {
    use rollwise::ui::schedule::after_load;
    assert_eq!(
        web_sys::window().unwrap().document().unwrap().ready_state(),
        "complete"
    );
    let ran = std::rc::Rc::new(std::cell::Cell::new(0_u32));
    let counter = ran.clone();
    after_load(move || counter.set(counter.get() + 1));
    assert_eq!(ran.get(), 0, "it waits for a task of its own");
    assert!(settles(&ran, 1).await);
}

/// The notice shown when the app stops (`ui::crash`): once however often
/// it is asked for, announced, its texts set as text, a link to the page's
/// own address that has the focus, and nothing stored touched.
#[wasm_bindgen_test]
fn the_stopped_notice_shows_once_and_links_back_here() {
    use rollwise::ui::crash::{show_notice, NOTICE_ID};
    use rollwise::ui::text::{
        STOPPED_BODY as BODY, STOPPED_RELOAD as RELOAD, STOPPED_TITLE as TITLE,
    };
    let window = web_sys::window().unwrap();
    let document = window.document().unwrap();
    let storage = window.local_storage().unwrap().unwrap();
    storage.set_item("rollwise-test-stopped", "kept").unwrap();
    let keys_before = storage.length().unwrap();

    show_notice();
    show_notice();

    let children = document.body().unwrap().children();
    let notices = (0..children.length())
        .filter(|&i| {
            children
                .item(i)
                .is_some_and(|child| child.id() == NOTICE_ID)
        })
        .count();
    assert_eq!(notices, 1, "one notice");
    let notice = document.get_element_by_id(NOTICE_ID).unwrap();
    assert_eq!(notice.get_attribute("role").as_deref(), Some("alert"));
    assert_eq!(
        document.body().unwrap().first_element_child().unwrap().id(),
        NOTICE_ID,
        "at the top of the page"
    );
    assert_eq!(
        notice.children().length(),
        3,
        "no markup made from the texts"
    );
    assert_eq!(
        notice.text_content().unwrap(),
        format!("{TITLE}{BODY}{RELOAD}")
    );
    let link = notice.query_selector("a").unwrap().unwrap();
    assert_eq!(link.text_content().as_deref(), Some(RELOAD));
    assert_eq!(link.get_attribute("href"), window.location().href().ok());
    assert_eq!(document.active_element(), Some(link));
    assert_eq!(
        storage.length().unwrap(),
        keys_before,
        "nothing stored changed"
    );
    assert_eq!(
        storage
            .get_item("rollwise-test-stopped")
            .unwrap()
            .as_deref(),
        Some("kept")
    );

    notice.remove();
    storage.remove_item("rollwise-test-stopped").unwrap();
}

/// Resolves in a later task, once the reactive updates queued now have run.
async fn tick() {
    sleep(0).await;
}

/// Where the test page is (its path and query), so a test that navigates
/// can put the address back.
fn address() -> String {
    let location = web_sys::window().unwrap().location();
    format!(
        "{}{}",
        location.pathname().unwrap(),
        location.search().unwrap()
    )
}

fn set_address(to: &str) {
    web_sys::window()
        .unwrap()
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(to))
        .unwrap();
}

/// Where a component inside the router hands a value out to the test.
type Slot<T> = std::sync::Arc<std::sync::Mutex<Option<T>>>;

/// Mounts a [`Router`](rollwise::ui::router::Router) holding `children`
/// in a container of its own. Returns the container, the router's handle
/// and a guard that unmounts it all when dropped.
fn mount_router<V: leptos::prelude::IntoView + 'static>(
    children: impl FnOnce() -> V + Send + 'static,
) -> (
    web_sys::HtmlElement,
    rollwise::ui::router::Navigator,
    impl Drop,
) {
    use leptos::prelude::*;
    use rollwise::ui::router::{use_navigator, Router};
    use wasm_bindgen::JsCast;
    let document = web_sys::window().unwrap().document().unwrap();
    let container: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&container).unwrap();
    let slot: Slot<rollwise::ui::router::Navigator> = Default::default();
    let handle = leptos::mount::mount_to(container.clone(), {
        let slot = slot.clone();
        move || {
            view! {
                <Router>
                    {
                        *slot.lock().unwrap() = Some(use_navigator());
                        children()
                    }
                </Router>
            }
        }
    });
    let navigator = slot.lock().unwrap().take().expect("the router's handle");
    (container, navigator, handle)
}

/// The router (`ui::router`): a navigation changes the address and the
/// route, adds a history entry unless it replaces or goes where the app
/// already is, the query reads decoded, and the back button comes back as
/// the route it leads to.
#[wasm_bindgen_test]
async fn the_router_follows_navigations_and_the_history() {
    use leptos::prelude::*;
    use rollwise::ui::router::use_query;
    let start = address();
    let history = web_sys::window().unwrap().history().unwrap();
    let slot: Slot<Memo<Option<String>>> = Default::default();
    let (container, navigator, handle) = mount_router({
        let slot = slot.clone();
        move || *slot.lock().unwrap() = Some(use_query("session"))
    });
    let session = slot.lock().unwrap().take().expect("the query");
    let entries = history.length().unwrap();

    // (where to, replacing?, the route, the session parameter, entries added)
    let cases = [
        ("/log?session=3", false, "/log", Some("3"), 1),
        // Going where the app already is adds no entry.
        ("/log?session=3", false, "/log", Some("3"), 1),
        ("/history?session=a%20b", true, "/history", Some("a b"), 1),
    ];
    for (to, replace, route, query, added) in cases {
        navigator.navigate(to, replace);
        assert_eq!(address(), to);
        assert_eq!(navigator.route(), route, "{to}");
        assert_eq!(session.get_untracked().as_deref(), query, "{to}");
        assert_eq!(
            history.length().unwrap(),
            entries + added,
            "{to}, replace: {replace}"
        );
    }

    navigator.navigate("/about", false);
    assert_eq!(session.get_untracked(), None);
    history.back().unwrap();
    let back = std::rc::Rc::new(std::cell::Cell::new(0_u32));
    let watch = back.clone();
    Effect::new(move |_| {
        if navigator.route() == "/history" {
            watch.set(1);
        }
    });
    assert!(
        settles(&back, 1).await,
        "the back button led to {}",
        navigator.route()
    );
    assert_eq!(session.get_untracked().as_deref(), Some("a b"));

    drop(handle);
    container.remove();
    set_address(&start);
}

/// Which clicks the router takes: a plain click on a link below the base
/// becomes an in-app navigation; everything else is left to the browser.
#[wasm_bindgen_test]
fn the_router_takes_only_plain_clicks_on_in_app_links() {
    use leptos::prelude::*;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let start = address();
    let (container, navigator, handle) = mount_router(|| {
        view! {
                <a id="rt-plain" href="/about">"About"</a>
                <a id="rt-query" href="/history?session=2"><span id="rt-inner">"Session 2"</span></a>
                <a id="rt-blank" href="/about" target="_blank">"About"</a>
                <a id="rt-download" href="/about" download="about.html">"About"</a>
                <a id="rt-external" href="/about" rel="noopener external">"About"</a>
                <a id="rt-other" href="https://example.org/about">"Elsewhere"</a>
                <a id="rt-fragment" href="#rt-plain">"Up"</a>
                <a id="rt-tel" href="tel:112">"Call"</a>
                <a id="rt-none">"No link"</a>
        }
    });
    // Registered after the router's listener, so it runs after it: it notes
    // whether the router took the click, then stops the browser from
    // following any link, which would leave the test page.
    let taken = std::rc::Rc::new(std::cell::Cell::new(false));
    let guard = Closure::<dyn Fn(web_sys::MouseEvent)>::new({
        let taken = taken.clone();
        move |event: web_sys::MouseEvent| {
            taken.set(event.default_prevented());
            event.prevent_default();
        }
    });
    let window = web_sys::window().unwrap();
    window
        .add_event_listener_with_callback("click", guard.as_ref().unchecked_ref())
        .unwrap();
    let document = window.document().unwrap();
    let click = |id: &str, init: &web_sys::MouseEventInit| {
        navigator.navigate(&start, true);
        let target = document.get_element_by_id(id).unwrap();
        init.set_bubbles(true);
        init.set_cancelable(true);
        let event = web_sys::MouseEvent::new_with_mouse_event_init_dict("click", init).unwrap();
        target.dispatch_event(&event).unwrap();
        taken.get()
    };
    let plain = web_sys::MouseEventInit::new();
    assert!(click("rt-plain", &plain));
    assert_eq!(address(), "/about");
    assert_eq!(navigator.route(), "/about");
    assert!(
        click("rt-inner", &plain),
        "a click inside a link is the link's"
    );
    assert_eq!(address(), "/history?session=2");

    for id in [
        "rt-blank",
        "rt-download",
        "rt-external",
        "rt-other",
        "rt-fragment",
        "rt-tel",
        "rt-none",
    ] {
        assert!(!click(id, &plain), "{id} is the browser's");
        assert_eq!(address(), start, "{id} changed nothing");
    }
    let ctrl = web_sys::MouseEventInit::new();
    ctrl.set_ctrl_key(true);
    let shift = web_sys::MouseEventInit::new();
    shift.set_shift_key(true);
    let meta = web_sys::MouseEventInit::new();
    meta.set_meta_key(true);
    let alt = web_sys::MouseEventInit::new();
    alt.set_alt_key(true);
    let middle = web_sys::MouseEventInit::new();
    middle.set_button(1);
    for (name, init) in [
        ("ctrl", &ctrl),
        ("shift", &shift),
        ("meta", &meta),
        ("alt", &alt),
        ("middle", &middle),
    ] {
        assert!(!click("rt-plain", init), "a {name} click is the browser's");
        assert_eq!(address(), start);
    }

    window
        .remove_event_listener_with_callback("click", guard.as_ref().unchecked_ref())
        .unwrap();
    drop(handle);
    container.remove();
    set_address(&start);
}

/// A link ([`A`](rollwise::ui::router::A)) is marked as the current page
/// while its screen shows, whatever the query, and only then.
#[wasm_bindgen_test]
async fn a_link_is_current_while_its_screen_shows() {
    use leptos::prelude::*;
    use rollwise::ui::router::A;
    let start = address();
    let (container, navigator, handle) = mount_router(|| {
        view! {
                <A href="/log" attr:id="rt-log">"Log"</A>
                <A href="/history?session=4" attr:id="rt-history">"History"</A>
                <A href="/" attr:id="rt-home">"Home"</A>
                <A href="/nowhere" attr:id="rt-nowhere">"Nowhere"</A>
        }
    });
    let current = |id: &str| {
        container
            .query_selector(&format!("#{id}"))
            .unwrap()
            .unwrap()
            .get_attribute("aria-current")
    };
    let cases = [
        ("/log", ["page", "", ""]),
        ("/log/", ["page", "", ""]),
        ("/history", ["", "page", ""]),
        ("/history?session=9", ["", "page", ""]),
        ("/", ["", "", "page"]),
        ("/elsewhere", ["", "", ""]),
    ];
    for (to, want) in cases {
        navigator.navigate(to, true);
        // Attributes follow their signals in a later microtask.
        tick().await;
        let got = ["rt-log", "rt-history", "rt-home"].map(|id| current(id).unwrap_or_default());
        assert_eq!(got, want.map(String::from), "at {to}");
        assert_eq!(
            current("rt-nowhere"),
            None,
            "an unknown route is never current"
        );
    }
    drop(handle);
    container.remove();
    set_address(&start);
}
