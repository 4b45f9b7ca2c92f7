//! Facts with numbered references, and the one list of sources they point
//! to: each fact shows its source numbers, and the list gives each
//! source's title, publisher, link and the date the facts citing it were
//! checked. One list per page keeps a phone page short while every fact
//! still carries its source and date.

use crate::components::warning_callout::WarningCallout;
use crate::{
    browser,
    core::{
        role_index,
        roles::{Fact, Reference},
        text::shown_date,
    },
};
use leptos::prelude::*;

/// One fact, in the wording for `today`, followed by its reference numbers.
#[component]
pub fn NumberedFact(fact: Fact, numbers: Vec<usize>, today: String) -> impl IntoView {
    view! {
        <li class="app-fact">
            <p class="app-fact__text">
                {fact.unknown.then(|| view! { <strong class="nhsuk-tag nhsuk-tag--grey app-tag">"Not known"</strong> " " })}
                {fact.text_on(&today).to_owned()}
                " "
                <span class="app-refs">
                    "["
                    {numbers.into_iter().enumerate().map(|(index, number)| view! {
                        {(index > 0).then_some(", ")}
                        <a href=format!("#ref-{number}") aria-label=format!("Source {number}")>{number}</a>
                    }).collect_view()}
                    "]"
                </span>
            </p>
        </li>
    }
}

/// The page's numbered list of sources, folded so the facts come first.
#[component]
pub fn ReferenceList(references: Vec<Reference<'static>>) -> impl IntoView {
    let count = references.len();
    view! {
        <details class="nhsuk-details app-references" id="sources">
            <summary class="nhsuk-details__summary">
                <span class="nhsuk-details__summary-text">{format!("Sources for this page ({count})")}</span>
            </summary>
            <div class="nhsuk-details__text">
                <p class="nhsuk-body-s">"The numbers in square brackets after each fact point to this list. Each source is the page that says the fact, with the date we checked it."</p>
                <ol class="nhsuk-list nhsuk-list--number nhsuk-body-s">
                    {references.into_iter().map(|reference| view! {
                        <li id=format!("ref-{}", reference.number) tabindex="-1">
                            <a href=reference.source.url.clone() rel="noreferrer">{reference.source.title.clone()}</a>
                            {format!(" ({}). Checked {}.", reference.source.publisher,
                                reference.checked.iter().map(|date| shown_date(date, "")).collect::<Vec<_>>().join(" and "))}
                        </li>
                    }).collect_view()}
                </ol>
            </div>
        </details>
    }
}

/// The notice every page shows once the content is past its review-by
/// date: an installed app can run offline for months without an update.
#[component]
pub fn StaleContentNotice() -> impl IntoView {
    role_index::is_past_review(&browser::today_iso()).then(|| {
        view! {
            <WarningCallout heading="This content may be out of date" class="app-stale">
                <p>{format!(
                    "The facts in this app were last checked on {}, and were due to be checked again by {}. Rules, titles and pay may have changed since: check the sources before you rely on them.",
                    shown_date(role_index::CHECKED, ""), shown_date(role_index::REVIEW_BY, "")
                )}</p>
            </WarningCallout>
        }
    })
}
