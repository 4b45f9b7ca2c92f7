//! The NHS.UK warning callout: something the person must know, under a
//! heading read out after a visually hidden "Important:".

use leptos::prelude::*;

/// `heading` is the callout's `<h2>`; `class` adds the app's own classes
/// (prefixed `app-`) to the block. `heading_id` is for a heading that code
/// focuses (it is then focusable).
#[component]
pub fn WarningCallout(
    #[prop(into)] heading: String,
    #[prop(optional)] class: &'static str,
    #[prop(optional)] heading_id: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    view! {
        <div class=format!("nhsuk-warning-callout {class}")>
            <h2 class="nhsuk-warning-callout__label" id=heading_id tabindex=heading_id.map(|_| "-1")>
                <span role="text"><span class="nhsuk-u-visually-hidden">"Important: "</span>{heading}</span>
            </h2>
            {children()}
        </div>
    }
}
