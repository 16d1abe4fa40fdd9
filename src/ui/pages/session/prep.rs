//! Before a session: a standing block (if any), the set-up re-confirmation,
//! today's questions, today's skin on the face map, the zones to roll, the
//! PRE-1 checklist, the serum (PRE-5), numbing cream (PRE-6), disinfection
//! with the soak timer (PRE-3, PRE-4), then the engine's reasons and the
//! start button.

use std::time::Duration;

use chrono::{DateTime, NaiveDate, Utc};
use leptos::prelude::*;

use super::CueSwitches;
use wasm_bindgen::JsCast;

use super::logic::{
    blocked_beyond_preparation, merge_zone_reasons, plan_zones, soak_seconds_left, start_run,
    unavailable_zones, Draft, Problem, Question,
};
use super::soak::SoakPanel;
use crate::domain::{
    can_start_session, classify, guided::MAX_PASSES, guided::MIN_PASSES, zone_statuses, Answer,
    ProductClass, Reason, SessionDecision, SessionInput, SessionPlan, Severity, TodayCheck, Zone,
    ZoneStatus,
};
use crate::storage::doc::AppDoc;
use crate::ui::components::face_map::FaceMap;
use crate::ui::components::ReasonList;
use crate::ui::data::use_app_data;
use crate::ui::hooks::use_now;
use crate::ui::router::A;
use crate::ui::routes::href;
use crate::ui::text::session as t;
use crate::ui::{format, messages, text};

/// Runs `f` on the engine's input for `doc` and `today` at `now`; `None`
/// before set-up.
fn evaluate<T>(
    doc: &AppDoc,
    today: &TodayCheck,
    now: DateTime<Utc>,
    f: impl FnOnce(&SessionInput<'_>) -> T,
) -> Option<T> {
    let (Some(profile), Some(device)) = (doc.profile.as_ref(), doc.device.as_ref()) else {
        return None;
    };
    let input = SessionInput {
        profile,
        device,
        today,
        sessions: &doc.sessions,
        reactions: &doc.reactions,
        now,
        offset: format::local_offset_at(now),
    };
    Some(f(&input))
}

fn question_text(q: Question) -> &'static str {
    match q {
        Question::AlcoholOrDrugs => t::Q_ALCOHOL,
        Question::RecentActives => t::Q_ACTIVES,
        Question::ColdSore => t::Q_COLD_SORE,
        Question::WidespreadInfection => t::Q_WIDESPREAD,
    }
}

fn question_name(q: Question) -> &'static str {
    match q {
        Question::AlcoholOrDrugs => "today-alcohol",
        Question::RecentActives => "today-actives",
        Question::ColdSore => "today-cold-sore",
        Question::WidespreadInfection => "today-widespread",
    }
}

fn problem_text(p: Problem) -> &'static str {
    match p {
        Problem::BrokenSkin => t::PROBLEM_BROKEN,
        Problem::Acne => t::PROBLEM_ACNE,
        Problem::Flare => t::PROBLEM_FLARE,
        Problem::Sunburn => t::PROBLEM_SUN,
        Problem::Lesion => t::PROBLEM_LESION,
        Problem::ChangingMole => t::PROBLEM_CHANGING_MOLE,
        Problem::NotSure => t::PROBLEM_NOT_SURE,
    }
}

/// Moves focus (and the view) to the element with `id`.
fn focus_by_id(id: &str) {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        // Focusing only fails on a detached node.
        let _ = element.focus();
    }
}

/// Today's check and preparation.
#[component]
pub fn PrepView() -> impl IntoView {
    let data = use_app_data();
    let doc = data.doc();
    let now = use_now(Duration::from_millis(1000));
    let draft = RwSignal::new(Draft::default());
    let marked = RwSignal::new(Vec::<Zone>::new());
    let chosen = RwSignal::new(Zone::ALL.to_vec());
    let acks = RwSignal::new(Vec::<&'static str>::new());
    let confirmed_soak = RwSignal::new(false);

    Effect::new(move |_| {
        let zones = marked.get();
        draft.update(|d| d.sync_marked(&zones));
    });

    // Blocks that no answer today can lift.
    let standing = Memo::new(move |_| {
        let today = Draft::best_case().today(&Zone::ALL, None);
        doc.with(|d| evaluate(d, &today, now.get(), can_start_session))
            .filter(SessionDecision::is_blocked)
            .map(|decision| {
                decision
                    .reasons
                    .into_iter()
                    .filter(|r| r.severity == Severity::Block)
                    .collect::<Vec<Reason>>()
            })
    });
    let statuses = Memo::new(move |_| {
        let today = draft.with(|dr| dr.today(&Zone::ALL, None));
        doc.with(|d| evaluate(d, &today, now.get(), zone_statuses))
            .unwrap_or_default()
    });
    let unavailable = Memo::new(move |_| statuses.with(|s| unavailable_zones(s)));
    let blocked_zone_reasons = Memo::new(move |_| {
        statuses.with(|s| {
            s.iter()
                .flat_map(|z: &ZoneStatus| z.reasons.iter())
                .filter(|r| r.severity == Severity::Block)
                .cloned()
                .collect::<Vec<Reason>>()
        })
    });
    let candidates = Memo::new(move |_| {
        let open: Vec<Zone> = statuses.with(|s| {
            s.iter()
                .filter(|z| !z.reasons.iter().any(|r| r.severity == Severity::Block))
                .map(|z| z.zone)
                .collect()
        });
        chosen.with(|c| plan_zones(c, &open))
    });
    let decision = Memo::new(move |_| {
        let mut dr = draft.get();
        dr.confirmed_full_soak = confirmed_soak.get();
        let zones = candidates.get();
        doc.with(|d| {
            let today = dr.today(&zones, d.flow.soak.as_ref());
            evaluate(d, &today, now.get(), can_start_session)
        })
    });
    // What is shown: unanswered questions are not "not sure" yet.
    let shown = Memo::new(move |_| {
        let mut dr = draft.with(Draft::unanswered_as_no);
        dr.confirmed_full_soak = confirmed_soak.get();
        let zones = candidates.get();
        doc.with(|d| {
            let today = dr.today(&zones, d.flow.soak.as_ref());
            evaluate(d, &today, now.get(), can_start_session)
        })
    });
    let reasons = Memo::new(move |_| {
        shown.with(|d| {
            d.as_ref()
                .map(|d| merge_zone_reasons(d.all_reasons().cloned().collect()))
                .unwrap_or_default()
        })
    });
    let passes = Memo::new(move |_| doc.with(|d| d.preferences.passes_per_direction));
    let missing = Memo::new(move |_| {
        let mut out: Vec<String> = Vec::new();
        if !draft.with(|d| d.setup_confirmed) {
            out.push(t::NEED_RECONFIRM.to_string());
        }
        let unanswered = draft.with(Draft::unanswered);
        if unanswered > 0 {
            out.push(t::need_answers(unanswered));
        }
        if candidates.with(Vec::is_empty) {
            out.push(t::NEED_ZONE.to_string());
        }
        shown.with(|d| {
            if let Some(d) = d {
                if d.is_blocked() {
                    out.push(t::NEED_NO_BLOCKS.to_string());
                }
                let pending = acks.with(|a| d.pending_acks(a).len());
                if pending > 0 {
                    out.push(t::need_acks(pending));
                }
            }
        });
        out
    });
    let can_start = Memo::new(move |_| {
        draft.with(|d| d.setup_confirmed)
            && !candidates.with(Vec::is_empty)
            && decision.with(|d| d.as_ref().is_some_and(|d| acks.with(|a| d.can_start(a))))
    });
    let start = move |_| {
        if !can_start.get_untracked() {
            return;
        }
        let zones = candidates.get_untracked();
        let n = passes.get_untracked();
        let at = now.get_untracked();
        data.update(move |d| start_run(d, &zones, n, at));
        data.flush();
    };

    let soak_banner = move || {
        let seconds = doc.with(|d| {
            d.flow
                .soak
                .as_ref()
                .filter(|s| !s.is_paused())
                .map(|s| soak_seconds_left(s, now.get()))
                .filter(|s| *s > 0)
        })?;
        Some(view! {
            <div class="banner soak-banner">
                <p>
                    {t::SOAK_BANNER} " " <strong>{format::clock(seconds)}</strong> " " {t::SOAK_LEFT}
                </p>
                <button
                    type="button"
                    class="button button-secondary"
                    on:click=move |_| focus_by_id("disinfect-heading")
                >
                    {t::SOAK_BANNER_LINK}
                </button>
            </div>
        })
    };

    let blocked_view = move |reasons: Vec<Reason>| {
        view! {
            <section class="card stack session-blocked" aria-labelledby="blocked-heading">
                <h2 id="blocked-heading">{t::BLOCKED_TITLE}</h2>
                <p>{t::BLOCKED_BODY}</p>
                <ReasonList reasons=Signal::stored(reasons) />
                <p>{t::BLOCKED_KIND}</p>
                <div class="button-row">
                    <A href=href("/log") attr:class="button">{t::GO_LOG}</A>
                    <A href=href("/aftercare") attr:class="button button-secondary">{t::GO_AFTERCARE}</A>
                    <A href=href(text::SETUP_PATH) attr:class="button button-secondary">{t::EDIT_SETUP}</A>
                </div>
            </section>
        }
    };

    let questions = move || {
        Question::ALL
            .iter()
            .map(|q| {
                let q = *q;
                let option = move |answer: Answer, label: &'static str| {
                    view! {
                        <label class="choice">
                            <input
                                type="radio"
                                name=question_name(q)
                                prop:checked=move || draft.with(|d| d.answer(q) == Some(answer))
                                on:change=move |_| draft.update(|d| d.set_answer(q, answer))
                            />
                            {label}
                        </label>
                    }
                };
                view! {
                    <fieldset class="question">
                        <legend>{question_text(q)}</legend>
                        <div class="choice-row">
                            {option(Answer::Yes, t::YES)}
                            {option(Answer::No, t::NO)}
                            {option(Answer::NotSure, t::NOT_SURE)}
                        </div>
                    </fieldset>
                }
            })
            .collect_view()
    };

    let today_max = move || {
        let n = now.get();
        n.with_timezone(&format::local_offset_at(n))
            .date_naive()
            .format("%Y-%m-%d")
            .to_string()
    };
    let problem_details = move || {
        marked
            .get()
            .into_iter()
            .map(|zone| {
                let name = text::zone_name(zone);
                let has = move |p: Problem| {
                    draft.with(|d| d.problems_of(zone).is_some_and(|z| z.kinds.contains(&p)))
                };
                let picks = Problem::ALL
                    .iter()
                    .map(|p| {
                        let p = *p;
                        view! {
                            <label class="choice">
                                <input
                                    type="checkbox"
                                    prop:checked=move || has(p)
                                    on:change=move |_| draft.update(|d| d.toggle_problem(zone, p))
                                />
                                {problem_text(p)}
                            </label>
                        }
                    })
                    .collect_view();
                let date_id = format!("sun-date-{}", zone.key());
                let hint_id = format!("{date_id}-hint");
                view! {
                    <fieldset class="card zone-problems">
                        <legend>{t::problem_question(name)}</legend>
                        <p class="hint">{t::PROBLEM_PICK_HINT}</p>
                        {picks}
                        <Show when=move || has(Problem::Sunburn)>
                            <div class="field">
                                <label for=date_id.clone()>{t::SUN_DATE_LABEL}</label>
                                <p class="hint" id=hint_id.clone()>{t::SUN_DATE_HINT}</p>
                                <input
                                    id=date_id.clone()
                                    type="date"
                                    max=today_max
                                    aria-describedby=hint_id.clone()
                                    prop:value=move || {
                                        draft.with(|d| {
                                            d.problems_of(zone)
                                                .and_then(|z| z.sun_date)
                                                .map(|d| d.format("%Y-%m-%d").to_string())
                                                .unwrap_or_default()
                                        })
                                    }
                                    on:change=move |ev| {
                                        let value = event_target_value(&ev);
                                        let date = NaiveDate::parse_from_str(&value, "%Y-%m-%d").ok();
                                        draft.update(|d| {
                                            if let Some(z) = d.problems.iter_mut().find(|z| z.zone == zone) {
                                                z.sun_date = date;
                                            }
                                        });
                                    }
                                />
                            </div>
                        </Show>
                    </fieldset>
                }
            })
            .collect_view()
    };

    let checklist = move || {
        [
        "pre1.wash_hands",
        "pre1.remove_makeup",
        "pre1.gentle_cleanser",
    ]
    .iter()
    .enumerate()
    .map(|(i, key)| {
        let key: &'static str = key;
        view! {
            <label class="choice choice-big">
                <input
                    type="checkbox"
                    prop:checked=move || draft.with(|d| d.pre1[i])
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        draft.update(|d| d.pre1[i] = on);
                    }
                />
                <span class="choice-text">
                    <strong>{messages::title(key).unwrap_or(key)}</strong>
                    <span class="choice-detail">{messages::message(key).unwrap_or_default()}</span>
                </span>
            </label>
        }
    })
    .collect_view()
    };

    let serum_feedback = move || {
        let serum = draft.with(|d| d.serum.trim().to_string());
        if serum.is_empty() {
            return None;
        }
        let found = classify(&serum);
        let (class, words) = if found.classes == [ProductClass::Bland] {
            ("serum-feedback is-ok", format!("✓ {}", t::SERUM_BLAND))
        } else if found.classes.is_empty() {
            ("serum-feedback is-warn", format!("! {}", t::SERUM_UNKNOWN))
        } else {
            let names: Vec<&str> = found.classes.iter().map(|c| t::class_name(*c)).collect();
            (
                "serum-feedback is-warn",
                format!(
                    "! {} {}. {}",
                    t::SERUM_FOUND,
                    names.join(", "),
                    t::SERUM_NOT_BLAND
                ),
            )
        };
        Some(view! { <p class=class id="serum-feedback">{words}</p> })
    };

    let passes_options = move || {
        (MIN_PASSES..=MAX_PASSES)
        .map(|n| {
            let zone_seconds = SessionPlan::new(&[Zone::Forehead], n)
                .zone_duration()
                .num_seconds();
            view! {
                <label class="choice">
                    <input
                        type="radio"
                        name="passes"
                        prop:checked=move || passes.get() == n
                        on:change=move |_| data.update(move |d| d.preferences.passes_per_direction = n)
                    />
                    {t::passes_option(n, zone_seconds)}
                </label>
            }
        })
        .collect_view()
    };

    let main_view = move || {
        view! {
            {soak_banner}
            <section class="session-section stack" aria-labelledby="reconfirm-heading">
                <h2 id="reconfirm-heading">{t::RECONFIRM_HEADING}</h2>
                <p>{t::RECONFIRM_BODY}</p>
                <button
                    type="button"
                    class="button button-big button-wide"
                    aria-pressed=move || if draft.with(|d| d.setup_confirmed) { "true" } else { "false" }
                    on:click=move |_| draft.update(|d| d.setup_confirmed = !d.setup_confirmed)
                >
                    <span aria-hidden="true">
                        {move || if draft.with(|d| d.setup_confirmed) { "✓ " } else { "" }}
                    </span>
                    {t::RECONFIRM_BUTTON}
                </button>
                <A href=href(text::SETUP_PATH) attr:class="button button-secondary button-wide">
                    {t::EDIT_SETUP}
                </A>
            </section>

            <section class="session-section stack" aria-labelledby="today-heading">
                <h2 id="today-heading">{t::TODAY_HEADING}</h2>
                <p class="hint">{t::NOT_SURE_HINT}</p>
                {questions()}
            </section>

            <section class="session-section stack" aria-labelledby="skin-heading">
                <h2 id="skin-heading">{t::SKIN_HEADING}</h2>
                <p>{t::SKIN_HINT}</p>
                <FaceMap selected=marked label=t::PROBLEM_MAP_LABEL />
                <Show
                    when=move || !marked.with(Vec::is_empty)
                    fallback=|| view! { <p class="muted">{t::SKIN_CLEAR}</p> }
                >
                    {problem_details}
                </Show>
            </section>

            <section class="session-section stack" aria-labelledby="zones-heading">
                <h2 id="zones-heading">{t::ZONES_HEADING}</h2>
                <p>{t::ZONES_HINT}</p>
                <FaceMap selected=chosen unavailable=unavailable label=t::ROLL_MAP_LABEL />
                <p class="zones-summary">
                    {move || {
                        let n = candidates.with(Vec::len);
                        let per = SessionPlan::new(&[Zone::Forehead], passes.get())
                            .zone_duration()
                            .num_seconds();
                        t::zones_summary(n, per * n as i64)
                    }}
                </p>
                <Show when=move || !blocked_zone_reasons.with(Vec::is_empty)>
                    <details class="blocked-zones">
                        <summary>{t::BLOCKED_ZONES_HEADING}</summary>
                        <ReasonList reasons=blocked_zone_reasons />
                    </details>
                </Show>
            </section>

            <section class="session-section stack" aria-labelledby="prepare-heading">
                <h2 id="prepare-heading">{t::PREPARE_HEADING}</h2>
                <fieldset>
                    <legend>{t::CHECKLIST_LEGEND}</legend>
                    {checklist()}
                </fieldset>
                <div class="field">
                    <label for="serum">{t::SERUM_LABEL}</label>
                    <p class="hint" id="serum-hint">{t::SERUM_HINT}</p>
                    <input
                        id="serum"
                        type="text"
                        autocomplete="off"
                        aria-describedby=move || {
                            if draft.with(|d| d.serum.trim().is_empty()) {
                                "serum-hint"
                            } else {
                                "serum-hint serum-feedback"
                            }
                        }
                        prop:value=move || draft.with(|d| d.serum.clone())
                        on:input=move |ev| {
                            let value = event_target_value(&ev);
                            draft.update(|d| d.serum = value);
                        }
                    />
                    {serum_feedback}
                </div>
                <label class="choice">
                    <input
                        type="checkbox"
                        prop:checked=move || draft.with(|d| d.numbing_cream)
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            draft.update(|d| d.numbing_cream = on);
                        }
                    />
                    {t::NUMBING_LABEL}
                </label>
                <p class="banner">
                    <strong>{messages::title("pre6.numbing_not_needed").unwrap_or_default()}</strong>
                    " "
                    {messages::message("pre6.numbing_not_needed").unwrap_or_default()}
                </p>
            </section>

            <section class="session-section stack" aria-labelledby="disinfect-heading">
                <h2 id="disinfect-heading" tabindex="-1">{t::DISINFECT_HEADING}</h2>
                <p>{messages::message("pre3.soak_ten_minutes_then_air_dry").unwrap_or(t::DISINFECT_BODY)}</p>
                <p class="banner">
                    {messages::message("pre4.disinfection_not_sterilisation").unwrap_or(t::NOT_STERILE)}
                </p>
                <SoakPanel confirmed=confirmed_soak />
            </section>

            <section class="session-section stack" aria-labelledby="start-heading">
                <h2 id="start-heading">{t::START_HEADING}</h2>
                <fieldset>
                    <legend>{t::PASSES_LEGEND}</legend>
                    {passes_options()}
                </fieldset>
                <CueSwitches />
                <Show when=move || !reasons.with(Vec::is_empty)>
                    <h3>{t::REASONS_HEADING}</h3>
                    <ReasonList reasons=reasons acknowledged=acks />
                </Show>
                <Show when=move || reasons.with(|r| blocked_beyond_preparation(r))>
                    <div class="banner today-blocked">
                        <p>{t::BLOCKED_TODAY_NOTE}</p>
                        <div class="button-row">
                            <A href=href("/log") attr:class="button button-secondary">{t::GO_LOG}</A>
                            <A href=href("/aftercare") attr:class="button button-secondary">
                                {t::GO_AFTERCARE}
                            </A>
                        </div>
                    </div>
                </Show>
                <Show when=move || !missing.with(Vec::is_empty)>
                    <div class="banner banner-warn" id="start-missing">
                        <p>{t::STILL_NEEDED}</p>
                        <ul>
                            {move || {
                                missing.get().into_iter().map(|m| view! { <li>{m}</li> }).collect_view()
                            }}
                        </ul>
                    </div>
                </Show>
                <button
                    type="button"
                    class="button button-big button-wide"
                    disabled=move || !can_start.get()
                    on:click=start
                >
                    {t::START_BUTTON}
                </button>
            </section>
        }
    };

    view! {
        <p class="intro">{t::INTRO}</p>
        {move || match standing.get() {
            Some(reasons) => blocked_view(reasons).into_any(),
            None => main_view().into_any(),
        }}
    }
}
