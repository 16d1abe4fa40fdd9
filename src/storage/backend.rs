//! Where the store keeps its text: a small key-value trait with the
//! browser's `localStorage` and an in-memory map behind it.
//!
//! Invariants:
//! - No method panics: every browser failure comes back as a
//!   [`StorageError`]. A full quota is [`StorageError::QuotaExceeded`].
//! - [`LocalStorageBackend`] asks the window for `localStorage` on every
//!   call, so access that throws (private modes, a shadowed getter) is an
//!   error each time, never a cached handle.
//! - [`MemoryBackend`] is what the app runs on when storage is unavailable;
//!   tests also use it and [`FailingBackend`].

use std::cell::RefCell;
use std::collections::BTreeMap;

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

use super::StorageError;

/// A key-value store of text.
pub trait Backend {
    /// The text under `key`, if any.
    fn get(&self, key: &str) -> Result<Option<String>, StorageError>;
    /// Whether there is text under `key`, without reading it.
    fn contains(&self, key: &str) -> Result<bool, StorageError> {
        self.get(key).map(|text| text.is_some())
    }
    /// Stores `value` under `key`, all or nothing.
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError>;
    /// Removes `key`.
    fn remove(&self, key: &str) -> Result<(), StorageError>;
    /// Every key.
    fn keys(&self) -> Result<Vec<String>, StorageError>;
    /// Returns true for the in-memory fallback (nothing survives a reload).
    fn is_memory(&self) -> bool {
        false
    }
}

/// The browser's `localStorage`.
#[derive(Debug, Clone, Copy, Default)]
pub struct LocalStorageBackend;

impl LocalStorageBackend {
    /// The value under `key` as the browser holds it (a string, or null),
    /// not yet copied into the WASM.
    fn item(key: &str) -> Result<JsValue, StorageError> {
        Self::storage()?
            .unchecked_ref::<RawStorage>()
            .get_item(key)
            .map_err(|e| StorageError::Unavailable(describe(&e)))
    }

    fn storage() -> Result<web_sys::Storage, StorageError> {
        let window =
            web_sys::window().ok_or_else(|| StorageError::Unavailable("no window".into()))?;
        match window.local_storage() {
            Ok(Some(storage)) => Ok(storage),
            Ok(None) => Err(StorageError::Unavailable(
                "the browser offers no local storage".into(),
            )),
            Err(e) => Err(StorageError::Unavailable(describe(&e))),
        }
    }
}

impl Backend for LocalStorageBackend {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        let value = Self::item(key)?;
        if value.is_null() {
            return Ok(None);
        }
        utf8_of(&value).map(Some)
    }

    fn contains(&self, key: &str) -> Result<bool, StorageError> {
        Ok(!Self::item(key)?.is_null())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        Self::storage()?
            .set_item(key, value)
            .map_err(|e| write_error(&e))
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        Self::storage()?
            .remove_item(key)
            .map_err(|e| StorageError::WriteFailed(describe(&e)))
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        let storage = Self::storage()?;
        let len = storage
            .length()
            .map_err(|e| StorageError::Unavailable(describe(&e)))?;
        let mut keys = Vec::new();
        for i in 0..len {
            if let Some(key) = storage
                .key(i)
                .map_err(|e| StorageError::Unavailable(describe(&e)))?
            {
                keys.push(key);
            }
        }
        Ok(keys)
    }
}

#[wasm_bindgen]
extern "C" {
    /// `localStorage` seen through the one method read here.
    #[wasm_bindgen(js_name = Storage)]
    type RawStorage;

    /// `Storage.getItem`, its result left in JavaScript.
    #[wasm_bindgen(catch, method, js_name = getItem)]
    fn get_item(this: &RawStorage, key: &str) -> Result<JsValue, JsValue>;

    type TextEncoder;

    #[wasm_bindgen(constructor)]
    fn new() -> TextEncoder;

    /// `TextEncoder.encodeInto`: writes the UTF-8 bytes of a JavaScript
    /// string into `into`.
    #[wasm_bindgen(method, js_name = encodeInto)]
    fn encode_into(this: &TextEncoder, text: &JsValue, into: &js_sys::Uint8Array) -> Encoded;

    /// What `encodeInto` did.
    type Encoded;

    /// How many UTF-16 units it read.
    #[wasm_bindgen(method, getter)]
    fn read(this: &Encoded) -> u32;

    /// How many bytes it wrote.
    #[wasm_bindgen(method, getter)]
    fn written(this: &Encoded) -> u32;
}

/// The text of a JavaScript string, its UTF-8 bytes written straight into
/// the WASM's memory by the browser's encoder (a lone surrogate becomes
/// U+FFFD, as on wasm-bindgen's own path). wasm-bindgen's path for a
/// returned string walks it a character at a time in JavaScript first,
/// which for five years of data took several milliseconds on a cold page;
/// `TextEncoder.encode` would make a JavaScript copy of the bytes first.
fn utf8_of(value: &JsValue) -> Result<String, StorageError> {
    let units = value.unchecked_ref::<js_sys::JsString>().length() as usize;
    if units == 0 {
        return Ok(String::new());
    }
    let encoder = TextEncoder::new();
    // UTF-8 takes at most three bytes for one UTF-16 unit.
    let mut bytes: Vec<u8> = Vec::with_capacity(units * 3);
    // SAFETY: `encodeInto` writes only inside the view, which covers the
    // vector's capacity. The view can go stale before the call (holding it
    // as a JsValue may run the WASM's allocator, which may grow the memory
    // and detach the buffer under it); a stale view has no room, so nothing
    // is written then, and `read` says so.
    let encoded = unsafe {
        let into = js_sys::Uint8Array::view_mut_raw(bytes.as_mut_ptr(), bytes.capacity());
        encoder.encode_into(value, &into)
    };
    let read = encoded.read() as usize;
    let Some(written) = whole(units, read, encoded.written() as usize, bytes.capacity()) else {
        // Not all of it was written: wasm-bindgen's own path is always whole.
        return value
            .as_string()
            .ok_or_else(|| StorageError::Unavailable("stored value is not text".into()));
    };
    // SAFETY: `encodeInto` read the whole string, so it initialised the
    // first `written` bytes, within the capacity (`whole` checked both).
    unsafe { bytes.set_len(written) };
    bytes.shrink_to_fit();
    String::from_utf8(bytes)
        .map_err(|_| StorageError::Unavailable("stored text is not UTF-8".into()))
}

/// How many bytes `encodeInto` wrote, when it wrote the whole string of
/// `units` UTF-16 units (it `read` them all) within `capacity`; `None`
/// when it did not, as into a stale view, which has no room at all.
fn whole(units: usize, read: usize, written: usize, capacity: usize) -> Option<usize> {
    (read == units && written <= capacity).then_some(written)
}

/// Classifies a failed `setItem`.
fn write_error(e: &JsValue) -> StorageError {
    let name = e
        .dyn_ref::<web_sys::DomException>()
        .map(|d| d.name())
        .unwrap_or_default();
    if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
        StorageError::QuotaExceeded(describe(e))
    } else {
        StorageError::WriteFailed(describe(e))
    }
}

/// A readable description of a thrown value.
fn describe(e: &JsValue) -> String {
    if let Some(d) = e.dyn_ref::<web_sys::DomException>() {
        return format!("{}: {}", d.name(), d.message());
    }
    if let Some(err) = e.dyn_ref::<js_sys::Error>() {
        return String::from(err.message());
    }
    e.as_string().unwrap_or_else(|| format!("{e:?}"))
}

/// An in-memory store; nothing survives a reload.
#[derive(Debug, Default)]
pub struct MemoryBackend {
    map: RefCell<BTreeMap<String, String>>,
}

impl MemoryBackend {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }
}

impl Backend for MemoryBackend {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        Ok(self.map.borrow().get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.map.borrow_mut().insert(key.into(), value.into());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.map.borrow_mut().remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        Ok(self.map.borrow().keys().cloned().collect())
    }

    fn is_memory(&self) -> bool {
        true
    }
}

/// A store whose every call fails, as storage does in some private modes.
#[derive(Debug, Clone, Default)]
pub struct FailingBackend;

impl Backend for FailingBackend {
    fn get(&self, _: &str) -> Result<Option<String>, StorageError> {
        Err(StorageError::Unavailable("access denied".into()))
    }

    fn set(&self, _: &str, _: &str) -> Result<(), StorageError> {
        Err(StorageError::Unavailable("access denied".into()))
    }

    fn remove(&self, _: &str) -> Result<(), StorageError> {
        Err(StorageError::Unavailable("access denied".into()))
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        Err(StorageError::Unavailable("access denied".into()))
    }
}

impl<B: Backend + ?Sized> Backend for std::rc::Rc<B> {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        (**self).get(key)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        (**self).set(key, value)
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        (**self).remove(key)
    }

    fn contains(&self, key: &str) -> Result<bool, StorageError> {
        (**self).contains(key)
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        (**self).keys()
    }

    fn is_memory(&self) -> bool {
        (**self).is_memory()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_read_is_whole_only_when_every_unit_was_written_within_the_room() {
        // (units, read, written, capacity) -> bytes to keep.
        let cases = [
            ((10, 10, 10, 30), Some(10)), // ASCII
            ((10, 10, 30, 30), Some(30)), // three bytes per unit, exactly full
            ((2, 2, 4, 6), Some(4)),      // one emoji: two units, four bytes
            ((10, 0, 0, 0), None),        // a stale view: no room, nothing read
            ((10, 0, 0, 30), None),       // nothing read
            ((10, 7, 21, 30), None),      // cut short
            ((10, 10, 31, 30), None),     // more than the room
        ];
        for ((units, read, written, capacity), kept) in cases {
            assert_eq!(
                whole(units, read, written, capacity),
                kept,
                "units {units}, read {read}, written {written}, capacity {capacity}"
            );
        }
    }

    #[test]
    fn contains_is_whether_get_finds_text() {
        let memory = MemoryBackend::new();
        memory.set("empty", "").unwrap();
        memory.set("full", "text").unwrap();
        for key in ["empty", "full", "missing"] {
            assert_eq!(
                memory.contains(key),
                memory.get(key).map(|text| text.is_some()),
                "{key}"
            );
        }
        assert_eq!(memory.contains("missing"), Ok(false));
        assert_eq!(
            FailingBackend.contains("full"),
            FailingBackend.get("full").map(|t| t.is_some())
        );
    }
}
