//! Triage of a logged reaction: RX-1..11.
//!
//! Invariants:
//! - A red-flag kind (RX-4..9) is a STOP and an RX-10 kind is an emergency,
//!   whatever its severity or timing; both hold every further session until
//!   the person marks it resolved or records a clinician's clearance (RX-11).
//! - An expected reaction (redness, swelling, sensitivity, dryness, tightness,
//!   mild itch, bruising) holds the next session (RX-1) when it is still
//!   present 72 elapsed hours after the session, when it is getting worse, or
//!   when it is severe; the hold lasts until it is marked clear.
//! - Messages never diagnose: they say "this may be ...: see a clinician".

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

use super::model::{Reaction, ReactionKind, ReactionSeverity, Session, SessionId};
use super::rules::{Reason, RuleId};
use super::time::{days, hours};

/// RX-1: expected reactions usually settle within 72 hours.
pub const SETTLE: Duration = hours(72);
/// RX-2: redness or swelling lasting 7 days calls for a clinician.
pub const CONSULT_AFTER: Duration = days(7);

/// How urgent a reaction is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TriageLevel {
    /// Expected and settling.
    Expected,
    /// Keep an eye on it; the reasons say what to do.
    Watch,
    /// RX-4..9: stop and see a doctor.
    Stop,
    /// RX-10: call emergency services.
    Emergency,
}

/// The triage of one reaction at `now`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Triage {
    pub level: TriageLevel,
    pub reasons: Vec<Reason>,
    /// Whether it holds the next session (INT-4).
    pub holds_next_session: bool,
}

/// The red flag a kind belongs to, with its rule and message key.
pub fn red_flag(kind: ReactionKind) -> Option<(RuleId, &'static str)> {
    use ReactionKind as K;
    match kind {
        K::IncreasingPainOrWarmth
        | K::SpreadingRedness
        | K::PusOrYellowCrust
        | K::FeverOrChills => Some((RuleId::Rx4, "rx4.possible_infection_stop")), // RX-4
        K::BlistersTinglingOrBurning => Some((RuleId::Rx5, "rx5.possible_cold_sore_stop")), // RX-5
        K::FirmRedBumps => Some((RuleId::Rx6, "rx6.possible_granuloma_stop")),              // RX-6
        K::GridMarks => Some((RuleId::Rx7, "rx7.possible_scarring_stop")),                  // RX-7
        K::SpreadingDarkPatches => Some((RuleId::Rx8, "rx8.possible_dark_marks_stop")),     // RX-8
        K::ItchyRash => Some((RuleId::Rx9, "rx9.possible_allergy_stop")),                   // RX-9
        K::FaceLipOrTongueSwelling | K::SpreadingHives | K::DifficultyBreathing => {
            Some((RuleId::Rx10, "rx10.call_emergency_services")) // RX-10
        }
        _ => None,
    }
}

/// Returns true when `reaction` can hold sessions at all. Only an open one
/// can: RX-1 and RX-11 hold until it is marked clear, so [`triage`] of a
/// closed reaction never holds (a property test checks this).
pub fn may_hold_sessions(reaction: &Reaction) -> bool {
    !reaction.status.is_closed()
}

/// The end of the session a reaction is linked to, when that session is in
/// `sessions`: what its triage counts from.
pub fn linked_end(sessions: &[Session], session: Option<SessionId>) -> Option<DateTime<Utc>> {
    let id = session?;
    sessions
        .iter()
        .find(|s| s.id == id)
        .map(Session::last_instant)
}

/// Triage of `reaction` at `now` when it holds the next session (INT-4),
/// with the end of its linked session; `None` when it does not hold.
/// Whatever looks for holds across a whole history goes through this: a
/// closed reaction ([`may_hold_sessions`]) is skipped before its session is
/// looked up or it is triaged, and five years of data hold about 1,500
/// reactions, nearly all closed.
pub fn hold(
    reaction: &Reaction,
    sessions: &[Session],
    now: DateTime<Utc>,
) -> Option<(Triage, Option<DateTime<Utc>>)> {
    if !may_hold_sessions(reaction) {
        return None;
    }
    let end = linked_end(sessions, reaction.session);
    let t = triage(reaction, end, now);
    t.holds_next_session.then_some((t, end))
}

/// Triage of `reaction` at `now`; `session_end` is the end of the session it
/// follows, when known.
pub fn triage(
    reaction: &Reaction,
    session_end: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Triage {
    match red_flag(reaction.kind) {
        Some((rule, key)) => stop_triage(reaction, rule, key),
        None => expected_triage(reaction, session_end, now),
    }
}

/// RX-4..10 and RX-11.
fn stop_triage(reaction: &Reaction, rule: RuleId, key: &'static str) -> Triage {
    let level = if rule == RuleId::Rx10 {
        // RX-10
        TriageLevel::Emergency
    } else {
        TriageLevel::Stop
    };
    let open = !reaction.status.is_closed();
    let mut reasons = vec![Reason::block(rule, key)];
    if open {
        reasons.push(Reason::block(
            RuleId::Rx11, // RX-11
            "rx11.sessions_held_until_resolved",
        ));
    }
    Triage {
        level,
        reasons,
        holds_next_session: open,
    }
}

/// RX-1, RX-2 and RX-3 for the expected kinds.
fn expected_triage(
    reaction: &Reaction,
    session_end: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Triage {
    let mut reasons = Vec::new();
    if reaction.kind == ReactionKind::Bruising {
        reasons.push(Reason::warn(RuleId::Rx3, "rx3.lighter_pressure_next_time"));
        // RX-3
    }
    if reaction.status.is_closed() {
        reasons.push(Reason::info(RuleId::Rx1, "rx1.marked_clear")); // RX-1
        return watch_or_expected(reasons, false);
    }
    let hold = hold_reason(reaction, session_end, now);
    let holds = hold.is_some();
    match hold {
        Some(reason) => reasons.push(reason),
        None => reasons.push(settling_reason(session_end)),
    }
    reasons.extend(consult_reason(reaction, session_end, now));
    watch_or_expected(reasons, holds)
}

fn watch_or_expected(reasons: Vec<Reason>, holds: bool) -> Triage {
    let watch = holds
        || reasons
            .iter()
            .any(|r| r.severity > super::rules::Severity::Info);
    Triage {
        level: if watch {
            TriageLevel::Watch
        } else {
            TriageLevel::Expected
        },
        reasons,
        holds_next_session: holds,
    }
}

/// RX-1: the hold, when one applies.
fn hold_reason(
    reaction: &Reaction,
    session_end: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Option<Reason> {
    if reaction.worsening {
        return Some(Reason::warn(RuleId::Rx1, "rx1.getting_worse_hold")); // RX-1
    }
    if reaction.severity == ReactionSeverity::Severe {
        return Some(Reason::warn(RuleId::Rx1, "rx1.severe_hold")); // RX-1
    }
    match session_end {
        None => Some(Reason::warn(RuleId::Rx1, "rx1.no_session_link_hold")), // RX-1
        Some(end) if now - end >= SETTLE => Some(Reason::warn(
            RuleId::Rx1, // RX-1
            "rx1.still_present_after_72h_hold",
        )),
        Some(_) => None,
    }
}

/// RX-1: expected and settling, with the instant 72 hours are up.
fn settling_reason(session_end: Option<DateTime<Utc>>) -> Reason {
    Reason::info(RuleId::Rx1, "rx1.expected_usually_settles") // RX-1
        .until_opt(session_end.map(|end| end + SETTLE))
}

/// RX-2: redness or swelling lasting 7 days or more: consult a clinician.
/// Without a linked session the count starts when it was noticed.
fn consult_reason(
    reaction: &Reaction,
    session_end: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Option<Reason> {
    let watched = matches!(
        reaction.kind,
        ReactionKind::Redness | ReactionKind::Swelling
    );
    let onset = session_end.unwrap_or(reaction.noticed_at);
    (watched && now - onset >= CONSULT_AFTER)
        .then(|| Reason::warn(RuleId::Rx2, "rx2.lasting_see_clinician")) // RX-2
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::{ReactionId, ReactionStatus, SessionId};
    use chrono::TimeZone;

    fn end() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2025, 6, 1, 20, 0, 0).unwrap()
    }

    fn reaction(kind: ReactionKind) -> Reaction {
        Reaction {
            id: ReactionId(1),
            kind,
            severity: ReactionSeverity::Mild,
            zones: Vec::new(),
            noticed_at: end() + hours(2),
            session: Some(SessionId(1)),
            status: ReactionStatus::StillPresent,
            worsening: false,
        }
    }

    fn keys(t: &Triage) -> Vec<&'static str> {
        t.reasons.iter().map(|r| r.key).collect()
    }

    /// RX-1: still present at 72 h minus one second is expected; at 72 h it
    /// holds the next session until marked clear.
    #[test]
    fn rx1_hold_after_72h() {
        let s = Duration::seconds(1);
        for kind in [
            ReactionKind::Redness,
            ReactionKind::Swelling,
            ReactionKind::DrynessFlaking,
        ] {
            let early = triage(&reaction(kind), Some(end()), end() + hours(72) - s);
            assert!(!early.holds_next_session, "RX-1 {kind:?} before 72 h");
            assert_eq!(early.level, TriageLevel::Expected);
            assert_eq!(early.reasons[0].until, Some(end() + hours(72)));
            let late = triage(&reaction(kind), Some(end()), end() + hours(72));
            assert!(late.holds_next_session, "RX-1 {kind:?} at 72 h");
            assert_eq!(late.level, TriageLevel::Watch);
            assert_eq!(keys(&late), vec!["rx1.still_present_after_72h_hold"]);
            let mut cleared = reaction(kind);
            cleared.status = ReactionStatus::Resolved(end() + hours(80));
            assert!(!triage(&cleared, Some(end()), end() + days(9)).holds_next_session);
        }
    }

    /// RX-1: getting worse, severe, or not linked to a session holds at once.
    #[test]
    fn rx1_immediate_holds() {
        let worse = Reaction {
            worsening: true,
            ..reaction(ReactionKind::Redness)
        };
        let severe = Reaction {
            severity: ReactionSeverity::Severe,
            ..reaction(ReactionKind::Swelling)
        };
        let table = [
            (worse, Some(end()), "rx1.getting_worse_hold"),
            (severe, Some(end()), "rx1.severe_hold"),
            (
                reaction(ReactionKind::Tightness),
                None,
                "rx1.no_session_link_hold",
            ),
        ];
        for (r, session_end, key) in table {
            let t = triage(&r, session_end, end() + hours(30));
            assert!(t.holds_next_session, "RX-1 {key}");
            assert_eq!(t.reasons[0].key, key);
        }
    }

    /// RX-2: redness present 7 days after the session: see a clinician.
    #[test]
    fn rx2_consult_after_seven_days() {
        let s = Duration::seconds(1);
        let before = triage(
            &reaction(ReactionKind::Redness),
            Some(end()),
            end() + days(7) - s,
        );
        assert!(
            !keys(&before).contains(&"rx2.lasting_see_clinician"),
            "RX-2"
        );
        let at = triage(
            &reaction(ReactionKind::Redness),
            Some(end()),
            end() + days(7),
        );
        assert!(keys(&at).contains(&"rx2.lasting_see_clinician"), "RX-2");
        let unlinked = triage(
            &reaction(ReactionKind::Redness),
            None,
            end() + hours(2) + days(7),
        );
        assert!(keys(&unlinked).contains(&"rx2.lasting_see_clinician"));
    }

    /// RX-3: bruising warns about pressure.
    #[test]
    fn rx3_bruising_lighter_pressure() {
        let t = triage(
            &reaction(ReactionKind::Bruising),
            Some(end()),
            end() + hours(5),
        );
        assert_eq!(t.reasons[0].rule, RuleId::Rx3, "RX-3");
        assert_eq!(t.level, TriageLevel::Watch);
        assert!(!t.holds_next_session);
    }

    /// RX-4..RX-10 and RX-11: red flags stop, and hold until closed.
    #[test]
    fn rx4_to_rx11_red_flags() {
        use ReactionKind as K;
        let table = [
            (K::IncreasingPainOrWarmth, RuleId::Rx4, TriageLevel::Stop), // RX-4
            (K::SpreadingRedness, RuleId::Rx4, TriageLevel::Stop),       // RX-4
            (K::PusOrYellowCrust, RuleId::Rx4, TriageLevel::Stop),       // RX-4
            (K::FeverOrChills, RuleId::Rx4, TriageLevel::Stop),          // RX-4
            (K::BlistersTinglingOrBurning, RuleId::Rx5, TriageLevel::Stop), // RX-5
            (K::FirmRedBumps, RuleId::Rx6, TriageLevel::Stop),           // RX-6
            (K::GridMarks, RuleId::Rx7, TriageLevel::Stop),              // RX-7
            (K::SpreadingDarkPatches, RuleId::Rx8, TriageLevel::Stop),   // RX-8
            (K::ItchyRash, RuleId::Rx9, TriageLevel::Stop),              // RX-9
            (
                K::FaceLipOrTongueSwelling,
                RuleId::Rx10, // RX-10
                TriageLevel::Emergency,
            ),
            (K::SpreadingHives, RuleId::Rx10, TriageLevel::Emergency), // RX-10
            (K::DifficultyBreathing, RuleId::Rx10, TriageLevel::Emergency), // RX-10
        ];
        for (kind, rule, level) in table {
            let open = triage(&reaction(kind), Some(end()), end() + days(60));
            assert_eq!(
                (open.reasons[0].rule, open.level),
                (rule, level),
                "{rule} {kind:?}"
            );
            assert!(open.holds_next_session, "RX-11 {kind:?}");
            assert_eq!(open.reasons[1].rule, RuleId::Rx11); // RX-11
            for status in [
                ReactionStatus::Resolved(end() + days(3)),
                ReactionStatus::ClearedByClinician(end() + days(3)),
            ] {
                let closed = triage(
                    &Reaction {
                        status,
                        ..reaction(kind)
                    },
                    Some(end()),
                    end() + days(60),
                );
                assert!(!closed.holds_next_session, "RX-11 {kind:?} closed");
            }
        }
    }

    #[test]
    fn every_kind_triages_without_panic() {
        for kind in ReactionKind::ALL {
            let t = triage(&reaction(kind), Some(end()), end() - days(1));
            assert!(!t.reasons.is_empty());
        }
    }
}
