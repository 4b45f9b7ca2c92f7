use crate::address::Page;
use crate::components::inset_text::InsetText;
use crate::components::page_heading::PageHeading;
use crate::{browser, core::role_index, state::use_app_state};
use leptos::prelude::*;

/// The start page: what the app is for, and the three ways in.
/// `continue_check` is false only in the build's prerender, which has no
/// stored checks to continue.
#[component]
pub fn Home(#[prop(default = true)] continue_check: bool) -> impl IntoView {
    view! {
        <PageHeading text="Explore the Medical Associate Professions and check your capabilities" title="Home"/>
        <p class="nhsuk-body-l">
            "For physician associates, anaesthesia associates, surgical care practitioners and advanced critical care practitioners, and anyone thinking of becoming one. Your answers stay on this device."
        </p>
        <p class="nhsuk-body-s">"Not the official MAPs Core Capabilities Framework, and not an NHS service."</p>
        {continue_check.then(|| view! { <ContinueCheck/> })}
        <ul class="nhsuk-grid-row nhsuk-card-group">
            <HomeCard page=Page::Roles title="Explore the roles"
                text="What each role does, how to get in, training, pay and regulation, with sources."/>
            <HomeCard page=Page::CheckStart title="Check my capabilities"
                text="A self-assessment that saves every answer, shows your gaps and helps you plan for appraisal."/>
            <HomeCard page=Page::Capabilities title="Browse the capabilities"
                text="Every capability by domain, for any role, without starting an assessment."/>
        </ul>
        <p>"Supervising someone? " <a href=Page::Review.href()>"Review a colleague\u{2019}s assessment"</a></p>
        <h2 class="nhsuk-heading-m">"The four roles"</h2>
        <ul class="nhsuk-list app-role-list">
            {role_index::ROLE_LINKS.iter().map(|role| view! {
                <li>
                    <a href=Page::Role(role.id.code().into()).href()>{role.title}</a>
                    " (" {role.abbreviation} ")"
                    {role.proposed_title.map(|title| view! {
                        <span class="app-proposed-title">" — proposed new title: " {title}</span>
                    })}
                </li>
            }).collect_view()}
        </ul>
        <h2 class="nhsuk-heading-m">"Running a careers session?"</h2>
        <p><a href=Page::Workshop.href()>"Workshops and shared devices"</a>
           ": presenter mode for a projector, guest sessions, sample people and a QR code for phones."</p>
        <InsetText>
            <p>"Results are a conversation aid for supervision and appraisal, not a sign-off. The capabilities are written by this project, organised on published frameworks: they are not the official MAPs Core Capabilities Framework. "
               <a href=Page::Sources.href()>"Sources and disclaimer"</a></p>
        </InsetText>
    }
}

#[component]
fn HomeCard(page: Page, title: &'static str, text: &'static str) -> impl IntoView {
    view! {
        <li class="nhsuk-grid-column-one-third nhsuk-card-group__item">
            <div class="nhsuk-card nhsuk-card--clickable">
                <div class="nhsuk-card__content">
                    <h2 class="nhsuk-card__heading nhsuk-heading-m">
                        <a href=page.href() class="nhsuk-card__link">{title}</a>
                    </h2>
                    <p class="nhsuk-card__description">{text}</p>
                </div>
            </div>
        </li>
    }
}

/// The latest unfinished check of the active profile, one tap away.
#[component]
fn ContinueCheck() -> impl IntoView {
    let state = use_app_state();
    move || {
        let latest = state
            .my_assessments()
            .into_iter()
            .filter(|assessment| assessment.finished_at.is_none())
            .max_by_key(|assessment| assessment.updated_at)?;
        Some(view! {
            <div class="app-continue">
                <h2 class="nhsuk-heading-m">"Continue your check"</h2>
                <p>{format!(
                    "{}, started {}.",
                    crate::pages::results::describe(&latest),
                    browser::format_date(latest.created_at)
                )}</p>
                <a class="nhsuk-button" href=Page::CheckStep(latest.id.clone()).href()>"Continue your check"</a>
            </div>
        })
    }
}
