//! The words of the set-up screen: the questions, one topic per step, the
//! answers offered, what is wrong with an answer, and the result.

use crate::domain::{DeviceKind, SkinType};

pub const TITLE_FIRST_RUN: &str = "Set up Rollwise";
pub const TITLE_EDIT: &str = "Your set-up answers";
pub const INTRO: &str = "A few questions about your roller and your health. They take about five minutes and you can change them later in Settings.";

/// "Step 3 of 21".
pub fn step_counter(number: usize, total: usize) -> String {
    format!("Step {number} of {total}")
}

pub const BACK: &str = "Back";
pub const NEXT: &str = "Next";
pub const SEE_RESULT: &str = "See my result";
pub const NOT_SURE_HINT: &str = "If you're not sure, Rollwise treats it as a yes to keep you safe.";

pub const YES: &str = "Yes";
pub const NO: &str = "No";
pub const NOT_SURE: &str = "Not sure";

pub const PART_ROLLER: &str = "Your roller";
pub const PART_YOU: &str = "About you";
pub const PART_SKIN: &str = "Your skin's history";

/// The heading of each step, in the order of the steps.
pub const STEP_TITLES: [&str; 21] = [
    "How long are the needles?",
    "What kind of device is it?",
    "When did you first use this roller?",
    "Is this roller only yours?",
    "Is the roller in good shape?",
    "Your age",
    "Pregnancy and breastfeeding",
    "Isotretinoin (acne tablets)",
    "Bleeding and blood thinners",
    "Your immune system",
    "Raised scars",
    "Metal allergy",
    "Diabetes and healing",
    "Cold sores",
    "Psoriasis, vitiligo or lichen planus",
    "Your skin type",
    "Reactions to skincare",
    "Peels and laser",
    "Fillers",
    "Facial surgery",
    "New scars",
];

/// Each yes/no/not-sure question with its optional one-line hint, in
/// the order of the questions.
pub const QUESTIONS: [(&str, Option<&str>); 17] = [
    (
        "Are you pregnant, or breastfeeding?",
        None,
    ),
    (
        "Are you taking isotretinoin now?",
        Some("Also sold as Roaccutane, Accutane, Absorica or Claravis."),
    ),
    (
        "Have you taken isotretinoin in the past?",
        None,
    ),
    (
        "Do you have a bleeding disorder, or take a blood thinner, daily aspirin or a similar medicine?",
        Some("Keep taking what your doctor prescribed. This question is only about rolling."),
    ),
    (
        "Are you having, or about to have, chemotherapy or radiotherapy, or did a course end recently?",
        None,
    ),
    (
        "Do you take high-dose steroid tablets or medicines that lower your immune defences, or live with HIV or hepatitis?",
        Some("Keep taking what your doctor prescribed. This question is only about rolling."),
    ),
    (
        "Does your skin tend to form raised, thick scars (keloids)?",
        None,
    ),
    (
        "Are you allergic to nickel, stainless steel or another metal?",
        None,
    ),
    (
        "Do you have diabetes that is not well controlled at the moment?",
        None,
    ),
    (
        "Do you have well-controlled diabetes, or does your skin heal slowly?",
        Some("For example, small cuts take weeks to close."),
    ),
    (
        "Have you ever had cold sores?",
        Some("Small blisters on or near the lips, also called fever blisters."),
    ),
    (
        "Have you ever had psoriasis, vitiligo or lichen planus?",
        None,
    ),
    (
        "Has a skincare product or ingredient ever irritated your skin or caused a reaction?",
        Some("Redness, itching, burning or a rash after using it."),
    ),
    (
        "Have you had a chemical peel, laser or IPL treatment on your face or neck?",
        None,
    ),
    (
        "Have you had fillers injected in your face or neck?",
        None,
    ),
    (
        "Have you had surgery on your face or neck?",
        None,
    ),
    (
        "Do you have a scar on your face or neck that formed in the last year?",
        None,
    ),
];

// Roller steps.
pub const NEEDLE_HINT: &str =
    "It's printed on the roller's box or handle. Home rollers are usually between 0.2 and 0.5 mm.";
pub const NEEDLE_OTHER: &str = "Another length";
pub const NEEDLE_OTHER_LABEL: &str = "Needle length in millimetres";
pub const NEEDLE_OTHER_HINT: &str = "For example 0.75";

/// "0.25 mm".
pub fn needle_choice(mm: &str) -> String {
    format!("{mm} mm")
}

pub fn kind_name(kind: DeviceKind) -> &'static str {
    match kind {
        DeviceKind::ManualRoller => "A manual roller (a handle with a needle drum)",
        DeviceKind::ElectricPen => "An electric microneedling pen",
        DeviceKind::RadioFrequency => "A radio-frequency (RF) microneedling device",
    }
}

pub const FIRST_USE_NEW: &str = "It's new: I'll use it for the first time now";
pub const FIRST_USE_EARLIER: &str = "I've used it before";
pub const FIRST_USE_DATE: &str = "Date of its first use";
pub const FIRST_USE_DATE_HINT: &str =
    "If you don't remember exactly, pick the earliest date it could be.";
pub const SESSIONS_USED: &str = "Sessions done with it so far";
pub const SESSIONS_USED_HINT: &str =
    "A roller is replaced after 10 sessions or 6 weeks, whichever comes first.";

pub const ONLY_MINE_YES: &str = "Yes, nobody else uses it";
pub const ONLY_MINE_NO: &str = "No, or I'm not sure";
pub const ONLY_MINE_HINT: &str = "Sharing a roller can pass on infections, even after cleaning.";

pub const DAMAGE_LEGEND: &str = "Tick anything that applies";
pub const DAMAGE_BENT: &str = "Some needles are bent";
pub const DAMAGE_HOOKED: &str = "Some needle tips are hooked or blunt";
pub const DAMAGE_RUSTED: &str = "There is rust or discolouration";
pub const DAMAGE_MISSING: &str = "A needle is missing";
pub const DAMAGE_DRAGS: &str = "It drags, jerks or doesn't roll smoothly";
pub const DAMAGE_DROPPED: &str = "It has been dropped";
pub const DAMAGE_NONE: &str = "None of these";

// Person steps.
pub const AGE_ADULT: &str = "I'm 18 or over";
pub const AGE_UNDER: &str = "I'm under 18";
pub const BORN_ON: &str = "Your date of birth";
pub const BORN_ON_HINT: &str = "Rollwise works out when you turn 18.";

pub const ISO_STOP_DATE: &str = "When did you stop taking it?";
pub const DATE_UNKNOWN_HINT: &str =
    "Leave it empty if you don't know: Rollwise then waits until you add the date.";
pub const CHEMO_FIRST: &str = "First treatment day";
pub const CHEMO_FIRST_HINT: &str =
    "It may be a date in the future. Leave it empty if you don't know.";
pub const CHEMO_LAST: &str = "Last treatment day";
pub const CHEMO_LAST_HINT: &str =
    "Leave it empty if the course is still going on or you don't know.";

pub const SKIN_TYPE_HINT: &str = "How your skin reacts to the sun without sunscreen.";

pub fn skin_type_name(skin: SkinType) -> &'static str {
    match skin {
        SkinType::I => "Type I: always burns, never tans",
        SkinType::II => "Type II: usually burns, tans a little",
        SkinType::III => "Type III: sometimes burns, tans gradually",
        SkinType::IV => "Type IV: rarely burns, tans easily",
        SkinType::V => "Type V: very rarely burns, tans very easily",
        SkinType::VI => "Type VI: never burns, deeply pigmented skin",
        SkinType::NotSure => "Not sure",
    }
}

pub const ALLERGENS: &str = "Which products or ingredients?";
pub const ALLERGENS_HINT: &str = "Optional. One per line or separated by commas.";

pub const PEEL_DATE: &str = "Date of the last treatment";

// Per-zone history.
pub const ENTRY_ZONE: &str = "Where";
pub const ENTRY_ZONE_UNSURE: &str = "Not sure, or several areas";
pub const ENTRY_DATE: &str = "When";
pub const ADD_ENTRY: &str = "Add another area";
pub const REMOVE_ENTRY: &str = "Remove";

/// "Area 2".
pub fn entry_heading(n: usize) -> String {
    format!("Area {n}")
}

pub const SCAR_DATE_HINT: &str = "When the scar formed. Leave it empty if you don't know.";

// What is wrong with an answer, in one sentence each.
pub const PROBLEM_CHOOSE_ONE: &str = "Choose an answer to go on.";
pub const PROBLEM_NEEDLE_EMPTY: &str = "Enter the needle length, for example 0.75.";
pub const PROBLEM_NEEDLE_INVALID: &str =
    "Enter the length in millimetres as a number, for example 0.75.";
pub const PROBLEM_NEEDLE_OUT_OF_RANGE: &str =
    "That length doesn't look right: enter it in millimetres, between 0.01 and 3.";
pub const PROBLEM_DATE_MISSING: &str = "Enter the date.";
pub const PROBLEM_DATE_INVALID: &str = "That date can't be read. Pick it from the calendar.";
pub const PROBLEM_DATE_IN_FUTURE: &str = "That date is in the future. Enter a date up to today.";
pub const PROBLEM_FIRST_USE_IN_FUTURE: &str =
    "The first use can't be after today. Pick today or an earlier date, or choose \"It's new\".";
pub const PROBLEM_SESSIONS_MISSING: &str =
    "Enter how many sessions you've done with it (0 if none).";
pub const PROBLEM_SESSIONS_INVALID: &str = "Enter a whole number of sessions, from 0 to 999.";
pub const PROBLEM_LAST_BEFORE_FIRST: &str = "The last treatment day can't be before the first.";

// Result.
pub const RESULT_TITLE: &str = "What your answers mean";
pub const RESULT_SAVED: &str = "Your answers are saved on this device.";
pub const RESULT_CAN_ROLL: &str = "Nothing in your answers stops you from rolling";
pub const RESULT_CAN_ROLL_BODY: &str =
    "Before each session, Rollwise still asks about your skin that day.";
pub const RESULT_BLOCKED: &str = "Rolling isn't safe for you right now";
pub const RESULT_BLOCKED_BODY: &str = "This isn't a judgement: it's about keeping your skin safe. Each card below says why and, where it can, when that changes. If something changes, update your answers from Settings.";
pub const RESULT_STILL: &str = "You can still keep a reaction log and read the aftercare guidance.";
pub const BLOCKS_HEADING: &str = "What stops a session";
pub const WARNS_HEADING: &str = "What to take care with";
pub const INFO_HEADING: &str = "Good to know";
pub const FINE_HEADING: &str = "What's fine";
pub const FINE_ROLLER: &str = "Your roller passes every check.";
pub const FINE_HEALTH: &str = "Nothing in your health answers stops a session.";

/// "Areas you can treat: Forehead, Nose".
pub fn fine_zones(names: &str) -> String {
    format!("Areas you can treat: {names}.")
}

pub const GO_HOME: &str = "Go to Home";
pub const CHANGE_ANSWERS: &str = "Change an answer";
pub const OPEN_LOG: &str = "Reaction log";
pub const OPEN_AFTERCARE: &str = "Aftercare guidance";
pub const NOT_SAVED: &str = "Answer every question first.";
pub const NOT_SAVED_BUTTON: &str = "Go to the first question";
