//! The set-up answers while the person is giving them: one plain value per
//! field of the form, the steps that ask them, the checks each step makes
//! before moving on, and the conversion to the domain's `Profile` and
//! `Device` once every step is answered.
//!
//! Invariants:
//! - Nothing here reads the clock: `today`, `now` and `offset` are passed in.
//! - A question never answered stays unanswered (no radio is pre-selected on
//!   a first run); `build` refuses until every step passes its check.
//! - Editing starts from the stored answers ([`Draft::from_stored`]) and
//!   keeps what the form does not show (the roller's exact first-use
//!   instant, when its date is unchanged).

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};

use crate::domain::time::{local_date, local_midnight};
use crate::domain::{
    AgeAnswer, Answer, DamageFlags, DatedAnswer, Device, DeviceKind, NeedleLength, Profile,
    SkinType, TreatmentCourse, Zone, ZoneDated, ZoneHistory,
};

/// One screen of set-up, in the order they are asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Step {
    Needle,
    Kind,
    FirstUse,
    OnlyMine,
    Damage,
    Age,
    Pregnancy,
    Isotretinoin,
    Bleeding,
    Immune,
    Keloid,
    Metal,
    Diabetes,
    ColdSores,
    Koebner,
    SkinType,
    ProductAllergy,
    PeelLaser,
    Filler,
    Surgery,
    Scars,
}

impl Step {
    /// Every step, in order.
    pub const ALL: [Step; 21] = [
        Step::Needle,
        Step::Kind,
        Step::FirstUse,
        Step::OnlyMine,
        Step::Damage,
        Step::Age,
        Step::Pregnancy,
        Step::Isotretinoin,
        Step::Bleeding,
        Step::Immune,
        Step::Keloid,
        Step::Metal,
        Step::Diabetes,
        Step::ColdSores,
        Step::Koebner,
        Step::SkinType,
        Step::ProductAllergy,
        Step::PeelLaser,
        Step::Filler,
        Step::Surgery,
        Step::Scars,
    ];

    /// How many steps there are.
    pub const COUNT: usize = Step::ALL.len();

    /// The step's number, from 1.
    pub fn number(self) -> usize {
        Step::ALL.iter().position(|s| *s == self).unwrap_or(0) + 1
    }

    /// The step with this number, from 1.
    pub fn from_number(n: usize) -> Option<Step> {
        n.checked_sub(1).and_then(|i| Step::ALL.get(i)).copied()
    }

    /// The yes/no/not-sure questions this step asks.
    pub fn questions(self) -> &'static [Q] {
        match self {
            Step::Pregnancy => &[Q::Pregnant],
            Step::Isotretinoin => &[Q::IsotretinoinNow, Q::IsotretinoinPast],
            Step::Bleeding => &[Q::Bleeding],
            Step::Immune => &[Q::Chemo, Q::Immunosuppression],
            Step::Keloid => &[Q::Keloid],
            Step::Metal => &[Q::Metal],
            Step::Diabetes => &[Q::UncontrolledDiabetes, Q::SlowHealing],
            Step::ColdSores => &[Q::ColdSores],
            Step::Koebner => &[Q::Koebner],
            Step::ProductAllergy => &[Q::ProductAllergy],
            Step::PeelLaser => &[Q::PeelLaser],
            Step::Filler => &[Q::Filler],
            Step::Surgery => &[Q::Surgery],
            Step::Scars => &[Q::Scars],
            _ => &[],
        }
    }
}

/// Which screen of set-up the address asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    Question(Step),
    Result,
}

/// The query value of the result screen (`/setup?step=result`).
pub const RESULT_QUERY: &str = "result";

impl Page {
    /// Reads `?step=`: a step number, `result`, or anything else (the first
    /// step).
    pub fn from_query(value: Option<&str>) -> Page {
        match value.map(str::trim) {
            Some(RESULT_QUERY) => Page::Result,
            Some(v) => v
                .parse::<usize>()
                .ok()
                .and_then(Step::from_number)
                .map_or(Page::Question(Step::Needle), Page::Question),
            None => Page::Question(Step::Needle),
        }
    }

    /// The `?step=` value of this page.
    pub fn query(self) -> String {
        match self {
            Page::Question(step) => step.number().to_string(),
            Page::Result => RESULT_QUERY.to_string(),
        }
    }

    /// The page after this one.
    pub fn next(self) -> Page {
        match self {
            Page::Question(step) => {
                Step::from_number(step.number() + 1).map_or(Page::Result, Page::Question)
            }
            Page::Result => Page::Result,
        }
    }

    /// The page before this one, if any.
    pub fn previous(self) -> Option<Page> {
        match self {
            Page::Question(step) => step
                .number()
                .checked_sub(1)
                .and_then(Step::from_number)
                .map(Page::Question),
            Page::Result => Some(Page::Question(Step::ALL[Step::COUNT - 1])),
        }
    }
}

/// A yes/no/not-sure question of the profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Q {
    Pregnant,
    IsotretinoinNow,
    IsotretinoinPast,
    Bleeding,
    Chemo,
    Immunosuppression,
    Keloid,
    Metal,
    UncontrolledDiabetes,
    SlowHealing,
    ColdSores,
    Koebner,
    ProductAllergy,
    PeelLaser,
    Filler,
    Surgery,
    Scars,
}

impl Q {
    /// Every question.
    pub const ALL: [Q; 17] = [
        Q::Pregnant,
        Q::IsotretinoinNow,
        Q::IsotretinoinPast,
        Q::Bleeding,
        Q::Chemo,
        Q::Immunosuppression,
        Q::Keloid,
        Q::Metal,
        Q::UncontrolledDiabetes,
        Q::SlowHealing,
        Q::ColdSores,
        Q::Koebner,
        Q::ProductAllergy,
        Q::PeelLaser,
        Q::Filler,
        Q::Surgery,
        Q::Scars,
    ];

    /// A stable name, for element ids.
    pub fn id(self) -> &'static str {
        match self {
            Q::Pregnant => "pregnant",
            Q::IsotretinoinNow => "iso-now",
            Q::IsotretinoinPast => "iso-past",
            Q::Bleeding => "bleeding",
            Q::Chemo => "chemo",
            Q::Immunosuppression => "immuno",
            Q::Keloid => "keloid",
            Q::Metal => "metal",
            Q::UncontrolledDiabetes => "diabetes",
            Q::SlowHealing => "slow-healing",
            Q::ColdSores => "cold-sores",
            Q::Koebner => "koebner",
            Q::ProductAllergy => "product-allergy",
            Q::PeelLaser => "peel",
            Q::Filler => "filler",
            Q::Surgery => "surgery",
            Q::Scars => "scars",
        }
    }

    /// The stored answer of this question in `p`.
    pub fn get(self, p: &Profile) -> Answer {
        match self {
            Q::Pregnant => p.pregnant_or_breastfeeding,
            Q::IsotretinoinNow => p.isotretinoin_now,
            Q::IsotretinoinPast => p.isotretinoin_past.answer,
            Q::Bleeding => p.bleeding_risk,
            Q::Chemo => p.chemo_or_radiotherapy.answer,
            Q::Immunosuppression => p.other_immunosuppression,
            Q::Keloid => p.keloid_tendency,
            Q::Metal => p.metal_allergy,
            Q::UncontrolledDiabetes => p.uncontrolled_diabetes,
            Q::SlowHealing => p.controlled_diabetes_or_slow_healing,
            Q::ColdSores => p.cold_sore_history,
            Q::Koebner => p.koebner_history,
            Q::ProductAllergy => p.product_allergy,
            Q::PeelLaser => p.peel_or_laser.answer,
            Q::Filler => p.filler.answer,
            Q::Surgery => p.facial_surgery.answer,
            Q::Scars => p.recent_scars.answer,
        }
    }
}

/// A needle length as offered: one of the common lengths, or typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NeedleChoice {
    Preset(NeedleLength),
    Other,
}

/// The common home needle lengths offered as choices.
pub const NEEDLE_PRESETS: [NeedleLength; 4] = [
    NeedleLength::MM_0_20,
    NeedleLength::MM_0_25,
    NeedleLength::MM_0_30,
    NeedleLength::MM_0_50,
];

/// The longest needle the form accepts at all (3 mm), to catch typing
/// slips such as "25" for 0.25 mm. Anything above 0.5 mm is accepted here
/// and refused by the engine (DEV-1).
pub const MAX_TYPED_NEEDLE_UM: u32 = 3000;

/// The most sessions the form accepts for a roller.
pub const MAX_SESSIONS: u32 = 999;

/// When the roller was first used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FirstUse {
    /// It is new: its life starts today.
    NewToday,
    /// It was first used on a date the person gives.
    Earlier,
}

/// How the person answered the age question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgeChoice {
    Adult,
    Under18,
}

/// One dated entry of a per-zone history (filler, surgery, scars).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EntryDraft {
    /// `None`: not sure which area (every zone).
    pub zone: Option<Zone>,
    /// `yyyy-mm-dd`, or empty when the date is not known.
    pub date: String,
}

/// Which per-zone history a list of entries is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HistoryKind {
    Filler,
    Surgery,
    Scars,
}

/// The whole form, as plain values.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Draft {
    pub needle: Option<NeedleChoice>,
    /// The typed length in millimetres, for "other".
    pub needle_other: String,
    pub kind: Option<DeviceKind>,
    pub first_use: Option<FirstUse>,
    pub first_use_date: String,
    /// The stored first-use instant, kept when its date is unchanged.
    pub stored_first_use: Option<DateTime<Utc>>,
    pub sessions_used: String,
    pub only_mine: Option<bool>,
    pub damage: DamageFlags,
    /// Whether the damage step was answered (a flag or "none of these").
    pub damage_answered: bool,
    pub age: Option<AgeChoice>,
    pub born_on: String,
    pub answers: BTreeMap<Q, Answer>,
    pub iso_stop_date: String,
    pub chemo_first: String,
    pub chemo_last: String,
    pub skin_type: Option<SkinType>,
    /// The products or ingredients, one per line or comma-separated.
    pub allergens: String,
    pub peel_date: String,
    pub filler: Vec<EntryDraft>,
    pub surgery: Vec<EntryDraft>,
    pub scars: Vec<EntryDraft>,
}

/// What is wrong with a step's answers; the text module words each one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// A choice was not made.
    ChooseOne,
    /// "Other" length left empty.
    NeedleEmpty,
    /// The typed length is not a length in millimetres.
    NeedleInvalid,
    /// The typed length is 0 or more than 3 mm.
    NeedleOutOfRange,
    /// A required date is empty.
    DateMissing,
    /// A date could not be read.
    DateInvalid,
    /// A past date lies after today.
    DateInFuture,
    /// The roller's first use lies after today.
    FirstUseInFuture,
    /// The number of sessions is empty.
    SessionsMissing,
    /// The number of sessions is not a whole number from 0 to 999.
    SessionsInvalid,
    /// The last treatment day is before the first.
    LastBeforeFirst,
}

/// A problem and the field it concerns (an element id suffix).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Invalid {
    pub problem: Problem,
    pub field: &'static str,
}

fn invalid(problem: Problem, field: &'static str) -> Invalid {
    Invalid { problem, field }
}

/// Reads a `yyyy-mm-dd` date (what a date input gives); empty is `None`.
pub fn parse_date(text: &str) -> Result<Option<NaiveDate>, Problem> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let date = NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| Problem::DateInvalid)?;
    if date < NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or(date) {
        return Err(Problem::DateInvalid);
    }
    Ok(Some(date))
}

/// A past date: empty is fine (unknown), a future one is refused.
fn past_date(text: &str, today: NaiveDate, field: &'static str) -> Result<(), Invalid> {
    match parse_date(text) {
        Err(p) => Err(invalid(p, field)),
        Ok(Some(d)) if d > today => Err(invalid(Problem::DateInFuture, field)),
        Ok(_) => Ok(()),
    }
}

/// Reads a typed length in millimetres ("0.75", "0,75", ".5") as
/// micrometres.
pub fn parse_needle_mm(text: &str) -> Result<NeedleLength, Problem> {
    let text = text.trim().replace(',', ".");
    let text = text.strip_suffix("mm").unwrap_or(&text).trim();
    if text.is_empty() {
        return Err(Problem::NeedleEmpty);
    }
    let valid = text.chars().all(|c| c.is_ascii_digit() || c == '.')
        && text.chars().filter(|c| *c == '.').count() <= 1
        && text != ".";
    if !valid {
        return Err(Problem::NeedleInvalid);
    }
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    if fraction.len() > 3 || whole.len() > 2 {
        return Err(Problem::NeedleInvalid);
    }
    let whole: u32 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| Problem::NeedleInvalid)?
    };
    let mut thousandths = 0u32;
    for (i, digit) in fraction.chars().enumerate() {
        let d = digit.to_digit(10).ok_or(Problem::NeedleInvalid)?;
        thousandths += d * [100, 10, 1][i];
    }
    let um = whole * 1000 + thousandths;
    if um == 0 || um > MAX_TYPED_NEEDLE_UM {
        return Err(Problem::NeedleOutOfRange);
    }
    u16::try_from(um)
        .map(NeedleLength::from_micrometres)
        .map_err(|_| Problem::NeedleOutOfRange)
}

/// Writes a length in millimetres without trailing zeros ("0.75").
pub fn format_needle_mm(needle: NeedleLength) -> String {
    let um = needle.micrometres();
    let whole = um / 1000;
    let fraction = format!("{:03}", um % 1000);
    let fraction = fraction.trim_end_matches('0');
    if fraction.is_empty() {
        whole.to_string()
    } else {
        format!("{whole}.{fraction}")
    }
}

fn date_text(date: Option<NaiveDate>) -> String {
    date.map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

fn entries_from(history: &ZoneHistory) -> Vec<EntryDraft> {
    history
        .entries
        .iter()
        .map(|e| EntryDraft {
            zone: e.zone,
            date: date_text(e.date),
        })
        .collect()
}

impl Draft {
    /// A form filled with the stored answers, for editing them. `offset`
    /// gives the local date of the roller's first use.
    pub fn from_stored(
        profile: Option<&Profile>,
        device: Option<&Device>,
        offset: FixedOffset,
    ) -> Draft {
        let mut draft = Draft::default();
        if let Some(d) = device {
            draft.needle = Some(if NEEDLE_PRESETS.contains(&d.needle) {
                NeedleChoice::Preset(d.needle)
            } else {
                NeedleChoice::Other
            });
            if !NEEDLE_PRESETS.contains(&d.needle) {
                draft.needle_other = format_needle_mm(d.needle);
            }
            draft.kind = Some(d.kind);
            draft.first_use = Some(FirstUse::Earlier);
            draft.first_use_date = date_text(d.first_use.map(|t| local_date(t, offset)));
            draft.stored_first_use = d.first_use;
            draft.sessions_used = d.sessions_used.to_string();
            draft.only_mine = Some(d.only_mine);
            draft.damage = d.damage;
            draft.damage_answered = true;
        }
        if let Some(p) = profile {
            match p.age {
                AgeAnswer::ConfirmedAdult => draft.age = Some(AgeChoice::Adult),
                AgeAnswer::BornOn(born) => {
                    draft.age = Some(AgeChoice::Under18);
                    draft.born_on = date_text(Some(born));
                }
                AgeAnswer::Unknown => {}
            }
            for q in Q::ALL {
                draft.answers.insert(q, q.get(p));
            }
            draft.iso_stop_date = date_text(p.isotretinoin_past.date);
            draft.chemo_first = date_text(p.chemo_or_radiotherapy.first_day);
            draft.chemo_last = date_text(p.chemo_or_radiotherapy.last_day);
            draft.skin_type = Some(p.skin_type);
            draft.allergens = p.allergens.join("\n");
            draft.peel_date = date_text(p.peel_or_laser.date);
            draft.filler = entries_from(&p.filler);
            draft.surgery = entries_from(&p.facial_surgery);
            draft.scars = entries_from(&p.recent_scars);
        }
        draft
    }

    /// The answer given to `q`, if any.
    pub fn answer(&self, q: Q) -> Option<Answer> {
        self.answers.get(&q).copied()
    }

    /// Records the answer to `q`. Answering yes to a per-zone history with
    /// no entry yet adds one to fill in.
    pub fn set_answer(&mut self, q: Q, answer: Answer) {
        self.answers.insert(q, answer);
        if answer == Answer::Yes {
            let kind = match q {
                Q::Filler => Some(HistoryKind::Filler),
                Q::Surgery => Some(HistoryKind::Surgery),
                Q::Scars => Some(HistoryKind::Scars),
                _ => None,
            };
            if let Some(kind) = kind {
                let entries = self.entries_mut(kind);
                if entries.is_empty() {
                    entries.push(EntryDraft::default());
                }
            }
        }
    }

    /// The entries of a per-zone history.
    pub fn entries(&self, kind: HistoryKind) -> &Vec<EntryDraft> {
        match kind {
            HistoryKind::Filler => &self.filler,
            HistoryKind::Surgery => &self.surgery,
            HistoryKind::Scars => &self.scars,
        }
    }

    /// The entries of a per-zone history, to change.
    pub fn entries_mut(&mut self, kind: HistoryKind) -> &mut Vec<EntryDraft> {
        match kind {
            HistoryKind::Filler => &mut self.filler,
            HistoryKind::Surgery => &mut self.surgery,
            HistoryKind::Scars => &mut self.scars,
        }
    }

    fn answered(&self, q: Q) -> Result<Answer, Invalid> {
        self.answer(q)
            .ok_or_else(|| invalid(Problem::ChooseOne, q.id()))
    }

    fn yes(&self, q: Q) -> bool {
        self.answer(q) == Some(Answer::Yes)
    }

    /// Checks one step's answers. `today` is the person's local date.
    pub fn check(&self, step: Step, today: NaiveDate) -> Result<(), Invalid> {
        for q in step.questions() {
            self.answered(*q)?;
        }
        match step {
            Step::Needle => match self.needle {
                None => Err(invalid(Problem::ChooseOne, "needle")),
                Some(NeedleChoice::Preset(_)) => Ok(()),
                Some(NeedleChoice::Other) => parse_needle_mm(&self.needle_other)
                    .map(|_| ())
                    .map_err(|p| invalid(p, "needle-other")),
            },
            Step::Kind => self
                .kind
                .map(|_| ())
                .ok_or(invalid(Problem::ChooseOne, "kind")),
            Step::FirstUse => self.check_first_use(today),
            Step::OnlyMine => self
                .only_mine
                .map(|_| ())
                .ok_or(invalid(Problem::ChooseOne, "only-mine")),
            Step::Damage => {
                if self.damage_answered || self.damage.any() {
                    Ok(())
                } else {
                    Err(invalid(Problem::ChooseOne, "damage"))
                }
            }
            Step::Age => match self.age {
                None => Err(invalid(Problem::ChooseOne, "age")),
                Some(AgeChoice::Adult) => Ok(()),
                Some(AgeChoice::Under18) => match parse_date(&self.born_on) {
                    Ok(None) => Err(invalid(Problem::DateMissing, "born-on")),
                    Err(p) => Err(invalid(p, "born-on")),
                    Ok(Some(d)) if d > today => Err(invalid(Problem::DateInFuture, "born-on")),
                    Ok(Some(_)) => Ok(()),
                },
            },
            Step::Isotretinoin if self.yes(Q::IsotretinoinPast) => {
                past_date(&self.iso_stop_date, today, "iso-date")
            }
            Step::Immune if self.yes(Q::Chemo) => {
                let first = parse_date(&self.chemo_first).map_err(|p| invalid(p, "chemo-first"))?;
                let last = parse_date(&self.chemo_last).map_err(|p| invalid(p, "chemo-last"))?;
                match (first, last) {
                    (Some(f), Some(l)) if l < f => {
                        Err(invalid(Problem::LastBeforeFirst, "chemo-last"))
                    }
                    _ => Ok(()),
                }
            }
            Step::SkinType => self
                .skin_type
                .map(|_| ())
                .ok_or(invalid(Problem::ChooseOne, "skin-type")),
            Step::PeelLaser if self.yes(Q::PeelLaser) => {
                past_date(&self.peel_date, today, "peel-date")
            }
            Step::Filler if self.yes(Q::Filler) => self.check_entries(HistoryKind::Filler, today),
            Step::Surgery if self.yes(Q::Surgery) => {
                self.check_entries(HistoryKind::Surgery, today)
            }
            Step::Scars if self.yes(Q::Scars) => self.check_entries(HistoryKind::Scars, today),
            _ => Ok(()),
        }
    }

    fn check_first_use(&self, today: NaiveDate) -> Result<(), Invalid> {
        match self.first_use {
            None => Err(invalid(Problem::ChooseOne, "first-use")),
            Some(FirstUse::NewToday) => Ok(()),
            Some(FirstUse::Earlier) => {
                match parse_date(&self.first_use_date) {
                    Ok(None) => return Err(invalid(Problem::DateMissing, "first-use-date")),
                    Err(p) => return Err(invalid(p, "first-use-date")),
                    Ok(Some(d)) if d > today => {
                        return Err(invalid(Problem::FirstUseInFuture, "first-use-date"))
                    }
                    Ok(Some(_)) => {}
                }
                parse_sessions(&self.sessions_used)
                    .map(|_| ())
                    .map_err(|p| invalid(p, "sessions"))
            }
        }
    }

    fn check_entries(&self, kind: HistoryKind, today: NaiveDate) -> Result<(), Invalid> {
        let field = match kind {
            HistoryKind::Filler => "filler-date",
            HistoryKind::Surgery => "surgery-date",
            HistoryKind::Scars => "scars-date",
        };
        for entry in self.entries(kind) {
            past_date(&entry.date, today, field)?;
        }
        Ok(())
    }

    /// The first step whose check fails, with its problem.
    pub fn first_invalid(&self, today: NaiveDate) -> Option<(Step, Invalid)> {
        Step::ALL
            .iter()
            .find_map(|s| self.check(*s, today).err().map(|e| (*s, e)))
    }

    /// The profile and roller the answers describe, once every step passes.
    /// `now` and `offset` place "new today" and a first-use date in time.
    pub fn build(
        &self,
        now: DateTime<Utc>,
        offset: FixedOffset,
    ) -> Result<(Profile, Device), (Step, Invalid)> {
        let today = local_date(now, offset);
        if let Some(found) = self.first_invalid(today) {
            return Err(found);
        }
        Ok((self.profile(), self.device(now, offset)))
    }

    fn get(&self, q: Q) -> Answer {
        self.answer(q).unwrap_or_default()
    }

    fn date_if_yes(&self, q: Q, text: &str) -> Option<NaiveDate> {
        if self.yes(q) {
            parse_date(text).ok().flatten()
        } else {
            None
        }
    }

    fn history(&self, q: Q, kind: HistoryKind) -> ZoneHistory {
        let answer = self.get(q);
        let entries = if answer == Answer::Yes {
            self.entries(kind)
                .iter()
                .map(|e| ZoneDated {
                    zone: e.zone,
                    date: parse_date(&e.date).ok().flatten(),
                })
                .collect()
        } else {
            Vec::new()
        };
        ZoneHistory { answer, entries }
    }

    fn profile(&self) -> Profile {
        let age = match self.age {
            Some(AgeChoice::Adult) => AgeAnswer::ConfirmedAdult,
            Some(AgeChoice::Under18) => parse_date(&self.born_on)
                .ok()
                .flatten()
                .map_or(AgeAnswer::Unknown, AgeAnswer::BornOn),
            None => AgeAnswer::Unknown,
        };
        let allergens = if self.yes(Q::ProductAllergy) {
            self.allergens
                .split(['\n', ',', ';'])
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect()
        } else {
            Vec::new()
        };
        Profile {
            age,
            pregnant_or_breastfeeding: self.get(Q::Pregnant),
            isotretinoin_now: self.get(Q::IsotretinoinNow),
            isotretinoin_past: DatedAnswer {
                answer: self.get(Q::IsotretinoinPast),
                date: self.date_if_yes(Q::IsotretinoinPast, &self.iso_stop_date),
            },
            bleeding_risk: self.get(Q::Bleeding),
            chemo_or_radiotherapy: TreatmentCourse {
                answer: self.get(Q::Chemo),
                first_day: self.date_if_yes(Q::Chemo, &self.chemo_first),
                last_day: self.date_if_yes(Q::Chemo, &self.chemo_last),
            },
            other_immunosuppression: self.get(Q::Immunosuppression),
            keloid_tendency: self.get(Q::Keloid),
            metal_allergy: self.get(Q::Metal),
            uncontrolled_diabetes: self.get(Q::UncontrolledDiabetes),
            controlled_diabetes_or_slow_healing: self.get(Q::SlowHealing),
            cold_sore_history: self.get(Q::ColdSores),
            koebner_history: self.get(Q::Koebner),
            skin_type: self.skin_type.unwrap_or_default(),
            product_allergy: self.get(Q::ProductAllergy),
            allergens,
            peel_or_laser: DatedAnswer {
                answer: self.get(Q::PeelLaser),
                date: self.date_if_yes(Q::PeelLaser, &self.peel_date),
            },
            filler: self.history(Q::Filler, HistoryKind::Filler),
            facial_surgery: self.history(Q::Surgery, HistoryKind::Surgery),
            recent_scars: self.history(Q::Scars, HistoryKind::Scars),
        }
    }

    fn device(&self, now: DateTime<Utc>, offset: FixedOffset) -> Device {
        let needle = match self.needle {
            Some(NeedleChoice::Preset(n)) => n,
            Some(NeedleChoice::Other) => {
                parse_needle_mm(&self.needle_other).unwrap_or(NeedleLength(u16::MAX))
            }
            None => NeedleLength(u16::MAX),
        };
        let (first_use, sessions_used) = match self.first_use {
            Some(FirstUse::Earlier) => {
                let date = parse_date(&self.first_use_date).ok().flatten();
                let kept = self
                    .stored_first_use
                    .filter(|t| Some(local_date(*t, offset)) == date);
                let first = kept.or_else(|| date.and_then(|d| local_midnight(d, offset)));
                (first, parse_sessions(&self.sessions_used).unwrap_or(0))
            }
            _ => (Some(now), 0),
        };
        Device {
            kind: self.kind.unwrap_or(DeviceKind::ElectricPen),
            needle,
            first_use,
            sessions_used,
            damage: self.damage,
            only_mine: self.only_mine.unwrap_or(false),
        }
    }
}

/// Reads the number of sessions already done with a roller.
pub fn parse_sessions(text: &str) -> Result<u32, Problem> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Problem::SessionsMissing);
    }
    match text.parse::<u32>() {
        Ok(n) if n <= MAX_SESSIONS => Ok(n),
        _ => Err(Problem::SessionsInvalid),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn utc() -> FixedOffset {
        FixedOffset::east_opt(0).unwrap()
    }

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap()
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()
    }

    /// A draft with every step answered "no" / the safest plain answers.
    fn complete() -> Draft {
        let mut d = Draft {
            needle: Some(NeedleChoice::Preset(NeedleLength::MM_0_25)),
            kind: Some(DeviceKind::ManualRoller),
            first_use: Some(FirstUse::NewToday),
            only_mine: Some(true),
            damage_answered: true,
            age: Some(AgeChoice::Adult),
            skin_type: Some(SkinType::II),
            ..Draft::default()
        };
        for q in Q::ALL {
            d.set_answer(q, Answer::No);
        }
        d
    }

    #[test]
    fn pages_read_from_the_query() {
        let cases = [
            (None, Page::Question(Step::Needle)),
            (Some("1"), Page::Question(Step::Needle)),
            (Some("3"), Page::Question(Step::FirstUse)),
            (Some("21"), Page::Question(Step::Scars)),
            (Some("22"), Page::Question(Step::Needle)),
            (Some("0"), Page::Question(Step::Needle)),
            (Some("x"), Page::Question(Step::Needle)),
            (Some("result"), Page::Result),
        ];
        for (query, want) in cases {
            assert_eq!(Page::from_query(query), want, "{query:?}");
        }
        for step in Step::ALL {
            let page = Page::Question(step);
            assert_eq!(Page::from_query(Some(&page.query())), page);
        }
        assert_eq!(Page::Question(Step::Scars).next(), Page::Result);
        assert_eq!(Page::Question(Step::Needle).previous(), None);
        assert_eq!(Page::Result.previous(), Some(Page::Question(Step::Scars)));
        assert_eq!(
            Page::Question(Step::Kind).previous(),
            Some(Page::Question(Step::Needle))
        );
    }

    #[test]
    fn needle_lengths_are_read_exactly() {
        let cases: [(&str, Result<u16, Problem>); 12] = [
            ("0.75", Ok(750)),
            ("0,5", Ok(500)),
            (".51", Ok(510)),
            ("1", Ok(1000)),
            ("1.5 mm", Ok(1500)),
            ("3", Ok(3000)),
            ("", Err(Problem::NeedleEmpty)),
            ("  ", Err(Problem::NeedleEmpty)),
            ("0", Err(Problem::NeedleOutOfRange)),
            ("25", Err(Problem::NeedleOutOfRange)),
            ("abc", Err(Problem::NeedleInvalid)),
            ("0.2.5", Err(Problem::NeedleInvalid)),
        ];
        for (text, want) in cases {
            assert_eq!(
                parse_needle_mm(text).map(NeedleLength::micrometres),
                want,
                "{text:?}"
            );
        }
        for um in [200u16, 250, 300, 500, 750, 1000, 1500] {
            let n = NeedleLength(um);
            assert_eq!(parse_needle_mm(&format_needle_mm(n)), Ok(n));
        }
    }

    #[test]
    fn each_step_checks_its_answers() {
        let tomorrow = "2026-03-03".to_string();
        type Edit = fn(&mut Draft, String);
        let cases: Vec<(Step, Edit, Option<Problem>)> = vec![
            (
                Step::Needle,
                |d, _| d.needle = None,
                Some(Problem::ChooseOne),
            ),
            (
                Step::Needle,
                |d, _| d.needle = Some(NeedleChoice::Other),
                Some(Problem::NeedleEmpty),
            ),
            (
                Step::Needle,
                |d, _| {
                    d.needle = Some(NeedleChoice::Other);
                    d.needle_other = "0.75".into();
                },
                None,
            ),
            (Step::Kind, |d, _| d.kind = None, Some(Problem::ChooseOne)),
            (
                Step::Kind,
                |d, _| d.kind = Some(DeviceKind::ElectricPen),
                None,
            ),
            (
                Step::FirstUse,
                |d, _| d.first_use = Some(FirstUse::Earlier),
                Some(Problem::DateMissing),
            ),
            (
                Step::FirstUse,
                |d, t| {
                    d.first_use = Some(FirstUse::Earlier);
                    d.first_use_date = t;
                    d.sessions_used = "2".into();
                },
                Some(Problem::FirstUseInFuture),
            ),
            (
                Step::FirstUse,
                |d, _| {
                    d.first_use = Some(FirstUse::Earlier);
                    d.first_use_date = "2026-03-02".into();
                },
                Some(Problem::SessionsMissing),
            ),
            (
                Step::FirstUse,
                |d, _| {
                    d.first_use = Some(FirstUse::Earlier);
                    d.first_use_date = "2026-03-01".into();
                    d.sessions_used = "-1".into();
                },
                Some(Problem::SessionsInvalid),
            ),
            (
                Step::FirstUse,
                |d, _| {
                    d.first_use = Some(FirstUse::Earlier);
                    d.first_use_date = "2026-02-01".into();
                    d.sessions_used = "3".into();
                },
                None,
            ),
            (
                Step::OnlyMine,
                |d, _| d.only_mine = None,
                Some(Problem::ChooseOne),
            ),
            (
                Step::Damage,
                |d, _| d.damage_answered = false,
                Some(Problem::ChooseOne),
            ),
            (
                Step::Age,
                |d, _| d.age = Some(AgeChoice::Under18),
                Some(Problem::DateMissing),
            ),
            (
                Step::Age,
                |d, t| {
                    d.age = Some(AgeChoice::Under18);
                    d.born_on = t;
                },
                Some(Problem::DateInFuture),
            ),
            (
                Step::Age,
                |d, _| {
                    d.age = Some(AgeChoice::Under18);
                    d.born_on = "1850-01-01".into();
                },
                Some(Problem::DateInvalid),
            ),
            (
                Step::Pregnancy,
                |d, _| {
                    d.answers.remove(&Q::Pregnant);
                },
                Some(Problem::ChooseOne),
            ),
            (
                Step::Pregnancy,
                |d, _| d.set_answer(Q::Pregnant, Answer::NotSure),
                None,
            ),
            (
                Step::Isotretinoin,
                |d, t| {
                    d.set_answer(Q::IsotretinoinPast, Answer::Yes);
                    d.iso_stop_date = t;
                },
                Some(Problem::DateInFuture),
            ),
            (
                Step::Isotretinoin,
                |d, _| d.set_answer(Q::IsotretinoinPast, Answer::Yes),
                None,
            ),
            (
                Step::Immune,
                |d, _| {
                    d.set_answer(Q::Chemo, Answer::Yes);
                    d.chemo_first = "2026-04-01".into();
                    d.chemo_last = "2026-03-01".into();
                },
                Some(Problem::LastBeforeFirst),
            ),
            (
                Step::Immune,
                |d, t| {
                    d.set_answer(Q::Chemo, Answer::Yes);
                    d.chemo_first = t;
                },
                None,
            ),
            (
                Step::SkinType,
                |d, _| d.skin_type = None,
                Some(Problem::ChooseOne),
            ),
            (
                Step::PeelLaser,
                |d, t| {
                    d.set_answer(Q::PeelLaser, Answer::Yes);
                    d.peel_date = t;
                },
                Some(Problem::DateInFuture),
            ),
            (
                Step::Filler,
                |d, t| {
                    d.set_answer(Q::Filler, Answer::Yes);
                    d.filler[0].date = t;
                },
                Some(Problem::DateInFuture),
            ),
            (
                Step::Scars,
                |d, _| {
                    d.set_answer(Q::Scars, Answer::Yes);
                    d.scars[0].date = "not a date".into();
                },
                Some(Problem::DateInvalid),
            ),
            (
                Step::Surgery,
                |d, _| d.set_answer(Q::Surgery, Answer::Yes),
                None,
            ),
        ];
        for (i, (step, edit, want)) in cases.into_iter().enumerate() {
            let mut d = complete();
            edit(&mut d, tomorrow.clone());
            assert_eq!(
                d.check(step, today()).err().map(|e| e.problem),
                want,
                "case {i}: {step:?}"
            );
        }
    }

    #[test]
    fn a_first_run_draft_answers_nothing() {
        let d = Draft::default();
        assert_eq!(
            d.first_invalid(today()).map(|(s, e)| (s, e.problem)),
            Some((Step::Needle, Problem::ChooseOne))
        );
        for step in Step::ALL {
            assert!(d.check(step, today()).is_err(), "{step:?}");
        }
    }

    #[test]
    fn build_refuses_until_every_step_passes() {
        let mut d = complete();
        d.skin_type = None;
        assert_eq!(
            d.build(now(), utc()).err().map(|(s, _)| s),
            Some(Step::SkinType)
        );
    }

    #[test]
    fn build_makes_the_profile_and_roller() {
        let mut d = complete();
        d.set_answer(Q::Pregnant, Answer::NotSure);
        d.set_answer(Q::IsotretinoinPast, Answer::Yes);
        d.iso_stop_date = "2025-12-01".into();
        d.set_answer(Q::ProductAllergy, Answer::Yes);
        d.allergens = "lanolin, fragrance\n\n".into();
        d.set_answer(Q::Filler, Answer::Yes);
        d.filler[0] = EntryDraft {
            zone: Some(Zone::Chin),
            date: "2026-01-10".into(),
        };
        // Answered yes then no: the entry is dropped.
        d.set_answer(Q::Scars, Answer::Yes);
        d.set_answer(Q::Scars, Answer::No);
        let (p, dev) = d.build(now(), utc()).unwrap();
        assert_eq!(p.pregnant_or_breastfeeding, Answer::NotSure);
        assert_eq!(
            p.isotretinoin_past.date,
            NaiveDate::from_ymd_opt(2025, 12, 1)
        );
        assert_eq!(p.allergens, vec!["lanolin", "fragrance"]);
        assert_eq!(p.filler.entries.len(), 1);
        assert_eq!(p.filler.entries[0].zone, Some(Zone::Chin));
        assert_eq!(p.recent_scars.answer, Answer::No);
        assert!(p.recent_scars.entries.is_empty());
        assert_eq!(p.age, AgeAnswer::ConfirmedAdult);
        assert_eq!(p.skin_type, SkinType::II);
        assert_eq!(dev.first_use, Some(now()));
        assert_eq!(dev.sessions_used, 0);
        assert!(dev.only_mine);
        assert_eq!(dev.needle, NeedleLength::MM_0_25);
    }

    #[test]
    fn editing_starts_from_the_stored_answers_and_keeps_them() {
        let mut d = complete();
        d.needle = Some(NeedleChoice::Other);
        d.needle_other = "0.75".into();
        d.age = Some(AgeChoice::Under18);
        d.born_on = "2010-05-06".into();
        d.set_answer(Q::Surgery, Answer::Yes);
        d.surgery[0].date = "2025-11-11".into();
        d.first_use = Some(FirstUse::Earlier);
        d.first_use_date = "2026-02-20".into();
        d.sessions_used = "4".into();
        let (p, mut dev) = d.build(now(), utc()).unwrap();
        // A first use at 09:00 on the stored date is kept exactly.
        let exact = Utc.with_ymd_and_hms(2026, 2, 20, 9, 30, 0).unwrap();
        dev.first_use = Some(exact);
        let again = Draft::from_stored(Some(&p), Some(&dev), utc());
        assert_eq!(again.needle, Some(NeedleChoice::Other));
        assert_eq!(again.needle_other, "0.75");
        let (p2, dev2) = again.build(now(), utc()).unwrap();
        assert_eq!(p2, p);
        assert_eq!(dev2, dev);
        // A changed date moves the first use to that local midnight.
        let mut changed = again.clone();
        changed.first_use_date = "2026-02-19".into();
        let (_, dev3) = changed.build(now(), utc()).unwrap();
        assert_eq!(
            dev3.first_use,
            Some(Utc.with_ymd_and_hms(2026, 2, 19, 0, 0, 0).unwrap())
        );
    }
}
