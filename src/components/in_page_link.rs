//! A link to a part of the current page that works inside the router.

use crate::browser;
use leptos::prelude::*;

#[component]
pub fn InPageLink(
    /// The id of the element to move to; it needs `tabindex="-1"` unless it
    /// is a form control.
    target: String,
    children: Children,
) -> impl IntoView {
    let href = format!("#{target}");
    view! {
        <a href=href on:click=move |event| {
            event.prevent_default();
            browser::jump_to(&target);
        }>{children()}</a>
    }
}
