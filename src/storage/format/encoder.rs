//! Writing the stored text of a document again and again, re-encoding only
//! what changed: the store keeps one [`Encoder`] and saves through it.
//!
//! Five years of data hold about 1,500 reactions and 130 sessions; a save
//! after one edit changes one of them (or none). The encoder keeps each
//! session's and reaction's text beside a copy of the item it was written
//! from, and writes an item again only when it differs from that copy.
//!
//! Invariants:
//! - [`Encoder::encode`] returns exactly the bytes of
//!   [`encode`](super::encode) for the same document, whatever it encoded
//!   before (`format::tests` check it after random edit sequences).
//! - The cache is never trusted blindly: every item is compared with the
//!   copy its text was written from, so a stale entry cannot be written.
//! - Only the format module knows the layout: the top-level keys are
//!   written in the order of the fields of [`v2::Doc`], the byte order of
//!   their names.

use serde::Serialize;

use super::v2;
use crate::domain::{Reaction, Session};
use crate::storage::doc::AppDoc;

/// The texts of the items of one list, each beside the item it was
/// written from.
#[derive(Debug)]
struct Fragments<T> {
    items: Vec<T>,
    texts: Vec<String>,
}

impl<T> Default for Fragments<T> {
    fn default() -> Self {
        Fragments {
            items: Vec::new(),
            texts: Vec::new(),
        }
    }
}

impl<T: Clone + PartialEq> Fragments<T> {
    /// Brings the cache in line with `current` (re-encoding the items that
    /// differ from their copies) and writes the JSON array.
    fn write<S: Serialize>(&mut self, current: &[T], encode: impl Fn(&T) -> S, out: &mut String) {
        self.items.truncate(current.len());
        self.texts.truncate(current.len());
        for (i, item) in current.iter().enumerate() {
            match self.items.get_mut(i) {
                Some(kept) if kept == item => {}
                Some(kept) => {
                    *kept = item.clone();
                    self.texts[i] = to_text(&encode(item));
                }
                None => {
                    self.items.push(item.clone());
                    self.texts.push(to_text(&encode(item)));
                }
            }
        }
        out.push('[');
        for (i, text) in self.texts.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str(text);
        }
        out.push(']');
    }

    fn len(&self) -> usize {
        self.texts.iter().map(|t| t.len() + 1).sum()
    }
}

/// Encodes documents, reusing the text of unchanged sessions and
/// reactions from earlier calls.
#[derive(Debug, Default)]
pub struct Encoder {
    sessions: Fragments<Session>,
    reactions: Fragments<Reaction>,
}

impl Encoder {
    /// An encoder with nothing cached.
    pub fn new() -> Encoder {
        Encoder::default()
    }

    /// Returns true while no session or reaction text is kept (before the
    /// first [`Self::encode`] of a document that has any).
    pub fn is_cold(&self) -> bool {
        self.sessions.items.is_empty() && self.reactions.items.is_empty()
    }

    /// The stored text of `doc`, byte for byte what
    /// [`encode`](super::encode) writes.
    pub fn encode(&mut self, doc: &AppDoc) -> String {
        let lists = self.sessions.len() + self.reactions.len();
        let mut out = String::with_capacity(lists + 4096);
        out.push_str("{\"device\":");
        push(&mut out, &doc.device.as_ref().map(v2::device_out));
        out.push_str(",\"flow\":");
        push(&mut out, &v2::flow_out(&doc.flow));
        // Written only when there are notes, as `v2::Doc` does.
        if !doc.notes.is_empty() {
            out.push_str(",\"notes\":");
            push(&mut out, &v2::notes_out(&doc.notes));
        }
        out.push_str(",\"preferences\":");
        push(&mut out, &v2::preferences_out(&doc.preferences));
        out.push_str(",\"profile\":");
        push(&mut out, &doc.profile.as_ref().map(v2::profile_out));
        out.push_str(",\"reactions\":");
        self.reactions
            .write(&doc.reactions, v2::reaction_out, &mut out);
        out.push_str(",\"reminder\":");
        push(&mut out, &v2::reminder_out(&doc.reminder));
        out.push_str(",\"replaced_devices\":");
        let replaced: Vec<_> = doc.replaced_devices.iter().map(v2::replaced_out).collect();
        push(&mut out, &replaced);
        out.push_str(",\"revision\":");
        push(&mut out, &doc.revision);
        out.push_str(",\"schema_version\":");
        push(&mut out, &v2::VERSION);
        out.push_str(",\"sessions\":");
        self.sessions
            .write(&doc.sessions, v2::session_out, &mut out);
        out.push('}');
        out
    }
}

/// The JSON text of a stored value. Serializing these types cannot fail
/// (no maps with non-string keys, no floats).
fn to_text<S: Serialize>(value: &S) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "null".into())
}

fn push<S: Serialize>(out: &mut String, value: &S) {
    out.push_str(&to_text(value));
}
