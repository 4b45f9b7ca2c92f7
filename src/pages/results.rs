use crate::address::Page;
use crate::components::evidence_links::{
    evidence_by_capability, CapabilityEvidence, EvidenceByCapability,
};
use crate::components::inset_text::InsetText;
use crate::components::page_heading::PageHeading;
use crate::components::summary_list::SummaryRow;
use crate::{
    browser,
    components::{
        domain_chart::{DomainChart, GroupTable},
        pack_tag::PackTag,
        plan_editor::{PlanDraft, PlanEditor},
        role_fit::RoleFitSection,
    },
    core::{
        assessment::{Assessment, Rating},
        backup,
        framework::Stage,
        role_index,
        roles::RoleId,
        scoring::{self, ItemResult},
    },
    state::use_app_state,
};
use leptos::prelude::*;

/// Every assessment of the active profile, with a link to its results.
#[component]
pub fn ResultsList() -> impl IntoView {
    let state = use_app_state();
    view! {
        <PageHeading text="Results"/>
        <crate::components::backup_reminder::BackupReminder/>
        {move || {
            let mine = state.my_assessments();
            if mine.is_empty() {
                return view! {
                    <p>"You have no assessments on this device yet. " <a href=Page::CheckStart.href()>"Check your capabilities"</a> " to see results here."</p>
                }.into_any();
            }
            view! {
                <ul class="nhsuk-list app-assessment-list">
                    {mine.into_iter().map(|assessment| {
                        let label = describe(&assessment);
                        view! {
                        <li class="app-assessment">
                            <a href=Page::Results(assessment.id.clone()).href()>{label}</a>
                            <p class="nhsuk-body-s">{match assessment.finished_at {
                                Some(at) => format!("Finished {}", browser::format_date(at)),
                                None => format!("Started {}, not finished yet", browser::format_date(assessment.created_at)),
                            }}</p>
                        </li>
                    }}).collect_view()}
                </ul>
            }.into_any()
        }}
    }
}

/// "Physician associate, newly qualified, quick check": what a check was
/// of. Shown on the start page too, so the role's title comes from
/// `role_index`, compiled in.
pub fn describe(assessment: &Assessment) -> String {
    let role = role_index::title(assessment.role);
    format!(
        "{role}, {}, {}",
        assessment.stage.label().to_ascii_lowercase(),
        assessment.scope.label().to_ascii_lowercase()
    )
}

/// A self-rating in words (see `assessment::rating_label`).
pub fn rating_text(role: RoleId, rating: Option<Rating>) -> String {
    crate::core::assessment::rating_label(crate::core::content::framework(), role, rating)
}

/// One assessment's results: by domain and pillar, gaps, strengths, every
/// role's readiness, changes since an earlier check, and the plan.
#[component]
pub fn Results(id: String) -> impl IntoView {
    let state = use_app_state();
    PlanDraft::provide();
    move || match state.assessment(&id) {
        Some(assessment) => view! { <ResultsFor assessment=assessment/> }.into_any(),
        None => view! {
            <PageHeading text="Results not found"/>
            <p>"There is no assessment with this address on this device."</p>
            <p><a href=Page::ResultsList.href()>"Go to all results"</a></p>
        }
        .into_any(),
    }
}

#[component]
fn ResultsFor(assessment: Assessment) -> impl IntoView {
    let state = use_app_state();
    let framework = state.checked_framework_untracked();
    let results = scoring::results(&assessment, framework, assessment.role, assessment.stage);
    let items = assessment.items(framework);
    let answered = assessment.answered_count(&items);
    let id = assessment.id.clone();
    // Notes are personal: presenter mode never shows them on a projector.
    let presenter = state
        .settings()
        .with_untracked(|settings| settings.presenter);
    let print_notes = assessment.print_notes && !presenter;
    let by_capability = evidence_by_capability();
    let toggle_notes = {
        let id = id.clone();
        move |event: leptos::ev::Event| {
            let on = event_target_checked(&event);
            state.update_assessment(&id, |assessment| {
                assessment.print_notes = on;
                assessment.updated_at = assessment.updated_at.max(browser::now());
            });
        }
    };
    let export_csv = {
        let assessment = assessment.clone();
        move |_| {
            let csv = backup::ratings_csv(&assessment, framework);
            browser::download(
                &format!("maps-ratings-{}.csv", browser::today_iso()),
                "text/csv",
                &csv,
            );
        }
    };
    let gaps: Vec<ItemResult> = results.gaps().into_iter().cloned().collect();
    let strengths: Vec<ItemResult> = results.strengths().into_iter().cloned().collect();
    let not_applicable: Vec<ItemResult> = results.not_applicable().into_iter().cloned().collect();
    let without_expectation: Vec<ItemResult> =
        results.without_expectation().into_iter().cloned().collect();
    let unrated = results.unrated().len();
    view! {
        <a href=Page::ResultsList.href() class="nhsuk-back-link app-no-print">"All results"</a>
        <PageHeading text="Your results"/>
        <crate::components::backup_reminder::BackupReminder/>
        <dl class="nhsuk-summary-list">
            <SummaryRow key="Assessment" value=describe(&assessment)/>
            <SummaryRow key="Date" value=browser::format_date(assessment.finished_at.unwrap_or(assessment.created_at))/>
            <SummaryRow key="Answered" value=format!("{answered} of {}", items.len())/>
            <SummaryRow key="Compared with" value=compared_with(assessment.stage)/>
            <SummaryRow key="Content version" value=answers_by_version_text(&assessment)/>
            {(!assessment.packs.is_empty()).then(|| view! {
                <SummaryRow key="Local packs" value=packs_text(&assessment, state)/>
            })}
        </dl>
        {(assessment.stage == Stage::StudentOrTrainee).then(|| view! {
            <p><strong>"You are a student or trainee, so each gap is measured against the level expected of a newly qualified practitioner: where your training is heading, not where you should be today."</strong></p>
        })}
        <InsetText>
            <p>"These results are a conversation aid for supervision and appraisal, not a sign-off. Expected levels are indicative, written by this project, and not the official MAPs Core Capabilities Framework."</p>
        </InsetText>
        {(answered < items.len()).then(|| view! {
            <p>{format!("{} unrated: they are counted as unrated, never guessed. ", items.len() - answered)}
               <a href=Page::CheckStep(assessment.id.clone()).href() class="app-no-print">"Answer them"</a></p>
        })}

        <h2 class="nhsuk-heading-m">"By domain"</h2>
        <DomainChart groups=results.by_domain.clone() caption="Your ratings by domain"/>
        <h2 class="nhsuk-heading-m">"By pillar of practice"</h2>
        <GroupTable groups=results.by_pillar.clone() caption="Your ratings by pillar"/>

        <h2 class="nhsuk-heading-m">{format!("Gaps ({})", gaps.len())}</h2>
        <ItemList items=gaps empty="No capability is rated below its expected level." assessment=assessment.clone() show_notes=print_notes by_capability/>
        <h2 class="nhsuk-heading-m">{format!("Strengths ({})", strengths.len())}</h2>
        <ItemList items=strengths empty="No capability is rated at or above its expected level yet." assessment=assessment.clone() show_notes=print_notes by_capability/>
        <h2 class="nhsuk-heading-m">{format!("Not applicable ({})", not_applicable.len())}</h2>
        <ItemList items=not_applicable empty="You marked nothing as not applicable." assessment=assessment.clone() show_notes=print_notes by_capability/>
        {(!without_expectation.is_empty()).then(|| view! {
            <h2 class="nhsuk-heading-m">{format!("Rated where no level is expected ({})", without_expectation.len())}</h2>
            <p>"Capabilities from a local pack whose authors set no expected level at this stage: your ratings are kept and shown here, and are not counted as gaps, strengths or in the averages."</p>
            <ItemList items=without_expectation empty="" assessment=assessment.clone() show_notes=print_notes by_capability/>
        })}
        {(unrated > 0).then(|| view! { <p>{format!("Unrated: {unrated}.")}</p> })}
        {(!results.removed.is_empty()).then(|| view! {
            <p class="nhsuk-body-s">{format!(
                "{} answer(s) are for capabilities no longer in this version of the content; they are kept but not scored.",
                results.removed.len()
            )}</p>
        })}

        <RoleFitSection assessment=assessment.clone()/>
        <ChangesSince assessment=assessment.clone()/>
        <crate::pages::results_review::ReviewOnResults assessment=assessment.clone()/>
        <PlanEditor assessment=assessment.clone()/>

        <crate::components::evidence_links::CpdSummary/>
        <h2 class="nhsuk-heading-m app-no-print">"Take it to appraisal"</h2>
        <div class="nhsuk-checkboxes app-no-print">
            <div class="nhsuk-checkboxes__item">
                <input class="nhsuk-checkboxes__input" id="print-notes" type="checkbox" prop:checked=print_notes on:change=toggle_notes/>
                <label class="nhsuk-label nhsuk-checkboxes__label" for="print-notes">"Include my notes in the summary"</label>
            </div>
        </div>
        <div class="app-inline-actions app-no-print">
            <button class="nhsuk-button" type="button" on:click=|_| browser::print()>"Print or save an appraisal summary"</button>
            <button class="nhsuk-button nhsuk-button--secondary" type="button" on:click=export_csv>"Download ratings (CSV)"</button>
        </div>
        <p class="app-no-print"><a href=Page::MyData.href()>"Back up everything (JSON) in My data"</a></p>
        <SignatureBlock assessment=assessment.clone()/>
        <p class="app-print-only nhsuk-body-s">"MAPs Capability Checker. A conversation aid, not a sign-off. Not the official MAPs Core Capabilities Framework; expected levels are indicative."</p>
    }
}

/// Printed only: who and what the summary is about, with room for the
/// supervisor to sign it at appraisal.
#[component]
fn SignatureBlock(assessment: Assessment) -> impl IntoView {
    let state = use_app_state();
    let presenter = state
        .settings()
        .with_untracked(|settings| settings.presenter);
    // A name that names no one leaves a line to write on.
    let name = state
        .profiles()
        .with_untracked(|profiles| profiles.person_name(&profiles.active).to_owned());
    let name = if presenter { String::new() } else { name };
    let role = role_index::title(assessment.role).to_owned();
    let line = |key: &'static str, value: String| {
        view! {
            <div class="app-signature__row">
                <dt>{key}</dt>
                <dd class="app-user-text" dir="auto">{value}</dd>
            </div>
        }
    };
    view! {
        <section class="app-print-only app-signature" aria-label="For signing at appraisal">
            <h2 class="nhsuk-heading-s">"For appraisal"</h2>
            <dl class="app-signature__list">
                {line("Practitioner's name", name)}
                {line("Role", role)}
                {line("Stage", assessment.stage.label().to_owned())}
                {line("Date of self-assessment", browser::format_date(assessment.finished_at.unwrap_or(assessment.created_at)))}
                {line("Supervisor's name", String::new())}
                {line("Supervisor's signature", String::new())}
                {line("Date", String::new())}
            </dl>
        </section>
    }
}

/// How many items a result list has before its items are laid out only as
/// they scroll into view (`app-result-list--long`). Laid out that way, an
/// item's height is a guess until it is seen, so what is below it moves when
/// it is: a link moved 24 px under the pointer on a 96-item PA full check.
/// No framework list with local packs comes near this; the results page at
/// 1,000 capabilities needs it (BENCHMARKS.md, "What changed the load").
const LONG_LIST_FROM: usize = 200;

/// One list of results; `by_capability` is the page's one map of diary
/// entries (from `evidence_by_capability`), shared by its lists.
#[component]
fn ItemList(
    items: Vec<ItemResult<'static>>,
    empty: &'static str,
    assessment: Assessment,
    show_notes: bool,
    by_capability: EvidenceByCapability,
) -> impl IntoView {
    if items.is_empty() {
        return view! { <p>{empty}</p> }.into_any();
    }
    let class = if items.len() > LONG_LIST_FROM {
        "app-result-list app-result-list--long"
    } else {
        "app-result-list"
    };
    view! {
        <ul class=class>
            {move || by_capability.with(|by_capability| items.iter().map(|item| {
                let note = assessment.note(&item.capability.id).to_owned();
                let linked = by_capability.get(&item.capability.id).cloned().unwrap_or_default();
                view! {
                    <li>
                        <div class="app-result-list__summary">
                            <strong>{item.capability.title.clone()}</strong>
                            <PackTag capability=item.capability/>
                            {format!(": your rating {}; expected {}", rating_text(assessment.role, item.rating), crate::core::content::framework().expected_level_label(assessment.role, item.expected))}
                            {(item.gap() > 0).then(|| format!("; a gap of {}", item.gap()))}
                            {(show_notes && !note.is_empty()).then(|| view! { <span class="app-note">" Note: " <bdi class="app-user-text">{note}</bdi></span> })}
                        </div>
                        <CapabilityEvidence capability=item.capability.id.clone() title=item.capability.title.clone() linked/>
                    </li>
                }
            }).collect_view())}
        </ul>
    }.into_any()
}

/// What gaps are measured against, naming the stage.
fn compared_with(stage: Stage) -> String {
    match stage {
        Stage::StudentOrTrainee => "The indicative level expected at qualification (newly qualified), as you are a student or trainee".into(),
        other => format!("The indicative level expected of someone {}", other.label().to_lowercase()),
    }
}

/// What moved since an earlier assessment by the same profile.
#[component]
fn ChangesSince(assessment: Assessment) -> impl IntoView {
    let state = use_app_state();
    let earlier: Vec<Assessment> = state
        .my_assessments()
        .into_iter()
        .filter(|other| other.id != assessment.id && other.created_at < assessment.created_at)
        .collect();
    if earlier.is_empty() {
        return ().into_any();
    }
    let chosen = RwSignal::new(
        earlier
            .first()
            .map(|other| other.id.clone())
            .unwrap_or_default(),
    );
    let options = earlier.clone();
    view! {
        <h2 class="nhsuk-heading-m">"Compared with an earlier assessment"</h2>
        <div class="nhsuk-form-group app-no-print">
            <label class="nhsuk-label" for="compare-with">"Compare with"</label>
            <select class="nhsuk-select" id="compare-with" on:change=move |event| chosen.set(event_target_value(&event))>
                {options.into_iter().map(|other| view! {
                    <option value=other.id.clone()>{format!("{} ({})", describe(&other), browser::format_date(other.created_at))}</option>
                }).collect_view()}
            </select>
        </div>
        {move || {
            let Some(before) = earlier.iter().find(|other| other.id == chosen.get()) else { return ().into_any() };
            let comparison = scoring::compare(before, &assessment);
            let title = |id: &str| state.checked_framework_untracked().capability(id).map_or(id.to_owned(), crate::core::packs::labelled_title);
            let list = |heading: &'static str, changes: Vec<scoring::Change>| view! {
                <h3 class="nhsuk-heading-s">{format!("{heading} ({})", changes.len())}</h3>
                <ul>
                    {changes.into_iter().map(|change| view! {
                        <li>{format!("{}: {} → {}", title(&change.capability), rating_text(assessment.role, change.from), rating_text(assessment.role, change.to))}</li>
                    }).collect_view()}
                </ul>
            };
            view! {
                {list("Moved up", comparison.up)}
                {list("Moved down", comparison.down)}
                {list("New", comparison.new)}
                {(!comparison.other.is_empty()).then(|| list("Changed to or from not applicable", comparison.other))}
                <p class="nhsuk-body-s">{format!("Unchanged: {}.", comparison.unchanged)}</p>
            }.into_any()
        }}
    }.into_any()
}

/// The local packs the assessment was made with, each with the version it
/// was made with and, where another is loaded now, that version; never
/// presented as national content.
fn packs_text(assessment: &Assessment, state: crate::state::AppState) -> String {
    let loaded = state.packs().get_untracked();
    let each: Vec<String> = assessment
        .packs
        .iter()
        .map(|used| match loaded.get(&used.key) {
            Some(now) if now.version != used.version => format!(
                "{} (version {}; version {} is loaded now)",
                used.name, used.version, now.version
            ),
            Some(_) => format!("{} (version {})", used.name, used.version),
            None => format!(
                "{} (version {}; not loaded now, so its capabilities are not shown)",
                used.name, used.version
            ),
        })
        .collect();
    format!(
        "{}. Agreed locally: not this app's capabilities and not national content.",
        each.join("; ")
    )
}

/// Which content version the answers were given under, for example
/// "1.1.0 (12 answers given under 1.0.1, 3 under 1.1.0)".
fn answers_by_version_text(assessment: &Assessment) -> String {
    let counts = crate::core::content_versions::answers_by_version(assessment);
    match counts.as_slice() {
        [] => assessment.content_version.clone(),
        [(version, _)] if *version == assessment.content_version => version.clone(),
        _ => format!(
            "{} (answers given under {})",
            assessment.content_version,
            counts
                .iter()
                .map(|(version, count)| format!("{version}: {count}"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}
