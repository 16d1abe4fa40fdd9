//! Reading the format's calendar dates (a treatment's first and last day, a
//! birth date). chrono writes each as `YYYY-MM-DD`, and that exact form is
//! read here directly. chrono's own reader goes through its general
//! format-string parser, which a start with data would otherwise compile
//! just to read the profile's few dates.
//!
//! Invariant, as for [`super::instant`]: the result is always the one
//! chrono's own `Deserialize` gives. [`parse_written`] accepts only strings
//! that chrono reads to the same date (property tests check both
//! directions), and every other string goes to chrono, so anything chrono
//! accepts still reads, and a bad date is refused with chrono's message.

use chrono::NaiveDate;
use serde::de::{self, Deserializer};

use super::text::{self, Text};

/// Reads `text` when it is in the form chrono writes for the years 0 to
/// 9999 (`YYYY-MM-DD`), or returns `None` for anything else, valid or not,
/// for chrono to judge.
pub fn parse_written(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let number = |from: usize, to: usize| {
        bytes[from..to].iter().try_fold(0_u32, |value, &byte| {
            byte.is_ascii_digit()
                .then(|| value * 10 + u32::from(byte - b'0'))
        })
    };
    let year = i32::try_from(number(0, 4)?).ok()?;
    NaiveDate::from_ymd_opt(year, number(5, 7)?, number(8, 10)?)
}

/// Dates read as chrono's `Deserialize` for `NaiveDate` reads them, with
/// its messages.
impl Text for NaiveDate {
    const EXPECTING: &'static str = "a formatted date string";

    fn parse<E: de::Error>(text: &str) -> Result<Self, E> {
        match parse_written(text) {
            Some(date) => Ok(date),
            None => text.parse::<NaiveDate>().map_err(E::custom),
        }
    }
}

/// `deserialize_with` for a `NaiveDate` field or newtype variant.
pub fn required<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
    text::required(deserializer)
}

/// `deserialize_with` for an `Option<NaiveDate>` field (`null` is `None`).
/// The field also needs `#[serde(default)]`, so that a missing field stays
/// `None`, as it is without `deserialize_with`.
pub fn optional<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<NaiveDate>, D::Error> {
    text::optional(deserializer)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn chrono_reads(text: &str) -> Option<NaiveDate> {
        serde_json::from_value::<NaiveDate>(serde_json::Value::String(text.into())).ok()
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn the_written_form_is_read_and_everything_else_is_left_to_chrono() {
        let cases: &[(&str, Option<NaiveDate>)] = &[
            ("2025-10-27", Some(d(2025, 10, 27))),
            ("2024-02-29", Some(d(2024, 2, 29))),
            ("0000-01-01", Some(d(0, 1, 1))),
            ("9999-12-31", Some(d(9999, 12, 31))),
            // Valid for chrono, but not in the written form: chrono reads them.
            ("+2025-10-27", None),
            ("2025-1-27", None),
            (" 2025-10-27", None),
            ("12025-10-27", None),
            // Not dates at all.
            ("2023-02-29", None),
            ("2025-13-01", None),
            ("2025-00-10", None),
            ("2025-10-00", None),
            ("2025/10/27", None),
            ("2025-10-2x", None),
            ("2025-10-27T00:00:00Z", None),
            ("", None),
        ];
        for (text, want) in cases {
            assert_eq!(parse_written(text), *want, "{text:?}");
        }
    }

    #[test]
    fn the_outcome_and_the_message_are_chrono_s() {
        for text in [
            "2025-10-27",
            "+2025-10-27",
            "2025-1-27",
            "2023-02-29",
            "2025-10-27T00:00:00Z",
            "yesterday",
            "",
        ] {
            let ours =
                <NaiveDate as Text>::parse::<serde_json::Error>(text).map_err(|e| e.to_string());
            let theirs =
                serde_json::from_value::<NaiveDate>(serde_json::Value::String(text.into()))
                    .map_err(|e| e.to_string());
            assert_eq!(ours, theirs, "{text:?}");
        }
    }

    #[derive(Debug, serde::Deserialize)]
    struct Probe {
        #[serde(deserialize_with = "required")]
        on: NaiveDate,
        #[serde(default, deserialize_with = "optional")]
        maybe: Option<NaiveDate>,
    }

    #[test]
    fn optional_reads_null_missing_and_present() {
        let read = |json: &str| serde_json::from_str::<Probe>(json).map(|p| (p.on, p.maybe));
        let on = d(2025, 1, 2);
        assert_eq!(read(r#"{"on":"2025-01-02"}"#).unwrap(), (on, None));
        assert_eq!(
            read(r#"{"on":"2025-01-02","maybe":null}"#).unwrap(),
            (on, None)
        );
        assert_eq!(
            read(r#"{"on":"2025-01-02","maybe":"+2025-01-02"}"#).unwrap(),
            (on, Some(on))
        );
        assert!(read(r#"{"on":"2025-01-02","maybe":3}"#).is_err());
        assert!(read(r#"{"maybe":null}"#).is_err());
    }

    proptest! {
        /// Law: whatever chrono writes for the years 0 to 9999, the fast
        /// path reads back to the same date.
        #[test]
        fn every_written_date_is_read_back(days in 0_i64..3_652_425) {
            let date = d(0, 1, 1) + chrono::Duration::days(days);
            let written = serde_json::to_value(date).unwrap();
            let text = written.as_str().unwrap();
            prop_assert_eq!(parse_written(text), Some(date), "{}", text);
        }

        /// Law: on strings of the written form, valid dates or not, the
        /// fast path reads exactly what chrono reads.
        #[test]
        fn the_fast_path_agrees_with_chrono(
            year in 0_u32..10_000,
            month in 0_u32..14,
            day in 0_u32..33,
        ) {
            let text = format!("{year:04}-{month:02}-{day:02}");
            prop_assert_eq!(parse_written(&text), chrono_reads(&text), "{}", text);
        }

        /// Law: a string not in the written form (four, two and two digits
        /// between two hyphens) is never read by the fast path, so chrono
        /// judges it.
        #[test]
        fn other_forms_are_left_to_chrono(
            text in "[+-]?[0-9]{1,6}-[0-9]{1,3}-[0-9]{1,3}( ?)",
        ) {
            let shape = text.char_indices().all(|(i, c)| match i {
                4 | 7 => c == '-',
                _ => c.is_ascii_digit(),
            });
            prop_assume!(!(text.len() == 10 && shape));
            prop_assert_eq!(parse_written(&text), None, "{}", text);
        }
    }
}
