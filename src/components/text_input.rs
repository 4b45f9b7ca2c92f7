//! NHS.UK's text input: a label, an optional hint and error message, and
//! the input, tied together by `for` and `aria-describedby` as the NHS
//! digital service manual's text input pattern does.

use crate::components::error_message::ErrorMessage;
use leptos::prelude::*;

/// A labelled input in an NHS.UK form group. The children are the label,
/// which may hold a `<bdi>` around a name the user typed.
///
/// - `id` names the input; its hint is `{id}-hint` and its error
///   `{id}-error`, both read out with the input while they show.
/// - `error`: while it holds a message, the group, the input and the
///   message show as an error.
/// - `input_type`: the input's `type`, `"text"` unless given (`"date"`,
///   `"url"`, `"search"`).
/// - `width`: an NHS.UK width class, such as `nhsuk-input--width-10`.
/// - `user_text`: the value is the user's own words, so its direction
///   follows what they typed (`dir="auto"`).
/// - `on_input` gets the value on each keystroke; `on_change` when the
///   person leaves the field or picks a date.
#[component]
pub fn TextInput(
    #[prop(into)] id: String,
    children: Children,
    #[prop(into)] value: Signal<String>,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(optional, into)] error: MaybeProp<String>,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(optional)] label_class: &'static str,
    #[prop(optional)] width: &'static str,
    #[prop(optional)] inputmode: Option<&'static str>,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] no_spellcheck: bool,
    #[prop(optional)] user_text: bool,
    #[prop(optional)] on_input: Option<Callback<String>>,
    #[prop(optional)] on_change: Option<Callback<String>>,
) -> impl IntoView {
    let hint_id = hint.is_some().then(|| format!("{id}-hint"));
    let error_id = format!("{id}-error");
    let has_error = move || error.with(Option::is_some);
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let ids: Vec<&str> = hint_id
                .as_deref()
                .into_iter()
                .chain(has_error().then_some(error_id.as_str()))
                .collect();
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="nhsuk-form-group" class:nhsuk-form-group--error=has_error>
            <label class=format!("nhsuk-label {label_class}") for=id.clone()>{children()}</label>
            {hint.map(|hint| view! { <div class="nhsuk-hint" id=hint_id>{hint}</div> })}
            {move || error.get().map(|message| view! { <ErrorMessage id=error_id.clone() message/> })}
            <input class=format!("nhsuk-input {width}") class:nhsuk-input--error=has_error
                id=id.clone() name=id type=input_type inputmode=inputmode autocomplete=autocomplete
                spellcheck=no_spellcheck.then_some("false") dir=user_text.then_some("auto")
                aria-describedby=described_by prop:value=move || value.get()
                on:input=move |event| { if let Some(on_input) = on_input { on_input.run(event_target_value(&event)) } }
                on:change=move |event| { if let Some(on_change) = on_change { on_change.run(event_target_value(&event)) } }/>
        </div>
    }
}
