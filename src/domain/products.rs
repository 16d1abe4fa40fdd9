//! The ingredient catalogue and "can I use this now?" (AFT-1..7, PRE-2,
//! PRE-5, PER-14), plus the same question for activities (AFT-3, AFT-4,
//! AFT-6).
//!
//! Invariants:
//! - Matching ignores case, spaces and punctuation: [`normalise`] keeps only
//!   ASCII letters and digits, lowercased, and is idempotent.
//! - A name is recognised as bland only when every word of it is a bland
//!   ingredient, a generic word ("serum", "gel") or a number. Any other
//!   catalogue name found anywhere in it (even glued to other words) makes
//!   it that class; several classes give the most restrictive answer.
//! - An unrecognised name is [`UseVerdict::Unknown`], never allowed, and a
//!   name with an unrecognised part is never more than "unknown" once its
//!   known windows have passed.
//! - Windows are elapsed time from the last session's end; a clock before
//!   that end is treated as the end itself.

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

use super::aftercare::{FIRST_DAY, LOCK, MAKEUP_CAUTION_END, SPF_SPAN, SWEAT_CAUTION_END, WEEK};
use super::model::{Activity, ProductClass};
use super::rules::{Reason, RuleId};
use crate::domain::order;

/// The catalogue: each class with its names and aliases. Bland names are
/// only used whole; every other name is also searched inside longer names.
pub const CATALOGUE: &[(ProductClass, &[&str])] = &[
    (
        ProductClass::Retinoid,
        &[
            "retinol",
            "retinal",
            "retinaldehyde",
            "tretinoin",
            "retinoic acid",
            "adapalene",
            "tazarotene",
            "trifarotene",
            "retinyl palmitate",
            "retinyl acetate",
            "retinyl propionate",
            "retinyl retinoate",
            "hydroxypinacolone retinoate",
            "granactive",
            "retinoid",
            "vitamin a",
            "isotretinoin",
            "differin",
        ],
    ),
    (
        ProductClass::Aha,
        &[
            "aha",
            "alpha hydroxy",
            "glycolic",
            "lactic",
            "mandelic",
            "citric acid",
            "malic acid",
            "tartaric",
            "phytic acid",
        ],
    ),
    (
        ProductClass::Bha,
        &[
            "bha",
            "beta hydroxy",
            "salicylic",
            "salicylate",
            "willow bark",
        ],
    ),
    (
        ProductClass::Pha,
        &[
            "pha",
            "polyhydroxy",
            "gluconolactone",
            "lactobionic",
            "maltobionic",
        ],
    ),
    (
        ProductClass::OtherAcid,
        &[
            "azelaic",
            "kojic",
            "tranexamic",
            "exfoliating acid",
            "acid toner",
            "acid peel",
        ],
    ),
    (
        ProductClass::VitaminC,
        &[
            "vitamin c",
            "ascorbic",
            "ascorbyl",
            "ascorbate",
            "ethyl ascorbic acid",
            "sodium ascorbyl phosphate",
            "magnesium ascorbyl phosphate",
            "ascorbyl glucoside",
            "tetrahexyldecyl ascorbate",
            "ascorbyl palmitate",
        ],
    ),
    (
        ProductClass::BenzoylPeroxide,
        &["benzoyl", "benzoyl peroxide", "bpo"],
    ),
    (
        ProductClass::PhysicalExfoliant,
        &[
            "scrub",
            "exfoliant",
            "exfoliator",
            "exfoliating",
            "exfoliation",
            "microdermabrasion",
            "dermaplaning",
            "konjac",
            "loofah",
            "pumice",
        ],
    ),
    (
        ProductClass::EnzymeExfoliant,
        &["enzyme", "papain", "bromelain"],
    ),
    (
        ProductClass::FaceBrush,
        &[
            "face brush",
            "facial brush",
            "cleansing brush",
            "sonic brush",
            "clarisonic",
            "foreo",
        ],
    ),
    (
        ProductClass::Peel,
        &["peel", "chemical peel", "jessner", "tca", "trichloroacetic"],
    ),
    (
        ProductClass::SelfTanner,
        &[
            "self tan",
            "selftan",
            "tanning",
            "bronzing drops",
            "dihydroxyacetone",
            "tan drops",
        ],
    ),
    (
        ProductClass::HairRemoval,
        &[
            "hair removal",
            "waxing",
            "wax strip",
            "hot wax",
            "sugaring",
            "depilatory",
            "epilator",
            "epilating",
            "shaving",
            "razor",
            "threading",
            "tweezing",
            "plucking",
        ],
    ),
    (
        ProductClass::Makeup,
        &[
            "makeup",
            "make up",
            "foundation",
            "concealer",
            "blusher",
            "blush",
            "bronzer",
            "primer",
            "bb cream",
            "cc cream",
            "tinted moisturiser",
            "tinted moisturizer",
            "highlighter",
            "contour",
            "setting powder",
            "face powder",
            "setting spray",
            "mascara",
            "eyeshadow",
            "lipstick",
        ],
    ),
    (
        ProductClass::Sunscreen,
        &[
            "sunscreen",
            "sun screen",
            "sunblock",
            "sun cream",
            "spf",
            "sun lotion",
            "uv filter",
        ],
    ),
    (
        ProductClass::OtherSkincare,
        &[
            "aloe",
            "niacinamide",
            "peptide",
            "centella",
            "cica",
            "madecassoside",
            "vitamin e",
            "tocopherol",
            "essential oil",
            "fragrance",
            "parfum",
            "witch hazel",
            "tea tree",
            "bakuchiol",
        ],
    ),
    (
        ProductClass::Bland,
        &[
            "hyaluronic acid",
            "hyaluronic",
            "sodium hyaluronate",
            "hyaluronan",
            "ha",
            "glycerin",
            "glycerine",
            "glycerol",
            "ceramide",
            "ceramides",
            "panthenol",
            "dexpanthenol",
            "provitamin b5",
            "squalane",
            "petrolatum",
            "petroleum jelly",
            "allantoin",
        ],
    ),
];

/// Generic words allowed around bland ingredients ("plain HA serum").
#[rustfmt::skip]
const GENERIC_WORDS: &[&str] = &[
    "serum", "gel", "cream", "lotion", "moisturiser", "moisturizer", "hydrator", "hydrating",
    "plain", "pure", "solution", "and", "with", "plus", "fragrance free", "unscented", "acid",
    "extract", "mineral", "daily", "face", "facial", "broad", "spectrum", "sensitive", "skin",
    "gentle", "light", "lightweight", "liquid", "for", "the", "of", "ml",
];

/// Lowercases and keeps only ASCII letters and digits.
pub fn normalise(name: &str) -> String {
    name.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// What the catalogue recognises in a name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Classification {
    /// The classes found, most restrictive last, without duplicates.
    pub classes: Vec<ProductClass>,
    /// Whether every word of the name is accounted for.
    pub fully_recognised: bool,
}

/// Classifies a product or ingredient name.
pub fn classify(name: &str) -> Classification {
    let compact = normalise(name);
    let mut classes: Vec<ProductClass> = CATALOGUE
        .iter()
        .filter(|(class, _)| *class != ProductClass::Bland)
        .filter(|(_, names)| names.iter().any(|n| contains_name(&compact, n)))
        .map(|(class, _)| *class)
        .collect();
    let fully_recognised = !compact.is_empty() && covered(&words(name));
    if classes.is_empty() && fully_recognised {
        classes.push(ProductClass::Bland);
    }
    order::sort(&mut classes);
    Classification {
        classes,
        fully_recognised,
    }
}

fn contains_name(compact: &str, name: &str) -> bool {
    let needle = normalise(name);
    !needle.is_empty() && compact.contains(&needle)
}

/// Splits a name into normalised words.
fn words(name: &str) -> Vec<String> {
    name.split(|c: char| !c.is_ascii_alphanumeric())
        .map(normalise)
        .filter(|w| !w.is_empty())
        .collect()
}

/// Returns true when the words split entirely into known names, generic
/// words and numbers, with at least one catalogue name among them (dynamic
/// programming over word spans; `reach[i]` records whether the words before
/// `i` can be split, and whether a split uses a catalogue name).
fn covered(words: &[String]) -> bool {
    let mut reach: Vec<Option<bool>> = vec![None; words.len() + 1];
    reach[0] = Some(false);
    for start in 0..words.len() {
        let Some(named) = reach[start] else {
            continue;
        };
        let mut joined = String::new();
        for end in start..words.len() {
            joined.push_str(&words[end]);
            if let Some(is_name) = piece_kind(&joined) {
                let flag = named || is_name;
                reach[end + 1] = Some(reach[end + 1].unwrap_or(false) || flag);
            }
        }
    }
    reach[words.len()] == Some(true)
}

/// `Some(true)` for a catalogue name, `Some(false)` for a generic word or a
/// number, `None` otherwise.
fn piece_kind(piece: &str) -> Option<bool> {
    let singular = piece.strip_suffix('s').unwrap_or(piece);
    let is_name = CATALOGUE
        .iter()
        .flat_map(|(_, names)| names.iter())
        .any(|n| normalise(n) == piece || normalise(n) == singular);
    if is_name {
        Some(true)
    } else if is_generic(piece) {
        Some(false)
    } else {
        None
    }
}

fn is_generic(piece: &str) -> bool {
    let singular = piece.strip_suffix('s').unwrap_or(piece);
    piece.chars().all(|c| c.is_ascii_digit())
        || GENERIC_WORDS
            .iter()
            .any(|g| normalise(g) == piece || normalise(g) == singular)
}

/// The answer to "can I use this now?".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum UseVerdict {
    /// Fine now.
    Allowed,
    /// Fine, with a warning to acknowledge.
    Warn,
    /// Not before this instant.
    NotUntil(DateTime<Utc>),
    /// PER-14: the person said they react to it.
    Avoid,
    /// Not recognised: check the label; never allowed.
    Unknown,
}

impl UseVerdict {
    /// Orders verdicts from most permissive to most restrictive.
    fn rank(&self) -> (u8, Option<DateTime<Utc>>) {
        match self {
            UseVerdict::Allowed => (0, None),
            UseVerdict::Warn => (1, None),
            UseVerdict::Unknown => (2, None),
            UseVerdict::NotUntil(t) => (3, Some(*t)),
            UseVerdict::Avoid => (4, None),
        }
    }
}

/// A verdict with the classes recognised and the reasons behind it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UseAnswer {
    pub verdict: UseVerdict,
    pub classes: Vec<ProductClass>,
    pub reasons: Vec<Reason>,
}

/// The inputs of a product question besides the name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProductContext<'a> {
    /// The end of the last session, if any.
    pub last_session_end: Option<DateTime<Utc>>,
    /// PER-14: products or ingredients the person reacts to.
    pub allergens: &'a [String],
    /// AFT-5: the skin is flaking now.
    pub flaking: bool,
    pub now: DateTime<Utc>,
}

/// Can the person put `name` on treated skin now?
pub fn can_use_product(name: &str, ctx: &ProductContext<'_>) -> UseAnswer {
    let found = classify(name);
    if let Some(reason) = allergen_reason(name, &found, ctx.allergens) {
        return UseAnswer {
            verdict: UseVerdict::Avoid,
            classes: found.classes,
            reasons: vec![reason],
        };
    }
    if found.classes.is_empty() {
        return unknown(found.classes);
    }
    let mut answers: Vec<(UseVerdict, Vec<Reason>)> = found
        .classes
        .iter()
        .map(|class| class_verdict(*class, ctx))
        .collect();
    order::sort_by_key(&mut answers, |(verdict, _)| verdict.rank());
    let (verdict, mut reasons) = answers.pop().unwrap_or((UseVerdict::Unknown, Vec::new()));
    if verdict == UseVerdict::Allowed && !found.fully_recognised {
        return unknown(found.classes);
    }
    if !found.fully_recognised {
        reasons.push(Reason::info(RuleId::Aft1, "product.partly_unknown")); // AFT-1
    }
    if ctx.last_session_end.is_some_and(|end| ctx.now < end) {
        reasons.push(Reason::info(RuleId::Aft1, "clock.behind_last_session")); // AFT-1
    }
    UseAnswer {
        verdict,
        classes: found.classes,
        reasons,
    }
}

fn unknown(classes: Vec<ProductClass>) -> UseAnswer {
    UseAnswer {
        verdict: UseVerdict::Unknown,
        classes,
        reasons: vec![Reason::warn(RuleId::Aft1, "product.unknown_check_label")], // AFT-1
    }
}

/// PER-14: a name or class matching a declared allergen is to be avoided.
fn allergen_reason(name: &str, found: &Classification, allergens: &[String]) -> Option<Reason> {
    let compact = normalise(name);
    let hit = allergens.iter().any(|allergen| {
        let a = normalise(allergen);
        let by_name = !a.is_empty() && (compact.contains(&a) || a.contains(&compact));
        let by_class = classify(allergen)
            .classes
            .iter()
            .any(|c| *c != ProductClass::Bland && found.classes.contains(c));
        by_name || by_class
    });
    hit.then(|| Reason::block(RuleId::Per14, "per14.avoid_allergen")) // PER-14
}

/// The verdict for one class, `elapsed` after the last session end.
fn class_verdict(class: ProductClass, ctx: &ProductContext<'_>) -> (UseVerdict, Vec<Reason>) {
    let Some(end) = ctx.last_session_end else {
        return no_session_verdict(class);
    };
    let elapsed = (ctx.now - end).max(Duration::zero());
    let at = |d: Duration| end + d;
    match class {
        ProductClass::Bland => allowed(vec![Reason::info(RuleId::Aft1, "aft1.bland_ok")]), // AFT-1
        ProductClass::OtherSkincare => lock_then(
            elapsed,
            FIRST_DAY,
            at(FIRST_DAY),
            RuleId::Aft1, // AFT-1
            "aft1.bland_only",
        ),
        ProductClass::Sunscreen => sunscreen_verdict(elapsed, end),
        ProductClass::Makeup => makeup_verdict(elapsed, end),
        ProductClass::SelfTanner | ProductClass::HairRemoval => lock_then(
            elapsed,
            LOCK,
            at(LOCK),
            RuleId::Aft7, // AFT-7
            "aft7.no_hair_removal_tan_peel",
        ),
        ProductClass::Peel => peel_verdict(elapsed, end),
        _ => active_verdict(elapsed, end, ctx.flaking),
    }
}

fn allowed(reasons: Vec<Reason>) -> (UseVerdict, Vec<Reason>) {
    (UseVerdict::Allowed, reasons)
}

/// Without any session yet, everything known is allowed; actives carry the
/// PRE-2 reminder.
fn no_session_verdict(class: ProductClass) -> (UseVerdict, Vec<Reason>) {
    if class.is_active() || class == ProductClass::Peel {
        allowed(vec![Reason::info(
            RuleId::Pre2, // PRE-2
            "pre2.stop_actives_before_session",
        )])
    } else {
        allowed(Vec::new())
    }
}

/// A BLOCK until `span` has elapsed, then allowed.
fn lock_then(
    elapsed: Duration,
    span: Duration,
    lifts: DateTime<Utc>,
    rule: RuleId,
    key: &'static str,
) -> (UseVerdict, Vec<Reason>) {
    if elapsed < span {
        let reason = Reason::block(rule, key).until(lifts);
        (UseVerdict::NotUntil(lifts), vec![reason])
    } else {
        allowed(Vec::new())
    }
}

/// AFT-1 and AFT-3 (no sunscreen on the skin and no sun the first 24 h),
/// then AFT-4 (SPF 30+ every day for two weeks).
fn sunscreen_verdict(elapsed: Duration, end: DateTime<Utc>) -> (UseVerdict, Vec<Reason>) {
    if elapsed < FIRST_DAY {
        let lifts = end + FIRST_DAY;
        let reasons = vec![
            Reason::block(RuleId::Aft1, "aft1.sunscreen_from_24h").until(lifts), // AFT-1
            Reason::warn(RuleId::Aft3, "aft3.stay_out_of_sun").until(lifts),     // AFT-3
        ];
        (UseVerdict::NotUntil(lifts), reasons)
    } else if elapsed < FIRST_DAY + SPF_SPAN {
        allowed(vec![
            Reason::info(RuleId::Aft4, "aft4.spf_recommended").until(end + FIRST_DAY + SPF_SPAN), // AFT-4
        ])
    } else {
        allowed(Vec::new())
    }
}

/// AFT-2: no makeup for 24 h, caution to 48 h.
fn makeup_verdict(elapsed: Duration, end: DateTime<Utc>) -> (UseVerdict, Vec<Reason>) {
    if elapsed < FIRST_DAY {
        let lifts = end + FIRST_DAY;
        let reason = Reason::block(RuleId::Aft2, "aft2.no_makeup").until(lifts); // AFT-2
        (UseVerdict::NotUntil(lifts), vec![reason])
    } else if elapsed < MAKEUP_CAUTION_END {
        let reason =
            Reason::warn(RuleId::Aft2, "aft2.makeup_caution").until(end + MAKEUP_CAUTION_END); // AFT-2
        (UseVerdict::Warn, vec![reason])
    } else {
        allowed(Vec::new())
    }
}

/// AFT-5: actives locked 72 h, caution to 7 days and while flaking.
fn active_verdict(
    elapsed: Duration,
    end: DateTime<Utc>,
    flaking: bool,
) -> (UseVerdict, Vec<Reason>) {
    if elapsed < LOCK {
        let lifts = end + LOCK;
        let reason = Reason::block(RuleId::Aft5, "aft5.actives_locked").until(lifts); // AFT-5
        (UseVerdict::NotUntil(lifts), vec![reason])
    } else if elapsed < WEEK {
        let reason = Reason::warn(RuleId::Aft5, "aft5.actives_caution").until(end + WEEK); // AFT-5
        (UseVerdict::Warn, vec![reason])
    } else if flaking {
        (
            UseVerdict::Warn,
            vec![Reason::warn(RuleId::Aft5, "aft5.actives_while_flaking")], // AFT-5
        )
    } else {
        allowed(Vec::new())
    }
}

/// AFT-7 for 72 h; afterwards a peel is still an acid (AFT-5 caution) and
/// will hold the next session for 4 weeks (SKIN-6).
fn peel_verdict(elapsed: Duration, end: DateTime<Utc>) -> (UseVerdict, Vec<Reason>) {
    let skin6 = Reason::info(RuleId::Skin6, "skin6.peel_delays_next_session"); // SKIN-6
    if elapsed < LOCK {
        let lifts = end + LOCK;
        let reason = Reason::block(RuleId::Aft7, "aft7.no_hair_removal_tan_peel").until(lifts); // AFT-7
        (UseVerdict::NotUntil(lifts), vec![reason, skin6])
    } else if elapsed < WEEK {
        let reason = Reason::warn(RuleId::Aft5, "aft5.actives_caution").until(end + WEEK); // AFT-5
        (UseVerdict::Warn, vec![reason, skin6])
    } else {
        allowed(vec![skin6])
    }
}

/// Can the person do `activity` now (AFT-3, AFT-4, AFT-6)?
pub fn can_do_activity(
    activity: Activity,
    last_session_end: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> UseAnswer {
    let (verdict, reasons) = match last_session_end {
        None => allowed(Vec::new()),
        Some(end) => activity_verdict(activity, (now - end).max(Duration::zero()), end),
    };
    UseAnswer {
        verdict,
        classes: Vec::new(),
        reasons,
    }
}

fn activity_verdict(
    activity: Activity,
    elapsed: Duration,
    end: DateTime<Utc>,
) -> (UseVerdict, Vec<Reason>) {
    match activity {
        Activity::SunExposure if elapsed < FIRST_DAY => {
            let reason = Reason::warn(RuleId::Aft3, "aft3.stay_out_of_sun").until(end + FIRST_DAY); // AFT-3
            (UseVerdict::Warn, vec![reason])
        }
        Activity::SunExposure if elapsed < FIRST_DAY + SPF_SPAN => {
            let until = end + FIRST_DAY + SPF_SPAN;
            (
                UseVerdict::Warn,
                vec![Reason::warn(RuleId::Aft4, "aft4.daily_spf").until(until)], // AFT-4
            )
        }
        Activity::SunExposure => allowed(Vec::new()),
        _ if elapsed < LOCK => {
            let lifts = end + LOCK;
            let reason = Reason::block(RuleId::Aft6, "aft6.no_sweat_or_water").until(lifts); // AFT-6
            (UseVerdict::NotUntil(lifts), vec![reason])
        }
        _ if elapsed < SWEAT_CAUTION_END => {
            let until = end + SWEAT_CAUTION_END;
            let reason = Reason::warn(RuleId::Aft6, "aft6.sweat_water_caution").until(until); // AFT-6
            (UseVerdict::Warn, vec![reason])
        }
        _ => allowed(Vec::new()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::time::{days, hours};
    use chrono::TimeZone;
    use ProductClass as C;

    fn end() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2025, 10, 25, 22, 30, 0).unwrap()
    }

    fn ask(name: &str, after: Duration) -> UseAnswer {
        let ctx = ProductContext {
            last_session_end: Some(end()),
            allergens: &[],
            flaking: false,
            now: end() + after,
        };
        can_use_product(name, &ctx)
    }

    #[test]
    fn normalise_ignores_case_spacing_and_punctuation() {
        let table = [
            ("L-Ascorbic Acid", "lascorbicacid"),
            ("  Hyaluronic   ACID ", "hyaluronicacid"),
            ("retinyl_palmitate!", "retinylpalmitate"),
            ("Décolleté 2%", "dcollet2"),
            ("", ""),
        ];
        for (raw, expected) in table {
            assert_eq!(normalise(raw), expected);
            assert_eq!(normalise(&normalise(raw)), normalise(raw));
        }
    }

    /// The catalogue's aliases map to their classes (AFT-5, AFT-1, PRE-5).
    #[test]
    fn catalogue_classifies_aliases() {
        let table = [
            ("Retinol", C::Retinoid),
            ("retinaldehyde", C::Retinoid),
            ("Tretinoin 0.025% cream", C::Retinoid),
            ("Adapalene gel", C::Retinoid),
            ("Hydroxypinacolone Retinoate", C::Retinoid),
            ("retinyl-acetate", C::Retinoid),
            ("Glycolic Acid 7% Toning Solution", C::Aha),
            ("Mandelic acid", C::Aha),
            ("Salicylic acid 2%", C::Bha),
            ("Betaine salicylate", C::Bha),
            ("Willow Bark extract", C::Bha),
            ("Gluconolactone", C::Pha),
            ("Lactobionic acid", C::Pha),
            ("Azelaic acid", C::OtherAcid),
            ("L-Ascorbic Acid", C::VitaminC),
            ("Sodium Ascorbyl Phosphate", C::VitaminC),
            ("Ethyl ascorbic acid", C::VitaminC),
            ("Tetrahexyldecyl Ascorbate", C::VitaminC),
            ("Vitamin C serum", C::VitaminC),
            ("Benzoyl Peroxide 5%", C::BenzoylPeroxide),
            ("Apricot scrub", C::PhysicalExfoliant),
            ("Papain", C::EnzymeExfoliant),
            ("Bromelain", C::EnzymeExfoliant),
            ("Sonic face brush", C::FaceBrush),
            ("Glycerin", C::Bland),
            ("Hyaluronic acid serum", C::Bland),
            ("Sodium hyaluronate", C::Bland),
            ("Ceramides", C::Bland),
            ("Panthenol", C::Bland),
            ("Squalane", C::Bland),
            ("Petrolatum", C::Bland),
            ("Allantoin", C::Bland),
            ("Plain HA gel", C::Bland),
            ("Aloe vera gel", C::OtherSkincare),
            ("Niacinamide 10%", C::OtherSkincare),
            ("Mineral sunscreen SPF 50", C::Sunscreen),
            ("Liquid foundation", C::Makeup),
            ("Self-tan mousse", C::SelfTanner),
            ("Wax strips", C::HairRemoval),
            ("Chemical peel", C::Peel),
        ];
        for (name, class) in table {
            let found = classify(name);
            assert!(found.classes.contains(&class), "{name}: {found:?}");
        }
    }

    #[test]
    fn mixed_names_keep_every_restrictive_class() {
        let found = classify("Glycolic acid toner with glycerin");
        assert!(found.classes.contains(&C::Aha));
        assert!(!found.classes.contains(&C::Bland));
        assert!(classify("hyaluronic acid and glycerin").fully_recognised);
        assert!(classify("Wax strips").fully_recognised);
        assert!(!classify("Glycolic serum with copper").fully_recognised);
        assert!(classify("Mineral sunscreen SPF 50 for sensitive skin").fully_recognised);
        assert!(!classify("hyaluronic acid with copper").fully_recognised);
        assert!(classify("").classes.is_empty());
        assert!(
            classify("cream").classes.is_empty(),
            "generic words alone are unknown"
        );
        assert!(classify("serum 2").classes.is_empty());
    }

    /// AFT-5: actives locked until exactly 72 h, then caution to 7 days.
    #[test]
    fn aft5_actives_boundaries() {
        let s = Duration::seconds(1);
        for name in [
            "retinol",
            "glycolic acid",
            "salicylic acid",
            "vitamin c",
            "benzoyl peroxide",
            "scrub",
            "papain",
            "face brush",
            "gluconolactone",
        ] {
            let table = [
                (Duration::zero(), UseVerdict::NotUntil(end() + hours(72))),
                (hours(72) - s, UseVerdict::NotUntil(end() + hours(72))),
                (hours(72), UseVerdict::Warn),
                (days(7) - s, UseVerdict::Warn),
                (days(7), UseVerdict::Allowed),
            ];
            for (after, expected) in table {
                assert_eq!(
                    ask(name, after).verdict,
                    expected,
                    "AFT-5 {name} at {after}"
                );
            }
            assert_eq!(ask(name, Duration::zero()).reasons[0].rule, RuleId::Aft5);
            // AFT-5
        }
    }

    /// AFT-5: while flaking, actives stay a warning after 7 days.
    #[test]
    fn aft5_flaking_keeps_warning() {
        let ctx = ProductContext {
            last_session_end: Some(end()),
            allergens: &[],
            flaking: true,
            now: end() + days(10),
        };
        let answer = can_use_product("retinol", &ctx);
        assert_eq!(answer.verdict, UseVerdict::Warn);
        assert_eq!(answer.reasons[0].key, "aft5.actives_while_flaking", "AFT-5");
    }

    /// AFT-1: bland allowed at once; other skincare only from 24 h.
    #[test]
    fn aft1_bland_only_first_24h() {
        let s = Duration::seconds(1);
        let table = [
            ("hyaluronic acid", Duration::zero(), UseVerdict::Allowed),
            (
                "niacinamide",
                hours(24) - s,
                UseVerdict::NotUntil(end() + hours(24)),
            ),
            ("niacinamide", hours(24), UseVerdict::Allowed),
        ];
        for (name, after, expected) in table {
            assert_eq!(
                ask(name, after).verdict,
                expected,
                "AFT-1 {name} at {after}"
            );
        }
    }

    /// AFT-2: makeup blocked 24 h, warned to 48 h.
    #[test]
    fn aft2_makeup_boundaries() {
        let s = Duration::seconds(1);
        let table = [
            (hours(24) - s, UseVerdict::NotUntil(end() + hours(24))),
            (hours(24), UseVerdict::Warn),
            (hours(48) - s, UseVerdict::Warn),
            (hours(48), UseVerdict::Allowed),
        ];
        for (after, expected) in table {
            assert_eq!(
                ask("foundation", after).verdict,
                expected,
                "AFT-2 at {after}"
            );
        }
    }

    /// AFT-3 and AFT-4: no sunscreen and no sun in the first 24 h, then SPF.
    #[test]
    fn aft3_aft4_sunscreen_interplay() {
        let s = Duration::seconds(1);
        let first = ask("SPF 30", hours(24) - s);
        assert_eq!(first.verdict, UseVerdict::NotUntil(end() + hours(24)));
        assert!(
            first.reasons.iter().any(|r| r.rule == RuleId::Aft3), // AFT-3
            "AFT-3"
        );
        let later = ask("SPF 30", hours(24));
        assert_eq!(later.verdict, UseVerdict::Allowed);
        assert_eq!(later.reasons[0].rule, RuleId::Aft4, "AFT-4");
        assert_eq!(later.reasons[0].until, Some(end() + hours(24) + days(14)));
        assert!(ask("SPF 30", hours(24) + days(14)).reasons.is_empty());
    }

    /// AFT-7: hair removal, self-tanner and peels blocked 72 h.
    #[test]
    fn aft7_boundaries() {
        let s = Duration::seconds(1);
        for name in ["waxing", "self tanner", "chemical peel"] {
            let locked = ask(name, hours(72) - s);
            assert_eq!(
                locked.verdict,
                UseVerdict::NotUntil(end() + hours(72)),
                "AFT-7 {name}"
            );
            assert_eq!(locked.reasons[0].rule, RuleId::Aft7); // AFT-7
            assert_ne!(
                ask(name, hours(72)).verdict,
                UseVerdict::NotUntil(end() + hours(72))
            );
        }
        assert_eq!(ask("chemical peel", hours(72)).verdict, UseVerdict::Warn);
        assert_eq!(ask("chemical peel", days(7)).verdict, UseVerdict::Allowed);
        assert_eq!(ask("waxing", hours(72)).verdict, UseVerdict::Allowed);
    }

    /// Unknown names are never allowed, even long after a session.
    #[test]
    fn unknown_is_never_allowed() {
        for name in ["Mystery Elixir", "hyaluronic acid with copper", "", "!!!"] {
            for after in [Duration::zero(), days(400)] {
                let answer = ask(name, after);
                assert_eq!(answer.verdict, UseVerdict::Unknown, "{name}");
                assert_eq!(answer.reasons[0].key, "product.unknown_check_label");
            }
        }
        let partly = ask("retinol with mystery", Duration::zero());
        assert_eq!(partly.verdict, UseVerdict::NotUntil(end() + hours(72)));
        assert!(partly
            .reasons
            .iter()
            .any(|r| r.key == "product.partly_unknown"));
    }

    /// PER-14: a declared allergen is to be avoided, by name or by class.
    #[test]
    fn per14_allergen_is_avoided() {
        let allergens = vec!["Salicylic acid".to_string(), "Aloe".to_string()];
        let ctx = ProductContext {
            last_session_end: None,
            allergens: &allergens,
            flaking: false,
            now: end(),
        };
        for name in ["salicylic acid 2%", "Willow bark toner", "aloe vera gel"] {
            let answer = can_use_product(name, &ctx);
            assert_eq!(answer.verdict, UseVerdict::Avoid, "PER-14 {name}");
            assert_eq!(answer.reasons[0].rule, RuleId::Per14); // PER-14
        }
        assert_eq!(
            can_use_product("glycerin", &ctx).verdict,
            UseVerdict::Allowed
        );
    }

    /// PRE-2: without any session, actives carry the stop-before reminder.
    #[test]
    fn pre2_reminder_without_session() {
        let ctx = ProductContext {
            last_session_end: None,
            allergens: &[],
            flaking: false,
            now: end(),
        };
        let answer = can_use_product("retinol", &ctx);
        assert_eq!(answer.verdict, UseVerdict::Allowed);
        assert_eq!(answer.reasons[0].rule, RuleId::Pre2, "PRE-2");
        assert!(can_use_product("foundation", &ctx).reasons.is_empty());
    }

    /// A clock behind the session end keeps the lock and says so.
    #[test]
    fn clock_behind_keeps_product_locks() {
        let answer = ask("retinol", -days(3));
        assert_eq!(answer.verdict, UseVerdict::NotUntil(end() + hours(72)));
        assert!(answer
            .reasons
            .iter()
            .any(|r| r.key == "clock.behind_last_session"));
    }

    /// AFT-6: heavy exercise and water blocked 72 h, warned to 5 days;
    /// AFT-3 and AFT-4 for the sun.
    #[test]
    fn aft6_activity_boundaries() {
        let s = Duration::seconds(1);
        let table = [
            (
                Activity::Sauna,
                hours(72) - s,
                UseVerdict::NotUntil(end() + hours(72)),
            ),
            (Activity::HotTub, hours(72), UseVerdict::Warn),
            (Activity::SwimmingPool, days(5) - s, UseVerdict::Warn),
            (Activity::HeavyExercise, days(5), UseVerdict::Allowed),
            (
                Activity::SteamRoom,
                Duration::zero(),
                UseVerdict::NotUntil(end() + hours(72)),
            ),
            (Activity::SunExposure, hours(24) - s, UseVerdict::Warn),
            (
                Activity::SunExposure,
                hours(24) + days(14) - s,
                UseVerdict::Warn,
            ),
            (
                Activity::SunExposure,
                hours(24) + days(14),
                UseVerdict::Allowed,
            ),
        ];
        for (activity, after, expected) in table {
            let answer = can_do_activity(activity, Some(end()), end() + after);
            assert_eq!(answer.verdict, expected, "AFT-6 {activity:?} at {after}");
        }
        let sun = can_do_activity(Activity::SunExposure, Some(end()), end());
        assert_eq!(sun.reasons[0].rule, RuleId::Aft3, "AFT-3");
        let spf = can_do_activity(Activity::SunExposure, Some(end()), end() + hours(24));
        assert_eq!(spf.reasons[0].rule, RuleId::Aft4, "AFT-4");
        assert_eq!(
            can_do_activity(Activity::Sauna, None, end()).verdict,
            UseVerdict::Allowed
        );
    }
}
