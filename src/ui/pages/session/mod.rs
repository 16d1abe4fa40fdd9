//! The session screen: today's check and preparation, the guided session,
//! then cleaning the roller and recording the session. Which step shows is
//! derived from the stored document and the clock (`logic::step`), so a
//! reload lands where the person was.

mod cleaning;
mod guided;
mod logic;
mod prep;
mod soak;

use std::time::Duration;

use leptos::prelude::*;

use crate::ui::data::use_app_data;
use crate::ui::hooks::use_now;
use crate::ui::layout::PageHeading;
use crate::ui::router::A;
use crate::ui::routes::href;
use crate::ui::text;
use crate::ui::text::session as t;
use logic::Step;

/// The sound and vibration switches of the guided cues, saved in the
/// preferences at once; shown before a session and during one.
#[component]
fn CueSwitches(#[prop(optional)] class: Option<&'static str>) -> impl IntoView {
    let data = use_app_data();
    let doc = data.doc();
    let sound = move || doc.with(|d| d.preferences.sound);
    let vibration = move || doc.with(|d| d.preferences.vibration);
    view! {
        <fieldset class=class>
            <legend>{t::CUES_LEGEND}</legend>
            <label class="choice">
                <input
                    type="checkbox"
                    prop:checked=sound
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        data.update(move |d| d.preferences.sound = on);
                    }
                />
                {t::SOUND_LABEL}
            </label>
            <label class="choice">
                <input
                    type="checkbox"
                    prop:checked=vibration
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        data.update(move |d| d.preferences.vibration = on);
                    }
                />
                {t::VIBRATION_LABEL}
            </label>
        </fieldset>
    }
}

#[component]
pub fn SessionPage() -> impl IntoView {
    let data = use_app_data();
    let now = use_now(Duration::from_millis(1000));
    let step = Memo::new(move |_| data.doc().with(|d| logic::step(d, now.get())));
    view! {
        <PageHeading text=text::SESSION.title />
        {move || match step.get() {
            Step::NeedsSetup => view! { <NeedsSetup /> }.into_any(),
            Step::Prep => view! { <prep::PrepView /> }.into_any(),
            Step::Guided => view! { <guided::GuidedView /> }.into_any(),
            Step::Cleaning => view! { <cleaning::CleaningView /> }.into_any(),
        }}
    }
}

/// Set-up is not done yet: send the person there, kindly.
#[component]
fn NeedsSetup() -> impl IntoView {
    view! {
        <section class="card stack" aria-labelledby="needs-setup-heading">
            <h2 id="needs-setup-heading">{t::SETUP_TITLE}</h2>
            <p>{t::SETUP_BODY}</p>
            <A href=href(text::SETUP_PATH) attr:class="button button-big button-wide">
                {t::SETUP_LINK}
            </A>
        </section>
    }
}
