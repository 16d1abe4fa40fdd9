//! Small pieces shared by the banners, the settings and the recovery
//! screens: a download button with its outcome, and the import panel.

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::export::{self, local_date};
use super::files::{self, FileError};
use super::provider::use_app_data;
use super::text;
use crate::storage::backup::{parse_backup, ImportCandidate, ImportError};
use crate::ui::welcome;

/// A button that downloads a file made by `make`, then says what happened
/// (`role="status"`), or why it failed (`role="alert"`).
#[component]
pub fn DownloadButton(
    label: &'static str,
    make: impl Fn() -> Result<String, FileError> + Send + Sync + 'static,
    #[prop(optional)] class: &'static str,
) -> impl IntoView {
    let outcome = RwSignal::new(None::<Result<String, String>>);
    let class = if class.is_empty() {
        "button data-download"
    } else {
        class
    };
    view! {
        <span class="data-download-group">
            <button type="button" class=class on:click=move |_| outcome.set(Some(make().map_err(|e| e.to_string())))>
                {label}
            </button>
            {move || match outcome.get() {
                Some(Ok(name)) => view! { <span class="data-note" role="status">{text::DOWNLOADED}{name}</span> }.into_any(),
                Some(Err(e)) => view! { <span class="data-error" role="alert">{text::file_error(&e)}</span> }.into_any(),
                None => ().into_any(),
            }}
        </span>
    }
}

/// A button that downloads a backup of the current data.
#[component]
pub fn BackupButton(#[prop(optional)] label: Option<&'static str>) -> impl IntoView {
    let data = use_app_data();
    let make = move || data.doc().with_untracked(export::backup_file);
    view! { <DownloadButton label=label.unwrap_or(text::EXPORT_JSON) make /> }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    Idle,
    Reading,
    Refused(String),
    Ready(Box<ImportCandidate>),
    Done(String),
    Failed(String),
}

/// Reads and checks a chosen backup (format, checksum, summary). In the
/// release build (the cfg `rollwise_split`) it is its own WASM module,
/// fetched the first time someone picks a file, so the start page does not
/// carry it.
#[cfg_attr(rollwise_split, lazy)]
async fn check_backup(content: String, now: DateTime<Utc>) -> Result<ImportCandidate, ImportError> {
    parse_backup(&content, now)
}

/// Choosing a backup file, its summary, then replace or merge, then done
/// with undo. `id` makes the file input's id unique on the page.
#[component]
pub fn ImportPanel(id: &'static str) -> impl IntoView {
    let data = use_app_data();
    let step = RwSignal::new(Step::Idle);
    let read = move |file: web_sys::File| {
        step.set(Step::Reading);
        // Applying the import may have to read the stored document.
        data.prepare_reader();
        spawn_local(async move {
            let next = match files::read_text(file).await {
                Err(FileError::TooLarge(bytes)) => {
                    Step::Refused(text::import_error(&ImportError::TooLarge {
                        bytes: usize::try_from(bytes).unwrap_or(usize::MAX),
                    }))
                }
                Err(e) => Step::Refused(text::file_error(&e.to_string())),
                Ok(content) => match check_backup(content, Utc::now()).await {
                    Ok(candidate) => Step::Ready(Box::new(candidate)),
                    Err(e) => Step::Refused(text::import_error(&e)),
                },
            };
            let _ = step.try_set(next);
        });
    };
    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|list| list.get(0)) else {
            return;
        };
        // Choosing the same file again must fire `change` again.
        input.set_value("");
        read(file);
    };
    // A file chosen in this picker on the welcome's first stage, before the
    // app had loaded.
    if let Some(file) = welcome::take_pending_file(id) {
        read(file);
    }
    let apply = move |merge: bool| {
        let Step::Ready(candidate) = step.get_untracked() else {
            return;
        };
        step.set(match data.apply_import(&candidate, merge) {
            Ok(report) if merge => Step::Done(text::import_merged(
                report.sessions_added,
                report.reactions_added,
            )),
            Ok(_) => Step::Done(text::IMPORT_DONE.into()),
            Err(e) => Step::Failed(text::save_error(&e)),
        });
    };
    let undo = move |_| {
        step.set(match data.undo_import() {
            Ok(()) => Step::Done(text::IMPORT_UNDONE.into()),
            Err(e) => Step::Failed(text::save_error(&e)),
        });
    };
    let body = move || match step.get() {
        Step::Idle => ().into_any(),
        Step::Reading => {
            view! { <p class="data-note" role="status">{text::IMPORT_READING}</p> }.into_any()
        }
        Step::Refused(message) | Step::Failed(message) => {
            view! { <p class="data-error" role="alert">{message}</p> }.into_any()
        }
        Step::Ready(candidate) => {
            let s = &candidate.summary;
            let range = s
                .first_at
                .zip(s.last_at)
                .map(|(a, b)| (local_date(a), local_date(b)));
            let summary = text::import_summary(
                &local_date(s.exported_at),
                s.counts.sessions,
                s.counts.reactions,
                range,
            );
            view! {
                <div class="data-import-summary">
                    <p role="status">{summary}</p>
                    <div class="data-actions">
                        <button type="button" class="button" on:click=move |_| apply(false)>
                            {text::IMPORT_REPLACE}
                        </button>
                        <button type="button" class="button button-secondary" on:click=move |_| apply(true)>
                            {text::IMPORT_MERGE}
                        </button>
                        <button type="button" class="button button-secondary" on:click=move |_| step.set(Step::Idle)>
                            {text::CANCEL}
                        </button>
                    </div>
                    <p class="data-hint">{text::IMPORT_MERGE_HINT}</p>
                </div>
            }
            .into_any()
        }
        Step::Done(message) => view! {
            <div class="data-import-done">
                <p role="status">{message}</p>
                <Show when=move || data.undo_available().get().is_some()>
                    <button type="button" class="button button-secondary" on:click=undo>
                        {text::IMPORT_UNDO}
                    </button>
                </Show>
            </div>
        }
        .into_any(),
    };
    welcome::file_picker(id, on_change, body.into_any())
}
