//! Stored format version 2: the serde types of the document kept in
//! `localStorage` and in backups, and their conversions to and from
//! [`AppDoc`].
//!
//! Version 2 differs from version 1 only in how a session and a reaction
//! are written: each is a row (an array of its fields in a fixed order)
//! instead of an object. They are the lists that grow with every session,
//! and five years of data hold about 1,600 of them: as rows, that document
//! takes 213 KB instead of 363 KB, and Chromium opens it 10 to 12 ms sooner
//! on a first visit. [`super::v1`] migrates version 1 to this.
//!
//! Invariants:
//! - These types are the format. They never reuse a domain type, so a
//!   domain refactor fails to compile here instead of silently changing what
//!   is stored; the golden fixture `tests/fixtures/stored-v2.json` pins it.
//! - Every object is written with its keys in the byte order of their names
//!   (the order `serde_json::Value` writes), so the fields of each struct
//!   are declared in that order and serialized directly, without building a
//!   `Value` first. `format::tests` pin the bytes against the fixture and
//!   against the `Value` route. A row's cells are in the order its doc
//!   comment gives, which is the order of its struct's fields.
//! - Every struct denies unknown fields, and a row must have exactly its
//!   cells: a document that does not match is reported, never half read.
//! - [`from_domain`] is total. [`to_domain`] is total too: it returns an
//!   error for values the domain cannot hold (a negative pause), never panics.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::{date, instant, FormatError};
use crate::domain::guided as g;
use crate::domain::model as m;
use crate::domain::timer::SoakTimer;
use crate::storage::doc::{
    AppDoc, FlowState, GuidedRun, Preferences, ReminderSchedule, ReplacedDevice,
};

/// The version these types describe.
pub const VERSION: u32 = 2;

/// Declares a stored enum that mirrors a domain enum variant for variant,
/// with both conversions. Each match is exhaustive, so a new or renamed
/// domain variant stops the build here.
macro_rules! mirror_enum {
    ($(#[$meta:meta])* $name:ident <=> $domain:ident { $($variant:ident),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl From<m::$domain> for $name {
            fn from(value: m::$domain) -> Self {
                match value { $(m::$domain::$variant => $name::$variant),+ }
            }
        }

        impl From<$name> for m::$domain {
            fn from(value: $name) -> Self {
                match value { $($name::$variant => m::$domain::$variant),+ }
            }
        }
    };
}

mirror_enum!(
    /// A yes/no/not-sure answer.
    Answer <=> Answer { Yes, No, NotSure }
);
mirror_enum!(
    /// A Fitzpatrick skin type.
    SkinType <=> SkinType { I, II, III, IV, V, VI, NotSure }
);
mirror_enum!(
    /// A zone.
    Zone <=> Zone {
        Forehead, Nose, LeftCheek, RightCheek, UpperLip, Chin, Jawline, Neck, Decolletage,
    }
);
mirror_enum!(
    /// A kind of device.
    DeviceKind <=> DeviceKind { ManualRoller, ElectricPen, RadioFrequency }
);
mirror_enum!(
    /// What was noticed.
    ReactionKind <=> ReactionKind {
        Redness, Swelling, Sensitivity, DrynessFlaking, Tightness, MildItch, Bruising,
        IncreasingPainOrWarmth, SpreadingRedness, PusOrYellowCrust, FeverOrChills,
        BlistersTinglingOrBurning, FirmRedBumps, GridMarks, SpreadingDarkPatches, ItchyRash,
        FaceLipOrTongueSwelling, SpreadingHives, DifficultyBreathing,
    }
);
mirror_enum!(
    /// How strong a reaction is.
    ReactionSeverity <=> ReactionSeverity { None, Mild, Moderate, Severe }
);

/// A guided-session event kind (the domain's lives in `guided`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RunEventKind {
    Pause,
    Resume,
    Next,
    StopZoneBleeding,
    End,
}

impl From<g::RunEventKind> for RunEventKind {
    fn from(value: g::RunEventKind) -> Self {
        match value {
            g::RunEventKind::Pause => RunEventKind::Pause,
            g::RunEventKind::Resume => RunEventKind::Resume,
            g::RunEventKind::Next => RunEventKind::Next,
            g::RunEventKind::StopZoneBleeding => RunEventKind::StopZoneBleeding,
            g::RunEventKind::End => RunEventKind::End,
        }
    }
}

impl From<RunEventKind> for g::RunEventKind {
    fn from(value: RunEventKind) -> Self {
        match value {
            RunEventKind::Pause => g::RunEventKind::Pause,
            RunEventKind::Resume => g::RunEventKind::Resume,
            RunEventKind::Next => g::RunEventKind::Next,
            RunEventKind::StopZoneBleeding => g::RunEventKind::StopZoneBleeding,
            RunEventKind::End => g::RunEventKind::End,
        }
    }
}

/// The whole stored document, version 2.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Doc {
    pub device: Option<Device>,
    pub flow: Flow,
    /// Notes on reactions; absent in documents written before notes were
    /// kept, which read as no notes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
    pub preferences: PreferencesV1,
    pub profile: Option<Profile>,
    pub reactions: Vec<Reaction>,
    pub reminder: Reminder,
    pub replaced_devices: Vec<ReplacedDeviceV1>,
    pub revision: u64,
    /// Always [`VERSION`].
    pub schema_version: u32,
    pub sessions: Vec<Session>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    pub reaction: u64,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatedAnswer {
    pub answer: Answer,
    #[serde(default, deserialize_with = "date::optional")]
    pub date: Option<NaiveDate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Age {
    Unknown,
    ConfirmedAdult,
    #[serde(deserialize_with = "date::required")]
    BornOn(NaiveDate),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TreatmentCourse {
    pub answer: Answer,
    #[serde(default, deserialize_with = "date::optional")]
    pub first_day: Option<NaiveDate>,
    #[serde(default, deserialize_with = "date::optional")]
    pub last_day: Option<NaiveDate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ZoneDated {
    #[serde(default, deserialize_with = "date::optional")]
    pub date: Option<NaiveDate>,
    pub zone: Option<Zone>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ZoneHistory {
    pub answer: Answer,
    pub entries: Vec<ZoneDated>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    pub age: Age,
    pub allergens: Vec<String>,
    pub bleeding_risk: Answer,
    pub chemo_or_radiotherapy: TreatmentCourse,
    pub cold_sore_history: Answer,
    pub controlled_diabetes_or_slow_healing: Answer,
    pub facial_surgery: ZoneHistory,
    pub filler: ZoneHistory,
    pub isotretinoin_now: Answer,
    pub isotretinoin_past: DatedAnswer,
    pub keloid_tendency: Answer,
    pub koebner_history: Answer,
    pub metal_allergy: Answer,
    pub other_immunosuppression: Answer,
    pub peel_or_laser: DatedAnswer,
    pub pregnant_or_breastfeeding: Answer,
    pub product_allergy: Answer,
    pub recent_scars: ZoneHistory,
    pub skin_type: SkinType,
    pub uncontrolled_diabetes: Answer,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Damage {
    pub bent: bool,
    pub drags_or_jerks: bool,
    pub dropped: bool,
    pub hooked: bool,
    pub missing_needle: bool,
    pub rusted: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Device {
    pub damage: Damage,
    #[serde(default, deserialize_with = "instant::optional")]
    pub first_use: Option<DateTime<Utc>>,
    pub kind: DeviceKind,
    /// Needle length in micrometres.
    pub needle_um: u16,
    pub only_mine: bool,
    pub sessions_used: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReplacedDeviceV1 {
    pub device: Device,
    #[serde(deserialize_with = "instant::required")]
    pub replaced_at: DateTime<Utc>,
}

/// A session, written as a row: `[id, started_at, ended_at, needle_um,
/// zones_completed, zones_stopped_bleeding, disinfected_before,
/// disinfected_after]` (see [`SessionRow`]).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(from = "SessionRow")]
pub struct Session {
    pub id: u64,
    pub started_at: DateTime<Utc>,
    pub ended_at: DateTime<Utc>,
    pub needle_um: u16,
    pub zones_completed: Vec<Zone>,
    pub zones_stopped_bleeding: Vec<Zone>,
    pub disinfected_before: bool,
    pub disinfected_after: bool,
}

/// A session as it is read: its fields in [`Session`]'s order.
#[derive(Deserialize)]
struct SessionRow(
    u64,
    #[serde(deserialize_with = "instant::required")] DateTime<Utc>,
    #[serde(deserialize_with = "instant::required")] DateTime<Utc>,
    u16,
    Vec<Zone>,
    Vec<Zone>,
    bool,
    bool,
);

impl From<SessionRow> for Session {
    fn from(row: SessionRow) -> Self {
        let SessionRow(id, started_at, ended_at, needle_um, completed, bleeding, before, after) =
            row;
        Session {
            id,
            started_at,
            ended_at,
            needle_um,
            zones_completed: completed,
            zones_stopped_bleeding: bleeding,
            disinfected_before: before,
            disinfected_after: after,
        }
    }
}

impl Serialize for Session {
    /// Writes the row [`SessionRow`] reads, straight from the fields.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeTuple;
        let mut row = serializer.serialize_tuple(8)?;
        row.serialize_element(&self.id)?;
        row.serialize_element(&self.started_at)?;
        row.serialize_element(&self.ended_at)?;
        row.serialize_element(&self.needle_um)?;
        row.serialize_element(&self.zones_completed)?;
        row.serialize_element(&self.zones_stopped_bleeding)?;
        row.serialize_element(&self.disinfected_before)?;
        row.serialize_element(&self.disinfected_after)?;
        row.end()
    }
}

/// Whether a reaction is still there. It is written as two cells of the
/// reaction's row: the state, and the instant it ended (`null` while the
/// reaction is still present).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReactionStatus {
    StillPresent,
    Resolved(DateTime<Utc>),
    ClearedByClinician(DateTime<Utc>),
}

/// The state cell of a reaction's row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum ReactionState {
    StillPresent,
    Resolved,
    ClearedByClinician,
}

/// A reaction, written as a row: `[id, session, noticed_at, kind, severity,
/// zones, worsening, state, ended_at]` (see [`ReactionRow`]). A row whose
/// state and end disagree (a resolved reaction without an end, or a present
/// one with one) is refused.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(try_from = "ReactionRow")]
pub struct Reaction {
    pub id: u64,
    pub session: Option<u64>,
    pub noticed_at: DateTime<Utc>,
    pub kind: ReactionKind,
    pub severity: ReactionSeverity,
    pub zones: Vec<Zone>,
    pub worsening: bool,
    pub status: ReactionStatus,
}

/// A reaction as it is read: its fields in [`Reaction`]'s order, the
/// status as its state and end.
#[derive(Deserialize)]
struct ReactionRow(
    u64,
    Option<u64>,
    #[serde(deserialize_with = "instant::required")] DateTime<Utc>,
    ReactionKind,
    ReactionSeverity,
    Vec<Zone>,
    bool,
    ReactionState,
    #[serde(deserialize_with = "instant::optional")] Option<DateTime<Utc>>,
);

impl TryFrom<ReactionRow> for Reaction {
    type Error = &'static str;

    fn try_from(row: ReactionRow) -> Result<Self, Self::Error> {
        let ReactionRow(id, session, noticed_at, kind, severity, zones, worsening, state, ended) =
            row;
        let status = match (state, ended) {
            (ReactionState::StillPresent, None) => ReactionStatus::StillPresent,
            (ReactionState::Resolved, Some(at)) => ReactionStatus::Resolved(at),
            (ReactionState::ClearedByClinician, Some(at)) => ReactionStatus::ClearedByClinician(at),
            (ReactionState::StillPresent, Some(_)) => {
                return Err("a reaction still present has an end")
            }
            (_, None) => return Err("a reaction that ended has no end"),
        };
        Ok(Reaction {
            id,
            session,
            noticed_at,
            kind,
            severity,
            zones,
            worsening,
            status,
        })
    }
}

impl Serialize for Reaction {
    /// Writes the row [`ReactionRow`] reads, straight from the fields.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeTuple;
        let (state, ended) = match self.status {
            ReactionStatus::StillPresent => (ReactionState::StillPresent, None),
            ReactionStatus::Resolved(at) => (ReactionState::Resolved, Some(at)),
            ReactionStatus::ClearedByClinician(at) => (ReactionState::ClearedByClinician, Some(at)),
        };
        let mut row = serializer.serialize_tuple(9)?;
        row.serialize_element(&self.id)?;
        row.serialize_element(&self.session)?;
        row.serialize_element(&self.noticed_at)?;
        row.serialize_element(&self.kind)?;
        row.serialize_element(&self.severity)?;
        row.serialize_element(&self.zones)?;
        row.serialize_element(&self.worsening)?;
        row.serialize_element(&state)?;
        row.serialize_element(&ended)?;
        row.end()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PreferencesV1 {
    pub passes_per_direction: u8,
    pub reminder_lead_minutes: u32,
    pub sound: bool,
    pub vibration: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Soak {
    #[serde(default, deserialize_with = "instant::optional")]
    pub paused_at: Option<DateTime<Utc>>,
    pub paused_total_ms: i64,
    #[serde(deserialize_with = "instant::required")]
    pub started_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RunEvent {
    #[serde(deserialize_with = "instant::required")]
    pub at: DateTime<Utc>,
    pub kind: RunEventKind,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Guided {
    pub events: Vec<RunEvent>,
    pub passes_per_direction: u8,
    #[serde(deserialize_with = "instant::required")]
    pub started_at: DateTime<Utc>,
    pub zones: Vec<Zone>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Flow {
    pub guided: Option<Guided>,
    pub soak: Option<Soak>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reminder {
    #[serde(default, deserialize_with = "instant::optional")]
    pub next_session_at: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notified_sequence: Option<u64>,
    pub sequence: u64,
}

/// Converts the app's document to the stored format.
pub fn from_domain(doc: &AppDoc) -> Doc {
    Doc {
        schema_version: VERSION,
        revision: doc.revision,
        profile: doc.profile.as_ref().map(profile_out),
        device: doc.device.as_ref().map(device_out),
        replaced_devices: doc.replaced_devices.iter().map(replaced_out).collect(),
        sessions: doc.sessions.iter().map(session_out).collect(),
        reactions: doc.reactions.iter().map(reaction_out).collect(),
        notes: notes_out(&doc.notes),
        preferences: preferences_out(&doc.preferences),
        flow: flow_out(&doc.flow),
        reminder: reminder_out(&doc.reminder),
    }
}

pub(super) fn replaced_out(r: &ReplacedDevice) -> ReplacedDeviceV1 {
    ReplacedDeviceV1 {
        device: device_out(&r.device),
        replaced_at: r.replaced_at,
    }
}

pub(super) fn notes_out(notes: &std::collections::BTreeMap<m::ReactionId, String>) -> Vec<Note> {
    notes
        .iter()
        .map(|(id, text)| Note {
            reaction: id.0,
            text: text.clone(),
        })
        .collect()
}

pub(super) fn preferences_out(p: &Preferences) -> PreferencesV1 {
    PreferencesV1 {
        passes_per_direction: p.passes_per_direction,
        sound: p.sound,
        vibration: p.vibration,
        reminder_lead_minutes: p.reminder_lead_minutes,
    }
}

pub(super) fn flow_out(flow: &FlowState) -> Flow {
    Flow {
        soak: flow.soak.as_ref().map(|s| Soak {
            started_at: s.started_at,
            paused_total_ms: s.paused_total.num_milliseconds(),
            paused_at: s.paused_at,
        }),
        guided: flow.guided.as_ref().map(|run| Guided {
            zones: zones_out(&run.plan.zones),
            passes_per_direction: run.plan.passes_per_direction,
            started_at: run.started_at,
            events: run
                .events
                .iter()
                .map(|e| RunEvent {
                    at: e.at,
                    kind: e.kind.into(),
                })
                .collect(),
        }),
    }
}

pub(super) fn reminder_out(r: &ReminderSchedule) -> Reminder {
    Reminder {
        sequence: r.sequence,
        next_session_at: r.next_session_at,
        notified_sequence: r.notified_sequence,
    }
}

/// Converts a stored document to the app's document. It checks the version
/// and what the domain cannot hold; `validate` checks the rest.
pub fn to_domain(doc: Doc) -> Result<AppDoc, FormatError> {
    if doc.schema_version != VERSION {
        return Err(FormatError::WrongVersion {
            expected: VERSION,
            found: doc.schema_version,
        });
    }
    let soak = match doc.flow.soak {
        None => None,
        Some(s) => Some(SoakTimer {
            started_at: s.started_at,
            paused_total: Duration::try_milliseconds(s.paused_total_ms)
                .filter(|d| *d >= Duration::zero())
                .ok_or(FormatError::BadValue("flow.soak.paused_total_ms"))?,
            paused_at: s.paused_at,
        }),
    };
    let mut notes = std::collections::BTreeMap::new();
    for note in doc.notes {
        if notes
            .insert(m::ReactionId(note.reaction), note.text)
            .is_some()
        {
            return Err(FormatError::BadValue("notes"));
        }
    }
    Ok(AppDoc {
        revision: doc.revision,
        profile: doc.profile.map(profile_in),
        device: doc.device.map(device_in),
        replaced_devices: doc
            .replaced_devices
            .into_iter()
            .map(|r| ReplacedDevice {
                device: device_in(r.device),
                replaced_at: r.replaced_at,
            })
            .collect(),
        sessions: doc.sessions.into_iter().map(session_in).collect(),
        reactions: doc.reactions.into_iter().map(reaction_in).collect(),
        notes,
        preferences: Preferences {
            passes_per_direction: doc.preferences.passes_per_direction,
            sound: doc.preferences.sound,
            vibration: doc.preferences.vibration,
            reminder_lead_minutes: doc.preferences.reminder_lead_minutes,
        },
        flow: FlowState {
            soak,
            guided: doc.flow.guided.map(|run| GuidedRun {
                plan: g::SessionPlan {
                    zones: zones_in(run.zones),
                    passes_per_direction: run.passes_per_direction,
                },
                started_at: run.started_at,
                events: run
                    .events
                    .into_iter()
                    .map(|e| g::RunEvent {
                        at: e.at,
                        kind: e.kind.into(),
                    })
                    .collect(),
            }),
        },
        reminder: ReminderSchedule {
            sequence: doc.reminder.sequence,
            next_session_at: doc.reminder.next_session_at,
            notified_sequence: doc.reminder.notified_sequence,
        },
    })
}

fn zones_out(zones: &[m::Zone]) -> Vec<Zone> {
    zones.iter().map(|z| Zone::from(*z)).collect()
}

fn zones_in(zones: Vec<Zone>) -> Vec<m::Zone> {
    zones.into_iter().map(m::Zone::from).collect()
}

fn dated_out(d: m::DatedAnswer) -> DatedAnswer {
    DatedAnswer {
        answer: d.answer.into(),
        date: d.date,
    }
}

fn dated_in(d: DatedAnswer) -> m::DatedAnswer {
    m::DatedAnswer {
        answer: d.answer.into(),
        date: d.date,
    }
}

fn history_out(h: &m::ZoneHistory) -> ZoneHistory {
    ZoneHistory {
        answer: h.answer.into(),
        entries: h
            .entries
            .iter()
            .map(|e| ZoneDated {
                zone: e.zone.map(Zone::from),
                date: e.date,
            })
            .collect(),
    }
}

fn history_in(h: ZoneHistory) -> m::ZoneHistory {
    m::ZoneHistory {
        answer: h.answer.into(),
        entries: h
            .entries
            .into_iter()
            .map(|e| m::ZoneDated {
                zone: e.zone.map(m::Zone::from),
                date: e.date,
            })
            .collect(),
    }
}

pub(super) fn profile_out(p: &m::Profile) -> Profile {
    Profile {
        age: match p.age {
            m::AgeAnswer::Unknown => Age::Unknown,
            m::AgeAnswer::ConfirmedAdult => Age::ConfirmedAdult,
            m::AgeAnswer::BornOn(d) => Age::BornOn(d),
        },
        pregnant_or_breastfeeding: p.pregnant_or_breastfeeding.into(),
        isotretinoin_now: p.isotretinoin_now.into(),
        isotretinoin_past: dated_out(p.isotretinoin_past),
        bleeding_risk: p.bleeding_risk.into(),
        chemo_or_radiotherapy: TreatmentCourse {
            answer: p.chemo_or_radiotherapy.answer.into(),
            first_day: p.chemo_or_radiotherapy.first_day,
            last_day: p.chemo_or_radiotherapy.last_day,
        },
        other_immunosuppression: p.other_immunosuppression.into(),
        keloid_tendency: p.keloid_tendency.into(),
        metal_allergy: p.metal_allergy.into(),
        uncontrolled_diabetes: p.uncontrolled_diabetes.into(),
        controlled_diabetes_or_slow_healing: p.controlled_diabetes_or_slow_healing.into(),
        cold_sore_history: p.cold_sore_history.into(),
        koebner_history: p.koebner_history.into(),
        skin_type: p.skin_type.into(),
        product_allergy: p.product_allergy.into(),
        allergens: p.allergens.clone(),
        peel_or_laser: dated_out(p.peel_or_laser),
        filler: history_out(&p.filler),
        facial_surgery: history_out(&p.facial_surgery),
        recent_scars: history_out(&p.recent_scars),
    }
}

fn profile_in(p: Profile) -> m::Profile {
    m::Profile {
        age: match p.age {
            Age::Unknown => m::AgeAnswer::Unknown,
            Age::ConfirmedAdult => m::AgeAnswer::ConfirmedAdult,
            Age::BornOn(d) => m::AgeAnswer::BornOn(d),
        },
        pregnant_or_breastfeeding: p.pregnant_or_breastfeeding.into(),
        isotretinoin_now: p.isotretinoin_now.into(),
        isotretinoin_past: dated_in(p.isotretinoin_past),
        bleeding_risk: p.bleeding_risk.into(),
        chemo_or_radiotherapy: m::TreatmentCourse {
            answer: p.chemo_or_radiotherapy.answer.into(),
            first_day: p.chemo_or_radiotherapy.first_day,
            last_day: p.chemo_or_radiotherapy.last_day,
        },
        other_immunosuppression: p.other_immunosuppression.into(),
        keloid_tendency: p.keloid_tendency.into(),
        metal_allergy: p.metal_allergy.into(),
        uncontrolled_diabetes: p.uncontrolled_diabetes.into(),
        controlled_diabetes_or_slow_healing: p.controlled_diabetes_or_slow_healing.into(),
        cold_sore_history: p.cold_sore_history.into(),
        koebner_history: p.koebner_history.into(),
        skin_type: p.skin_type.into(),
        product_allergy: p.product_allergy.into(),
        allergens: p.allergens,
        peel_or_laser: dated_in(p.peel_or_laser),
        filler: history_in(p.filler),
        facial_surgery: history_in(p.facial_surgery),
        recent_scars: history_in(p.recent_scars),
    }
}

pub(super) fn device_out(d: &m::Device) -> Device {
    Device {
        kind: d.kind.into(),
        needle_um: d.needle.micrometres(),
        first_use: d.first_use,
        sessions_used: d.sessions_used,
        damage: Damage {
            bent: d.damage.bent,
            hooked: d.damage.hooked,
            rusted: d.damage.rusted,
            missing_needle: d.damage.missing_needle,
            drags_or_jerks: d.damage.drags_or_jerks,
            dropped: d.damage.dropped,
        },
        only_mine: d.only_mine,
    }
}

fn device_in(d: Device) -> m::Device {
    m::Device {
        kind: d.kind.into(),
        needle: m::NeedleLength::from_micrometres(d.needle_um),
        first_use: d.first_use,
        sessions_used: d.sessions_used,
        damage: m::DamageFlags {
            bent: d.damage.bent,
            hooked: d.damage.hooked,
            rusted: d.damage.rusted,
            missing_needle: d.damage.missing_needle,
            drags_or_jerks: d.damage.drags_or_jerks,
            dropped: d.damage.dropped,
        },
        only_mine: d.only_mine,
    }
}

pub(super) fn session_out(s: &m::Session) -> Session {
    Session {
        id: s.id.0,
        started_at: s.started_at,
        ended_at: s.ended_at,
        needle_um: s.needle.micrometres(),
        zones_completed: zones_out(&s.zones_completed),
        zones_stopped_bleeding: zones_out(&s.zones_stopped_bleeding),
        disinfected_before: s.disinfected_before,
        disinfected_after: s.disinfected_after,
    }
}

fn session_in(s: Session) -> m::Session {
    m::Session {
        id: m::SessionId(s.id),
        started_at: s.started_at,
        ended_at: s.ended_at,
        needle: m::NeedleLength::from_micrometres(s.needle_um),
        zones_completed: zones_in(s.zones_completed),
        zones_stopped_bleeding: zones_in(s.zones_stopped_bleeding),
        disinfected_before: s.disinfected_before,
        disinfected_after: s.disinfected_after,
    }
}

pub(super) fn reaction_out(r: &m::Reaction) -> Reaction {
    Reaction {
        id: r.id.0,
        kind: r.kind.into(),
        severity: r.severity.into(),
        zones: zones_out(&r.zones),
        noticed_at: r.noticed_at,
        session: r.session.map(|s| s.0),
        status: match r.status {
            m::ReactionStatus::StillPresent => ReactionStatus::StillPresent,
            m::ReactionStatus::Resolved(at) => ReactionStatus::Resolved(at),
            m::ReactionStatus::ClearedByClinician(at) => ReactionStatus::ClearedByClinician(at),
        },
        worsening: r.worsening,
    }
}

fn reaction_in(r: Reaction) -> m::Reaction {
    m::Reaction {
        id: m::ReactionId(r.id),
        kind: r.kind.into(),
        severity: r.severity.into(),
        zones: zones_in(r.zones),
        noticed_at: r.noticed_at,
        session: r.session.map(m::SessionId),
        status: match r.status {
            ReactionStatus::StillPresent => m::ReactionStatus::StillPresent,
            ReactionStatus::Resolved(at) => m::ReactionStatus::Resolved(at),
            ReactionStatus::ClearedByClinician(at) => m::ReactionStatus::ClearedByClinician(at),
        },
        worsening: r.worsening,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::testdata::full_doc;

    #[test]
    fn domain_round_trips_through_v2() {
        let doc = full_doc();
        let stored = from_domain(&doc);
        let json = serde_json::to_string(&stored).unwrap();
        let back: Doc = serde_json::from_str(&json).unwrap();
        assert_eq!(to_domain(back).unwrap(), doc);
    }

    #[test]
    fn empty_doc_round_trips() {
        let doc = AppDoc::default();
        assert_eq!(to_domain(from_domain(&doc)).unwrap(), doc);
    }

    #[test]
    fn values_the_domain_cannot_hold_are_errors() {
        let cases = [-1_i64, i64::MIN];
        for ms in cases {
            let mut stored = from_domain(&full_doc());
            stored.flow.soak.as_mut().unwrap().paused_total_ms = ms;
            assert_eq!(
                to_domain(stored),
                Err(FormatError::BadValue("flow.soak.paused_total_ms")),
                "{ms}"
            );
        }
        let mut stored = from_domain(&full_doc());
        stored.schema_version = VERSION + 1;
        assert!(matches!(
            to_domain(stored),
            Err(FormatError::WrongVersion { .. })
        ));
    }

    /// A session and a reaction are rows whose cells are the fields in
    /// their documented order; a row must have exactly those cells, and a
    /// reaction's state must agree with its end.
    #[test]
    fn rows_are_read_strictly() {
        let session =
            r#"[7,"2025-02-01T09:00:00Z","2025-02-01T09:30:00Z",250,["nose"],["chin"],true,false]"#;
        let read: Session = serde_json::from_str(session).unwrap();
        assert_eq!((read.id, read.needle_um), (7, 250));
        assert!(read.disinfected_before && !read.disinfected_after);
        assert_eq!(serde_json::to_string(&read).unwrap(), session);
        let reaction = |state: &str, ended: &str| {
            format!(
                r#"[3,null,"2025-02-01T18:00:00Z","redness","mild",["nose"],false,"{state}",{ended}]"#
            )
        };
        let cases = [
            (
                reaction("still_present", "null"),
                Ok(ReactionStatus::StillPresent),
            ),
            (
                reaction("resolved", r#""2025-02-02T08:00:00Z""#),
                Ok(ReactionStatus::Resolved(
                    "2025-02-02T08:00:00Z".parse().unwrap(),
                )),
            ),
            (
                reaction("cleared_by_clinician", r#""2025-02-02T08:00:00Z""#),
                Ok(ReactionStatus::ClearedByClinician(
                    "2025-02-02T08:00:00Z".parse().unwrap(),
                )),
            ),
            (
                reaction("resolved", "null"),
                Err("a reaction that ended has no end"),
            ),
            (
                reaction("still_present", r#""2025-02-02T08:00:00Z""#),
                Err("a reaction still present has an end"),
            ),
            (reaction("gone", "null"), Err("unknown variant")),
        ];
        for (text, expected) in cases {
            let read = serde_json::from_str::<Reaction>(&text);
            match expected {
                Ok(status) => {
                    let read = read.unwrap();
                    assert_eq!(read.status, status, "{text}");
                    assert_eq!(serde_json::to_string(&read).unwrap(), text);
                }
                Err(why) => {
                    let err = read.expect_err(&text).to_string();
                    assert!(err.contains(why), "{text}: {err}");
                }
            }
        }
        for wrong in [
            r#"[7,"2025-02-01T09:00:00Z","2025-02-01T09:30:00Z",250,["nose"],["chin"],true]"#,
            r#"[7,"2025-02-01T09:00:00Z","2025-02-01T09:30:00Z",250,["nose"],["chin"],true,false,1]"#,
            r#"{"id":7}"#,
        ] {
            assert!(serde_json::from_str::<Session>(wrong).is_err(), "{wrong}");
        }
    }

    #[test]
    fn every_enum_variant_round_trips() {
        for z in m::Zone::ALL {
            assert_eq!(m::Zone::from(Zone::from(z)), z);
        }
        for k in m::ReactionKind::ALL {
            assert_eq!(m::ReactionKind::from(ReactionKind::from(k)), k);
        }
        let kinds = [
            g::RunEventKind::Pause,
            g::RunEventKind::Resume,
            g::RunEventKind::Next,
            g::RunEventKind::StopZoneBleeding,
            g::RunEventKind::End,
        ];
        for k in kinds {
            assert_eq!(g::RunEventKind::from(RunEventKind::from(k)), k);
        }
    }
}
