//! Merging documents: two tabs that edited from the same base (three-way),
//! and a backup merged into the current data (import).
//!
//! Invariants:
//! - [`three_way`] never loses a change: a part changed on one side only
//!   takes that side; a part changed on both sides to different values is a
//!   [`Conflict`], and nothing is merged then.
//! - Sessions and reactions merge item by item, by id: additions on either
//!   side are kept, a deletion holds unless the other side edited the item.
//! - [`merge_import`] never changes or removes anything the person already
//!   has; it only adds what the backup has and the current data lacks.

use std::collections::BTreeMap;

use super::doc::AppDoc;
use crate::domain::order;
use crate::domain::ReactionId;

/// A part of the document, to name what conflicted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum DocPart {
    Profile,
    Device,
    ReplacedDevices,
    Preferences,
    Flow,
    Reminder,
    Session(u64),
    Reaction(u64),
    Note(u64),
}

/// Both sides changed the same parts differently.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// The parts changed on both sides, in order.
    pub parts: Vec<DocPart>,
}

/// Merges `ours` and `theirs`, both edited from `base`. The result's
/// revision is one more than the larger of the two.
pub fn three_way(base: &AppDoc, ours: &AppDoc, theirs: &AppDoc) -> Result<AppDoc, Conflict> {
    let mut parts = Vec::new();
    let profile = part(
        &base.profile,
        &ours.profile,
        &theirs.profile,
        DocPart::Profile,
        &mut parts,
    );
    let device = part(
        &base.device,
        &ours.device,
        &theirs.device,
        DocPart::Device,
        &mut parts,
    );
    let replaced_devices = part(
        &base.replaced_devices,
        &ours.replaced_devices,
        &theirs.replaced_devices,
        DocPart::ReplacedDevices,
        &mut parts,
    );
    let preferences = part(
        &base.preferences,
        &ours.preferences,
        &theirs.preferences,
        DocPart::Preferences,
        &mut parts,
    );
    let flow = part(
        &base.flow,
        &ours.flow,
        &theirs.flow,
        DocPart::Flow,
        &mut parts,
    );
    let reminder = part(
        &base.reminder,
        &ours.reminder,
        &theirs.reminder,
        DocPart::Reminder,
        &mut parts,
    );
    let sessions = by_id(
        &base.sessions,
        &ours.sessions,
        &theirs.sessions,
        |s| s.id.0,
        DocPart::Session,
        &mut parts,
    );
    let reactions = by_id(
        &base.reactions,
        &ours.reactions,
        &theirs.reactions,
        |r| r.id.0,
        DocPart::Reaction,
        &mut parts,
    );
    let notes = by_key(&base.notes, &ours.notes, &theirs.notes, &mut parts);
    if !parts.is_empty() {
        order::sort(&mut parts);
        return Err(Conflict { parts });
    }
    Ok(AppDoc {
        revision: ours.revision.max(theirs.revision).saturating_add(1),
        profile,
        device,
        replaced_devices,
        sessions,
        reactions,
        notes,
        preferences,
        flow,
        reminder,
    })
}

/// Three-way merge of the notes, note by note.
fn by_key(
    base: &BTreeMap<ReactionId, String>,
    ours: &BTreeMap<ReactionId, String>,
    theirs: &BTreeMap<ReactionId, String>,
    conflicts: &mut Vec<DocPart>,
) -> BTreeMap<ReactionId, String> {
    let keys: std::collections::BTreeSet<ReactionId> = base
        .keys()
        .chain(ours.keys())
        .chain(theirs.keys())
        .copied()
        .collect();
    let mut merged = BTreeMap::new();
    for key in keys {
        match merge_item(base.get(&key), ours.get(&key), theirs.get(&key)) {
            Ok(Some(text)) => {
                merged.insert(key, text.clone());
            }
            Ok(None) => {}
            Err(()) => conflicts.push(DocPart::Note(key.0)),
        }
    }
    merged
}

/// Three-way merge of one whole part; a conflict is recorded in `conflicts`.
fn part<T: Clone + PartialEq>(
    base: &T,
    ours: &T,
    theirs: &T,
    name: DocPart,
    conflicts: &mut Vec<DocPart>,
) -> T {
    match merge_item(Some(base), Some(ours), Some(theirs)) {
        Ok(Some(value)) => value.clone(),
        _ => {
            conflicts.push(name);
            ours.clone()
        }
    }
}

/// Three-way merge of a list of items with ids. The result keeps the order
/// of `theirs`, then items only `ours` has, in their order.
fn by_id<T: Clone + PartialEq>(
    base: &[T],
    ours: &[T],
    theirs: &[T],
    id: impl Fn(&T) -> u64,
    part: impl Fn(u64) -> DocPart,
    conflicts: &mut Vec<DocPart>,
) -> Vec<T> {
    let index = |items: &[T]| -> BTreeMap<u64, T> {
        items.iter().map(|item| (id(item), item.clone())).collect()
    };
    let (b, o, t) = (index(base), index(ours), index(theirs));
    let order = theirs
        .iter()
        .map(&id)
        .chain(ours.iter().map(&id).filter(|k| !t.contains_key(k)))
        .chain(
            b.keys()
                .copied()
                .filter(|k| !t.contains_key(k) && !o.contains_key(k)),
        );
    let mut merged = Vec::new();
    for key in order {
        match merge_item(b.get(&key), o.get(&key), t.get(&key)) {
            Ok(Some(item)) => merged.push(item.clone()),
            Ok(None) => {}
            Err(()) => conflicts.push(part(key)),
        }
    }
    merged
}

/// Three-way merge of one item: `None` means absent (never added, or
/// deleted). `Err` when both sides changed it differently.
fn merge_item<'a, T: PartialEq>(
    base: Option<&'a T>,
    ours: Option<&'a T>,
    theirs: Option<&'a T>,
) -> Result<Option<&'a T>, ()> {
    if ours == theirs {
        return Ok(ours);
    }
    if ours == base {
        return Ok(theirs);
    }
    if theirs == base {
        return Ok(ours);
    }
    Err(())
}

/// What merging a backup added.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ImportMerge {
    /// Sessions added from the backup.
    pub sessions_added: usize,
    /// Reactions added from the backup.
    pub reactions_added: usize,
    /// Items in both with the same id but different contents: the current
    /// one was kept.
    pub kept_current: usize,
}

/// Merges a backup into the current data: see the module invariants. The
/// profile, roller, preferences, flow and reminder come from the backup only
/// where the current data has none.
pub fn merge_import(current: &AppDoc, backup: &AppDoc) -> (AppDoc, ImportMerge) {
    let mut report = ImportMerge::default();
    let mut doc = current.clone();
    for s in &backup.sessions {
        match doc.sessions.iter().find(|c| c.id == s.id) {
            None => {
                doc.sessions.push(s.clone());
                report.sessions_added += 1;
            }
            Some(c) if c != s => report.kept_current += 1,
            Some(_) => {}
        }
    }
    for r in &backup.reactions {
        match doc.reactions.iter().find(|c| c.id == r.id) {
            None => {
                doc.reactions.push(r.clone());
                report.reactions_added += 1;
            }
            Some(c) if c != r => report.kept_current += 1,
            Some(_) => {}
        }
    }
    // A note comes with its reaction; a note the current data already has
    // is kept, as every other item is.
    for (id, text) in &backup.notes {
        if doc.reactions.iter().any(|r| r.id == *id) && !doc.notes.contains_key(id) {
            doc.notes.insert(*id, text.clone());
        }
    }
    order::sort_by_key(&mut doc.sessions, |s| (s.started_at, s.id));
    order::sort_by_key(&mut doc.reactions, |r| (r.noticed_at, r.id));
    for replaced in &backup.replaced_devices {
        if !doc.replaced_devices.contains(replaced) {
            doc.replaced_devices.push(replaced.clone());
        }
    }
    order::sort_by_key(&mut doc.replaced_devices, |r| r.replaced_at);
    if doc.profile.is_none() {
        doc.profile = backup.profile.clone();
    }
    if doc.device.is_none() {
        doc.device = backup.device.clone();
    }
    if *current == AppDoc::default() {
        doc.preferences = backup.preferences;
        doc.flow = backup.flow.clone();
        doc.reminder = backup.reminder;
    }
    (doc, report)
}

#[cfg(test)]
mod note_tests {
    use super::*;
    use crate::storage::testdata::full_doc;

    /// Notes merge one by one: edits of different notes both survive, the
    /// same note edited differently on both sides is a conflict.
    #[test]
    fn notes_merge_note_by_note() {
        let base = full_doc();
        let id = base.reactions[0].id;
        let other = base.reactions[1].id;
        let mut ours = base.clone();
        ours.set_note(id, "ours");
        let mut theirs = base.clone();
        theirs.set_note(other, "theirs");
        let merged = three_way(&base, &ours, &theirs).expect("different notes merge");
        assert_eq!(merged.note(id), Some("ours"));
        assert_eq!(merged.note(other), Some("theirs"));

        let mut theirs = base.clone();
        theirs.set_note(id, "a different text");
        let conflict = three_way(&base, &ours, &theirs).unwrap_err();
        assert_eq!(conflict.parts, vec![DocPart::Note(id.0)]);
    }

    #[test]
    fn an_imported_reaction_brings_its_note() {
        let backup = full_doc();
        let mut current = backup.clone();
        let (id, text) = backup
            .notes
            .iter()
            .next()
            .map(|(k, v)| (*k, v.clone()))
            .unwrap();
        current.reactions.retain(|r| r.id != id);
        current.notes.clear();
        let (merged, _) = merge_import(&current, &backup);
        assert_eq!(merged.note(id), Some(text.as_str()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::testdata::{device, full_doc, reaction, session, t};

    fn base() -> AppDoc {
        full_doc()
    }

    #[test]
    fn additions_on_both_sides_are_kept() {
        let base = base();
        let mut ours = base.clone();
        ours.sessions.push(session(100, 20));
        ours.revision += 1;
        let mut theirs = base.clone();
        theirs.reactions.push(reaction(200, Some(100), 21));
        theirs.sessions.push(session(101, 22));
        theirs.revision += 2;
        let merged = three_way(&base, &ours, &theirs).unwrap();
        assert!(merged.sessions.iter().any(|s| s.id.0 == 100));
        assert!(merged.sessions.iter().any(|s| s.id.0 == 101));
        assert!(merged.reactions.iter().any(|r| r.id.0 == 200));
        assert_eq!(merged.sessions.len(), base.sessions.len() + 2);
        assert_eq!(merged.revision, base.revision + 3);
    }

    /// Last writer wins only where the other side did not change the part.
    #[test]
    fn one_sided_changes_win_and_two_sided_ones_conflict() {
        type Edit = fn(&mut AppDoc);
        let edit_device: Edit = |d| d.device = Some(device(300));
        let edit_device_other: Edit = |d| d.device = Some(device(200));
        let edit_prefs: Edit = |d| d.preferences.sound = false;
        let delete_session: Edit = |d| {
            d.sessions.remove(0);
        };
        let edit_session: Edit = |d| d.sessions[0].disinfected_after = false;
        let noop: Edit = |_| {};
        // (ours, theirs, expected conflicting parts)
        let table: [(Edit, Edit, Vec<DocPart>); 7] = [
            (edit_device, noop, vec![]),
            (noop, edit_device, vec![]),
            (edit_device, edit_device, vec![]),
            (edit_device, edit_prefs, vec![]),
            (edit_device, edit_device_other, vec![DocPart::Device]),
            (delete_session, noop, vec![]),
            (delete_session, edit_session, vec![DocPart::Session(1)]),
        ];
        for (i, (o, th, conflicts)) in table.into_iter().enumerate() {
            let base = base();
            let mut ours = base.clone();
            o(&mut ours);
            let mut theirs = base.clone();
            th(&mut theirs);
            match three_way(&base, &ours, &theirs) {
                Ok(merged) => {
                    assert!(conflicts.is_empty(), "case {i}: expected a conflict");
                    // Every one-sided change is in the result.
                    let mut expect = base.clone();
                    o(&mut expect);
                    th(&mut expect);
                    assert_eq!(merged.device, expect.device, "case {i}");
                    assert_eq!(merged.preferences, expect.preferences, "case {i}");
                    assert_eq!(merged.sessions, expect.sessions, "case {i}");
                }
                Err(conflict) => assert_eq!(conflict.parts, conflicts, "case {i}"),
            }
        }
    }

    #[test]
    fn import_merge_only_adds() {
        let current = full_doc();
        let mut backup = full_doc();
        backup.sessions[0].disinfected_after = !backup.sessions[0].disinfected_after;
        backup.sessions.push(session(50, 3));
        backup.reactions.push(reaction(60, None, 4));
        backup.device = Some(device(200));
        let (merged, report) = merge_import(&current, &backup);
        assert_eq!(
            report,
            ImportMerge {
                sessions_added: 1,
                reactions_added: 1,
                kept_current: 1
            }
        );
        assert_eq!(merged.device, current.device);
        assert_eq!(merged.sessions[0], current.sessions[0]);
        for s in &current.sessions {
            assert!(merged.sessions.contains(s));
        }
        let starts: Vec<_> = merged.sessions.iter().map(|s| s.started_at).collect();
        assert!(starts.windows(2).all(|w| w[0] <= w[1]));
        assert!(starts.contains(&t(3)));
    }

    #[test]
    fn import_merge_into_empty_data_takes_everything() {
        let backup = full_doc();
        let (merged, report) = merge_import(&AppDoc::default(), &backup);
        assert_eq!(report.sessions_added, backup.sessions.len());
        assert_eq!(merged.preferences, backup.preferences);
        assert_eq!(merged.profile, backup.profile);
    }
}
