//! The development plan of one assessment: suggestions from its gaps, the
//! actions chosen, and a form for an action of the user's own.

use crate::components::text_input::TextInput;
use crate::{
    browser,
    components::error_summary::{message_for, ErrorSummary},
    core::{
        assessment::{ActionStatus, Assessment, PlanAction},
        content,
        framework::{HIGHEST_LEVEL, LOWEST_LEVEL},
        packs::labelled_title,
        plan,
        roles::RoleId,
        scoring, text,
    },
    state::use_app_state,
};
use leptos::prelude::*;

/// What the plan editor holds that is not saved yet: text typed for an
/// action of the user's own, whether the suggestions are open, and the last
/// thing added. The results page is redrawn on every save, so it keeps
/// these for the editor (`PlanDraft::provide`), and nothing typed is lost.
#[derive(Clone, Copy)]
pub struct PlanDraft {
    what: RwSignal<String>,
    by_when: RwSignal<String>,
    suggestions_open: RwSignal<bool>,
    added: RwSignal<Option<String>>,
}

impl PlanDraft {
    fn new() -> PlanDraft {
        PlanDraft {
            what: RwSignal::new(String::new()),
            by_when: RwSignal::new(String::new()),
            suggestions_open: RwSignal::new(false),
            added: RwSignal::new(None),
        }
    }

    /// Keeps a draft for the plan editors below, across their redraws.
    pub fn provide() {
        provide_context(PlanDraft::new());
    }

    fn use_draft() -> PlanDraft {
        use_context::<PlanDraft>().unwrap_or_else(PlanDraft::new)
    }
}

#[component]
pub fn PlanEditor(assessment: Assessment) -> impl IntoView {
    let framework = use_app_state().checked_framework_untracked();
    let results = scoring::results(&assessment, framework, assessment.role, assessment.stage);
    // Every gap stays offered: ideas already added say so.
    let suggestions = plan::suggestions(&results, &[]);
    let plan_now = StoredValue::new(assessment.plan.clone());
    let actions: Vec<PlanAction> = assessment.live_plan().cloned().collect();
    let id = StoredValue::new(assessment.id.clone());
    view! {
        <h2 class="nhsuk-heading-m" id="plan-heading" tabindex="-1">"Development plan"</h2>
        {if actions.is_empty() {
            view! { <p>"No actions yet. Add one from the suggestions below, or write your own."</p> }.into_any()
        } else {
            view! {
                <ol class="app-plan">
                    {actions.into_iter().map(|action| view! { <ActionRow assessment_id=id.get_value() role=assessment.role action=action/> }).collect_view()}
                </ol>
            }.into_any()
        }}
        {(!suggestions.is_empty()).then(|| view! { <Suggestions suggestions plan=plan_now assessment_id=id/> })}
        <OwnAction assessment_id=assessment.id.clone()/>
    }
}

/// Ideas for each gap, behind a "details" that is closed at first. Its
/// contents are built when it is first opened: with hundreds of gaps they
/// were half of the results page's elements.
#[component]
fn Suggestions(
    suggestions: Vec<plan::Suggestion>,
    plan: StoredValue<Vec<PlanAction>>,
    assessment_id: StoredValue<String>,
) -> impl IntoView {
    let draft = PlanDraft::use_draft();
    let heading = format!(
        "Suggestions for your {}",
        text::counted(suggestions.len(), "gap", "gaps")
    );
    let suggestions = StoredValue::new(suggestions);
    let opened = draft.suggestions_open;
    view! {
        <details class="nhsuk-details app-no-print" open=opened.get_untracked()
            on:toggle=move |event| {
                // Set only on a change: setting it redraws the ideas, and
                // with them the one that has focus.
                let open = event_target::<web_sys::Element>(&event).has_attribute("open");
                if opened.get_untracked() != open { opened.set(open) }
            }>
            <summary class="nhsuk-details__summary">
                <span class="nhsuk-details__summary-text">{heading}</span>
            </summary>
            <div class="nhsuk-details__text">
                {move || opened.get().then(|| suggestions.get_value().into_iter().map(|suggestion| {
                    let suggestion = StoredValue::new(suggestion);
                    view! {
                        <h3 class="nhsuk-heading-xs">{suggestion.with_value(|s| format!("{} (gap of {})", s.title, s.gap))}</h3>
                        <ul class="nhsuk-list">
                            {suggestion.with_value(|s| s.ideas.clone()).into_iter().enumerate().map(|(index, idea)| {
                                let marker = suggestion.with_value(|s| format!("idea-{}-{index}", s.capability));
                                let added = plan.with_value(|plan| suggestion.with_value(|s| plan::has_idea(plan, &s.capability, &idea)));
                                if added {
                                    return view! {
                                        <li><p class="app-added" id=marker tabindex="-1">"✓ In your plan: " {idea}</p></li>
                                    }.into_any();
                                }
                                let label = format!("Add to plan: {idea}");
                                view! {
                                    <li><button class="app-link-button" type="button" id=marker.clone() on:click=move |_| {
                                        let action = suggestion.with_value(|s| plan::action_from(s, &idea, browser::new_id("act"), browser::now()));
                                        use_app_state().update_assessment(&assessment_id.get_value(), |assessment| assessment.upsert_action(action));
                                        // The button becomes "In your plan" under the same id.
                                        browser::focus_after_redraw(marker.clone());
                                    }>{label}</button></li>
                                }.into_any()
                            }).collect_view()}
                        </ul>
                    }
                }).collect_view())}
            </div>
        </details>
    }
}

#[component]
fn ActionRow(assessment_id: String, role: RoleId, action: PlanAction) -> impl IntoView {
    let state = use_app_state();
    let ids = StoredValue::new((assessment_id, action.clone()));
    let prefix = format!("action-{}", action.id);
    // The page is redrawn after the save; focus goes back to the control
    // that changed, or to the plan's heading once the action is removed.
    let change = move |focus_after: String, edit: Box<dyn FnOnce(&mut PlanAction)>| {
        let (assessment_id, mut action) = ids.get_value();
        edit(&mut action);
        action.updated_at = browser::now();
        state.update_assessment(&assessment_id, |assessment| {
            assessment.upsert_action(action)
        });
        browser::focus_after_redraw(focus_after);
    };
    let (status_id, target_id, by_id) = (
        format!("{prefix}-status"),
        format!("{prefix}-target"),
        format!("{prefix}-by"),
    );
    let linked: Vec<String> = action
        .capabilities
        .iter()
        .map(|id| {
            use_app_state()
                .checked_framework_untracked()
                .capability(id)
                .map_or(id.clone(), labelled_title)
        })
        .collect();
    view! {
        <li class="app-plan__action">
            <p class="app-plan__what app-user-text" dir="auto"><strong>{action.what.clone()}</strong></p>
            {(!linked.is_empty()).then(|| view! { <p class="nhsuk-body-s">"For: " {linked.join(", ")}</p> })}
            <crate::components::evidence_links::ActionEvidence action=action.id.clone() capability=action.capabilities.first().cloned() what=action.what.clone()/>
            <p class="app-print-only nhsuk-body-s">{format!(
                "Status: {}. By: {}. Target: {}.",
                action.status.label(),
                text::shown_date(&action.by_when, "no date set"),
                action.target.map_or("not set".into(), |level| content::framework().level_label(role, level))
            )}</p>
            <div class="app-plan__fields app-no-print">
                <div class="nhsuk-form-group">
                    <label class="nhsuk-label" for=format!("{prefix}-status")>"Status"</label>
                    <select class="nhsuk-select" id=status_id.clone() on:change=move |event| {
                        let status = ActionStatus::ALL.into_iter().find(|status| status.label() == event_target_value(&event));
                        if let Some(status) = status { change(status_id.clone(), Box::new(move |action| action.status = status)); }
                    }>
                        {ActionStatus::ALL.into_iter().map(|status| view! {
                            <option value=status.label() selected=status == action.status>{status.label()}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="nhsuk-form-group">
                    <label class="nhsuk-label" for=format!("{prefix}-target")>"Target level"</label>
                    <select class="nhsuk-select" id=target_id.clone() on:change=move |event| {
                        // "" is "Not set", the target of an action of the user's own.
                        let target = event_target_value(&event).parse().ok();
                        change(target_id.clone(), Box::new(move |action| action.target = target));
                    }>
                        <option value="" selected=action.target.is_none()>"Not set"</option>
                        {(LOWEST_LEVEL..=HIGHEST_LEVEL).map(|level| view! {
                            <option value=level.to_string() selected=action.target == Some(level)>{content::framework().level_label(role, level)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <TextInput id=by_id.clone() input_type="date" width="nhsuk-input--width-10" value=action.by_when.clone()
                    on_change=Callback::new(move |by_when| change(by_id.clone(), Box::new(move |action| action.by_when = by_when)))>
                    "By when"
                </TextInput>
                <button class="app-link-button" type="button" on:click=move |_| change("plan-heading".into(), Box::new(|action| action.deleted = true))>
                    "Remove this action"<span class="nhsuk-u-visually-hidden">{format!(": {}", action.what)}</span>
                </button>
            </div>
        </li>
    }
}

/// A form for an action the user writes, validated with an error summary.
#[component]
fn OwnAction(assessment_id: String) -> impl IntoView {
    let state = use_app_state();
    let draft = PlanDraft::use_draft();
    let (what, by_when) = (draft.what, draft.by_when);
    let errors = RwSignal::new(Vec::<(&'static str, String)>::new());
    let id = StoredValue::new(assessment_id);
    let add = move |_| {
        let problems = plan::problems(&what.get_untracked(), &by_when.get_untracked());
        if !problems.is_empty() {
            errors.set(
                problems
                    .into_iter()
                    .map(|(field, message)| (field, message.to_owned()))
                    .collect(),
            );
            browser::focus_after_render("plan-error-summary");
            return;
        }
        errors.set(Vec::new());
        let action = PlanAction {
            id: browser::new_id("act"),
            what: what.get_untracked().trim().to_owned(),
            by_when: by_when.get_untracked(),
            capabilities: Vec::new(),
            target: None,
            status: ActionStatus::NotStarted,
            updated_at: browser::now(),
            deleted: false,
        };
        state.update_assessment(&id.get_value(), |assessment| {
            assessment.upsert_action(action)
        });
        draft
            .added
            .set(Some(what.get_untracked().trim().to_owned()));
        what.set(String::new());
        by_when.set(String::new());
        // Ready for another action; the status line says this one was added.
        browser::focus_after_redraw("action-what");
    };
    view! {
        <div class="app-no-print app-own-action">
            <h3 class="nhsuk-heading-s">"Add an action of your own"</h3>
            {move || {
                let errors = errors.get();
                (!errors.is_empty()).then(|| view! {
                    <ErrorSummary id="plan-error-summary" errors/>
                })
            }}
            <TextInput id="action-what" value=what user_text=true
                error=message_for(errors, "action-what")
                on_input=Callback::new(move |text| what.set(text))>"What will you do?"</TextInput>
            <TextInput id="action-by-when" value=by_when input_type="date" width="nhsuk-input--width-10"
                error=message_for(errors, "action-by-when")
                on_input=Callback::new(move |text| by_when.set(text))>"By when (optional)"</TextInput>
            <button class="nhsuk-button nhsuk-button--secondary" type="button" on:click=add>"Add to plan"</button>
            <p role="status" class="app-added">{move || draft.added.get().map(|what| format!("Added to your plan: {what}"))}</p>
        </div>
    }
}
