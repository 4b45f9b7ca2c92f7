//! Links between capabilities, plan actions and the evidence diary: what
//! is linked, with a way to add more, and the CPD summary the appraisal
//! print adds. They are drawn on the check and results pages, so they are
//! in those pages' chunk; the diary itself is in a chunk of its own.

use crate::{
    address::Page,
    browser,
    core::{
        content, cpd_rules,
        evidence::{self, EvidenceEntry},
        text,
    },
    pages::evidence::FORM_HEADING_ID,
    state::use_app_state,
};
use leptos::prelude::*;
use std::collections::BTreeMap;

/// The address of the diary's form for a new entry linked to `capability`
/// and `action` (a plan action), where given; focus arrives on the form.
pub fn add_evidence_href(capability: Option<&str>, action: Option<&str>) -> String {
    let values: Vec<(&str, &str)> = [("capability", capability), ("action", action)]
        .into_iter()
        .filter_map(|(name, value)| value.filter(|id| !id.is_empty()).map(|id| (name, id)))
        .collect();
    Page::Evidence.href_to(&values, Some(FORM_HEADING_ID))
}

/// Diary entries by capability id: what [`evidence_by_capability`] gives.
pub type EvidenceByCapability = Memo<BTreeMap<String, Vec<EvidenceEntry>>>;

/// The active profile's diary entries by the id of each capability they
/// are linked to, in stored order; reactive. One memo serves a whole list of
/// results, so each item is drawn once and not watched on its own: the list
/// is drawn again when the diary changes.
pub fn evidence_by_capability() -> EvidenceByCapability {
    let state = use_app_state();
    Memo::new(move |_| {
        let mut by_capability: BTreeMap<String, Vec<EvidenceEntry>> = BTreeMap::new();
        for entry in state.my_evidence() {
            for capability in &entry.capabilities {
                by_capability
                    .entry(capability.clone())
                    .or_default()
                    .push(entry.clone());
            }
        }
        by_capability
    })
}

/// The entries `linked` to a capability (from [`evidence_by_capability`]),
/// and "Add evidence" for it.
#[component]
pub fn CapabilityEvidence(
    capability: String,
    title: String,
    linked: Vec<EvidenceEntry>,
) -> impl IntoView {
    let href = add_evidence_href(Some(&capability), None);
    view! {
        <div class="app-evidence-links">
            <span class="nhsuk-body-s" class:app-no-print=linked.is_empty()>{format!("Evidence ({})", linked.len())}</span>
            {(!linked.is_empty()).then(|| view! {
                <ul class="nhsuk-list nhsuk-body-s app-evidence-links__list">
                    {linked.into_iter().map(|entry| view! {
                        <li><bdi class="app-user-text">{entry.title.clone()}</bdi>
                            {format!(" ({}, {})", entry.kind.label(), text::shown_date(&entry.date, ""))}</li>
                    }).collect_view()}
                </ul>
            })}
            <a class="app-no-print nhsuk-body-s" href=href>"Add evidence"<span class="nhsuk-u-visually-hidden">{format!(" for {title}")}</span></a>
        </div>
    }
}

/// The active profile's entries linked to a plan action, and "Add evidence".
#[component]
pub fn ActionEvidence(action: String, capability: Option<String>, what: String) -> impl IntoView {
    let state = use_app_state();
    let href = add_evidence_href(capability.as_deref(), Some(&action));
    view! {
        <div class="app-evidence-links">
            {move || {
                let entries = state.my_evidence();
                let linked = evidence::for_action(&entries, &action);
                view! {
                    <p class="nhsuk-body-s">{match linked.len() {
                        0 => "Evidence: none yet".to_string(),
                        count => format!("Evidence ({count}): "),
                    }}
                    {linked.into_iter().enumerate().map(|(index, entry)| view! {
                        {(index > 0).then_some("; ")}
                        <bdi class="app-user-text">{entry.title.clone()}</bdi>
                        {format!(" ({})", text::shown_date(&entry.date, ""))}
                    }).collect_view()}</p>
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
    let year_ago = cpd_rules::year_before(&today).unwrap_or_default();
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
            let period = format!(
                "From {} to {}",
                text::shown_date(&from, "the first entry"),
                text::shown_date(&to, "today")
            );
            if chosen.is_empty() {
                return view! {
                    <p>{format!("{period}: no diary entries. ")}
                        <a class="app-no-print" href=Page::Evidence.href()>"Add evidence in your diary"</a></p>
                }.into_any();
            }
            let show_reflections = reflections.get();
            view! {
                <p>{format!(
                    "{period}: {}, {} hours of which {} participatory.",
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
                            <strong class="app-user-text" dir="auto">{entry.title.clone()}</strong>
                            {format!(" ({}, {}, {} hours)", text::shown_date(&entry.date, ""), entry.kind.label(), evidence::hours_text(entry.minutes))}
                            {show_reflections.then(|| view! {
                                <span class="app-note">
                                    " What happened: "<bdi class="app-user-text">{entry.what_happened.clone()}</bdi>
                                    " What I learned: "<bdi class="app-user-text">{entry.what_learned.clone()}</bdi>
                                    " What I will change: "<bdi class="app-user-text">{entry.what_next.clone()}</bdi>
                                </span>
                            })}
                        </li>
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
    }
}
