//! Where the app lives and how its links are written.
//!
//! Invariant: every in-app link and navigation goes through [`href`], which
//! prefixes the app's base path. The router matches routes below that base,
//! but it leaves absolute link paths alone, so without the prefix a link
//! would leave the app when it is served under a sub-path.

use std::sync::OnceLock;

use leptos::prelude::document;
use wasm_bindgen::JsCast;

static BASE: OnceLock<String> = OnceLock::new();

/// The path the app is served under, without a trailing slash (empty at the
/// root of a host). Read once: the stylesheet is always a sibling of
/// `index.html`, so its resolved URL tells where the app lives, whatever
/// route was loaded.
pub fn base() -> String {
    BASE.get_or_init(|| {
        let href = document()
            .query_selector("link[rel=stylesheet]")
            .ok()
            .flatten()
            .and_then(|el| el.dyn_into::<web_sys::HtmlLinkElement>().ok())
            .map(|link| link.href())
            .unwrap_or_default();
        base_from_asset_url(&href)
    })
    .clone()
}

/// The full path of an in-app route such as `/session`.
pub fn href(route: &str) -> String {
    join(&base(), route)
}

fn join(base: &str, route: &str) -> String {
    format!("{base}{route}")
}

/// Returns true when `path` (a URL's path) is the home route of an app
/// served under `base` (as [`base`] gives it).
pub fn is_home_path(path: &str, base: &str) -> bool {
    path.strip_prefix(base)
        .is_some_and(|rest| rest.is_empty() || rest == "/")
}

/// Returns true when the page was loaded at the home route.
pub fn at_home() -> bool {
    leptos::prelude::window()
        .location()
        .pathname()
        .is_ok_and(|path| is_home_path(&path, &base()))
}

/// The route the page was loaded at (such as `/log`), or `None` when its
/// path is outside the app's base.
pub fn opening_route() -> Option<String> {
    let path = leptos::prelude::window().location().pathname().ok()?;
    route_below(&path, &base()).map(str::to_string)
}

/// The part of `path` below `base` (as [`base`] gives it), always starting
/// with a slash, or `None` when `path` is not below `base`.
pub fn route_below<'a>(path: &'a str, base: &str) -> Option<&'a str> {
    match path.strip_prefix(base)? {
        "" => Some("/"),
        rest if rest.starts_with('/') => Some(rest),
        _ => None,
    }
}

/// Takes an absolute asset URL (`https://host/sub/app.css`) and returns the
/// directory path without its trailing slash (`/sub`).
pub fn base_from_asset_url(url: &str) -> String {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = after_scheme
        .find('/')
        .map_or("/", |slash| &after_scheme[slash..]);
    let path = path.split(['?', '#']).next().unwrap_or("/");
    match path.rfind('/') {
        Some(last) => path[..last].to_string(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::{base_from_asset_url, is_home_path, join, route_below};

    #[test]
    fn base_is_the_directory_of_the_asset() {
        let cases = [
            ("http://127.0.0.1:8080/style-abc.css", ""),
            ("http://127.0.0.1:8080/sub/app/style-abc.css", "/sub/app"),
            ("https://example.org/x/style.css?v=1", "/x"),
            ("", ""),
        ];
        for (url, want) in cases {
            assert_eq!(base_from_asset_url(url), want, "{url}");
        }
    }

    #[test]
    fn links_carry_the_base() {
        let cases = [
            ("", "/", "/"),
            ("", "/log", "/log"),
            ("/sub/app", "/", "/sub/app/"),
            ("/sub/app", "/log", "/sub/app/log"),
        ];
        for (base, route, want) in cases {
            assert_eq!(join(base, route), want);
        }
    }

    #[test]
    fn the_home_route_is_the_base_with_or_without_its_slash() {
        let cases = [
            ("/", "", true),
            ("", "", true),
            ("/log", "", false),
            ("/sub/app/", "/sub/app", true),
            ("/sub/app", "/sub/app", true),
            ("/sub/app/log", "/sub/app", false),
            ("/sub/apple", "/sub/app", false),
            ("/other/", "/sub/app", false),
        ];
        for (path, base, want) in cases {
            assert_eq!(is_home_path(path, base), want, "{path} under {base:?}");
        }
    }

    #[test]
    fn the_route_is_the_path_below_the_base() {
        let cases = [
            ("/", "", Some("/")),
            ("/log", "", Some("/log")),
            ("/sub/app", "/sub/app", Some("/")),
            ("/sub/app/", "/sub/app", Some("/")),
            ("/sub/app/session", "/sub/app", Some("/session")),
            ("/sub/apple", "/sub/app", None),
            ("/other/log", "/sub/app", None),
        ];
        for (path, base, want) in cases {
            assert_eq!(route_below(path, base), want, "{path} under {base:?}");
        }
    }
}
