//! The words of the setup screen.
