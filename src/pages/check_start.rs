use crate::address::Page;
use crate::components::page_heading::PageHeading;
use crate::{
    browser,
    components::{
        checkboxes::Checkbox,
        error_summary::ErrorSummary,
        radios::{RadioOption, Radios},
    },
    core::{
        assessment::{Assessment, Scope},
        content,
        framework::Stage,
        role_index,
        roles::RoleId,
        text,
    },
    navigation::use_navigation,
    state::use_app_state,
};
use leptos::prelude::*;

/// Start a check (role, stage, quick or full) and list the ones already
/// on this device.
///
/// The choices are a plain GET form to [`Page::CheckNew`], so the build's
/// prerendered copy of this page (see `prerender`) works before the app
/// has arrived; once it has, the app starts the check itself. `sent`: this
/// is that address, and the check is started (or what is missing shown)
/// from the values in its query, in place of the history entry.
#[component]
pub fn CheckStart(#[prop(optional)] sent: bool) -> impl IntoView {
    let state = use_app_state();
    let navigation = use_navigation();
    let from_query = |name: &str| untrack(|| navigation.query(name));
    // What the form sends names at least its button (`start`), even with
    // nothing chosen: the address opened with none of its fields (typed,
    // or bookmarked) shows the form, not its errors.
    let sent = sent
        && ["start", "role", "stage", "scope"]
            .iter()
            .any(|field| from_query(field).is_some());
    let role = RwSignal::new(from_query("role"));
    let stage = RwSignal::new(sent.then(|| from_query("stage")).flatten());
    let scope = RwSignal::new(sent.then(|| from_query("scope")).flatten());
    let errors = RwSignal::new(Vec::<(&'static str, String)>::new());
    // Keys of the loaded packs left out of this check; every pack is in
    // unless the person unticks it.
    let left_out = RwSignal::new(Vec::<String>::new());

    let start = move |in_place: bool| {
        let chosen_role = role.get_untracked().as_deref().and_then(RoleId::from_code);
        let chosen_stage = stage.get_untracked().as_deref().and_then(Stage::from_code);
        let chosen_scope = match scope.get_untracked().as_deref() {
            Some("quick") => Some(Scope::Quick),
            Some("full") => Some(Scope::Full),
            _ => None,
        };
        let mut problems = Vec::new();
        if chosen_role.is_none() {
            problems.push((
                "role",
                "Select the role you want to check against".to_string(),
            ));
        }
        if chosen_stage.is_none() {
            problems.push(("stage", "Select your stage".to_string()));
        }
        if chosen_scope.is_none() {
            problems.push((
                "scope",
                "Select a quick check or the full check".to_string(),
            ));
        }
        let (Some(role), Some(stage), Some(scope)) = (chosen_role, chosen_stage, chosen_scope)
        else {
            errors.set(problems);
            browser::focus_after_render("error-summary");
            return;
        };
        let mut assessment = Assessment::new(
            browser::new_id("a"),
            state.active_profile_id(),
            role,
            stage,
            scope,
            content::framework().version.clone(),
            browser::now(),
        );
        let left_out = left_out.get_untracked();
        state.packs().with_untracked(|loaded| {
            for pack in &loaded.packs {
                if !left_out.contains(&pack.key()) && pack.count_for(role) > 0 {
                    assessment.packs.push(pack.origin());
                }
            }
        });
        let id = assessment.id.clone();
        state.add_assessment(assessment);
        let first_step = Page::CheckStep(id.to_string());
        if in_place {
            navigation.replace(&first_step);
        } else {
            navigation.open(&first_step);
        }
    };
    if sent {
        // Once, after the page is drawn: untracked, so that nothing `start`
        // reads (the active profile, the packs) could run it again.
        Effect::new(move |_| untrack(move || start(true)));
    }
    let error_for = move |field: &'static str| {
        Signal::derive(move || {
            errors.with(|errors| {
                errors
                    .iter()
                    .find(|(name, _)| *name == field)
                    .map(|(_, message)| message.clone())
            })
        })
    };

    let role_options = content::roles()
        .roles
        .iter()
        .map(|profile| RadioOption {
            value: profile.id.code().into(),
            label: format!("{} ({})", profile.title, profile.abbreviation),
            hint: profile
                .proposed_title
                .as_ref()
                .map(|title| format!("Proposed new title: {title}")),
        })
        .collect();
    let stage_options = Stage::ALL
        .iter()
        .map(|stage| RadioOption {
            value: stage.code().into(),
            label: stage.label().into(),
            hint: matches!(stage, Stage::StudentOrTrainee)
                .then(|| "Compared with what is expected when newly qualified".to_string()),
        })
        .collect();
    // Each check's size for the role chosen, or the range over all roles
    // until one is.
    let scope_options = move || {
        let chosen = role.with(|code| code.as_deref().and_then(RoleId::from_code));
        let (quick, full) = content::framework().check_sizes(chosen);
        vec![
            RadioOption {
                value: "quick".into(),
                label: "Quick check".into(),
                hint: Some(format!(
                    "{} capabilities chosen for the role, one or more from each domain, and those of any local pack you include",
                    text::count_range(quick)
                )),
            },
            RadioOption {
                value: "full".into(),
                label: "Full check".into(),
                hint: Some(format!(
                    "Every capability for the role: {}, and those of any local pack you include; it can be done in several sittings",
                    text::count_range(full)
                )),
            },
        ]
    };

    view! {
        <PageHeading text="Check my capabilities"/>
        <crate::components::backup_reminder::BackupReminder/>
        <p>{move || state.backend().get().keeping().check_intro()}</p>
        <MyAssessments/>
        {move || {
            let errors = errors.get();
            (!errors.is_empty()).then(|| view! { <ErrorSummary id="error-summary" errors=errors/> })
        }}
        // autocomplete="off": a browser would tick the choices again when
        // Back returns to the static copy of this page, inviting the same
        // check twice. On the address the form was sent to, a check started
        // after fixing what was missing takes its place in the history too,
        // so Back never returns to the error.
        <form method="get" action=Page::CheckNew.href() novalidate autocomplete="off"
            on:submit=move |event: leptos::ev::SubmitEvent| {
                event.prevent_default();
                start(sent);
            }>
            <h2 class="nhsuk-heading-m">"Start a new check"</h2>
            <Radios name="role" legend="Which role do you want to check against?".into() options=role_options
                selected=role on_select=Callback::new(move |value| role.set(Some(value))) error=error_for("role") legend_is_heading=true/>
            <Radios name="stage" legend="What stage are you at?".into() options=stage_options
                selected=stage on_select=Callback::new(move |value| stage.set(Some(value))) error=error_for("stage") legend_is_heading=true/>
            {move || view! {
                <Radios name="scope" legend="How long a check?".into() options=scope_options()
                    selected=scope on_select=Callback::new(move |value| scope.set(Some(value))) error=error_for("scope") legend_is_heading=true/>
            }}
            <PackChoice left_out/>
            <button class="nhsuk-button" type="submit" name="start">"Start the check"</button>
        </form>
        <p><a href=Page::Packs.href()>"Load a local capability pack"</a>" from your department, placement or employer."</p>
    }
}

/// Which loaded local packs the new check includes; shown only when a pack
/// is loaded.
#[component]
fn PackChoice(left_out: RwSignal<Vec<String>>) -> impl IntoView {
    let state = use_app_state();
    move || {
        let loaded = state.packs().get().packs;
        (!loaded.is_empty()).then(|| view! {
            <div class="nhsuk-form-group">
                <fieldset class="nhsuk-fieldset" aria-describedby="packs-hint">
                    <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
                        <h2 class="nhsuk-fieldset__heading">"Local packs to include"</h2>
                    </legend>
                    <div class="nhsuk-hint" id="packs-hint">"Capabilities agreed locally, not this app's and not national content. Each shows with its pack's name. A pack with nothing for the chosen role adds nothing."</div>
                    <div class="nhsuk-checkboxes">
                        {loaded.into_iter().map(|pack| {
                            let key = pack.key();
                            let toggle_key = key.clone();
                            view! {
                                <Checkbox id=format!("pack-{key}") name="packs" value=key.clone()
                                    label=format!("{} (version {})", pack.name, pack.version)
                                    hint=pack.size_text()
                                    checked=Signal::derive(move || left_out.with(|keys| !keys.contains(&key)))
                                    on_toggle=Callback::new(move |on: bool| left_out.update(|keys| {
                                        keys.retain(|other| *other != toggle_key);
                                        if !on { keys.push(toggle_key.clone()); }
                                    }))/>
                            }
                        }).collect_view()}
                    </div>
                </fieldset>
            </div>
        })
    }
}

/// The active profile's assessments, with the actions each allows.
#[component]
fn MyAssessments() -> impl IntoView {
    let state = use_app_state();
    let navigation = use_navigation();
    move || {
        let mine = state.my_assessments();
        (!mine.is_empty()).then(|| view! {
            <h2 class="nhsuk-heading-m">"My assessments"</h2>
            <ul class="nhsuk-list app-assessment-list">
                {mine.into_iter().map(|assessment| {
                    let framework = state.checked_framework();
                    let items = assessment.items(framework);
                    let answered = assessment.answered_count(&items);
                    let role = role_index::title(assessment.role);
                    let id = assessment.id.clone();
                    let reassess = move |_| {
                        let Some(previous) = state.assessment(&id) else { return };
                        let next = Assessment::start_from(&previous, browser::new_id("a"), content::framework().version.clone(), browser::now());
                        let next_id = next.id.clone();
                        state.add_assessment(next);
                        navigation.open(&Page::CheckStep(next_id.to_string()));
                    };
                    view! {
                        <li class="app-assessment">
                            <h3 class="nhsuk-heading-s app-assessment__title">
                                {format!("{role}, {} ({})", assessment.scope.label().to_ascii_lowercase(), assessment.stage.label().to_ascii_lowercase())}
                            </h3>
                            <p class="nhsuk-body-s">
                                {format!("Started {}. {answered} of {} answered. ", browser::format_date(assessment.created_at), items.len())}
                                {match assessment.finished_at {
                                    Some(at) => format!("Finished {}.", browser::format_date(at)),
                                    None => "In progress.".to_string(),
                                }}
                                {format!(" Content version {}.", assessment.content_version)}
                            </p>
                            <ul class="app-inline-actions">
                                <li><a class="app-action-link" href=Page::CheckStep(assessment.id.clone()).href()>
                                    {if assessment.finished_at.is_some() { "Edit answers" } else { "Continue" }}
                                </a></li>
                                {assessment.finished_at.map(|_| view! {
                                    <li><a class="app-action-link" href=Page::Results(assessment.id.clone()).href()>"See results"</a></li>
                                    <li><button class="app-link-button app-action-link" type="button" on:click=reassess.clone()>"Re-assess, starting from these answers"</button></li>
                                })}
                            </ul>
                        </li>
                    }
                }).collect_view()}
            </ul>
        })
    }
}
