//! The stored format: its versions, the migration chain and the decoding of
//! stored text into an [`AppDoc`].
//!
//! Invariants:
//! - Every stored document is a JSON object with an integer
//!   `schema_version`. [`CURRENT_VERSION`] is the one this build writes.
//! - A document newer than [`CURRENT_VERSION`] is reported as
//!   [`DecodeError::Newer`] and never converted, so callers never write
//!   over it.
//! - Migrations run one version at a time: step `i` of [`Migrations`] turns
//!   version `first + i` into `first + i + 1`, and the chain checks each
//!   result's version. Adding version 3 means: a `v3` module, one step
//!   `v2 -> v3` in [`MIGRATIONS`], `CURRENT_VERSION = 3`, and the fixture
//!   `tests/fixtures/stored-v3.json` (a test requires one per version), as
//!   version 2 was added.
//! - Decoding is pure and never panics; the result always passes
//!   [`validate`](super::validate::validate).

pub mod date;
pub mod encoder;
pub mod instant;
mod text;
pub mod v1;
pub mod v2;

use serde_json::Value;

use super::doc::AppDoc;
use super::validate::{validate, Problem};

/// The version this build reads and writes.
pub const CURRENT_VERSION: u32 = v2::VERSION;

/// One migration step: a document of version `n` to version `n + 1`, or a
/// plain-words reason it cannot be migrated.
pub type Step = fn(Value) -> Result<Value, String>;

/// A migration chain: the oldest version it reads and its steps.
#[derive(Debug, Clone, Copy)]
pub struct Migrations {
    /// The oldest version the chain reads.
    pub first: u32,
    /// `steps[i]` migrates `first + i` to `first + i + 1`.
    pub steps: &'static [Step],
}

impl Migrations {
    /// The version the chain ends at.
    pub fn last(&self) -> u32 {
        self.first + self.steps.len() as u32
    }
}

/// The real chain: version 1 (sessions and reactions as objects) to
/// version 2 (as rows).
pub const MIGRATIONS: Migrations = Migrations {
    first: v1::VERSION,
    steps: &[v1::to_v2],
};

/// A value the stored types hold but the domain cannot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormatError {
    /// The document says another version than the types read.
    WrongVersion { expected: u32, found: u32 },
    /// The field at this path holds a value out of range.
    BadValue(&'static str),
}

impl std::fmt::Display for FormatError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::WrongVersion { expected, found } => {
                write!(f, "expected version {expected}, found {found}")
            }
            Self::BadValue(path) => write!(f, "the value of {path} is out of range"),
        }
    }
}

/// Why stored text could not be read as a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// The text ends too early: it was cut short.
    Truncated,
    /// The text is not JSON.
    Syntax(String),
    /// The JSON is not an object.
    NotAnObject,
    /// There is no integer `schema_version`.
    NoVersion,
    /// A newer app wrote it; this one must not touch it.
    Newer(u32),
    /// Older than any version this app can migrate.
    TooOld(u32),
    /// A migration step refused the document.
    MigrationFailed { from: u32, why: String },
    /// A field is missing or has the wrong type.
    WrongTypes(String),
    /// A value the domain cannot hold.
    Format(FormatError),
    /// The document breaks a rule of `validate`.
    Invalid(Problem),
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Truncated => write!(f, "the text ends too early (it was cut short)"),
            Self::Syntax(e) => write!(f, "the text is not valid JSON ({e})"),
            Self::NotAnObject => write!(f, "the text is not a Rollwise document"),
            Self::NoVersion => write!(f, "the document has no schema_version"),
            Self::Newer(v) => write!(f, "the document is version {v}, newer than this app"),
            Self::TooOld(v) => write!(f, "version {v} is too old to read"),
            Self::MigrationFailed { from, why } => {
                write!(f, "updating from version {from} failed: {why}")
            }
            Self::WrongTypes(e) => write!(f, "a field is missing or has the wrong type ({e})"),
            Self::Format(e) => write!(f, "{e}"),
            Self::Invalid(p) => write!(f, "{p}"),
        }
    }
}

/// A decoded document and the version it was stored in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The document, migrated to the current version and validated.
    pub doc: AppDoc,
    /// The version it was stored in; below [`CURRENT_VERSION`] means it was
    /// migrated.
    pub from_version: u32,
}

impl Decoded {
    /// Returns true when the document was migrated from an older version.
    pub fn migrated(&self) -> bool {
        self.from_version < CURRENT_VERSION
    }
}

/// Parses JSON text, telling a cut-short text from other syntax errors.
pub fn parse_json(text: &str) -> Result<Value, DecodeError> {
    serde_json::from_str(text).map_err(|e| {
        if e.is_eof() {
            DecodeError::Truncated
        } else {
            DecodeError::Syntax(e.to_string())
        }
    })
}

/// Reads the `schema_version` of a document.
pub fn version_of(value: &Value) -> Result<u32, DecodeError> {
    let object = value.as_object().ok_or(DecodeError::NotAnObject)?;
    object
        .get("schema_version")
        .and_then(Value::as_u64)
        .and_then(|v| u32::try_from(v).ok())
        .ok_or(DecodeError::NoVersion)
}

/// Decodes stored text with the real migration chain.
pub fn decode(text: &str) -> Result<Decoded, DecodeError> {
    decode_with(text, &MIGRATIONS)
}

/// Decodes stored text with the given chain (tests pass a synthetic one).
///
/// Text of the current version is read straight into the stored types (no
/// `Value` in between: five years of data read about twice as fast). Any
/// text that does not read that way takes the general route, which tells
/// exactly what is wrong with it, so the outcome is the same either way.
pub fn decode_with(text: &str, migrations: &Migrations) -> Result<Decoded, DecodeError> {
    if let Ok(stored) = serde_json::from_str::<v2::Doc>(text) {
        if stored.schema_version == CURRENT_VERSION && migrations.first <= CURRENT_VERSION {
            let doc = v2::to_domain(stored).map_err(DecodeError::Format)?;
            validate(&doc).map_err(DecodeError::Invalid)?;
            return Ok(Decoded {
                doc,
                from_version: CURRENT_VERSION,
            });
        }
    }
    decode_value(parse_json(text)?, migrations)
}

/// Decodes a JSON value: migrates it one version at a time, reads it as the
/// current version and validates it.
pub fn decode_value(value: Value, migrations: &Migrations) -> Result<Decoded, DecodeError> {
    let from_version = version_of(&value)?;
    if from_version > CURRENT_VERSION {
        return Err(DecodeError::Newer(from_version));
    }
    let value = migrate(value, from_version, migrations)?;
    let stored = read_current(&value)?;
    let doc = v2::to_domain(stored).map_err(DecodeError::Format)?;
    validate(&doc).map_err(DecodeError::Invalid)?;
    Ok(Decoded { doc, from_version })
}

/// Reads a JSON value as the current version's types. It goes through the
/// value's text, the route stored text takes: the types' deserializers then
/// exist once in the WASM, not once for text and once for values.
fn read_current(value: &Value) -> Result<v2::Doc, DecodeError> {
    serde_json::from_str(&value.to_string())
        .map_err(|e| DecodeError::WrongTypes(without_position(&e)))
}

/// An error's message without serde_json's " at line L column C": the text
/// it points into was made here, not written by anyone.
fn without_position(error: &serde_json::Error) -> String {
    let message = error.to_string();
    let position = format!(" at line {} column {}", error.line(), error.column());
    match message.strip_suffix(&position) {
        Some(bare) => bare.to_string(),
        None => message,
    }
}

/// Runs the chain from `from` to [`CURRENT_VERSION`].
fn migrate(mut value: Value, from: u32, migrations: &Migrations) -> Result<Value, DecodeError> {
    if from < migrations.first {
        return Err(DecodeError::TooOld(from));
    }
    for version in from..CURRENT_VERSION {
        let index = (version - migrations.first) as usize;
        let step = migrations
            .steps
            .get(index)
            .ok_or(DecodeError::TooOld(version))?;
        value = step(value).map_err(|why| DecodeError::MigrationFailed { from: version, why })?;
        if version_of(&value)? != version + 1 {
            return Err(DecodeError::MigrationFailed {
                from: version,
                why: "the step did not produce the next version".into(),
            });
        }
    }
    Ok(value)
}

/// The stored JSON value of a document, in the current version, read from
/// [`encode`]'s text. Only tests need it: the app writes text, never values.
#[cfg(test)]
pub(crate) fn to_value(doc: &AppDoc) -> Value {
    serde_json::from_str(&encode(doc)).unwrap_or(Value::Null)
}

/// The stored text of a document, in the current version, written straight
/// from the stored types (keys in the byte order of their names, no
/// whitespace: the text of serde_json's value of those types). [`encoder::Encoder`] writes the
/// same bytes reusing unchanged parts.
pub fn encode(doc: &AppDoc) -> String {
    serde_json::to_string(&v2::from_domain(doc)).unwrap_or_else(|_| Value::Null.to_string())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::storage::testdata::full_doc;

    /// TEST OF THE MECHANISM ONLY: version 0 never existed. This synthetic
    /// step turns a "v0" document (version 1 with `passes` instead of
    /// `preferences.passes_per_direction`) into version 1.
    pub fn synthetic_v0_to_v1(mut value: Value) -> Result<Value, String> {
        let object = value.as_object_mut().ok_or("not an object")?;
        object.remove("_note");
        let passes = object.remove("passes").ok_or("no passes")?;
        object
            .get_mut("preferences")
            .and_then(Value::as_object_mut)
            .ok_or("no preferences")?
            .insert("passes_per_direction".into(), passes);
        object.insert("schema_version".into(), Value::from(1));
        Ok(value)
    }

    /// TEST OF THE MECHANISM ONLY: a chain that starts at the synthetic v0.
    pub const SYNTHETIC: Migrations = Migrations {
        first: 0,
        steps: &[synthetic_v0_to_v1, v1::to_v2],
    };

    /// A document's value in version 1: its current value with each
    /// session and reaction row written back as the object version 1 held,
    /// cell by cell in the order `v2` documents. Tests of the migration and
    /// of the synthetic v0 (version 1 with a key renamed) start from it.
    pub(crate) fn v1_value(doc: &AppDoc) -> Value {
        const SESSION: [&str; 8] = [
            "id",
            "started_at",
            "ended_at",
            "needle_um",
            "zones_completed",
            "zones_stopped_bleeding",
            "disinfected_before",
            "disinfected_after",
        ];
        const REACTION: [&str; 7] = [
            "id",
            "session",
            "noticed_at",
            "kind",
            "severity",
            "zones",
            "worsening",
        ];
        let object_of = |names: &[&str], cells: &[Value]| -> serde_json::Map<String, Value> {
            names
                .iter()
                .map(|n| n.to_string())
                .zip(cells.iter().cloned())
                .collect()
        };
        let mut value = to_value(doc);
        let object = value.as_object_mut().unwrap();
        object.insert("schema_version".into(), Value::from(1));
        for row in object["sessions"].as_array_mut().unwrap() {
            *row = Value::Object(object_of(&SESSION, row.as_array().unwrap()));
        }
        for row in object["reactions"].as_array_mut().unwrap() {
            let cells = row.as_array().unwrap().clone();
            let mut reaction = object_of(&REACTION, &cells);
            let mut status = serde_json::Map::new();
            status.insert("state".into(), cells[7].clone());
            if !cells[8].is_null() {
                status.insert("at".into(), cells[8].clone());
            }
            reaction.insert("status".into(), Value::Object(status));
            *row = Value::Object(reaction);
        }
        value
    }

    /// [`v1_value`] writes the document of version 1's fixture exactly as
    /// version 1 wrote it.
    #[test]
    fn v1_value_writes_as_version_1_did() {
        let stored: Value = serde_json::from_str(fixture(1)).unwrap();
        let decoded = decode(fixture(1)).unwrap();
        assert_eq!(decoded.from_version, 1);
        assert_eq!(v1_value(&decoded.doc), stored);
    }

    /// The stored fixture of every version, one per version (a test checks
    /// the list is complete), and the synthetic v0 of the mechanism test.
    const FIXTURES: &[(u32, &str)] = &[
        (1, include_str!("../../../tests/fixtures/stored-v1.json")),
        (2, include_str!("../../../tests/fixtures/stored-v2.json")),
    ];
    pub const SYNTHETIC_V0: &str =
        include_str!("../../../tests/fixtures/synthetic-v0-mechanism-test.json");

    fn fixture(version: u32) -> &'static str {
        FIXTURES
            .iter()
            .find(|(v, _)| *v == version)
            .map(|(_, text)| *text)
            .unwrap_or_else(|| panic!("no fixture tests/fixtures/stored-v{version}.json"))
    }

    #[test]
    #[ignore = "prints the current version's fixture; run by hand"]
    fn print_fixture() {
        println!(
            "{}",
            serde_json::to_string_pretty(&to_value(&full_doc())).unwrap()
        );
    }

    #[test]
    fn the_chain_reaches_the_current_version() {
        assert_eq!(MIGRATIONS.last(), CURRENT_VERSION);
        assert_eq!(SYNTHETIC.last(), CURRENT_VERSION);
    }

    /// Every version has a fixture, and every fixture decodes to the current
    /// version without loss.
    #[test]
    fn every_version_fixture_decodes() {
        for version in MIGRATIONS.first..=CURRENT_VERSION {
            let text = fixture(version);
            let decoded = decode(text).unwrap_or_else(|e| panic!("v{version}: {e}"));
            assert_eq!(decoded.from_version, version);
            assert!(
                decoded.doc.counts().sessions > 0,
                "fixture v{version} is empty"
            );
        }
    }

    /// The golden test: the current version's fixture is exactly what this
    /// build writes for the document it holds.
    #[test]
    fn current_fixture_is_what_we_write() {
        let text = fixture(CURRENT_VERSION);
        let decoded = decode(text).unwrap();
        let expected: Value = serde_json::from_str(text).unwrap();
        assert_eq!(to_value(&decoded.doc), expected);
    }

    /// The stored bytes did not change when encoding stopped building a
    /// `Value`: the fixture, written through `Value` (keys sorted, no
    /// whitespace), is byte for byte what `encode` and the cached encoder
    /// write for its document.
    #[test]
    fn the_stored_bytes_are_those_of_the_value_route() {
        let text = fixture(CURRENT_VERSION);
        let doc = decode(text).unwrap().doc;
        let value_text = serde_json::from_str::<Value>(text).unwrap().to_string();
        assert_eq!(encode(&doc), value_text);
        let mut encoder = encoder::Encoder::new();
        assert_eq!(encoder.encode(&doc), value_text);
        assert_eq!(encoder.encode(&doc), value_text);
        for doc in [full_doc(), AppDoc::default()] {
            // serde_json's own value serializer, independent of `encode`.
            let value = serde_json::to_value(v2::from_domain(&doc)).unwrap();
            assert_eq!(encode(&doc), value.to_string());
            assert_eq!(encoder.encode(&doc), value.to_string());
            assert_eq!(to_value(&doc), value);
        }
    }

    #[test]
    fn the_synthetic_v0_fixture_migrates_through_the_chain() {
        let text = SYNTHETIC_V0;
        let decoded = decode_with(text, &SYNTHETIC).unwrap();
        assert_eq!(decoded.from_version, 0);
        assert!(decoded.migrated());
        assert_eq!(decoded.doc.preferences.passes_per_direction, 5);
        // The real chain does not read it.
        assert_eq!(decode(text), Err(DecodeError::TooOld(0)));
    }

    #[test]
    fn a_broken_step_is_reported() {
        fn bad(value: Value) -> Result<Value, String> {
            Ok(value)
        }
        let chain = Migrations {
            first: 0,
            steps: &[bad],
        };
        assert!(matches!(
            decode_with(SYNTHETIC_V0, &chain),
            Err(DecodeError::MigrationFailed { from: 0, .. })
        ));
    }

    #[test]
    fn decode_reports_each_kind_of_damage() {
        let good = encode(&full_doc());
        let wrong_type = good.replacen("\"sound\":true", "\"sound\":\"yes\"", 1);
        let unknown = good.replacen("{", "{\"extra\":1,", 1);
        type Expect = fn(&DecodeError) -> bool;
        let cases: Vec<(String, Expect)> = vec![
            (good[..good.len() / 2].to_string(), |e| {
                *e == DecodeError::Truncated
            }),
            ("{not json".into(), |e| matches!(e, DecodeError::Syntax(_))),
            ("[1,2]".into(), |e| *e == DecodeError::NotAnObject),
            ("{}".into(), |e| *e == DecodeError::NoVersion),
            ("{\"schema_version\":-1}".into(), |e| {
                *e == DecodeError::NoVersion
            }),
            ("{\"schema_version\":99}".into(), |e| {
                *e == DecodeError::Newer(99)
            }),
            ("{\"schema_version\":0}".into(), |e| {
                *e == DecodeError::TooOld(0)
            }),
            (wrong_type, |e| matches!(e, DecodeError::WrongTypes(_))),
            (unknown, |e| matches!(e, DecodeError::WrongTypes(_))),
        ];
        for (text, expected) in cases {
            let err = decode(&text).expect_err(&text);
            assert!(expected(&err), "{text}: {err:?}");
        }
    }

    #[test]
    fn a_document_breaking_a_rule_is_invalid() {
        let mut doc = full_doc();
        doc.preferences.passes_per_direction = 9;
        assert!(matches!(
            decode(&encode(&doc)),
            Err(DecodeError::Invalid(Problem::PassesOutOfRange(9)))
        ));
    }
}
