//! A row of an NHS.UK summary list (`nhsuk-summary-list`): a key and its
//! value, inside the page's `<dl class="nhsuk-summary-list">`.
use leptos::prelude::*;

/// One `key: value` row. `value` is shown as written; with `user_text` it is
/// text a person typed (a supervisor's name, a pack's author), in any script
/// and direction, so it takes its direction from its own first letters.
#[component]
pub fn SummaryRow(
    key: &'static str,
    value: String,
    #[prop(optional)] user_text: bool,
) -> impl IntoView {
    view! {
        <div class="nhsuk-summary-list__row">
            <dt class="nhsuk-summary-list__key">{key}</dt>
            <dd class="nhsuk-summary-list__value" class:app-user-text=user_text dir=user_text.then_some("auto")>{value}</dd>
        </div>
    }
}
