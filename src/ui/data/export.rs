//! The downloads the data screens offer: backup, CSVs and raw text.

use chrono::{DateTime, Datelike, Local, NaiveDate, Utc};

use super::files::{download, FileError};
use crate::domain::time::{iso_date, month_name};
use crate::storage::backup;
use crate::storage::csv;
use crate::storage::doc::AppDoc;

/// Today's local date, for file names.
pub fn local_today() -> NaiveDate {
    Local::now().date_naive()
}

/// An instant as a local date in words ("3 March 2025").
pub fn local_date(at: DateTime<Utc>) -> String {
    let date = at.with_timezone(&Local).date_naive();
    format!("{} {} {}", date.day(), month_name(date), date.year())
}

/// Downloads a backup of `doc`; returns the file name.
pub fn backup_file(doc: &AppDoc) -> Result<String, FileError> {
    let name = backup::file_name(local_today());
    download(&name, "application/json", &backup::export(doc, Utc::now()))?;
    Ok(name)
}

/// Downloads the sessions CSV; returns the file name.
pub fn sessions_file(doc: &AppDoc) -> Result<String, FileError> {
    let name = csv::sessions_file_name(local_today());
    download(&name, "text/csv", &csv::sessions_csv(&doc.sessions))?;
    Ok(name)
}

/// Downloads the reactions CSV; returns the file name.
pub fn reactions_file(doc: &AppDoc) -> Result<String, FileError> {
    let name = csv::reactions_file_name(local_today());
    download(
        &name,
        "text/csv",
        &csv::reactions_csv(&doc.reactions, &doc.notes),
    )?;
    Ok(name)
}

/// Downloads stored text exactly as it was; returns the file name.
pub fn raw_file(raw: &str) -> Result<String, FileError> {
    let name = format!("rollwise-raw-data-{}.txt", iso_date(local_today()));
    download(&name, "text/plain", raw)?;
    Ok(name)
}
