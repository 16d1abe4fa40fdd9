//! Hooks of the data layer: one per file, `use_x` naming, each removing its
//! listeners when its owner is disposed.

mod use_page_hide;
mod use_storage_changes;

pub use use_page_hide::use_page_hide;
pub use use_storage_changes::use_storage_changes;
