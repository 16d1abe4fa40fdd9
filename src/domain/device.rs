//! The roller's status: DEV-1..5.
//!
//! Invariants:
//! - Only a manual roller with needles of at most 500 micrometres (0.5 mm),
//!   confirmed as the person's alone and undamaged, is ever accepted.
//! - DEV-4 counts the sessions already done with the roller and the elapsed
//!   time since its first use; whichever limit comes first applies.
//! - A clock earlier than the first use blocks rather than resetting the age.

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

use super::model::{Device, DeviceKind, NeedleLength};
use super::rules::{Reason, RuleId};
use super::time::weeks;
use crate::domain::order;

/// DEV-1: the longest needle allowed at home.
pub const MAX_HOME_NEEDLE: NeedleLength = NeedleLength::MM_0_50;
/// DEV-4: sessions from which a replacement is advised.
pub const REPLACE_WARN_SESSIONS: u32 = 8;
/// DEV-4: sessions at which the roller is refused.
pub const REPLACE_BLOCK_SESSIONS: u32 = 10;
/// DEV-4: age from first use at which a replacement is advised.
pub const REPLACE_WARN_AGE: Duration = weeks(5);
/// DEV-4: age from first use at which the roller is refused.
pub const REPLACE_BLOCK_AGE: Duration = weeks(6);

/// The roller's status at `now`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RollerStatus {
    /// Every reason, blocking first.
    pub reasons: Vec<Reason>,
    /// DEV-4: the instant the roller reaches six weeks from first use.
    pub replace_by: Option<DateTime<Utc>>,
    /// DEV-4: sessions left before the session limit blocks.
    pub sessions_left: u32,
}

impl RollerStatus {
    /// Returns true when the roller may be used (warnings aside).
    pub fn usable(&self) -> bool {
        !super::rules::any_block(&self.reasons)
    }
}

/// Checks the roller against DEV-1..5 at `now`.
pub fn roller_status(device: &Device, now: DateTime<Utc>) -> RollerStatus {
    let mut reasons = Vec::new();
    reasons.extend(needle_reason(device.needle));
    reasons.extend(kind_reason(device.kind));
    if !device.only_mine {
        // DEV-3: never share; the person must confirm it is theirs alone.
        reasons.push(Reason::block(RuleId::Dev3, "dev3.not_confirmed_only_mine"));
        // DEV-3
    }
    reasons.extend(session_count_reason(device.sessions_used));
    reasons.extend(age_reason(device, now));
    if device.damage.any() {
        // DEV-5: damaged or dropped: replace before any further use.
        reasons.push(Reason::block(RuleId::Dev5, "dev5.damaged_replace")); // DEV-5
    }
    order::sort_by_key(&mut reasons, |r| std::cmp::Reverse(r.severity));
    RollerStatus {
        reasons,
        replace_by: device.first_use.map(|first| first + REPLACE_BLOCK_AGE),
        sessions_left: REPLACE_BLOCK_SESSIONS.saturating_sub(device.sessions_used),
    }
}

/// DEV-1: a needle longer than 0.5 mm is clinic depth.
fn needle_reason(needle: NeedleLength) -> Option<Reason> {
    (needle > MAX_HOME_NEEDLE).then(|| Reason::block(RuleId::Dev1, "dev1.needle_too_long"))
    // DEV-1
}

/// DEV-2: electric pens and radio-frequency devices are not home rollers.
fn kind_reason(kind: DeviceKind) -> Option<Reason> {
    match kind {
        DeviceKind::ManualRoller => None,
        DeviceKind::ElectricPen => Some(Reason::block(RuleId::Dev2, "dev2.electric_pen")), // DEV-2
        DeviceKind::RadioFrequency => Some(Reason::block(RuleId::Dev2, "dev2.radio_frequency")), // DEV-2
    }
}

/// DEV-4: WARN from 8 sessions, BLOCK at 10.
fn session_count_reason(used: u32) -> Option<Reason> {
    if used >= REPLACE_BLOCK_SESSIONS {
        Some(Reason::block(RuleId::Dev4, "dev4.replace_sessions")) // DEV-4
    } else if used >= REPLACE_WARN_SESSIONS {
        Some(Reason::warn(RuleId::Dev4, "dev4.replace_soon_sessions")) // DEV-4
    } else {
        None
    }
}

/// DEV-4: WARN from 5 weeks, BLOCK at 6 weeks from first use.
fn age_reason(device: &Device, now: DateTime<Utc>) -> Option<Reason> {
    let Some(first) = device.first_use else {
        // A used roller with no first-use date has an unknown age.
        return (device.sessions_used > 0)
            .then(|| Reason::block(RuleId::Dev4, "dev4.first_use_unknown")); // DEV-4
    };
    let age = now - first;
    if age < Duration::zero() {
        Some(Reason::block(RuleId::Dev4, "clock.behind_latest_event")) // DEV-4
    } else if age >= REPLACE_BLOCK_AGE {
        Some(Reason::block(RuleId::Dev4, "dev4.replace_age")) // DEV-4
    } else if age >= REPLACE_WARN_AGE {
        Some(Reason::warn(RuleId::Dev4, "dev4.replace_soon_age")) // DEV-4
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::DamageFlags;
    use crate::domain::rules::Severity;
    use chrono::TimeZone;

    fn first() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2025, 1, 10, 20, 0, 0).unwrap()
    }

    fn good_roller() -> Device {
        Device {
            kind: DeviceKind::ManualRoller,
            needle: NeedleLength::MM_0_25,
            first_use: Some(first()),
            sessions_used: 0,
            damage: DamageFlags::default(),
            only_mine: true,
        }
    }

    fn keys(status: &RollerStatus) -> Vec<&'static str> {
        status.reasons.iter().map(|r| r.key).collect()
    }

    #[test]
    fn a_good_roller_is_usable() {
        let status = roller_status(&good_roller(), first());
        assert!(status.usable());
        assert!(status.reasons.is_empty());
        assert_eq!(status.sessions_left, 10);
        assert_eq!(status.replace_by, Some(first() + Duration::days(42)));
    }

    /// DEV-1: 0.5 mm is allowed, 0.51 mm is blocked.
    #[test]
    fn dev1_needle_boundary() {
        let table = [
            (200, true),
            (300, true),
            (500, true),
            (501, false),
            (510, false),
            (1000, false),
        ];
        for (um, usable) in table {
            let device = Device {
                needle: NeedleLength(um),
                ..good_roller()
            };
            let status = roller_status(&device, first());
            assert_eq!(status.usable(), usable, "DEV-1 at {um} µm");
            assert_eq!(keys(&status).contains(&"dev1.needle_too_long"), !usable);
        }
    }

    /// DEV-2: electric pens and RF devices are refused.
    #[test]
    fn dev2_only_manual_rollers() {
        let table = [
            (DeviceKind::ManualRoller, None),
            (DeviceKind::ElectricPen, Some("dev2.electric_pen")),
            (DeviceKind::RadioFrequency, Some("dev2.radio_frequency")),
        ];
        for (kind, key) in table {
            let status = roller_status(
                &Device {
                    kind,
                    ..good_roller()
                },
                first(),
            );
            assert_eq!(status.reasons.first().map(|r| r.key), key, "DEV-2 {kind:?}");
            assert_eq!(status.usable(), key.is_none());
        }
    }

    /// DEV-3: a roller not confirmed as the person's alone is refused.
    #[test]
    fn dev3_not_shared() {
        let status = roller_status(
            &Device {
                only_mine: false,
                ..good_roller()
            },
            first(),
        );
        assert_eq!(keys(&status), vec!["dev3.not_confirmed_only_mine"], "DEV-3");
        assert!(!status.usable());
    }

    /// DEV-4: 7 sessions fine, 8 and 9 warn, 10 blocks.
    #[test]
    fn dev4_session_count_boundaries() {
        let table = [
            (0, None),
            (7, None),
            (8, Some((Severity::Warn, "dev4.replace_soon_sessions"))),
            (9, Some((Severity::Warn, "dev4.replace_soon_sessions"))),
            (10, Some((Severity::Block, "dev4.replace_sessions"))),
            (15, Some((Severity::Block, "dev4.replace_sessions"))),
        ];
        for (used, expected) in table {
            let status = roller_status(
                &Device {
                    sessions_used: used,
                    ..good_roller()
                },
                first(),
            );
            let got = status.reasons.first().map(|r| (r.severity, r.key));
            assert_eq!(got, expected, "DEV-4 at {used} sessions");
        }
    }

    /// DEV-4: under 5 weeks fine, from 5 weeks warn, from 6 weeks block.
    #[test]
    fn dev4_age_boundaries() {
        let second = Duration::seconds(1);
        let table = [
            (Duration::weeks(5) - second, None),
            (
                Duration::weeks(5),
                Some((Severity::Warn, "dev4.replace_soon_age")),
            ),
            (
                Duration::weeks(6) - second,
                Some((Severity::Warn, "dev4.replace_soon_age")),
            ),
            (
                Duration::weeks(6),
                Some((Severity::Block, "dev4.replace_age")),
            ),
        ];
        for (age, expected) in table {
            let status = roller_status(&good_roller(), first() + age);
            let got = status.reasons.first().map(|r| (r.severity, r.key));
            assert_eq!(got, expected, "DEV-4 at age {age}");
        }
    }

    /// DEV-4: whichever limit comes first blocks; unknown age blocks.
    #[test]
    fn dev4_whichever_first_and_unknown_age() {
        let device = Device {
            sessions_used: 10,
            ..good_roller()
        };
        assert!(!roller_status(&device, first() + Duration::days(1)).usable());
        let device = Device {
            sessions_used: 1,
            first_use: None,
            ..good_roller()
        };
        assert_eq!(
            keys(&roller_status(&device, first())),
            vec!["dev4.first_use_unknown"]
        );
        let fresh = Device {
            sessions_used: 0,
            first_use: None,
            ..good_roller()
        };
        assert!(roller_status(&fresh, first()).usable());
    }

    /// DEV-4: a clock before the first use blocks instead of resetting age.
    #[test]
    fn dev4_clock_behind_first_use_blocks() {
        let status = roller_status(&good_roller(), first() - Duration::seconds(1));
        assert_eq!(keys(&status), vec!["clock.behind_latest_event"]);
    }

    /// DEV-5: any damage flag blocks.
    #[test]
    fn dev5_damage_blocks() {
        let damage = DamageFlags {
            dropped: true,
            ..Default::default()
        };
        let status = roller_status(
            &Device {
                damage,
                ..good_roller()
            },
            first(),
        );
        assert_eq!(keys(&status), vec!["dev5.damaged_replace"], "DEV-5");
    }
}
