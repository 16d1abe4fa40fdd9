//! The body of each set-up step: radio groups, date and text fields and the
//! per-area lists, all reading and writing the draft.

use chrono::NaiveDate;
use leptos::prelude::*;

use super::draft::{
    format_needle_mm, AgeChoice, Draft, FirstUse, HistoryKind, Invalid, NeedleChoice, Step,
    NEEDLE_PRESETS, Q,
};
use super::{question_text, ERROR_ID};
use crate::domain::{Answer, DamageFlags, DeviceKind, SkinType, Zone};
use crate::ui::text::setup as text;
use crate::ui::text::zone_name;

type Getter = fn(&Draft) -> String;
type Setter = fn(&mut Draft, String);

/// The body of `step`.
pub fn step_body(
    step: Step,
    draft: RwSignal<Draft>,
    error: RwSignal<Option<Invalid>>,
    today: Signal<NaiveDate>,
) -> AnyView {
    let answers = |qs: &'static [Q]| {
        qs.iter()
            .map(|q| view! { <AnswerField q=*q draft error /> })
            .collect_view()
    };
    match step {
        Step::Needle => view! { <NeedleStep draft error /> }.into_any(),
        Step::Kind => view! { <KindStep draft error /> }.into_any(),
        Step::FirstUse => view! { <FirstUseStep draft error today /> }.into_any(),
        Step::OnlyMine => view! { <OnlyMineStep draft error /> }.into_any(),
        Step::Damage => view! { <DamageStep draft error /> }.into_any(),
        Step::Age => view! { <AgeStep draft error today /> }.into_any(),
        Step::Isotretinoin => view! {
            <AnswerField q=Q::IsotretinoinNow draft error />
            <AnswerField q=Q::IsotretinoinPast draft error />
            <Show when=move || draft.with(|d| d.answer(Q::IsotretinoinPast) == Some(Answer::Yes))>
                <DateField
                    field="iso-date"
                    label=text::ISO_STOP_DATE
                    hint=text::DATE_UNKNOWN_HINT
                    get=|d| d.iso_stop_date.clone()
                    set=|d, v| d.iso_stop_date = v
                    max=Some(today)
                    draft
                    error
                />
            </Show>
        }
        .into_any(),
        Step::Immune => view! {
            <AnswerField q=Q::Chemo draft error />
            <Show when=move || draft.with(|d| d.answer(Q::Chemo) == Some(Answer::Yes))>
                <DateField
                    field="chemo-first"
                    label=text::CHEMO_FIRST
                    hint=text::CHEMO_FIRST_HINT
                    get=|d| d.chemo_first.clone()
                    set=|d, v| d.chemo_first = v
                    max=None
                    draft
                    error
                />
                <DateField
                    field="chemo-last"
                    label=text::CHEMO_LAST
                    hint=text::CHEMO_LAST_HINT
                    get=|d| d.chemo_last.clone()
                    set=|d, v| d.chemo_last = v
                    max=None
                    draft
                    error
                />
            </Show>
            <AnswerField q=Q::Immunosuppression draft error />
        }
        .into_any(),
        Step::SkinType => view! { <SkinTypeStep draft error /> }.into_any(),
        Step::ProductAllergy => view! {
            <AnswerField q=Q::ProductAllergy draft error />
            <Show when=move || draft.with(|d| d.answer(Q::ProductAllergy) == Some(Answer::Yes))>
                <div class="field">
                    <label for="setup-allergens">{text::ALLERGENS}</label>
                    <span class="hint" id="setup-allergens-hint">{text::ALLERGENS_HINT}</span>
                    <textarea
                        id="setup-allergens"
                        rows="3"
                        aria-describedby="setup-allergens-hint"
                        prop:value=move || draft.with(|d| d.allergens.clone())
                        on:input=move |ev| draft.update(|d| d.allergens = event_target_value(&ev))
                    ></textarea>
                </div>
            </Show>
        }
        .into_any(),
        Step::PeelLaser => view! {
            <AnswerField q=Q::PeelLaser draft error />
            <Show when=move || draft.with(|d| d.answer(Q::PeelLaser) == Some(Answer::Yes))>
                <DateField
                    field="peel-date"
                    label=text::PEEL_DATE
                    hint=text::DATE_UNKNOWN_HINT
                    get=|d| d.peel_date.clone()
                    set=|d, v| d.peel_date = v
                    max=Some(today)
                    draft
                    error
                />
            </Show>
        }
        .into_any(),
        Step::Filler => history_step(Q::Filler, HistoryKind::Filler, draft, error, today),
        Step::Surgery => history_step(Q::Surgery, HistoryKind::Surgery, draft, error, today),
        Step::Scars => history_step(Q::Scars, HistoryKind::Scars, draft, error, today),
        other => answers(other.questions()).into_any(),
    }
}

fn invalid_for(error: RwSignal<Option<Invalid>>, field: &'static str) -> Memo<bool> {
    Memo::new(move |_| error.get().is_some_and(|e| e.field == field))
}

fn describedby(hint: Option<String>, invalid: bool) -> Option<String> {
    let mut ids: Vec<String> = hint.into_iter().collect();
    if invalid {
        ids.push(ERROR_ID.to_string());
    }
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// A yes / no / not sure question.
#[component]
fn AnswerField(q: Q, draft: RwSignal<Draft>, error: RwSignal<Option<Invalid>>) -> impl IntoView {
    let (question, hint) = question_text(q);
    let name = format!("setup-{}", q.id());
    let hint_id = format!("{name}-hint");
    let invalid = invalid_for(error, q.id());
    let choices = [
        (Answer::Yes, text::YES),
        (Answer::No, text::NO),
        (Answer::NotSure, text::NOT_SURE),
    ];
    let described = {
        let hint_id = hint_id.clone();
        move || describedby(Some(hint_id.clone()), invalid.get())
    };
    view! {
        <fieldset class="setup-question" aria-describedby=described>
            <legend>{question}</legend>
            <p class="hint" id=hint_id>
                {hint.map(|h| view! { {h} " " })}
                {text::NOT_SURE_HINT}
            </p>
            {choices
                .into_iter()
                .map(|(answer, label)| {
                    let name = name.clone();
                    view! {
                        <label class="choice">
                            <input
                                type="radio"
                                name=name
                                prop:checked=move || draft.with(|d| d.answer(q) == Some(answer))
                                on:change=move |_| {
                                    draft.update(|d| d.set_answer(q, answer));
                                    error.set(None);
                                }
                            />
                            {label}
                        </label>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}

/// A group of radio choices labelled by the step's heading.
#[component]
fn ChoiceGroup(
    field: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    error: RwSignal<Option<Invalid>>,
    children: Children,
) -> impl IntoView {
    let invalid = invalid_for(error, field);
    let hint_id = format!("setup-{field}-hint");
    let described = {
        let hint_id = hint_id.clone();
        move || describedby(hint.map(|_| hint_id.clone()), invalid.get())
    };
    view! {
        <fieldset class="setup-question" aria-labelledby=super::STEP_HEADING_ID aria-describedby=described>
            {hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
            {children()}
        </fieldset>
    }
}

/// A radio choice that sets the draft when chosen.
#[component]
fn Radio(
    name: &'static str,
    label: String,
    checked: Signal<bool>,
    choose: impl Fn() + Send + Sync + 'static,
    error: RwSignal<Option<Invalid>>,
) -> impl IntoView {
    view! {
        <label class="choice">
            <input
                type="radio"
                name=name
                prop:checked=move || checked.get()
                on:change=move |_| {
                    choose();
                    error.set(None);
                }
            />
            {label}
        </label>
    }
}

/// A labelled date field.
#[component]
fn DateField(
    field: &'static str,
    label: &'static str,
    hint: &'static str,
    get: Getter,
    set: Setter,
    max: Option<Signal<NaiveDate>>,
    draft: RwSignal<Draft>,
    error: RwSignal<Option<Invalid>>,
) -> impl IntoView {
    let id = format!("setup-{field}");
    let hint_id = format!("{id}-hint");
    let invalid = invalid_for(error, field);
    let described = {
        let hint_id = hint_id.clone();
        move || describedby(Some(hint_id.clone()), invalid.get())
    };
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <span class="hint" id=hint_id>{hint}</span>
            <input
                type="date"
                id=id
                min="1900-01-01"
                max=move || max.map(|m| m.get().format("%Y-%m-%d").to_string())
                aria-invalid=move || invalid.get().then_some("true")
                aria-describedby=described
                prop:value=move || draft.with(get)
                on:input=move |ev| {
                    let value = event_target_value(&ev);
                    draft.update(|d| set(d, value));
                }
            />
        </div>
    }
}

#[component]
fn NeedleStep(draft: RwSignal<Draft>, error: RwSignal<Option<Invalid>>) -> impl IntoView {
    let other = Signal::derive(move || draft.with(|d| d.needle == Some(NeedleChoice::Other)));
    let invalid = invalid_for(error, "needle-other");
    view! {
        <ChoiceGroup field="needle" hint=text::NEEDLE_HINT error>
            {NEEDLE_PRESETS
                .into_iter()
                .map(|n| {
                    view! {
                        <Radio
                            name="setup-needle"
                            label=text::needle_choice(&format_needle_mm(n))
                            checked=Signal::derive(move || {
                                draft.with(|d| d.needle == Some(NeedleChoice::Preset(n)))
                            })
                            choose=move || draft.update(|d| d.needle = Some(NeedleChoice::Preset(n)))
                            error
                        />
                    }
                })
                .collect_view()}
            <Radio
                name="setup-needle"
                label=text::NEEDLE_OTHER.to_string()
                checked=other
                choose=move || draft.update(|d| d.needle = Some(NeedleChoice::Other))
                error
            />
        </ChoiceGroup>
        <Show when=move || other.get()>
            <div class="field">
                <label for="setup-needle-other">{text::NEEDLE_OTHER_LABEL}</label>
                <span class="hint" id="setup-needle-other-hint">{text::NEEDLE_OTHER_HINT}</span>
                <input
                    type="text"
                    id="setup-needle-other"
                    inputmode="decimal"
                    autocomplete="off"
                    aria-invalid=move || invalid.get().then_some("true")
                    aria-describedby=move || describedby(Some("setup-needle-other-hint".into()), invalid.get())
                    prop:value=move || draft.with(|d| d.needle_other.clone())
                    on:input=move |ev| draft.update(|d| d.needle_other = event_target_value(&ev))
                />
            </div>
        </Show>
    }
}

#[component]
fn KindStep(draft: RwSignal<Draft>, error: RwSignal<Option<Invalid>>) -> impl IntoView {
    let kinds = [
        DeviceKind::ManualRoller,
        DeviceKind::ElectricPen,
        DeviceKind::RadioFrequency,
    ];
    view! {
        <ChoiceGroup field="kind" error>
            {kinds
                .into_iter()
                .map(|k| {
                    view! {
                        <Radio
                            name="setup-kind"
                            label=text::kind_name(k).to_string()
                            checked=Signal::derive(move || draft.with(|d| d.kind == Some(k)))
                            choose=move || draft.update(|d| d.kind = Some(k))
                            error
                        />
                    }
                })
                .collect_view()}
        </ChoiceGroup>
    }
}

#[component]
fn FirstUseStep(
    draft: RwSignal<Draft>,
    error: RwSignal<Option<Invalid>>,
    today: Signal<NaiveDate>,
) -> impl IntoView {
    let earlier = Signal::derive(move || draft.with(|d| d.first_use == Some(FirstUse::Earlier)));
    let invalid = invalid_for(error, "sessions");
    view! {
        <ChoiceGroup field="first-use" error>
            <Radio
                name="setup-first-use"
                label=text::FIRST_USE_NEW.to_string()
                checked=Signal::derive(move || draft.with(|d| d.first_use == Some(FirstUse::NewToday)))
                choose=move || draft.update(|d| d.first_use = Some(FirstUse::NewToday))
                error
            />
            <Radio
                name="setup-first-use"
                label=text::FIRST_USE_EARLIER.to_string()
                checked=earlier
                choose=move || draft.update(|d| d.first_use = Some(FirstUse::Earlier))
                error
            />
        </ChoiceGroup>
        <Show when=move || earlier.get()>
            <DateField
                field="first-use-date"
                label=text::FIRST_USE_DATE
                hint=text::FIRST_USE_DATE_HINT
                get=|d| d.first_use_date.clone()
                set=|d, v| d.first_use_date = v
                max=Some(today)
                draft
                error
            />
            <div class="field">
                <label for="setup-sessions">{text::SESSIONS_USED}</label>
                <span class="hint" id="setup-sessions-hint">{text::SESSIONS_USED_HINT}</span>
                <input
                    type="number"
                    id="setup-sessions"
                    inputmode="numeric"
                    min="0"
                    max="999"
                    step="1"
                    aria-invalid=move || invalid.get().then_some("true")
                    aria-describedby=move || describedby(Some("setup-sessions-hint".into()), invalid.get())
                    prop:value=move || draft.with(|d| d.sessions_used.clone())
                    on:input=move |ev| draft.update(|d| d.sessions_used = event_target_value(&ev))
                />
            </div>
        </Show>
    }
}

#[component]
fn OnlyMineStep(draft: RwSignal<Draft>, error: RwSignal<Option<Invalid>>) -> impl IntoView {
    view! {
        <ChoiceGroup field="only-mine" hint=text::ONLY_MINE_HINT error>
            <Radio
                name="setup-only-mine"
                label=text::ONLY_MINE_YES.to_string()
                checked=Signal::derive(move || draft.with(|d| d.only_mine == Some(true)))
                choose=move || draft.update(|d| d.only_mine = Some(true))
                error
            />
            <Radio
                name="setup-only-mine"
                label=text::ONLY_MINE_NO.to_string()
                checked=Signal::derive(move || draft.with(|d| d.only_mine == Some(false)))
                choose=move || draft.update(|d| d.only_mine = Some(false))
                error
            />
        </ChoiceGroup>
    }
}

type Flag = (
    &'static str,
    fn(&DamageFlags) -> bool,
    fn(&mut DamageFlags, bool),
);

#[component]
fn DamageStep(draft: RwSignal<Draft>, error: RwSignal<Option<Invalid>>) -> impl IntoView {
    let flags: [Flag; 6] = [
        (text::DAMAGE_BENT, |f| f.bent, |f, v| f.bent = v),
        (text::DAMAGE_HOOKED, |f| f.hooked, |f, v| f.hooked = v),
        (text::DAMAGE_RUSTED, |f| f.rusted, |f, v| f.rusted = v),
        (
            text::DAMAGE_MISSING,
            |f| f.missing_needle,
            |f, v| f.missing_needle = v,
        ),
        (
            text::DAMAGE_DRAGS,
            |f| f.drags_or_jerks,
            |f, v| f.drags_or_jerks = v,
        ),
        (text::DAMAGE_DROPPED, |f| f.dropped, |f, v| f.dropped = v),
    ];
    let invalid = invalid_for(error, "damage");
    let none = move || draft.with(|d| d.damage_answered && !d.damage.any());
    view! {
        <fieldset
            class="setup-question"
            aria-labelledby=super::STEP_HEADING_ID
            aria-describedby=move || describedby(Some("setup-damage-hint".into()), invalid.get())
        >
            <p class="hint" id="setup-damage-hint">{text::DAMAGE_LEGEND}</p>
            {flags
                .into_iter()
                .map(|(label, get, set)| {
                    view! {
                        <label class="choice">
                            <input
                                type="checkbox"
                                prop:checked=move || draft.with(|d| get(&d.damage))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    draft.update(|d| {
                                        set(&mut d.damage, on);
                                        d.damage_answered = true;
                                    });
                                    error.set(None);
                                }
                            />
                            {label}
                        </label>
                    }
                })
                .collect_view()}
            <label class="choice">
                <input
                    type="checkbox"
                    prop:checked=none
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        draft.update(|d| {
                            if on {
                                d.damage = DamageFlags::default();
                            }
                            d.damage_answered = on || d.damage.any();
                        });
                        error.set(None);
                    }
                />
                {text::DAMAGE_NONE}
            </label>
        </fieldset>
    }
}

#[component]
fn AgeStep(
    draft: RwSignal<Draft>,
    error: RwSignal<Option<Invalid>>,
    today: Signal<NaiveDate>,
) -> impl IntoView {
    let under = Signal::derive(move || draft.with(|d| d.age == Some(AgeChoice::Under18)));
    view! {
        <ChoiceGroup field="age" error>
            <Radio
                name="setup-age"
                label=text::AGE_ADULT.to_string()
                checked=Signal::derive(move || draft.with(|d| d.age == Some(AgeChoice::Adult)))
                choose=move || draft.update(|d| d.age = Some(AgeChoice::Adult))
                error
            />
            <Radio
                name="setup-age"
                label=text::AGE_UNDER.to_string()
                checked=under
                choose=move || draft.update(|d| d.age = Some(AgeChoice::Under18))
                error
            />
        </ChoiceGroup>
        <Show when=move || under.get()>
            <DateField
                field="born-on"
                label=text::BORN_ON
                hint=text::BORN_ON_HINT
                get=|d| d.born_on.clone()
                set=|d, v| d.born_on = v
                max=Some(today)
                draft
                error
            />
        </Show>
    }
}

#[component]
fn SkinTypeStep(draft: RwSignal<Draft>, error: RwSignal<Option<Invalid>>) -> impl IntoView {
    let types = [
        SkinType::I,
        SkinType::II,
        SkinType::III,
        SkinType::IV,
        SkinType::V,
        SkinType::VI,
        SkinType::NotSure,
    ];
    view! {
        <ChoiceGroup field="skin-type" hint=text::SKIN_TYPE_HINT error>
            {types
                .into_iter()
                .map(|t| {
                    view! {
                        <Radio
                            name="setup-skin-type"
                            label=text::skin_type_name(t).to_string()
                            checked=Signal::derive(move || draft.with(|d| d.skin_type == Some(t)))
                            choose=move || draft.update(|d| d.skin_type = Some(t))
                            error
                        />
                    }
                })
                .collect_view()}
        </ChoiceGroup>
        <p class="hint">{text::NOT_SURE_HINT}</p>
    }
}

/// A per-area history question: yes/no/not sure, then one card per area
/// with its date.
fn history_step(
    q: Q,
    kind: HistoryKind,
    draft: RwSignal<Draft>,
    error: RwSignal<Option<Invalid>>,
    today: Signal<NaiveDate>,
) -> AnyView {
    let yes = move || draft.with(|d| d.answer(q) == Some(Answer::Yes));
    let count = Memo::new(move |_| draft.with(|d| d.entries(kind).len()));
    let field: &'static str = match kind {
        HistoryKind::Filler => "filler-date",
        HistoryKind::Surgery => "surgery-date",
        HistoryKind::Scars => "scars-date",
    };
    let hint = match kind {
        HistoryKind::Scars => text::SCAR_DATE_HINT,
        _ => text::DATE_UNKNOWN_HINT,
    };
    view! {
        <AnswerField q draft error />
        <Show when=yes>
            <ol class="setup-entries">
                {move || {
                    (0..count.get())
                        .map(|i| view! { <EntryCard q kind i draft error today field hint /> })
                        .collect_view()
                }}
            </ol>
            <button
                type="button"
                class="button button-secondary button-wide"
                on:click=move |_| draft.update(|d| d.entries_mut(kind).push(Default::default()))
            >
                {text::ADD_ENTRY}
            </button>
        </Show>
    }
    .into_any()
}

#[component]
fn EntryCard(
    q: Q,
    kind: HistoryKind,
    i: usize,
    draft: RwSignal<Draft>,
    error: RwSignal<Option<Invalid>>,
    today: Signal<NaiveDate>,
    field: &'static str,
    hint: &'static str,
) -> impl IntoView {
    let base = format!("setup-{}-{i}", q.id());
    let zone_id = format!("{base}-zone");
    let date_id = format!("{base}-date");
    let hint_id = format!("{base}-hint");
    let heading_id = format!("{base}-heading");
    let invalid = invalid_for(error, field);
    let zone_value = move || {
        draft.with(|d| {
            d.entries(kind)
                .get(i)
                .and_then(|e| e.zone)
                .map_or("any", Zone::key)
                .to_string()
        })
    };
    let date_value = move || {
        draft.with(|d| {
            d.entries(kind)
                .get(i)
                .map(|e| e.date.clone())
                .unwrap_or_default()
        })
    };
    let described = {
        let hint_id = hint_id.clone();
        move || describedby(Some(hint_id.clone()), invalid.get())
    };
    let remove_label = format!("{} {}", text::REMOVE_ENTRY, text::entry_heading(i + 1));
    view! {
        <li class="card setup-entry">
            <h3 id=heading_id>{text::entry_heading(i + 1)}</h3>
            <div class="field">
                <label for=zone_id.clone()>{text::ENTRY_ZONE}</label>
                <select
                    id=zone_id
                    prop:value=zone_value
                    on:change=move |ev| {
                        let zone = Zone::from_key(&event_target_value(&ev)).ok();
                        draft.update(|d| {
                            if let Some(e) = d.entries_mut(kind).get_mut(i) {
                                e.zone = zone;
                            }
                        });
                    }
                >
                    <option value="any">{text::ENTRY_ZONE_UNSURE}</option>
                    {Zone::ALL
                        .into_iter()
                        .map(|z| view! { <option value=z.key()>{zone_name(z)}</option> })
                        .collect_view()}
                </select>
            </div>
            <div class="field">
                <label for=date_id.clone()>{text::ENTRY_DATE}</label>
                <span class="hint" id=hint_id>{hint}</span>
                <input
                    type="date"
                    id=date_id
                    min="1900-01-01"
                    max=move || today.get().format("%Y-%m-%d").to_string()
                    aria-invalid=move || invalid.get().then_some("true")
                    aria-describedby=described
                    prop:value=date_value
                    on:input=move |ev| {
                        let value = event_target_value(&ev);
                        draft.update(|d| {
                            if let Some(e) = d.entries_mut(kind).get_mut(i) {
                                e.date = value;
                            }
                        });
                    }
                />
            </div>
            <button
                type="button"
                class="button button-secondary"
                aria-label=remove_label
                on:click=move |_| {
                    draft.update(|d| {
                        let entries = d.entries_mut(kind);
                        if i < entries.len() {
                            entries.remove(i);
                        }
                    });
                    error.set(None);
                }
            >
                {text::REMOVE_ENTRY}
            </button>
        </li>
    }
}
