//! Plain data types for everything the rules engine reads: the set-up profile,
//! the roller, today's check, zones, sessions, reactions and product classes.
//!
//! Invariants:
//! - Every type here is plain data: no behaviour that depends on the clock,
//!   storage or the browser. Rules live in the sibling modules.
//! - Every yes/no question uses [`Answer`], whose third value `NotSure` is
//!   always treated as "yes" by the engine, with its own message key.
//! - The `Default` of every question is the conservative one (`NotSure`,
//!   unknown age, nothing confirmed), so an unanswered profile blocks.
//! - Needle lengths are whole micrometres, never floats.
//! - [`Zone`] has no variant for an area that SKIN-10 excludes, so a session on
//!   an eyelid, lip or nostril cannot be constructed.
//! - Public names are stable: the storage layer converts to and from them.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::timer::SoakTimer;

/// The answer to a yes/no question, with a conservative third option.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// The person answered yes.
    Yes,
    /// The person answered no.
    No,
    /// The person was not sure; the engine treats this as yes.
    #[default]
    NotSure,
}

impl Answer {
    /// Returns true when the engine must act as if the answer were yes.
    pub fn counts_as_yes(self) -> bool {
        !matches!(self, Answer::No)
    }
}

/// A yes/no answer with the local calendar date the question is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct DatedAnswer {
    /// The yes/no/not-sure answer.
    pub answer: Answer,
    /// The local date it happened (or will happen), when known.
    pub date: Option<NaiveDate>,
}

/// PER-1: how the person's age is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgeAnswer {
    /// Not answered; the engine blocks.
    #[default]
    Unknown,
    /// The person confirmed they are 18 or over.
    ConfirmedAdult,
    /// The person gave their date of birth.
    BornOn(NaiveDate),
}

/// PER-6: a course of chemotherapy or radiotherapy, past, current or planned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct TreatmentCourse {
    /// Whether there was, is or will be such a course near now.
    pub answer: Answer,
    /// The first treatment day, when known (may be in the future).
    pub first_day: Option<NaiveDate>,
    /// The last treatment day, when known; unknown means ongoing.
    pub last_day: Option<NaiveDate>,
}

/// A dated event tied to one zone, or to every zone when `zone` is `None`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ZoneDated {
    /// The zone concerned; `None` means "not sure which", so every zone.
    pub zone: Option<Zone>,
    /// The local date; `None` means unknown, so the block never lifts.
    pub date: Option<NaiveDate>,
}

/// A history question answered per zone (filler, surgery, scars).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ZoneHistory {
    /// Whether there is anything to declare.
    pub answer: Answer,
    /// What was declared; an empty list with `Yes` blocks every zone.
    pub entries: Vec<ZoneDated>,
}

/// PER-13: the Fitzpatrick skin type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SkinType {
    I,
    II,
    III,
    IV,
    V,
    VI,
    #[default]
    NotSure,
}

/// The set-up answers about the person (PER-1..14) and their skin history
/// with dated windows (SKIN-6..8). PER-15 is asked daily in [`TodayCheck`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Profile {
    /// PER-1: age.
    pub age: AgeAnswer,
    /// PER-2: pregnant or breastfeeding.
    pub pregnant_or_breastfeeding: Answer,
    /// PER-3: taking isotretinoin now.
    pub isotretinoin_now: Answer,
    /// PER-4: took isotretinoin before; `date` is the stop date.
    pub isotretinoin_past: DatedAnswer,
    /// PER-5: bleeding disorder, anticoagulant, daily aspirin or antiplatelet.
    pub bleeding_risk: Answer,
    /// PER-6: chemotherapy or radiotherapy near now.
    pub chemo_or_radiotherapy: TreatmentCourse,
    /// PER-6: high-dose corticosteroids, immunosuppressants, HIV or hepatitis.
    pub other_immunosuppression: Answer,
    /// PER-7: keloid or hypertrophic scarring tendency.
    pub keloid_tendency: Answer,
    /// PER-8: nickel, stainless-steel or other metal allergy.
    pub metal_allergy: Answer,
    /// PER-9: diabetes that is not controlled.
    pub uncontrolled_diabetes: Answer,
    /// PER-10: controlled diabetes or slow wound healing.
    pub controlled_diabetes_or_slow_healing: Answer,
    /// PER-11: history of cold sores.
    pub cold_sore_history: Answer,
    /// PER-12: psoriasis, vitiligo or lichen planus history.
    pub koebner_history: Answer,
    /// PER-13: Fitzpatrick skin type.
    pub skin_type: SkinType,
    /// PER-14: allergy or sensitivity to a topical product.
    pub product_allergy: Answer,
    /// PER-14: the products or ingredients concerned, as typed.
    pub allergens: Vec<String>,
    /// SKIN-6: chemical peel, laser or IPL; `date` is the last one.
    pub peel_or_laser: DatedAnswer,
    /// SKIN-7: filler, per zone (6 months).
    pub filler: ZoneHistory,
    /// SKIN-7: facial surgery, per zone (12 months).
    pub facial_surgery: ZoneHistory,
    /// SKIN-8: scars, per zone, dated when the scar formed (6 months).
    pub recent_scars: ZoneHistory,
}

/// A needle length in whole micrometres (0.5 mm = 500), so that the DEV-1
/// boundary is exact.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
pub struct NeedleLength(pub u16);

impl NeedleLength {
    /// 0.2 mm.
    pub const MM_0_20: NeedleLength = NeedleLength(200);
    /// 0.25 mm.
    pub const MM_0_25: NeedleLength = NeedleLength(250);
    /// 0.3 mm.
    pub const MM_0_30: NeedleLength = NeedleLength(300);
    /// 0.5 mm: the longest a home roller may have (DEV-1).
    pub const MM_0_50: NeedleLength = NeedleLength(500);

    /// Builds a length from micrometres.
    pub const fn from_micrometres(um: u16) -> NeedleLength {
        NeedleLength(um)
    }

    /// Builds a length from hundredths of a millimetre (50 = 0.5 mm).
    pub const fn from_hundredths_mm(h: u16) -> NeedleLength {
        NeedleLength(h.saturating_mul(10))
    }

    /// The length in micrometres.
    pub const fn micrometres(self) -> u16 {
        self.0
    }
}

/// DEV-2: what kind of device it is. Only a manual roller is accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeviceKind {
    ManualRoller,
    ElectricPen,
    RadioFrequency,
}

/// DEV-5: damage the person reports; any flag blocks until replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct DamageFlags {
    pub bent: bool,
    pub hooked: bool,
    pub rusted: bool,
    pub missing_needle: bool,
    pub drags_or_jerks: bool,
    pub dropped: bool,
}

impl DamageFlags {
    /// Returns true when any damage is reported.
    pub fn any(self) -> bool {
        self.bent
            || self.hooked
            || self.rusted
            || self.missing_needle
            || self.drags_or_jerks
            || self.dropped
    }
}

/// The roller (DEV-1..5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Device {
    /// DEV-2: the device kind.
    pub kind: DeviceKind,
    /// DEV-1: needle length.
    pub needle: NeedleLength,
    /// DEV-4: the instant of the first session with this roller, if any.
    pub first_use: Option<DateTime<Utc>>,
    /// DEV-4: sessions done with this roller.
    pub sessions_used: u32,
    /// DEV-5: reported damage.
    pub damage: DamageFlags,
    /// DEV-3: the person confirmed nobody else uses this roller.
    pub only_mine: bool,
}

/// A zone the app offers. Areas that SKIN-10 excludes have no variant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Zone {
    Forehead,
    Nose,
    LeftCheek,
    RightCheek,
    /// The skin above the lip line, never the lip itself (SKIN-10).
    UpperLip,
    Chin,
    Jawline,
    Neck,
    Decolletage,
}

impl Zone {
    /// Every zone, in the order a guided session visits them (top to bottom).
    pub const ALL: [Zone; 9] = [
        Zone::Forehead,
        Zone::Nose,
        Zone::LeftCheek,
        Zone::RightCheek,
        Zone::UpperLip,
        Zone::Chin,
        Zone::Jawline,
        Zone::Neck,
        Zone::Decolletage,
    ];

    /// A stable key for storage and message lookups.
    pub const fn key(self) -> &'static str {
        match self {
            Zone::Forehead => "forehead",
            Zone::Nose => "nose",
            Zone::LeftCheek => "left_cheek",
            Zone::RightCheek => "right_cheek",
            Zone::UpperLip => "upper_lip",
            Zone::Chin => "chin",
            Zone::Jawline => "jawline",
            Zone::Neck => "neck",
            Zone::Decolletage => "decolletage",
        }
    }

    /// Parses a key; excluded (SKIN-10) and body areas give an error.
    pub fn from_key(key: &str) -> Result<Zone, ZoneError> {
        if let Some(zone) = Zone::ALL.iter().find(|z| z.key() == key) {
            return Ok(*zone);
        }
        if let Some(area) = ExcludedArea::ALL.iter().find(|a| a.key() == key) {
            return Err(ZoneError::Excluded(*area));
        }
        if let Some(area) = BodyArea::ALL.iter().find(|a| a.key() == key) {
            return Err(ZoneError::NotCovered(*area));
        }
        Err(ZoneError::Unknown)
    }

    /// PER-11: zones near the mouth, where a cold-sore history warns.
    pub const fn near_mouth(self) -> bool {
        matches!(
            self,
            Zone::UpperLip | Zone::Chin | Zone::LeftCheek | Zone::RightCheek
        )
    }

    /// The order of this zone in a guided session.
    pub fn order(self) -> usize {
        Zone::ALL.iter().position(|z| *z == self).unwrap_or(0)
    }
}

/// SKIN-10: areas never offered as zones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExcludedArea {
    Eyelids,
    InsideEyeSocket,
    UnderEye,
    Lips,
    Nostrils,
    MucousMembranes,
}

impl ExcludedArea {
    /// SKIN-10: every excluded area.
    pub const ALL: [ExcludedArea; 6] = [
        ExcludedArea::Eyelids,
        ExcludedArea::InsideEyeSocket,
        ExcludedArea::UnderEye,
        ExcludedArea::Lips,
        ExcludedArea::Nostrils,
        ExcludedArea::MucousMembranes,
    ];

    /// A stable key.
    pub const fn key(self) -> &'static str {
        match self {
            ExcludedArea::Eyelids => "eyelids",
            ExcludedArea::InsideEyeSocket => "inside_eye_socket",
            ExcludedArea::UnderEye => "under_eye",
            ExcludedArea::Lips => "lips",
            ExcludedArea::Nostrils => "nostrils",
            ExcludedArea::MucousMembranes => "mucous_membranes",
        }
    }
}

/// Body areas people roll for stretch marks. They are not offered in this
/// version: the reference's checks and aftercare are written for the face,
/// neck and chest only (see docs/safety-rules.md, "Conservative choices").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BodyArea {
    Abdomen,
    Thighs,
    UpperArms,
}

impl BodyArea {
    /// Every body area that is not offered.
    pub const ALL: [BodyArea; 3] = [BodyArea::Abdomen, BodyArea::Thighs, BodyArea::UpperArms];

    /// A stable key.
    pub const fn key(self) -> &'static str {
        match self {
            BodyArea::Abdomen => "abdomen",
            BodyArea::Thighs => "thighs",
            BodyArea::UpperArms => "upper_arms",
        }
    }
}

/// Why a key is not a zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ZoneError {
    /// SKIN-10: never offered.
    Excluded(ExcludedArea),
    /// A body area this version does not cover.
    NotCovered(BodyArea),
    /// Not a known key.
    Unknown,
}

/// Today's answers for one zone the person plans to treat (SKIN-1, 3, 4, 5, 9).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ZoneCheck {
    /// The zone.
    pub zone: Zone,
    /// SKIN-1: infection, open wound, broken or irritated skin in the zone.
    pub infection_or_broken_skin: Answer,
    /// SKIN-3: inflamed or pustular acne in the zone.
    pub active_acne: Answer,
    /// SKIN-4: eczema, dermatitis, rash, psoriasis or rosacea flare.
    pub flare: Answer,
    /// SKIN-5: sunburn or fresh tan; `date` is when it happened.
    pub sunburn_or_tan: DatedAnswer,
    /// SKIN-9: mole, wart, birthmark, solar keratosis or suspected cancer.
    pub lesion: Answer,
    /// SKIN-9: a mole that is changing.
    pub changing_mole: Answer,
}

impl ZoneCheck {
    /// A check for `zone` with every answer "no" (for tests and the UI's
    /// starting state after the person answers each question).
    pub fn clear(zone: Zone) -> ZoneCheck {
        ZoneCheck {
            zone,
            infection_or_broken_skin: Answer::No,
            active_acne: Answer::No,
            flare: Answer::No,
            sunburn_or_tan: DatedAnswer {
                answer: Answer::No,
                date: None,
            },
            lesion: Answer::No,
            changing_mole: Answer::No,
        }
    }
}

/// PRE-3: how the roller was disinfected before this session.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Disinfection {
    /// The soak timer, when the person used it.
    pub soak: Option<SoakTimer>,
    /// The person confirmed a full soak of at least 10 minutes.
    pub confirmed_full_soak: bool,
}

/// The answers asked before every session.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct TodayCheck {
    /// PER-15: under the influence of alcohol or drugs today.
    pub alcohol_or_drugs: Answer,
    /// PRE-2: retinoids, AHA/BHA or benzoyl peroxide in the last 3 days.
    pub actives_last_3_days: Answer,
    /// SKIN-2: an active cold sore anywhere on the face.
    pub cold_sore_now: Answer,
    /// SKIN-1: a widespread infection or broken skin (whole session).
    pub widespread_infection: Answer,
    /// PRE-1: hands washed, makeup removed, gentle cleanse done.
    pub pre1_done: bool,
    /// PRE-3: disinfection of the roller.
    pub disinfection: Disinfection,
    /// PRE-5: the serum planned during rolling, as typed.
    pub serum: Option<String>,
    /// PRE-6: a numbing cream is planned.
    pub numbing_cream: bool,
    /// The zones planned today with their answers.
    pub zones: Vec<ZoneCheck>,
}

/// A stable session identifier given by storage.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
pub struct SessionId(pub u64);

/// A recorded session. Any recorded session counts for the interval rules,
/// even one stopped early.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    pub id: SessionId,
    pub started_at: DateTime<Utc>,
    pub ended_at: DateTime<Utc>,
    /// The needle length used.
    pub needle: NeedleLength,
    pub zones_completed: Vec<Zone>,
    /// SES-4: zones stopped because of bleeding.
    pub zones_stopped_bleeding: Vec<Zone>,
    /// PRE-3: disinfected before.
    pub disinfected_before: bool,
    /// SES-6: cleaned and disinfected after.
    pub disinfected_after: bool,
}

impl Session {
    /// The latest instant this session touches (robust to a stored end that
    /// is earlier than its start).
    pub fn last_instant(&self) -> DateTime<Utc> {
        self.ended_at.max(self.started_at)
    }
}

/// A stable reaction identifier given by storage.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
pub struct ReactionId(pub u64);

/// What was noticed (RX-1..10), in plain words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReactionKind {
    // Expected reactions (RX-1 and RX-2 watch redness and swelling).
    Redness,
    Swelling,
    Sensitivity,
    DrynessFlaking,
    Tightness,
    MildItch,
    /// RX-3.
    Bruising,
    // RX-4: possible infection.
    IncreasingPainOrWarmth,
    SpreadingRedness,
    PusOrYellowCrust,
    FeverOrChills,
    /// RX-5: grouped blisters, tingling or burning.
    BlistersTinglingOrBurning,
    /// RX-6: new firm red bumps that persist.
    FirmRedBumps,
    /// RX-7: lines or a grid in the roller's pattern.
    GridMarks,
    /// RX-8: spreading dark patches.
    SpreadingDarkPatches,
    /// RX-9: itchy, eczema-like rash.
    ItchyRash,
    // RX-10: emergency.
    FaceLipOrTongueSwelling,
    SpreadingHives,
    DifficultyBreathing,
}

impl ReactionKind {
    /// Every kind, expected first.
    pub const ALL: [ReactionKind; 19] = [
        ReactionKind::Redness,
        ReactionKind::Swelling,
        ReactionKind::Sensitivity,
        ReactionKind::DrynessFlaking,
        ReactionKind::Tightness,
        ReactionKind::MildItch,
        ReactionKind::Bruising,
        ReactionKind::IncreasingPainOrWarmth,
        ReactionKind::SpreadingRedness,
        ReactionKind::PusOrYellowCrust,
        ReactionKind::FeverOrChills,
        ReactionKind::BlistersTinglingOrBurning,
        ReactionKind::FirmRedBumps,
        ReactionKind::GridMarks,
        ReactionKind::SpreadingDarkPatches,
        ReactionKind::ItchyRash,
        ReactionKind::FaceLipOrTongueSwelling,
        ReactionKind::SpreadingHives,
        ReactionKind::DifficultyBreathing,
    ];
}

/// How strong the reaction is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum ReactionSeverity {
    None,
    #[default]
    Mild,
    Moderate,
    Severe,
}

/// Whether the reaction is still there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReactionStatus {
    #[default]
    StillPresent,
    /// The person marked it resolved at this instant.
    Resolved(DateTime<Utc>),
    /// The person recorded that a clinician cleared it at this instant.
    ClearedByClinician(DateTime<Utc>),
}

impl ReactionStatus {
    /// Returns true when the reaction no longer holds anything.
    pub fn is_closed(self) -> bool {
        !matches!(self, ReactionStatus::StillPresent)
    }
}

/// A logged reaction.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Reaction {
    pub id: ReactionId,
    pub kind: ReactionKind,
    pub severity: ReactionSeverity,
    pub zones: Vec<Zone>,
    pub noticed_at: DateTime<Utc>,
    /// The session it follows, when known.
    pub session: Option<SessionId>,
    pub status: ReactionStatus,
    /// RX-1: the person reports it is getting worse.
    pub worsening: bool,
}

/// The class of a product or ingredient (PRE-5, AFT-1..7).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProductClass {
    /// Bland hydrators and plain hyaluronic acid (AFT-1 allows them).
    Bland,
    /// Other leave-on skincare that is not an active (AFT-1: 24 h).
    OtherSkincare,
    /// AFT-3 and AFT-4.
    Sunscreen,
    /// AFT-2.
    Makeup,
    /// AFT-5 actives.
    Retinoid,
    Aha,
    Bha,
    /// Treated as an acid.
    Pha,
    /// Other exfoliating or brightening acids (azelaic, kojic, ...).
    OtherAcid,
    VitaminC,
    BenzoylPeroxide,
    PhysicalExfoliant,
    EnzymeExfoliant,
    FaceBrush,
    /// AFT-7.
    SelfTanner,
    HairRemoval,
    Peel,
}

impl ProductClass {
    /// Every class.
    pub const ALL: [ProductClass; 17] = [
        ProductClass::Bland,
        ProductClass::OtherSkincare,
        ProductClass::Sunscreen,
        ProductClass::Makeup,
        ProductClass::Retinoid,
        ProductClass::Aha,
        ProductClass::Bha,
        ProductClass::Pha,
        ProductClass::OtherAcid,
        ProductClass::VitaminC,
        ProductClass::BenzoylPeroxide,
        ProductClass::PhysicalExfoliant,
        ProductClass::EnzymeExfoliant,
        ProductClass::FaceBrush,
        ProductClass::SelfTanner,
        ProductClass::HairRemoval,
        ProductClass::Peel,
    ];

    /// AFT-5: returns true for the actives locked for 72 hours.
    pub const fn is_active(self) -> bool {
        matches!(
            self,
            ProductClass::Retinoid
                | ProductClass::Aha
                | ProductClass::Bha
                | ProductClass::Pha
                | ProductClass::OtherAcid
                | ProductClass::VitaminC
                | ProductClass::BenzoylPeroxide
                | ProductClass::PhysicalExfoliant
                | ProductClass::EnzymeExfoliant
                | ProductClass::FaceBrush
        )
    }
}

/// Activities with an aftercare window (AFT-3, AFT-6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Activity {
    /// AFT-3.
    SunExposure,
    /// AFT-6.
    HeavyExercise,
    SwimmingPool,
    Sauna,
    SteamRoom,
    HotTub,
}

impl Activity {
    /// Every activity.
    pub const ALL: [Activity; 6] = [
        Activity::SunExposure,
        Activity::HeavyExercise,
        Activity::SwimmingPool,
        Activity::Sauna,
        Activity::SteamRoom,
        Activity::HotTub,
    ];
}

#[cfg(test)]
mod tests {
    use super::*;

    /// SKIN-10: excluded areas and body areas never parse as zones.
    #[test]
    fn skin10_excluded_areas_are_not_zones() {
        for area in ExcludedArea::ALL {
            assert_eq!(
                Zone::from_key(area.key()),
                Err(ZoneError::Excluded(area)),
                "SKIN-10"
            );
            assert!(serde_json::from_str::<Zone>(&format!("\"{}\"", area.key())).is_err());
        }
        for area in BodyArea::ALL {
            assert_eq!(Zone::from_key(area.key()), Err(ZoneError::NotCovered(area)));
        }
        assert_eq!(Zone::from_key("elbow"), Err(ZoneError::Unknown));
    }

    #[test]
    fn zone_keys_round_trip_through_serde_and_from_key() {
        for zone in Zone::ALL {
            assert_eq!(Zone::from_key(zone.key()), Ok(zone));
            let json = serde_json::to_string(&zone).unwrap();
            assert_eq!(json, format!("\"{}\"", zone.key()));
            assert_eq!(
                zone.order(),
                Zone::ALL.iter().position(|z| *z == zone).unwrap()
            );
        }
    }

    #[test]
    fn not_sure_counts_as_yes() {
        let table = [
            (Answer::Yes, true),
            (Answer::No, false),
            (Answer::NotSure, true),
        ];
        for (answer, expected) in table {
            assert_eq!(answer.counts_as_yes(), expected, "{answer:?}");
        }
        assert_eq!(Answer::default(), Answer::NotSure);
    }

    /// DEV-1: integer needle units make 0.5 mm exact.
    #[test]
    fn dev1_needle_units_are_exact() {
        assert_eq!(NeedleLength::from_hundredths_mm(50), NeedleLength::MM_0_50);
        assert_eq!(NeedleLength::from_micrometres(510).micrometres(), 510);
        assert!(NeedleLength::from_hundredths_mm(51) > NeedleLength::MM_0_50);
    }

    #[test]
    fn damage_flags_any() {
        assert!(!DamageFlags::default().any());
        let flags = [
            DamageFlags {
                bent: true,
                ..Default::default()
            },
            DamageFlags {
                hooked: true,
                ..Default::default()
            },
            DamageFlags {
                rusted: true,
                ..Default::default()
            },
            DamageFlags {
                missing_needle: true,
                ..Default::default()
            },
            DamageFlags {
                drags_or_jerks: true,
                ..Default::default()
            },
            DamageFlags {
                dropped: true,
                ..Default::default()
            },
        ];
        for f in flags {
            assert!(f.any(), "DEV-5 {f:?}");
        }
    }
}
