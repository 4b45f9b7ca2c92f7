//! The content files the browser fetches when a page first needs them (see
//! `core::content::LazyFile`), and the page shown while one comes or if it
//! cannot. Provided by `App` as a context of its own: loading content has
//! nothing to do with saving data, which is `AppState`'s.

use crate::{
    browser,
    components::{could_not_load::CouldNotLoad, page_loading::PageLoading},
    core::content::LazyFile,
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
}

/// The load of each fetched content file. `Copy`, as views hold it.
#[derive(Clone, Copy)]
pub struct ContentLoader {
    framework: RwSignal<ContentLoad>,
    glossary: RwSignal<ContentLoad>,
}

impl ContentLoader {
    pub fn new() -> ContentLoader {
        ContentLoader {
            framework: RwSignal::new(ContentLoad::NotStarted),
            glossary: RwSignal::new(ContentLoad::NotStarted),
        }
    }

    fn signal_of(self, file: LazyFile) -> RwSignal<ContentLoad> {
        match file {
            LazyFile::Framework => self.framework,
            LazyFile::Glossary => self.glossary,
        }
    }

    /// Whether `file` is here, on its way or failed to come; reactive.
    pub fn load_of(self, file: LazyFile) -> ReadSignal<ContentLoad> {
        self.signal_of(file).read_only()
    }

    /// Fetches `file` unless it is here or on its way. Pages that need it
    /// show once its load is `Ready`.
    pub fn need(self, file: LazyFile) {
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
            let loaded = match browser::fetch_text(&browser::content_file_href(file.name())).await {
                Ok(text) => file
                    .set(&text)
                    .map_err(|_| "the file that came back is damaged".to_string()),
                Err(reason) => Err(reason),
            };
            load.set(match loaded {
                Ok(()) => ContentLoad::Ready,
                Err(reason) => ContentLoad::Failed(reason),
            });
        });
    }

    /// Fetches `file` again after a failure.
    pub fn retry(self, file: LazyFile) {
        self.signal_of(file).set(ContentLoad::NotStarted);
        self.need(file);
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

/// Shows `page` once `file` is here; the first page that needs it fetches
/// it. Pages that need only the role profiles do not come through here.
/// `page` is made before the file comes but drawn only once it is here: a
/// page whose code is in a wasm chunk (`lazy::page`) starts fetching the
/// chunk when it is made, so the chunk and the file come at the same time,
/// not one after the other.
pub fn once_loaded(loader: ContentLoader, file: LazyFile, page: AnyView) -> AnyView {
    loader.need(file);
    // Drawn once: a file that is here stays here (see `ContentLoader::need`).
    let page = StoredValue::new_local(Some(page));
    (move || match loader.load_of(file).get() {
        ContentLoad::Ready => page
            .try_update_value(Option::take)
            .flatten()
            .unwrap_or_else(|| ().into_any()),
        ContentLoad::Failed(reason) => view! { <ContentFailed file reason/> }.into_any(),
        ContentLoad::NotStarted | ContentLoad::Loading => {
            view! { <PageLoading what=file.what()/> }.into_any()
        }
    })
    .into_any()
}

#[component]
fn ContentFailed(file: LazyFile, reason: String) -> impl IntoView {
    let loader = use_content_loader();
    view! {
        <CouldNotLoad
            what=file.what().to_string()
            explanation=format!("This page needs {}, which could not be fetched: {reason}.", file.what())
            on_retry=Callback::new(move |()| loader.retry(file))
        />
    }
}
