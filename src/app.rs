//! The shell: state, navigation, header, footer and the storage banners that
//! every page shares.

use crate::{
    browser,
    components::{
        layout::{Footer, Header, SkipLink},
        storage_banner::StorageBanner,
    },
    core::content::LazyFile,
    navigation::Navigation,
    pages,
    routes::Page,
    state::{AppState, ContentLoad},
};
use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::load();
    provide_context(state);
    let navigation = Navigation::start();
    provide_context(navigation);
    listen_to_other_tabs(state);
    // Presenter mode enlarges everything through a class on <html>, so the
    // NHS.UK styles scale with it.
    Effect::new(move || {
        browser::set_root_class(
            "app-presenter",
            state.settings.with(|settings| settings.presenter),
        )
    });

    view! {
        <SkipLink/>
        <Header/>
        <div class="nhsuk-width-container">
            <StorageBanner/>
            <main class="nhsuk-main-wrapper" id="maincontent" tabindex="-1">
                <CurrentPage navigation/>
            </main>
        </div>
        <Footer/>
    }
}

/// The page for the current address. Rebuilt only when the path changes;
/// pages that read the query string subscribe to it themselves.
#[component]
fn CurrentPage(navigation: Navigation) -> impl IntoView {
    let state = crate::state::use_app_state();
    move || match Page::from_path(&navigation.path()) {
        Page::Home => view! { <pages::home::Home/> }.into_any(),
        Page::Roles => view! { <pages::roles::Roles/> }.into_any(),
        Page::RouteFinder => view! { <pages::route_finder::RouteFinder/> }.into_any(),
        Page::Compare => with_content(
            state,
            LazyFile::Framework,
            || view! { <pages::compare::Compare/> },
        ),
        Page::Role(code) => with_content(state, LazyFile::Framework, move || {
            view! { <pages::role_profile::RoleProfilePage code=code.clone()/> }
        }),
        Page::Capabilities => with_content(
            state,
            LazyFile::Framework,
            || view! { <pages::capabilities::Capabilities/> },
        ),
        Page::CheckStart => with_content(
            state,
            LazyFile::Framework,
            || view! { <pages::check_start::CheckStart/> },
        ),
        Page::CheckStep(id) => with_content(state, LazyFile::Framework, move || {
            view! { <pages::check_step::CheckStep id=id.clone()/> }
        }),
        Page::ResultsList => view! { <pages::results::ResultsList/> }.into_any(),
        Page::Results(id) => with_content(state, LazyFile::Framework, move || {
            view! { <pages::results::Results id=id.clone()/> }
        }),
        Page::MyData => with_content(
            state,
            LazyFile::Framework,
            || view! { <pages::my_data::MyData/> },
        ),
        Page::Workshop => with_content(
            state,
            LazyFile::Framework,
            || view! { <pages::workshop::Workshop/> },
        ),
        Page::About => view! { <pages::about::About/> }.into_any(),
        Page::Sources => with_content(
            state,
            LazyFile::Framework,
            || view! { <pages::sources::Sources/> },
        ),
        Page::Accessibility => view! { <pages::accessibility::Accessibility/> }.into_any(),
        Page::Glossary => with_content(
            state,
            LazyFile::Glossary,
            || view! { <pages::glossary::Glossary/> },
        ),
        Page::NotFound => view! { <pages::not_found::NotFound/> }.into_any(),
    }
}

/// A page that uses a content file fetched on demand, shown once the file
/// is here: the first such page fetches it. Pages that need only the role
/// profiles open without waiting.
fn with_content<V: IntoView + 'static>(
    state: AppState,
    file: LazyFile,
    page: impl Fn() -> V + Send + Sync + 'static,
) -> AnyView {
    // Boxed, so the waiting and failure views below are compiled once
    // rather than once for every page.
    once_loaded(state, file, Box::new(move || page().into_any()))
}

fn once_loaded(
    state: AppState,
    file: LazyFile,
    page: Box<dyn Fn() -> AnyView + Send + Sync>,
) -> AnyView {
    state.need(file);
    (move || match state.load_of(file).get() {
        ContentLoad::Ready => page(),
        ContentLoad::Failed(reason) => view! { <ContentFailed file reason/> }.into_any(),
        ContentLoad::NotStarted | ContentLoad::Loading => view! {
            <p class="nhsuk-body-l" role="status">{format!("Loading {}…", file.what())}</p>
        }
        .into_any(),
    })
    .into_any()
}

#[component]
fn ContentFailed(file: LazyFile, reason: String) -> impl IntoView {
    let state = crate::state::use_app_state();
    let heading = format!("Sorry, {} could not be loaded", file.what());
    browser::set_title(&heading);
    view! {
        <h1 class="nhsuk-heading-l">{heading}</h1>
        <p>{format!(
            "This page needs {}, which could not be fetched: {reason}. Check your connection and try again. Nothing you have saved is affected.",
            file.what()
        )}</p>
        <button class="nhsuk-button" type="button" on:click=move |_| {
            state.load_of(file).set(ContentLoad::NotStarted);
            state.need(file);
        }>"Try again"</button>
    }
}

/// The `storage` event fires in every other tab of this origin when one
/// tab writes, so answers given in one tab appear in the other.
fn listen_to_other_tabs(state: AppState) {
    let handle = window_event_listener(leptos::ev::storage, move |event| {
        let key = event.key();
        if key
            .as_deref()
            .is_some_and(|key| !key.starts_with(crate::core::records::KEY_PREFIX))
        {
            return;
        }
        state.apply_change_from_other_tab(key, event.new_value());
    });
    // The shell lives as long as the page, so the listener does too.
    std::mem::forget(handle);
}
