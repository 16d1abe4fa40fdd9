//! The UI shell: the router, the layout and the pages. It reads the domain
//! and talks to browser storage only through the `storage` layer.

pub mod components;
pub mod data;
pub mod format;
pub mod hooks;
mod layout;
pub mod messages;
mod pages;
pub mod perf;
pub mod routes;
pub mod text;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use data::DataProvider;
use layout::Layout;
use pages::{
    AboutPage, AftercarePage, HistoryPage, HomePage, LogPage, NotFoundPage, SessionPage,
    SettingsPage, SetupPage,
};

/// The root component. The data provider sits outside the layout: when the
/// stored data is unreadable or from a newer version, it shows its recovery
/// screen instead of every page, so nothing can edit the data then.
#[component]
pub fn App() -> impl IntoView {
    // Effects run once the first render is in the page.
    Effect::new(|_| perf::mark(perf::INTERACTIVE));
    view! {
        <Router base=routes::base()>
            <DataProvider>
            <Layout>
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=HomePage />
                    <Route path=path!("/session") view=SessionPage />
                    <Route path=path!("/aftercare") view=AftercarePage />
                    <Route path=path!("/log") view=LogPage />
                    <Route path=path!("/history") view=HistoryPage />
                    <Route path=path!("/settings") view=SettingsPage />
                    <Route path=path!("/setup") view=SetupPage />
                    <Route path=path!("/about") view=AboutPage />
                </Routes>
            </Layout>
            </DataProvider>
        </Router>
    }
}
