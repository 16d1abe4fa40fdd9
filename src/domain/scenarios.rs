#![cfg(test)]
//! Whole-engine scenarios for `can_start_session`: every PER and SKIN rule,
//! PRE-1..3, PRE-5, PRE-6, DST and travel, and the message-key sweep.
//!
//! Invariants: each test starts from [`ready`], a fully answered, clean
//! input that may start, and changes one thing.

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, TimeZone, Utc};

use super::eligibility::{can_start_session, SessionDecision, SessionInput};
use super::keys::is_known;
use super::model::*;
use super::rules::{Reason, RuleId, Severity};
use super::timer::SoakTimer;

pub(crate) fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 6, 15, 18, 0, 0).unwrap()
}

pub(crate) fn paris() -> FixedOffset {
    FixedOffset::east_opt(3600).unwrap()
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

pub(crate) fn clear_profile() -> Profile {
    let no = Answer::No;
    Profile {
        age: AgeAnswer::ConfirmedAdult,
        pregnant_or_breastfeeding: no,
        isotretinoin_now: no,
        isotretinoin_past: DatedAnswer {
            answer: no,
            date: None,
        },
        bleeding_risk: no,
        chemo_or_radiotherapy: TreatmentCourse {
            answer: no,
            first_day: None,
            last_day: None,
        },
        other_immunosuppression: no,
        keloid_tendency: no,
        metal_allergy: no,
        uncontrolled_diabetes: no,
        controlled_diabetes_or_slow_healing: no,
        cold_sore_history: no,
        koebner_history: no,
        skin_type: SkinType::II,
        product_allergy: no,
        allergens: Vec::new(),
        peel_or_laser: DatedAnswer {
            answer: no,
            date: None,
        },
        filler: ZoneHistory {
            answer: no,
            entries: Vec::new(),
        },
        facial_surgery: ZoneHistory {
            answer: no,
            entries: Vec::new(),
        },
        recent_scars: ZoneHistory {
            answer: no,
            entries: Vec::new(),
        },
    }
}

pub(crate) fn good_device() -> Device {
    Device {
        kind: DeviceKind::ManualRoller,
        needle: NeedleLength::MM_0_25,
        first_use: None,
        sessions_used: 0,
        damage: DamageFlags::default(),
        only_mine: true,
    }
}

pub(crate) fn ready_today(zones: &[Zone]) -> TodayCheck {
    TodayCheck {
        alcohol_or_drugs: Answer::No,
        actives_last_3_days: Answer::No,
        cold_sore_now: Answer::No,
        widespread_infection: Answer::No,
        pre1_done: true,
        disinfection: Disinfection {
            soak: None,
            confirmed_full_soak: true,
        },
        serum: None,
        numbing_cream: false,
        zones: zones.iter().map(|z| ZoneCheck::clear(*z)).collect(),
    }
}

/// A clean, fully answered input.
struct Ready {
    profile: Profile,
    device: Device,
    today: TodayCheck,
    sessions: Vec<Session>,
    reactions: Vec<Reaction>,
    now: DateTime<Utc>,
    offset: FixedOffset,
}

impl Ready {
    fn decide(&self) -> SessionDecision {
        can_start_session(&SessionInput {
            profile: &self.profile,
            device: &self.device,
            today: &self.today,
            sessions: &self.sessions,
            reactions: &self.reactions,
            now: self.now,
            offset: self.offset,
        })
    }
}

fn ready() -> Ready {
    Ready {
        profile: clear_profile(),
        device: good_device(),
        today: ready_today(&[Zone::Forehead, Zone::LeftCheek, Zone::UpperLip]),
        sessions: Vec::new(),
        reactions: Vec::new(),
        now: now(),
        offset: paris(),
    }
}

fn find(decision: &SessionDecision, rule: RuleId) -> Option<&Reason> {
    decision.all_reasons().find(|r| r.rule == rule)
}

#[test]
fn a_clean_input_may_start() {
    let decision = ready().decide();
    assert!(decision.can_start(&[]), "{:?}", decision.reasons);
    assert_eq!(
        decision.open_zones(),
        vec![Zone::Forehead, Zone::LeftCheek, Zone::UpperLip]
    );
    assert_eq!(decision.zones.len(), Zone::ALL.len());
}

/// The default (unanswered) profile and check block.
#[test]
fn defaults_block() {
    let mut r = ready();
    r.profile = Profile::default();
    r.today = TodayCheck::default();
    let decision = r.decide();
    assert!(decision.is_blocked());
    assert!(!decision.can_start(&[]));
    assert!(
        find(&decision, RuleId::Per1).is_some(), // PER-1
        "PER-1 unknown age blocks"
    );
}

type Mutation = fn(&mut Ready, Answer);

/// Every yes/no PER, SKIN-1, SKIN-2, PER-15 and PRE-2 question: "yes" gives
/// the rule's severity; "not sure" the same with an `_unsure` key.
#[test]
fn person_and_day_questions_yes_and_not_sure() {
    let table: [(RuleId, Severity, Mutation); 16] = [
        (RuleId::Per2, Severity::Block, |r, a| {
            // PER-2
            r.profile.pregnant_or_breastfeeding = a
        }),
        (RuleId::Per3, Severity::Block, |r, a| {
            // PER-3
            r.profile.isotretinoin_now = a
        }),
        (RuleId::Per4, Severity::Block, |r, a| {
            // PER-4
            r.profile.isotretinoin_past.answer = a
        }),
        (RuleId::Per5, Severity::Block, |r, a| {
            // PER-5
            r.profile.bleeding_risk = a
        }),
        (RuleId::Per6, Severity::Block, |r, a| {
            // PER-6
            r.profile.other_immunosuppression = a
        }),
        (RuleId::Per6, Severity::Block, |r, a| {
            // PER-6
            r.profile.chemo_or_radiotherapy.answer = a
        }),
        (RuleId::Per7, Severity::Block, |r, a| {
            // PER-7
            r.profile.keloid_tendency = a
        }),
        (RuleId::Per8, Severity::Block, |r, a| {
            // PER-8
            r.profile.metal_allergy = a
        }),
        (RuleId::Per9, Severity::Block, |r, a| {
            // PER-9
            r.profile.uncontrolled_diabetes = a
        }),
        (RuleId::Per10, Severity::Warn, |r, a| {
            // PER-10
            r.profile.controlled_diabetes_or_slow_healing = a
        }),
        (RuleId::Per12, Severity::Warn, |r, a| {
            // PER-12
            r.profile.koebner_history = a
        }),
        (RuleId::Per14, Severity::Warn, |r, a| {
            // PER-14
            r.profile.product_allergy = a
        }),
        (RuleId::Per15, Severity::Block, |r, a| {
            // PER-15
            r.today.alcohol_or_drugs = a
        }),
        (RuleId::Skin1, Severity::Block, |r, a| {
            // SKIN-1
            r.today.widespread_infection = a
        }),
        (RuleId::Skin2, Severity::Block, |r, a| {
            // SKIN-2
            r.today.cold_sore_now = a
        }),
        (RuleId::Pre2, Severity::Warn, |r, a| {
            // PRE-2
            r.today.actives_last_3_days = a
        }),
    ];
    for (rule, severity, mutate) in table {
        for answer in [Answer::Yes, Answer::NotSure] {
            let mut r = ready();
            mutate(&mut r, answer);
            let decision = r.decide();
            let reason = find(&decision, rule).unwrap_or_else(|| panic!("{rule} {answer:?}"));
            assert_eq!(reason.severity, severity, "{rule}");
            assert_eq!(
                reason.key.ends_with("_unsure"),
                answer == Answer::NotSure,
                "{rule}"
            );
            assert_eq!(reason.zone, None, "{rule} is session-level");
            assert!(!decision.can_start(&[]), "{rule}");
            assert_eq!(
                decision.can_start(&[reason.key]),
                severity != Severity::Block,
                "{rule}"
            );
        }
    }
}

/// PER-1: the day before the 18th birthday blocks, the day itself opens
/// (local date in the user's offset).
#[test]
fn per1_eighteenth_birthday_boundary() {
    let mut r = ready();
    r.profile.age = AgeAnswer::BornOn(d(2007, 6, 16));
    let blocked = r.decide();
    let reason = find(&blocked, RuleId::Per1).expect("PER-1");
    assert_eq!(reason.key, "per1.under_18");
    assert_eq!(
        reason.until,
        Some(Utc.with_ymd_and_hms(2025, 6, 15, 23, 0, 0).unwrap())
    );
    r.now = Utc.with_ymd_and_hms(2025, 6, 15, 23, 0, 0).unwrap();
    assert!(
        find(&r.decide(), RuleId::Per1).is_none(), // PER-1
        "PER-1 open on the birthday"
    );
}

/// PER-4: isotretinoin stopped 6 calendar months ago: the day before is
/// blocked, the day itself open; 31 August + 6 months = end of February.
#[test]
fn per4_six_months_after_stop() {
    let table = [
        (d(2024, 12, 15), d(2025, 6, 14), d(2025, 6, 15)),
        (d(2024, 8, 31), d(2025, 2, 27), d(2025, 2, 28)),
        (d(2023, 8, 31), d(2024, 2, 28), d(2024, 2, 29)),
    ];
    for (stop, day_before, day_of) in table {
        let mut r = ready();
        r.profile.isotretinoin_past = DatedAnswer {
            answer: Answer::Yes,
            date: Some(stop),
        };
        r.offset = FixedOffset::east_opt(0).unwrap();
        r.now = day_before.and_hms_opt(23, 59, 59).unwrap().and_utc();
        let blocked = r.decide();
        let reason = find(&blocked, RuleId::Per4).unwrap_or_else(|| panic!("PER-4 {stop}"));
        assert_eq!(
            reason.until,
            Some(day_of.and_hms_opt(0, 0, 0).unwrap().and_utc())
        );
        r.now = day_of.and_hms_opt(0, 0, 0).unwrap().and_utc();
        assert!(
            find(&r.decide(), RuleId::Per4).is_none(), // PER-4
            "PER-4 open {day_of}"
        );
    }
    let mut r = ready();
    r.profile.isotretinoin_past = DatedAnswer {
        answer: Answer::Yes,
        date: None,
    };
    assert_eq!(
        find(&r.decide(), RuleId::Per4).map(|x| x.key), // PER-4
        Some("per4.isotretinoin_stop_date_unknown")
    );
}

/// PER-6: chemo- or radiotherapy blocks from 4 weeks before the first day to
/// 4 weeks after the last.
#[test]
fn per6_four_weeks_either_side() {
    let utc = FixedOffset::east_opt(0).unwrap();
    let course = TreatmentCourse {
        answer: Answer::Yes,
        first_day: Some(d(2025, 7, 13)),
        last_day: Some(d(2025, 8, 1)),
    };
    let table = [
        (d(2025, 6, 14), Severity::Info),
        (d(2025, 6, 15), Severity::Block),
        (d(2025, 8, 28), Severity::Block),
    ];
    for (day, severity) in table {
        let mut r = ready();
        r.profile.chemo_or_radiotherapy = course;
        r.offset = utc;
        r.now = day.and_hms_opt(12, 0, 0).unwrap().and_utc();
        let decision = r.decide();
        assert_eq!(
            find(&decision, RuleId::Per6).map(|x| x.severity), // PER-6
            Some(severity),
            "PER-6 {day}"
        );
    }
    let mut r = ready();
    r.profile.chemo_or_radiotherapy = course;
    r.offset = utc;
    r.now = d(2025, 8, 29).and_hms_opt(0, 0, 0).unwrap().and_utc();
    assert!(
        find(&r.decide(), RuleId::Per6).is_none(), // PER-6
        "PER-6 open 4 weeks after"
    );
    r.profile.chemo_or_radiotherapy.last_day = None;
    assert_eq!(
        find(&r.decide(), RuleId::Per6).map(|x| x.until), // PER-6
        Some(None),
        "ongoing"
    );
}

/// PER-11: a cold-sore history warns only on zones near the mouth.
#[test]
fn per11_near_mouth_only() {
    let mut r = ready();
    r.profile.cold_sore_history = Answer::Yes;
    let decision = r.decide();
    let zones: Vec<Zone> = decision
        .zones
        .iter()
        .filter(|z| z.planned && z.reasons.iter().any(|x| x.rule == RuleId::Per11)) // PER-11
        .map(|z| z.zone)
        .collect();
    assert_eq!(zones, vec![Zone::LeftCheek, Zone::UpperLip], "PER-11");
    assert_eq!(
        decision.pending_acks(&[]),
        vec!["per11.cold_sore_history_near_mouth"]
    );
    assert!(decision.can_start(&["per11.cold_sore_history_near_mouth"]));
}

/// PER-13: Fitzpatrick IV–VI or not sure warns; I–III does not.
#[test]
fn per13_skin_types() {
    let table = [
        (SkinType::I, None),
        (SkinType::III, None),
        (SkinType::IV, Some("per13.dark_marks_risk_lighter_pressure")),
        (SkinType::VI, Some("per13.dark_marks_risk_lighter_pressure")),
        (SkinType::NotSure, Some("per13.skin_type_unsure")),
    ];
    for (skin_type, key) in table {
        let mut r = ready();
        r.profile.skin_type = skin_type;
        assert_eq!(
            find(&r.decide(), RuleId::Per13).map(|x| x.key), // PER-13
            key,
            "PER-13 {skin_type:?}"
        );
    }
}

type ZoneMutation = fn(&mut ZoneCheck, Answer);

/// SKIN-1, 3, 4, 5, 9: each blocks its zone only; the others stay open.
#[test]
fn skin_zone_questions_block_the_zone() {
    let table: [(RuleId, ZoneMutation); 6] = [
        (RuleId::Skin1, |c, a| c.infection_or_broken_skin = a), // SKIN-1
        (RuleId::Skin3, |c, a| c.active_acne = a),              // SKIN-3
        (RuleId::Skin4, |c, a| c.flare = a),                    // SKIN-4
        (RuleId::Skin5, |c, a| c.sunburn_or_tan.answer = a),    // SKIN-5
        (RuleId::Skin9, |c, a| c.lesion = a),                   // SKIN-9
        (RuleId::Skin9, |c, a| c.changing_mole = a),            // SKIN-9
    ];
    for (rule, mutate) in table {
        for answer in [Answer::Yes, Answer::NotSure] {
            let mut r = ready();
            mutate(&mut r.today.zones[1], answer);
            let decision = r.decide();
            let reason = find(&decision, rule).unwrap_or_else(|| panic!("{rule}"));
            assert_eq!(
                (reason.severity, reason.zone),
                (Severity::Block, Some(Zone::LeftCheek)),
                "{rule}"
            );
            assert_eq!(
                decision.open_zones(),
                vec![Zone::Forehead, Zone::UpperLip],
                "{rule}"
            );
            assert!(decision.can_start(&[]), "{rule}: other zones still open");
        }
    }
}

/// SKIN-5: sunburn or tan blocks at least 2 weeks from its date.
#[test]
fn skin5_two_weeks() {
    let mut r = ready();
    r.offset = FixedOffset::east_opt(0).unwrap();
    r.today.zones[0].sunburn_or_tan = DatedAnswer {
        answer: Answer::Yes,
        date: Some(d(2025, 6, 10)),
    };
    let reason = find(&r.decide(), RuleId::Skin5).cloned().expect("SKIN-5");
    assert_eq!(
        reason.until,
        Some(Utc.with_ymd_and_hms(2025, 6, 24, 0, 0, 0).unwrap())
    );
    r.now = Utc.with_ymd_and_hms(2025, 6, 30, 0, 0, 0).unwrap();
    let still = find(&r.decide(), RuleId::Skin5) // SKIN-5
        .cloned()
        .expect("still reported: blocks");
    assert_eq!(still.until, None, "SKIN-5 until resolved");
}

/// SKIN-6: a peel, laser or IPL blocks for 4 weeks (28 local days).
#[test]
fn skin6_four_weeks_after_peel() {
    let mut r = ready();
    r.offset = FixedOffset::east_opt(0).unwrap();
    r.profile.peel_or_laser = DatedAnswer {
        answer: Answer::Yes,
        date: Some(d(2025, 5, 18)),
    };
    r.now = Utc.with_ymd_and_hms(2025, 6, 14, 23, 59, 59).unwrap();
    let reason = find(&r.decide(), RuleId::Skin6).cloned().expect("SKIN-6");
    assert_eq!(
        reason.until,
        Some(Utc.with_ymd_and_hms(2025, 6, 15, 0, 0, 0).unwrap())
    );
    r.now = Utc.with_ymd_and_hms(2025, 6, 15, 0, 0, 0).unwrap();
    assert!(
        find(&r.decide(), RuleId::Skin6).is_none(), // SKIN-6
        "SKIN-6 open after 4 weeks"
    );
    for (answer, date, key) in [
        (Answer::NotSure, None, "skin6.peel_or_laser_unsure"),
        (Answer::Yes, None, "skin6.peel_or_laser_date_unknown"),
    ] {
        r.profile.peel_or_laser = DatedAnswer { answer, date };
        assert_eq!(find(&r.decide(), RuleId::Skin6).map(|x| x.key), Some(key)); // SKIN-6
    }
}

/// SKIN-7 (filler 6 months, surgery 12 months) and SKIN-8 (scar 6 months):
/// the day before is blocked, the day of open, only in the zone concerned.
#[test]
fn skin7_skin8_month_windows() {
    type Set = fn(&mut Profile, ZoneHistory);
    let table: [(RuleId, Set, u32); 3] = [
        (RuleId::Skin7, |p, h| p.filler = h, 6),          // SKIN-7
        (RuleId::Skin7, |p, h| p.facial_surgery = h, 12), // SKIN-7
        (RuleId::Skin8, |p, h| p.recent_scars = h, 6),    // SKIN-8
    ];
    let utc = FixedOffset::east_opt(0).unwrap();
    for (rule, set, months) in table {
        let date = d(2024, 8, 31);
        let opens = date
            .checked_add_months(chrono::Months::new(months))
            .unwrap();
        let mut r = ready();
        r.offset = utc;
        let history = ZoneHistory {
            answer: Answer::Yes,
            entries: vec![ZoneDated {
                zone: Some(Zone::LeftCheek),
                date: Some(date),
            }],
        };
        set(&mut r.profile, history);
        r.now = opens.and_hms_opt(0, 0, 0).unwrap().and_utc() - Duration::seconds(1);
        let decision = r.decide();
        assert_eq!(
            decision.open_zones(),
            vec![Zone::Forehead, Zone::UpperLip],
            "{rule} {months} months"
        );
        r.now += Duration::seconds(1);
        assert_eq!(
            r.decide().open_zones().len(),
            3,
            "{rule} open after {months} months"
        );
        for (answer, entries) in [
            (Answer::NotSure, vec![]),
            (Answer::Yes, vec![]),
            (
                Answer::Yes,
                vec![ZoneDated {
                    zone: None,
                    date: None,
                }],
            ),
        ] {
            set(&mut r.profile, ZoneHistory { answer, entries });
            let decision = r.decide();
            assert!(
                decision.open_zones().is_empty(),
                "{rule} {answer:?} blocks every zone"
            );
            assert!(decision.reasons.iter().any(|x| x.key == "zones.none_open"));
        }
    }
}

/// SKIN-10: no excluded area can be planned; `Zone` has no such variant.
#[test]
fn skin10_only_offered_zones() {
    let decision = ready().decide();
    for status in &decision.zones {
        assert!(
            ExcludedArea::ALL
                .iter()
                .all(|a| a.key() != status.zone.key()),
            "SKIN-10"
        );
    }
    let json = r#"{"zone":"lips","infection_or_broken_skin":"no","active_acne":"no","flare":"no","sunburn_or_tan":{"answer":"no","date":null},"lesion":"no","changing_mole":"no"}"#;
    assert!(
        serde_json::from_str::<ZoneCheck>(json).is_err(),
        "SKIN-10: lips never parse"
    );
}

/// PRE-1: the checklist must be done.
#[test]
fn pre1_checklist_required() {
    let mut r = ready();
    r.today.pre1_done = false;
    let decision = r.decide();
    assert_eq!(
        find(&decision, RuleId::Pre1).map(|x| x.severity), // PRE-1
        Some(Severity::Block),
        "PRE-1"
    );
}

/// PRE-3: the soak timer must have run 10 minutes, or a full soak confirmed.
#[test]
fn pre3_soak_before_start() {
    let table = [
        (
            Some(SoakTimer::start(now() - Duration::minutes(10))),
            false,
            None,
        ),
        (
            Some(SoakTimer::start(now() - Duration::minutes(9))),
            false,
            Some("pre3.soak_running"),
        ),
        (None, false, Some("pre3.soak_not_done")),
        (None, true, None),
    ];
    for (soak, confirmed, key) in table {
        let mut r = ready();
        r.today.disinfection = Disinfection {
            soak,
            confirmed_full_soak: confirmed,
        };
        let reason = find(&r.decide(), RuleId::Pre3).cloned(); // PRE-3
        assert_eq!(reason.as_ref().map(|x| x.key), key, "PRE-3");
        if key == Some("pre3.soak_running") {
            assert_eq!(
                reason.and_then(|x| x.until),
                Some(now() + Duration::minutes(1))
            );
        }
    }
    let mut paused = SoakTimer::start(now() - Duration::minutes(20));
    paused.pause(now() - Duration::minutes(15));
    let mut r = ready();
    r.today.disinfection = Disinfection {
        soak: Some(paused),
        confirmed_full_soak: false,
    };
    assert_eq!(
        find(&r.decide(), RuleId::Pre3).map(|x| x.key), // PRE-3
        Some("pre3.soak_not_done")
    );
}

/// PRE-5: only plain hyaluronic acid or a bland gel while rolling.
#[test]
fn pre5_serum_check() {
    let table = [
        ("Hyaluronic acid serum", None),
        ("Vitamin C serum", Some("pre5.serum_not_bland")),
        ("Mystery glow drops", Some("pre5.serum_unknown")),
    ];
    for (serum, key) in table {
        let mut r = ready();
        r.today.serum = Some(serum.to_string());
        assert_eq!(
            find(&r.decide(), RuleId::Pre5).map(|x| x.key), // PRE-5
            key,
            "PRE-5 {serum}"
        );
    }
}

/// PRE-6: a planned numbing cream gives an INFO.
#[test]
fn pre6_numbing_info() {
    let mut r = ready();
    r.today.numbing_cream = true;
    let decision = r.decide();
    assert_eq!(
        find(&decision, RuleId::Pre6).map(|x| x.severity), // PRE-6
        Some(Severity::Info),
        "PRE-6"
    );
    assert!(decision.can_start(&[]));
}

fn session_ending(end: DateTime<Utc>, needle: NeedleLength) -> Session {
    Session {
        id: SessionId(7),
        started_at: end - Duration::minutes(15),
        ended_at: end,
        needle,
        zones_completed: vec![Zone::Forehead],
        zones_stopped_bleeding: Vec::new(),
        disinfected_before: true,
        disinfected_after: true,
    }
}

/// INT-1 and DST: a session ends at 23:30 in +01:00 the night before the
/// switch to +02:00; the next session waits exactly 168 elapsed hours,
/// whatever offset the user reports later (travel included).
#[test]
fn int1_dst_and_travel() {
    let end = Utc.with_ymd_and_hms(2025, 3, 29, 22, 30, 0).unwrap();
    for offset_secs in [3600, 7200, -4 * 3600, 9 * 3600] {
        let mut r = ready();
        r.sessions = vec![session_ending(end, NeedleLength::MM_0_25)];
        r.offset = FixedOffset::east_opt(offset_secs).unwrap();
        r.now = end + Duration::hours(168) - Duration::seconds(1);
        let decision = r.decide();
        let int1 = find(&decision, RuleId::Int1).cloned().expect("INT-1");
        assert_eq!(
            int1.until,
            Some(end + Duration::hours(168)),
            "INT-1 offset {offset_secs}"
        );
        r.now = end + Duration::hours(168);
        assert!(
            r.decide().can_start(&[]),
            "INT-1 open at 168 h, offset {offset_secs}"
        );
    }
    let mut r = ready();
    r.sessions = vec![session_ending(end, NeedleLength::MM_0_25)];
    r.offset = FixedOffset::east_opt(7200).unwrap();
    assert_eq!(r.decide().next.earliest_local_date, Some(d(2025, 4, 6)));
    r.offset = FixedOffset::west_opt(5 * 3600).unwrap();
    assert_eq!(r.decide().next.earliest_local_date, Some(d(2025, 4, 5)));
}

/// INT-2: at 0.5 mm a session at 7 days needs acknowledging; at 14 it does not.
#[test]
fn int2_needs_ack_at_long_needle() {
    let end = now() - Duration::days(7);
    let mut r = ready();
    r.device.needle = NeedleLength::MM_0_50;
    r.sessions = vec![session_ending(end, NeedleLength::MM_0_50)];
    let decision = r.decide();
    assert!(!decision.can_start(&[]), "INT-2");
    assert!(decision.can_start(&["int2.long_needle_short_interval"]));
    r.sessions = vec![session_ending(
        now() - Duration::days(14),
        NeedleLength::MM_0_50,
    )];
    assert!(r.decide().can_start(&[]));
}

/// Clock behind the last session: blocked, with its own key.
#[test]
fn clock_behind_last_session_blocks() {
    let mut r = ready();
    r.sessions = vec![session_ending(
        now() + Duration::days(1),
        NeedleLength::MM_0_25,
    )];
    let decision = r.decide();
    assert!(decision
        .reasons
        .iter()
        .any(|x| x.key == "clock.behind_last_session"));
    assert!(!decision.can_start(&[]));
}

/// RX-11 and INT-4: an open STOP reaction blocks the session.
#[test]
fn rx11_stop_reaction_blocks_session() {
    let mut r = ready();
    let end = now() - Duration::days(20);
    r.sessions = vec![session_ending(end, NeedleLength::MM_0_25)];
    r.reactions = vec![Reaction {
        id: ReactionId(1),
        kind: ReactionKind::SpreadingDarkPatches,
        severity: ReactionSeverity::Mild,
        zones: vec![Zone::LeftCheek],
        noticed_at: end + Duration::days(3),
        session: Some(SessionId(7)),
        status: ReactionStatus::StillPresent,
        worsening: false,
    }];
    let decision = r.decide();
    assert!(find(&decision, RuleId::Rx11).is_some(), "RX-11");
    assert!(find(&decision, RuleId::Int4).is_some(), "INT-4");
    assert!(!decision.can_start(&[]));
    r.reactions[0].status = ReactionStatus::ClearedByClinician(now() - Duration::days(1));
    assert!(r.decide().can_start(&[]));
}

/// DEV rules reach the session decision.
#[test]
fn roller_blocks_reach_the_session() {
    let mut r = ready();
    r.device.needle = NeedleLength(510);
    assert!(find(&r.decide(), RuleId::Dev1).is_some(), "DEV-1");
    assert!(!r.decide().can_start(&[]));
}

/// Every key the engine emits in a broad sweep of inputs is listed.
#[test]
fn emitted_keys_are_listed() {
    let mut keys: Vec<&'static str> = Vec::new();
    let mut collect = |decision: &SessionDecision| {
        keys.extend(decision.all_reasons().map(|x| x.key));
        keys.extend(
            decision
                .zones
                .iter()
                .flat_map(|z| z.reasons.iter().map(|x| x.key)),
        );
    };
    for answer in [Answer::Yes, Answer::NotSure] {
        let mut r = ready();
        let p = &mut r.profile;
        p.pregnant_or_breastfeeding = answer;
        p.isotretinoin_now = answer;
        p.isotretinoin_past = DatedAnswer { answer, date: None };
        p.bleeding_risk = answer;
        p.chemo_or_radiotherapy.answer = answer;
        p.other_immunosuppression = answer;
        p.keloid_tendency = answer;
        p.metal_allergy = answer;
        p.uncontrolled_diabetes = answer;
        p.controlled_diabetes_or_slow_healing = answer;
        p.cold_sore_history = answer;
        p.koebner_history = answer;
        p.product_allergy = answer;
        p.peel_or_laser = DatedAnswer { answer, date: None };
        p.filler.answer = answer;
        p.facial_surgery.answer = answer;
        p.recent_scars.answer = answer;
        let t = &mut r.today;
        t.alcohol_or_drugs = answer;
        t.widespread_infection = answer;
        t.cold_sore_now = answer;
        t.actives_last_3_days = answer;
        t.pre1_done = false;
        t.numbing_cream = true;
        t.serum = Some("glow".into());
        t.disinfection = Disinfection::default();
        for c in &mut t.zones {
            c.infection_or_broken_skin = answer;
            c.active_acne = answer;
            c.flare = answer;
            c.sunburn_or_tan.answer = answer;
            c.lesion = answer;
            c.changing_mole = answer;
        }
        r.device = Device {
            kind: DeviceKind::ElectricPen,
            needle: NeedleLength(750),
            only_mine: false,
            sessions_used: 12,
            first_use: None,
            damage: DamageFlags {
                dropped: true,
                ..Default::default()
            },
        };
        collect(&r.decide());
    }
    for key in keys {
        assert!(is_known(key), "{key} is not in MESSAGE_KEYS");
    }
}
