//! Tells the user, on every page, when their answers are not being kept:
//! storage blocked, storage full, a guest session, data set aside, or
//! saved data that could not be read because its code could not be fetched.

use crate::address::Page;
use crate::components::inset_text::InsetText;
use crate::components::warning_callout::WarningCallout;
use crate::{
    core::limits,
    navigation::{self, use_navigation},
    state::{use_app_state, Notice, RecordsRead, RecordsTask, SaveStatus},
    storage::Backend,
};
use leptos::prelude::*;

#[component]
pub fn StorageBanner() -> impl IntoView {
    let state = use_app_state();
    view! {
        <PresenterBar/>
        <div role="status" class="app-storage-banner">
            {move || match state.backend().get() {
                Backend::MemoryOnly => Some(view! {
                    <WarningCallout heading="Nothing will be kept" class="app-banner">
                        <p>"This browser is not letting the app store anything, so your answers will be lost when you close this page. "
                           <a href=Page::MyData.href()>"Export a backup"</a>" before you leave."</p>
                    </WarningCallout>
                }.into_any()),
                Backend::Guest => Some(view! {
                    <InsetText class="app-banner">
                        <p>"Guest session: what you enter is kept in this tab until you close it, and nothing is saved on this device. "
                           <button class="app-link-button" type="button" on:click=move |_| state.run_with_records_code(RecordsTask::EndGuestSession)>"End the guest session"</button></p>
                    </InsetText>
                }.into_any()),
                Backend::Device => None,
            }}
            <RecordsNotRead/>
            {move || match state.save_status().get() {
                SaveStatus::Saved if limits::nearly_full(state.storage_used().get()) => Some(view! {
                    <WarningCallout heading="Storage nearly full" class="app-banner">
                        <p>{format!(
                            "Your data uses about {}% of the space this browser gives the app. When it is full, new answers cannot be saved. ",
                            limits::percent_used(state.storage_used().get())
                        )}
                           <a href=Page::MyData.href()>"Download a backup, then delete assessments you no longer need"</a>"."</p>
                    </WarningCallout>
                }.into_any()),
                SaveStatus::Saved => None,
                SaveStatus::Full { pending } => Some(view! {
                    <WarningCallout heading="Storage full: not saved" class="app-banner">
                        <p>{format!("This device's storage for the app is full, so {pending} change(s) are not saved yet. They are kept while this page stays open. ")}
                           <a href=Page::MyData.href()>"Export a backup or delete old assessments"</a>
                           ", then try again."</p>
                        <button class="nhsuk-button nhsuk-button--secondary app-button--small" type="button"
                            on:click=move |_| state.retry_pending_writes()>"Try saving again"</button>
                    </WarningCallout>
                }.into_any()),
                SaveStatus::Refused(reason) => Some(view! {
                    <WarningCallout heading="Not saved" class="app-banner">
                        <p>"The browser refused to save your last change (" {reason} "). "
                           <a href=Page::MyData.href()>"Export a backup"</a>" to keep your answers."</p>
                        <button class="nhsuk-button nhsuk-button--secondary app-button--small" type="button"
                            on:click=move |_| state.retry_pending_writes()>"Try saving again"</button>
                    </WarningCallout>
                }.into_any()),
            }}
            {move || {
                let (dated, unreadable): (Vec<Notice>, Vec<Notice>) = state
                    .notices()
                    .get()
                    .into_iter()
                    .partition(|notice| matches!(notice, Notice::FutureDated { .. }));
                view! {
                    {(!unreadable.is_empty()).then(|| view! {
                        <WarningCallout heading="Some saved data could not be read" class="app-banner">
                            <ul>
                                {unreadable.into_iter().map(|notice| view! { <li>{describe(&notice)}</li> }).collect_view()}
                            </ul>
                            <p>"Nothing has been deleted. " <a href=Page::MyData.href()>"Download it from My data"</a></p>
                        </WarningCallout>
                    })}
                    {(!dated.is_empty()).then(|| view! {
                        <WarningCallout heading="Check your device's date" class="app-banner">
                            {dated.into_iter().map(|notice| view! { <p>{describe(&notice)}</p> }).collect_view()}
                        </WarningCallout>
                    })}
                }
            }}
        </div>
    }
}

/// The records' code could not be fetched (see `RecordsRead::CodeFailed`).
/// The banner stays while "Try reading them again" tries, so focus stays
/// on the button and nothing below moves; what it says changes, and is
/// announced (the banners' region is a status): "Trying again…", then
/// "It still could not be downloaded", on every failed try.
/// A try that works takes the banner away, and focus goes to the page's
/// heading, which is announced, as after a page load. Not on a page that
/// shows the records: that page says it instead.
#[component]
fn RecordsNotRead() -> impl IntoView {
    let state = use_app_state();
    let trying = RwSignal::new(false);
    let tried_again = RwSignal::new(false);
    Effect::new(move || {
        let read = state.records_read().get();
        if !trying.get_untracked() || read == RecordsRead::Waiting {
            return;
        }
        trying.set(false);
        if read == RecordsRead::CodeFailed {
            tried_again.set(true);
        } else {
            navigation::arrive_again();
        }
    });
    // A page that shows the records says so itself, with its own "Try
    // again" (`RecordsCodeNotLoaded`): one fault, one button.
    let navigation = use_navigation();
    let page_says_so = move || Page::from_path(&navigation.path()).reads_records();
    let shown = Memo::new(move |_| match state.records_read().get() {
        RecordsRead::CodeFailed => !page_says_so(),
        RecordsRead::Waiting => trying.get() && !page_says_so(),
        RecordsRead::Read => false,
    });
    let try_again = move |_| {
        if !trying.get_untracked() {
            trying.set(true);
            state.retry_records();
        }
    };
    move || {
        shown.get().then(|| view! {
            <WarningCallout heading="Your saved answers could not be read" class="app-banner">
                <p>"The part of the app that reads what you have saved on this device could not be downloaded, so the pages that show your answers, and the workshop's presenter mode, cannot open yet. Nothing you have saved is affected."</p>
                {move || if trying.get() {
                    Some("Trying again\u{2026}")
                } else if tried_again.get() {
                    Some("It still could not be downloaded. Check your internet connection and try again.")
                } else {
                    None
                }.map(|progress| view! { <p>{progress}</p> })}
                <button class="nhsuk-button nhsuk-button--secondary app-button--small" type="button"
                    on:click=try_again>"Try reading them again"</button>
            </WarningCallout>
        })
    }
}

/// In presenter mode, on every page: a one-step reset between attendees,
/// which says when it is done.
#[component]
fn PresenterBar() -> impl IntoView {
    let state = use_app_state();
    let navigation = use_navigation();
    let done = RwSignal::new(false);
    // The confirmation belongs to the fresh start page; leaving it ends it.
    Effect::new(move || {
        if Page::from_path(&navigation.path()) != Page::Home {
            done.set(false);
        }
    });
    let reset = move |_| {
        // One step back to a clean start: drop the guest data and begin a
        // fresh guest session, still presenting.
        state.run_with_records_code(RecordsTask::ResetForNextPerson);
        navigation.open(&Page::Home);
        done.set(true);
    };
    move || {
        state.settings().with(|settings| settings.presenter).then(|| view! {
            <div class="app-presenter-bar app-no-print">
                <button class="nhsuk-button nhsuk-button--secondary app-button--small" type="button" on:click=reset>
                    "Reset for the next person"
                </button>
                <p role="status" class="app-presenter-bar__done">
                    {move || done.get().then_some("Ready for the next person: everything from the last session has been cleared.")}
                </p>
            </div>
        })
    }
}

pub fn describe(notice: &Notice) -> String {
    match notice {
        Notice::Quarantined { original, quarantine_key: Some(_), reason } => {
            format!("{original} was unreadable ({reason}) and has been set aside.")
        }
        Notice::Quarantined { original, quarantine_key: None, reason } => {
            format!("{original} is unreadable ({reason}); it is left where it was because there was no room to copy it.")
        }
        Notice::TooNew { key, version } => format!(
            "{key} was saved by a newer version of this app (format {version}). It is left untouched: reload to get the newest version."
        ),
        Notice::FutureDated { count } => format!(
            "{count} answer(s) or plan action(s) were dated later than this device's date and time, which may be wrong. They are now dated today, so your next changes are kept."
        ),
    }
}
