//! The soak timer (PRE-3 before a session, SES-6 after it): a progress
//! ring, the big remaining time, pause and resume, and the "I already
//! soaked it" confirmation. The timer lives in `AppDoc.flow.soak` as
//! timestamps, so a reload or a locked phone loses nothing.

use std::time::Duration;

use leptos::prelude::*;

use super::logic::{
    ring_offset, soak_action, soak_announcement, soak_fraction, soak_seconds_left, SoakAction,
};
use crate::domain::SOAK_MINIMUM;
use crate::ui::data::use_app_data;
use crate::ui::format;
use crate::ui::hooks::use_now;
use crate::ui::text::session as t;

/// The ring's radius in its 120 × 120 viewBox.
const RADIUS: f64 = 52.0;

/// The soak timer of the flow, with a confirmation path: `confirmed` is set
/// when the person says they already soaked the roller for 10 minutes.
#[component]
pub fn SoakPanel(confirmed: RwSignal<bool>) -> impl IntoView {
    let data = use_app_data();
    let now = use_now(Duration::from_millis(250));
    let timer = Memo::new(move |_| data.doc().with(|d| d.flow.soak.clone()));
    let has_timer = Memo::new(move |_| timer.with(Option::is_some));
    let done = Memo::new(move |_| timer.with(|t| t.as_ref().is_some_and(|t| t.is_done(now.get()))));
    let paused = Memo::new(move |_| timer.with(|t| t.as_ref().is_some_and(|t| t.is_paused())));
    let act = move |action: SoakAction| {
        let at = now.get_untracked();
        data.update(move |d| soak_action(&mut d.flow, action, at));
        data.flush();
    };
    let announcement = move || {
        timer.with(|t| {
            t.as_ref()
                .map(|t| soak_announcement(t, now.get()))
                .unwrap_or("")
        })
    };
    let circumference = 2.0 * std::f64::consts::PI * RADIUS;
    let offset = move || {
        let fraction = timer.with(|t| t.as_ref().map_or(0.0, |t| soak_fraction(t, now.get())));
        format!("{:.2}", ring_offset(fraction, circumference))
    };
    // A round line cap draws a dot at zero; hide the arc until time counts.
    let empty = move || timer.with(|t| t.as_ref().is_none_or(|t| t.elapsed(now.get()).is_zero()));
    let remaining = move || {
        timer.with(|t| {
            let seconds = t.as_ref().map_or(SOAK_MINIMUM.num_seconds(), |t| {
                soak_seconds_left(t, now.get())
            });
            format::clock(seconds)
        })
    };
    let state = move || {
        if done.get() {
            let finished = timer.with(|t| {
                t.as_ref()
                    .map(|t| t.started_at + t.paused_total + SOAK_MINIMUM)
            });
            let at = finished.map(format::date_time).unwrap_or_default();
            format!("{} · {}", t::SOAK_DONE, t::soak_finished_at(&at))
        } else if paused.get() {
            t::SOAK_PAUSED.to_string()
        } else {
            t::SOAK_RUNNING.to_string()
        }
    };

    let running_view = move || {
        view! {
            <div class="soak-timer" role="group" aria-label=t::SOAK_TIMER_LABEL>
                <svg
                    class="progress-ring soak-ring"
                    viewBox="0 0 120 120"
                    width="176"
                    height="176"
                    aria-hidden="true"
                    focusable="false"
                >
                    <circle class="ring-track" cx="60" cy="60" r=RADIUS />
                    <circle
                        class=move || if empty() { "ring-value is-empty" } else { "ring-value" }
                        cx="60"
                        cy="60"
                        r=RADIUS
                        stroke-dasharray=format!("{circumference:.2}")
                        stroke-dashoffset=offset
                        transform="rotate(-90 60 60)"
                    />
                </svg>
                <p class="soak-remaining">
                    <span class="big-number soak-clock">{remaining}</span>
                    " "
                    <span class="soak-left">{t::SOAK_LEFT}</span>
                </p>
                <p class=move || if done.get() { "soak-state is-done" } else { "soak-state" }>
                    <span aria-hidden="true">{move || if done.get() { "✓ " } else { "" }}</span>
                    {state}
                </p>
                <div class="button-row">
                    <Show when=move || !done.get()>
                        <button
                            type="button"
                            class="button button-big"
                            on:click=move |_| {
                                act(if paused.get_untracked() { SoakAction::Resume } else { SoakAction::Pause })
                            }
                        >
                            {move || if paused.get() { t::SOAK_RESUME } else { t::SOAK_PAUSE }}
                        </button>
                    </Show>
                    <button
                        type="button"
                        class="button button-secondary"
                        on:click=move |_| act(SoakAction::Restart)
                    >
                        {t::SOAK_RESTART}
                    </button>
                </div>
            </div>
        }
    };

    view! {
        <div class="soak-panel stack">
            <p class="visually-hidden" aria-live="polite" aria-atomic="true">
                {announcement}
            </p>
            {move || {
                if has_timer.get() {
                    running_view().into_any()
                } else {
                    view! {
                        <button
                            type="button"
                            class="button button-big button-wide"
                            on:click=move |_| act(SoakAction::Start)
                        >
                            {t::SOAK_START}
                        </button>
                    }
                        .into_any()
                }
            }}
            <Show when=move || !done.get()>
                <button
                    type="button"
                    class="button button-secondary button-wide soak-confirm"
                    aria-pressed=move || if confirmed.get() { "true" } else { "false" }
                    on:click=move |_| confirmed.update(|c| *c = !*c)
                >
                    <span aria-hidden="true">{move || if confirmed.get() { "✓ " } else { "" }}</span>
                    {t::SOAK_CONFIRM}
                </button>
            </Show>
        </div>
    }
}
