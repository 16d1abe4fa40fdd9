//! Time arithmetic shared by the rules: elapsed windows, calendar months and
//! local dates.
//!
//! Invariants:
//! - Hours, days and weeks are elapsed time: `days(7)` is exactly 168 hours,
//!   whatever DST or a change of offset does.
//! - Months are calendar months on local dates, clamped to the last day of a
//!   shorter month (31 August + 6 months = 28 or 29 February).
//! - A dated window opens at local midnight, in the user's current offset, of
//!   the first day it allows.
//! - Nothing here panics: out-of-range arithmetic returns `None`, which the
//!   callers treat as "never lifts".

use chrono::{
    DateTime, Datelike, Duration, FixedOffset, Months, NaiveDate, NaiveDateTime, TimeZone,
    Timelike, Utc,
};

/// An elapsed number of hours.
pub const fn hours(n: i64) -> Duration {
    Duration::hours(n)
}

/// An elapsed number of days (24 hours each).
pub const fn days(n: i64) -> Duration {
    Duration::hours(24 * n)
}

/// An elapsed number of weeks (7 × 24 hours each).
pub const fn weeks(n: i64) -> Duration {
    Duration::hours(24 * 7 * n)
}

/// The local calendar date of `now` in `offset`.
pub fn local_date(now: DateTime<Utc>, offset: FixedOffset) -> NaiveDate {
    now.with_timezone(&offset).date_naive()
}

/// `date` as `YYYY-MM-DD` (what chrono's `%Y-%m-%d` writes for the years
/// 0 to 9999), for file names. Written by hand: chrono's
/// format-string machinery is about 10 KB of WASM that the start page would
/// otherwise carry for a file name.
pub fn iso_date(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// `local` as a `datetime-local` value, `YYYY-MM-DDTHH:MM`: what chrono's
/// `%Y-%m-%dT%H:%M` writes. Home's reminder card writes one on every start
/// with data; by hand, the first screen does not compile chrono's
/// format-string machinery. A year outside 0 to 9999, which chrono writes
/// with a sign, is left to chrono.
pub fn input_minute(local: NaiveDateTime) -> String {
    match local.year() {
        0..=9999 => format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}",
            local.year(),
            local.month(),
            local.day(),
            local.hour(),
            local.minute()
        ),
        _ => local.format("%Y-%m-%dT%H:%M").to_string(),
    }
}

/// `at` as an RFC 5545 UTC date-time, `YYYYMMDDTHHMMSSZ`: what chrono's
/// `%Y%m%dT%H%M%SZ` writes. By hand for the same reason as
/// [`input_minute`]: the reminder's `UID` is made on every start with data.
/// A year outside 0 to 9999 is left to chrono.
pub fn utc_stamp(at: DateTime<Utc>) -> String {
    match at.year() {
        0..=9999 => format!(
            "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
            at.year(),
            at.month(),
            at.day(),
            at.hour(),
            at.minute(),
            at.second()
        ),
        _ => at.format("%Y%m%dT%H%M%SZ").to_string(),
    }
}

/// The English name of `date`'s month ("March").
pub fn month_name(date: NaiveDate) -> &'static str {
    const NAMES: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    NAMES[date.month0() as usize % 12]
}

/// The instant local midnight starts `date` in `offset`.
pub fn local_midnight(date: NaiveDate, offset: FixedOffset) -> Option<DateTime<Utc>> {
    let naive = date.and_hms_opt(0, 0, 0)?;
    offset
        .from_local_datetime(&naive)
        .single()
        .map(|d| d.with_timezone(&Utc))
}

/// `date` plus `months` calendar months, clamped to the month's last day.
pub fn add_months(date: NaiveDate, months: u32) -> Option<NaiveDate> {
    date.checked_add_months(Months::new(months))
}

/// `date` plus `n` calendar days.
pub fn add_days(date: NaiveDate, n: i64) -> Option<NaiveDate> {
    date.checked_add_signed(Duration::days(n))
}

/// PER-1: the first local date on which someone born on `born` is 18.
/// Someone born on 29 February becomes 18 on 1 March in a common year (the
/// later of the two readings).
pub fn eighteenth_birthday(born: NaiveDate) -> Option<NaiveDate> {
    let clamped = add_months(born, 18 * 12)?;
    if clamped.day() == born.day() {
        Some(clamped)
    } else {
        add_days(clamped, 1)
    }
}

/// Where `now` stands against a window that opens on local date `opens`.
/// Returns `None` when open, or `Some(lift)` with the opening instant (or
/// `None` inside when the date cannot be represented: it never lifts).
pub fn dated_block(
    opens: Option<NaiveDate>,
    now: DateTime<Utc>,
    offset: FixedOffset,
) -> Option<Option<DateTime<Utc>>> {
    match opens {
        Some(date) if local_date(now, offset) >= date => None,
        Some(date) => Some(local_midnight(date, offset)),
        None => Some(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn iso_dates_and_month_names_are_what_chrono_writes() {
        let table = [
            (d(2025, 3, 3), "2025-03-03", "March"),
            (d(2024, 12, 31), "2024-12-31", "December"),
            (d(2026, 1, 1), "2026-01-01", "January"),
            (d(999, 7, 9), "0999-07-09", "July"),
        ];
        for (date, iso, month) in table {
            assert_eq!(iso_date(date), iso);
            assert_eq!(month_name(date), month);
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod laws {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            /// Law: for every date of the years 0 to 9999, the hand-written
            /// forms equal chrono's `%Y-%m-%d` and `%B`.
            #[test]
            fn the_same_as_chrono(days in 0i64..3_652_424) {
                let date = d(0, 1, 1) + Duration::days(days);
                prop_assert_eq!(iso_date(date), date.format("%Y-%m-%d").to_string());
                prop_assert_eq!(month_name(date), date.format("%B").to_string());
            }

            /// Law: for every instant of any year chrono can hold, the
            /// `datetime-local` value and the RFC 5545 stamp equal chrono's
            /// `%Y-%m-%dT%H:%M` and `%Y%m%dT%H%M%SZ` (by hand in the years 0
            /// to 9999, by chrono outside them).
            #[test]
            fn input_values_and_stamps_are_chronos(
                seconds in DateTime::<Utc>::MIN_UTC.timestamp()..DateTime::<Utc>::MAX_UTC.timestamp(),
                nanos in 0u32..1_000_000_000,
            ) {
                let at = DateTime::from_timestamp(seconds, nanos).unwrap();
                let local = at.naive_utc();
                prop_assert_eq!(input_minute(local), local.format("%Y-%m-%dT%H:%M").to_string());
                prop_assert_eq!(utc_stamp(at), at.format("%Y%m%dT%H%M%SZ").to_string());
            }
        }
    }

    /// The hand-written forms at the edges of the years they write and
    /// beyond them, where chrono writes a sign.
    #[test]
    fn input_values_and_stamps_at_the_edges() {
        let table = [
            (
                d(2026, 3, 9).and_hms_opt(9, 5, 7),
                "2026-03-09T09:05",
                "20260309T090507Z",
            ),
            (
                d(0, 1, 1).and_hms_opt(0, 0, 0),
                "0000-01-01T00:00",
                "00000101T000000Z",
            ),
            (
                d(9999, 12, 31).and_hms_opt(23, 59, 59),
                "9999-12-31T23:59",
                "99991231T235959Z",
            ),
            (
                d(10000, 1, 1).and_hms_opt(0, 0, 0),
                "+10000-01-01T00:00",
                "+100000101T000000Z",
            ),
            (
                d(-1, 12, 31).and_hms_opt(23, 59, 0),
                "-0001-12-31T23:59",
                "-00011231T235900Z",
            ),
        ];
        for (local, input, stamp) in table {
            let local = local.unwrap();
            assert_eq!(input_minute(local), input);
            assert_eq!(utc_stamp(local.and_utc()), stamp);
        }
    }

    /// Calendar months clamp to the end of a shorter month.
    #[test]
    fn months_are_calendar_months_clamped() {
        let table = [
            (d(2025, 8, 31), 6, d(2026, 2, 28)),
            (d(2023, 8, 31), 6, d(2024, 2, 29)),
            (d(2025, 1, 15), 6, d(2025, 7, 15)),
            (d(2025, 3, 31), 12, d(2026, 3, 31)),
            (d(2024, 2, 29), 12, d(2025, 2, 28)),
        ];
        for (from, months, expected) in table {
            assert_eq!(
                add_months(from, months),
                Some(expected),
                "{from} + {months}"
            );
        }
        assert_eq!(add_months(NaiveDate::MAX, 1), None);
    }

    /// PER-1: a 29 February birthday counts from 1 March in common years.
    #[test]
    fn per1_eighteenth_birthday() {
        let table = [
            (d(2007, 6, 1), d(2025, 6, 1)),
            (d(2008, 2, 29), d(2026, 3, 1)),
            (d(2006, 2, 28), d(2024, 2, 28)),
        ];
        for (born, adult) in table {
            assert_eq!(eighteenth_birthday(born), Some(adult), "PER-1 {born}");
        }
        assert_eq!(eighteenth_birthday(NaiveDate::MAX), None);
    }

    #[test]
    fn elapsed_units() {
        assert_eq!(days(7), hours(168));
        assert_eq!(weeks(2), days(14));
    }

    /// The local date and local midnight use the given offset.
    #[test]
    fn local_dates_use_the_offset() {
        let now = Utc.with_ymd_and_hms(2025, 3, 1, 23, 30, 0).unwrap();
        let paris = FixedOffset::east_opt(3600).unwrap();
        let new_york = FixedOffset::west_opt(5 * 3600).unwrap();
        assert_eq!(local_date(now, paris), d(2025, 3, 2));
        assert_eq!(local_date(now, new_york), d(2025, 3, 1));
        assert_eq!(
            local_midnight(d(2025, 3, 2), paris),
            Some(Utc.with_ymd_and_hms(2025, 3, 1, 23, 0, 0).unwrap())
        );
    }

    #[test]
    fn dated_block_opens_at_local_midnight() {
        let utc = FixedOffset::east_opt(0).unwrap();
        let open = d(2025, 3, 2);
        let before = Utc.with_ymd_and_hms(2025, 3, 1, 23, 59, 59).unwrap();
        let at = Utc.with_ymd_and_hms(2025, 3, 2, 0, 0, 0).unwrap();
        assert_eq!(dated_block(Some(open), before, utc), Some(Some(at)));
        assert_eq!(dated_block(Some(open), at, utc), None);
        assert_eq!(dated_block(None, at, utc), Some(None));
    }
}
