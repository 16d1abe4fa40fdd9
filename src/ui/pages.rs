//! The pages reached from the bottom bar, plus About and Not found.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::ui::layout::PageHeading;
use crate::ui::routes::href;
use crate::ui::text::{self, Screen};

/// The common top of a main screen: its heading and what it is for.
#[component]
fn ScreenIntro(screen: &'static Screen) -> impl IntoView {
    view! {
        <PageHeading text=screen.title />
        <p class="intro">{screen.intro}</p>
    }
}

#[component]
pub fn HomePage() -> impl IntoView {
    view! { <ScreenIntro screen=&text::HOME /> }
}

#[component]
pub fn SessionPage() -> impl IntoView {
    view! { <ScreenIntro screen=&text::SESSION /> }
}

#[component]
pub fn AftercarePage() -> impl IntoView {
    view! { <ScreenIntro screen=&text::AFTERCARE /> }
}

#[component]
pub fn LogPage() -> impl IntoView {
    view! { <ScreenIntro screen=&text::LOG /> }
}

#[component]
pub fn HistoryPage() -> impl IntoView {
    view! { <ScreenIntro screen=&text::HISTORY /> }
}

#[component]
pub fn SettingsPage() -> impl IntoView {
    view! { <ScreenIntro screen=&text::SETTINGS /> }
}

/// The honest context: not medical advice, the regulatory position, privacy.
#[component]
pub fn AboutPage() -> impl IntoView {
    view! {
        <PageHeading text=text::ABOUT_TITLE />
        <section aria-labelledby="disclaimer">
            <h2 id="disclaimer">{text::DISCLAIMER_HEADING}</h2>
            {text::DISCLAIMER.iter().map(|para| view! { <p>{*para}</p> }).collect_view()}
        </section>
        <section aria-labelledby="privacy">
            <h2 id="privacy">{text::PRIVACY_HEADING}</h2>
            <p>{text::PRIVACY}</p>
        </section>
    }
}

#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <PageHeading text=text::NOT_FOUND_TITLE />
        <p>{text::NOT_FOUND_BODY}</p>
        <A href=href("/") attr:class="button">{text::NOT_FOUND_BACK}</A>
    }
}
