//! The words of the settings screen.

pub const ANSWERS_HEADING: &str = "Your set-up answers";
pub const ANSWERS_BODY: &str = "Change your answers about your health, your skin's history or your roller whenever something changes.";
pub const ANSWERS_EDIT: &str = "Edit your answers";
pub const ANSWERS_NONE: &str = "You haven't set up Rollwise yet.";
pub const ANSWERS_SET_UP: &str = "Set up Rollwise";

pub const ROLLER_HEADING: &str = "Your roller";
pub const ROLLER_NONE: &str = "No roller recorded yet.";
pub const NEEDLE: &str = "Needle length";
pub const SESSIONS: &str = "Sessions used";
pub const FIRST_USE: &str = "First used";
pub const NOT_USED: &str = "Not used yet";
/// "0.25 mm".
pub fn mm(value: &str) -> String {
    format!("{value} mm")
}
/// "3 of 10".
pub fn of_limit(used: u32, limit: u32) -> String {
    format!("{used} of {limit}")
}
pub const REPLACE: &str = "I have a new roller";
pub const REPLACE_CONFIRM_TITLE: &str = "Start a new roller?";
pub const REPLACE_CONFIRM_BODY: &str = "Your current roller goes into your history and the new one starts at 0 sessions, first used today.";
pub const REPLACE_NEEDLE: &str = "The new roller's needle length";
pub const REPLACE_ONLY_MINE: &str = "This new roller is only mine: nobody else will use it";
pub const REPLACE_CONFIRM: &str = "Yes, start the new roller";
pub const CANCEL: &str = "Cancel";
pub const REPLACED: &str = "New roller started: 0 sessions used.";
pub const REPLACE_NEED_ONLY_MINE: &str = "Confirm that the new roller is only yours.";
/// "2 rollers replaced so far".
pub fn replaced_count(n: usize) -> String {
    match n {
        0 => String::new(),
        1 => "1 roller replaced so far.".to_string(),
        n => format!("{n} rollers replaced so far."),
    }
}

pub const SESSION_HEADING: &str = "During a session";
pub const PASSES_LEGEND: &str = "Passes in each direction";
pub const PASSES_HINT: &str = "Rollwise guides 4 or 5 light passes in each direction.";
/// "4 passes".
pub fn passes(n: u8) -> String {
    format!("{n} passes")
}
pub const SOUND: &str = "Sound at each step";
pub const VIBRATION: &str = "Vibration at each step";
pub const VIBRATION_HINT: &str = "Only on phones that can vibrate.";

pub const REMINDER_HEADING: &str = "Reminder";
pub const REMINDER_LABEL: &str = "Remind me before my next session";
pub const REMINDER_HINT: &str = "How long before the recommended time the reminder comes.";
pub const REMINDER_CHOICES: [(u32, &str); 6] = [
    (15, "15 minutes before"),
    (30, "30 minutes before"),
    (60, "1 hour before"),
    (180, "3 hours before"),
    (720, "12 hours before"),
    (1440, "1 day before"),
];
/// A lead time that is not one of the choices.
pub fn reminder_other(minutes: u32) -> String {
    format!("{minutes} minutes before")
}

pub const SAVED: &str = "Saved.";

pub const ABOUT_HEADING: &str = "About Rollwise";
pub const ABOUT_BODY: &str = "Rollwise is a cosmetic guide for rolling at home. It is not medical advice and it cannot diagnose anything.";
pub const ABOUT_LINK: &str = "Read the full notice";
pub const SOURCES_HEADING: &str = "The safety rules and their sources";
pub const SOURCES_BODY: &str = "Every check Rollwise makes follows one of these rules. Open a group to see each rule, its value and where it comes from.";
/// "5 rules".
pub fn rule_count(n: usize) -> String {
    if n == 1 {
        "1 rule".to_string()
    } else {
        format!("{n} rules")
    }
}
