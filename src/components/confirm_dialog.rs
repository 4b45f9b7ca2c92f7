//! A confirmation shown in the page, in NHS.UK warning callout markup, that
//! behaves like a dialog: its heading takes focus when it opens, Escape
//! closes it like Cancel, and Cancel or Escape give focus back to the
//! control that opened it (WAI-ARIA Authoring Practices, "Alert and
//! Message Dialogs Pattern",
//! <https://www.w3.org/WAI/ARIA/apg/patterns/alertdialog/>).

use crate::browser;
use leptos::prelude::*;

/// `id` names the heading (`{id}-title`) and the text (`{id}-text`);
/// `opener` is the id of the control that opened it, focused again on
/// Cancel or Escape; `on_close` hides the dialog. `children` are the
/// buttons that act, shown before Cancel.
#[component]
pub fn ConfirmDialog(
    id: &'static str,
    title: &'static str,
    #[prop(into)] text: Signal<&'static str>,
    #[prop(into)] opener: String,
    on_close: Callback<()>,
    children: Children,
) -> impl IntoView {
    let opener = StoredValue::new(opener);
    let cancel = move || {
        on_close.run(());
        browser::focus_after_render(opener.get_value());
    };
    browser::focus_after_render(format!("{id}-title"));
    view! {
        <div class="nhsuk-warning-callout app-dialog" role="alertdialog" id=id
            aria-labelledby=format!("{id}-title") aria-describedby=format!("{id}-text")
            on:keydown=move |event| {
                if event.key() == "Escape" {
                    event.prevent_default();
                    cancel();
                }
            }>
            <h3 class="nhsuk-warning-callout__label" id=format!("{id}-title") tabindex="-1">{title}</h3>
            <p id=format!("{id}-text")>{move || text.get()}</p>
            <div class="app-inline-actions">
                {children()}
                <button class="nhsuk-button nhsuk-button--secondary" type="button" on:click=move |_| cancel()>"Cancel"</button>
            </div>
        </div>
    }
}
