//! Backup files: export and import of the whole document as one JSON file.
//!
//! A backup is a JSON object:
//! `{"format": "rollwise-backup", "schema_version": N, "exported_at": RFC 3339,
//!   "data": <stored document of version N>, "checksum": "sha256:<hex>"}`.
//!
//! Invariants:
//! - The checksum is SHA-256 over the canonical JSON of the whole object
//!   without its `checksum` field: object keys sorted by their bytes, no
//!   whitespace, strings and numbers as `serde_json` writes them. Layout
//!   changes (indentation) keep it valid; any change of a value breaks it.
//! - [`parse_backup`] is pure, never panics and checks everything before it
//!   returns a document: size ([`MAX_BACKUP_BYTES`]), JSON, format tag,
//!   version (a newer one is refused), checksum, types, the document rules
//!   and that no recorded event is in the future.

use chrono::{DateTime, NaiveDate, Utc};
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use super::doc::{AppDoc, Counts};
use super::format::{self, DecodeError, Migrations, CURRENT_VERSION};
use super::validate::{check_not_in_future, Problem, FUTURE_TOLERANCE};
use crate::domain::order;
use crate::domain::time::iso_date;

/// The format tag of a backup file.
pub const BACKUP_FORMAT: &str = "rollwise-backup";

/// The largest backup accepted: 5 MiB, far above years of sessions (about
/// 300 bytes each) and well below what a phone reads comfortably.
pub const MAX_BACKUP_BYTES: usize = 5 * 1024 * 1024;

/// The prefix of the checksum field's value.
const CHECKSUM_PREFIX: &str = "sha256:";

/// Why a backup file was refused. Nothing is changed when one is returned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// The file is larger than [`MAX_BACKUP_BYTES`].
    TooLarge { bytes: usize },
    /// The file is empty.
    Empty,
    /// The file ends too early: it was cut short.
    Truncated,
    /// The file is not JSON.
    NotJson(String),
    /// The file is JSON but not a Rollwise backup.
    NotABackup,
    /// A field of the backup is missing or malformed.
    BadField(&'static str),
    /// The backup was made by a newer version of the app.
    NewerVersion(u32),
    /// The backup's version is too old to read.
    UnsupportedVersion(u32),
    /// The header and the data disagree on the version.
    VersionMismatch,
    /// The checksum does not match: the file was changed or damaged.
    ChecksumMismatch,
    /// The data inside could not be read.
    Data(DecodeError),
    /// The backup or its data is dated in the future.
    InFuture(Problem),
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::TooLarge { bytes } => write!(
                f,
                "the file is {bytes} bytes, over the {MAX_BACKUP_BYTES}-byte limit"
            ),
            Self::Empty => write!(f, "the file is empty"),
            Self::Truncated => write!(f, "the file ends too early (it was cut short)"),
            Self::NotJson(e) => write!(f, "the file is not JSON ({e})"),
            Self::NotABackup => write!(f, "the file is not a Rollwise backup"),
            Self::BadField(name) => write!(f, "the field {name} is missing or malformed"),
            Self::NewerVersion(v) => write!(f, "the backup is version {v}, newer than this app"),
            Self::UnsupportedVersion(v) => write!(f, "version {v} is too old to read"),
            Self::VersionMismatch => write!(f, "the backup's versions disagree"),
            Self::ChecksumMismatch => write!(f, "the checksum does not match the contents"),
            Self::Data(e) => write!(f, "{e}"),
            Self::InFuture(p) => write!(f, "{p}"),
        }
    }
}

/// What a valid backup holds, to show before applying it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportSummary {
    /// How much it holds.
    pub counts: Counts,
    /// The earliest and latest session or reaction instants.
    pub first_at: Option<DateTime<Utc>>,
    /// See `first_at`.
    pub last_at: Option<DateTime<Utc>>,
    /// When it was exported.
    pub exported_at: DateTime<Utc>,
    /// The version it was written in.
    pub schema_version: u32,
}

/// A backup that passed every check, ready to replace or merge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportCandidate {
    /// The document, migrated to the current version.
    pub doc: AppDoc,
    /// What it holds.
    pub summary: ImportSummary,
}

/// The file name of a backup made on `local_date`.
pub fn file_name(local_date: NaiveDate) -> String {
    format!("rollwise-backup-{}.json", iso_date(local_date))
}

/// Writes a backup of `doc` made at `exported_at`: the object's JSON with
/// serde_json's pretty layout, keys in byte order.
///
/// It is written as text, with no JSON value in between: the stored text of
/// a document ([`format::encode`]) is already canonical (keys in byte
/// order, no whitespace), so the canonical text of the whole object is a
/// few strings around it, and [`pretty`] lays it out. The start page, which
/// offers a backup when a save fails, then carries neither serde_json's
/// parser nor its value type. A test checks the bytes against the object
/// built as a value.
pub fn export(doc: &AppDoc, exported_at: DateTime<Utc>) -> String {
    let text = |value: Result<String, serde_json::Error>| value.unwrap_or_else(|_| "null".into());
    let fields = format!(
        "\"data\":{},\"exported_at\":{},\"format\":{},\"schema_version\":{}",
        format::encode(doc),
        text(serde_json::to_string(&exported_at)),
        text(serde_json::to_string(BACKUP_FORMAT)),
        CURRENT_VERSION,
    );
    let sum = checksum_of(&format!("{{{fields}}}"));
    pretty(&format!(
        "{{\"checksum\":{},{fields}}}",
        text(serde_json::to_string(&sum))
    ))
}

/// Lays out compact JSON text (no whitespace outside strings) the way
/// `serde_json::to_string_pretty` writes its value: two spaces a level,
/// `"key": value`, one member or element a line, `{}` and `[]` when empty.
pub fn pretty(compact: &str) -> String {
    let mut out = String::with_capacity(compact.len() * 2);
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut chars = compact.chars().peekable();
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    };
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '{' | '[' => {
                out.push(c);
                let close = if c == '{' { '}' } else { ']' };
                if chars.peek() == Some(&close) {
                    out.push(close);
                    chars.next();
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(c);
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            _ => out.push(c),
        }
    }
    out
}

/// The checksum of a backup object (its `checksum` field is left out).
pub fn checksum(object: &Map<String, Value>) -> String {
    let mut text = String::new();
    let mut without = object.clone();
    without.remove("checksum");
    canonical(&Value::Object(without), &mut text);
    checksum_of(&text)
}

/// The checksum of a canonical text.
fn checksum_of(canonical: &str) -> String {
    let digest = Sha256::digest(canonical.as_bytes());
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    format!("{CHECKSUM_PREFIX}{hex}")
}

/// Writes the canonical JSON of `value`: sorted keys, no whitespace.
fn canonical(value: &Value, out: &mut String) {
    match value {
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                canonical(item, out);
            }
            out.push(']');
        }
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            order::sort(&mut keys);
            out.push('{');
            for (i, key) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::from(key.as_str()).to_string());
                out.push(':');
                canonical(&map[key], out);
            }
            out.push('}');
        }
        scalar => out.push_str(&scalar.to_string()),
    }
}

/// Reads and checks a backup file with the real migration chain.
pub fn parse_backup(text: &str, now: DateTime<Utc>) -> Result<ImportCandidate, ImportError> {
    parse_backup_with(text, now, &format::MIGRATIONS)
}

/// Reads and checks a backup file; see the module invariants.
pub fn parse_backup_with(
    text: &str,
    now: DateTime<Utc>,
    migrations: &Migrations,
) -> Result<ImportCandidate, ImportError> {
    if text.len() > MAX_BACKUP_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len() });
    }
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let value = format::parse_json(text).map_err(|e| match e {
        DecodeError::Truncated => ImportError::Truncated,
        other => ImportError::NotJson(other.to_string()),
    })?;
    let object = value.as_object().ok_or(ImportError::NotABackup)?;
    if object.get("format").and_then(Value::as_str) != Some(BACKUP_FORMAT) {
        return Err(ImportError::NotABackup);
    }
    let version = object
        .get("schema_version")
        .and_then(Value::as_u64)
        .and_then(|v| u32::try_from(v).ok())
        .ok_or(ImportError::BadField("schema_version"))?;
    if version > CURRENT_VERSION {
        return Err(ImportError::NewerVersion(version));
    }
    let stated = object
        .get("checksum")
        .and_then(Value::as_str)
        .filter(|s| s.starts_with(CHECKSUM_PREFIX))
        .ok_or(ImportError::BadField("checksum"))?;
    if checksum(object) != stated {
        return Err(ImportError::ChecksumMismatch);
    }
    let exported_at: DateTime<Utc> = object
        .get("exported_at")
        .and_then(|v| serde_json::from_value(v.clone()).ok())
        .ok_or(ImportError::BadField("exported_at"))?;
    if exported_at > now + FUTURE_TOLERANCE {
        return Err(ImportError::InFuture(Problem::InFuture {
            what: "the backup",
            at: exported_at,
        }));
    }
    let data = object
        .get("data")
        .cloned()
        .ok_or(ImportError::BadField("data"))?;
    if format::version_of(&data).ok() != Some(version) {
        return Err(ImportError::VersionMismatch);
    }
    let decoded = format::decode_value(data, migrations).map_err(|e| match e {
        DecodeError::Newer(v) => ImportError::NewerVersion(v),
        DecodeError::TooOld(v) => ImportError::UnsupportedVersion(v),
        other => ImportError::Data(other),
    })?;
    check_not_in_future(&decoded.doc, now).map_err(ImportError::InFuture)?;
    Ok(candidate(decoded.doc, exported_at, version))
}

fn candidate(doc: AppDoc, exported_at: DateTime<Utc>, schema_version: u32) -> ImportCandidate {
    let instants = doc
        .sessions
        .iter()
        .map(|s| s.started_at)
        .chain(doc.reactions.iter().map(|r| r.noticed_at));
    let first_at = instants.clone().min();
    let last_at = instants.max();
    let summary = ImportSummary {
        counts: doc.counts(),
        first_at,
        last_at,
        exported_at,
        schema_version,
    };
    ImportCandidate { doc, summary }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::format::tests::SYNTHETIC;
    use crate::storage::testdata::{full_doc, t};

    fn now() -> DateTime<Utc> {
        t(60)
    }

    #[test]
    fn file_name_uses_the_local_date() {
        let date = NaiveDate::from_ymd_opt(2025, 3, 7).unwrap();
        assert_eq!(file_name(date), "rollwise-backup-2025-03-07.json");
    }

    /// The backup as it was written before: the object built as a JSON
    /// value, then serde_json's pretty text of it.
    fn export_by_value(doc: &AppDoc, exported_at: DateTime<Utc>) -> String {
        let mut object = Map::new();
        object.insert("format".into(), Value::from(BACKUP_FORMAT));
        object.insert("schema_version".into(), Value::from(CURRENT_VERSION));
        object.insert(
            "exported_at".into(),
            serde_json::to_value(exported_at).unwrap(),
        );
        object.insert("data".into(), format::to_value(doc));
        let sum = checksum(&object);
        object.insert("checksum".into(), Value::from(sum));
        serde_json::to_string_pretty(&Value::Object(object)).unwrap()
    }

    #[test]
    fn the_backup_text_is_the_pretty_text_of_its_json_object() {
        let empty = AppDoc {
            revision: 3,
            ..AppDoc::default()
        };
        for doc in [full_doc(), empty] {
            assert_eq!(export(&doc, now()), export_by_value(&doc, now()));
        }
    }

    #[test]
    fn pretty_lays_out_like_serde_json() {
        let table = [
            r#"{}"#,
            r#"[]"#,
            r#"{"a":[],"b":{},"c":[1,2,{"d":null}],"e":"x, y: {z} [w] \"q\" \\"}"#,
            r#"[[[]],[{}],"",-1.5e-7,true,false]"#,
            r#""just a string""#,
            r#"{"emoji":"🙂","ключ":"значение"}"#,
        ];
        for compact in table {
            let value: Value = serde_json::from_str(compact).unwrap();
            assert_eq!(
                pretty(compact),
                serde_json::to_string_pretty(&value).unwrap(),
                "{compact}"
            );
        }
    }

    #[test]
    fn export_then_import_is_the_identity() {
        let doc = full_doc();
        let text = export(&doc, now());
        let got = parse_backup(&text, now()).unwrap();
        assert_eq!(got.doc, doc);
        assert_eq!(got.summary.counts, doc.counts());
        assert_eq!(got.summary.exported_at, now());
        assert_eq!(got.summary.first_at, Some(t(0)));
    }

    #[test]
    fn layout_does_not_matter_but_values_do() {
        let text = export(&full_doc(), now());
        let compact: Value = serde_json::from_str(&text).unwrap();
        assert!(parse_backup(&compact.to_string(), now()).is_ok());
        let changed = text.replacen("\"sound\": true", "\"sound\": false", 1);
        assert_ne!(changed, text);
        assert_eq!(
            parse_backup(&changed, now()),
            Err(ImportError::ChecksumMismatch)
        );
    }

    #[test]
    fn each_bad_file_gets_its_own_error() {
        let good = export(&full_doc(), now());
        let obj: Map<String, Value> = serde_json::from_str(&good).unwrap();
        let with = |edit: &dyn Fn(&mut Map<String, Value>), resign: bool| {
            let mut o = obj.clone();
            edit(&mut o);
            if resign {
                let sum = checksum(&o);
                o.insert("checksum".into(), Value::from(sum));
            }
            Value::Object(o).to_string()
        };
        let cases: Vec<(String, ImportError)> = vec![
            ("".into(), ImportError::Empty),
            (good[..good.len() - 40].into(), ImportError::Truncated),
            ("hello".into(), ImportError::NotJson(String::new())),
            ("[]".into(), ImportError::NotABackup),
            (
                with(
                    &|o| {
                        o.insert("format".into(), "other".into());
                    },
                    true,
                ),
                ImportError::NotABackup,
            ),
            (
                with(
                    &|o| {
                        o.insert("schema_version".into(), 7.into());
                    },
                    false,
                ),
                ImportError::NewerVersion(7),
            ),
            (
                with(
                    &|o| {
                        o.remove("checksum");
                    },
                    false,
                ),
                ImportError::BadField("checksum"),
            ),
            (
                with(
                    &|o| {
                        o.insert("exported_at".into(), "2099-01-01T00:00:00Z".into());
                    },
                    true,
                ),
                ImportError::InFuture(Problem::InFuture {
                    what: "the backup",
                    at: "2099-01-01T00:00:00Z".parse().unwrap(),
                }),
            ),
            (
                with(
                    &|o| {
                        o["data"]["preferences"]["sound"] = "loud".into();
                    },
                    true,
                ),
                ImportError::Data(DecodeError::WrongTypes(String::new())),
            ),
            (
                with(
                    &|o| {
                        o["data"]["schema_version"] = 0.into();
                    },
                    true,
                ),
                ImportError::VersionMismatch,
            ),
            (
                with(
                    &|o| {
                        // A session row's second cell is its start.
                        o["data"]["sessions"][0][1] = "2099-01-01T00:00:00Z".into();
                    },
                    true,
                ),
                ImportError::InFuture(Problem::InFuture {
                    what: "a session",
                    at: "2099-01-01T00:00:00Z".parse().unwrap(),
                }),
            ),
        ];
        for (text, expected) in cases {
            let got = parse_backup(&text, now()).expect_err(&text);
            // Messages from serde vary; compare the variant for those.
            match (&got, &expected) {
                (ImportError::NotJson(_), ImportError::NotJson(_)) => {}
                (
                    ImportError::Data(DecodeError::WrongTypes(_)),
                    ImportError::Data(DecodeError::WrongTypes(_)),
                ) => {}
                _ => assert_eq!(got, expected, "{text}"),
            }
        }
        let huge = " ".repeat(MAX_BACKUP_BYTES + 1);
        assert_eq!(
            parse_backup(&huge, now()),
            Err(ImportError::TooLarge { bytes: huge.len() })
        );
    }

    /// TEST OF THE MECHANISM ONLY: a backup of the synthetic v0 migrates.
    #[test]
    fn an_older_backup_is_migrated_on_import() {
        let mut data = format::tests::v1_value(&full_doc());
        let passes = data["preferences"]
            .as_object_mut()
            .unwrap()
            .remove("passes_per_direction")
            .unwrap();
        data.as_object_mut()
            .unwrap()
            .insert("passes".into(), passes);
        data["schema_version"] = 0.into();
        let mut object = Map::new();
        object.insert("format".into(), BACKUP_FORMAT.into());
        object.insert("schema_version".into(), 0.into());
        object.insert("exported_at".into(), serde_json::to_value(now()).unwrap());
        object.insert("data".into(), data);
        let sum = checksum(&object);
        object.insert("checksum".into(), sum.into());
        let text = Value::Object(object).to_string();
        let got = parse_backup_with(&text, now(), &SYNTHETIC).unwrap();
        assert_eq!(got.doc, full_doc());
        assert_eq!(got.summary.schema_version, 0);
        assert_eq!(
            parse_backup(&text, now()),
            Err(ImportError::UnsupportedVersion(0))
        );
    }

    #[test]
    fn canonical_json_sorts_keys_and_drops_whitespace() {
        let value: Value =
            serde_json::from_str(r#"{ "b": [1, {"d": "x", "c": null}], "a": true }"#).unwrap();
        let mut out = String::new();
        canonical(&value, &mut out);
        assert_eq!(out, r#"{"a":true,"b":[1,{"c":null,"d":"x"}]}"#);
    }
}
