//! The screens shown instead of the pages: recovery when the stored text is
//! unreadable, and "please update" when a newer app stored the data.

use leptos::prelude::*;

use super::export;
use super::provider::{use_app_data, Screen};
use super::text;
use super::widgets::{DownloadButton, ImportPanel};
use crate::storage::format::CURRENT_VERSION;

/// Recovery: download the raw text, restore a backup, or start afresh.
/// Saving stays off until one is chosen.
#[component]
pub fn RecoveryScreen() -> impl IntoView {
    let data = use_app_data();
    let Screen::Recovery {
        raw,
        reason,
        kept_key,
        unsaved,
    } = data.status().get_untracked().screen
    else {
        return ().into_any();
    };
    let confirming = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let kept = match &kept_key {
        Some(key) => text::kept_under(key),
        None => text::RECOVERY_KEPT_MEMORY.to_string(),
    };
    let raw_make = move || export::raw_file(&raw);
    let unsaved_button = unsaved.map(|doc| {
        let make = move || export::backup_file(&doc);
        view! { <DownloadButton label=text::DOWNLOAD_UNSAVED make /> }
    });
    let start = move |_| match data.start_afresh() {
        Ok(()) => error.set(None),
        Err(e) => error.set(Some(text::save_error(&e))),
    };
    view! {
        <section class="data-screen data-recovery" aria-labelledby="data-recovery-title">
            <h1 id="data-recovery-title">{text::RECOVERY_TITLE}</h1>
            <p>{text::RECOVERY_BODY}</p>
            <p class=if kept_key.is_some() { "data-note" } else { "data-error" }>{kept}</p>
            <p class="data-detail">{text::RECOVERY_REASON}" "{reason}</p>
            <div class="data-actions">
                <DownloadButton label=text::DOWNLOAD_RAW make=raw_make />
                {unsaved_button}
            </div>
            <h2>{text::RESTORE_HEADING}</h2>
            <ImportPanel id="recovery-import-file" />
            <h2>{text::START_AFRESH}</h2>
            <Show
                when=move || confirming.get()
                fallback=move || view! {
                    <button type="button" class="button button-secondary" on:click=move |_| confirming.set(true)>
                        {text::START_AFRESH}
                    </button>
                }
            >
                <div class="data-confirm" role="group" aria-label=text::START_AFRESH>
                    <p>{text::START_AFRESH_CONFIRM}</p>
                    <div class="data-actions">
                        <button type="button" class="button button-danger" on:click=start>
                            {text::START_AFRESH_YES}
                        </button>
                        <button type="button" class="button button-secondary" on:click=move |_| confirming.set(false)>
                            {text::CANCEL}
                        </button>
                    </div>
                </div>
            </Show>
            {move || error.get().map(|e| view! { <p class="data-error" role="alert">{e}</p> })}
        </section>
    }
    .into_any()
}

/// A newer app stored the data: nothing is written; update or download.
#[component]
pub fn UpdateScreen() -> impl IntoView {
    let data = use_app_data();
    let Screen::UpdateNeeded { found, raw } = data.status().get_untracked().screen else {
        return ().into_any();
    };
    let raw_button = raw.map(|raw| {
        let make = move || export::raw_file(&raw);
        view! { <DownloadButton label=text::DOWNLOAD_RAW make /> }
    });
    let reload = move |_| {
        let _ = window().location().reload();
    };
    view! {
        <section class="data-screen data-update" aria-labelledby="data-update-title">
            <h1 id="data-update-title">{text::UPDATE_TITLE}</h1>
            <p role="alert">{text::update_body(found, CURRENT_VERSION)}</p>
            <div class="data-actions">
                <button type="button" class="button" on:click=reload>{text::UPDATE_RELOAD}</button>
                {raw_button}
            </div>
        </section>
    }
    .into_any()
}
