//! The rule reference as data, for the app's "Why?" links. Each entry says,
//! in this project's words, what the rule is, how strongly it applies, its
//! value and where it comes from. docs/safety-rules.md holds the same table.
//!
//! Invariants:
//! - `RULES[i].id == RuleId::ALL[i]`: one entry per rule id, in order.
//! - `severity` is the strongest severity the engine emits for the rule;
//!   `level` spells out the full behaviour (e.g. WARN, then BLOCK).
//! - The wording is cosmetic and never diagnoses, doses or advises stopping
//!   a prescribed medicine.

use serde::Serialize;

use super::rules::{RuleId, Severity};

/// The section of the reference a rule belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    Device,
    Person,
    Skin,
    Interval,
    Before,
    Session,
    Aftercare,
    Reactions,
}

/// One rule of the reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RuleInfo {
    pub id: RuleId,
    pub section: Section,
    pub severity: Severity,
    /// The full behaviour, as in the reference's severity column.
    pub level: &'static str,
    /// What the rule is about.
    pub summary: &'static str,
    /// The value the engine encodes.
    pub value: &'static str,
    /// Where the value comes from.
    pub source: &'static str,
}

/// The information for `id`.
pub fn rule_info(id: RuleId) -> &'static RuleInfo {
    &RULES[id as usize]
}

/// Every rule, in reference order.
pub const RULES: [RuleInfo; 67] = [
    RuleInfo {
        id: RuleId::Dev1,
        section: Section::Device,
        severity: Severity::Block,
        level: "BLOCK",
        summary: "A needle longer than 0.5 mm is refused: that depth belongs in a clinic.",
        value: "0.5 mm allowed; anything above it blocked",
        source: "seed 001 (home rollers 0.2–0.5 mm, at most 0.5 mm at home); AAD press release 2018",
    },
    RuleInfo {
        id: RuleId::Dev2,
        section: Section::Device,
        severity: Severity::Block,
        level: "BLOCK",
        summary: "Electric pens and radio-frequency devices are refused; only a manual roller is supported.",
        value: "manual roller only",
        source: "FDA warning about at-home radio-frequency microneedling",
    },
    RuleInfo {
        id: RuleId::Dev3,
        section: Section::Device,
        severity: Severity::Block,
        level: "BLOCK until the person confirms the roller is theirs alone",
        summary: "A roller is never shared with anyone.",
        value: "never shared",
        source: "seed 001 §5.2; FDA 2020 guidance (spread of infections)",
    },
    RuleInfo {
        id: RuleId::Dev4,
        section: Section::Device,
        severity: Severity::Block,
        level: "WARN from 8 sessions or 5 weeks; BLOCK at 10 sessions or 6 weeks after first use, whichever comes first",
        summary: "Replace the roller regularly.",
        value: "warn 8 sessions / 5 weeks; block 10 sessions / 6 weeks",
        source: "low-grade vendor and blog pages (8–15 uses, 6 weeks to 4 months); no authoritative figure, the strict end is used",
    },
    RuleInfo {
        id: RuleId::Dev5,
        section: Section::Device,
        severity: Severity::Block,
        level: "BLOCK until replaced",
        summary: "Bent, hooked, rusty or missing needles, a roller that drags or jerks, or one that was dropped: replace it.",
        value: "at once",
        source: "low-grade pages; seed 001 §5.1 (avoid poor-quality devices)",
    },
    RuleInfo {
        id: RuleId::Per1,
        section: Section::Person,
        severity: Severity::Block,
        level: "BLOCK",
        summary: "Under 18, or age not given.",
        value: "18 years",
        source: "FDA device authorisations cover adults (22 and over)",
    },
    RuleInfo {
        id: RuleId::Per2,
        section: Section::Person,
        severity: Severity::Block,
        level: "BLOCK",
        summary: "Pregnancy or breastfeeding.",
        value: "—",
        source: "SkinPen label; Amiea Med EXCEED IFU (the Dermapen 4 manual only restricts numbing cream; the stricter reading wins)",
    },
    RuleInfo {
        id: RuleId::Per3,
        section: Section::Person,
        severity: Severity::Block,
        level: "BLOCK",
        summary: "Currently taking isotretinoin.",
        value: "—",
        source: "SkinPen label",
    },
    RuleInfo {
        id: RuleId::Per4,
        section: Section::Person,
        severity: Severity::Block,
        level: "BLOCK until 6 calendar months after the stop date",
        summary: "Isotretinoin stopped less than 6 months ago.",
        value: "6 months",
        source: "isotretinoin label; SkinPen sheets; the ASDS 2017 task force found no evidence for waiting before superficial procedures (disagreement noted)",
    },
    RuleInfo {
        id: RuleId::Per5,
        section: Section::Person,
        severity: Severity::Block,
        level: "BLOCK; talk to a doctor, never stop a prescribed medicine",
        summary: "Bleeding disorder, blood thinner, daily aspirin or another antiplatelet medicine.",
        value: "—",
        source: "seed 001 §5.3 (clotting disorders); SkinPen; EXCEED",
    },
    RuleInfo {
        id: RuleId::Per6,
        section: Section::Person,
        severity: Severity::Block,
        level: "BLOCK; refer to a doctor",
        summary: "Weakened immunity: chemotherapy or radiotherapy from 4 weeks before to 4 weeks after, high-dose corticosteroids, immunosuppressant medicines, HIV or hepatitis.",
        value: "4 weeks either side of chemo- or radiotherapy",
        source: "seed 001 §5.3 (immunosuppression); EXCEED",
    },
    RuleInfo {
        id: RuleId::Per7,
        section: Section::Person,
        severity: Severity::Block,
        level: "BLOCK",
        summary: "Tendency to keloid or raised (hypertrophic) scars.",
        value: "—",
        source: "EXCEED",
    },
    RuleInfo {
        id: RuleId::Per8,
        section: Section::Person,
        severity: Severity::Block,
        level: "BLOCK",
        summary: "Known allergy to nickel, stainless steel or other metals.",
        value: "—",
        source: "SkinPen; Chu 2021",
    },
    RuleInfo {
        id: RuleId::Per9,
        section: Section::Person,
        severity: Severity::Block,
        level: "BLOCK",
        summary: "Diabetes that is not under control.",
        value: "—",
        source: "EXCEED",
    },
    RuleInfo {
        id: RuleId::Per10,
        section: Section::Person,
        severity: Severity::Warn,
        level: "WARN",
        summary: "Controlled diabetes, or skin that heals slowly.",
        value: "—",
        source: "no specific source",
    },
    RuleInfo {
        id: RuleId::Per11,
        section: Section::Person,
        severity: Severity::Warn,
        level: "WARN: ask a doctor about antiviral cover first",
        summary: "A history of cold sores, when rolling near the mouth.",
        value: "flare-ups appear 24–48 h after",
        source: "seed 002 (herpes reactivation); King 2017",
    },
    RuleInfo {
        id: RuleId::Per12,
        section: Section::Person,
        severity: Severity::Warn,
        level: "WARN: new patches can appear where skin is injured",
        summary: "A past history of psoriasis, vitiligo or lichen planus, quiet now.",
        value: "—",
        source: "StatPearls, Koebner phenomenon",
    },
    RuleInfo {
        id: RuleId::Per13,
        section: Section::Person,
        severity: Severity::Warn,
        level: "WARN: more risk of dark marks; use lighter pressure",
        summary: "Fitzpatrick skin type IV to VI.",
        value: "—",
        source: "Chu 2021; Cohen & Elbuluk 2016",
    },
    RuleInfo {
        id: RuleId::Per14,
        section: Section::Person,
        severity: Severity::Warn,
        level: "WARN: do not use that product",
        summary: "Allergy or sensitivity to a topical product planned for use.",
        value: "—",
        source: "seed 000 (allergic reactions); seed 001",
    },
    RuleInfo {
        id: RuleId::Per15,
        section: Section::Person,
        severity: Severity::Block,
        level: "BLOCK",
        summary: "Under the influence of alcohol or drugs today.",
        value: "—",
        source: "EXCEED",
    },
    RuleInfo {
        id: RuleId::Skin1,
        section: Section::Skin,
        severity: Severity::Block,
        level: "BLOCK the zone (the whole session when widespread)",
        summary: "Active bacterial, viral or fungal infection, an open wound, or broken or irritated skin.",
        value: "until healed",
        source: "seed 001 §5.2–5.3; seed 003; SkinPen; EXCEED",
    },
    RuleInfo {
        id: RuleId::Skin2,
        section: Section::Skin,
        severity: Severity::Block,
        level: "BLOCK the session",
        summary: "An active cold sore anywhere on the face.",
        value: "until fully healed",
        source: "EXCEED; Dermapen 4 manual",
    },
    RuleInfo {
        id: RuleId::Skin3,
        section: Section::Skin,
        severity: Severity::Block,
        level: "BLOCK the zone",
        summary: "Inflamed or pustular acne.",
        value: "any active acne",
        source: "seed 001 §5.3; EXCEED (Dermapen 4 only names grade III–IV; the stricter reading wins)",
    },
    RuleInfo {
        id: RuleId::Skin4,
        section: Section::Skin,
        severity: Severity::Block,
        level: "BLOCK the zone",
        summary: "A flare of eczema, dermatitis, rash, psoriasis or rosacea.",
        value: "while it flares",
        source: "seed 001 §5.3; seed 003; EXCEED",
    },
    RuleInfo {
        id: RuleId::Skin5,
        section: Section::Skin,
        severity: Severity::Block,
        level: "BLOCK the zone",
        summary: "Sunburn or a fresh tan.",
        value: "until it settles; at least 2 weeks",
        source: "clinic sheets (low-grade)",
    },
    RuleInfo {
        id: RuleId::Skin6,
        section: Section::Skin,
        severity: Severity::Block,
        level: "BLOCK",
        summary: "A chemical peel, laser or IPL treatment in the last 4 weeks.",
        value: "4 weeks",
        source: "seed 001 §5.3 (recent peels and laser); clinic sheets give 2 weeks to 3 months",
    },
    RuleInfo {
        id: RuleId::Skin7,
        section: Section::Skin,
        severity: Severity::Block,
        level: "BLOCK the zone",
        summary: "Filler in the zone in the last 6 months, or facial surgery in the last 12 months.",
        value: "6 months (filler), 12 months (surgery)",
        source: "EXCEED",
    },
    RuleInfo {
        id: RuleId::Skin8,
        section: Section::Skin,
        severity: Severity::Block,
        level: "BLOCK the zone",
        summary: "A scar in the zone younger than 6 months.",
        value: "6 months",
        source: "EXCEED",
    },
    RuleInfo {
        id: RuleId::Skin9,
        section: Section::Skin,
        severity: Severity::Block,
        level: "BLOCK the zone; a mole that changes: see a doctor",
        summary: "A mole, wart, birthmark, solar keratosis or possible skin cancer in the zone.",
        value: "—",
        source: "SkinPen; EXCEED",
    },
    RuleInfo {
        id: RuleId::Skin10,
        section: Section::Skin,
        severity: Severity::Block,
        level: "never offered",
        summary: "Eyelids, the bony eye socket, under the eyes, lips, nostrils and mucous membranes are never zones.",
        value: "—",
        source: "SkinPen label (orbital rim); EXCEED (mucous membranes)",
    },
    RuleInfo {
        id: RuleId::Int1,
        section: Section::Interval,
        severity: Severity::Block,
        level: "BLOCK",
        summary: "Fewer than 7 days since the last session.",
        value: "7 days (168 elapsed hours)",
        source: "seed 001 §7 (home devices every 1–2 weeks) and §9 (overuse irritates or scars)",
    },
    RuleInfo {
        id: RuleId::Int2,
        section: Section::Interval,
        severity: Severity::Warn,
        level: "WARN",
        summary: "A 0.5 mm needle and fewer than 14 days since the last session.",
        value: "14 days",
        source: "clinical spacing of 2–4 weeks (Alam 2014; Harris 2015)",
    },
    RuleInfo {
        id: RuleId::Int3,
        section: Section::Interval,
        severity: Severity::Info,
        level: "INFO",
        summary: "The suggested date of the next session; a later date is always fine.",
        value: "last + 7 days up to 0.3 mm; last + 14 days at 0.5 mm",
        source: "seed 001 §7",
    },
    RuleInfo {
        id: RuleId::Int4,
        section: Section::Interval,
        severity: Severity::Block,
        level: "BLOCK until marked resolved",
        summary: "A reaction that holds sessions (section 8) is still open.",
        value: "—",
        source: "this reference, section 7",
    },
    RuleInfo {
        id: RuleId::Pre1,
        section: Section::Before,
        severity: Severity::Block,
        level: "required checklist",
        summary: "Wash hands, take off makeup, cleanse with a gentle cleanser that does not exfoliate.",
        value: "—",
        source: "seed 001 §5.2; clinic sheets",
    },
    RuleInfo {
        id: RuleId::Pre2,
        section: Section::Before,
        severity: Severity::Warn,
        level: "WARN",
        summary: "Retinoids, AHA/BHA or benzoyl peroxide used in the last 3 days.",
        value: "stop 3–7 days before",
        source: "SkinPen sheets (24 h) up to clinics (5–7 days)",
    },
    RuleInfo {
        id: RuleId::Pre3,
        section: Section::Before,
        severity: Severity::Block,
        level: "BLOCK the start until the soak timer has run or a full soak is confirmed",
        summary: "Disinfect the roller head in 70 % isopropyl alcohol (60–90 % works) for at least 10 minutes, then let it air-dry.",
        value: "at least 10 minutes",
        source: "seed 001 §5.2 and §9 (skipping sterilisation); CDC 2008 (60–90 %); vendor soak times range from 5 to 60 minutes",
    },
    RuleInfo {
        id: RuleId::Pre4,
        section: Section::Before,
        severity: Severity::Info,
        level: "wording",
        summary: "An alcohol soak at home disinfects; it does not sterilise, and the app says so.",
        value: "—",
        source: "CDC 2008 guideline",
    },
    RuleInfo {
        id: RuleId::Pre5,
        section: Section::Before,
        severity: Severity::Warn,
        level: "WARN",
        summary: "While rolling, use only plain hyaluronic acid or a bland gel; never vitamin C or other actives.",
        value: "—",
        source: "Soltani-Arabshahi 2014; Friedmann 2024 (granulomas); Chu 2021",
    },
    RuleInfo {
        id: RuleId::Pre6,
        section: Section::Before,
        severity: Severity::Info,
        level: "INFO",
        summary: "Numbing creams are not needed at 0.5 mm or less; never on broken skin, never under a wrap or heat.",
        value: "—",
        source: "FDA advisories on topical anaesthetics",
    },
    RuleInfo {
        id: RuleId::Ses1,
        section: Section::Session,
        severity: Severity::Info,
        level: "instruction",
        summary: "Roll each zone in four directions: vertical, horizontal, and both diagonals.",
        value: "4 directions",
        source: "seed 001 §5.4 (several directions for even coverage); Alster (AAD 2015 coverage)",
    },
    RuleInfo {
        id: RuleId::Ses2,
        section: Section::Session,
        severity: Severity::Info,
        level: "instruction",
        summary: "Passes per direction, lifting the roller between strokes.",
        value: "4 by default, 4–5",
        source: "low-grade pages; no authoritative figure",
    },
    RuleInfo {
        id: RuleId::Ses3,
        section: Section::Session,
        severity: Severity::Info,
        level: "instruction",
        summary: "Light pressure; drawing blood is not a goal at home.",
        value: "light",
        source: "seed 001 §5.4 (gentle pressure); Alster",
    },
    RuleInfo {
        id: RuleId::Ses4,
        section: Section::Session,
        severity: Severity::Warn,
        level: "WARN and stop that zone",
        summary: "Bleeding while rolling.",
        value: "—",
        source: "no specific source",
    },
    RuleInfo {
        id: RuleId::Ses5,
        section: Section::Session,
        severity: Severity::Info,
        level: "instruction",
        summary: "Time per zone follows from passes × directions; no authoritative time exists.",
        value: "4 × 4 passes × 2 s = 32 s (this project's cadence)",
        source: "no source; project choice",
    },
    RuleInfo {
        id: RuleId::Ses6,
        section: Section::Session,
        severity: Severity::Info,
        level: "instruction",
        summary: "Afterwards: rinse the roller under warm running water, soak again for at least 10 minutes, let it dry needles up without touching them, keep it in its closed case; never boil it.",
        value: "at least 10 minutes",
        source: "CDC 2008 (clean before disinfecting); low-grade vendor pages",
    },
    RuleInfo {
        id: RuleId::Aft1,
        section: Section::Aftercare,
        severity: Severity::Block,
        level: "BLOCK other products",
        summary: "Only a bland hydrator or plain hyaluronic acid on the skin.",
        value: "0–24 h",
        source: "seed 001 §6.1; NHS Chelsea & Westminster leaflet",
    },
    RuleInfo {
        id: RuleId::Aft2,
        section: Section::Aftercare,
        severity: Severity::Block,
        level: "BLOCK 24 h, WARN to 48 h",
        summary: "No makeup.",
        value: "0–24 h blocked; 24–48 h warned",
        source: "seed 001 §6.3",
    },
    RuleInfo {
        id: RuleId::Aft3,
        section: Section::Aftercare,
        severity: Severity::Warn,
        level: "WARN",
        summary: "Keep out of the sun.",
        value: "0–24 h",
        source: "seed 001 §6.2; SkinPen sheets (no sunscreen in the first 24 h: disagreement noted)",
    },
    RuleInfo {
        id: RuleId::Aft4,
        section: Section::Aftercare,
        severity: Severity::Warn,
        level: "WARN",
        summary: "Broad-spectrum SPF 30 or higher every day.",
        value: "from 24 h, for 2 weeks",
        source: "seed 001 §6.2; seed 004",
    },
    RuleInfo {
        id: RuleId::Aft5,
        section: Section::Aftercare,
        severity: Severity::Block,
        level: "BLOCK 72 h; WARN up to 7 days and while flaking",
        summary: "No actives: retinoids, AHA/BHA acids, vitamin C, benzoyl peroxide, scrubs, exfoliants, face brushes.",
        value: "0–72 h blocked; to 7 days warned",
        source: "mission (72 hours); seed 001 §6.3 (48–72 h) and §9; SkinPen sheets (exfoliants from day 7)",
    },
    RuleInfo {
        id: RuleId::Aft6,
        section: Section::Aftercare,
        severity: Severity::Block,
        level: "BLOCK 72 h, WARN to 5 days",
        summary: "No heavy exercise or sweating; no pool, sauna, steam room or hot tub.",
        value: "0–72 h blocked; to 5 days warned",
        source: "SkinPen sheets; EXCEED IFU",
    },
    RuleInfo {
        id: RuleId::Aft7,
        section: Section::Aftercare,
        severity: Severity::Block,
        level: "BLOCK",
        summary: "No hair removal, self-tanner or peels on the treated area.",
        value: "0–72 h",
        source: "EXCEED IFU",
    },
    RuleInfo {
        id: RuleId::Aft8,
        section: Section::Aftercare,
        severity: Severity::Info,
        level: "INFO",
        summary: "Keep hands off the area; sleep on a clean pillowcase.",
        value: "0–72 h",
        source: "seed 001 §6.1",
    },
    RuleInfo {
        id: RuleId::Aft9,
        section: Section::Aftercare,
        severity: Severity::Info,
        level: "INFO",
        summary: "Leave flaking skin alone; do not pick it.",
        value: "days 2–7",
        source: "NHS leaflet",
    },
    RuleInfo {
        id: RuleId::Aft10,
        section: Section::Aftercare,
        severity: Severity::Info,
        level: "INFO",
        summary: "Drink water and sleep well.",
        value: "always",
        source: "seed 001 §6.4",
    },
    RuleInfo {
        id: RuleId::Rx1,
        section: Section::Reactions,
        severity: Severity::Warn,
        level: "WARN; holds the next session until marked clear",
        summary: "Redness or swelling still there after 72 h, or getting worse after day 2.",
        value: "72 h",
        source: "seed 002; SkinPen sheets; Martin & Huang 2021 (expected effects settle in 24–72 h)",
    },
    RuleInfo {
        id: RuleId::Rx2,
        section: Section::Reactions,
        severity: Severity::Warn,
        level: "WARN: consult a clinician",
        summary: "Redness that lasts more than 7 days.",
        value: "7 days",
        source: "an inference from Chu 2021 (temporary effects up to 7 days)",
    },
    RuleInfo {
        id: RuleId::Rx3,
        section: Section::Reactions,
        severity: Severity::Warn,
        level: "WARN: too much pressure; lighter next time",
        summary: "Bruising with a 0.2–0.5 mm roller.",
        value: "—",
        source: "no specific source",
    },
    RuleInfo {
        id: RuleId::Rx4,
        section: Section::Reactions,
        severity: Severity::Block,
        level: "STOP, see a doctor",
        summary: "Pain or warmth that increases, redness that spreads, pus or yellow crusts, fever or chills.",
        value: "—",
        source: "possible infection: seed 000, 002, 003",
    },
    RuleInfo {
        id: RuleId::Rx5,
        section: Section::Reactions,
        severity: Severity::Block,
        level: "STOP, see a doctor",
        summary: "Clustered blisters, tingling or burning 24–48 h after a session.",
        value: "—",
        source: "possible cold-sore reactivation: seed 002; King 2017",
    },
    RuleInfo {
        id: RuleId::Rx6,
        section: Section::Reactions,
        severity: Severity::Block,
        level: "STOP, see a doctor",
        summary: "New firm red bumps, days to weeks later, that do not go away.",
        value: "—",
        source: "possible granuloma: Martin 2021; Friedmann 2024",
    },
    RuleInfo {
        id: RuleId::Rx7,
        section: Section::Reactions,
        severity: Severity::Block,
        level: "STOP, see a doctor",
        summary: "Lines or a grid matching the roller's pattern.",
        value: "—",
        source: "possible scarring: seed 000, 002; Chu 2021",
    },
    RuleInfo {
        id: RuleId::Rx8,
        section: Section::Reactions,
        severity: Severity::Block,
        level: "STOP, see a doctor",
        summary: "Dark patches that spread.",
        value: "—",
        source: "possible hyperpigmentation: seed 000, 002",
    },
    RuleInfo {
        id: RuleId::Rx9,
        section: Section::Reactions,
        severity: Severity::Block,
        level: "STOP, see a doctor",
        summary: "An itchy rash that looks like eczema.",
        value: "—",
        source: "possible contact dermatitis or allergy: seed 000",
    },
    RuleInfo {
        id: RuleId::Rx10,
        section: Section::Reactions,
        severity: Severity::Block,
        level: "CALL EMERGENCY SERVICES",
        summary: "Swollen face, lips or tongue; hives that spread; trouble breathing.",
        value: "—",
        source: "allergic reaction",
    },
    RuleInfo {
        id: RuleId::Rx11,
        section: Section::Reactions,
        severity: Severity::Block,
        level: "BLOCK further sessions until resolved or cleared",
        summary: "Any STOP entry.",
        value: "until the person marks it resolved or a clinician clears it",
        source: "this reference, section 8",
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_entry_per_id_in_order() {
        for (info, id) in RULES.iter().zip(RuleId::ALL) {
            assert_eq!(info.id, id);
            assert_eq!(rule_info(id).id, id);
            assert!(!info.summary.is_empty() && !info.source.is_empty());
        }
    }

    /// The catalogue's severities match the reference (DEV-4 BLOCK at its
    /// limit, PER-10 WARN, INT-3 INFO, RX-4 STOP blocks sessions).
    #[test]
    fn severities_match_the_reference() {
        let table = [
            (RuleId::Dev4, Severity::Block), // DEV-4
            (RuleId::Per10, Severity::Warn), // PER-10
            (RuleId::Int3, Severity::Info),  // INT-3
            (RuleId::Pre2, Severity::Warn),  // PRE-2
            (RuleId::Aft3, Severity::Warn),  // AFT-3
            (RuleId::Rx4, Severity::Block),  // RX-4
        ];
        for (id, severity) in table {
            assert_eq!(rule_info(id).severity, severity, "{id}");
        }
    }

    /// The docs table and the catalogue list the same ids with the same
    /// level text.
    #[test]
    fn docs_table_matches_catalogue() {
        let docs = include_str!("../../docs/safety-rules.md");
        for info in &RULES {
            let row = format!("| {} |", info.id.as_str());
            let line = docs.lines().find(|l| l.starts_with(&row));
            let line = line.unwrap_or_else(|| panic!("{} missing from docs", info.id));
            assert!(
                line.contains(info.level),
                "{} level differs in docs",
                info.id
            );
            assert!(
                line.contains(info.value),
                "{} value differs in docs",
                info.id
            );
        }
        let rows = docs
            .lines()
            .filter(|l| {
                l.starts_with("| ")
                    && RuleId::ALL
                        .iter()
                        .any(|id| l.starts_with(&format!("| {} |", id.as_str())))
            })
            .count();
        assert_eq!(rows, RULES.len());
    }
}
