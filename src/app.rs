//! The shell: state, navigation and the storage banners that every page
//! shares. The header, navigation links and footer are index.html's own,
//! drawn before the wasm arrives and kept (the app marks the current
//! section's link): drawing them again cost 3.4 KB of the first load and
//! nothing measurable in start-up time (BENCHMARKS.md, eighth session).

use crate::{
    address::Page,
    browser,
    components::{
        could_not_load::RecordsCodeNotLoaded, page_loading::PageLoading,
        sourced::StaleContentNotice, storage_banner::StorageBanner,
    },
    content_loader::{once_loaded, use_content_loader, ContentLoader},
    lazy,
    navigation::Navigation,
    pages,
    state::{use_app_state, AppState, RecordsCodeSource, RecordsRead, RecordsTask},
};
use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    // Start-up is cut into tasks after this one, each short on a slow
    // phone (BENCHMARKS.md, fifteenth session): the first page's content
    // files and the chunk with the code that reads them are asked for in
    // the next, before the shell is drawn (twelfth session); the shell is
    // drawn in the one after, and the first page in the last (see
    // `crate::mount`). Until then the static first page stays on screen,
    // and app.css hides what the app has drawn behind it.
    let navigation = Navigation::start();
    let loader = ContentLoader::new();
    let arriving_at = Page::from_path(&navigation.path());
    let shell = RwSignal::new(false);
    let first_page = RwSignal::new(false);
    browser::in_a_new_task(move || {
        loader.need_all(&arriving_at);
        browser::in_a_new_task(move || {
            shell.set(true);
            browser::in_a_new_task(move || {
                first_page.set(true);
                browser::remove_static_first_page_once_drawn();
            });
        });
    });
    // Read by code in a chunk of its own, fetched now only if storage holds
    // something of the app's (see `RecordsTask`).
    let state = AppState::load(RecordsCodeSource::Chunk(lazy::records_code));
    provide_context(state);
    provide_context(navigation);
    provide_context(loader);
    listen_to_other_tabs(state);
    browser::act_once_per_press();
    Effect::new(move || browser::mark_current_section(&navigation.path()));
    // Presenter mode enlarges everything through a class on <html>, so the
    // NHS.UK styles scale with it. Its reset button needs the records
    // code, fetched now rather than at the press.
    Effect::new(move || {
        let presenting = state.settings().with(|settings| settings.presenter);
        browser::set_root_class("app-presenter", presenting);
        if presenting {
            state.fetch_records_code();
        }
    });

    // Drawn into index.html's #app-page (see `crate::mount`).
    move || {
        shell.get().then(|| {
            view! {
                <StorageBanner/>
                <StaleContentNotice/>
                <main class="nhsuk-main-wrapper" id="maincontent" tabindex="-1">
                    <CurrentPage navigation first_page/>
                </main>
            }
        })
    }
}

/// The page for the current address, once `first_page` is set. Rebuilt
/// only when the path changes, or on "Try again" after a content file
/// failed (`ContentLoader::retry`); pages that read the query string
/// subscribe to it themselves. A page that uses a content file fetched on demand
/// waits for it (see `Page::needs`), while its code's chunk comes.
#[component]
fn CurrentPage(navigation: Navigation, first_page: RwSignal<bool>) -> impl IntoView {
    let loader = use_content_loader();
    move || {
        if !first_page.get() {
            return ().into_any();
        }
        loader.track_retries();
        let page = Page::from_path(&navigation.path());
        let view = match page.reads_records() {
            true => once_records_read(page_view(&page)),
            false => page_view(&page),
        };
        match page.needs() {
            [] => view,
            _ => once_loaded(loader, &page, view),
        }
    }
}

/// Shows `view` once the device's records are read (see `RecordsRead`):
/// at once on a first visit, when there are none. `view` is made before
/// they are read, so its chunk comes at the same time as their code.
fn once_records_read(view: AnyView) -> AnyView {
    let state = use_app_state();
    // Drawn once: records once read stay read. A memo, as reading them
    // again (an import, another tab) sets the signal again.
    let read = Memo::new(move |_| state.records_read().get());
    let view = StoredValue::new_local(Some(view));
    (move || match read.get() {
        RecordsRead::Waiting => view! { <PageLoading what="your saved answers"/> }.into_any(),
        RecordsRead::CodeFailed => {
            view! { <RecordsCodeNotLoaded on_retry=Callback::new(move |()| state.retry_records())/> }
                .into_any()
        }
        RecordsRead::Read => view
            .try_update_value(Option::take)
            .flatten()
            .unwrap_or_else(|| ().into_any()),
    })
    .into_any()
}

fn page_view(page: &Page) -> AnyView {
    match page.clone() {
        Page::Home => view! { <pages::home::Home/> }.into_any(),
        Page::Roles => lazy::page(lazy::roles),
        Page::RouteFinder => lazy::page(lazy::route_finder),
        Page::Compare => lazy::page(lazy::compare),
        Page::Role(code) => lazy::page(move || lazy::role_profile(code.clone())),
        Page::Capabilities => lazy::page(lazy::capabilities),
        Page::CheckStart => lazy::page(|| lazy::check_start(false)),
        Page::CheckNew => lazy::page(|| lazy::check_start(true)),
        Page::CheckStep(id) => lazy::page(move || lazy::check_step(id.clone())),
        Page::ResultsList => lazy::page(lazy::results_list),
        Page::Results(id) => lazy::page(move || lazy::results(id.clone())),
        page @ (Page::ReviewAsk(_) | Page::Review) => {
            lazy::page(move || lazy::review(page.clone()))
        }
        Page::MyData => lazy::page(lazy::my_data),
        Page::Packs => lazy::page(lazy::packs),
        Page::Workshop => lazy::page(lazy::workshop),
        Page::About => lazy::page(lazy::about),
        Page::Sources => lazy::page(lazy::sources),
        Page::Accessibility => lazy::page(lazy::accessibility),
        Page::Glossary => lazy::page(lazy::glossary),
        Page::Evidence => lazy::page(lazy::evidence),
        Page::NotFound => view! { <pages::not_found::NotFound/> }.into_any(),
    }
}

/// The `storage` event fires in every other tab of this origin when one
/// tab writes, so answers given in one tab appear in the other. Only events
/// about this tab's own storage count: a guest or presenter tab never shows
/// the device's data (see `storage::is_about_our_storage`).
fn listen_to_other_tabs(state: AppState) {
    let handle = window_event_listener(leptos::ev::storage, move |event| {
        if !crate::storage::is_about_our_storage(&event) {
            return;
        }
        let key = event.key();
        if key
            .as_deref()
            .is_some_and(|key| !key.starts_with(crate::core::records::KEY_PREFIX))
        {
            return;
        }
        state.run_with_records_code(RecordsTask::ChangeFromOtherTab {
            key,
            new_value: event.new_value(),
        });
    });
    // The shell lives as long as the page, so the listener does too.
    std::mem::forget(handle);
}
