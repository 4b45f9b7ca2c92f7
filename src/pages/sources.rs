use crate::components::page_heading::PageHeading;
use crate::components::warning_callout::WarningCallout;
use crate::core::{content, text::shown_date};
use leptos::prelude::*;

/// What the content is based on, what it is not, and every source.
#[component]
pub fn Sources() -> impl IntoView {
    let framework = content::framework();
    let roles = content::roles();
    view! {
        <PageHeading text="Sources and disclaimer"/>
        <WarningCallout heading="Please read">
            <p>"This app is not an NHS service and is not endorsed by the NHS, the GMC, Skills for Health or any royal college or faculty."</p>
            <p>"Its capabilities are written by this project in its own words. They are organised on published structures (the GMC Generic Professional Capabilities framework's nine domains and the four pillars of advanced practice) but they are not the official MAPs Core Capabilities Framework (Skills for Health, June 2022), whose full text we could not obtain."</p>
            <p>"Results are a conversation aid for supervision, appraisal and career planning, not a sign-off of competence. Always check your regulator's and your employer's requirements and your agreed scope of practice."</p>
        </WarningCallout>
        <h2 class="nhsuk-heading-m">"Content version"</h2>
        <dl class="nhsuk-summary-list">
            <div class="nhsuk-summary-list__row">
                <dt class="nhsuk-summary-list__key">"Version"</dt>
                <dd class="nhsuk-summary-list__value">{framework.version.clone()}</dd>
            </div>
            <div class="nhsuk-summary-list__row">
                <dt class="nhsuk-summary-list__key">"Last reviewed"</dt>
                <dd class="nhsuk-summary-list__value">{shown_date(&framework.date, "")}</dd>
            </div>
        </dl>
        <h3 class="nhsuk-heading-s">"What changed"</h3>
        <ul>
            {framework.changelog.iter().map(|entry| view! {
                <li>
                    {format!("{} ({}): ", entry.version, shown_date(&entry.date, ""))}
                    {entry.changes.join(" ")}
                </li>
            }).collect_view()}
        </ul>
        <h2 class="nhsuk-heading-m">"How facts are checked"</h2>
        <p>"Each fact about a role names its source and the date we last checked it against that source. Where no source we found gives an answer, the page says it is not known rather than guessing. The field is changing quickly (regulation, the Leng Review, proposed new titles), so check the source before you rely on a fact."</p>
        <h2 class="nhsuk-heading-m">"All sources"</h2>
        <ol class="app-source-list">
            {roles.sources.iter().map(|source| view! {
                <li>
                    <a href=source.url.clone() rel="noreferrer">{source.title.clone()}</a>
                    {format!(", {}.", source.publisher)}
                </li>
            }).collect_view()}
        </ol>
    }
}
