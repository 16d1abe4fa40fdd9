//! The frame around every page: a skip link, the header, the main region,
//! the "not medical advice" footer link and the bottom navigation bar.

use leptos::html::H1;
use leptos::prelude::*;

use crate::ui::components::UpdateBanner;
use crate::ui::data::StorageBanner;
use crate::ui::router::A;
use crate::ui::routes::href;
use crate::ui::text;

/// How many page headings have been shown in this visit. The first page of
/// a visit keeps the browser's own focus; every later one takes focus, so
/// keyboard and screen reader users land on the new page as they would
/// after a full page load.
#[derive(Clone, Copy)]
struct HeadingsShown(StoredValue<u32>);

/// Wraps every page in the common frame, with the data and update
/// banners. `navigated`: the first page shown follows a navigation (a tap
/// on the welcome's first stage, `ui::welcome`), so its heading takes focus
/// as after any in-app navigation.
#[component]
pub fn Layout(#[prop(optional)] navigated: bool, children: Children) -> impl IntoView {
    view! {
        <Frame navigated banners=view! { <StorageBanner /><UpdateBanner /> }.into_any()>
            {children()}
        </Frame>
    }
}

/// The common frame: a skip link, the header, the main region with
/// `banners` above the page, the "not medical advice" footer link and the
/// bottom navigation bar. The app's [`Layout`] and the welcome's first
/// stage (`ui::welcome`) share it, so both render the same markup.
#[component]
pub fn Frame(
    #[prop(optional)] navigated: bool,
    banners: AnyView,
    children: Children,
) -> impl IntoView {
    provide_context(HeadingsShown(StoredValue::new(u32::from(navigated))));
    view! {
        <a class="skip-link" href="#main">{text::SKIP_TO_CONTENT}</a>
        <header class="app-header">
            <span class="app-name">{text::APP_NAME}</span>
        </header>
        <main id="main" class="page" tabindex="-1">
            {banners}
            {children()}
        </main>
        <footer class="app-footer">
            <A href=href(text::ABOUT_PATH) attr:class="disclaimer-link">
                {text::DISCLAIMER_LINK}
            </A>
        </footer>
        <BottomNav />
    }
}

/// A page's one `<h1>`. It takes focus when it appears after an in-app
/// navigation (see [`HeadingsShown`]).
#[component]
pub fn PageHeading(#[prop(into)] text: TextProp) -> impl IntoView {
    let heading = NodeRef::<H1>::new();
    let shown = use_context::<HeadingsShown>();
    heading.on_load(move |h1| {
        let Some(HeadingsShown(count)) = shown else {
            return;
        };
        let before = count.get_value();
        count.set_value(before.saturating_add(1));
        if before == 0 {
            // The first screen's heading is in the page: its content, lazy
            // routes included, has rendered. After the welcome's first
            // stage, the app's welcome is not the visit's first screen.
            crate::ui::perf::mark_once(crate::ui::perf::INTERACTIVE);
            crate::ui::schedule::first_screen_shown();
        } else {
            // Focus can only fail on a detached node; nothing to report then.
            let _ = h1.focus();
        }
    });
    view! {
        <h1 tabindex="-1" node_ref=heading>
            {move || text.get()}
        </h1>
    }
}

/// The bottom bar: one big target per main screen, the current one marked
/// with `aria-current="page"` by its link ([`A`]).
#[component]
fn BottomNav() -> impl IntoView {
    view! {
        <nav class="bottom-nav" aria-label=text::NAV_LABEL>
            <ul>
                {text::SCREENS
                    .iter()
                    .map(|screen| {
                        view! {
                            <li>
                                <A href=href(screen.path) attr:class="nav-item">
                                    <NavIcon path=screen.path />
                                    <span class="nav-label">{screen.label}</span>
                                </A>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}

/// A 24 px line icon for a screen; decorative, hidden from screen readers.
#[component]
fn NavIcon(path: &'static str) -> impl IntoView {
    let d = match path {
        "/" => "M3 11l9-7 9 7M5 10v10h5v-6h4v6h5V10",
        "/session" => "M4 20l9-9M13 11l3-3 4 4-3 3zM15 6l1-1M19 10l1-1M16 4l4 4",
        "/aftercare" => "M12 21c-5-3-8-6.5-8-10.5A4.5 4.5 0 0 1 12 7a4.5 4.5 0 0 1 8 3.5C20 14.5 17 18 12 21z",
        "/log" => "M6 3h9l4 4v14H6zM9 12h7M9 16h7M9 8h3",
        "/history" => "M4 6h16v15H4zM4 10h16M8 3v5M16 3v5",
        _ => "M12 8a4 4 0 1 0 0 8a4 4 0 1 0 0-8zM12 2v3M12 19v3M2 12h3M19 12h3M5 5l2 2M17 17l2 2M5 19l2-2M17 7l2-2",
    };
    view! {
        <svg class="nav-icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
            <path d=d fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" />
        </svg>
    }
}
