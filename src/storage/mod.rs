//! The storage boundary: the only code in Rollwise that touches browser
//! storage (`localStorage`, the `storage` event, `navigator.storage`).
//! Everything above it sees typed results and typed errors.
//!
//! Layout:
//! - [`doc`]: [`AppDoc`], the document in domain types.
//! - [`format`]: the stored versions (`format::v2`, the current one, and
//!   `format::v1`, which migrates to it), decoding.
//! - [`validate`], [`merge`]: pure rules and merges.
//! - [`backup`], [`csv`]: export and import files.
//! - [`backend`], [`store`]: keys, start-up states, saving, two tabs.
//! - [`events`], [`persist`]: the `storage` event and persistence.
//!
//! Invariants:
//! - Everything but `backend::LocalStorageBackend`, `events`, `persist` and
//!   the helpers below is pure and tested natively; the clock is always a
//!   parameter (`now`).
//! - Serde types of the stored format live only in `format`.

pub mod backend;
pub mod backup;
pub mod csv;
pub mod doc;
pub mod events;
pub mod format;
pub mod merge;
pub mod persist;
pub mod store;
pub mod validate;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod proptests;
#[cfg(test)]
pub(crate) mod testdata;

pub use doc::AppDoc;

use gloo_storage::{LocalStorage, Storage};
use serde::{de::DeserializeOwned, Serialize};

/// Why a storage call failed. Callers report these; none is swallowed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageError {
    /// The browser refused access to storage (some private modes do).
    Unavailable(String),
    /// A write failed, for example because the quota is full.
    WriteFailed(String),
    /// The stored text could not be read as the expected type.
    Unreadable(String),
    /// A write failed because the storage quota is full.
    QuotaExceeded(String),
}

impl std::fmt::Display for StorageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Unavailable(why) => write!(f, "storage is unavailable: {why}"),
            Self::WriteFailed(why) => write!(f, "saving failed: {why}"),
            Self::Unreadable(why) => write!(f, "stored data is unreadable: {why}"),
            Self::QuotaExceeded(why) => write!(f, "storage is full: {why}"),
        }
    }
}

impl From<gloo_storage::errors::StorageError> for StorageError {
    fn from(err: gloo_storage::errors::StorageError) -> Self {
        use gloo_storage::errors::StorageError as E;
        match err {
            E::SerdeError(e) => Self::Unreadable(e.to_string()),
            E::KeyNotFound(key) => Self::Unreadable(format!("no value under {key}")),
            E::JsError(e) => Self::WriteFailed(e.to_string()),
        }
    }
}

/// Checks that `localStorage` can be reached. Some browsers throw on access
/// (private modes, blocked site data); gloo would panic there, so every entry
/// point asks this first.
pub fn available() -> Result<(), StorageError> {
    let window = web_sys::window().ok_or_else(|| StorageError::Unavailable("no window".into()))?;
    match window.local_storage() {
        Ok(Some(_)) => Ok(()),
        Ok(None) => Err(StorageError::Unavailable(
            "the browser offers no local storage".into(),
        )),
        Err(e) => Err(StorageError::Unavailable(format!("{e:?}"))),
    }
}

/// Writes `value` as JSON under `key` in `localStorage`.
pub fn write_json<T: Serialize>(key: &str, value: &T) -> Result<(), StorageError> {
    available()?;
    LocalStorage::set(key, value).map_err(StorageError::from)
}

/// Reads the JSON value under `key`; `Ok(None)` when there is none.
pub fn read_json<T: DeserializeOwned>(key: &str) -> Result<Option<T>, StorageError> {
    available()?;
    let raw = LocalStorage::raw();
    match raw.get_item(key) {
        Ok(None) => Ok(None),
        Ok(Some(text)) => serde_json::from_str(&text)
            .map(Some)
            .map_err(|e| StorageError::Unreadable(e.to_string())),
        Err(e) => Err(StorageError::Unavailable(format!("{e:?}"))),
    }
}
