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
//!   docs/safety-rules.md, a severity and a stable message key listed in
//!   [`MESSAGE_KEYS`].
//! - Nothing here panics on any input, including a clock that goes backwards:
//!   a clock behind the last recorded event blocks with its own reason.
//!
//! Entry points: [`can_start_session`], [`zone_statuses`],
//! [`next_session_window`], [`roller_status`], [`aftercare_status`],
//! [`can_use_product`], [`can_do_activity`], [`triage`], [`position`] (the
//! guided-session step machine), [`SoakTimer`] and [`rule_info`].

pub mod aftercare;
pub mod calendar;
pub mod catalogue;
pub mod device;
pub mod eligibility;
pub mod guidance;
pub mod guided;
pub mod interval;
pub mod keys;
pub mod model;
pub mod order;
pub mod products;
pub mod reactions;
pub mod rules;
pub mod time;
pub mod timer;

#[cfg(test)]
mod laws;
#[cfg(test)]
mod scenarios;

pub use aftercare::{aftercare_status, AftercareStatus, AftercareWindow};
pub use catalogue::{rule_info, RuleInfo, Section, RULES};
pub use device::{roller_status, RollerStatus};
pub use eligibility::{
    can_start_session, zone_statuses, SessionDecision, SessionInput, ZoneStatus,
};
pub use guidance::{
    GuidanceItem, AFTERCARE_NOTES, CONTEXT, PRE_SESSION_CHECKLIST, SESSION_INSTRUCTIONS,
};
pub use guided::{position, Direction, Position, RunEvent, RunEventKind, RunState, SessionPlan};
pub use interval::{next_session_window, History, NextWindow};
pub use keys::MESSAGE_KEYS;
pub use model::*;
pub use products::{
    can_do_activity, can_use_product, classify, normalise, ProductContext, UseAnswer, UseVerdict,
};
pub use reactions::{hold, linked_end, may_hold_sessions, triage, Triage, TriageLevel};
pub use rules::{any_block, Reason, RuleId, Severity};
pub use timer::{SoakTimer, SOAK_MINIMUM};
