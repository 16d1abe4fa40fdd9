//! What an unknown address shows.

use leptos::prelude::*;

use crate::ui::layout::PageHeading;
use crate::ui::router::A;
use crate::ui::routes::href;
use crate::ui::text;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <PageHeading text=text::NOT_FOUND_TITLE />
        <p>{text::NOT_FOUND_BODY}</p>
        <A href=href("/") attr:class="button">{text::NOT_FOUND_BACK}</A>
    }
}
