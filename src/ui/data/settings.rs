//! The data section of Settings: persistence, export, import with undo,
//! and deleting everything behind a confirmation that names the counts.

use leptos::prelude::*;

use super::export::{self, local_date};
use super::provider::{use_app_data, PersistState};
use super::text;
use super::widgets::{BackupButton, DownloadButton, ImportPanel};

/// The Settings section for the person's data.
#[component]
pub fn DataSettings() -> impl IntoView {
    view! {
        <section class="data-settings" aria-labelledby="data-settings-title">
            <h2 id="data-settings-title">{text::SETTINGS_HEADING}</h2>
            <p>{text::SETTINGS_INTRO}</p>
            <PersistenceSection />
            <ExportSection />
            <ImportSection />
            <DeleteSection />
        </section>
    }
}

#[component]
fn PersistenceSection() -> impl IntoView {
    let data = use_app_data();
    let in_memory = move || data.status().with(|s| s.unavailable.is_some());
    let outcome = move || match data.persistence().get() {
        PersistState::Checking => text::PERSIST_CHECKING.to_string(),
        PersistState::Known(p) => text::persistence(p).to_string(),
        PersistState::Failed(e) => text::persistence_failed(&e),
    };
    view! {
        <section class="data-section" aria-labelledby="data-persist-title">
            <h3 id="data-persist-title">{text::PERSIST_HEADING}</h3>
            <Show when=in_memory>
                <p class="data-error">{text::MEMORY_NOTE}</p>
            </Show>
            <p class="data-persistence" role="status">{outcome}</p>
            <p class="data-hint">{text::PERSIST_ADVICE}</p>
            <button type="button" class="button button-secondary" on:click=move |_| data.request_persistence()>
                {text::PERSIST_ASK}
            </button>
        </section>
    }
}

#[component]
fn ExportSection() -> impl IntoView {
    let data = use_app_data();
    let sessions = move || data.doc().with_untracked(export::sessions_file);
    let reactions = move || data.doc().with_untracked(export::reactions_file);
    view! {
        <section class="data-section" aria-labelledby="data-export-title">
            <h3 id="data-export-title">{text::EXPORT_HEADING}</h3>
            <p class="data-hint">{text::EXPORT_HINT}</p>
            <div class="data-actions">
                <BackupButton />
                <DownloadButton label=text::EXPORT_SESSIONS make=sessions class="button button-secondary data-download" />
                <DownloadButton label=text::EXPORT_REACTIONS make=reactions class="button button-secondary data-download" />
            </div>
        </section>
    }
}

#[component]
fn ImportSection() -> impl IntoView {
    let data = use_app_data();
    let undo_error = RwSignal::new(None::<String>);
    let undo = move |_| match data.undo_import() {
        Ok(()) => undo_error.set(Some(text::IMPORT_UNDONE.into())),
        Err(e) => undo_error.set(Some(text::save_error(&e))),
    };
    view! {
        <section class="data-section" aria-labelledby="data-import-title">
            <h3 id="data-import-title">{text::IMPORT_HEADING}</h3>
            <ImportPanel id="settings-import-file" />
            {move || data.undo_available().get().map(|at| view! {
                <div class="data-undo">
                    <p>{text::undo_offer(&local_date(at))}</p>
                    <button type="button" class="button button-secondary" on:click=undo>
                        {text::IMPORT_UNDO}
                    </button>
                </div>
            })}
            {move || undo_error.get().map(|m| view! { <p class="data-note" role="status">{m}</p> })}
        </section>
    }
}

#[component]
fn DeleteSection() -> impl IntoView {
    let data = use_app_data();
    let confirming = RwSignal::new(false);
    let outcome = RwSignal::new(None::<Result<(), String>>);
    let confirm_text = move || {
        data.doc().with(|d| {
            let c = d.counts();
            text::delete_confirm(c.sessions, c.reactions, c.devices, c.has_profile)
        })
    };
    let delete = move |_| {
        outcome.set(Some(data.delete_all().map_err(|e| text::save_error(&e))));
        confirming.set(false);
    };
    view! {
        <section class="data-section data-delete" aria-labelledby="data-delete-title">
            <h3 id="data-delete-title">{text::DELETE_HEADING}</h3>
            <Show
                when=move || confirming.get()
                fallback=move || view! {
                    <button type="button" class="button button-danger" on:click=move |_| {
                        outcome.set(None);
                        confirming.set(true);
                    }>
                        {text::DELETE_BUTTON}
                    </button>
                }
            >
                <div class="data-confirm" role="group" aria-label=text::DELETE_HEADING>
                    <p>{confirm_text}</p>
                    <div class="data-actions">
                        <BackupButton label=text::DELETE_EXPORT_FIRST />
                        <button type="button" class="button button-danger" on:click=delete>
                            {text::DELETE_YES}
                        </button>
                        <button type="button" class="button button-secondary" on:click=move |_| confirming.set(false)>
                            {text::DELETE_NO}
                        </button>
                    </div>
                </div>
            </Show>
            {move || outcome.get().map(|r| match r {
                Ok(()) => view! { <p class="data-note" role="status">{text::DELETED}</p> }.into_any(),
                Err(e) => view! { <p class="data-error" role="alert">{e}</p> }.into_any(),
            })}
        </section>
    }
}
