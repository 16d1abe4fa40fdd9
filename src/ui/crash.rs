//! What the page says when the app stops. A panic ends the WASM (the
//! release build aborts), whether a bug caused it or a module of a screen
//! that could not be downloaded (the split's loader panics then). The hook
//! [`install`] sets still writes the panic to the console, and then puts a
//! notice at the top of the page: the app stopped, the saved data is safe,
//! and a link reloads the page.
//!
//! Invariants:
//! - The notice is plain DOM built here, with text set as text and a link
//!   to the page's own address: it needs none of the app's code, which can
//!   no longer run.
//! - It is shown once, however many panics are reported.
//! - It never writes to storage: a panic must not put saved data at risk.

use wasm_bindgen::JsCast;

use super::text::{STOPPED_BODY, STOPPED_RELOAD, STOPPED_TITLE};

/// The notice's id.
pub const NOTICE_ID: &str = "rw-stopped";

/// Sets the panic hook: the console message, then the notice.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_notice();
    }));
}

/// Puts the notice at the top of the page, unless it is there already.
/// Where there is no page (no window or body), it does nothing.
pub fn show_notice() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(document) = window.document() else {
        return;
    };
    if document.get_element_by_id(NOTICE_ID).is_some() {
        return;
    }
    let (Some(body), Ok(here)) = (document.body(), window.location().href()) else {
        return;
    };
    let element = |tag: &str, class: &str, text: &str| {
        document.create_element(tag).ok().inspect(|element| {
            element.set_class_name(class);
            element.set_text_content(Some(text));
        })
    };
    let (Some(notice), Some(title), Some(body_text), Some(reload)) = (
        element("div", "banner banner-alert stopped", ""),
        element("p", "stopped-title", STOPPED_TITLE),
        element("p", "", STOPPED_BODY),
        element("a", "button", STOPPED_RELOAD),
    ) else {
        return;
    };
    notice.set_id(NOTICE_ID);
    // Attributes with valid names do not fail to set.
    let _ = notice.set_attribute("role", "alert");
    let _ = reload.set_attribute("href", &here);
    for part in [&title, &body_text, &reload] {
        let _ = notice.append_child(part);
    }
    if body.prepend_with_node_1(&notice).is_ok() {
        // Keyboard and screen reader users land on the way out.
        if let Some(link) = reload.dyn_ref::<web_sys::HtmlElement>() {
            let _ = link.focus();
        }
    }
}
