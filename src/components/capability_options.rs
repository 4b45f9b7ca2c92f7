//! The options of a capability picker: every capability under its domain
//! (`<optgroup>`), named as [`Framework::picker`] names them.

use crate::core::framework::Framework;
use leptos::prelude::*;

/// Goes inside a `<select>`, after its own first option.
#[component]
pub fn CapabilityOptions(framework: &'static Framework) -> impl IntoView {
    framework
        .picker()
        .into_iter()
        .map(|(domain, choices)| {
            view! {
                <optgroup label=domain.title.clone()>
                    {choices.into_iter().map(|(capability, name)| view! {
                        <option value=capability.id.clone()>{name}</option>
                    }).collect_view()}
                </optgroup>
            }
        })
        .collect_view()
}
