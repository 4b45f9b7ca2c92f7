use crate::address::Page;
use crate::components::page_heading::PageHeading;
use crate::{
    core::{content, roles::RoleId},
    navigation::use_navigation,
};
use leptos::prelude::*;

/// Every capability for a chosen role, grouped by domain, to read without
/// starting an assessment.
#[component]
pub fn Capabilities() -> impl IntoView {
    let navigation = use_navigation();
    let role = move || {
        navigation
            .query("role")
            .and_then(|code| RoleId::from_code(&code))
            .unwrap_or(RoleId::Pa)
    };
    let framework = content::framework();
    view! {
        <PageHeading text="Browse the capabilities"/>
        <p>"Our capabilities are written by this project and organised on the GMC's nine Generic Professional Capabilities domains and the four pillars of advanced practice. They are not the official MAPs Core Capabilities Framework. Expected levels are indicative."</p>
        <div class="nhsuk-form-group">
            <label class="nhsuk-label" for="browse-role">"Show capabilities for"</label>
            <select class="nhsuk-select" id="browse-role" on:change=move |event| {
                navigation.replace_with(&Page::Capabilities, "role", &event_target_value(&event));
            }>
                {content::roles().roles.iter().map(|profile| {
                    let id = profile.id;
                    view! {
                        <option value=id.code() selected=move || role() == id>{profile.title.clone()}</option>
                    }
                }).collect_view()}
            </select>
        </div>
        {move || {
            let role = role();
            let total = framework.for_role(role).count();
            view! {
                <p class="app-count" aria-live="polite">{format!("{total} capabilities")}</p>
                {framework.domains.iter().map(|domain| {
                    let items: Vec<_> = framework.for_role(role).filter(|capability| capability.domain == domain.id).collect();
                    view! {
                        <section aria-labelledby=format!("domain-{}", domain.id)>
                            <h2 class="nhsuk-heading-m" id=format!("domain-{}", domain.id)>{domain.title.clone()}</h2>
                            <p class="nhsuk-body-s">{domain.summary.clone()} " " <span class="app-muted">{domain.basis.clone()}</span></p>
                            {items.into_iter().map(|capability| {
                                let expected = capability.expected.get(&role).copied();
                                view! {
                                    <details class="nhsuk-details app-capability">
                                        <summary class="nhsuk-details__summary">
                                            <span class="nhsuk-details__summary-text">{capability.title.clone()}</span>
                                        </summary>
                                        <div class="nhsuk-details__text">
                                            <p>{capability.descriptor.clone()}</p>
                                            <p class="nhsuk-body-s">{format!("Pillar: {}. Id: {}.", capability.pillar.map_or("", |pillar| pillar.title()), capability.id)}</p>
                                            {expected.map(|levels| view! {
                                                <p class="nhsuk-body-s">{format!(
                                                    "Indicative expected level: {} when newly qualified, {} when experienced.",
                                                    content::framework().expected_level_label(role, levels.newly_qualified), content::framework().expected_level_label(role, levels.experienced)
                                                )}</p>
                                            })}
                                            <h3 class="nhsuk-heading-xs">"Examples of evidence"</h3>
                                            <ul>{capability.evidence.iter().map(|item| view! { <li>{item.clone()}</li> }).collect_view()}</ul>
                                            <h3 class="nhsuk-heading-xs">"Ways to develop it"</h3>
                                            <ul>{capability.development.iter().map(|item| view! { <li>{item.clone()}</li> }).collect_view()}</ul>
                                        </div>
                                    </details>
                                }
                            }).collect_view()}
                        </section>
                    }
                }).collect_view()}
            }
        }}
    }
}
