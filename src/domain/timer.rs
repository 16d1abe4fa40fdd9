//! PRE-3 and SES-6: the disinfection soak timer, computed from timestamps.
//!
//! Invariants:
//! - The timer never ticks: every answer is computed from `started_at`, the
//!   total paused time and the instant of the current pause, given `now`.
//! - A clock that goes backwards never shortens the soak: negative elapsed
//!   time counts as zero, so the remaining time can only grow.
//! - `paused_total` is never negative.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

/// PRE-3: the minimum soak in 70 % isopropyl alcohol.
pub const SOAK_MINIMUM: Duration = Duration::minutes(10);

/// A pausable soak timer stored as timestamps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SoakTimer {
    /// When the soak started.
    pub started_at: DateTime<Utc>,
    /// Total time spent paused in completed pauses.
    #[serde(with = "millis")]
    pub paused_total: Duration,
    /// When the current pause began, if paused.
    pub paused_at: Option<DateTime<Utc>>,
}

impl SoakTimer {
    /// Starts a timer at `now`.
    pub fn start(now: DateTime<Utc>) -> SoakTimer {
        SoakTimer {
            started_at: now,
            paused_total: Duration::zero(),
            paused_at: None,
        }
    }

    /// The soak time counted so far (never negative).
    pub fn elapsed(&self, now: DateTime<Utc>) -> Duration {
        let until = self.paused_at.map_or(now, |p| p.min(now));
        let raw = until - self.started_at - self.paused_total;
        raw.max(Duration::zero())
    }

    /// The soak time still needed to reach [`SOAK_MINIMUM`].
    pub fn remaining(&self, now: DateTime<Utc>) -> Duration {
        (SOAK_MINIMUM - self.elapsed(now)).max(Duration::zero())
    }

    /// PRE-3: returns true once at least ten minutes have been counted.
    pub fn is_done(&self, now: DateTime<Utc>) -> bool {
        self.remaining(now).is_zero()
    }

    /// Returns true while paused.
    pub fn is_paused(&self) -> bool {
        self.paused_at.is_some()
    }

    /// Pauses at `now`; pausing twice keeps the first pause.
    pub fn pause(&mut self, now: DateTime<Utc>) {
        if self.paused_at.is_none() {
            self.paused_at = Some(now.max(self.started_at));
        }
    }

    /// Resumes at `now`, adding the pause to the total (never negative).
    pub fn resume(&mut self, now: DateTime<Utc>) {
        if let Some(paused_at) = self.paused_at.take() {
            let pause = (now - paused_at).max(Duration::zero());
            self.paused_total += pause;
        }
    }
}

/// Serialises a [`Duration`] as whole milliseconds.
mod millis {
    use chrono::Duration;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(d: &Duration, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_i64(d.num_milliseconds())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Duration, D::Error> {
        let ms = i64::deserialize(d)?;
        Ok(Duration::milliseconds(ms.max(0)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn t0() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2025, 3, 1, 9, 0, 0).unwrap()
    }

    /// PRE-3: ten minutes minus one second is not enough; ten minutes is.
    #[test]
    fn pre3_soak_needs_ten_minutes() {
        let timer = SoakTimer::start(t0());
        let table = [
            (Duration::zero(), false, Duration::minutes(10)),
            (
                Duration::minutes(10) - Duration::seconds(1),
                false,
                Duration::seconds(1),
            ),
            (Duration::minutes(10), true, Duration::zero()),
            (Duration::hours(2), true, Duration::zero()),
        ];
        for (after, done, remaining) in table {
            assert_eq!(timer.is_done(t0() + after), done, "PRE-3 at {after}");
            assert_eq!(timer.remaining(t0() + after), remaining);
        }
    }

    /// PRE-3: a pause does not count towards the soak.
    #[test]
    fn pre3_pause_does_not_count() {
        let mut timer = SoakTimer::start(t0());
        timer.pause(t0() + Duration::minutes(4));
        timer.pause(t0() + Duration::minutes(5));
        assert!(timer.is_paused());
        assert_eq!(
            timer.remaining(t0() + Duration::minutes(30)),
            Duration::minutes(6)
        );
        timer.resume(t0() + Duration::minutes(30));
        assert!(!timer.is_paused());
        assert_eq!(timer.paused_total, Duration::minutes(26));
        assert!(!timer.is_done(t0() + Duration::minutes(36) - Duration::seconds(1)));
        assert!(timer.is_done(t0() + Duration::minutes(36)));
        timer.resume(t0() + Duration::minutes(40));
        assert_eq!(timer.paused_total, Duration::minutes(26));
    }

    /// PRE-3: a clock behind the start never gives a free pass.
    #[test]
    fn pre3_clock_behind_start_counts_nothing() {
        let mut timer = SoakTimer::start(t0());
        assert_eq!(timer.remaining(t0() - Duration::hours(1)), SOAK_MINIMUM);
        timer.pause(t0() - Duration::hours(1));
        assert_eq!(timer.paused_at, Some(t0()));
        timer.resume(t0() - Duration::hours(2));
        assert_eq!(timer.paused_total, Duration::zero());
    }

    #[test]
    fn soak_timer_round_trips_through_json() {
        let mut timer = SoakTimer::start(t0());
        timer.pause(t0() + Duration::seconds(90));
        timer.resume(t0() + Duration::seconds(100));
        let json = serde_json::to_string(&timer).unwrap();
        let back: SoakTimer = serde_json::from_str(&json).unwrap();
        assert_eq!(back, timer);
    }
}
