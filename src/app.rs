//! The shell: state, router, header, footer and the storage banners that
//! every page shares.

use crate::{
    browser,
    components::{
        layout::{Footer, Header, SkipLink},
        storage_banner::StorageBanner,
    },
    pages,
    state::AppState,
};
use leptos::prelude::*;
use leptos_router::{
    components::{Route, Router, Routes},
    path,
};

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::load();
    provide_context(state);
    listen_to_other_tabs(state);

    view! {
        <Router base=browser::base_path()>
            <SkipLink/>
            <Header/>
            <div class="nhsuk-width-container">
                <StorageBanner/>
                <main class="nhsuk-main-wrapper" id="maincontent" tabindex="-1">
                    <Routes fallback=pages::not_found::NotFound>
                        <Route path=path!("/") view=pages::home::Home/>
                        <Route path=path!("/roles") view=pages::roles::Roles/>
                        <Route path=path!("/roles/:role") view=pages::role_profile::RoleProfilePage/>
                        <Route path=path!("/capabilities") view=pages::capabilities::Capabilities/>
                        <Route path=path!("/check") view=pages::check_start::CheckStart/>
                        <Route path=path!("/check/:id") view=pages::check_step::CheckStep/>
                        <Route path=path!("/results") view=pages::results::ResultsList/>
                        <Route path=path!("/results/:id") view=pages::results::Results/>
                        <Route path=path!("/my-data") view=pages::my_data::MyData/>
                        <Route path=path!("/about") view=pages::about::About/>
                        <Route path=path!("/about/sources") view=pages::sources::Sources/>
                    </Routes>
                </main>
            </div>
            <Footer/>
        </Router>
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
