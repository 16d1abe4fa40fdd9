//! The quiet "new version" banner. It never reloads by itself, and it offers
//! no reload while a session or a soak timer is under way.

use leptos::prelude::*;

use crate::ui::data::use_app_data;
use crate::ui::hooks::{use_service_worker, ServiceWorkerError};
use crate::ui::text;

#[component]
pub fn UpdateBanner() -> impl IntoView {
    // Without a worker the app still works, only not offline; the console
    // says why for whoever looks.
    let worker = use_service_worker(|err| match err {
        ServiceWorkerError::Unsupported => leptos::logging::warn!("{}", text::OFFLINE_UNAVAILABLE),
        ServiceWorkerError::Register(why) => {
            leptos::logging::warn!("{} ({why})", text::OFFLINE_UNAVAILABLE)
        }
    });
    let doc = use_app_data().doc();
    let busy = move || doc.with(|d| d.flow.soak.is_some() || d.flow.guided.is_some());
    view! {
        <Show when=move || worker.update_ready.get()>
            <div class="banner banner-ok update-banner" role="status">
                <p>{text::UPDATE_READY}</p>
                <Show
                    when=move || !busy()
                    fallback=|| view! { <p class="muted">{text::UPDATE_AFTER_SESSION}</p> }
                >
                    <div class="button-row">
                        <button type="button" class="button" on:click=move |_| worker.apply_update()>
                            {text::UPDATE_RELOAD}
                        </button>
                    </div>
                </Show>
            </div>
        </Show>
    }
}
