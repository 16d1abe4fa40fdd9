//! Every user-facing string of the app, in one module tree so the app can
//! be translated later: the shell's here, each page's in its own submodule.
//! Wording is plain, kind and in the second person.

pub mod aftercare;
pub mod history;
pub mod home;
pub mod log;
pub mod reminders;
pub mod session;
pub mod settings;
pub mod setup;

pub const APP_NAME: &str = "Rollwise";
pub const SKIP_TO_CONTENT: &str = "Skip to content";
pub const NAV_LABEL: &str = "Main";
pub const DISCLAIMER_LINK: &str = "Not medical advice";
pub const NOT_FOUND_TITLE: &str = "Page not found";
pub const NOT_FOUND_BODY: &str = "This page does not exist. Your data is safe.";
pub const NOT_FOUND_BACK: &str = "Go to Home";
/// The notice shown when the app has stopped (`ui::crash`).
pub const STOPPED_TITLE: &str = "Rollwise stopped.";
pub const STOPPED_BODY: &str = "Something went wrong, or part of the app could not be downloaded (is the phone offline?). Everything you saved is still in this browser.";
pub const STOPPED_RELOAD: &str = "Reload Rollwise";

/// One entry of the bottom navigation bar: its route, its short label and
/// the page title shown in the header.
pub struct Screen {
    pub path: &'static str,
    pub label: &'static str,
    pub title: &'static str,
    pub intro: &'static str,
}

pub const HOME: Screen = Screen {
    path: "/",
    label: "Home",
    title: "Today",
    intro: "See at a glance whether you can roll today, when your next session is due, and which aftercare windows are still running.",
};
pub const SESSION: Screen = Screen {
    path: "/session",
    label: "Session",
    title: "Session",
    intro: "Check today's skin, disinfect your roller, then roll zone by zone with a timer that keeps its place if your phone locks.",
};
pub const AFTERCARE: Screen = Screen {
    path: "/aftercare",
    label: "Aftercare",
    title: "Aftercare",
    intro:
        "Follow the windows after a session, and check whether a product is safe to use right now.",
};
pub const LOG: Screen = Screen {
    path: "/log",
    label: "Log",
    title: "Reaction log",
    intro: "Note redness, swelling or anything unexpected. Rollwise tells you what is expected and when to see a doctor.",
};
pub const HISTORY: Screen = Screen {
    path: "/history",
    label: "History",
    title: "History",
    intro: "Your past sessions, reactions and roller changes, in a list and on a calendar.",
};
pub const SETTINGS: Screen = Screen {
    path: "/settings",
    label: "Settings",
    title: "Settings",
    intro: "Your set-up answers, your roller, sounds, and your data: export, import and delete.",
};

/// The screens of the bottom bar, in display order.
pub const SCREENS: [&Screen; 6] = [&HOME, &SESSION, &AFTERCARE, &LOG, &HISTORY, &SETTINGS];

pub const ABOUT_PATH: &str = "/about";
pub const SETUP_PATH: &str = "/setup";
pub const SETUP_TITLE: &str = "Set up Rollwise";
pub const ABOUT_TITLE: &str = "About Rollwise";
pub const DISCLAIMER_HEADING: &str = "Not medical advice";
pub const DISCLAIMER: [&str; 3] = [
    "Rollwise is a guide for cosmetic at-home rolling. It is not medical advice, it cannot diagnose anything, and it is not for emergencies: if you feel unwell or your face, lips or tongue swell, call your local emergency number.",
    "No microneedling device has been cleared by the US FDA for over-the-counter sale, and dermatologists recommend having microneedling done by a professional. Rolling at home is generally less safe and less effective than treatment in a clinic.",
    "Results come slowly: the skin rebuilds collagen over weeks, not days.",
];
pub const PRIVACY_HEADING: &str = "Your data stays here";
pub const PRIVACY: &str = "Everything you enter stays in this browser on this device. Rollwise has no account and no server, and it never sends anything anywhere.";

use crate::domain::{Section, Severity, Zone};

/// The name of a zone, as the person would say it.
pub fn zone_name(zone: Zone) -> &'static str {
    match zone {
        Zone::Forehead => "Forehead",
        Zone::Nose => "Nose",
        Zone::LeftCheek => "Left cheek",
        Zone::RightCheek => "Right cheek",
        Zone::UpperLip => "Above the upper lip",
        Zone::Chin => "Chin",
        Zone::Jawline => "Jawline",
        Zone::Neck => "Neck",
        Zone::Decolletage => "Chest (décolletage)",
    }
}

/// How a reason's severity is named next to its icon, so that it never
/// rests on colour alone.
pub fn severity_label(severity: Severity) -> &'static str {
    match severity {
        Severity::Block => "Not allowed",
        Severity::Warn => "Take care",
        Severity::Info => "Good to know",
    }
}

/// The heading of a rule's section in "Why?".
pub fn section_name(section: Section) -> &'static str {
    match section {
        Section::Device => "Your roller",
        Section::Person => "About you",
        Section::Skin => "Today's skin",
        Section::Interval => "Time between sessions",
        Section::Before => "Before a session",
        Section::Session => "During a session",
        Section::Aftercare => "Aftercare",
        Section::Reactions => "Reactions",
    }
}

pub const WHY: &str = "Why?";
pub const RULE: &str = "Rule";
pub const RULE_VALUE: &str = "Value";
pub const RULE_SOURCE: &str = "Source";
pub const UNTIL: &str = "Until";
pub const FROM: &str = "From";
pub const ACKNOWLEDGE: &str = "I understand";
pub const ACKNOWLEDGED: &str = "Understood";

/// How many entries a long list shows at first, and adds per "show older".
pub const LIST_PAGE: usize = 20;
pub const SHOW_OLDER: &str = "Show older entries";

pub const UPDATE_READY: &str = "A new version of Rollwise is ready.";
pub const UPDATE_RELOAD: &str = "Reload to update";
pub const UPDATE_AFTER_SESSION: &str =
    "It will wait until your session and soak timers are finished, so nothing is interrupted.";
pub const OFFLINE_UNAVAILABLE: &str =
    "This browser cannot keep Rollwise for offline use, so it needs a connection to open.";
