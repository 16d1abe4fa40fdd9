//! The settings screen.

use leptos::prelude::*;

use crate::ui::pages::ScreenIntro;
use crate::ui::text;

#[component]
pub fn SettingsPage() -> impl IntoView {
    view! { <ScreenIntro screen=&text::SETTINGS /> }
}
