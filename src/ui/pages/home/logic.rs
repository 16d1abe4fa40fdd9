//! What Home shows for a document at an instant, as plain data: the
//! headline status, the reasons behind it, the next-session window, the
//! aftercare windows still running, the reactions that hold sessions, the
//! roller's life, and the one next action. Set-up's result screen reuses
//! [`standing`] for the reasons that come from the answers alone.
//!
//! Invariants:
//! - Every reason comes from the engine; nothing here decides a rule.
//! - "Today" is judged without today's check (its questions are asked on
//!   the Session screen): the profile, the roller, the interval and the
//!   reactions only.
//! - A reason that applies to every zone is shown once, without a zone.

use chrono::{DateTime, Duration, FixedOffset, Utc};

use crate::domain::eligibility::person_reasons;
use crate::domain::interval::{dedup, last_session};
use crate::domain::order;
use crate::domain::{
    aftercare_status, any_block, hold, next_session_window, roller_status, zone_statuses,
    AftercareWindow, Device, History, NextWindow, Profile, Reaction, Reason, RuleId, SessionInput,
    Severity, TodayCheck, Zone,
};
use crate::storage::doc::AppDoc;

/// The reasons that follow from the set-up answers and the roller alone.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Standing {
    /// The roller's and the person's reasons (no zone), most severe first.
    pub reasons: Vec<Reason>,
    /// Per-zone reasons from the skin history (and PER-11), a reason that
    /// applies to every zone shown once without a zone.
    pub zone_reasons: Vec<Reason>,
    /// Zones that nothing in the answers blocks.
    pub open_zones: Vec<Zone>,
}

impl Standing {
    /// Every reason, session-level first.
    pub fn all(&self) -> Vec<Reason> {
        let mut all: Vec<Reason> = self
            .reasons
            .iter()
            .chain(self.zone_reasons.iter())
            .cloned()
            .collect();
        order::sort_by_key(&mut all, |r| std::cmp::Reverse(r.severity));
        all
    }

    /// The reasons of one severity.
    pub fn of(&self, severity: Severity) -> Vec<Reason> {
        self.all()
            .into_iter()
            .filter(|r| r.severity == severity)
            .collect()
    }

    /// Returns true when something stops every session.
    pub fn blocks_everything(&self) -> bool {
        any_block(&self.reasons) || self.open_zones.is_empty()
    }
}

/// Asks the engine what the answers and the roller allow at `now`.
pub fn standing(
    profile: &Profile,
    device: &Device,
    now: DateTime<Utc>,
    offset: FixedOffset,
) -> Standing {
    let roller = roller_status(device, now);
    let mut reasons: Vec<Reason> = roller.reasons;
    reasons.extend(person_reasons(profile, now, offset));
    let mut reasons = dedup(reasons);
    order::sort_by_key(&mut reasons, |r| std::cmp::Reverse(r.severity));
    let today = TodayCheck::default();
    let zones = zone_statuses(&SessionInput {
        profile,
        device,
        today: &today,
        sessions: &[],
        reactions: &[],
        now,
        offset,
    });
    let open_zones = zones
        .iter()
        .filter(|z| !any_block(&z.reasons))
        .map(|z| z.zone)
        .collect();
    let per_zone: Vec<Reason> = zones.into_iter().flat_map(|z| z.reasons).collect();
    Standing {
        reasons,
        zone_reasons: collapse_zones(per_zone),
        open_zones,
    }
}

/// Shows a reason that every zone carries once, without a zone; the others
/// keep theirs. Order is kept (first appearance).
pub fn collapse_zones(reasons: Vec<Reason>) -> Vec<Reason> {
    let same = |a: &Reason, b: &Reason| {
        a.rule == b.rule && a.key == b.key && a.severity == b.severity && a.until == b.until
    };
    let mut out: Vec<Reason> = Vec::new();
    for r in &reasons {
        let zones: Vec<Zone> = reasons
            .iter()
            .filter(|o| same(o, r))
            .filter_map(|o| o.zone)
            .collect();
        let everywhere = Zone::ALL.iter().all(|z| zones.contains(z));
        let shown = if everywhere {
            Reason {
                zone: None,
                ..r.clone()
            }
        } else {
            r.clone()
        };
        if !out.iter().any(|o| same(o, &shown) && o.zone == shown.zone) {
            out.push(shown);
        }
    }
    order::sort_by_key(&mut out, |r| std::cmp::Reverse(r.severity));
    out
}

/// The headline of Home.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Headline {
    /// Nothing is set up yet.
    FirstRun,
    /// Nothing known blocks: today's check can start.
    Ready,
    /// Blocked until this instant (the latest lift of every block).
    WaitUntil(DateTime<Utc>),
    /// Blocked by something without a known end.
    Blocked,
}

/// The one obvious next thing to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NextAction {
    /// First run: answer the set-up questions.
    SetUp,
    /// A soak timer or guided session is under way.
    Resume,
    /// In aftercare, or a reaction holds sessions: note how the skin is.
    LogSkin,
    /// Nothing blocks: start today's check.
    StartCheck,
    /// The roller must be replaced.
    ReplaceRoller,
    /// An answer blocks: review the set-up answers.
    ReviewAnswers,
}

impl NextAction {
    /// The route the action leads to.
    pub fn route(self) -> &'static str {
        match self {
            NextAction::SetUp | NextAction::ReviewAnswers => "/setup",
            NextAction::Resume | NextAction::StartCheck => "/session",
            NextAction::LogSkin => "/log",
            NextAction::ReplaceRoller => "/settings",
        }
    }
}

/// A reaction that holds the next session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Held {
    pub reaction: Reaction,
    /// The end of the session it follows, which its triage counts from.
    pub session_end: Option<DateTime<Utc>>,
}

/// The roller's life.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RollerLife {
    pub sessions_used: u32,
    pub sessions_limit: u32,
    pub first_use: Option<DateTime<Utc>>,
    /// Whole days since the first use (0 before it).
    pub days_used: i64,
    /// When it reaches six weeks (DEV-4).
    pub replace_by: Option<DateTime<Utc>>,
    /// DEV reasons, most severe first.
    pub reasons: Vec<Reason>,
}

/// Everything Home shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HomeView {
    pub headline: Headline,
    /// The reasons behind the headline (INT-3's recommendation aside, which
    /// the next-window card shows), most severe first.
    pub reasons: Vec<Reason>,
    pub next: Option<NextWindow>,
    /// Aftercare windows with an end that apply now, AFT-5 first, then by
    /// end.
    pub aftercare: Vec<AftercareWindow>,
    pub held: Vec<Held>,
    pub roller: Option<RollerLife>,
    pub action: NextAction,
}

/// The aftercare windows counted as "aftercare under way" for the next
/// action end within this span of the session (AFT-4's two weeks of SPF and
/// AFT-10 are long-running reminders, not aftercare to log).
const AFTERCARE_SPAN: Duration = Duration::days(7);

/// Nothing is set up yet: the welcome shows instead of the dashboard. The
/// same test as the first line of [`home_view`].
pub fn is_first_run(doc: &AppDoc) -> bool {
    doc.profile.is_none() || doc.device.is_none()
}

/// What Home shows for `doc` at `now`.
pub fn home_view(doc: &AppDoc, now: DateTime<Utc>, offset: FixedOffset) -> HomeView {
    let (Some(profile), Some(device)) = (doc.profile.as_ref(), doc.device.as_ref()) else {
        return HomeView {
            headline: Headline::FirstRun,
            reasons: Vec::new(),
            next: None,
            aftercare: Vec::new(),
            held: Vec::new(),
            roller: None,
            action: NextAction::SetUp,
        };
    };
    let standing = standing(profile, device, now, offset);
    let next = next_session_window(&History {
        sessions: &doc.sessions,
        reactions: &doc.reactions,
        needle_today: Some(device.needle),
        now,
        offset,
    });
    let mut reasons: Vec<Reason> = standing.reasons.clone();
    reasons.extend(
        next.reasons
            .iter()
            .filter(|r| r.rule != RuleId::Int3)
            .cloned(),
    );
    reasons.extend(standing.zone_reasons.iter().cloned());
    let mut reasons = dedup(reasons);
    order::sort_by_key(&mut reasons, |r| std::cmp::Reverse(r.severity));

    let headline = headline(&reasons, standing.open_zones.is_empty());
    let aftercare = running_aftercare(doc, now);
    let held = held_reactions(doc, now);
    let roller = roller_life(device, now);
    let in_aftercare = last_session(&doc.sessions).is_some_and(|s| {
        let end = s.last_instant();
        aftercare
            .iter()
            .any(|w| w.ends.is_some_and(|e| e <= end + AFTERCARE_SPAN))
    });
    let roller_blocked = any_block(&roller.reasons);
    let answer_blocked = standing
        .reasons
        .iter()
        .chain(standing.zone_reasons.iter().filter(|r| r.zone.is_none()))
        .any(|r| r.severity == Severity::Block && !r.rule.as_str().starts_with("DEV"));
    let action = if doc.flow.guided.is_some() || doc.flow.soak.is_some() {
        NextAction::Resume
    } else if !held.is_empty() || in_aftercare {
        NextAction::LogSkin
    } else if headline == Headline::Ready {
        NextAction::StartCheck
    } else if roller_blocked {
        NextAction::ReplaceRoller
    } else if answer_blocked {
        NextAction::ReviewAnswers
    } else {
        NextAction::LogSkin
    };
    HomeView {
        headline,
        reasons,
        next: Some(next),
        aftercare,
        held,
        roller: Some(roller),
        action,
    }
}

/// The headline for `reasons` (session-level blocks have no zone).
fn headline(reasons: &[Reason], no_zone_open: bool) -> Headline {
    let blocks: Vec<&Reason> = reasons
        .iter()
        .filter(|r| r.severity == Severity::Block && r.zone.is_none())
        .collect();
    if blocks.is_empty() && !no_zone_open {
        return Headline::Ready;
    }
    if no_zone_open && blocks.is_empty() {
        // Every zone is blocked by a dated history: wait for the latest.
        let zone_blocks: Vec<&Reason> = reasons
            .iter()
            .filter(|r| r.severity == Severity::Block)
            .collect();
        return wait_or_blocked(&zone_blocks);
    }
    wait_or_blocked(&blocks)
}

fn wait_or_blocked(blocks: &[&Reason]) -> Headline {
    let untils: Option<Vec<DateTime<Utc>>> = blocks.iter().map(|r| r.until).collect();
    match untils.and_then(|u| u.into_iter().max()) {
        Some(latest) => Headline::WaitUntil(latest),
        None => Headline::Blocked,
    }
}

/// The aftercare windows with an end that apply at `now` after the last
/// session, AFT-5 first, then by end.
pub fn running_aftercare(doc: &AppDoc, now: DateTime<Utc>) -> Vec<AftercareWindow> {
    let Some(last) = last_session(&doc.sessions) else {
        return Vec::new();
    };
    let status = aftercare_status(last.last_instant(), now);
    let mut windows: Vec<AftercareWindow> = status
        .active()
        .filter(|w| w.ends.is_some())
        .cloned()
        .collect();
    order::sort_by_key(&mut windows, |w| (w.rule != RuleId::Aft5, w.ends));
    windows
}

/// The open reactions that hold the next session.
pub fn held_reactions(doc: &AppDoc, now: DateTime<Utc>) -> Vec<Held> {
    doc.reactions
        .iter()
        .filter_map(|r| {
            hold(r, &doc.sessions, now).map(|(_, end)| Held {
                reaction: r.clone(),
                session_end: end,
            })
        })
        .collect()
}

/// The roller's life at `now`.
pub fn roller_life(device: &Device, now: DateTime<Utc>) -> RollerLife {
    let status = roller_status(device, now);
    RollerLife {
        sessions_used: device.sessions_used,
        sessions_limit: crate::domain::device::REPLACE_BLOCK_SESSIONS,
        first_use: device.first_use,
        days_used: device
            .first_use
            .map_or(0, |first| (now - first).num_days().max(0)),
        replace_by: status.replace_by,
        reasons: status.reasons,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{
        Answer, DamageFlags, DeviceKind, NeedleLength, ReactionId, ReactionKind, ReactionSeverity,
        ReactionStatus, Session, SessionId, SoakTimer, ZoneDated, ZoneHistory,
    };
    use chrono::{NaiveDate, TimeZone};

    fn utc() -> FixedOffset {
        FixedOffset::east_opt(0).unwrap()
    }

    fn t0() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap()
    }

    fn clear_profile() -> Profile {
        let no = Answer::No;
        let mut p = Profile {
            age: crate::domain::AgeAnswer::ConfirmedAdult,
            pregnant_or_breastfeeding: no,
            isotretinoin_now: no,
            bleeding_risk: no,
            other_immunosuppression: no,
            keloid_tendency: no,
            metal_allergy: no,
            uncontrolled_diabetes: no,
            controlled_diabetes_or_slow_healing: no,
            cold_sore_history: no,
            koebner_history: no,
            skin_type: crate::domain::SkinType::II,
            product_allergy: no,
            ..Profile::default()
        };
        p.isotretinoin_past.answer = no;
        p.chemo_or_radiotherapy.answer = no;
        p.peel_or_laser.answer = no;
        p.filler.answer = no;
        p.facial_surgery.answer = no;
        p.recent_scars.answer = no;
        p
    }

    fn roller(sessions_used: u32) -> Device {
        Device {
            kind: DeviceKind::ManualRoller,
            needle: NeedleLength::MM_0_25,
            first_use: Some(t0() - Duration::days(7)),
            sessions_used,
            damage: DamageFlags::default(),
            only_mine: true,
        }
    }

    fn session(id: u64, end: DateTime<Utc>) -> Session {
        Session {
            id: SessionId(id),
            started_at: end - Duration::minutes(20),
            ended_at: end,
            needle: NeedleLength::MM_0_25,
            zones_completed: vec![Zone::Forehead],
            zones_stopped_bleeding: vec![],
            disinfected_before: true,
            disinfected_after: true,
        }
    }

    fn doc() -> AppDoc {
        AppDoc {
            profile: Some(clear_profile()),
            device: Some(roller(1)),
            sessions: vec![session(1, t0())],
            ..AppDoc::default()
        }
    }

    fn keys(reasons: &[Reason]) -> Vec<&'static str> {
        reasons.iter().map(|r| r.key).collect()
    }

    #[test]
    fn headline_and_next_action_follow_the_document() {
        let day = Duration::days(1);
        type Edit = fn(&mut AppDoc);
        let cases: Vec<(&str, Edit, DateTime<Utc>, Headline, NextAction)> = vec![
            (
                "first run",
                |d| *d = AppDoc::default(),
                t0(),
                Headline::FirstRun,
                NextAction::SetUp,
            ),
            (
                "no sessions yet",
                |d| d.sessions.clear(),
                t0(),
                Headline::Ready,
                NextAction::StartCheck,
            ),
            (
                "day 1: aftercare",
                |_| {},
                t0() + day,
                Headline::WaitUntil(t0() + Duration::days(7)),
                NextAction::LogSkin,
            ),
            (
                "day 6 and 23 h",
                |_| {},
                t0() + Duration::hours(7 * 24 - 1),
                Headline::WaitUntil(t0() + Duration::days(7)),
                NextAction::LogSkin,
            ),
            (
                "day 7",
                |_| {},
                t0() + Duration::days(7),
                Headline::Ready,
                NextAction::StartCheck,
            ),
            (
                "session under way",
                |d| d.flow.soak = Some(SoakTimer::start(t0())),
                t0() + Duration::days(8),
                Headline::Ready,
                NextAction::Resume,
            ),
            (
                "roller worn out",
                |d| d.device = Some(roller(10)),
                t0() + Duration::days(8),
                Headline::Blocked,
                NextAction::ReplaceRoller,
            ),
            (
                "pregnant",
                |d| {
                    if let Some(p) = d.profile.as_mut() {
                        p.pregnant_or_breastfeeding = Answer::Yes;
                    }
                },
                t0() + Duration::days(8),
                Headline::Blocked,
                NextAction::ReviewAnswers,
            ),
            (
                "a reaction holds sessions",
                |d| {
                    d.reactions.push(Reaction {
                        id: ReactionId(5),
                        kind: ReactionKind::PusOrYellowCrust,
                        severity: ReactionSeverity::Mild,
                        zones: vec![Zone::Chin],
                        noticed_at: t0() + Duration::days(2),
                        session: Some(SessionId(1)),
                        status: ReactionStatus::StillPresent,
                        worsening: false,
                    })
                },
                t0() + Duration::days(9),
                Headline::Blocked,
                NextAction::LogSkin,
            ),
            (
                "filler everywhere, dated",
                |d| {
                    d.sessions.clear();
                    if let Some(p) = d.profile.as_mut() {
                        p.filler = ZoneHistory {
                            answer: Answer::Yes,
                            entries: vec![ZoneDated {
                                zone: None,
                                date: NaiveDate::from_ymd_opt(2026, 2, 1),
                            }],
                        };
                    }
                },
                t0(),
                Headline::WaitUntil(Utc.with_ymd_and_hms(2026, 8, 1, 0, 0, 0).unwrap()),
                NextAction::ReviewAnswers,
            ),
        ];
        for (name, edit, now, headline, action) in cases {
            let mut d = doc();
            edit(&mut d);
            let view = home_view(&d, now, utc());
            assert_eq!(view.headline, headline, "{name}");
            assert_eq!(view.action, action, "{name}");
            // The welcome/dashboard switch agrees with the engine's view.
            assert_eq!(
                is_first_run(&d),
                headline == Headline::FirstRun,
                "{name}: is_first_run"
            );
        }
    }

    #[test]
    fn aftercare_windows_run_with_the_actives_lock_first() {
        let view = home_view(&doc(), t0() + Duration::hours(30), utc());
        assert_eq!(view.aftercare[0].rule, RuleId::Aft5);
        assert!(view.aftercare.iter().all(|w| w.ends.is_some()));
        assert!(view.aftercare.iter().any(|w| w.rule == RuleId::Aft4));
        let later = home_view(&doc(), t0() + Duration::days(20), utc());
        assert!(later.aftercare.is_empty());
    }

    #[test]
    fn roller_life_warns_at_eight_and_blocks_at_ten() {
        for (used, warn, block) in [(7, false, false), (8, true, false), (10, false, true)] {
            let life = roller_life(&roller(used), t0());
            assert_eq!(life.sessions_limit, 10);
            assert_eq!(life.days_used, 7);
            let has = |s: Severity| {
                life.reasons
                    .iter()
                    .any(|r| r.rule == RuleId::Dev4 && r.severity == s)
            };
            assert_eq!(has(Severity::Warn), warn, "{used}");
            assert_eq!(has(Severity::Block), block, "{used}");
        }
    }

    #[test]
    fn the_status_leaves_the_recommendation_to_the_window_card() {
        let view = home_view(&doc(), t0() + Duration::days(1), utc());
        assert!(keys(&view.reasons).contains(&"int1.too_soon"));
        assert!(!view.reasons.iter().any(|r| r.rule == RuleId::Int3));
        let next = view.next.unwrap();
        assert_eq!(next.earliest, Some(t0() + Duration::days(7)));
    }

    #[test]
    fn standing_shows_an_everywhere_reason_once() {
        let mut p = clear_profile();
        p.facial_surgery.answer = Answer::NotSure;
        p.cold_sore_history = Answer::Yes;
        let s = standing(&p, &roller(0), t0(), utc());
        let surgery: Vec<&Reason> = s
            .zone_reasons
            .iter()
            .filter(|r| r.rule == RuleId::Skin7)
            .collect();
        assert_eq!(surgery.len(), 1);
        assert_eq!(surgery[0].zone, None);
        // PER-11 applies near the mouth only: one reason per zone.
        let cold: Vec<Option<Zone>> = s
            .zone_reasons
            .iter()
            .filter(|r| r.rule == RuleId::Per11)
            .map(|r| r.zone)
            .collect();
        assert_eq!(cold.len(), 4);
        assert!(cold.iter().all(Option::is_some));
        assert!(s.open_zones.is_empty());
        assert!(s.blocks_everything());
    }

    #[test]
    fn not_sure_answers_are_treated_as_yes() {
        let s = standing(&Profile::default(), &roller(0), t0(), utc());
        assert!(s.blocks_everything());
        let blocks = s.of(Severity::Block);
        for rule in [RuleId::Per1, RuleId::Per2, RuleId::Per3, RuleId::Per5] {
            assert!(blocks.iter().any(|r| r.rule == rule), "{rule}");
        }
        let clear = standing(&clear_profile(), &roller(0), t0(), utc());
        assert!(!clear.blocks_everything());
        assert!(clear.all().is_empty());
        assert_eq!(clear.open_zones.len(), 9);
    }
}
