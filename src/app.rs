//! The shell: state, navigation, header, footer and the storage banners that
//! every page shares.

use crate::{
    browser,
    components::{
        layout::{Footer, Header, SkipLink},
        storage_banner::StorageBanner,
    },
    navigation::Navigation,
    pages,
    routes::Page,
    state::{AppState, FrameworkLoad},
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
        Page::Compare => with_framework(state, || view! { <pages::compare::Compare/> }),
        Page::Role(code) => with_framework(state, move || {
            view! { <pages::role_profile::RoleProfilePage code=code.clone()/> }
        }),
        Page::Capabilities => {
            with_framework(state, || view! { <pages::capabilities::Capabilities/> })
        }
        Page::CheckStart => with_framework(state, || view! { <pages::check_start::CheckStart/> }),
        Page::CheckStep(id) => with_framework(state, move || {
            view! { <pages::check_step::CheckStep id=id.clone()/> }
        }),
        Page::ResultsList => view! { <pages::results::ResultsList/> }.into_any(),
        Page::Results(id) => with_framework(state, move || {
            view! { <pages::results::Results id=id.clone()/> }
        }),
        Page::MyData => with_framework(state, || view! { <pages::my_data::MyData/> }),
        Page::Workshop => with_framework(state, || view! { <pages::workshop::Workshop/> }),
        Page::About => view! { <pages::about::About/> }.into_any(),
        Page::Sources => with_framework(state, || view! { <pages::sources::Sources/> }),
        Page::Accessibility => view! { <pages::accessibility::Accessibility/> }.into_any(),
        Page::Glossary => view! { <pages::glossary::Glossary/> }.into_any(),
        Page::NotFound => view! { <pages::not_found::NotFound/> }.into_any(),
    }
}

/// A page that uses the framework of capabilities, shown once it is here:
/// the first such page fetches it. Pages that need only the role profiles
/// open without waiting.
fn with_framework<V: IntoView + 'static>(
    state: AppState,
    page: impl Fn() -> V + Send + Sync + 'static,
) -> AnyView {
    state.need_framework();
    let page = move || page().into_any();
    (move || match state.framework.get() {
        FrameworkLoad::Ready => page(),
        FrameworkLoad::Failed(reason) => view! { <FrameworkFailed reason/> }.into_any(),
        FrameworkLoad::NotStarted | FrameworkLoad::Loading => view! {
            <p class="nhsuk-body-l" role="status">"Loading the capabilities…"</p>
        }
        .into_any(),
    })
    .into_any()
}

#[component]
fn FrameworkFailed(reason: String) -> impl IntoView {
    let state = crate::state::use_app_state();
    browser::set_title("The capabilities could not be loaded");
    view! {
        <h1 class="nhsuk-heading-l">"The capabilities could not be loaded"</h1>
        <p>{format!(
            "This page needs the app's list of capabilities, and it could not be fetched: {reason}. Check your connection and try again. Nothing you have saved is affected."
        )}</p>
        <button class="nhsuk-button" type="button" on:click=move |_| {
            state.framework.set(FrameworkLoad::NotStarted);
            state.need_framework();
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
