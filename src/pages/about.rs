use crate::address::Page;
use crate::components::page_heading::PageHeading;
use leptos::prelude::*;

/// Who the app is for, privacy, accessibility, and the disclaimer.
#[component]
pub fn About() -> impl IntoView {
    view! {
        <PageHeading text="About this app" title="About"/>
        <p>"The MAPs Capability Checker helps people explore the four Medical Associate Professions and check their readiness against a set of capabilities: people thinking of becoming a MAP, practitioners preparing for supervision or appraisal, and careers advisers running workshops."</p>
        <h2 class="nhsuk-heading-m" id="privacy">"Privacy"</h2>
        <p>"Everything runs in your browser. Your answers stay on this device, in the browser's storage. Nothing is sent anywhere: there is no account, no server and no analytics. Anyone who uses this browser profile can see your answers, so on a shared computer use a guest session or clear your data when you finish, from "
           <a href=Page::MyData.href()>"My data"</a>"."</p>
        <p>"Some workplace browsers delete stored data when they close. Export a backup if you use one."</p>
        <h2 class="nhsuk-heading-m" id="disclaimer">"Disclaimer"</h2>
        <p>"This is not an NHS service, and its capabilities are not the official MAPs Core Capabilities Framework. Results are a conversation aid, not a sign-off. "
           <a href=Page::Sources.href()>"Sources and disclaimer"</a></p>
        <h2 class="nhsuk-heading-m" id="accessibility">"Accessibility"</h2>
        <p>"We aim to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA. Every page is tested automatically with axe-core at phone and desktop sizes, and the main journeys are tested using the keyboard alone. If something does not work for you, please tell us."</p>
        <p><a href=Page::Accessibility.href()>"Read the full accessibility statement"</a></p>
    }
}
