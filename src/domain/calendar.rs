//! Calendar files (RFC 5545 iCalendar) for reminders: the next session and
//! "actives OK again" after a session.
//!
//! Invariants:
//! - Nothing here reads the clock: `now` (the `DTSTAMP`) is a parameter.
//! - Every line ends with CRLF and is at most 75 octets; longer content
//!   lines are folded with CRLF and one space, never inside a UTF-8
//!   character.
//! - TEXT values escape `\`, `;`, `,` and newlines (`\n`); a CR or CRLF is a
//!   newline, and other ASCII control characters (not allowed in TEXT) are
//!   dropped. Every other character is kept, so a parser gets the text back.
//! - Every instant is written in UTC (`YYYYMMDDTHHMMSSZ`).
//! - A reminder keeps its `UID` when it is rescheduled; only its `SEQUENCE`
//!   grows, so calendars update the event instead of adding a second one.
//!
//! Wording (summary, description) is the caller's: the UI's text module
//! owns every word shown to the person.

use chrono::{DateTime, Duration, Utc};

/// An instant as an RFC 5545 UTC date-time: `20260309T092000Z`.
pub use super::time::utc_stamp;

/// The product identifier written in every file.
pub const PRODID: &str = "-//Rollwise//Rollwise reminders//EN";
/// The domain part of every `UID`.
pub const UID_DOMAIN: &str = "rollwise.local";
/// The longest line, in octets, not counting the CRLF (RFC 5545 §3.1).
pub const MAX_LINE_OCTETS: usize = 75;
/// How long a reminder event lasts in the calendar.
pub const EVENT_LENGTH: Duration = Duration::minutes(30);
/// The MIME type of a calendar file.
pub const MIME: &str = "text/calendar";

/// An alarm on an event (`VALARM` with `ACTION:DISPLAY`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alarm {
    /// How long before the start the alarm fires, in minutes (0: at the
    /// start).
    pub lead_minutes: u32,
    /// What the alarm shows.
    pub description: String,
}

/// One event (`VEVENT`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// Stable across reschedules of the same reminder; see [`next_session_uid`].
    pub uid: String,
    /// Grows with every reschedule of the same `uid`.
    pub sequence: u64,
    /// When it starts.
    pub start: DateTime<Utc>,
    /// How long it lasts (written as `DTEND`).
    pub length: Duration,
    /// The title.
    pub summary: String,
    /// The details, may hold several lines.
    pub description: String,
    /// The alarm, if any.
    pub alarm: Option<Alarm>,
}

/// The `UID` of the reminder for the session after the one that ended at
/// `last_session_end`: the same for every reschedule of that reminder, and a
/// new one once another session is recorded.
pub fn next_session_uid(last_session_end: DateTime<Utc>) -> String {
    format!(
        "next-session-after-{}@{UID_DOMAIN}",
        utc_stamp(last_session_end)
    )
}

/// The `UID` of the "actives OK again" event of the session that ended at
/// `session_end` (one per session).
pub fn actives_ok_uid(session_end: DateTime<Utc>) -> String {
    format!("actives-ok-after-{}@{UID_DOMAIN}", utc_stamp(session_end))
}

/// A TEXT value escaped for a content line (RFC 5545 §3.3.11).
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                // CRLF is one newline; a lone CR is one too.
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\t' => out.push('\t'),
            c if c.is_ascii_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// What a parser gives back for `text` after [`escape_text`]: newlines for
/// CR and CRLF, other ASCII control characters (but tab) dropped.
pub fn normalise_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\n' | '\t' => out.push(c),
            c if c.is_ascii_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds one content line (without its CRLF) into lines of at most
/// [`MAX_LINE_OCTETS`] octets, each break a CRLF and one space, never inside
/// a character. The result has no final CRLF.
pub fn fold_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3);
    // The first line holds 75 octets; each continuation starts with a space.
    let mut room = MAX_LINE_OCTETS;
    for c in line.chars() {
        let len = c.len_utf8();
        if len > room {
            out.push_str("\r\n ");
            room = MAX_LINE_OCTETS - 1;
        }
        out.push(c);
        room -= len;
    }
    out
}

/// Builds a calendar file line by line.
struct Writer {
    out: String,
}

impl Writer {
    fn line(&mut self, name: &str, value: &str) {
        self.out.push_str(&fold_line(&format!("{name}:{value}")));
        self.out.push_str("\r\n");
    }

    fn text(&mut self, name: &str, value: &str) {
        self.line(name, &escape_text(value));
    }
}

/// The alarm trigger for a lead time: `-PT60M`, or `PT0S` at the start.
pub fn trigger(lead_minutes: u32) -> String {
    if lead_minutes == 0 {
        "PT0S".to_string()
    } else {
        format!("-PT{lead_minutes}M")
    }
}

/// A complete calendar file (`METHOD:PUBLISH`) holding `events`, stamped
/// at `now`.
pub fn calendar(events: &[Event], now: DateTime<Utc>) -> String {
    let mut w = Writer { out: String::new() };
    w.line("BEGIN", "VCALENDAR");
    w.line("VERSION", "2.0");
    w.line("PRODID", PRODID);
    w.line("CALSCALE", "GREGORIAN");
    w.line("METHOD", "PUBLISH");
    for event in events {
        w.line("BEGIN", "VEVENT");
        w.line("UID", &event.uid);
        w.line("DTSTAMP", &utc_stamp(now));
        w.line("DTSTART", &utc_stamp(event.start));
        w.line("DTEND", &utc_stamp(event.start + event.length));
        w.line("SEQUENCE", &event.sequence.to_string());
        w.text("SUMMARY", &event.summary);
        w.text("DESCRIPTION", &event.description);
        w.line("TRANSP", "TRANSPARENT");
        if let Some(alarm) = &event.alarm {
            w.line("BEGIN", "VALARM");
            w.line("ACTION", "DISPLAY");
            w.text("DESCRIPTION", &alarm.description);
            w.line("TRIGGER", &trigger(alarm.lead_minutes));
            w.line("END", "VALARM");
        }
        w.line("END", "VEVENT");
    }
    w.line("END", "VCALENDAR");
    w.out
}

/// A file name for a calendar file: `rollwise-<what>-20260309.ics`.
pub fn file_name(what: &str, start: DateTime<Utc>) -> String {
    format!("rollwise-{what}-{}.ics", start.format("%Y%m%d"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use icalendar::parser::{read_calendar, unfold, Component};

    fn at(d: u32, h: u32, m: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, d, h, m, 0).unwrap()
    }

    fn event(description: &str, sequence: u64, start: DateTime<Utc>) -> Event {
        Event {
            uid: next_session_uid(at(2, 9, 20)),
            sequence,
            start,
            length: EVENT_LENGTH,
            summary: "Rollwise: next dermaroller session".to_string(),
            description: description.to_string(),
            alarm: Some(Alarm {
                lead_minutes: 60,
                description: "Rollwise: session in 1 hour; check your skin first".to_string(),
            }),
        }
    }

    const LONG: &str = "Get ready: 70 % isopropyl alcohol for a 10-minute soak, clean hands, a gentle cleanser; plain hyaluronic acid. Skin on the décolletage counts too 🙂 — check it first.\nBack\\slash and \"quotes\".";

    fn lines(ics: &str) -> Vec<&str> {
        assert!(ics.ends_with("\r\n"), "the last line ends with CRLF");
        ics[..ics.len() - 2].split("\r\n").collect()
    }

    /// The parsed VEVENT of a file with one event.
    fn parsed_event<'a>(cal: &'a icalendar::parser::Calendar<'a>) -> &'a Component<'a> {
        let events: Vec<_> = cal
            .components
            .iter()
            .filter(|c| c.name.as_str() == "VEVENT")
            .collect();
        assert_eq!(events.len(), 1);
        events[0]
    }

    fn prop<'a>(c: &'a Component<'a>, name: &str) -> String {
        c.find_prop(name)
            .unwrap_or_else(|| panic!("{name} missing"))
            .val
            .as_str()
            .to_string()
    }

    #[test]
    fn every_line_ends_crlf_and_fits_75_octets() {
        let ics = calendar(&[event(LONG, 3, at(9, 8, 0))], at(3, 10, 0));
        assert!(!ics.replace("\r\n", "").contains('\n'), "no bare LF");
        assert!(!ics.replace("\r\n", "").contains('\r'), "no bare CR");
        for line in lines(&ics) {
            assert!(
                line.len() <= MAX_LINE_OCTETS,
                "{} octets: {line:?}",
                line.len()
            );
        }
        let first: Vec<_> = lines(&ics).into_iter().take(5).collect();
        assert_eq!(
            first,
            [
                "BEGIN:VCALENDAR",
                "VERSION:2.0",
                &format!("PRODID:{PRODID}"),
                "CALSCALE:GREGORIAN",
                "METHOD:PUBLISH"
            ]
        );
        assert!(ics.ends_with("END:VEVENT\r\nEND:VCALENDAR\r\n"));
    }

    #[test]
    fn folding_keeps_characters_whole() {
        // Table: (line, expected number of physical lines).
        let table: [(String, usize); 6] = [
            (String::new(), 1),
            ("a".repeat(75), 1),
            ("a".repeat(76), 2),
            ("a".repeat(75 + 74), 2),
            ("a".repeat(75 + 75), 3),
            ("é".repeat(100), 3), // 200 octets: 74 + 74 + 52 (2-octet chars)
        ];
        for (line, want) in table {
            let folded = fold_line(&line);
            let parts: Vec<&str> = folded.split("\r\n").collect();
            assert_eq!(parts.len(), want, "{} octets", line.len());
            for (i, part) in parts.iter().enumerate() {
                assert!(part.len() <= MAX_LINE_OCTETS);
                assert_eq!(
                    i > 0,
                    part.starts_with(' '),
                    "continuations start with a space"
                );
            }
            assert_eq!(
                folded.replace("\r\n ", ""),
                line,
                "unfolding gives the line back"
            );
        }
        // A 4-octet emoji that would straddle octet 75 moves to the next line.
        let line = format!("{}🙂tail", "x".repeat(73));
        let folded = fold_line(&line);
        assert_eq!(folded, format!("{}\r\n 🙂tail", "x".repeat(73)));
        // "décolletage" across the boundary: é is never split.
        let line = format!("{}décolletage", "x".repeat(74));
        assert_eq!(
            fold_line(&line),
            format!("{}d\r\n écolletage", "x".repeat(74))
        );
        let line = format!("{}décolletage", "x".repeat(73));
        assert_eq!(
            fold_line(&line),
            format!("{}d\r\n écolletage", "x".repeat(73)),
            "é (2 octets) does not fit in the 1 octet left"
        );
    }

    #[test]
    fn long_description_folds_and_unfolds() {
        let ics = calendar(&[event(LONG, 0, at(9, 8, 0))], at(3, 10, 0));
        let description_lines: Vec<&str> = lines(&ics)
            .into_iter()
            .skip_while(|l| !l.starts_with("DESCRIPTION:"))
            .take_while(|l| l.starts_with("DESCRIPTION:") || l.starts_with(' '))
            .collect();
        assert!(description_lines.len() > 2, "{description_lines:?}");
        let joined: String = description_lines
            .iter()
            .enumerate()
            .map(|(i, l)| if i == 0 { *l } else { &l[1..] })
            .collect();
        assert_eq!(joined, format!("DESCRIPTION:{}", escape_text(LONG)));
    }

    #[test]
    fn text_escaping() {
        let table = [
            ("plain", "plain"),
            ("a,b", "a\\,b"),
            ("a;b", "a\\;b"),
            ("back\\slash", "back\\\\slash"),
            ("one\ntwo", "one\\ntwo"),
            ("one\r\ntwo", "one\\ntwo"),
            ("one\rtwo", "one\\ntwo"),
            ("tab\tbell\u{7}", "tab\tbell"),
            ("colon: \"ok\"", "colon: \"ok\""),
            ("décolletage 🙂", "décolletage 🙂"),
            ("\\n is not a newline", "\\\\n is not a newline"),
        ];
        for (input, want) in table {
            assert_eq!(escape_text(input), want, "{input:?}");
        }
    }

    #[test]
    fn instants_are_utc_and_trigger_uses_the_lead() {
        let ics = calendar(&[event("x", 0, at(9, 8, 0))], at(3, 10, 5));
        let all = lines(&ics);
        assert!(all.contains(&"DTSTAMP:20260303T100500Z"));
        assert!(all.contains(&"DTSTART:20260309T080000Z"));
        assert!(all.contains(&"DTEND:20260309T083000Z"));
        assert!(all.contains(&"TRIGGER:-PT60M"));
        assert!(all.contains(&"ACTION:DISPLAY"));
        for (lead, want) in [
            (0, "PT0S"),
            (1, "-PT1M"),
            (60, "-PT60M"),
            (1440, "-PT1440M"),
        ] {
            assert_eq!(trigger(lead), want);
        }
        // Offsets never leak in: a +05:30 instant is written in UTC.
        let local = chrono::FixedOffset::east_opt(5 * 3600 + 1800)
            .unwrap()
            .with_ymd_and_hms(2026, 3, 9, 9, 0, 0)
            .unwrap();
        assert_eq!(utc_stamp(local.with_timezone(&Utc)), "20260309T033000Z");
    }

    #[test]
    fn round_trip_through_a_real_parser() {
        let ics = calendar(&[event(LONG, 4, at(9, 8, 0))], at(3, 10, 0));
        let unfolded = unfold(&ics);
        let cal = read_calendar(&unfolded).expect("parses");
        let root: std::collections::HashMap<_, _> = cal
            .properties
            .iter()
            .map(|p| (p.name.as_str().to_string(), p.val.as_str().to_string()))
            .collect();
        assert_eq!(root["VERSION"], "2.0");
        assert_eq!(root["PRODID"], PRODID);
        assert_eq!(root["METHOD"], "PUBLISH");
        assert_eq!(root["CALSCALE"], "GREGORIAN");
        let e = parsed_event(&cal);
        assert_eq!(
            prop(e, "UID"),
            "next-session-after-20260302T092000Z@rollwise.local"
        );
        assert_eq!(prop(e, "SEQUENCE"), "4");
        assert_eq!(prop(e, "DTSTART"), "20260309T080000Z");
        assert_eq!(prop(e, "SUMMARY"), "Rollwise: next dermaroller session");
        assert_eq!(prop(e, "DESCRIPTION"), LONG, "unescaped and unfolded");
        let alarms: Vec<_> = e
            .components
            .iter()
            .filter(|c| c.name.as_str() == "VALARM")
            .collect();
        assert_eq!(alarms.len(), 1);
        assert_eq!(prop(alarms[0], "ACTION"), "DISPLAY");
        assert_eq!(prop(alarms[0], "TRIGGER"), "-PT60M");
        assert_eq!(
            prop(alarms[0], "DESCRIPTION"),
            "Rollwise: session in 1 hour; check your skin first"
        );
        // The typed model reads it too.
        let typed: icalendar::Calendar = ics.parse().expect("typed parse");
        assert_eq!(typed.components.len(), 1);
    }

    #[test]
    fn rescheduling_keeps_the_uid_and_raises_the_sequence() {
        let first = calendar(&[event("x", 1, at(9, 8, 0))], at(3, 10, 0));
        let second = calendar(&[event("x", 2, at(10, 18, 30))], at(4, 10, 0));
        let parse = |ics: &str| {
            let unfolded = unfold(ics);
            let cal = read_calendar(&unfolded).expect("parses");
            let e = parsed_event(&cal);
            (
                prop(e, "UID"),
                prop(e, "SEQUENCE").parse::<u64>().unwrap(),
                prop(e, "DTSTART"),
            )
        };
        let (uid1, seq1, start1) = parse(&first);
        let (uid2, seq2, start2) = parse(&second);
        assert_eq!(uid1, uid2);
        assert!(seq2 > seq1);
        assert_ne!(start1, start2);
        // Another session recorded: a new reminder, a new UID; actives
        // events have their own UID per session.
        assert_ne!(
            next_session_uid(at(2, 9, 20)),
            next_session_uid(at(9, 9, 0))
        );
        assert_ne!(next_session_uid(at(2, 9, 20)), actives_ok_uid(at(2, 9, 20)));
        assert_eq!(actives_ok_uid(at(2, 9, 20)), actives_ok_uid(at(2, 9, 20)));
    }

    #[test]
    fn event_without_alarm_and_file_names() {
        let mut e = event("x", 0, at(5, 9, 20));
        e.alarm = None;
        let ics = calendar(&[e], at(3, 10, 0));
        assert!(!ics.contains("VALARM"));
        assert_eq!(
            file_name("next-session", at(9, 8, 0)),
            "rollwise-next-session-20260309.ics"
        );
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        fn parsed_description(text: &str) -> String {
            let ics = calendar(&[event(text, 0, at(9, 8, 0))], at(3, 10, 0));
            for line in lines(&ics) {
                assert!(line.len() <= MAX_LINE_OCTETS);
            }
            let unfolded = unfold(&ics);
            let cal = read_calendar(&unfolded).expect("parses");
            prop(parsed_event(&cal), "DESCRIPTION")
        }

        proptest! {
            /// Any text survives escape + fold → unfold + parse, up to the
            /// documented normalisation of control characters.
            #[test]
            fn any_description_survives(text in any::<String>()) {
                prop_assert_eq!(parsed_description(&text), normalise_text(&text));
            }

            /// Text without control characters (but newline and tab)
            /// comes back exactly.
            #[test]
            fn text_comes_back_exactly(
                text in "([^\\x00-\\x1F\\x7F]|\\n|\\t|é|🙂|[,;\\\\]){0,300}"
            ) {
                prop_assert_eq!(parsed_description(&text), text);
            }
        }
    }
}
