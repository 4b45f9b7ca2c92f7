use crate::browser;
use leptos::prelude::*;

/// Profiles, export and import, and clearing this device.
#[component]
pub fn MyData() -> impl IntoView {
    browser::set_title("My data");
    view! {
        <h1 class="nhsuk-heading-l">"My data"</h1>
        <p>"Everything you enter stays in this browser on this device."</p>
    }
}
