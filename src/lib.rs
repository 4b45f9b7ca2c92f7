//! MAPs Capability Checker: explore the UK's Medical Associate Professions
//! and check readiness against their capabilities, entirely in the browser.
//!
//! `core` is the functional core (content, scoring, records) with no browser
//! calls; `storage`, `state` and `browser` are the thin shell around the
//! browser; `app`, `pages` and `components` are the views.

pub mod app;
pub mod browser;
pub mod components;
pub mod core;
pub mod navigation;
pub mod pages;
pub mod recovery;
pub mod routes;
pub mod state;
pub mod storage;

/// Replaces the static first-paint markup with the running app.
pub fn mount() {
    recovery::install_panic_screen();
    if let Some(placeholder) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id("app-static"))
    {
        placeholder.remove();
    }
    leptos::mount::mount_to_body(app::App);
}
