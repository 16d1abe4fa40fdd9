//! Hooks: one per file, named `use_x`, each cleaning up after itself when
//! its owner is disposed.

mod use_cadence;
mod use_notifications;
mod use_now;
mod use_service_worker;
mod use_wake_lock;

pub use use_cadence::use_cadence;
pub use use_notifications::{use_notifications, Notice, NoticePermission, Notifications};
pub use use_now::use_now;
pub use use_service_worker::{use_service_worker, ServiceWorker, ServiceWorkerError};
pub use use_wake_lock::{use_wake_lock, WakeLockError};
