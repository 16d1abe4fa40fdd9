//! Rollwise: a guide for safe at-home dermarolling.
//!
//! Three layers, each in its own module: `domain` (pure rules and time, no
//! browser and no clock), `storage` (the only code that touches browser
//! storage) and `ui` (the Leptos shell). See ARCHITECTURE.md.

pub mod domain;
pub mod storage;
pub mod ui;
