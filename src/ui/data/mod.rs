//! The data layer's UI: the reactive glue over `crate::storage` and the
//! screens about the person's data.
//!
//! Wiring (three lines for the shell):
//! - wrap the app in [`DataProvider`];
//! - place [`StorageBanner`] where banners go;
//! - place [`DataSettings`] in the Settings page.
//!
//! Pages read and change data only through [`use_app_data`]; the set-up
//! flow calls [`request_persistence`] when it is done.
//!
//! Invariants:
//! - Nothing here touches browser storage directly: every read, write and
//!   storage event goes through `crate::storage`.
//! - Every listener added here is removed when its owner is disposed.
//! - Every word shown is in [`text`].

mod banner;
mod export;
mod files;
pub mod hooks;
mod provider;
mod reader;
mod recovery;
mod settings;
pub mod text;
mod widgets;

pub use banner::StorageBanner;
pub use provider::{
    request_persistence, use_app_data, AppData, DataProvider, DataStatus, OtherTab, PersistState,
    Screen, SAVE_DELAY,
};
pub use settings::DataSettings;
pub use widgets::ImportPanel;

pub use crate::storage::doc::{
    AppDoc, Counts, FlowState, GuidedRun, Preferences, ReminderSchedule, ReplacedDevice,
};
