//! Browser tests: run by `wasm-bindgen-test-runner` in headless Chromium
//! against the real browser APIs (`cargo xtask test` runs them).
#![cfg(target_arch = "wasm32")]

use rollwise::storage::{self, StorageError};
use serde::{Deserialize, Serialize};
use wasm_bindgen_test::*;

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
        let tick = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window()
                .unwrap()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(tick).await.unwrap();
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
