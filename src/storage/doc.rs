//! The document the app works on, in domain types: what pages read and
//! change through the UI glue. It is not a stored format: `format::v2`, the
//! current version, converts to and from it.
//!
//! Invariants:
//! - [`AppDoc::revision`] only grows while a document is edited; the store
//!   compares it with the stored one before every write (two tabs).
//! - Identifiers made by [`AppDoc::new_session_id`] and
//!   [`AppDoc::new_reaction_id`] are below 2^53, so a backup read by any
//!   JSON tool keeps them exact, and they are unique within the document.
//! - Nothing here reads the clock: `now` and a random `salt` are parameters.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};

use crate::domain::{
    Device, Profile, Reaction, ReactionId, RunEvent, Session, SessionId, SessionPlan, SoakTimer,
};

/// Everything Rollwise keeps about the person.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AppDoc {
    /// Grows by one with every change; see the module invariants.
    pub revision: u64,
    /// The set-up answers; `None` until set-up is done.
    pub profile: Option<Profile>,
    /// The roller in use.
    pub device: Option<Device>,
    /// Rollers used before, oldest first.
    pub replaced_devices: Vec<ReplacedDevice>,
    /// Recorded sessions.
    pub sessions: Vec<Session>,
    /// Logged reactions.
    pub reactions: Vec<Reaction>,
    /// The person's own notes on reactions, by reaction id. Kept beside the
    /// reactions because the rules never read them; always shown as text.
    pub notes: BTreeMap<ReactionId, String>,
    /// The person's preferences.
    pub preferences: Preferences,
    /// A soak timer or guided session that is under way.
    pub flow: FlowState,
    /// The next-session reminder.
    pub reminder: ReminderSchedule,
}

/// A roller that was replaced, with the instant it was replaced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReplacedDevice {
    /// The roller as it was when replaced.
    pub device: Device,
    /// When the person replaced it.
    pub replaced_at: DateTime<Utc>,
}

/// The person's preferences.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Preferences {
    /// SES-2: passes per direction, 4 or 5.
    pub passes_per_direction: u8,
    /// Play a sound at each step of a guided session.
    pub sound: bool,
    /// Vibrate at each step of a guided session.
    pub vibration: bool,
    /// How long before the next session the reminder comes, in minutes.
    pub reminder_lead_minutes: u32,
}

/// The longest reminder lead time accepted: one week, in minutes.
pub const MAX_REMINDER_LEAD_MINUTES: u32 = 7 * 24 * 60;

impl Default for Preferences {
    fn default() -> Self {
        Preferences {
            passes_per_direction: crate::domain::guided::DEFAULT_PASSES,
            sound: true,
            vibration: true,
            reminder_lead_minutes: 60,
        }
    }
}

/// The flow under way, so that a reload or a second tab resumes it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FlowState {
    /// PRE-3: a soak timer that is running or paused.
    pub soak: Option<SoakTimer>,
    /// A guided session that is under way.
    pub guided: Option<GuidedRun>,
}

/// A guided session under way: the domain's plan, start and events, from
/// which `domain::position` computes where the person is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GuidedRun {
    /// The plan.
    pub plan: SessionPlan,
    /// When it started.
    pub started_at: DateTime<Utc>,
    /// What the person did so far.
    pub events: Vec<RunEvent>,
}

/// The scheduled next-session reminder. `sequence` grows with every
/// rescheduling, so a stale notification can tell it was replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ReminderSchedule {
    /// Grows by one every time the reminder is set or cleared.
    pub sequence: u64,
    /// When the next session is due, if one is planned.
    pub next_session_at: Option<DateTime<Utc>>,
    /// The `sequence` whose notice was shown, so a reminder is announced
    /// once, even across reloads.
    pub notified_sequence: Option<u64>,
}

/// The longest note kept on a reaction, in characters.
pub const MAX_NOTE_CHARS: usize = 2_000;

/// How much a document holds, for confirmations and summaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    /// Recorded sessions.
    pub sessions: usize,
    /// Logged reactions.
    pub reactions: usize,
    /// Rollers: the current one and the replaced ones.
    pub devices: usize,
    /// Whether set-up answers are kept.
    pub has_profile: bool,
}

impl AppDoc {
    /// How much the document holds.
    pub fn counts(&self) -> Counts {
        Counts {
            sessions: self.sessions.len(),
            reactions: self.reactions.len(),
            devices: self.replaced_devices.len() + usize::from(self.device.is_some()),
            has_profile: self.profile.is_some(),
        }
    }

    /// The first and last local dates of the sessions and reactions, for a
    /// summary. `offset` gives local dates.
    pub fn date_range(&self, offset: chrono::FixedOffset) -> Option<(NaiveDate, NaiveDate)> {
        let instants = self
            .sessions
            .iter()
            .map(|s| s.started_at)
            .chain(self.reactions.iter().map(|r| r.noticed_at));
        let (min, max) =
            instants.fold(None, |acc: Option<(DateTime<Utc>, DateTime<Utc>)>, t| {
                Some(acc.map_or((t, t), |(lo, hi)| (lo.min(t), hi.max(t))))
            })?;
        let local = |t: DateTime<Utc>| t.with_timezone(&offset).date_naive();
        Some((local(min), local(max)))
    }

    /// A new session id, unique in this document. `salt` should be random:
    /// two tabs recording at the same millisecond then still differ.
    pub fn new_session_id(&self, now: DateTime<Utc>, salt: u16) -> SessionId {
        SessionId(fresh_id(now, salt, |id| {
            self.sessions.iter().any(|s| s.id.0 == id)
        }))
    }

    /// A new reaction id, unique in this document (see `new_session_id`).
    pub fn new_reaction_id(&self, now: DateTime<Utc>, salt: u16) -> ReactionId {
        ReactionId(fresh_id(now, salt, |id| {
            self.reactions.iter().any(|r| r.id.0 == id)
        }))
    }

    /// Makes `device` the current roller, moving the previous one to the
    /// history with `now` as its replacement instant.
    pub fn replace_device(&mut self, device: Device, now: DateTime<Utc>) {
        if let Some(old) = self.device.replace(device) {
            self.replaced_devices.push(ReplacedDevice {
                device: old,
                replaced_at: now,
            });
        }
    }

    /// Sets (or clears) the next-session reminder and returns its sequence.
    pub fn schedule_reminder(&mut self, next_session_at: Option<DateTime<Utc>>) -> u64 {
        self.reminder = ReminderSchedule {
            sequence: self.reminder.sequence.saturating_add(1),
            next_session_at,
            notified_sequence: self.reminder.notified_sequence,
        };
        self.reminder.sequence
    }

    /// Keeps `text` as the note of reaction `id`, trimmed and cut to
    /// [`MAX_NOTE_CHARS`]; an empty text removes the note. Returns whether
    /// the text had to be cut.
    pub fn set_note(&mut self, id: ReactionId, text: &str) -> bool {
        let text = text.trim();
        if text.is_empty() {
            self.notes.remove(&id);
            return false;
        }
        let cut = text.chars().count() > MAX_NOTE_CHARS;
        let kept: String = text.chars().take(MAX_NOTE_CHARS).collect();
        self.notes.insert(id, kept);
        cut
    }

    /// The note of reaction `id`, if it has one.
    pub fn note(&self, id: ReactionId) -> Option<&str> {
        self.notes.get(&id).map(String::as_str)
    }

    /// Makes this document equal to `other`, copying only the parts (and
    /// the sessions, reactions and rollers) that differ: after one edit of
    /// five years of data, one item is copied instead of all of them.
    pub fn assign_from(&mut self, other: &AppDoc) {
        // Destructured, so that a new field cannot be forgotten here.
        let AppDoc {
            revision,
            profile,
            device,
            replaced_devices,
            sessions,
            reactions,
            notes,
            preferences,
            flow,
            reminder,
        } = other;
        self.revision = *revision;
        assign_if_changed(&mut self.profile, profile);
        assign_if_changed(&mut self.device, device);
        assign_items(&mut self.replaced_devices, replaced_devices);
        assign_items(&mut self.sessions, sessions);
        assign_items(&mut self.reactions, reactions);
        assign_if_changed(&mut self.notes, notes);
        self.preferences = *preferences;
        assign_if_changed(&mut self.flow, flow);
        self.reminder = *reminder;
    }
}

/// Copies `source` into `target` unless they are equal already.
fn assign_if_changed<T: Clone + PartialEq>(target: &mut T, source: &T) {
    if target != source {
        target.clone_from(source);
    }
}

/// Makes `target` equal to `source`, copying only the items that differ at
/// the same position.
fn assign_items<T: Clone + PartialEq>(target: &mut Vec<T>, source: &[T]) {
    target.truncate(source.len());
    for (i, item) in source.iter().enumerate() {
        match target.get_mut(i) {
            Some(kept) => assign_if_changed(kept, item),
            None => target.push(item.clone()),
        }
    }
}

/// Bits of salt below the millisecond count. With milliseconds below 2^42
/// (until the year 2109) ids stay below 2^53.
const SALT_BITS: u32 = 11;
/// The largest id handed out, so that JSON readers keep every id exact.
const MAX_SAFE_ID: u64 = (1 << 53) - 1;

/// Builds an id from the instant and the salt, stepping past taken ones.
fn fresh_id(now: DateTime<Utc>, salt: u16, taken: impl Fn(u64) -> bool) -> u64 {
    let millis = u64::try_from(now.timestamp_millis()).unwrap_or(0);
    let salt = u64::from(salt) & ((1 << SALT_BITS) - 1);
    let mut id = (millis << SALT_BITS | salt) & MAX_SAFE_ID;
    while taken(id) {
        id = if id >= MAX_SAFE_ID { 1 } else { id + 1 };
    }
    id
}

#[cfg(test)]
mod note_tests {
    use super::*;

    #[test]
    fn notes_are_trimmed_cut_and_removed_when_empty() {
        let mut doc = AppDoc::default();
        let id = ReactionId(7);
        assert!(!doc.set_note(id, "  stings a little \n"));
        assert_eq!(doc.note(id), Some("stings a little"));
        assert!(doc.set_note(id, &"a".repeat(MAX_NOTE_CHARS + 5)));
        assert_eq!(
            doc.note(id).map(|n| n.chars().count()),
            Some(MAX_NOTE_CHARS)
        );
        assert!(!doc.set_note(id, "   "));
        assert_eq!(doc.note(id), None);
    }

    #[test]
    fn rescheduling_keeps_which_reminder_was_announced() {
        let mut doc = AppDoc::default();
        let first = doc.schedule_reminder(None);
        doc.reminder.notified_sequence = Some(first);
        let second = doc.schedule_reminder(None);
        assert!(second > first);
        assert_eq!(doc.reminder.notified_sequence, Some(first));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::testdata::{device, reaction, session, t};

    #[test]
    fn new_ids_are_unique_and_json_safe() {
        let mut doc = AppDoc::default();
        let now = t(0);
        for _ in 0..5 {
            let id = doc.new_session_id(now, 7);
            assert!(id.0 <= MAX_SAFE_ID);
            assert!(doc.sessions.iter().all(|s| s.id != id));
            doc.sessions.push(session(id.0, 0));
        }
        let far = DateTime::<Utc>::from_timestamp(10_000_000_000, 0).unwrap(); // year 2286
        assert!(doc.new_reaction_id(far, u16::MAX).0 <= MAX_SAFE_ID);
        let before_epoch = DateTime::<Utc>::from_timestamp(-10, 0).unwrap();
        assert_eq!(doc.new_reaction_id(before_epoch, 3).0, 3);
    }

    #[test]
    fn replacing_a_device_keeps_the_old_one_with_its_instant() {
        let mut doc = AppDoc::default();
        doc.replace_device(device(250), t(1));
        assert!(doc.replaced_devices.is_empty());
        doc.replace_device(device(500), t(2));
        assert_eq!(doc.replaced_devices.len(), 1);
        assert_eq!(doc.replaced_devices[0].replaced_at, t(2));
        assert_eq!(doc.replaced_devices[0].device, device(250));
        assert_eq!(doc.counts().devices, 2);
    }

    #[test]
    fn reminder_sequence_grows() {
        let mut doc = AppDoc::default();
        assert_eq!(doc.schedule_reminder(Some(t(3))), 1);
        assert_eq!(doc.schedule_reminder(None), 2);
        assert_eq!(doc.reminder.next_session_at, None);
    }

    #[test]
    fn date_range_spans_sessions_and_reactions() {
        let mut doc = AppDoc::default();
        assert_eq!(
            doc.date_range(chrono::FixedOffset::east_opt(0).unwrap()),
            None
        );
        doc.sessions.push(session(1, 5));
        doc.reactions.push(reaction(2, Some(1), 30));
        let utc = chrono::FixedOffset::east_opt(0).unwrap();
        let (first, last) = doc.date_range(utc).unwrap();
        assert_eq!(first, t(5).date_naive());
        assert_eq!(last, t(30).date_naive());
    }
}
