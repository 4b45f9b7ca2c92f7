use crate::address::Page;
use crate::browser;
use leptos::prelude::*;

/// Shown for any address the app does not know.
#[component]
pub fn NotFound() -> impl IntoView {
    browser::set_title("Page not found");
    view! {
        <h1 class="nhsuk-heading-l">"Page not found"</h1>
        <p>"If you typed the web address, check it is correct."</p>
        <p>"If you pasted the web address, check you copied the entire address."</p>
        <p><a href=Page::Home.href()>"Go to the start page"</a></p>
    }
}
