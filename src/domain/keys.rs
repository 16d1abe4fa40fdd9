//! Every message key the engine can emit, so the UI can check it has text
//! for each one.
//!
//! Invariants:
//! - Keys are `<prefix>.<snake_case>`; the prefix is the rule id in lower
//!   case without the dash (`aft5`), or `clock`, `product`, `zones` or
//!   `context` for keys not tied to one rule. "Not sure" answers have their
//!   own key ending in `_unsure`.
//! - The list is sorted, has no duplicates, and matches exactly the key
//!   literals in the non-test code of this module (checked by a test).

/// Every message key, sorted.
pub const MESSAGE_KEYS: &[&str] = &[
    "aft1.bland_ok",
    "aft1.bland_only",
    "aft1.sunscreen_from_24h",
    "aft10.water_and_sleep",
    "aft2.makeup_caution",
    "aft2.no_makeup",
    "aft3.stay_out_of_sun",
    "aft4.daily_spf",
    "aft4.spf_recommended",
    "aft5.actives_caution",
    "aft5.actives_locked",
    "aft5.actives_while_flaking",
    "aft6.no_sweat_or_water",
    "aft6.sweat_water_caution",
    "aft7.no_hair_removal_tan_peel",
    "aft8.hands_off_clean_pillowcase",
    "aft9.do_not_pick_flakes",
    "clock.behind_last_session",
    "clock.behind_latest_event",
    "context.home_less_safe_than_clinic",
    "context.no_otc_device_authorised",
    "context.not_medical_advice",
    "context.results_gradual",
    "dev1.needle_too_long",
    "dev2.electric_pen",
    "dev2.radio_frequency",
    "dev3.not_confirmed_only_mine",
    "dev4.first_use_unknown",
    "dev4.replace_age",
    "dev4.replace_sessions",
    "dev4.replace_soon_age",
    "dev4.replace_soon_sessions",
    "dev5.damaged_replace",
    "int1.too_soon",
    "int2.long_needle_short_interval",
    "int3.recommended_next",
    "int4.reaction_holds_sessions",
    "per1.age_unknown",
    "per1.under_18",
    "per10.slow_healing",
    "per10.slow_healing_unsure",
    "per11.cold_sore_history_near_mouth",
    "per11.cold_sore_history_near_mouth_unsure",
    "per12.koebner_history",
    "per12.koebner_history_unsure",
    "per13.dark_marks_risk_lighter_pressure",
    "per13.skin_type_unsure",
    "per14.avoid_allergen",
    "per14.product_allergy",
    "per14.product_allergy_unsure",
    "per15.alcohol_or_drugs",
    "per15.alcohol_or_drugs_unsure",
    "per2.pregnant_or_breastfeeding",
    "per2.pregnant_or_breastfeeding_unsure",
    "per3.isotretinoin_now",
    "per3.isotretinoin_now_unsure",
    "per4.isotretinoin_recent",
    "per4.isotretinoin_recent_unsure",
    "per4.isotretinoin_stop_date_unknown",
    "per5.bleeding_risk_talk_to_doctor",
    "per5.bleeding_risk_unsure",
    "per6.chemo_or_radiotherapy",
    "per6.chemo_or_radiotherapy_unsure",
    "per6.chemo_or_radiotherapy_upcoming",
    "per6.immunosuppression",
    "per6.immunosuppression_unsure",
    "per7.keloid_tendency",
    "per7.keloid_tendency_unsure",
    "per8.metal_allergy",
    "per8.metal_allergy_unsure",
    "per9.uncontrolled_diabetes",
    "per9.uncontrolled_diabetes_unsure",
    "pre1.checklist_incomplete",
    "pre1.gentle_cleanser",
    "pre1.remove_makeup",
    "pre1.wash_hands",
    "pre2.recent_actives",
    "pre2.recent_actives_unsure",
    "pre2.stop_actives_before_session",
    "pre3.soak_not_done",
    "pre3.soak_running",
    "pre3.soak_ten_minutes_then_air_dry",
    "pre4.disinfection_not_sterilisation",
    "pre5.plain_hyaluronic_only",
    "pre5.serum_not_bland",
    "pre5.serum_unknown",
    "pre6.numbing_not_needed",
    "product.partly_unknown",
    "product.unknown_check_label",
    "rx1.expected_usually_settles",
    "rx1.getting_worse_hold",
    "rx1.marked_clear",
    "rx1.no_session_link_hold",
    "rx1.severe_hold",
    "rx1.still_present_after_72h_hold",
    "rx10.call_emergency_services",
    "rx11.sessions_held_until_resolved",
    "rx2.lasting_see_clinician",
    "rx3.lighter_pressure_next_time",
    "rx4.possible_infection_stop",
    "rx5.possible_cold_sore_stop",
    "rx6.possible_granuloma_stop",
    "rx7.possible_scarring_stop",
    "rx8.possible_dark_marks_stop",
    "rx9.possible_allergy_stop",
    "ses1.four_directions",
    "ses2.passes_lift_between",
    "ses3.light_pressure_no_bleeding_goal",
    "ses4.bleeding_stop_zone",
    "ses4.bleeding_zone_stopped",
    "ses5.time_from_passes",
    "ses6.air_dry_needles_up_closed_case",
    "ses6.never_boil",
    "ses6.rinse_warm_water",
    "ses6.soak_again",
    "skin1.infection_or_broken_skin",
    "skin1.infection_or_broken_skin_unsure",
    "skin1.widespread_infection",
    "skin1.widespread_infection_unsure",
    "skin2.cold_sore_active",
    "skin2.cold_sore_active_unsure",
    "skin3.active_acne",
    "skin3.active_acne_unsure",
    "skin4.flare",
    "skin4.flare_unsure",
    "skin5.sunburn_or_tan",
    "skin5.sunburn_or_tan_unsure",
    "skin6.peel_delays_next_session",
    "skin6.peel_or_laser_date_unknown",
    "skin6.peel_or_laser_unsure",
    "skin6.recent_peel_or_laser",
    "skin7.filler_recent",
    "skin7.filler_unsure",
    "skin7.surgery_recent",
    "skin7.surgery_unsure",
    "skin8.scar_recent",
    "skin8.scar_unsure",
    "skin9.changing_mole_see_doctor",
    "skin9.changing_mole_unsure",
    "skin9.lesion_in_zone",
    "skin9.lesion_in_zone_unsure",
    "zones.none_open",
];

/// Returns true when `key` is a known message key.
pub fn is_known(key: &str) -> bool {
    MESSAGE_KEYS.binary_search(&key).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The non-test part of every source file of the domain module.
    const SOURCES: [&str; 13] = [
        include_str!("aftercare.rs"),
        include_str!("catalogue.rs"),
        include_str!("device.rs"),
        include_str!("eligibility.rs"),
        include_str!("guidance.rs"),
        include_str!("guided.rs"),
        include_str!("interval.rs"),
        include_str!("model.rs"),
        include_str!("products.rs"),
        include_str!("reactions.rs"),
        include_str!("rules.rs"),
        include_str!("time.rs"),
        include_str!("timer.rs"),
    ];

    fn non_test(src: &str) -> &str {
        src.split("#[cfg(test)]").next().unwrap_or(src)
    }

    /// The key-shaped string literals of `src`.
    fn key_literals(src: &str) -> Vec<&str> {
        src.split('"')
            .skip(1)
            .step_by(2)
            .filter(|s| looks_like_key(s))
            .collect()
    }

    fn looks_like_key(s: &str) -> bool {
        let Some((prefix, rest)) = s.split_once('.') else {
            return false;
        };
        let ok = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_';
        prefix.starts_with(|c: char| c.is_ascii_lowercase())
            && prefix
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
            && !rest.is_empty()
            && rest.chars().all(ok)
    }

    #[test]
    fn keys_are_sorted_unique_and_well_formed() {
        assert!(MESSAGE_KEYS.windows(2).all(|w| w[0] < w[1]));
        assert!(MESSAGE_KEYS.iter().all(|k| looks_like_key(k)));
    }

    /// Every key literal in the engine is listed, and every listed key is
    /// used somewhere.
    #[test]
    fn keys_match_the_source() {
        let used: Vec<&str> = SOURCES
            .iter()
            .flat_map(|s| key_literals(non_test(s)))
            .collect();
        for key in &used {
            assert!(is_known(key), "{key} missing from MESSAGE_KEYS");
        }
        for key in MESSAGE_KEYS {
            assert!(used.contains(key), "{key} listed but never used");
        }
    }

    /// Unsure keys follow the naming scheme.
    #[test]
    fn unsure_keys_have_a_sure_sibling_rule() {
        for key in MESSAGE_KEYS.iter().filter(|k| k.ends_with("_unsure")) {
            let prefix = key.split('.').next().unwrap_or("");
            assert!(prefix.len() > 2, "{key}");
        }
        assert!(!is_known("nope.never"));
    }
}
