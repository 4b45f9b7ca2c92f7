//! NHS.UK's character count: a text area that says how many characters are
//! left, and refuses to save text over the limit without cutting it.

use crate::browser;
use crate::components::error_message::ErrorMessage;
use crate::core::limits;
use leptos::prelude::*;

/// A labelled text area of at most `max` characters (see
/// [`limits::char_count`]). Each change that fits is passed to `on_save`;
/// text over the limit stays in the box, is not saved, and `error` says so,
/// so that the page can refuse to move on until it is shortened. Nothing
/// typed or pasted is ever cut off.
#[component]
pub fn CharacterCount(
    id: &'static str,
    label: &'static str,
    hint: &'static str,
    /// What the error calls the text, for example "Your note".
    what: &'static str,
    max: usize,
    initial: String,
    error: RwSignal<Option<String>>,
    on_save: Callback<String>,
    /// The saved text, which another tab may change: shown in the box
    /// whenever it changes, unless the box has focus or holds text over
    /// the limit (not saved), so nothing typed here is overwritten and a
    /// change made there is not overwritten unseen by typing here.
    #[prop(optional)]
    saved: Option<Memo<String>>,
) -> impl IntoView {
    let count = RwSignal::new(limits::remaining_message(&initial, max));
    error.set(limits::too_long(what, &initial, max));
    let shown = RwSignal::new(initial);
    if let Some(saved) = saved {
        Effect::new(move |_| {
            let text = saved.get();
            let typing = browser::active_element().is_some_and(|element| element.id() == id);
            if !typing && error.get_untracked().is_none() && shown.get_untracked() != text {
                count.set(limits::remaining_message(&text, max));
                shown.set(text);
            }
        });
    }
    let hint_id = format!("{id}-hint");
    let info_id = format!("{id}-info");
    let error_id = format!("{id}-error");
    let described_by = {
        let (hint_id, info_id, error_id) = (hint_id.clone(), info_id.clone(), error_id.clone());
        move || match error.get() {
            Some(_) => format!("{hint_id} {error_id} {info_id}"),
            None => format!("{hint_id} {info_id}"),
        }
    };
    let on_input = move |event: leptos::ev::Event| {
        let text = event_target_value(&event);
        // What the box holds (setting a text area's value to what it holds
        // already leaves the cursor where it is).
        shown.set(text.clone());
        count.set(limits::remaining_message(&text, max));
        let problem = limits::too_long(what, &text, max);
        if problem.is_none() {
            on_save.run(text);
        }
        error.set(problem);
    };
    view! {
        <div class="nhsuk-form-group nhsuk-character-count" class:nhsuk-form-group--error=move || error.get().is_some()>
            <label class="nhsuk-label" for=id>{label}</label>
            <div class="nhsuk-hint" id=hint_id>{hint}</div>
            {move || error.get().map(|message| view! {
                <ErrorMessage id=error_id.clone() message alert=true/>
            })}
            <textarea dir="auto" class="nhsuk-textarea" class:nhsuk-textarea--error=move || error.get().is_some()
                id=id name=id rows="3" aria-describedby=described_by prop:value=move || shown.get() on:input=on_input></textarea>
            <div class="nhsuk-hint app-character-count__status" class:app-character-count__status--over=move || error.get().is_some() id=info_id aria-live="polite">{move || count.get()}</div>
        </div>
    }
}
