//! The words of the home screen.

// First run.
pub const WELCOME_TITLE: &str = "Welcome to Rollwise";
pub const WELCOME_INTRO: &str =
    "Rollwise walks you through rolling at home, one safe step at a time.";
pub const WELCOME_POINTS: [&str; 3] = [
    "It checks your roller, your health and your skin before every session, and tells you plainly when rolling isn't safe.",
    "It guides each session zone by zone with a timer, then counts down every aftercare window for you.",
    "It keeps a log of how your skin reacts and tells you when to see a doctor. Everything stays on this device.",
];
pub const WELCOME_NOT_ADVICE: &str = "Rollwise is a cosmetic guide, not medical advice.";
pub const READ_MORE: &str = "Read why this is not medical advice";
pub const SET_UP: &str = "Set up Rollwise";
pub const RESTORE_HEADING: &str = "Used Rollwise before?";
pub const RESTORE_BODY: &str = "Restore your sessions, reactions and answers from a backup file.";

// Status.
pub const STATUS_HEADING: &str = "Can I roll today?";
pub const READY_TITLE: &str = "Yes, you can start today's check";
pub const READY_BODY: &str = "Nothing in your answers, your roller or your last session stops you. Today's check asks about your skin before you start.";
pub const WAIT_TITLE: &str = "Not yet";
pub const BLOCKED_TITLE: &str = "Not today";
pub const BLOCKED_BODY: &str = "Something below stops a session and has no end date yet. Each card says why and what would change it.";
pub const REASONS_HEADING: &str = "Why";
/// "You can roll again from Sat 21 Nov, 14:05".
pub fn wait_until(when: &str) -> String {
    format!("You can roll again from {when}.")
}
/// "That's in 2 days 4 h."
pub fn in_countdown(countdown: &str) -> String {
    format!("That's in {countdown}.")
}

// Next-session window.
pub const NEXT_HEADING: &str = "Your next session";
pub const NEXT_NONE: &str = "You haven't recorded a session yet.";
pub const LAST_SESSION: &str = "Last session ended";
pub const EARLIEST: &str = "Earliest";
pub const RECOMMENDED: &str = "Recommended";
pub const NOW: &str = "Now";
/// "in 2 days 4 h".
pub fn in_time(countdown: &str) -> String {
    format!("in {countdown}")
}

// Aftercare.
pub const AFTERCARE_HEADING: &str = "Aftercare still running";
pub const AFTERCARE_LINK: &str = "All aftercare guidance";
/// "Ends Sat 21 Nov, 14:05 · 1 day 4 h left".
pub fn ends(when: &str, left: &str) -> String {
    format!("Ends {when} · {left} left")
}

// Reactions.
pub const HELD_HEADING: &str = "Reactions that pause your sessions";
pub const HELD_BODY: &str = "Sessions wait until each of these is marked as cleared in the log.";
pub const HELD_LINK: &str = "Open the reaction log";
/// "Noticed Sat 21 Nov, 14:05".
pub fn noticed(when: &str) -> String {
    format!("Noticed {when}")
}

// Roller.
pub const ROLLER_HEADING: &str = "Your roller";
/// "3 of 10 sessions used".
pub fn sessions_used(used: u32, limit: u32) -> String {
    format!("{used} of {limit} sessions used")
}
pub const SESSIONS_BAR_LABEL: &str = "Sessions used with this roller";
/// "First used Sat 21 Nov (2 weeks 3 days ago)".
pub fn first_used(date: &str, days: i64) -> String {
    let weeks = days / 7;
    let rest = days % 7;
    let ago = match (weeks, rest) {
        (0, 0) => "today".to_string(),
        (0, 1) => "1 day ago".to_string(),
        (0, d) => format!("{d} days ago"),
        (1, 0) => "1 week ago".to_string(),
        (w, 0) => format!("{w} weeks ago"),
        (1, d) => format!("1 week {d} days ago").replace("1 days", "1 day"),
        (w, d) => format!("{w} weeks {d} days ago").replace(" 1 days", " 1 day"),
    };
    format!("First used {date} ({ago})")
}
/// "Replace it by Sat 21 Nov at the latest".
pub fn replace_by(date: &str) -> String {
    format!("Replace it by {date} at the latest.")
}
pub const ROLLER_NOT_USED: &str = "Not used yet.";
pub const ROLLER_LINK: &str = "Replace or edit your roller";

// Next actions.
pub const ACTION_SET_UP: &str = "Set up Rollwise";
pub const ACTION_RESUME: &str = "Resume your session";
pub const ACTION_LOG: &str = "Log how your skin feels";
pub const ACTION_START: &str = "Start today's check";
pub const ACTION_REPLACE: &str = "Replace your roller";
pub const ACTION_REVIEW: &str = "Review your answers";
