//! The rules a document must keep to be stored or imported.
//!
//! Invariants:
//! - [`validate`] checks what any stored document must hold, whatever the
//!   clock says; it never rejects a document because the clock moved.
//! - [`check_not_in_future`] is for imports only: recorded events (sessions,
//!   reactions, replacements, first use) must not be later than `now` plus
//!   [`FUTURE_TOLERANCE`]. Planned dates (the reminder, treatment courses)
//!   may be in the future.

use chrono::{DateTime, Duration, Utc};

use super::doc::{AppDoc, MAX_REMINDER_LEAD_MINUTES};
use crate::domain::guided::{MAX_PASSES, MIN_PASSES};
use crate::domain::{order, ReactionStatus};

/// Clock difference allowed between the device that exported a backup and
/// this one.
pub const FUTURE_TOLERANCE: Duration = Duration::hours(1);

/// A rule the document breaks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Two sessions share an id.
    DuplicateSessionId(u64),
    /// Two reactions share an id.
    DuplicateReactionId(u64),
    /// Passes per direction outside 4–5 (SES-2).
    PassesOutOfRange(u8),
    /// A guided session under way has passes outside 4–5.
    GuidedPassesOutOfRange(u8),
    /// A note belongs to no reaction.
    NoteWithoutReaction(u64),
    /// A note is longer than the app keeps.
    NoteTooLong(u64),
    /// The reminder lead time is longer than a week.
    ReminderLeadOutOfRange(u32),
    /// A recorded event is later than now.
    InFuture {
        what: &'static str,
        at: DateTime<Utc>,
    },
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::DuplicateSessionId(id) => write!(f, "two sessions have the id {id}"),
            Self::DuplicateReactionId(id) => write!(f, "two reactions have the id {id}"),
            Self::PassesOutOfRange(n) => write!(f, "passes per direction is {n}, not 4 or 5"),
            Self::GuidedPassesOutOfRange(n) => {
                write!(f, "the session under way has {n} passes, not 4 or 5")
            }
            Self::NoteWithoutReaction(id) => write!(f, "a note belongs to no reaction (id {id})"),
            Self::NoteTooLong(id) => write!(
                f,
                "the note on reaction {id} is longer than {} characters",
                crate::storage::doc::MAX_NOTE_CHARS
            ),
            Self::ReminderLeadOutOfRange(n) => {
                write!(f, "the reminder lead time of {n} minutes is over a week")
            }
            Self::InFuture { what, at } => write!(f, "{what} is dated in the future ({at})"),
        }
    }
}

/// Checks the rules every stored document keeps.
pub fn validate(doc: &AppDoc) -> Result<(), Problem> {
    unique(doc.sessions.iter().map(|s| s.id.0)).map_err(Problem::DuplicateSessionId)?;
    let reaction_ids =
        unique(doc.reactions.iter().map(|r| r.id.0)).map_err(Problem::DuplicateReactionId)?;
    for (id, text) in &doc.notes {
        if reaction_ids.binary_search(&id.0).is_err() {
            return Err(Problem::NoteWithoutReaction(id.0));
        }
        if text.chars().count() > crate::storage::doc::MAX_NOTE_CHARS {
            return Err(Problem::NoteTooLong(id.0));
        }
    }
    let passes = doc.preferences.passes_per_direction;
    if !(MIN_PASSES..=MAX_PASSES).contains(&passes) {
        return Err(Problem::PassesOutOfRange(passes));
    }
    if let Some(run) = &doc.flow.guided {
        let passes = run.plan.passes_per_direction;
        if !(MIN_PASSES..=MAX_PASSES).contains(&passes) {
            return Err(Problem::GuidedPassesOutOfRange(passes));
        }
    }
    let lead = doc.preferences.reminder_lead_minutes;
    if lead > MAX_REMINDER_LEAD_MINUTES {
        return Err(Problem::ReminderLeadOutOfRange(lead));
    }
    Ok(())
}

/// Checks that no recorded event is later than `now` (plus the tolerance).
pub fn check_not_in_future(doc: &AppDoc, now: DateTime<Utc>) -> Result<(), Problem> {
    let limit = now + FUTURE_TOLERANCE;
    let check = |what: &'static str, at: DateTime<Utc>| {
        if at > limit {
            Err(Problem::InFuture { what, at })
        } else {
            Ok(())
        }
    };
    for s in &doc.sessions {
        check("a session", s.started_at)?;
        check("a session", s.ended_at)?;
    }
    for r in &doc.reactions {
        check("a reaction", r.noticed_at)?;
        if let ReactionStatus::Resolved(at) | ReactionStatus::ClearedByClinician(at) = r.status {
            check("a reaction's end", at)?;
        }
    }
    for replaced in &doc.replaced_devices {
        check("a roller replacement", replaced.replaced_at)?;
    }
    let devices = doc
        .device
        .iter()
        .chain(doc.replaced_devices.iter().map(|r| &r.device));
    for device in devices {
        if let Some(at) = device.first_use {
            check("a roller's first use", at)?;
        }
    }
    Ok(())
}

/// Returns the values in ascending order, or a value that repeats.
///
/// Sorting costs less than hashing here. An id holds the instant it was
/// made and new records are appended, so stored ids are nearly always
/// ascending already (a merge orders reactions by when they were noticed),
/// and for five years of data this is one pass over the ids; the WASM's
/// baseline tier runs a hash set's hashing slowly at start-up.
fn unique(ids: impl Iterator<Item = u64>) -> Result<Vec<u64>, u64> {
    let mut ids: Vec<u64> = ids.collect();
    if !ids.is_sorted() {
        order::sort(&mut ids);
    }
    match ids.windows(2).find(|pair| pair[0] == pair[1]) {
        Some(pair) => Err(pair[0]),
        None => Ok(ids),
    }
}

#[cfg(test)]
mod note_tests {
    use super::*;
    use crate::domain::ReactionId;
    use crate::storage::doc::MAX_NOTE_CHARS;
    use crate::storage::testdata::full_doc;

    #[test]
    fn notes_belong_to_a_reaction_and_have_a_length_limit() {
        let mut doc = full_doc();
        validate(&doc).expect("the full document is valid");
        doc.notes.insert(ReactionId(999_999), "orphan".into());
        assert_eq!(validate(&doc), Err(Problem::NoteWithoutReaction(999_999)));
        let mut doc = full_doc();
        let id = doc.reactions[0].id;
        doc.notes.insert(id, "x".repeat(MAX_NOTE_CHARS + 1));
        assert_eq!(validate(&doc), Err(Problem::NoteTooLong(id.0)));
        doc.notes.insert(id, "é".repeat(MAX_NOTE_CHARS));
        validate(&doc).expect("the limit counts characters, not bytes");
        // In whatever order the reactions are, each note finds its own.
        let mut doc = full_doc();
        doc.reactions.reverse();
        assert!(doc.reactions.len() > 1 && !doc.reactions.is_sorted_by_key(|r| r.id));
        let ids: Vec<ReactionId> = doc.reactions.iter().map(|r| r.id).collect();
        for id in ids {
            doc.notes.insert(id, "seen".into());
        }
        validate(&doc).expect("every note has its reaction");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::doc::GuidedRun;
    use crate::storage::testdata::{full_doc, reaction, session, t};

    #[test]
    fn the_full_fixture_document_is_valid() {
        assert_eq!(validate(&full_doc()), Ok(()));
        assert_eq!(validate(&AppDoc::default()), Ok(()));
    }

    #[test]
    fn ids_are_unique_in_any_order() {
        type Case = (&'static [u64], Result<Vec<u64>, u64>);
        let cases: [Case; 6] = [
            (&[], Ok(vec![])),
            (&[7], Ok(vec![7])),
            (&[1, 2, 3], Ok(vec![1, 2, 3])),
            (&[3, 1, 2], Ok(vec![1, 2, 3])),
            (&[1, 2, 2], Err(2)),
            (&[5, 9, 1, 5], Err(5)),
        ];
        for (ids, want) in cases {
            assert_eq!(unique(ids.iter().copied()), want, "{ids:?}");
        }
    }

    #[test]
    fn each_rule_is_checked() {
        type Break = fn(&mut AppDoc);
        let table: [(Break, Problem); 5] = [
            (
                |d| d.sessions.push(session(1, 0)),
                Problem::DuplicateSessionId(1),
            ),
            (
                |d| d.reactions.push(reaction(10, None, 0)),
                Problem::DuplicateReactionId(10),
            ),
            (
                |d| d.preferences.passes_per_direction = 3,
                Problem::PassesOutOfRange(3),
            ),
            (
                |d| {
                    d.flow.guided = Some(GuidedRun {
                        plan: crate::domain::SessionPlan {
                            zones: vec![],
                            passes_per_direction: 6,
                        },
                        started_at: t(0),
                        events: vec![],
                    })
                },
                Problem::GuidedPassesOutOfRange(6),
            ),
            (
                |d| d.preferences.reminder_lead_minutes = MAX_REMINDER_LEAD_MINUTES + 1,
                Problem::ReminderLeadOutOfRange(MAX_REMINDER_LEAD_MINUTES + 1),
            ),
        ];
        for (breaker, problem) in table {
            let mut doc = full_doc();
            breaker(&mut doc);
            assert_eq!(validate(&doc), Err(problem));
        }
    }

    #[test]
    fn future_events_are_refused_within_tolerance() {
        let doc = full_doc();
        let sessions = doc.sessions.iter().map(|s| s.ended_at);
        let last = sessions
            .chain(doc.reactions.iter().map(|r| r.noticed_at))
            .max()
            .unwrap();
        assert_eq!(check_not_in_future(&doc, last), Ok(()));
        assert_eq!(check_not_in_future(&doc, last - FUTURE_TOLERANCE), Ok(()));
        assert!(matches!(
            check_not_in_future(&doc, last - FUTURE_TOLERANCE - Duration::seconds(1)),
            Err(Problem::InFuture { .. })
        ));
    }
}
