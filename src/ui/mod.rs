//! The UI shell: the router, the layout and the pages. It reads the domain
//! and talks to browser storage only through the `storage` layer.

pub mod components;
pub mod crash;
pub mod data;
pub mod format;
pub mod hooks;
mod layout;
pub mod messages;
mod pages;
pub mod perf;
pub mod routes;
pub mod schedule;
pub mod start;
pub mod text;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
#[cfg(rollwise_split)]
use leptos_router::lazy_route;
use leptos_router::{path, Lazy, LazyRoute};
use std::future::Future;
use std::pin::Pin;

use data::DataProvider;
use layout::Layout;
use pages::{
    preload_dashboard, AboutPage, AftercarePage, HistoryPage, HomePage, LogPage, NotFoundPage,
    SessionPage, SettingsPage, SetupPage,
};

/// The root component. The data provider sits outside the layout: when the
/// stored data is unreadable or from a newer version, it shows its recovery
/// screen instead of every page, so nothing can edit the data then.
///
/// `page_ready`, when given, holds the page back (the layout renders alone)
/// until it turns true: [`start::mount`] builds the app in two tasks.
#[component]
pub fn App(#[prop(optional, into)] page_ready: Option<Signal<bool>>) -> impl IntoView {
    let page_ready = page_ready.unwrap_or_else(|| Signal::stored(true));
    // Before the data provider decodes the stored document.
    preload_dashboard();
    view! {
        <Router base=routes::base()>
            <DataProvider>
            <Layout>
                <Show when=move || page_ready.get()>
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=HomePage />
                    <Route path=path!("/session") view={Lazy::<SessionRoute>::new()} />
                    <Route path=path!("/aftercare") view={Lazy::<AftercareRoute>::new()} />
                    <Route path=path!("/log") view={Lazy::<LogRoute>::new()} />
                    <Route path=path!("/history") view={Lazy::<HistoryRoute>::new()} />
                    <Route path=path!("/settings") view={Lazy::<SettingsRoute>::new()} />
                    <Route path=path!("/setup") view={Lazy::<SetupRoute>::new()} />
                    <Route path=path!("/about") view={Lazy::<AboutRoute>::new()} />
                </Routes>
                </Show>
            </Layout>
            </DataProvider>
        </Router>
    }
}

/// The loading of the own module of the screen at `route` (a path below the
/// app's base, such as `/session`), or `None` when its page is in the main
/// module. It names the same paths as the `Routes` in [`App`]; keep the two
/// together.
///
/// [`start`] waits for it before mounting the app at a deep link. The router
/// abandons a screen that is still loading when another navigation starts,
/// except for the screen it was opened at: if that one finished loading
/// after a tap on another link, it would replace the newer screen.
pub fn route_module(route: &str) -> Option<Pin<Box<dyn Future<Output = ()>>>> {
    Some(match route.trim_end_matches('/') {
        "/session" => Box::pin(SessionRoute::preload()),
        "/aftercare" => Box::pin(AftercareRoute::preload()),
        "/log" => Box::pin(LogRoute::preload()),
        "/history" => Box::pin(HistoryRoute::preload()),
        "/settings" => Box::pin(SettingsRoute::preload()),
        "/setup" => Box::pin(SetupRoute::preload()),
        "/about" => Box::pin(AboutRoute::preload()),
        _ => return None,
    })
}

/// Declares a route whose page is loaded from its own WASM module the first
/// time it is visited. The release build (`cargo xtask dist`) sets the cfg
/// `rollwise_split` and splits the WASM there (`xtask/src/wasm.rs`); other
/// builds (tests, native) compile the same route without a split point.
macro_rules! lazy_page {
    ($route:ident, $page:ident) => {
        struct $route;

        #[cfg(rollwise_split)]
        #[lazy_route]
        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            fn view(_this: Self) -> AnyView {
                view! { <$page /> }.into_any()
            }
        }

        #[cfg(not(rollwise_split))]
        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            async fn view(_this: Self) -> AnyView {
                view! { <$page /> }.into_any()
            }
        }
    };
}

lazy_page!(SessionRoute, SessionPage);
lazy_page!(AftercareRoute, AftercarePage);
lazy_page!(LogRoute, LogPage);
lazy_page!(HistoryRoute, HistoryPage);
lazy_page!(SettingsRoute, SettingsPage);
lazy_page!(SetupRoute, SetupPage);
lazy_page!(AboutRoute, AboutPage);
