//! NHS.UK's character count: a text area that says how many characters are
//! left, and refuses to save text over the limit without cutting it.

use crate::browser;
use crate::components::error_message::ErrorMessage;
use crate::components::inset_text::InsetText;
use crate::core::limits;
use crate::navigation;
use leptos::prelude::*;
use std::time::Duration;

/// How long typing must pause before the count is announced. GOV.UK
/// Frontend's character count likewise updates its screen reader message
/// only after a pause (half a second, checked each second:
/// `handleFocus` in
/// <https://github.com/alphagov/govuk-frontend/blob/main/packages/govuk-frontend/src/govuk/components/character-count/character-count.mjs>).
const TYPING_PAUSE: Duration = Duration::from_secs(1);

/// How a [`CharacterCount`] saves what is typed in it.
#[derive(Clone, Copy)]
pub enum Saving {
    /// Each change that fits is passed on: for a form saved as a whole.
    EachChange(Callback<String>),
    /// The text is saved as it is typed, and another tab may save it too.
    Shared {
        /// The saved text, as this tab last read it.
        saved: Memo<String>,
        /// Saves `(seen, typed)`: `typed` in place of `seen`, the saved
        /// text this box last showed, only if that is still what is saved;
        /// otherwise saves nothing and says why.
        save_over: Callback<(String, String), Result<(), NotSaved>>,
    },
}

/// Why a [`Saving::Shared`] text was not saved.
#[derive(Clone)]
pub enum NotSaved {
    /// Another tab saved this text in place of the one the box last showed.
    Changed(String),
    /// There is nowhere left to save it (removed in another tab): the
    /// message to show, which should say how to keep the text.
    Gone(&'static str),
}

/// A labelled text area of at most `max` characters (see
/// [`limits::char_count`]), saved as `saving` says. Text over the limit
/// stays in the box, is not saved, and `error` says so, so that the page
/// can refuse to move on until it is shortened. Nothing typed or pasted is
/// ever cut off.
///
/// A [`Saving::Shared`] text that another tab changes is shown here at
/// once when everything in the box is saved. When the box holds text that
/// is not saved (over the limit), or another tab saved first, nothing is
/// written over: both texts are shown, `error` says so, and the person
/// chooses which to keep.
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
    saving: Saving,
) -> impl IntoView {
    let count = RwSignal::new(limits::remaining_message(&initial, max));
    // The saved text this box last showed, and the other tab's text when
    // the two disagree and the person has yet to choose.
    let seen = StoredValue::new(initial.clone());
    let theirs = RwSignal::new(None::<String>);
    // Why the last save found nowhere to save the text, if it did.
    let gone = RwSignal::new(None::<&'static str>);
    // The choice comes first: it is what needs doing before anything here
    // can be saved, and the count still says by how much a text is too long.
    let problem = move |text: &str| {
        theirs
            .with_untracked(Option::is_some)
            .then(|| format!("{what} was changed in another tab while you were typing here. Choose which to keep."))
            // Nothing is lost while the box holds what it last saved.
            .or_else(|| {
                gone.get_untracked()
                    .filter(|_| seen.with_value(|seen| seen != text))
                    .map(str::to_owned)
            })
            .or_else(|| limits::too_long(what, text, max))
    };
    error.set(problem(&initial));
    let save = move |text: String| match saving {
        Saving::EachChange(on_save) => on_save.run(text),
        Saving::Shared { save_over, .. } => {
            if theirs.with_untracked(Option::is_some) {
                return;
            }
            match save_over.run((seen.get_value(), text.clone())) {
                Ok(()) => {
                    seen.set_value(text);
                    gone.set(None);
                }
                Err(NotSaved::Changed(saved)) => theirs.set(Some(saved)),
                Err(NotSaved::Gone(why)) => gone.set(Some(why)),
            }
        }
    };
    let shown = RwSignal::new(initial);
    // The count as a screen reader hears it: at once when it changes by
    // itself, and only once typing pauses, not at every key (as NHS.UK's
    // and GOV.UK's character counts do).
    let announced = RwSignal::new(String::new());
    let announce_after_typing = StoredValue::new(None::<TimeoutHandle>);
    let show = move |text: String| {
        count.set(limits::remaining_message(&text, max));
        error.set(problem(&text));
        shown.set(text);
    };
    let announce_count = move || announced.set(count.get_untracked());
    // Saves what the box holds, if it fits, once no other text is in the
    // way: `seen` is what is saved now.
    let keep_typed = move || {
        theirs.set(None);
        let mine = shown.get_untracked();
        if limits::too_long(what, &mine, max).is_none() {
            save(mine.clone());
        }
        show(mine);
    };
    if let Saving::Shared { saved, .. } = saving {
        // Text that is not what the box last saved, or a choice between
        // two texts still to be made.
        navigation::ask_before_leaving(move || {
            let differs = shown
                .try_with_untracked(|shown| seen.try_with_value(|seen| shown != seen))
                .flatten()?;
            let choosing = theirs.try_with_untracked(Option::is_some)?;
            (differs || choosing).then(|| {
                format!(
                    "Leave this page? {what} is not saved, so what you typed there will be lost."
                )
            })
        });
        Effect::new(move |_| {
            let text = saved.get();
            if seen.with_value(|seen| *seen == text) {
                if theirs.with_untracked(Option::is_some) {
                    // The other tab went back to the text this box last
                    // showed: nothing of theirs is lost by saving this one.
                    keep_typed();
                    announce_count();
                }
                return;
            }
            let all_saved = shown.with_untracked(|shown| seen.with_value(|seen| shown == seen));
            if all_saved || shown.with_untracked(|shown| *shown == text) {
                seen.set_value(text.clone());
                theirs.set(None);
                let typing = browser::active_element().is_some_and(|element| element.id() == id);
                show(text);
                if typing {
                    count.update(|count| *count = format!("Changed in another tab. {count}"));
                }
                announce_count();
            } else {
                theirs.set(Some(text));
                error.set(shown.with_untracked(|shown| problem(shown)));
            }
        });
    }
    let hint_id = format!("{id}-hint");
    let info_id = format!("{id}-info");
    let error_id = format!("{id}-error");
    let described_by = {
        let (hint_id, info_id, error_id) = (hint_id.clone(), info_id.clone(), error_id.clone());
        move || {
            let mut ids = hint_id.clone();
            if error.with(Option::is_some) {
                ids = format!("{ids} {error_id}");
            }
            if theirs.with(Option::is_some) {
                ids = format!("{ids} {id}-theirs");
            }
            format!("{ids} {info_id}")
        }
    };
    let on_input = move |event: leptos::ev::Event| {
        let text = event_target_value(&event);
        if limits::too_long(what, &text, max).is_none() {
            save(text.clone());
        }
        // What the box holds (setting a text area's value to what it holds
        // already leaves the cursor where it is).
        show(text);
        if let Some(waiting) = announce_after_typing.get_value() {
            waiting.clear();
        }
        let after_typing = set_timeout_with_handle(
            move || {
                if let Some(count) = count.try_get_untracked() {
                    announced.try_set(count);
                }
            },
            TYPING_PAUSE,
        );
        announce_after_typing.set_value(after_typing.ok());
    };
    // The person's choice when another tab saved a different text.
    let keep_mine = move |_| {
        if let Some(saved) = theirs.get_untracked() {
            seen.set_value(saved);
            keep_typed();
            browser::focus(id);
        }
    };
    let use_theirs = move |_| {
        if let Some(saved) = theirs.get_untracked() {
            seen.set_value(saved.clone());
            theirs.set(None);
            show(saved);
            browser::focus(id);
        }
    };
    view! {
        <div class="nhsuk-form-group nhsuk-character-count" class:nhsuk-form-group--error=move || error.get().is_some()>
            <label class="nhsuk-label" for=id>{label}</label>
            <div class="nhsuk-hint" id=hint_id>{hint}</div>
            {move || error.get().map(|message| view! {
                <ErrorMessage id=error_id.clone() message alert=true/>
            })}
            <textarea dir="auto" class="nhsuk-textarea" class:nhsuk-textarea--error=move || error.get().is_some()
                id=id name=id rows="3" aria-describedby=described_by aria-invalid=move || error.get().map(|_| "true")
                prop:value=move || shown.get() on:input=on_input></textarea>
            <div class="nhsuk-hint app-character-count__status" class:app-character-count__status--over=move || error.get().is_some() id=info_id>{move || count.get()}</div>
            <div class="nhsuk-u-visually-hidden" aria-live="polite">{move || announced.get()}</div>
            {move || theirs.get().map(|saved| view! {
                <InsetText class="app-character-count__theirs">
                    <div id=format!("{id}-theirs")>
                        <p>"What you typed here is not saved yet. The other tab saved:"</p>
                        <p class="app-character-count__text">{if saved.is_empty() { "(nothing: it was emptied)".to_owned() } else { saved }}</p>
                    </div>
                    <div class="app-step-buttons">
                        <button class="nhsuk-button nhsuk-button--secondary" type="button" on:click=use_theirs>
                            "Use the other tab's version"
                        </button>
                        <button class="nhsuk-button" type="button" on:click=keep_mine>"Keep what I typed here"</button>
                    </div>
                </InsetText>
            })}
        </div>
    }
}
