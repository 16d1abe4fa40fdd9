//! About: the honest context (not medical advice, the regulatory position)
//! and privacy.

use leptos::prelude::*;

use crate::ui::layout::PageHeading;
use crate::ui::text;

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
