//! The data banners: storage unavailable, a failed save (stays until a save
//! succeeds), migrated (dismissible), another tab's change, and the
//! first-run offer to restore a backup.

use leptos::prelude::*;

use super::export;
use super::provider::{use_app_data, OtherTab};
use super::text;
use super::widgets::{BackupButton, DownloadButton, ImportPanel};
use crate::ui::welcome::{self, FirstRunRestore};

/// Every data banner that applies now, in order of importance.
#[component]
pub fn StorageBanner() -> impl IntoView {
    let data = use_app_data();
    let status = data.status();
    let unavailable = move || status.with(|s| s.unavailable.is_some());
    let write_failed = move || status.with(|s| s.write_failed.is_some());
    let migrated = move || status.with(|s| s.migrated_from.is_some());
    let first_run = move || {
        status.with(|s| s.first_run)
            && data
                .doc()
                .with(|d| d.profile.is_none() && d.sessions.is_empty())
    };
    let other_tab = move || status.with(|s| s.other_tab.clone());

    view! {
        <div class="data-banners">
            <Show when=unavailable>
                <section class="data-banner data-banner-warning" role="alert">
                    <h2 class="data-banner-title">{text::UNAVAILABLE_TITLE}</h2>
                    <p>{text::UNAVAILABLE_BODY}</p>
                    <BackupButton />
                </section>
            </Show>
            <Show when=write_failed>
                <section class="data-banner data-banner-error" role="alert">
                    <h2 class="data-banner-title">{text::WRITE_FAILED_TITLE}</h2>
                    <p>{text::WRITE_FAILED_BODY}</p>
                    <p class="data-detail">
                        {move || status.with(|s| s.write_failed.as_ref().map(text::save_error))}
                    </p>
                    <div class="data-actions">
                        <BackupButton />
                        <button type="button" class="button button-secondary" on:click=move |_| data.retry_save()>
                            {text::TRY_AGAIN}
                        </button>
                    </div>
                </section>
            </Show>
            <Show when=migrated>
                <section class="data-banner data-banner-info" role="status">
                    <p>{text::MIGRATED_BODY}</p>
                    <button type="button" class="button button-secondary" on:click=move |_| data.dismiss_migrated()>
                        {text::DISMISS}
                    </button>
                </section>
            </Show>
            {move || other_tab().map(|event| other_tab_banner(event, data))}
            <Show when=first_run>
                <FirstRunRestore picker=view! {
                    <ImportPanel id=welcome::FIRST_RUN_IMPORT_ID />
                }
                .into_any() />
            </Show>
        </div>
    }
}

fn other_tab_banner(event: OtherTab, data: super::provider::AppData) -> AnyView {
    let dismiss = move |_| data.dismiss_other_tab();
    match event {
        OtherTab::Updated | OtherTab::Merged => {
            let message = if event == OtherTab::Merged {
                text::OTHER_TAB_MERGED
            } else {
                text::OTHER_TAB_UPDATED
            };
            view! {
                <section class="data-banner data-banner-info" role="status">
                    <p>{message}</p>
                    <button type="button" class="button button-secondary" on:click=dismiss>
                        {text::DISMISS}
                    </button>
                </section>
            }
            .into_any()
        }
        OtherTab::Refused { parts, refused } => {
            let make = move || export::backup_file(&refused);
            view! {
                <section class="data-banner data-banner-warning" role="alert">
                    <h2 class="data-banner-title">{text::OTHER_TAB_REFUSED_TITLE}</h2>
                    <p>{text::OTHER_TAB_REFUSED_BODY}</p>
                    <p class="data-detail">{text::refused_parts(&parts)}</p>
                    <div class="data-actions">
                        <DownloadButton label=text::DOWNLOAD_REFUSED make />
                        <button type="button" class="button button-secondary" on:click=dismiss>
                            {text::DISMISS}
                        </button>
                    </div>
                </section>
            }
            .into_any()
        }
    }
}
