//! Aftercare windows counted from the end of the last session: AFT-1..10.
//!
//! Invariants:
//! - Every window is a fixed elapsed span after the session's end instant;
//!   72 hours is 72 elapsed hours in any offset.
//! - A window is active on `[starts, ends)`: at exactly 72 hours the AFT-5
//!   lock has lifted.
//! - A clock earlier than the session end is treated as the end itself, so a
//!   clock going backwards never shortens a window.

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

use super::rules::{RuleId, Severity};
use super::time::{days, hours};

/// AFT-1, AFT-2, AFT-3: the first day.
pub const FIRST_DAY: Duration = hours(24);
/// AFT-2: makeup caution until 48 hours.
pub const MAKEUP_CAUTION_END: Duration = hours(48);
/// AFT-4: SPF every day for two weeks from 24 hours.
pub const SPF_SPAN: Duration = days(14);
/// AFT-5, AFT-6, AFT-7, AFT-8: the 72-hour lock.
pub const LOCK: Duration = hours(72);
/// AFT-6: sweat and water caution until day 5.
pub const SWEAT_CAUTION_END: Duration = days(5);
/// AFT-5 caution and AFT-9: day 7.
pub const WEEK: Duration = days(7);

/// One aftercare window as data: rule, severity, key and span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WindowSpec {
    pub rule: RuleId,
    pub severity: Severity,
    pub key: &'static str,
    /// Start, after the session end.
    pub from: Duration,
    /// End, after the session end; `None` means always.
    pub to: Option<Duration>,
}

/// AFT-1..10 as a table.
pub const WINDOWS: [WindowSpec; 13] = [
    spec(
        RuleId::Aft1, // AFT-1
        Severity::Block,
        "aft1.bland_only",
        Duration::zero(),
        Some(FIRST_DAY),
    ),
    spec(
        RuleId::Aft2, // AFT-2
        Severity::Block,
        "aft2.no_makeup",
        Duration::zero(),
        Some(FIRST_DAY),
    ),
    spec(
        RuleId::Aft2, // AFT-2
        Severity::Warn,
        "aft2.makeup_caution",
        FIRST_DAY,
        Some(MAKEUP_CAUTION_END),
    ),
    spec(
        RuleId::Aft3, // AFT-3
        Severity::Warn,
        "aft3.stay_out_of_sun",
        Duration::zero(),
        Some(FIRST_DAY),
    ),
    spec(
        RuleId::Aft4, // AFT-4
        Severity::Warn,
        "aft4.daily_spf",
        FIRST_DAY,
        Some(hours(24 + 14 * 24)),
    ),
    spec(
        RuleId::Aft5, // AFT-5
        Severity::Block,
        "aft5.actives_locked",
        Duration::zero(),
        Some(LOCK),
    ),
    spec(
        RuleId::Aft5, // AFT-5
        Severity::Warn,
        "aft5.actives_caution",
        LOCK,
        Some(WEEK),
    ),
    spec(
        RuleId::Aft6, // AFT-6
        Severity::Block,
        "aft6.no_sweat_or_water",
        Duration::zero(),
        Some(LOCK),
    ),
    spec(
        RuleId::Aft6, // AFT-6
        Severity::Warn,
        "aft6.sweat_water_caution",
        LOCK,
        Some(SWEAT_CAUTION_END),
    ),
    spec(
        RuleId::Aft7, // AFT-7
        Severity::Block,
        "aft7.no_hair_removal_tan_peel",
        Duration::zero(),
        Some(LOCK),
    ),
    spec(
        RuleId::Aft8, // AFT-8
        Severity::Info,
        "aft8.hands_off_clean_pillowcase",
        Duration::zero(),
        Some(LOCK),
    ),
    spec(
        RuleId::Aft9, // AFT-9
        Severity::Info,
        "aft9.do_not_pick_flakes",
        FIRST_DAY,
        Some(WEEK),
    ),
    spec(
        RuleId::Aft10, // AFT-10
        Severity::Info,
        "aft10.water_and_sleep",
        Duration::zero(),
        None,
    ),
];

const fn spec(
    rule: RuleId,
    severity: Severity,
    key: &'static str,
    from: Duration,
    to: Option<Duration>,
) -> WindowSpec {
    WindowSpec {
        rule,
        severity,
        key,
        from,
        to,
    }
}

/// One aftercare window placed in time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AftercareWindow {
    pub rule: RuleId,
    pub severity: Severity,
    pub key: &'static str,
    pub starts: DateTime<Utc>,
    /// When it ends; `None` means it never does (AFT-10).
    pub ends: Option<DateTime<Utc>>,
    /// Whether it applies at `now`.
    pub active: bool,
}

/// Every aftercare window after a session that ended at `session_end`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AftercareStatus {
    pub session_end: DateTime<Utc>,
    pub windows: Vec<AftercareWindow>,
    /// The clock reads earlier than the session end; windows are computed as
    /// if no time had passed.
    pub clock_behind: bool,
}

impl AftercareStatus {
    /// The windows that apply at `now`.
    pub fn active(&self) -> impl Iterator<Item = &AftercareWindow> {
        self.windows.iter().filter(|w| w.active)
    }
}

/// The aftercare windows after `session_end`, evaluated at `now`.
pub fn aftercare_status(session_end: DateTime<Utc>, now: DateTime<Utc>) -> AftercareStatus {
    let effective = now.max(session_end);
    let windows = WINDOWS
        .iter()
        .map(|w| place(w, session_end, effective))
        .collect();
    AftercareStatus {
        session_end,
        windows,
        clock_behind: now < session_end,
    }
}

fn place(spec: &WindowSpec, end: DateTime<Utc>, at: DateTime<Utc>) -> AftercareWindow {
    let starts = end + spec.from;
    let ends = spec.to.map(|to| end + to);
    AftercareWindow {
        rule: spec.rule,
        severity: spec.severity,
        key: spec.key,
        starts,
        ends,
        active: starts <= at && ends.is_none_or(|e| at < e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn end() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2025, 3, 29, 21, 0, 0).unwrap()
    }

    fn active_at(after: Duration, key: &str) -> bool {
        aftercare_status(end(), end() + after)
            .active()
            .any(|w| w.key == key)
    }

    /// Both sides of every AFT boundary (AFT-1..AFT-10).
    #[test]
    fn aft_window_boundaries() {
        let s = Duration::seconds(1);
        let table: [(&str, &str, Duration, Option<Duration>); 13] = [
            (
                "AFT-1",
                "aft1.bland_only",
                Duration::zero(),
                Some(hours(24)),
            ),
            ("AFT-2", "aft2.no_makeup", Duration::zero(), Some(hours(24))),
            ("AFT-2", "aft2.makeup_caution", hours(24), Some(hours(48))),
            (
                "AFT-3",
                "aft3.stay_out_of_sun",
                Duration::zero(),
                Some(hours(24)),
            ),
            (
                "AFT-4",
                "aft4.daily_spf",
                hours(24),
                Some(hours(24) + days(14)),
            ),
            (
                "AFT-5",
                "aft5.actives_locked",
                Duration::zero(),
                Some(hours(72)),
            ),
            ("AFT-5", "aft5.actives_caution", hours(72), Some(days(7))),
            (
                "AFT-6",
                "aft6.no_sweat_or_water",
                Duration::zero(),
                Some(hours(72)),
            ),
            (
                "AFT-6",
                "aft6.sweat_water_caution",
                hours(72),
                Some(days(5)),
            ),
            (
                "AFT-7",
                "aft7.no_hair_removal_tan_peel",
                Duration::zero(),
                Some(hours(72)),
            ),
            (
                "AFT-8",
                "aft8.hands_off_clean_pillowcase",
                Duration::zero(),
                Some(hours(72)),
            ),
            ("AFT-9", "aft9.do_not_pick_flakes", hours(24), Some(days(7))),
            ("AFT-10", "aft10.water_and_sleep", Duration::zero(), None),
        ];
        for (id, key, from, to) in table {
            assert!(active_at(from, key), "{id} {key} active at its start");
            if from > Duration::zero() {
                assert!(!active_at(from - s, key), "{id} {key} not before its start");
            }
            match to {
                Some(to) => {
                    assert!(
                        active_at(to - s, key),
                        "{id} {key} active just before its end"
                    );
                    assert!(!active_at(to, key), "{id} {key} over at its end");
                }
                None => assert!(active_at(days(3650), key), "{id} always"),
            }
        }
    }

    #[test]
    fn windows_carry_their_instants() {
        let status = aftercare_status(end(), end());
        let lock = status
            .windows
            .iter()
            .find(|w| w.key == "aft5.actives_locked")
            .unwrap();
        assert_eq!(lock.rule, RuleId::Aft5); // AFT-5
        assert_eq!(lock.ends, Some(end() + hours(72)));
        assert!(!status.clock_behind);
    }

    /// AFT-5: a clock behind the session end keeps every lock active.
    #[test]
    fn aft5_clock_behind_keeps_locks() {
        let status = aftercare_status(end(), end() - days(30));
        assert!(status.clock_behind);
        assert!(status.active().any(|w| w.key == "aft5.actives_locked"));
    }
}
