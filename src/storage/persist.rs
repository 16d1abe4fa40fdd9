//! Persistent storage: asking the browser not to evict the app's data
//! (`navigator.storage.persist()`), and reading whether it agreed.
//!
//! Invariants:
//! - A browser without the Storage API gives [`Persistence::Unsupported`],
//!   never an error or a panic.

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

use super::StorageError;

/// What the browser says about keeping the data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Persistence {
    /// The browser keeps the data unless the person clears it.
    Granted,
    /// The browser may evict the data under storage pressure.
    Denied,
    /// The browser has no Storage API.
    Unsupported,
}

fn manager() -> Result<Option<web_sys::StorageManager>, StorageError> {
    let window = web_sys::window().ok_or_else(|| StorageError::Unavailable("no window".into()))?;
    let navigator = window.navigator();
    let has = js_sys::Reflect::get(&navigator, &JsValue::from_str("storage"))
        .map(|v| !v.is_undefined() && !v.is_null())
        .unwrap_or(false);
    Ok(has.then(|| navigator.storage()))
}

async fn ask(promise: Result<js_sys::Promise, JsValue>) -> Result<Persistence, StorageError> {
    let promise = promise.map_err(|e| StorageError::Unavailable(format!("{e:?}")))?;
    let granted = JsFuture::from(promise)
        .await
        .map_err(|e| StorageError::Unavailable(format!("{e:?}")))?;
    Ok(if granted.as_bool() == Some(true) {
        Persistence::Granted
    } else {
        Persistence::Denied
    })
}

/// Asks the browser to keep the data (`navigator.storage.persist()`).
pub async fn request() -> Result<Persistence, StorageError> {
    match manager()? {
        None => Ok(Persistence::Unsupported),
        Some(m) => ask(m.persist()).await,
    }
}

/// Whether the browser already keeps the data (`persisted()`).
pub async fn status() -> Result<Persistence, StorageError> {
    match manager()? {
        None => Ok(Persistence::Unsupported),
        Some(m) => ask(m.persisted()).await,
    }
}
