//! Files in and out: downloads through a Blob and a temporary
//! `<a download>`, and reading a chosen file's text.
//!
//! Invariants:
//! - Every object URL made here is revoked once the download has started.
//! - A file larger than the backup limit is refused before it is read.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::storage::backup::MAX_BACKUP_BYTES;

/// Why a file could not be written or read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileError {
    /// The browser refused an operation; the text says which.
    Browser(String),
    /// The chosen file is larger than the backup limit (bytes).
    TooLarge(u64),
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Browser(why) => write!(f, "{why}"),
            Self::TooLarge(bytes) => write!(f, "the file is {bytes} bytes"),
        }
    }
}

fn browser(what: &str) -> impl Fn(JsValue) -> FileError + '_ {
    move |e| FileError::Browser(format!("{what}: {e:?}"))
}

/// Offers `text` as a download named `file_name`.
pub fn download(file_name: &str, mime: &str, text: &str) -> Result<(), FileError> {
    let window = web_sys::window().ok_or_else(|| FileError::Browser("no window".into()))?;
    let document = window
        .document()
        .ok_or_else(|| FileError::Browser("no document".into()))?;
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(browser("blob"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(browser("url"))?;
    let result = click_link(&document, &url, file_name);
    // Revoke after the click has handed the URL to the download manager.
    let revoke = url.clone();
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&revoke);
        },
        std::time::Duration::from_secs(1),
    );
    result
}

fn click_link(document: &web_sys::Document, url: &str, file_name: &str) -> Result<(), FileError> {
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(browser("link"))?
        .dyn_into()
        .map_err(|_| FileError::Browser("link".into()))?;
    anchor.set_href(url);
    anchor.set_download(file_name);
    anchor.set_hidden(true);
    let body = document
        .body()
        .ok_or_else(|| FileError::Browser("no body".into()))?;
    body.append_child(&anchor).map_err(browser("append"))?;
    anchor.click();
    anchor.remove();
    Ok(())
}

/// Reads the text of a chosen file, refusing one over the backup limit.
pub async fn read_text(file: web_sys::File) -> Result<String, FileError> {
    let size = file.size();
    if size > MAX_BACKUP_BYTES as f64 {
        return Err(FileError::TooLarge(size as u64));
    }
    let text = JsFuture::from(file.text()).await.map_err(browser("read"))?;
    text.as_string()
        .ok_or_else(|| FileError::Browser("the file is not text".into()))
}
