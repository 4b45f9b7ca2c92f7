//! The NHS.UK warning callout: something the person must know, under a
//! heading read out after a visually hidden "Important:".

use leptos::prelude::*;

/// `heading` is the callout's `<h2>`; `class` adds the app's own classes
/// (prefixed `app-`) to the block.
#[component]
pub fn WarningCallout(
    #[prop(into)] heading: String,
    #[prop(optional)] class: &'static str,
    children: Children,
) -> impl IntoView {
    view! {
        <div class=format!("nhsuk-warning-callout {class}")>
            <h2 class="nhsuk-warning-callout__label">
                <span role="text"><span class="nhsuk-u-visually-hidden">"Important: "</span>{heading}</span>
            </h2>
            {children()}
        </div>
    }
}
