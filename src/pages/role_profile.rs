use crate::address::Page;
use crate::components::page_heading::PageHeading;
use crate::{
    browser,
    components::sourced::{NumberedFact, ReferenceList},
    core::{
        content,
        roles::{references, RoleId, SectionKind},
    },
};
use leptos::prelude::*;

/// The source the Leng Review's own report is cited as: the page links to
/// it once, where the review is explained.
const LENG_REPORT: &str = "leng-final";

/// One role: every section's facts with numbered references, and one list
/// of sources at the end, so the page stays short on a phone.
#[component]
pub fn RoleProfilePage(code: String) -> impl IntoView {
    {
        let Some(role) = RoleId::from_code(&code).and_then(|id| content::roles().role(id)) else {
            return view! { <crate::pages::not_found::NotFound/> }.into_any();
        };
        let today = browser::today_iso();
        let capability_count = content::framework().for_role(role.id).count();
        let (list, numbers) = references(
            content::roles(),
            role.sections.iter().flat_map(|section| &section.facts),
        );
        let mut numbers = numbers.into_iter();
        let leng_report = content::roles().source(LENG_REPORT);
        view! {
            <a href=Page::Roles.href() class="nhsuk-back-link">"All roles"</a>
            <PageHeading text=format!("{} ({})", role.title, role.abbreviation) title=role.title.clone()/>
            {role.proposed_title.clone().map(|title| view! {
                <p class="app-proposed-title">
                    "Proposed new title: " <strong>{title}</strong> " (not yet in law; the current legal title is used in this app)"
                </p>
            })}
            <p class="nhsuk-body-s">"Terms are explained in the "
                <a href=Page::Glossary.href()>"glossary"</a>
                "; numbers in brackets lead to the "<a href="#sources">"sources"</a>"."</p>
            <nav aria-label="On this page" class="app-contents">
                <details class="nhsuk-details">
                    <summary class="nhsuk-details__summary"><span class="nhsuk-details__summary-text">"On this page"</span></summary>
                    <div class="nhsuk-details__text">
                        <ul class="app-contents__list">
                            {role.sections.iter().map(|section| view! {
                                <li><a href=format!("#{}", section_id(section.kind))>{section.kind.heading()}</a></li>
                            }).collect_view()}
                        </ul>
                    </div>
                </details>
            </nav>
            {role.sections.iter().map(|section| {
                let facts: Vec<_> = section.facts.iter().map(|fact| {
                    let numbers = numbers.next().unwrap_or_default();
                    view! { <NumberedFact fact=fact.clone() numbers today=today.clone()/> }
                }).collect();
                let is_leng = section.kind == SectionKind::LengReview;
                view! {
                    <section class="app-role-section" aria-labelledby=section_id(section.kind)>
                        <h2 class="nhsuk-heading-m" id=section_id(section.kind) tabindex="-1">{section.kind.heading()}</h2>
                        <ul class="nhsuk-list app-facts">{facts}</ul>
                        {is_leng.then(|| leng_report.map(|report| view! {
                            <p><a href=report.url.clone() rel="noreferrer">"Read the Leng Review final report (GOV.UK)"</a></p>
                        }))}
                    </section>
                }
            }).collect_view()}
            <ReferenceList references=list/>
            <h2 class="nhsuk-heading-s">{format!("Capabilities for this role ({capability_count} in our framework)")}</h2>
            <ul class="nhsuk-list">
                <li><a href=Page::Capabilities.href_with("role", role.id.code())>"Browse this role's capabilities"</a></li>
                <li><a href=Page::CheckStart.href_with("role", role.id.code())>"Check my readiness for this role"</a></li>
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
