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
