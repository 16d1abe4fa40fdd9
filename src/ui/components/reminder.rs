//! The next-session reminder card: pick the next session inside the window
//! the rules engine gives, add it (and "actives OK again") to the calendar,
//! and get a notice or an in-app banner when it is due.
//!
//! Mounting is one line: `<ReminderCard />` (it reads the document through
//! `use_app_data()` and asks the engine itself).
//!
//! Invariants:
//! - A time before the engine's earliest instant (INT-1), or in the past,
//!   is refused and changes nothing; later is never refused (INT-3), only a
//!   time more than 8 weeks away gets a gentle warning.
//! - A stored reminder earlier than the current window's earliest instant
//!   belongs to a session already recorded: it is stale and never shown as
//!   due.
//! - The calendar event of a reminder keeps its UID (anchored on the last
//!   session's end) across reschedules; its SEQUENCE is the document's
//!   reminder sequence, which grows with every change.
//! - While a reaction holds sessions (INT-4), a due reminder says the
//!   session is on hold instead of due, and no notice is sent.

use std::time::Duration as StdDuration;

use chrono::{DateTime, Duration, FixedOffset, NaiveDateTime, NaiveTime, Timelike, Utc};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::domain::calendar::{self, Alarm, Event, EVENT_LENGTH};
use crate::domain::time;
use crate::domain::{aftercare_status, next_session_window, History, Reason, RuleId};
use crate::storage::doc::AppDoc;
use crate::ui::components::ReasonList;
use crate::ui::data::use_app_data;
use crate::ui::format::{self, local_offset_at};
use crate::ui::hooks::{use_notifications, use_now, Notice, NoticePermission};
use crate::ui::router::A;
use crate::ui::routes::href;
use crate::ui::text::reminders as text;

/// The local time of day a reminder defaults to.
pub const DEFAULT_TIME: (u32, u32) = (9, 0);
/// Beyond this, a picked time gets a gentle warning.
pub const FAR_AWAY: Duration = Duration::weeks(8);

/// What the card shows, from the document and the clock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReminderPlan {
    /// The end of the last session (the reminder's anchor).
    pub last_end: DateTime<Utc>,
    /// INT-1: the earliest instant the next session may start.
    pub earliest: DateTime<Utc>,
    /// INT-3: the recommended instant.
    pub recommended: DateTime<Utc>,
    /// INT-4 and RX-11 reasons while a reaction holds sessions.
    pub held: Vec<Reason>,
    /// The stored reminder, when it is for this window.
    pub reminder: Option<DateTime<Utc>>,
    /// A reminder is stored but belongs to an earlier window.
    pub stale: bool,
    /// The stored reminder's sequence.
    pub sequence: u64,
    /// The calendar UID of this window's reminder.
    pub uid: String,
    /// The reminder time has come.
    pub due: bool,
    /// AFT-5: when actives are OK again, while that is still ahead.
    pub actives_ok: Option<DateTime<Utc>>,
}

/// The plan at `now`; `None` before the first recorded session.
pub fn reminder_plan(
    doc: &AppDoc,
    now: DateTime<Utc>,
    offset: FixedOffset,
) -> Option<ReminderPlan> {
    let window = next_session_window(&History {
        sessions: &doc.sessions,
        reactions: &doc.reactions,
        needle_today: None,
        now,
        offset,
    });
    let (last_end, earliest, recommended) = (
        window.last_session_end?,
        window.earliest?,
        window.recommended?,
    );
    let held = window
        .reasons
        .iter()
        .filter(|r| matches!(r.rule, RuleId::Int4 | RuleId::Rx11))
        .cloned()
        .collect();
    let stored = doc.reminder.next_session_at;
    let reminder = stored.filter(|at| *at >= earliest);
    let actives_ok = aftercare_status(last_end, now)
        .windows
        .iter()
        .find(|w| w.key == "aft5.actives_locked")
        .and_then(|w| w.ends)
        .filter(|ends| now < *ends);
    Some(ReminderPlan {
        last_end,
        earliest,
        recommended,
        held,
        reminder,
        stale: stored.is_some() && reminder.is_none(),
        sequence: doc.reminder.sequence,
        uid: calendar::next_session_uid(last_end),
        due: reminder.is_some_and(|at| at <= now),
        actives_ok,
    })
}

/// A UTC offset as a duration to add to UTC.
fn shift(offset: FixedOffset) -> Duration {
    Duration::seconds(i64::from(offset.local_minus_utc()))
}

/// `at` as a `datetime-local` value in the offset of that instant.
pub fn to_input(at: DateTime<Utc>, offset_at: &dyn Fn(DateTime<Utc>) -> FixedOffset) -> String {
    time::input_minute(at.with_timezone(&offset_at(at)).naive_local())
}

/// The earliest `datetime-local` value not before `at` (rounded up to the
/// minute), for the input's `min`.
pub fn min_input(at: DateTime<Utc>, offset_at: &dyn Fn(DateTime<Utc>) -> FixedOffset) -> String {
    let whole = at.with_nanosecond(0).unwrap_or(at);
    let up = if whole.second() == 0 && whole == at {
        whole
    } else {
        whole.with_second(0).unwrap_or(whole) + Duration::minutes(1)
    };
    to_input(up, offset_at)
}

/// Reads a `datetime-local` value ("2026-03-09T09:00", seconds allowed).
pub fn parse_input(value: &str) -> Option<NaiveDateTime> {
    [
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M:%S%.f",
    ]
    .iter()
    .find_map(|f| NaiveDateTime::parse_from_str(value.trim(), f).ok())
}

/// A local wall-clock time as an instant, with the offset the browser gives
/// at that instant (asked twice, so a time just after a DST change is
/// right).
pub fn local_to_utc(
    local: NaiveDateTime,
    offset_at: &dyn Fn(DateTime<Utc>) -> FixedOffset,
) -> DateTime<Utc> {
    let naive = local.and_utc();
    let first = naive - shift(offset_at(naive));
    naive - shift(offset_at(first))
}

/// Why a picked time was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickError {
    Empty,
    Unreadable,
    /// Before the engine's earliest instant (INT-1).
    TooSoon,
    /// Already past.
    Past,
}

/// A picked time that may be saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pick {
    pub at: DateTime<Utc>,
    /// More than [`FAR_AWAY`] from now: warn gently.
    pub far: bool,
}

/// Checks a picked `datetime-local` value against the window.
pub fn check_pick(
    value: &str,
    earliest: DateTime<Utc>,
    now: DateTime<Utc>,
    offset_at: &dyn Fn(DateTime<Utc>) -> FixedOffset,
) -> Result<Pick, PickError> {
    if value.trim().is_empty() {
        return Err(PickError::Empty);
    }
    let local = parse_input(value).ok_or(PickError::Unreadable)?;
    let at = local_to_utc(local, offset_at);
    if at < earliest {
        return Err(PickError::TooSoon);
    }
    let this_minute = now
        .with_second(0)
        .and_then(|t| t.with_nanosecond(0))
        .unwrap_or(now);
    if at < this_minute {
        return Err(PickError::Past);
    }
    Ok(Pick {
        at,
        far: at - now > FAR_AWAY,
    })
}

/// The value the picker starts with: the stored reminder, else the
/// recommended day at 09:00 local (the next day at 09:00 when that is
/// before the earliest instant or now).
pub fn default_pick(
    plan: &ReminderPlan,
    now: DateTime<Utc>,
    offset_at: &dyn Fn(DateTime<Utc>) -> FixedOffset,
) -> String {
    if let Some(at) = plan.reminder {
        return to_input(at, offset_at);
    }
    let floor = plan.earliest.max(now);
    let local_day = |at: DateTime<Utc>| at.with_timezone(&offset_at(at)).date_naive();
    let nine = NaiveTime::from_hms_opt(DEFAULT_TIME.0, DEFAULT_TIME.1, 0).unwrap_or_default();
    let mut day = local_day(plan.recommended).max(local_day(floor));
    for _ in 0..3 {
        let candidate = day.and_time(nine);
        if local_to_utc(candidate, offset_at) >= floor {
            return time::input_minute(candidate);
        }
        day = day.succ_opt().unwrap_or(day);
    }
    min_input(floor, offset_at)
}

/// The notice for a due reminder (none while sessions are held).
pub fn due_notice(plan: &ReminderPlan) -> Option<Notice> {
    (plan.due && plan.held.is_empty()).then(|| Notice {
        key: format!("{}#{}", plan.uid, plan.sequence),
        tag: plan.uid.clone(),
        title: text::NOTICE_TITLE.to_string(),
        body: text::NOTICE_BODY.to_string(),
    })
}

/// The calendar file of the next session: (file name, content).
pub fn next_session_file(
    plan: &ReminderPlan,
    lead_minutes: u32,
    now: DateTime<Utc>,
) -> Option<(String, String)> {
    let start = plan.reminder?;
    let alarm = if lead_minutes == 0 {
        text::ALARM_AT_START.to_string()
    } else {
        text::alarm(&text::lead(lead_minutes))
    };
    let event = Event {
        uid: plan.uid.clone(),
        sequence: plan.sequence,
        start,
        length: EVENT_LENGTH,
        summary: text::EVENT_SUMMARY.to_string(),
        description: text::EVENT_DESCRIPTION.to_string(),
        alarm: Some(Alarm {
            lead_minutes,
            description: alarm,
        }),
    };
    Some((
        calendar::file_name("next-session", start),
        calendar::calendar(&[event], now),
    ))
}

/// The calendar file of "actives OK again" after the last session.
pub fn actives_file(plan: &ReminderPlan, now: DateTime<Utc>) -> Option<(String, String)> {
    let start = plan.actives_ok?;
    let event = Event {
        uid: calendar::actives_ok_uid(plan.last_end),
        sequence: 0,
        start,
        length: EVENT_LENGTH,
        summary: text::ACTIVES_SUMMARY.to_string(),
        description: text::ACTIVES_DESCRIPTION.to_string(),
        alarm: Some(Alarm {
            lead_minutes: 0,
            description: text::ACTIVES_ALARM.to_string(),
        }),
    };
    Some((
        calendar::file_name("actives-ok", start),
        calendar::calendar(&[event], now),
    ))
}

/// Offers `content` as a download through a Blob, an object URL and a
/// temporary `<a download>`.
fn download(file_name: &str, content: &str) -> Result<(), JsValue> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(&format!("{};charset=utf-8", calendar::MIME));
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.set_hidden(true);
    let body = document
        .body()
        .ok_or_else(|| JsValue::from_str("no body"))?;
    body.append_child(&anchor)?;
    anchor.click();
    anchor.remove();
    // Revoke once the download manager has the URL.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        StdDuration::from_secs(1),
    );
    Ok(())
}

/// What the last action said.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Said {
    Error(String),
    Saved { when: String, far: bool },
    Removed,
    Downloaded(String),
    DownloadFailed,
}

const PICK_ID: &str = "reminder-when";
const PICK_HINT_ID: &str = "reminder-when-hint";
const PICK_ERROR_ID: &str = "reminder-when-error";

/// The reminder card. See the module docs.
#[component]
pub fn ReminderCard() -> impl IntoView {
    let data = use_app_data();
    let now = use_now(StdDuration::from_secs(30));
    let offset_at = |at: DateTime<Utc>| local_offset_at(at);
    let plan = Memo::new(move |_| {
        let now = now.get();
        data.doc()
            .with(|doc| reminder_plan(doc, now, local_offset_at(now)))
    });
    // A reminder announced once (even before a reload) is not announced again.
    let announced = move || {
        data.doc()
            .with(|d| d.reminder.notified_sequence == Some(d.reminder.sequence))
    };
    let due = Signal::derive(move || {
        if announced() {
            return None;
        }
        plan.with(|p| p.as_ref().and_then(due_notice))
    });
    let notices = use_notifications(due, move |_| {
        data.update(|d| d.reminder.notified_sequence = Some(d.reminder.sequence));
    });
    let draft = RwSignal::new(None::<String>);
    let said = RwSignal::new(None::<Said>);

    let pick_value = move || {
        draft.get().unwrap_or_else(|| {
            plan.with(|p| {
                p.as_ref()
                    .map(|p| default_pick(p, now.get_untracked(), &offset_at))
                    .unwrap_or_default()
            })
        })
    };
    let error = move || match said.get() {
        Some(Said::Error(e)) => Some(e),
        _ => None,
    };

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(p) = plan.get_untracked() else {
            return;
        };
        let value = pick_value();
        let earliest = format::date_time(p.earliest);
        match check_pick(&value, p.earliest, now.get_untracked(), &offset_at) {
            Err(e) => said.set(Some(Said::Error(match e {
                PickError::Empty => text::ERROR_EMPTY.to_string(),
                PickError::Unreadable => text::ERROR_UNREADABLE.to_string(),
                PickError::TooSoon => text::error_too_soon(&earliest),
                PickError::Past => text::ERROR_PAST.to_string(),
            }))),
            Ok(pick) => {
                if p.reminder != Some(pick.at) {
                    data.update(|doc| {
                        doc.schedule_reminder(Some(pick.at));
                    });
                }
                draft.set(None);
                said.set(Some(Said::Saved {
                    when: format::date_time(pick.at),
                    far: pick.far,
                }));
            }
        }
    };
    let remove = move |_| {
        data.update(|doc| {
            doc.schedule_reminder(None);
        });
        draft.set(None);
        said.set(Some(Said::Removed));
    };
    let offer = move |file: Option<(String, String)>| {
        let Some((name, content)) = file else {
            return;
        };
        match download(&name, &content) {
            Ok(()) => said.set(Some(Said::Downloaded(name))),
            Err(err) => {
                leptos::logging::warn!("reminder: download failed: {err:?}");
                said.set(Some(Said::DownloadFailed));
            }
        }
    };
    let add_next = move |_| {
        let lead = data
            .doc()
            .with_untracked(|d| d.preferences.reminder_lead_minutes);
        let file = plan.with_untracked(|p| {
            p.as_ref()
                .and_then(|p| next_session_file(p, lead, Utc::now()))
        });
        offer(file);
    };
    let add_actives = move |_| {
        let file = plan.with_untracked(|p| p.as_ref().and_then(|p| actives_file(p, Utc::now())));
        offer(file);
    };

    let has_plan = Memo::new(move |_| plan.with(Option::is_some));
    let body = move || {
        if !has_plan.get() {
            return view! { <p>{text::NO_SESSION_YET}</p> }.into_any();
        }
        let p = move || plan.get();
        let banner = move || {
            let p = p()?;
            let at = p.reminder.filter(|_| p.due)?;
            let when = format::date_time(at);
            Some(if p.held.is_empty() {
                view! {
                    <div class="banner banner-ok reminder-due" role="status">
                        <p class="reminder-banner-title">{text::due(&when)}</p>
                        <p>{text::DUE_HINT}</p>
                        <A href=href("/session") attr:class="button button-wide">{text::DUE_ACTION}</A>
                    </div>
                }
                .into_any()
            } else {
                let held = p.held.clone();
                view! {
                    <div class="banner banner-warn reminder-due" role="status">
                        <p class="reminder-banner-title">{text::held(&when)}</p>
                        <p>{text::HELD_HINT}</p>
                        <A href=href("/log") attr:class="button button-secondary button-wide">{text::HELD_ACTION}</A>
                    </div>
                    <ReasonList reasons=Signal::derive(move || held.clone()) />
                }
                .into_any()
            })
        };
        let held_list = move || {
            let p = p()?;
            (!p.held.is_empty() && !p.due).then(|| {
                let held = p.held.clone();
                view! { <ReasonList reasons=Signal::derive(move || held.clone()) /> }
            })
        };
        let status = move || {
            let p = p()?;
            Some(match p.reminder {
                Some(at) if !p.due => {
                    text::planned(&format::date_time(at), &format::countdown(now.get(), at))
                }
                Some(_) => return None,
                None if p.stale => text::STALE.to_string(),
                None => text::NOT_PLANNED.to_string(),
            })
        };
        let window = move || {
            p().map(|p| {
                text::window(
                    &format::date_time(p.earliest),
                    &format::date_time(p.recommended),
                )
            })
        };
        let hint = move || p().map(|p| text::pick_hint(&format::date_time(p.earliest)));
        let min = move || p().map(|p| min_input(p.earliest, &offset_at));
        let has_reminder = move || plan.with(|p| p.as_ref().is_some_and(|p| p.reminder.is_some()));
        let actives = move || {
            let at = p()?.actives_ok?;
            Some(view! {
                <p>{text::actives_intro(&format::date_time(at))}</p>
                <button type="button" class="button button-secondary button-wide reminder-actives" on:click=add_actives>
                    {text::ADD_ACTIVES}
                </button>
            })
        };
        view! {
            {banner}
            {held_list}
            <p class="reminder-status">{status}</p>
            <p class="muted">{window}</p>
            <form class="reminder-form" on:submit=save novalidate>
                <div class="field">
                    <label for=PICK_ID>{text::PICK_LABEL}</label>
                    <span class="hint" id=PICK_HINT_ID>{hint}</span>
                    <input
                        type="datetime-local"
                        id=PICK_ID
                        min=min
                        prop:value=pick_value
                        aria-describedby=move || {
                            if error().is_some() { format!("{PICK_HINT_ID} {PICK_ERROR_ID}") } else { PICK_HINT_ID.to_string() }
                        }
                        aria-invalid=move || error().is_some().then_some("true")
                        on:input=move |ev| {
                            draft.set(Some(event_target_value(&ev)));
                            if matches!(said.get_untracked(), Some(Said::Error(_))) {
                                said.set(None);
                            }
                        }
                    />
                    {move || error().map(|e| view! { <p class="field-error" id=PICK_ERROR_ID role="alert">{e}</p> })}
                </div>
                <button type="submit" class="button button-wide">
                    {move || if has_reminder() { text::CHANGE } else { text::SAVE }}
                </button>
            </form>
            <div class="reminder-said" role="status">
                {move || match said.get() {
                    Some(Said::Saved { when, far }) => Some(view! {
                        <p class="reminder-saved">{text::saved(&when)}</p>
                        {far.then(|| view! { <p class="reminder-far">{text::WARN_FAR}</p> })}
                    }.into_any()),
                    Some(Said::Removed) => Some(view! { <p>{text::REMOVED}</p> }.into_any()),
                    Some(Said::Downloaded(name)) => Some(view! { <p>{text::downloaded(&name)}</p> }.into_any()),
                    Some(Said::DownloadFailed) => Some(view! { <p>{text::DOWNLOAD_FAILED}</p> }.into_any()),
                    _ => None,
                }}
            </div>
            <Show when=has_reminder>
                <h3 class="reminder-subheading">{text::CALENDAR_HEADING}</h3>
                <p class="muted">{text::ADD_TO_CALENDAR_HINT}</p>
                <div class="button-row">
                    <button type="button" class="button button-secondary reminder-add" on:click=add_next>
                        {text::ADD_TO_CALENDAR}
                    </button>
                    <button type="button" class="button button-secondary reminder-remove" on:click=remove>
                        {text::REMOVE}
                    </button>
                </div>
            </Show>
            {actives}
            <h3 class="reminder-subheading">{text::NOTICES_HEADING}</h3>
            {move || match notices.permission.get() {
                NoticePermission::Ask => view! {
                    <p class="muted">{text::NOTICES_ASK_HINT}</p>
                    <button type="button" class="button button-secondary button-wide" on:click=move |_| notices.ask()>
                        {text::NOTICES_ASK}
                    </button>
                }.into_any(),
                NoticePermission::Granted => view! { <p>{text::NOTICES_ON}</p> }.into_any(),
                NoticePermission::Denied => view! { <p>{text::NOTICES_DENIED}</p> }.into_any(),
                NoticePermission::Unsupported => view! { <p>{text::NOTICES_UNSUPPORTED}</p> }.into_any(),
            }}
        }
        .into_any()
    };

    view! {
        <section class="card reminder-card" aria-labelledby="reminder-title">
            <h2 id="reminder-title">{text::HEADING}</h2>
            {body}
            <p class="muted reminder-limits">{text::CANNOT_PROMISE}</p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{
        NeedleLength, Reaction, ReactionId, ReactionKind, ReactionSeverity, ReactionStatus,
        Session, SessionId, Zone,
    };
    use chrono::TimeZone;

    fn utc(d: u32, h: u32, m: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, d, h, m, 0).unwrap()
    }

    fn fixed(hours: i32) -> impl Fn(DateTime<Utc>) -> FixedOffset {
        move |_| FixedOffset::east_opt(hours * 3600).unwrap()
    }

    /// Central Europe: +01:00, +02:00 from 2026-03-29 01:00 UTC.
    fn cet(at: DateTime<Utc>) -> FixedOffset {
        let summer = at >= utc(29, 1, 0);
        FixedOffset::east_opt(if summer { 7200 } else { 3600 }).unwrap()
    }

    fn doc_with_session(end: DateTime<Utc>) -> AppDoc {
        let mut doc = AppDoc::default();
        doc.sessions.push(Session {
            id: SessionId(1),
            started_at: end - Duration::minutes(20),
            ended_at: end,
            needle: NeedleLength::MM_0_25,
            zones_completed: vec![Zone::Forehead],
            zones_stopped_bleeding: Vec::new(),
            disinfected_before: true,
            disinfected_after: true,
        });
        doc
    }

    fn plan(doc: &AppDoc, now: DateTime<Utc>) -> ReminderPlan {
        reminder_plan(doc, now, FixedOffset::east_opt(0).unwrap()).expect("a plan")
    }

    #[test]
    fn no_plan_before_the_first_session() {
        let now = utc(3, 10, 0);
        assert_eq!(
            reminder_plan(&AppDoc::default(), now, FixedOffset::east_opt(0).unwrap()),
            None
        );
    }

    #[test]
    fn plan_follows_the_engine_window() {
        let doc = doc_with_session(utc(2, 9, 20));
        let p = plan(&doc, utc(3, 10, 0));
        assert_eq!(p.earliest, utc(9, 9, 20));
        assert_eq!(p.recommended, utc(9, 9, 20));
        assert_eq!(p.reminder, None);
        assert!(!p.stale && !p.due && p.held.is_empty());
        assert_eq!(p.uid, "next-session-after-20260302T092000Z@rollwise.local");
        // AFT-5: 72 hours after the end, only while still ahead.
        assert_eq!(p.actives_ok, Some(utc(5, 9, 20)));
        assert_eq!(plan(&doc, utc(5, 9, 20)).actives_ok, None);
    }

    #[test]
    fn stored_reminder_is_due_stale_or_planned() {
        let mut doc = doc_with_session(utc(2, 9, 20));
        doc.schedule_reminder(Some(utc(10, 8, 0)));
        // (now, planned, due)
        let table = [
            (utc(3, 10, 0), Some(utc(10, 8, 0)), false),
            (utc(10, 7, 59), Some(utc(10, 8, 0)), false),
            (utc(10, 8, 0), Some(utc(10, 8, 0)), true),
            (utc(20, 8, 0), Some(utc(10, 8, 0)), true),
        ];
        for (now, reminder, due) in table {
            let p = plan(&doc, now);
            assert_eq!((p.reminder, p.due), (reminder, due), "{now}");
            assert_eq!(due_notice(&p).is_some(), due);
        }
        // A new session makes the old reminder stale: never due.
        doc.sessions.push(Session {
            id: SessionId(2),
            ..doc_with_session(utc(10, 9, 0)).sessions[0].clone()
        });
        let p = plan(&doc, utc(12, 9, 0));
        assert!(p.stale && !p.due && p.reminder.is_none());
        assert!(due_notice(&p).is_none());
        assert_ne!(
            p.uid,
            plan(&doc_with_session(utc(2, 9, 20)), utc(3, 0, 0)).uid
        );
    }

    #[test]
    fn a_holding_reaction_turns_due_into_held_and_sends_no_notice() {
        let mut doc = doc_with_session(utc(2, 9, 20));
        doc.schedule_reminder(Some(utc(10, 8, 0)));
        doc.reactions.push(Reaction {
            id: ReactionId(1),
            kind: ReactionKind::Redness,
            severity: ReactionSeverity::Mild,
            zones: Vec::new(),
            noticed_at: utc(2, 12, 0),
            session: Some(SessionId(1)),
            status: ReactionStatus::StillPresent,
            worsening: false,
        });
        let p = plan(&doc, utc(10, 9, 0));
        assert!(p.due);
        assert!(p.held.iter().any(|r| r.rule == RuleId::Int4));
        assert_eq!(due_notice(&p), None);
    }

    type Case<'a> = (
        &'a str,
        &'a dyn Fn(DateTime<Utc>) -> FixedOffset,
        Result<Pick, PickError>,
    );

    #[test]
    fn picks_are_checked_against_the_window() {
        let earliest = utc(9, 9, 20);
        let now = utc(3, 10, 0);
        let utc0 = fixed(0);
        let plus1 = fixed(1);
        let cases: [Case; 10] = [
            ("", &utc0, Err(PickError::Empty)),
            ("  ", &utc0, Err(PickError::Empty)),
            ("next monday", &utc0, Err(PickError::Unreadable)),
            ("2026-03-09T09:19", &utc0, Err(PickError::TooSoon)),
            (
                "2026-03-09T09:20",
                &utc0,
                Ok(Pick {
                    at: utc(9, 9, 20),
                    far: false,
                }),
            ),
            // 10:19 at +01:00 is 09:19 UTC: too soon; 10:20 is fine.
            ("2026-03-09T10:19", &plus1, Err(PickError::TooSoon)),
            (
                "2026-03-09T10:20:00",
                &plus1,
                Ok(Pick {
                    at: utc(9, 9, 20),
                    far: false,
                }),
            ),
            (
                "2026-04-28T10:00",
                &utc0,
                Ok(Pick {
                    at: Utc.with_ymd_and_hms(2026, 4, 28, 10, 0, 0).unwrap(),
                    far: false,
                }),
            ),
            (
                "2026-04-28T10:01",
                &utc0,
                Ok(Pick {
                    at: Utc.with_ymd_and_hms(2026, 4, 28, 10, 1, 0).unwrap(),
                    far: true,
                }),
            ),
            (
                "2027-03-09T09:00",
                &utc0,
                Ok(Pick {
                    at: Utc.with_ymd_and_hms(2027, 3, 9, 9, 0, 0).unwrap(),
                    far: true,
                }),
            ),
        ];
        for (value, offset_at, want) in cases {
            assert_eq!(
                check_pick(value, earliest, now, offset_at),
                want,
                "{value:?}"
            );
        }
        // Past the earliest but before now: refused.
        assert_eq!(
            check_pick("2026-03-12T09:00", earliest, utc(12, 10, 0), &utc0),
            Err(PickError::Past)
        );
        assert!(check_pick(
            "2026-03-12T10:00",
            earliest,
            utc(12, 10, 0) + Duration::seconds(30),
            &utc0
        )
        .is_ok());
    }

    #[test]
    fn local_times_convert_with_the_offset_of_that_instant() {
        let local = |s: &str| parse_input(s).unwrap();
        // Before and after the CET → CEST change on 29 March 2026.
        assert_eq!(local_to_utc(local("2026-03-28T09:00"), &cet), utc(28, 8, 0));
        assert_eq!(local_to_utc(local("2026-03-30T09:00"), &cet), utc(30, 7, 0));
        assert_eq!(to_input(utc(30, 7, 0), &cet), "2026-03-30T09:00");
        assert_eq!(to_input(utc(28, 8, 0), &cet), "2026-03-28T09:00");
        assert_eq!(min_input(utc(9, 9, 20), &fixed(0)), "2026-03-09T09:20");
        assert_eq!(
            min_input(utc(9, 9, 20) + Duration::seconds(5), &fixed(0)),
            "2026-03-09T09:21"
        );
    }

    #[test]
    fn default_pick_is_the_recommended_day_at_nine_or_later() {
        let doc = doc_with_session(utc(2, 9, 20));
        let p = plan(&doc, utc(3, 10, 0));
        // 09:00 on the 9th is before the earliest 09:20: the 10th.
        assert_eq!(
            default_pick(&p, utc(3, 10, 0), &fixed(0)),
            "2026-03-10T09:00"
        );
        // At +01:00 the earliest is 10:20 local: still the 10th.
        assert_eq!(
            default_pick(&p, utc(3, 10, 0), &fixed(1)),
            "2026-03-10T09:00"
        );
        // At -05:00 the earliest is 04:20 local: 09:00 on the 9th works.
        assert_eq!(
            default_pick(&p, utc(3, 10, 0), &fixed(-5)),
            "2026-03-09T09:00"
        );
        // Long after the window: tomorrow at 09:00 if today's 09:00 passed.
        assert_eq!(
            default_pick(&plan(&doc, utc(20, 12, 0)), utc(20, 12, 0), &fixed(0)),
            "2026-03-21T09:00"
        );
        assert_eq!(
            default_pick(&plan(&doc, utc(20, 8, 0)), utc(20, 8, 0), &fixed(0)),
            "2026-03-20T09:00"
        );
        // A stored reminder wins.
        let mut doc = doc;
        doc.schedule_reminder(Some(utc(11, 18, 30)));
        assert_eq!(
            default_pick(&plan(&doc, utc(3, 10, 0)), utc(3, 10, 0), &fixed(0)),
            "2026-03-11T18:30"
        );
        // Every default passes the check.
        for hours in -11..=13 {
            let p = plan(&doc_with_session(utc(2, 9, 20)), utc(3, 10, 0));
            let value = default_pick(&p, utc(3, 10, 0), &fixed(hours));
            assert!(
                check_pick(&value, p.earliest, utc(3, 10, 0), &fixed(hours)).is_ok(),
                "{hours}"
            );
        }
    }

    #[test]
    fn calendar_files_follow_the_reminder() {
        let mut doc = doc_with_session(utc(2, 9, 20));
        let now = utc(3, 10, 0);
        assert_eq!(next_session_file(&plan(&doc, now), 60, now), None);
        doc.schedule_reminder(Some(utc(10, 8, 0)));
        let (name, first) = next_session_file(&plan(&doc, now), 60, now).unwrap();
        assert_eq!(name, "rollwise-next-session-20260310.ics");
        assert!(first.contains("UID:next-session-after-20260302T092000Z@rollwise.local\r\n"));
        assert!(first.contains("SEQUENCE:1\r\n"));
        assert!(first.contains("DTSTART:20260310T080000Z\r\n"));
        assert!(first.contains("TRIGGER:-PT60M\r\n"));
        assert!(first.contains("SUMMARY:Rollwise: next dermaroller session\r\n"));
        assert!(first.contains("isopropyl"));
        // Rescheduled: same UID, higher SEQUENCE.
        doc.schedule_reminder(Some(utc(11, 18, 0)));
        let (_, second) = next_session_file(&plan(&doc, now), 90, now).unwrap();
        assert!(second.contains("UID:next-session-after-20260302T092000Z@rollwise.local\r\n"));
        assert!(second.contains("SEQUENCE:2\r\n"));
        assert!(second.contains("DTSTART:20260311T180000Z\r\n"));
        assert!(second.contains("TRIGGER:-PT90M\r\n"));
        // Actives OK again: its own UID, at the AFT-5 end, alarm at the start.
        let (name, actives) = actives_file(&plan(&doc, now), now).unwrap();
        assert_eq!(name, "rollwise-actives-ok-20260305.ics");
        assert!(actives.contains("UID:actives-ok-after-20260302T092000Z@rollwise.local\r\n"));
        assert!(actives.contains("DTSTART:20260305T092000Z\r\n"));
        assert!(actives.contains("TRIGGER:PT0S\r\n"));
        assert_eq!(actives_file(&plan(&doc, utc(6, 0, 0)), utc(6, 0, 0)), None);
    }

    #[test]
    fn lead_times_in_words() {
        for (m, want) in [
            (1, "1 minute"),
            (15, "15 minutes"),
            (60, "1 hour"),
            (90, "90 minutes"),
            (120, "2 hours"),
            (1440, "1 day"),
            (2880, "2 days"),
        ] {
            assert_eq!(text::lead(m), want);
        }
        assert!(text::CANNOT_PROMISE.contains("Add to Home Screen"));
    }
}
