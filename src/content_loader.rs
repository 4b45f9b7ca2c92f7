//! The content files the browser fetches when a page first needs them (see
//! `core::content::LazyFile`), and the page shown while they come or if one
//! cannot. The code that reads them comes with the page's own chunk
//! (`lazy::content_reader`), fetched with the first file. Provided by `App`
//! as a context of its own: loading content has nothing to do with saving
//! data, which is `AppState`'s.

use crate::{
    address::Page,
    browser,
    components::{
        could_not_load::{CouldNotLoad, PageCodeNotLoaded},
        page_loading::PageLoading,
    },
    core::content::LazyFile,
    lazy::{self, ContentReaderFetch, PageCodeFailed},
};
use leptos::prelude::*;

/// Where a content file the browser fetches is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ContentLoad {
    NotStarted,
    Loading,
    Ready,
    /// Why, in words for the user.
    Failed(String),
    /// The file came, or may have, but the code that reads it, which comes
    /// with the page's own chunk, could not be fetched: the page's code is
    /// what is missing, and the page says so (`PageCodeNotLoaded`).
    CodeFailed,
}

/// The load of each fetched content file. `Copy`, as views hold it.
#[derive(Clone, Copy)]
pub struct ContentLoader {
    framework: RwSignal<ContentLoad>,
    glossary: RwSignal<ContentLoad>,
    roles: RwSignal<ContentLoad>,
    /// Notified by "Try again": the page is drawn anew (see `retry`).
    retried: Trigger,
}

impl ContentLoader {
    pub fn new() -> ContentLoader {
        ContentLoader {
            framework: RwSignal::new(ContentLoad::NotStarted),
            glossary: RwSignal::new(ContentLoad::NotStarted),
            roles: RwSignal::new(ContentLoad::NotStarted),
            retried: Trigger::new(),
        }
    }

    fn signal_of(self, file: LazyFile) -> RwSignal<ContentLoad> {
        match file {
            LazyFile::Framework => self.framework,
            LazyFile::Glossary => self.glossary,
            LazyFile::Roles => self.roles,
        }
    }

    /// Whether `file` is here, on its way or failed to come; reactive.
    pub fn load_of(self, file: LazyFile) -> ReadSignal<ContentLoad> {
        self.signal_of(file).read_only()
    }

    /// Fetches `file` unless it is here or on its way, and reads it with
    /// the code `reader` brings. Pages that need it show once its load is
    /// `Ready`.
    pub fn need(self, file: LazyFile, reader: ContentReaderFetch) {
        let load = self.signal_of(file);
        if file.is_loaded() {
            if load.get_untracked() != ContentLoad::Ready {
                load.set(ContentLoad::Ready);
            }
            return;
        }
        if load.get_untracked() == ContentLoad::Loading {
            return;
        }
        load.set(ContentLoad::Loading);
        leptos::task::spawn_local(async move {
            // The file and the code that reads it come at the same time.
            let (text, reader) = futures::future::join(
                browser::fetch_text(&browser::content_file_href(file.name())),
                reader,
            )
            .await;
            let read = match (text, reader) {
                (_, Err(PageCodeFailed)) => ContentLoad::CodeFailed,
                (Err(reason), Ok(_)) => ContentLoad::Failed(reason),
                // Reading a file (the framework: 89 KB of JSON) is a task
                // of its own, apart from instantiating the chunk that
                // brought the code before it and from drawing the page
                // after it (set off by `load.set`).
                (Ok(text), Ok(read)) => {
                    browser::next_task().await;
                    let result = read(file, &text);
                    browser::next_task().await;
                    match result {
                        Ok(()) => ContentLoad::Ready,
                        Err(_) => {
                            ContentLoad::Failed("the file that came back is damaged".to_string())
                        }
                    }
                }
            };
            load.set(read);
        });
    }

    /// Fetches every file `page` needs (`Page::needs`) that is not here or
    /// on its way, and with them the code of `page`'s chunk that reads
    /// them.
    pub fn need_all(self, page: &Page) {
        for &file in page.needs() {
            self.need(file, lazy::content_reader(page));
        }
    }

    /// "Try again" on `page`: every file it needs that failed is fetched
    /// again, and the page is made anew (`App` tracks `retried`), so the
    /// code of its chunk is fetched again too if that is what failed. The
    /// reader comes with that chunk: when it fails, the chunk's own "Try
    /// again" would be a second press.
    pub fn retry(self, page: &Page) {
        for &file in page.needs() {
            let load = self.signal_of(file);
            if matches!(
                load.get_untracked(),
                ContentLoad::Failed(_) | ContentLoad::CodeFailed
            ) {
                load.set(ContentLoad::NotStarted);
            }
        }
        self.retried.notify();
    }

    /// Subscribes the caller to "Try again" (see `retry`).
    pub fn track_retries(self) {
        self.retried.track();
    }
}

impl Default for ContentLoader {
    fn default() -> ContentLoader {
        ContentLoader::new()
    }
}

/// The content loader, provided by `App` before any page renders.
///
/// # Panics
/// Outside `App` (a wiring mistake, caught by every browser test).
pub fn use_content_loader() -> ContentLoader {
    expect_context::<ContentLoader>()
}

/// Shows `view`, the view of `page`, once every file the page needs
/// (`Page::needs`) is here; the first page that needs one fetches it.
/// `view` is made before the files come but drawn only once they are here:
/// a page whose code is in a wasm chunk (`lazy::page`) starts fetching the
/// chunk when it is made, so the chunk and the files come at the same time,
/// not one after the other. While they come, the first file still on its
/// way is named; if one fails, the first that failed is.
pub fn once_loaded(loader: ContentLoader, page: &Page, view: AnyView) -> AnyView {
    loader.need_all(page);
    let files = page.needs();
    let for_page = page.clone();
    // Drawn once: a file that is here stays here (see `ContentLoader::need`).
    let page = StoredValue::new_local(Some(view));
    (move || {
        let mut waiting = None;
        for &file in files {
            match loader.load_of(file).get() {
                ContentLoad::Ready => {}
                ContentLoad::Failed(reason) => {
                    let page = for_page.clone();
                    return view! { <ContentFailed page file reason/> }.into_any();
                }
                ContentLoad::CodeFailed => {
                    let page = for_page.clone();
                    let retry = move |()| loader.retry(&page);
                    return view! { <PageCodeNotLoaded on_retry=Callback::new(retry)/> }.into_any();
                }
                ContentLoad::NotStarted | ContentLoad::Loading => {
                    waiting.get_or_insert(file);
                }
            }
        }
        match waiting {
            Some(file) => view! { <PageLoading what=file.what()/> }.into_any(),
            None => page
                .try_update_value(Option::take)
                .flatten()
                .unwrap_or_else(|| ().into_any()),
        }
    })
    .into_any()
}

/// `file`, one of the files `page` needs, failed for `reason`. "Try
/// again" mends all that failed at one press (see `ContentLoader::retry`).
#[component]
fn ContentFailed(page: Page, file: LazyFile, reason: String) -> impl IntoView {
    let loader = use_content_loader();
    let retry = move |()| loader.retry(&page);
    view! {
        <CouldNotLoad
            what=file.what().to_string()
            explanation=format!("This page needs {}, which could not be downloaded: {reason}.", file.what())
            on_retry=Callback::new(retry)
        />
    }
}
