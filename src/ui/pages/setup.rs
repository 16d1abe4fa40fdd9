//! Set-up: the first-run questionnaire, editable later from Settings.

use leptos::prelude::*;

use crate::ui::layout::PageHeading;
use crate::ui::text;

#[component]
pub fn SetupPage() -> impl IntoView {
    view! { <PageHeading text=text::SETUP_TITLE /> }
}
