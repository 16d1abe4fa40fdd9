//! Rule identifiers, severities and the [`Reason`] every answer carries.
//!
//! Invariants:
//! - [`RuleId`] has exactly one variant per id of docs/safety-rules.md, and
//!   `as_str` spells it the same way (`RuleId::Aft5.as_str() == "AFT-5"`).
//! - A [`Reason`] always names its rule, severity and a message key listed in
//!   [`super::keys::MESSAGE_KEYS`]. Every WARN that the reference says must be
//!   acknowledged has `needs_ack` set; BLOCK and INFO never do.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::model::Zone;

/// The id of a rule in docs/safety-rules.md. It serialises as written in
/// the reference (`"AFT-5"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RuleId {
    Dev1,
    Dev2,
    Dev3,
    Dev4,
    Dev5,
    Per1,
    Per2,
    Per3,
    Per4,
    Per5,
    Per6,
    Per7,
    Per8,
    Per9,
    Per10,
    Per11,
    Per12,
    Per13,
    Per14,
    Per15,
    Skin1,
    Skin2,
    Skin3,
    Skin4,
    Skin5,
    Skin6,
    Skin7,
    Skin8,
    Skin9,
    Skin10,
    Int1,
    Int2,
    Int3,
    Int4,
    Pre1,
    Pre2,
    Pre3,
    Pre4,
    Pre5,
    Pre6,
    Ses1,
    Ses2,
    Ses3,
    Ses4,
    Ses5,
    Ses6,
    Aft1,
    Aft2,
    Aft3,
    Aft4,
    Aft5,
    Aft6,
    Aft7,
    Aft8,
    Aft9,
    Aft10,
    Rx1,
    Rx2,
    Rx3,
    Rx4,
    Rx5,
    Rx6,
    Rx7,
    Rx8,
    Rx9,
    Rx10,
    Rx11,
}

impl RuleId {
    /// Every rule id, in reference order.
    pub const ALL: [RuleId; 67] = [
        RuleId::Dev1,
        RuleId::Dev2,
        RuleId::Dev3,
        RuleId::Dev4,
        RuleId::Dev5,
        RuleId::Per1,
        RuleId::Per2,
        RuleId::Per3,
        RuleId::Per4,
        RuleId::Per5,
        RuleId::Per6,
        RuleId::Per7,
        RuleId::Per8,
        RuleId::Per9,
        RuleId::Per10,
        RuleId::Per11,
        RuleId::Per12,
        RuleId::Per13,
        RuleId::Per14,
        RuleId::Per15,
        RuleId::Skin1,
        RuleId::Skin2,
        RuleId::Skin3,
        RuleId::Skin4,
        RuleId::Skin5,
        RuleId::Skin6,
        RuleId::Skin7,
        RuleId::Skin8,
        RuleId::Skin9,
        RuleId::Skin10,
        RuleId::Int1,
        RuleId::Int2,
        RuleId::Int3,
        RuleId::Int4,
        RuleId::Pre1,
        RuleId::Pre2,
        RuleId::Pre3,
        RuleId::Pre4,
        RuleId::Pre5,
        RuleId::Pre6,
        RuleId::Ses1,
        RuleId::Ses2,
        RuleId::Ses3,
        RuleId::Ses4,
        RuleId::Ses5,
        RuleId::Ses6,
        RuleId::Aft1,
        RuleId::Aft2,
        RuleId::Aft3,
        RuleId::Aft4,
        RuleId::Aft5,
        RuleId::Aft6,
        RuleId::Aft7,
        RuleId::Aft8,
        RuleId::Aft9,
        RuleId::Aft10,
        RuleId::Rx1,
        RuleId::Rx2,
        RuleId::Rx3,
        RuleId::Rx4,
        RuleId::Rx5,
        RuleId::Rx6,
        RuleId::Rx7,
        RuleId::Rx8,
        RuleId::Rx9,
        RuleId::Rx10,
        RuleId::Rx11,
    ];

    /// The id as written in the reference, e.g. `"AFT-5"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            RuleId::Dev1 => "DEV-1",
            RuleId::Dev2 => "DEV-2",
            RuleId::Dev3 => "DEV-3",
            RuleId::Dev4 => "DEV-4",
            RuleId::Dev5 => "DEV-5",
            RuleId::Per1 => "PER-1",
            RuleId::Per2 => "PER-2",
            RuleId::Per3 => "PER-3",
            RuleId::Per4 => "PER-4",
            RuleId::Per5 => "PER-5",
            RuleId::Per6 => "PER-6",
            RuleId::Per7 => "PER-7",
            RuleId::Per8 => "PER-8",
            RuleId::Per9 => "PER-9",
            RuleId::Per10 => "PER-10",
            RuleId::Per11 => "PER-11",
            RuleId::Per12 => "PER-12",
            RuleId::Per13 => "PER-13",
            RuleId::Per14 => "PER-14",
            RuleId::Per15 => "PER-15",
            RuleId::Skin1 => "SKIN-1",
            RuleId::Skin2 => "SKIN-2",
            RuleId::Skin3 => "SKIN-3",
            RuleId::Skin4 => "SKIN-4",
            RuleId::Skin5 => "SKIN-5",
            RuleId::Skin6 => "SKIN-6",
            RuleId::Skin7 => "SKIN-7",
            RuleId::Skin8 => "SKIN-8",
            RuleId::Skin9 => "SKIN-9",
            RuleId::Skin10 => "SKIN-10",
            RuleId::Int1 => "INT-1",
            RuleId::Int2 => "INT-2",
            RuleId::Int3 => "INT-3",
            RuleId::Int4 => "INT-4",
            RuleId::Pre1 => "PRE-1",
            RuleId::Pre2 => "PRE-2",
            RuleId::Pre3 => "PRE-3",
            RuleId::Pre4 => "PRE-4",
            RuleId::Pre5 => "PRE-5",
            RuleId::Pre6 => "PRE-6",
            RuleId::Ses1 => "SES-1",
            RuleId::Ses2 => "SES-2",
            RuleId::Ses3 => "SES-3",
            RuleId::Ses4 => "SES-4",
            RuleId::Ses5 => "SES-5",
            RuleId::Ses6 => "SES-6",
            RuleId::Aft1 => "AFT-1",
            RuleId::Aft2 => "AFT-2",
            RuleId::Aft3 => "AFT-3",
            RuleId::Aft4 => "AFT-4",
            RuleId::Aft5 => "AFT-5",
            RuleId::Aft6 => "AFT-6",
            RuleId::Aft7 => "AFT-7",
            RuleId::Aft8 => "AFT-8",
            RuleId::Aft9 => "AFT-9",
            RuleId::Aft10 => "AFT-10",
            RuleId::Rx1 => "RX-1",
            RuleId::Rx2 => "RX-2",
            RuleId::Rx3 => "RX-3",
            RuleId::Rx4 => "RX-4",
            RuleId::Rx5 => "RX-5",
            RuleId::Rx6 => "RX-6",
            RuleId::Rx7 => "RX-7",
            RuleId::Rx8 => "RX-8",
            RuleId::Rx9 => "RX-9",
            RuleId::Rx10 => "RX-10",
            RuleId::Rx11 => "RX-11",
        }
    }

    /// Parses an id written as in the reference.
    pub fn parse(s: &str) -> Option<RuleId> {
        RuleId::ALL.iter().copied().find(|id| id.as_str() == s)
    }
}

impl Serialize for RuleId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl std::fmt::Display for RuleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How strongly a reason applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Shown only.
    Info,
    /// Shown; when `needs_ack` is set the person must acknowledge it.
    Warn,
    /// The session (or zone, or product) is not allowed.
    Block,
}

/// One reason behind an answer of the engine.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reason {
    /// The rule that produced it.
    pub rule: RuleId,
    /// How strongly it applies.
    pub severity: Severity,
    /// A stable message key for the UI, listed in `MESSAGE_KEYS`.
    pub key: &'static str,
    /// When the reason stops applying, where that is known.
    pub until: Option<DateTime<Utc>>,
    /// Whether the person must acknowledge it before going on.
    pub needs_ack: bool,
    /// The zone it concerns, where it concerns one.
    pub zone: Option<Zone>,
}

impl Reason {
    /// A BLOCK reason.
    pub fn block(rule: RuleId, key: &'static str) -> Reason {
        Reason::new(rule, Severity::Block, key)
    }

    /// A WARN reason that must be acknowledged.
    pub fn warn(rule: RuleId, key: &'static str) -> Reason {
        Reason::new(rule, Severity::Warn, key)
    }

    /// An INFO reason.
    pub fn info(rule: RuleId, key: &'static str) -> Reason {
        Reason::new(rule, Severity::Info, key)
    }

    fn new(rule: RuleId, severity: Severity, key: &'static str) -> Reason {
        Reason {
            rule,
            severity,
            key,
            until: None,
            needs_ack: severity == Severity::Warn,
            zone: None,
        }
    }

    /// Sets the instant the reason lifts.
    pub fn until(mut self, until: DateTime<Utc>) -> Reason {
        self.until = Some(until);
        self
    }

    /// Sets the instant the reason lifts, when known.
    pub fn until_opt(mut self, until: Option<DateTime<Utc>>) -> Reason {
        self.until = until;
        self
    }

    /// Sets the zone the reason concerns.
    pub fn zone(mut self, zone: Zone) -> Reason {
        self.zone = Some(zone);
        self
    }

    /// Returns true for a BLOCK.
    pub fn is_block(&self) -> bool {
        self.severity == Severity::Block
    }
}

/// Returns true when any reason blocks.
pub fn any_block(reasons: &[Reason]) -> bool {
    reasons.iter().any(Reason::is_block)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_parse_back() {
        let mut seen = std::collections::HashSet::new();
        for id in RuleId::ALL {
            assert!(seen.insert(id.as_str()), "duplicate {id}");
            assert_eq!(RuleId::parse(id.as_str()), Some(id));
            assert_eq!(id.to_string(), id.as_str());
        }
        assert_eq!(RuleId::parse("AFT-11"), None);
        assert_eq!(serde_json::to_string(&RuleId::Aft5).unwrap(), "\"AFT-5\"");
    }

    #[test]
    fn only_warnings_need_acknowledging() {
        assert!(Reason::warn(RuleId::Int2, "int2.short_interval_long_needle").needs_ack);
        assert!(!Reason::block(RuleId::Int1, "int1.too_soon").needs_ack);
        assert!(!Reason::info(RuleId::Int3, "int3.recommended").needs_ack);
    }
}
