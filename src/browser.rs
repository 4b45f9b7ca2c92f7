//! Thin wrappers over the few browser calls the views need, each of which
//! fails quietly (with a return value) rather than panicking.
//!
//! Outside a browser, in the build's prerender (`crate::prerender`), there
//! is no window: web-sys cannot be called there, so `window()` is `None`
//! and every wrapper does nothing, except the few a prerendered page reads
//! (the base path, today's date and the title), which come from the
//! prerender.

use wasm_bindgen::{JsCast, JsValue};

/// Milliseconds since the Unix epoch. `std::time` panics on this target.
#[cfg(target_arch = "wasm32")]
pub fn now() -> u64 {
    js_sys::Date::now() as u64
}

/// The machine's clock, for pages drawn natively (`prerender`).
#[cfg(not(target_arch = "wasm32"))]
pub fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |since| since.as_millis() as u64)
}

/// A short random id, unique enough for records on one device.
pub fn new_id(prefix: &str) -> String {
    let random = (js_sys::Math::random() * 1e12) as u64;
    format!("{prefix}-{:x}-{random:x}", now())
}

/// Month names, for pages that format dates themselves.
pub use crate::core::text::MONTHS;

/// "21 November 2026" for a timestamp, in the user's time zone.
pub fn format_date(millis: u64) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(millis as f64));
    crate::core::text::uk_date(
        date.get_full_year() as i32,
        date.get_month() + 1,
        date.get_date(),
    )
}

/// Today's date as YYYY-MM-DD, for file names and the review dates of
/// content.
#[cfg(target_arch = "wasm32")]
pub fn today_iso() -> String {
    let date = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date()
    )
}

/// In the prerender, the day of the build.
#[cfg(not(target_arch = "wasm32"))]
pub fn today_iso() -> String {
    crate::prerender::today()
}

/// The browser's window; `None` outside a browser (see the module's notes).
pub fn window() -> Option<web_sys::Window> {
    if cfg!(target_arch = "wasm32") {
        web_sys::window()
    } else {
        None
    }
}

/// The page's document; `None` only outside a browser page.
pub fn document() -> Option<web_sys::Document> {
    window().and_then(|window| window.document())
}

/// Names the tab "`title` - MAPs Capability Checker" (in the prerender,
/// the prerendered page's `<title>`).
pub fn set_title(title: &str) {
    let title = format!("{title} - MAPs Capability Checker");
    #[cfg(not(target_arch = "wasm32"))]
    crate::prerender::set_title(&title);
    if let Some(document) = document() {
        document.set_title(&title);
    }
}

thread_local! {
    /// How many error summaries are on the page: a summary drawn again
    /// with new errors may come before the old one goes, or after.
    static ERROR_SUMMARIES: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// An error summary is on the page: the tab's title starts with "Error: "
/// (NHS.UK's error summary pattern) until the last one goes.
pub fn error_summary_shown() {
    ERROR_SUMMARIES.with(|count| count.set(count.get() + 1));
    mark_title_as_error(true);
}

/// An error summary has gone (see [`error_summary_shown`]).
pub fn error_summary_gone() {
    let left = ERROR_SUMMARIES.with(|count| {
        count.set(count.get().saturating_sub(1));
        count.get()
    });
    if left == 0 {
        mark_title_as_error(false);
    }
}

/// Starts the tab's title with "Error: " (`error`), or takes that away,
/// keeping the rest.
fn mark_title_as_error(error: bool) {
    if let Some(document) = document() {
        let title = document.title();
        let bare = title.strip_prefix(ERROR_PREFIX).unwrap_or(&title);
        let marked = if error {
            format!("{ERROR_PREFIX}{bare}")
        } else {
            bare.to_owned()
        };
        if marked != title {
            document.set_title(&marked);
        }
    }
}

const ERROR_PREFIX: &str = "Error: ";

/// Moves focus to an element by id, so a screen reader announces it after a
/// step change. The element needs `tabindex="-1"` if it is not focusable.
pub fn focus(id: &str) {
    let element = document()
        .and_then(|document| document.get_element_by_id(id))
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}

/// Focuses `element` (giving it `tabindex="-1"` if it is not focusable)
/// where it is, without scrolling the page to it.
pub fn focus_without_scrolling(element: &web_sys::HtmlElement) {
    if element.tab_index() < 0 && !element.has_attribute("tabindex") {
        let _ = element.set_attribute("tabindex", "-1");
    }
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = element.focus_with_options(&options);
}

/// Says `text` to screen readers through the shell's polite live region
/// (`#app-announcer`, in index.html). A live region is read out when its
/// text changes, so the same words as last time (a page drawn anew under an
/// unchanged heading, after a "Try again" that worked) go in with a
/// no-break space added or taken away, and are said again.
pub fn announce(text: &str) {
    let region = document().and_then(|document| document.get_element_by_id("app-announcer"));
    if let Some(region) = region {
        let said = region.text_content().unwrap_or_default();
        let fresh = if said == text {
            format!("{text}\u{a0}")
        } else {
            text.to_owned()
        };
        region.set_text_content(Some(&fresh));
    }
}

/// Offers `contents` to the user as a file download. Returns false if the
/// browser refused, so the caller can say so.
pub fn download(file_name: &str, mime: &str, contents: &str) -> bool {
    let parts = js_sys::Array::of1(&JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return false;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return false;
    };
    let anchor = document()
        .and_then(|document| document.create_element("a").ok())
        .and_then(|element| element.dyn_into::<web_sys::HtmlAnchorElement>().ok());
    let Some(anchor) = anchor else {
        let _ = web_sys::Url::revoke_object_url(&url);
        return false;
    };
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    true
}

/// Reads the file chosen in the file input that `event` came from, as text.
/// A file over [`MAX_IMPORT_BYTES`](crate::core::limits::MAX_IMPORT_BYTES)
/// is refused before it is read. `done` gets the text, or the message to
/// show for a `what` (such as "backup") that is too large or unreadable; it
/// is not called when no file was chosen.
pub fn read_chosen_file(
    event: &web_sys::Event,
    what: &'static str,
    done: impl FnOnce(Result<String, String>) + 'static,
) {
    let file = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
        .and_then(|input| input.files())
        .and_then(|files| files.get(0));
    let Some(file) = file else { return };
    if file.size() > crate::core::limits::MAX_IMPORT_BYTES as f64 {
        let too_large = crate::core::backup::ImportError::TooLarge {
            bytes: file.size() as usize,
        };
        done(Err(too_large.message(what)));
        return;
    }
    leptos::task::spawn_local(async move {
        let text = wasm_bindgen_futures::JsFuture::from(file.text())
            .await
            .ok()
            .and_then(|value| value.as_string());
        done(text.ok_or_else(|| {
            format!("The file could not be read. Choose a {what} file saved from this app.")
        }));
    });
}

/// The file input with this id, if the page has one.
fn file_input(id: &str) -> Option<web_sys::HtmlInputElement> {
    document()
        .and_then(|document| document.get_element_by_id(id))
        .and_then(|element| element.dyn_into::<web_sys::HtmlInputElement>().ok())
}

/// The first file chosen in the file input with this id.
pub fn chosen_file(id: &str) -> Option<web_sys::File> {
    file_input(id)
        .and_then(|input| input.files())
        .and_then(|files| files.get(0))
}

/// Empties the file input with this id, as after its file was used.
pub fn clear_file_input(id: &str) {
    if let Some(input) = file_input(id) {
        input.set_value("");
    }
}

pub fn print() {
    if let Some(window) = window() {
        let _ = window.print();
    }
}

/// Asks `question` in the browser's own dialog (OK or Cancel): whether the
/// person said OK. `false` where dialogs are blocked (a sandboxed frame).
pub fn confirm(question: &str) -> bool {
    window().is_some_and(|window| window.confirm_with_message(question).unwrap_or(false))
}

pub fn reload() {
    if let Some(window) = window() {
        let _ = window.location().reload();
    }
}

/// The path the app is served under ("" at the root, "/some/path" under a
/// sub-path), read from the `<base>` element Trunk writes.
#[cfg(target_arch = "wasm32")]
pub fn base_path() -> String {
    // The <base> element does not change while the page lives, so it is
    // read once: links and the navigation ask for it on every render.
    thread_local! {
        static BASE: String = document()
            .and_then(|document| document.base_uri().ok().flatten())
            .and_then(|uri| web_sys::Url::new(&uri).ok())
            .map(|url| url.pathname().trim_end_matches('/').to_owned())
            .unwrap_or_default();
    }
    BASE.with(String::clone)
}

/// In the prerender, the public URL of the build, as Trunk's `<base>` has it.
#[cfg(not(target_arch = "wasm32"))]
pub fn base_path() -> String {
    crate::prerender::base_path()
}

/// Scrolls to an element in this page and moves focus to it, for links to
/// "#id" (see `navigation`).
pub fn jump_to(id: &str) {
    let element = document().and_then(|document| document.get_element_by_id(id));
    if let Some(element) = element {
        // A place inside folded content (a numbered source in the folded
        // list) is unfolded first, as the browser does for a fragment.
        if let Some(details) = element.closest("details").ok().flatten() {
            let _ = details.set_attribute("open", "");
        }
        element.scroll_into_view();
    }
    focus(id);
}

/// Focuses an element once the view has caught up with a state change.
pub fn focus_after_render(id: impl Into<String>) {
    let id = id.into();
    // The frame can come late (a slow device, a hidden window): if the
    // person has already moved focus to a control by then, it stays there.
    // Focus on <body>, or on the control they pressed, is moved as asked.
    let before = active_element();
    leptos::prelude::request_animation_frame(move || {
        if !focus_moved_on(before.as_ref()) {
            focus(&id);
        }
    });
}

/// The element that has focus now, kept to ask [`focus_moved_on`] later.
pub fn active_element() -> Option<web_sys::Element> {
    document().and_then(|document| document.active_element())
}

/// Whether the person has put focus on a control since `before` had it:
/// a late frame (a slow device, WebKit under load) must not take focus
/// from a field they are typing in, or keystrokes are lost.
pub fn focus_moved_on(before: Option<&web_sys::Element>) -> bool {
    let now = active_element();
    now.is_some() && now.as_ref() != before && !is_body(now.as_ref())
}

fn is_body(element: Option<&web_sys::Element>) -> bool {
    element.is_some_and(|element| element.tag_name().eq_ignore_ascii_case("body"))
}

/// Focuses the element with `id` once a redraw has replaced the one that
/// has that id now (a page drawn again after a save gives its controls the
/// same ids), or after a few frames if nothing replaces it.
pub fn focus_after_redraw(id: impl Into<String>) {
    let id = id.into();
    let before = document().and_then(|document| document.get_element_by_id(&id));
    focus_when_replaced(id, before, 30);
}

fn focus_when_replaced(id: String, before: Option<web_sys::Element>, frames_left: u32) {
    leptos::prelude::request_animation_frame(move || {
        let now = document().and_then(|document| document.get_element_by_id(&id));
        let replaced = now.is_some() && now != before;
        if replaced || frames_left == 0 {
            focus(&id);
        } else {
            focus_when_replaced(id, before, frames_left - 1);
        }
    });
}

/// Runs `work` in a task of its own, after whatever the browser has queued.
pub fn in_a_new_task(work: impl FnOnce() + 'static) {
    leptos::prelude::set_timeout(work, std::time::Duration::ZERO);
}

/// Resolves in a task of its own, after whatever the browser has queued:
/// `.await`ed between two pieces of work that would each be a long task
/// on a slow phone, so that a tap between them is answered and Lighthouse
/// counts two shorter tasks, not one long one.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        in_a_new_task(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Notes when the task it was started in ends, so that work which awaited
/// something can tell a real wait (a fetch) from a future that was ready
/// within the task (a chunk already here). Not generic, so its code is in
/// the first load once, whatever it is used with.
pub struct TaskWatch(std::rc::Rc<std::cell::Cell<bool>>);

impl TaskWatch {
    /// Starts watching the task that is running now.
    pub fn start() -> Self {
        let ended = std::rc::Rc::new(std::cell::Cell::new(false));
        let mark = ended.clone();
        in_a_new_task(move || mark.set(true));
        Self(ended)
    }

    /// If the task it was started in has ended, goes on in a task of its
    /// own (see [`next_task`]); if not, at once. So a page whose code is
    /// here is drawn before the next paint, with no "Loading" shown
    /// between pages, and one whose chunk was fetched is drawn apart from
    /// the chunk's instantiation.
    pub async fn next_task_if_waited(self) {
        if self.0.get() {
            next_task().await;
        }
    }
}

/// Where the app draws its pages: index.html's `#app-page`, between the
/// header and footer it keeps; the body if a page has no such element.
pub fn page_host() -> Option<web_sys::HtmlElement> {
    let document = document()?;
    document
        .get_element_by_id("app-page")
        .and_then(|host| host.dyn_into::<web_sys::HtmlElement>().ok())
        .or_else(|| document.body())
}

/// Takes away the static first page of index.html once the app's own page
/// is drawn behind it: checked on each animation frame until the app's
/// `<main>` shows nothing loading (a wasm chunk or a content file still on
/// the way, see `PageLoading`). A prerendered page thus stays on screen
/// until the same page replaces it, never a "Loading…" line, so nothing
/// jumps and the scroll position holds. Each fetch ends with the page or a
/// "Try again" page, so the wait ends. What the person was doing on the
/// static page carries over (see `hand_over`), and the skip link, which
/// the app follows from now on (see `navigation`), is shown.
pub fn remove_static_first_page_once_drawn() {
    wait_to_hand_over(0);
}

/// Frames after which the static page is taken away even if the browser
/// reports no first paint (one without paint timing): about 0.3 s, as the
/// boot script waits (tools/post-build.mjs).
const FRAMES_FOR_FIRST_PAINT: u32 = 20;

fn wait_to_hand_over(frames: u32) {
    leptos::prelude::request_animation_frame(move || {
        let Some(document) = document() else {
            return;
        };
        // Were the app's page the first one painted, it would be the
        // largest paint, and a slow phone would wait for the whole wasm.
        let static_page_shown = first_paint_reported() || frames >= FRAMES_FOR_FIRST_PAINT;
        let app_main = document.query_selector("#app-page > main").ok().flatten();
        let loading = app_main
            .as_ref()
            .and_then(|main| main.query_selector("[data-app-loading]").ok().flatten());
        match (app_main, loading) {
            (Some(app_main), None) if static_page_shown => hand_over(&document, &app_main),
            _ => wait_to_hand_over(frames + 1),
        }
    });
}

/// Whether the browser has reported its first contentful paint.
fn first_paint_reported() -> bool {
    window()
        .and_then(|window| window.performance())
        .is_some_and(|performance| {
            performance
                .get_entries_by_name("first-contentful-paint")
                .length()
                > 0
        })
}

/// The controls a reader may be on, in a page's `<main>`.
const FOCUSABLE: &str = "a[href], button, input, select, textarea, summary";

/// Replaces the static page with the app's: the control that had focus
/// gets it again in the app's page (the one of the same kind, address,
/// field and words; or, for a place focused by a link to it such as a
/// section's heading, the one with the same id), the sections opened
/// (`<details>`) stay open, and the
/// radios and checkboxes ticked in a prerendered form are ticked in the
/// app's, by a click, so the app hears of each choice as if made there.
fn hand_over(document: &web_sys::Document, app_main: &web_sys::Element) {
    let Some(placeholder) = document.get_element_by_id("app-static") else {
        return;
    };
    let page = current_pathname();
    let same_control = active_element()
        .filter(|focused| placeholder.contains(Some(focused)))
        .and_then(|focused| {
            let key = control_key(&focused, &page);
            let id = focused.id();
            elements(app_main, FOCUSABLE)
                .into_iter()
                .find(|control| control_key(control, &page) == key)
                .or_else(|| {
                    let id = (!id.is_empty()).then_some(id)?;
                    elements(app_main, "[tabindex]")
                        .into_iter()
                        .find(|place| place.id() == id)
                })
        });
    let opened: Vec<bool> = elements(&placeholder, "details")
        .iter()
        .map(|details| details.has_attribute("open"))
        .collect();
    let ticked: Vec<_> = elements(&placeholder, "input:checked")
        .iter()
        .map(|input| control_key(input, &page))
        .collect();
    placeholder.remove();
    for (details, open) in elements(app_main, "details").iter().zip(opened) {
        if open {
            let _ = details.set_attribute("open", "");
        }
    }
    for input in elements(app_main, "input")
        .into_iter()
        .filter(|input| ticked.contains(&control_key(input, &page)))
        .filter_map(|input| input.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        if !input.checked() {
            input.click();
        }
    }
    if let Some(control) =
        same_control.and_then(|control| control.dyn_into::<web_sys::HtmlElement>().ok())
    {
        focus_without_scrolling(&control);
    }
    if let Ok(Some(skip_link)) = document.query_selector(".nhsuk-skip-link") {
        let _ = skip_link.set_attribute("href", "#maincontent");
        let _ = skip_link.remove_attribute("hidden");
    }
}

/// What tells a control apart from the others on `page` (its pathname):
/// its tag, address, field name and value, and words. A link to a place on
/// the page ("#sources") names the page in the prerendered copy
/// ("/roles/pa#sources", see `prerender`), so it is read that way.
fn control_key(element: &web_sys::Element, page: &str) -> [Option<String>; 5] {
    let href = element
        .get_attribute("href")
        .map(|href| match href.strip_prefix('#') {
            Some(place) => format!("{page}#{place}"),
            None => href,
        });
    [
        Some(element.tag_name()),
        href,
        element.get_attribute("name"),
        element.get_attribute("value"),
        element.text_content().map(|text| text.trim().to_owned()),
    ]
}

fn elements(within: &web_sys::Element, selector: &str) -> Vec<web_sys::Element> {
    within
        .query_selector_all(selector)
        .map(|list| {
            (0..list.length())
                .filter_map(|index| list.item(index))
                .filter_map(|node| node.dyn_into::<web_sys::Element>().ok())
                .collect()
        })
        .unwrap_or_default()
}

/// Marks the header's link to the section `path` is in as the current page
/// (`aria-current="page"`), and no other. The links are index.html's.
pub fn mark_current_section(path: &str) {
    let Some(document) = document() else {
        return;
    };
    let Ok(links) = document.query_selector_all(".app-navigation__list a[href]") else {
        return;
    };
    let page_origin = window()
        .and_then(|window| window.location().origin().ok())
        .unwrap_or_default();
    let base = base_path();
    for link in (0..links.length())
        .filter_map(|index| links.item(index))
        .filter_map(|node| node.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        let current =
            crate::address::in_app_path(&link.origin(), &link.pathname(), &page_origin, &base)
                .is_some_and(|section| crate::address::is_in_section(path, &section));
        let _ = if current {
            link.set_attribute("aria-current", "page")
        } else {
            link.remove_attribute("aria-current")
        };
    }
}

/// Adds or removes a class on the `<html>` element.
pub fn set_root_class(class: &str, on: bool) {
    let root = document().and_then(|document| document.document_element());
    if let Some(root) = root {
        let _ = root.class_list().toggle_with_force(class, on);
    }
}

/// An app address as an `href`, under the base path the app is served from.
/// `navigation` takes over clicks on such links, so a plain `<a>` with this
/// address changes page without reloading.
pub fn href(path: &str) -> String {
    format!("{}{path}", base_path())
}

/// The address bar's path, base included.
fn current_pathname() -> String {
    window()
        .and_then(|window| window.location().pathname().ok())
        .unwrap_or_default()
}

/// The current address relative to the app's base, such as "/roles/pa".
pub fn current_path() -> String {
    let pathname = current_pathname();
    let base = base_path();
    pathname.strip_prefix(&base).unwrap_or(&pathname).to_owned()
}

/// The query string with its "?", or "".
pub fn current_search() -> String {
    window()
        .and_then(|window| window.location().search().ok())
        .unwrap_or_default()
}

/// Fetches a text file from the app's own origin. The error says what went
/// wrong in words a user can act on.
pub async fn fetch_text(url: &str) -> Result<String, String> {
    let window = window().ok_or("there is no browser window")?;
    let response = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| "the device seems to be offline".to_string())?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| "the browser gave no response".to_string())?;
    if !response.ok() {
        return Err(format!("the server answered {}", response.status()));
    }
    let text = response
        .text()
        .map_err(|_| "the file could not be read".to_string())?;
    wasm_bindgen_futures::JsFuture::from(text)
        .await
        .ok()
        .and_then(|text| text.as_string())
        .ok_or_else(|| "the file could not be read".to_string())
}

/// The address of a content file fetched on demand, such as "framework".
/// Its name carries a hash of its contents, written into index.html by
/// tools/post-build.mjs, so a browser never pairs a cached file with a
/// newer app.
pub fn content_file_href(name: &str) -> String {
    let file = document()
        .and_then(|document| {
            document
                .query_selector(&format!("meta[name=app-{name}]"))
                .ok()
                .flatten()
        })
        .and_then(|meta| meta.get_attribute("content"))
        .unwrap_or_else(|| format!("{name}.json"));
    href(&format!("/{file}"))
}

/// The controls a repeated press must not act on twice.
const PRESSABLE: &str = "button, a[href], input[type=submit], input[type=button]";

/// Whether `target` is, or is inside, a button or link.
fn on_a_control(target: Option<web_sys::EventTarget>) -> bool {
    target
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .and_then(|element| element.closest(PRESSABLE).ok().flatten())
        .is_some()
}

/// Makes every button and link act once per intended press, across the
/// whole app: the second click of a double-click (`MouseEvent.detail` 2 or
/// more; a double tap on a phone too) and the repeats of a held Enter or
/// Space key are stopped before any handler sees them. Without this a
/// double-click on "Next" skipped a question. Listens in the capture phase
/// on the window, so it runs before Leptos's delegated handlers.
pub fn act_once_per_press() {
    let Some(window) = window() else {
        return;
    };
    let on_click = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::MouseEvent)>::new(
        |event: web_sys::MouseEvent| {
            if event.detail() > 1 && on_a_control(event.target()) {
                event.prevent_default();
                event.stop_immediate_propagation();
            }
        },
    );
    let on_key = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::KeyboardEvent)>::new(
        |event: web_sys::KeyboardEvent| {
            let key = event.key();
            if event.repeat() && (key == "Enter" || key == " ") && on_a_control(event.target()) {
                event.prevent_default();
                event.stop_immediate_propagation();
            }
        },
    );
    // Both live as long as the page; a failed registration leaves the
    // controls working as the browser makes them.
    let _ = window.add_event_listener_with_callback_and_bool(
        "click",
        on_click.as_ref().unchecked_ref(),
        true,
    );
    let _ = window.add_event_listener_with_callback_and_bool(
        "keydown",
        on_key.as_ref().unchecked_ref(),
        true,
    );
    on_click.forget();
    on_key.forget();
}

/// Whether WebKit's 7-day limit on stored data applies to this page: Safari,
/// or any browser on an iPhone or iPad (all of them use WebKit), and not
/// opened from the Home Screen (which WebKit exempts). Read from the user
/// agent: it says "AppleWebKit" without "Chrome", "Chromium" or "Android",
/// which Chromium-based browsers also add. Source: WebKit, "Full
/// Third-Party Cookie Blocking and More", 24 March 2020,
/// <https://webkit.org/blog/10218/full-third-party-cookie-blocking-and-more/>.
pub fn webkit_deletes_unused_data() -> bool {
    let Some(window) = window() else {
        return false;
    };
    let agent = window.navigator().user_agent().unwrap_or_default();
    let webkit = agent.contains("AppleWebKit")
        && !["Chrome", "Chromium", "Android"]
            .iter()
            .any(|other| agent.contains(other));
    let from_home_screen = window
        .match_media("(display-mode: standalone)")
        .ok()
        .flatten()
        .is_some_and(|query| query.matches());
    webkit && !from_home_screen
}
