//! The NHS.UK inset text: information that stands out from the text
//! around it, read out after a visually hidden "Information:".

use leptos::prelude::*;

/// `class` adds the app's own classes (prefixed `app-`) to the block.
#[component]
pub fn InsetText(#[prop(optional)] class: &'static str, children: Children) -> impl IntoView {
    view! {
        <div class=format!("nhsuk-inset-text {class}")>
            <span class="nhsuk-u-visually-hidden">"Information: "</span>
            {children()}
        </div>
    }
}
