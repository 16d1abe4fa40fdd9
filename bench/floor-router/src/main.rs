//! The counter of `bench/floor` behind leptos_router: three routes and
//! their links, the least an app with screens links, to measure what a
//! router adds to the framework's floor.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;

#[path = "../../floor/src/counter.rs"]
mod counter;

use counter::Counter;

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
