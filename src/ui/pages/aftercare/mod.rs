//! The aftercare screen: a timeline of the AFT-1..10 windows from the end
//! of the last session, a "Right now" summary, "Can I use this now?" for
//! products and the same question for activities. Without a session it
//! shows the general guidance.

mod plan;

use std::time::Duration as StdDuration;

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use crate::domain::aftercare::{WindowSpec, WINDOWS};
use crate::domain::{
    can_do_activity, can_use_product, Activity, GuidanceItem, ProductContext, Severity, UseAnswer,
    UseVerdict, AFTERCARE_NOTES, CONTEXT,
};
use crate::ui::components::reminder::ReminderCard;
use crate::ui::components::ReasonList;
use crate::ui::data::use_app_data;
use crate::ui::format;
use crate::ui::hooks::use_now;
use crate::ui::messages;
use crate::ui::pages::ScreenIntro;
use crate::ui::router::A;
use crate::ui::routes::href;
use crate::ui::text::{self, aftercare as t};

pub(super) use plan::last_session_end;
use plan::{flaking_now, right_now, timeline_rows, Phase, TimelineRow};

#[component]
pub fn AftercarePage() -> impl IntoView {
    let data = use_app_data();
    let doc = data.doc();
    let now = use_now(StdDuration::from_secs(60));
    let end = Memo::new(move |_| doc.with(last_session_end));
    view! {
        <ScreenIntro screen=&text::AFTERCARE />
        <div class="aftercare">
            {move || match end.get() {
                Some(end) => view! { <Windows end now /> <ReminderCard /> }.into_any(),
                None => view! { <NoSession /> }.into_any(),
            }}
            <ProductCheck now />
            <Activities end now />
        </div>
    }
}

/// With no session yet: say so and show the general guidance.
#[component]
fn NoSession() -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="aftercare-none">
            <h2 id="aftercare-none">{t::NO_SESSION_HEADING}</h2>
            <p>{t::NO_SESSION_BODY}</p>
            <A href=href(text::SESSION.path) attr:class="button button-secondary">
                {t::START_SESSION}
            </A>
        </section>
        <section aria-labelledby="aftercare-general">
            <h2 id="aftercare-general">{t::GENERAL_HEADING}</h2>
            <ul class="aftercare-general">
                {WINDOWS
                    .iter()
                    .filter(|spec| AFTERCARE_NOTES.iter().all(|note| note.key != spec.key))
                    .map(|spec| view! { <GeneralWindow spec=*spec /> })
                    .collect_view()}
            </ul>
            <h3>{t::HABITS_HEADING}</h3>
            <GuidanceList items=&AFTERCARE_NOTES />
        </section>
        <section aria-labelledby="aftercare-context">
            <h2 id="aftercare-context">{t::CONTEXT_HEADING}</h2>
            <GuidanceList items=&CONTEXT />
        </section>
    }
}

#[component]
fn GeneralWindow(spec: WindowSpec) -> impl IntoView {
    let title = messages::title(spec.key).unwrap_or_default();
    let body = messages::message(spec.key).unwrap_or_default();
    view! {
        <li class=format!("aftercare-window {}", severity_class(spec.severity))>
            <p class="aftercare-window-head">
                <SeverityTag severity=spec.severity />
                <span class="aftercare-span">{plan::span_words(spec.from, spec.to)}</span>
            </p>
            <h3>{title}</h3>
            <p>{body}</p>
        </li>
    }
}

#[component]
fn GuidanceList(items: &'static [GuidanceItem]) -> impl IntoView {
    view! {
        <ul class="aftercare-notes">
            {items
                .iter()
                .map(|item| {
                    view! {
                        <li>
                            <strong>{messages::title(item.key).unwrap_or_default()}</strong>
                            " "
                            {messages::message(item.key).unwrap_or_default()}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

fn severity_class(severity: Severity) -> &'static str {
    match severity {
        Severity::Block => "is-block",
        Severity::Warn => "is-warn",
        Severity::Info => "is-info",
    }
}

/// The severity in words with an icon, never colour alone.
#[component]
fn SeverityTag(severity: Severity) -> impl IntoView {
    let icon = match severity {
        Severity::Block => "✕",
        Severity::Warn => "!",
        Severity::Info => "i",
    };
    view! {
        <span class=format!("tag {}", severity_class(severity))>
            <span aria-hidden="true" class="tag-icon">{icon}</span>
            {text::severity_label(severity)}
        </span>
    }
}

/// The summary and timeline after a session.
#[component]
fn Windows(end: DateTime<Utc>, now: Signal<DateTime<Utc>>) -> impl IntoView {
    let status = Memo::new(move |_| plan::status_at(end, now.get()));
    view! {
        <p class="aftercare-ended">
            {t::SESSION_ENDED} " "
            <time datetime=end.to_rfc3339()>{format::date_time(end)}</time>
        </p>
        {move || {
            status
                .with(|s| s.clock_behind)
                .then(|| view! { <p class="banner banner-warn" role="alert">{t::CLOCK_BEHIND}</p> })
        }}
        <section class="card aftercare-now" aria-labelledby="aftercare-now">
            <h2 id="aftercare-now">{t::RIGHT_NOW_HEADING}</h2>
            {move || {
                let lines = status.with(right_now);
                if lines.is_empty() {
                    view! { <p>{t::RIGHT_NOW_ALL_CLEAR}</p> }.into_any()
                } else {
                    view! {
                        <ul class="aftercare-now-list">
                            {lines
                                .into_iter()
                                .filter_map(|line| {
                                    let words = t::right_now_line(line.key)?;
                                    Some(view! {
                                        <li class=severity_class(line.severity)>
                                            <span aria-hidden="true" class="tag-icon">
                                                {if line.severity == Severity::Block { "✕" } else { "!" }}
                                            </span>
                                            <span>
                                                {words}
                                                {line.until.map(|until| view! {
                                                    " " {t::RIGHT_NOW_UNTIL} " "
                                                    <time datetime=until.to_rfc3339()>{format::date_time(until)}</time>
                                                })}
                                            </span>
                                        </li>
                                    })
                                })
                                .collect_view()}
                        </ul>
                    }
                        .into_any()
                }
            }}
        </section>
        <section aria-labelledby="aftercare-timeline">
            <h2 id="aftercare-timeline">{t::TIMELINE_HEADING}</h2>
            <p class="muted">{t::TIMELINE_HINT}</p>
            <ol class="aftercare-timeline">
                {move || {
                    let at = now.get();
                    status
                        .with(|s| timeline_rows(s, at))
                        .into_iter()
                        .filter(|row| !plan::is_finished_extra(row))
                        .map(|row| view! { <TimelineItem row now=at /> })
                        .collect_view()
                }}
            </ol>
            {move || {
                let at = now.get();
                let finished: Vec<TimelineRow> = status
                    .with(|s| timeline_rows(s, at))
                    .into_iter()
                    .filter(plan::is_finished_extra)
                    .collect();
                (!finished.is_empty())
                    .then(|| {
                        view! {
                            <details class="aftercare-finished">
                                <summary>{t::FINISHED} " (" {finished.len()} ")"</summary>
                                <ol class="aftercare-timeline">
                                    {finished
                                        .into_iter()
                                        .map(|row| view! { <TimelineItem row now=at /> })
                                        .collect_view()}
                                </ol>
                            </details>
                        }
                    })
            }}
        </section>
    }
}

#[component]
fn TimelineItem(row: TimelineRow, now: DateTime<Utc>) -> impl IntoView {
    let title = messages::title(row.key).unwrap_or_default();
    let body = messages::message(row.key).unwrap_or_default();
    let phase = match row.phase {
        Phase::Running => t::PHASE_RUNNING,
        Phase::Upcoming => t::PHASE_UPCOMING,
        Phase::Over => t::PHASE_OVER,
    };
    let row_class = match row.phase {
        Phase::Running => "row-running",
        Phase::Upcoming => "row-upcoming",
        Phase::Over => "row-over",
    };
    let phase_class = match row.phase {
        Phase::Running => "phase phase-running",
        Phase::Upcoming => "phase phase-upcoming",
        Phase::Over => "phase phase-over",
    };
    let when = match (row.phase, row.ends) {
        (_, None) => view! { <p class="aftercare-when">{t::ALWAYS}</p> }.into_any(),
        (Phase::Upcoming, Some(_)) => view! {
            <p class="aftercare-when">
                {t::STARTS} " " <time datetime=row.starts.to_rfc3339()>{format::date_time(row.starts)}</time>
            </p>
        }
        .into_any(),
        (Phase::Running, Some(ends)) => view! {
            <p class="aftercare-when">
                {t::ENDS} " " <time datetime=ends.to_rfc3339()>{format::date_time(ends)}</time>
                " · " <strong class="aftercare-countdown">{format::countdown(now, ends)} " " {t::LEFT}</strong>
            </p>
        }
        .into_any(),
        (Phase::Over, Some(ends)) => view! {
            <p class="aftercare-when">
                {t::ENDED} " " <time datetime=ends.to_rfc3339()>{format::date_time(ends)}</time>
            </p>
        }
        .into_any(),
    };
    let bar = row.elapsed_permille.map(|permille| {
        view! {
            <svg
                class="bar aftercare-bar"
                viewBox="0 0 1000 12"
                preserveAspectRatio="none"
                aria-hidden="true"
                focusable="false"
            >
                <rect class="bar-fill" x="0" y="0" height="12" width=permille.to_string() />
            </svg>
        }
    });
    view! {
        <li class=format!("aftercare-row {} {}", severity_class(row.severity), row_class)>
            <p class="aftercare-window-head">
                <SeverityTag severity=row.severity />
                <span class=phase_class>{phase}</span>
                <span class="aftercare-rule">{row.rule.as_str()}</span>
            </p>
            <h3>{title}</h3>
            <p>{body}</p>
            {bar}
            {when}
        </li>
    }
}

/// "Can I use this now?": a search field and quick picks, answered by the
/// engine, announced politely.
#[component]
fn ProductCheck(now: Signal<DateTime<Utc>>) -> impl IntoView {
    let data = use_app_data();
    let doc = data.doc();
    let query = RwSignal::new(String::new());
    let asked = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<&'static str>);
    let answer = Memo::new(move |_| {
        let name = asked.get()?;
        let at = now.get();
        Some(doc.with(|d| {
            let allergens: Vec<String> = d
                .profile
                .as_ref()
                .map(|p| p.allergens.clone())
                .unwrap_or_default();
            let ctx = ProductContext {
                last_session_end: last_session_end(d),
                allergens: &allergens,
                flaking: flaking_now(d),
                now: at,
            };
            (
                name.clone(),
                can_use_product(&name, &ctx),
                ctx.last_session_end.is_some(),
            )
        }))
    });
    let ask = move |name: String| {
        let trimmed = name.trim().to_string();
        if trimmed.is_empty() {
            error.set(Some(t::CHECK_EMPTY));
        } else {
            error.set(None);
            asked.set(Some(trimmed));
        }
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        ask(query.get_untracked());
    };
    view! {
        <section class="card product-check" aria-labelledby="product-check">
            <h2 id="product-check">{t::CHECK_HEADING}</h2>
            <form on:submit=submit novalidate>
                <div class="field">
                    <label for="product-name">{t::CHECK_LABEL}</label>
                    <span class="hint" id="product-hint">{t::CHECK_HINT}</span>
                    <div class="product-search">
                        <input
                            id="product-name"
                            type="search"
                            autocomplete="off"
                            enterkeyhint="search"
                            aria-describedby=move || {
                                if error.get().is_some() { "product-hint product-error" } else { "product-hint" }
                            }
                            aria-invalid=move || if error.get().is_some() { "true" } else { "false" }
                            prop:value=move || query.get()
                            on:input=move |ev| query.set(event_target_value(&ev))
                        />
                        <button type="submit" class="button">{t::CHECK_BUTTON}</button>
                    </div>
                    {move || error.get().map(|e| view! { <p class="field-error" id="product-error">{e}</p> })}
                </div>
            </form>
            <div class="quick-picks" role="group" aria-label=t::QUICK_PICKS_LABEL>
                {t::QUICK_PICKS
                    .iter()
                    .map(|(label, name)| {
                        view! {
                            <button
                                type="button"
                                class="button button-secondary quick-pick"
                                on:click=move |_| {
                                    query.set(name.to_string());
                                    ask(name.to_string());
                                }
                            >
                                {*label}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
            <div class="product-result" aria-live="polite">
                {move || {
                    answer
                        .get()
                        .map(|(name, answer, has_session)| {
                            view! { <Verdict name answer has_session now=now.get() /> }
                        })
                }}
            </div>
        </section>
    }
}

/// The verdict in words and icon, with the engine's reasons.
#[component]
fn Verdict(
    name: String,
    answer: UseAnswer,
    has_session: bool,
    now: DateTime<Utc>,
) -> impl IntoView {
    let (class, icon, head, body): (&str, &str, String, Option<String>) = match &answer.verdict {
        UseVerdict::Allowed => (
            "verdict verdict-ok",
            "✓",
            t::VERDICT_ALLOWED.to_string(),
            (!has_session && !answer.reasons.is_empty())
                .then(|| t::VERDICT_ALLOWED_NO_SESSION.to_string()),
        ),
        UseVerdict::Warn => (
            "verdict verdict-warn",
            "!",
            t::VERDICT_WARN.to_string(),
            Some(t::VERDICT_WARN_BODY.to_string()),
        ),
        UseVerdict::NotUntil(until) => (
            "verdict verdict-block",
            "✕",
            format!("{} {}", t::VERDICT_NOT_UNTIL, format::date_time(*until)),
            Some(format!("{} {}", format::countdown(now, *until), t::LEFT)),
        ),
        UseVerdict::Avoid => (
            "verdict verdict-block",
            "✕",
            t::VERDICT_AVOID.to_string(),
            Some(t::VERDICT_AVOID_BODY.to_string()),
        ),
        UseVerdict::Unknown => (
            "verdict verdict-unknown",
            "?",
            t::VERDICT_UNKNOWN.to_string(),
            Some(t::VERDICT_UNKNOWN_BODY.to_string()),
        ),
    };
    let reasons = answer.reasons;
    view! {
        <div class=class>
            <p class="verdict-for">{t::RESULT_FOR} " “" {name} "”"</p>
            <p class="verdict-head">
                <span class="verdict-icon" aria-hidden="true">{icon}</span>
                <strong>{head}</strong>
            </p>
            {body.map(|b| view! { <p>{b}</p> })}
        </div>
        {(!reasons.is_empty()).then(|| view! { <ReasonList reasons=reasons /> })}
    }
}

/// Activities with an aftercare window (AFT-3, AFT-4, AFT-6), answered by
/// the engine.
#[component]
fn Activities(end: Memo<Option<DateTime<Utc>>>, now: Signal<DateTime<Utc>>) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="aftercare-activities">
            <h2 id="aftercare-activities">{t::ACTIVITIES_HEADING}</h2>
            <ul class="activity-list">
                {move || {
                    let (end, at) = (end.get(), now.get());
                    Activity::ALL
                        .iter()
                        .map(|activity| {
                            let answer = can_do_activity(*activity, end, at);
                            view! { <ActivityRow activity=*activity answer now=at /> }
                        })
                        .collect_view()
                }}
            </ul>
        </section>
    }
}

#[component]
fn ActivityRow(activity: Activity, answer: UseAnswer, now: DateTime<Utc>) -> impl IntoView {
    let (class, icon, words) = match &answer.verdict {
        UseVerdict::NotUntil(until) => (
            "verdict-block",
            "✕",
            format!(
                "{} {} ({} {})",
                t::VERDICT_NOT_UNTIL,
                format::date_time(*until),
                format::countdown(now, *until),
                t::LEFT
            ),
        ),
        UseVerdict::Warn => ("verdict-warn", "!", t::VERDICT_WARN.to_string()),
        UseVerdict::Avoid => ("verdict-block", "✕", t::VERDICT_AVOID.to_string()),
        UseVerdict::Unknown => ("verdict-unknown", "?", t::VERDICT_UNKNOWN.to_string()),
        UseVerdict::Allowed => ("verdict-ok", "✓", t::ACTIVITY_OK.to_string()),
    };
    let reasons = answer.reasons;
    view! {
        <li class=format!("activity {class}")>
            <p class="activity-head">
                <span class="activity-name">{t::activity_name(activity)}</span>
                <span class="activity-verdict">
                    <span class="verdict-icon" aria-hidden="true">{icon}</span>
                    {words}
                </span>
            </p>
            {(!reasons.is_empty()).then(|| view! {
                <details class="activity-why">
                    <summary>{t::ACTIVITY_DETAILS}</summary>
                    <ReasonList reasons=reasons />
                </details>
            })}
        </li>
    }
}
