//! The guided session: zone by zone, direction by direction, pass by pass,
//! all computed by `position` from the stored plan, start and events (so a
//! reload, a call or a locked phone resume at the right second). A cadence
//! cue per pass, the screen kept on, and big buttons: pause or resume, next,
//! stop this zone for bleeding (SES-4, confirmed with a second tap) and end
//! the session.

use std::time::Duration;

use leptos::html::H2;
use leptos::prelude::*;

use super::CueSwitches;

use super::logic::{
    arrow_rotation, cadence_beat, cancel_run, direction_label, pass_label, push_event,
    rolled_anything, run_position, zone_label,
};
use crate::domain::{Direction, RunEventKind, RunState};
use crate::ui::components::ReasonList;
use crate::ui::data::use_app_data;
use crate::ui::format;
use crate::ui::hooks::{use_cadence, use_now, use_wake_lock};
use crate::ui::messages;
use crate::ui::text::session as t;
use crate::ui::text::zone_name;

/// Whole seconds in a duration, rounded up.
fn ceil_seconds(d: chrono::Duration) -> i64 {
    (d.num_milliseconds() + 999) / 1000
}

/// Which of the two confirmations is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Confirm {
    None,
    /// SES-4, for the zone at this index.
    Bleeding(usize),
    End,
}

#[component]
pub fn GuidedView() -> impl IntoView {
    let data = use_app_data();
    let doc = data.doc();
    let now = use_now(Duration::from_millis(250));
    let run = Memo::new(move |_| doc.with(|d| d.flow.guided.clone()));
    let pos = Memo::new(move |_| run.with(|r| r.as_ref().map(|r| run_position(r, now.get()))));
    let count = Memo::new(move |_| run.with(|r| r.as_ref().map_or(0, |r| r.plan.zones.len())));
    let passes =
        Memo::new(move |_| run.with(|r| r.as_ref().map_or(4, |r| r.plan.passes_per_direction)));
    let state =
        Memo::new(move |_| pos.with(|p| p.as_ref().map_or(RunState::Finished, |p| p.state)));
    let zone_index = Memo::new(move |_| pos.with(|p| p.as_ref().and_then(|p| p.zone_index)));
    let zone = Memo::new(move |_| pos.with(|p| p.as_ref().and_then(|p| p.zone)));
    let direction = Memo::new(move |_| pos.with(|p| p.as_ref().and_then(|p| p.direction)));
    let pass = Memo::new(move |_| pos.with(|p| p.as_ref().and_then(|p| p.pass)));
    let lead_in = Memo::new(move |_| {
        run.with(|r| {
            r.as_ref()
                .map(|r| ceil_seconds(r.started_at - now.get()))
                .filter(|s| *s > 0)
        })
    });
    let stopped =
        Memo::new(move |_| pos.with(|p| p.as_ref().map(|p| p.reasons.clone()).unwrap_or_default()));
    let paused = move || state.get() == RunState::Paused;
    let rolling = move || state.get() == RunState::Running && lead_in.get().is_none();
    let confirm = RwSignal::new(Confirm::None);

    // A confirmation for one zone lapses when the zone changes.
    Effect::new(move |_| {
        let index = zone_index.get();
        if let Confirm::Bleeding(i) = confirm.get_untracked() {
            if Some(i) != index {
                confirm.set(Confirm::None);
            }
        }
    });

    let beat = Signal::derive(move || {
        run.with(|r| {
            let r = r.as_ref()?;
            pos.with(|p| cadence_beat(r, p.as_ref()?, now.get()))
        })
    });
    let sound = Signal::derive(move || doc.with(|d| d.preferences.sound));
    let vibration = Signal::derive(move || doc.with(|d| d.preferences.vibration));
    use_cadence(beat, sound, vibration);

    let wake_error = RwSignal::new(false);
    use_wake_lock(
        Signal::derive(move || state.get() != RunState::Finished),
        move |e| {
            leptos::logging::warn!("wake lock: {e}");
            wake_error.try_set(true);
        },
    );

    let act = move |kind: RunEventKind| {
        let at = now.get_untracked();
        data.update(move |d| push_event(d, kind, at));
        data.flush_after_paint();
        confirm.set(Confirm::None);
    };

    let heading = NodeRef::<H2>::new();
    heading.on_load(|h2| {
        // Focus fails only on a detached node.
        let _ = h2.focus();
    });

    let title = move || match (zone_index.get(), zone.get()) {
        (Some(i), Some(z)) => zone_label(i, count.get(), z),
        _ => String::new(),
    };
    let announcement = move || match (zone.get(), direction.get()) {
        (Some(z), Some(d)) => t::direction_announcement(zone_name(z), d),
        _ => String::new(),
    };
    // The arrow's turn in degrees, which the stylesheet maps to a rotation.
    let turn = move || direction.get().map_or(0, arrow_rotation).to_string();
    let next_label = move || {
        let last_zone = zone_index.get().is_some_and(|i| i + 1 >= count.get());
        match direction.get() {
            Some(Direction::DiagonalOtherWay) if last_zone => t::FINISH_ROLLING,
            Some(Direction::DiagonalOtherWay) => t::NEXT_ZONE,
            _ => t::NEXT_DIRECTION,
        }
    };
    let zone_left = move || pos.with(|p| p.as_ref().map_or(0, |p| ceil_seconds(p.zone_remaining)));
    let total_left =
        move || pos.with(|p| p.as_ref().map_or(0, |p| ceil_seconds(p.total_remaining)));

    let end_text = move || {
        let rolled = run.with(|r| r.as_ref().is_some_and(|r| rolled_anything(r, now.get())));
        if rolled {
            t::END_EARLY_PARTIAL
        } else {
            t::END_EARLY_NOTHING
        }
    };

    view! {
        <section class="guided stack" aria-labelledby="guided-heading">
            <h2 id="guided-heading" class="guided-zone" tabindex="-1" node_ref=heading>
                {title}
            </h2>
            <p class="visually-hidden" aria-live="polite" aria-atomic="true">
                {announcement}
            </p>
            <div class="card guided-card">
                // The arrow is an element of its own over the disc, turned
                // by CSS (`rotate`, from `data-turn`) and moved along its own
                // axis by a CSS animation of `transform`: the browser's
                // compositor runs that animation, so while the person rolls
                // the page is not painted anew on every frame, and a tap's
                // frame does not wait behind the arrow's.
                <div class="direction-arrow" aria-hidden="true">
                    <svg class="arrow-disc" viewBox="0 0 100 100" focusable="false">
                        <circle cx="50" cy="50" r="48" />
                    </svg>
                    <svg
                        class=move || if rolling() { "arrow-move is-running" } else { "arrow-move" }
                        data-turn=turn
                        viewBox="0 0 100 100"
                        focusable="false"
                    >
                        <path d="M50 12 L64 30 H56 V70 H64 L50 88 L36 70 H44 V30 H36 Z" />
                    </svg>
                </div>
                <div class="guided-steps">
                    <p class="guided-direction">
                        {move || direction.get().map(direction_label).unwrap_or_default()}
                    </p>
                    <p class="guided-pass">
                        {move || pass.get().map(|p| pass_label(p, passes.get())).unwrap_or_default()}
                    </p>
                    <p class="guided-time">
                        <span class="guided-time-label">{t::ZONE_TIME_LEFT}</span>
                        " "
                        <span class="big-number zone-clock">{move || format::clock(zone_left())}</span>
                    </p>
                    <p class="muted">
                        {t::SESSION_TIME_LEFT} " " <span class="total-clock">{move || format::clock(total_left())}</span>
                    </p>
                </div>
            </div>
            {move || {
                lead_in
                    .get()
                    .map(|s| {
                        view! {
                            <p class="banner banner-ok lead-in">
                                {t::GET_READY} " " <strong>{format!("{s} s")}</strong>
                            </p>
                        }
                    })
            }}
            <Show when=paused>
                <p class="banner banner-warn">{t::PAUSED_NOTE}</p>
            </Show>
            <p class="banner pressure">
                <strong>{messages::title("ses3.light_pressure_no_bleeding_goal").unwrap_or_default()}</strong>
                " "
                {messages::message("ses3.light_pressure_no_bleeding_goal").unwrap_or_default()}
            </p>
            <div class="guided-buttons">
                <button
                    type="button"
                    class="button button-big button-wide"
                    on:click=move |_| {
                        act(if paused() { RunEventKind::Resume } else { RunEventKind::Pause })
                    }
                >
                    {move || if paused() { t::RESUME } else { t::PAUSE }}
                </button>
                <button
                    type="button"
                    class="button button-secondary button-big button-wide"
                    on:click=move |_| act(RunEventKind::Next)
                >
                    {next_label}
                </button>
                <Show when=move || matches!(confirm.get(), Confirm::Bleeding(_))>
                    <p class="banner banner-alert" role="alert">
                        {move || zone.get().map(|z| t::stop_bleeding_confirm(zone_name(z))).unwrap_or_default()}
                    </p>
                </Show>
                <button
                    type="button"
                    class="button button-danger button-big button-wide"
                    on:click=move |_| {
                        match confirm.get_untracked() {
                            Confirm::Bleeding(_) => act(RunEventKind::StopZoneBleeding),
                            _ => {
                                if let Some(i) = zone_index.get_untracked() {
                                    confirm.set(Confirm::Bleeding(i));
                                }
                            }
                        }
                    }
                >
                    {move || {
                        if matches!(confirm.get(), Confirm::Bleeding(_)) { t::STOP_BLEEDING_YES } else { t::STOP_BLEEDING }
                    }}
                </button>
                <Show when=move || matches!(confirm.get(), Confirm::Bleeding(_))>
                    <button
                        type="button"
                        class="button button-secondary button-wide"
                        on:click=move |_| confirm.set(Confirm::None)
                    >
                        {t::KEEP_ROLLING}
                    </button>
                </Show>
            </div>
            <Show when=move || !stopped.with(Vec::is_empty)>
                <h3>{t::STOPPED_HEADING}</h3>
                <ReasonList reasons=stopped />
            </Show>
            <CueSwitches class="cues" />
            <Show when=move || wake_error.get()>
                <p class="muted wake-note">{t::WAKE_LOCK_UNAVAILABLE}</p>
            </Show>
            <div class="guided-end stack">
                <Show when=move || confirm.get() == Confirm::End>
                    <p class="banner banner-warn" role="alert">{end_text}</p>
                </Show>
                <button
                    type="button"
                    class="button button-secondary button-wide"
                    on:click=move |_| {
                        if confirm.get_untracked() == Confirm::End {
                            let at = now.get_untracked();
                            data.update(move |d| {
                                cancel_run(d, at);
                            });
                            data.flush();
                        } else {
                            confirm.set(Confirm::End);
                        }
                    }
                >
                    {move || if confirm.get() == Confirm::End { t::END_EARLY_YES } else { t::END_EARLY }}
                </button>
                <Show when=move || confirm.get() == Confirm::End>
                    <button
                        type="button"
                        class="button button-wide"
                        on:click=move |_| confirm.set(Confirm::None)
                    >
                        {t::KEEP_ROLLING}
                    </button>
                </Show>
            </div>
        </section>
    }
}
