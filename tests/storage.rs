//! Browser tests of the storage layer against the real `localStorage` of
//! headless Chromium: start-up states, round trip, quota, unavailable
//! storage, two tabs, migration, import and undo.
#![cfg(target_arch = "wasm32")]

use rollwise::domain::{NeedleLength, Session, SessionId, Zone};
use rollwise::storage::backend::{Backend, FailingBackend, LocalStorageBackend, MemoryBackend};
use rollwise::storage::doc::AppDoc;
use rollwise::storage::format::{self, Migrations, CURRENT_VERSION};
use rollwise::storage::store::{
    pre_migration_key, Kept, SaveError, Saved, Startup, Store, DOC_KEY, KEY_PREFIX,
    UNDO_IMPORT_KEY, UNREADABLE_KEY,
};
use rollwise::storage::StorageError;
use serde_json::Value;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

mod common;
use common::sleep;

wasm_bindgen_test_configure!(run_in_browser);

const V1: &str = include_str!("fixtures/stored-v1.json");
const V2: &str = include_str!("fixtures/stored-v2.json");
const SYNTHETIC_V0: &str = include_str!("fixtures/synthetic-v0-mechanism-test.json");

fn local() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// Removes every key of the store and of the junk filler.
fn reset() {
    let storage = local();
    let keys: Vec<String> = (0..storage.length().unwrap())
        .filter_map(|i| storage.key(i).unwrap())
        .filter(|k| k.starts_with(KEY_PREFIX) || k.starts_with("junk-"))
        .collect();
    for key in keys {
        storage.remove_item(&key).unwrap();
    }
}

fn raw(key: &str) -> Option<String> {
    local().get_item(key).unwrap()
}

fn open() -> (Store, rollwise::storage::store::Loaded) {
    Store::open(Box::new(LocalStorageBackend))
}

fn v1_doc() -> AppDoc {
    format::decode(V1).unwrap().doc
}

fn session(id: u64) -> Session {
    let mut s = v1_doc().sessions[0].clone();
    s.id = SessionId(id);
    s.needle = NeedleLength::MM_0_25;
    s.zones_completed = vec![Zone::Chin];
    s
}

#[wasm_bindgen_test]
fn fresh_start_then_round_trip() {
    reset();
    let (mut store, loaded) = open();
    assert_eq!(loaded.startup, Startup::Fresh);
    assert_eq!(loaded.doc, AppDoc::default());
    let mut doc = v1_doc();
    doc.revision = 1;
    assert_eq!(store.save(&doc), Ok(Saved::Written));
    // Really in localStorage, as a versioned document.
    let stored: Value = serde_json::from_str(&raw(DOC_KEY).unwrap()).unwrap();
    assert_eq!(stored["schema_version"], Value::from(CURRENT_VERSION));
    assert_eq!(stored["revision"], Value::from(1));
    let (_, again) = open();
    assert_eq!(again.startup, Startup::Loaded);
    assert_eq!(again.doc, doc);
    reset();
}

#[wasm_bindgen_test]
fn loaded_from_the_current_fixture() {
    reset();
    local().set_item(DOC_KEY, V2).unwrap();
    let (_, loaded) = open();
    assert_eq!(loaded.startup, Startup::Loaded);
    assert_eq!(loaded.doc, format::decode(V2).unwrap().doc);
    assert_eq!(raw(DOC_KEY).as_deref(), Some(V2), "loading never writes");
    reset();
}

/// The backend reads back every text as stored, copied through the
/// browser's encoder: empty, ASCII, accents, other scripts and emoji, long
/// text mixing them; a key that holds the empty text is there, a missing
/// one is not.
#[wasm_bindgen_test]
fn the_backend_reads_text_as_stored() {
    reset();
    let long = "Rolled forehead, then crème on the chin 😊. ".repeat(2000);
    let cases = [
        "",
        "plain",
        "Crème brûlée · 日本語 · 😊🧴",
        "a\u{0}b\u{7f}\u{80}\u{7ff}\u{800}\u{ffff}\u{10000}\u{10ffff}",
        long.as_str(),
    ];
    for (i, text) in cases.iter().enumerate() {
        let key = format!("{KEY_PREFIX}.test.{i}");
        local().set_item(&key, text).unwrap();
        assert_eq!(
            LocalStorageBackend.get(&key),
            Ok(Some(text.to_string())),
            "case {i}"
        );
        assert_eq!(LocalStorageBackend.contains(&key), Ok(true), "case {i}");
        local().remove_item(&key).unwrap();
        assert_eq!(LocalStorageBackend.get(&key), Ok(None), "case {i}");
        assert_eq!(LocalStorageBackend.contains(&key), Ok(false), "case {i}");
    }
    reset();
}

/// A lone surrogate (JavaScript strings may hold one; UTF-8 cannot) reads
/// as U+FFFD, as wasm-bindgen's own conversion gives it.
#[wasm_bindgen_test]
fn a_lone_surrogate_reads_as_the_replacement_character() {
    reset();
    let key = format!("{KEY_PREFIX}.test.surrogate");
    let text = js_sys::JsString::from_char_code(&[0x61, 0xD800, 0x62]);
    let set_item: js_sys::Function = js_sys::Reflect::get(&local(), &"setItem".into())
        .unwrap()
        .unchecked_into();
    set_item
        .call2(&local(), &JsValue::from_str(&key), &text)
        .unwrap();
    assert_eq!(
        LocalStorageBackend.get(&key),
        Ok(Some("a\u{fffd}b".to_string()))
    );
    assert_eq!(
        LocalStorageBackend.get(&key).unwrap(),
        local().get_item(&key).unwrap(),
        "the same text as web-sys reads"
    );
    reset();
}

/// Every unreadable kind is kept aside untouched and saving waits.
#[wasm_bindgen_test]
fn unreadable_text_is_kept_untouched() {
    let wrong_types = V1.replacen("\"sound\": true", "\"sound\": \"loud\"", 1);
    let invalid = V1.replacen(
        "\"passes_per_direction\": 5",
        "\"passes_per_direction\": 9",
        2,
    );
    assert_ne!(wrong_types, V1);
    assert_ne!(invalid, V1);
    let cases = [
        (
            "bad JSON",
            "{\"schema_version\": 1, \"revision\":".to_string(),
        ),
        ("wrong types", wrong_types),
        ("failed validation", invalid),
    ];
    for (name, text) in cases {
        reset();
        local().set_item(DOC_KEY, &text).unwrap();
        let (mut store, loaded) = open();
        let Startup::Unreadable {
            raw: kept_raw,
            kept,
            ..
        } = loaded.startup
        else {
            panic!("{name}: {:?}", loaded.startup)
        };
        assert_eq!(kept_raw, text, "{name}");
        assert_eq!(kept, Kept::Key(UNREADABLE_KEY.into()), "{name}");
        assert_eq!(raw(UNREADABLE_KEY).as_ref(), Some(&text), "{name}");
        assert_eq!(store.save(&v1_doc()), Err(SaveError::Paused), "{name}");
        assert_eq!(
            raw(DOC_KEY).as_ref(),
            Some(&text),
            "{name}: autosave stays off"
        );
        // The person chooses to start afresh: the kept copy stays.
        store.resolve_recovery(&AppDoc::default()).unwrap();
        assert_eq!(raw(UNREADABLE_KEY).as_ref(), Some(&text), "{name}");
    }
    reset();
}

#[wasm_bindgen_test]
fn a_newer_version_is_never_overwritten() {
    reset();
    let newer = format!(
        "{{\"schema_version\": {}, \"future\": true}}",
        CURRENT_VERSION + 1
    );
    local().set_item(DOC_KEY, &newer).unwrap();
    let (mut store, loaded) = open();
    assert!(matches!(loaded.startup, Startup::Newer { found, .. } if found == CURRENT_VERSION + 1));
    assert!(matches!(store.save(&v1_doc()), Err(SaveError::Newer(_))));
    assert!(matches!(store.delete_all(), Err(SaveError::Newer(_))));
    assert_eq!(raw(DOC_KEY), Some(newer));
    reset();
}

/// TEST OF THE MECHANISM ONLY: version 0 never existed. This step turns the
/// synthetic v0 fixture into version 1 the way a real step does.
fn synthetic_v0_to_v1(mut value: Value) -> Result<Value, String> {
    let object = value.as_object_mut().ok_or("not an object")?;
    object.remove("_note");
    let passes = object.remove("passes").ok_or("no passes")?;
    object["preferences"]["passes_per_direction"] = passes;
    object.insert("schema_version".into(), Value::from(1));
    Ok(value)
}

/// Each earlier document, through real localStorage: version 1's fixture by
/// the real chain, and the synthetic v0 (a test of the mechanism) by a
/// chain that starts with its own step. Each is migrated to the current
/// version and written, and its original text is kept under its own key.
#[wasm_bindgen_test]
fn migration_from_every_earlier_fixture_keeps_a_copy() {
    let synthetic = Migrations {
        first: 0,
        steps: &[synthetic_v0_to_v1, format::v1::to_v2],
    };
    for (version, text, chain) in [(1, V1, format::MIGRATIONS), (0, SYNTHETIC_V0, synthetic)] {
        reset();
        local().set_item(DOC_KEY, text).unwrap();
        let (_, loaded) = Store::open_with(Box::new(LocalStorageBackend), chain);
        assert_eq!(
            loaded.startup,
            Startup::Migrated {
                from: version,
                copy_key: pre_migration_key(version)
            }
        );
        assert_eq!(loaded.write_error, None);
        assert_eq!(raw(&pre_migration_key(version)).as_deref(), Some(text));
        let now_stored = format::decode(&raw(DOC_KEY).unwrap()).unwrap();
        assert_eq!(now_stored.from_version, CURRENT_VERSION);
        assert_eq!(now_stored.doc.sessions, v1_doc().sessions);
        assert_eq!(now_stored.doc, loaded.doc);
    }
    reset();
}

/// Fills localStorage with junk until even one more character is refused.
fn fill_storage() -> usize {
    let storage = local();
    let mut chunk = 1 << 20;
    let mut n = 0;
    while chunk >= 1 {
        let value = "x".repeat(chunk);
        if storage.set_item(&format!("junk-{n}"), &value).is_ok() {
            n += 1;
        } else {
            chunk /= 2;
        }
    }
    n
}

fn remove_junk(count: usize) {
    for n in 0..count {
        local().remove_item(&format!("junk-{n}")).unwrap();
    }
}

#[wasm_bindgen_test]
fn a_full_quota_keeps_everything_and_reports() {
    reset();
    let (mut store, _) = open();
    let mut doc = v1_doc();
    doc.revision = 1;
    store.save(&doc).unwrap();
    let before = raw(DOC_KEY).unwrap();
    let junk = fill_storage();
    assert!(junk > 0);
    let mut bigger = doc.clone();
    bigger.sessions.extend((100..140).map(session));
    bigger.revision += 1;
    let result = store.save(&bigger);
    assert!(
        matches!(
            result,
            Err(SaveError::Write(StorageError::QuotaExceeded(_)))
        ),
        "{result:?}"
    );
    // Nothing of the person's was removed or changed, no junk either.
    assert_eq!(raw(DOC_KEY), Some(before));
    assert!(raw("junk-0").is_some());
    remove_junk(junk);
    // Once there is room again, the same save goes through.
    assert_eq!(store.save(&bigger), Ok(Saved::Written));
    assert_eq!(format::decode(&raw(DOC_KEY).unwrap()).unwrap().doc, bigger);
    reset();
}

/// Shadows `window.localStorage` with a getter that throws, as some private
/// modes do, and restores it afterwards.
struct ThrowingLocalStorage {
    original: JsValue,
}

impl ThrowingLocalStorage {
    fn install() -> Self {
        let window = web_sys::window().unwrap();
        let key = JsValue::from_str("localStorage");
        let original = js_sys::Reflect::get_own_property_descriptor(&window, &key).unwrap();
        let getter = js_sys::Function::new_no_args(
            "throw new DOMException('The operation is insecure.', 'SecurityError');",
        );
        let descriptor = js_sys::Object::new();
        js_sys::Reflect::set(&descriptor, &"get".into(), &getter).unwrap();
        js_sys::Reflect::set(&descriptor, &"configurable".into(), &JsValue::TRUE).unwrap();
        assert!(js_sys::Reflect::define_property(&window, &key, &descriptor).unwrap());
        ThrowingLocalStorage { original }
    }
}

impl Drop for ThrowingLocalStorage {
    fn drop(&mut self) {
        let window = web_sys::window().unwrap();
        let key = JsValue::from_str("localStorage");
        if self.original.is_undefined() {
            js_sys::Reflect::delete_property(&window, &key).unwrap();
        } else {
            let descriptor: js_sys::Object = self.original.clone().into();
            js_sys::Reflect::define_property(&window, &key, &descriptor).unwrap();
        }
    }
}

#[wasm_bindgen_test]
fn storage_that_throws_runs_in_memory() {
    reset();
    {
        let _shadow = ThrowingLocalStorage::install();
        assert!(matches!(
            rollwise::storage::available(),
            Err(StorageError::Unavailable(_))
        ));
        let (mut store, loaded) = open();
        assert!(
            matches!(loaded.startup, Startup::Unavailable(_)),
            "{:?}",
            loaded.startup
        );
        assert!(store.is_memory());
        let mut doc = v1_doc();
        doc.revision = 1;
        assert_eq!(store.save(&doc), Ok(Saved::Written));
    }
    // Nothing reached the real storage, which works again.
    assert_eq!(raw(DOC_KEY), None);
    assert_eq!(rollwise::storage::available(), Ok(()));
}

#[wasm_bindgen_test]
fn a_backend_that_fails_every_call_runs_in_memory() {
    let (store, loaded) = Store::open(Box::new(FailingBackend));
    assert!(matches!(loaded.startup, Startup::Unavailable(_)));
    assert!(store.is_memory());
}

/// Writes what another tab would: the stored document, edited, with its
/// revision bumped.
fn other_tab_writes(edit: impl FnOnce(&mut AppDoc)) -> AppDoc {
    let mut theirs = format::decode(&raw(DOC_KEY).unwrap()).unwrap().doc;
    edit(&mut theirs);
    theirs.revision += 1;
    local().set_item(DOC_KEY, &format::encode(&theirs)).unwrap();
    theirs
}

#[wasm_bindgen_test]
fn two_tabs_adding_sessions_are_merged() {
    reset();
    let (mut store, _) = open();
    let mut ours = v1_doc();
    ours.revision = 1;
    store.save(&ours).unwrap();
    other_tab_writes(|d| d.sessions.push(session(500)));
    ours.sessions.push(session(600));
    ours.revision += 1;
    let Ok(Saved::Merged(merged)) = store.save(&ours) else {
        panic!("expected a merge");
    };
    let stored = format::decode(&raw(DOC_KEY).unwrap()).unwrap().doc;
    assert_eq!(stored, *merged);
    for id in [500, 600] {
        assert!(stored.sessions.iter().any(|s| s.id.0 == id), "{id} lost");
    }
    reset();
}

#[wasm_bindgen_test]
fn two_tabs_changing_the_roller_is_refused() {
    reset();
    let (mut store, _) = open();
    let mut ours = v1_doc();
    ours.revision = 1;
    store.save(&ours).unwrap();
    let theirs = other_tab_writes(|d| d.device.as_mut().unwrap().sessions_used = 40);
    ours.device.as_mut().unwrap().sessions_used = 9;
    ours.revision += 1;
    let err = store.save(&ours).unwrap_err();
    assert!(
        matches!(&err, SaveError::Conflict { theirs: t, .. } if **t == theirs),
        "{err:?}"
    );
    // The other tab's version stays; ours was not written over it.
    assert_eq!(format::decode(&raw(DOC_KEY).unwrap()).unwrap().doc, theirs);
    reset();
}

#[wasm_bindgen_test]
fn import_replaces_and_can_be_undone() {
    reset();
    let (mut store, _) = open();
    let mut current = v1_doc();
    current.revision = 1;
    store.save(&current).unwrap();
    let incoming = AppDoc {
        sessions: vec![session(9)],
        ..AppDoc::default()
    };
    let now = chrono::Utc::now();
    let stored = store.apply_import(&current, &incoming, now).unwrap();
    assert_eq!(stored.sessions, incoming.sessions);
    assert!(raw(UNDO_IMPORT_KEY).is_some());
    let restored = store.undo_import(&stored).unwrap();
    assert_eq!(restored.sessions, current.sessions);
    assert_eq!(
        format::decode(&raw(DOC_KEY).unwrap()).unwrap().doc,
        restored
    );
    assert_eq!(raw(UNDO_IMPORT_KEY), None);
    reset();
}

#[wasm_bindgen_test]
fn delete_all_removes_only_the_apps_keys() {
    reset();
    local().set_item("someone-else", "keep").unwrap();
    let (mut store, _) = open();
    let mut doc = v1_doc();
    doc.revision = 1;
    store.save(&doc).unwrap();
    local().set_item(UNREADABLE_KEY, "old").unwrap();
    store.delete_all().unwrap();
    assert_eq!(raw(DOC_KEY), None);
    assert_eq!(raw(UNREADABLE_KEY), None);
    assert_eq!(raw("someone-else").as_deref(), Some("keep"));
    local().remove_item("someone-else").unwrap();
    let memory = MemoryBackend::new();
    assert_eq!(memory.keys(), Ok(vec![]));
}

// The reactive glue (`rollwise::ui::data`) over the real store.

use leptos::prelude::*;
use rollwise::ui::data::{AppData, DataProvider, SAVE_DELAY};

#[wasm_bindgen_test]
async fn an_update_is_saved_after_the_debounce() {
    reset();
    let owner = Owner::new();
    let data = owner.with(|| AppData::open(Box::new(LocalStorageBackend)));
    assert!(data.status().get_untracked().first_run);
    data.update(|d| d.preferences.sound = false);
    assert_eq!(raw(DOC_KEY), None, "saving waits for the debounce");
    sleep(SAVE_DELAY.as_millis() as i32 + 200).await;
    let stored = format::decode(&raw(DOC_KEY).expect("saved")).unwrap().doc;
    assert!(!stored.preferences.sound);
    assert_eq!(stored.revision, 1);
    assert_eq!(stored, data.doc().get_untracked());
    drop(owner);
    reset();
}

#[wasm_bindgen_test]
fn a_failed_save_is_shown_until_a_save_succeeds() {
    reset();
    let owner = Owner::new();
    let data = owner.with(|| AppData::open(Box::new(LocalStorageBackend)));
    let junk = fill_storage();
    data.update(|d| d.sessions.extend((1..30).map(session)));
    data.flush();
    assert!(matches!(
        data.status().get_untracked().write_failed,
        Some(SaveError::Write(StorageError::QuotaExceeded(_)))
    ));
    assert_eq!(
        data.doc().get_untracked().sessions.len(),
        29,
        "kept in memory"
    );
    assert_eq!(raw(DOC_KEY), None);
    remove_junk(junk);
    data.retry_save();
    assert_eq!(data.status().get_untracked().write_failed, None);
    assert_eq!(
        format::decode(&raw(DOC_KEY).unwrap())
            .unwrap()
            .doc
            .sessions
            .len(),
        29
    );
    drop(owner);
    reset();
}

#[wasm_bindgen_test]
fn the_provider_shows_recovery_instead_of_the_pages() {
    reset();
    let garbage = "{\"schema_version\": 1, \"sessions\": [";
    local().set_item(DOC_KEY, garbage).unwrap();
    let document = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone(), || {
        view! { <DataProvider><p id="child-page">"page"</p></DataProvider> }
    });
    let html = host.inner_html();
    assert!(html.contains("data-recovery"), "{html}");
    assert!(
        !html.contains("child-page"),
        "no page may edit data in recovery"
    );
    assert_eq!(raw(DOC_KEY).as_deref(), Some(garbage));
    assert_eq!(raw(UNREADABLE_KEY).as_deref(), Some(garbage));
    drop(handle);
    host.remove();
    reset();
}

#[wasm_bindgen_test]
fn the_provider_renders_the_pages_when_loaded() {
    reset();
    local().set_item(DOC_KEY, V2).unwrap();
    let document = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone(), || {
        view! { <DataProvider><p id="child-page">"page"</p></DataProvider> }
    });
    let html = host.inner_html();
    assert!(html.contains("child-page"), "{html}");
    assert!(!html.contains("data-recovery"), "{html}");
    drop(handle);
    host.remove();
    reset();
}
