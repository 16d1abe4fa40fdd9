//! The result of set-up: what the engine says about the saved answers —
//! what blocks, what warns, what is fine — each with "Why?".

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use super::draft::{Page, Step};
use super::page_href;
use crate::domain::{Reason, Severity, Zone};
use crate::ui::components::ReasonList;
use crate::ui::data::use_app_data;
use crate::ui::format::local_offset_at;
use crate::ui::pages::home::logic::{standing, Standing};
use crate::ui::router::A;
use crate::ui::routes::href;
use crate::ui::text::setup as text;
use crate::ui::text::zone_name;

/// What the result screen shows, as plain data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub blocked: bool,
    pub blocks: Vec<Reason>,
    pub warnings: Vec<Reason>,
    pub infos: Vec<Reason>,
    pub roller_fine: bool,
    pub health_fine: bool,
    pub open_zones: Vec<Zone>,
}

/// Sorts the engine's reasons into the result's groups.
pub fn summary(s: &Standing) -> Summary {
    let is_device = |r: &Reason| r.rule.as_str().starts_with("DEV");
    Summary {
        blocked: s.blocks_everything(),
        blocks: s.of(Severity::Block),
        warnings: s.of(Severity::Warn),
        infos: s.of(Severity::Info),
        roller_fine: !s.reasons.iter().any(is_device),
        health_fine: !s
            .reasons
            .iter()
            .any(|r| !is_device(r) && r.severity == Severity::Block),
        open_zones: s.open_zones.clone(),
    }
}

#[component]
pub fn SetupResult(now: Signal<DateTime<Utc>>) -> impl IntoView {
    let data = use_app_data();
    let result = Memo::new(move |_| {
        let now = now.get();
        data.doc().with(|doc| match (&doc.profile, &doc.device) {
            (Some(p), Some(d)) => Some(summary(&standing(p, d, now, local_offset_at(now)))),
            _ => None,
        })
    });
    move || {
        match result.get() {
        None => view! {
            <section class="card" aria-labelledby=super::STEP_HEADING_ID>
                <h2 id=super::STEP_HEADING_ID tabindex="-1">{text::RESULT_TITLE}</h2>
                <p>{text::NOT_SAVED}</p>
                <A href=page_href(Page::Question(Step::Needle)) attr:class="button button-big button-wide">
                    {text::NOT_SAVED_BUTTON}
                </A>
            </section>
        }
        .into_any(),
        Some(s) => view! { <ResultBody s /> }.into_any(),
    }
    }
}

#[component]
fn ResultBody(s: Summary) -> impl IntoView {
    let (class, title, body) = if s.blocked {
        (
            "status status-blocked",
            text::RESULT_BLOCKED,
            text::RESULT_BLOCKED_BODY,
        )
    } else {
        (
            "status status-ok",
            text::RESULT_CAN_ROLL,
            text::RESULT_CAN_ROLL_BODY,
        )
    };
    let group = |heading: &'static str, id: &'static str, reasons: Vec<Reason>| {
        (!reasons.is_empty()).then(|| {
            view! {
                <section class="setup-result-group" aria-labelledby=id>
                    <h3 id=id>{heading}</h3>
                    <ReasonList reasons=Signal::derive(move || reasons.clone()) />
                </section>
            }
        })
    };
    let zones = s
        .open_zones
        .iter()
        .map(|z| zone_name(*z))
        .collect::<Vec<_>>()
        .join(", ");
    let mut fine: Vec<String> = Vec::new();
    if s.roller_fine {
        fine.push(text::FINE_ROLLER.to_string());
    }
    if s.health_fine {
        fine.push(text::FINE_HEALTH.to_string());
    }
    if !s.open_zones.is_empty() {
        fine.push(text::fine_zones(&zones));
    }
    view! {
        <h2 id=super::STEP_HEADING_ID tabindex="-1">{text::RESULT_TITLE}</h2>
        <p class="muted" role="status">{text::RESULT_SAVED}</p>
        <div class=class>
            <p class="status-title">{title}</p>
            <p>{body}</p>
        </div>
        {s
            .blocked
            .then(|| {
                view! {
                    <div class="card setup-still">
                        <p>{text::RESULT_STILL}</p>
                        <div class="button-row">
                            <A href=href("/log") attr:class="button button-secondary">{text::OPEN_LOG}</A>
                            <A href=href("/aftercare") attr:class="button button-secondary">
                                {text::OPEN_AFTERCARE}
                            </A>
                        </div>
                    </div>
                }
            })}
        {group(text::BLOCKS_HEADING, "setup-blocks", s.blocks)}
        {group(text::WARNS_HEADING, "setup-warns", s.warnings)}
        {group(text::INFO_HEADING, "setup-infos", s.infos)}
        {(!fine.is_empty())
            .then(|| {
                view! {
                    <section class="setup-result-group" aria-labelledby="setup-fine">
                        <h3 id="setup-fine">{text::FINE_HEADING}</h3>
                        <ul class="setup-fine">
                            {fine.into_iter().map(|f| view! { <li>{f}</li> }).collect_view()}
                        </ul>
                    </section>
                }
            })}
        <div class="setup-nav">
            <A href=page_href(Page::Question(Step::Needle)) attr:class="button button-secondary button-big">
                {text::CHANGE_ANSWERS}
            </A>
            <A href=href("/") attr:class="button button-big">{text::GO_HOME}</A>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{
        AgeAnswer, Answer, DamageFlags, Device, DeviceKind, NeedleLength, Profile, RuleId, SkinType,
    };
    use chrono::{FixedOffset, TimeZone};

    fn profile(edit: impl Fn(&mut Profile)) -> Profile {
        let no = Answer::No;
        let mut p = Profile {
            age: AgeAnswer::ConfirmedAdult,
            pregnant_or_breastfeeding: no,
            isotretinoin_now: no,
            bleeding_risk: no,
            other_immunosuppression: no,
            keloid_tendency: no,
            metal_allergy: no,
            uncontrolled_diabetes: no,
            controlled_diabetes_or_slow_healing: no,
            cold_sore_history: no,
            koebner_history: no,
            skin_type: SkinType::I,
            product_allergy: no,
            ..Profile::default()
        };
        p.isotretinoin_past.answer = no;
        p.chemo_or_radiotherapy.answer = no;
        p.peel_or_laser.answer = no;
        p.filler.answer = no;
        p.facial_surgery.answer = no;
        p.recent_scars.answer = no;
        edit(&mut p);
        p
    }

    fn device(needle: u16) -> Device {
        Device {
            kind: DeviceKind::ManualRoller,
            needle: NeedleLength(needle),
            first_use: None,
            sessions_used: 0,
            damage: DamageFlags::default(),
            only_mine: true,
        }
    }

    #[test]
    fn the_result_sorts_the_engines_reasons() {
        let now = Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap();
        let utc = FixedOffset::east_opt(0).unwrap();
        type Case = (
            &'static str,
            Profile,
            u16,
            bool,
            Vec<RuleId>,
            Vec<RuleId>,
            bool,
            bool,
        );
        let cases: Vec<Case> = vec![
            (
                "all clear",
                profile(|_| {}),
                250,
                false,
                vec![],
                vec![],
                true,
                true,
            ),
            (
                "pregnant",
                profile(|p| p.pregnant_or_breastfeeding = Answer::Yes),
                250,
                true,
                vec![RuleId::Per2],
                vec![],
                true,
                false,
            ),
            (
                "not sure about pregnancy blocks too",
                profile(|p| p.pregnant_or_breastfeeding = Answer::NotSure),
                250,
                true,
                vec![RuleId::Per2],
                vec![],
                true,
                false,
            ),
            (
                "not sure about slow healing warns",
                profile(|p| p.controlled_diabetes_or_slow_healing = Answer::NotSure),
                250,
                false,
                vec![],
                vec![RuleId::Per10],
                true,
                true,
            ),
            (
                "0.75 mm is refused",
                profile(|_| {}),
                750,
                true,
                vec![RuleId::Dev1],
                vec![],
                false,
                true,
            ),
        ];
        for (name, p, needle, blocked, blocks, warns, roller_fine, health_fine) in cases {
            let s = summary(&standing(&p, &device(needle), now, utc));
            assert_eq!(s.blocked, blocked, "{name}");
            let rules = |rs: &[Reason]| rs.iter().map(|r| r.rule).collect::<Vec<_>>();
            assert_eq!(rules(&s.blocks), blocks, "{name}");
            assert_eq!(rules(&s.warnings), warns, "{name}");
            assert_eq!(s.roller_fine, roller_fine, "{name}");
            assert_eq!(s.health_fine, health_fine, "{name}");
        }
    }
}
