//! Links between capabilities, plan actions and the evidence diary: what
//! is linked, with a way to add more, and the CPD summary the appraisal
//! print adds.

use crate::{
    browser,
    core::{
        content,
        evidence::{self, EvidenceEntry},
    },
    state::use_app_state,
};
use leptos::prelude::*;

/// The address of the diary's form for a new entry linked to `capability`
/// and, if given, a plan action.
pub fn add_evidence_href(capability: &str, action: Option<&str>) -> String {
    let mut address = format!("/evidence?capability={capability}");
    if let Some(action) = action {
        address.push_str(&format!("&action={action}"));
    }
    browser::href(&address)
}

/// The active profile's entries linked to a capability, and "Add evidence".
#[component]
pub fn CapabilityEvidence(capability: String, title: String) -> impl IntoView {
    let state = use_app_state();
    let href = add_evidence_href(&capability, None);
    let linked = move || -> Vec<EvidenceEntry> {
        state
            .my_evidence()
            .into_iter()
            .filter(|entry| entry.capabilities.contains(&capability))
            .collect()
    };
    view! {
        <div class="app-evidence-links">
            {move || {
                let linked = linked();
                view! {
                    <span class="nhsuk-body-s" class:app-no-print=linked.is_empty()>{format!("Evidence ({})", linked.len())}</span>
                    {(!linked.is_empty()).then(|| view! {
                        <ul class="nhsuk-list nhsuk-body-s app-evidence-links__list">
                            {linked.into_iter().map(|entry| view! {
                                <li>{format!("{} ({}, {})", entry.title, entry.kind.label(), entry.date)}</li>
                            }).collect_view()}
                        </ul>
                    })}
                }
            }}
            <a class="app-no-print nhsuk-body-s" href=href>"Add evidence"<span class="nhsuk-u-visually-hidden">{format!(" for {title}")}</span></a>
        </div>
    }
}

/// The active profile's entries linked to a plan action, and "Add evidence".
#[component]
pub fn ActionEvidence(action: String, capability: Option<String>, what: String) -> impl IntoView {
    let state = use_app_state();
    let href = add_evidence_href(capability.as_deref().unwrap_or(""), Some(&action));
    view! {
        <div class="app-evidence-links">
            {move || {
                let entries = state.my_evidence();
                let linked: Vec<String> = evidence::for_action(&entries, &action)
                    .into_iter()
                    .map(|entry| format!("{} ({})", entry.title, entry.date))
                    .collect();
                view! {
                    <p class="nhsuk-body-s">{match linked.len() {
                        0 => "Evidence: none yet".to_string(),
                        _ => format!("Evidence ({}): {}", linked.len(), linked.join("; ")),
                    }}</p>
                }
            }}
            <a class="app-no-print nhsuk-body-s" href=href>"Add evidence"<span class="nhsuk-u-visually-hidden">{format!(" for {what}")}</span></a>
        </div>
    }
}

/// The CPD summary for the appraisal print: hours, kinds and linked
/// capabilities of the active profile's entries in a chosen period, and
/// their reflections if the person chooses.
#[component]
pub fn CpdSummary() -> impl IntoView {
    let state = use_app_state();
    let today = browser::today_iso();
    let year_ago = crate::core::cpd_rules::year_before(&today).unwrap_or_default();
    let from = RwSignal::new(year_ago);
    let to = RwSignal::new(today);
    let reflections = RwSignal::new(false);
    let title = |id: &str| {
        content::framework()
            .capability(id)
            .map_or(id.to_owned(), |capability| capability.title.clone())
    };
    view! {
        <h2 class="nhsuk-heading-m">"CPD and evidence summary"</h2>
        <div class="app-no-print">
            <p class="nhsuk-body-s">"Choose the period the printed summary covers, such as the year since your last appraisal."</p>
            <div class="app-date-range">
                <div class="nhsuk-form-group">
                    <label class="nhsuk-label" for="cpd-summary-from">"From"</label>
                    <input class="nhsuk-input nhsuk-date-input__input" id="cpd-summary-from" type="date" prop:value=move || from.get()
                        on:change=move |event| from.set(event_target_value(&event))/>
                </div>
                <div class="nhsuk-form-group">
                    <label class="nhsuk-label" for="cpd-summary-to">"To"</label>
                    <input class="nhsuk-input nhsuk-date-input__input" id="cpd-summary-to" type="date" prop:value=move || to.get()
                        on:change=move |event| to.set(event_target_value(&event))/>
                </div>
            </div>
            <div class="nhsuk-checkboxes">
                <div class="nhsuk-checkboxes__item">
                    <input class="nhsuk-checkboxes__input" id="cpd-summary-reflections" type="checkbox"
                        prop:checked=move || reflections.get() on:change=move |event| reflections.set(event_target_checked(&event))/>
                    <label class="nhsuk-label nhsuk-checkboxes__label" for="cpd-summary-reflections">"Include my reflections in the summary"</label>
                </div>
            </div>
        </div>
        {move || {
            let entries = state.my_evidence();
            let (from, to) = (from.get(), to.get());
            let chosen = evidence::filtered(&entries, &evidence::Filter {
                from: (!from.is_empty()).then(|| from.clone()),
                to: (!to.is_empty()).then(|| to.clone()),
                ..evidence::Filter::default()
            });
            let summary = evidence::summary(&chosen);
            if chosen.is_empty() {
                return view! {
                    <p>{format!("No diary entries from {from} to {to}. ")}
                        <a class="app-no-print" href=browser::href("/evidence")>"Add evidence in your diary"</a></p>
                }.into_any();
            }
            let show_reflections = reflections.get();
            view! {
                <p>{format!(
                    "From {from} to {to}: {}, {} hours of which {} participatory.",
                    if summary.entries == 1 { "1 entry".to_string() } else { format!("{} entries", summary.entries) },
                    evidence::hours_text(summary.minutes),
                    evidence::hours_text(summary.participatory_minutes)
                )}</p>
                <p class="nhsuk-body-s">{format!("Kinds: {}.", summary.kinds.iter().map(|(kind, count)| format!("{} {count}", kind.label())).collect::<Vec<_>>().join(", "))}</p>
                {(!summary.capabilities.is_empty()).then(|| view! {
                    <p class="nhsuk-body-s">{format!("Capabilities with evidence: {}.", summary.capabilities.iter().map(|(id, count)| format!("{} ({count})", title(id))).collect::<Vec<_>>().join(", "))}</p>
                })}
                <ul class="app-cpd-summary">
                    {chosen.into_iter().map(|entry| view! {
                        <li>
                            <strong>{entry.title.clone()}</strong>
                            {format!(" ({}, {}, {} hours)", entry.date, entry.kind.label(), evidence::hours_text(entry.minutes))}
                            {show_reflections.then(|| view! {
                                <span class="app-note">{format!(
                                    " What happened: {} What I learned: {} What I will change: {}",
                                    entry.what_happened, entry.what_learned, entry.what_next
                                )}</span>
                            })}
                        </li>
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
    }
}
