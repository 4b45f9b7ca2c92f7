//! The development plan of one assessment: suggestions from its gaps, the
//! actions chosen, and a form for an action of the user's own.

use crate::{
    browser,
    components::error_summary::ErrorSummary,
    core::{
        assessment::{ActionStatus, Assessment, PlanAction},
        content,
        framework::{HIGHEST_LEVEL, LOWEST_LEVEL},
        plan, scoring,
    },
    pages::capabilities::level_label,
    state::use_app_state,
};
use leptos::prelude::*;

#[component]
pub fn PlanEditor(assessment: Assessment) -> impl IntoView {
    let framework = content::framework();
    let results = scoring::results(&assessment, framework, assessment.role, assessment.stage);
    let suggestions = plan::suggestions(&results, &assessment.plan);
    let actions: Vec<PlanAction> = assessment.live_plan().cloned().collect();
    let id = StoredValue::new(assessment.id.clone());
    view! {
        <h2 class="nhsuk-heading-m">"Development plan"</h2>
        {if actions.is_empty() {
            view! { <p>"No actions yet. Add one from the suggestions below, or write your own."</p> }.into_any()
        } else {
            view! {
                <ol class="app-plan">
                    {actions.into_iter().map(|action| view! { <ActionRow assessment_id=id.get_value() action=action/> }).collect_view()}
                </ol>
            }.into_any()
        }}
        {(!suggestions.is_empty()).then(|| view! { <Suggestions suggestions assessment_id=id/> })}
        <OwnAction assessment_id=assessment.id.clone()/>
    }
}

/// Ideas for each gap, behind a "details" that is closed at first. Its
/// contents are built when it is first opened: with hundreds of gaps they
/// were half of the results page's elements.
#[component]
fn Suggestions(
    suggestions: Vec<plan::Suggestion>,
    assessment_id: StoredValue<String>,
) -> impl IntoView {
    let heading = format!("Suggestions for your {} gap(s)", suggestions.len());
    let suggestions = StoredValue::new(suggestions);
    let opened = RwSignal::new(false);
    view! {
        <details class="nhsuk-details app-no-print"
            on:toggle=move |event| {
                if event_target::<web_sys::Element>(&event).has_attribute("open") { opened.set(true) }
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
                            {suggestion.with_value(|s| s.ideas.clone()).into_iter().map(|idea| {
                                let label = format!("Add to plan: {idea}");
                                view! {
                                    <li><button class="app-link-button" type="button" on:click=move |_| {
                                        let action = suggestion.with_value(|s| plan::action_from(s, &idea, browser::new_id("act"), browser::now()));
                                        use_app_state().update_assessment(&assessment_id.get_value(), |assessment| assessment.upsert_action(action));
                                    }>{label}</button></li>
                                }
                            }).collect_view()}
                        </ul>
                    }
                }).collect_view())}
            </div>
        </details>
    }
}

#[component]
fn ActionRow(assessment_id: String, action: PlanAction) -> impl IntoView {
    let state = use_app_state();
    let ids = StoredValue::new((assessment_id, action.clone()));
    let change = move |edit: Box<dyn FnOnce(&mut PlanAction)>| {
        let (assessment_id, mut action) = ids.get_value();
        edit(&mut action);
        action.updated_at = browser::now();
        state.update_assessment(&assessment_id, |assessment| {
            assessment.upsert_action(action)
        });
    };
    let prefix = format!("action-{}", action.id);
    let linked: Vec<String> = action
        .capabilities
        .iter()
        .map(|id| {
            content::framework()
                .capability(id)
                .map_or(id.clone(), |capability| capability.title.clone())
        })
        .collect();
    view! {
        <li class="app-plan__action">
            <p class="app-plan__what"><strong>{action.what.clone()}</strong></p>
            {(!linked.is_empty()).then(|| view! { <p class="nhsuk-body-s">"For: " {linked.join(", ")}</p> })}
            <crate::components::evidence_links::ActionEvidence action=action.id.clone() capability=action.capabilities.first().cloned() what=action.what.clone()/>
            <p class="app-print-only nhsuk-body-s">{format!(
                "Status: {}. By: {}. Target: {}.",
                action.status.label(),
                if action.by_when.is_empty() { "no date set" } else { action.by_when.as_str() },
                action.target.map_or("not set".into(), level_label)
            )}</p>
            <div class="app-plan__fields app-no-print">
                <div class="nhsuk-form-group">
                    <label class="nhsuk-label" for=format!("{prefix}-status")>"Status"</label>
                    <select class="nhsuk-select" id=format!("{prefix}-status") on:change=move |event| {
                        let status = ActionStatus::ALL.into_iter().find(|status| status.label() == event_target_value(&event));
                        if let Some(status) = status { change(Box::new(move |action| action.status = status)); }
                    }>
                        {ActionStatus::ALL.into_iter().map(|status| view! {
                            <option value=status.label() selected=status == action.status>{status.label()}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="nhsuk-form-group">
                    <label class="nhsuk-label" for=format!("{prefix}-target")>"Target level"</label>
                    <select class="nhsuk-select" id=format!("{prefix}-target") on:change=move |event| {
                        let target = event_target_value(&event).parse().ok();
                        change(Box::new(move |action| action.target = target));
                    }>
                        {(LOWEST_LEVEL..=HIGHEST_LEVEL).map(|level| view! {
                            <option value=level.to_string() selected=action.target == Some(level)>{level_label(level)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="nhsuk-form-group">
                    <label class="nhsuk-label" for=format!("{prefix}-by")>"By when"</label>
                    <input class="nhsuk-input nhsuk-input--width-10" id=format!("{prefix}-by") type="date"
                        prop:value=action.by_when.clone() on:change=move |event| {
                            let by_when = event_target_value(&event);
                            change(Box::new(move |action| action.by_when = by_when));
                        }/>
                </div>
                <button class="app-link-button" type="button" on:click=move |_| change(Box::new(|action| action.deleted = true))>
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
    let what = RwSignal::new(String::new());
    let by_when = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<(&'static str, &'static str)>::new());
    let id = StoredValue::new(assessment_id);
    let add = move |_| {
        let problems = plan::problems(&what.get_untracked(), &by_when.get_untracked());
        if !problems.is_empty() {
            errors.set(problems);
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
        what.set(String::new());
        by_when.set(String::new());
    };
    let error_for = move |field: &'static str| {
        errors.with(|errors| {
            errors
                .iter()
                .find(|(name, _)| *name == field)
                .map(|(_, message)| *message)
        })
    };
    view! {
        <div class="app-no-print app-own-action">
            <h3 class="nhsuk-heading-s">"Add an action of your own"</h3>
            {move || {
                let errors = errors.get();
                (!errors.is_empty()).then(|| view! {
                    <ErrorSummary id="plan-error-summary"
                        errors=errors.into_iter().map(|(field, message)| (field, message.to_string())).collect()/>
                })
            }}
            <TextField id="action-what" label="What will you do?" kind="text" width_class=""
                value=what error=Signal::derive(move || error_for("action-what"))/>
            <TextField id="action-by-when" label="By when (optional)" kind="date" width_class="nhsuk-input--width-10"
                value=by_when error=Signal::derive(move || error_for("action-by-when"))/>
            <button class="nhsuk-button nhsuk-button--secondary" type="button" on:click=add>"Add to plan"</button>
        </div>
    }
}

/// A labelled NHS.UK input with its error message, bound to `value`.
#[component]
fn TextField(
    id: &'static str,
    label: &'static str,
    kind: &'static str,
    width_class: &'static str,
    value: RwSignal<String>,
    error: Signal<Option<&'static str>>,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let described_by = error_id.clone();
    view! {
        <div class="nhsuk-form-group" class:nhsuk-form-group--error=move || error.get().is_some()>
            <label class="nhsuk-label" for=id>{label}</label>
            {move || error.get().map(|message| view! {
                <span class="nhsuk-error-message" id=error_id.clone()><span class="nhsuk-u-visually-hidden">"Error: "</span>{message}</span>
            })}
            <input class=format!("nhsuk-input {width_class}") id=id type=kind prop:value=move || value.get()
                aria-describedby=move || error.get().map(|_| described_by.clone())
                on:input=move |event| value.set(event_target_value(&event))/>
        </div>
    }
}
