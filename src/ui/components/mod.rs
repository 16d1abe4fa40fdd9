//! Small components shared by the pages.

pub mod face_map;
mod reasons;
pub mod reminder;
mod update_banner;

pub use reasons::{ReasonCard, ReasonList};
pub use update_banner::UpdateBanner;
