//! The words of the history screen.

pub const EMPTY: &str =
    "Nothing here yet. Your sessions, reactions and roller changes will appear here.";

pub const CALENDAR_HEADING: &str = "Calendar";
pub const PREVIOUS_MONTH: &str = "Previous month";
pub const NEXT_MONTH: &str = "Next month";
pub const THIS_MONTH: &str = "This month";
pub const TODAY: &str = "today";
pub const LEGEND: &str = "Key";
pub const SYMBOL_SESSION: &str = "●";
pub const SYMBOL_REACTION: &str = "▲";
pub const SYMBOL_ROLLER: &str = "◆";
pub const LEGEND_SESSION: &str = "Session";
pub const LEGEND_REACTION: &str = "Reaction";
pub const LEGEND_ROLLER: &str = "New roller";
pub const DAY_HINT: &str = "Choose a marked day to see what happened.";
pub const DAY_NOTHING: &str = "Nothing recorded on this day.";

/// "1 session", "2 reactions", "1 new roller".
pub fn count_words(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}
pub const SESSION_ONE: &str = "session";
pub const SESSION_MANY: &str = "sessions";
pub const REACTION_ONE: &str = "reaction";
pub const REACTION_MANY: &str = "reactions";
pub const ROLLER_ONE: &str = "new roller";
pub const ROLLER_MANY: &str = "new rollers";

pub const LIST_HEADING: &str = "Everything, newest first";
pub const SESSION: &str = "Session";
pub const ZONES_DONE: &str = "Zones done";
pub const NONE: &str = "None";
pub const STOPPED: &str = "Stopped for bleeding";
pub const DETAILS: &str = "Session details";
pub const REACTION: &str = "Reaction";
pub const ROLLER_REPLACED: &str = "New roller";
pub const ROLLER_REPLACED_BODY: &str = "Replaced a roller of";
pub const AFTER: &str = "after";

pub const DETAIL_HEADING: &str = "Session of";
pub const BACK: &str = "Back to history";
pub const NOT_FOUND: &str = "This session isn't in your history. It may have been deleted.";
pub const BAD_ID: &str = "This link doesn't point to a session.";
pub const STARTED: &str = "Started";
pub const ENDED: &str = "Ended";
pub const MINUTES: &str = "min";
pub const NEEDLE: &str = "Needle";
pub const DISINFECTED_BEFORE: &str = "Roller disinfected before";
pub const DISINFECTED_AFTER: &str = "Roller cleaned and disinfected after";
pub const YES: &str = "Yes";
pub const NO: &str = "No";
pub const REACTIONS_AFTER: &str = "Reactions after this session";
pub const NO_REACTIONS: &str = "No reactions logged after this session.";
pub const DAY: &str = "Day";
pub const STRENGTH: &str = "Strength";
pub const WHAT: &str = "What";
pub const STATUS: &str = "Status";

pub const CHART_HEADING: &str = "Strength by day after the session";
pub const CHART_DESC: &str = "Days 0 to 7 after the session across, strength from barely there (0) to severe (3) up. Each shape is a strength: circle barely there, square mild, triangle moderate, diamond severe. The table below lists the same reactions.";
pub const CHART_X: &str = "Days after the session";
pub const CHART_OUTSIDE: &str = "Reactions after day 7 are in the table only.";
