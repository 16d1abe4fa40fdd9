//! The guided session: the plan (SES-1, SES-2, SES-5) and a step machine
//! computed from stored timestamps (SES-4 stops a zone for bleeding).
//!
//! Invariants:
//! - A plan visits its zones in guided order (top to bottom), each zone in
//!   the four SES-1 directions, each direction for 4 or 5 passes (SES-2).
//! - SES-5: time per zone = directions × passes × [`SECONDS_PER_PASS`]. No
//!   authoritative time exists; 2 seconds per pass, lifting included, is
//!   this project's choice (the slow end of 1.5–2 s).
//! - The position is a pure function of the plan, the start instant, the
//!   recorded events and `now`. Its progress never decreases as `now` grows
//!   and never exceeds the plan; events after `now` are ignored and events
//!   before the start count as at the start.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use super::model::Zone;
use super::rules::{Reason, RuleId};
use crate::domain::order;

/// SES-1: the four directions per zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Vertical,
    Horizontal,
    /// Diagonal one way (lower left to upper right).
    DiagonalOneWay,
    /// Diagonal the other way (lower right to upper left).
    DiagonalOtherWay,
}

/// SES-1: the directions in the order they are guided.
pub const DIRECTIONS: [Direction; 4] = [
    Direction::Vertical,
    Direction::Horizontal,
    Direction::DiagonalOneWay,
    Direction::DiagonalOtherWay,
];

/// SES-2: default passes per direction.
pub const DEFAULT_PASSES: u8 = 4;
/// SES-2: the fewest passes per direction.
pub const MIN_PASSES: u8 = 4;
/// SES-2: the most passes per direction.
pub const MAX_PASSES: u8 = 5;
/// SES-5: the cadence chosen here, lifting included.
pub const SECONDS_PER_PASS: i64 = 2;

/// A guided-session plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionPlan {
    /// Zones in guided order, without repeats.
    pub zones: Vec<Zone>,
    /// SES-2: passes per direction, 4 or 5.
    pub passes_per_direction: u8,
}

impl SessionPlan {
    /// A plan for `zones` (sorted into guided order, repeats removed) with
    /// `passes` clamped to 4–5.
    pub fn new(zones: &[Zone], passes: u8) -> SessionPlan {
        let mut zones = zones.to_vec();
        order::sort_by_key(&mut zones, |z| z.order());
        zones.dedup();
        SessionPlan {
            zones,
            passes_per_direction: passes.clamp(MIN_PASSES, MAX_PASSES),
        }
    }

    /// SES-5: time for one pass.
    pub fn pass_duration(&self) -> Duration {
        Duration::seconds(SECONDS_PER_PASS)
    }

    /// Time for one direction.
    pub fn direction_duration(&self) -> Duration {
        self.pass_duration() * i32::from(self.passes())
    }

    /// SES-5: time for one zone (directions × passes × cadence).
    pub fn zone_duration(&self) -> Duration {
        self.direction_duration() * DIRECTIONS.len() as i32
    }

    /// Time for the whole plan.
    pub fn total_duration(&self) -> Duration {
        self.zone_duration() * self.zones.len() as i32
    }

    fn passes(&self) -> u8 {
        self.passes_per_direction.clamp(MIN_PASSES, MAX_PASSES)
    }
}

/// Something the person did during the session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RunEventKind {
    Pause,
    Resume,
    /// Skip to the next direction (or the next zone after the last one).
    Next,
    /// SES-4: bleeding: stop this zone and go to the next one.
    StopZoneBleeding,
    /// End the session now.
    End,
}

/// A recorded event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunEvent {
    pub at: DateTime<Utc>,
    pub kind: RunEventKind,
}

/// Whether the session is running.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RunState {
    Running,
    Paused,
    Finished,
}

/// Where the person is at `now`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Position {
    pub state: RunState,
    /// Plan time done, from zero to the plan's total.
    pub progress: Duration,
    /// The index in the plan of the current zone (`None` when finished).
    pub zone_index: Option<usize>,
    pub zone: Option<Zone>,
    pub direction: Option<Direction>,
    /// The current pass, from 1.
    pub pass: Option<u8>,
    /// Time left in the current zone.
    pub zone_remaining: Duration,
    /// Time left in the plan.
    pub total_remaining: Duration,
    /// Zones rolled to the end.
    pub zones_completed: Vec<Zone>,
    /// SES-4: zones stopped for bleeding.
    pub zones_stopped: Vec<Zone>,
    /// SES-4 warnings for stopped zones.
    pub reasons: Vec<Reason>,
}

/// The running fold over events, in milliseconds of plan time.
struct Machine {
    zone_ms: i64,
    direction_ms: i64,
    total_ms: i64,
    cursor: i64,
    running: bool,
    ended: bool,
    stopped: Vec<usize>,
    last: DateTime<Utc>,
}

impl Machine {
    fn advance(&mut self, to: DateTime<Utc>) {
        let to = to.max(self.last);
        if self.running && !self.ended {
            let dt = (to - self.last).num_milliseconds();
            self.cursor = (self.cursor.saturating_add(dt)).min(self.total_ms);
        }
        self.last = to;
    }

    fn apply(&mut self, kind: RunEventKind) {
        if self.ended || self.cursor >= self.total_ms {
            return;
        }
        match kind {
            RunEventKind::Pause => self.running = false,
            RunEventKind::Resume => self.running = true,
            RunEventKind::Next => self.cursor = self.next_boundary(self.direction_ms),
            RunEventKind::StopZoneBleeding => {
                let zone = (self.cursor / self.zone_ms) as usize;
                self.stopped.push(zone);
                self.cursor = self.next_boundary(self.zone_ms);
            }
            RunEventKind::End => self.ended = true,
        }
    }

    fn next_boundary(&self, step: i64) -> i64 {
        ((self.cursor / step + 1) * step).min(self.total_ms)
    }
}

/// The position at `now` of a guided session started at `started_at`.
pub fn position(
    plan: &SessionPlan,
    started_at: DateTime<Utc>,
    events: &[RunEvent],
    now: DateTime<Utc>,
) -> Position {
    let direction_ms = plan.direction_duration().num_milliseconds();
    let zone_ms = plan.zone_duration().num_milliseconds();
    let mut m = Machine {
        zone_ms,
        direction_ms,
        total_ms: plan.total_duration().num_milliseconds(),
        cursor: 0,
        running: true,
        ended: false,
        stopped: Vec::new(),
        last: started_at,
    };
    let mut sorted: Vec<&RunEvent> = events.iter().filter(|e| e.at <= now).collect();
    order::sort_by_key(&mut sorted, |e| e.at);
    for event in sorted {
        m.advance(event.at);
        m.apply(event.kind);
    }
    m.advance(now);
    describe(plan, &m)
}

fn describe(plan: &SessionPlan, m: &Machine) -> Position {
    let finished = m.ended || m.cursor >= m.total_ms;
    let reached = if m.zone_ms > 0 {
        (m.cursor / m.zone_ms) as usize
    } else {
        0
    };
    let zones_stopped: Vec<Zone> = m
        .stopped
        .iter()
        .filter_map(|i| plan.zones.get(*i).copied())
        .collect();
    let zones_completed = plan
        .zones
        .iter()
        .enumerate()
        .filter(|(i, _)| *i < reached && !m.stopped.contains(i))
        .map(|(_, z)| *z)
        .collect();
    let reasons = zones_stopped
        .iter()
        .map(|z| Reason::warn(RuleId::Ses4, "ses4.bleeding_zone_stopped").zone(*z)) // SES-4
        .collect();
    let ms = Duration::milliseconds;
    let mut pos = Position {
        state: RunState::Finished,
        progress: ms(m.cursor),
        zone_index: None,
        zone: None,
        direction: None,
        pass: None,
        zone_remaining: Duration::zero(),
        total_remaining: ms(m.total_ms - m.cursor),
        zones_completed,
        zones_stopped,
        reasons,
    };
    if finished {
        pos.total_remaining = if m.ended {
            Duration::zero()
        } else {
            pos.total_remaining
        };
        return pos;
    }
    let within = m.cursor % m.zone_ms;
    let direction = (within / m.direction_ms) as usize;
    let pass_ms = plan.pass_duration().num_milliseconds();
    pos.state = if m.running {
        RunState::Running
    } else {
        RunState::Paused
    };
    pos.zone_index = Some(reached);
    pos.zone = plan.zones.get(reached).copied();
    pos.direction = DIRECTIONS.get(direction).copied();
    pos.pass = u8::try_from((within % m.direction_ms) / pass_ms + 1).ok();
    pos.zone_remaining = ms(m.zone_ms - within);
    pos
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn t0() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2025, 5, 1, 20, 0, 0).unwrap()
    }

    fn secs(n: i64) -> Duration {
        Duration::seconds(n)
    }

    fn ev(at: i64, kind: RunEventKind) -> RunEvent {
        RunEvent {
            at: t0() + secs(at),
            kind,
        }
    }

    /// SES-1, SES-2, SES-5: four directions × 4 passes × 2 s = 32 s a zone.
    #[test]
    fn ses1_ses2_ses5_plan_timing() {
        let table = [(3, 4, 32), (4, 4, 32), (5, 5, 40), (9, 5, 40)];
        for (asked, passes, zone_secs) in table {
            let plan = SessionPlan::new(&[Zone::Forehead], asked);
            assert_eq!(plan.passes_per_direction, passes, "SES-2 clamps {asked}");
            assert_eq!(plan.zone_duration(), secs(zone_secs), "SES-5");
        }
        assert_eq!(DIRECTIONS.len(), 4, "SES-1");
        assert_eq!(DEFAULT_PASSES, 4, "SES-2");
    }

    #[test]
    fn plan_orders_zones_top_to_bottom() {
        let plan = SessionPlan::new(&[Zone::Neck, Zone::Forehead, Zone::Chin, Zone::Neck], 4);
        assert_eq!(plan.zones, vec![Zone::Forehead, Zone::Chin, Zone::Neck]);
        assert_eq!(plan.total_duration(), secs(96));
    }

    /// The position walks zone → direction → pass as time passes.
    #[test]
    fn position_follows_time() {
        let plan = SessionPlan::new(&[Zone::Forehead, Zone::Nose], 4);
        let table = [
            (0, Some(Zone::Forehead), Some(Direction::Vertical), Some(1)),
            (2, Some(Zone::Forehead), Some(Direction::Vertical), Some(2)),
            (
                8,
                Some(Zone::Forehead),
                Some(Direction::Horizontal),
                Some(1),
            ),
            (
                31,
                Some(Zone::Forehead),
                Some(Direction::DiagonalOtherWay),
                Some(4),
            ),
            (32, Some(Zone::Nose), Some(Direction::Vertical), Some(1)),
            (64, None, None, None),
            (500, None, None, None),
        ];
        for (at, zone, direction, pass) in table {
            let p = position(&plan, t0(), &[], t0() + secs(at));
            assert_eq!(
                (p.zone, p.direction, p.pass),
                (zone, direction, pass),
                "at {at}s"
            );
        }
        let done = position(&plan, t0(), &[], t0() + secs(64));
        assert_eq!(done.state, RunState::Finished);
        assert_eq!(done.zones_completed, vec![Zone::Forehead, Zone::Nose]);
    }

    /// Pauses stop the clock; resume continues where it was.
    #[test]
    fn pause_and_resume() {
        let plan = SessionPlan::new(&[Zone::Forehead], 4);
        let events = [ev(5, RunEventKind::Pause), ev(105, RunEventKind::Resume)];
        let paused = position(&plan, t0(), &events, t0() + secs(50));
        assert_eq!((paused.state, paused.progress), (RunState::Paused, secs(5)));
        let resumed = position(&plan, t0(), &events, t0() + secs(108));
        assert_eq!(
            (resumed.state, resumed.progress),
            (RunState::Running, secs(8))
        );
        assert_eq!(resumed.direction, Some(Direction::Horizontal));
    }

    /// Next skips to the next direction; SES-4 stops the zone for bleeding.
    #[test]
    fn ses4_next_and_stop_zone() {
        let plan = SessionPlan::new(&[Zone::Forehead, Zone::Nose, Zone::Chin], 4);
        let events = [
            ev(1, RunEventKind::Next),
            ev(2, RunEventKind::StopZoneBleeding),
        ];
        let p = position(&plan, t0(), &events, t0() + secs(2));
        assert_eq!(p.zone, Some(Zone::Nose));
        assert_eq!(p.zones_stopped, vec![Zone::Forehead]);
        assert_eq!(p.reasons[0].rule, RuleId::Ses4, "SES-4");
        assert_eq!(p.reasons[0].zone, Some(Zone::Forehead));
        let later = position(&plan, t0(), &events, t0() + secs(200));
        assert_eq!(later.zones_completed, vec![Zone::Nose, Zone::Chin]);
        let ended = position(&plan, t0(), &[ev(40, RunEventKind::End)], t0() + secs(41));
        assert_eq!(ended.state, RunState::Finished);
        assert_eq!(ended.zones_completed, vec![Zone::Forehead]);
        assert_eq!(ended.total_remaining, Duration::zero());
    }

    /// A clock before the start, events out of order or in the future.
    #[test]
    fn robust_to_odd_clocks() {
        let plan = SessionPlan::new(&[Zone::Forehead], 4);
        let before = position(&plan, t0(), &[], t0() - secs(100));
        assert_eq!(before.progress, Duration::zero());
        let events = [
            ev(20, RunEventKind::Resume),
            ev(-5, RunEventKind::Pause),
            ev(999, RunEventKind::End),
        ];
        let p = position(&plan, t0(), &events, t0() + secs(30));
        assert_eq!(p.progress, secs(10));
        let empty = position(&SessionPlan::new(&[], 4), t0(), &[], t0() + secs(5));
        assert_eq!(empty.state, RunState::Finished);
    }
}
