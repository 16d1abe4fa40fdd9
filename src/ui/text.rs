//! Every user-facing string of the shell, in one place so the app can be
//! translated later. Wording is plain, kind and in the second person.

pub const APP_NAME: &str = "Rollwise";
pub const SKIP_TO_CONTENT: &str = "Skip to content";
pub const NAV_LABEL: &str = "Main";
pub const DISCLAIMER_LINK: &str = "Not medical advice";
pub const NOT_FOUND_TITLE: &str = "Page not found";
pub const NOT_FOUND_BODY: &str = "This page does not exist. Your data is safe.";
pub const NOT_FOUND_BACK: &str = "Go to Home";

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
pub const ABOUT_TITLE: &str = "About Rollwise";
pub const DISCLAIMER_HEADING: &str = "Not medical advice";
pub const DISCLAIMER: [&str; 3] = [
    "Rollwise is a guide for cosmetic at-home rolling. It is not medical advice, it cannot diagnose anything, and it is not for emergencies: if you feel unwell or your face, lips or tongue swell, call your local emergency number.",
    "No microneedling device has been cleared by the US FDA for over-the-counter sale, and dermatologists recommend having microneedling done by a professional. Rolling at home is generally less safe and less effective than treatment in a clinic.",
    "Results come slowly: the skin rebuilds collagen over weeks, not days.",
];
pub const PRIVACY_HEADING: &str = "Your data stays here";
pub const PRIVACY: &str = "Everything you enter stays in this browser on this device. Rollwise has no account and no server, and it never sends anything anywhere.";
