//! Two to four roles side by side: what they do, how to get in, training,
//! supervision, regulation, pay, and how their capabilities overlap.

use crate::address::Page;
use crate::components::error_message::ErrorMessage;
use crate::components::page_heading::PageHeading;
use crate::components::source_links::SourceLinks;
use crate::{
    components::{
        checkboxes::{item_id, Checkbox},
        error_summary::ErrorSummary,
    },
    core::{
        content,
        roles::{RoleId, RoleProfile, SectionKind},
    },
};
use leptos::prelude::*;

/// The sections compared, by the first fact of each.
const COMPARED_SECTIONS: [SectionKind; 6] = [
    SectionKind::WhatYouDo,
    SectionKind::Entry,
    SectionKind::Training,
    SectionKind::Supervision,
    SectionKind::Regulation,
    SectionKind::Pay,
];

const TOO_FEW: &str = "Choose at least two roles to compare";

#[component]
pub fn Compare() -> impl IntoView {
    let chosen = RwSignal::new(crate::core::sorting::set_of([RoleId::Pa, RoleId::Aa]));
    let too_few = move || chosen.with(|chosen| chosen.len() < 2);

    view! {
        <a href=Page::Roles.href() class="nhsuk-back-link">"All roles"</a>
        <PageHeading text="Compare the roles"/>
        <p>"Choose two to four roles to see them side by side. Each row gives the first fact from that part of the role's page; the role pages have the rest, with every source."</p>
        {move || too_few().then(|| view! { <ErrorSummary id="error-summary" errors=vec![("roles", TOO_FEW.to_string())]/> })}
        <div class="nhsuk-form-group" class:nhsuk-form-group--error=too_few>
            <fieldset class="nhsuk-fieldset"
                aria-describedby=move || if too_few() { "roles-hint roles-error" } else { "roles-hint" }>
                <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">"Which roles do you want to compare?"</legend>
                <div class="nhsuk-hint" id="roles-hint">"Select two, three or all four."</div>
                {move || too_few().then(|| view! {
                    <ErrorMessage id="roles-error" message=TOO_FEW/>
                })}
                <div class="nhsuk-checkboxes">
                    {content::roles().roles.iter().enumerate().map(|(index, role)| {
                        let id = role.id;
                        view! {
                            <Checkbox id=item_id("roles", index)
                                name="roles" value=id.code().into()
                                label=format!("{} ({})", role.title, role.abbreviation)
                                checked=Signal::derive(move || chosen.with(|chosen| chosen.contains(&id)))
                                on_toggle=Callback::new(move |checked| chosen.update(|chosen| {
                                    if checked {
                                        chosen.insert(id);
                                    } else {
                                        chosen.remove(&id);
                                    }
                                }))/>
                        }
                    }).collect_view()}
                </div>
            </fieldset>
        </div>
        {move || {
            let roles: Vec<&'static RoleProfile> = chosen.with(|chosen| {
                chosen.iter().filter_map(|id| content::roles().role(*id)).collect()
            });
            (roles.len() >= 2).then(|| view! { <Comparison roles/> })
        }}
        <p><a href=Page::RouteFinder.href()>"Find your route into a role"</a></p>
    }
}

#[component]
fn Comparison(roles: Vec<&'static RoleProfile>) -> impl IntoView {
    let framework = content::framework();
    let ids: Vec<RoleId> = roles.iter().map(|role| role.id).collect();
    let shared = framework
        .capabilities
        .iter()
        .filter(|capability| ids.iter().all(|id| capability.applies_to(*id)))
        .count();
    let specific = move |role: RoleId| {
        framework
            .for_role(role)
            .filter(|capability| {
                ids.iter()
                    .filter(|other| **other != role)
                    .all(|other| !capability.applies_to(*other))
            })
            .count()
    };
    let names: Vec<&str> = roles
        .iter()
        .map(|role| role.abbreviation.as_str())
        .collect();

    view! {
        <table class="nhsuk-table nhsuk-table--responsive app-compare-table" role="table">
            <caption class="nhsuk-table__caption nhsuk-table__caption--m">
                {format!("{} side by side", names.join(", "))}
            </caption>
            <thead class="nhsuk-table__head" role="rowgroup">
                <tr class="nhsuk-table__row" role="row">
                    <th class="nhsuk-table__header" scope="col" role="columnheader">"Topic"</th>
                    {roles.iter().map(|role| view! {
                        <th class="nhsuk-table__header" scope="col" role="columnheader">{role.abbreviation.clone()}</th>
                    }).collect_view()}
                </tr>
            </thead>
            <tbody class="nhsuk-table__body">
                <Row heading="Title" roles=roles.clone() cells=roles.iter().map(|role| view! {
                    <a href=Page::Role(role.id.code().into()).href()>{role.title.clone()}</a>
                    {role.proposed_title.clone().map(|title| view! {
                        <span class="app-compare-table__note">{format!("Proposed new title, not yet in law: {title}")}</span>
                    })}
                }.into_any()).collect()/>
                {COMPARED_SECTIONS.into_iter().map(|kind| view! {
                    <Row heading=kind.heading() roles=roles.clone()
                        cells=roles.iter().map(|role| first_fact(role, kind)).collect()/>
                }).collect_view()}
                <Row heading="Capabilities in our framework" roles=roles.clone()
                    cells=roles.iter().map(|role| content::framework().for_role(role.id).count().to_string().into_any()).collect()/>
                <Row heading="Capabilities only this role has, of those chosen" roles=roles.clone()
                    cells=roles.iter().map(|role| specific(role.id).to_string().into_any()).collect()/>
            </tbody>
        </table>
        <p class="app-compare-shared">{format!("Capabilities shared by all chosen roles: {shared}")}</p>
    }
}

/// One row of the table, one cell per role. Each cell repeats its column's
/// heading, which the NHS.UK responsive table shows only when the table
/// stacks on a narrow screen.
#[component]
fn Row(
    heading: &'static str,
    roles: Vec<&'static RoleProfile>,
    cells: Vec<AnyView>,
) -> impl IntoView {
    view! {
        <tr class="nhsuk-table__row" role="row">
            <th class="nhsuk-table__header" scope="row" role="rowheader">{heading}</th>
            {roles.into_iter().zip(cells).map(|(role, cell)| view! {
                <td class="nhsuk-table__cell" role="cell">
                    <span class="nhsuk-table__heading" aria-hidden="true">{format!("{} ", role.abbreviation)}</span>
                    <span>{cell}</span>
                </td>
            }).collect_view()}
        </tr>
    }
}

fn first_fact(role: &RoleProfile, kind: SectionKind) -> AnyView {
    let Some(fact) = role.section(kind).and_then(|section| section.facts.first()) else {
        return "Not recorded".into_any();
    };
    view! {
        {fact.unknown.then(|| view! { <strong class="nhsuk-tag nhsuk-tag--grey app-tag">"Not known"</strong> " " })}
        {fact.text_on(&crate::browser::today_iso()).to_owned()}
        <span class="nhsuk-body-s app-compare-table__note">
            <SourceLinks ids=fact.sources.clone()/>
        </span>
    }
    .into_any()
}
