//! The pure domain core: rules, schedules, timers and triage.
//!
//! Invariants:
//! - Nothing here reads the clock, storage or the browser. The current
//!   instant is always a parameter (`now: DateTime<Utc>`), and the user's
//!   offset (`chrono::FixedOffset`) is passed where a local date matters.
//! - Durations in hours and days are elapsed time (7 days = 168 hours,
//!   whatever DST or travel does); months are calendar months, clamped to the
//!   end of a shorter month.
//! - Every answer carries [`Reason`]s naming a rule id of
//!   docs/safety-rules.md, a severity and a stable message key.
//! - Nothing here panics on any input, including a clock that goes backwards.

pub mod model;
pub mod rules;
pub mod timer;

pub use model::*;
pub use rules::{any_block, Reason, RuleId, Severity};
pub use timer::{SoakTimer, SOAK_MINIMUM};
