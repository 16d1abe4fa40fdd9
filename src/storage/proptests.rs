//! Property tests of the backup parser and the stored format.

use chrono::{DateTime, Duration, Utc};
use proptest::prelude::*;

use super::backup::{export, parse_backup, ImportError};
use super::doc::{AppDoc, Preferences};
use super::format;
use super::testdata::{full_doc, t};
use crate::domain::*;

fn now() -> DateTime<Utc> {
    t(400)
}

fn instant() -> impl Strategy<Value = DateTime<Utc>> {
    (0i64..365 * 24 * 3600).prop_map(|s| t(0) + Duration::seconds(s))
}

fn zones() -> impl Strategy<Value = Vec<Zone>> {
    proptest::sample::subsequence(Zone::ALL.to_vec(), 0..4)
}

fn session() -> impl Strategy<Value = Session> {
    (
        instant(),
        0i64..7200,
        0u16..=1500,
        zones(),
        zones(),
        any::<(bool, bool)>(),
    )
        .prop_map(
            |(start, len, needle, done, stopped, (before, after))| Session {
                id: SessionId(0),
                started_at: start,
                ended_at: start + Duration::seconds(len),
                needle: NeedleLength::from_micrometres(needle),
                zones_completed: done,
                zones_stopped_bleeding: stopped,
                disinfected_before: before,
                disinfected_after: after,
            },
        )
}

fn reaction() -> impl Strategy<Value = Reaction> {
    (
        proptest::sample::select(ReactionKind::ALL.to_vec()),
        0usize..4,
        zones(),
        instant(),
        proptest::option::of(0u64..1000),
        0usize..3,
        any::<bool>(),
    )
        .prop_map(
            |(kind, sev, zones, at, session, status, worsening)| Reaction {
                id: ReactionId(0),
                kind,
                severity: [
                    ReactionSeverity::None,
                    ReactionSeverity::Mild,
                    ReactionSeverity::Moderate,
                    ReactionSeverity::Severe,
                ][sev],
                zones,
                noticed_at: at,
                session: session.map(SessionId),
                status: match status {
                    0 => ReactionStatus::StillPresent,
                    1 => ReactionStatus::Resolved(at),
                    _ => ReactionStatus::ClearedByClinician(at),
                },
                worsening,
            },
        )
}

fn doc() -> impl Strategy<Value = AppDoc> {
    (
        proptest::collection::vec(session(), 0..12),
        proptest::collection::vec(reaction(), 0..12),
        4u8..=5,
        0u32..=10080,
        any::<(bool, bool, u64)>(),
        proptest::collection::vec("\\PC{0,12}", 0..3),
    )
        .prop_map(
            |(sessions, reactions, passes, lead, (sound, vib, rev), allergens)| {
                let mut doc = AppDoc {
                    revision: rev >> 12,
                    profile: Some(Profile {
                        allergens,
                        ..Profile::default()
                    }),
                    preferences: Preferences {
                        passes_per_direction: passes,
                        sound,
                        vibration: vib,
                        reminder_lead_minutes: lead,
                    },
                    ..AppDoc::default()
                };
                for (i, mut s) in sessions.into_iter().enumerate() {
                    s.id = SessionId(i as u64 * 7 + 1);
                    doc.sessions.push(s);
                }
                for (i, mut r) in reactions.into_iter().enumerate() {
                    r.id = ReactionId(i as u64 * 5 + 2);
                    doc.reactions.push(r);
                }
                doc
            },
        )
}

/// One edit of a text: remove a range, insert or replace a character.
fn mutate(text: &str, kind: u8, at: usize, len: usize, ch: char) -> String {
    let chars: Vec<char> = text.chars().collect();
    let at = at % (chars.len() + 1);
    let end = (at + len).min(chars.len());
    let mut out: Vec<char> = chars[..at].to_vec();
    match kind % 3 {
        0 => out.extend_from_slice(&chars[end..]),
        1 => {
            out.push(ch);
            out.extend_from_slice(&chars[at..]);
        }
        _ => {
            out.push(ch);
            out.extend_from_slice(&chars[(at + 1).min(chars.len())..]);
        }
    }
    out.into_iter().collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn the_parser_never_panics_on_any_string(text in "\\PC*") {
        let _ = parse_backup(&text, now());
        let _ = format::decode(&text);
    }

    #[test]
    fn the_parser_never_panics_on_json_like_text(text in "[\\[\\]{}\",:0-9a-z_\\- .]{0,200}") {
        let _ = parse_backup(&text, now());
        let _ = format::decode(&text);
    }

    /// A mutated backup is refused, or reads exactly as the original (an
    /// edit of the layout only): never a silently different document.
    #[test]
    fn a_mutated_backup_is_refused_or_unchanged(
        kind in any::<u8>(), at in any::<usize>(), len in 0usize..40, ch in any::<char>()
    ) {
        let original = full_doc();
        let text = export(&original, now());
        let mutated = mutate(&text, kind, at, len, ch);
        if let Ok(candidate) = parse_backup(&mutated, now()) {
            prop_assert_eq!(candidate.doc, original);
        }
    }

    /// Reading stored text straight into the stored types gives the same
    /// outcome (document or error) as the general route through `Value`,
    /// for the stored text and any edit of it.
    #[test]
    fn the_direct_read_agrees_with_the_value_route(
        kind in any::<u8>(), at in any::<usize>(), len in 0usize..40, ch in any::<char>()
    ) {
        let text = format::encode(&full_doc());
        for text in [text.clone(), mutate(&text, kind, at, len, ch)] {
            let general = format::parse_json(&text)
                .and_then(|value| format::decode_value(value, &format::MIGRATIONS));
            prop_assert_eq!(format::decode(&text), general);
        }
    }

    /// The checksum catches any one-digit change anywhere in the file.
    #[test]
    fn the_checksum_catches_a_one_character_change(pick in any::<usize>(), digit in 0u8..9) {
        let text = export(&full_doc(), now());
        let digits: Vec<usize> = text.char_indices()
            .filter(|(_, c)| c.is_ascii_digit()).map(|(i, _)| i).collect();
        let i = digits[pick % digits.len()];
        let old = text.as_bytes()[i];
        let new = b'0' + (old - b'0' + 1 + digit) % 10;
        prop_assume!(new != old);
        let mut bytes = text.into_bytes();
        bytes[i] = new;
        let changed = String::from_utf8(bytes).unwrap();
        prop_assert!(parse_backup(&changed, now()).is_err());
    }

    #[test]
    fn a_truncated_backup_is_refused_as_truncated(cut in any::<usize>()) {
        let text = export(&full_doc(), now());
        let cut = cut % text.len();
        prop_assume!(text.is_char_boundary(cut));
        let got = parse_backup(&text[..cut], now());
        if text[..cut].trim().is_empty() {
            prop_assert_eq!(got, Err(ImportError::Empty));
        } else {
            prop_assert_eq!(got, Err(ImportError::Truncated));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn export_then_import_is_the_identity(doc in doc()) {
        let text = export(&doc, now());
        let candidate = parse_backup(&text, now()).unwrap();
        prop_assert_eq!(&candidate.doc, &doc);
        prop_assert_eq!(candidate.summary.counts, doc.counts());
        let stored = format::decode(&format::encode(&doc)).unwrap();
        prop_assert_eq!(stored.doc, doc);
    }
}

/// One edit of a document, as pages, merges and imports make them.
#[derive(Debug, Clone)]
enum Edit {
    AddReaction(Reaction),
    AddSession(Session),
    InsertReactionFirst(Reaction),
    RemoveReaction(usize),
    RemoveSession(usize),
    CloseReaction(usize, DateTime<Utc>),
    ReplaceReaction(usize, Reaction),
    SwapReactions(usize, usize),
    Note(usize, String),
    Sound(bool),
    Reminder(Option<DateTime<Utc>>),
    Guided(Option<Vec<Zone>>, DateTime<Utc>),
    Device(u16),
    Clear,
    Revision,
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        4 => reaction().prop_map(Edit::AddReaction),
        2 => session().prop_map(Edit::AddSession),
        1 => reaction().prop_map(Edit::InsertReactionFirst),
        1 => any::<usize>().prop_map(Edit::RemoveReaction),
        1 => any::<usize>().prop_map(Edit::RemoveSession),
        2 => (any::<usize>(), instant()).prop_map(|(i, at)| Edit::CloseReaction(i, at)),
        1 => (any::<usize>(), reaction()).prop_map(|(i, r)| Edit::ReplaceReaction(i, r)),
        1 => (any::<usize>(), any::<usize>()).prop_map(|(i, j)| Edit::SwapReactions(i, j)),
        1 => (any::<usize>(), "\\PC{0,8}").prop_map(|(i, s)| Edit::Note(i, s)),
        1 => any::<bool>().prop_map(Edit::Sound),
        1 => proptest::option::of(instant()).prop_map(Edit::Reminder),
        1 => (proptest::option::of(zones()), instant()).prop_map(|(z, at)| Edit::Guided(z, at)),
        1 => (0u16..=1500).prop_map(Edit::Device),
        1 => Just(Edit::Clear),
        2 => Just(Edit::Revision),
    ]
}

fn apply(doc: &mut AppDoc, edit: Edit, next_id: &mut u64) {
    let mut fresh = || {
        *next_id += 1;
        *next_id
    };
    let pick = |i: usize, len: usize| (len > 0).then(|| i % len);
    match edit {
        Edit::AddReaction(mut r) => {
            r.id = ReactionId(fresh());
            doc.reactions.push(r);
        }
        Edit::AddSession(mut s) => {
            s.id = SessionId(fresh());
            doc.sessions.push(s);
        }
        Edit::InsertReactionFirst(mut r) => {
            r.id = ReactionId(fresh());
            doc.reactions.insert(0, r);
        }
        Edit::RemoveReaction(i) => {
            if let Some(i) = pick(i, doc.reactions.len()) {
                let gone = doc.reactions.remove(i);
                doc.notes.remove(&gone.id);
            }
        }
        Edit::RemoveSession(i) => {
            if let Some(i) = pick(i, doc.sessions.len()) {
                doc.sessions.remove(i);
            }
        }
        Edit::CloseReaction(i, at) => {
            if let Some(i) = pick(i, doc.reactions.len()) {
                doc.reactions[i].status = ReactionStatus::Resolved(at);
            }
        }
        Edit::ReplaceReaction(i, mut r) => {
            if let Some(i) = pick(i, doc.reactions.len()) {
                r.id = doc.reactions[i].id;
                doc.reactions[i] = r;
            }
        }
        Edit::SwapReactions(i, j) => {
            if let (Some(i), Some(j)) = (pick(i, doc.reactions.len()), pick(j, doc.reactions.len()))
            {
                doc.reactions.swap(i, j);
            }
        }
        Edit::Note(i, text) => {
            if let Some(i) = pick(i, doc.reactions.len()) {
                let id = doc.reactions[i].id;
                doc.set_note(id, &text);
            }
        }
        Edit::Sound(on) => doc.preferences.sound = on,
        Edit::Reminder(at) => {
            doc.schedule_reminder(at);
        }
        Edit::Guided(zones, at) => {
            doc.flow.guided = zones.map(|zones| crate::storage::doc::GuidedRun {
                plan: SessionPlan {
                    zones,
                    passes_per_direction: 4,
                },
                started_at: at,
                events: vec![RunEvent {
                    at,
                    kind: RunEventKind::Next,
                }],
            });
        }
        Edit::Device(um) => {
            let mut device = full_doc().device.expect("a device");
            device.needle = NeedleLength::from_micrometres(um);
            doc.replace_device(device, t(3));
        }
        Edit::Clear => *doc = AppDoc::default(),
        Edit::Revision => {}
    }
    doc.revision += 1;
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// The stored text is the text of the `Value` route, byte for byte:
    /// keys in the byte order of their names, no whitespace.
    #[test]
    fn the_stored_text_is_the_value_text(doc in doc()) {
        prop_assert_eq!(format::encode(&doc), format::to_value(&doc).to_string());
    }

    /// The migration law: any document as version 1 wrote it migrates to
    /// exactly what version 2 writes for it, and decodes to the document.
    #[test]
    fn version_1_migrates_to_what_version_2_writes(doc in doc()) {
        let v1 = format::tests::v1_value(&doc);
        prop_assert_eq!(format::v1::to_v2(v1.clone()), Ok(format::to_value(&doc)));
        let decoded = format::decode(&v1.to_string()).unwrap();
        prop_assert_eq!(decoded.from_version, 1);
        prop_assert_eq!(decoded.doc, doc);
    }

    /// One encoder kept across any sequence of edits writes exactly what a
    /// full encode writes, and `assign_from` copies a document exactly.
    #[test]
    fn cached_encoding_matches_a_full_encode_after_any_edits(
        start in doc(),
        edits in proptest::collection::vec(edit(), 1..40),
    ) {
        let mut encoder = format::encoder::Encoder::new();
        let mut doc = start;
        let mut base = AppDoc::default();
        let mut next_id = 1_000_000;
        prop_assert_eq!(encoder.encode(&doc), format::encode(&doc));
        base.assign_from(&doc);
        prop_assert_eq!(&base, &doc);
        for edit in edits {
            apply(&mut doc, edit, &mut next_id);
            let text = encoder.encode(&doc);
            prop_assert_eq!(&text, &format::encode(&doc));
            prop_assert_eq!(&format::decode(&text).unwrap().doc, &doc);
            base.assign_from(&doc);
            prop_assert_eq!(&base, &doc);
        }
    }
}

/// Any JSON value, nested a few levels, with strings that need escaping.
fn json_value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        "[ -~\"\\\\\n\tä🙂{}\\[\\],:]{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
            prop::collection::btree_map("[ -~\"\\\\:,{}]{0,8}", inner, 0..6)
                .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    /// Law: laying out a value's compact text gives serde_json's pretty
    /// text of the same value.
    #[test]
    fn pretty_text_is_serde_jsons(value in json_value()) {
        let compact = value.to_string();
        prop_assert_eq!(
            super::backup::pretty(&compact),
            serde_json::to_string_pretty(&value).unwrap()
        );
    }
}
