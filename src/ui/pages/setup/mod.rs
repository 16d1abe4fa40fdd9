//! Set-up: the first-run questionnaire, editable later from Settings.
//!
//! One topic per screen; the screen is `?step=N` (or `?step=result`), so the
//! phone's back button steps back through the questions. The answers live in
//! a draft until the last step: only then are they checked as a whole,
//! saved through the data layer, and judged by the engine on the result
//! screen.

mod draft;
mod result;
mod steps;

use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::time::local_date;
use crate::ui::data::use_app_data;
use crate::ui::format::local_offset_at;
use crate::ui::hooks::use_now;
use crate::ui::layout::PageHeading;
use crate::ui::router::{use_navigator, use_query};
use crate::ui::routes::href;
use crate::ui::text::setup as text;

pub use draft::{Draft, Invalid, Page, Problem, Step, Q};

/// The element id of the heading of each step (it takes focus on a step
/// change).
const STEP_HEADING_ID: &str = "setup-step-heading";
/// The element id of the error message of a step.
const ERROR_ID: &str = "setup-error";

/// The sentence for a problem.
pub fn problem_text(problem: Problem) -> &'static str {
    match problem {
        Problem::ChooseOne => text::PROBLEM_CHOOSE_ONE,
        Problem::NeedleEmpty => text::PROBLEM_NEEDLE_EMPTY,
        Problem::NeedleInvalid => text::PROBLEM_NEEDLE_INVALID,
        Problem::NeedleOutOfRange => text::PROBLEM_NEEDLE_OUT_OF_RANGE,
        Problem::DateMissing => text::PROBLEM_DATE_MISSING,
        Problem::DateInvalid => text::PROBLEM_DATE_INVALID,
        Problem::DateInFuture => text::PROBLEM_DATE_IN_FUTURE,
        Problem::FirstUseInFuture => text::PROBLEM_FIRST_USE_IN_FUTURE,
        Problem::SessionsMissing => text::PROBLEM_SESSIONS_MISSING,
        Problem::SessionsInvalid => text::PROBLEM_SESSIONS_INVALID,
        Problem::LastBeforeFirst => text::PROBLEM_LAST_BEFORE_FIRST,
    }
}

/// The heading of a step.
pub fn step_title(step: Step) -> &'static str {
    text::STEP_TITLES[step.number() - 1]
}

/// The part of set-up a step belongs to.
pub fn step_part(step: Step) -> &'static str {
    match step {
        Step::Needle | Step::Kind | Step::FirstUse | Step::OnlyMine | Step::Damage => {
            text::PART_ROLLER
        }
        Step::PeelLaser | Step::Filler | Step::Surgery | Step::Scars => text::PART_SKIN,
        _ => text::PART_YOU,
    }
}

/// The question text and hint of `q`.
pub fn question_text(q: Q) -> (&'static str, Option<&'static str>) {
    let i = Q::ALL.iter().position(|x| *x == q).unwrap_or(0);
    text::QUESTIONS[i]
}

/// The position of a page in the flow, from 1 (the result comes last).
fn page_number(page: Page) -> usize {
    match page {
        Page::Question(step) => step.number(),
        Page::Result => Step::COUNT + 1,
    }
}

/// The address of a set-up page.
pub fn page_href(page: Page) -> String {
    format!("{}?step={}", href("/setup"), page.query())
}

/// Goes one entry back in the browser's history (as the phone's back button
/// would).
fn history_back() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let back = js_sys::Reflect::get(&window, &"history".into()).and_then(|history| {
        let f = js_sys::Reflect::get(&history, &"back".into())?;
        let f: js_sys::Function = f.dyn_into()?;
        f.call0(&history)
    });
    if let Err(e) = back {
        leptos::logging::warn!("setup: history.back failed: {e:?}");
    }
}

/// Moves focus to the element with `id` once the page has drawn it.
fn focus_later(id: &'static str) {
    request_animation_frame(move || {
        if let Some(el) = document()
            .get_element_by_id(id)
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        {
            // Focus fails only on a detached node; nothing to report then.
            let _ = el.focus();
        }
    });
}

#[component]
pub fn SetupPage() -> impl IntoView {
    let data = use_app_data();
    let now = use_now(Duration::from_secs(60));
    let query = use_query("step");
    let navigator = use_navigator();
    let page = Memo::new(move |_| query.with(|step| Page::from_query(step.as_deref())));

    let (editing, start) = data.doc().with_untracked(|doc| {
        let offset = local_offset_at(now.get_untracked());
        (
            doc.profile.is_some(),
            Draft::from_stored(doc.profile.as_ref(), doc.device.as_ref(), offset),
        )
    });
    let draft = RwSignal::new(start);
    let error = RwSignal::new(None::<Invalid>);
    // The page this visit entered set-up on: Back goes through the
    // browser's history above it, and replaces the address below it.
    let entry = StoredValue::new(page_number(page.get_untracked()));

    // A problem found on another step, shown once the address has moved
    // there.
    let carried = StoredValue::new(None::<Invalid>);
    // A new step: show the carried problem (or none) and move focus to the
    // step's heading.
    let first = StoredValue::new(true);
    Effect::new(move |_| {
        page.track();
        error.set(carried.get_value());
        carried.set_value(None);
        if first.get_value() {
            first.set_value(false);
        } else {
            focus_later(STEP_HEADING_ID);
        }
    });

    let go = move |target: Page, replace: bool| navigator.navigate(&page_href(target), replace);

    let next = move || {
        let Page::Question(step) = page.get_untracked() else {
            return;
        };
        let now = now.get_untracked();
        let offset = local_offset_at(now);
        let today = local_date(now, offset);
        if let Err(e) = draft.with_untracked(|d| d.check(step, today)) {
            error.set(Some(e));
            focus_later(ERROR_ID);
            return;
        }
        error.set(None);
        let target = Page::Question(step).next();
        if target != Page::Result {
            go(target, false);
            return;
        }
        match draft.with_untracked(|d| d.build(now, offset)) {
            Ok((profile, device)) => {
                data.update(|doc| {
                    doc.profile = Some(profile);
                    doc.device = Some(device);
                });
                if !editing {
                    data.request_persistence();
                }
                go(Page::Result, false);
            }
            Err((step, e)) => {
                carried.set_value(Some(e));
                go(Page::Question(step), false);
            }
        }
    };

    let back = move || {
        let current = page.get_untracked();
        if page_number(current) > entry.get_value() {
            history_back();
        } else if let Some(previous) = current.previous() {
            entry.set_value(page_number(previous));
            go(previous, true);
        }
    };

    let title = if editing {
        text::TITLE_EDIT
    } else {
        text::TITLE_FIRST_RUN
    };

    view! {
        <PageHeading text=title />
        <div class="setup">
            {move || match page.get() {
                Page::Result => view! { <result::SetupResult now /> }.into_any(),
                Page::Question(step) => {
                    view! { <StepScreen step draft error now next back editing /> }.into_any()
                }
            }}
        </div>
    }
}

/// One question screen: the counter, the heading, the questions, the error
/// and the Back / Next buttons.
#[component]
fn StepScreen(
    step: Step,
    draft: RwSignal<Draft>,
    error: RwSignal<Option<Invalid>>,
    now: Signal<chrono::DateTime<chrono::Utc>>,
    next: impl Fn() + Clone + Send + Sync + 'static,
    back: impl Fn() + Clone + Send + Sync + 'static,
    editing: bool,
) -> impl IntoView {
    let number = step.number();
    let last = number == Step::COUNT;
    let today = Signal::derive(move || {
        let now = now.get();
        local_date(now, local_offset_at(now))
    });
    let on_submit = {
        let next = next.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            next();
        }
    };
    let intro = (number == 1 && !editing).then(|| view! { <p class="intro">{text::INTRO}</p> });
    view! {
        {intro}
        <form class="setup-step" novalidate on:submit=on_submit>
            <p class="setup-counter">
                <span class="setup-part">{step_part(step)}</span>
                " · "
                <span>{text::step_counter(number, Step::COUNT)}</span>
            </p>
            <progress class="setup-progress" max=Step::COUNT value=number aria-hidden="true"></progress>
            <h2 id=STEP_HEADING_ID tabindex="-1">{step_title(step)}</h2>
            {steps::step_body(step, draft, error, today)}
            {move || {
                error
                    .get()
                    .map(|e| {
                        view! {
                            <p id=ERROR_ID class="setup-error" role="alert" tabindex="-1">
                                {problem_text(e.problem)}
                            </p>
                        }
                    })
            }}
            <div class="setup-nav">
                {(number > 1)
                    .then(|| {
                        let back = back.clone();
                        view! {
                            <button
                                type="button"
                                class="button button-secondary button-big"
                                on:click=move |_| back()
                            >
                                {text::BACK}
                            </button>
                        }
                    })}
                <button type="submit" class="button button-big">
                    {if last { text::SEE_RESULT } else { text::NEXT }}
                </button>
            </div>
        </form>
    }
}
