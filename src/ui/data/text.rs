//! Every word the data screens show: plain, kind, second person. The
//! shell's words are in `crate::ui::text`.

use crate::storage::backup::{ImportError, MAX_BACKUP_BYTES};
use crate::storage::format::DecodeError;
use crate::storage::merge::DocPart;
use crate::storage::persist::Persistence;
use crate::storage::store::SaveError;
use crate::storage::StorageError;

// Banners.
pub const UNAVAILABLE_TITLE: &str = "Your data is kept only in this tab";
pub const UNAVAILABLE_BODY: &str = "This browser won't let Rollwise save anything (some private modes do this). Everything works, but your data goes away when you close this tab. Download a backup to keep it.";
pub const WRITE_FAILED_TITLE: &str = "Your latest changes aren't saved yet";
pub const WRITE_FAILED_BODY: &str = "Rollwise couldn't save to this browser's storage. Your data is safe in this tab for now, and nothing saved before was removed. Download a backup to be safe; this message goes away as soon as saving works again.";
pub const TRY_AGAIN: &str = "Try saving again";
pub const MIGRATED_BODY: &str =
    "Your data was updated to the new format. A copy of the old one is kept in this browser.";
pub const DISMISS: &str = "OK, got it";
pub const OTHER_TAB_UPDATED: &str = "Updated with changes you made in another tab.";
pub const OTHER_TAB_MERGED: &str =
    "You changed your data in another tab too. Both sets of changes are saved.";
pub const OTHER_TAB_REFUSED_TITLE: &str = "A change in this tab wasn't saved";
pub const OTHER_TAB_REFUSED_BODY: &str = "Another tab changed the same thing at the same time, so this tab now shows that tab's version. You can download what this tab had, then make your change again.";
pub const DOWNLOAD_REFUSED: &str = "Download this tab's version";
pub const FIRST_RUN_RESTORE: &str = "Used Rollwise before? Restore from a backup file";

// Recovery and update screens.
pub const RECOVERY_TITLE: &str = "Your saved data couldn't be read";
pub const RECOVERY_BODY: &str = "Nothing has been deleted. Rollwise has kept the saved text exactly as it was, and it won't save anything until you choose what to do.";
pub const RECOVERY_KEPT_MEMORY: &str = "This browser had no room to keep a second copy, so the text is only held in this tab. Please download it before you choose anything else.";
pub const RECOVERY_REASON: &str = "What went wrong:";
pub const DOWNLOAD_RAW: &str = "Download the raw data";
pub const DOWNLOAD_UNSAVED: &str = "Download the data from this tab";
pub const RESTORE_HEADING: &str = "Restore a backup";
pub const START_AFRESH: &str = "Start with empty data";
pub const START_AFRESH_CONFIRM: &str = "Start with empty data? The unreadable text stays kept in this browser, and your backup files are not touched.";
pub const START_AFRESH_YES: &str = "Yes, start with empty data";
pub const CANCEL: &str = "Cancel";
pub const UPDATE_TITLE: &str = "Please update Rollwise";
pub const UPDATE_RELOAD: &str = "Reload Rollwise";

// Settings: persistence.
pub const SETTINGS_HEADING: &str = "Your data";
pub const SETTINGS_INTRO: &str =
    "Everything you enter stays in this browser on this device. Nothing is sent anywhere.";
pub const PERSIST_HEADING: &str = "Keeping your data";
pub const PERSIST_CHECKING: &str = "Checking whether this browser keeps your data…";
pub const PERSIST_GRANTED: &str = "This browser has agreed to keep your data.";
pub const PERSIST_DENIED: &str = "This browser may delete your data if the device runs low on space or if you don't open Rollwise for a while.";
pub const PERSIST_UNSUPPORTED: &str = "This browser can't promise to keep your data.";
pub const PERSIST_ADVICE: &str = "To keep it safer, add Rollwise to your home screen (Safari on iPhone and iPad deletes data of websites you haven't used for a few weeks), and download a backup now and then.";
pub const PERSIST_ASK: &str = "Ask the browser to keep my data";
pub const MEMORY_NOTE: &str = "Right now your data is kept only in this tab.";

// Settings: export.
pub const EXPORT_HEADING: &str = "Back up your data";
pub const EXPORT_JSON: &str = "Download a backup";
pub const EXPORT_SESSIONS: &str = "Download sessions (CSV)";
pub const EXPORT_REACTIONS: &str = "Download reactions (CSV)";
pub const EXPORT_HINT: &str =
    "The backup is one file you can restore later. The CSV files open in a spreadsheet.";
pub const DOWNLOADED: &str = "Downloaded: ";

// Import.
pub const IMPORT_HEADING: &str = "Restore from a backup";
pub const IMPORT_LABEL: &str = "Choose a Rollwise backup file (.json)";
pub const IMPORT_READING: &str = "Reading the file…";
pub const IMPORT_REPLACE: &str = "Replace my data with this backup";
pub const IMPORT_MERGE: &str = "Add this backup to my data";
pub const IMPORT_MERGE_HINT: &str =
    "Adding keeps everything you have now and adds the sessions and reactions you don't have yet.";
pub const IMPORT_DONE: &str = "Done: your data now comes from the backup.";
pub const IMPORT_UNDO: &str = "Undo the import";
pub const IMPORT_UNDONE: &str = "The import was undone: your data is back as it was.";

// Delete.
pub const DELETE_HEADING: &str = "Delete all data";
pub const DELETE_BUTTON: &str = "Delete all data…";
pub const DELETE_EXPORT_FIRST: &str = "Download a backup first";
pub const DELETE_YES: &str = "Yes, delete everything";
pub const DELETE_NO: &str = "Keep my data";
pub const DELETED: &str = "All your data was deleted from this browser.";

/// What the confirmation names before deleting.
pub fn delete_confirm(sessions: usize, reactions: usize, devices: usize, profile: bool) -> String {
    let mut parts = vec![
        count(sessions, "session", "sessions"),
        count(reactions, "reaction", "reactions"),
        count(devices, "roller", "rollers"),
    ];
    if profile {
        parts.push("your set-up answers".into());
    }
    format!(
        "This deletes {} from this browser, with your preferences and any copies Rollwise kept. It can't be undone.",
        join(&parts)
    )
}

/// The summary of a backup before it is applied.
pub fn import_summary(
    exported: &str,
    sessions: usize,
    reactions: usize,
    range: Option<(String, String)>,
) -> String {
    let span = match range {
        Some((first, last)) if first == last => format!(", all on {first}"),
        Some((first, last)) => format!(", from {first} to {last}"),
        None => String::new(),
    };
    format!(
        "This backup was made on {exported}. It holds {} and {}{span}.",
        count(sessions, "session", "sessions"),
        count(reactions, "reaction", "reactions"),
    )
}

/// After a merge.
pub fn import_merged(sessions: usize, reactions: usize) -> String {
    format!(
        "Done: {} and {} were added to your data.",
        count(sessions, "session", "sessions"),
        count(reactions, "reaction", "reactions")
    )
}

/// The undo offer with the date of the import.
pub fn undo_offer(date: &str) -> String {
    format!("You restored a backup on {date}. You can put your data back as it was before.")
}

/// Why a backup file was refused; always says nothing changed.
pub fn import_error(e: &ImportError) -> String {
    let why = match e {
        ImportError::TooLarge { .. } => format!(
            "the file is too large (the limit is {} MB)",
            MAX_BACKUP_BYTES / (1024 * 1024)
        ),
        ImportError::Empty => "the file is empty".into(),
        ImportError::Truncated => {
            "the file is cut short: it ends before the backup does (was the download interrupted?)"
                .into()
        }
        ImportError::NotJson(_) | ImportError::NotABackup => {
            "this isn't a Rollwise backup file".into()
        }
        ImportError::BadField(name) => format!("the backup's “{name}” is missing or damaged"),
        ImportError::NewerVersion(_) => {
            "it was made by a newer version of Rollwise: please update Rollwise first".into()
        }
        ImportError::UnsupportedVersion(_) => "it was made by a version too old to read".into(),
        ImportError::VersionMismatch | ImportError::ChecksumMismatch => {
            "the file was changed or damaged after it was made (its check code doesn't match)"
                .into()
        }
        ImportError::Data(d) => format!("part of the data can't be read ({d})"),
        ImportError::InFuture(p) => format!("it has a date in the future ({p})"),
    };
    format!("This file can't be used: {why}. Nothing was changed.")
}

/// Why the file could not be read at all.
pub fn file_error(detail: &str) -> String {
    format!("The file couldn't be read ({detail}). Nothing was changed.")
}

/// Why saving, importing, undoing or deleting failed.
pub fn save_error(e: &SaveError) -> String {
    match e {
        SaveError::Write(StorageError::QuotaExceeded(_)) => {
            "This browser's storage is full, so nothing was changed. Download a backup, then free some space in the browser's settings.".into()
        }
        SaveError::Write(w) => format!("Saving failed ({w}). Nothing was changed."),
        SaveError::Paused => "Saving is paused until you choose what to do with the unreadable data.".into(),
        SaveError::Newer(_) => "A newer version of Rollwise saved your data. Please update Rollwise.".into(),
        SaveError::StoredUnreadable(d) => format!("The saved data can't be read ({d})."),
        SaveError::Conflict { parts, .. } => format!(
            "Another tab changed {} at the same time. Nothing was changed here; try again.",
            parts_text(parts)
        ),
        SaveError::NothingToUndo => "There is no import to undo.".into(),
        SaveError::NeedsReader => "Rollwise is still loading the part that reads your saved data. Nothing was changed; try again in a moment.".into(),
    }
}

/// The reason an unreadable document was refused.
pub fn decode_reason(e: &DecodeError) -> String {
    e.to_string()
}

/// The update screen's explanation.
pub fn update_body(found: u32, known: u32) -> String {
    format!(
        "Your data was saved by a newer version of Rollwise (data format {found}); this copy of the app only knows format {known}. To keep your data safe, Rollwise won't change it. Reload to get the latest version; if this message stays, close every Rollwise tab and open it again."
    )
}

/// Where the unreadable text is kept.
pub fn kept_under(key: &str) -> String {
    format!("It is kept under the name “{key}” in this browser's storage.")
}

/// The persistence outcome.
pub fn persistence(p: Persistence) -> &'static str {
    match p {
        Persistence::Granted => PERSIST_GRANTED,
        Persistence::Denied => PERSIST_DENIED,
        Persistence::Unsupported => PERSIST_UNSUPPORTED,
    }
}

/// A failed persistence request.
pub fn persistence_failed(detail: &str) -> String {
    format!("The browser didn't answer ({detail}).")
}

fn parts_text(parts: &[DocPart]) -> String {
    let names: Vec<String> = parts
        .iter()
        .map(|p| match p {
            DocPart::Profile => "your set-up answers".to_string(),
            DocPart::Device => "your roller".into(),
            DocPart::ReplacedDevices => "your roller history".into(),
            DocPart::Preferences => "your preferences".into(),
            DocPart::Flow => "the session under way".into(),
            DocPart::Reminder => "your reminder".into(),
            DocPart::Session(_) => "a session".into(),
            DocPart::Reaction(_) => "a reaction".into(),
            DocPart::Note(_) => "a note on a reaction".into(),
        })
        .fold(Vec::new(), |mut acc, n| {
            if !acc.contains(&n) {
                acc.push(n);
            }
            acc
        });
    join(&names)
}

/// The parts a refused change touched, for the banner.
pub fn refused_parts(parts: &[DocPart]) -> String {
    format!("It changed {}.", parts_text(parts))
}

fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

fn join(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_lists_read_naturally() {
        assert_eq!(
            delete_confirm(1, 0, 2, true),
            "This deletes 1 session, 0 reactions, 2 rollers and your set-up answers from this browser, with your preferences and any copies Rollwise kept. It can't be undone."
        );
        assert_eq!(
            import_summary("3 May 2025", 2, 1, Some(("1 May".into(), "2 May".into()))),
            "This backup was made on 3 May 2025. It holds 2 sessions and 1 reaction, from 1 May to 2 May."
        );
        assert!(
            refused_parts(&[DocPart::Session(1), DocPart::Session(2), DocPart::Device])
                .contains("a session and your roller")
        );
    }

    #[test]
    fn every_import_error_says_nothing_changed() {
        let errors = [
            ImportError::Truncated,
            ImportError::ChecksumMismatch,
            ImportError::NewerVersion(9),
            ImportError::Empty,
        ];
        for e in errors {
            let text = import_error(&e);
            assert!(text.ends_with("Nothing was changed."), "{text}");
        }
        assert!(import_error(&ImportError::Truncated).contains("cut short"));
        assert!(import_error(&ImportError::NewerVersion(9)).contains("newer version"));
    }
}
