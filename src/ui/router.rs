//! The app's router: where the app is, moving to another screen, and links.
//!
//! Every route is one path segment below the app's base, so the router is
//! small: a signal of the current route and query ([`Here`]), kept in step
//! with the address bar. Links are plain `<a href>` elements; one click
//! listener turns a plain click on a link below the base into an in-app
//! navigation, and the browser's back and forward buttons come back as
//! `popstate` events. Which screen a route shows is [`super::routes::Screen`].
//!
//! Invariants:
//! - The address bar and [`Here`] agree after every navigation: a
//!   navigation first changes the history entry, then reads [`Here`] back
//!   from the browser's location.
//! - A click the router does not handle is left to the browser untouched:
//!   another origin or a path outside the base, a `target`, a `download`,
//!   `rel="external"`, a modifier key or another button, a click already
//!   handled, and a link to a fragment of the page already shown.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{HtmlAnchorElement, MouseEvent};

use super::routes::{base, path_of, query_value, route_below, Screen};

/// Where the app is: the route below the base (`/log`) and the query
/// (`?session=3`, or empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Here {
    pub route: String,
    pub query: String,
}

impl Here {
    /// Reads the browser's location. A path outside the base (which the
    /// server never sends here) is kept whole, so it shows "page not found".
    fn current() -> Here {
        let location = window().location();
        let path = location.pathname().unwrap_or_default();
        let query = location.search().unwrap_or_default();
        let route = route_below(&path, &base()).map_or_else(|| path.clone(), str::to_string);
        Here { route, query }
    }
}

/// The router's handle, given to every component below [`Router`].
#[derive(Debug, Clone, Copy)]
pub struct Navigator {
    here: RwSignal<Here>,
}

impl Navigator {
    /// The current route (such as `/log`), tracked.
    pub fn route(&self) -> String {
        self.here.with(|here| here.route.clone())
    }

    /// Moves to `to`, a path from [`super::routes::href`] with an optional
    /// query. With `replace`, or when `to` is where the app already is, the
    /// current history entry is replaced instead of adding one. The page
    /// scrolls to its top, as after following a link.
    pub fn navigate(&self, to: &str, replace: bool) {
        let location = window().location();
        let already_there = format!(
            "{}{}",
            location.pathname().unwrap_or_default(),
            location.search().unwrap_or_default()
        ) == to;
        let Ok(history) = window().history() else {
            // Without the history API the browser loads the page itself.
            let _ = location.assign(to);
            return;
        };
        let changed = if replace || already_there {
            history.replace_state_with_url(&JsValue::NULL, "", Some(to))
        } else {
            history.push_state_with_url(&JsValue::NULL, "", Some(to))
        };
        if changed.is_err() {
            // A URL the history API refuses is loaded by the browser, which
            // then says what is wrong with it.
            let _ = location.assign(to);
            return;
        }
        self.follow();
        window().scroll_to_with_x_and_y(0.0, 0.0);
    }

    /// Reads the location into [`Here`] when it changed.
    fn follow(&self) {
        let now = Here::current();
        if self.here.with_untracked(|here| *here != now) {
            self.here.set(now);
        }
    }
}

/// The router of the component below [`Router`].
///
/// # Panics
/// Outside a [`Router`], as every component that links or navigates needs
/// one.
pub fn use_navigator() -> Navigator {
    expect_context::<Navigator>()
}

/// The value of the query parameter `name` of the current location, or
/// `None` when it has none (see [`query_value`]).
pub fn use_query(name: &'static str) -> Memo<Option<String>> {
    let navigator = use_navigator();
    Memo::new(move |_| navigator.here.with(|here| query_value(&here.query, name)))
}

/// Provides the router to its children and follows the browser's history
/// and the clicks on links, until it is dropped.
#[component]
pub fn Router(children: Children) -> impl IntoView {
    let navigator = Navigator {
        here: RwSignal::new(Here::current()),
    };
    provide_context(navigator);
    let history = window_event_listener(ev::popstate, move |_| navigator.follow());
    let clicks = window_event_listener(ev::click, move |event| {
        if let Some(to) = in_app_link(&event) {
            event.prevent_default();
            navigator.navigate(&to, false);
        }
    });
    on_cleanup(move || {
        history.remove();
        clicks.remove();
    });
    children()
}

/// Where a click on a link should take the app (its path and query), or
/// `None` when the browser should handle the click (see the module's
/// invariants).
pub(crate) fn in_app_link(event: &MouseEvent) -> Option<String> {
    if event.default_prevented()
        || event.button() != 0
        || event.meta_key()
        || event.alt_key()
        || event.ctrl_key()
        || event.shift_key()
    {
        return None;
    }
    let anchor = event
        .target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest("a[href]")
        .ok()??
        .dyn_into::<HtmlAnchorElement>()
        .ok()?;
    let external = anchor
        .get_attribute("rel")
        .is_some_and(|rel| rel.split_ascii_whitespace().any(|part| part == "external"));
    if !anchor.target().is_empty() || anchor.has_attribute("download") || external {
        return None;
    }
    let location = window().location();
    if anchor.origin() != location.origin().ok()? {
        return None;
    }
    let (path, query) = (anchor.pathname(), anchor.search());
    route_below(&path, &base())?;
    let same_page = location.pathname().ok()? == path && location.search().ok()? == query;
    if same_page && !anchor.hash().is_empty() {
        // The browser scrolls to the fragment and moves the focus there.
        return None;
    }
    Some(format!("{path}{query}"))
}

/// A link to an in-app route. `href` comes from [`super::routes::href`]
/// (with an optional query). The link is marked `aria-current="page"` while
/// its screen shows, whatever the query.
#[component]
pub fn A(#[prop(into)] href: String, children: Children) -> impl IntoView {
    // The welcome's first stage (`ui::welcome`) has no router: the page it
    // shows is the current one for good.
    let navigator = use_context::<Navigator>();
    let screen = route_below(path_of(&href), &base())
        .map(Screen::at)
        .filter(|screen| *screen != Screen::NotFound);
    let current = move || {
        let here = match navigator {
            Some(navigator) => navigator.here.with(|here| Screen::at(&here.route)),
            None => Screen::at(&Here::current().route),
        };
        (screen == Some(here)).then_some("page")
    };
    view! { <a href=href aria-current=current>{children()}</a> }
}
