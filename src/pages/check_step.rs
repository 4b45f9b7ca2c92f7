use crate::address::Page;
use crate::components::evidence_links::{evidence_by_capability, CapabilityEvidence};
use crate::components::page_heading::PageHeading;
use crate::{
    browser,
    components::{
        character_count::{CharacterCount, NotSaved, Saving},
        pack_tag::PackTag,
        warning_callout::WarningCallout,
    },
    core::{
        assessment::{Assessment, Rating},
        framework::Capability,
        limits,
    },
    navigation::use_navigation,
    state::use_app_state,
};
use leptos::prelude::*;

/// Where the person is in an assessment: on one capability, or reviewing
/// before they finish.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    Item(usize),
    /// An item opened from the review to change its answer: its main button
    /// goes back to the review.
    Change(usize),
    Review,
}

/// One capability per screen: rate it, add a note, move on. Every change is
/// saved at once, and the position too, so a reload resumes here.
#[component]
pub fn CheckStep(id: String) -> impl IntoView {
    let state = use_app_state();
    // Read without tracking: the stepper follows the assessment itself, and
    // rebuilding it on every save would lose the user's place and focus.
    let found = state
        .assessments()
        .with_untracked(|all| all.iter().find(|a| a.id == id).cloned());
    {
        let Some(assessment) = found else {
            return view! { <AssessmentNotFound/> }.into_any();
        };
        let items = assessment.items(state.checked_framework_untracked());
        let start = assessment
            .resume_index(&items)
            .map_or(Place::Review, Place::Item);
        view! { <Stepper id=id start=start/> }.into_any()
    }
}

/// The page for an address whose assessment is not on this device, or is
/// no longer (removed in another tab while it was open). Its heading is the
/// step's, so that a move between steps focuses it as any other.
#[component]
fn AssessmentNotFound() -> impl IntoView {
    view! {
        <PageHeading text="Assessment not found" id="step-heading"/>
        <p>"There is no assessment with this address on this device. It may have been deleted, or saved in another browser."</p>
        <p><a href=Page::CheckStart.href()>"Go to my assessments"</a></p>
    }
}

/// What the note box says when its assessment was removed in another tab.
const REMOVED_NOTE: &str = "Your note cannot be saved: this assessment was removed in another tab or window. Copy the text from the box if you want to keep it.";

#[component]
fn Stepper(id: String, start: Place) -> impl IntoView {
    let state = use_app_state();
    let framework = state.checked_framework_untracked();
    let id = StoredValue::new(id);
    let assessment = Memo::new(move |_| state.assessment(&id.get_value()));
    let items = move || {
        assessment.with(|assessment| {
            assessment
                .as_ref()
                .map(|a| a.items(framework))
                .unwrap_or_default()
        })
    };
    let place = RwSignal::new(start);
    let announcement = RwSignal::new(String::new());

    let go_to = move |next: Place| {
        place.set(next);
        let items = items();
        match next {
            Place::Item(index) | Place::Change(index) => {
                if let Some(item) = items.get(index) {
                    // A change made from the review is a detour: the place
                    // to resume stays the review.
                    if matches!(next, Place::Item(_)) {
                        let item_id = item.id.clone();
                        state.update_assessment(&id.get_value(), |assessment| {
                            assessment.set_current(&item_id, browser::now())
                        });
                    }
                    announcement.set(format!(
                        "Question {} of {}: {}",
                        index + 1,
                        items.len(),
                        item.title
                    ));
                }
            }
            Place::Review => announcement.set("Review your answers".into()),
        }
        // Focus the new heading so keyboard and screen reader users start
        // reading from the new item, not from the button they pressed.
        browser::focus_after_render("step-heading");
    };
    // Arriving from the start page or a link is a step change too.
    browser::focus_after_render("step-heading");

    view! {
        <a href=Page::CheckStart.href() class="nhsuk-back-link">"All my assessments"</a>
        <p class="nhsuk-body-s app-saved-notice">
            <span class="app-saved-notice__icon" aria-hidden="true">"✓ "</span>
            {move || state.backend().get().keeping().saved_as_you_go()}
        </p>
        <p class="nhsuk-u-visually-hidden" aria-live="polite" aria-atomic="true">{move || announcement.get()}</p>
        {move || {
            // Rebuilt when the place changes, not on every save: rebuilding
            // on each keystroke would replace the notes box under the user's
            // cursor. The parts that count answers follow saves themselves.
            let Some(current) = assessment.get_untracked() else {
                return view! { <AssessmentNotFound/> }.into_any();
            };
            let items = assessment.with_untracked(|assessment| {
                assessment.as_ref().map(|a| a.items(framework)).unwrap_or_default()
            });
            // The review holds no text box: it is rebuilt on every save,
            // so answers another tab gives or changes show at once.
            let review = move || {
                // Focus on the heading (where it is when the review opens)
                // stays there when a save from another tab redraws it.
                if browser::active_element().is_some_and(|element| element.id() == "step-heading") {
                    browser::focus_after_render("step-heading");
                }
                match assessment.get() {
                    Some(current) => {
                        let items = current.items(framework);
                        view! { <Review assessment=current items=items go_to=Callback::new(go_to)/> }.into_any()
                    }
                    None => view! { <AssessmentNotFound/> }.into_any(),
                }
            };
            match place.get() {
                Place::Review => review.into_any(),
                place @ (Place::Item(index) | Place::Change(index)) => match items.get(index).copied() {
                    Some(item) => view! {
                        <Item assessment=current stored=assessment item=item index=index total=items.len()
                            go_to=Callback::new(go_to) from_review=matches!(place, Place::Change(_))/>
                    }.into_any(),
                    None => review.into_any(),
                },
            }
        }}
    }
}

#[component]
fn Item(
    /// The assessment as this question opened: its id, role and the note
    /// the box starts with.
    assessment: Assessment,
    /// The same assessment as stored now (the stepper's), following every
    /// save, this tab's or another's.
    stored: Memo<Option<Assessment>>,
    item: &'static Capability,
    index: usize,
    total: usize,
    go_to: Callback<Place>,
    /// Opened with "Change" from the review.
    from_review: bool,
) -> impl IntoView {
    let state = use_app_state();
    let framework = state.checked_framework_untracked();
    let tab_title = format!("{} ({} of {total})", item.title, index + 1);
    let id = assessment.id.clone();
    let items = assessment.items(framework);
    let domain = framework.domain(&item.domain);
    let in_domain: Vec<&'static Capability> = items
        .iter()
        .copied()
        .filter(|other| other.domain == item.domain)
        .collect();
    let in_domain_total = in_domain.len();
    let answered = {
        let items = items.clone();
        move || {
            stored.with(|stored| {
                stored
                    .as_ref()
                    .map_or(0, |assessment| assessment.answered_count(&items))
            })
        }
    };
    let answered_in_domain = move || {
        stored.with(|stored| {
            stored
                .as_ref()
                .map_or(0, |assessment| assessment.answered_count(&in_domain))
        })
    };
    let saved = RwSignal::new(String::new());
    // The stored rating, not the one this page opened with: another tab
    // that re-rates this question is followed at once.
    let selected = Memo::new(move |_| {
        stored.with(|stored| {
            stored
                .as_ref()
                .and_then(|assessment| assessment.rating(&item.id))
                .map(|rating| match rating {
                    Rating::Level(level) => level.to_string(),
                    Rating::NotApplicable => "na".to_string(),
                })
        })
    });
    // An assessment removed in another tab leaves the note as it was: the
    // page says it was removed, and the box keeps its text to copy.
    let saved_note = Memo::new(move |before: Option<&String>| {
        stored.with(|stored| match stored {
            Some(assessment) => assessment.note(&item.id).to_owned(),
            None => before.cloned().unwrap_or_default(),
        })
    });
    let capability_id = item.id.clone();
    let rate = {
        let id = id.clone();
        move |value: String| {
            let rating = match value.as_str() {
                "na" => Some(Rating::NotApplicable),
                level => level.parse().ok().map(Rating::Level),
            };
            let changed = state.update_assessment(&id, |assessment| {
                assessment.set_rating(&capability_id, rating, browser::now())
            });
            saved.set(match rating {
                // Removed in another tab: the page says so.
                _ if !changed => "Not saved: this assessment was removed".into(),
                Some(Rating::Level(level)) => {
                    format!(
                        "Saved: {}",
                        crate::core::content::framework().level_label(assessment.role, level)
                    )
                }
                Some(Rating::NotApplicable) => "Saved: not applicable".into(),
                None => String::new(),
            });
        }
    };
    let note_id = item.id.clone();
    let save_note_over = {
        let id = id.clone();
        Callback::new(move |(seen, text): (String, String)| {
            let mut result = Ok(());
            let found = state.update_assessment(&id, |assessment| {
                result = assessment
                    .set_note_over(&note_id, &seen, &text, browser::now())
                    .map_err(NotSaved::Changed);
            });
            if found {
                result
            } else {
                Err(NotSaved::Gone(REMOVED_NOTE))
            }
        })
    };
    // A note over the limit is not saved: moving on would lose it, so the
    // buttons refuse and take the person back to it.
    let note_error = RwSignal::new(None::<String>);
    let go_to = Callback::new(move |place: Place| {
        if note_error.get_untracked().is_some() {
            browser::focus("note");
        } else {
            go_to.run(place);
        }
    });
    let by_capability = evidence_by_capability();
    let last = index + 1 == total;
    let next = if last {
        Place::Review
    } else {
        Place::Item(index + 1)
    };
    view! {
        <div class="app-progress">
            <p class="nhsuk-body-s">
                <strong>{format!("Question {} of {total}", index + 1)}</strong>
                {let answered = answered.clone(); move || format!(" · {} answered", answered())}
            </p>
            <progress class="app-progress__bar" max=total value=answered.clone() aria-label="Answered so far"></progress>
            <p class="nhsuk-body-s">
                {domain.map_or("", |domain| domain.title.as_str())}
                {move || format!(": {} of {in_domain_total} answered", answered_in_domain())}
            </p>
        </div>
        <span class="nhsuk-caption-l">{domain.map(|domain| domain.title.clone())}</span>
        <PageHeading text=item.title.clone() title=tab_title id="step-heading"/>
        {item.pack.as_ref().map(|pack| view! {
            <p class="nhsuk-body-s"><PackTag capability=item/>" "{format!(
                "Agreed locally in the pack \"{}\" (version {}), not this app's content and not national content.",
                pack.name, pack.version
            )}</p>
        })}
        {move || stored.with(Option::is_none).then(|| view! {
            <div role="alert">
                <WarningCallout heading="This assessment was removed">
                    <p>"It was removed in another tab or window, so nothing more on this page can be saved. What you typed stays in the box until you leave."</p>
                    <p><a href=Page::CheckStart.href()>"Go to my assessments"</a></p>
                </WarningCallout>
            </div>
        })}
        <p class="nhsuk-body-l">{item.descriptor.clone()}</p>
        <div class="nhsuk-form-group">
            <fieldset class="nhsuk-fieldset">
                <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">"How well can you do this now?"</legend>
                <div class="nhsuk-radios">
                    {framework.scale_for(assessment.role).into_iter().map(|level| {
                        let value = level.level.to_string();
                        // Numbered as results, review and print show it: "3 (with some support)".
                        let label = framework.level_label(assessment.role, level.level);
                        view! { <RatingRadio value=value label hint=level.wording.clone() selected on_select=rate.clone()/> }
                    }).collect_view()}
                    <div class="nhsuk-radios__divider">"or"</div>
                    <RatingRadio value="na".into() label=framework.not_applicable.label.clone()
                        hint=framework.not_applicable.wording.clone() selected on_select=rate.clone()/>
                </div>
            </fieldset>
            <p class="nhsuk-u-visually-hidden" role="status">{move || saved.get()}</p>
        </div>
        <CharacterCount id="note" label="Notes or evidence (optional)"
            hint=state.backend().get_untracked().keeping().note_hint()
            what="Your note" max=limits::NOTE_MAX_CHARS initial=assessment.note(&item.id).to_owned() error=note_error
            saving=Saving::Shared { saved: saved_note, save_over: save_note_over }/>
        {move || by_capability.with(|by_capability| view! {
            <CapabilityEvidence capability=item.id.clone() title=item.title.clone()
                linked=by_capability.get(&item.id).cloned().unwrap_or_default()/>
        })}
        {if from_review {
            view! {
                <div class="app-step-buttons">
                    <button class="nhsuk-button" type="button" on:click=move |_| go_to.run(Place::Review)>
                        "Return to your answers"
                    </button>
                </div>
            }.into_any()
        } else {
            view! {
                <div class="app-step-buttons">
                    {(index > 0).then(|| view! {
                        <button class="nhsuk-button nhsuk-button--secondary" type="button"
                            on:click=move |_| go_to.run(Place::Item(index - 1))>"Back"</button>
                    })}
                    <button class="nhsuk-button nhsuk-button--secondary" type="button"
                        on:click=move |_| go_to.run(next)>"Skip"</button>
                    <button class="nhsuk-button" type="button" on:click=move |_| go_to.run(next)>
                        {if last { "Next: review" } else { "Next" }}
                    </button>
                </div>
            }.into_any()
        }}
        {move || stored.get().map(|assessment| view! { <JumpTo items=items.clone() assessment=assessment go_to=go_to/> })}
    }
}

#[component]
fn RatingRadio(
    value: String,
    label: String,
    hint: String,
    selected: Memo<Option<String>>,
    on_select: impl Fn(String) + Clone + 'static,
) -> impl IntoView {
    let input_id = format!("rating-{value}");
    let hint_id = format!("rating-{value}-hint");
    let checked = {
        let value = value.clone();
        move || selected.with(|selected| selected.as_deref() == Some(value.as_str()))
    };
    view! {
        <div class="nhsuk-radios__item">
            <input class="nhsuk-radios__input" id=input_id.clone() name="rating" type="radio" value=value.clone()
                aria-describedby=hint_id.clone() prop:checked=checked
                on:change=move |_| on_select(value.clone())/>
            <label class="nhsuk-label nhsuk-radios__label" for=input_id>{label}</label>
            <div class="nhsuk-hint nhsuk-radios__hint" id=hint_id>{hint}</div>
        </div>
    }
}

/// Jump to any domain, or to the first unanswered item.
#[component]
fn JumpTo(
    items: Vec<&'static Capability>,
    assessment: Assessment,
    go_to: Callback<Place>,
) -> impl IntoView {
    let framework = use_app_state().checked_framework_untracked();
    let first_unanswered = assessment
        .first_unanswered(&items)
        .and_then(|item| items.iter().position(|other| other.id == item.id));
    let domains: Vec<_> = framework
        .domains
        .iter()
        .filter_map(|domain| {
            let first = items.iter().position(|item| item.domain == domain.id)?;
            let total = items.iter().filter(|item| item.domain == domain.id).count();
            let answered = items
                .iter()
                .filter(|item| item.domain == domain.id && assessment.rating(&item.id).is_some())
                .count();
            Some((domain.title.clone(), first, answered, total))
        })
        .collect();
    view! {
        <details class="nhsuk-details app-jump">
            <summary class="nhsuk-details__summary">
                <span class="nhsuk-details__summary-text">"Jump to a domain or to unanswered questions"</span>
            </summary>
            <div class="nhsuk-details__text">
                <ul class="nhsuk-list">
                    {first_unanswered.map(|index| view! {
                        <li><button class="app-link-button" type="button" on:click=move |_| go_to.run(Place::Item(index))>
                            "First unanswered question"
                        </button></li>
                    })}
                    {domains.into_iter().map(|(title, first, answered, total)| view! {
                        <li><button class="app-link-button" type="button" on:click=move |_| go_to.run(Place::Item(first))>
                            {format!("{title} ({answered} of {total} answered)")}
                        </button></li>
                    }).collect_view()}
                    <li><button class="app-link-button" type="button" on:click=move |_| go_to.run(Place::Review)>
                        "Review and finish"
                    </button></li>
                </ul>
            </div>
        </details>
    }
}

/// Before finishing: what is answered, what is not, and a way back to each.
#[component]
fn Review(
    assessment: Assessment,
    items: Vec<&'static Capability>,
    go_to: Callback<Place>,
) -> impl IntoView {
    let state = use_app_state();
    let navigation = use_navigation();
    let answered = assessment.answered_count(&items);
    let unanswered: Vec<(usize, String)> = items
        .iter()
        .enumerate()
        .filter(|(_, item)| assessment.rating(&item.id).is_none())
        .map(|(index, item)| (index, crate::core::packs::labelled_title(item)))
        .collect();
    // Each answer given, in the order asked, with a way back to change it
    // (the "check answers" pattern).
    let given: Vec<(usize, String, String)> = items
        .iter()
        .enumerate()
        .filter_map(|(index, item)| {
            let rating = assessment.rating(&item.id)?;
            let answer = crate::core::assessment::rating_label(
                crate::core::content::framework(),
                assessment.role,
                Some(rating),
            );
            Some((index, crate::core::packs::labelled_title(item), answer))
        })
        .collect();
    let quick = assessment.scope == crate::core::assessment::Scope::Quick;
    let extend = {
        let id = assessment.id.clone();
        move |_| {
            state.update_assessment(&id, |assessment| {
                assessment.extend_to_full(state.checked_framework_untracked(), browser::now())
            });
            let resume = state.assessment(&id).and_then(|assessment| {
                let items = assessment.items(state.checked_framework_untracked());
                let current = assessment.current.clone()?;
                items.iter().position(|item| item.id == current)
            });
            go_to.run(Place::Item(resume.unwrap_or(0)));
        }
    };
    let id = assessment.id.clone();
    let finish = move |_| {
        state.update_assessment(&id, |assessment| assessment.finish(browser::now()));
        navigation.open(&Page::Results(id.to_string()));
    };
    view! {
        <PageHeading text="Review your answers" id="step-heading"/>
        <p>{format!("You have answered {answered} of {} questions.", items.len())}</p>
        {(!unanswered.is_empty()).then(|| view! {
            <h2 class="nhsuk-heading-s">"Not answered yet"</h2>
            <p class="nhsuk-body-s">"Unanswered questions count as unrated in your results. They are never guessed."</p>
            <ul class="nhsuk-list">
                {unanswered.into_iter().map(|(index, title)| view! {
                    <li><button class="app-link-button" type="button" on:click=move |_| go_to.run(Place::Item(index))>{title}</button></li>
                }).collect_view()}
            </ul>
        })}
        {(!given.is_empty()).then(|| view! {
            <h2 class="nhsuk-heading-s">"Your answers"</h2>
            <dl class="nhsuk-summary-list">
                {given.into_iter().map(|(index, title, answer)| view! {
                    <div class="nhsuk-summary-list__row">
                        <dt class="nhsuk-summary-list__key">{title.clone()}</dt>
                        <dd class="nhsuk-summary-list__value">{answer}</dd>
                        <dd class="nhsuk-summary-list__actions">
                            <button class="app-link-button" type="button" on:click=move |_| go_to.run(Place::Change(index))>
                                "Change"<span class="nhsuk-u-visually-hidden">{format!(" your answer for {title}")}</span>
                            </button>
                        </dd>
                    </div>
                }).collect_view()}
            </dl>
        })}
        <div class="app-step-buttons">
            <button class="nhsuk-button nhsuk-button--secondary" type="button"
                on:click=move |_| go_to.run(Place::Item(0))>"Back to the first question"</button>
            <button class="nhsuk-button" type="button" on:click=finish>"Finish and see results"</button>
        </div>
        {quick.then(|| view! {
            <h2 class="nhsuk-heading-s">"Want the whole picture?"</h2>
            <p>"The full check asks about every capability of the role. Your answers so far are kept."</p>
            <button class="nhsuk-button nhsuk-button--secondary" type="button" on:click=extend>"Extend to the full check"</button>
        })}
    }
}
