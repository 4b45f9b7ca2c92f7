//! Moving between pages without reloading: the shell's own small router.
//!
//! Links are plain `<a href>`s. One click listener on the window turns a
//! click on a link inside the app into a history entry, and `popstate`
//! follows the Back and Forward buttons. The app needs no more than this,
//! and `leptos_router`'s generic views made up a large share of the wasm.
//! Which clicks count and how addresses are read is decided in `routes`,
//! where it is tested natively.

use crate::{browser, routes};
use leptos::{ev, prelude::*};
use wasm_bindgen::{JsCast, JsValue};

/// The address the app shows, relative to its base. `Copy`, so views and
/// handlers can hold it freely.
#[derive(Clone, Copy)]
pub struct Navigation {
    /// Such as "/roles/pa".
    path: RwSignal<String>,
    /// The query string with its "?", or "".
    search: RwSignal<String>,
}

impl Navigation {
    /// Reads the address bar and starts following link clicks and the
    /// Back and Forward buttons, for as long as the page lives.
    pub fn start() -> Navigation {
        let navigation = Navigation {
            path: RwSignal::new(browser::current_path()),
            search: RwSignal::new(browser::current_search()),
        };
        let clicks = window_event_listener(ev::click, move |event| navigation.follow_link(&event));
        let history = window_event_listener(ev::popstate, move |_| navigation.read_address_bar());
        // The shell lives as long as the page, so the listeners do too.
        std::mem::forget(clicks);
        std::mem::forget(history);
        navigation
    }

    /// The current path; reactive.
    pub fn path(&self) -> String {
        self.path.get()
    }

    /// A value from the query string; reactive.
    pub fn query(&self, name: &str) -> Option<String> {
        self.search.with(|search| routes::query_value(search, name))
    }

    /// Shows another page. `address` is relative to the app's base and may
    /// carry a query string, such as "/capabilities?role=pa".
    pub fn go(&self, address: &str) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let url = browser::href(address);
        let pushed = window
            .history()
            .and_then(|history| history.push_state_with_url(&JsValue::NULL, "", Some(&url)));
        if pushed.is_err() {
            // Without the History API, a normal page load still gets there.
            let _ = window.location().set_href(&url);
            return;
        }
        self.read_address_bar();
        // A new page starts at its top, as it would after a full load.
        window.scroll_to_with_x_and_y(0.0, 0.0);
    }

    fn read_address_bar(&self) {
        let path = browser::current_path();
        if self.path.with_untracked(|current| *current != path) {
            self.path.set(path);
        }
        let search = browser::current_search();
        if self.search.with_untracked(|current| *current != search) {
            self.search.set(search);
        }
    }

    /// Takes over a click on a link to one of the app's pages; anything
    /// else (another site, a new tab, a download) is left to the browser.
    fn follow_link(&self, event: &web_sys::MouseEvent) {
        let plain_click = event.button() == 0
            && !(event.meta_key() || event.ctrl_key() || event.shift_key() || event.alt_key());
        if event.default_prevented() || !plain_click {
            return;
        }
        let Some(anchor) = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .and_then(|element| element.closest("a[href]").ok().flatten())
            .and_then(|element| element.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        else {
            return;
        };
        if anchor.has_attribute("download") || !matches!(anchor.target().as_str(), "" | "_self") {
            return;
        }
        // "#id" is a place on this page. With the <base> element the
        // browser would resolve it against the app's root instead.
        if let Some(id) = anchor
            .get_attribute("href")
            .and_then(|href| href.strip_prefix('#').map(str::to_owned))
        {
            event.prevent_default();
            browser::jump_to(&id);
            return;
        }
        let page_origin = web_sys::window()
            .and_then(|window| window.location().origin().ok())
            .unwrap_or_default();
        if let Some(path) = routes::in_app_path(
            &anchor.origin(),
            &anchor.pathname(),
            &page_origin,
            &browser::base_path(),
        ) {
            event.prevent_default();
            self.go(&format!("{path}{}", anchor.search()));
        }
    }
}

/// The app's navigation, from the shell's context.
pub fn use_navigation() -> Navigation {
    use_context::<Navigation>().unwrap_or_else(Navigation::start)
}
