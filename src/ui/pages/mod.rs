//! The pages: one module per screen. Each page reads the person's data
//! through `crate::ui::data::use_app_data()` and the rules through
//! `crate::domain`, and keeps its words in `crate::ui::text::<page>`.

mod about;
mod aftercare;
mod history;
mod home;
mod log;
mod not_found;
mod session;
mod settings;
mod setup;

pub use about::AboutPage;
pub use aftercare::AftercarePage;
pub use history::HistoryPage;
pub use home::{preload_dashboard, HomePage};
pub use log::LogPage;
pub use not_found::NotFoundPage;
pub use session::SessionPage;
pub use settings::SettingsPage;
pub use setup::SetupPage;

use leptos::prelude::*;

use crate::ui::layout::PageHeading;
use crate::ui::text::Screen;

/// The common top of a main screen: its heading and what it is for.
#[component]
pub fn ScreenIntro(screen: &'static Screen) -> impl IntoView {
    view! {
        <PageHeading text=screen.title />
        <p class="intro">{screen.intro}</p>
    }
}
