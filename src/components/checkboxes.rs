//! One NHS.UK checkbox, for use inside a `nhsuk-checkboxes` group.

use leptos::prelude::*;

/// The id of item `index` (from 0) of the radios or checkboxes `name`, as
/// NHS.UK frontend numbers them: the first is `name` itself, so an error
/// summary link to the group reaches its first item; then `name-2`,
/// `name-3`...
pub fn item_id(name: &str, index: usize) -> String {
    if index == 0 {
        name.to_owned()
    } else {
        format!("{name}-{}", index + 1)
    }
}

#[component]
pub fn Checkbox(
    /// Also the target of any error summary link to this checkbox.
    id: String,
    name: &'static str,
    value: String,
    label: String,
    #[prop(optional)] hint: Option<String>,
    #[prop(into)] checked: Signal<bool>,
    /// Called with the new state each time the box is ticked or cleared.
    on_toggle: Callback<bool>,
) -> impl IntoView {
    let hint_id = format!("{id}-item-hint");
    view! {
        <div class="nhsuk-checkboxes__item">
            <input class="nhsuk-checkboxes__input" id=id.clone() name=name type="checkbox" value=value
                aria-describedby=hint.as_ref().map(|_| hint_id.clone())
                prop:checked=move || checked.get()
                on:change=move |event| on_toggle.run(event_target_checked(&event))/>
            <label class="nhsuk-label nhsuk-checkboxes__label" for=id>{label}</label>
            {hint.map(|hint| view! {
                <div class="nhsuk-hint nhsuk-checkboxes__hint" id=hint_id>{hint}</div>
            })}
        </div>
    }
}
