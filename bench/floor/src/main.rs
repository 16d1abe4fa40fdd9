//! A counter: the smallest Leptos app that links what Rollwise links
//! (chrono, serde, gloo-storage), to measure the framework's floor.

mod counter;

fn main() {
    leptos::mount::mount_to_body(counter::Counter);
}
