//! The next-session window: INT-1..4, with the clock checks and the
//! reaction holds (RX-3, RX-11) that apply before a session.
//!
//! Invariants:
//! - The last session is the one with the latest recorded instant, whatever
//!   the order of the list.
//! - The earliest next session is exactly 7 × 24 elapsed hours after it ends;
//!   a clock reading earlier than any recorded session or event blocks.
//! - Any needle longer than 0.3 mm (today's or last session's) is treated as
//!   0.5 mm: 14 days recommended, and a warning before 14 days.
//! - An open reaction that holds sessions blocks (INT-4) with no end instant:
//!   only marking it resolved or cleared lifts it.

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, Utc};
use serde::Serialize;

use super::model::{NeedleLength, Reaction, ReactionKind, ReactionStatus, Session};
use super::reactions::hold;
use super::rules::{Reason, RuleId};
use super::time::{days, local_date};

/// INT-1: the minimum interval.
pub const MIN_INTERVAL: Duration = days(7);
/// INT-2 and INT-3: the interval for a 0.5 mm needle.
pub const LONG_NEEDLE_INTERVAL: Duration = days(14);
/// INT-3: needles up to this length are recommended every 7 days.
pub const SHORT_NEEDLE_MAX: NeedleLength = NeedleLength::MM_0_30;

/// When the next session may and should happen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NextWindow {
    /// The end of the last session, if any.
    pub last_session_end: Option<DateTime<Utc>>,
    /// INT-1: the earliest instant a session may start.
    pub earliest: Option<DateTime<Utc>>,
    /// INT-3: the recommended instant.
    pub recommended: Option<DateTime<Utc>>,
    /// The local date of `earliest`, for display.
    pub earliest_local_date: Option<NaiveDate>,
    /// The local date of `recommended`, for display.
    pub recommended_local_date: Option<NaiveDate>,
    /// INT-1..4, clock and reaction reasons.
    pub reasons: Vec<Reason>,
}

/// The history the interval rules read.
#[derive(Debug, Clone, Copy)]
pub struct History<'a> {
    pub sessions: &'a [Session],
    pub reactions: &'a [Reaction],
    /// The needle planned today, if known.
    pub needle_today: Option<NeedleLength>,
    pub now: DateTime<Utc>,
    pub offset: FixedOffset,
}

/// The session with the latest recorded instant.
pub fn last_session(sessions: &[Session]) -> Option<&Session> {
    sessions.iter().max_by_key(|s| s.last_instant())
}

/// The latest instant anything was recorded (sessions and reactions).
pub fn latest_event(sessions: &[Session], reactions: &[Reaction]) -> Option<DateTime<Utc>> {
    let from_sessions = sessions.iter().map(Session::last_instant);
    let from_reactions = reactions.iter().flat_map(|r| {
        let closed = match r.status {
            ReactionStatus::StillPresent => None,
            ReactionStatus::Resolved(at) | ReactionStatus::ClearedByClinician(at) => Some(at),
        };
        std::iter::once(r.noticed_at).chain(closed)
    });
    from_sessions.chain(from_reactions).max()
}

/// INT-1..4 at `history.now`.
pub fn next_session_window(history: &History<'_>) -> NextWindow {
    let mut reasons = clock_reasons(history);
    reasons.extend(reaction_reasons(history));
    let Some(last) = last_session(history.sessions) else {
        return NextWindow {
            last_session_end: None,
            earliest: None,
            recommended: None,
            earliest_local_date: None,
            recommended_local_date: None,
            reasons,
        };
    };
    let end = last.last_instant();
    let long = is_long_needle(last.needle.max(history.needle_today.unwrap_or_default()));
    let earliest = end + MIN_INTERVAL;
    let recommended = end
        + if long {
            LONG_NEEDLE_INTERVAL
        } else {
            MIN_INTERVAL
        };
    reasons.extend(interval_reasons(history.now, end, long, recommended));
    NextWindow {
        last_session_end: Some(end),
        earliest: Some(earliest),
        recommended: Some(recommended),
        earliest_local_date: Some(local_date(earliest, history.offset)),
        recommended_local_date: Some(local_date(recommended, history.offset)),
        reasons,
    }
}

/// INT-2 and INT-3: a needle above 0.3 mm counts as 0.5 mm.
pub fn is_long_needle(needle: NeedleLength) -> bool {
    needle > SHORT_NEEDLE_MAX
}

/// INT-1, INT-2 and INT-3 reasons.
fn interval_reasons(
    now: DateTime<Utc>,
    end: DateTime<Utc>,
    long: bool,
    recommended: DateTime<Utc>,
) -> Vec<Reason> {
    let mut reasons = Vec::new();
    if now < end + MIN_INTERVAL {
        reasons.push(Reason::block(RuleId::Int1, "int1.too_soon").until(end + MIN_INTERVAL));
        // INT-1
    }
    if long && now < end + LONG_NEEDLE_INTERVAL {
        let until = end + LONG_NEEDLE_INTERVAL;
        reasons.push(Reason::warn(RuleId::Int2, "int2.long_needle_short_interval").until(until));
        // INT-2
    }
    reasons.push(Reason::info(RuleId::Int3, "int3.recommended_next").until(recommended)); // INT-3
    reasons
}

/// INT-1: a clock behind the last session or any later record blocks.
fn clock_reasons(history: &History<'_>) -> Vec<Reason> {
    let last_session_at = last_session(history.sessions).map(Session::last_instant);
    if last_session_at.is_some_and(|at| history.now < at) {
        return vec![Reason::block(RuleId::Int1, "clock.behind_last_session")]; // INT-1
    }
    match latest_event(history.sessions, history.reactions) {
        Some(at) if history.now < at => {
            vec![Reason::block(RuleId::Int1, "clock.behind_latest_event")] // INT-1
        }
        _ => Vec::new(),
    }
}

/// INT-4 (with RX-11) for holding reactions, and RX-3 after bruising.
fn reaction_reasons(history: &History<'_>) -> Vec<Reason> {
    let last = last_session(history.sessions);
    let mut reasons = Vec::new();
    for reaction in history.reactions {
        if let Some((t, _)) = hold(reaction, history.sessions, history.now) {
            reasons.push(Reason::block(RuleId::Int4, "int4.reaction_holds_sessions")); // INT-4
            reasons.extend(t.reasons.into_iter().filter(|r| r.rule == RuleId::Rx11));
            // RX-11
        }
        if reaction.kind == ReactionKind::Bruising && follows(reaction, last) {
            reasons.push(Reason::warn(RuleId::Rx3, "rx3.lighter_pressure_next_time"));
            // RX-3
        }
    }
    dedup(reasons)
}

/// Returns true when `reaction` follows the last session.
fn follows(reaction: &Reaction, last: Option<&Session>) -> bool {
    match (reaction.session, last) {
        (Some(id), Some(last)) => id == last.id,
        (None, Some(last)) => reaction.noticed_at >= last.started_at,
        (_, None) => false,
    }
}

/// Removes repeated (rule, key) pairs, keeping the first.
pub fn dedup(reasons: Vec<Reason>) -> Vec<Reason> {
    let mut out: Vec<Reason> = Vec::with_capacity(reasons.len());
    for r in reasons {
        if !out
            .iter()
            .any(|o| o.rule == r.rule && o.key == r.key && o.zone == r.zone)
        {
            out.push(r);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::{ReactionId, ReactionSeverity, SessionId, Zone};
    use crate::domain::rules::Severity;
    use chrono::{Duration, TimeZone};

    fn end() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2025, 3, 29, 22, 0, 0).unwrap()
    }

    fn session(id: u64, end_at: DateTime<Utc>, needle: NeedleLength) -> Session {
        Session {
            id: SessionId(id),
            started_at: end_at - Duration::minutes(10),
            ended_at: end_at,
            needle,
            zones_completed: vec![Zone::Forehead],
            zones_stopped_bleeding: Vec::new(),
            disinfected_before: true,
            disinfected_after: true,
        }
    }

    fn window(sessions: &[Session], reactions: &[Reaction], now: DateTime<Utc>) -> NextWindow {
        next_session_window(&History {
            sessions,
            reactions,
            needle_today: None,
            now,
            offset: FixedOffset::east_opt(3600).unwrap(),
        })
    }

    fn keys(w: &NextWindow) -> Vec<&'static str> {
        w.reasons.iter().map(|r| r.key).collect()
    }

    /// INT-1: 7 days minus one minute blocked, exactly 7 days open.
    #[test]
    fn int1_seven_day_boundary() {
        let s = [session(1, end(), NeedleLength::MM_0_25)];
        let early = window(&s, &[], end() + days(7) - Duration::minutes(1));
        assert!(keys(&early).contains(&"int1.too_soon"), "INT-1");
        assert_eq!(early.earliest, Some(end() + days(7)));
        assert_eq!(early.reasons[0].until, Some(end() + days(7)));
        let open = window(&s, &[], end() + days(7));
        assert!(!keys(&open).contains(&"int1.too_soon"), "INT-1");
    }

    /// INT-2: at 0.5 mm, before 14 days warns; 0.3 mm does not.
    #[test]
    fn int2_long_needle_warning() {
        let s = Duration::seconds(1);
        let table = [
            (NeedleLength::MM_0_50, days(14) - s, true),
            (NeedleLength::MM_0_50, days(14), false),
            (NeedleLength(400), days(10), true),
            (NeedleLength(301), days(10), true),
            (NeedleLength::MM_0_30, days(10), false),
            (NeedleLength::MM_0_25, days(7), false),
        ];
        for (needle, after, warned) in table {
            let w = window(&[session(1, end(), needle)], &[], end() + after);
            let found = w.reasons.iter().find(|r| r.rule == RuleId::Int2); // INT-2
            assert_eq!(found.is_some(), warned, "INT-2 {needle:?} at {after}");
            if let Some(r) = found {
                assert_eq!((r.severity, r.needs_ack), (Severity::Warn, true));
            }
        }
    }

    /// INT-2: today's longer needle counts even if the last session was short.
    #[test]
    fn int2_uses_the_longer_of_today_and_last() {
        let s = [session(1, end(), NeedleLength::MM_0_25)];
        let w = next_session_window(&History {
            sessions: &s,
            reactions: &[],
            needle_today: Some(NeedleLength::MM_0_50),
            now: end() + days(8),
            offset: FixedOffset::east_opt(0).unwrap(),
        });
        assert!(w.reasons.iter().any(|r| r.rule == RuleId::Int2), "INT-2");
        assert_eq!(w.recommended, Some(end() + days(14)));
    }

    /// INT-3: recommended +7 days up to 0.3 mm, +14 days above.
    #[test]
    fn int3_recommended_dates() {
        let table = [
            (NeedleLength::MM_0_20, days(7)),
            (NeedleLength::MM_0_30, days(7)),
            (NeedleLength(350), days(14)),
            (NeedleLength::MM_0_50, days(14)),
        ];
        for (needle, after) in table {
            let w = window(&[session(1, end(), needle)], &[], end());
            assert_eq!(w.recommended, Some(end() + after), "INT-3 {needle:?}");
            let info = w.reasons.iter().find(|r| r.rule == RuleId::Int3).unwrap(); // INT-3
            assert_eq!(info.until, Some(end() + after));
        }
    }

    /// INT-3: local dates use the user's offset (22:00 UTC is the next day
    /// in +01:00).
    #[test]
    fn int3_local_date_uses_offset() {
        let w = window(&[session(1, end(), NeedleLength::MM_0_25)], &[], end());
        let expected = chrono::NaiveDate::from_ymd_opt(2025, 4, 5).unwrap();
        assert_eq!(w.earliest_local_date, Some(expected));
        assert_eq!(w.recommended_local_date, Some(expected));
    }

    /// The last session is the latest by instant, not by list order.
    #[test]
    fn last_session_is_latest_by_instant() {
        let s = [
            session(2, end(), NeedleLength::MM_0_25),
            session(1, end() - days(20), NeedleLength::MM_0_25),
        ];
        assert_eq!(last_session(&s).map(|s| s.id), Some(SessionId(2)));
        let w = window(&s, &[], end() + days(1));
        assert!(keys(&w).contains(&"int1.too_soon"));
    }

    /// A clock behind the last session or a later record blocks (INT-1).
    #[test]
    fn clock_behind_blocks() {
        let s = [session(1, end(), NeedleLength::MM_0_25)];
        let w = window(&s, &[], end() - days(30));
        assert_eq!(w.reasons[0].key, "clock.behind_last_session");
        assert!(w.reasons[0].is_block());
        let r = reaction(ReactionKind::Redness, end() + days(10));
        let w = window(&s, &[r], end() + days(9));
        assert_eq!(w.reasons[0].key, "clock.behind_latest_event");
    }

    fn reaction(kind: ReactionKind, noticed_at: DateTime<Utc>) -> Reaction {
        Reaction {
            id: ReactionId(1),
            kind,
            severity: ReactionSeverity::Mild,
            zones: Vec::new(),
            noticed_at,
            session: Some(SessionId(1)),
            status: ReactionStatus::StillPresent,
            worsening: false,
        }
    }

    /// INT-4 and RX-11: open holding reactions block with no end instant.
    #[test]
    fn int4_holding_reaction_blocks() {
        let s = [session(1, end(), NeedleLength::MM_0_25)];
        let redness = reaction(ReactionKind::Redness, end() + Duration::hours(1));
        let w = window(&s, std::slice::from_ref(&redness), end() + days(8));
        let int4 = w.reasons.iter().find(|r| r.rule == RuleId::Int4).unwrap(); // INT-4
        assert_eq!(
            (int4.severity, int4.until),
            (Severity::Block, None),
            "INT-4"
        );
        let pus = reaction(ReactionKind::PusOrYellowCrust, end() + days(1));
        let w = window(&s, std::slice::from_ref(&pus), end() + days(30));
        assert!(
            keys(&w).contains(&"rx11.sessions_held_until_resolved"),
            "RX-11"
        );
        let resolved = Reaction {
            status: ReactionStatus::Resolved(end() + days(5)),
            ..redness
        };
        let w = window(&s, &[resolved], end() + days(8));
        assert!(w.reasons.iter().all(|r| r.rule != RuleId::Int4)); // INT-4
    }

    /// RX-3: bruising after the last session warns at the next one.
    #[test]
    fn rx3_bruising_warns_next_session() {
        let s = [session(1, end(), NeedleLength::MM_0_25)];
        let bruise = Reaction {
            status: ReactionStatus::Resolved(end() + days(2)),
            ..reaction(ReactionKind::Bruising, end() + Duration::hours(1))
        };
        let w = window(&s, std::slice::from_ref(&bruise), end() + days(8));
        assert!(keys(&w).contains(&"rx3.lighter_pressure_next_time"), "RX-3");
        let unlinked = Reaction {
            session: None,
            ..bruise.clone()
        };
        assert!(keys(&window(&s, &[unlinked], end() + days(8)))
            .contains(&"rx3.lighter_pressure_next_time"));
        let older = Reaction {
            session: Some(SessionId(0)),
            ..bruise
        };
        assert!(!keys(&window(&s, &[older], end() + days(8)))
            .contains(&"rx3.lighter_pressure_next_time"));
    }

    #[test]
    fn no_sessions_no_window() {
        let w = window(&[], &[], end());
        assert_eq!(w.earliest, None);
        assert!(w.reasons.is_empty());
    }

    /// INT-1 across DST: a session ending before +01:00 → +02:00 still waits
    /// exactly 168 elapsed hours, and a traveller gets the same instants.
    #[test]
    fn int1_dst_and_travel_keep_elapsed_time() {
        let s = [session(1, end(), NeedleLength::MM_0_25)];
        for offset_hours in [1, 2, -5, 9] {
            let w = next_session_window(&History {
                sessions: &s,
                reactions: &[],
                needle_today: None,
                now: end() + days(7) - Duration::seconds(1),
                offset: FixedOffset::east_opt(offset_hours * 3600).unwrap(),
            });
            assert_eq!(w.earliest, Some(end() + Duration::hours(168)), "INT-1");
            assert!(w.reasons.iter().any(|r| r.key == "int1.too_soon"));
        }
    }
}
