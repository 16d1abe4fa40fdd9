//! The `storage` event: another tab of the app changed `localStorage`.
//!
//! Invariants:
//! - A listener is removed when its [`ChangeListener`] is dropped, so a
//!   caller ties the listener's life to its owner by keeping the value.
//! - Only changes that concern the document reach the callback: its key,
//!   or `clear()` (which has no key).

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::store::DOC_KEY;
use super::StorageError;

/// A change of the stored document made by another tab.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocChange {
    /// The new text; `None` when it was removed.
    pub new_value: Option<String>,
}

/// A live `storage` event listener, removed on drop.
pub struct ChangeListener {
    window: web_sys::Window,
    closure: Closure<dyn FnMut(web_sys::StorageEvent)>,
}

impl Drop for ChangeListener {
    fn drop(&mut self) {
        let _ = self
            .window
            .remove_event_listener_with_callback("storage", self.closure.as_ref().unchecked_ref());
    }
}

/// Returns true when a change of `key` concerns the document.
pub fn concerns_doc(key: Option<&str>) -> bool {
    key.is_none_or(|k| k == DOC_KEY)
}

/// Calls `on_change` for every change of the document made by another tab.
pub fn listen_for_changes(
    on_change: impl Fn(DocChange) + 'static,
) -> Result<ChangeListener, StorageError> {
    let window = web_sys::window().ok_or_else(|| StorageError::Unavailable("no window".into()))?;
    let closure =
        Closure::<dyn FnMut(web_sys::StorageEvent)>::new(move |event: web_sys::StorageEvent| {
            if concerns_doc(event.key().as_deref()) {
                on_change(DocChange {
                    new_value: event.new_value(),
                });
            }
        });
    window
        .add_event_listener_with_callback("storage", closure.as_ref().unchecked_ref())
        .map_err(|e| StorageError::Unavailable(format!("{e:?}")))?;
    Ok(ChangeListener { window, closure })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_document_keys_concern_the_document() {
        let table = [
            (Some(DOC_KEY), true),
            (None, true),
            (Some("rollwise.data.unreadable"), false),
            (Some("other"), false),
        ];
        for (key, expected) in table {
            assert_eq!(concerns_doc(key), expected, "{key:?}");
        }
    }
}
