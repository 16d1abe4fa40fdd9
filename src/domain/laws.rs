#![cfg(test)]
//! Property tests for the engine's laws.
//!
//! 1. INT-1: whatever the sessions and clock readings (backwards included),
//!    no two sessions the engine allowed are less than 7 days apart.
//! 2. AFT-5, AFT-6, AFT-7: no 72-hour lock ends before 72 elapsed hours, in
//!    any offset.
//! 3. RX-11: a STOP reaction blocks until resolved or cleared.
//! 4. An unknown product is never allowed.
//! 5. The guided-session position is monotonic in `now` and never exceeds
//!    the plan (SES-1, SES-2, SES-5).
//! 6. Normalisation is idempotent.
//! 7. RX-1, RX-11: a closed reaction never holds sessions, so whatever looks
//!    for holds may skip the closed ones (`may_hold_sessions`).

use chrono::{DateTime, Duration, FixedOffset, TimeZone, Utc};
use proptest::prelude::*;

use super::aftercare::aftercare_status;
use super::eligibility::{can_start_session, SessionInput};
use super::guided::{position, RunEvent, RunEventKind, SessionPlan};
use super::model::*;
use super::products::{
    can_do_activity, can_use_product, classify, normalise, ProductContext, UseVerdict,
};
use super::reactions::{may_hold_sessions, triage};
use super::rules::RuleId;
use super::scenarios::{clear_profile, good_device, ready_today};

fn base() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 1, 1, 0, 0, 0).unwrap()
}

fn offset_strategy() -> impl Strategy<Value = FixedOffset> {
    (-12 * 4..=14 * 4).prop_map(|q: i32| FixedOffset::east_opt(q * 900).unwrap())
}

fn acknowledge_all(decision: &super::eligibility::SessionDecision) -> bool {
    let keys: Vec<&str> = decision.pending_acks(&[]);
    decision.can_start(&keys)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Law 1 (INT-1): allowed sessions are always at least 7 days apart.
    #[test]
    fn int1_allowed_sessions_seven_days_apart(
        steps in prop::collection::vec((-20_000i64..20_000, 1i64..90), 1..30),
        offset in offset_strategy(),
    ) {
        let profile = clear_profile();
        let device = good_device();
        let today = ready_today(&[Zone::Forehead]);
        let mut sessions: Vec<Session> = Vec::new();
        let mut now = base();
        for (id, (jump_minutes, length_minutes)) in steps.into_iter().enumerate() {
            now += Duration::minutes(jump_minutes * 3);
            let decision = can_start_session(&SessionInput {
                profile: &profile, device: &device, today: &today,
                sessions: &sessions, reactions: &[], now, offset,
            });
            if acknowledge_all(&decision) {
                sessions.push(Session {
                    id: SessionId(id as u64),
                    started_at: now,
                    ended_at: now + Duration::minutes(length_minutes),
                    needle: NeedleLength::MM_0_25,
                    zones_completed: vec![Zone::Forehead],
                    zones_stopped_bleeding: Vec::new(),
                    disinfected_before: true,
                    disinfected_after: true,
                });
            }
        }
        for (i, a) in sessions.iter().enumerate() {
            for b in &sessions[i + 1..] {
                let gap = (b.started_at - a.started_at).abs();
                prop_assert!(gap >= Duration::days(7), "INT-1: {} and {}", a.started_at, b.started_at);
            }
        }
    }

    /// Law 2 (AFT-5, AFT-6, AFT-7): no lock ends before 72 elapsed hours.
    #[test]
    fn aft5_no_lock_ends_before_72h(
        end_minutes in 0i64..1_000_000,
        after_seconds in -400_000i64..800_000,
        offset in offset_strategy(),
    ) {
        let end = base() + Duration::minutes(end_minutes);
        let now = end + Duration::seconds(after_seconds);
        let _ = offset; // The answers take no offset: elapsed time only.
        let ctx = ProductContext { last_session_end: Some(end), allergens: &[], flaking: false, now };
        for name in ["retinol", "glycolic acid", "vitamin c", "scrub", "waxing", "self tanner", "peel"] {
            let answer = can_use_product(name, &ctx);
            if now - end < Duration::hours(72) {
                prop_assert_eq!(answer.verdict, UseVerdict::NotUntil(end + Duration::hours(72)), "{}", name);
            }
        }
        let sauna = can_do_activity(Activity::Sauna, Some(end), now);
        if now - end < Duration::hours(72) {
            prop_assert_eq!(sauna.verdict, UseVerdict::NotUntil(end + Duration::hours(72)));
        }
        let status = aftercare_status(end, now);
        let lock = status.windows.iter().find(|w| w.rule == RuleId::Aft5 && w.key == "aft5.actives_locked").unwrap(); // AFT-5
        prop_assert_eq!(lock.active, now - end < Duration::hours(72));
        prop_assert_eq!(lock.ends, Some(end + Duration::hours(72)));
    }

    /// Law 3 (RX-11): an open STOP reaction blocks; closing it lifts that.
    #[test]
    fn rx11_stop_blocks_until_closed(
        kind_index in 7usize..19,
        noticed_days in 0i64..60,
        now_days in 0i64..400,
        closed in 0u8..3,
    ) {
        let kind = ReactionKind::ALL[kind_index];
        let profile = clear_profile();
        let device = good_device();
        let today = ready_today(&[Zone::Forehead]);
        let noticed = base() + Duration::days(noticed_days);
        let now = noticed + Duration::days(now_days);
        let status = match closed {
            0 => ReactionStatus::StillPresent,
            1 => ReactionStatus::Resolved(noticed),
            _ => ReactionStatus::ClearedByClinician(noticed),
        };
        let reaction = Reaction {
            id: ReactionId(1), kind, severity: ReactionSeverity::Mild, zones: Vec::new(),
            noticed_at: noticed, session: None, status, worsening: false,
        };
        let decision = can_start_session(&SessionInput {
            profile: &profile, device: &device, today: &today,
            sessions: &[], reactions: std::slice::from_ref(&reaction), now, offset: FixedOffset::east_opt(0).unwrap(),
        });
        let held = decision.reasons.iter().any(|r| r.rule == RuleId::Rx11); // RX-11
        prop_assert_eq!(held, closed == 0, "RX-11 {:?}", kind);
        prop_assert_eq!(acknowledge_all(&decision), closed != 0);
    }

    /// Law 4: a name the catalogue does not recognise is never allowed.
    #[test]
    fn unknown_product_never_allowed(
        words in prop::collection::vec(prop::sample::select(vec![
            "glow", "serum", "hyaluronic", "acid", "retinol", "cream", "x", "2%", "copper",
            "gel", "mystery", "glycerin", "with", "spf", "drops", "vitamin", "oil",
        ]), 0..5),
        junk in "[a-zA-Z0-9 %.-]{0,12}",
        after_hours in 0i64..2000,
    ) {
        let name = format!("{} {}", words.join(" "), junk);
        let end = base();
        let ctx = ProductContext { last_session_end: Some(end), allergens: &[], flaking: false, now: end + Duration::hours(after_hours) };
        let answer = can_use_product(&name, &ctx);
        let found = classify(&name);
        if found.classes.is_empty() {
            prop_assert_eq!(answer.verdict.clone(), UseVerdict::Unknown);
        }
        if answer.verdict == UseVerdict::Allowed {
            prop_assert!(found.fully_recognised, "{} allowed but not fully recognised", name);
        }
    }

    /// Law 5 (SES-1, SES-2, SES-5): the position is monotonic and bounded.
    #[test]
    fn ses_position_monotonic_and_bounded(
        zone_count in 0usize..9,
        passes in 3u8..7,
        events in prop::collection::vec((-50i64..600, 0u8..5), 0..12),
        a in -100i64..700,
        b in -100i64..700,
    ) {
        let plan = SessionPlan::new(&Zone::ALL[..zone_count], passes);
        let start = base();
        let kinds = [RunEventKind::Pause, RunEventKind::Resume, RunEventKind::Next, RunEventKind::StopZoneBleeding, RunEventKind::End];
        let events: Vec<RunEvent> = events.iter().map(|(s, k)| RunEvent { at: start + Duration::seconds(*s), kind: kinds[*k as usize] }).collect();
        let (early, late) = (a.min(b), a.max(b));
        let p1 = position(&plan, start, &events, start + Duration::seconds(early));
        let p2 = position(&plan, start, &events, start + Duration::seconds(late));
        prop_assert!(p1.progress <= p2.progress);
        prop_assert!(p2.progress <= plan.total_duration());
        prop_assert!(p2.zones_stopped.starts_with(&p1.zones_stopped));
        prop_assert!(p1.zones_completed.len() + p1.zones_stopped.len() <= plan.zones.len());
        if let Some(i) = p2.zone_index {
            prop_assert!(i < plan.zones.len());
        }
        prop_assert!(p2.pass.is_none_or(|p| p >= 1 && p <= plan.passes_per_direction));
    }

    /// Law 6: normalisation is idempotent.
    #[test]
    fn normalise_is_idempotent(s in ".{0,40}") {
        let once = normalise(&s);
        prop_assert_eq!(normalise(&once), once.clone());
        prop_assert!(once.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()));
    }

    /// Law 7 (RX-1, RX-11): whatever its kind, strength, course, session
    /// and the clock, a closed reaction never holds sessions; an open one
    /// may.
    #[test]
    fn only_an_open_reaction_may_hold_sessions(
        kind_index in 0usize..19,
        severity in 0u8..4,
        worsening in any::<bool>(),
        closed in 0u8..3,
        session_end_hours in prop::option::of(-400i64..400),
        noticed_hours in -400i64..400,
        now_hours in -400i64..2000,
    ) {
        let noticed = base() + Duration::hours(noticed_hours);
        let severity = [ReactionSeverity::None, ReactionSeverity::Mild, ReactionSeverity::Moderate, ReactionSeverity::Severe][usize::from(severity)];
        let status = match closed {
            0 => ReactionStatus::StillPresent,
            1 => ReactionStatus::Resolved(noticed),
            _ => ReactionStatus::ClearedByClinician(noticed),
        };
        let reaction = Reaction {
            id: ReactionId(1), kind: ReactionKind::ALL[kind_index], severity, zones: vec![Zone::Forehead],
            noticed_at: noticed, session: session_end_hours.map(|_| SessionId(1)), status, worsening,
        };
        let session_end = session_end_hours.map(|h| base() + Duration::hours(h));
        let holds = triage(&reaction, session_end, base() + Duration::hours(now_hours)).holds_next_session;
        prop_assert_eq!(may_hold_sessions(&reaction), closed == 0);
        if !may_hold_sessions(&reaction) {
            prop_assert!(!holds, "a closed {:?} held sessions", reaction.kind);
        }
    }
}
