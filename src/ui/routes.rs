//! Where the app lives, which screen a path shows and how links are written.
//!
//! Invariant: every in-app link and navigation goes through [`href`], which
//! prefixes the app's base path. The router ([`super::router`]) handles only
//! links below that base, so without the prefix a link would leave the app
//! when it is served under a sub-path.

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

/// The screens, one per route. Every route is one path segment below the
/// app's base (ARCHITECTURE, invariant 5).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Home,
    Session,
    Aftercare,
    Log,
    History,
    Settings,
    Setup,
    About,
    /// Any other route: the "page not found" screen.
    NotFound,
}

impl Screen {
    /// The screen a route (the path below the base, such as `/log`) shows.
    /// One trailing slash is allowed; letter case matters, as in the URL.
    pub fn at(route: &str) -> Screen {
        let route = match route.strip_suffix('/') {
            Some(rest) if !rest.ends_with('/') => rest,
            _ => route,
        };
        match route {
            "" => Screen::Home,
            "/session" => Screen::Session,
            "/aftercare" => Screen::Aftercare,
            "/log" => Screen::Log,
            "/history" => Screen::History,
            "/settings" => Screen::Settings,
            "/setup" => Screen::Setup,
            "/about" => Screen::About,
            _ => Screen::NotFound,
        }
    }
}

/// The path part of a link (`/sub/history?session=3#top` → `/sub/history`).
pub fn path_of(link: &str) -> &str {
    link.split(['?', '#']).next().unwrap_or(link)
}

/// The value of the first `name` parameter of a query string (with or
/// without its leading `?`), decoded as a form field is: `+` is a space and
/// `%XX` a byte, and bytes that are not UTF-8 read as U+FFFD. `None` when
/// the query has no such parameter.
pub fn query_value(query: &str, name: &str) -> Option<String> {
    let query = query.strip_prefix('?').unwrap_or(query);
    query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| pair.split_once('=').unwrap_or((pair, "")))
        .find(|(key, _)| decode_component(key) == name)
        .map(|(_, value)| decode_component(value))
}

/// Decodes one `application/x-www-form-urlencoded` component. A `%` not
/// followed by two hex digits stays as it is, as the URL standard says.
fn decode_component(text: &str) -> String {
    fn hex(byte: Option<&u8>) -> Option<u8> {
        byte.and_then(|b| (*b as char).to_digit(16))
            .map(|d| d as u8)
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => match (hex(bytes.get(i + 1)), hex(bytes.get(i + 2))) {
                (Some(high), Some(low)) => {
                    out.push(high << 4 | low);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::{
        base_from_asset_url, is_home_path, join, path_of, query_value, route_below, Screen,
    };

    #[test]
    fn each_route_shows_its_screen() {
        let cases = [
            ("/", Screen::Home),
            ("", Screen::Home),
            ("/session", Screen::Session),
            ("/session/", Screen::Session),
            ("/aftercare", Screen::Aftercare),
            ("/log", Screen::Log),
            ("/history", Screen::History),
            ("/settings", Screen::Settings),
            ("/setup", Screen::Setup),
            ("/about", Screen::About),
            ("/Log", Screen::NotFound),
            ("/log//", Screen::NotFound),
            ("/log/1", Screen::NotFound),
            ("/logs", Screen::NotFound),
            ("//", Screen::NotFound),
            ("/nowhere", Screen::NotFound),
        ];
        for (route, want) in cases {
            assert_eq!(Screen::at(route), want, "{route:?}");
        }
    }

    #[test]
    fn a_link_s_path_leaves_out_its_query_and_fragment() {
        let cases = [
            ("/sub/history?session=3#top", "/sub/history"),
            ("/log#main", "/log"),
            ("/log", "/log"),
            ("?step=1", ""),
            ("", ""),
        ];
        for (link, want) in cases {
            assert_eq!(path_of(link), want, "{link:?}");
        }
    }

    #[test]
    fn a_query_parameter_reads_decoded() {
        let cases = [
            ("?session=3", "session", Some("3")),
            ("session=3", "session", Some("3")),
            ("step=2&session=14", "session", Some("14")),
            ("session=1&session=2", "session", Some("1")),
            ("session", "session", Some("")),
            ("session=", "session", Some("")),
            ("sessions=3", "session", None),
            ("", "session", None),
            ("?", "session", None),
            ("&&step=4&", "step", Some("4")),
            ("note=a+b%20c", "note", Some("a b c")),
            ("note=%C3%A9t%C3%A9", "note", Some("\u{e9}t\u{e9}")),
            ("note=%FF", "note", Some("\u{fffd}")),
            ("note=100%", "note", Some("100%")),
            ("note=%zz%4", "note", Some("%zz%4")),
            ("note=a=b", "note", Some("a=b")),
            ("se%73sion=5", "session", Some("5")),
        ];
        for (query, name, want) in cases {
            assert_eq!(
                query_value(query, name).as_deref(),
                want,
                "{query:?} {name}"
            );
        }
    }

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
