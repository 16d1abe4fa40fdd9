//! The pre-rendered first screen. A first visit on a slow network would see
//! a blank page until the WASM has arrived and run; instead, `index.html`
//! carries the markup of the start page of a first visit (the welcome),
//! rendered by the built app itself in Chromium, so it cannot drift from
//! what the app shows. The app removes it and mounts in its place (see
//! `src/ui/shell.rs`).
//!
//! Invariants:
//! - the copy is shown only to a first visit of the start page: a small
//!   inline script (allowed by its hash in the Content-Security-Policy, never
//!   by `'unsafe-inline'`) marks `<html>` with `rw-shell` when no document is
//!   stored and the path is the start page, and the stylesheet shows the
//!   copy only under that class. Anyone else sees what they saw before: a
//!   blank page until the app has mounted, never someone else's screen;
//! - the copy is `inert` and `aria-hidden`: nothing in it can be clicked,
//!   focused or read out, so nobody acts on a screen the app has not made;
//! - its links are relative, so the folder still works under any sub-path.

use std::path::Path;

use sha2::{Digest, Sha256};

use crate::{serve, tools};

/// Where the `index.html` template takes the pre-rendered screen.
pub const SHELL_MARKER: &str = "<!-- xtask:shell -->";

/// Shows the copy when nothing is stored (a first visit) and the path is the
/// start page (it ends with `/`, at the root or under a sub-path). Storage
/// that throws shows no copy: the app then starts empty, on memory. When a
/// document is stored, it marks `<html>` with `rw-stored` instead: the
/// bootstrap module then starts compiling the code that reads it
/// (`dist::boot_module`).
pub const SHELL_SCRIPT: &str = "try{var c=document.documentElement.classList;if(localStorage.getItem(\"rollwise.data\")!==null)c.add(\"rw-stored\");else if(/\\/(index\\.html)?$/.test(location.pathname))c.add(\"rw-shell\")}catch(e){}";

/// Renders the built app in `out` in Chromium and writes its first screen
/// into `out/index.html`.
pub fn prerender(root: &Path, out: &Path) -> Result<(), String> {
    let index = out.join("index.html");
    let html = std::fs::read_to_string(&index)
        .map_err(|e| format!("cannot read {}: {e}", index.display()))?;
    let server = serve::Server::start(out, "127.0.0.1", 0, "/")?;
    println!("xtask: pre-rendering the first screen in Chromium");
    let printed = tools::node_json(
        root,
        "xtask/scripts/prerender.mjs",
        &[server.url().as_ref()],
    )?;
    let body = printed
        .as_str()
        .ok_or_else(|| format!("pre-rendering printed no markup: {printed}"))?
        .to_string();
    if !body.contains("<h1") {
        return Err(format!(
            "the pre-rendered screen has no page heading: {body}"
        ));
    }
    let html = with_shell(&html, &relative_links(&body))?;
    crate::dist::check_html(&html)?;
    std::fs::write(&index, html).map_err(|e| format!("cannot write index.html: {e}"))
}

/// Rewrites the app's root-absolute links (`href="/setup"`, rendered at the
/// root) as relative ones (`href="./setup"`): the copy only shows on the
/// start page, so they lead to the same screens under any sub-path.
pub fn relative_links(body: &str) -> String {
    body.replace("href=\"/", "href=\"./")
}

/// Puts the pre-rendered `body` where the template has [`SHELL_MARKER`], the
/// script that decides whether it shows at the end of `<head>`, and the
/// script's hash into the Content-Security-Policy's `script-src`.
pub fn with_shell(html: &str, body: &str) -> Result<String, String> {
    if html.matches(SHELL_MARKER).count() != 1 {
        return Err(format!(
            "index.html must hold {SHELL_MARKER} exactly once, where the pre-rendered screen goes"
        ));
    }
    let script_src = "script-src 'self'";
    if html.matches(script_src).count() != 1 {
        return Err(format!(
            "the Content-Security-Policy of index.html must have one `{script_src}`"
        ));
    }
    if html.matches("</head>").count() != 1 {
        return Err("index.html must have one </head>".into());
    }
    let shell = format!("<div id=\"rw-shell\" inert aria-hidden=\"true\">\n{body}\n</div>");
    Ok(html
        .replace(SHELL_MARKER, &shell)
        .replace(
            script_src,
            &format!("{script_src} {}", csp_hash(SHELL_SCRIPT)),
        )
        .replace(
            "</head>",
            &format!("  <script>{SHELL_SCRIPT}</script>\n  </head>"),
        ))
}

/// A CSP source that allows exactly the inline script `source`.
pub fn csp_hash(source: &str) -> String {
    format!("'sha256-{}'", base64(&Sha256::digest(source.as_bytes())))
}

/// Standard base64 with padding (RFC 4648, section 4).
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_rfc_test_vectors() {
        let cases = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ];
        for (input, want) in cases {
            assert_eq!(base64(input.as_bytes()), want, "{input}");
        }
    }

    #[test]
    fn the_hash_is_the_one_browsers_compute() {
        // `echo -n "alert(1)" | openssl dgst -sha256 -binary | base64`.
        assert_eq!(
            csp_hash("alert(1)"),
            "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"
        );
    }

    #[test]
    fn links_become_relative_and_anchors_stay() {
        let body = r##"<a href="/">Home</a><a href="/setup">Set up</a><a href="#main">Skip</a>"##;
        assert_eq!(
            relative_links(body),
            r##"<a href="./">Home</a><a href="./setup">Set up</a><a href="#main">Skip</a>"##
        );
    }

    fn template() -> String {
        format!(
            r#"<head><meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'"><script type="module" src="./boot.js"></script></head><body>{SHELL_MARKER}<noscript>x</noscript></body>"#
        )
    }

    #[test]
    fn the_shell_is_inert_hidden_from_readers_and_its_script_allowed_by_hash() {
        let html = with_shell(&template(), "<h1>Today</h1>").unwrap();
        assert!(html.contains(
            "<div id=\"rw-shell\" inert aria-hidden=\"true\">\n<h1>Today</h1>\n</div><noscript>"
        ));
        assert!(html.contains(&format!(
            "script-src 'self' {} 'wasm-unsafe-eval'",
            csp_hash(SHELL_SCRIPT)
        )));
        assert!(html.contains(&format!("<script>{SHELL_SCRIPT}</script>\n  </head>")));
        assert!(!html.contains(SHELL_MARKER));
        crate::dist::check_html(&html).unwrap();
    }

    #[test]
    fn a_template_the_shell_cannot_go_into_is_refused() {
        let no_marker = template().replace(SHELL_MARKER, "");
        assert!(with_shell(&no_marker, "x")
            .unwrap_err()
            .contains("exactly once"));
        let no_policy = template().replace("script-src 'self' ", "");
        assert!(with_shell(&no_policy, "x")
            .unwrap_err()
            .contains("script-src"));
    }
}
