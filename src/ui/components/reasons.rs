//! Showing the engine's reasons: a card per reason with its severity in
//! words and an icon (never colour alone), its message, the zone and the
//! instant it lifts, a "Why?" disclosure naming the rule and its source,
//! and, for warnings that need it, an "I understand" toggle.

use leptos::prelude::*;

use crate::domain::order;
use crate::domain::{rule_info, Reason, Severity};
use crate::ui::{format, messages, text};

/// A list of reasons, most severe first. When `acknowledged` is given,
/// warnings that need acknowledging get a toggle that adds or removes their
/// key there.
#[component]
pub fn ReasonList(
    #[prop(into)] reasons: Signal<Vec<Reason>>,
    #[prop(optional)] acknowledged: Option<RwSignal<Vec<&'static str>>>,
) -> impl IntoView {
    let sorted = move || {
        let mut list = reasons.get();
        order::sort_by_key(&mut list, |reason| std::cmp::Reverse(reason.severity));
        list
    };
    view! {
        <ul class="reason-list">
            {move || {
                sorted()
                    .into_iter()
                    .map(|reason| view! { <li><ReasonCard reason acknowledged /></li> })
                    .collect_view()
            }}
        </ul>
    }
}

/// One reason.
#[component]
pub fn ReasonCard(
    reason: Reason,
    #[prop(optional_no_strip)] acknowledged: Option<RwSignal<Vec<&'static str>>>,
) -> impl IntoView {
    let info = rule_info(reason.rule);
    let class = match reason.severity {
        Severity::Block => "reason reason-block",
        Severity::Warn => "reason reason-warn",
        Severity::Info => "reason reason-info",
    };
    let icon = match reason.severity {
        Severity::Block => "✕",
        Severity::Warn => "!",
        Severity::Info => "i",
    };
    let title = messages::title(reason.key).unwrap_or(info.summary);
    let body = messages::message(reason.key).unwrap_or(info.summary);
    let key = reason.key;
    // A block or warning lifts at its instant; for information (such as the
    // recommended next session) the instant is when it applies from.
    let until_label = if reason.severity == Severity::Info {
        text::FROM
    } else {
        text::UNTIL
    };
    let ack = acknowledged.filter(|_| reason.needs_ack).map(|acks| {
        let done = move || acks.with(|list| list.contains(&key));
        let toggle = move |_| {
            acks.update(|list| {
                if let Some(i) = list.iter().position(|k| *k == key) {
                    list.remove(i);
                } else {
                    list.push(key);
                }
            })
        };
        view! {
            <button
                type="button"
                class="button button-secondary ack"
                aria-pressed=move || if done() { "true" } else { "false" }
                on:click=toggle
            >
                {move || if done() { text::ACKNOWLEDGED } else { text::ACKNOWLEDGE }}
            </button>
        }
    });
    view! {
        <article class=class>
            <p class="reason-head">
                <span class="reason-icon" aria-hidden="true">{icon}</span>
                <span class="reason-severity">{text::severity_label(reason.severity)}</span>
                {reason.zone.map(|zone| view! { <span class="reason-zone">{text::zone_name(zone)}</span> })}
            </p>
            <h3 class="reason-title">{title}</h3>
            <p class="reason-body">{body}</p>
            {reason
                .until
                .map(|until| {
                    view! {
                        <p class="reason-until">
                            {until_label} " " <time datetime=until.to_rfc3339()>{format::date_time(until)}</time>
                        </p>
                    }
                })}
            {ack}
            <details class="why">
                <summary>{text::WHY}</summary>
                <dl>
                    <dt>{text::RULE}</dt>
                    <dd>{info.id.as_str()} " · " {text::section_name(info.section)} ": " {info.summary}</dd>
                    <dt>{text::RULE_VALUE}</dt>
                    <dd>{info.level} " · " {info.value}</dd>
                    <dt>{text::RULE_SOURCE}</dt>
                    <dd>{info.source}</dd>
                </dl>
            </details>
        </article>
    }
}
