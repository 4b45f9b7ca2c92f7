//! A group of NHS.UK radios inside a fieldset, with an optional error.

use crate::components::{checkboxes::item_id, error_message::ErrorMessage};
use leptos::prelude::*;

#[derive(Clone)]
pub struct RadioOption {
    pub value: String,
    pub label: String,
    pub hint: Option<String>,
}

#[component]
pub fn Radios(
    /// The form field name, also the id of the first radio (the target of
    /// an error summary link).
    name: &'static str,
    legend: String,
    options: Vec<RadioOption>,
    #[prop(into)] selected: Signal<Option<String>>,
    on_select: Callback<String>,
    #[prop(into, optional)] error: Signal<Option<String>>,
    #[prop(optional)] legend_is_heading: bool,
) -> impl IntoView {
    let error_id = format!("{name}-error");
    view! {
        <div class="nhsuk-form-group" class:nhsuk-form-group--error=move || error.get().is_some()>
            <fieldset class="nhsuk-fieldset" aria-describedby=move || error.get().map(|_| error_id.clone())>
                <legend class="nhsuk-fieldset__legend" class:nhsuk-fieldset__legend--m=legend_is_heading>
                    {legend}
                </legend>
                {move || error.get().map(|message| view! {
                    <ErrorMessage id=format!("{name}-error") message/>
                })}
                <div class="nhsuk-radios">
                    {options.into_iter().enumerate().map(|(index, option)| {
                        let id = item_id(name, index);
                        let hint_id = format!("{id}-item-hint");
                        let value = option.value.clone();
                        let checked_value = option.value.clone();
                        view! {
                            <div class="nhsuk-radios__item">
                                <input class="nhsuk-radios__input" id=id.clone() name=name type="radio"
                                    value=option.value.clone()
                                    aria-describedby=option.hint.as_ref().map(|_| hint_id.clone())
                                    prop:checked=move || selected.get().as_deref() == Some(checked_value.as_str())
                                    on:change=move |_| on_select.run(value.clone())/>
                                <label class="nhsuk-label nhsuk-radios__label" for=id>{option.label}</label>
                                {option.hint.map(|hint| view! {
                                    <div class="nhsuk-hint nhsuk-radios__hint" id=hint_id>{hint}</div>
                                })}
                            </div>
                        }
                    }).collect_view()}
                </div>
            </fieldset>
        </div>
    }
}
