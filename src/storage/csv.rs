//! CSV exports of sessions and reactions, for a spreadsheet or a clinician.
//!
//! Invariants:
//! - Output follows RFC 4180: CRLF line ends, a header row, and a cell with
//!   a comma, quote, CR or LF is quoted with inner quotes doubled.
//! - No cell can run as a spreadsheet formula: a cell starting with `=`,
//!   `+`, `-`, `@`, a tab or a carriage return gets a leading `'`.
//! - Instants are RFC 3339 in UTC; lists of zones are joined with `;`.

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};

use std::collections::BTreeMap;

use crate::domain::time::iso_date;
use crate::domain::{Reaction, ReactionId, ReactionStatus, Session, Zone};

/// The file name of the sessions CSV made on `local_date`.
pub fn sessions_file_name(local_date: NaiveDate) -> String {
    format!("rollwise-sessions-{}.csv", iso_date(local_date))
}

/// The file name of the reactions CSV made on `local_date`.
pub fn reactions_file_name(local_date: NaiveDate) -> String {
    format!("rollwise-reactions-{}.csv", iso_date(local_date))
}

/// The sessions as CSV.
pub fn sessions_csv(sessions: &[Session]) -> String {
    let header = [
        "id",
        "started_at",
        "ended_at",
        "needle_mm",
        "zones_completed",
        "zones_stopped_bleeding",
        "disinfected_before",
        "disinfected_after",
    ];
    let rows = sessions.iter().map(|s| {
        vec![
            s.id.0.to_string(),
            instant(s.started_at),
            instant(s.ended_at),
            millimetres(s.needle.micrometres()),
            zones(&s.zones_completed),
            zones(&s.zones_stopped_bleeding),
            s.disinfected_before.to_string(),
            s.disinfected_after.to_string(),
        ]
    });
    table(&header, rows)
}

/// The reactions as CSV.
pub fn reactions_csv(reactions: &[Reaction], notes: &BTreeMap<ReactionId, String>) -> String {
    let header = [
        "id",
        "kind",
        "severity",
        "zones",
        "noticed_at",
        "session_id",
        "status",
        "status_at",
        "worsening",
        "note",
    ];
    let rows = reactions.iter().map(|r| {
        let (status, at) = match r.status {
            ReactionStatus::StillPresent => ("still_present", None),
            ReactionStatus::Resolved(at) => ("resolved", Some(at)),
            ReactionStatus::ClearedByClinician(at) => ("cleared_by_clinician", Some(at)),
        };
        vec![
            r.id.0.to_string(),
            serde_key(&r.kind),
            serde_key(&r.severity),
            zones(&r.zones),
            instant(r.noticed_at),
            r.session.map(|s| s.0.to_string()).unwrap_or_default(),
            status.to_string(),
            at.map(instant).unwrap_or_default(),
            r.worsening.to_string(),
            notes.get(&r.id).cloned().unwrap_or_default(),
        ]
    });
    table(&header, rows)
}

/// Joins a header and rows into CSV text.
fn table(header: &[&str], rows: impl Iterator<Item = Vec<String>>) -> String {
    let mut out = String::new();
    push_row(&mut out, header.iter().copied());
    for row in rows {
        push_row(&mut out, row.iter().map(String::as_str));
    }
    out
}

fn push_row<'a>(out: &mut String, cells: impl Iterator<Item = &'a str>) {
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&cell_text(cell));
    }
    out.push_str("\r\n");
}

/// One cell: neutralised against formulas, then quoted if needed.
pub fn cell_text(cell: &str) -> String {
    let neutral = if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    };
    if neutral.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", neutral.replace('"', "\"\""))
    } else {
        neutral
    }
}

fn instant(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

fn millimetres(um: u16) -> String {
    format!("{}.{:03}", um / 1000, um % 1000)
        .trim_end_matches('0')
        .trim_end_matches('.')
        .to_string()
}

fn zones(zones: &[Zone]) -> String {
    zones.iter().map(|z| z.key()).collect::<Vec<_>>().join(";")
}

/// The snake_case name serde gives a unit variant.
fn serde_key<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

#[cfg(test)]
mod note_tests {
    use super::*;
    use crate::storage::testdata::full_doc;

    #[test]
    fn the_reactions_csv_carries_notes_as_neutral_text() {
        let mut doc = full_doc();
        let id = doc.reactions[0].id;
        doc.notes
            .insert(id, "=HYPERLINK(\"x\"), then a comma".into());
        let csv = reactions_csv(&doc.reactions, &doc.notes);
        assert!(csv.lines().next().unwrap().ends_with(",note"));
        assert!(
            csv.contains("\"'=HYPERLINK(\"\"x\"\"), then a comma\""),
            "{csv}"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::testdata::{full_doc, t};

    #[test]
    fn cells_are_quoted_and_neutralised() {
        let table = [
            ("plain", "plain"),
            ("a,b", "\"a,b\""),
            ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("two\nlines", "\"two\nlines\""),
            ("=1+1", "'=1+1"),
            ("+SUM(A1)", "'+SUM(A1)"),
            ("-2", "'-2"),
            ("@cmd", "'@cmd"),
            ("\tx", "'\tx"),
            ("=a,b", "\"'=a,b\""),
            ("", ""),
        ];
        for (input, expected) in table {
            assert_eq!(cell_text(input), expected, "{input:?}");
        }
    }

    #[test]
    fn needle_lengths_are_millimetres() {
        let table = [
            (500, "0.5"),
            (250, "0.25"),
            (1000, "1"),
            (0, "0"),
            (1505, "1.505"),
        ];
        for (um, mm) in table {
            assert_eq!(millimetres(um), mm);
        }
    }

    #[test]
    fn sessions_csv_has_a_header_and_one_line_per_session() {
        let doc = full_doc();
        let csv = sessions_csv(&doc.sessions);
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(lines.len(), doc.sessions.len() + 2, "{csv}");
        assert!(lines[0].starts_with("id,started_at,"));
        assert!(lines[1].starts_with(&format!("1,{},", instant(t(0)))));
        assert!(lines[1].contains(",forehead;nose,"), "{}", lines[1]);
        assert_eq!(lines.last(), Some(&""));
    }

    #[test]
    fn reactions_csv_names_kinds_and_status() {
        let doc = full_doc();
        let csv = reactions_csv(&doc.reactions, &doc.notes);
        assert!(csv.contains(",redness,mild,"), "{csv}");
        assert!(csv.contains(",resolved,"), "{csv}");
        assert!(csv.contains(",still_present,,"), "{csv}");
        assert_eq!(csv.matches("\r\n").count(), doc.reactions.len() + 1);
    }

    #[test]
    fn file_names_use_the_local_date() {
        let date = NaiveDate::from_ymd_opt(2025, 12, 31).unwrap();
        assert_eq!(sessions_file_name(date), "rollwise-sessions-2025-12-31.csv");
        assert_eq!(
            reactions_file_name(date),
            "rollwise-reactions-2025-12-31.csv"
        );
    }
}
