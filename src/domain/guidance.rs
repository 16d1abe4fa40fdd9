//! Instructions and context the UI renders as lists: the PRE-1..6 checklist,
//! the SES-1..6 instructions, the AFT-8..10 notes and the honest context of
//! section 9 of the reference.
//!
//! Invariants:
//! - Every item is data: a rule id (where the reference gives one) and a
//!   message key listed in `MESSAGE_KEYS`. The wording lives in the UI.
//! - The PRE-4 item makes the UI call the alcohol soak "disinfection", never
//!   "sterilisation".

use serde::Serialize;

use super::rules::RuleId;

/// One item of a list the UI renders.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct GuidanceItem {
    /// The rule it comes from; `None` for the section 9 context.
    pub rule: Option<RuleId>,
    pub key: &'static str,
}

const fn item(rule: RuleId, key: &'static str) -> GuidanceItem {
    GuidanceItem {
        rule: Some(rule),
        key,
    }
}

/// PRE-1..6: the checklist before a session.
pub const PRE_SESSION_CHECKLIST: [GuidanceItem; 8] = [
    item(RuleId::Pre1, "pre1.wash_hands"),                  // PRE-1
    item(RuleId::Pre1, "pre1.remove_makeup"),               // PRE-1
    item(RuleId::Pre1, "pre1.gentle_cleanser"),             // PRE-1
    item(RuleId::Pre2, "pre2.stop_actives_before_session"), // PRE-2
    item(RuleId::Pre3, "pre3.soak_ten_minutes_then_air_dry"), // PRE-3
    item(RuleId::Pre4, "pre4.disinfection_not_sterilisation"), // PRE-4
    item(RuleId::Pre5, "pre5.plain_hyaluronic_only"),       // PRE-5
    item(RuleId::Pre6, "pre6.numbing_not_needed"),          // PRE-6
];

/// SES-1..6: instructions for the session and the roller afterwards.
pub const SESSION_INSTRUCTIONS: [GuidanceItem; 9] = [
    item(RuleId::Ses1, "ses1.four_directions"),     // SES-1
    item(RuleId::Ses2, "ses2.passes_lift_between"), // SES-2
    item(RuleId::Ses3, "ses3.light_pressure_no_bleeding_goal"), // SES-3
    item(RuleId::Ses4, "ses4.bleeding_stop_zone"),  // SES-4
    item(RuleId::Ses5, "ses5.time_from_passes"),    // SES-5
    item(RuleId::Ses6, "ses6.rinse_warm_water"),    // SES-6
    item(RuleId::Ses6, "ses6.soak_again"),          // SES-6
    item(RuleId::Ses6, "ses6.air_dry_needles_up_closed_case"), // SES-6
    item(RuleId::Ses6, "ses6.never_boil"),          // SES-6
];

/// AFT-8..10: notes shown after a session.
pub const AFTERCARE_NOTES: [GuidanceItem; 3] = [
    item(RuleId::Aft8, "aft8.hands_off_clean_pillowcase"), // AFT-8
    item(RuleId::Aft9, "aft9.do_not_pick_flakes"),         // AFT-9
    item(RuleId::Aft10, "aft10.water_and_sleep"),          // AFT-10
];

/// Section 9: the honest context the app shows.
pub const CONTEXT: [GuidanceItem; 4] = [
    GuidanceItem {
        rule: None,
        key: "context.not_medical_advice",
    },
    GuidanceItem {
        rule: None,
        key: "context.no_otc_device_authorised",
    },
    GuidanceItem {
        rule: None,
        key: "context.home_less_safe_than_clinic",
    },
    GuidanceItem {
        rule: None,
        key: "context.results_gradual",
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    /// PRE-1..PRE-6, SES-1..SES-6 and AFT-8..AFT-10 each have an item.
    #[test]
    fn every_listed_rule_has_an_item() {
        let expected = [
            RuleId::Pre1,  // PRE-1
            RuleId::Pre2,  // PRE-2
            RuleId::Pre3,  // PRE-3
            RuleId::Pre4,  // PRE-4
            RuleId::Pre5,  // PRE-5
            RuleId::Pre6,  // PRE-6
            RuleId::Ses1,  // SES-1
            RuleId::Ses2,  // SES-2
            RuleId::Ses3,  // SES-3
            RuleId::Ses4,  // SES-4
            RuleId::Ses5,  // SES-5
            RuleId::Ses6,  // SES-6
            RuleId::Aft8,  // AFT-8
            RuleId::Aft9,  // AFT-9
            RuleId::Aft10, // AFT-10
        ];
        let all: Vec<GuidanceItem> = PRE_SESSION_CHECKLIST
            .iter()
            .chain(&SESSION_INSTRUCTIONS)
            .chain(&AFTERCARE_NOTES)
            .copied()
            .collect();
        for id in expected {
            assert!(all.iter().any(|i| i.rule == Some(id)), "{id}");
        }
        assert!(CONTEXT.iter().all(|i| i.rule.is_none()));
    }
}
