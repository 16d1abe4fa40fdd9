//! Words of the next-session reminder: the card, the calendar files and the
//! notices.

pub const HEADING: &str = "Reminder for your next session";
pub const NO_SESSION_YET: &str =
    "Once you have recorded your first session, you can plan the next one here and add it to your calendar.";

/// The window the rules give, shown above the picker.
pub fn window(earliest: &str, recommended: &str) -> String {
    format!("You can roll again from {earliest}. Recommended: {recommended} or any time later.")
}

pub fn planned(when: &str, countdown: &str) -> String {
    format!("Your next session is planned for {when} (in {countdown}).")
}
pub const NOT_PLANNED: &str = "No reminder is set yet. Pick a time below.";
pub const STALE: &str =
    "Your last reminder was for before your latest session. Pick a time for the next one.";

pub const PICK_LABEL: &str = "Date and time of your next session";
pub fn pick_hint(earliest: &str) -> String {
    format!("In your local time, from {earliest} on. Later is always fine.")
}
pub const SAVE: &str = "Save reminder";
pub const CHANGE: &str = "Change reminder";
pub const REMOVE: &str = "Remove reminder";

pub const ERROR_EMPTY: &str = "Pick a date and a time first.";
pub const ERROR_UNREADABLE: &str =
    "That date and time could not be read. Pick them again with the date picker.";
pub fn error_too_soon(earliest: &str) -> String {
    format!(
        "That is too soon: your skin needs at least 7 days between sessions. Pick a time from {earliest} on. Nothing was changed."
    )
}
pub const ERROR_PAST: &str =
    "That time has already passed. Pick a time from now on. Nothing was changed.";
pub const WARN_FAR: &str =
    "That is more than 8 weeks away. That's fine if you meant it; just check the date is right.";

pub fn saved(when: &str) -> String {
    format!("Saved: your next session is planned for {when}. Add it to your calendar so your phone reminds you.")
}
pub const REMOVED: &str =
    "Reminder removed. If you added it to your calendar, delete the event there too.";

pub const CALENDAR_HEADING: &str = "In your calendar";
pub const ADD_TO_CALENDAR: &str = "Add to calendar";
pub const ADD_TO_CALENDAR_HINT: &str =
    "Downloads a calendar file. Open it to add the event; if you change the time later, add it again and your calendar updates the same event.";
pub fn downloaded(file: &str) -> String {
    format!("Calendar file downloaded: {file}. Open it to add the event to your calendar.")
}
pub const DOWNLOAD_FAILED: &str =
    "The calendar file could not be made in this browser. Add the time to your calendar by hand.";

pub fn actives_intro(when: &str) -> String {
    format!("Your 72-hour pause on actives after your last session ends {when}.")
}
pub const ADD_ACTIVES: &str = "Add \u{201c}actives OK again\u{201d} to calendar";

pub const NOTICES_HEADING: &str = "Notices on this device";
pub const NOTICES_ASK: &str = "Allow reminder notices";
pub const NOTICES_ASK_HINT: &str =
    "Your browser will ask whether Rollwise may show notices. You can change this later in its settings.";
pub const NOTICES_ON: &str = "Notices are on: Rollwise shows one when your session is due.";
pub const NOTICES_DENIED: &str =
    "Notices are blocked for Rollwise in your browser settings. The reminder still shows here, and the calendar file still works.";
pub const NOTICES_UNSUPPORTED: &str =
    "This browser cannot show notices for Rollwise here. The reminder still shows here, and the calendar file works everywhere.";

/// What the app cannot promise, in one honest sentence.
pub const CANNOT_PROMISE: &str = "Rollwise has no server, so its notices only show while Rollwise is open or when you reopen it (on an iPhone, only after \u{201c}Add to Home Screen\u{201d}); the calendar file is what makes your phone remind you for sure.";

pub fn due(when: &str) -> String {
    format!("Your next session is due: {when}.")
}
pub const DUE_HINT: &str = "Start with today's skin check; Rollwise walks you through the rest.";
pub const DUE_ACTION: &str = "Start today's check";
pub fn held(when: &str) -> String {
    format!("Your session planned for {when} is on hold.")
}
pub const HELD_HINT: &str = "A reaction you logged holds your sessions until it has gone. When it has, mark it resolved in the log, then pick a new time here.";
pub const HELD_ACTION: &str = "Open the reaction log";

// Calendar file and notice words.
pub const EVENT_SUMMARY: &str = "Rollwise: next dermaroller session";
pub const EVENT_DESCRIPTION: &str = "Your next dermaroller session with Rollwise.\n\
First, today's skin check in Rollwise: if your skin is irritated, broken or has a breakout, wait.\n\
Get ready:\n\
- 70 % isopropyl alcohol to soak your roller for 10 minutes\n\
- clean hands\n\
- a gentle cleanser\n\
- plain hyaluronic acid (no actives)\n\
Open Rollwise to go through it step by step.";
pub fn alarm(lead: &str) -> String {
    format!("Rollwise: your dermaroller session is in {lead}. Today's skin check comes first.")
}
pub const ALARM_AT_START: &str =
    "Rollwise: time for your dermaroller session. Today's skin check comes first.";
pub const NOTICE_TITLE: &str = "Rollwise: your next session is due";
pub const NOTICE_BODY: &str =
    "Start with today's skin check. Get your roller soaking in 70 % alcohol for 10 minutes.";

pub const ACTIVES_SUMMARY: &str = "Rollwise: actives OK again";
pub const ACTIVES_DESCRIPTION: &str = "The 72-hour pause on actives after your dermaroller session is over.\n\
Bring retinoids, acids, vitamin C and exfoliants back gently: your skin may still be sensitive until day 7, and longer while it flakes.\n\
Check a product in Rollwise (Aftercare) if you are unsure.";
pub const ACTIVES_ALARM: &str = "Rollwise: your 72-hour pause on actives is over.";

/// A lead time in words: "1 hour", "90 minutes", "1 day".
pub fn lead(minutes: u32) -> String {
    match minutes {
        1 => "1 minute".to_string(),
        m if m % 1440 == 0 => match m / 1440 {
            1 => "1 day".to_string(),
            d => format!("{d} days"),
        },
        m if m % 60 == 0 => match m / 60 {
            1 => "1 hour".to_string(),
            h => format!("{h} hours"),
        },
        m => format!("{m} minutes"),
    }
}
