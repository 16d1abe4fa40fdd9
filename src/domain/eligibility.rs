//! Can a session start now, and on which zones? PER-1..15, SKIN-1..9,
//! PRE-1..3, PRE-5, PRE-6, combined with the roller (DEV) and interval (INT)
//! checks.
//!
//! Invariants:
//! - Every "not sure" answer acts as "yes", with its own message key.
//! - A session may start only when no session-level reason blocks, at least
//!   one planned zone is open and every warning has been acknowledged.
//! - A zone is open only when it was checked today and nothing blocks it.
//!   Several checks for one zone are all applied.
//! - Dated windows (months, weeks) are counted on the user's local dates and
//!   open at local midnight of their first allowed day.

use chrono::{DateTime, FixedOffset, Utc};
use serde::Serialize;

use super::device::{roller_status, RollerStatus};
use super::interval::{dedup, next_session_window, History, NextWindow};
use super::model::{
    AgeAnswer, Answer, DatedAnswer, Device, Profile, Reaction, Session, SkinType, TodayCheck,
    TreatmentCourse, Zone, ZoneCheck, ZoneHistory,
};
use super::products::classify;
use super::rules::{any_block, Reason, RuleId, Severity};
use super::time::{
    add_days, add_months, dated_block, eighteenth_birthday, local_date, local_midnight,
};
use crate::domain::order;

/// PER-4, SKIN-7, SKIN-8: months after the dated event.
pub const ISOTRETINOIN_MONTHS: u32 = 6;
pub const FILLER_MONTHS: u32 = 6;
pub const SURGERY_MONTHS: u32 = 12;
pub const SCAR_MONTHS: u32 = 6;
/// PER-6 and SKIN-6: four weeks, counted in local days.
pub const FOUR_WEEKS_DAYS: i64 = 28;
/// SKIN-5: two weeks, counted in local days.
pub const SUN_DAYS: i64 = 14;

/// Everything a session check reads.
#[derive(Debug, Clone, Copy)]
pub struct SessionInput<'a> {
    pub profile: &'a Profile,
    pub device: &'a Device,
    pub today: &'a TodayCheck,
    pub sessions: &'a [Session],
    pub reactions: &'a [Reaction],
    pub now: DateTime<Utc>,
    pub offset: FixedOffset,
}

/// The status of one zone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ZoneStatus {
    pub zone: Zone,
    /// Whether the zone was checked today (planned).
    pub planned: bool,
    pub reasons: Vec<Reason>,
}

impl ZoneStatus {
    /// Returns true when the zone may be treated today.
    pub fn is_open(&self) -> bool {
        self.planned && !any_block(&self.reasons)
    }
}

/// The answer to "can I start a session now?".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SessionDecision {
    /// Session-level reasons, blocking first.
    pub reasons: Vec<Reason>,
    /// One status per offered zone, in guided order.
    pub zones: Vec<ZoneStatus>,
    pub roller: RollerStatus,
    pub next: NextWindow,
}

impl SessionDecision {
    /// The zones open today, in guided order.
    pub fn open_zones(&self) -> Vec<Zone> {
        self.zones
            .iter()
            .filter(|z| z.is_open())
            .map(|z| z.zone)
            .collect()
    }

    /// Returns true when something blocks the whole session.
    pub fn is_blocked(&self) -> bool {
        any_block(&self.reasons)
    }

    /// Every reason, session-level then per open or planned zone.
    pub fn all_reasons(&self) -> impl Iterator<Item = &Reason> {
        let zones = self
            .zones
            .iter()
            .filter(|z| z.planned)
            .flat_map(|z| z.reasons.iter());
        self.reasons.iter().chain(zones)
    }

    /// The keys of warnings still to acknowledge (session and open zones).
    pub fn pending_acks(&self, acknowledged: &[&str]) -> Vec<&'static str> {
        let open: Vec<Zone> = self.open_zones();
        let mut keys: Vec<&'static str> = self
            .reasons
            .iter()
            .chain(
                self.zones
                    .iter()
                    .filter(|z| open.contains(&z.zone))
                    .flat_map(|z| z.reasons.iter()),
            )
            .filter(|r| r.needs_ack && !acknowledged.contains(&r.key))
            .map(|r| r.key)
            .collect();
        let mut seen = Vec::new();
        keys.retain(|k| {
            let first = !seen.contains(k);
            seen.push(*k);
            first
        });
        keys
    }

    /// Returns true when the session may start, given acknowledged keys.
    pub fn can_start(&self, acknowledged: &[&str]) -> bool {
        !self.is_blocked()
            && !self.open_zones().is_empty()
            && self.pending_acks(acknowledged).is_empty()
    }
}

/// Checks everything before a session.
pub fn can_start_session(input: &SessionInput<'_>) -> SessionDecision {
    let roller = roller_status(input.device, input.now);
    let next = next_session_window(&History {
        sessions: input.sessions,
        reactions: input.reactions,
        needle_today: Some(input.device.needle),
        now: input.now,
        offset: input.offset,
    });
    let zones = zone_statuses(input);
    let mut reasons = Vec::new();
    reasons.extend(roller.reasons.iter().cloned());
    reasons.extend(next.reasons.iter().cloned());
    reasons.extend(person_reasons(input.profile, input.now, input.offset));
    reasons.extend(today_reasons(input));
    if !zones.iter().any(ZoneStatus::is_open) {
        reasons.push(Reason::block(RuleId::Skin10, "zones.none_open")); // SKIN-10
    }
    let mut reasons = dedup(reasons);
    order::sort_by_key(&mut reasons, |r| std::cmp::Reverse(r.severity));
    SessionDecision {
        reasons,
        zones,
        roller,
        next,
    }
}

/// The status of every offered zone.
pub fn zone_statuses(input: &SessionInput<'_>) -> Vec<ZoneStatus> {
    Zone::ALL
        .iter()
        .map(|zone| zone_status(*zone, input))
        .collect()
}

fn zone_status(zone: Zone, input: &SessionInput<'_>) -> ZoneStatus {
    let checks: Vec<&ZoneCheck> = input
        .today
        .zones
        .iter()
        .filter(|c| c.zone == zone)
        .collect();
    let mut reasons: Vec<Reason> = checks
        .iter()
        .flat_map(|c| zone_check_reasons(c, input.now, input.offset))
        .collect();
    reasons.extend(history_reasons(
        zone,
        input.profile,
        input.now,
        input.offset,
    ));
    if zone.near_mouth() {
        // PER-11: cold-sore history near the mouth: ask a doctor first.
        reasons.extend(answer_reason(
            input.profile.cold_sore_history,
            Reason::warn(RuleId::Per11, "per11.cold_sore_history_near_mouth"), // PER-11
            "per11.cold_sore_history_near_mouth_unsure",
        ));
    }
    let mut reasons: Vec<Reason> = dedup(reasons.into_iter().map(|r| r.zone(zone)).collect());
    order::sort_by_key(&mut reasons, |r| std::cmp::Reverse(r.severity));
    ZoneStatus {
        zone,
        planned: !checks.is_empty(),
        reasons,
    }
}

/// `reason` when the answer is yes; the same with `unsure_key` when not sure.
fn answer_reason(answer: Answer, reason: Reason, unsure_key: &'static str) -> Option<Reason> {
    match answer {
        Answer::No => None,
        Answer::Yes => Some(reason),
        Answer::NotSure => Some(Reason {
            key: unsure_key,
            ..reason
        }),
    }
}

fn block(answer: Answer, rule: RuleId, key: &'static str, unsure: &'static str) -> Option<Reason> {
    answer_reason(answer, Reason::block(rule, key), unsure)
}

fn warn(answer: Answer, rule: RuleId, key: &'static str, unsure: &'static str) -> Option<Reason> {
    answer_reason(answer, Reason::warn(rule, key), unsure)
}

/// PER-1..14 from the profile.
pub fn person_reasons(profile: &Profile, now: DateTime<Utc>, offset: FixedOffset) -> Vec<Reason> {
    let p = profile;
    let mut out: Vec<Option<Reason>> = vec![
        age_reason(p.age, now, offset),
        block(
            p.pregnant_or_breastfeeding,
            RuleId::Per2, // PER-2
            "per2.pregnant_or_breastfeeding",
            "per2.pregnant_or_breastfeeding_unsure",
        ),
        block(
            p.isotretinoin_now,
            RuleId::Per3, // PER-3
            "per3.isotretinoin_now",
            "per3.isotretinoin_now_unsure",
        ),
        isotretinoin_past_reason(p.isotretinoin_past, now, offset),
        block(
            p.bleeding_risk,
            RuleId::Per5, // PER-5
            "per5.bleeding_risk_talk_to_doctor",
            "per5.bleeding_risk_unsure",
        ),
        treatment_reason(p.chemo_or_radiotherapy, now, offset),
        block(
            p.other_immunosuppression,
            RuleId::Per6, // PER-6
            "per6.immunosuppression",
            "per6.immunosuppression_unsure",
        ),
        block(
            p.keloid_tendency,
            RuleId::Per7, // PER-7
            "per7.keloid_tendency",
            "per7.keloid_tendency_unsure",
        ),
        block(
            p.metal_allergy,
            RuleId::Per8, // PER-8
            "per8.metal_allergy",
            "per8.metal_allergy_unsure",
        ),
        block(
            p.uncontrolled_diabetes,
            RuleId::Per9, // PER-9
            "per9.uncontrolled_diabetes",
            "per9.uncontrolled_diabetes_unsure",
        ),
        warn(
            p.controlled_diabetes_or_slow_healing,
            RuleId::Per10, // PER-10
            "per10.slow_healing",
            "per10.slow_healing_unsure",
        ),
        warn(
            p.koebner_history,
            RuleId::Per12, // PER-12
            "per12.koebner_history",
            "per12.koebner_history_unsure",
        ),
        skin_type_reason(p.skin_type),
        warn(
            p.product_allergy,
            RuleId::Per14, // PER-14
            "per14.product_allergy",
            "per14.product_allergy_unsure",
        ),
    ];
    out.push(dated_months_reason(
        p.peel_or_laser,
        RuleId::Skin6, // SKIN-6
        DatedWindow::Days(FOUR_WEEKS_DAYS),
        [
            "skin6.recent_peel_or_laser",
            "skin6.peel_or_laser_unsure",
            "skin6.peel_or_laser_date_unknown",
        ],
        now,
        offset,
    ));
    out.into_iter().flatten().collect()
}

/// PER-1: unknown age blocks; under 18 blocks until the 18th birthday.
fn age_reason(age: AgeAnswer, now: DateTime<Utc>, offset: FixedOffset) -> Option<Reason> {
    match age {
        AgeAnswer::ConfirmedAdult => None,
        AgeAnswer::Unknown => Some(Reason::block(RuleId::Per1, "per1.age_unknown")), // PER-1
        AgeAnswer::BornOn(born) => dated_block(eighteenth_birthday(born), now, offset)
            .map(|lift| Reason::block(RuleId::Per1, "per1.under_18").until_opt(lift)), // PER-1
    }
}

/// PER-4: blocked until 6 calendar months after the stop date.
fn isotretinoin_past_reason(
    past: DatedAnswer,
    now: DateTime<Utc>,
    offset: FixedOffset,
) -> Option<Reason> {
    dated_months_reason(
        past,
        RuleId::Per4, // PER-4
        DatedWindow::Months(ISOTRETINOIN_MONTHS),
        [
            "per4.isotretinoin_recent",
            "per4.isotretinoin_recent_unsure",
            "per4.isotretinoin_stop_date_unknown",
        ],
        now,
        offset,
    )
}

/// A window after a dated event.
#[derive(Debug, Clone, Copy)]
enum DatedWindow {
    Months(u32),
    Days(i64),
}

impl DatedWindow {
    fn opens(self, date: chrono::NaiveDate) -> Option<chrono::NaiveDate> {
        match self {
            DatedWindow::Months(m) => add_months(date, m),
            DatedWindow::Days(d) => add_days(date, d),
        }
    }
}

/// A BLOCK while a dated event is within its window. Keys are
/// `[recent, unsure, date unknown]`.
fn dated_months_reason(
    answer: DatedAnswer,
    rule: RuleId,
    window: DatedWindow,
    keys: [&'static str; 3],
    now: DateTime<Utc>,
    offset: FixedOffset,
) -> Option<Reason> {
    match (answer.answer, answer.date) {
        (Answer::No, _) => None,
        (Answer::NotSure, _) => Some(Reason::block(rule, keys[1])),
        (Answer::Yes, None) => Some(Reason::block(rule, keys[2])),
        (Answer::Yes, Some(date)) => dated_block(window.opens(date), now, offset)
            .map(|lift| Reason::block(rule, keys[0]).until_opt(lift)),
    }
}

/// PER-6: blocked from 4 weeks before the first treatment day to 4 weeks
/// after the last; an unknown last day means ongoing.
fn treatment_reason(
    course: TreatmentCourse,
    now: DateTime<Utc>,
    offset: FixedOffset,
) -> Option<Reason> {
    match course.answer {
        Answer::No => return None,
        Answer::NotSure => {
            return Some(Reason::block(
                RuleId::Per6, // PER-6
                "per6.chemo_or_radiotherapy_unsure",
            ));
        }
        Answer::Yes => {}
    }
    let today = local_date(now, offset);
    let blocked_from = course.first_day.and_then(|d| add_days(d, -FOUR_WEEKS_DAYS));
    if let Some(from) = blocked_from.filter(|from| today < *from) {
        let starts = local_midnight(from, offset);
        return Some(
            Reason::info(RuleId::Per6, "per6.chemo_or_radiotherapy_upcoming").until_opt(starts), // PER-6
        );
    }
    let opens = course.last_day.and_then(|d| add_days(d, FOUR_WEEKS_DAYS));
    dated_block(opens, now, offset)
        .map(|lift| Reason::block(RuleId::Per6, "per6.chemo_or_radiotherapy").until_opt(lift))
    // PER-6
}

/// PER-13: Fitzpatrick IV–VI (or not sure): lighter pressure.
fn skin_type_reason(skin_type: SkinType) -> Option<Reason> {
    match skin_type {
        SkinType::IV | SkinType::V | SkinType::VI => Some(Reason::warn(
            RuleId::Per13, // PER-13
            "per13.dark_marks_risk_lighter_pressure",
        )),
        SkinType::NotSure => Some(Reason::warn(RuleId::Per13, "per13.skin_type_unsure")), // PER-13
        _ => None,
    }
}

/// PER-15, SKIN-1 (widespread), SKIN-2, PRE-1, PRE-2, PRE-3, PRE-5, PRE-6.
fn today_reasons(input: &SessionInput<'_>) -> Vec<Reason> {
    let t = input.today;
    let mut out: Vec<Option<Reason>> = vec![
        block(
            t.alcohol_or_drugs,
            RuleId::Per15, // PER-15
            "per15.alcohol_or_drugs",
            "per15.alcohol_or_drugs_unsure",
        ),
        block(
            t.widespread_infection,
            RuleId::Skin1, // SKIN-1
            "skin1.widespread_infection",
            "skin1.widespread_infection_unsure",
        ),
        block(
            t.cold_sore_now,
            RuleId::Skin2, // SKIN-2
            "skin2.cold_sore_active",
            "skin2.cold_sore_active_unsure",
        ),
        warn(
            t.actives_last_3_days,
            RuleId::Pre2, // PRE-2
            "pre2.recent_actives",
            "pre2.recent_actives_unsure",
        ),
        disinfection_reason(input),
        serum_reason(t.serum.as_deref()),
    ];
    if !t.pre1_done {
        out.push(Some(Reason::block(
            RuleId::Pre1, // PRE-1
            "pre1.checklist_incomplete",
        )));
    }
    if t.numbing_cream {
        out.push(Some(Reason::info(RuleId::Pre6, "pre6.numbing_not_needed"))); // PRE-6
    }
    out.into_iter().flatten().collect()
}

/// PRE-3: the soak timer has run, or the person confirms a full soak.
fn disinfection_reason(input: &SessionInput<'_>) -> Option<Reason> {
    let d = &input.today.disinfection;
    if d.confirmed_full_soak {
        return None;
    }
    match &d.soak {
        Some(timer) if timer.is_done(input.now) => None,
        Some(timer) if !timer.is_paused() && input.now >= timer.started_at => {
            let until = input.now + timer.remaining(input.now);
            Some(Reason::block(RuleId::Pre3, "pre3.soak_running").until(until)) // PRE-3
        }
        _ => Some(Reason::block(RuleId::Pre3, "pre3.soak_not_done")), // PRE-3
    }
}

/// PRE-5: only plain hyaluronic acid or a bland gel during rolling.
fn serum_reason(serum: Option<&str>) -> Option<Reason> {
    let name = serum?;
    let found = classify(name);
    if found.classes == [super::model::ProductClass::Bland] {
        None
    } else if found.classes.is_empty() {
        Some(Reason::warn(RuleId::Pre5, "pre5.serum_unknown")) // PRE-5
    } else {
        Some(Reason::warn(RuleId::Pre5, "pre5.serum_not_bland")) // PRE-5
    }
}

/// SKIN-1, 3, 4, 5, 9 for one zone check.
fn zone_check_reasons(c: &ZoneCheck, now: DateTime<Utc>, offset: FixedOffset) -> Vec<Reason> {
    let out = [
        block(
            c.infection_or_broken_skin,
            RuleId::Skin1, // SKIN-1
            "skin1.infection_or_broken_skin",
            "skin1.infection_or_broken_skin_unsure",
        ),
        block(
            c.active_acne,
            RuleId::Skin3, // SKIN-3
            "skin3.active_acne",
            "skin3.active_acne_unsure",
        ),
        block(c.flare, RuleId::Skin4, "skin4.flare", "skin4.flare_unsure"), // SKIN-4
        sun_reason(c.sunburn_or_tan, now, offset),
        block(
            c.lesion,
            RuleId::Skin9, // SKIN-9
            "skin9.lesion_in_zone",
            "skin9.lesion_in_zone_unsure",
        ),
        block(
            c.changing_mole,
            RuleId::Skin9, // SKIN-9
            "skin9.changing_mole_see_doctor",
            "skin9.changing_mole_unsure",
        ),
    ];
    out.into_iter().flatten().collect()
}

/// SKIN-5: sunburn or a fresh tan blocks until resolved, at least 2 weeks.
fn sun_reason(sun: DatedAnswer, now: DateTime<Utc>, offset: FixedOffset) -> Option<Reason> {
    let reason = Reason::block(RuleId::Skin5, "skin5.sunburn_or_tan"); // SKIN-5
    match (sun.answer, sun.date) {
        (Answer::No, _) => None,
        (Answer::NotSure, _) => Some(Reason {
            key: "skin5.sunburn_or_tan_unsure",
            ..reason
        }),
        (Answer::Yes, date) => {
            let lift = date
                .and_then(|d| add_days(d, SUN_DAYS))
                .and_then(|d| local_midnight(d, offset));
            Some(reason.until_opt(lift.filter(|l| *l > now)))
        }
    }
}

/// SKIN-7 and SKIN-8 from the profile's dated zone history.
fn history_reasons(
    zone: Zone,
    p: &Profile,
    now: DateTime<Utc>,
    offset: FixedOffset,
) -> Vec<Reason> {
    let table = [
        (
            &p.filler,
            RuleId::Skin7, // SKIN-7
            FILLER_MONTHS,
            "skin7.filler_recent",
            "skin7.filler_unsure",
        ),
        (
            &p.facial_surgery,
            RuleId::Skin7, // SKIN-7
            SURGERY_MONTHS,
            "skin7.surgery_recent",
            "skin7.surgery_unsure",
        ),
        (
            &p.recent_scars,
            RuleId::Skin8, // SKIN-8
            SCAR_MONTHS,
            "skin8.scar_recent",
            "skin8.scar_unsure",
        ),
    ];
    table
        .into_iter()
        .flat_map(|(history, rule, months, key, unsure)| {
            zone_history_reasons(zone, history, rule, months, [key, unsure], now, offset)
        })
        .collect()
}

fn zone_history_reasons(
    zone: Zone,
    history: &ZoneHistory,
    rule: RuleId,
    months: u32,
    keys: [&'static str; 2],
    now: DateTime<Utc>,
    offset: FixedOffset,
) -> Vec<Reason> {
    match history.answer {
        Answer::No => return Vec::new(),
        Answer::NotSure => return vec![Reason::block(rule, keys[1])],
        Answer::Yes if history.entries.is_empty() => return vec![Reason::block(rule, keys[0])],
        Answer::Yes => {}
    }
    history
        .entries
        .iter()
        .filter(|e| e.zone.is_none_or(|z| z == zone))
        .filter_map(|e| {
            let opens = e.date.and_then(|d| add_months(d, months));
            dated_block(opens, now, offset).map(|lift| Reason::block(rule, keys[0]).until_opt(lift))
        })
        .collect()
}

/// Returns true when `reasons` hold a reason of `severity` for `rule`.
pub fn has(reasons: &[Reason], rule: RuleId, severity: Severity) -> bool {
    reasons
        .iter()
        .any(|r| r.rule == rule && r.severity == severity)
}
