//! The words of the session screen: today's check, the face map, the
//! preparation checklist, the soak timers and the guided session.

use crate::domain::{Direction, ProductClass};

/// The words of the shared face map component.
pub mod face_map {
    use crate::domain::Zone;

    pub const MIRROR_HINT: &str =
        "The map shows your face as you see it in a mirror: your left cheek is on the left.";
    pub const UNAVAILABLE_PREFIX: &str = "Not today:";

    /// The short label drawn inside a zone of the map (the list next to it
    /// carries the full names).
    pub fn short_name(zone: Zone) -> &'static str {
        match zone {
            Zone::Forehead => "Forehead",
            Zone::Nose => "Nose",
            Zone::LeftCheek => "Left",
            Zone::RightCheek => "Right",
            Zone::UpperLip => "Upper lip",
            Zone::Chin => "Chin",
            Zone::Jawline => "Jaw",
            Zone::Neck => "Neck",
            Zone::Decolletage => "Chest",
        }
    }
}

pub const INTRO: &str = "Check today's skin, get ready and disinfect your roller. Then Rollwise guides you zone by zone, and keeps its place if your phone locks.";

// Set-up missing.
pub const SETUP_TITLE: &str = "Set up Rollwise first";
pub const SETUP_BODY: &str = "Before your first session, Rollwise needs a few answers about you and your roller. It takes about five minutes, and everything stays on this phone.";
pub const SETUP_LINK: &str = "Start set-up";

// Standing block.
pub const BLOCKED_TITLE: &str = "No session today";
pub const BLOCKED_BODY: &str = "Something below rules out a session for now, whatever today's answers. This is to keep your skin safe, not a judgement.";
pub const BLOCKED_KIND: &str =
    "You can still note how your skin feels in the log and follow your aftercare.";
pub const BLOCKED_TODAY_NOTE: &str = "Something above rules out a session today. That's to keep your skin safe. You can still note how your skin feels in the log and follow your aftercare.";
pub const GO_LOG: &str = "Open the log";
pub const GO_AFTERCARE: &str = "Open aftercare";
pub const EDIT_SETUP: &str = "Edit my set-up answers";

// Set-up re-confirmation.
pub const RECONFIRM_HEADING: &str = "Since set-up";
pub const RECONFIRM_BODY: &str = "Your health, medicines and treatments may have changed since you answered the set-up questions. Please check they are still right.";
pub const RECONFIRM_BUTTON: &str = "Nothing has changed since set-up";

// Today's questions.
pub const TODAY_HEADING: &str = "Today";
pub const YES: &str = "Yes";
pub const NO: &str = "No";
pub const NOT_SURE: &str = "Not sure";
pub const Q_ALCOHOL: &str = "Have you had alcohol or taken drugs today?";
pub const Q_ACTIVES: &str =
    "In the last 3 days, have you used a retinoid, an AHA or BHA acid, or benzoyl peroxide?";
pub const Q_COLD_SORE: &str = "Do you have a cold sore anywhere on your face right now?";
pub const Q_WIDESPREAD: &str =
    "Is skin across much of your face broken, infected or very irritated?";
pub const NOT_SURE_HINT: &str = "If you're not sure, Rollwise treats it as a yes to be safe.";

// Skin today.
pub const SKIN_HEADING: &str = "Today's skin";
pub const SKIN_HINT: &str = "Mark each zone where something is on the skin today: a spot, a rash, broken skin, sunburn, a mole. Leave the map empty if your skin is clear.";
pub const PROBLEM_MAP_LABEL: &str = "Zones with a problem today";
pub const SKIN_CLEAR: &str = "Nothing marked: your skin is clear today.";

/// "What is on your nose?"
pub fn problem_question(zone_name: &str) -> String {
    format!("What is on your {}?", zone_name.to_lowercase())
}

pub const PROBLEM_PICK_HINT: &str =
    "Tick everything that applies. Until you pick, this zone is left out to be safe.";
pub const SUN_DATE_LABEL: &str = "When did the sunburn or tan happen?";
pub const SUN_DATE_HINT: &str = "Optional. Rollwise shows when the 2-week wait ends.";

pub const PROBLEM_BROKEN: &str = "Broken, infected or irritated skin, or an open wound";
pub const PROBLEM_ACNE: &str = "Inflamed spots or acne with pus";
pub const PROBLEM_FLARE: &str = "A flare of eczema, dermatitis, psoriasis, rosacea or a rash";
pub const PROBLEM_SUN: &str = "Sunburn or a fresh tan";
pub const PROBLEM_LESION: &str = "A mole, wart, birthmark or rough scaly patch";
pub const PROBLEM_CHANGING_MOLE: &str = "A mole that is changing (size, shape or colour)";
pub const PROBLEM_NOT_SURE: &str = "Something else, or I'm not sure";

// Zones to roll.
pub const ZONES_HEADING: &str = "Where to roll";
pub const ZONES_HINT: &str =
    "All the zones you can roll today are ticked. Untick any you want to leave out.";
pub const ROLL_MAP_LABEL: &str = "Zones to roll today";
pub const ZONE_BLOCKED: &str = "not possible today";
pub const BLOCKED_ZONES_HEADING: &str = "Why some zones are left out";
pub const NO_ZONES_CHOSEN: &str = "Pick at least one zone to roll.";

/// "3 zones · about 1 min 36 s of rolling".
pub fn zones_summary(count: usize, seconds: i64) -> String {
    let zones = if count == 1 { "zone" } else { "zones" };
    let (m, s) = (seconds / 60, seconds % 60);
    format!("{count} {zones} · about {m} min {s:02} s of rolling")
}

// Preparation.
pub const PREPARE_HEADING: &str = "Get ready";
pub const CHECKLIST_LEGEND: &str = "Before you start (all three are needed)";
pub const SERUM_LABEL: &str = "Serum you'll use while rolling (optional)";
pub const SERUM_HINT: &str =
    "Use only plain hyaluronic acid or a bland gel while rolling, never vitamin C or other actives.";
pub const SERUM_BLAND: &str = "Plain and bland: fine while rolling.";
pub const SERUM_UNKNOWN: &str = "Rollwise doesn't recognise this. Check the label: while rolling, use only plain hyaluronic acid or a bland gel.";
pub const SERUM_FOUND: &str = "Rollwise found:";
pub const SERUM_NOT_BLAND: &str =
    "Don't use this while rolling: it can irritate freshly rolled skin.";
pub const NUMBING_LABEL: &str = "I plan to use a numbing cream";

/// The plain name of a product class.
pub fn class_name(class: ProductClass) -> &'static str {
    match class {
        ProductClass::Bland => "a bland hydrator",
        ProductClass::OtherSkincare => "skincare that is not bland",
        ProductClass::Sunscreen => "sunscreen",
        ProductClass::Makeup => "makeup",
        ProductClass::Retinoid => "a retinoid (an active)",
        ProductClass::Aha => "an AHA acid (an active)",
        ProductClass::Bha => "a BHA acid (an active)",
        ProductClass::Pha => "a PHA acid (an active)",
        ProductClass::OtherAcid => "an exfoliating acid (an active)",
        ProductClass::VitaminC => "vitamin C (an active)",
        ProductClass::BenzoylPeroxide => "benzoyl peroxide (an active)",
        ProductClass::PhysicalExfoliant => "a scrub (an active)",
        ProductClass::EnzymeExfoliant => "an enzyme exfoliant (an active)",
        ProductClass::FaceBrush => "a face brush",
        ProductClass::SelfTanner => "self-tanner",
        ProductClass::HairRemoval => "hair removal",
        ProductClass::Peel => "a peel",
    }
}

// Disinfection.
pub const DISINFECT_HEADING: &str = "Disinfect your roller";
pub const DISINFECT_BODY: &str = "Put the roller head in 70 % isopropyl alcohol and leave it for at least 10 minutes, then let it air-dry.";
pub const NOT_STERILE: &str = "An alcohol soak at home disinfects your roller, but it does not sterilise it. That's why it's yours alone and replaced regularly.";
pub const SOAK_START: &str = "Start the 10-minute soak";
pub const SOAK_PAUSE: &str = "Pause";
pub const SOAK_RESUME: &str = "Resume";
pub const SOAK_RESTART: &str = "Start the soak again";
pub const SOAK_CONFIRM: &str = "I already soaked it for 10 minutes";
pub const SOAK_RUNNING: &str = "Soaking";
pub const SOAK_PAUSED: &str = "Paused: the time doesn't count while paused";
pub const SOAK_DONE: &str = "Done: take it out and let it air-dry";
pub const SOAK_LEFT: &str = "left";
pub const SOAK_FIVE_MINUTES: &str = "5 minutes left";
pub const SOAK_ONE_MINUTE: &str = "1 minute left";
pub const SOAK_DONE_ANNOUNCE: &str = "Done";
pub const SOAK_TIMER_LABEL: &str = "Soak timer";

/// "Finished at 09:10".
pub fn soak_finished_at(time: &str) -> String {
    format!("Finished at {time}")
}

// Start.
pub const START_HEADING: &str = "Start";
pub const PASSES_LEGEND: &str = "Passes in each direction";

/// "4 passes (about 32 s a zone)".
pub fn passes_option(passes: u8, zone_seconds: i64) -> String {
    format!("{passes} passes (about {zone_seconds} s a zone)")
}

pub const CUES_LEGEND: &str = "Cue at each pass";
pub const SOUND_LABEL: &str = "Tick sound";
pub const VIBRATION_LABEL: &str = "Vibration";
pub const REASONS_HEADING: &str = "Before you roll";
pub const START_BUTTON: &str = "Start the session";
pub const STILL_NEEDED: &str = "Still needed before you can start:";
pub const NEED_RECONFIRM: &str = "Confirm your set-up answers (or edit them).";

/// "Answer 2 questions about today."
pub fn need_answers(n: usize) -> String {
    if n == 1 {
        "Answer 1 question about today.".to_string()
    } else {
        format!("Answer {n} questions about today.")
    }
}

/// "Tap “I understand” on 2 warnings."
pub fn need_acks(n: usize) -> String {
    if n == 1 {
        "Tap “I understand” on 1 warning.".to_string()
    } else {
        format!("Tap “I understand” on {n} warnings.")
    }
}

pub const NEED_NO_BLOCKS: &str = "Sort out the points marked “Not allowed”.";
pub const NEED_ZONE: &str = "Pick at least one zone you can roll today.";
pub const SOAK_BANNER: &str = "Your soak timer is running:";
pub const SOAK_BANNER_LINK: &str = "Go to the timer";

// Guided session.
pub const ZONE: &str = "Zone";
pub const DIRECTION: &str = "Direction";
pub const PASS: &str = "Pass";
pub const OF: &str = "of";

/// The name of a direction with an arrow.
pub fn direction_name(direction: Direction) -> &'static str {
    match direction {
        Direction::Vertical => "Vertical ↕",
        Direction::Horizontal => "Horizontal ↔",
        Direction::DiagonalOneWay => "Diagonal ↗",
        Direction::DiagonalOtherWay => "Diagonal ↖",
    }
}

/// What the live region says when the direction changes.
pub fn direction_announcement(zone_name: &str, direction: Direction) -> String {
    format!("{zone_name}: {}", direction_name(direction))
}

pub const GET_READY: &str = "Get ready: starting in";
pub const ZONE_TIME_LEFT: &str = "Left in this zone";
pub const SESSION_TIME_LEFT: &str = "Left in the session";
pub const PRESSURE: &str =
    "Light pressure only. Roll, lift, roll again: drawing blood is not the goal.";
pub const PAUSED_NOTE: &str = "Paused. Tap Resume when you're ready.";
pub const PAUSE: &str = "Pause";
pub const RESUME: &str = "Resume";
pub const NEXT_DIRECTION: &str = "Next direction";
pub const NEXT_ZONE: &str = "Next zone";
pub const FINISH_ROLLING: &str = "Finish rolling";
pub const STOP_BLEEDING: &str = "Stop this zone — bleeding";

/// "Tap again to stop the nose because of bleeding."
pub fn stop_bleeding_confirm(zone_name: &str) -> String {
    format!(
        "Stop rolling the {} because of bleeding? Press gently with a clean tissue. Rollwise records it and moves on.",
        zone_name.to_lowercase()
    )
}

pub const STOP_BLEEDING_YES: &str = "Yes, stop this zone";
pub const KEEP_ROLLING: &str = "No, keep rolling";
pub const END_EARLY: &str = "End the session";
pub const END_EARLY_NOTHING: &str =
    "End the session now? You haven't rolled yet, so nothing is recorded.";
pub const END_EARLY_PARTIAL: &str = "End the session now? You've already rolled, so this counts as a session: the 7-day wait and the aftercare apply as after a full one.";
pub const END_EARLY_YES: &str = "Yes, end it";
pub const WAKE_LOCK_UNAVAILABLE: &str =
    "Your screen may turn off during the session. The timer keeps its place if it does.";
pub const STOPPED_HEADING: &str = "Zones stopped";

// Cleaning and recording.
pub const DONE_TITLE: &str = "Rolling done";
pub const ENDED_EARLY_TITLE: &str = "Session ended early";
pub const ZONES_DONE: &str = "Zones rolled:";
pub const ZONES_STOPPED: &str = "Stopped for bleeding:";
pub const NONE: &str = "none";
pub const CLEAN_HEADING: &str = "Clean your roller";
pub const SECOND_SOAK_HEADING: &str = "Soak it again";
pub const FINISH: &str = "Finish and record the session";
pub const FINISH_HINT: &str =
    "Finish the second soak (or confirm it) to record the session with a clean roller.";
pub const FINISH_LATER: &str = "Record now, I'll clean the roller later";
pub const RECORDED_NOTE: &str = "Your aftercare starts from the moment you stopped rolling.";
pub const RECORD_FAILED: &str = "The session could not be recorded: your roller is missing from set-up. Add it in Settings, then try again.";
