//! The history screen: a month calendar and a list of sessions, reactions
//! and roller replacements, and a session's detail
//! (`/history?session=<id>`) with a chart of reaction strength by day after
//! it.

mod plan;

use std::time::Duration as StdDuration;

use chrono::{DateTime, Datelike, NaiveDate, Utc, Weekday};
use leptos::prelude::*;

use crate::domain::{NeedleLength, Reaction, ReactionSeverity, ReactionStatus, SessionId, Zone};
use crate::storage::doc::ReplacedDevice;
use crate::ui::data::use_app_data;
use crate::ui::format;
use crate::ui::hooks::use_now;
use crate::ui::pages::ScreenIntro;
use crate::ui::router::{use_query, A};
use crate::ui::routes::href;
use crate::ui::text::{self, history as t, log as log_text};

use plan::{
    chart_points, day_after, entries, entries_on, marks_on, month_grid, overlaps,
    parse_session_query, point_xy, reactions_after, severity_level, shift_month, week_start,
    ChartPoint, Day, DayMarks, Entry,
};

#[component]
pub fn HistoryPage() -> impl IntoView {
    let query = use_query("session");
    let selected = Memo::new(move |_| parse_session_query(query.get()));
    view! {
        <ScreenIntro screen=&text::HISTORY />
        <div class="history">
            {move || match selected.get() {
                Some(Ok(id)) => view! { <SessionDetail id /> }.into_any(),
                Some(Err(_)) => view! { <Missing words=t::BAD_ID /> }.into_any(),
                None => view! { <Overview /> }.into_any(),
            }}
        </div>
    }
}

#[component]
fn Missing(words: &'static str) -> impl IntoView {
    view! {
        <p class="banner banner-warn">{words}</p>
        <A href=href("/history") attr:class="button button-secondary">{t::BACK}</A>
    }
}

fn language() -> String {
    web_sys::window()
        .and_then(|w| w.navigator().language())
        .unwrap_or_else(|| "en".to_string())
}

fn locale_date(year: i32, month0: i32, day: i32, pairs: &[(&str, &str)]) -> String {
    let date = js_sys::Date::new_with_year_month_day(year.max(0) as u32, month0, day);
    let options = js_sys::Object::new();
    for (k, v) in pairs {
        // Setting a string property on a fresh object cannot fail.
        let _ = js_sys::Reflect::set(&options, &(*k).into(), &(*v).into());
    }
    date.to_locale_date_string(&language(), &options).into()
}

/// "March 2026", in the person's locale.
fn month_title(year: i32, month: u32) -> String {
    locale_date(
        year,
        month as i32 - 1,
        1,
        &[("month", "long"), ("year", "numeric")],
    )
}

/// A weekday's short and long names, in the person's locale.
fn weekday_names(day: Weekday) -> (String, String) {
    // 1 January 2024 was a Monday.
    let d = 1 + day.num_days_from_monday() as i32;
    (
        locale_date(2024, 0, d, &[("weekday", "short")]),
        locale_date(2024, 0, d, &[("weekday", "long")]),
    )
}

/// "Mon 2 March", in the person's locale, for a local date.
fn long_date(date: NaiveDate) -> String {
    locale_date(
        date.year(),
        date.month0() as i32,
        date.day() as i32,
        &[("weekday", "long"), ("day", "numeric"), ("month", "long")],
    )
}

fn local_today(now: DateTime<Utc>) -> NaiveDate {
    now.with_timezone(&format::local_offset_at(now))
        .date_naive()
}

fn needle_words(needle: NeedleLength) -> String {
    let um = needle.micrometres();
    format!("{}.{:02} mm", um / 1000, (um % 1000) / 10)
}

fn zone_list(zones: &[Zone]) -> String {
    if zones.is_empty() {
        return t::NONE.to_string();
    }
    zones
        .iter()
        .map(|z| text::zone_name(*z))
        .collect::<Vec<_>>()
        .join(", ")
}

fn status_words(status: ReactionStatus) -> String {
    match status {
        ReactionStatus::StillPresent => log_text::STATUS_PRESENT.to_string(),
        ReactionStatus::Resolved(at) => {
            format!("{} {}", log_text::STATUS_RESOLVED, format::date_time(at))
        }
        ReactionStatus::ClearedByClinician(at) => {
            format!("{} {}", log_text::STATUS_CLEARED, format::date_time(at))
        }
    }
}

fn marks_words(marks: DayMarks) -> String {
    let mut parts = Vec::new();
    if marks.sessions > 0 {
        parts.push(t::count_words(
            marks.sessions,
            t::SESSION_ONE,
            t::SESSION_MANY,
        ));
    }
    if marks.reactions > 0 {
        parts.push(t::count_words(
            marks.reactions,
            t::REACTION_ONE,
            t::REACTION_MANY,
        ));
    }
    if marks.rollers > 0 {
        parts.push(t::count_words(marks.rollers, t::ROLLER_ONE, t::ROLLER_MANY));
    }
    parts.join(", ")
}

/// The calendar and the list.
#[component]
fn Overview() -> impl IntoView {
    let data = use_app_data();
    let doc = data.doc();
    let all = Memo::new(move |_| doc.with(entries));
    view! {
        {move || {
            all.with(Vec::is_empty).then(|| view! { <p class="banner">{t::EMPTY}</p> })
        }}
        <Calendar all />
        <section aria-labelledby="history-list">
            <h2 id="history-list">{t::LIST_HEADING}</h2>
            <EntryList entries=Signal::derive(move || all.get()) />
        </section>
    }
}

#[component]
fn Calendar(all: Memo<Vec<Entry>>) -> impl IntoView {
    let now = use_now(StdDuration::from_secs(60));
    let start = now.get_untracked();
    let today0 = local_today(start);
    let shown = RwSignal::new((today0.year(), today0.month()));
    let picked = RwSignal::new(None::<NaiveDate>);
    let first = week_start(&language());
    let weekdays: Vec<(String, String)> = std::iter::successors(Some(first), |d| Some(d.succ()))
        .take(7)
        .map(weekday_names)
        .collect();
    let grid = Memo::new(move |_| {
        let (year, month) = shown.get();
        let today = local_today(now.get());
        all.with(|list| {
            month_grid(year, month, first, today, |date| {
                marks_on(list, date, format::local_offset_at)
            })
        })
    });
    let go = move |delta: i32| {
        shown.update(|(y, m)| {
            let (ny, nm) = shift_month(*y, *m, delta);
            *y = ny;
            *m = nm;
        });
        picked.set(None);
    };
    let title = move || {
        let (y, m) = shown.get();
        month_title(y, m)
    };
    view! {
        <section class="card calendar-card" aria-labelledby="calendar-heading">
            <h2 id="calendar-heading">{t::CALENDAR_HEADING}</h2>
            <div class="calendar-nav">
                <button type="button" class="button button-secondary" on:click=move |_| go(-1)>
                    <span aria-hidden="true">"‹ "</span>
                    {t::PREVIOUS_MONTH}
                </button>
                <button type="button" class="button button-secondary" on:click=move |_| go(1)>
                    {t::NEXT_MONTH}
                    <span aria-hidden="true">" ›"</span>
                </button>
            </div>
            <table class="calendar">
                <caption aria-live="polite">{title}</caption>
                <thead>
                    <tr>
                        {weekdays
                            .into_iter()
                            .map(|(short, long)| view! { <th scope="col" abbr=long>{short}</th> })
                            .collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        grid.get()
                            .into_iter()
                            .map(|week| {
                                view! {
                                    <tr>
                                        {week
                                            .into_iter()
                                            .map(|cell| view! { <CalendarCell cell picked /> })
                                            .collect_view()}
                                    </tr>
                                }
                            })
                            .collect_view()
                    }}
                </tbody>
            </table>
            {move || {
                let today = local_today(now.get());
                (shown.get() != (today.year(), today.month()))
                    .then(|| {
                        view! {
                            <button
                                type="button"
                                class="button button-secondary button-wide calendar-today"
                                on:click=move |_| {
                                    shown.set((today.year(), today.month()));
                                    picked.set(None);
                                }
                            >
                                {t::THIS_MONTH}
                            </button>
                        }
                    })
            }}
            <p class="calendar-legend">
                <span class="visually-hidden">{t::LEGEND} ": "</span>
                <span class="mark mark-session" aria-hidden="true">{t::SYMBOL_SESSION}</span> " " {t::LEGEND_SESSION}
                " · " <span class="mark mark-reaction" aria-hidden="true">{t::SYMBOL_REACTION}</span> " " {t::LEGEND_REACTION}
                " · " <span class="mark mark-roller" aria-hidden="true">{t::SYMBOL_ROLLER}</span> " " {t::LEGEND_ROLLER}
            </p>
            <p class="muted">{t::DAY_HINT}</p>
            {move || {
                picked
                    .get()
                    .map(|date| {
                        let list = all.with(|a| entries_on(a, date, format::local_offset_at));
                        view! {
                            <div class="calendar-day">
                                <h3>{long_date(date)}</h3>
                                {if list.is_empty() {
                                    view! { <p>{t::DAY_NOTHING}</p> }.into_any()
                                } else {
                                    view! { <EntryList entries=Signal::from(list) /> }.into_any()
                                }}
                            </div>
                        }
                    })
            }}
        </section>
    }
}

#[component]
fn CalendarCell(cell: Option<Day>, picked: RwSignal<Option<NaiveDate>>) -> impl IntoView {
    let Some(day) = cell else {
        return view! { <td class="calendar-blank"></td> }.into_any();
    };
    let date = day.date;
    let number = date.day();
    let marks = day.marks;
    let symbols = view! {
        <span class="calendar-marks" aria-hidden="true">
            {(marks.sessions > 0).then(|| view! { <span class="mark mark-session">{t::SYMBOL_SESSION}</span> })}
            {(marks.reactions > 0).then(|| view! { <span class="mark mark-reaction">{t::SYMBOL_REACTION}</span> })}
            {(marks.rollers > 0).then(|| view! { <span class="mark mark-roller">{t::SYMBOL_ROLLER}</span> })}
        </span>
    };
    let today_words = day
        .today
        .then(|| view! { <span class="visually-hidden">", " {t::TODAY}</span> });
    let class = if day.today {
        "calendar-day-cell is-today"
    } else {
        "calendar-day-cell"
    };
    let current = day.today.then_some("date");
    if marks.is_empty() {
        return view! {
            <td class=class aria-current=current>
                <span class="calendar-number">{number}</span>
                {today_words}
            </td>
        }
        .into_any();
    }
    let words = marks_words(marks);
    view! {
        <td class=class aria-current=current>
            <button
                type="button"
                class="calendar-button"
                aria-pressed=move || if picked.get() == Some(date) { "true" } else { "false" }
                on:click=move |_| picked.set(Some(date))
            >
                <span class="calendar-number">{number}</span>
                {symbols}
                <span class="visually-hidden">", " {words}</span>
                {today_words}
            </button>
        </td>
    }
    .into_any()
}

#[component]
fn EntryList(#[prop(into)] entries: Signal<Vec<Entry>>) -> impl IntoView {
    // Years of entries stay quick: the newest first, older ones on request.
    let shown = RwSignal::new(text::LIST_PAGE);
    let more = move || entries.with(Vec::len) > shown.get();
    view! {
        <ol class="history-list">
            {move || {
                entries
                    .get()
                    .into_iter()
                    .take(shown.get())
                    .map(|e| view! { <li><EntryItem entry=e /></li> })
                    .collect_view()
            }}
        </ol>
        <Show when=more>
            <button
                type="button"
                class="button button-secondary button-wide"
                on:click=move |_| shown.update(|n| *n += text::LIST_PAGE)
            >
                {text::SHOW_OLDER}
            </button>
        </Show>
    }
}

#[component]
fn EntryItem(entry: Entry) -> impl IntoView {
    match entry {
        Entry::Session(s) => {
            let link = href(&format!("/history?session={}", s.id.0));
            view! {
                <article class="history-entry entry-session">
                    <p class="entry-kind">
                        <span class="mark mark-session" aria-hidden="true">{t::SYMBOL_SESSION}</span>
                        " " {t::SESSION}
                    </p>
                    <h3><time datetime=s.started_at.to_rfc3339()>{format::date_time(s.started_at)}</time></h3>
                    <p>{t::ZONES_DONE} ": " {zone_list(&s.zones_completed)} " · " {needle_words(s.needle)}</p>
                    {(!s.zones_stopped_bleeding.is_empty()).then(|| view! {
                        <p class="entry-stopped">{t::STOPPED} ": " {zone_list(&s.zones_stopped_bleeding)}</p>
                    })}
                    <A href=link attr:class="button button-secondary">{t::DETAILS}</A>
                </article>
            }
            .into_any()
        }
        Entry::Reaction(r) => view! { <ReactionEntry reaction=r /> }.into_any(),
        Entry::RollerReplaced(d) => view! { <RollerEntry replaced=d /> }.into_any(),
    }
}

#[component]
fn ReactionEntry(reaction: Reaction) -> impl IntoView {
    let note = use_app_data()
        .doc()
        .with_untracked(|d| d.note(reaction.id).map(str::to_string));
    view! {
        <article class="history-entry entry-reaction">
            <p class="entry-kind">
                <span class="mark mark-reaction" aria-hidden="true">{t::SYMBOL_REACTION}</span>
                " " {t::REACTION}
            </p>
            <h3>{log_text::kind_name(reaction.kind)}</h3>
            <p>
                <time datetime=reaction.noticed_at.to_rfc3339()>{format::date_time(reaction.noticed_at)}</time>
                " · " {log_text::severity_name(reaction.severity)}
                " · " {status_words(reaction.status)}
            </p>
            {note.map(|n| view! {
                <p class="note-text"><span class="visually-hidden">{log_text::RESULT_NOTE} ": "</span>{n}</p>
            })}
        </article>
    }
}

#[component]
fn RollerEntry(replaced: ReplacedDevice) -> impl IntoView {
    let d = replaced.device;
    view! {
        <article class="history-entry entry-roller">
            <p class="entry-kind">
                <span class="mark mark-roller" aria-hidden="true">{t::SYMBOL_ROLLER}</span>
                " " {t::ROLLER_REPLACED}
            </p>
            <h3><time datetime=replaced.replaced_at.to_rfc3339()>{format::date_time(replaced.replaced_at)}</time></h3>
            <p>
                {t::ROLLER_REPLACED_BODY} " " {needle_words(d.needle)} " " {t::AFTER} " "
                {t::count_words(d.sessions_used as usize, t::SESSION_ONE, t::SESSION_MANY)}
            </p>
        </article>
    }
}

/// A session's detail, with the reactions after it and the chart.
#[component]
fn SessionDetail(id: SessionId) -> impl IntoView {
    let data = use_app_data();
    let doc = data.doc();
    let found = Memo::new(move |_| {
        doc.with(|d| {
            d.sessions
                .iter()
                .find(|s| s.id == id)
                .cloned()
                .map(|s| (s, reactions_after(d, id)))
        })
    });
    move || {
        let Some((s, reactions)) = found.get() else {
            return view! { <Missing words=t::NOT_FOUND /> }.into_any();
        };
        let end = s.last_instant();
        let minutes = (s.ended_at - s.started_at).num_minutes().max(0);
        let yes_no = |b: bool| if b { t::YES } else { t::NO };
        view! {
            <A href=href("/history") attr:class="button button-secondary history-back">
                <span aria-hidden="true">"‹ "</span>
                {t::BACK}
            </A>
            <section class="card" aria-labelledby="session-detail">
                <h2 id="session-detail">{t::DETAIL_HEADING} " " {format::date_time(s.started_at)}</h2>
                <dl class="session-facts">
                    <dt>{t::STARTED}</dt>
                    <dd><time datetime=s.started_at.to_rfc3339()>{format::date_time(s.started_at)}</time></dd>
                    <dt>{t::ENDED}</dt>
                    <dd>
                        <time datetime=s.ended_at.to_rfc3339()>{format::time(s.ended_at)}</time>
                        " (" {minutes} " " {t::MINUTES} ")"
                    </dd>
                    <dt>{t::NEEDLE}</dt>
                    <dd>{needle_words(s.needle)}</dd>
                    <dt>{t::ZONES_DONE}</dt>
                    <dd>{zone_list(&s.zones_completed)}</dd>
                    <dt>{t::STOPPED}</dt>
                    <dd class="session-stopped">{zone_list(&s.zones_stopped_bleeding)}</dd>
                    <dt>{t::DISINFECTED_BEFORE}</dt>
                    <dd>{yes_no(s.disinfected_before)}</dd>
                    <dt>{t::DISINFECTED_AFTER}</dt>
                    <dd>{yes_no(s.disinfected_after)}</dd>
                </dl>
            </section>
            <section class="card" aria-labelledby="session-reactions">
                <h2 id="session-reactions">{t::REACTIONS_AFTER}</h2>
                {if reactions.is_empty() {
                    view! { <p>{t::NO_REACTIONS}</p> }.into_any()
                } else {
                    view! { <ReactionsAfter end reactions /> }.into_any()
                }}
            </section>
        }
        .into_any()
    }
}

#[component]
fn ReactionsAfter(end: DateTime<Utc>, reactions: Vec<Reaction>) -> impl IntoView {
    let points = chart_points(end, &reactions);
    let outside = points.len() < reactions.len();
    view! {
        <SeverityChart points=points.clone() reactions=reactions.clone() />
        {outside.then(|| view! { <p class="muted">{t::CHART_OUTSIDE}</p> })}
        <table class="history-table">
            <caption class="visually-hidden">{t::REACTIONS_AFTER}</caption>
            <thead>
                <tr>
                    <th scope="col">{t::DAY}</th>
                    <th scope="col">{t::WHAT}</th>
                    <th scope="col">{t::STRENGTH}</th>
                    <th scope="col">{t::STATUS}</th>
                </tr>
            </thead>
            <tbody>
                {reactions
                    .into_iter()
                    .map(|r| {
                        view! {
                            <tr>
                                <td>{day_after(end, r.noticed_at)}</td>
                                <th scope="row">{log_text::kind_name(r.kind)}</th>
                                <td>
                                    <span class="shape-key" aria-hidden="true">{shape_symbol(r.severity)} " "</span>
                                    {log_text::severity_name(r.severity)} " (" {severity_level(r.severity)} ")"
                                </td>
                                <td>{status_words(r.status)}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}

fn shape_symbol(severity: ReactionSeverity) -> &'static str {
    match severity {
        ReactionSeverity::None => "○",
        ReactionSeverity::Mild => "■",
        ReactionSeverity::Moderate => "▲",
        ReactionSeverity::Severe => "◆",
    }
}

/// The chart: days 0–7 across, strength 0–3 up, one shape per strength.
#[component]
fn SeverityChart(points: Vec<ChartPoint>, reactions: Vec<Reaction>) -> impl IntoView {
    use plan::{BOTTOM, CHART_DAYS, HEIGHT, LEFT, RIGHT, TOP, WIDTH};
    let plot_w = WIDTH - LEFT - RIGHT;
    let plot_h = HEIGHT - TOP - BOTTOM;
    let nudges = overlaps(&points);
    let x_ticks = (0..=CHART_DAYS as i32).map(move |d| {
        let x = LEFT + plot_w * d / CHART_DAYS as i32;
        view! {
            <line class="chart-grid" x1=x y1=TOP x2=x y2=TOP + plot_h />
            <text class="chart-label" x=x y=TOP + plot_h + 16 text-anchor="middle">{d}</text>
        }
    });
    let y_ticks = (0..=3).map(move |s| {
        let y = TOP + plot_h - plot_h * s / 3;
        view! {
            <line class="chart-grid" x1=LEFT y1=y x2=LEFT + plot_w y2=y />
            <text class="chart-label" x=LEFT - 8 y=y + 4 text-anchor="end">{s}</text>
        }
    });
    let markers = points
        .iter()
        .zip(nudges)
        .map(|(p, nudge)| {
            let (x, y) = point_xy(p, nudge);
            let r = &reactions[p.reaction];
            let title = format!(
                "{} {}: {}, {}",
                t::DAY,
                p.day,
                log_text::kind_name(r.kind),
                log_text::severity_name(p.severity)
            );
            let shape = match p.severity {
                ReactionSeverity::None => view! {
                    <circle class="marker marker-none" cx=x cy=y r="6"><title>{title}</title></circle>
                }
                .into_any(),
                ReactionSeverity::Mild => view! {
                    <rect class="marker marker-mild" x=x - 6 y=y - 6 width="12" height="12"><title>{title}</title></rect>
                }
                .into_any(),
                ReactionSeverity::Moderate => view! {
                    <polygon
                        class="marker marker-moderate"
                        points=format!("{},{} {},{} {},{}", x, y - 7, x + 7, y + 6, x - 7, y + 6)
                    >
                        <title>{title}</title>
                    </polygon>
                }
                .into_any(),
                ReactionSeverity::Severe => view! {
                    <polygon
                        class="marker marker-severe"
                        points=format!("{},{} {},{} {},{} {},{}", x, y - 8, x + 8, y, x, y + 8, x - 8, y)
                    >
                        <title>{title}</title>
                    </polygon>
                }
                .into_any(),
            };
            shape
        })
        .collect_view();
    view! {
        <figure class="severity-chart">
            <svg
                viewBox=format!("0 0 {WIDTH} {HEIGHT}")
                role="img"
                aria-labelledby="chart-title"
                aria-describedby="chart-desc"
                focusable="false"
            >
                <title id="chart-title">{t::CHART_HEADING}</title>
                <desc id="chart-desc">{t::CHART_DESC}</desc>
                {x_ticks.collect_view()}
                {y_ticks.collect_view()}
                <text class="chart-label" x=LEFT + plot_w / 2 y=HEIGHT - 4 text-anchor="middle">{t::CHART_X}</text>
                {markers}
            </svg>
            <figcaption>{t::CHART_HEADING}</figcaption>
        </figure>
    }
}
