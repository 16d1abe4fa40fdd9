//! The home screen.

use leptos::prelude::*;

use crate::ui::pages::ScreenIntro;
use crate::ui::text;

#[component]
pub fn HomePage() -> impl IntoView {
    view! { <ScreenIntro screen=&text::HOME /> }
}
