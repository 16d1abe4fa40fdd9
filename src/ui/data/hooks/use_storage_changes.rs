//! `use_storage_changes`: another tab changed the stored document.

use leptos::prelude::*;

use crate::storage::events::{listen_for_changes, DocChange};
use crate::storage::StorageError;

/// Calls `on_change` when another tab changes the document (the `storage`
/// event, through the storage layer). If the listener cannot be added,
/// `on_error` gets the typed error. The listener is removed when the owner
/// is disposed.
pub fn use_storage_changes(
    on_change: impl Fn(DocChange) + 'static,
    on_error: impl FnOnce(StorageError),
) {
    match listen_for_changes(on_change) {
        Ok(listener) => {
            let kept = StoredValue::new_local(Some(listener));
            on_cleanup(move || {
                // Dropping the listener removes it from the window.
                let _ = kept.try_update_value(|l| l.take());
            });
        }
        Err(e) => on_error(e),
    }
}
