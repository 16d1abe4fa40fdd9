//! The floor's counter, shared by `bench/floor` and `bench/floor-router`
//! (which includes this file), so both measure the same component.

use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, Default)]
struct Saved {
    count: i32,
    at: Option<chrono::DateTime<chrono::Utc>>,
}

#[component]
pub fn Counter() -> impl IntoView {
    let saved: Saved = LocalStorage::get("floor").unwrap_or_default();
    let count = RwSignal::new(saved.count);
    let increment = move |_| {
        count.update(|c| *c += 1);
        let _ = LocalStorage::set("floor", Saved { count: count.get_untracked(), at: Some(chrono::Utc::now()) });
    };
    view! { <button on:click=increment>"Count: " {count}</button> }
}
