//! The words of the reaction log.

use crate::domain::{ReactionKind, ReactionSeverity};

pub const FORM_HEADING: &str = "What did you notice?";
pub const EXPECTED_GROUP: &str = "Expected after rolling";
pub const WARNING_GROUP: &str = "Warning signs";
pub const WARNING_GROUP_HINT: &str =
    "Any of these means: stop rolling. Rollwise will tell you what to do next.";
pub const SEVERITY_LEGEND: &str = "How strong is it?";
pub const ZONES_LEGEND: &str = "Where? (optional)";
pub const WORSENING: &str = "It's getting worse";
pub const NOTICED_LABEL: &str = "When did you notice it?";
pub const NOTICED_HINT: &str = "Now, unless you change it.";
pub const NOTE_LABEL: &str = "Note (optional)";
pub const NOTE_HINT: &str =
    "Kept with this reaction in your log and in your backups, up to 2,000 characters.";
pub const SAVE: &str = "Save to my log";
pub const LINKED_TO: &str = "Linked to your session of";
pub const NOT_LINKED: &str = "No session before this time, so it isn't linked to one.";

pub const ERROR_NO_KIND: &str = "Choose what you noticed first.";
pub const ERROR_NOTICED_UNREADABLE: &str = "Enter the date and time you noticed it.";
pub const ERROR_NOTICED_FUTURE: &str =
    "That time is in the future. Enter when you noticed it, up to now.";
pub const ERROR_SUMMARY: &str = "Nothing was saved yet:";

/// A reaction kind in plain words.
pub fn kind_name(kind: ReactionKind) -> &'static str {
    match kind {
        ReactionKind::Redness => "Redness, like a light sunburn",
        ReactionKind::Swelling => "Swelling",
        ReactionKind::Sensitivity => "Sensitive or tender skin",
        ReactionKind::DrynessFlaking => "Dryness or flaking",
        ReactionKind::Tightness => "Skin feels tight",
        ReactionKind::MildItch => "A mild itch",
        ReactionKind::Bruising => "Bruising",
        ReactionKind::IncreasingPainOrWarmth => "Pain or warmth that is getting stronger",
        ReactionKind::SpreadingRedness => "Redness that is spreading",
        ReactionKind::PusOrYellowCrust => "Pus or yellow crusts",
        ReactionKind::FeverOrChills => "Fever or chills",
        ReactionKind::BlistersTinglingOrBurning => "Clustered blisters, tingling or burning",
        ReactionKind::FirmRedBumps => "New firm red bumps that don't go away",
        ReactionKind::GridMarks => "Lines or a grid in the roller's pattern",
        ReactionKind::SpreadingDarkPatches => "Dark patches that are spreading",
        ReactionKind::ItchyRash => "An itchy rash, like eczema",
        ReactionKind::FaceLipOrTongueSwelling => "Swollen face, lips or tongue",
        ReactionKind::SpreadingHives => "Hives that are spreading",
        ReactionKind::DifficultyBreathing => "Trouble breathing",
    }
}

/// A severity in words.
pub fn severity_name(severity: ReactionSeverity) -> &'static str {
    match severity {
        ReactionSeverity::None => "Barely there",
        ReactionSeverity::Mild => "Mild",
        ReactionSeverity::Moderate => "Moderate",
        ReactionSeverity::Severe => "Severe",
    }
}

pub const RESULT_EXPECTED: &str = "Expected after rolling";
pub const RESULT_SETTLES_BY: &str = "It should settle by";
pub const RESULT_WATCH: &str = "Keep an eye on it";
pub const RESULT_HOLD: &str = "Your next session is on hold";
pub const RESULT_HOLD_BODY: &str =
    "Rollwise won't start a session until you mark this reaction clear in your log below.";
pub const RESULT_STOP: &str = "Stop rolling and see a doctor";
pub const RESULT_STOP_BODY: &str =
    "Sessions are on hold until you mark this resolved or a doctor has cleared you.";
pub const RESULT_SAVED: &str = "Saved to your log.";
pub const RESULT_NOTE: &str = "Your note";
pub const LOG_ANOTHER: &str = "Log another reaction";

pub const EMERGENCY_HEADING: &str = "Call emergency services now";
pub const EMERGENCY_BODY: &str = "This may be a serious allergic reaction. Call your local emergency number now, or ask someone near you to call.";
pub const EMERGENCY_OTHER: &str = "If your country uses another number, dial that one.";
pub const EMERGENCY_BACK: &str = "Back to the log";

/// "Call 112" and where the number is used.
pub fn emergency_label(digits: &str) -> (&'static str, &'static str) {
    match digits {
        "911" => ("Call 911", "US, Canada, Mexico"),
        "999" => ("Call 999", "UK"),
        _ => ("Call 112", "Europe and most mobile phones"),
    }
}

pub const LIST_HEADING: &str = "Your reactions";
pub const LIST_EMPTY: &str = "Nothing logged yet.";
pub const NOTICED: &str = "Noticed";
pub const SEVERITY: &str = "Strength";
pub const ZONES: &str = "Where";
pub const GETTING_WORSE: &str = "Getting worse";
pub const STATUS: &str = "Status";
pub const STATUS_PRESENT: &str = "Still there";
pub const STATUS_RESOLVED: &str = "Resolved";
pub const STATUS_CLEARED: &str = "Cleared by a doctor";
pub const HOLDING: &str = "Holding your next session";
pub const LEVEL_EXPECTED: &str = "Expected";
pub const LEVEL_WATCH: &str = "Keep an eye on it";
pub const LEVEL_STOP: &str = "Stop and see a doctor";
pub const LEVEL_EMERGENCY: &str = "Emergency";
pub const MARK_RESOLVED: &str = "Mark resolved";
pub const MARK_CLEARED: &str = "A doctor cleared it";
pub const CONFIRM_RESOLVED: &str = "Mark this as resolved? Only do this once it has gone.";
pub const CONFIRM_CLEARED: &str = "Record that a doctor has seen this and cleared you?";
pub const CONFIRM_LIFTS: &str = "It will no longer hold your sessions.";
pub const CONFIRM_YES_RESOLVED: &str = "Yes, mark resolved";
pub const CONFIRM_YES_CLEARED: &str = "Yes, a doctor cleared it";
pub const CANCEL: &str = "Cancel";
pub const WHY_IT_SAYS: &str = "What Rollwise says";
