//! Supervisor review (see `core::review`): asking for a review and importing
//! the response (`/results/<id>/review`), and the supervisor's walk-through
//! on either device (`/review`). Both pages are in the `share` wasm chunk
//! (`lazy.rs`), apart from the check and results pages, so a supervisor's
//! first visit does not fetch them; the review on the results page is
//! `results_review`, in the `check` chunk.

use crate::components::page_heading::PageHeading;
use crate::components::text_input::TextInput;
use crate::{
    address::Page,
    browser,
    components::{
        character_count::{CharacterCount, Saving},
        checkboxes::Checkbox,
        error_message::ErrorMessage,
        error_summary::{message_for, ErrorSummary},
        inset_text::InsetText,
        radios::{RadioOption, Radios},
    },
    core::{
        content,
        framework::Capability,
        limits,
        review::{self, mark_text, FileKind, Mark, Method, ReviewDraft, ReviewRequest},
    },
    navigation::use_navigation,
    pages::results::describe,
    state::use_app_state,
};
use leptos::prelude::*;

/// The message for a download the browser did not allow.
const DOWNLOAD_REFUSED: &str =
    "The browser did not allow the download. Try again, or use another browser.";

/// "Ask your supervisor to review": on this device, or by file; and
/// importing the supervisor's response.
#[component]
pub fn ReviewAsk(id: String) -> impl IntoView {
    let state = use_app_state();
    let Some(assessment) = state.assessment(&id) else {
        return view! {
            <PageHeading text="Assessment not found"/>
            <p>"There is no assessment with this address on this device."</p>
            <p><a href=Page::ResultsList.href()>"Go to all results"</a></p>
        }
        .into_any();
    };
    let navigation = use_navigation();
    let include_notes = RwSignal::new(false);
    let sent = RwSignal::new(None::<bool>);
    // The default profile's "Me" would tell the supervisor nothing.
    let practitioner = RwSignal::new(
        state
            .profiles()
            .with_untracked(|profiles| profiles.person_name(&assessment.profile).to_owned()),
    );
    let assessment = StoredValue::new(assessment);
    let request = move || {
        ReviewRequest::new(
            &assessment.get_value(),
            &practitioner.get_untracked(),
            include_notes.get_untracked(),
            browser::now(),
        )
    };
    let name_error = Memo::new(move |_| {
        practitioner
            .with(|name| limits::too_long("Your name", name.trim(), limits::PROFILE_NAME_MAX_CHARS))
    });
    // Whether the name can go on the request; focuses the field if not.
    let name_ok = move || {
        let ok = name_error.get_untracked().is_none();
        if !ok {
            browser::focus("review-practitioner");
        }
        ok
    };
    // The name sent is kept as the profile's, so the next request has it
    // already.
    let keep_name = move || {
        let name = practitioner.get_untracked().trim().to_owned();
        let profile = assessment.with_value(|assessment| assessment.profile.clone());
        let known = state
            .profiles()
            .with_untracked(|profiles| profiles.person_name(&profile) == name);
        if !name.is_empty() && !known {
            state.rename_profile(&profile, &name);
        }
    };
    let hand_over = move |_| {
        if !name_ok() {
            return;
        }
        keep_name();
        let draft = ReviewDraft::new(browser::new_id("r"), request(), Method::SameDevice);
        state.set_review_draft(Some(draft));
        navigation.open(&Page::Review);
    };
    let send_file = move |_| {
        if !name_ok() {
            return;
        }
        keep_name();
        let request = request();
        let file_name = review::file_name(
            FileKind::Request,
            &request.practitioner,
            request.assessment.role,
            &browser::today_iso(),
        );
        let downloaded = review::export_request(&request)
            .map(|text| browser::download(&file_name, "application/json", &text))
            .unwrap_or(false);
        sent.set(Some(downloaded));
    };
    let draft_in_progress = move || state.review_draft().with(Option::is_some);
    view! {
        <a href=Page::Results(id.clone()).href() class="nhsuk-back-link">"Back to your results"</a>
        <PageHeading text="Ask your supervisor to review"/>
        <p>"Your supervisor rates each capability in this assessment, or marks it not observed, and may add a comment. You then see both ratings side by side, and both go in your appraisal summary."</p>
        <p>"To avoid anchoring, your own rating stays hidden from your supervisor until they have rated each capability, unless they choose to see it first."</p>
        <TextInput id="review-practitioner" value=practitioner autocomplete="name" user_text=true error=name_error
            hint="Your supervisor sees it on the review, and it goes in your appraisal summary. It is kept as your profile's name for next time. Leave it empty to send no name."
            on_input=Callback::new(move |name: String| practitioner.set(name))>
            "Your name"
        </TextInput>
        <div class="nhsuk-form-group">
            <div class="nhsuk-checkboxes">
                <Checkbox id="review-include-notes".into() name="review-include-notes" value="yes".into()
                    label="Let my supervisor see my notes".into()
                    hint="Off unless you choose it. Your development plan is never included.".into()
                    checked=include_notes on_toggle=Callback::new(move |on| include_notes.set(on))/>
            </div>
        </div>
        <h2 class="nhsuk-heading-m">"On this device"</h2>
        <p>"Your supervisor works through the review on this phone or computer, and their review is saved with this assessment."</p>
        {move || draft_in_progress().then(|| view! {
            <p class="nhsuk-body-s">"A review already in progress on this device will be replaced."</p>
        })}
        <button class="nhsuk-button" type="button" on:click=hand_over>"Hand this device to your supervisor"</button>
        <h2 class="nhsuk-heading-m">"On their device"</h2>
        <p>"Download a review request and send it to your supervisor, for example by email. They open this app on their own device, choose \u{201c}Review a colleague\u{2019}s assessment\u{201d}, and send you back a review response to import below. Their device keeps nothing of yours once they have sent it."</p>
        <button class="nhsuk-button nhsuk-button--secondary" type="button" on:click=send_file>"Send a review file"</button>
        {move || sent.get().map(|downloaded| if downloaded {
            view! { <p class="app-done" role="status">"Review request downloaded. Send it to your supervisor."</p> }.into_any()
        } else {
            view! { <ErrorMessage message=DOWNLOAD_REFUSED alert=true/> }.into_any()
        })}
        <ImportResponse id=id.clone()/>
    }
    .into_any()
}

/// The practitioner imports a review response: checked, previewed, and
/// added only when they confirm.
#[component]
fn ImportResponse(id: String) -> impl IntoView {
    let state = use_app_state();
    let error = RwSignal::new(None::<String>);
    let preview = RwSignal::new(None::<review::ResponsePreview>);
    let done = RwSignal::new(false);
    let id = StoredValue::new(id);
    let on_file = move |event: leptos::ev::Event| {
        error.set(None);
        preview.set(None);
        done.set(false);
        browser::read_chosen_file(&event, "review response", move |text| {
            let Some(assessment) = state.assessment(&id.get_value()) else {
                return;
            };
            let checked = text.and_then(|text| {
                review::preview_response(
                    &text,
                    &assessment,
                    &state.reviews().get_untracked(),
                    browser::now(),
                )
                .map_err(|problem| problem.to_string())
            });
            match checked {
                Ok(found) => preview.set(Some(found)),
                Err(message) => error.set(Some(message)),
            }
        });
    };
    let confirm = move |_| {
        if let Some(found) = preview.get_untracked() {
            state.add_review(found.review);
            preview.set(None);
            done.set(true);
            browser::focus_after_render("review-imported");
        }
    };
    let cancel = move || {
        preview.set(None);
        browser::focus_after_render("response-file");
    };
    let title = |capability: &str| {
        content::framework()
            .capability(capability)
            .map_or_else(|| capability.to_owned(), |found| found.title.clone())
    };
    view! {
        <h2 class="nhsuk-heading-m">"Import your supervisor\u{2019}s review"</h2>
        <div class="nhsuk-form-group" class:nhsuk-form-group--error=move || error.get().is_some()>
            <label class="nhsuk-label" for="response-file">"Review response file"</label>
            <div class="nhsuk-hint" id="response-file-hint">"The .json file your supervisor sent back. Nothing changes until you confirm."</div>
            {move || error.get().map(|message| view! {
                <ErrorMessage id="response-file-error" message alert=true/>
            })}
            <input class="nhsuk-file-upload__input app-file-input" id="response-file" type="file" accept=".json,application/json"
                aria-describedby=move || if error.get().is_some() { "response-file-hint response-file-error" } else { "response-file-hint" }
                on:change=on_file/>
        </div>
        {move || preview.get().map(|found| {
            let review = &found.review;
            view! {
                <div class="nhsuk-card app-import-preview" on:keydown=move |event| {
                    if event.key() == "Escape" {
                        event.prevent_default();
                        cancel();
                    }
                }>
                    <div class="nhsuk-card__content">
                        <h3 class="nhsuk-card__heading nhsuk-heading-s">"Check before importing"</h3>
                        <ul>
                            <li class="app-user-text" dir="auto">{format!("Review by {}, {}, on {}", review.supervisor.name, review.supervisor.role, browser::format_date(review.reviewed_at))}</li>
                            <li>{format!("{} of {} capabilities rated or marked not observed", review.rated_count(), review.items.len())}</li>
                            {(!found.changed.is_empty()).then(|| view! {
                                <li>{format!(
                                    "You have changed {} rating(s) since the request was made ({}). They will show as changed since review.",
                                    found.changed.len(),
                                    found.changed.iter().map(|id| title(id)).collect::<Vec<_>>().join(", ")
                                )}</li>
                            })}
                            {found.future_dated.then(|| view! {
                                <li>"The review was dated later than today, so the device that made it had its clock set ahead. It will be dated today."</li>
                            })}
                            {found.already_here.then(|| view! {
                                <li>"This review is already saved here: importing it again changes nothing."</li>
                            })}
                            <li>"Your own answers are not changed."</li>
                        </ul>
                        <div class="app-inline-actions">
                            <button class="nhsuk-button" type="button" on:click=confirm>"Import the review"</button>
                            <button class="nhsuk-button nhsuk-button--secondary" type="button" on:click=move |_| cancel()>"Cancel"</button>
                        </div>
                    </div>
                </div>
            }
        })}
        {move || done.get().then(|| view! {
            <p class="app-done" role="status" id="review-imported" tabindex="-1">"Review imported. "
                <a href=Page::Results(id.get_value()).href()>"See it next to your ratings"</a></p>
        })}
    }
}

/// How a finished walk-through ended, for the last screen.
#[derive(Clone, PartialEq)]
enum Finished {
    /// Same device: saved with the assessment.
    Recorded { assessment_id: String },
    /// By file: the response was downloaded and the request removed from
    /// storage. The file is kept in memory while the page is open, so it
    /// can be downloaded again if the first download went astray.
    Sent(ResponseFile),
}

/// A review response ready to download: its name and contents.
#[derive(Clone, PartialEq)]
struct ResponseFile {
    name: String,
    text: String,
}

impl ResponseFile {
    fn download(&self) -> bool {
        browser::download(&self.name, "application/json", &self.text)
    }
}

/// `/review`: a supervisor opens a review request, or carries on with the
/// review in progress, to the end.
#[component]
pub fn ReviewPage() -> impl IntoView {
    let state = use_app_state();
    let finished = RwSignal::new(None::<Finished>);
    // Only a new or removed draft rebuilds the page, not each rating saved.
    let draft_id = Memo::new(move |_| {
        state
            .review_draft()
            .with(|draft| draft.as_ref().map(|draft| draft.id.clone()))
    });
    move || {
        if let Some(done) = finished.get() {
            return view! { <FinishedView done/> }.into_any();
        }
        match draft_id.get() {
            None => view! { <OpenRequest/> }.into_any(),
            Some(_) => view! { <WalkThrough finished/> }.into_any(),
        }
    }
}

#[component]
fn FinishedView(done: Finished) -> impl IntoView {
    browser::focus_after_render("review-heading");
    match done {
        Finished::Recorded { assessment_id } => {
            view! {
                <PageHeading text="Review recorded" id="review-heading"/>
                <p>"Thank you. Hand the device back to the practitioner."</p>
                <p><a href=Page::Results(assessment_id).href()>"See the review next to their ratings"</a></p>
            }
            .into_any()
        }
        Finished::Sent(file) => {
            let failed = RwSignal::new(false);
            let name = file.name.clone();
            view! {
                <PageHeading text="Review response downloaded" id="review-heading"/>
                <p>{format!("Send the file {name} back to the colleague who asked for the review. They import it from their results.")}</p>
                <p>"Their assessment and your review have been removed from this device\u{2019}s storage. Nothing was added to your own data."</p>
                <p>"If you cannot find the file, download it again before you leave this page: it is not kept anywhere once you do."</p>
                <button class="nhsuk-button nhsuk-button--secondary" type="button"
                    on:click=move |_| failed.set(!file.download())>"Download the review response again"</button>
                {move || failed.get().then(|| view! { <ErrorMessage message=DOWNLOAD_REFUSED alert=true/> })}
                <p><a href=Page::Home.href()>"Go to the home page"</a></p>
            }
            .into_any()
        }
    }
}

/// The supervisor opens a colleague's review request file.
#[component]
fn OpenRequest() -> impl IntoView {
    let state = use_app_state();
    let error = RwSignal::new(None::<String>);
    let on_file = move |event: leptos::ev::Event| {
        error.set(None);
        browser::read_chosen_file(&event, "review request", move |text| {
            let opened = text.and_then(|text| {
                review::open_request(&text, browser::now())
                    .map_err(|problem| problem.message("review request"))
            });
            match opened {
                Ok(request) => {
                    state.set_review_draft(Some(ReviewDraft::new(
                        browser::new_id("r"),
                        request,
                        Method::File,
                    )));
                    // The file input has gone: start from the new heading.
                    browser::focus_after_render("review-heading");
                }
                Err(message) => error.set(Some(message)),
            }
        });
    };
    view! {
        <PageHeading text="Review a colleague\u{2019}s assessment"/>
        <p>"If a colleague has sent you a review request, open it here. What it holds is kept apart from your own data on this device, and removed as soon as you download your review to send back."</p>
        <div class="nhsuk-form-group" class:nhsuk-form-group--error=move || error.get().is_some()>
            <label class="nhsuk-label" for="request-file">"Review request file"</label>
            <div class="nhsuk-hint" id="request-file-hint">"The .json file your colleague sent you."</div>
            {move || error.get().map(|message| view! {
                <ErrorMessage id="request-file-error" message alert=true/>
            })}
            <input class="nhsuk-file-upload__input app-file-input" id="request-file" type="file" accept=".json,application/json"
                aria-describedby=move || if error.get().is_some() { "request-file-hint request-file-error" } else { "request-file-hint" }
                on:change=on_file/>
        </div>
        <p>"To have your own assessment reviewed, open its results and choose \u{201c}Ask your supervisor to review\u{201d}."</p>
    }
}

/// The walk-through: a start screen, one capability per screen, the
/// confirmation, and (by file) sending the review back. The place is saved
/// with the draft, so a reload resumes there.
#[component]
fn WalkThrough(finished: RwSignal<Option<Finished>>) -> impl IntoView {
    let state = use_app_state();
    let framework = content::framework();
    let Some(draft) = state.review_draft().get_untracked() else {
        return ().into_any();
    };
    let total = draft.capabilities(framework).len();
    let place = RwSignal::new(draft.position.min(total + 2));
    let go_to = Callback::new(move |next: usize| {
        place.set(next);
        state.change_review_draft(|draft| draft.position = next);
        browser::focus_after_render("review-heading");
    });
    view! {
        <p class="nhsuk-body-s app-saved-notice">"Supervisor review. Saved as you go, apart from this device\u{2019}s own data."</p>
        {move || {
            let Some(draft) = state.review_draft().get_untracked() else { return ().into_any() };
            let items = draft.capabilities(framework);
            match place.get() {
                0 => view! { <Start draft go_to/> }.into_any(),
                index if index <= items.len() => {
                    let item = items[index - 1];
                    view! { <Item draft item index total=items.len() go_to/> }.into_any()
                }
                index if index == items.len() + 1 => view! { <Confirm draft total=items.len() go_to finished/> }.into_any(),
                _ => view! { <SendBack draft finished/> }.into_any(),
            }
        }}
    }
    .into_any()
}

#[component]
fn Start(draft: ReviewDraft, go_to: Callback<usize>) -> impl IntoView {
    let state = use_app_state();
    let request = &draft.request;
    let total = draft.capabilities(content::framework()).len();
    let show_first = RwSignal::new(draft.show_self_first);
    let practitioner = if request.practitioner.is_empty() {
        "Not given".to_owned()
    } else {
        request.practitioner.clone()
    };
    view! {
        <PageHeading text="Supervisor review" id="review-heading"/>
        <dl class="nhsuk-summary-list">
            <div class="nhsuk-summary-list__row">
                <dt class="nhsuk-summary-list__key">"Practitioner"</dt>
                <dd class="nhsuk-summary-list__value app-user-text" dir="auto">{practitioner}</dd>
            </div>
            <div class="nhsuk-summary-list__row">
                <dt class="nhsuk-summary-list__key">"Assessment"</dt>
                <dd class="nhsuk-summary-list__value">{describe(&request.assessment)}</dd>
            </div>
            <div class="nhsuk-summary-list__row">
                <dt class="nhsuk-summary-list__key">"Capabilities"</dt>
                <dd class="nhsuk-summary-list__value">{total.to_string()}</dd>
            </div>
            <div class="nhsuk-summary-list__row">
                <dt class="nhsuk-summary-list__key">"Their notes"</dt>
                <dd class="nhsuk-summary-list__value">{if request.includes_notes { "Included" } else { "Not included" }}</dd>
            </div>
        </dl>
        <p>"For each capability, choose the level that matches what you have seen them do, or \u{201c}Not observed\u{201d}. The levels are worded as the practitioner reads them. You may add a comment. Skip any you prefer not to rate."</p>
        <div class="nhsuk-form-group">
            <div class="nhsuk-checkboxes">
                <Checkbox id="show-self-first".into() name="show-self-first" value="yes".into()
                    label="Show their own rating before I rate each capability".into()
                    hint="Off by default: seeing it first tends to pull your rating towards theirs.".into()
                    checked=show_first
                    on_toggle=Callback::new(move |on| {
                        show_first.set(on);
                        state.change_review_draft(|draft| draft.show_self_first = on);
                    })/>
            </div>
        </div>
        <div class="app-step-buttons">
            // The action first, then the way out of it (fresh-user trial:
            // "Cancel" came first). Steps keep Back before Continue.
            <button class="nhsuk-button" type="button" on:click=move |_| go_to.run(1)>"Start the review"</button>
            <button class="nhsuk-button nhsuk-button--secondary" type="button" on:click=move |_| state.set_review_draft(None)>"Cancel this review"</button>
        </div>
    }
}

#[component]
fn Item(
    draft: ReviewDraft,
    item: &'static Capability,
    index: usize,
    total: usize,
    go_to: Callback<usize>,
) -> impl IntoView {
    let state = use_app_state();
    let framework = content::framework();
    let tab_title = format!("Review: {} ({index} of {total})", item.title);
    let domain = framework
        .domain(&item.domain)
        .map_or_else(String::new, |domain| domain.title.clone());
    let capability = StoredValue::new(item.id.clone());
    let rating = Memo::new(move |_| {
        state.review_draft().with(|draft| {
            draft
                .as_ref()
                .and_then(|draft| draft.rating(&capability.get_value()))
        })
    });
    let rate = Callback::new(move |value: String| {
        let mark = Mark::try_from(value).ok();
        state.change_review_draft(|draft| draft.set_rating(&capability.get_value(), mark));
    });
    let save_comment = Callback::new(move |text: String| {
        state.change_review_draft(|draft| draft.set_comment(&capability.get_value(), &text));
    });
    let comment_error = RwSignal::new(None::<String>);
    let go_to = Callback::new(move |next: usize| {
        if comment_error.get_untracked().is_some() {
            browser::focus("review-comment");
        } else {
            go_to.run(next);
        }
    });
    let assessment = &draft.request.assessment;
    let their_rating = assessment.rating(&item.id).map(Mark::from);
    let their_note = assessment.note(&item.id).to_owned();
    let role = assessment.role;
    let show_first = draft.show_self_first;
    let revealed = move || show_first || rating.get().is_some();
    let mut options: Vec<RadioOption> = framework
        .scale_for(assessment.role)
        .into_iter()
        .map(|level| RadioOption {
            value: String::from(Mark::Level(level.level)),
            // The supervisor's own choice, so worded as about the
            // practitioner ("within the agreed supervision"), numbered as
            // the practitioner's choices and results are.
            label: framework.observed_level_label(assessment.role, level.level),
            // The scale speaks to the practitioner ("You can do this…"):
            // quoted as theirs (said once, above the choices), so the
            // supervisor does not read it as addressed to them.
            hint: Some(format!("\u{201c}{}\u{201d}", level.wording)),
        })
        .collect();
    options.push(RadioOption {
        value: String::from(Mark::NotObserved),
        label: "Not observed".into(),
        hint: Some("You have not seen them do this.".into()),
    });
    view! {
        <span class="nhsuk-caption-l">{format!("Capability {index} of {total}: {domain}")}</span>
        <PageHeading text=item.title.clone() title=tab_title id="review-heading"/>
        // Written to the practitioner ("You know…"): quoted as theirs.
        <p class="nhsuk-body-l">{format!("As they read it: \u{201c}{}\u{201d}", item.descriptor)}</p>
        <p class="nhsuk-body-s">"The description under each level is in quotes: it is how your colleague read it when they rated themselves."</p>
        <Radios name="review-rating" legend="What have you seen them do?".into() options
            selected=Signal::derive(move || rating.get().map(String::from)) on_select=rate/>
        <div aria-live="polite">
            <InsetText>
                {move || if revealed() {
                    let note = their_note.clone();
                    view! {
                        <p>{format!("Their own rating: {}.", mark_text(framework, role, their_rating))}</p>
                        {(!note.is_empty()).then(|| view! {
                            <p>"Their note: " <bdi class="app-user-text">{note}</bdi></p>
                        })}
                    }.into_any()
                } else {
                    view! { <p>"Their own rating is shown once you have rated this capability."</p> }.into_any()
                }}
            </InsetText>
        </div>
        <CharacterCount id="review-comment" label="Comment (optional)"
            hint="The practitioner sees it next to your rating."
            what="Your comment" max=limits::NOTE_MAX_CHARS initial=draft.comment(&item.id).to_owned()
            error=comment_error saving=Saving::EachChange(save_comment)/>
        <div class="app-step-buttons">
            <button class="nhsuk-button nhsuk-button--secondary" type="button" on:click=move |_| go_to.run(index - 1)>"Back"</button>
            <button class="nhsuk-button" type="button" on:click=move |_| go_to.run(index + 1)>
                {if index == total { "Next: confirm" } else { "Next" }}
            </button>
        </div>
    }
}

#[component]
fn Confirm(
    draft: ReviewDraft,
    total: usize,
    go_to: Callback<usize>,
    finished: RwSignal<Option<Finished>>,
) -> impl IntoView {
    let state = use_app_state();
    let framework = content::framework();
    let items = draft.capabilities(framework);
    let rated = items
        .iter()
        .filter(|item| matches!(draft.rating(&item.id), Some(Mark::Level(_))))
        .count();
    let not_observed = items
        .iter()
        .filter(|item| draft.rating(&item.id) == Some(Mark::NotObserved))
        .count();
    let errors = RwSignal::new(Vec::<(&'static str, String)>::new());
    let confirm = move |_| {
        let Some(draft) = state.review_draft().get_untracked() else {
            return;
        };
        match draft.confirm(framework, browser::now()) {
            Err(problems) => {
                errors.set(
                    problems
                        .iter()
                        .map(|problem| (problem.field(), problem.to_string()))
                        .collect(),
                );
                browser::focus_after_render("review-errors");
            }
            Ok(review) => match draft.method {
                Method::SameDevice => {
                    let assessment_id = review.assessment_id.clone();
                    state.add_review(review);
                    state.set_review_draft(None);
                    finished.set(Some(Finished::Recorded { assessment_id }));
                }
                Method::File => {
                    state.change_review_draft(|draft| draft.confirmed = Some(review));
                    go_to.run(total + 2);
                }
            },
        }
    };
    let text_field = move |id: &'static str,
                           label: &'static str,
                           hint: &'static str,
                           value: String,
                           autocomplete: &'static str,
                           set: fn(&mut ReviewDraft, String)| {
        view! {
            <TextInput id value hint autocomplete no_spellcheck=true user_text=true
                error=message_for(errors, id)
                on_input=Callback::new(move |text| state.change_review_draft(|draft| set(draft, text)))>{label}</TextInput>
        }
    };
    view! {
        {move || (!errors.get().is_empty()).then(|| view! { <ErrorSummary id="review-errors" errors=errors.get()/> })}
        <span class="nhsuk-caption-l">"Supervisor review"</span>
        <PageHeading text="Confirm your review" id="review-heading"/>
        <p>{format!("You rated {rated} of {total} capabilities and marked {not_observed} not observed.")}</p>
        {text_field("supervisor-name", "Your name", "As it should appear on their appraisal summary.", draft.supervisor.name.clone(), "name", |draft, text| draft.supervisor.name = text)}
        {text_field("supervisor-role", "Your role", "For example, consultant anaesthetist or clinical supervisor.", draft.supervisor.role.clone(), "organization-title", |draft, text| draft.supervisor.role = text)}
        {text_field("supervisor-registration", "Registration number (optional)", "For example, your GMC, NMC or HCPC number.", draft.supervisor.registration.clone(), "off", |draft, text| draft.supervisor.registration = text)}
        <p>"When you confirm, today\u{2019}s date is recorded with your name. Nobody checks who typed it: the review is as trustworthy as the way it reaches the practitioner."</p>
        <div class="app-step-buttons">
            <button class="nhsuk-button nhsuk-button--secondary" type="button" id="review-start" on:click=move |_| go_to.run(1)>"Back to the first capability"</button>
            <button class="nhsuk-button nhsuk-button--secondary" type="button" on:click=move |_| go_to.run(total)>"Back"</button>
            <button class="nhsuk-button" type="button" on:click=confirm>"Confirm review"</button>
        </div>
    }
}

/// By file, once confirmed: download the response; the request and the
/// review then leave this device.
#[component]
fn SendBack(draft: ReviewDraft, finished: RwSignal<Option<Finished>>) -> impl IntoView {
    let state = use_app_state();
    let failed = RwSignal::new(false);
    let Some(review) = draft.confirmed.clone() else {
        return view! {
            <PageHeading text="Send your review back" id="review-heading"/>
            <p>"The review has not been confirmed yet."</p>
        }
        .into_any();
    };
    let name = review::file_name(
        FileKind::Response,
        &draft.request.practitioner,
        draft.request.assessment.role,
        &browser::today_iso(),
    );
    let download = move |_| {
        let file = review::export_response(&review).map(|text| ResponseFile {
            name: name.clone(),
            text,
        });
        match file {
            Ok(file) if file.download() => {
                state.set_review_draft(None);
                finished.set(Some(Finished::Sent(file)));
            }
            _ => failed.set(true),
        }
    };
    view! {
        <span class="nhsuk-caption-l">"Supervisor review"</span>
        <PageHeading text="Send your review back" id="review-heading"/>
        <p>"Download the review response and send it back to your colleague. Once it is downloaded, their assessment and your review are removed from this device."</p>
        <button class="nhsuk-button" type="button" on:click=download>"Download the review response"</button>
        {move || failed.get().then(|| view! { <ErrorMessage message=DOWNLOAD_REFUSED alert=true/> })}
    }
    .into_any()
}
