//! The words of the aftercare screen.

use crate::domain::Activity;

pub const NO_SESSION_HEADING: &str = "No session recorded yet";
pub const NO_SESSION_BODY: &str = "Once you finish a session, this screen counts down each aftercare window from the moment you stopped rolling. Until then, here is what aftercare looks like.";
pub const GENERAL_HEADING: &str = "Aftercare at a glance";
pub const HABITS_HEADING: &str = "Good habits";
pub const CONTEXT_HEADING: &str = "Good to know";
pub const START_SESSION: &str = "Go to Session";

pub const SESSION_ENDED: &str = "Last session ended";

pub const RIGHT_NOW_HEADING: &str = "Right now";
pub const RIGHT_NOW_ALL_CLEAR: &str =
    "Your aftercare windows are over. Keep your skin moisturised and protected from the sun.";
pub const RIGHT_NOW_UNTIL: &str = "until";

/// A plain sentence for a running aftercare window in the "Right now"
/// summary; the UI adds "until <time>".
pub fn right_now_line(key: &str) -> Option<&'static str> {
    Some(match key {
        "aft1.bland_only" => "Only a bland moisturiser or plain hyaluronic acid",
        "aft2.no_makeup" => "No makeup",
        "aft2.makeup_caution" => "Light makeup only, if you must",
        "aft3.stay_out_of_sun" => "Stay out of the sun, and no sunscreen on treated skin yet",
        "aft4.daily_spf" => "SPF 30 or higher every day",
        "aft5.actives_locked" => {
            "No retinoids, acids, vitamin C, benzoyl peroxide, scrubs or face brushes"
        }
        "aft5.actives_caution" => "Actives allowed again, gently: stop if they sting",
        "aft6.no_sweat_or_water" => "No hard exercise, pool, sauna, steam room or hot tub",
        "aft6.sweat_water_caution" => "Ease back into exercise, pools and saunas",
        "aft7.no_hair_removal_tan_peel" => "No hair removal, self-tanner or peels",
        _ => return None,
    })
}

pub const TIMELINE_HEADING: &str = "Timeline";
pub const TIMELINE_HINT: &str = "Each bar fills as its window passes. Times are your local time.";
pub const FINISHED: &str = "Finished";
pub const PHASE_RUNNING: &str = "Now";
pub const PHASE_UPCOMING: &str = "Coming up";
pub const PHASE_OVER: &str = "Over";
pub const ENDS: &str = "Ends";
pub const ENDED: &str = "Ended";
pub const STARTS: &str = "Starts";
pub const LEFT: &str = "left";
pub const ALWAYS: &str = "Always";
pub const FIRST: &str = "First";
pub const TO: &str = "to";
pub const HOURS: &str = "hours";
pub const DAYS: &str = "days";

pub const CHECK_HEADING: &str = "Can I use this now?";
pub const CHECK_LABEL: &str = "Product or ingredient";
pub const CHECK_HINT: &str =
    "Type a name from the label, for example \"retinol\" or \"Glycolic acid 7% toner\".";
pub const CHECK_BUTTON: &str = "Check";
pub const CHECK_EMPTY: &str = "Type a product or ingredient name first.";
pub const QUICK_PICKS_LABEL: &str = "Common products";
pub const RESULT_FOR: &str = "Result for";

/// The quick picks: the label on the button and the name asked about.
pub const QUICK_PICKS: [(&str, &str); 13] = [
    ("Retinol", "retinol"),
    ("Vitamin C", "vitamin C"),
    ("Glycolic acid", "glycolic acid"),
    ("Salicylic acid", "salicylic acid"),
    ("Benzoyl peroxide", "benzoyl peroxide"),
    ("Face scrub", "face scrub"),
    ("Hyaluronic acid", "hyaluronic acid"),
    ("Ceramide moisturiser", "ceramide moisturiser"),
    ("Niacinamide", "niacinamide"),
    ("Sunscreen", "sunscreen"),
    ("Makeup", "makeup"),
    ("Waxing", "waxing"),
    ("Self-tanner", "self tan"),
];

pub const VERDICT_ALLOWED: &str = "Yes, you can use it now";
pub const VERDICT_WARN: &str = "Take care";
pub const VERDICT_NOT_UNTIL: &str = "Not until";
pub const VERDICT_AVOID: &str = "Avoid it";
pub const VERDICT_AVOID_BODY: &str = "You told Rollwise you react to this. Leave it out.";
pub const VERDICT_UNKNOWN: &str = "Rollwise doesn't know this one";
pub const VERDICT_UNKNOWN_BODY: &str = "Check the label for retinoids, acids, vitamin C or exfoliants, and wait 7 days after a session if unsure.";
pub const VERDICT_WARN_BODY: &str =
    "It's allowed, but your skin is still sensitive. Read why below.";
pub const VERDICT_ALLOWED_NO_SESSION: &str =
    "No session is recorded, so nothing is on hold. Read the note below before your next session.";

pub const ACTIVITIES_HEADING: &str = "Activities";
pub const ACTIVITY_OK: &str = "Fine now";
pub const ACTIVITY_DETAILS: &str = "Details";

/// An activity's name.
pub fn activity_name(activity: Activity) -> &'static str {
    match activity {
        Activity::SunExposure => "Time in the sun",
        Activity::HeavyExercise => "Hard exercise and sweating",
        Activity::SwimmingPool => "Swimming pool",
        Activity::Sauna => "Sauna",
        Activity::SteamRoom => "Steam room",
        Activity::HotTub => "Hot tub",
    }
}

pub const CLOCK_BEHIND: &str = "Your phone's clock reads earlier than your last session. Rollwise counts no time as having passed until the clock is right.";
