//! The session flow's pure view logic: which step to show for a document
//! and an instant, today's check built from the page's answers, the labels
//! of the guided session, the soak timer's announcements, and the changes
//! the flow makes to the document (start, events, cancel, record).
//!
//! Invariants:
//! - Nothing here reads the clock or the browser: `now` is a parameter, so
//!   every answer is a function of the stored timestamps (a reload, a call
//!   or a locked phone lose nothing).
//! - No rule is decided here: eligibility comes from `can_start_session`
//!   and `zone_statuses`, positions from `position`, soaks from `SoakTimer`.
//! - A session in which any rolling happened is recorded, even when it is
//!   cancelled: it counts for the 7-day interval and the aftercare windows.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use crate::domain::order;
use crate::domain::{
    position, Answer, DatedAnswer, Direction, Disinfection, Position, Reason, RunEvent,
    RunEventKind, RunState, Session, SessionId, SessionPlan, Severity, SoakTimer, TodayCheck, Zone,
    ZoneCheck, ZoneStatus,
};
use crate::storage::doc::{AppDoc, FlowState, GuidedRun};
use crate::ui::messages;
use crate::ui::text::session as words;

/// How long the person has between tapping "Start" and the first pass.
pub const LEAD_IN: Duration = Duration::seconds(5);

/// The screen of the session flow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Set-up is not done: no profile or no roller.
    NeedsSetup,
    /// Today's check, preparation and the first soak.
    Prep,
    /// The guided session is under way.
    Guided,
    /// Rolling is over: clean the roller, second soak, then record.
    Cleaning,
}

/// Which screen to show for `doc` at `now`.
pub fn step(doc: &AppDoc, now: DateTime<Utc>) -> Step {
    match &doc.flow.guided {
        Some(run) if run_position(run, now).state == RunState::Finished => Step::Cleaning,
        Some(_) => Step::Guided,
        None if doc.profile.is_none() || doc.device.is_none() => Step::NeedsSetup,
        None => Step::Prep,
    }
}

/// Where a stored run is at `now`.
pub fn run_position(run: &GuidedRun, now: DateTime<Utc>) -> Position {
    position(&run.plan, run.started_at, &run.events, now)
}

/// The instant rolling ended: the first instant at which the run reads
/// finished (by bisection over `position`, which never moves backwards).
/// `None` while it is still under way at `now`.
pub fn finish_instant(run: &GuidedRun, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    if run_position(run, now).state != RunState::Finished {
        return None;
    }
    let start = run.started_at.min(now);
    if run_position(run, start).state == RunState::Finished {
        return Some(start);
    }
    // Invariant: unfinished at `lo`, finished at `hi`.
    let (mut lo, mut hi) = (0i64, (now - start).num_milliseconds());
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if run_position(run, start + Duration::milliseconds(mid)).state == RunState::Finished {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    Some(start + Duration::milliseconds(hi))
}

// ---------------------------------------------------------------------------
// Today's check

/// A problem the person reports in a zone today (SKIN-1, 3, 4, 5, 9).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    BrokenSkin,
    Acne,
    Flare,
    Sunburn,
    Lesion,
    ChangingMole,
    NotSure,
}

impl Problem {
    pub const ALL: [Problem; 7] = [
        Problem::BrokenSkin,
        Problem::Acne,
        Problem::Flare,
        Problem::Sunburn,
        Problem::Lesion,
        Problem::ChangingMole,
        Problem::NotSure,
    ];
}

/// What the person said about one marked zone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZoneProblems {
    pub zone: Zone,
    pub kinds: Vec<Problem>,
    /// SKIN-5: when the sunburn or tan happened, if given.
    pub sun_date: Option<NaiveDate>,
}

/// A person-level question asked before every session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Question {
    /// PER-15.
    AlcoholOrDrugs,
    /// PRE-2.
    RecentActives,
    /// SKIN-2.
    ColdSore,
    /// SKIN-1, whole session.
    WidespreadInfection,
}

impl Question {
    pub const ALL: [Question; 4] = [
        Question::AlcoholOrDrugs,
        Question::RecentActives,
        Question::ColdSore,
        Question::WidespreadInfection,
    ];
}

/// The page's answers to today's person-level questions; `None` is not
/// answered yet, which the engine reads as "not sure".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Draft {
    /// The set-up answers were re-confirmed (or edited) today.
    pub setup_confirmed: bool,
    /// PER-15.
    pub alcohol_or_drugs: Option<Answer>,
    /// PRE-2.
    pub actives_last_3_days: Option<Answer>,
    /// SKIN-2.
    pub cold_sore_now: Option<Answer>,
    /// SKIN-1, whole session.
    pub widespread_infection: Option<Answer>,
    /// Problems per marked zone.
    pub problems: Vec<ZoneProblems>,
    /// PRE-1: wash hands, remove makeup, gentle cleanse.
    pub pre1: [bool; 3],
    /// PRE-5: the serum, as typed.
    pub serum: String,
    /// PRE-6.
    pub numbing_cream: bool,
    /// PRE-3: the person confirmed a full soak without the timer.
    pub confirmed_full_soak: bool,
}

impl Draft {
    /// The best answers today could bring: every question "no", nothing
    /// marked, the checklist done and a full soak confirmed. When the engine
    /// still blocks with these, nothing the person does today can help, so
    /// the page says so before asking anything.
    pub fn best_case() -> Draft {
        Draft {
            setup_confirmed: true,
            alcohol_or_drugs: Some(Answer::No),
            actives_last_3_days: Some(Answer::No),
            cold_sore_now: Some(Answer::No),
            widespread_infection: Some(Answer::No),
            problems: Vec::new(),
            pre1: [true; 3],
            serum: String::new(),
            numbing_cream: false,
            confirmed_full_soak: true,
        }
    }

    /// The answer to a question, if given.
    pub fn answer(&self, q: Question) -> Option<Answer> {
        match q {
            Question::AlcoholOrDrugs => self.alcohol_or_drugs,
            Question::RecentActives => self.actives_last_3_days,
            Question::ColdSore => self.cold_sore_now,
            Question::WidespreadInfection => self.widespread_infection,
        }
    }

    /// Sets the answer to a question.
    pub fn set_answer(&mut self, q: Question, answer: Answer) {
        let slot = match q {
            Question::AlcoholOrDrugs => &mut self.alcohol_or_drugs,
            Question::RecentActives => &mut self.actives_last_3_days,
            Question::ColdSore => &mut self.cold_sore_now,
            Question::WidespreadInfection => &mut self.widespread_infection,
        };
        *slot = Some(answer);
    }

    /// The same answers with every unanswered question read as "no": what
    /// the page shows reasons for, so that a question not yet answered is
    /// never called "not sure". The start still waits for every answer.
    pub fn unanswered_as_no(&self) -> Draft {
        let mut d = self.clone();
        for q in Question::ALL {
            if d.answer(q).is_none() {
                d.set_answer(q, Answer::No);
            }
        }
        d
    }

    /// The problems given for `zone`, if it is marked.
    pub fn problems_of(&self, zone: Zone) -> Option<&ZoneProblems> {
        self.problems.iter().find(|p| p.zone == zone)
    }

    /// Keeps one entry per marked zone, in guided order, keeping answers of
    /// zones still marked.
    pub fn sync_marked(&mut self, marked: &[Zone]) {
        self.problems.retain(|p| marked.contains(&p.zone));
        for zone in marked {
            if self.problems_of(*zone).is_none() {
                self.problems.push(ZoneProblems {
                    zone: *zone,
                    kinds: Vec::new(),
                    sun_date: None,
                });
            }
        }
        order::sort_by_key(&mut self.problems, |p| p.zone.order());
    }

    /// Ticks or unticks a problem of a marked zone.
    pub fn toggle_problem(&mut self, zone: Zone, problem: Problem) {
        if let Some(p) = self.problems.iter_mut().find(|p| p.zone == zone) {
            if let Some(i) = p.kinds.iter().position(|k| *k == problem) {
                p.kinds.remove(i);
            } else {
                p.kinds.push(problem);
            }
        }
    }

    /// The check for `zone` with today's answers: "no" everywhere for an
    /// unmarked zone; for a marked zone with nothing picked, or "not sure",
    /// SKIN-1 is "not sure" (so the engine blocks the zone).
    pub fn zone_check(&self, zone: Zone) -> ZoneCheck {
        let mut check = ZoneCheck::clear(zone);
        let Some(p) = self.problems_of(zone) else {
            return check;
        };
        let has = |k: Problem| p.kinds.contains(&k);
        let yes = |b: bool| if b { Answer::Yes } else { Answer::No };
        check.infection_or_broken_skin = yes(has(Problem::BrokenSkin));
        check.active_acne = yes(has(Problem::Acne));
        check.flare = yes(has(Problem::Flare));
        check.sunburn_or_tan = DatedAnswer {
            answer: yes(has(Problem::Sunburn)),
            date: p.sun_date.filter(|_| has(Problem::Sunburn)),
        };
        check.lesion = yes(has(Problem::Lesion) || has(Problem::ChangingMole));
        check.changing_mole = yes(has(Problem::ChangingMole));
        if p.kinds.is_empty() || has(Problem::NotSure) {
            check.infection_or_broken_skin = Answer::NotSure;
        }
        check
    }

    /// Today's check with a zone check for each of `zones`.
    pub fn today(&self, zones: &[Zone], soak: Option<&SoakTimer>) -> TodayCheck {
        let serum = self.serum.trim();
        TodayCheck {
            alcohol_or_drugs: self.alcohol_or_drugs.unwrap_or_default(),
            actives_last_3_days: self.actives_last_3_days.unwrap_or_default(),
            cold_sore_now: self.cold_sore_now.unwrap_or_default(),
            widespread_infection: self.widespread_infection.unwrap_or_default(),
            pre1_done: self.pre1.iter().all(|d| *d),
            disinfection: Disinfection {
                soak: soak.cloned(),
                confirmed_full_soak: self.confirmed_full_soak,
            },
            serum: (!serum.is_empty()).then(|| serum.to_string()),
            numbing_cream: self.numbing_cream,
            zones: zones.iter().map(|z| self.zone_check(*z)).collect(),
        }
    }

    /// The questions of today's check still unanswered.
    pub fn unanswered(&self) -> usize {
        Question::ALL
            .iter()
            .filter(|q| self.answer(**q).is_none())
            .count()
    }
}

/// The zones that cannot be rolled today, each with the title of its first
/// blocking reason (for the face map).
pub fn unavailable_zones(statuses: &[ZoneStatus]) -> Vec<(Zone, String)> {
    statuses
        .iter()
        .filter_map(|s| {
            let block = s.reasons.iter().find(|r| r.severity == Severity::Block)?;
            let title = messages::title(block.key).unwrap_or(words::ZONE_BLOCKED);
            Some((s.zone, title.to_string()))
        })
        .collect()
}

/// One card per message: a warning the engine gives for several zones
/// (PER-11 on every zone near the mouth) is shown once, without a zone, so
/// that one "I understand" is not asked four times over.
pub fn merge_zone_reasons(reasons: Vec<Reason>) -> Vec<Reason> {
    let mut out: Vec<Reason> = Vec::new();
    for reason in reasons {
        match out.iter_mut().find(|r| r.key == reason.key) {
            Some(seen) => {
                if seen.zone != reason.zone {
                    seen.zone = None;
                }
                seen.until = match (seen.until, reason.until) {
                    (Some(a), Some(b)) => Some(a.max(b)),
                    _ => None,
                };
            }
            None => out.push(reason),
        }
    }
    out
}

/// Whether a block stands that getting ready cannot lift: anything but the
/// checklist (PRE-1), the soak (PRE-3) and the choice of zones. The page
/// then says kindly that Log and Aftercare are still there.
pub fn blocked_beyond_preparation(reasons: &[Reason]) -> bool {
    use crate::domain::RuleId;
    reasons.iter().any(|r| {
        r.severity == Severity::Block
            && !matches!(r.rule, RuleId::Pre1 | RuleId::Pre3 | RuleId::Skin10)
    })
}

/// The zones to plan: those chosen that are open, in guided order.
pub fn plan_zones(chosen: &[Zone], open: &[Zone]) -> Vec<Zone> {
    let mut zones: Vec<Zone> = chosen
        .iter()
        .copied()
        .filter(|z| open.contains(z))
        .collect();
    order::sort_by_key(&mut zones, |z| z.order());
    zones.dedup();
    zones
}

// ---------------------------------------------------------------------------
// Soak timer

/// The words the soak timer's live region holds at `now`: empty until five
/// minutes are left, then "5 minutes left", "1 minute left" and "Done", so
/// that a screen reader hears three announcements in ten minutes.
pub fn soak_announcement(timer: &SoakTimer, now: DateTime<Utc>) -> &'static str {
    let left = timer.remaining(now);
    if left.is_zero() {
        words::SOAK_DONE_ANNOUNCE
    } else if left <= Duration::minutes(1) {
        words::SOAK_ONE_MINUTE
    } else if left <= Duration::minutes(5) {
        words::SOAK_FIVE_MINUTES
    } else {
        ""
    }
}

/// Whole seconds left on the soak, rounded up (so "0:00" means done).
pub fn soak_seconds_left(timer: &SoakTimer, now: DateTime<Utc>) -> i64 {
    let ms = timer.remaining(now).num_milliseconds();
    (ms + 999) / 1000
}

/// The ring's `stroke-dashoffset` for a circle of `circumference`: the ring
/// fills as the soak goes on.
pub fn ring_offset(fraction_done: f64, circumference: f64) -> f64 {
    circumference * (1.0 - fraction_done.clamp(0.0, 1.0))
}

/// The fraction of the soak done at `now`.
pub fn soak_fraction(timer: &SoakTimer, now: DateTime<Utc>) -> f64 {
    let total = crate::domain::SOAK_MINIMUM.num_milliseconds() as f64;
    timer.elapsed(now).num_milliseconds() as f64 / total
}

// ---------------------------------------------------------------------------
// Guided session labels

/// "Zone 2 of 5 · Nose".
pub fn zone_label(index: usize, count: usize, zone: Zone) -> String {
    format!(
        "{} {} {} {} · {}",
        words::ZONE,
        index + 1,
        words::OF,
        count,
        crate::ui::text::zone_name(zone)
    )
}

/// The number of a direction, from 1.
pub fn direction_number(direction: Direction) -> usize {
    match direction {
        Direction::Vertical => 1,
        Direction::Horizontal => 2,
        Direction::DiagonalOneWay => 3,
        Direction::DiagonalOtherWay => 4,
    }
}

/// "Direction 3 of 4 · Diagonal ↗".
pub fn direction_label(direction: Direction) -> String {
    format!(
        "{} {} {} {} · {}",
        words::DIRECTION,
        direction_number(direction),
        words::OF,
        crate::domain::guided::DIRECTIONS.len(),
        words::direction_name(direction)
    )
}

/// "Pass 2 of 4".
pub fn pass_label(pass: u8, passes: u8) -> String {
    format!("{} {pass} {} {passes}", words::PASS, words::OF)
}

/// The rotation, in degrees, of the (vertical) arrow for a direction.
pub fn arrow_rotation(direction: Direction) -> i32 {
    match direction {
        Direction::Vertical => 0,
        Direction::Horizontal => 90,
        Direction::DiagonalOneWay => 45,
        Direction::DiagonalOtherWay => -45,
    }
}

/// The cadence beat (one per pass) while the run is rolling, `None` while
/// paused, before the start or after the end.
pub fn cadence_beat(run: &GuidedRun, pos: &Position, now: DateTime<Utc>) -> Option<i64> {
    let pass_ms = run.plan.pass_duration().num_milliseconds().max(1);
    (pos.state == RunState::Running && now >= run.started_at)
        .then(|| pos.progress.num_milliseconds() / pass_ms)
}

// ---------------------------------------------------------------------------
// Changes to the document

/// Starts a guided session on `zones` after the lead-in; the first soak is
/// used up (the second soak will be timed afresh). Saves the passes.
pub fn start_run(doc: &mut AppDoc, zones: &[Zone], passes: u8, now: DateTime<Utc>) {
    let plan = SessionPlan::new(zones, passes);
    doc.preferences.passes_per_direction = plan.passes_per_direction;
    doc.flow = FlowState {
        soak: None,
        guided: Some(GuidedRun {
            plan,
            started_at: now + LEAD_IN,
            events: Vec::new(),
        }),
    };
}

/// Records an event of the run under way (nothing when there is none).
pub fn push_event(doc: &mut AppDoc, kind: RunEventKind, now: DateTime<Utc>) {
    if let Some(run) = doc.flow.guided.as_mut() {
        run.events.push(RunEvent { at: now, kind });
    }
}

/// What cancelling a run did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cancelled {
    /// Nothing was rolled yet: the run is gone and nothing is recorded.
    Discarded,
    /// Some rolling happened: the run ends now and will be recorded.
    EndedEarly,
    /// There was no run.
    NoRun,
}

/// Whether any rolling happened by `now`.
pub fn rolled_anything(run: &GuidedRun, now: DateTime<Utc>) -> bool {
    run_position(run, now).progress > Duration::zero()
}

/// Cancels the run under way (see [`Cancelled`]).
pub fn cancel_run(doc: &mut AppDoc, now: DateTime<Utc>) -> Cancelled {
    let Some(run) = doc.flow.guided.as_ref() else {
        return Cancelled::NoRun;
    };
    if rolled_anything(run, now) {
        push_event(doc, RunEventKind::End, now);
        Cancelled::EndedEarly
    } else {
        doc.flow = FlowState::default();
        Cancelled::Discarded
    }
}

/// Records the finished run as a session: the roller's count goes up by
/// one (and its first use is set), the flow is cleared. Returns false (and
/// changes nothing) when there is no finished run or no roller.
pub fn record_session(
    doc: &mut AppDoc,
    id: SessionId,
    now: DateTime<Utc>,
    disinfected_after: bool,
) -> bool {
    let Some(run) = doc.flow.guided.clone() else {
        return false;
    };
    let Some(ended_at) = finish_instant(&run, now) else {
        return false;
    };
    let Some(device) = doc.device.as_mut() else {
        return false;
    };
    let pos = run_position(&run, now);
    let started_at = run.started_at.min(ended_at);
    device.sessions_used = device.sessions_used.saturating_add(1);
    device.first_use.get_or_insert(started_at);
    doc.sessions.push(Session {
        id,
        started_at,
        ended_at,
        needle: device.needle,
        zones_completed: pos.zones_completed,
        zones_stopped_bleeding: pos.zones_stopped,
        disinfected_before: true,
        disinfected_after,
    });
    doc.flow = FlowState::default();
    true
}

/// Starts, pauses, resumes or restarts the soak timer in the flow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SoakAction {
    Start,
    Pause,
    Resume,
    Restart,
}

/// Applies a soak action to the flow's timer.
pub fn soak_action(flow: &mut FlowState, action: SoakAction, now: DateTime<Utc>) {
    match (action, flow.soak.as_mut()) {
        (SoakAction::Start, None) | (SoakAction::Restart, _) => {
            flow.soak = Some(SoakTimer::start(now));
        }
        (SoakAction::Pause, Some(t)) => t.pause(now),
        (SoakAction::Resume, Some(t)) => t.resume(now),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{
        can_start_session, zone_statuses, AgeAnswer, Device, DeviceKind, NeedleLength, Profile,
        SessionInput, SkinType,
    };
    use chrono::{FixedOffset, TimeZone};

    fn t0() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap()
    }

    fn secs(n: i64) -> Duration {
        Duration::seconds(n)
    }

    fn profile() -> Profile {
        let no = Answer::No;
        let none = crate::domain::ZoneHistory {
            answer: no,
            entries: vec![],
        };
        Profile {
            age: AgeAnswer::ConfirmedAdult,
            pregnant_or_breastfeeding: no,
            isotretinoin_now: no,
            isotretinoin_past: DatedAnswer {
                answer: no,
                date: None,
            },
            bleeding_risk: no,
            chemo_or_radiotherapy: crate::domain::TreatmentCourse {
                answer: no,
                first_day: None,
                last_day: None,
            },
            other_immunosuppression: no,
            keloid_tendency: no,
            metal_allergy: no,
            uncontrolled_diabetes: no,
            controlled_diabetes_or_slow_healing: no,
            cold_sore_history: no,
            koebner_history: no,
            skin_type: SkinType::II,
            product_allergy: no,
            allergens: vec![],
            peel_or_laser: DatedAnswer {
                answer: no,
                date: None,
            },
            filler: none.clone(),
            facial_surgery: none.clone(),
            recent_scars: none,
        }
    }

    fn device() -> Device {
        Device {
            kind: DeviceKind::ManualRoller,
            needle: NeedleLength::MM_0_25,
            first_use: None,
            sessions_used: 0,
            damage: Default::default(),
            only_mine: true,
        }
    }

    fn doc() -> AppDoc {
        AppDoc {
            profile: Some(profile()),
            device: Some(device()),
            ..Default::default()
        }
    }

    fn run(zones: &[Zone], events: Vec<RunEvent>) -> GuidedRun {
        GuidedRun {
            plan: SessionPlan::new(zones, 4),
            started_at: t0(),
            events,
        }
    }

    fn ev(at: i64, kind: RunEventKind) -> RunEvent {
        RunEvent {
            at: t0() + secs(at),
            kind,
        }
    }

    fn draft_all_no() -> Draft {
        Draft {
            setup_confirmed: true,
            alcohol_or_drugs: Some(Answer::No),
            actives_last_3_days: Some(Answer::No),
            cold_sore_now: Some(Answer::No),
            widespread_infection: Some(Answer::No),
            pre1: [true; 3],
            ..Default::default()
        }
    }

    #[test]
    fn step_follows_the_flow_and_the_clock() {
        let mut with_run = doc();
        with_run.flow.guided = Some(run(&[Zone::Forehead], vec![]));
        let mut no_device = doc();
        no_device.device = None;
        let mut ended = doc();
        ended.flow.guided = Some(run(&[Zone::Nose], vec![ev(3, RunEventKind::End)]));
        let table = [
            (AppDoc::default(), 0, Step::NeedsSetup),
            (no_device, 0, Step::NeedsSetup),
            (doc(), 0, Step::Prep),
            (with_run.clone(), 0, Step::Guided),
            (with_run.clone(), 31, Step::Guided),
            (with_run.clone(), 32, Step::Cleaning),
            (with_run, 10_000, Step::Cleaning),
            (ended.clone(), 2, Step::Guided),
            (ended, 3, Step::Cleaning),
        ];
        for (doc, at, want) in table {
            assert_eq!(step(&doc, t0() + secs(at)), want, "at {at}s");
        }
    }

    #[test]
    fn finish_instant_is_found_exactly() {
        let table = [
            (
                run(&[Zone::Forehead, Zone::Nose], vec![]),
                500,
                Some(64_000),
            ),
            (
                run(
                    &[Zone::Forehead],
                    vec![ev(5, RunEventKind::Pause), ev(65, RunEventKind::Resume)],
                ),
                1000,
                Some(92_000),
            ),
            (
                run(&[Zone::Forehead], vec![ev(10, RunEventKind::End)]),
                40,
                Some(10_000),
            ),
            (run(&[Zone::Forehead], vec![]), 31, None),
            (run(&[], vec![]), 5, Some(0)),
        ];
        for (r, now, want) in table {
            let got = finish_instant(&r, t0() + secs(now)).map(|t| (t - t0()).num_milliseconds());
            assert_eq!(got, want, "now {now}");
        }
    }

    #[test]
    fn zone_checks_from_problems() {
        let mut d = draft_all_no();
        d.sync_marked(&[Zone::Chin, Zone::Nose, Zone::Neck]);
        assert_eq!(
            d.problems.iter().map(|p| p.zone).collect::<Vec<_>>(),
            vec![Zone::Nose, Zone::Chin, Zone::Neck]
        );
        d.toggle_problem(Zone::Nose, Problem::Acne);
        d.toggle_problem(Zone::Chin, Problem::ChangingMole);
        let date = NaiveDate::from_ymd_opt(2026, 2, 20).unwrap();
        d.toggle_problem(Zone::Neck, Problem::Sunburn);
        d.problems[2].sun_date = Some(date);
        let nose = d.zone_check(Zone::Nose);
        assert_eq!(
            (nose.active_acne, nose.infection_or_broken_skin),
            (Answer::Yes, Answer::No)
        );
        let chin = d.zone_check(Zone::Chin);
        assert_eq!(
            (chin.lesion, chin.changing_mole),
            (Answer::Yes, Answer::Yes)
        );
        let neck = d.zone_check(Zone::Neck);
        assert_eq!(neck.sunburn_or_tan.date, Some(date));
        assert_eq!(
            d.zone_check(Zone::Forehead),
            ZoneCheck::clear(Zone::Forehead)
        );
        // Marked with nothing picked, or "not sure": conservative.
        d.sync_marked(&[Zone::Nose, Zone::Jawline]);
        assert_eq!(d.problems.len(), 2);
        assert_eq!(
            d.zone_check(Zone::Jawline).infection_or_broken_skin,
            Answer::NotSure
        );
        d.toggle_problem(Zone::Jawline, Problem::NotSure);
        assert_eq!(
            d.zone_check(Zone::Jawline).infection_or_broken_skin,
            Answer::NotSure
        );
        d.toggle_problem(Zone::Nose, Problem::Acne);
        assert_eq!(
            d.zone_check(Zone::Nose).infection_or_broken_skin,
            Answer::NotSure
        );
    }

    /// The engine, fed by the draft, decides what can start (PRE-1, PRE-3,
    /// PER-15, SKIN-3): the UI only builds its input.
    #[test]
    fn draft_feeds_the_engine() {
        let p = profile();
        let dev = device();
        let offset = FixedOffset::east_opt(0).unwrap();
        let soak_done = SoakTimer::start(t0() - Duration::minutes(10));
        let soak_running = SoakTimer::start(t0() - Duration::minutes(4));
        let mut acne = draft_all_no();
        acne.sync_marked(&[Zone::Nose]);
        acne.toggle_problem(Zone::Nose, Problem::Acne);
        let mut unanswered = draft_all_no();
        unanswered.alcohol_or_drugs = None;
        let mut no_pre1 = draft_all_no();
        no_pre1.pre1[1] = false;
        let mut confirmed = draft_all_no();
        confirmed.confirmed_full_soak = true;
        let all = Zone::ALL.to_vec();
        let table: Vec<(&str, Draft, Option<&SoakTimer>, bool, usize)> = vec![
            ("all clear", draft_all_no(), Some(&soak_done), true, 9),
            (
                "soak running",
                draft_all_no(),
                Some(&soak_running),
                false,
                9,
            ),
            ("no soak", draft_all_no(), None, false, 9),
            ("confirmed soak", confirmed, None, true, 9),
            ("acne on nose", acne, Some(&soak_done), true, 8),
            ("PER-15 unanswered", unanswered, Some(&soak_done), false, 9),
            ("PRE-1 not done", no_pre1, Some(&soak_done), false, 9),
        ];
        for (name, draft, soak, can, open) in table {
            let today = draft.today(&all, soak);
            let input = SessionInput {
                profile: &p,
                device: &dev,
                today: &today,
                sessions: &[],
                reactions: &[],
                now: t0(),
                offset,
            };
            let decision = can_start_session(&input);
            assert_eq!(
                decision.can_start(&[]),
                can,
                "{name}: {:?}",
                decision.reasons
            );
            assert_eq!(decision.open_zones().len(), open, "{name}");
            let blocked = unavailable_zones(&zone_statuses(&input));
            assert_eq!(blocked.len(), 9 - open, "{name}");
        }
    }

    #[test]
    fn serum_is_passed_trimmed() {
        let mut d = draft_all_no();
        d.serum = "  ".into();
        assert_eq!(d.today(&[], None).serum, None);
        d.serum = " vitamin C serum ".into();
        assert_eq!(d.today(&[], None).serum.as_deref(), Some("vitamin C serum"));
        assert_eq!(Draft::default().unanswered(), 4);
        assert_eq!(draft_all_no().unanswered(), 0);
        let mut d = Draft::default();
        for (i, q) in Question::ALL.iter().enumerate() {
            d.set_answer(*q, Answer::NotSure);
            assert_eq!(d.answer(*q), Some(Answer::NotSure));
            assert_eq!(d.unanswered(), 3 - i);
        }
        let mut partly = Draft::default();
        partly.set_answer(Question::ColdSore, Answer::NotSure);
        let shown = partly.unanswered_as_no();
        assert_eq!(shown.unanswered(), 0);
        assert_eq!(shown.answer(Question::ColdSore), Some(Answer::NotSure));
        assert_eq!(shown.answer(Question::AlcoholOrDrugs), Some(Answer::No));
        let best = Draft::best_case().today(&[], None);
        assert!(best.pre1_done && best.disinfection.confirmed_full_soak);
        assert_eq!(best.alcohol_or_drugs, Answer::No);
        assert_eq!(best.cold_sore_now, Answer::No);
    }

    #[test]
    fn reasons_shared_by_zones_are_shown_once() {
        use crate::domain::RuleId;
        let per11 = |z| Reason::warn(RuleId::Per11, "per11.cold_sore_history_near_mouth").zone(z);
        let later = t0() + secs(60);
        let reasons = vec![
            Reason::block(RuleId::Pre3, "pre3.soak_running").until(t0()),
            per11(Zone::LeftCheek),
            per11(Zone::RightCheek),
            Reason::warn(RuleId::Per13, "per13.skin_type_unsure").zone(Zone::Chin),
            Reason::block(RuleId::Pre3, "pre3.soak_running").until(later),
        ];
        let merged = merge_zone_reasons(reasons);
        let table = [
            ("pre3.soak_running", None, Some(later)),
            ("per11.cold_sore_history_near_mouth", None, None),
            ("per13.skin_type_unsure", Some(Zone::Chin), None),
        ];
        assert_eq!(merged.len(), table.len());
        for ((key, zone, until), r) in table.iter().zip(&merged) {
            assert_eq!((r.key, r.zone, r.until), (*key, *zone, *until));
        }
    }

    #[test]
    fn preparation_blocks_are_not_a_refusal() {
        use crate::domain::RuleId;
        let table = [
            (vec![], false),
            (
                vec![Reason::block(RuleId::Pre1, "pre1.checklist_incomplete")],
                false,
            ),
            (
                vec![Reason::block(RuleId::Pre3, "pre3.soak_running")],
                false,
            ),
            (
                vec![Reason::block(RuleId::Skin10, "zones.none_open")],
                false,
            ),
            (
                vec![Reason::warn(RuleId::Pre2, "pre2.recent_actives")],
                false,
            ),
            (
                vec![
                    Reason::block(RuleId::Pre3, "pre3.soak_running"),
                    Reason::block(RuleId::Per15, "per15.alcohol_or_drugs"),
                ],
                true,
            ),
            (
                vec![Reason::block(RuleId::Skin2, "skin2.cold_sore_active")],
                true,
            ),
        ];
        for (reasons, want) in table {
            assert_eq!(blocked_beyond_preparation(&reasons), want, "{reasons:?}");
        }
    }

    #[test]
    fn plan_zones_keep_open_chosen_ones_in_order() {
        let table = [
            (
                vec![Zone::Neck, Zone::Forehead, Zone::Nose],
                vec![Zone::Forehead, Zone::Neck],
                vec![Zone::Forehead, Zone::Neck],
            ),
            (vec![], Zone::ALL.to_vec(), vec![]),
            (vec![Zone::Chin], vec![], vec![]),
        ];
        for (chosen, open, want) in table {
            assert_eq!(plan_zones(&chosen, &open), want);
        }
    }

    #[test]
    fn soak_announcements_are_sparse() {
        let timer = SoakTimer::start(t0());
        let table = [
            (0, "", 600),
            (299, "", 301),
            (300, words::SOAK_FIVE_MINUTES, 300),
            (539, words::SOAK_FIVE_MINUTES, 61),
            (540, words::SOAK_ONE_MINUTE, 60),
            (599, words::SOAK_ONE_MINUTE, 1),
            (600, words::SOAK_DONE_ANNOUNCE, 0),
            (4000, words::SOAK_DONE_ANNOUNCE, 0),
        ];
        for (at, want, left) in table {
            let now = t0() + secs(at);
            assert_eq!(soak_announcement(&timer, now), want, "at {at}s");
            assert_eq!(soak_seconds_left(&timer, now), left, "at {at}s");
        }
        let half = t0() + Duration::milliseconds(299_500);
        assert_eq!(soak_seconds_left(&timer, half), 301);
        assert!((soak_fraction(&timer, t0() + secs(300)) - 0.5).abs() < 1e-9);
        assert!((ring_offset(0.25, 100.0) - 75.0).abs() < 1e-9);
        assert_eq!(ring_offset(2.0, 100.0), 0.0);
        assert_eq!(ring_offset(-1.0, 100.0), 100.0);
    }

    #[test]
    fn soak_actions() {
        let mut flow = FlowState::default();
        soak_action(&mut flow, SoakAction::Pause, t0());
        assert_eq!(flow.soak, None);
        soak_action(&mut flow, SoakAction::Start, t0());
        soak_action(&mut flow, SoakAction::Start, t0() + secs(60));
        assert_eq!(flow.soak.as_ref().unwrap().started_at, t0());
        soak_action(&mut flow, SoakAction::Pause, t0() + secs(60));
        soak_action(&mut flow, SoakAction::Resume, t0() + secs(120));
        assert_eq!(
            flow.soak.as_ref().unwrap().remaining(t0() + secs(120)),
            secs(540)
        );
        soak_action(&mut flow, SoakAction::Restart, t0() + secs(200));
        assert_eq!(flow.soak.as_ref().unwrap().started_at, t0() + secs(200));
    }

    #[test]
    fn guided_labels() {
        assert_eq!(zone_label(1, 5, Zone::Nose), "Zone 2 of 5 · Nose");
        let table = [
            (Direction::Vertical, "Direction 1 of 4 · Vertical ↕", 0),
            (Direction::Horizontal, "Direction 2 of 4 · Horizontal ↔", 90),
            (
                Direction::DiagonalOneWay,
                "Direction 3 of 4 · Diagonal ↗",
                45,
            ),
            (
                Direction::DiagonalOtherWay,
                "Direction 4 of 4 · Diagonal ↖",
                -45,
            ),
        ];
        for (d, label, rot) in table {
            assert_eq!(direction_label(d), label);
            assert_eq!(arrow_rotation(d), rot);
        }
        assert_eq!(pass_label(2, 4), "Pass 2 of 4");
    }

    #[test]
    fn cadence_beats_once_per_pass_while_rolling() {
        let r = run(
            &[Zone::Forehead],
            vec![ev(5, RunEventKind::Pause), ev(20, RunEventKind::Resume)],
        );
        let table = [
            (-3, None),
            (0, Some(0)),
            (3, Some(1)),
            (4, Some(2)),
            (10, None),
            (21, Some(3)),
        ];
        for (at, want) in table {
            let now = t0() + secs(at);
            let pos = run_position(&r, now);
            assert_eq!(cadence_beat(&r, &pos, now), want, "at {at}s");
        }
    }

    #[test]
    fn start_cancel_and_record() {
        // Start: lead-in, the first soak used up, passes saved.
        let mut d = doc();
        d.flow.soak = Some(SoakTimer::start(t0() - Duration::minutes(12)));
        start_run(&mut d, &[Zone::Neck, Zone::Forehead], 5, t0());
        let r = d.flow.guided.clone().unwrap();
        assert_eq!(r.started_at, t0() + LEAD_IN);
        assert_eq!(r.plan.zones, vec![Zone::Forehead, Zone::Neck]);
        assert_eq!(d.preferences.passes_per_direction, 5);
        assert_eq!(d.flow.soak, None);

        // Cancel before anything was rolled: nothing recorded.
        let mut early = d.clone();
        assert_eq!(cancel_run(&mut early, t0() + secs(3)), Cancelled::Discarded);
        assert_eq!(early.flow, FlowState::default());
        assert_eq!(cancel_run(&mut early, t0()), Cancelled::NoRun);

        // Cancel after rolling: the run ends and is recorded as partial.
        let mut partial = d.clone();
        let start = t0() + LEAD_IN;
        assert_eq!(
            cancel_run(&mut partial, start + secs(50)),
            Cancelled::EndedEarly
        );
        assert_eq!(step(&partial, start + secs(51)), Step::Cleaning);
        assert!(record_session(
            &mut partial,
            SessionId(7),
            start + secs(900),
            false
        ));
        let s = partial.sessions.last().unwrap();
        assert_eq!((s.started_at, s.ended_at), (start, start + secs(50)));
        assert_eq!(s.zones_completed, vec![Zone::Forehead]);
        assert!(s.disinfected_before && !s.disinfected_after);
        assert_eq!(partial.device.as_ref().unwrap().sessions_used, 1);
        assert_eq!(partial.device.as_ref().unwrap().first_use, Some(start));
        assert_eq!(partial.flow, FlowState::default());

        // A full run with a bleeding stop.
        let mut full = d.clone();
        push_event(&mut full, RunEventKind::StopZoneBleeding, start + secs(10));
        assert!(!record_session(
            &mut full,
            SessionId(8),
            start + secs(20),
            true
        ));
        assert!(record_session(
            &mut full,
            SessionId(8),
            start + secs(60),
            true
        ));
        let s = full.sessions.last().unwrap();
        assert_eq!(s.zones_stopped_bleeding, vec![Zone::Forehead]);
        assert_eq!(s.zones_completed, vec![Zone::Neck]);
        assert_eq!(s.ended_at, start + secs(50), "5 passes: 40 s a zone");
        assert_eq!(s.needle, NeedleLength::MM_0_25);

        // No roller: nothing changes.
        let mut no_device = d.clone();
        no_device.device = None;
        let before = no_device.clone();
        assert!(!record_session(
            &mut no_device,
            SessionId(9),
            start + secs(900),
            true
        ));
        assert_eq!(no_device, before);
    }
}
