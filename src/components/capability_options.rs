//! The options of a capability picker: the capabilities of some roles
//! under their domains (`<optgroup>`), named as [`Framework::picker`] names
//! them.

use crate::core::{framework::Framework, roles::RoleId};
use leptos::prelude::*;

/// Goes inside a `<select>`, after its own first option. `roles` empty
/// means every capability.
#[component]
pub fn CapabilityOptions(framework: &'static Framework, roles: Vec<RoleId>) -> impl IntoView {
    framework
        .picker(&roles)
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
