use crate::browser;
use leptos::prelude::*;

/// Results of every finished assessment.
#[component]
pub fn ResultsList() -> impl IntoView {
    browser::set_title("Results");
    view! {
        <h1 class="nhsuk-heading-l">"Results"</h1>
        <p>"Coming soon: your ratings against each role's indicative expected levels, your gaps and a development plan."</p>
    }
}

/// One assessment's results.
#[component]
pub fn Results() -> impl IntoView {
    browser::set_title("Results");
    view! {
        <h1 class="nhsuk-heading-l">"Results"</h1>
        <p>"Coming soon: your ratings against the role's indicative expected levels, your gaps and a development plan."</p>
    }
}
