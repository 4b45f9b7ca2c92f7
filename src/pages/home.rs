use crate::{browser, core::content};
use leptos::prelude::*;

/// The start page: what the app is for, and the three ways in.
#[component]
pub fn Home() -> impl IntoView {
    browser::set_title("Home");
    let roles = &content::roles().roles;
    view! {
        <h1 class="nhsuk-heading-l">"Explore the Medical Associate Professions and check your capabilities"</h1>
        <p class="nhsuk-body-l">
            "For physician associates, anaesthesia associates, surgical care practitioners and advanced critical care practitioners, and anyone thinking of becoming one. Your answers stay on this device."
        </p>
        <ul class="nhsuk-grid-row nhsuk-card-group">
            <HomeCard href="/roles" title="Explore the roles"
                text="What each role does, how to get in, training, pay and regulation, with sources."/>
            <HomeCard href="/check" title="Check my capabilities"
                text="A self-assessment that saves every answer, shows your gaps and helps you plan for appraisal."/>
            <HomeCard href="/capabilities" title="Browse the capabilities"
                text="Every capability by domain, for any role, without starting an assessment."/>
        </ul>
        <p>"Supervising someone? " <a href=crate::browser::href("/review")>"Review a colleague\u{2019}s assessment"</a></p>
        <h2 class="nhsuk-heading-m">"The four roles"</h2>
        <ul class="nhsuk-list app-role-list">
            {roles.iter().map(|role| view! {
                <li>
                    <a href=crate::browser::href(&format!("/roles/{}", role.id.code()))>{role.title.clone()}</a>
                    " (" {role.abbreviation.clone()} ")"
                    {role.proposed_title.clone().map(|title| view! {
                        <span class="app-proposed-title">" — proposed new title: " {title}</span>
                    })}
                </li>
            }).collect_view()}
        </ul>
        <div class="nhsuk-inset-text">
            <span class="nhsuk-u-visually-hidden">"Information: "</span>
            <p>"Results are a conversation aid for supervision and appraisal, not a sign-off. The capabilities are written by this project, organised on published frameworks: they are not the official MAPs Core Capabilities Framework. "
               <a href=crate::browser::href("/about/sources")>"Sources and disclaimer"</a></p>
        </div>
    }
}

#[component]
fn HomeCard(href: &'static str, title: &'static str, text: &'static str) -> impl IntoView {
    view! {
        <li class="nhsuk-grid-column-one-third nhsuk-card-group__item">
            <div class="nhsuk-card nhsuk-card--clickable">
                <div class="nhsuk-card__content">
                    <h2 class="nhsuk-card__heading nhsuk-heading-m">
                        <a href=crate::browser::href(href) class="nhsuk-card__link">{title}</a>
                    </h2>
                    <p class="nhsuk-card__description">{text}</p>
                </div>
            </div>
        </li>
    }
}
