//! MAPs Capability Checker: explore the UK's Medical Associate Professions
//! and check readiness against their capabilities, entirely in the browser.
//!
//! `core` is the functional core (content, scoring, records) with no browser
//! calls; `storage`, `state` and `browser` are the thin shell around the
//! browser; `app`, `pages` and `components` are the views.

// The native build renders pages to HTML (`prerender`), whose nested view
// types need a deeper limit than the default 128.
#![recursion_limit = "256"]

pub mod address;
pub mod app;
pub mod browser;
pub mod components;
pub mod content_loader;
pub mod core;
pub mod lazy;
pub mod navigation;
pub mod pages;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod recovery;
pub mod state;
pub mod storage;

/// Starts the app. The static first page in index.html stays on screen
/// until the app has drawn its own (see `app::App`).
pub fn mount() {
    recovery::install_panic_screen();
    // Start-up is cut into tasks: instantiating the wasm (this one), the
    // app's state and navigation, then asking for the first page's files,
    // drawing the shell and drawing the first page (see `app::App`). On a
    // slow phone each is a long task, and one task of them all would keep
    // a tap waiting for longer.
    browser::in_a_new_task(|| {
        if let Some(host) = browser::page_host() {
            leptos::mount::mount_to(host, app::App).forget();
        }
    });
}
