//! Stored format version 1, as far as it differs from version 2: a session
//! and a reaction were objects, keyed by their field names. Every other part
//! of the document is the same in both versions, so [`to_v2`], the migration
//! step, rewrites only those two lists and the version.
//!
//! Invariant: each session and reaction is read with the strictness version
//! 1 was read with (every field, no unknown one, instants as RFC 3339), so a
//! damaged version 1 document is refused here, with the item and its field
//! named, instead of being half migrated.

use chrono::{DateTime, Utc};
use serde::Deserialize;
use serde_json::Value;

use super::instant;
use super::v2::{self, ReactionKind, ReactionSeverity, Zone};

/// The version these types describe.
pub const VERSION: u32 = 1;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Session {
    disinfected_after: bool,
    disinfected_before: bool,
    #[serde(deserialize_with = "instant::required")]
    ended_at: DateTime<Utc>,
    id: u64,
    needle_um: u16,
    #[serde(deserialize_with = "instant::required")]
    started_at: DateTime<Utc>,
    zones_completed: Vec<Zone>,
    zones_stopped_bleeding: Vec<Zone>,
}

/// Whether a reaction is still there, tagged as `{"state": .., "at": ..}`.
#[derive(Deserialize)]
#[serde(tag = "state", content = "at", rename_all = "snake_case")]
enum ReactionStatus {
    StillPresent,
    Resolved(#[serde(deserialize_with = "instant::required")] DateTime<Utc>),
    ClearedByClinician(#[serde(deserialize_with = "instant::required")] DateTime<Utc>),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Reaction {
    id: u64,
    kind: ReactionKind,
    #[serde(deserialize_with = "instant::required")]
    noticed_at: DateTime<Utc>,
    session: Option<u64>,
    severity: ReactionSeverity,
    status: ReactionStatus,
    worsening: bool,
    zones: Vec<Zone>,
}

impl From<Session> for v2::Session {
    fn from(s: Session) -> Self {
        v2::Session {
            id: s.id,
            started_at: s.started_at,
            ended_at: s.ended_at,
            needle_um: s.needle_um,
            zones_completed: s.zones_completed,
            zones_stopped_bleeding: s.zones_stopped_bleeding,
            disinfected_before: s.disinfected_before,
            disinfected_after: s.disinfected_after,
        }
    }
}

impl From<Reaction> for v2::Reaction {
    fn from(r: Reaction) -> Self {
        v2::Reaction {
            id: r.id,
            session: r.session,
            noticed_at: r.noticed_at,
            kind: r.kind,
            severity: r.severity,
            zones: r.zones,
            worsening: r.worsening,
            status: match r.status {
                ReactionStatus::StillPresent => v2::ReactionStatus::StillPresent,
                ReactionStatus::Resolved(at) => v2::ReactionStatus::Resolved(at),
                ReactionStatus::ClearedByClinician(at) => {
                    v2::ReactionStatus::ClearedByClinician(at)
                }
            },
        }
    }
}

/// The migration step from version 1 to version 2: every session and
/// reaction object becomes its row. A list that is missing is left for the
/// version 2 types to report; an item that does not read as version 1 fails
/// the step, naming the list, the item's position and what is wrong.
pub fn to_v2(mut value: Value) -> Result<Value, String> {
    let object = value
        .as_object_mut()
        .ok_or("the document is not an object")?;
    rewrite::<Session, v2::Session>(object.get_mut("sessions"), "sessions")?;
    rewrite::<Reaction, v2::Reaction>(object.get_mut("reactions"), "reactions")?;
    object.insert("schema_version".into(), Value::from(v2::VERSION));
    Ok(value)
}

/// Rewrites each item of `list` (when it is a list) from its version 1
/// object `Old` to its version 2 row `New`.
fn rewrite<Old, New>(list: Option<&mut Value>, name: &str) -> Result<(), String>
where
    Old: for<'de> Deserialize<'de>,
    New: From<Old> + serde::Serialize,
{
    let Some(Value::Array(items)) = list else {
        return Ok(());
    };
    for (index, item) in items.iter_mut().enumerate() {
        // Read through the item's text, as stored text is: the types'
        // deserializers then exist once in the WASM.
        let old: Old =
            serde_json::from_str(&item.to_string()).map_err(|e| format!("{name}[{index}]: {e}"))?;
        let row = serde_json::to_string(&New::from(old)).map_err(|e| e.to_string())?;
        *item = serde_json::from_str(&row).map_err(|e| e.to_string())?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn migrated(doc: &str) -> Result<Value, String> {
        to_v2(serde_json::from_str(doc).unwrap())
    }

    #[test]
    fn objects_become_rows_in_the_documented_order() {
        let value = migrated(
            r#"{"schema_version":1,"sessions":[{"disinfected_after":false,"disinfected_before":true,
            "ended_at":"2025-02-01T09:30:00Z","id":7,"needle_um":250,"started_at":"2025-02-01T09:00:00Z",
            "zones_completed":["nose"],"zones_stopped_bleeding":["chin"]}],
            "reactions":[{"id":3,"kind":"redness","noticed_at":"2025-02-01T18:00:00.250Z","session":7,
            "severity":"mild","status":{"state":"resolved","at":"2025-02-02T08:00:00Z"},"worsening":true,
            "zones":["nose","chin"]},{"id":4,"kind":"swelling","noticed_at":"2025-02-03T08:00:00Z","session":null,
            "severity":"none","status":{"state":"still_present"},"worsening":false,"zones":[]}]}"#,
        )
        .unwrap();
        assert_eq!(value["schema_version"], 2);
        assert_eq!(
            value["sessions"][0].to_string(),
            r#"[7,"2025-02-01T09:00:00Z","2025-02-01T09:30:00Z",250,["nose"],["chin"],true,false]"#
        );
        assert_eq!(
            value["reactions"][0].to_string(),
            r#"[3,7,"2025-02-01T18:00:00.250Z","redness","mild",["nose","chin"],true,"resolved","2025-02-02T08:00:00Z"]"#
        );
        assert_eq!(
            value["reactions"][1].to_string(),
            r#"[4,null,"2025-02-03T08:00:00Z","swelling","none",[],false,"still_present",null]"#
        );
    }

    #[test]
    fn a_damaged_item_fails_the_step_and_is_named() {
        let cases = [
            (r#"{"sessions":[{"id":1}]}"#, "sessions[0]: missing field"),
            (
                r#"{"reactions":[{"id":1,"kind":"redness","noticed_at":"2025-02-01T18:00:00Z","session":null,
                "severity":"mild","status":{"state":"resolved"},"worsening":false,"zones":[],"extra":1}]}"#,
                "reactions[0]: ",
            ),
            (
                r#"{"reactions":[{"id":1,"kind":"redness","noticed_at":"yesterday","session":null,
                "severity":"mild","status":{"state":"still_present"},"worsening":false,"zones":[]}]}"#,
                "reactions[0]: ",
            ),
        ];
        for (doc, start) in cases {
            let why = migrated(doc).expect_err(doc);
            assert!(why.starts_with(start), "{doc}: {why}");
        }
        assert_eq!(
            to_v2(Value::from(3)),
            Err("the document is not an object".to_string())
        );
    }

    #[test]
    fn a_missing_or_empty_list_is_left_as_it_is() {
        let value = migrated(r#"{"schema_version":1,"sessions":[]}"#).unwrap();
        assert_eq!(value.to_string(), r#"{"schema_version":2,"sessions":[]}"#);
    }
}
