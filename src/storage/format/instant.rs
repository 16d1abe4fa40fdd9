//! Reading the format's instants. Every instant is written by chrono as
//! RFC 3339 in UTC (`2025-10-27T20:00:00Z`, with 3, 6 or 9 digits of a
//! second when it has a fraction). Five years of data hold thousands of
//! them, and chrono's general parser (any offset, lower-case letters,
//! spaces) took about half of the decoding time, so that exact form is read
//! here directly.
//!
//! Invariant: the result is always the one chrono's own `Deserialize` gives.
//! [`parse_written`] accepts only strings that chrono reads to the same
//! instant (a property test checks both directions), and every other string
//! goes to chrono, so a hand-edited backup with an offset still reads, and a
//! bad one is refused with chrono's message.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, Utc};
use serde::de::{self, Deserializer};

use super::text::{self, Text};

/// Reads `text` when it is in the form chrono writes (`YYYY-MM-DDTHH:MM:SS`,
/// an optional fraction of 1 to 9 digits, then `Z`), or returns `None` for
/// anything else, valid or not, for the general parser to judge.
pub fn parse_written(text: &str) -> Option<DateTime<Utc>> {
    let bytes = text.as_bytes();
    let (head, fraction) = match bytes {
        [head @ .., b'Z'] if head.len() >= 19 => head.split_at(19),
        _ => return None,
    };
    let separators = [(4, b'-'), (7, b'-'), (10, b'T'), (13, b':'), (16, b':')];
    if separators.iter().any(|&(at, byte)| head[at] != byte) {
        return None;
    }
    let number = |from: usize, to: usize| digits(&head[from..to]);
    let year = number(0, 4)?;
    let (month, day) = (number(5, 7)?, number(8, 10)?);
    let (hour, minute, second) = (number(11, 13)?, number(14, 16)?, number(17, 19)?);
    let nanos = match fraction {
        [] => 0,
        [b'.', figures @ ..] if (1..=9).contains(&figures.len()) => {
            digits(figures)? * 10_u32.pow(9 - figures.len() as u32)
        }
        _ => return None,
    };
    // A leap second (`:60`) is left to chrono, which has its own rules.
    if second > 59 {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)?;
    let time = NaiveTime::from_hms_nano_opt(hour, minute, second, nanos)?;
    Some(date.and_time(time).and_utc())
}

/// The value of a run of ASCII digits (at most nine), or `None` when any
/// byte is not a digit.
fn digits(bytes: &[u8]) -> Option<u32> {
    bytes.iter().try_fold(0_u32, |value, &byte| {
        byte.is_ascii_digit()
            .then(|| value * 10 + u32::from(byte - b'0'))
    })
}

/// Instants read as chrono's `Deserialize` for `DateTime<Utc>` reads them,
/// with its messages.
impl Text for DateTime<Utc> {
    const EXPECTING: &'static str = "an RFC 3339 formatted date and time string";

    fn parse<E: de::Error>(text: &str) -> Result<Self, E> {
        match parse_written(text) {
            Some(instant) => Ok(instant),
            None => text
                .parse::<DateTime<FixedOffset>>()
                .map(|instant| instant.with_timezone(&Utc))
                .map_err(E::custom),
        }
    }
}

/// `deserialize_with` for a `DateTime<Utc>` field.
pub fn required<'de, D: Deserializer<'de>>(deserializer: D) -> Result<DateTime<Utc>, D::Error> {
    text::required(deserializer)
}

/// `deserialize_with` for an `Option<DateTime<Utc>>` field (`null` is
/// `None`). The field also needs `#[serde(default)]`, so that a missing
/// field stays `None`, as it is without `deserialize_with`.
pub fn optional<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<DateTime<Utc>>, D::Error> {
    text::optional(deserializer)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use proptest::prelude::*;

    fn chrono_reads(text: &str) -> Option<DateTime<Utc>> {
        serde_json::from_value::<DateTime<Utc>>(serde_json::Value::String(text.into())).ok()
    }

    #[test]
    fn the_written_form_is_read_and_everything_else_is_left_to_chrono() {
        let at = |s| Utc.with_ymd_and_hms(2025, 10, 27, 20, 0, s).unwrap();
        let cases: &[(&str, Option<DateTime<Utc>>)] = &[
            ("2025-10-27T20:00:00Z", Some(at(0))),
            ("2025-10-27T20:00:07Z", Some(at(7))),
            (
                "2025-10-27T20:00:00.5Z",
                Some(at(0) + chrono::Duration::milliseconds(500)),
            ),
            (
                "2025-10-27T20:00:00.000000001Z",
                Some(at(0) + chrono::Duration::nanoseconds(1)),
            ),
            (
                "2024-02-29T00:00:00Z",
                Utc.with_ymd_and_hms(2024, 2, 29, 0, 0, 0).single(),
            ),
            // Valid, but not in the written form: chrono reads them.
            ("2025-10-27T21:00:00+01:00", None),
            ("2025-10-27t20:00:00z", None),
            ("2025-10-27 20:00:00Z", None),
            ("2016-12-31T23:59:60Z", None),
            ("2025-10-27T20:00:00.1234567890Z", None),
            // Not instants at all.
            ("2023-02-29T00:00:00Z", None),
            ("2025-13-01T00:00:00Z", None),
            ("2025-10-27T24:00:00Z", None),
            ("2025-10-27T20:00:00.Z", None),
            ("2025-10-27T20:00:00", None),
            ("+2025-10-27T20:00:00Z", None),
            ("", None),
            ("Z", None),
        ];
        for (text, want) in cases {
            assert_eq!(parse_written(text), *want, "{text:?}");
        }
    }

    #[test]
    fn the_outcome_and_the_message_are_chrono_s() {
        for text in [
            "2025-10-27T20:00:00Z",
            "2025-10-27T21:00:00+01:00",
            "2016-12-31T23:59:60Z",
            "2023-02-29T00:00:00Z",
            "yesterday",
        ] {
            let ours = <DateTime<Utc> as Text>::parse::<serde_json::Error>(text)
                .map_err(|e| e.to_string());
            let theirs =
                serde_json::from_value::<DateTime<Utc>>(serde_json::Value::String(text.into()))
                    .map_err(|e| e.to_string());
            assert_eq!(ours, theirs, "{text:?}");
        }
    }

    #[derive(Debug, serde::Deserialize)]
    struct Probe {
        #[serde(deserialize_with = "required")]
        at: DateTime<Utc>,
        #[serde(default, deserialize_with = "optional")]
        maybe: Option<DateTime<Utc>>,
    }

    #[test]
    fn optional_reads_null_missing_and_present() {
        let read = |json: &str| serde_json::from_str::<Probe>(json).map(|p| (p.at, p.maybe));
        let at = Utc.with_ymd_and_hms(2025, 1, 2, 3, 4, 5).unwrap();
        assert_eq!(
            read(r#"{"at":"2025-01-02T03:04:05Z"}"#).unwrap(),
            (at, None)
        );
        assert_eq!(
            read(r#"{"at":"2025-01-02T03:04:05Z","maybe":null}"#).unwrap(),
            (at, None)
        );
        assert_eq!(
            read(r#"{"at":"2025-01-02T03:04:05Z","maybe":"2025-01-02T04:04:05+01:00"}"#).unwrap(),
            (at, Some(at))
        );
        assert!(read(r#"{"at":"2025-01-02T03:04:05Z","maybe":3}"#).is_err());
        assert!(read(r#"{"maybe":null}"#).is_err());
    }

    proptest! {
        /// Law: whatever chrono writes, the fast path reads back to the
        /// same instant.
        #[test]
        fn every_written_instant_is_read_back(
            seconds in -62_135_596_800_i64..253_402_300_799,
            nanos in prop_oneof![Just(0_u32), 0_u32..1_000_000_000],
        ) {
            let instant = Utc.timestamp_opt(seconds, nanos).unwrap();
            let written = serde_json::to_value(instant).unwrap();
            let text = written.as_str().unwrap();
            prop_assert_eq!(parse_written(text), Some(instant), "{}", text);
        }

        /// Law: on strings of the written form, valid or not, the fast path
        /// reads exactly what chrono reads (leap seconds aside, which it
        /// leaves to chrono).
        #[test]
        fn the_fast_path_agrees_with_chrono(
            year in 0_u32..10_000,
            month in 0_u32..14,
            day in 0_u32..33,
            hour in 0_u32..26,
            minute in 0_u32..62,
            second in 0_u32..60,
            fraction in "(\\.[0-9]{1,9})?",
        ) {
            let text = format!(
                "{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}{fraction}Z"
            );
            prop_assert_eq!(parse_written(&text), chrono_reads(&text), "{}", text);
        }

        /// Law: a string that is not in the written form is never read by
        /// the fast path, so chrono judges it.
        #[test]
        fn other_forms_are_left_to_chrono(
            text in "[0-9]{4}-[0-9]{2}-[0-9]{2}[t ][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{0,10})?[Zz]?",
        ) {
            prop_assert_eq!(parse_written(&text), None, "{}", text);
        }
    }
}
