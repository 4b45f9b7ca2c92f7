//! Pages whose code is not in the main wasm but in a chunk that the browser
//! fetches the first time one of them is shown, so the first page of a
//! visit waits for less. tools/build-wasm.mjs splits the wasm at the
//! `wasm_split` functions below; in native builds they are plain calls.
//!
//! A chunk that cannot be fetched (offline before the first visit to the
//! page, a dropped connection) gives a page with "Try again", never a
//! panic: the split functions are `fallible`, and a failed fetch is not
//! remembered, so trying again fetches the chunk anew.

use crate::{
    address::Page,
    browser,
    components::{could_not_load::PageCodeNotLoaded, page_loading::PageLoading},
    core::content::LazyFile,
    pages,
    state::{AppState, RecordsCode, RecordsCodeFetch},
};
use leptos::{prelude::*, task::spawn_local_scoped_with_cancellation};
use std::{future::Future, pin::Pin};
use wasm_split_helpers::{wasm_split, SplitLoaderError};

/// The code of a page could not be fetched. Why is in the browser's
/// console: the loader does not pass it on.
#[derive(Clone, Copy, Debug)]
pub struct PageCodeFailed;

/// Makes a page from code in a chunk. It is called where the page is shown,
/// as `app::page_view` makes any other page, so the page's contexts,
/// effects and reactive parts all live under one owner (made elsewhere, a
/// context it provides was not found by its own redraws).
pub type PageMaker = Box<dyn Fn() -> AnyView>;

impl From<SplitLoaderError> for PageCodeFailed {
    fn from(_: SplitLoaderError) -> Self {
        PageCodeFailed
    }
}

// Three chunks, one per journey: exploring the roles and reading about the
// app (`explore`), a practitioner's own work: the check, results and
// plan, the evidence and CPD diary (`check`), and the pages where work
// passes between people and devices (`share`): supervisor review, one's
// data and workshops, and local capability packs (reading and writing pack
// files, with the csv crate, is needed on no other page). wasm-split puts
// code that several chunks use into a shared chunk for each set of them,
// and each file is another fetch() on the main thread: seven journeys made
// a deep link to /check fetch 46 files, four made it 8; five journeys and
// the records chunk made it 29, and Lighthouse counted the 29 calls to
// fetch() as one long task. Three make it 9 (see BENCHMARKS.md, fourteenth
// session); the shell copies of src/prerender.rs `shells()` preload them.

/// Reads a content file's text into the content (`LazyFile::set`); an
/// error says what in the file is wrong.
pub type ContentReader = fn(LazyFile, &str) -> Result<(), String>;

/// The code that reads the content files arriving.
pub type ContentReaderFetch = Pin<Box<dyn Future<Output = Result<ContentReader, PageCodeFailed>>>>;

/// The wasm chunk that holds a page's code: one per journey, named as in
/// the `wasm_split` attributes below.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Journey {
    Explore,
    Check,
    /// Supervisor review, one's data and workshops, and local packs. Each
    /// alone made fewer bytes for its first visit, but many more files for
    /// every page (BENCHMARKS.md, fourteenth session).
    Share,
}

impl Journey {
    /// The name of the chunk (`wasm_split(<name>)`), as tools/build-wasm.mjs
    /// names its file: `lazy-<name>-<hash>.wasm`.
    pub fn name(self) -> &'static str {
        match self {
            Journey::Explore => "explore",
            Journey::Check => "check",
            Journey::Share => "share",
        }
    }
}

/// The chunk whose split function `app::page_view` calls for `page`;
/// `None` for the start page and "page not found", drawn by the main wasm.
pub fn journey(page: &Page) -> Option<Journey> {
    match page {
        Page::Home | Page::NotFound => None,
        Page::Roles
        | Page::RouteFinder
        | Page::Compare
        | Page::Role(_)
        | Page::Capabilities
        | Page::About
        | Page::Sources
        | Page::Accessibility
        | Page::Glossary => Some(Journey::Explore),
        Page::CheckStart
        | Page::CheckNew
        | Page::CheckStep(_)
        | Page::ResultsList
        | Page::Results(_)
        | Page::Evidence => Some(Journey::Check),
        Page::ReviewAsk(_) | Page::Review | Page::MyData | Page::Workshop | Page::Packs => {
            Some(Journey::Share)
        }
    }
}

/// The code that reads the content files (serde's, for each of their
/// types), which `content_loader` fetches with the first file a page
/// needs. Neither the start page nor the shell reads them: the first load
/// is about 26 KB of brotli smaller without it. It comes with the chunk of
/// `page`'s journey: every journey has a way to it, so it is in the code
/// they share. A chunk of its own made a page fetch 18 files, not 8,
/// and drew it later (BENCHMARKS.md, eleventh session).
pub fn content_reader(page: &Page) -> ContentReaderFetch {
    match journey(page) {
        Some(Journey::Check) => Box::pin(content_reader_check()),
        Some(Journey::Share) => Box::pin(content_reader_share()),
        // The start page and "page not found" read no content file.
        Some(Journey::Explore) | None => Box::pin(content_reader_explore()),
    }
}

#[wasm_split(explore, fallible)]
fn content_reader_explore() -> Result<ContentReader, PageCodeFailed> {
    Ok(LazyFile::set)
}

#[wasm_split(check, fallible)]
fn content_reader_check() -> Result<ContentReader, PageCodeFailed> {
    Ok(LazyFile::set)
}

#[wasm_split(share, fallible)]
fn content_reader_share() -> Result<ContentReader, PageCodeFailed> {
    Ok(LazyFile::set)
}

/// The code that reads, decodes and writes the device's records, in a
/// chunk of its own (`records`): the first page of a first visit has none
/// to read, and without it the main wasm is about 40 KB of brotli smaller
/// (BENCHMARKS.md, thirteenth session). `AppState` fetches it at start-up
/// when storage holds something of the app's, and otherwise when the
/// shell first needs it (another tab's change, a banner's button).
pub fn records_code() -> RecordsCodeFetch {
    Box::pin(records_code_chunk())
}

#[wasm_split(records, fallible)]
fn records_code_chunk() -> Result<RecordsCode, PageCodeFailed> {
    Ok(AppState::run_records_task)
}

/// The four roles.
#[wasm_split(explore, fallible)]
pub fn roles() -> Result<PageMaker, PageCodeFailed> {
    Ok(Box::new(move || {
        view! { <pages::roles::Roles/> }.into_any()
    }))
}

/// The route finder.
#[wasm_split(explore, fallible)]
pub fn route_finder() -> Result<PageMaker, PageCodeFailed> {
    Ok(Box::new(move || {
        view! { <pages::route_finder::RouteFinder/> }.into_any()
    }))
}

/// The comparison of roles.
#[wasm_split(explore, fallible)]
pub fn compare() -> Result<PageMaker, PageCodeFailed> {
    Ok(Box::new(move || {
        view! { <pages::compare::Compare/> }.into_any()
    }))
}

/// One role's profile.
#[wasm_split(explore, fallible)]
pub fn role_profile(code: String) -> Result<PageMaker, PageCodeFailed> {
    Ok(Box::new(move || {
        view! { <pages::role_profile::RoleProfilePage code=code.clone()/> }.into_any()
    }))
}

/// The capabilities.
#[wasm_split(explore, fallible)]
pub fn capabilities() -> Result<PageMaker, PageCodeFailed> {
    Ok(Box::new(move || {
        view! { <pages::capabilities::Capabilities/> }.into_any()
    }))
}

/// The start of a check; `sent`: its form was sent before the app took
/// the page over ([`Page::CheckNew`]).
#[wasm_split(check, fallible)]
pub fn check_start(sent: bool) -> Result<PageMaker, PageCodeFailed> {
    Ok(Box::new(move || {
        view! { <pages::check_start::CheckStart sent/> }.into_any()
    }))
}

/// One step of a check.
#[wasm_split(check, fallible)]
pub fn check_step(id: String) -> Result<PageMaker, PageCodeFailed> {
    Ok(Box::new(move || {
        view! { <pages::check_step::CheckStep id=id.clone()/> }.into_any()
    }))
}

/// The list of saved results.
#[wasm_split(check, fallible)]
pub fn results_list() -> Result<PageMaker, PageCodeFailed> {
    Ok(Box::new(move || {
        view! { <pages::results::ResultsList/> }.into_any()
    }))
}

/// One saved result.
#[wasm_split(check, fallible)]
pub fn results(id: String) -> Result<PageMaker, PageCodeFailed> {
    Ok(Box::new(move || {
        view! { <pages::results::Results id=id.clone()/> }.into_any()
    }))
}

/// The supervisor review pages: asking for a review of one assessment and
/// importing the response (`Page::ReviewAsk`), and a supervisor's
/// walk-through (`Page::Review`). One split function serves both, so the
/// main wasm holds one loader for them, not two.
#[wasm_split(share, fallible)]
pub fn review(page: Page) -> Result<PageMaker, PageCodeFailed> {
    Ok(Box::new(move || match &page {
        Page::ReviewAsk(id) => view! { <pages::review::ReviewAsk id=id.clone()/> }.into_any(),
        Page::Review => view! { <pages::review::ReviewPage/> }.into_any(),
        _ => view! { <pages::not_found::NotFound/> }.into_any(),
    }))
}

/// My data.
#[wasm_split(share, fallible)]
pub fn my_data() -> Result<PageMaker, PageCodeFailed> {
    Ok(Box::new(move || {
        view! { <pages::my_data::MyData/> }.into_any()
    }))
}

/// The workshop page.
#[wasm_split(share, fallible)]
pub fn workshop() -> Result<PageMaker, PageCodeFailed> {
    Ok(Box::new(move || {
        view! { <pages::workshop::Workshop/> }.into_any()
    }))
}

/// Local capability packs: load, preview, export and remove.
#[wasm_split(share, fallible)]
pub fn packs() -> Result<PageMaker, PageCodeFailed> {
    Ok(Box::new(move || {
        view! { <pages::packs::Packs/> }.into_any()
    }))
}

/// About the app.
#[wasm_split(explore, fallible)]
pub fn about() -> Result<PageMaker, PageCodeFailed> {
    Ok(Box::new(move || {
        view! { <pages::about::About/> }.into_any()
    }))
}

/// Sources and disclaimer.
#[wasm_split(explore, fallible)]
pub fn sources() -> Result<PageMaker, PageCodeFailed> {
    Ok(Box::new(move || {
        view! { <pages::sources::Sources/> }.into_any()
    }))
}

/// The accessibility statement.
#[wasm_split(explore, fallible)]
pub fn accessibility() -> Result<PageMaker, PageCodeFailed> {
    Ok(Box::new(move || {
        view! { <pages::accessibility::Accessibility/> }.into_any()
    }))
}

/// The glossary.
#[wasm_split(explore, fallible)]
pub fn glossary() -> Result<PageMaker, PageCodeFailed> {
    Ok(Box::new(move || {
        view! { <pages::glossary::Glossary/> }.into_any()
    }))
}

/// The evidence and CPD diary, with the regulators' rules, in the same
/// chunk as the check, results and plan pages that show evidence too.
#[wasm_split(check, fallible)]
pub fn evidence() -> Result<PageMaker, PageCodeFailed> {
    Ok(Box::new(move || {
        view! { <pages::evidence::Evidence/> }.into_any()
    }))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum CodeLoad {
    Loading,
    Ready,
    Failed,
}

/// Shows the page that `load` gives once its chunk is here: "Loading" until
/// then, and a page with "Try again" if the chunk cannot be fetched. `load`
/// is one of the split functions above; once its chunk is loaded it
/// finishes at once, so a second visit shows no "Loading".
pub fn page<Fut>(load: impl Fn() -> Fut + 'static) -> AnyView
where
    Fut: Future<Output = Result<PageMaker, PageCodeFailed>> + 'static,
{
    // Only this line is made once for each page: the rest is one copy.
    page_from_chunk(Box::new(move || Box::pin(load())))
}

type PageFetch = Pin<Box<dyn Future<Output = Result<PageMaker, PageCodeFailed>>>>;

fn page_from_chunk(load: Box<dyn Fn() -> PageFetch>) -> AnyView {
    let attempt = RwSignal::new(0_u32);
    let status = RwSignal::new(CodeLoad::Loading);
    let maker = StoredValue::new_local(None::<PageMaker>);
    Effect::new(move |_| {
        attempt.track();
        status.set(CodeLoad::Loading);
        let fetched = load();
        // Cancelled if the page is left before its chunk arrives.
        spawn_local_scoped_with_cancellation(async move {
            // Instantiating a chunk that had to be fetched and drawing its
            // page are each a long task on a slow phone: the page is drawn
            // in a task of its own. A chunk here already (another page of
            // the same journey brought it) gives its page at once.
            let this_task = browser::TaskWatch::start();
            let fetched = fetched.await;
            this_task.next_task_if_waited().await;
            match fetched {
                Ok(make) => {
                    maker.set_value(Some(make));
                    status.set(CodeLoad::Ready);
                }
                Err(PageCodeFailed) => status.set(CodeLoad::Failed),
            }
        });
    });
    (move || match status.get() {
        CodeLoad::Loading => view! { <PageLoading what="this page"/> }.into_any(),
        CodeLoad::Failed => view! {
            <PageCodeNotLoaded on_retry=Callback::new(move |()| attempt.update(|n| *n += 1))/>
        }
        .into_any(),
        // Made here, as any other page is made in `app::page_view`.
        CodeLoad::Ready => maker
            .with_value(|make| make.as_ref().map(|make| make()))
            .unwrap_or_else(|| ().into_any()),
    })
    .into_any()
}
