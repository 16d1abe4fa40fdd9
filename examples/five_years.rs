//! Writes five years of Rollwise data, as the app stores it, for
//! `cargo xtask bench`: about 130 sessions, 1,500 reactions with a note on
//! about one in five, a full profile and five rollers. The data is
//! generated from a fixed seed, so every run measures the same document.
//!
//! Usage: `cargo run --example five_years -- OUT.json`

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use rollwise::domain::{
    AgeAnswer, Answer, DamageFlags, DatedAnswer, Device, DeviceKind, NeedleLength, Profile,
    Reaction, ReactionId, ReactionKind, ReactionSeverity, ReactionStatus, Session, SessionId,
    SkinType, TreatmentCourse, Zone, ZoneDated, ZoneHistory,
};
use rollwise::storage::doc::{AppDoc, ReplacedDevice};
use rollwise::storage::format;

/// A small deterministic generator (xorshift), so the data never changes.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// A note as a person might write one on a reaction: one to three short
/// sentences.
fn note(rng: &mut Rng) -> String {
    const SENTENCES: [&str; 8] = [
        "Pink on both cheeks the morning after.",
        "Felt tight after washing, so I used the plain moisturiser.",
        "A little flaky around the nose by day two.",
        "Stung with the toner; left it out for now.",
        "Mostly gone by the evening.",
        "Itchy at night but I did not scratch.",
        "Slept on my back to keep the pillow off it.",
        "Calmer than after the last session.",
    ];
    let count = 1 + rng.below(3);
    (0..count)
        .map(|_| SENTENCES[rng.below(SENTENCES.len() as u64) as usize])
        .collect::<Vec<_>>()
        .join(" ")
}

fn profile() -> Profile {
    let no = Answer::No;
    Profile {
        age: AgeAnswer::BornOn(NaiveDate::from_ymd_opt(1988, 5, 17).expect("a date")),
        pregnant_or_breastfeeding: no,
        isotretinoin_now: no,
        isotretinoin_past: DatedAnswer {
            answer: Answer::Yes,
            date: NaiveDate::from_ymd_opt(2019, 2, 1),
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
        cold_sore_history: Answer::Yes,
        koebner_history: no,
        skin_type: SkinType::III,
        product_allergy: Answer::Yes,
        allergens: vec!["Fragrance (parfum)".into(), "Lanolin".into()],
        peel_or_laser: DatedAnswer {
            answer: Answer::Yes,
            date: NaiveDate::from_ymd_opt(2020, 9, 12),
        },
        filler: ZoneHistory {
            answer: Answer::Yes,
            entries: vec![ZoneDated {
                zone: Some(Zone::UpperLip),
                date: NaiveDate::from_ymd_opt(2020, 1, 20),
            }],
        },
        facial_surgery: ZoneHistory {
            answer: no,
            entries: vec![],
        },
        recent_scars: ZoneHistory {
            answer: no,
            entries: vec![],
        },
    }
}

fn roller(first_use: DateTime<Utc>, sessions_used: u32) -> Device {
    Device {
        kind: DeviceKind::ManualRoller,
        needle: NeedleLength(250),
        first_use: Some(first_use),
        sessions_used,
        damage: DamageFlags::default(),
        only_mine: true,
    }
}

fn main() -> Result<(), String> {
    let out = std::env::args()
        .nth(1)
        .ok_or("usage: five_years OUT.json")?;
    let mut rng = Rng(0x5eed_2026_1121);
    let start = Utc
        .with_ymd_and_hms(2021, 11, 1, 20, 0, 0)
        .single()
        .ok_or("start")?;
    let mut doc = AppDoc {
        profile: Some(profile()),
        ..AppDoc::default()
    };
    let expected = [
        ReactionKind::Redness,
        ReactionKind::Swelling,
        ReactionKind::Sensitivity,
        ReactionKind::DrynessFlaking,
        ReactionKind::Tightness,
        ReactionKind::MildItch,
    ];
    let mut at = start;
    let mut roller_first = start;
    let mut roller_sessions = 0;
    let mut next_reaction = 1;
    for n in 0..130u64 {
        // A new roller every 26 sessions: five in five years.
        if n > 0 && n % 26 == 0 {
            doc.replaced_devices.push(ReplacedDevice {
                device: roller(roller_first, roller_sessions),
                replaced_at: at - Duration::hours(2),
            });
            roller_first = at;
            roller_sessions = 0;
        }
        let zones: Vec<Zone> = Zone::ALL
            .iter()
            .copied()
            .filter(|_| rng.below(4) != 0)
            .collect();
        let stopped = if rng.below(20) == 0 {
            vec![zones[0]]
        } else {
            vec![]
        };
        let id = SessionId(1_000 + n);
        doc.sessions.push(Session {
            id,
            started_at: at,
            ended_at: at + Duration::minutes(25 + rng.below(15) as i64),
            needle: NeedleLength(250),
            zones_completed: zones.clone(),
            zones_stopped_bleeding: stopped,
            disinfected_before: true,
            disinfected_after: true,
        });
        roller_sessions += 1;
        // About 11.5 reactions a session over the next days.
        for _ in 0..(9 + rng.below(6)) {
            let noticed = at + Duration::hours(1 + rng.below(100) as i64);
            doc.reactions.push(Reaction {
                id: ReactionId(next_reaction),
                kind: expected[rng.below(expected.len() as u64) as usize],
                severity: [
                    ReactionSeverity::None,
                    ReactionSeverity::Mild,
                    ReactionSeverity::Moderate,
                ][rng.below(3) as usize],
                zones: vec![zones[rng.below(zones.len() as u64) as usize]],
                noticed_at: noticed,
                session: Some(id),
                status: ReactionStatus::Resolved(
                    noticed + Duration::hours(20 + rng.below(30) as i64),
                ),
                worsening: false,
            });
            if rng.below(5) == 0 {
                doc.notes.insert(ReactionId(next_reaction), note(&mut rng));
            }
            next_reaction += 1;
        }
        at += Duration::days(14);
    }
    doc.device = Some(roller(roller_first, roller_sessions));
    doc.revision = 2_000;
    let text = format::encode(&doc);
    std::fs::write(&out, &text).map_err(|e| format!("cannot write {out}: {e}"))?;
    println!(
        "five years: {} sessions, {} reactions, {} notes, {} rollers, {} bytes -> {out}",
        doc.sessions.len(),
        doc.reactions.len(),
        doc.notes.len(),
        doc.replaced_devices.len() + 1,
        text.len()
    );
    Ok(())
}
