//! History's pure logic: the timeline of sessions, reactions and roller
//! replacements; the month calendar grid; what each day holds; and the
//! points of the severity chart after a session.

use chrono::{DateTime, Datelike, Duration, FixedOffset, Months, NaiveDate, Utc, Weekday};

use crate::domain::order;
use crate::domain::{Reaction, ReactionSeverity, Session, SessionId};
use crate::storage::doc::{AppDoc, ReplacedDevice};

/// One entry of the history list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    Session(Session),
    Reaction(Reaction),
    RollerReplaced(ReplacedDevice),
}

impl Entry {
    /// The instant the entry is placed at.
    pub fn at(&self) -> DateTime<Utc> {
        match self {
            Entry::Session(s) => s.started_at,
            Entry::Reaction(r) => r.noticed_at,
            Entry::RollerReplaced(d) => d.replaced_at,
        }
    }

    fn order(&self) -> u8 {
        match self {
            Entry::Session(_) => 0,
            Entry::Reaction(_) => 1,
            Entry::RollerReplaced(_) => 2,
        }
    }
}

/// Every entry, newest first.
pub fn entries(doc: &AppDoc) -> Vec<Entry> {
    let mut list: Vec<Entry> = doc
        .sessions
        .iter()
        .cloned()
        .map(Entry::Session)
        .chain(doc.reactions.iter().cloned().map(Entry::Reaction))
        .chain(
            doc.replaced_devices
                .iter()
                .cloned()
                .map(Entry::RollerReplaced),
        )
        .collect();
    order::sort_by_key(&mut list, |e| std::cmp::Reverse((e.at(), e.order())));
    list
}

/// The entries on one local date (with the offset of each instant).
pub fn entries_on(
    all: &[Entry],
    date: NaiveDate,
    offset_at: impl Fn(DateTime<Utc>) -> FixedOffset,
) -> Vec<Entry> {
    all.iter()
        .filter(|e| local_date(e.at(), &offset_at) == date)
        .cloned()
        .collect()
}

fn local_date(at: DateTime<Utc>, offset_at: &impl Fn(DateTime<Utc>) -> FixedOffset) -> NaiveDate {
    at.with_timezone(&offset_at(at)).date_naive()
}

/// What a calendar day holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DayMarks {
    pub sessions: usize,
    pub reactions: usize,
    pub rollers: usize,
}

impl DayMarks {
    pub fn is_empty(&self) -> bool {
        self.sessions == 0 && self.reactions == 0 && self.rollers == 0
    }
}

/// One cell of the month grid; `None` is a day of another month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Day {
    pub date: NaiveDate,
    pub marks: DayMarks,
    pub today: bool,
}

/// A month as whole weeks starting on `week_start`; days of the
/// neighbouring months are `None`.
pub fn month_grid(
    year: i32,
    month: u32,
    week_start: Weekday,
    today: NaiveDate,
    marks: impl Fn(NaiveDate) -> DayMarks,
) -> Vec<[Option<Day>; 7]> {
    let Some(first) = NaiveDate::from_ymd_opt(year, month, 1) else {
        return Vec::new();
    };
    let days = days_in_month(first);
    let lead = first.weekday().days_since(week_start) as usize;
    let cells = (lead + days).div_ceil(7) * 7;
    let mut weeks = Vec::with_capacity(cells / 7);
    let mut week = [None; 7];
    for cell in 0..cells {
        let day_number = cell.checked_sub(lead).filter(|d| *d < days);
        week[cell % 7] = day_number.map(|d| {
            let date = first + Duration::days(d as i64);
            Day {
                date,
                marks: marks(date),
                today: date == today,
            }
        });
        if cell % 7 == 6 {
            weeks.push(week);
            week = [None; 7];
        }
    }
    weeks
}

/// The number of days in the month of `first`.
pub fn days_in_month(first: NaiveDate) -> usize {
    let next = first.checked_add_months(Months::new(1));
    next.map_or(31, |n| (n - first).num_days() as usize)
}

/// The marks of every day, from the entries.
pub fn marks_on(
    all: &[Entry],
    date: NaiveDate,
    offset_at: impl Fn(DateTime<Utc>) -> FixedOffset,
) -> DayMarks {
    let mut marks = DayMarks::default();
    for e in all
        .iter()
        .filter(|e| local_date(e.at(), &offset_at) == date)
    {
        match e {
            Entry::Session(_) => marks.sessions += 1,
            Entry::Reaction(_) => marks.reactions += 1,
            Entry::RollerReplaced(_) => marks.rollers += 1,
        }
    }
    marks
}

/// The month before or after (`delta` months), as (year, month).
pub fn shift_month(year: i32, month: u32, delta: i32) -> (i32, u32) {
    let index = year * 12 + month as i32 - 1 + delta;
    (index.div_euclid(12), index.rem_euclid(12) as u32 + 1)
}

/// The weekday weeks start on for a language tag: Sunday where that is
/// the custom of the region, Monday otherwise (ISO 8601).
pub fn week_start(language: &str) -> Weekday {
    let region = language
        .split(['-', '_'])
        .skip(1)
        .find(|part| part.len() == 2)
        .map(str::to_ascii_uppercase)
        .unwrap_or_default();
    match region.as_str() {
        "US" | "CA" | "MX" | "BR" | "JP" | "IL" | "PH" | "KR" | "TW" | "HK" | "IN" | "ZA"
        | "AU" => Weekday::Sun,
        _ => Weekday::Mon,
    }
}

/// The last day shown on the chart after a session.
pub const CHART_DAYS: i64 = 7;

/// One point of the severity chart: the day after the session (0..=7) and
/// the severity (0..=3).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChartPoint {
    pub day: u8,
    pub severity: ReactionSeverity,
    pub reaction: usize,
}

/// The severity as a number on the chart's scale.
pub fn severity_level(severity: ReactionSeverity) -> u8 {
    match severity {
        ReactionSeverity::None => 0,
        ReactionSeverity::Mild => 1,
        ReactionSeverity::Moderate => 2,
        ReactionSeverity::Severe => 3,
    }
}

/// The reactions linked to a session, in time order.
pub fn reactions_after(doc: &AppDoc, session: SessionId) -> Vec<Reaction> {
    let mut list: Vec<Reaction> = doc
        .reactions
        .iter()
        .filter(|r| r.session == Some(session))
        .cloned()
        .collect();
    order::sort_by_key(&mut list, |r| (r.noticed_at, r.id));
    list
}

/// The chart points for `reactions` after a session that ended at `end`:
/// whole days after the end, days 0 to 7; reactions outside are left out
/// (the table under the chart lists them all). `reaction` is the index in
/// `reactions`.
pub fn chart_points(end: DateTime<Utc>, reactions: &[Reaction]) -> Vec<ChartPoint> {
    reactions
        .iter()
        .enumerate()
        .filter_map(|(i, r)| {
            let day = (r.noticed_at - end).num_hours().div_euclid(24);
            let day = if r.noticed_at < end { 0 } else { day };
            (0..=CHART_DAYS).contains(&day).then_some(ChartPoint {
                day: day as u8,
                severity: r.severity,
                reaction: i,
            })
        })
        .collect()
}

/// The day after the session a reaction was noticed (0 on the day of it).
pub fn day_after(end: DateTime<Utc>, at: DateTime<Utc>) -> i64 {
    if at < end {
        0
    } else {
        (at - end).num_hours().div_euclid(24)
    }
}

/// The chart's geometry: the plot area inside a `WIDTH` × `HEIGHT` view box.
pub const WIDTH: i32 = 320;
pub const HEIGHT: i32 = 180;
pub const LEFT: i32 = 40;
pub const RIGHT: i32 = 12;
pub const TOP: i32 = 12;
pub const BOTTOM: i32 = 36;

/// Where a point sits in the view box. Points on the same day and severity
/// are nudged sideways so every marker shows.
pub fn point_xy(point: &ChartPoint, same_before: usize) -> (i32, i32) {
    let plot_w = WIDTH - LEFT - RIGHT;
    let plot_h = HEIGHT - TOP - BOTTOM;
    let x = LEFT + plot_w * i32::from(point.day) / CHART_DAYS as i32 + 8 * same_before as i32;
    let y = TOP + plot_h - plot_h * i32::from(severity_level(point.severity)) / 3;
    (x, y)
}

/// How many earlier points share a point's day and severity.
pub fn overlaps(points: &[ChartPoint]) -> Vec<usize> {
    points
        .iter()
        .enumerate()
        .map(|(i, p)| {
            points[..i]
                .iter()
                .filter(|q| q.day == p.day && q.severity == p.severity)
                .count()
        })
        .collect()
}

/// Reads `?session=<id>`: the id, or `Err` for something that is not one.
pub fn parse_session_query(value: Option<String>) -> Option<Result<SessionId, String>> {
    let raw = value?;
    Some(
        raw.trim()
            .parse::<u64>()
            .map(SessionId)
            .map_err(|_| raw.clone()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{
        DamageFlags, Device, DeviceKind, NeedleLength, ReactionId, ReactionKind, ReactionStatus,
        Zone,
    };
    use chrono::TimeZone;

    fn utc(_: DateTime<Utc>) -> FixedOffset {
        FixedOffset::east_opt(0).unwrap()
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn grid_dates(year: i32, month: u32, start: Weekday) -> Vec<Vec<Option<u32>>> {
        month_grid(year, month, start, d(2000, 1, 1), |_| DayMarks::default())
            .iter()
            .map(|w| w.iter().map(|c| c.map(|day| day.date.day())).collect())
            .collect()
    }

    /// Month grids: a month starting on Sunday (March 2026) with Monday and
    /// Sunday weeks, and February in a leap year.
    #[test]
    fn calendar_grids() {
        // (year, month, week start, weeks, blanks before day 1, last row's filled days)
        let table = [
            (2026, 3, Weekday::Mon, 6, 6, 2), // starts on Sunday: 6 blanks, 31 days
            (2026, 3, Weekday::Sun, 5, 0, 3),
            (2024, 2, Weekday::Mon, 5, 3, 4), // leap year: 29 days, starts Thursday
            (2024, 2, Weekday::Sun, 5, 4, 5),
            (2026, 2, Weekday::Sun, 4, 0, 7), // 28 days from a Sunday: 4 full weeks
            (2025, 2, Weekday::Mon, 5, 5, 5),
        ];
        for (year, month, start, weeks, blanks, last_filled) in table {
            let grid = grid_dates(year, month, start);
            assert_eq!(grid.len(), weeks, "{year}-{month} {start:?}");
            let lead = grid[0].iter().take_while(|c| c.is_none()).count();
            assert_eq!(lead, blanks, "{year}-{month} {start:?}");
            assert_eq!(grid[0][lead], Some(1));
            let filled = grid.last().unwrap().iter().filter(|c| c.is_some()).count();
            assert_eq!(filled, last_filled, "{year}-{month} {start:?}");
            let all: Vec<u32> = grid.iter().flatten().flatten().copied().collect();
            let n = days_in_month(d(year, month, 1)) as u32;
            assert_eq!(all, (1..=n).collect::<Vec<_>>());
        }
        assert_eq!(days_in_month(d(2024, 2, 1)), 29);
        assert_eq!(days_in_month(d(2100, 2, 1)), 28);
        assert_eq!(days_in_month(d(2026, 12, 1)), 31);
        assert!(month_grid(
            2026,
            13,
            Weekday::Mon,
            d(2026, 1, 1),
            |_| DayMarks::default()
        )
        .is_empty());
    }

    #[test]
    fn calendar_marks_today_and_entries() {
        let doc = sample_doc();
        let all = entries(&doc);
        let grid = month_grid(2026, 3, Weekday::Mon, d(2026, 3, 4), |date| {
            marks_on(&all, date, utc)
        });
        let days: Vec<Day> = grid.iter().flatten().flatten().copied().collect();
        let today: Vec<u32> = days
            .iter()
            .filter(|x| x.today)
            .map(|x| x.date.day())
            .collect();
        assert_eq!(today, vec![4]);
        let second = days.iter().find(|x| x.date.day() == 2).unwrap();
        assert_eq!(
            second.marks,
            DayMarks {
                sessions: 1,
                reactions: 1,
                rollers: 0
            }
        );
        let fifth = days.iter().find(|x| x.date.day() == 5).unwrap();
        assert_eq!(
            fifth.marks,
            DayMarks {
                sessions: 0,
                reactions: 1,
                rollers: 1
            }
        );
        assert!(days
            .iter()
            .find(|x| x.date.day() == 20)
            .unwrap()
            .marks
            .is_empty());
        // An offset moves a late-evening entry to the next local day.
        let plus = |_: DateTime<Utc>| FixedOffset::east_opt(14 * 3600).unwrap();
        assert_eq!(marks_on(&all, d(2026, 3, 3), plus).reactions, 1);
    }

    #[test]
    fn months_shift_across_years() {
        let table = [
            ((2026, 1), -1, (2025, 12)),
            ((2026, 12), 1, (2027, 1)),
            ((2026, 3), 0, (2026, 3)),
            ((2026, 3), -15, (2024, 12)),
        ];
        for ((y, m), delta, want) in table {
            assert_eq!(shift_month(y, m, delta), want);
        }
        assert_eq!(week_start("en-US"), Weekday::Sun);
        assert_eq!(week_start("en-GB"), Weekday::Mon);
        assert_eq!(week_start("fr"), Weekday::Mon);
    }

    fn sample_doc() -> AppDoc {
        let t = |day: u32, h: u32| Utc.with_ymd_and_hms(2026, 3, day, h, 0, 0).unwrap();
        let session = Session {
            id: SessionId(1),
            started_at: t(2, 9),
            ended_at: t(2, 9) + Duration::minutes(20),
            needle: NeedleLength::MM_0_25,
            zones_completed: vec![Zone::Forehead],
            zones_stopped_bleeding: vec![Zone::Chin],
            disinfected_before: true,
            disinfected_after: false,
        };
        let reaction = |id, at, severity| Reaction {
            id: ReactionId(id),
            kind: ReactionKind::Redness,
            severity,
            zones: Vec::new(),
            noticed_at: at,
            session: Some(SessionId(1)),
            status: ReactionStatus::StillPresent,
            worsening: false,
        };
        AppDoc {
            sessions: vec![session],
            reactions: vec![
                reaction(10, t(5, 8), ReactionSeverity::Moderate),
                reaction(11, t(2, 20), ReactionSeverity::Mild),
                reaction(12, t(3, 11), ReactionSeverity::Mild),
            ],
            replaced_devices: vec![ReplacedDevice {
                device: Device {
                    kind: DeviceKind::ManualRoller,
                    needle: NeedleLength::MM_0_25,
                    first_use: Some(t(1, 9)),
                    sessions_used: 1,
                    damage: DamageFlags::default(),
                    only_mine: true,
                },
                replaced_at: t(5, 12),
            }],
            ..AppDoc::default()
        }
    }

    #[test]
    fn entries_are_newest_first_with_rollers() {
        let all = entries(&sample_doc());
        let kinds: Vec<&str> = all
            .iter()
            .map(|e| match e {
                Entry::Session(_) => "session",
                Entry::Reaction(_) => "reaction",
                Entry::RollerReplaced(_) => "roller",
            })
            .collect();
        assert_eq!(
            kinds,
            vec!["roller", "reaction", "reaction", "reaction", "session"]
        );
        assert!(all.windows(2).all(|w| w[0].at() >= w[1].at()));
        assert_eq!(entries_on(&all, d(2026, 3, 2), utc).len(), 2);
        assert!(entries(&AppDoc::default()).is_empty());
    }

    /// Chart points: day after the session end and severity, days 0–7 only.
    #[test]
    fn chart_points_by_day_and_severity() {
        let end = Utc.with_ymd_and_hms(2026, 3, 2, 9, 20, 0).unwrap();
        let r = |id, hours: i64, severity| Reaction {
            id: ReactionId(id),
            kind: ReactionKind::Swelling,
            severity,
            zones: Vec::new(),
            noticed_at: end + Duration::hours(hours),
            session: Some(SessionId(1)),
            status: ReactionStatus::StillPresent,
            worsening: false,
        };
        let reactions = vec![
            r(1, -1, ReactionSeverity::Mild),     // during the session: day 0
            r(2, 23, ReactionSeverity::Moderate), // day 0
            r(3, 24, ReactionSeverity::Severe),   // day 1
            r(4, 7 * 24 + 23, ReactionSeverity::None), // day 7
            r(5, 8 * 24, ReactionSeverity::Mild), // day 8: left out
            r(6, 30, ReactionSeverity::Severe),   // day 1, same as #3
        ];
        let points = chart_points(end, &reactions);
        let got: Vec<(u8, u8, usize)> = points
            .iter()
            .map(|p| (p.day, severity_level(p.severity), p.reaction))
            .collect();
        assert_eq!(
            got,
            vec![(0, 1, 0), (0, 2, 1), (1, 3, 2), (7, 0, 3), (1, 3, 5)]
        );
        assert_eq!(overlaps(&points), vec![0, 0, 0, 0, 1]);
        // Geometry: day 0 at the left edge, day 7 at the right, severity 3 on top.
        let (x0, y0) = point_xy(&points[0], 0);
        let (x7, y7) = point_xy(&points[3], 0);
        assert_eq!(x0, LEFT);
        assert_eq!(x7, WIDTH - RIGHT);
        assert_eq!(y7, HEIGHT - BOTTOM);
        assert!(y0 < y7);
        assert_eq!(point_xy(&points[2], 0).1, TOP);
        assert_eq!(point_xy(&points[4], 1).0, point_xy(&points[2], 0).0 + 8);
        assert_eq!(day_after(end, end - Duration::hours(1)), 0);
        assert_eq!(day_after(end, end + Duration::hours(49)), 2);
    }

    #[test]
    fn session_query() {
        let table = [
            (None, None),
            (Some("12"), Some(Ok(SessionId(12)))),
            (Some(" 7 "), Some(Ok(SessionId(7)))),
            (Some("abc"), Some(Err("abc".to_string()))),
            (Some("-1"), Some(Err("-1".to_string()))),
        ];
        for (raw, want) in table {
            assert_eq!(
                parse_session_query(raw.map(str::to_string)),
                want,
                "{raw:?}"
            );
        }
        let doc = sample_doc();
        let ids: Vec<u64> = reactions_after(&doc, SessionId(1))
            .iter()
            .map(|r| r.id.0)
            .collect();
        assert_eq!(ids, vec![11, 12, 10]);
        assert!(reactions_after(&doc, SessionId(2)).is_empty());
    }
}
