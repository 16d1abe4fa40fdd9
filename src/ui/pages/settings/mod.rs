//! The settings screen: the set-up answers, the roller (and replacing it),
//! the session preferences, the reminder, the person's data, and the rules
//! with their sources.

use std::time::Duration;

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use crate::domain::device::REPLACE_BLOCK_SESSIONS;
use crate::domain::guided::{MAX_PASSES, MIN_PASSES};
use crate::domain::order;
use crate::domain::{DamageFlags, Device, DeviceKind, NeedleLength, Section, RULES};
use crate::storage::doc::{AppDoc, Preferences, MAX_REMINDER_LEAD_MINUTES};
use crate::ui::data::{use_app_data, DataSettings};
use crate::ui::format;
use crate::ui::hooks::use_now;
use crate::ui::pages::ScreenIntro;
use crate::ui::router::A;
use crate::ui::routes::href;
use crate::ui::text::settings as text;
use crate::ui::text::{self as shell_text, section_name};

/// The needle lengths offered for a new roller (the common home lengths).
const NEEDLES: [NeedleLength; 4] = [
    NeedleLength::MM_0_20,
    NeedleLength::MM_0_25,
    NeedleLength::MM_0_30,
    NeedleLength::MM_0_50,
];

/// Every section of the rule reference, in its order.
const SECTIONS: [Section; 8] = [
    Section::Device,
    Section::Person,
    Section::Skin,
    Section::Interval,
    Section::Before,
    Section::Session,
    Section::Aftercare,
    Section::Reactions,
];

/// A new roller like the current one (same kind), with `needle`, first used
/// `now`, no sessions and no damage.
pub fn new_roller(current: Option<&Device>, needle: NeedleLength, now: DateTime<Utc>) -> Device {
    Device {
        kind: current.map_or(DeviceKind::ManualRoller, |d| d.kind),
        needle,
        first_use: Some(now),
        sessions_used: 0,
        damage: DamageFlags::default(),
        only_mine: true,
    }
}

/// Replaces the roller in `doc` (the old one goes to the history).
pub fn replace_roller(doc: &mut AppDoc, needle: NeedleLength, now: DateTime<Utc>) {
    let device = new_roller(doc.device.as_ref(), needle, now);
    doc.replace_device(device, now);
}

/// Sets the passes per direction when `n` is allowed (SES-2: 4 or 5).
pub fn set_passes(prefs: &mut Preferences, n: u8) -> bool {
    let ok = (MIN_PASSES..=MAX_PASSES).contains(&n);
    if ok {
        prefs.passes_per_direction = n;
    }
    ok
}

/// Sets the reminder lead time when it is within the accepted range.
pub fn set_reminder_lead(prefs: &mut Preferences, minutes: u32) -> bool {
    let ok = minutes > 0 && minutes <= MAX_REMINDER_LEAD_MINUTES;
    if ok {
        prefs.reminder_lead_minutes = minutes;
    }
    ok
}

/// "0.25" for a needle length.
fn mm(needle: NeedleLength) -> String {
    let um = needle.micrometres();
    let fraction = format!("{:03}", um % 1000);
    let fraction = fraction.trim_end_matches('0');
    if fraction.is_empty() {
        (um / 1000).to_string()
    } else {
        format!("{}.{fraction}", um / 1000)
    }
}

#[component]
pub fn SettingsPage() -> impl IntoView {
    view! {
        <ScreenIntro screen=&shell_text::SETTINGS />
        <AnswersSection />
        <RollerSection />
        <SessionSection />
        <ReminderSection />
        <DataSettings />
        <AboutSection />
    }
}

#[component]
fn AnswersSection() -> impl IntoView {
    let data = use_app_data();
    let has_profile = Memo::new(move |_| data.doc().with(|d| d.profile.is_some()));
    view! {
        <section class="card settings-section" aria-labelledby="settings-answers-title">
            <h2 id="settings-answers-title">{text::ANSWERS_HEADING}</h2>
            {move || {
                if has_profile.get() {
                    view! {
                        <p>{text::ANSWERS_BODY}</p>
                        <A href=format!("{}?step=1", href("/setup")) attr:class="button button-wide">
                            {text::ANSWERS_EDIT}
                        </A>
                    }
                    .into_any()
                } else {
                    view! {
                        <p>{text::ANSWERS_NONE}</p>
                        <A href=href("/setup") attr:class="button button-wide">{text::ANSWERS_SET_UP}</A>
                    }
                    .into_any()
                }
            }}
        </section>
    }
}

#[component]
fn RollerSection() -> impl IntoView {
    let data = use_app_data();
    let now = use_now(Duration::from_secs(60));
    let device = Memo::new(move |_| data.doc().with(|d| d.device.clone()));
    let replaced = Memo::new(move |_| data.doc().with(|d| d.replaced_devices.len()));
    let confirming = RwSignal::new(false);
    let needle = RwSignal::new(NeedleLength::MM_0_25);
    let only_mine = RwSignal::new(false);
    let problem = RwSignal::new(None::<&'static str>);
    let done = RwSignal::new(false);

    let open = move |_| {
        needle.set(
            device
                .get_untracked()
                .map_or(NeedleLength::MM_0_25, |d| d.needle),
        );
        only_mine.set(false);
        problem.set(None);
        done.set(false);
        confirming.set(true);
    };
    let confirm = move |_| {
        if !only_mine.get_untracked() {
            problem.set(Some(text::REPLACE_NEED_ONLY_MINE));
            return;
        }
        let now = now.get_untracked();
        let n = needle.get_untracked();
        data.update(|doc| replace_roller(doc, n, now));
        confirming.set(false);
        done.set(true);
    };
    let needle_options = move || {
        let mut list = NEEDLES.to_vec();
        if let Some(d) = device.get() {
            if !list.contains(&d.needle) {
                list.push(d.needle);
            }
        }
        list
    };

    view! {
        <section class="card settings-section" aria-labelledby="settings-roller-title">
            <h2 id="settings-roller-title">{text::ROLLER_HEADING}</h2>
            {move || match device.get() {
                None => view! { <p>{text::ROLLER_NONE}</p> }.into_any(),
                Some(d) => view! {
                    <dl class="settings-facts">
                        <dt>{text::NEEDLE}</dt>
                        <dd>{text::mm(&mm(d.needle))}</dd>
                        <dt>{text::SESSIONS}</dt>
                        <dd class="settings-sessions">{text::of_limit(d.sessions_used, REPLACE_BLOCK_SESSIONS)}</dd>
                        <dt>{text::FIRST_USE}</dt>
                        <dd>
                            {d.first_use
                                .map_or(text::NOT_USED.to_string(), format::date)}
                        </dd>
                    </dl>
                }
                .into_any(),
            }}
            <p class="muted">{move || text::replaced_count(replaced.get())}</p>
            <p role="status" class="settings-done">
                {move || done.get().then_some(text::REPLACED)}
            </p>
            <Show
                when=move || confirming.get()
                fallback=move || {
                    view! {
                        <button type="button" class="button button-secondary button-wide" on:click=open>
                            {text::REPLACE}
                        </button>
                    }
                }
            >
                <div class="settings-confirm" role="group" aria-labelledby="settings-replace-title">
                    <h3 id="settings-replace-title">{text::REPLACE_CONFIRM_TITLE}</h3>
                    <p>{text::REPLACE_CONFIRM_BODY}</p>
                    <div class="field">
                        <label for="settings-new-needle">{text::REPLACE_NEEDLE}</label>
                        <select
                            id="settings-new-needle"
                            prop:value=move || needle.get().micrometres().to_string()
                            on:change=move |ev| {
                                if let Ok(um) = event_target_value(&ev).parse::<u16>() {
                                    needle.set(NeedleLength(um));
                                }
                            }
                        >
                            {move || {
                                needle_options()
                                    .into_iter()
                                    .map(|n| {
                                        view! {
                                            <option value=n.micrometres().to_string()>{text::mm(&mm(n))}</option>
                                        }
                                    })
                                    .collect_view()
                            }}
                        </select>
                    </div>
                    <label class="choice">
                        <input
                            type="checkbox"
                            aria-describedby="settings-replace-problem"
                            prop:checked=move || only_mine.get()
                            on:change=move |ev| {
                                only_mine.set(event_target_checked(&ev));
                                problem.set(None);
                            }
                        />
                        {text::REPLACE_ONLY_MINE}
                    </label>
                    <p id="settings-replace-problem" class="setup-error" role="alert">
                        {move || problem.get()}
                    </p>
                    <div class="button-row">
                        <button type="button" class="button" on:click=confirm>{text::REPLACE_CONFIRM}</button>
                        <button type="button" class="button button-secondary" on:click=move |_| confirming.set(false)>
                            {text::CANCEL}
                        </button>
                    </div>
                </div>
            </Show>
        </section>
    }
}

#[component]
fn SessionSection() -> impl IntoView {
    let data = use_app_data();
    let prefs = Memo::new(move |_| data.doc().with(|d| d.preferences));
    view! {
        <section class="card settings-section" aria-labelledby="settings-session-title">
            <h2 id="settings-session-title">{text::SESSION_HEADING}</h2>
            <fieldset aria-describedby="settings-passes-hint">
                <legend>{text::PASSES_LEGEND}</legend>
                <p class="hint" id="settings-passes-hint">{text::PASSES_HINT}</p>
                {(MIN_PASSES..=MAX_PASSES)
                    .map(|n| {
                        view! {
                            <label class="choice">
                                <input
                                    type="radio"
                                    name="settings-passes"
                                    prop:checked=move || prefs.get().passes_per_direction == n
                                    on:change=move |_| {
                                        data.update(|d| {
                                            set_passes(&mut d.preferences, n);
                                        })
                                    }
                                />
                                {text::passes(n)}
                            </label>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <label class="choice settings-switch">
                <input
                    type="checkbox"
                    role="switch"
                    prop:checked=move || prefs.get().sound
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        data.update(|d| d.preferences.sound = on);
                    }
                />
                {text::SOUND}
            </label>
            <label class="choice settings-switch">
                <input
                    type="checkbox"
                    role="switch"
                    aria-describedby="settings-vibration-hint"
                    prop:checked=move || prefs.get().vibration
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        data.update(|d| d.preferences.vibration = on);
                    }
                />
                {text::VIBRATION}
            </label>
            <p class="hint" id="settings-vibration-hint">{text::VIBRATION_HINT}</p>
        </section>
    }
}

#[component]
fn ReminderSection() -> impl IntoView {
    let data = use_app_data();
    let lead = Memo::new(move |_| data.doc().with(|d| d.preferences.reminder_lead_minutes));
    let options = move || {
        let current = lead.get();
        let mut list: Vec<(u32, String)> = text::REMINDER_CHOICES
            .iter()
            .map(|(m, l)| (*m, l.to_string()))
            .collect();
        if !list.iter().any(|(m, _)| *m == current) {
            list.push((current, text::reminder_other(current)));
            order::sort_by_key(&mut list, |(m, _)| *m);
        }
        list
    };
    view! {
        <section class="card settings-section" aria-labelledby="settings-reminder-title">
            <h2 id="settings-reminder-title">{text::REMINDER_HEADING}</h2>
            <div class="field">
                <label for="settings-reminder">{text::REMINDER_LABEL}</label>
                <span class="hint" id="settings-reminder-hint">{text::REMINDER_HINT}</span>
                <select
                    id="settings-reminder"
                    aria-describedby="settings-reminder-hint"
                    prop:value=move || lead.get().to_string()
                    on:change=move |ev| {
                        if let Ok(minutes) = event_target_value(&ev).parse::<u32>() {
                            data.update(|d| {
                                set_reminder_lead(&mut d.preferences, minutes);
                            });
                        }
                    }
                >
                    {move || {
                        options()
                            .into_iter()
                            .map(|(m, label)| view! { <option value=m.to_string()>{label}</option> })
                            .collect_view()
                    }}
                </select>
            </div>
            <p class="muted settings-promise">{crate::ui::text::reminders::CANNOT_PROMISE}</p>
        </section>
    }
}

#[component]
fn AboutSection() -> impl IntoView {
    view! {
        <section class="card settings-section" aria-labelledby="settings-about-title">
            <h2 id="settings-about-title">{text::ABOUT_HEADING}</h2>
            <p>{text::ABOUT_BODY}</p>
            <A href=href(shell_text::ABOUT_PATH) attr:class="button button-secondary button-wide">
                {text::ABOUT_LINK}
            </A>
        </section>
        <section class="settings-section settings-sources" aria-labelledby="settings-sources-title">
            <h2 id="settings-sources-title">{text::SOURCES_HEADING}</h2>
            <p>{text::SOURCES_BODY}</p>
            {SECTIONS
                .into_iter()
                .map(|section| {
                    let rules: Vec<_> = RULES.iter().filter(|r| r.section == section).collect();
                    let count = rules.len();
                    view! {
                        <details class="card settings-rules">
                            <summary>
                                <span>{section_name(section)}</span>
                                <span class="muted">{text::rule_count(count)}</span>
                            </summary>
                            <dl>
                                {rules
                                    .into_iter()
                                    .map(|r| {
                                        view! {
                                            <dt>
                                                <span class="settings-rule-id">{r.id.as_str()}</span>
                                                " "
                                                {r.summary}
                                            </dt>
                                            <dd>
                                                <span class="settings-rule-label">{shell_text::RULE_VALUE}</span>
                                                ": "
                                                {r.level}
                                                " · "
                                                {r.value}
                                            </dd>
                                            <dd>
                                                <span class="settings-rule-label">{shell_text::RULE_SOURCE}</span>
                                                ": "
                                                {r.source}
                                            </dd>
                                        }
                                    })
                                    .collect_view()}
                            </dl>
                        </details>
                    }
                })
                .collect_view()}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};

    fn t(day: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap() + Duration::days(day)
    }

    fn worn() -> Device {
        Device {
            kind: DeviceKind::ManualRoller,
            needle: NeedleLength::MM_0_25,
            first_use: Some(t(-30)),
            sessions_used: 9,
            damage: DamageFlags {
                bent: true,
                ..DamageFlags::default()
            },
            only_mine: true,
        }
    }

    #[test]
    fn replacing_the_roller_resets_its_count_and_keeps_the_old_one() {
        let mut doc = AppDoc {
            device: Some(worn()),
            ..AppDoc::default()
        };
        replace_roller(&mut doc, NeedleLength::MM_0_50, t(0));
        let new = doc.device.clone().unwrap();
        assert_eq!(new.sessions_used, 0);
        assert_eq!(new.first_use, Some(t(0)));
        assert_eq!(new.needle, NeedleLength::MM_0_50);
        assert!(!new.damage.any());
        assert!(new.only_mine);
        assert_eq!(doc.replaced_devices.len(), 1);
        assert_eq!(doc.replaced_devices[0].device, worn());
        assert_eq!(doc.replaced_devices[0].replaced_at, t(0));
        // With no roller yet, a manual roller is started.
        let mut empty = AppDoc::default();
        replace_roller(&mut empty, NeedleLength::MM_0_25, t(1));
        assert_eq!(empty.device.unwrap().kind, DeviceKind::ManualRoller);
        assert!(empty.replaced_devices.is_empty());
    }

    #[test]
    fn preferences_accept_only_allowed_values() {
        let cases: [(u8, bool, u8); 4] = [(3, false, 4), (4, true, 4), (5, true, 5), (6, false, 4)];
        for (n, ok, want) in cases {
            let mut p = Preferences::default();
            assert_eq!(set_passes(&mut p, n), ok, "{n}");
            assert_eq!(p.passes_per_direction, want, "{n}");
        }
        let leads: [(u32, bool, u32); 4] = [
            (0, false, 60),
            (15, true, 15),
            (1440, true, 1440),
            (MAX_REMINDER_LEAD_MINUTES + 1, false, 60),
        ];
        for (m, ok, want) in leads {
            let mut p = Preferences::default();
            assert_eq!(set_reminder_lead(&mut p, m), ok, "{m}");
            assert_eq!(p.reminder_lead_minutes, want, "{m}");
        }
        for (m, _) in text::REMINDER_CHOICES {
            assert!(set_reminder_lead(&mut Preferences::default(), m), "{m}");
        }
    }

    #[test]
    fn every_rule_is_in_a_listed_section() {
        let listed: usize = SECTIONS
            .iter()
            .map(|s| RULES.iter().filter(|r| r.section == *s).count())
            .sum();
        assert_eq!(listed, RULES.len());
        assert_eq!(mm(NeedleLength::MM_0_25), "0.25");
        assert_eq!(mm(NeedleLength(1000)), "1");
    }
}
