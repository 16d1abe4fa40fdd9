//! After rolling: what was done, the SES-6 cleaning steps with the second
//! soak timer, then the session is recorded and the person is sent to
//! Aftercare, where the clocks now run.

use std::time::Duration;

use leptos::html::H2;
use leptos::prelude::*;

use super::logic::{record_session, run_position};
use super::soak::SoakPanel;
use crate::domain::{RunEventKind, Zone};
use crate::ui::data::use_app_data;
use crate::ui::hooks::use_now;
use crate::ui::messages;
use crate::ui::router::use_navigator;
use crate::ui::routes::href;
use crate::ui::text::session as t;
use crate::ui::text::zone_name;

fn zone_list(zones: &[Zone]) -> String {
    if zones.is_empty() {
        t::NONE.to_string()
    } else {
        zones
            .iter()
            .map(|z| zone_name(*z))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

fn step_text(key: &'static str) -> impl IntoView {
    view! {
        <strong>{messages::title(key).unwrap_or(key)}</strong>
        " "
        <span>{messages::message(key).unwrap_or_default()}</span>
    }
}

#[component]
pub fn CleaningView() -> impl IntoView {
    let data = use_app_data();
    let doc = data.doc();
    let now = use_now(Duration::from_millis(1000));
    let navigator = use_navigator();
    let confirmed = RwSignal::new(false);
    let error = RwSignal::new(false);
    let run = Memo::new(move |_| doc.with(|d| d.flow.guided.clone()));
    let ended_early = Memo::new(move |_| {
        run.with(|r| {
            r.as_ref()
                .is_some_and(|r| r.events.iter().any(|e| e.kind == RunEventKind::End))
        })
    });
    let summary = Memo::new(move |_| {
        run.with(|r| {
            r.as_ref()
                .map(|r| {
                    let p = run_position(r, now.get());
                    (zone_list(&p.zones_completed), zone_list(&p.zones_stopped))
                })
                .unwrap_or_default()
        })
    });
    let soak_ok = Memo::new(move |_| {
        confirmed.get() || doc.with(|d| d.flow.soak.as_ref().is_some_and(|s| s.is_done(now.get())))
    });
    let record = move |after: bool| {
        let id = data.new_session_id();
        let at = now.get_untracked();
        let mut recorded = false;
        data.update(|d| recorded = record_session(d, id, at, after));
        if recorded {
            data.flush();
            navigator.navigate(&href("/aftercare"), false);
        } else {
            error.set(true);
        }
    };
    let heading = NodeRef::<H2>::new();
    heading.on_load(|h2| {
        // Focus fails only on a detached node.
        let _ = h2.focus();
    });

    view! {
        <section class="cleaning stack" aria-labelledby="cleaning-heading">
            <h2 id="cleaning-heading" tabindex="-1" node_ref=heading>
                {move || if ended_early.get() { t::ENDED_EARLY_TITLE } else { t::DONE_TITLE }}
            </h2>
            <dl class="session-summary">
                <dt>{t::ZONES_DONE}</dt>
                <dd>{move || summary.get().0}</dd>
                <dt>{t::ZONES_STOPPED}</dt>
                <dd>{move || summary.get().1}</dd>
            </dl>
            <h3>{t::CLEAN_HEADING}</h3>
            <ol class="clean-steps">
                <li>{step_text("ses6.rinse_warm_water")}</li>
                <li>
                    {step_text("ses6.soak_again")}
                    <SoakPanel confirmed=confirmed />
                </li>
                <li>{step_text("ses6.air_dry_needles_up_closed_case")}</li>
                <li>{step_text("ses6.never_boil")}</li>
            </ol>
            <p class="muted">{t::RECORDED_NOTE}</p>
            <Show when=move || error.get()>
                <p class="banner banner-alert" role="alert">{t::RECORD_FAILED}</p>
            </Show>
            <Show when=move || !soak_ok.get()>
                <p class="hint" id="finish-hint">{t::FINISH_HINT}</p>
            </Show>
            <button
                type="button"
                class="button button-big button-wide"
                disabled=move || !soak_ok.get()
                on:click=move |_| record(true)
            >
                {t::FINISH}
            </button>
            <Show when=move || !soak_ok.get()>
                <button
                    type="button"
                    class="button button-secondary button-wide"
                    on:click=move |_| record(false)
                >
                    {t::FINISH_LATER}
                </button>
            </Show>
        </section>
    }
}
