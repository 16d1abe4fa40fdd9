//! The words of the settings screen.
