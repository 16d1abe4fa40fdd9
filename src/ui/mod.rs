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
pub mod router;
pub mod routes;
pub mod schedule;
pub mod start;
pub mod text;
pub mod welcome;

#[cfg(rollwise_split)]
use leptos::prelude::lazy;
use leptos::prelude::*;
use std::future::Future;
use std::pin::Pin;

use data::DataProvider;
use layout::Layout;
use pages::{
    preload_dashboard, AboutPage, AftercarePage, HistoryPage, HomePage, LogPage, NotFoundPage,
    SessionPage, SettingsPage, SetupPage,
};
use router::{use_navigator, Router};
use routes::Screen;

/// The root component. The data provider sits outside the layout: when the
/// stored data is unreadable or from a newer version, it shows its recovery
/// screen instead of every page, so nothing can edit the data then.
///
/// `page_ready`, when given, holds the page back (the layout renders alone)
/// until it turns true: [`start::mount`] builds the app in two tasks.
/// `navigated`: the app opens where a tap on the welcome's first stage led
/// (`ui::welcome`), so the page's heading takes focus.
#[component]
pub fn App(
    #[prop(optional, into)] page_ready: Option<Signal<bool>>,
    #[prop(optional)] navigated: bool,
) -> impl IntoView {
    let page_ready = page_ready.unwrap_or_else(|| Signal::stored(true));
    // Before the data provider decodes the stored document.
    preload_dashboard();
    view! {
        <Router>
            <DataProvider>
            <Layout navigated>
                <Show when=move || page_ready.get()>
                    <Screens />
                </Show>
            </Layout>
            </DataProvider>
        </Router>
    }
}

/// Starts the app ([`start::start_app`]). In the release build (the cfg
/// `rollwise_split`) this is the app's own WASM module: everything but the
/// welcome's first stage (`ui::welcome`) is loaded with it. `from_welcome`:
/// that first stage is on screen.
#[cfg_attr(rollwise_split, lazy)]
async fn app(from_welcome: bool) {
    start::start_app(from_welcome);
}

/// The screen of the current route.
///
/// The screen changes in a task of its own, after the effects the
/// navigation woke in the screen it leaves have run: they never find their
/// screen gone. A screen with a module of its own shows once that module has
/// loaded; until then the screen before it stays. When the route changes
/// again meanwhile, only the newest route's screen shows: a module that
/// finishes loading later changes nothing.
#[component]
fn Screens() -> impl IntoView {
    let navigator = use_navigator();
    let wanted = Memo::new(move |_| Screen::at(&navigator.route()));
    let shown = RwSignal::new(wanted.get_untracked());
    // Counts the route changes, so a change can tell whether it is the newest.
    let changes = StoredValue::new(0_u32);
    Effect::new(move |_| {
        let screen = wanted.get();
        let change = changes.get_value().wrapping_add(1);
        changes.set_value(change);
        if shown.get_untracked() == screen {
            return;
        }
        let module = screen_module(screen);
        leptos::task::spawn_local(async move {
            if let Some(module) = module {
                module.await;
            }
            if changes.try_get_value() == Some(change) {
                shown.try_set(screen);
            }
        });
    });
    move || screen_view(shown.get())
}

/// The view of a screen. A screen with a module of its own renders once
/// the module is there, at once when it has loaded before.
fn screen_view(screen: Screen) -> AnyView {
    let page: Pin<Box<dyn Future<Output = AnyView> + Send>> = match screen {
        Screen::Home => return view! { <HomePage /> }.into_any(),
        Screen::NotFound => return view! { <NotFoundPage /> }.into_any(),
        Screen::Session => Box::pin(session_route_view()),
        Screen::Aftercare => Box::pin(aftercare_route_view()),
        Screen::Log => Box::pin(log_route_view()),
        Screen::History => Box::pin(history_route_view()),
        Screen::Settings => Box::pin(settings_route_view()),
        Screen::Setup => Box::pin(setup_route_view()),
        Screen::About => Box::pin(about_route_view()),
    };
    view! { <Suspense>{Suspend::new(page)}</Suspense> }.into_any()
}

/// The loading of the own module of the screen at `route` (a path below the
/// app's base, such as `/session`), or `None` when its page is in the main
/// module.
///
/// [`start`] waits for it before mounting the app at a deep link, so the
/// screen shows with the rest of the app.
pub fn route_module(route: &str) -> Option<Pin<Box<dyn Future<Output = ()>>>> {
    screen_module(Screen::at(route))
}

/// The loading of a screen's own module, or `None` when its page is in the
/// main module.
fn screen_module(screen: Screen) -> Option<Pin<Box<dyn Future<Output = ()>>>> {
    Some(match screen {
        Screen::Home | Screen::NotFound => return None,
        Screen::Session => Box::pin(__preload_session_route_view()),
        Screen::Aftercare => Box::pin(__preload_aftercare_route_view()),
        Screen::Log => Box::pin(__preload_log_route_view()),
        Screen::History => Box::pin(__preload_history_route_view()),
        Screen::Settings => Box::pin(__preload_settings_route_view()),
        Screen::Setup => Box::pin(__preload_setup_route_view()),
        Screen::About => Box::pin(__preload_about_route_view()),
    })
}

/// Declares the view of a screen whose page is loaded from its own WASM
/// module the first time it is shown, and the loading of that module
/// (`$preload`). The release build (`cargo xtask dist`) sets the cfg
/// `rollwise_split` and splits the WASM there (`xtask/src/wasm.rs`; it
/// knows a screen's module by the `_route_view` at the end of its name);
/// other builds (tests, native) compile the same view without a split
/// point, and their loading is done at once.
macro_rules! lazy_page {
    ($view:ident, $preload:ident, $page:ident) => {
        #[cfg_attr(rollwise_split, lazy)]
        async fn $view() -> AnyView {
            view! { <$page /> }.into_any()
        }

        #[cfg(not(rollwise_split))]
        #[allow(non_snake_case)]
        async fn $preload() {}
    };
}

lazy_page!(
    session_route_view,
    __preload_session_route_view,
    SessionPage
);
lazy_page!(
    aftercare_route_view,
    __preload_aftercare_route_view,
    AftercarePage
);
lazy_page!(log_route_view, __preload_log_route_view, LogPage);
lazy_page!(
    history_route_view,
    __preload_history_route_view,
    HistoryPage
);
lazy_page!(
    settings_route_view,
    __preload_settings_route_view,
    SettingsPage
);
lazy_page!(setup_route_view, __preload_setup_route_view, SetupPage);
lazy_page!(about_route_view, __preload_about_route_view, AboutPage);
