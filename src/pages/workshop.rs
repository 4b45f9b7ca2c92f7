use crate::address::Page;
use crate::components::error_message::ErrorMessage;
use crate::components::page_heading::PageHeading;
use crate::components::text_input::TextInput;
use crate::{
    browser,
    core::{
        content,
        personas::{self, PERSONAS},
        qr,
    },
    navigation::use_navigation,
    state::use_app_state,
    storage::Backend,
};
use leptos::prelude::*;

/// Set at build time for workshops: `MAPSCC_APP_ADDRESS=https://… trunk build`.
const BUILD_TIME_ADDRESS: Option<&str> = option_env!("MAPSCC_APP_ADDRESS");

/// Presenter mode, guest sessions, sample personas and a QR code: for
/// careers workshops and shared devices, with nothing kept afterwards.
#[component]
pub fn Workshop() -> impl IntoView {
    view! {
        <PageHeading text="Workshops and shared devices"/>
        <p>"For careers advisers running a session, and anyone sharing a phone or computer. None of this needs an account, and nothing here is kept after the tab closes."</p>
        <Presenter/>
        <Guest/>
        <Personas/>
        <ShareCode/>
    }
}

#[component]
fn Presenter() -> impl IntoView {
    let state = use_app_state();
    let start = move |_| {
        state.start_guest_session();
        state.update_settings(|settings| settings.presenter = true);
    };
    let end = move |_| {
        state.end_guest_session();
    };
    view! {
        <h2 class="nhsuk-heading-m">"Presenter mode"</h2>
        {move || if state.settings().get().presenter {
            view! {
                <p>"Presenter mode is on: larger text and controls, notes and profile names hidden, and everything kept only until this tab closes. Between attendees, use \"Reset for the next person\" at the top of any page."</p>
                <button class="nhsuk-button nhsuk-button--secondary" type="button" on:click=end>"End presenter mode"</button>
            }.into_any()
        } else {
            view! {
                <p>"Larger text and controls for a projector. It starts a guest session, hides notes and profile names, and gives you a one-step reset between people."</p>
                <button class="nhsuk-button" type="button" on:click=start>"Start presenter mode"</button>
            }.into_any()
        }}
    }
}

#[component]
fn Guest() -> impl IntoView {
    let state = use_app_state();
    let refused = RwSignal::new(false);
    view! {
        <h2 class="nhsuk-heading-m">"Guest session"</h2>
        {move || match state.backend().get() {
            Backend::Guest => view! {
                <p>"You are in a guest session. Nothing is written to this device's storage, and everything goes when you close the tab."</p>
                <button class="nhsuk-button nhsuk-button--secondary" type="button" on:click=move |_| state.end_guest_session()>"End the guest session"</button>
            }.into_any(),
            Backend::Device => view! {
                <p>"Use everything without keeping anything: good for a shared or public computer. Your saved data on this device is left alone and comes back when the guest session ends."</p>
                <button class="nhsuk-button nhsuk-button--secondary" type="button" on:click=move |_| refused.set(!state.start_guest_session())>"Start a guest session"</button>
            }.into_any(),
            Backend::MemoryOnly => view! {
                <p>"This browser is not letting the app store anything, so every session is already a guest session."</p>
            }.into_any(),
        }}
        {move || refused.get().then(|| view! {
            <ErrorMessage message="The browser did not allow a guest session. Close the tab when you finish, or clear your data in My data." alert=true/>
        })}
    }
}

#[component]
fn Personas() -> impl IntoView {
    let state = use_app_state();
    let navigation = use_navigation();
    view! {
        <h2 class="nhsuk-heading-m">"Sample people"</h2>
        <p>"Load a made-up person's finished check to show results without typing. They load into a guest session, so nothing is kept."</p>
        <ul class="nhsuk-list app-personas">
            {PERSONAS.iter().map(|persona| {
                let load = move |_| {
                    if state.backend().get_untracked() == Backend::Device {
                        state.start_guest_session();
                    }
                    let assessment = personas::assessment_for(
                        persona, content::framework(), state.active_profile_id(),
                        browser::new_id(persona.id), browser::now(),
                    );
                    let id = assessment.id.clone();
                    state.add_assessment(assessment);
                    navigation.open(&Page::Results(id.to_string()));
                };
                view! {
                    <li class="app-persona">
                        <h3 class="nhsuk-heading-s">{persona.name}</h3>
                        <p>{persona.description}</p>
                        // The name shown is the name announced (WCAG 2.5.3,
                        // label in name): "Load this person" was read out as
                        // "Load Amira", which voice control could not match.
                        <button class="nhsuk-button nhsuk-button--secondary" type="button" on:click=load>
                            "Load " {persona.name}
                        </button>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

/// The address for the QR code: set in the app, else at build time, else
/// wherever the app is being served from now.
fn default_address(configured: &str) -> String {
    if let Some(address) = qr::valid_address(configured) {
        return address;
    }
    if let Some(address) = BUILD_TIME_ADDRESS.and_then(qr::valid_address) {
        return address;
    }
    crate::browser::window()
        .and_then(|window| window.location().origin().ok())
        .map(|origin| format!("{origin}{}/", browser::base_path()))
        .unwrap_or_default()
}

#[component]
fn ShareCode() -> impl IntoView {
    let state = use_app_state();
    let address = Memo::new(move |_| {
        default_address(
            &state
                .settings()
                .with(|settings| settings.app_address.clone()),
        )
    });
    let error = RwSignal::new(false);
    view! {
        <h2 class="nhsuk-heading-m">"Open on a phone"</h2>
        <p>"Show this code so people can open the app on their own phones."</p>
        {move || qr::qr_svg(&address.get()).map(|code| view! {
            <svg class="app-qr" viewBox=format!("0 0 {0} {0}", code.size) role="img"
                aria-label=format!("QR code for {}", address.get()) focusable="false" data-address=address.get()>
                <rect width=code.size height=code.size class="app-qr__light"></rect>
                <path d=code.path class="app-qr__dark"></path>
            </svg>
        })}
        <p class="app-qr__address">{move || address.get()}</p>
        <TextInput id="qr-address" input_type="url" no_spellcheck=true
            value=Signal::derive(move || state.settings().with(|settings| settings.app_address.clone()))
            hint="For example, the address where your service hosts this app. Leave empty to use this page's address."
            error=Signal::derive(move || error.get().then(|| "Enter an address that starts with https:// or http://".to_string()))
            on_change=Callback::new(move |text: String| {
                let valid = text.trim().is_empty() || qr::valid_address(&text).is_some();
                error.set(!valid);
                if valid {
                    state.update_settings(|settings| settings.app_address = text.trim().to_owned());
                }
            })>
            "Address to share"
        </TextInput>
    }
}
