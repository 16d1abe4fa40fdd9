//! The reaction log's pure logic: grouping the kinds, linking a reaction to
//! its session, reading the "when noticed" field, building the reaction,
//! ordering the list and the emergency numbers. Triage itself is the
//! engine's (`domain::triage`).

use chrono::{DateTime, Duration, FixedOffset, NaiveDateTime, Utc};

use crate::domain::order;
use crate::domain::reactions::red_flag;
use crate::domain::{
    triage, Reaction, ReactionId, ReactionKind, ReactionSeverity, ReactionStatus, RuleId, Session,
    Triage, Zone,
};

/// The kinds expected after rolling, then the warning signs (RX-4..10), in
/// the engine's order. The split is the engine's: a kind is a warning sign
/// when it is a red flag.
pub fn kind_groups() -> (Vec<ReactionKind>, Vec<ReactionKind>) {
    ReactionKind::ALL
        .iter()
        .partition(|kind| red_flag(**kind).is_none())
}

/// Whether the engine treats this kind as an emergency (RX-10).
pub fn is_emergency(kind: ReactionKind) -> bool {
    red_flag(kind).is_some_and(|(rule, _)| rule == RuleId::Rx10) // RX-10
}

/// The session a reaction noticed at `noticed_at` follows: the latest one
/// that had started by then.
pub fn session_for(sessions: &[Session], noticed_at: DateTime<Utc>) -> Option<&Session> {
    sessions
        .iter()
        .filter(|s| s.started_at <= noticed_at)
        .max_by_key(|s| (s.last_instant(), s.id))
}

/// The end of the session a reaction is linked to, for triage (the
/// domain's, which Home and the interval engine use too).
pub use crate::domain::linked_end;

/// The engine's triage of a stored reaction at `now`.
pub fn triage_of(reaction: &Reaction, sessions: &[Session], now: DateTime<Utc>) -> Triage {
    triage(reaction, linked_end(sessions, reaction.session), now)
}

/// What is wrong with the "when noticed" field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticedError {
    /// Empty or not a date and time.
    Unreadable,
    /// Later than now.
    InFuture,
}

/// How far ahead of the clock a "when noticed" time may be (a minute
/// picked before the clock turns).
const FUTURE_SLACK: Duration = Duration::minutes(1);

/// Reads a `datetime-local` value ("2026-03-02T09:30", seconds optional) as
/// a local time, with `offset_at` giving the browser's offset at an
/// instant (looked up twice, so a time across a DST change is right).
pub fn parse_noticed(
    value: &str,
    now: DateTime<Utc>,
    offset_at: impl Fn(DateTime<Utc>) -> FixedOffset,
) -> Result<DateTime<Utc>, NoticedError> {
    let value = value.trim();
    let naive = NaiveDateTime::parse_from_str(value, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(value, "%Y-%m-%dT%H:%M:%S"))
        .map_err(|_| NoticedError::Unreadable)?;
    let guess = naive.and_utc() - offset_at(naive.and_utc());
    let instant = naive.and_utc() - offset_at(guess);
    if instant > now + FUTURE_SLACK {
        return Err(NoticedError::InFuture);
    }
    Ok(instant)
}

/// The `datetime-local` value for an instant at an offset.
pub fn noticed_value(instant: DateTime<Utc>, offset: FixedOffset) -> String {
    crate::domain::time::input_minute(instant.with_timezone(&offset).naive_local())
}

/// The form as the person filled it in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    pub kind: Option<ReactionKind>,
    pub severity: ReactionSeverity,
    pub zones: Vec<Zone>,
    pub worsening: bool,
    pub noticed_at: Result<DateTime<Utc>, NoticedError>,
}

/// What keeps a draft from being saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DraftError {
    NoKind,
    Noticed(NoticedError),
}

/// Builds the reaction to save, linked to its session; nothing is saved
/// when the draft has an error.
pub fn build(draft: &Draft, id: ReactionId, sessions: &[Session]) -> Result<Reaction, DraftError> {
    let kind = draft.kind.ok_or(DraftError::NoKind)?;
    let noticed_at = draft.noticed_at.map_err(DraftError::Noticed)?;
    let mut zones = draft.zones.clone();
    order::sort_by_key(&mut zones, |z| z.order());
    zones.dedup();
    Ok(Reaction {
        id,
        kind,
        severity: draft.severity,
        zones,
        noticed_at,
        session: session_for(sessions, noticed_at).map(|s| s.id),
        status: ReactionStatus::StillPresent,
        worsening: draft.worsening,
    })
}

/// The `limit` newest reactions, newest first. Only those are copied, so
/// years of reactions cost a sort of references.
pub fn newest_first(reactions: &[Reaction], limit: usize) -> Vec<Reaction> {
    let key = |r: &&Reaction| std::cmp::Reverse((r.noticed_at, r.id));
    let mut list: Vec<&Reaction> = reactions.iter().collect();
    // Ids are unique, so keys are too: the newest `limit` are picked
    // without sorting the whole list, then sorted.
    if limit < list.len() {
        list.select_nth_unstable_by_key(limit, key);
        list.truncate(limit);
    }
    order::sort_by_key(&mut list, key);
    list.into_iter().cloned().collect()
}

/// How a reaction is closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Closing {
    Resolved,
    ClearedByClinician,
}

/// Closes reaction `id` at `now`; returns false (and changes nothing) when
/// it is not there or already closed.
pub fn close(reactions: &mut [Reaction], id: ReactionId, how: Closing, now: DateTime<Utc>) -> bool {
    let Some(r) = reactions.iter_mut().find(|r| r.id == id) else {
        return false;
    };
    if r.status.is_closed() {
        return false;
    }
    r.status = match how {
        Closing::Resolved => ReactionStatus::Resolved(now),
        Closing::ClearedByClinician => ReactionStatus::ClearedByClinician(now),
    };
    true
}

/// An emergency number, shown as a big call button.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmergencyNumber {
    /// Europe, and most mobile phones elsewhere.
    N112,
    /// The US, Canada and Mexico.
    N911,
    /// The UK.
    N999,
}

impl EmergencyNumber {
    pub const fn digits(self) -> &'static str {
        match self {
            EmergencyNumber::N112 => "112",
            EmergencyNumber::N911 => "911",
            EmergencyNumber::N999 => "999",
        }
    }
}

/// The three numbers, the one most likely for the person's language
/// region first (a language tag is no proof of location, so all three are
/// always offered).
pub fn emergency_numbers(language: &str) -> [EmergencyNumber; 3] {
    use EmergencyNumber::{N112, N911, N999};
    let region = language
        .split(['-', '_'])
        .skip(1)
        .find(|part| part.len() == 2)
        .map(str::to_ascii_uppercase)
        .unwrap_or_default();
    match region.as_str() {
        "US" | "CA" | "MX" | "PR" => [N911, N112, N999],
        "GB" | "IE" => [N999, N112, N911],
        _ => [N112, N911, N999],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{NeedleLength, SessionId, TriageLevel};
    use chrono::TimeZone;

    fn at(h: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap() + Duration::hours(h)
    }

    fn session(id: u64, start_h: i64) -> Session {
        Session {
            id: SessionId(id),
            started_at: at(start_h),
            ended_at: at(start_h) + Duration::minutes(20),
            needle: NeedleLength::MM_0_25,
            zones_completed: vec![Zone::Forehead],
            zones_stopped_bleeding: Vec::new(),
            disinfected_before: true,
            disinfected_after: true,
        }
    }

    fn draft(kind: Option<ReactionKind>, noticed: Result<DateTime<Utc>, NoticedError>) -> Draft {
        Draft {
            kind,
            severity: ReactionSeverity::Mild,
            zones: vec![Zone::Chin, Zone::Forehead, Zone::Chin],
            worsening: false,
            noticed_at: noticed,
        }
    }

    #[test]
    fn kinds_split_into_expected_and_warning_signs() {
        let (expected, warning) = kind_groups();
        assert_eq!(expected.len(), 7);
        assert_eq!(warning.len(), 12);
        assert!(expected.contains(&ReactionKind::Bruising));
        assert!(warning.contains(&ReactionKind::PusOrYellowCrust));
        let emergencies: Vec<_> = ReactionKind::ALL
            .into_iter()
            .filter(|k| is_emergency(*k))
            .collect();
        assert_eq!(
            emergencies,
            vec![
                ReactionKind::FaceLipOrTongueSwelling,
                ReactionKind::SpreadingHives,
                ReactionKind::DifficultyBreathing
            ],
            "RX-10"
        );
    }

    #[test]
    fn reactions_link_to_the_latest_session_started_before() {
        let sessions = vec![session(1, 0), session(2, 24 * 7), session(3, -24 * 7)];
        let table = [
            (at(-24 * 8), None),
            (at(-24 * 7), Some(SessionId(3))),
            (at(5), Some(SessionId(1))),
            (at(24 * 7 + 1), Some(SessionId(2))),
        ];
        for (noticed, want) in table {
            assert_eq!(
                session_for(&sessions, noticed).map(|s| s.id),
                want,
                "{noticed}"
            );
        }
        assert_eq!(
            linked_end(&sessions, Some(SessionId(1))),
            Some(at(0) + Duration::minutes(20))
        );
        assert_eq!(linked_end(&sessions, Some(SessionId(9))), None);
        assert_eq!(linked_end(&sessions, None), None);
    }

    #[test]
    fn noticed_field_reads_local_times() {
        let london_winter = |_: DateTime<Utc>| FixedOffset::east_opt(0).unwrap();
        let paris = |_: DateTime<Utc>| FixedOffset::east_opt(3600).unwrap();
        // Europe/London-like: +1 h from 2026-03-29 01:00 UTC.
        let dst = |t: DateTime<Utc>| {
            let change = Utc.with_ymd_and_hms(2026, 3, 29, 1, 0, 0).unwrap();
            FixedOffset::east_opt(if t >= change { 3600 } else { 0 }).unwrap()
        };
        let now = Utc.with_ymd_and_hms(2026, 4, 1, 12, 0, 0).unwrap();
        type Offset<'a> = &'a dyn Fn(DateTime<Utc>) -> FixedOffset;
        type Want = Result<DateTime<Utc>, NoticedError>;
        let table: [(&str, Offset, Want); 8] = [
            (
                "2026-03-02T09:30",
                &london_winter,
                Ok(Utc.with_ymd_and_hms(2026, 3, 2, 9, 30, 0).unwrap()),
            ),
            (
                "2026-03-02T09:30:15",
                &london_winter,
                Ok(Utc.with_ymd_and_hms(2026, 3, 2, 9, 30, 15).unwrap()),
            ),
            (
                "2026-03-02T09:30",
                &paris,
                Ok(Utc.with_ymd_and_hms(2026, 3, 2, 8, 30, 0).unwrap()),
            ),
            (
                "2026-03-30T09:30",
                &dst,
                Ok(Utc.with_ymd_and_hms(2026, 3, 30, 8, 30, 0).unwrap()),
            ),
            (
                "2026-04-01T12:01",
                &london_winter,
                Ok(now + Duration::minutes(1)),
            ),
            (
                "2026-04-01T12:02",
                &london_winter,
                Err(NoticedError::InFuture),
            ),
            ("", &london_winter, Err(NoticedError::Unreadable)),
            ("yesterday", &london_winter, Err(NoticedError::Unreadable)),
        ];
        for (value, offset, want) in table {
            assert_eq!(parse_noticed(value, now, offset), want, "{value}");
        }
        let t = Utc.with_ymd_and_hms(2026, 3, 2, 8, 30, 0).unwrap();
        assert_eq!(
            noticed_value(t, FixedOffset::east_opt(3600).unwrap()),
            "2026-03-02T09:30"
        );
    }

    #[test]
    fn drafts_build_linked_reactions_or_say_what_is_missing() {
        let sessions = vec![session(1, 0)];
        let ok = build(
            &draft(Some(ReactionKind::Redness), Ok(at(30))),
            ReactionId(5),
            &sessions,
        )
        .unwrap();
        assert_eq!(ok.session, Some(SessionId(1)));
        assert_eq!(ok.zones, vec![Zone::Forehead, Zone::Chin]);
        assert_eq!(ok.status, ReactionStatus::StillPresent);
        assert_eq!(ok.id, ReactionId(5));
        assert_eq!(
            build(&draft(None, Ok(at(30))), ReactionId(5), &sessions),
            Err(DraftError::NoKind)
        );
        assert_eq!(
            build(
                &draft(Some(ReactionKind::Redness), Err(NoticedError::InFuture)),
                ReactionId(5),
                &sessions
            ),
            Err(DraftError::Noticed(NoticedError::InFuture))
        );
    }

    /// RX-1, RX-4, RX-10 and RX-11 as the log sees them through the engine.
    #[test]
    fn triage_through_the_link() {
        let sessions = vec![session(1, 0)];
        let end = at(0) + Duration::minutes(20);
        let make = |kind| build(&draft(Some(kind), Ok(at(2))), ReactionId(1), &sessions).unwrap();
        let redness = make(ReactionKind::Redness);
        assert!(!triage_of(&redness, &sessions, end + Duration::hours(71)).holds_next_session);
        assert!(
            triage_of(&redness, &sessions, end + Duration::hours(72)).holds_next_session,
            "RX-1"
        );
        let pus = make(ReactionKind::PusOrYellowCrust);
        let t = triage_of(&pus, &sessions, at(3));
        assert_eq!(t.level, TriageLevel::Stop, "RX-4");
        assert!(t.holds_next_session, "RX-11");
        let mut list = vec![pus.clone()];
        assert!(close(
            &mut list,
            pus.id,
            Closing::ClearedByClinician,
            at(50)
        ));
        assert!(
            !close(&mut list, pus.id, Closing::Resolved, at(51)),
            "already closed"
        );
        assert!(!close(&mut list, ReactionId(99), Closing::Resolved, at(51)));
        assert_eq!(list[0].status, ReactionStatus::ClearedByClinician(at(50)));
        assert!(
            !triage_of(&list[0], &sessions, at(52)).holds_next_session,
            "RX-11 lifted"
        );
        let hives = make(ReactionKind::SpreadingHives);
        assert_eq!(
            triage_of(&hives, &sessions, at(3)).level,
            TriageLevel::Emergency,
            "RX-10"
        );
    }

    #[test]
    fn list_is_newest_first() {
        let mk = |id, h| Reaction {
            id: ReactionId(id),
            kind: ReactionKind::Redness,
            severity: ReactionSeverity::Mild,
            zones: Vec::new(),
            noticed_at: at(h),
            session: None,
            status: ReactionStatus::StillPresent,
            worsening: false,
        };
        let all = [mk(1, 0), mk(2, 10), mk(3, 5), mk(4, 10)];
        let ids =
            |limit| -> Vec<u64> { newest_first(&all, limit).iter().map(|r| r.id.0).collect() };
        assert_eq!(ids(10), vec![4, 2, 3, 1]);
        assert_eq!(ids(2), vec![4, 2]);
        assert_eq!(ids(0), Vec::<u64>::new());
        // Picking the newest few agrees with sorting them all.
        let many: Vec<Reaction> = (0..60u64).map(|i| mk(i, ((i * 37) % 23) as i64)).collect();
        let mut sorted = many.clone();
        order::sort_by_key(&mut sorted, |r| std::cmp::Reverse((r.noticed_at, r.id)));
        for limit in [0, 1, 5, 20, 59, 60, 100] {
            let want: Vec<Reaction> = sorted.iter().take(limit).cloned().collect();
            assert_eq!(newest_first(&many, limit), want, "limit {limit}");
        }
    }

    #[test]
    fn emergency_numbers_put_the_likely_one_first() {
        use EmergencyNumber::{N112, N911, N999};
        let table = [
            ("en-US", [N911, N112, N999]),
            ("es-MX", [N911, N112, N999]),
            ("en-GB", [N999, N112, N911]),
            ("en", [N112, N911, N999]),
            ("de-DE", [N112, N911, N999]),
            ("zh-Hant-TW", [N112, N911, N999]),
            ("", [N112, N911, N999]),
        ];
        for (lang, want) in table {
            assert_eq!(emergency_numbers(lang), want, "{lang}");
        }
    }
}
