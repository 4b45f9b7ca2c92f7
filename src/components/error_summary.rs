//! The NHS.UK error summary: what is wrong, each linked to its field.

use crate::browser;
use leptos::prelude::*;

/// `id` is focused by the caller when the summary appears, so the user
/// hears the problems first. Each error is (field id, message). While it is
/// shown, the tab's title starts with "Error: ", as NHS.UK's error summary
/// asks, so a screen reader says so first.
#[component]
pub fn ErrorSummary(id: &'static str, errors: Vec<(&'static str, String)>) -> impl IntoView {
    browser::error_summary_shown();
    on_cleanup(browser::error_summary_gone);
    let title = format!("{id}-title");
    let heading = title.clone();
    view! {
        <div class="nhsuk-error-summary" id=id tabindex="-1" aria-labelledby=title>
            <div role="alert">
                <h2 class="nhsuk-error-summary__heading" id=heading>"There is a problem"</h2>
                <div class="nhsuk-error-summary__body">
                    <ul class="nhsuk-list nhsuk-error-summary__list">
                        {errors.into_iter().map(|(field, message)| view! {
                            <li><a href=format!("#{field}")>{message}</a></li>
                        }).collect_view()}
                    </ul>
                </div>
            </div>
        </div>
    }
}

/// The message for the field `id` among a form's errors (as the summary
/// lists them), for the field to show beside itself; `None` while it has
/// none.
pub fn message_for(
    errors: RwSignal<Vec<(&'static str, String)>>,
    id: &'static str,
) -> Signal<Option<String>> {
    Signal::derive(move || {
        errors.with(|errors| {
            errors
                .iter()
                .find(|(field, _)| *field == id)
                .map(|(_, message)| message.clone())
        })
    })
}
