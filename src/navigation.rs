//! Moving between pages without reloading: the shell's own small router.
//!
//! Links are plain `<a href>`s. One click listener on the window turns a
//! click on a link inside the app into a history entry, and `popstate`
//! follows the Back and Forward buttons. The app needs no more than this,
//! and `leptos_router`'s generic views made up a large share of the wasm.
//! Which clicks count and how addresses are read is decided in `address`,
//! where it is tested natively.
//!
//! Each page change behaves like a browser's own page load: focus moves to
//! the new page's `<h1>` and its heading is announced; the history holds one
//! entry per page visited (a link to the page already shown replaces its
//! entry, as a browser does); and Back and Forward return to the scroll
//! position each page was left at.

use crate::{
    address::{self, HistoryStep, Page},
    browser,
};
use leptos::{ev, prelude::*};
use std::{
    cell::{Cell, RefCell},
    collections::HashMap,
};
use wasm_bindgen::{JsCast, JsValue};

thread_local! {
    /// The history entry on screen; each entry's state holds its own.
    static CURRENT_ENTRY: Cell<Entry> = const { Cell::new(Entry { key: 0, position: 0 }) };
    /// The next key to give a new entry: set from the clock at start, so
    /// that keys made after a reload are not those of older entries.
    static NEXT_KEY: Cell<u64> = const { Cell::new(1) };
    /// Where each entry was scrolled to when it was left, by key.
    static SCROLL_OF: RefCell<HashMap<u64, f64>> = RefCell::new(HashMap::new());
    /// Bumped on each page change, so a wait for an older page stops.
    static ARRIVAL: Cell<u32> = const { Cell::new(0) };
    /// The arrival made by the last "Try again" (`arrive_again`).
    static TRIED_AGAIN: Cell<Option<u32>> = const { Cell::new(None) };
    /// What the page on screen would lose if it were left now, by the
    /// token [`ask_before_leaving`] gave it: each says whether it holds
    /// unsaved text, and what to ask.
    static UNSAVED: RefCell<Vec<(u32, UnsavedQuestion)>> = const { RefCell::new(Vec::new()) };
    /// The last token given by [`ask_before_leaving`].
    static LAST_TOKEN: Cell<u32> = const { Cell::new(0) };
    /// The entry that Back or Forward is being undone to, after the person
    /// chose to stay: the `popstate` of that return is not a page change.
    static RETURNING_TO: Cell<Option<u64>> = const { Cell::new(None) };
    /// Asks the browser to warn before a reload or closing the tab, while
    /// anything is registered in `UNSAVED`.
    static BEFORE_UNLOAD: RefCell<Option<WindowListenerHandle>> = const { RefCell::new(None) };
}

/// Says what leaving the page would lose, as a question to ask first, or
/// `None` if nothing (see [`ask_before_leaving`]).
type UnsavedQuestion = Box<dyn Fn() -> Option<String>>;

/// A history entry the app made, as its state records it.
#[derive(Clone, Copy, Default)]
struct Entry {
    /// Names the entry, for its scroll position: unique in the tab.
    key: u64,
    /// Its index in the tab's history, so the distance between two entries
    /// is the difference of their positions (a Back or Forward may skip
    /// several, picked from the button's list).
    position: u32,
}

/// How many animation frames (about 5 seconds) a new page may take to draw
/// its heading. A page that shows it is loading (a content file or its
/// wasm chunk on the way, see `content_loader::PageLoading`) is waited for
/// as long as it loads: each fetch ends with the page or a "Try again" page.
const FRAMES_TO_WAIT: u32 = 300;

/// How many frames a page whose heading stays the same is given to redraw.
const FRAMES_FOR_SAME_PAGE: u32 = 10;

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
        take_over_scroll_restoration();
        let clicks = window_event_listener(ev::click, move |event| navigation.follow_link(&event));
        let history = window_event_listener(ev::popstate, move |event| {
            let entry = entry_of(&event.state());
            let returning = RETURNING_TO.with(Cell::take);
            if returning.is_some() && returning == entry.map(|entry| entry.key) {
                return;
            }
            if !may_leave() {
                stay_instead_of(entry);
                return;
            }
            // The page being left is still on screen: keep where it was.
            remember_scroll();
            let entry = entry.unwrap_or_default();
            CURRENT_ENTRY.with(|current| current.set(entry));
            navigation.read_address_bar();
            let scroll = SCROLL_OF.with(|scrolls| scrolls.borrow().get(&entry.key).copied());
            arrive(scroll.unwrap_or(0.0), None);
        });
        // The shell lives as long as the page, so the listeners do too.
        std::mem::forget(clicks);
        std::mem::forget(history);
        navigation
    }

    /// `page`'s address with an empty query, following nothing: for
    /// drawing a page natively (`prerender`).
    #[cfg(not(target_arch = "wasm32"))]
    pub(crate) fn at(page: &Page) -> Navigation {
        Navigation {
            path: RwSignal::new(page.path()),
            search: RwSignal::new(String::new()),
        }
    }

    /// The current path; reactive.
    pub fn path(&self) -> String {
        self.path.get()
    }

    /// A value from the query string; reactive.
    pub fn query(&self, name: &str) -> Option<String> {
        self.search
            .with(|search| address::query_value(search, name))
    }

    /// Shows `page`, as following a link to it would.
    pub fn open(&self, page: &Page) {
        self.go(&page.path(), None);
    }

    /// Shows `page` in place of the one on screen, so Back skips it (an
    /// address that did its work on arrival, such as [`Page::CheckNew`]).
    pub fn replace(&self, page: &Page) {
        self.go(&page.path(), Some(HistoryStep::Replace));
    }

    /// Changes the view in place: the same history entry shows `page` with
    /// one query value, so Back leaves the page rather than the choice
    /// (a control such as the role selector on Capabilities).
    pub fn replace_with(&self, page: &Page, name: &str, value: &str) {
        self.go(&page.path_with(name, value), Some(HistoryStep::Replace));
    }

    /// Shows `address` (relative to the base, with any query and
    /// `#fragment`); `step` overrides how the history changes.
    fn go(&self, address: &str, step: Option<HistoryStep>) {
        let Some(window) = crate::browser::window() else {
            return;
        };
        let url = browser::href(address);
        let (address, fragment) = match address.split_once('#') {
            Some((address, fragment)) => (address, Some(fragment.to_owned())),
            None => (address, None),
        };
        let shown = format!("{}{}", browser::current_path(), browser::current_search());
        remember_scroll();
        let step = step.unwrap_or_else(|| address::history_step(&shown, address));
        let current = CURRENT_ENTRY.with(Cell::get);
        let entry = match step {
            HistoryStep::Replace => current,
            HistoryStep::Push => Entry {
                key: new_key(),
                position: current.position.saturating_add(1),
            },
        };
        let state = entry_state(entry);
        let written = window.history().and_then(|history| match step {
            HistoryStep::Replace => history.replace_state_with_url(&state, "", Some(&url)),
            HistoryStep::Push => history.push_state_with_url(&state, "", Some(&url)),
        });
        if written.is_err() {
            // Without the History API, a normal page load still gets there.
            let _ = window.location().set_href(&url);
            return;
        }
        CURRENT_ENTRY.with(|current| current.set(entry));
        SCROLL_OF.with(|scrolls| scrolls.borrow_mut().insert(entry.key, 0.0));
        self.read_address_bar();
        // A new page starts at its top, as it would after a full load.
        window.scroll_to_with_x_and_y(0.0, 0.0);
        arrive(0.0, fragment);
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
        let page_origin = crate::browser::window()
            .and_then(|window| window.location().origin().ok())
            .unwrap_or_default();
        if let Some(path) = address::in_app_path(
            &anchor.origin(),
            &anchor.pathname(),
            &page_origin,
            &browser::base_path(),
        ) {
            event.prevent_default();
            if may_leave() {
                self.go(&format!("{path}{}{}", anchor.search(), anchor.hash()), None);
            }
        }
    }
}

/// While the current owner lives, leaving the page asks first whenever
/// `unsaved` returns a question (such as "Leave this page? Your note is
/// not saved…"): a link in the app, Back and Forward ask it with the
/// browser's `confirm()`, and a reload, closing the tab or going to
/// another site bring up the browser's own warning (`beforeunload`).
/// Cancel stays on the page with everything in place; `None` leaves
/// freely.
pub fn ask_before_leaving(unsaved: impl Fn() -> Option<String> + 'static) {
    let token = LAST_TOKEN.with(|last| {
        last.set(last.get().wrapping_add(1));
        last.get()
    });
    UNSAVED.with(|guards| guards.borrow_mut().push((token, Box::new(unsaved))));
    BEFORE_UNLOAD.with(|listener| {
        listener.borrow_mut().get_or_insert_with(|| {
            window_event_listener(ev::beforeunload, |event| {
                if unsaved_question().is_some() {
                    // Both: `preventDefault` for current browsers, the
                    // return value for older ones.
                    event.prevent_default();
                    event.set_return_value("unsaved");
                }
            })
        });
    });
    on_cleanup(move || {
        let none_left = UNSAVED.with(|guards| {
            let mut guards = guards.borrow_mut();
            guards.retain(|(each, _)| *each != token);
            guards.is_empty()
        });
        if none_left {
            if let Some(listener) = BEFORE_UNLOAD.with(|listener| listener.borrow_mut().take()) {
                listener.remove();
            }
        }
    });
}

/// The question of the first thing on the page holding unsaved text.
fn unsaved_question() -> Option<String> {
    UNSAVED.with(|guards| guards.borrow().iter().find_map(|(_, unsaved)| unsaved()))
}

/// Whether the page may be left: nothing unsaved, or the person says so.
fn may_leave() -> bool {
    unsaved_question().is_none_or(|question| browser::confirm(&question))
}

/// Undoes the Back or Forward that went to `target` (`None`: an entry the
/// app did not make), the person having chosen to stay: the page on
/// screen was never changed, so the history goes back to it.
fn stay_instead_of(target: Option<Entry>) {
    let current = CURRENT_ENTRY.with(Cell::get);
    let Some(history) = crate::browser::window().and_then(|window| window.history().ok()) else {
        return;
    };
    // Two entries at one position should not happen; if they do, the one
    // with the later key was made later, so it lies forward.
    let distance = match target {
        Some(target) if target.position != current.position => {
            i64::from(current.position) - i64::from(target.position)
        }
        Some(target) if target.key > current.key => -1,
        _ => 1,
    };
    RETURNING_TO.with(|returning| returning.set(Some(current.key)));
    let _ = history.go_with_delta(i32::try_from(distance).unwrap_or(1));
}

/// A key not given before in this tab.
fn new_key() -> u64 {
    NEXT_KEY.with(|next| next.replace(next.get() + 1))
}

/// Scroll positions are the app's to restore, since its pages are drawn
/// after `popstate`. The first entry is marked as the app's: a reloaded
/// entry keeps its mark, and a new one is the last in the tab's history.
fn take_over_scroll_restoration() {
    let Some(history) = crate::browser::window().and_then(|window| window.history().ok()) else {
        return;
    };
    let _ = js_sys::Reflect::set(
        &history,
        &JsValue::from_str("scrollRestoration"),
        &JsValue::from_str("manual"),
    );
    NEXT_KEY.with(|next| next.set(browser::now()));
    let reloaded = history.state().ok().and_then(|state| entry_of(&state));
    let entry = reloaded.unwrap_or_else(|| Entry {
        key: new_key(),
        position: history
            .length()
            .map_or(0, |length| length.saturating_sub(1)),
    });
    CURRENT_ENTRY.with(|current| current.set(entry));
    let _ = history.replace_state(&entry_state(entry), "");
}

/// Keeps the scroll position of the entry on screen, as it is left.
fn remember_scroll() {
    let y = crate::browser::window().and_then(|window| window.scroll_y().ok());
    if let Some(y) = y {
        let key = CURRENT_ENTRY.with(Cell::get).key;
        SCROLL_OF.with(|scrolls| scrolls.borrow_mut().insert(key, y));
    }
}

/// `{ "entry": key, "position": position }`, the state every history
/// entry of the app carries.
fn entry_state(entry: Entry) -> JsValue {
    let state = js_sys::Object::new();
    let _ = js_sys::Reflect::set(
        &state,
        &JsValue::from_str("entry"),
        &JsValue::from_f64(entry.key as f64),
    );
    let _ = js_sys::Reflect::set(
        &state,
        &JsValue::from_str("position"),
        &JsValue::from_f64(f64::from(entry.position)),
    );
    state.into()
}

/// The entry an entry's state records; `None` for one the app did not make.
fn entry_of(state: &JsValue) -> Option<Entry> {
    let number = |name: &str| {
        js_sys::Reflect::get(state, &JsValue::from_str(name))
            .ok()
            .and_then(|value| value.as_f64())
    };
    Some(Entry {
        key: number("entry")? as u64,
        position: number("position")? as u32,
    })
}

/// The page on screen is being replaced where it is, without a change of
/// address ("Try again" on a page that could not be loaded): its new
/// heading is focused and announced as after a page change.
pub fn arrive_again() {
    let arrival = arrive(0.0, None);
    TRIED_AGAIN.with(|tried| tried.set(Some(arrival)));
}

/// Whether the page being drawn comes from "Try again" with no page change
/// since: a page that still cannot be loaded says so, or the press would
/// seem to have done nothing.
pub fn arriving_by_trying_again() -> bool {
    TRIED_AGAIN.with(Cell::get) == Some(ARRIVAL.with(Cell::get))
}

/// Once the new page has drawn its `<h1>`: scrolls to `scroll_y`, moves
/// focus to the heading without scrolling, and announces its text in the
/// shell's live region, so a screen reader user hears the new page.
fn arrive(scroll_y: f64, fragment: Option<String>) -> u32 {
    let arrival = ARRIVAL.with(|count| {
        count.set(count.get().wrapping_add(1));
        count.get()
    });
    let arriving = Arriving {
        arrival,
        old: main_heading(),
        focused: browser::active_element(),
        scroll_y,
        fragment,
    };
    wait_for_heading(arriving, 0);
    arrival
}

/// A page change under way, until its heading is drawn.
struct Arriving {
    arrival: u32,
    /// The heading of the page shown when the address changed.
    old: Option<web_sys::HtmlElement>,
    /// What had focus then.
    focused: Option<web_sys::Element>,
    scroll_y: f64,
    /// The `#fragment` of the link followed, if any, without its `#`.
    fragment: Option<String>,
}

fn main_heading() -> Option<web_sys::HtmlElement> {
    browser::document()
        .and_then(|document| document.query_selector("#maincontent h1").ok().flatten())
        .and_then(|heading| heading.dyn_into::<web_sys::HtmlElement>().ok())
}

/// Whether the page on screen shows that it is loading.
fn page_is_loading() -> bool {
    browser::document()
        .and_then(|document| {
            document
                .query_selector("#maincontent [data-app-loading]")
                .ok()
                .flatten()
        })
        .is_some()
}

/// Waits for the new page's heading: one that replaced the old one, or the
/// old one itself if a few frames pass and the page was not redrawn (only
/// its query string changed). Then it is announced, and focus moves to it,
/// or to the link's `#fragment` if it had one, unless the person has
/// meanwhile put focus on a control of the new page.
fn wait_for_heading(arriving: Arriving, frames_waited: u32) {
    request_animation_frame(move || {
        if ARRIVAL.with(Cell::get) != arriving.arrival {
            return;
        }
        let heading = main_heading().filter(|heading| {
            Some(heading) != arriving.old.as_ref() || frames_waited >= FRAMES_FOR_SAME_PAGE
        });
        match heading {
            Some(heading) => {
                browser::announce(&heading.inner_text());
                if browser::focus_moved_on(arriving.focused.as_ref()) {
                    return;
                }
                match &arriving.fragment {
                    Some(fragment) => browser::jump_to(fragment),
                    None => {
                        if let Some(window) = crate::browser::window() {
                            window.scroll_to_with_x_and_y(0.0, arriving.scroll_y);
                        }
                        browser::focus_without_scrolling(&heading);
                    }
                }
            }
            None if frames_waited < FRAMES_TO_WAIT => wait_for_heading(arriving, frames_waited + 1),
            // Not counted: a slow connection may take longer than that.
            None if page_is_loading() => wait_for_heading(arriving, frames_waited),
            None => {}
        }
    });
}

/// The app's navigation, from the shell's context.
///
/// # Panics
/// Outside `App` (a wiring mistake): a second `Navigation` would add a
/// second pair of window listeners, so each link would push two entries.
pub fn use_navigation() -> Navigation {
    expect_context::<Navigation>()
}
