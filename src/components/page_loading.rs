//! What a page shows while something it needs (a content file, a chunk of
//! the app's code) is on its way.

use leptos::prelude::*;

/// "Loading {what}…". Its `data-app-loading` marker tells `navigation` to keep
/// waiting for the page's heading, however long the fetch takes.
#[component]
pub fn PageLoading(what: &'static str) -> impl IntoView {
    view! {
        <p class="nhsuk-body-l" role="status" data-app-loading="">{format!("Loading {what}…")}</p>
    }
}
