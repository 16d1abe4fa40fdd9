//! The words of the home screen.
