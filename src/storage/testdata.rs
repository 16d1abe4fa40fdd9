//! Documents for the storage layer's native tests.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};

use super::doc::{AppDoc, FlowState, GuidedRun, Preferences, ReminderSchedule, ReplacedDevice};
use crate::domain::guided::{RunEvent, RunEventKind, SessionPlan};
use crate::domain::*;

/// 09:00 UTC on `day` days after 1 January 2025.
pub fn t(day: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 1, 1, 9, 0, 0).unwrap() + Duration::days(day)
}

pub fn device(needle_um: u16) -> Device {
    Device {
        kind: DeviceKind::ManualRoller,
        needle: NeedleLength::from_micrometres(needle_um),
        first_use: Some(t(0)),
        sessions_used: 3,
        damage: DamageFlags::default(),
        only_mine: true,
    }
}

pub fn session(id: u64, day: i64) -> Session {
    Session {
        id: SessionId(id),
        started_at: t(day),
        ended_at: t(day) + Duration::minutes(20),
        needle: NeedleLength::MM_0_25,
        zones_completed: vec![Zone::Forehead, Zone::Nose],
        zones_stopped_bleeding: vec![],
        disinfected_before: true,
        disinfected_after: true,
    }
}

pub fn reaction(id: u64, session: Option<u64>, day: i64) -> Reaction {
    Reaction {
        id: ReactionId(id),
        kind: ReactionKind::Redness,
        severity: ReactionSeverity::Mild,
        zones: vec![Zone::LeftCheek],
        noticed_at: t(day) + Duration::hours(1),
        session: session.map(SessionId),
        status: ReactionStatus::StillPresent,
        worsening: false,
    }
}

/// A document that uses every part of the format.
pub fn full_doc() -> AppDoc {
    let date = |d| NaiveDate::from_ymd_opt(2024, 6, d).unwrap();
    let profile = Profile {
        age: AgeAnswer::BornOn(NaiveDate::from_ymd_opt(1990, 2, 3).unwrap()),
        isotretinoin_past: DatedAnswer {
            answer: Answer::Yes,
            date: Some(date(1)),
        },
        chemo_or_radiotherapy: TreatmentCourse {
            answer: Answer::No,
            first_day: None,
            last_day: None,
        },
        skin_type: SkinType::III,
        product_allergy: Answer::Yes,
        allergens: vec!["lanolin".into(), "=cmd, \"quoted\"".into()],
        filler: ZoneHistory {
            answer: Answer::Yes,
            entries: vec![ZoneDated {
                zone: Some(Zone::Chin),
                date: Some(date(9)),
            }],
        },
        ..Profile::default()
    };
    let mut resolved = reaction(10, Some(1), 1);
    resolved.status = ReactionStatus::Resolved(t(2));
    let mut cleared = reaction(12, None, 8);
    cleared.kind = ReactionKind::Bruising;
    cleared.severity = ReactionSeverity::Moderate;
    cleared.status = ReactionStatus::ClearedByClinician(t(9));
    let mut bleeding = session(3, 14);
    bleeding.zones_stopped_bleeding = vec![Zone::UpperLip];
    bleeding.needle = NeedleLength::MM_0_50;
    let mut old = device(500);
    old.damage.bent = true;
    AppDoc {
        revision: 7,
        profile: Some(profile),
        device: Some(device(250)),
        replaced_devices: vec![ReplacedDevice {
            device: old,
            replaced_at: t(3),
        }],
        sessions: vec![session(1, 0), session(2, 7), bleeding],
        reactions: vec![resolved, reaction(11, Some(3), 14), cleared],
        notes: [(
            ReactionId(11),
            "Stung a bit <b>near</b> the nose, \"like\" sunburn; gone by noon.".to_string(),
        )]
        .into_iter()
        .collect(),
        preferences: Preferences {
            passes_per_direction: 5,
            sound: true,
            vibration: false,
            reminder_lead_minutes: 90,
        },
        flow: FlowState {
            soak: Some(SoakTimer {
                started_at: t(15),
                paused_total: Duration::seconds(30),
                paused_at: Some(t(15) + Duration::minutes(2)),
            }),
            guided: Some(GuidedRun {
                plan: SessionPlan::new(&[Zone::Forehead, Zone::Neck], 5),
                started_at: t(15) + Duration::minutes(12),
                events: vec![RunEvent {
                    at: t(15) + Duration::minutes(13),
                    kind: RunEventKind::Pause,
                }],
            }),
        },
        reminder: ReminderSchedule {
            sequence: 4,
            next_session_at: Some(t(21)),
            notified_sequence: Some(3),
        },
    }
}
