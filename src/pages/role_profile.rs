use crate::{
    browser,
    components::sourced::SourcedFacts,
    core::{
        content,
        roles::{RoleId, SectionKind},
    },
};
use leptos::prelude::*;

/// One role: a short summary first, then every section with its sources.
#[component]
pub fn RoleProfilePage(code: String) -> impl IntoView {
    {
        let Some(role) = RoleId::from_code(&code).and_then(|id| content::roles().role(id)) else {
            return view! { <crate::pages::not_found::NotFound/> }.into_any();
        };
        browser::set_title(&role.title);
        let capability_count = content::framework().for_role(role.id).count();
        view! {
            <a href=crate::browser::href("/roles") class="nhsuk-back-link">"All roles"</a>
            <h1 class="nhsuk-heading-l">
                {format!("{} ({})", role.title, role.abbreviation)}
            </h1>
            {role.proposed_title.clone().map(|title| view! {
                <p class="nhsuk-lede-text app-proposed-title">
                    "Proposed new title: " <strong>{title}</strong> " (not yet in law; the current legal title is used in this app)"
                </p>
            })}
            <p class="nhsuk-body-s">"Unfamiliar words, such as Agenda for Change or revalidation, are explained in the "
                <a href=crate::browser::href("/glossary")>"glossary"</a>"."</p>
            <nav aria-label="On this page" class="app-contents">
                <h2 class="nhsuk-heading-s">"On this page"</h2>
                <ul class="nhsuk-list">
                    {role.sections.iter().map(|section| view! {
                        <li><a href=format!("#{}", section_id(section.kind))>{section.kind.heading()}</a></li>
                    }).collect_view()}
                </ul>
            </nav>
            {role.sections.iter().map(|section| view! {
                <section class="app-role-section" aria-labelledby=section_id(section.kind)>
                    <h2 class="nhsuk-heading-m" id=section_id(section.kind) tabindex="-1">{section.kind.heading()}</h2>
                    <SourcedFacts facts=section.facts.clone()/>
                </section>
            }).collect_view()}
            <h2 class="nhsuk-heading-m">"Capabilities for this role"</h2>
            <p>{format!("Our framework lists {capability_count} capabilities for this role.")}</p>
            <ul class="nhsuk-list">
                <li><a href=crate::browser::href(&format!("/capabilities?role={}", role.id.code()))>"Browse this role's capabilities"</a></li>
                <li><a href=crate::browser::href(&format!("/check?role={}", role.id.code()))>"Check my readiness for this role"</a></li>
            </ul>
        }
        .into_any()
    }
}

fn section_id(kind: SectionKind) -> String {
    format!(
        "section-{}",
        kind.heading().to_ascii_lowercase().replace(' ', "-")
    )
}
