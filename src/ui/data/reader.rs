//! The code that reads stored text (`storage::store::Reader`: decoding,
//! migrations, undo copies), loaded on demand.
//!
//! In the release build (the cfg `rollwise_split`) it is a WASM module of
//! its own, with serde_json's parser and the stored types' deserializers:
//! about a sixth of the app's code. A first visit has nothing stored, so
//! its first screen becomes interactive without it; the provider fetches
//! it with the first change (or a chosen backup, or another tab's write).
//! With data stored, the bootstrap module starts compiling it with the main
//! module (`xtask/src/dist.rs`), and the provider opens the store as soon
//! as it is there.
//!
//! Invariant: nothing outside this module names `Reader::real`, or the
//! decoding code would be linked into the main module again.

use std::future::Future;
use std::task::{Context, Poll, Waker};

#[cfg(rollwise_split)]
use leptos::prelude::lazy;
use leptos::task::spawn_local;

use crate::storage::store::Reader;

/// The reader, from its own module in the release build.
#[cfg_attr(rollwise_split, lazy)]
async fn reader() -> Reader {
    Reader::real()
}

/// Calls `then` with the reader: at once when its code is there (always in
/// builds without the split, and once it has loaded), or else when it has
/// loaded. The first call starts the download, in the calling task.
pub fn with_reader(then: impl FnOnce(Reader) + 'static) {
    let mut loading = Box::pin(reader());
    match loading
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()))
    {
        Poll::Ready(reader) => then(reader),
        Poll::Pending => spawn_local(async move { then(loading.await) }),
    }
}
