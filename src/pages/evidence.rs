//! The evidence and CPD diary of the active profile: add, edit, delete and
//! find entries, see how far they cover a regulator's requirements for the
//! cycle, and take them away as CSV.

use crate::components::page_heading::PageHeading;
use crate::components::text_input::TextInput;
use crate::{
    browser,
    components::{
        capability_options::CapabilityOptions,
        character_count::{CharacterCount, Saving},
        error_summary::{message_for, ErrorSummary},
        inset_text::InsetText,
        radios::{RadioOption, Radios},
        warning_callout::WarningCallout,
    },
    core::{
        assessment::Assessment,
        content,
        cpd_rules::{self, Cycle, Regulator},
        evidence::{self, EvidenceEntry, EvidenceKind, Filter},
        limits,
        roles::RoleId,
        text,
    },
    navigation::use_navigation,
    state::use_app_state,
};
use leptos::prelude::*;

/// The id of the form's heading: "Add evidence" links name it as their
/// `#fragment`, so focus arrives on the form.
pub const FORM_HEADING_ID: &str = "evidence-form-heading";

/// The roles this person has checks for, whose capabilities the pickers
/// list.
fn checked_roles(assessments: &[Assessment]) -> Vec<RoleId> {
    crate::core::sorting::set_of(assessments.iter().map(|assessment| assessment.role))
        .into_iter()
        .collect()
}

/// What the capability pickers list: "Showing the capabilities of the role
/// you have checked against: physician associate."
fn capabilities_hint(roles: &[RoleId]) -> String {
    if roles.is_empty() {
        return "Every capability, for all four roles. Once you start a check, only your role\u{2019}s capabilities are listed.".into();
    }
    let titles: Vec<String> = roles
        .iter()
        .filter_map(|role| content::roles().role(*role))
        .map(|role| role.title.to_lowercase())
        .collect();
    format!(
        "Showing the capabilities of the {} you have checked against: {}.",
        if roles.len() == 1 { "role" } else { "roles" },
        text::and_list(&titles)
    )
}

/// The id of the message that an entry was saved.
const SAVED_ID: &str = "evidence-saved";

/// Where the reflection guidance comes from: the joint statement of nine
/// UK health regulators on reflective practice (2019).
const REFLECTION_SOURCE: &str =
    "https://nmc.org.uk/news/press-releases/joint-statement-reflective-practice";

#[component]
pub fn Evidence() -> impl IntoView {
    // A link from a capability or a plan action starts the new entry
    // linked to it (see `evidence_links::add_evidence_href`).
    let navigation = use_navigation();
    let linked = |name: &str| untrack(|| navigation.query(name)).filter(|id| !id.is_empty());
    let (linked_capability, linked_action) = (linked("capability"), linked("action"));
    // The entry being written: a new one, or a copy of one being edited.
    let state = use_app_state();
    let draft = RwSignal::new(new_entry(state, linked_capability, linked_action));
    // Bumped when the form starts on another entry, to draw it afresh.
    let form_round = RwSignal::new(0u32);
    let saved = RwSignal::new(String::new());
    let edit = Callback::new(move |entry: EvidenceEntry| {
        draft.set(entry);
        form_round.update(|round| *round += 1);
        saved.set(String::new());
        browser::focus_after_render(FORM_HEADING_ID);
    });
    view! {
        <PageHeading text="Evidence and CPD diary"/>
        <p>"Record CPD, feedback, quality improvement and other supporting information, link it to your capabilities and plan, and see what your regulator asks for. Text only, kept on this device: note where each piece of evidence itself is kept."</p>
        <PrivacyWarning/>
        // Focus moves here on a save (see `EntryForm`), so the outcome is
        // read out and in view, not 2,500 px above the button on a phone.
        {move || (!saved.get().is_empty()).then(|| view! {
            <div id=SAVED_ID tabindex="-1" role="status">
                <InsetText><p>{saved.get()}</p></InsetText>
            </div>
        })}
        {move || {
            form_round.track();
            view! { <EntryForm draft saved form_round/> }
        }}
        <Readiness/>
        <EntryList edit/>
        <DiaryStorage/>
    }
}

fn new_entry(
    state: crate::state::AppState,
    capability: Option<String>,
    action: Option<String>,
) -> EvidenceEntry {
    let mut entry = EvidenceEntry::new(
        browser::new_id("e"),
        state.active_profile_id(),
        browser::today_iso(),
        browser::now(),
    );
    entry.capabilities.extend(capability);
    entry.actions.extend(action);
    entry
}

#[component]
fn PrivacyWarning() -> impl IntoView {
    view! {
        <WarningCallout heading="Keep patients anonymous">
            <p>"Do not write anything that could identify a patient or a colleague: no names, NHS numbers, dates of birth, addresses or reference numbers. Removing a name alone is often not enough. Write about what you learned, not the facts of the case; facts belong in your organisation's records."</p>
            <p class="nhsuk-body-s">"As the UK health regulators' "<a href=REFLECTION_SOURCE>"joint statement on reflective practice"</a>" asks. Notes on your device are still your record and a court can ask for them."</p>
        </WarningCallout>
    }
}

#[component]
fn EntryForm(
    draft: RwSignal<EvidenceEntry>,
    saved: RwSignal<String>,
    form_round: RwSignal<u32>,
) -> impl IntoView {
    let state = use_app_state();
    let framework = content::framework();
    let initial = draft.get_untracked();
    let editing = untrack(|| {
        state
            .my_evidence()
            .iter()
            .any(|entry| entry.id == initial.id)
    });
    let hours = RwSignal::new(if initial.minutes == 0 {
        String::new()
    } else {
        evidence::hours_text(initial.minutes)
    });
    let errors = RwSignal::new(Vec::<(&'static str, String)>::new());
    let count_error = RwSignal::new(None::<String>);
    let set = move |change: fn(&mut EvidenceEntry, String)| {
        Callback::new(move |text: String| draft.update(|entry| change(entry, text)))
    };
    let flags = move || {
        draft.with(|entry| {
            entry
                .texts()
                .iter()
                .flat_map(|text| evidence::privacy_flags(text))
                .collect::<Vec<_>>()
        })
    };
    let save = move |_| {
        let mut entry = draft.get_untracked();
        let problems = evidence::problems(&entry, &hours.get_untracked());
        if !problems.is_empty() {
            // The last save's message would read as this one's.
            saved.set(String::new());
            errors.set(problems);
            browser::focus_after_render("evidence-errors");
            return;
        }
        entry.minutes = evidence::parse_hours(&hours.get_untracked()).unwrap_or(0);
        entry.title = entry.title.trim().to_owned();
        entry.updated_at = browser::now();
        let title = entry.title.clone();
        state.save_evidence(entry);
        errors.set(Vec::new());
        draft.set(new_entry(state, None, None));
        form_round.update(|round| *round += 1);
        saved.set(format!("Saved “{title}” in your diary."));
        browser::focus_after_render(SAVED_ID);
    };
    let cancel = move |_| {
        draft.set(new_entry(state, None, None));
        form_round.update(|round| *round += 1);
    };
    let mine = state.my_assessments();
    let checked_roles = checked_roles(&mine);
    let link_hint = capabilities_hint(&checked_roles);
    let actions: Vec<(String, String)> = mine
        .iter()
        .flat_map(|assessment| {
            assessment
                .live_plan()
                .map(|action| (action.id.clone(), action.what.clone()))
                .collect::<Vec<_>>()
        })
        .collect();
    view! {
        <h2 class="nhsuk-heading-m" id=FORM_HEADING_ID tabindex="-1">{if editing { "Edit an entry" } else { "Add an entry" }}</h2>
        {move || (!errors.get().is_empty()).then(|| view! { <ErrorSummary id="evidence-errors" errors=errors.get()/> })}
        <TextInput id="evidence-date" input_type="date" width="nhsuk-input--width-10" hint="When it happened"
            error=message_for(errors, "evidence-date")
            value=initial.date.clone() on_change=Callback::new(move |date| draft.update(|entry| entry.date = date))>"Date"</TextInput>
        <TextInput id="evidence-title" user_text=true error=message_for(errors, "evidence-title")
            hint=format!("For example, \"Sepsis update, regional study day\". Up to {} characters.", limits::EVIDENCE_TITLE_MAX_CHARS)
            value=initial.title.clone() on_input=Callback::new(move |title| draft.update(|entry| entry.title = title))>"Title"</TextInput>
        <div class="nhsuk-form-group">
            <label class="nhsuk-label" for="evidence-kind">"Kind"</label>
            <select class="nhsuk-select" id="evidence-kind" on:change=move |event| {
                if let Some(kind) = EvidenceKind::from_code(&event_target_value(&event)) { draft.update(|entry| entry.kind = kind) }
            }>
                {EvidenceKind::ALL.into_iter().map(|kind| view! {
                    <option value=kind.code() selected=kind == initial.kind>{kind.label()}</option>
                }).collect_view()}
            </select>
        </div>
        <TextInput id="evidence-hours" width="nhsuk-input--width-5" inputmode="decimal" error=message_for(errors, "evidence-hours")
            hint="For example, 1.5. NMC revalidation counts CPD hours; the GMC sets no number."
            value=hours.get_untracked() on_input=Callback::new(move |text| hours.set(text))>"Time spent, in hours (optional)"</TextInput>
        <div class="nhsuk-checkboxes nhsuk-form-group">
            <div class="nhsuk-checkboxes__item">
                <input class="nhsuk-checkboxes__input" id="evidence-participatory" type="checkbox" aria-describedby="evidence-participatory-hint"
                    prop:checked=initial.participatory on:change=move |event| { let on = event_target_checked(&event); draft.update(|entry| entry.participatory = on) }/>
                <label class="nhsuk-label nhsuk-checkboxes__label" for="evidence-participatory">"Participatory: I learned with other professionals"</label>
                <div class="nhsuk-hint nhsuk-checkboxes__hint" id="evidence-participatory-hint">"In person or online, as the NMC counts participatory CPD."</div>
            </div>
        </div>
        <h3 class="nhsuk-heading-s">"Reflection"</h3>
        <p class="nhsuk-body-s">"Write about learning, not the facts of a case. Each answer is up to 3,000 characters."</p>
        <CharacterCount id="evidence-happened" label="What happened?" hint="The activity, feedback or event, in general terms."
            what="What happened" max=limits::EVIDENCE_REFLECTION_MAX_CHARS initial=initial.what_happened.clone()
            error=count_error saving=Saving::EachChange(set(|entry, text| entry.what_happened = text))/>
        <CharacterCount id="evidence-learned" label="What did you learn?" hint="What it taught you about your practice."
            what="What you learned" max=limits::EVIDENCE_REFLECTION_MAX_CHARS initial=initial.what_learned.clone()
            error=RwSignal::new(None) saving=Saving::EachChange(set(|entry, text| entry.what_learned = text))/>
        <CharacterCount id="evidence-next" label="What will you change?" hint="What you will do differently or keep doing, and how it helps patients."
            what="What you will change" max=limits::EVIDENCE_REFLECTION_MAX_CHARS initial=initial.what_next.clone()
            error=RwSignal::new(None) saving=Saving::EachChange(set(|entry, text| entry.what_next = text))/>
        <div aria-live="polite" id="evidence-privacy">
            {move || {
                let flags = flags();
                (!flags.is_empty()).then(|| view! {
                    <InsetText class="app-privacy-flags">
                        <p><strong>"Check before you save:"</strong>" this may identify someone. You can still save it."</p>
                        <ul>{flags.into_iter().map(|flag| view! { <li>{flag.message()}</li> }).collect_view()}</ul>
                    </InsetText>
                })
            }}
        </div>
        <CharacterCount id="evidence-kept-at" label="Where the evidence is kept (optional)" hint="For example, a certificate in your trust's learning system. Up to 300 characters."
            what="Where the evidence is kept" max=limits::EVIDENCE_KEPT_AT_MAX_CHARS initial=initial.kept_at.clone()
            error=RwSignal::new(None) saving=Saving::EachChange(set(|entry, text| entry.kept_at = text))/>
        <fieldset class="nhsuk-fieldset nhsuk-form-group">
            <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">"Linked capabilities"</legend>
            {move || {
                let linked = draft.with(|entry| entry.capabilities.clone());
                (!linked.is_empty()).then(|| view! {
                    <ul class="nhsuk-list">
                        {linked.into_iter().map(|id| {
                            let title = framework.capability(&id).map_or(id.clone(), |capability| capability.title.clone());
                            let remove = id.clone();
                            view! {
                                <li>{title.clone()}" "
                                    <button class="app-link-button" type="button" on:click=move |_| {
                                        let remove = remove.clone();
                                        draft.update(|entry| entry.capabilities.retain(|other| *other != remove))
                                    }>"Unlink"<span class="nhsuk-u-visually-hidden">{format!(": {title}")}</span></button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                })
            }}
            <label class="nhsuk-label" for="evidence-link-capability">"Link a capability"</label>
            <div class="nhsuk-hint" id="evidence-link-capability-hint">{link_hint}</div>
            <select class="nhsuk-select app-select-wide" id="evidence-link-capability" aria-describedby="evidence-link-capability-hint" on:change=move |event| {
                // The choice moves to the list above; the picker goes back
                // to "Choose a capability" so it never looks linked.
                let select = event_target::<web_sys::HtmlSelectElement>(&event);
                let id = select.value();
                select.set_value("");
                if !id.is_empty() {
                    draft.update(|entry| if !entry.capabilities.contains(&id) { entry.capabilities.push(id) });
                }
            }>
                <option value="">"Choose a capability"</option>
                <CapabilityOptions framework roles=checked_roles/>
            </select>
        </fieldset>
        {(!actions.is_empty()).then(|| view! {
            <fieldset class="nhsuk-fieldset nhsuk-form-group">
                <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">"Linked plan actions"</legend>
                <div class="nhsuk-checkboxes">
                    {actions.into_iter().map(|(id, what)| {
                        let input_id = format!("evidence-action-{id}");
                        let checked = initial.actions.contains(&id);
                        view! {
                            <div class="nhsuk-checkboxes__item">
                                <input class="nhsuk-checkboxes__input" id=input_id.clone() type="checkbox" prop:checked=checked
                                    on:change=move |event| {
                                        let on = event_target_checked(&event);
                                        let id = id.clone();
                                        draft.update(|entry| {
                                            entry.actions.retain(|other| *other != id);
                                            if on { entry.actions.push(id) }
                                        })
                                    }/>
                                <label class="nhsuk-label nhsuk-checkboxes__label" for=input_id>{what}</label>
                            </div>
                        }
                    }).collect_view()}
                </div>
            </fieldset>
        })}
        <div class="app-inline-actions">
            <button class="nhsuk-button" type="button" on:click=save>{if editing { "Save changes" } else { "Save entry" }}</button>
            {editing.then(|| view! { <button class="nhsuk-button nhsuk-button--secondary" type="button" on:click=cancel>"Cancel"</button> })}
        </div>
    }
}

/// The chosen regulator's requirements for the cycle, covered or missing.
#[component]
fn Readiness() -> impl IntoView {
    let state = use_app_state();
    let chosen = move || state.my_cycle();
    let regulator = RwSignal::new(untrack(chosen).map(|cycle| cycle.regulator));
    let start = RwSignal::new(untrack(chosen).map(|cycle| cycle.start).unwrap_or_default());
    let store = move || {
        if let (Some(regulator), true) = (
            regulator.get_untracked(),
            crate::core::plan::is_real_date(&start.get_untracked()),
        ) {
            state.set_cycle(Cycle {
                regulator,
                start: start.get_untracked(),
            });
        }
    };
    view! {
        <h2 class="nhsuk-heading-m">"Ready for my regulator?"</h2>
        <p class="nhsuk-body-s">"PAs and AAs follow the GMC. SCPs and ACCPs revalidate with the regulator of their first profession: the NMC or the HCPC."</p>
        <Radios name="evidence-regulator" legend="Your regulator".into()
            options=Regulator::ALL.into_iter().map(|choice| RadioOption {
                value: choice.code().into(),
                label: choice.name().into(),
                hint: Some(choice.regulates().into()),
            }).collect()
            selected=Signal::derive(move || regulator.get().map(|choice| choice.code().to_owned()))
            on_select=Callback::new(move |code: String| {
                regulator.set(Regulator::from_code(&code));
                store();
            })/>
        <TextInput id="evidence-cycle-start" input_type="date" width="nhsuk-input--width-10"
            hint="GMC: the day after your last appraisal. NMC: the start of your three-year period. HCPC: the start of your two-year registration cycle."
            value=start.get_untracked() on_change=Callback::new(move |text| { start.set(text); store(); })>"Start of the current cycle"</TextInput>
        {move || {
            let Some(regulator) = regulator.get() else {
                return view! { <p>"Choose your regulator and the start of your cycle to see what your diary holds for each requirement."</p> }.into_any();
            };
            let start = start.get();
            let Some(last_day) = crate::core::plan::is_real_date(&start).then(|| cpd_rules::cycle_last_day(regulator, &start)).flatten() else {
                return view! { <p>"Enter the start of your current cycle as a real date."</p> }.into_any();
            };
            let entries = state.my_evidence();
            let in_cycle: Vec<&EvidenceEntry> = entries.iter().filter(|entry| evidence::in_period(&entry.date, Some(&start), Some(&last_day))).collect();
            let checks = cpd_rules::readiness(regulator, &in_cycle, &start, &browser::today_iso());
            let (_, cycle_name) = regulator.cycle();
            view! {
                <p>{format!(
                    "Your {cycle_name}: {} to {}. ",
                    text::shown_date(&start, ""),
                    text::shown_date(&last_day, "")
                )}
                    <a href=regulator.cycle_source()>"Source"<span class="nhsuk-u-visually-hidden">{format!(" for the {cycle_name}")}</span></a></p>
                {regulator.unpublished().map(|(text, source)| view! {
                    <InsetText>
                        <p>"Not yet published. "{text}" "<a href=source>"GMC: future revalidation for PAs and AAs"</a></p>
                    </InsetText>
                })}
                <div class="app-table-scroll" tabindex="0" role="region" aria-label=format!("Requirements for this {cycle_name}")>
                    <table class="nhsuk-table" id="evidence-readiness">
                        <caption class="nhsuk-table__caption nhsuk-u-visually-hidden">{format!("Requirements for this {cycle_name}")}</caption>
                        <thead class="nhsuk-table__head"><tr class="nhsuk-table__row">
                            <th class="nhsuk-table__header" scope="col">"Requirement"</th>
                            <th class="nhsuk-table__header" scope="col">"In your diary"</th>
                            <th class="nhsuk-table__header" scope="col">"Status"</th>
                        </tr></thead>
                        <tbody class="nhsuk-table__body">
                            {checks.into_iter().map(|check| view! {
                                <tr class="nhsuk-table__row" data-rule=check.rule.id>
                                    <td class="nhsuk-table__cell">{check.rule.requirement}" "<a href=check.rule.source>"Source"<span class="nhsuk-u-visually-hidden">{format!(": {}", check.rule.name)}</span></a></td>
                                    <td class="nhsuk-table__cell">{check.progress}</td>
                                    <td class="nhsuk-table__cell"><strong>{check.status.label()}</strong></td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                {cpd_rules::not_tracked(regulator).map(|text| view! { <p class="nhsuk-body-s">{text}</p> })}
                <p class="nhsuk-body-s">{format!("Rule set {}: each rule in this project's words, from the page linked, checked on 30 November 2026. Check your regulator's own pages before you rely on it.", cpd_rules::RULES_VERSION)}</p>
            }.into_any()
        }}
    }
}

/// The entries, filtered, with edit and delete, and a CSV of those shown.
#[component]
fn EntryList(edit: Callback<EvidenceEntry>) -> impl IntoView {
    let state = use_app_state();
    let framework = content::framework();
    let filter = RwSignal::new(Filter::default());
    let confirming = RwSignal::new(None::<String>);
    let title = move |id: &str| {
        framework
            .capability(id)
            .map_or(id.to_owned(), |capability| capability.title.clone())
    };
    let download = move |_| {
        let entries = state.my_evidence();
        let shown = filter.with_untracked(|filter| {
            evidence::filtered(&entries, filter)
                .into_iter()
                .cloned()
                .collect::<Vec<_>>()
        });
        let csv = evidence::entries_csv(&shown.iter().collect::<Vec<_>>(), title);
        browser::download(
            &format!("maps-evidence-{}.csv", browser::today_iso()),
            "text/csv",
            &csv,
        );
    };
    let date_filter = move |id: &'static str, label: &'static str, to: bool| {
        view! {
            <TextInput id input_type="date" width="nhsuk-input--width-10" value=String::new()
                on_change=Callback::new(move |text: String| {
                    let value = Some(text).filter(|value| !value.is_empty());
                    filter.update(|filter| if to { filter.to = value } else { filter.from = value });
                })>{label}</TextInput>
        }
    };
    view! {
        <h2 class="nhsuk-heading-m" id="evidence-entries" tabindex="-1">{move || format!("Your entries ({})", state.my_evidence().len())}</h2>
        <div class="app-evidence-filters">
            <TextInput id="evidence-search" input_type="search" value=String::new()
                on_input=Callback::new(move |text| filter.update(|filter| filter.text = text))>"Search"</TextInput>
            <div class="nhsuk-form-group">
                <label class="nhsuk-label" for="evidence-filter-kind">"Kind"</label>
                <select class="nhsuk-select" id="evidence-filter-kind" on:change=move |event| {
                    let kind = EvidenceKind::from_code(&event_target_value(&event));
                    filter.update(|filter| filter.kind = kind);
                }>
                    <option value="">"All kinds"</option>
                    {EvidenceKind::ALL.into_iter().map(|kind| view! { <option value=kind.code()>{kind.label()}</option> }).collect_view()}
                </select>
            </div>
            <div class="nhsuk-form-group">
                <label class="nhsuk-label" for="evidence-filter-capability">"Capability"</label>
                <select class="nhsuk-select app-select-wide" id="evidence-filter-capability" on:change=move |event| {
                    let id = Some(event_target_value(&event)).filter(|id| !id.is_empty());
                    filter.update(|filter| filter.capability = id);
                }>
                    <option value="">"All capabilities"</option>
                    <CapabilityOptions framework roles=checked_roles(&state.my_assessments())/>
                </select>
            </div>
            {date_filter("evidence-filter-from", "From", false)}
            {date_filter("evidence-filter-to", "To", true)}
        </div>
        {move || {
            let entries = state.my_evidence();
            let shown: Vec<EvidenceEntry> = filter.with(|filter| evidence::filtered(&entries, filter).into_iter().cloned().collect());
            if entries.is_empty() {
                return view! { <p>"No entries yet. Add your first one above."</p> }.into_any();
            }
            if shown.is_empty() {
                return view! { <p role="status">"No entries match. Clear a filter to see more."</p> }.into_any();
            }
            view! {
                <p class="nhsuk-body-s" role="status">{format!("Showing {} of {}.", shown.len(), entries.len())}</p>
                <ul class="nhsuk-list app-evidence-list">
                    {shown.into_iter().map(|entry| {
                        let capabilities: Vec<String> = entry.capabilities.iter().map(|id| title(id)).collect();
                        let id = entry.id.clone();
                        let for_edit = entry.clone();
                        let name = entry.title.clone();
                        view! {
                            <li class="app-evidence-entry">
                                <h3 class="nhsuk-heading-s app-user-text" dir="auto">{entry.title.clone()}</h3>
                                <p class="nhsuk-body-s">{format!(
                                    "{} · {}{}{}",
                                    text::shown_date(&entry.date, ""),
                                    entry.kind.label(),
                                    // No time given is not "0 hours".
                                    if entry.minutes == 0 { String::new() } else { format!(" · {} hours", evidence::hours_text(entry.minutes)) },
                                    if entry.participatory { ", participatory" } else { "" }
                                )}</p>
                                {(!capabilities.is_empty()).then(|| view! { <p class="nhsuk-body-s">"Capabilities: "{capabilities.join(", ")}</p> })}
                                {(!entry.what_learned.is_empty()).then(|| view! { <p class="nhsuk-body-s">"Learned: "<bdi class="app-user-text">{entry.what_learned.clone()}</bdi></p> })}
                                {(!entry.kept_at.is_empty()).then(|| view! { <p class="nhsuk-body-s">"Kept at: "<bdi class="app-user-text">{entry.kept_at.clone()}</bdi></p> })}
                                <div class="app-inline-actions">
                                    <button class="nhsuk-button nhsuk-button--secondary" type="button" on:click=move |_| edit.run(for_edit.clone())>
                                        "Edit"<span class="nhsuk-u-visually-hidden">{format!(": {name}")}</span></button>
                                    {
                                        let id = id.clone();
                                        let name = entry.title.clone();
                                        move || if confirming.get().as_deref() == Some(id.as_str()) {
                                            let delete_id = id.clone();
                                            view! {
                                                <button class="nhsuk-button nhsuk-button--warning" type="button" on:click=move |_| {
                                                    state.delete_evidence(&delete_id);
                                                    confirming.set(None);
                                                    browser::focus("evidence-entries");
                                                }>"Yes, delete it"</button>
                                                <button class="nhsuk-button nhsuk-button--secondary" type="button" on:click=move |_| confirming.set(None)>"Keep it"</button>
                                            }.into_any()
                                        } else {
                                            let ask_id = id.clone();
                                            view! {
                                                <button class="nhsuk-button nhsuk-button--secondary" type="button" on:click=move |_| confirming.set(Some(ask_id.clone()))>
                                                    "Delete"<span class="nhsuk-u-visually-hidden">{format!(": {name}")}</span></button>
                                            }.into_any()
                                        }
                                    }
                                </div>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                <button class="nhsuk-button nhsuk-button--secondary" type="button" on:click=download>"Download these entries (CSV)"</button>
            }.into_any()
        }}
    }
}

/// How much of the device's storage the diary takes.
#[component]
fn DiaryStorage() -> impl IntoView {
    let state = use_app_state();
    view! {
        <h2 class="nhsuk-heading-m">"Storage"</h2>
        <p id="evidence-storage">{move || {
            let units = state.diary_units();
            format!(
                "Your diary takes {} characters of this device's storage, {}% of the {} characters this app can use. Back it up from My data: the backup includes the diary.",
                limits::thousands(units),
                limits::percent_used(units),
                limits::thousands(limits::STORAGE_QUOTA_UNITS)
            )
        }}</p>
    }
}
