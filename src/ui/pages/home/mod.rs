//! The home screen: can I roll today, when is my next session, which
//! aftercare windows are running, which reactions hold sessions, how worn is
//! my roller, and the one next thing to do. On the first run: a welcome.

pub mod logic;

use std::future::Future;
use std::task::{Context, Poll, Waker};
use std::time::Duration;

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use crate::domain::{triage, AftercareWindow, Reason, RuleId, Severity};
use crate::ui::components::reminder::ReminderCard;
use crate::ui::components::ReasonList;
use crate::ui::data::{use_app_data, ImportPanel};
use crate::ui::format::{self, local_offset_at};
use crate::ui::hooks::use_now;
use crate::ui::layout::PageHeading;
use crate::ui::router::A;
use crate::ui::routes::href;
use crate::ui::text::home as text;
use crate::ui::{messages, text as shell_text, welcome};

use logic::{home_view, Headline, Held, HomeView, NextAction, RollerLife};

/// The words of a next action.
pub fn action_label(action: NextAction) -> &'static str {
    match action {
        NextAction::SetUp => text::ACTION_SET_UP,
        NextAction::Resume => text::ACTION_RESUME,
        NextAction::LogSkin => text::ACTION_LOG,
        NextAction::StartCheck => text::ACTION_START,
        NextAction::ReplaceRoller => text::ACTION_REPLACE,
        NextAction::ReviewAnswers => text::ACTION_REVIEW,
    }
}

#[component]
pub fn HomePage() -> impl IntoView {
    let data = use_app_data();
    let first_run = Memo::new(move |_| data.doc().with(logic::is_first_run));
    move || {
        if first_run.get() {
            view! { <Welcome /> }.into_any()
        } else {
            // The dashboard and the engine behind it are their own WASM
            // module: a first visit (the welcome) never fetches them. When
            // its module is there (with data stored, the start loads it
            // beside the reader: see `preload_dashboard`; and always in
            // builds without the split), the dashboard renders at once,
            // without a suspense boundary's work; otherwise it shows once
            // its module has loaded.
            let mut loading = Box::pin(dashboard());
            match loading
                .as_mut()
                .poll(&mut Context::from_waker(Waker::noop()))
            {
                Poll::Ready(view) => view,
                Poll::Pending => view! { <Suspense>{Suspend::new(loading)}</Suspense> }.into_any(),
            }
        }
    }
}

/// Starts fetching the dashboard's code when the page was loaded at Home
/// with a stored document: its modules then download and compile while the
/// document is decoded and the shell renders, instead of after, and the
/// date formatters it needs are made while they download. Call it
/// before the data is opened. Elsewhere, on a first run (nothing stored) and
/// in builds without the split it does nothing; the dashboard loads as
/// before when it is shown.
pub fn preload_dashboard() {
    #[cfg(rollwise_split)]
    {
        use crate::storage::backend::LocalStorageBackend;
        use crate::storage::store::document_stored;

        if !(crate::ui::routes::at_home() && document_stored(&LocalStorageBackend)) {
            return;
        }
        let mut load = Box::pin(__preload_dashboard());
        // The first poll asks for every module at once, now: a spawned task
        // would first run after the whole synchronous start-up. The task
        // then drives the load to its end (the dashboard awaits the same
        // load).
        let first = load.as_mut().poll(&mut Context::from_waker(Waker::noop()));
        if first.is_pending() {
            leptos::task::spawn_local(load);
        }
        // The dashboard writes dates. Their formatters are made while the
        // modules download (this task runs once start-up's synchronous part
        // is done), not after.
        leptos::task::spawn_local(async { format::prepare() });
    }
}

/// The dashboard, loaded on demand in the release build (the cfg
/// `rollwise_split`, see `xtask/src/wasm.rs`).
#[cfg_attr(rollwise_split, lazy)]
async fn dashboard() -> AnyView {
    view! { <DashboardPage /> }.into_any()
}

#[component]
fn DashboardPage() -> impl IntoView {
    let data = use_app_data();
    let now = use_now(Duration::from_secs(30));
    let state = Memo::new(move |_| {
        let now = now.get();
        data.doc()
            .with(|doc| home_view(doc, now, local_offset_at(now)))
    });
    view! { <Dashboard state now /> }
}

/// The first run: what Rollwise does, and the way in (`ui::welcome`, which
/// a first visit shows before the app has loaded).
#[component]
fn Welcome() -> impl IntoView {
    let restore = view! { <ImportPanel id=welcome::IMPORT_ID /> }.into_any();
    view! { <welcome::Welcome restore /> }
}

#[component]
fn Dashboard(state: Memo<HomeView>, now: Signal<DateTime<Utc>>) -> impl IntoView {
    let headline = Memo::new(move |_| state.with(|s| s.headline));
    let action = Memo::new(move |_| state.with(|s| s.action));
    let reasons = Memo::new(move |_| {
        state.with(|s| {
            s.reasons
                .iter()
                // The roller card shows its own warnings.
                .filter(|r| !(r.rule == RuleId::Dev4 && r.severity == Severity::Warn))
                .cloned()
                .collect::<Vec<Reason>>()
        })
    });
    let status_class = move || match headline.get() {
        Headline::Ready => "status status-ok home-status",
        Headline::WaitUntil(_) => "status status-wait home-status",
        _ => "status status-blocked home-status",
    };
    let status_title = move || match headline.get() {
        Headline::Ready => text::READY_TITLE,
        Headline::WaitUntil(_) => text::WAIT_TITLE,
        _ => text::BLOCKED_TITLE,
    };
    let status_body = move || match headline.get() {
        Headline::Ready => view! { <p>{text::READY_BODY}</p> }.into_any(),
        Headline::WaitUntil(until) => {
            let countdown = move || text::in_countdown(&format::countdown(now.get(), until));
            view! {
                <p class="home-until">
                    {text::wait_until(&format::date_time(until))}
                </p>
                <p class="home-countdown" aria-live="polite">{countdown}</p>
            }
            .into_any()
        }
        _ => view! { <p>{text::BLOCKED_BODY}</p> }.into_any(),
    };
    view! {
        <PageHeading text=shell_text::HOME.title />
        <section class=status_class aria-labelledby="home-status-title">
            <p class="status-label">{text::STATUS_HEADING}</p>
            <h2 id="home-status-title">{status_title}</h2>
            {status_body}
        </section>
        {move || {
            let a = action.get();
            view! {
                <A href=href(a.route()) attr:class="button button-big button-wide home-action">
                    {action_label(a)}
                </A>
            }
        }}
        <Show when=move || reasons.with(|r| !r.is_empty())>
            <section class="home-reasons" aria-labelledby="home-reasons-title">
                <h2 id="home-reasons-title">{text::REASONS_HEADING}</h2>
                <ReasonList reasons=reasons />
            </section>
        </Show>
        <NextWindowCard state now />
        <ReminderCard />
        <AftercareCard state now />
        <HeldCard state now />
        {move || state.with(|s| s.roller.clone()).map(|life| view! { <RollerCard life /> })}
    }
}

/// One line of a definition list with a time and its countdown.
fn when_line(label: &'static str, at: DateTime<Utc>, now: Signal<DateTime<Utc>>) -> impl IntoView {
    let left = move || {
        if at <= now.get() {
            text::NOW.to_string()
        } else {
            text::in_time(&format::countdown(now.get(), at))
        }
    };
    view! {
        <dt>{label}</dt>
        <dd>
            <time datetime=at.to_rfc3339()>{format::date_time(at)}</time>
            " · "
            <span class="home-left">{left}</span>
        </dd>
    }
}

#[component]
fn NextWindowCard(state: Memo<HomeView>, now: Signal<DateTime<Utc>>) -> impl IntoView {
    let window = Memo::new(move |_| {
        state.with(|s| {
            s.next
                .as_ref()
                .map(|n| (n.last_session_end, n.earliest, n.recommended))
        })
    });
    view! {
        <section class="card home-next" aria-labelledby="home-next-title">
            <h2 id="home-next-title">{text::NEXT_HEADING}</h2>
            {move || match window.get() {
                Some((Some(last), Some(earliest), Some(recommended))) => view! {
                    <dl class="home-times">
                        <dt>{text::LAST_SESSION}</dt>
                        <dd><time datetime=last.to_rfc3339()>{format::date_time(last)}</time></dd>
                        {when_line(text::EARLIEST, earliest, now)}
                        {when_line(text::RECOMMENDED, recommended, now)}
                    </dl>
                }
                .into_any(),
                _ => view! { <p>{text::NEXT_NONE}</p> }.into_any(),
            }}
        </section>
    }
}

fn window_title(w: &AftercareWindow) -> &'static str {
    messages::title(w.key).unwrap_or_else(|| crate::domain::rule_info(w.rule).summary)
}

#[component]
fn AftercareCard(state: Memo<HomeView>, now: Signal<DateTime<Utc>>) -> impl IntoView {
    let windows = Memo::new(move |_| state.with(|s| s.aftercare.clone()));
    view! {
        <Show when=move || windows.with(|w| !w.is_empty())>
            <section class="card home-aftercare" aria-labelledby="home-aftercare-title">
                <h2 id="home-aftercare-title">{text::AFTERCARE_HEADING}</h2>
                <ul class="home-windows">
                    {move || {
                        windows
                            .get()
                            .into_iter()
                            .map(|w| {
                                let ends = w.ends;
                                let left = move || {
                                    ends.map(|e| {
                                        text::ends(&format::date_time(e), &format::countdown(now.get(), e))
                                    })
                                };
                                view! {
                                    <li class="home-window">
                                        <span class="home-window-severity">
                                            {shell_text::severity_label(w.severity)}
                                        </span>
                                        <span class="home-window-title">{window_title(&w)}</span>
                                        <span class="home-window-left muted">{left}</span>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
                <A href=href("/aftercare") attr:class="button button-secondary button-wide">
                    {text::AFTERCARE_LINK}
                </A>
            </section>
        </Show>
    }
}

/// The title of the engine's main reason for a held reaction.
fn held_title(h: &Held, now: DateTime<Utc>) -> &'static str {
    let t = triage(&h.reaction, h.session_end, now);
    t.reasons
        .iter()
        .find(|r| r.rule != RuleId::Rx11)
        .or(t.reasons.first())
        .and_then(|r| messages::title(r.key))
        .unwrap_or(text::HELD_HEADING)
}

#[component]
fn HeldCard(state: Memo<HomeView>, now: Signal<DateTime<Utc>>) -> impl IntoView {
    let held = Memo::new(move |_| state.with(|s| s.held.clone()));
    view! {
        <Show when=move || held.with(|h| !h.is_empty())>
            <section class="card home-held" aria-labelledby="home-held-title">
                <h2 id="home-held-title">{text::HELD_HEADING}</h2>
                <p>{text::HELD_BODY}</p>
                <ul class="home-held-list">
                    {move || {
                        held.get()
                            .into_iter()
                            .map(|h| {
                                let title = held_title(&h, now.get_untracked());
                                let noticed = h.reaction.noticed_at;
                                view! {
                                    <li>
                                        <strong>{title}</strong>
                                        " · "
                                        <span class="muted">{text::noticed(&format::date_time(noticed))}</span>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
                <A href=href("/log") attr:class="button button-secondary button-wide">{text::HELD_LINK}</A>
            </section>
        </Show>
    }
}

#[component]
fn RollerCard(life: RollerLife) -> impl IntoView {
    let limit = life.sessions_limit.max(1);
    let used = life.sessions_used.min(limit);
    let width = (u64::from(used) * 100 / u64::from(limit)).to_string();
    let bar_class = if life
        .reasons
        .iter()
        .any(|r| r.rule == RuleId::Dev4 && r.severity == Severity::Block)
    {
        "bar home-bar home-bar-block"
    } else if life.reasons.iter().any(|r| r.rule == RuleId::Dev4) {
        "bar home-bar home-bar-warn"
    } else {
        "bar home-bar"
    };
    let label = text::sessions_used(life.sessions_used, life.sessions_limit);
    let reasons: Vec<Reason> = life
        .reasons
        .iter()
        .filter(|r| r.rule == RuleId::Dev4)
        .cloned()
        .collect();
    let has_reasons = !reasons.is_empty();
    view! {
        <section class="card home-roller" aria-labelledby="home-roller-title">
            <h2 id="home-roller-title">{text::ROLLER_HEADING}</h2>
            <p class="home-sessions">{label.clone()}</p>
            <svg
                class=bar_class
                viewBox="0 0 100 12"
                preserveAspectRatio="none"
                role="img"
                aria-label=format!("{}: {label}", text::SESSIONS_BAR_LABEL)
            >
                <rect x="0" y="0" height="12" width=width></rect>
            </svg>
            <p>
                {match life.first_use {
                    Some(first) => text::first_used(&format::date(first), life.days_used),
                    None => text::ROLLER_NOT_USED.to_string(),
                }}
            </p>
            {life.replace_by.map(|by| view! { <p>{text::replace_by(&format::date(by))}</p> })}
            {has_reasons.then(|| view! { <ReasonList reasons=Signal::derive(move || reasons.clone()) /> })}
            <A href=href("/settings") attr:class="button button-secondary button-wide">{text::ROLLER_LINK}</A>
        </section>
    }
}
