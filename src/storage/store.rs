//! The store: start-up, saving with the two-tab revision check, recovery,
//! import with undo, and deleting everything. It runs over a [`Backend`], so
//! it is tested natively and in the browser alike.
//!
//! Keys (all under [`KEY_PREFIX`]):
//! - [`DOC_KEY`]: the document, in the current stored version.
//! - `rollwise.data.v{N}-before-migration`: the text of a version-N document
//!   as it was before migration ([`pre_migration_key`]).
//! - [`UNREADABLE_KEY`] (then `.2`, `.3`, ...): unreadable text, kept aside
//!   untouched.
//! - [`UNDO_IMPORT_KEY`]: the document an import replaced.
//!
//! Invariants:
//! - Nothing is ever removed or overwritten to make room, and nothing the
//!   person has is reset without their explicit choice.
//! - `base` is the document as last read from or written to [`DOC_KEY`].
//!   Every save re-reads the key first: if it is no longer `base`, another
//!   tab wrote, and the save merges three-way or refuses ([`SaveError::Conflict`]).
//! - A document of a newer version is never written over: the store turns
//!   read-only ([`SaveError::Newer`]).
//! - With unreadable text under [`DOC_KEY`] the store is in recovery: saves
//!   are refused ([`SaveError::Paused`]) until [`Store::resolve_recovery`]
//!   or an import, both explicit choices of the person.
//! - A migrated document is written only after the pre-migration copy is.
//! - Without a [`Reader`], stored text is never read, written over or
//!   merged: whatever would need it fails with [`SaveError::NeedsReader`]
//!   and changes nothing (the UI loads the reader and asks again).

use chrono::{DateTime, Utc};
use serde_json::Value;

use super::backend::{Backend, MemoryBackend};
use super::doc::AppDoc;
use super::format::encoder::Encoder;
use super::format::{self, decode_with, DecodeError, Decoded, Migrations, MIGRATIONS};
use super::merge::{self, DocPart};
use super::StorageError;

/// The prefix of every key the store writes.
pub const KEY_PREFIX: &str = "rollwise.data";
/// The key of the document.
pub const DOC_KEY: &str = "rollwise.data";
/// The key of the first kept-aside unreadable text.
pub const UNREADABLE_KEY: &str = "rollwise.data.unreadable";
/// The key of the document an import replaced.
pub const UNDO_IMPORT_KEY: &str = "rollwise.data.before-import";
/// At most this many unreadable texts are kept aside under numbered keys.
const MAX_UNREADABLE_COPIES: u32 = 20;

/// The key of the copy kept before migrating from `version`.
pub fn pre_migration_key(version: u32) -> String {
    format!("{KEY_PREFIX}.v{version}-before-migration")
}

/// Returns true when `backend` holds something under [`DOC_KEY`], without
/// reading it: a cheap hint at start-up (the UI starts fetching the code of
/// the screen returning people see while the text is decoded).
/// [`Store::open`] alone decides what the text is.
pub fn document_stored(backend: &dyn Backend) -> bool {
    backend.contains(DOC_KEY).unwrap_or(false)
}

/// The code that reads stored text: decoding with a migration chain, and
/// undo copies. The store needs it only once text is stored, so the UI can
/// open a store without it on a first run ([`Store::open_unread`]) and hand
/// it over later ([`Store::set_reader`]): in the release build it is a WASM
/// module of its own (`ui::data::reader`), which a first visit does not
/// fetch before its first screen is interactive.
///
/// Only [`Reader::with_migrations`] names the decoding functions, so code
/// that never calls it does not link them.
#[derive(Clone, Copy)]
pub struct Reader {
    migrations: Migrations,
    decode: fn(&str, &Migrations) -> Result<Decoded, DecodeError>,
    decode_undo: fn(&str, &Migrations) -> Result<UndoCopy, DecodeError>,
}

/// An undo copy, read: when the import replaced the data, and that data.
type UndoCopy = (DateTime<Utc>, AppDoc);

impl Reader {
    /// The reader of the real migration chain.
    pub fn real() -> Reader {
        Reader::with_migrations(MIGRATIONS)
    }

    /// A reader of the given migration chain (tests pass synthetic ones).
    pub fn with_migrations(migrations: Migrations) -> Reader {
        Reader {
            migrations,
            decode: decode_with,
            decode_undo,
        }
    }

    fn decode(&self, text: &str) -> Result<Decoded, DecodeError> {
        (self.decode)(text, &self.migrations)
    }

    fn decode_undo(&self, text: &str) -> Result<UndoCopy, DecodeError> {
        (self.decode_undo)(text, &self.migrations)
    }
}

/// Stored text was found, but the store has no [`Reader`] yet: the caller
/// loads one and asks again. It gives the backend back.
pub struct NeedsReader(pub Box<dyn Backend>);

impl std::fmt::Debug for NeedsReader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NeedsReader")
    }
}

/// What the store found at start-up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Startup {
    /// Nothing stored: the first run.
    Fresh,
    /// The document was read as it was.
    Loaded,
    /// The document was migrated; the old text is kept under `copy_key`.
    Migrated { from: u32, copy_key: String },
    /// The stored text could not be read; it is kept aside untouched.
    Unreadable {
        reason: DecodeError,
        raw: String,
        kept: Kept,
    },
    /// Storage cannot be used: the app runs in memory.
    Unavailable(StorageError),
    /// A newer app wrote the document; this one must be updated.
    Newer { found: u32, raw: String },
}

/// Where unreadable text was kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kept {
    /// Under this key, untouched (and also still under [`DOC_KEY`]).
    Key(String),
    /// Only in memory, because storing a copy failed.
    MemoryOnly(StorageError),
}

/// Why a save did not happen. The document stays in memory in every case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveError {
    /// Storage refused the write (a full quota, for example).
    Write(StorageError),
    /// Recovery mode: saving waits for the person's choice.
    Paused,
    /// A newer app's document is stored: never written over.
    Newer(u32),
    /// Another tab stored text this app cannot read.
    StoredUnreadable(DecodeError),
    /// Another tab changed the same parts: refused; `theirs` is now the base.
    Conflict {
        parts: Vec<DocPart>,
        theirs: Box<AppDoc>,
    },
    /// There is no import to undo.
    NothingToUndo,
    /// Stored text must be read first, and the store has no [`Reader`]
    /// yet (see [`Store::set_reader`]). Nothing was written.
    NeedsReader,
}

impl std::fmt::Display for SaveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Write(e) => write!(f, "{e}"),
            Self::Paused => write!(f, "saving is paused until the stored data is recovered"),
            Self::Newer(v) => write!(f, "a newer version ({v}) of the data is stored"),
            Self::StoredUnreadable(e) => write!(f, "the stored data is unreadable: {e}"),
            Self::Conflict { parts, .. } => {
                write!(f, "another tab changed the same data: {parts:?}")
            }
            Self::NothingToUndo => write!(f, "there is no import to undo"),
            Self::NeedsReader => write!(f, "the code that reads stored data is not loaded yet"),
        }
    }
}

/// What a successful save did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved {
    /// Nothing had changed.
    Unchanged,
    /// The document was written as given.
    Written,
    /// Another tab had written; this merged document was written and
    /// should replace the one in memory.
    Merged(Box<AppDoc>),
}

/// The store's state after [`Store::open`] or [`Store::reload`].
#[derive(Debug)]
pub struct Loaded {
    /// The document to show (empty in recovery and for a newer version).
    pub doc: AppDoc,
    /// What was found.
    pub startup: Startup,
    /// Set when writing a migrated document failed; it stays in memory.
    pub write_error: Option<SaveError>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Normal,
    Recovery,
    Newer(u32),
}

/// The store. See the module invariants.
pub struct Store {
    backend: Box<dyn Backend>,
    /// Reads stored text; `None` until the UI hands it over (a first run
    /// needs none to start).
    reader: Option<Reader>,
    base: AppDoc,
    /// The exact stored text `base` was read from or written as. While the
    /// stored text is still these bytes, no other tab wrote, and a save need
    /// not decode it (five years of data decode in tens of milliseconds).
    base_text: Option<String>,
    /// Writes the stored text, re-encoding only the sessions and reactions
    /// that changed since the last write.
    encoder: Encoder,
    mode: Mode,
    pending_copy: Option<(String, String)>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("memory", &self.backend.is_memory())
            .field("mode", &self.mode)
            .field("revision", &self.base.revision)
            .finish()
    }
}

impl Store {
    /// Opens the store over `backend` with the real migration chain. When
    /// the backend cannot be read, the store runs on memory instead.
    pub fn open(backend: Box<dyn Backend>) -> (Store, Loaded) {
        Store::open_reading(backend, Reader::real())
    }

    /// Opens the store with a given migration chain (tests).
    pub fn open_with(backend: Box<dyn Backend>, migrations: Migrations) -> (Store, Loaded) {
        Store::open_reading(backend, Reader::with_migrations(migrations))
    }

    /// Opens the store with `reader`.
    pub fn open_reading(backend: Box<dyn Backend>, reader: Reader) -> (Store, Loaded) {
        match backend.get(DOC_KEY) {
            Err(e) => Store::unavailable(e, Some(reader)),
            Ok(raw) => {
                let mut store = Store::new(backend, Some(reader));
                let loaded = store.load(raw, reader);
                (store, loaded)
            }
        }
    }

    /// Opens the store without a [`Reader`]: it succeeds when nothing is
    /// stored (or storage cannot be read), and otherwise gives the backend
    /// back, untouched, to be opened with a reader. It asks only whether
    /// text is there ([`Backend::contains`]): the text is read once, by the
    /// reader.
    pub fn open_unread(backend: Box<dyn Backend>) -> Result<(Store, Loaded), NeedsReader> {
        match backend.contains(DOC_KEY) {
            Err(e) => Ok(Store::unavailable(e, None)),
            Ok(false) => {
                let mut store = Store::new(backend, None);
                let loaded = store.load_empty();
                Ok((store, loaded))
            }
            Ok(true) => Err(NeedsReader(backend)),
        }
    }

    /// A store on memory, because `backend` could not be read.
    fn unavailable(e: StorageError, reader: Option<Reader>) -> (Store, Loaded) {
        let store = Store::new(Box::new(MemoryBackend::new()), reader);
        let loaded = Loaded {
            doc: AppDoc::default(),
            startup: Startup::Unavailable(e),
            write_error: None,
        };
        (store, loaded)
    }

    fn new(backend: Box<dyn Backend>, reader: Option<Reader>) -> Store {
        Store {
            backend,
            reader,
            base: AppDoc::default(),
            base_text: None,
            encoder: Encoder::new(),
            mode: Mode::Normal,
            pending_copy: None,
        }
    }

    /// Hands the store its reader (kept if it has one already). Returns
    /// true when the store had none.
    pub fn set_reader(&mut self, reader: Reader) -> bool {
        let new = self.reader.is_none();
        self.reader.get_or_insert(reader);
        new
    }

    /// Returns true once the store can read stored text.
    pub fn has_reader(&self) -> bool {
        self.reader.is_some()
    }

    /// Reads the document again (after another tab wrote it). Without a
    /// reader, stored text is left unread and nothing changes.
    pub fn reload(&mut self) -> Result<Loaded, SaveError> {
        match (self.backend.get(DOC_KEY), self.reader) {
            (Ok(Some(_)), None) => Err(SaveError::NeedsReader),
            (Ok(raw), Some(reader)) => Ok(self.load(raw, reader)),
            (Ok(_), None) => Ok(self.load_empty()),
            (Err(e), _) => Ok(Loaded {
                doc: self.base.clone(),
                startup: Startup::Unavailable(e),
                write_error: None,
            }),
        }
    }

    /// Forgets the base and the state read with it.
    fn forget_base(&mut self) {
        self.mode = Mode::Normal;
        self.pending_copy = None;
        self.base = AppDoc::default();
        self.base_text = None;
    }

    /// Nothing is stored: an empty base.
    fn load_empty(&mut self) -> Loaded {
        self.forget_base();
        loaded(AppDoc::default(), Startup::Fresh)
    }

    /// Reads `raw` (the text under [`DOC_KEY`]) as the base.
    fn load(&mut self, raw: Option<String>, reader: Reader) -> Loaded {
        let Some(raw) = raw else {
            return self.load_empty();
        };
        self.forget_base();
        match reader.decode(&raw) {
            Ok(decoded) if !decoded.migrated() => {
                self.base = decoded.doc.clone();
                self.base_text = Some(raw);
                loaded(decoded.doc, Startup::Loaded)
            }
            Ok(decoded) => {
                let from = decoded.from_version;
                let copy_key = pre_migration_key(from);
                self.base = decoded.doc.clone();
                self.pending_copy = Some((copy_key.clone(), raw));
                let mut doc = decoded.doc;
                doc.revision = doc.revision.saturating_add(1);
                let write_error = self.save(&doc).err();
                Loaded {
                    doc,
                    startup: Startup::Migrated { from, copy_key },
                    write_error,
                }
            }
            Err(DecodeError::Newer(found)) => {
                self.mode = Mode::Newer(found);
                loaded(AppDoc::default(), Startup::Newer { found, raw })
            }
            Err(reason) => {
                self.mode = Mode::Recovery;
                let kept = self.keep_aside(&raw);
                loaded(AppDoc::default(), Startup::Unreadable { reason, raw, kept })
            }
        }
    }

    /// Stores unreadable text under the first free unreadable key (or finds
    /// it already there), leaving every earlier copy alone.
    fn keep_aside(&self, raw: &str) -> Kept {
        for n in 1..=MAX_UNREADABLE_COPIES {
            let key = if n == 1 {
                UNREADABLE_KEY.to_string()
            } else {
                format!("{UNREADABLE_KEY}.{n}")
            };
            match self.backend.get(&key) {
                Ok(Some(existing)) if existing == raw => return Kept::Key(key),
                Ok(Some(_)) => continue,
                Ok(None) => {
                    return match self.backend.set(&key, raw) {
                        Ok(()) => Kept::Key(key),
                        Err(e) => Kept::MemoryOnly(e),
                    }
                }
                Err(e) => return Kept::MemoryOnly(e),
            }
        }
        Kept::MemoryOnly(StorageError::WriteFailed(
            "too many unreadable copies are kept already".into(),
        ))
    }

    /// Returns true when the store runs in memory (storage unavailable).
    pub fn is_memory(&self) -> bool {
        self.backend.is_memory()
    }

    /// Returns true while saving waits for a recovery choice.
    pub fn in_recovery(&self) -> bool {
        self.mode == Mode::Recovery
    }

    /// The revision last read or written.
    pub fn base_revision(&self) -> u64 {
        self.base.revision
    }

    /// Saves `doc`: re-reads the stored document, writes `doc` if nobody
    /// else wrote since `base`, merges if someone did, refuses on a conflict.
    pub fn save(&mut self, doc: &AppDoc) -> Result<Saved, SaveError> {
        match self.mode {
            Mode::Recovery => return Err(SaveError::Paused),
            Mode::Newer(v) => return Err(SaveError::Newer(v)),
            Mode::Normal => {}
        }
        if let Some((key, raw)) = &self.pending_copy {
            self.backend.set(key, raw).map_err(SaveError::Write)?;
            self.pending_copy = None;
        }
        let raw = self.backend.get(DOC_KEY).map_err(SaveError::Write)?;
        // The same bytes as our base: nobody else wrote, nothing to decode.
        let theirs = if raw.is_some() && raw == self.base_text {
            None
        } else {
            Some(self.decode_stored(raw.as_deref())?)
        };
        // Another tab's change always bumps the revision, so "unchanged"
        // means the same revision and the same contents.
        match theirs {
            Some(theirs) if theirs != self.base => {
                match merge::three_way(&self.base, doc, &theirs) {
                    Ok(merged) => {
                        self.write_doc(&merged)?;
                        Ok(Saved::Merged(Box::new(merged)))
                    }
                    Err(conflict) => {
                        self.base = theirs.clone();
                        self.base_text = raw;
                        Err(SaveError::Conflict {
                            parts: conflict.parts,
                            theirs: Box::new(theirs),
                        })
                    }
                }
            }
            _ => {
                if *doc == self.base {
                    return Ok(Saved::Unchanged);
                }
                self.write_doc(doc)?;
                Ok(Saved::Written)
            }
        }
    }

    /// Decodes the stored text `raw` (none: an empty document) as the base
    /// of a save.
    fn decode_stored(&mut self, raw: Option<&str>) -> Result<AppDoc, SaveError> {
        let Some(raw) = raw else {
            return Ok(AppDoc::default());
        };
        let reader = self.reader.ok_or(SaveError::NeedsReader)?;
        match reader.decode(raw) {
            Ok(decoded) => Ok(decoded.doc),
            Err(DecodeError::Newer(v)) => {
                self.mode = Mode::Newer(v);
                Err(SaveError::Newer(v))
            }
            Err(e) => Err(SaveError::StoredUnreadable(e)),
        }
    }

    /// Encodes the loaded document once ahead of the first save, so that
    /// the first save after start-up re-encodes only what changed instead
    /// of every session and reaction (the UI calls it when the browser is
    /// idle). Writes nothing; does nothing once the encoder keeps texts, or
    /// in recovery and for a newer version.
    pub fn prepare_saves(&mut self) {
        if self.mode == Mode::Normal && self.encoder.is_cold() {
            let _ = self.encoder.encode(&self.base);
        }
    }

    fn write_doc(&mut self, doc: &AppDoc) -> Result<(), SaveError> {
        let text = self.encoder.encode(doc);
        self.backend.set(DOC_KEY, &text).map_err(SaveError::Write)?;
        // Only what changed is copied: five years of reactions stay put.
        self.base.assign_from(doc);
        self.base_text = Some(text);
        Ok(())
    }

    /// Leaves recovery with `doc` (an empty document when the person chose
    /// to start afresh). The unreadable text stays kept aside.
    pub fn resolve_recovery(&mut self, doc: &AppDoc) -> Result<(), SaveError> {
        if let Mode::Newer(v) = self.mode {
            return Err(SaveError::Newer(v));
        }
        let mut doc = doc.clone();
        doc.revision = doc.revision.max(self.base.revision).saturating_add(1);
        self.write_doc(&doc)?;
        self.mode = Mode::Normal;
        Ok(())
    }

    /// Applies an imported document (already replaced or merged by the
    /// caller), keeping `current` under [`UNDO_IMPORT_KEY`] first. All or
    /// nothing: on any error, storage is as it was. Returns the document
    /// now stored.
    pub fn apply_import(
        &mut self,
        current: &AppDoc,
        incoming: &AppDoc,
        now: DateTime<Utc>,
    ) -> Result<AppDoc, SaveError> {
        let mut doc = incoming.clone();
        doc.revision = current.revision.max(self.base.revision).saturating_add(1);
        if self.mode == Mode::Recovery {
            self.resolve_recovery(&doc)?;
            return Ok(self.base.clone());
        }
        if let Mode::Newer(v) = self.mode {
            return Err(SaveError::Newer(v));
        }
        let previous = self
            .backend
            .get(UNDO_IMPORT_KEY)
            .map_err(SaveError::Write)?;
        self.backend
            .set(UNDO_IMPORT_KEY, &encode_undo(current, now))
            .map_err(SaveError::Write)?;
        match self.save(&doc) {
            Ok(Saved::Merged(merged)) => Ok(*merged),
            Ok(_) => Ok(doc),
            Err(e) => {
                // Put the earlier undo copy back; if that fails too, the
                // copy just written is still a correct "before" document.
                let _restored = match previous {
                    Some(text) => self.backend.set(UNDO_IMPORT_KEY, &text),
                    None => self.backend.remove(UNDO_IMPORT_KEY),
                };
                Err(e)
            }
        }
    }

    /// When the import that can be undone replaced the data, if there is
    /// one. A copy that cannot be read (or, without a reader yet, that
    /// is not read) is not offered.
    pub fn undo_available(&self) -> Result<Option<DateTime<Utc>>, StorageError> {
        match (self.backend.get(UNDO_IMPORT_KEY)?, self.reader) {
            (Some(text), Some(reader)) => Ok(reader.decode_undo(&text).ok().map(|(at, _)| at)),
            _ => Ok(None),
        }
    }

    /// Restores the document the last import replaced. Returns the
    /// document now stored. A copy that cannot be removed afterwards stays:
    /// undoing again restores the same document, so it is harmless.
    pub fn undo_import(&mut self, current: &AppDoc) -> Result<AppDoc, SaveError> {
        let text = self
            .backend
            .get(UNDO_IMPORT_KEY)
            .map_err(SaveError::Write)?
            .ok_or(SaveError::NothingToUndo)?;
        let reader = self.reader.ok_or(SaveError::NeedsReader)?;
        let (_, mut doc) = reader
            .decode_undo(&text)
            .map_err(SaveError::StoredUnreadable)?;
        doc.revision = current.revision.max(self.base.revision).saturating_add(1);
        let stored = match self.save(&doc)? {
            Saved::Merged(merged) => *merged,
            _ => doc,
        };
        let _left_over = self.backend.remove(UNDO_IMPORT_KEY);
        Ok(stored)
    }

    /// Deletes every key of the store, the kept copies included. Refused
    /// for a newer version's data.
    pub fn delete_all(&mut self) -> Result<(), SaveError> {
        if let Mode::Newer(v) = self.mode {
            return Err(SaveError::Newer(v));
        }
        let keys = self.backend.keys().map_err(SaveError::Write)?;
        for key in keys.iter().filter(|k| k.starts_with(KEY_PREFIX)) {
            self.backend.remove(key).map_err(SaveError::Write)?;
        }
        self.base = AppDoc::default();
        self.base_text = None;
        self.mode = Mode::Normal;
        self.pending_copy = None;
        Ok(())
    }
}

fn loaded(doc: AppDoc, startup: Startup) -> Loaded {
    Loaded {
        doc,
        startup,
        write_error: None,
    }
}

/// The text of an undo copy: `{"data": <document>, "replaced_at": ..}`,
/// written as serde_json writes that object (keys in order, no
/// whitespace) without building it: the stored text of a document is
/// already its value's text.
fn encode_undo(doc: &AppDoc, now: DateTime<Utc>) -> String {
    let at = serde_json::to_string(&now).unwrap_or_else(|_| "null".into());
    format!("{{\"data\":{},\"replaced_at\":{at}}}", format::encode(doc))
}

fn decode_undo(text: &str, migrations: &Migrations) -> Result<UndoCopy, DecodeError> {
    let mut value = format::parse_json(text)?;
    let at = value
        .get("replaced_at")
        .and_then(|v| serde_json::from_value(v.clone()).ok())
        .ok_or(DecodeError::NotAnObject)?;
    let data = value
        .get_mut("data")
        .map(Value::take)
        .ok_or(DecodeError::NotAnObject)?;
    Ok((at, format::decode_value(data, migrations)?.doc))
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use serde_json::Map;

    use super::*;
    use crate::storage::backend::FailingBackend;
    use crate::storage::format::tests::SYNTHETIC;
    use crate::storage::testdata::{device, full_doc, session, t};

    fn memory() -> Rc<MemoryBackend> {
        Rc::new(MemoryBackend::new())
    }

    /// Saves write the same bytes whether or not the encoder was prepared
    /// first, and preparing writes nothing.
    #[test]
    fn prepared_saves_write_the_same_bytes() {
        type Edit = fn(&mut AppDoc);
        let edits: [(&str, Edit); 4] = [
            ("a new reaction", |d| {
                let mut r = d.reactions[0].clone();
                r.id = crate::domain::ReactionId(9_999);
                d.reactions.push(r);
            }),
            ("a removed session", |d| {
                d.sessions.pop();
            }),
            ("a preference", |d| {
                d.preferences.sound = !d.preferences.sound
            }),
            ("nothing but the revision", |_| {}),
        ];
        for (what, edit) in edits {
            for prepare in [false, true] {
                let backend = memory();
                let stored = format::encode(&full_doc());
                backend.set(DOC_KEY, &stored).unwrap();
                let (mut store, loaded) = Store::open(Box::new(backend.clone()));
                assert!(store.encoder.is_cold(), "{what}");
                if prepare {
                    store.prepare_saves();
                    assert!(!store.encoder.is_cold(), "{what}");
                    assert_eq!(backend.get(DOC_KEY).unwrap(), Some(stored.clone()));
                }
                let mut doc = loaded.doc;
                edit(&mut doc);
                doc.revision += 1;
                assert_eq!(store.save(&doc), Ok(Saved::Written), "{what}");
                let written = backend.get(DOC_KEY).unwrap().unwrap();
                assert_eq!(written, format::encode(&doc), "{what}, prepared: {prepare}");
            }
        }
    }

    #[test]
    fn nothing_is_prepared_in_recovery() {
        let backend = memory();
        backend.set(DOC_KEY, "{not json").unwrap();
        let (mut store, _) = Store::open(Box::new(backend.clone()));
        store.prepare_saves();
        assert!(store.encoder.is_cold());
    }

    #[test]
    fn document_stored_tells_whether_the_document_key_is_there() {
        let cases: [(&[&str], bool); 4] = [
            (&[], false),
            (&[DOC_KEY], true),
            (&[UNREADABLE_KEY, UNDO_IMPORT_KEY], false),
            (&["other.app", DOC_KEY, UNDO_IMPORT_KEY], true),
        ];
        for (keys, want) in cases {
            let backend = memory();
            for key in keys {
                backend.set(key, "{}").unwrap();
            }
            assert_eq!(document_stored(&backend), want, "{keys:?}");
        }
        assert!(!document_stored(&FailingBackend));
    }

    fn open(backend: &Rc<MemoryBackend>) -> (Store, Loaded) {
        Store::open(Box::new(backend.clone()))
    }

    fn stored(backend: &MemoryBackend) -> Option<String> {
        backend.get(DOC_KEY).unwrap()
    }

    /// A store opened without a reader reads nothing: it opens when nothing
    /// is stored, gives the backend back untouched when text is, and refuses
    /// whatever would need to read text until it gets a reader, changing
    /// nothing meanwhile.
    #[test]
    fn without_a_reader_nothing_stored_is_read_or_written_over() {
        let backend = memory();
        let (mut store, loaded) = Store::open_unread(Box::new(backend.clone())).unwrap();
        assert_eq!(loaded.startup, Startup::Fresh);
        assert!(!store.has_reader());

        // Nothing stored yet: a save needs no reader.
        let mut ours = full_doc();
        ours.revision = 1;
        assert_eq!(store.save(&ours), Ok(Saved::Written));

        // Another tab writes: saving, reloading and undo need the reader.
        let mut theirs = ours.clone();
        theirs.preferences.sound = !theirs.preferences.sound;
        theirs.revision = 2;
        let their_text = format::encode(&theirs);
        backend.set(DOC_KEY, &their_text).unwrap();
        backend
            .set(UNDO_IMPORT_KEY, &encode_undo(&ours, t(3)))
            .unwrap();
        let mut edited = ours.clone();
        edited.sessions.pop();
        edited.revision = 2;
        assert_eq!(store.save(&edited), Err(SaveError::NeedsReader));
        assert_eq!(store.reload().err(), Some(SaveError::NeedsReader));
        assert_eq!(
            store.undo_import(&edited).err(),
            Some(SaveError::NeedsReader)
        );
        assert_eq!(store.undo_available(), Ok(None));
        assert_eq!(
            stored(&backend),
            Some(their_text.clone()),
            "nothing written"
        );

        // With the reader, the same save merges both tabs' changes.
        store.set_reader(Reader::real());
        assert!(store.has_reader());
        assert_eq!(store.undo_available(), Ok(Some(t(3))));
        let Ok(Saved::Merged(merged)) = store.save(&edited) else {
            panic!("expected a merge");
        };
        assert_eq!(merged.preferences.sound, theirs.preferences.sound);
        assert_eq!(merged.sessions, edited.sessions);

        // Text stored: opening without a reader gives the backend back.
        let text = stored(&backend).unwrap();
        let Err(NeedsReader(back)) = Store::open_unread(Box::new(backend.clone())) else {
            panic!("opened stored text without a reader");
        };
        assert_eq!(back.get(DOC_KEY).unwrap(), Some(text.clone()));
        let (_, loaded) = Store::open_reading(back, Reader::real());
        assert_eq!(loaded.startup, Startup::Loaded);
        assert_eq!(loaded.doc, *merged);
    }

    /// Storage that cannot be read opens on memory, with or without a reader.
    #[test]
    fn without_a_reader_unavailable_storage_still_opens_on_memory() {
        let (store, loaded) = Store::open_unread(Box::new(FailingBackend)).unwrap();
        assert!(matches!(loaded.startup, Startup::Unavailable(_)));
        assert!(store.is_memory());
    }

    /// The undo copy is written as serde_json writes its object, so copies
    /// written before and after this writer read the same.
    #[test]
    fn the_undo_copy_is_the_text_of_its_json_object() {
        let doc = full_doc();
        let mut object = Map::new();
        object.insert("replaced_at".into(), serde_json::to_value(t(2)).unwrap());
        object.insert("data".into(), format::to_value(&doc));
        assert_eq!(encode_undo(&doc, t(2)), Value::Object(object).to_string());
        assert_eq!(
            decode_undo(&encode_undo(&doc, t(2)), &MIGRATIONS),
            Ok((t(2), doc))
        );
    }

    #[test]
    fn fresh_then_saved_then_loaded() {
        let backend = memory();
        let (mut store, loaded) = open(&backend);
        assert_eq!(loaded.startup, Startup::Fresh);
        let mut doc = full_doc();
        doc.revision = 1;
        assert_eq!(store.save(&doc), Ok(Saved::Written));
        assert_eq!(store.save(&doc), Ok(Saved::Unchanged));
        let (_, again) = open(&backend);
        assert_eq!(again.startup, Startup::Loaded);
        assert_eq!(again.doc, doc);
    }

    #[test]
    fn unavailable_storage_runs_in_memory() {
        let (mut store, loaded) = Store::open(Box::new(FailingBackend));
        assert!(matches!(loaded.startup, Startup::Unavailable(_)));
        assert!(store.is_memory());
        let mut doc = full_doc();
        doc.revision += 1;
        assert_eq!(store.save(&doc), Ok(Saved::Written));
    }

    #[test]
    fn unreadable_text_is_kept_and_saving_waits() {
        let table = ["{not json", "{\"schema_version\":1}", "[]", "\"text\""];
        for raw in table {
            let backend = memory();
            backend.set(DOC_KEY, raw).unwrap();
            let (mut store, loaded) = open(&backend);
            match loaded.startup {
                Startup::Unreadable { raw: r, kept, .. } => {
                    assert_eq!(r, raw);
                    assert_eq!(kept, Kept::Key(UNREADABLE_KEY.into()));
                }
                other => panic!("{raw}: {other:?}"),
            }
            assert_eq!(store.save(&full_doc()), Err(SaveError::Paused));
            assert_eq!(stored(&backend).as_deref(), Some(raw));
            assert_eq!(backend.get(UNREADABLE_KEY).unwrap().as_deref(), Some(raw));
            store.resolve_recovery(&AppDoc::default()).unwrap();
            assert_eq!(backend.get(UNREADABLE_KEY).unwrap().as_deref(), Some(raw));
            let mut doc = full_doc();
            doc.revision = 5;
            assert_eq!(store.save(&doc), Ok(Saved::Written));
        }
    }

    #[test]
    fn a_second_unreadable_text_gets_its_own_key() {
        let backend = memory();
        backend.set(UNREADABLE_KEY, "older").unwrap();
        backend.set(DOC_KEY, "newer garbage").unwrap();
        let (_, loaded) = open(&backend);
        let Startup::Unreadable { kept, .. } = loaded.startup else {
            panic!()
        };
        assert_eq!(kept, Kept::Key(format!("{UNREADABLE_KEY}.2")));
        assert_eq!(
            backend.get(UNREADABLE_KEY).unwrap().as_deref(),
            Some("older")
        );
    }

    #[test]
    fn a_newer_version_is_never_written() {
        let backend = memory();
        let newer = format::CURRENT_VERSION + 1;
        let raw = format!("{{\"schema_version\":{newer},\"whatever\":true}}");
        backend.set(DOC_KEY, &raw).unwrap();
        let (mut store, loaded) = open(&backend);
        assert_eq!(
            loaded.startup,
            Startup::Newer {
                found: newer,
                raw: raw.clone()
            }
        );
        assert_eq!(store.save(&full_doc()), Err(SaveError::Newer(newer)));
        assert_eq!(store.delete_all(), Err(SaveError::Newer(newer)));
        assert_eq!(stored(&backend).as_deref(), Some(raw.as_str()));
    }

    #[test]
    fn a_newer_version_written_by_another_tab_stops_saving() {
        let backend = memory();
        let (mut store, _) = open(&backend);
        backend.set(DOC_KEY, "{\"schema_version\":3}").unwrap();
        assert_eq!(store.save(&full_doc()), Err(SaveError::Newer(3)));
        assert_eq!(store.save(&full_doc()), Err(SaveError::Newer(3)));
    }

    /// TEST OF THE MECHANISM ONLY, with the synthetic v0 chain.
    #[test]
    fn migration_keeps_the_old_text_and_writes_the_new() {
        let raw = crate::storage::format::tests::SYNTHETIC_V0.to_string();
        let backend = memory();
        backend.set(DOC_KEY, &raw).unwrap();
        let (_, loaded) = Store::open_with(Box::new(backend.clone()), SYNTHETIC);
        assert_eq!(
            loaded.startup,
            Startup::Migrated {
                from: 0,
                copy_key: pre_migration_key(0)
            }
        );
        assert_eq!(loaded.write_error, None);
        assert_eq!(backend.get(&pre_migration_key(0)).unwrap(), Some(raw));
        let now_stored = format::decode(&stored(&backend).unwrap()).unwrap();
        assert_eq!(now_stored.from_version, format::CURRENT_VERSION);
        assert_eq!(now_stored.doc, loaded.doc);
    }

    #[test]
    fn another_tabs_additions_are_merged() {
        let backend = memory();
        let (mut a, _) = open(&backend);
        let mut doc_a = full_doc();
        doc_a.revision = 1;
        a.save(&doc_a).unwrap();
        let (mut b, loaded_b) = open(&backend);
        let mut doc_b = loaded_b.doc;
        doc_b.sessions.push(session(100, 20));
        doc_b.revision += 1;
        b.save(&doc_b).unwrap();
        doc_a.sessions.push(session(200, 21));
        doc_a.revision += 1;
        let Ok(Saved::Merged(merged)) = a.save(&doc_a) else {
            panic!("expected a merge")
        };
        let merged = *merged;
        let ids: Vec<u64> = merged.sessions.iter().map(|s| s.id.0).collect();
        assert!(ids.contains(&100) && ids.contains(&200), "{ids:?}");
        let (_, reread) = open(&backend);
        assert_eq!(reread.doc, merged);
    }

    #[test]
    fn the_same_part_changed_in_two_tabs_is_refused() {
        let backend = memory();
        let (mut a, _) = open(&backend);
        let mut doc_a = full_doc();
        doc_a.revision = 1;
        a.save(&doc_a).unwrap();
        let (mut b, loaded_b) = open(&backend);
        let mut doc_b = loaded_b.doc;
        doc_b.device = Some(device(200));
        doc_b.revision += 1;
        b.save(&doc_b).unwrap();
        doc_a.device = Some(device(300));
        doc_a.revision += 1;
        let err = a.save(&doc_a).unwrap_err();
        assert_eq!(
            err,
            SaveError::Conflict {
                parts: vec![DocPart::Device],
                theirs: Box::new(doc_b.clone())
            }
        );
        // B's version stays stored, and A can now save on top of it.
        let (_, reread) = open(&backend);
        assert_eq!(reread.doc, doc_b);
        let mut next = doc_b.clone();
        next.preferences.sound = false;
        next.revision += 1;
        assert_eq!(a.save(&next), Ok(Saved::Written));
    }

    #[test]
    fn import_can_be_undone_and_a_failed_import_changes_nothing() {
        let backend = memory();
        let (mut store, _) = open(&backend);
        let mut current = full_doc();
        current.revision = 3;
        store.save(&current).unwrap();
        assert_eq!(store.undo_available(), Ok(None));
        let incoming = AppDoc {
            sessions: vec![session(9, 9)],
            ..AppDoc::default()
        };
        let now_doc = store.apply_import(&current, &incoming, t(40)).unwrap();
        assert_eq!(now_doc.sessions, incoming.sessions);
        assert_eq!(store.undo_available(), Ok(Some(t(40))));
        let restored = store.undo_import(&now_doc).unwrap();
        assert_eq!(restored.sessions, current.sessions);
        assert_eq!(restored.profile, current.profile);
        assert!(restored.revision > now_doc.revision);
        assert_eq!(store.undo_available(), Ok(None));
        assert_eq!(store.undo_import(&restored), Err(SaveError::NothingToUndo));
    }

    #[test]
    fn delete_all_removes_only_rollwise_keys() {
        let backend = memory();
        backend.set("other-app", "keep").unwrap();
        backend.set(UNREADABLE_KEY, "x").unwrap();
        let (mut store, _) = open(&backend);
        let mut doc = full_doc();
        doc.revision = 1;
        store.save(&doc).unwrap();
        store.delete_all().unwrap();
        assert_eq!(backend.keys().unwrap(), vec!["other-app".to_string()]);
        let (_, loaded) = open(&backend);
        assert_eq!(loaded.startup, Startup::Fresh);
    }

    /// A backend with a byte quota, to test a full store natively.
    struct Limited {
        inner: MemoryBackend,
        quota: usize,
    }

    impl Backend for Limited {
        fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
            self.inner.get(key)
        }
        fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
            let used: usize = self
                .inner
                .keys()?
                .iter()
                .filter(|k| k.as_str() != key)
                .map(|k| k.len() + self.inner.get(k).unwrap().unwrap_or_default().len())
                .sum();
            if used + key.len() + value.len() > self.quota {
                return Err(StorageError::QuotaExceeded("full".into()));
            }
            self.inner.set(key, value)
        }
        fn remove(&self, key: &str) -> Result<(), StorageError> {
            self.inner.remove(key)
        }
        fn keys(&self) -> Result<Vec<String>, StorageError> {
            self.inner.keys()
        }
    }

    #[test]
    fn a_full_quota_keeps_everything_and_reports() {
        let limited = Rc::new(Limited {
            inner: MemoryBackend::new(),
            quota: 600,
        });
        limited.inner.set("junk", &"j".repeat(200)).unwrap();
        let (mut store, _) = Store::open(Box::new(limited.clone()));
        let mut doc = full_doc();
        doc.revision = 1;
        assert!(matches!(
            store.save(&doc),
            Err(SaveError::Write(StorageError::QuotaExceeded(_)))
        ));
        assert_eq!(limited.get(DOC_KEY).unwrap(), None);
        assert_eq!(limited.get("junk").unwrap().map(|j| j.len()), Some(200));
        // Room is made by someone else: the next save succeeds.
        limited.remove("junk").unwrap();
        let small = AppDoc {
            revision: 2,
            ..AppDoc::default()
        };
        assert_eq!(store.save(&small), Ok(Saved::Written));
    }
}
