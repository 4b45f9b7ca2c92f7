//! The page's `<h1>`, which also names the browser tab, so the two never
//! drift apart: navigation focuses and announces the heading, and the tab
//! title is what a screen reader reads when the page is switched to.

use crate::browser;
use leptos::prelude::*;

/// `text` is the heading; the tab becomes "`title` - MAPs Capability
/// Checker", with `title` the heading itself unless a shorter one is given.
/// `id` is for a heading that code focuses (it is then focusable).
#[component]
pub fn PageHeading(
    #[prop(into)] text: String,
    #[prop(optional, into)] title: Option<String>,
    #[prop(optional)] id: Option<&'static str>,
) -> impl IntoView {
    browser::set_title(title.as_deref().unwrap_or(&text));
    view! {
        <h1 class="nhsuk-heading-l" id=id tabindex=id.map(|_| "-1")>{text}</h1>
    }
}
