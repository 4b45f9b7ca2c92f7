//! The page shown when something a page needs could not be fetched (a
//! content file, or a chunk of the app's code): a heading that names it,
//! why, and "Try again".

use crate::{components::page_heading::PageHeading, navigation};
use leptos::prelude::*;

/// `what` is in words for the user ("the glossary", "this page");
/// `explanation` says what could not be fetched and, where known, why.
/// `on_retry` fetches it anew; focus then moves to the heading of the page
/// that replaces this one, and it is announced, as after a page change.
/// When that page is this one again, its heading says "still", so the
/// press is seen and heard to have done something.
#[component]
pub fn CouldNotLoad(what: String, explanation: String, on_retry: Callback<()>) -> impl IntoView {
    let retry = move |_| {
        navigation::arrive_again();
        on_retry.run(());
    };
    let still = if navigation::arriving_by_trying_again() {
        " still"
    } else {
        ""
    };
    view! {
        <PageHeading text=format!("Sorry, {what}{still} could not be loaded")/>
        <p>{explanation} " Check your connection and try again. Nothing you have saved is affected."</p>
        <button class="nhsuk-button" type="button" on:click=retry>"Try again"</button>
    }
}

/// The page's own code, a wasm chunk (`lazy`), could not be fetched; also
/// when the content files came but the code that reads them, which comes
/// with that chunk, did not (`content_loader`).
#[component]
pub fn PageCodeNotLoaded(on_retry: Callback<()>) -> impl IntoView {
    view! {
        <CouldNotLoad
            what="this page".to_string()
            explanation="Part of the app that this page needs could not be downloaded.".to_string()
            on_retry
        />
    }
}

/// The code that reads the device's records (a wasm chunk) could not be
/// fetched, on a page that shows them (`Page::reads_records`). The records
/// banner, which says the same on other pages, stands aside here, so one
/// fault has one "Try again".
#[component]
pub fn RecordsCodeNotLoaded(on_retry: Callback<()>) -> impl IntoView {
    view! {
        <CouldNotLoad
            what="your saved answers".to_string()
            explanation="The part of the app that reads what you have saved on this device could not be downloaded.".to_string()
            on_retry
        />
    }
}
