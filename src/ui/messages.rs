//! The words shown for every message key of the rules engine.
//!
//! Invariants:
//! - There is exactly one entry per key of [`crate::domain::MESSAGE_KEYS`],
//!   in the same sorted order, so a key is found by binary search (checked
//!   by the tests below).
//! - Sentences are plain, kind and in the second person. They never diagnose
//!   ("this may be ..."), never give doses, never tell anyone to stop a
//!   prescribed medicine, and call the alcohol soak disinfection, never
//!   sterilization (PRE-4).
//! - Sentences hold no computed times, dates or zone names: the UI shows the
//!   instant a reason lifts and the zone it concerns next to the sentence.
//!   Fixed rule values ("72 hours", "0.5 mm") are part of the wording.

/// One entry: key, card title, sentence.
type Entry = (&'static str, &'static str, &'static str);

/// Every key with its title and sentence, sorted by key.
const ENTRIES: &[Entry] = &[
    (
        "aft1.bland_ok",
        "Fine on treated skin",
        "This is a bland product, so it's fine on treated skin.",
    ),
    (
        "aft1.bland_only",
        "Only bland products for now",
        "For the first 24 hours, put only a bland hydrator or plain hyaluronic acid on treated skin.",
    ),
    (
        "aft1.sunscreen_from_24h",
        "Sunscreen from 24 hours",
        "Wait 24 hours before putting sunscreen on treated skin. Until then, stay out of the sun instead.",
    ),
    (
        "aft10.water_and_sleep",
        "Water and sleep",
        "Drink enough water and get a good night's sleep: both help your skin recover.",
    ),
    (
        "aft2.makeup_caution",
        "Go easy on makeup",
        "Your skin stays sensitive until 48 hours after rolling. If you can, skip makeup a little longer; if not, keep it light and use clean brushes.",
    ),
    (
        "aft2.no_makeup",
        "No makeup yet",
        "No makeup for the first 24 hours after rolling, while your skin recovers.",
    ),
    (
        "aft3.stay_out_of_sun",
        "Stay out of the sun",
        "Stay out of the sun for the first 24 hours after rolling.",
    ),
    (
        "aft4.daily_spf",
        "SPF 30 every day",
        "For 2 weeks after a session, wear broad-spectrum SPF 30 or higher every day and keep time in the sun short.",
    ),
    (
        "aft4.spf_recommended",
        "Sunscreen recommended",
        "Good choice: broad-spectrum SPF 30 or higher every day protects treated skin for 2 weeks after a session.",
    ),
    (
        "aft5.actives_caution",
        "Go gently with actives",
        "Actives are allowed again, but your skin stays sensitive until day 7. Waiting is gentler; if you use one, stop if it stings or burns.",
    ),
    (
        "aft5.actives_locked",
        "No actives for 72 hours",
        "No retinoids, acids, vitamin C, benzoyl peroxide, scrubs, exfoliants or face brushes for 72 hours after rolling.",
    ),
    (
        "aft5.actives_while_flaking",
        "Skin still flaking",
        "Your skin is still flaking. Hold off on actives and exfoliants until it has stopped.",
    ),
    (
        "aft6.no_sweat_or_water",
        "No sweat, pool or sauna",
        "No hard exercise or heavy sweating, and no pool, sauna, steam room or hot tub for 72 hours after rolling.",
    ),
    (
        "aft6.sweat_water_caution",
        "Ease back into exercise",
        "Go easy on hard exercise, pools, saunas, steam rooms and hot tubs until day 5 after rolling.",
    ),
    (
        "aft7.no_hair_removal_tan_peel",
        "No hair removal, tan or peel",
        "No hair removal, self-tanner or peels on treated skin for 72 hours after rolling.",
    ),
    (
        "aft8.hands_off_clean_pillowcase",
        "Hands off, clean pillowcase",
        "Keep your hands off treated skin, and sleep on a clean pillowcase for the first 72 hours.",
    ),
    (
        "aft9.do_not_pick_flakes",
        "Leave flakes alone",
        "Let flaking skin come away on its own. Don't pick or peel it.",
    ),
    (
        "clock.behind_last_session",
        "Check your phone's clock",
        "Your phone's clock reads earlier than your last session. Check its date and time; until then, Rollwise counts no time as having passed.",
    ),
    (
        "clock.behind_latest_event",
        "Check your phone's clock",
        "Your phone's clock reads earlier than something you already recorded, such as a reaction or your roller's first use. Check its date and time to go on.",
    ),
    (
        "context.home_less_safe_than_clinic",
        "Clinics are safer",
        "Dermatologists recommend microneedling by professionals. Home rollers are generally less safe and less effective than clinic treatment.",
    ),
    (
        "context.no_otc_device_authorised",
        "No FDA-authorized home device",
        "The FDA has not authorized any microneedling device for over-the-counter sale.",
    ),
    (
        "context.not_medical_advice",
        "Not medical advice",
        "Rollwise is not medical advice, cannot diagnose anything and is not for emergencies.",
    ),
    (
        "context.results_gradual",
        "Results take time",
        "Results come slowly: collagen takes weeks to rebuild, so give your skin time.",
    ),
    (
        "dev1.needle_too_long",
        "Needle too long for home",
        "Needles longer than 0.5 mm belong in a clinic. Use a roller of 0.5 mm or shorter at home.",
    ),
    (
        "dev2.electric_pen",
        "Electric pens not supported",
        "Electric microneedling pens are not for home use. Rollwise supports only a manual roller.",
    ),
    (
        "dev2.radio_frequency",
        "Radio-frequency not supported",
        "Radio-frequency microneedling devices are not safe to use at home. Rollwise supports only a manual roller.",
    ),
    (
        "dev3.not_confirmed_only_mine",
        "Your roller is yours alone",
        "A roller must never be shared, not even once. Confirm that only you use this roller to go on.",
    ),
    (
        "dev4.first_use_unknown",
        "Roller age unknown",
        "Rollwise doesn't know when you first used this roller, so it can't tell how worn it is. Add the date of first use, or switch to a new roller.",
    ),
    (
        "dev4.replace_age",
        "Time for a new roller",
        "This roller has reached 6 weeks since its first use. Replace it with a new one before you roll again.",
    ),
    (
        "dev4.replace_sessions",
        "Time for a new roller",
        "This roller has reached its limit of 10 sessions. Replace it with a new one before you roll again.",
    ),
    (
        "dev4.replace_soon_age",
        "Replace your roller soon",
        "This roller is 5 or more weeks past its first use. Get a new one ready: it must be replaced at 6 weeks.",
    ),
    (
        "dev4.replace_soon_sessions",
        "Replace your roller soon",
        "This roller has done 8 sessions or more. Get a new one ready: it must be replaced at 10 sessions.",
    ),
    (
        "dev5.damaged_replace",
        "Damaged roller",
        "Bent, hooked, rusty or missing needles, a roller that drags, or one that was dropped can tear the skin. Replace it before you roll again.",
    ),
    (
        "int1.too_soon",
        "Too soon since last session",
        "Your skin needs at least 7 days between sessions to recover. You can roll again once they have passed.",
    ),
    (
        "int2.long_needle_short_interval",
        "A longer gap is better",
        "With a needle longer than 0.3 mm, 14 days between sessions is gentler on your skin. Rolling sooner is allowed, but consider waiting.",
    ),
    (
        "int3.recommended_next",
        "Suggested next session",
        "The suggested gap is 7 days for needles up to 0.3 mm and 14 days for longer ones. Waiting longer is always fine.",
    ),
    (
        "int4.reaction_holds_sessions",
        "Sessions on hold",
        "A reaction you logged is still open, so sessions are on hold. Mark it resolved in your log once it has cleared.",
    ),
    (
        "per1.age_unknown",
        "Adults only",
        "Rollwise is for adults only. Add your date of birth, or confirm you are 18 or over, in Settings to go on.",
    ),
    (
        "per1.under_18",
        "Adults only",
        "Rollwise is for adults only, so rolling is not available until you turn 18.",
    ),
    (
        "per10.slow_healing",
        "Slow-healing skin",
        "Skin that heals slowly, including with well-controlled diabetes, may take longer to settle after rolling. Go gently and watch for anything that doesn't heal.",
    ),
    (
        "per10.slow_healing_unsure",
        "Healing: not sure",
        "You weren't sure whether your skin heals slowly, so Rollwise assumes it does to be safe. Go gently, and check with a doctor if you can.",
    ),
    (
        "per11.cold_sore_history_near_mouth",
        "Cold sores near the mouth",
        "Rolling near the mouth can bring back cold sores. Ask a doctor whether you need antiviral cover before you roll this area.",
    ),
    (
        "per11.cold_sore_history_near_mouth_unsure",
        "Cold sores: not sure",
        "You weren't sure whether you get cold sores, so Rollwise treats it as a yes. Ask a doctor about antiviral cover before rolling near your mouth.",
    ),
    (
        "per12.koebner_history",
        "New patches possible",
        "After psoriasis, vitiligo or lichen planus, new patches can appear where skin is injured, even if it's quiet now. Think this through, and stop if patches appear.",
    ),
    (
        "per12.koebner_history_unsure",
        "Skin history: not sure",
        "You weren't sure about past psoriasis, vitiligo or lichen planus, so Rollwise treats it as a yes: new patches could appear where you roll. Check with a doctor.",
    ),
    (
        "per13.dark_marks_risk_lighter_pressure",
        "Use lighter pressure",
        "Skin types IV to VI are more likely to get dark marks after rolling. Use light pressure and take it slowly.",
    ),
    (
        "per13.skin_type_unsure",
        "Skin type: not sure",
        "You weren't sure of your skin type, so Rollwise plays it safe: dark marks are possible, so use light pressure and take it slowly.",
    ),
    (
        "per14.avoid_allergen",
        "Matches your allergy",
        "This product matches something you said you're allergic or sensitive to. Don't use it.",
    ),
    (
        "per14.product_allergy",
        "Avoid products you react to",
        "Never use a product you're allergic or sensitive to, before, during or after rolling. Check each label.",
    ),
    (
        "per14.product_allergy_unsure",
        "Product allergy: not sure",
        "You weren't sure about a product allergy, so Rollwise treats it as a yes to be safe. Check each label, and use nothing you've reacted to before.",
    ),
    (
        "per15.alcohol_or_drugs",
        "Not today",
        "Rolling after alcohol or drugs isn't safe. Try again another day, when you're clear-headed.",
    ),
    (
        "per15.alcohol_or_drugs_unsure",
        "Not today",
        "You weren't sure whether alcohol or drugs could affect you today, so Rollwise treats it as a yes. Try again another day.",
    ),
    (
        "per2.pregnant_or_breastfeeding",
        "Pregnancy or breastfeeding",
        "Rolling isn't recommended while pregnant or breastfeeding. Update your answer in Settings when this no longer applies.",
    ),
    (
        "per2.pregnant_or_breastfeeding_unsure",
        "Pregnancy: not sure",
        "You weren't sure about pregnancy or breastfeeding, so Rollwise treats it as a yes and pauses rolling. Check with a doctor, then update your answer.",
    ),
    (
        "per3.isotretinoin_now",
        "Not while on isotretinoin",
        "Rolling isn't suitable while you take isotretinoin, because skin heals differently on it. Never change your treatment to roll; ask your doctor if unsure.",
    ),
    (
        "per3.isotretinoin_now_unsure",
        "Isotretinoin: not sure",
        "You weren't sure whether you take isotretinoin, so Rollwise treats it as a yes and pauses rolling. Check with your doctor or pharmacist.",
    ),
    (
        "per4.isotretinoin_recent",
        "Recent isotretinoin",
        "Skin needs 6 months after you stopped isotretinoin before rolling. You can roll again once that time has passed.",
    ),
    (
        "per4.isotretinoin_recent_unsure",
        "Isotretinoin: not sure",
        "You weren't sure whether you took isotretinoin in the last 6 months, so Rollwise treats it as a yes. Check with your doctor, then update your answer.",
    ),
    (
        "per4.isotretinoin_stop_date_unknown",
        "Add your stop date",
        "Rolling waits 6 months after isotretinoin. Add the date you stopped in Settings so Rollwise can tell you when you can roll.",
    ),
    (
        "per5.bleeding_risk_talk_to_doctor",
        "Bleeding risk: see your doctor",
        "A bleeding disorder, a blood thinner or daily aspirin makes rolling unsafe at home. Talk to your doctor, and never stop a prescribed medicine to roll.",
    ),
    (
        "per5.bleeding_risk_unsure",
        "Bleeding risk: not sure",
        "You weren't sure about a bleeding disorder or blood-thinning medicine, so Rollwise treats it as a yes. Talk to your doctor; never stop a prescribed medicine.",
    ),
    (
        "per6.chemo_or_radiotherapy",
        "Paused around treatment",
        "Rolling pauses from 4 weeks before until 4 weeks after chemotherapy or radiotherapy, while your defenses are low. Talk to your doctor before you restart.",
    ),
    (
        "per6.chemo_or_radiotherapy_unsure",
        "Treatment: not sure",
        "You weren't sure about chemotherapy or radiotherapy, so Rollwise treats it as a yes and pauses rolling. Check with your care team, then update your answer.",
    ),
    (
        "per6.chemo_or_radiotherapy_upcoming",
        "Treatment coming up",
        "You can still roll for now, but rolling pauses from 4 weeks before your planned chemotherapy or radiotherapy.",
    ),
    (
        "per6.immunosuppression",
        "Lowered immunity",
        "Lowered immunity, from high-dose steroids, immune-lowering medicines, HIV or hepatitis, makes rolling unsafe at home. Talk to your doctor; never stop a prescribed medicine.",
    ),
    (
        "per6.immunosuppression_unsure",
        "Immunity: not sure",
        "You weren't sure whether a medicine or illness lowers your immunity, so Rollwise treats it as a yes to be safe. Talk to your doctor.",
    ),
    (
        "per7.keloid_tendency",
        "Raised scars",
        "If your skin tends to form keloids or raised scars, needling can trigger new ones. Rolling at home isn't suitable; a dermatologist can advise you.",
    ),
    (
        "per7.keloid_tendency_unsure",
        "Raised scars: not sure",
        "You weren't sure whether your skin forms keloids or raised scars, so Rollwise treats it as a yes. A dermatologist can tell you more.",
    ),
    (
        "per8.metal_allergy",
        "Metal allergy",
        "Roller needles are metal and may contain nickel, so a metal allergy rules out rolling.",
    ),
    (
        "per8.metal_allergy_unsure",
        "Metal allergy: not sure",
        "You weren't sure about a metal or nickel allergy, so Rollwise treats it as a yes to be safe. A doctor can test for it.",
    ),
    (
        "per9.uncontrolled_diabetes",
        "Diabetes not under control",
        "When diabetes isn't under control, skin heals slowly and infections are more likely, so rolling isn't suitable. Talk to your doctor.",
    ),
    (
        "per9.uncontrolled_diabetes_unsure",
        "Diabetes: not sure",
        "You weren't sure whether your diabetes is under control, so Rollwise treats it as not controlled. Check with your doctor, then update your answer.",
    ),
    (
        "pre1.checklist_incomplete",
        "Finish the checklist",
        "Finish the checklist first: wash your hands, take off all makeup and cleanse gently.",
    ),
    (
        "pre1.gentle_cleanser",
        "Cleanse gently",
        "Cleanse your skin with a gentle cleanser that doesn't exfoliate.",
    ),
    (
        "pre1.remove_makeup",
        "Take off makeup",
        "Take off all makeup.",
    ),
    (
        "pre1.wash_hands",
        "Wash your hands",
        "Wash your hands well with soap and water.",
    ),
    (
        "pre2.recent_actives",
        "Recent actives",
        "You used a retinoid, AHA/BHA acid or benzoyl peroxide in the last 3 days, so your skin may react more. Waiting until 3 to 7 days after them is gentler.",
    ),
    (
        "pre2.recent_actives_unsure",
        "Recent actives: not sure",
        "You weren't sure whether you used retinoids, acids or benzoyl peroxide in the last 3 days, so Rollwise treats it as a yes: your skin may react more.",
    ),
    (
        "pre2.stop_actives_before_session",
        "Pause actives first",
        "Stop retinoids, AHA/BHA acids and benzoyl peroxide 3 to 7 days before you roll.",
    ),
    (
        "pre3.soak_not_done",
        "Disinfect your roller",
        "Disinfect the roller first: soak the head in 70% isopropyl alcohol for at least 10 minutes, or confirm you have already done a full soak.",
    ),
    (
        "pre3.soak_running",
        "Roller still soaking",
        "Your roller is still soaking. You can start once the 10-minute soak is done.",
    ),
    (
        "pre3.soak_ten_minutes_then_air_dry",
        "Soak 10 minutes, then air-dry",
        "Soak the roller head in 70% isopropyl alcohol (60 to 90% works) for at least 10 minutes, then let it air-dry.",
    ),
    (
        "pre4.disinfection_not_sterilisation",
        "Disinfected, not sterile",
        "A home alcohol soak disinfects your roller, but it does not sterilize it. That's why you never share it and replace it often.",
    ),
    (
        "pre5.plain_hyaluronic_only",
        "Plain serum only",
        "While rolling, use only plain hyaluronic acid or a bland gel. Never vitamin C or other actives.",
    ),
    (
        "pre5.serum_not_bland",
        "Serum not suitable",
        "This serum contains actives, which can irritate or cause lumps when needles push them into the skin. Use plain hyaluronic acid or a bland gel instead.",
    ),
    (
        "pre5.serum_unknown",
        "Serum not recognized",
        "Rollwise doesn't recognize this serum. Check its label: while rolling, use only plain hyaluronic acid or a bland gel.",
    ),
    (
        "pre6.numbing_not_needed",
        "No need for numbing cream",
        "Numbing cream isn't needed with needles of 0.5 mm or shorter. If you use one, never on broken skin, and never cover or heat it.",
    ),
    (
        "product.partly_unknown",
        "Partly recognized",
        "Rollwise didn't recognize every part of this name. Check the label for actives too.",
    ),
    (
        "product.unknown_check_label",
        "Check the label",
        "Rollwise doesn't recognize this product, so it can't say it's safe. Check the label, and if in doubt, leave it out.",
    ),
    (
        "rx1.expected_usually_settles",
        "Expected reaction",
        "This is an expected reaction after rolling and usually settles within 72 hours. Keep up your gentle aftercare.",
    ),
    (
        "rx1.getting_worse_hold",
        "Getting worse",
        "A reaction that's getting worse holds your next session until you mark it clear. If it keeps worsening, see a doctor.",
    ),
    (
        "rx1.marked_clear",
        "Marked clear",
        "You marked this reaction as clear. It no longer holds your sessions.",
    ),
    (
        "rx1.no_session_link_hold",
        "Not linked to a session",
        "This reaction isn't linked to a session, so Rollwise holds your next session until you mark it clear.",
    ),
    (
        "rx1.severe_hold",
        "Severe reaction",
        "A severe reaction holds your next session until you mark it clear. If it doesn't ease, see a doctor.",
    ),
    (
        "rx1.still_present_after_72h_hold",
        "Lasting past 72 hours",
        "This reaction is still there after 72 hours, longer than usual. Your next session is on hold until you mark it clear.",
    ),
    (
        "rx10.call_emergency_services",
        "Call emergency services",
        "This may be a serious allergic reaction. Call your local emergency number now.",
    ),
    (
        "rx11.sessions_held_until_resolved",
        "Sessions on hold",
        "All sessions are on hold until you mark this resolved or a doctor has cleared you.",
    ),
    (
        "rx2.lasting_see_clinician",
        "Lasting redness: see a doctor",
        "Redness or swelling that lasts 7 days or more is longer than expected. Please see a doctor or dermatologist.",
    ),
    (
        "rx3.lighter_pressure_next_time",
        "Lighter pressure next time",
        "Bruising usually means the pressure was too firm. Use a lighter touch next time.",
    ),
    (
        "rx4.possible_infection_stop",
        "Possible infection",
        "This may be an infection: stop rolling and see a doctor. Go promptly if you have a fever or it is spreading.",
    ),
    (
        "rx5.possible_cold_sore_stop",
        "Possible cold sore",
        "This may be a cold sore coming back: stop rolling and see a doctor.",
    ),
    (
        "rx6.possible_granuloma_stop",
        "Lasting firm bumps",
        "Firm bumps that don't go away may be a granuloma, a reaction to something in the skin: stop rolling and see a doctor.",
    ),
    (
        "rx7.possible_scarring_stop",
        "Possible scarring",
        "Marks in the roller's pattern may be the start of scarring: stop rolling and see a doctor.",
    ),
    (
        "rx8.possible_dark_marks_stop",
        "Spreading dark patches",
        "Spreading dark patches may be a pigment change: stop rolling and see a doctor.",
    ),
    (
        "rx9.possible_allergy_stop",
        "Possible allergy",
        "An itchy, eczema-like rash may be an allergy or a reaction to a product: stop rolling and see a doctor.",
    ),
    (
        "ses1.four_directions",
        "Four directions",
        "Roll each area in four directions: up and down, side to side, and both diagonals.",
    ),
    (
        "ses2.passes_lift_between",
        "Passes, lifting between",
        "Make 4 or 5 passes in each direction, lifting the roller off the skin between strokes.",
    ),
    (
        "ses3.light_pressure_no_bleeding_goal",
        "Light pressure",
        "Use light pressure. Drawing blood is not the goal at home.",
    ),
    (
        "ses4.bleeding_stop_zone",
        "If it bleeds, stop",
        "If an area starts to bleed, stop rolling it and move on.",
    ),
    (
        "ses4.bleeding_zone_stopped",
        "Stopped for bleeding",
        "You stopped this area because it bled. Leave it for today, and use lighter pressure here next time.",
    ),
    (
        "ses5.time_from_passes",
        "Time for each area",
        "The timer sets each area's time from your passes and directions, at about 2 seconds a pass. There is no official timing: slow and even matters most.",
    ),
    (
        "ses6.air_dry_needles_up_closed_case",
        "Dry and store",
        "Let the roller air-dry with the needles up, without touching them, then keep it in its closed case.",
    ),
    (
        "ses6.never_boil",
        "Never boil it",
        "Never boil your roller: heat can damage the needles.",
    ),
    (
        "ses6.rinse_warm_water",
        "Rinse the roller",
        "After rolling, rinse the roller under warm running water.",
    ),
    (
        "ses6.soak_again",
        "Soak it again",
        "Then soak it again in alcohol for at least 10 minutes.",
    ),
    (
        "skin1.infection_or_broken_skin",
        "Skin not intact here",
        "You noted an infection, a wound, or broken or irritated skin here. Skip this area until it has fully healed.",
    ),
    (
        "skin1.infection_or_broken_skin_unsure",
        "Broken skin: not sure",
        "You weren't sure whether the skin here is infected, broken or irritated, so Rollwise treats it as a yes. Skip this area until it has fully healed.",
    ),
    (
        "skin1.widespread_infection",
        "Skin needs to heal",
        "Rolling over infected or broken skin can spread the problem. No session today; you can roll again once your skin has fully healed.",
    ),
    (
        "skin1.widespread_infection_unsure",
        "Infected skin: not sure",
        "You weren't sure whether skin across your face is infected or broken, so Rollwise treats it as a yes. No session today; check with a doctor if it persists.",
    ),
    (
        "skin2.cold_sore_active",
        "Active cold sore",
        "A cold sore anywhere on your face means no session today, as rolling can spread it. You can roll again once it has fully healed.",
    ),
    (
        "skin2.cold_sore_active_unsure",
        "Cold sore: not sure",
        "You weren't sure whether that's a cold sore, so Rollwise treats it as one to be safe. No session today; you can roll once it has fully healed.",
    ),
    (
        "skin3.active_acne",
        "Active breakouts here",
        "Rolling over inflamed or pus-filled spots can spread bacteria. Skip this area until they have calmed down.",
    ),
    (
        "skin3.active_acne_unsure",
        "Breakouts: not sure",
        "You weren't sure about inflamed spots here, so Rollwise treats it as a yes. Skip this area until your skin is calm.",
    ),
    (
        "skin4.flare",
        "Flare-up here",
        "Skip this area while eczema, dermatitis, a rash, psoriasis or rosacea is flaring. You can roll here again once the flare has settled.",
    ),
    (
        "skin4.flare_unsure",
        "Flare-up: not sure",
        "You weren't sure whether your skin is flaring here, so Rollwise treats it as a yes. Skip this area until it has settled.",
    ),
    (
        "skin5.sunburn_or_tan",
        "Sunburn or fresh tan",
        "Sunburned or freshly tanned skin needs to recover first. Skip this area until it has settled, and for at least 2 weeks.",
    ),
    (
        "skin5.sunburn_or_tan_unsure",
        "Sun damage: not sure",
        "You weren't sure about sunburn or a fresh tan here, so Rollwise treats it as a yes. Skip this area until your skin has settled.",
    ),
    (
        "skin6.peel_delays_next_session",
        "Delays your next session",
        "Using a peel pushes your next session back: rolling waits 4 weeks after a chemical peel.",
    ),
    (
        "skin6.peel_or_laser_date_unknown",
        "Add your treatment date",
        "Rolling waits 4 weeks after a chemical peel, laser or IPL. Add the treatment date in Settings so Rollwise can tell you when you can roll.",
    ),
    (
        "skin6.peel_or_laser_unsure",
        "Peel or laser: not sure",
        "You weren't sure about a peel, laser or IPL in the last 4 weeks, so Rollwise treats it as a yes and waits. Update your answer once you know.",
    ),
    (
        "skin6.recent_peel_or_laser",
        "Recent peel or laser",
        "Your skin is still recovering from a chemical peel, laser or IPL. Rolling waits until 4 weeks after the treatment.",
    ),
    (
        "skin7.filler_recent",
        "Recent filler",
        "Rolling can disturb filler less than 6 months old. Skip this area until 6 months after the filler; if its date or area is missing, add them in Settings.",
    ),
    (
        "skin7.filler_unsure",
        "Filler: not sure",
        "You weren't sure about filler in the last 6 months, so Rollwise treats it as a yes and skips this area. Update your answer once you know.",
    ),
    (
        "skin7.surgery_recent",
        "Recent facial surgery",
        "Skin needs 12 months after facial surgery before rolling. Skip this area until then; if the date or area is missing, add them in Settings.",
    ),
    (
        "skin7.surgery_unsure",
        "Surgery: not sure",
        "You weren't sure about facial surgery in the last 12 months, so Rollwise treats it as a yes and skips this area. Update your answer once you know.",
    ),
    (
        "skin8.scar_recent",
        "Recent scar",
        "A scar younger than 6 months is still settling. Skip this area until the scar is 6 months old; if its date or area is missing, add them in Settings.",
    ),
    (
        "skin8.scar_unsure",
        "Recent scar: not sure",
        "You weren't sure about a scar from the last 6 months, so Rollwise treats it as a yes and skips this area to be safe.",
    ),
    (
        "skin9.changing_mole_see_doctor",
        "Changing mole",
        "A mole that changes in size, shape or color should be checked by a doctor. Skip this area and book an appointment.",
    ),
    (
        "skin9.changing_mole_unsure",
        "Mole change: not sure",
        "You weren't sure whether a mole here has changed, so Rollwise treats it as a yes. Skip this area and ask a doctor to check it.",
    ),
    (
        "skin9.lesion_in_zone",
        "Mole or spot here",
        "Never roll over a mole, wart, birthmark, rough patch or any unusual spot. Skip this area.",
    ),
    (
        "skin9.lesion_in_zone_unsure",
        "Mole or spot: not sure",
        "You weren't sure about a mole, wart or unusual spot here, so Rollwise treats it as a yes. Skip this area today.",
    ),
    (
        "zones.none_open",
        "No area open today",
        "No area can be rolled today. Answer today's questions for at least one area, or wait until the blocked ones are clear.",
    ),
];

fn entry(key: &str) -> Option<&'static Entry> {
    ENTRIES
        .binary_search_by(|e| e.0.cmp(key))
        .ok()
        .and_then(|i| ENTRIES.get(i))
}

/// The sentence shown for an engine message key.
pub fn message(key: &str) -> Option<&'static str> {
    entry(key).map(|e| e.2)
}

/// A short title (2–6 words) for the key, used as the heading of a reason
/// card.
pub fn title(key: &str) -> Option<&'static str> {
    entry(key).map(|e| e.1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::MESSAGE_KEYS;

    #[test]
    fn every_engine_key_has_a_message_and_a_title() {
        let missing: Vec<&str> = MESSAGE_KEYS
            .iter()
            .copied()
            .filter(|k| message(k).is_none() || title(k).is_none())
            .collect();
        assert!(missing.is_empty(), "keys without text: {missing:?}");
    }

    #[test]
    fn no_extra_keys_and_sorted() {
        let extra: Vec<&str> = ENTRIES
            .iter()
            .map(|e| e.0)
            .filter(|k| !MESSAGE_KEYS.contains(k))
            .collect();
        assert!(
            extra.is_empty(),
            "keys not emitted by the engine: {extra:?}"
        );
        let unsorted: Vec<&str> = ENTRIES
            .windows(2)
            .filter(|w| w[0].0 >= w[1].0)
            .map(|w| w[1].0)
            .collect();
        assert!(
            unsorted.is_empty(),
            "out of order or repeated: {unsorted:?}"
        );
        assert_eq!(ENTRIES.len(), MESSAGE_KEYS.len());
        assert_eq!(message("nope.never"), None);
        assert_eq!(title(""), None);
    }

    #[test]
    fn alcohol_soak_is_never_called_sterilization() {
        for (key, title, text) in ENTRIES {
            for words in [title, text] {
                let lower = words.to_lowercase();
                if lower.contains("steril") {
                    assert!(lower.contains("not"), "{key}: {words}");
                }
            }
        }
        let pre4 = message("pre4.disinfection_not_sterilisation").unwrap_or("");
        assert!(pre4.contains("disinfects") && pre4.contains("does not sterilize"));
    }

    #[test]
    fn messages_never_diagnose() {
        const CONDITIONS: [&str; 14] = [
            "infection",
            "herpes",
            "allergy",
            "granuloma",
            "scar",
            "cold sore",
            "eczema",
            "dermatitis",
            "psoriasis",
            "rosacea",
            "keloid",
            "diabetes",
            "cancer",
            "hyperpigmentation",
        ];
        for (key, _, text) in ENTRIES {
            let lower = text.to_lowercase();
            for (at, _) in lower.match_indices("you have ") {
                let after: String = lower[at + "you have ".len()..].chars().take(24).collect();
                for c in CONDITIONS {
                    assert!(!after.contains(c), "{key} diagnoses: {text}");
                }
            }
            assert!(!lower.contains("you've got"), "{key}: {text}");
        }
    }

    #[test]
    fn messages_never_tell_anyone_to_stop_a_medicine() {
        for (key, _, text) in ENTRIES {
            let lower = text.to_lowercase();
            assert!(!lower.contains("stop taking"), "{key}: {text}");
            if lower.contains("medicine") && lower.contains("stop") {
                assert!(lower.contains("never stop"), "{key}: {text}");
            }
        }
    }

    #[test]
    fn messages_are_short_full_sentences() {
        for (key, _, text) in ENTRIES {
            assert!(!text.trim().is_empty(), "{key} is empty");
            assert!(
                text.ends_with('.') || text.ends_with('?') || text.ends_with('!'),
                "{key} does not end a sentence: {text}"
            );
            assert!(text.chars().count() <= 280, "{key} is too long");
            assert_eq!(text.trim(), *text, "{key} has stray spaces");
        }
    }

    #[test]
    fn titles_are_short_headings() {
        for (key, title, _) in ENTRIES {
            assert!(title.chars().count() <= 40, "{key}: {title}");
            assert!(!title.contains('.'), "{key}: {title}");
            let words = title.split_whitespace().count();
            assert!((2..=6).contains(&words), "{key}: {title}");
        }
    }

    #[test]
    fn unsure_keys_say_so_and_emergencies_say_call() {
        for key in MESSAGE_KEYS.iter().filter(|k| k.ends_with("_unsure")) {
            let text = message(key).unwrap_or("");
            assert!(text.starts_with("You weren't sure"), "{key}: {text}");
        }
        let rx10 = message("rx10.call_emergency_services").unwrap_or("");
        assert!(rx10.contains("Call your local emergency number now."));
    }
}
