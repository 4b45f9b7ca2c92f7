//! The NHS.UK error message: says what went wrong and how to put it right,
//! read out after a visually hidden "Error:".

use leptos::prelude::*;

/// `id` is what a field's `aria-describedby` names; a message about an
/// action rather than a field has none. `alert` announces the message as
/// it appears, for messages that come after a press rather than beside a
/// field the person is filling in.
#[component]
pub fn ErrorMessage(
    #[prop(into)] message: String,
    #[prop(into, optional)] id: Option<String>,
    #[prop(optional)] alert: bool,
) -> impl IntoView {
    view! {
        <span class="nhsuk-error-message" id=id role=alert.then_some("alert")>
            <span class="nhsuk-u-visually-hidden">"Error: "</span>{message}
        </span>
    }
}
