use crate::address::Page;
use crate::components::page_heading::PageHeading;
use leptos::prelude::*;

/// Shown for any address the app does not know.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <PageHeading text="Page not found"/>
        <p>"If you typed the web address, check it is correct."</p>
        <p>"If you pasted the web address, check you copied the entire address."</p>
        <p><a href=Page::Home.href()>"Go to the start page"</a></p>
    }
}
