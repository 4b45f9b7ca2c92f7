//! The page shown when something a page needs could not be fetched (a
//! content file, or a chunk of the app's code): a heading that names it,
//! why, and "Try again".

use crate::{components::page_heading::PageHeading, navigation};
use leptos::prelude::*;

/// `what` is in words for the user ("the glossary", "this page");
/// `explanation` says what could not be fetched and, where known, why.
/// `on_retry` fetches it anew; focus then moves to the heading of the page
/// that replaces this one, and it is announced, as after a page change.
#[component]
pub fn CouldNotLoad(what: String, explanation: String, on_retry: Callback<()>) -> impl IntoView {
    let retry = move |_| {
        navigation::arrive_again();
        on_retry.run(());
    };
    view! {
        <PageHeading text=format!("Sorry, {what} could not be loaded")/>
        <p>{explanation} " Check your connection and try again. Nothing you have saved is affected."</p>
        <button class="nhsuk-button" type="button" on:click=retry>"Try again"</button>
    }
}
