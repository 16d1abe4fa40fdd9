//! The reaction log: log a reaction in two taps (what, then save), see the
//! engine's triage at once (expected, a hold on the next session, stop and
//! see a doctor, or the emergency screen for RX-10), and keep a list of
//! reactions that can be marked resolved or cleared by a doctor (RX-11).

mod plan;

use std::time::Duration as StdDuration;

use chrono::{DateTime, Utc};
use leptos::html::H2;
use leptos::prelude::*;

use crate::domain::{
    Reaction, ReactionId, ReactionKind, ReactionSeverity, ReactionStatus, TriageLevel, Zone,
};
use crate::ui::components::face_map::FaceMap;
use crate::ui::components::ReasonList;
use crate::ui::data::use_app_data;
use crate::ui::format;
use crate::ui::hooks::use_now;
use crate::ui::layout::PageHeading;
use crate::ui::text::{self, log as t};

use plan::{
    build, close, emergency_numbers, is_emergency, kind_groups, linked_end, newest_first,
    noticed_value, parse_noticed, triage_of, Closing, Draft, DraftError, NoticedError,
};

/// What the page shows above the list.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Mode {
    /// The form.
    Form,
    /// The triage of the reaction just saved, with the note typed with it.
    Result(ReactionId, Option<String>),
}

#[component]
pub fn LogPage() -> impl IntoView {
    let data = use_app_data();
    let doc = data.doc();
    let now = use_now(StdDuration::from_secs(15));
    let mode = RwSignal::new(Mode::Form);
    let emergency = Memo::new(move |_| match mode.get() {
        Mode::Result(id, _) => doc.with(|d| {
            d.reactions
                .iter()
                .any(|r| r.id == id && is_emergency(r.kind))
        }),
        Mode::Form => false,
    });
    // The list stays mounted while the form gives way to the result (and
    // back): saving a reaction adds one item instead of redrawing the list.
    view! {
        <PageHeading text=text::LOG.title />
        <div class="log">
            {move || match mode.get() {
                Mode::Result(..) if emergency.get() => {
                    view! { <EmergencyScreen mode /> }.into_any()
                }
                Mode::Result(id, note) => view! { <TriageResult id note now mode /> }.into_any(),
                Mode::Form => {
                    view! {
                        <p class="intro">{text::LOG.intro}</p>
                        <LogForm now mode />
                    }
                        .into_any()
                }
            }}
            <Show when=move || !emergency.get()>
                <ReactionList now />
            </Show>
        </div>
    }
}

/// The form: kind, strength, zones, getting worse, when, note.
#[component]
fn LogForm(now: Signal<DateTime<Utc>>, mode: RwSignal<Mode>) -> impl IntoView {
    let data = use_app_data();
    let kind = RwSignal::new(None::<ReactionKind>);
    let severity = RwSignal::new(ReactionSeverity::Mild);
    let zones = RwSignal::new(Vec::<Zone>::new());
    let worsening = RwSignal::new(false);
    let opened = now.get_untracked();
    let noticed = RwSignal::new(noticed_value(opened, format::local_offset_at(opened)));
    let noticed_touched = RwSignal::new(false);
    let note = RwSignal::new(String::new());
    let error = RwSignal::new(None::<DraftError>);
    let (expected, warning) = kind_groups();

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let at = now.get_untracked();
        let noticed_at = if noticed_touched.get_untracked() {
            parse_noticed(&noticed.get_untracked(), at, format::local_offset_at)
        } else {
            Ok(at)
        };
        let draft = Draft {
            kind: kind.get_untracked(),
            severity: severity.get_untracked(),
            zones: zones.get_untracked(),
            worsening: worsening.get_untracked(),
            noticed_at,
        };
        let id = data.new_reaction_id();
        let built = data
            .doc()
            .with_untracked(|d| build(&draft, id, &d.sessions));
        match built {
            Ok(reaction) => {
                error.set(None);
                let typed = note.get_untracked();
                data.update(move |d| {
                    d.reactions.push(reaction);
                    d.set_note(id, &typed);
                });
                let kept = data
                    .doc()
                    .with_untracked(|d| d.note(id).map(str::to_string));
                mode.set(Mode::Result(id, kept));
            }
            Err(e) => error.set(Some(e)),
        }
    };
    let kind_error = move || error.get() == Some(DraftError::NoKind);
    let noticed_error = move || match error.get() {
        Some(DraftError::Noticed(NoticedError::InFuture)) => Some(t::ERROR_NOTICED_FUTURE),
        Some(DraftError::Noticed(NoticedError::Unreadable)) => Some(t::ERROR_NOTICED_UNREADABLE),
        _ => None,
    };
    let kind_choice = move |k: ReactionKind| {
        view! {
            <label class="choice">
                <input
                    type="radio"
                    name="reaction-kind"
                    prop:checked=move || kind.get() == Some(k)
                    on:change=move |_| {
                        kind.set(Some(k));
                        if error.get_untracked() == Some(DraftError::NoKind) {
                            error.set(None);
                        }
                    }
                />
                {t::kind_name(k)}
            </label>
        }
    };
    view! {
        <form class="log-form" on:submit=save novalidate>
            <h2 id="log-form-heading">{t::FORM_HEADING}</h2>
            {move || kind_error().then(|| view! { <p class="field-error" id="kind-error">{t::ERROR_NO_KIND}</p> })}
            <fieldset aria-describedby=move || kind_error().then_some("kind-error")>
                <legend>{t::EXPECTED_GROUP}</legend>
                {expected.into_iter().map(kind_choice).collect_view()}
            </fieldset>
            <fieldset class="log-warning-group" aria-describedby="warning-hint">
                <legend>{t::WARNING_GROUP}</legend>
                <p class="hint" id="warning-hint">{t::WARNING_GROUP_HINT}</p>
                {warning.into_iter().map(kind_choice).collect_view()}
            </fieldset>
            <fieldset>
                <legend>{t::SEVERITY_LEGEND}</legend>
                <div class="log-severity">
                    {[
                        ReactionSeverity::None,
                        ReactionSeverity::Mild,
                        ReactionSeverity::Moderate,
                        ReactionSeverity::Severe,
                    ]
                        .into_iter()
                        .map(|s| {
                            view! {
                                <label class="choice">
                                    <input
                                        type="radio"
                                        name="reaction-severity"
                                        prop:checked=move || severity.get() == s
                                        on:change=move |_| severity.set(s)
                                    />
                                    {t::severity_name(s)}
                                </label>
                            }
                        })
                        .collect_view()}
                </div>
            </fieldset>
            <FaceMap selected=zones label=t::ZONES_LEGEND />
            <label class="choice">
                <input
                    type="checkbox"
                    prop:checked=move || worsening.get()
                    on:change=move |ev| worsening.set(event_target_checked(&ev))
                />
                {t::WORSENING}
            </label>
            <div class="field">
                <label for="reaction-noticed">{t::NOTICED_LABEL}</label>
                <span class="hint" id="noticed-hint">{t::NOTICED_HINT}</span>
                <input
                    id="reaction-noticed"
                    type="datetime-local"
                    aria-describedby=move || {
                        if noticed_error().is_some() { "noticed-hint noticed-error" } else { "noticed-hint" }
                    }
                    aria-invalid=move || if noticed_error().is_some() { "true" } else { "false" }
                    prop:value=move || noticed.get()
                    on:input=move |ev| {
                        noticed.set(event_target_value(&ev));
                        noticed_touched.set(true);
                    }
                />
                {move || noticed_error().map(|e| view! { <p class="field-error" id="noticed-error">{e}</p> })}
            </div>
            <div class="field">
                <label for="reaction-note">{t::NOTE_LABEL}</label>
                <span class="hint" id="note-hint">{t::NOTE_HINT}</span>
                <textarea
                    id="reaction-note"
                    rows="3"
                    maxlength="2000"
                    aria-describedby="note-hint"
                    prop:value=move || note.get()
                    on:input=move |ev| note.set(event_target_value(&ev))
                ></textarea>
            </div>
            <div class="log-save">
                {move || {
                    error
                        .get()
                        .map(|e| {
                            let what = match e {
                                DraftError::NoKind => t::ERROR_NO_KIND,
                                DraftError::Noticed(NoticedError::InFuture) => t::ERROR_NOTICED_FUTURE,
                                DraftError::Noticed(NoticedError::Unreadable) => t::ERROR_NOTICED_UNREADABLE,
                            };
                            view! { <p class="field-error" role="alert">{t::ERROR_SUMMARY} " " {what}</p> }
                        })
                }}
                <button type="submit" class="button button-big button-wide">{t::SAVE}</button>
            </div>
        </form>
    }
}

/// The triage of the reaction just saved, read back from the document.
#[component]
fn TriageResult(
    id: ReactionId,
    note: Option<String>,
    now: Signal<DateTime<Utc>>,
    mode: RwSignal<Mode>,
) -> impl IntoView {
    let data = use_app_data();
    let doc = data.doc();
    let heading = NodeRef::<H2>::new();
    heading.on_load(|h2| {
        let _ = h2.focus();
    });
    let found = Memo::new(move |_| {
        doc.with(|d| {
            d.reactions.iter().find(|r| r.id == id).map(|r| {
                let session = r
                    .session
                    .and_then(|s| d.sessions.iter().find(|x| x.id == s))
                    .map(|s| s.started_at);
                (r.clone(), triage_of(r, &d.sessions, now.get()), session)
            })
        })
    });
    let head = move || {
        found.with(|f| match f {
            Some((_, triage, _)) => match triage.level {
                TriageLevel::Emergency => ("triage triage-stop", "✕", t::EMERGENCY_HEADING),
                TriageLevel::Stop => ("triage triage-stop", "✕", t::RESULT_STOP),
                _ if triage.holds_next_session => ("triage triage-hold", "!", t::RESULT_HOLD),
                TriageLevel::Watch => ("triage triage-hold", "!", t::RESULT_WATCH),
                TriageLevel::Expected => ("triage triage-ok", "✓", t::RESULT_EXPECTED),
            },
            None => ("triage", "", t::RESULT_SAVED),
        })
    };
    let reasons = Signal::derive(move || {
        found.with(|f| {
            f.as_ref()
                .map(|(_, tr, _)| tr.reasons.clone())
                .unwrap_or_default()
        })
    });
    let detail = move || {
        found.with(|f| {
            let (r, triage, session) = f.as_ref()?;
            let settles = triage
                .reasons
                .iter()
                .find(|x| x.key == "rx1.expected_usually_settles")
                .and_then(|x| x.until);
            let line = match triage.level {
                TriageLevel::Stop | TriageLevel::Emergency => Some(t::RESULT_STOP_BODY.to_string()),
                _ if triage.holds_next_session => Some(t::RESULT_HOLD_BODY.to_string()),
                _ => settles.map(|u| format!("{} {}.", t::RESULT_SETTLES_BY, format::date_time(u))),
            };
            let link = match session {
                Some(start) => format!("{} {}.", t::LINKED_TO, format::date_time(*start)),
                None => t::NOT_LINKED.to_string(),
            };
            Some(view! {
                <p class="triage-kind"><strong>{t::kind_name(r.kind)}</strong> " · " {t::severity_name(r.severity)}</p>
                {line.map(|l| view! { <p>{l}</p> })}
                <p class="muted">{t::RESULT_SAVED} " " {link}</p>
            })
        })
    };
    view! {
        <section class="log-result" aria-labelledby="log-result-heading">
            <div class=move || head().0>
                <h2 id="log-result-heading" tabindex="-1" node_ref=heading>
                    <span class="triage-icon" aria-hidden="true">{move || head().1}</span>
                    " "
                    {move || head().2}
                </h2>
                {detail}
            </div>
            {note.map(|n| view! {
                <div class="card log-note">
                    <h3>{t::RESULT_NOTE}</h3>
                    <p class="note-text">{n}</p>
                </div>
            })}
            <h3>{t::WHY_IT_SAYS}</h3>
            <ReasonList reasons />
            <div class="button-row">
                <button type="button" class="button button-wide" on:click=move |_| mode.set(Mode::Form)>
                    {t::LOG_ANOTHER}
                </button>
            </div>
        </section>
    }
}

/// RX-10: call emergency services, and nothing else.
#[component]
fn EmergencyScreen(mode: RwSignal<Mode>) -> impl IntoView {
    let heading = NodeRef::<H2>::new();
    heading.on_load(|h2| {
        let _ = h2.focus();
    });
    let language = web_sys::window()
        .and_then(|w| w.navigator().language())
        .unwrap_or_default();
    view! {
        <section class="emergency" aria-labelledby="emergency-heading">
            <h2 id="emergency-heading" tabindex="-1" node_ref=heading>
                <span aria-hidden="true">"⚠ "</span>
                {t::EMERGENCY_HEADING}
            </h2>
            <p class="emergency-body">{t::EMERGENCY_BODY}</p>
            <ul class="emergency-numbers">
                {emergency_numbers(&language)
                    .into_iter()
                    .map(|n| {
                        let (label, region) = t::emergency_label(n.digits());
                        view! {
                            <li>
                                <a class="button button-danger button-big button-wide emergency-call" href=format!("tel:{}", n.digits())>
                                    <span class="emergency-label">{label}</span>
                                    <span class="emergency-region">{region}</span>
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <p>{t::EMERGENCY_OTHER}</p>
            <button type="button" class="button button-secondary" on:click=move |_| mode.set(Mode::Form)>
                {t::EMERGENCY_BACK}
            </button>
        </section>
    }
}

/// The reactions, newest first, with their status and what holds.
#[component]
fn ReactionList(now: Signal<DateTime<Utc>>) -> impl IntoView {
    let data = use_app_data();
    let doc = data.doc();
    let confirming = RwSignal::new(None::<(ReactionId, Closing)>);
    // Years of reactions stay quick: the newest first, older ones on request.
    let shown = RwSignal::new(text::LIST_PAGE);
    let total = Memo::new(move |_| doc.with(|d| d.reactions.len()));
    let list = Memo::new(move |_| doc.with(|d| newest_first(&d.reactions, shown.get())));
    let more = move || total.get() > shown.get();
    view! {
        <section class="log-list" aria-labelledby="log-list-heading">
            <h2 id="log-list-heading">{t::LIST_HEADING}</h2>
            <Show
                when=move || { total.get() > 0 }
                fallback=|| view! { <p class="muted">{t::LIST_EMPTY}</p> }
            >
                // Keyed by the whole reaction: an item is drawn again only
                // when its reaction changed (closed, for one).
                <ul class="reaction-list">
                    <For each=move || list.get() key=|r| r.clone() let:reaction>
                        <li><ReactionItem reaction now confirming /></li>
                    </For>
                </ul>
            </Show>
            <Show when=more>
                <button
                    type="button"
                    class="button button-secondary button-wide"
                    on:click=move |_| shown.update(|n| *n += text::LIST_PAGE)
                >
                    {text::SHOW_OLDER}
                </button>
            </Show>
        </section>
    }
}

#[component]
fn ReactionItem(
    reaction: Reaction,
    now: Signal<DateTime<Utc>>,
    confirming: RwSignal<Option<(ReactionId, Closing)>>,
) -> impl IntoView {
    let data = use_app_data();
    let doc = data.doc();
    let id = reaction.id;
    let r = reaction.clone();
    // Read apart from the triage, so that a change elsewhere in the
    // document (a new reaction) does not triage every item again.
    let session = reaction.session;
    let session_end = Memo::new(move |_| doc.with(|d| linked_end(&d.sessions, session)));
    let triage = Memo::new(move |_| crate::domain::triage(&r, session_end.get(), now.get()));
    let level = move || match triage.with(|t| t.level) {
        TriageLevel::Expected => ("level level-ok", "✓", t::LEVEL_EXPECTED),
        TriageLevel::Watch => ("level level-watch", "!", t::LEVEL_WATCH),
        TriageLevel::Stop => ("level level-stop", "✕", t::LEVEL_STOP),
        TriageLevel::Emergency => ("level level-stop", "✕", t::LEVEL_EMERGENCY),
    };
    let status = match reaction.status {
        ReactionStatus::StillPresent => t::STATUS_PRESENT.to_string(),
        ReactionStatus::Resolved(at) => format!("{} {}", t::STATUS_RESOLVED, format::date_time(at)),
        ReactionStatus::ClearedByClinician(at) => {
            format!("{} {}", t::STATUS_CLEARED, format::date_time(at))
        }
    };
    let open = !reaction.status.is_closed();
    let zones = reaction
        .zones
        .iter()
        .map(|z| text::zone_name(*z))
        .collect::<Vec<_>>()
        .join(", ");
    let heading_id = format!("reaction-{}", id.0);
    let heading_ref = heading_id.clone();
    let confirm = move |how: Closing| {
        let at = now.get_untracked();
        data.update(move |d| {
            close(&mut d.reactions, id, how, at);
        });
        confirming.set(None);
    };
    view! {
        <article class="card reaction-item" aria-labelledby=heading_id.clone()>
            <h3 id=heading_ref>{t::kind_name(reaction.kind)}</h3>
            <p class=move || level().0>
                <span aria-hidden="true" class="tag-icon">{move || level().1}</span>
                {move || level().2}
                {move || triage.with(|t| t.holds_next_session).then(|| view! { " · " <strong>{t::HOLDING}</strong> })}
            </p>
            <dl class="reaction-facts">
                <dt>{t::NOTICED}</dt>
                <dd><time datetime=reaction.noticed_at.to_rfc3339()>{format::date_time(reaction.noticed_at)}</time></dd>
                <dt>{t::SEVERITY}</dt>
                <dd>{t::severity_name(reaction.severity)} {reaction.worsening.then(|| format!(" · {}", t::GETTING_WORSE))}</dd>
                {(!zones.is_empty()).then(|| view! { <dt>{t::ZONES}</dt><dd>{zones}</dd> })}
                <dt>{t::STATUS}</dt>
                <dd class="reaction-status">{status}</dd>
                {move || doc.with(|d| d.note(id).map(str::to_string)).map(|note| view! {
                    <dt>{t::RESULT_NOTE}</dt>
                    <dd class="note-text">{note}</dd>
                })}
            </dl>
            {open.then(|| view! {
                {move || match confirming.get() {
                    Some((cid, how)) if cid == id => {
                        let (question, yes) = match how {
                            Closing::Resolved => (t::CONFIRM_RESOLVED, t::CONFIRM_YES_RESOLVED),
                            Closing::ClearedByClinician => (t::CONFIRM_CLEARED, t::CONFIRM_YES_CLEARED),
                        };
                        view! {
                            <div class="confirm" role="group" aria-label=question>
                                <p>{question} " " {t::CONFIRM_LIFTS}</p>
                                <div class="button-row">
                                    <button type="button" class="button" on:click=move |_| confirm(how)>{yes}</button>
                                    <button type="button" class="button button-secondary" on:click=move |_| confirming.set(None)>{t::CANCEL}</button>
                                </div>
                            </div>
                        }
                            .into_any()
                    }
                    _ => view! {
                        <div class="button-row">
                            <button type="button" class="button button-secondary" on:click=move |_| confirming.set(Some((id, Closing::Resolved)))>
                                {t::MARK_RESOLVED}
                            </button>
                            <button type="button" class="button button-secondary" on:click=move |_| confirming.set(Some((id, Closing::ClearedByClinician)))>
                                {t::MARK_CLEARED}
                            </button>
                        </div>
                    }
                        .into_any(),
                }}
            })}
        </article>
    }
}
