//! The label every capability from a local pack carries, wherever it is
//! shown (check, results, print, plan, role fit): the pack's name, never
//! presented as national content or as this app's own.

use crate::core::framework::Capability;
use leptos::prelude::*;

/// Nothing for the app's own capabilities.
#[component]
pub fn PackTag(capability: &'static Capability) -> impl IntoView {
    capability.pack.as_ref().map(|pack| {
        view! {
            " "
            <strong class="nhsuk-tag nhsuk-tag--grey app-pack-tag">
                {format!("Local pack: {}", pack.name)}
            </strong>
        }
    })
}
