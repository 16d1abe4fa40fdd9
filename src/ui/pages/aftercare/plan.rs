//! What the aftercare screen shows, as plain data computed from the
//! person's document and the current instant: the timeline rows, the
//! "Right now" summary and the "can I use this?" inputs. No rule is decided
//! here: every window, verdict and reason comes from the engine.

use chrono::{DateTime, Duration, Utc};

use crate::domain::aftercare::AftercareStatus;
use crate::domain::order;
use crate::domain::{aftercare_status, ReactionKind, ReactionStatus, RuleId, Session, Severity};
use crate::storage::doc::AppDoc;
use crate::ui::text::aftercare as t;

/// The session aftercare counts from: the latest by time (not by list order).
pub fn last_session(sessions: &[Session]) -> Option<&Session> {
    sessions.iter().max_by_key(|s| (s.last_instant(), s.id))
}

/// The end of the latest session, when there is one.
pub fn last_session_end(doc: &AppDoc) -> Option<DateTime<Utc>> {
    last_session(&doc.sessions).map(Session::last_instant)
}

/// AFT-5 while flaking: an open dryness-and-flaking reaction logged after
/// the last session means the skin is flaking now.
pub fn flaking_now(doc: &AppDoc) -> bool {
    let since = last_session_end(doc);
    doc.reactions.iter().any(|r| {
        r.kind == ReactionKind::DrynessFlaking
            && r.status == ReactionStatus::StillPresent
            && since.is_none_or(|end| r.noticed_at >= end)
    })
}

/// Where a window is, relative to now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// It has not started yet.
    Upcoming,
    /// It applies now.
    Running,
    /// It is over.
    Over,
}

/// One row of the timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimelineRow {
    pub rule: RuleId,
    pub severity: Severity,
    pub key: &'static str,
    pub starts: DateTime<Utc>,
    pub ends: Option<DateTime<Utc>>,
    pub phase: Phase,
    /// How much of the window has passed, in per mille (0..=1000); `None`
    /// for a window without an end.
    pub elapsed_permille: Option<u16>,
}

/// The timeline rows: the actives lock-out (AFT-5) first, then the windows
/// running now, then those still to come, then those over; within each
/// group, the engine's order.
pub fn timeline_rows(status: &AftercareStatus, now: DateTime<Utc>) -> Vec<TimelineRow> {
    // A clock behind the session end counts as no time passed (as the
    // engine does): bars stay empty rather than going backwards.
    let at = now.max(status.session_end);
    let mut rows: Vec<TimelineRow> = status
        .windows
        .iter()
        .map(|w| {
            let phase = if w.active {
                Phase::Running
            } else if at < w.starts {
                Phase::Upcoming
            } else {
                Phase::Over
            };
            let elapsed_permille = w.ends.map(|ends| permille(w.starts, ends, at));
            TimelineRow {
                rule: w.rule,
                severity: w.severity,
                key: w.key,
                starts: w.starts,
                ends: w.ends,
                phase,
                elapsed_permille,
            }
        })
        .collect();
    order::sort_by_key(&mut rows, |r| {
        let group = match (r.rule == RuleId::Aft5, r.phase) {
            (true, _) => 0,
            (false, Phase::Running) => 1,
            (false, Phase::Upcoming) => 2,
            (false, Phase::Over) => 3,
        };
        (group, r.phase == Phase::Over)
    });
    rows
}

/// A finished window other than the actives lock-out (AFT-5), which stays
/// on top: these fold away under "Finished".
pub fn is_finished_extra(row: &TimelineRow) -> bool {
    row.phase == Phase::Over && row.rule != RuleId::Aft5
}

/// The share of `[starts, ends)` that has passed at `at`, in per mille.
pub fn permille(starts: DateTime<Utc>, ends: DateTime<Utc>, at: DateTime<Utc>) -> u16 {
    let total = (ends - starts).num_seconds();
    if total <= 0 {
        return 1000;
    }
    let done = (at - starts).num_seconds().clamp(0, total);
    // `done <= total`, so the quotient is at most 1000.
    u16::try_from(done * 1000 / total).unwrap_or(1000)
}

/// One line of the "Right now" summary: a running BLOCK or WARN window,
/// with the instant it ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NowLine {
    pub key: &'static str,
    pub severity: Severity,
    pub until: Option<DateTime<Utc>>,
}

/// The "Right now" summary: every running window that limits something,
/// blocks first, each once. Empty when nothing limits the person any more.
pub fn right_now(status: &AftercareStatus) -> Vec<NowLine> {
    let mut lines: Vec<NowLine> = status
        .active()
        .filter(|w| w.severity != Severity::Info)
        .map(|w| NowLine {
            key: w.key,
            severity: w.severity,
            until: w.ends,
        })
        .collect();
    order::sort_by_key(&mut lines, |l| std::cmp::Reverse(l.severity));
    lines
}

/// The aftercare status after a session that ended at `end`.
pub fn status_at(end: DateTime<Utc>, now: DateTime<Utc>) -> AftercareStatus {
    aftercare_status(end, now)
}

/// A span after the session in words: "First 24 hours", "72 hours to
/// 7 days", "Always".
pub fn span_words(from: Duration, to: Option<Duration>) -> String {
    match to {
        None => t::ALWAYS.to_string(),
        Some(to) if from <= Duration::zero() => format!("{} {}", t::FIRST, elapsed_words(to)),
        Some(to) => format!("{} {} {}", elapsed_words(from), t::TO, elapsed_words(to)),
    }
}

/// "24 hours", "72 hours", "5 days": whole days from 4 days on.
pub fn elapsed_words(span: Duration) -> String {
    let hours = span.num_hours();
    if hours > 72 && hours % 24 == 0 {
        format!("{} {}", hours / 24, t::DAYS)
    } else {
        format!("{hours} {}", t::HOURS)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{NeedleLength, Reaction, ReactionId, ReactionSeverity, SessionId, Zone};
    use chrono::{Duration, TimeZone};

    fn status_for(doc: &AppDoc, now: DateTime<Utc>) -> Option<AftercareStatus> {
        last_session_end(doc).map(|end| status_at(end, now))
    }

    fn end() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap()
    }

    fn session(id: u64, ended: DateTime<Utc>) -> Session {
        Session {
            id: SessionId(id),
            started_at: ended - Duration::minutes(20),
            ended_at: ended,
            needle: NeedleLength::MM_0_25,
            zones_completed: vec![Zone::Forehead],
            zones_stopped_bleeding: Vec::new(),
            disinfected_before: true,
            disinfected_after: true,
        }
    }

    fn doc_with(sessions: Vec<Session>) -> AppDoc {
        AppDoc {
            sessions,
            ..AppDoc::default()
        }
    }

    #[test]
    fn last_session_is_latest_by_time_not_order() {
        let doc = doc_with(vec![
            session(1, end()),
            session(2, end() - Duration::days(7)),
        ]);
        assert_eq!(
            last_session(&doc.sessions).map(|s| s.id),
            Some(SessionId(1))
        );
        assert_eq!(last_session_end(&doc), Some(end()));
        assert_eq!(last_session_end(&AppDoc::default()), None);
        assert!(status_for(&AppDoc::default(), end()).is_none());
    }

    /// The timeline at several instants: AFT-5 first, its phase and fill.
    #[test]
    fn timeline_rows_for_a_doc_and_now() {
        let doc = doc_with(vec![session(1, end())]);
        let h = Duration::hours;
        // (after the end, AFT-5 lock phase, lock fill, AFT-4 phase, rows over)
        let table = [
            (h(0), Phase::Running, 0, Phase::Upcoming, 0),
            (h(36), Phase::Running, 500, Phase::Running, 3),
            (
                h(72) - Duration::minutes(1),
                Phase::Running,
                999,
                Phase::Running,
                4,
            ),
            (h(72), Phase::Over, 1000, Phase::Running, 8),
            (h(24 * 20), Phase::Over, 1000, Phase::Over, 12),
            // A clock behind the end: nothing has passed.
            (-h(5), Phase::Running, 0, Phase::Upcoming, 0),
        ];
        for (after, lock_phase, lock_fill, spf_phase, over) in table {
            let now = end() + after;
            let status = status_for(&doc, now).unwrap();
            let rows = timeline_rows(&status, now);
            assert_eq!(rows.len(), 13, "{after}");
            assert_eq!(rows[0].rule, RuleId::Aft5, "AFT-5 first at {after}");
            assert_eq!(rows[1].rule, RuleId::Aft5, "AFT-5 first at {after}");
            let lock = rows
                .iter()
                .find(|r| r.key == "aft5.actives_locked")
                .unwrap();
            assert_eq!(lock.phase, lock_phase, "{after}");
            assert_eq!(lock.elapsed_permille, Some(lock_fill), "{after}");
            assert_eq!(lock.ends, Some(end() + h(72)));
            let spf = rows.iter().find(|r| r.key == "aft4.daily_spf").unwrap();
            assert_eq!(spf.phase, spf_phase, "{after}");
            let n_over = rows.iter().filter(|r| r.phase == Phase::Over).count();
            assert_eq!(n_over, over, "{after}");
            // Over rows come last among the non-AFT-5 rows.
            let rest: Vec<&TimelineRow> = rows.iter().skip(2).collect();
            let first_over = rest.iter().position(|r| r.phase == Phase::Over);
            if let Some(i) = first_over {
                assert!(rest[i..].iter().all(|r| r.phase == Phase::Over), "{after}");
            }
            let folded = rows.iter().filter(|r| is_finished_extra(r)).count();
            let lock_over = rows
                .iter()
                .filter(|r| r.rule == RuleId::Aft5 && r.phase == Phase::Over)
                .count();
            assert_eq!(folded + lock_over, over, "{after}");
            let water = rows
                .iter()
                .find(|r| r.key == "aft10.water_and_sleep")
                .unwrap();
            assert_eq!(water.elapsed_permille, None);
            assert_eq!(water.phase, Phase::Running);
        }
    }

    #[test]
    fn spans_in_words() {
        let h = Duration::hours;
        let table = [
            (h(0), Some(h(24)), "First 24 hours"),
            (h(24), Some(h(48)), "24 hours to 48 hours"),
            (h(72), Some(h(168)), "72 hours to 7 days"),
            (h(24), Some(h(360)), "24 hours to 15 days"),
            (h(0), None, "Always"),
        ];
        for (from, to, want) in table {
            assert_eq!(span_words(from, to), want);
        }
    }

    #[test]
    fn permille_clamps() {
        let h = Duration::hours;
        let table = [
            (-h(1), 0),
            (h(0), 0),
            (h(18), 250),
            (h(72), 1000),
            (h(100), 1000),
        ];
        for (after, want) in table {
            assert_eq!(
                permille(end(), end() + h(72), end() + after),
                want,
                "{after}"
            );
        }
        assert_eq!(permille(end(), end(), end()), 1000);
    }

    /// "Right now": blocks first, only BLOCK and WARN windows that run.
    #[test]
    fn right_now_lines() {
        let h = Duration::hours;
        let table: [(Duration, &[&str]); 5] = [
            (
                h(1),
                &[
                    "aft1.bland_only",
                    "aft2.no_makeup",
                    "aft5.actives_locked",
                    "aft6.no_sweat_or_water",
                    "aft7.no_hair_removal_tan_peel",
                    "aft3.stay_out_of_sun",
                ],
            ),
            (
                h(30),
                &[
                    "aft5.actives_locked",
                    "aft6.no_sweat_or_water",
                    "aft7.no_hair_removal_tan_peel",
                    "aft2.makeup_caution",
                    "aft4.daily_spf",
                ],
            ),
            (
                h(80),
                &[
                    "aft4.daily_spf",
                    "aft5.actives_caution",
                    "aft6.sweat_water_caution",
                ],
            ),
            (h(24 * 10), &["aft4.daily_spf"]),
            (h(24 * 15), &[]),
        ];
        for (after, want) in table {
            let status = aftercare_status(end(), end() + after);
            let keys: Vec<&str> = right_now(&status).iter().map(|l| l.key).collect();
            assert_eq!(keys, want, "{after}");
        }
        let status = aftercare_status(end(), end());
        let makeup = right_now(&status)
            .into_iter()
            .find(|l| l.key == "aft2.no_makeup")
            .unwrap();
        assert_eq!(makeup.until, Some(end() + h(24)));
    }

    #[test]
    fn flaking_counts_open_flaking_after_the_last_session() {
        let reaction = |status, at| Reaction {
            id: ReactionId(1),
            kind: ReactionKind::DrynessFlaking,
            severity: ReactionSeverity::Mild,
            zones: Vec::new(),
            noticed_at: at,
            session: Some(SessionId(1)),
            status,
            worsening: false,
        };
        let table = [
            (
                ReactionStatus::StillPresent,
                end() + Duration::hours(30),
                true,
            ),
            (
                ReactionStatus::Resolved(end() + Duration::days(3)),
                end() + Duration::hours(30),
                false,
            ),
            (
                ReactionStatus::StillPresent,
                end() - Duration::days(9),
                false,
            ),
        ];
        for (status, at, want) in table {
            let mut doc = doc_with(vec![session(1, end())]);
            doc.reactions.push(reaction(status, at));
            assert_eq!(flaking_now(&doc), want, "{status:?} at {at}");
        }
        assert!(!flaking_now(&AppDoc::default()));
    }
}
