//! The counter of `bench/floor` behind leptos_router: three routes and
//! their links, the least an app with screens links, to measure what a
//! router adds to the framework's floor.

use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, Default)]
struct Saved {
    count: i32,
    at: Option<chrono::DateTime<chrono::Utc>>,
}

#[component]
fn Counter() -> impl IntoView {
    let saved: Saved = LocalStorage::get("floor").unwrap_or_default();
    let count = RwSignal::new(saved.count);
    let increment = move |_| {
        count.update(|c| *c += 1);
        let _ = LocalStorage::set("floor", Saved { count: count.get_untracked(), at: Some(chrono::Utc::now()) });
    };
    view! { <button on:click=increment>"Count: " {count}</button> }
}

#[component]
fn Other() -> impl IntoView {
    view! { <p>"Another screen"</p> }
}

fn main() {
    leptos::mount::mount_to_body(|| {
        view! {
            <Router>
                <nav>
                    <A href="/">"Counter"</A>
                    <A href="/one">"One"</A>
                    <A href="/two">"Two"</A>
                </nav>
                <Routes fallback=|| "Not found">
                    <Route path=path!("/") view=Counter />
                    <Route path=path!("/one") view=Other />
                    <Route path=path!("/two") view=Other />
                </Routes>
            </Router>
        }
    });
}
