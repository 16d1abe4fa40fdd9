//! Small components shared by the pages.

pub mod face_map;
mod reasons;

pub use reasons::{ReasonCard, ReasonList};
