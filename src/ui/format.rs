//! Turning instants and durations into words for the person: local dates
//! and times in the browser's locale, and countdowns.
//!
//! The domain works in UTC; this is the one place that converts to the
//! person's local time, using the browser's time zone rules for the very
//! instant shown (so a date across a DST change is right).

use chrono::{DateTime, FixedOffset, Utc};

/// The browser's UTC offset at `instant` (it differs across a DST change).
pub fn local_offset_at(instant: DateTime<Utc>) -> FixedOffset {
    let date = js_sys::Date::new(&(instant.timestamp_millis() as f64).into());
    // getTimezoneOffset is UTC minus local, in minutes.
    let west_minutes = date.get_timezone_offset() as i32;
    FixedOffset::west_opt(west_minutes * 60)
        .unwrap_or_else(|| FixedOffset::east_opt(0).expect("zero offset"))
}

fn js_date(instant: DateTime<Utc>) -> js_sys::Date {
    js_sys::Date::new(&(instant.timestamp_millis() as f64).into())
}

/// The person's preferred language tag, as the browser reports it.
fn read_locale() -> String {
    web_sys::window()
        .and_then(|w| w.navigator().language())
        .unwrap_or_else(|| "en".to_string())
}

thread_local! {
    /// The language tag last read. Reading it crosses into JavaScript and
    /// copies a string for every date written (a list writes dozens), so it
    /// is read once and again after each `languagechange` event.
    static LOCALE: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
    /// Whether the `languagechange` listener is in place.
    static WATCHING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The person's preferred language tag (see [`LOCALE`]).
fn locale() -> String {
    if let Some(known) = LOCALE.with_borrow(Clone::clone) {
        return known;
    }
    let read = read_locale();
    if watch_language() {
        LOCALE.set(Some(read.clone()));
    }
    read
}

/// The language tag kept for the next dates, if any (the browser tests
/// check it is forgotten when the language changes).
pub fn kept_locale() -> Option<String> {
    LOCALE.with_borrow(Clone::clone)
}

/// Forgets the kept language tag whenever the browser's language changes.
/// Returns false when the listener cannot be set (then nothing is kept and
/// the tag is read for every date, as before).
fn watch_language() -> bool {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;

    if WATCHING.get() {
        return true;
    }
    let Some(window) = web_sys::window() else {
        return false;
    };
    let forget = Closure::<dyn Fn()>::new(|| LOCALE.set(None));
    let added = window
        .add_event_listener_with_callback("languagechange", forget.as_ref().unchecked_ref())
        .is_ok();
    if added {
        // The listener lives as long as the page.
        forget.forget();
        WATCHING.set(true);
    }
    added
}

fn options(pairs: &[(&str, &str)]) -> js_sys::Object {
    let object = js_sys::Object::new();
    for (key, value) in pairs {
        // Setting a plain string property on a fresh object cannot fail.
        let _ = js_sys::Reflect::set(&object, &(*key).into(), &(*value).into());
    }
    object
}

const TIME: &[(&str, &str)] = &[("hour", "numeric"), ("minute", "2-digit")];
const DATE: &[(&str, &str)] = &[("weekday", "short"), ("day", "numeric"), ("month", "short")];
const DATE_TIME: &[(&str, &str)] = &[
    ("weekday", "short"),
    ("day", "numeric"),
    ("month", "short"),
    ("hour", "numeric"),
    ("minute", "2-digit"),
];

/// Which of the three formats.
#[derive(Clone, Copy)]
enum Kind {
    Time = 0,
    Date = 1,
    DateTime = 2,
}

/// The formatters of [`time`], [`date`] and [`date_time`] for one locale,
/// each made the first time it is used.
struct Formatters {
    locale: String,
    made: [Option<js_sys::Function>; 3],
}

thread_local! {
    /// Made once per locale: building an `Intl.DateTimeFormat` costs far
    /// more than formatting with one, and `toLocaleString` with options
    /// builds one on every call (a list of reactions formats dozens).
    static FORMATTERS: std::cell::RefCell<Option<Formatters>> = const { std::cell::RefCell::new(None) };
}

/// Runs `f` with the formatter of `kind` for the person's locale, made the
/// first time it is needed.
fn with_formatter<T>(kind: Kind, f: impl FnOnce(&js_sys::Function) -> T) -> T {
    let locale = locale();
    FORMATTERS.with(|cell| {
        let mut cached = cell.borrow_mut();
        let formatters = match cached.as_mut() {
            Some(f) if f.locale == locale => f,
            _ => cached.insert(Formatters {
                locale: locale.clone(),
                made: [None, None, None],
            }),
        };
        let formatter = formatters.made[kind as usize].get_or_insert_with(|| {
            let pairs = match kind {
                Kind::Time => TIME,
                Kind::Date => DATE,
                Kind::DateTime => DATE_TIME,
            };
            let locales = js_sys::Array::of1(&locale.as_str().into());
            js_sys::Intl::DateTimeFormat::new(&locales, &options(pairs)).format()
        });
        f(formatter)
    })
}

/// Formats `instant` as `kind`, in the person's locale. Every option set
/// names both what to show and how, so the output is the same as
/// `toLocale{Time,Date,}String(locale, options)`.
fn format_as(instant: DateTime<Utc>, kind: Kind) -> String {
    with_formatter(kind, |formatter| {
        formatter
            .call1(&wasm_bindgen::JsValue::NULL, &js_date(instant))
            .ok()
            .and_then(|text| text.as_string())
            .unwrap_or_default()
    })
}

/// Makes the formatters of [`date`] and [`date_time`] now. The first
/// `Intl.DateTimeFormat` of a page costs about ten milliseconds; start-up
/// calls this while it waits for the network, so that Home's first dates
/// do not pay it. It changes nothing that is shown.
pub fn prepare() {
    with_formatter(Kind::Date, |_| ());
    with_formatter(Kind::DateTime, |_| ());
}

/// "14:05" (or "2:05 PM"), in the person's locale.
pub fn time(instant: DateTime<Utc>) -> String {
    format_as(instant, Kind::Time)
}

/// "Sat 21 Nov", in the person's locale.
pub fn date(instant: DateTime<Utc>) -> String {
    format_as(instant, Kind::Date)
}

/// "Sat 21 Nov, 14:05", in the person's locale.
pub fn date_time(instant: DateTime<Utc>) -> String {
    format_as(instant, Kind::DateTime)
}

/// A countdown to `until`, coarse enough to read at a glance: "2 days 4 h",
/// "3 h 12 min", "12 min", "45 s"; "now" once it has passed.
pub fn countdown(now: DateTime<Utc>, until: DateTime<Utc>) -> String {
    let seconds = (until - now).num_seconds();
    if seconds <= 0 {
        return "now".to_string();
    }
    let days = seconds / 86_400;
    let hours = (seconds % 86_400) / 3_600;
    let minutes = (seconds % 3_600) / 60;
    match (days, hours, minutes) {
        (0, 0, 0) => format!("{seconds} s"),
        (0, 0, m) => format!("{m} min"),
        (0, h, m) => format!("{h} h {m} min"),
        (1, h, _) => format!("1 day {h} h"),
        (d, h, _) => format!("{d} days {h} h"),
    }
}

/// A running timer's remaining time: "9:05", "0:42", "1:02:03".
pub fn clock(seconds: i64) -> String {
    let seconds = seconds.max(0);
    let (h, m, s) = (seconds / 3600, (seconds % 3600) / 60, seconds % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn countdowns_read_at_a_glance() {
        let now = Utc.with_ymd_and_hms(2026, 3, 1, 12, 0, 0).unwrap();
        let cases = [
            (-5, "now"),
            (0, "now"),
            (45, "45 s"),
            (60, "1 min"),
            (12 * 60 + 59, "12 min"),
            (3 * 3600 + 12 * 60, "3 h 12 min"),
            (86_400 + 4 * 3600, "1 day 4 h"),
            (72 * 3600 - 1, "2 days 23 h"),
            (72 * 3600, "3 days 0 h"),
        ];
        for (seconds, want) in cases {
            assert_eq!(
                countdown(now, now + chrono::Duration::seconds(seconds)),
                want,
                "{seconds}"
            );
        }
    }

    #[test]
    fn timers_show_minutes_and_seconds() {
        for (seconds, want) in [
            (-1, "0:00"),
            (0, "0:00"),
            (42, "0:42"),
            (545, "9:05"),
            (600, "10:00"),
            (3723, "1:02:03"),
        ] {
            assert_eq!(clock(seconds), want);
        }
    }
}
