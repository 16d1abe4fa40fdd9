//! The reactive glue over the store: [`AppData`], the context handle pages
//! use, and [`DataProvider`], which opens the store at start-up.
//!
//! Invariants:
//! - Pages change data only through [`AppData::update`], which bumps the
//!   revision and schedules a save within [`SAVE_DELAY`]; pending changes
//!   are flushed when the page is hidden or left.
//! - A failed save keeps the document in memory, marks it unsaved and shows
//!   a banner until a later save succeeds. Nothing is cleared to make room.
//! - In recovery and for a newer version the children are not rendered, so
//!   no page can change data then.
//! - This is the only UI code that reads the clock for the storage layer.

use std::time::Duration;

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::hooks::{use_page_hide, use_storage_changes};
use super::reader::with_reader;
use super::recovery::{RecoveryScreen, UpdateScreen};
use crate::domain::{ReactionId, SessionId};
use crate::storage::backend::{Backend, LocalStorageBackend};
use crate::storage::backup::ImportCandidate;
use crate::storage::doc::AppDoc;
use crate::storage::merge::{merge_import, DocPart, ImportMerge};
use crate::storage::persist::{self, Persistence};
use crate::storage::store::{Kept, Loaded, NeedsReader, SaveError, Saved, Startup, Store};

/// The longest a change waits before it is saved.
pub const SAVE_DELAY: Duration = Duration::from_millis(300);

/// What the app shows instead of (or around) the pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Screen {
    /// The stored document is being read (its reader's code is loading):
    /// nothing is shown yet.
    Opening,
    /// The pages, with banners.
    App,
    /// The stored text is unreadable: recovery instead of the pages.
    Recovery {
        raw: String,
        reason: String,
        kept_key: Option<String>,
        /// The document this tab had unsaved when it found the text
        /// unreadable, if any, for download.
        unsaved: Option<Box<AppDoc>>,
    },
    /// A newer app stored the data: the update screen.
    UpdateNeeded { found: u32, raw: Option<String> },
}

/// What another tab did, for the banner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OtherTab {
    /// This tab took the other tab's version (it had nothing unsaved).
    Updated,
    /// Both tabs' changes were merged and saved.
    Merged,
    /// This tab's change was refused; `refused` is what it had.
    Refused {
        parts: Vec<DocPart>,
        refused: Box<AppDoc>,
    },
}

/// The state the banners and screens show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataStatus {
    /// Which screen is shown.
    pub screen: Screen,
    /// Nothing was stored: the first run.
    pub first_run: bool,
    /// Storage is unavailable (the reason): data is only in memory.
    pub unavailable: Option<String>,
    /// The last save failed (the error); cleared by the next success.
    pub write_failed: Option<SaveError>,
    /// The data was migrated from this version (dismissible).
    pub migrated_from: Option<u32>,
    /// What another tab did (dismissible).
    pub other_tab: Option<OtherTab>,
}

impl Default for DataStatus {
    fn default() -> Self {
        DataStatus {
            screen: Screen::App,
            first_run: false,
            unavailable: None,
            write_failed: None,
            migrated_from: None,
            other_tab: None,
        }
    }
}

/// What the browser said about keeping the data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PersistState {
    /// Not asked yet.
    Checking,
    /// The answer.
    Known(Persistence),
    /// The browser failed to answer.
    Failed(String),
}

/// The data handle pages use: `Copy`, cheap, provided by [`DataProvider`].
#[derive(Clone, Copy)]
pub struct AppData {
    doc: RwSignal<AppDoc>,
    status: RwSignal<DataStatus>,
    persistence: RwSignal<PersistState>,
    undo: RwSignal<Option<DateTime<Utc>>>,
    store: StoredValue<Option<Store>, LocalStorage>,
    timer: StoredValue<Option<TimeoutHandle>>,
    dirty: StoredValue<bool>,
}

/// The data handle. Panics outside [`DataProvider`], which wraps the app.
pub fn use_app_data() -> AppData {
    expect_context::<AppData>()
}

/// Asks the browser to keep the data; the set-up flow calls it once set-up
/// is done. The outcome shows in Settings.
pub fn request_persistence() {
    match use_context::<AppData>() {
        Some(data) => data.request_persistence(),
        None => spawn_local(async {
            if let Err(e) = persist::request().await {
                leptos::logging::warn!("request_persistence: {e}");
            }
        }),
    }
}

impl AppData {
    /// Opens the store over `backend` and builds the handle. With nothing
    /// stored it opens at once; with a stored document, the screen is
    /// [`Screen::Opening`] until the reader's code is there (at once in
    /// builds without the split) and the document is read.
    pub fn open(backend: Box<dyn Backend>) -> AppData {
        let data = AppData {
            doc: RwSignal::new(AppDoc::default()),
            status: RwSignal::new(DataStatus {
                screen: Screen::Opening,
                ..DataStatus::default()
            }),
            persistence: RwSignal::new(PersistState::Checking),
            undo: RwSignal::new(None),
            store: StoredValue::new_local(None),
            timer: StoredValue::new(None),
            dirty: StoredValue::new(false),
        };
        match Store::open_unread(backend) {
            Ok((store, loaded)) => data.opened(store, loaded),
            Err(NeedsReader(backend)) => with_reader(move |reader| {
                if !data.status.is_disposed() {
                    let (store, loaded) = Store::open_reading(backend, reader);
                    data.opened(store, loaded);
                }
            }),
        }
        data
    }

    fn opened(&self, store: Store, loaded: Loaded) {
        crate::ui::perf::mark_once(crate::ui::perf::DATA_OPENED);
        self.store.set_value(Some(store));
        self.apply_loaded(loaded, None);
        self.refresh_undo();
    }

    /// Hands the store the code that reads stored text, loading it first
    /// when needed, then runs `then`. The store needs it only once text is
    /// stored: another tab saved, or an import or its undo.
    fn with_reader(&self, then: impl FnOnce(AppData) + 'static) {
        let this = *self;
        with_reader(move |reader| {
            let Some(new) = this.with_store(|s| s.set_reader(reader)) else {
                return;
            };
            // An undo copy is offered only once it can be read.
            if new {
                this.refresh_undo();
            }
            then(this);
        });
    }

    /// Returns true while the store is open without its reader.
    fn lacks_reader(&self) -> bool {
        self.with_store(|s| s.has_reader()) == Some(false)
    }

    /// Starts loading the code that reads stored text, if the store has
    /// none yet: on the first change, and when the import panel's file is
    /// chosen, so that saving or applying the import finds it there.
    pub fn prepare_reader(&self) {
        if self.lacks_reader() {
            self.with_reader(|_| {});
        }
    }

    /// The document, in domain types.
    pub fn doc(&self) -> Signal<AppDoc> {
        self.doc.into()
    }

    /// The status the banners show.
    pub fn status(&self) -> Signal<DataStatus> {
        self.status.into()
    }

    /// What the browser said about keeping the data.
    pub fn persistence(&self) -> Signal<PersistState> {
        self.persistence.into()
    }

    /// When the last import happened, while it can be undone.
    pub fn undo_available(&self) -> Signal<Option<DateTime<Utc>>> {
        self.undo.into()
    }

    /// Applies a change, bumps the revision and schedules the save.
    pub fn update(&self, change: impl FnOnce(&mut AppDoc)) {
        if !matches!(
            self.status.with_untracked(|s| s.screen.clone()),
            Screen::App
        ) {
            return;
        }
        self.doc.update(|doc| {
            change(doc);
            doc.revision = doc.revision.saturating_add(1);
        });
        self.dirty.set_value(true);
        // On a first run the store has no reader: it is loaded with the
        // first change, not with the first screen (where it would compete
        // with the screen for the network and the main thread), so that a
        // save that finds another tab's text can read it.
        self.prepare_reader();
        self.schedule_save();
    }

    /// A new session id for this document.
    pub fn new_session_id(&self) -> SessionId {
        self.doc
            .with_untracked(|d| d.new_session_id(Utc::now(), salt()))
    }

    /// A new reaction id for this document.
    pub fn new_reaction_id(&self) -> ReactionId {
        self.doc
            .with_untracked(|d| d.new_reaction_id(Utc::now(), salt()))
    }

    fn schedule_save(&self) {
        self.cancel_timer();
        let this = *self;
        match set_timeout_with_handle(move || this.flush(), SAVE_DELAY) {
            Ok(handle) => self.timer.set_value(Some(handle)),
            // Without a timer, save at once.
            Err(_) => self.flush(),
        }
    }

    fn cancel_timer(&self) {
        if let Some(Some(handle)) = self.timer.try_update_value(|t| t.take()) {
            handle.clear();
        }
    }

    /// Saves pending changes as soon as the browser has painted the change
    /// the person just made (a frame later), so that writing five years of
    /// data is not part of the tap's response. The save timer of
    /// [`Self::update`] stays as a fallback (no frames in a hidden tab), and
    /// hiding the page flushes at once.
    pub fn flush_after_paint(&self) {
        let this = *self;
        crate::ui::schedule::after_next_paint(move || this.flush());
    }

    /// Readies the store for quick saves once the browser is idle after
    /// the first screen has rendered (see [`Store::prepare_saves`]): the
    /// first edit's save then re-encodes only what changed. Not before: at
    /// Home with data stored, start-up is idle while the dashboard's module
    /// downloads, and this encoding (about 20 ms for five years of data)
    /// would then delay the dashboard. Without idle callbacks (Safari) the
    /// first save does that work itself, as before.
    fn prepare_saves_when_idle(&self) {
        let this = *self;
        crate::ui::schedule::after_first_screen(move || {
            request_idle_callback(move || {
                this.with_store(Store::prepare_saves);
            });
        });
    }

    /// Saves pending changes now (a no-op when there are none).
    pub fn flush(&self) {
        self.cancel_timer();
        if self.dirty.try_get_value() != Some(true) {
            return;
        }
        crate::ui::perf::save_started();
        // Saved in place: five years of data are not copied for a save.
        let store = self.store;
        let Some(result) = self
            .doc
            .try_with_untracked(|doc| {
                store
                    .try_update_value(|s| s.as_mut().map(|store| store.save(doc)))
                    .flatten()
            })
            .flatten()
        else {
            return;
        };
        crate::ui::perf::save_finished();
        self.after_save(result);
    }

    /// Shows the outcome of a save. The document still holds this tab's
    /// version (`ours`) until a merged or another tab's version replaces it.
    fn after_save(&self, result: Result<Saved, SaveError>) {
        match result {
            Ok(saved) => {
                self.dirty.set_value(false);
                if let Saved::Merged(merged) = saved {
                    self.doc.set(*merged);
                    self.status.update(|s| s.other_tab = Some(OtherTab::Merged));
                }
                self.status.update(|s| {
                    s.write_failed = None;
                    s.first_run = false;
                });
            }
            Err(SaveError::Conflict { parts, theirs }) => {
                self.dirty.set_value(false);
                let ours = self.doc.get_untracked();
                self.doc.set(*theirs);
                self.status.update(|s| {
                    s.other_tab = Some(OtherTab::Refused {
                        parts,
                        refused: Box::new(ours),
                    })
                });
            }
            Err(SaveError::Newer(found)) => {
                self.status.update(|s| {
                    s.screen = Screen::UpdateNeeded { found, raw: None };
                });
            }
            Err(SaveError::StoredUnreadable(_)) => self.reload(Some(self.doc.get_untracked())),
            // Another tab stored text this store cannot read yet: save
            // again once it can (the change stays pending meanwhile).
            Err(SaveError::NeedsReader) => self.with_reader(|this| this.flush()),
            Err(e) => self.status.update(|s| s.write_failed = Some(e)),
        }
    }

    /// Shows what the store loaded.
    fn apply_loaded(&self, loaded: Loaded, unsaved: Option<AppDoc>) {
        let mut status = DataStatus {
            other_tab: self.status.with_untracked(|s| s.other_tab.clone()),
            ..DataStatus::default()
        };
        let unsaved_migration = loaded.write_error.is_some();
        status.write_failed = loaded.write_error;
        match loaded.startup {
            Startup::Fresh => status.first_run = true,
            Startup::Loaded => {}
            Startup::Migrated { from, .. } => status.migrated_from = Some(from),
            Startup::Unavailable(e) => status.unavailable = Some(e.to_string()),
            Startup::Unreadable { reason, raw, kept } => {
                status.screen = Screen::Recovery {
                    raw,
                    reason: super::text::decode_reason(&reason),
                    kept_key: match kept {
                        Kept::Key(key) => Some(key),
                        Kept::MemoryOnly(_) => None,
                    },
                    unsaved: unsaved.map(Box::new),
                }
            }
            Startup::Newer { found, raw } => {
                status.screen = Screen::UpdateNeeded {
                    found,
                    raw: Some(raw),
                }
            }
        }
        // A migrated document whose write failed is still unsaved.
        self.dirty.set_value(unsaved_migration);
        self.doc.set(loaded.doc);
        self.status.set(status);
    }

    /// Another tab changed the document: merge pending changes, or take
    /// its version.
    fn on_other_tab(&self) {
        if self.dirty.get_value() {
            self.flush();
            return;
        }
        if self.lacks_reader() {
            self.with_reader(|this| this.on_other_tab());
            return;
        }
        let before = self.doc.get_untracked();
        self.reload(None);
        let changed = self.doc.with_untracked(|d| *d != before);
        let on_app = self.status.with_untracked(|s| s.screen == Screen::App);
        if changed && on_app {
            self.status
                .update(|s| s.other_tab = Some(OtherTab::Updated));
        }
    }

    fn reload(&self, unsaved: Option<AppDoc>) {
        let memory = self.status.with_untracked(|s| s.unavailable.clone());
        if let Some(Some(Ok(loaded))) = self
            .store
            .try_update_value(|s| s.as_mut().map(|store| store.reload()))
        {
            self.apply_loaded(loaded, unsaved);
            if memory.is_some() {
                self.status.update(|s| s.unavailable = memory);
            }
        }
    }

    /// Runs `op` on the store, if it is still there.
    fn with_store<T>(&self, op: impl FnOnce(&mut Store) -> T) -> Option<T> {
        self.store
            .try_update_value(|s| s.as_mut().map(op))
            .flatten()
    }

    fn refresh_undo(&self) {
        let at = self.with_store(|s| s.undo_available()).and_then(Result::ok);
        self.undo.set(at.flatten());
    }

    /// Applies a checked backup: replaces the data, or merges it in. All or
    /// nothing; the replaced data can be restored with [`Self::undo_import`].
    pub fn apply_import(
        &self,
        candidate: &ImportCandidate,
        merge: bool,
    ) -> Result<ImportMerge, SaveError> {
        self.flush();
        let current = self.doc.get_untracked();
        let (incoming, report) = if merge {
            merge_import(&current, &candidate.doc)
        } else {
            (candidate.doc.clone(), ImportMerge::default())
        };
        let now = Utc::now();
        let result = self
            .with_store(|s| s.apply_import(&current, &incoming, now))
            .unwrap_or(Err(SaveError::Paused))?;
        self.dirty.set_value(false);
        self.doc.set(result);
        self.status.update(|s| {
            s.screen = Screen::App;
            s.write_failed = None;
            s.first_run = false;
        });
        self.refresh_undo();
        Ok(report)
    }

    /// Restores the data the last import replaced.
    pub fn undo_import(&self) -> Result<(), SaveError> {
        self.flush();
        let current = self.doc.get_untracked();
        let restored = self
            .with_store(|s| s.undo_import(&current))
            .unwrap_or(Err(SaveError::Paused))?;
        self.dirty.set_value(false);
        self.doc.set(restored);
        self.refresh_undo();
        Ok(())
    }

    /// Deletes everything the app keeps in this browser.
    pub fn delete_all(&self) -> Result<(), SaveError> {
        self.cancel_timer();
        self.with_store(Store::delete_all)
            .unwrap_or(Err(SaveError::Paused))?;
        self.dirty.set_value(false);
        self.doc.set(AppDoc::default());
        self.status.update(|s| {
            s.first_run = true;
            s.write_failed = None;
            s.migrated_from = None;
            s.other_tab = None;
        });
        self.refresh_undo();
        Ok(())
    }

    /// Leaves recovery with empty data; the unreadable text stays kept.
    pub fn start_afresh(&self) -> Result<(), SaveError> {
        let doc = AppDoc::default();
        self.with_store(|s| s.resolve_recovery(&doc))
            .unwrap_or(Err(SaveError::Paused))?;
        let revision = self.with_store(|s| s.base_revision()).unwrap_or(0);
        self.doc.set(AppDoc { revision, ..doc });
        self.status.update(|s| {
            s.screen = Screen::App;
            s.first_run = true;
        });
        Ok(())
    }

    /// Tries the failed save again.
    pub fn retry_save(&self) {
        self.dirty.set_value(true);
        self.flush();
    }

    /// Hides the "migrated" banner.
    pub fn dismiss_migrated(&self) {
        self.status.update(|s| s.migrated_from = None);
    }

    /// Hides the other-tab banner.
    pub fn dismiss_other_tab(&self) {
        self.status.update(|s| s.other_tab = None);
    }

    /// Asks the browser to keep the data and records the answer.
    pub fn request_persistence(&self) {
        let state = self.persistence;
        spawn_local(async move {
            let answer = match persist::request().await {
                Ok(p) => PersistState::Known(p),
                Err(e) => PersistState::Failed(e.to_string()),
            };
            let _ = state.try_set(answer);
        });
    }

    /// Reads whether the browser already keeps the data.
    fn refresh_persistence(&self) {
        let state = self.persistence;
        spawn_local(async move {
            let answer = match persist::status().await {
                Ok(p) => PersistState::Known(p),
                Err(e) => PersistState::Failed(e.to_string()),
            };
            let _ = state.try_set(answer);
        });
    }
}

/// Random bits for new ids.
fn salt() -> u16 {
    (js_sys::Math::random() * f64::from(u16::MAX)) as u16
}

/// Opens the data at start-up and provides [`AppData`]. Renders the
/// children, or the recovery or update screen instead of them.
#[component]
pub fn DataProvider(children: ChildrenFn) -> impl IntoView {
    let data = AppData::open(Box::new(LocalStorageBackend));
    provide_context(data);
    let in_memory = data.status.with_untracked(|s| s.unavailable.is_some());
    if !in_memory {
        use_storage_changes(
            move |_| data.on_other_tab(),
            |e| leptos::logging::warn!("changes from other tabs won't show: {e}"),
        );
    }
    use_page_hide(move || data.flush());
    on_cleanup(move || data.cancel_timer());
    data.refresh_persistence();
    data.prepare_saves_when_idle();

    let screen = Memo::new(move |_| {
        data.status.with(|s| match s.screen {
            Screen::App => 0,
            Screen::Recovery { .. } => 1,
            Screen::UpdateNeeded { .. } => 2,
            Screen::Opening => 3,
        })
    });
    move || match screen.get() {
        0 => children().into_any(),
        1 => view! { <RecoveryScreen /> }.into_any(),
        2 => view! { <UpdateScreen /> }.into_any(),
        _ => ().into_any(),
    }
}
