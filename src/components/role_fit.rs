//! "How close am I to each role?": one set of answers held against every
//! role, with a figure only where the answers cover enough of the role
//! (`scoring::role_fit`). The results page and its printed summary show the
//! same component, so the rules are the same on screen and on paper.

use crate::address::Page;
use crate::{
    browser,
    core::{assessment::Assessment, content, role_index, scoring},
    navigation::use_navigation,
    state::use_app_state,
};
use leptos::prelude::*;

#[component]
pub fn RoleFitSection(assessment: Assessment) -> impl IntoView {
    let framework = crate::state::use_app_state().checked_framework_untracked();
    let from_packs = assessment
        .items(framework)
        .iter()
        .filter(|item| item.pack.is_some())
        .count();
    let fits = scoring::role_fit(&assessment, framework, assessment.stage);
    let assessed = role_index::title(assessment.role);
    let rows = fits.clone();
    view! {
        <h2 class="nhsuk-heading-m">"How close am I to each role?"</h2>
        <p class="nhsuk-body-s">{format!(
            "Your answers held against each role's indicative expectations for {}. {}",
            assessment.stage.label().to_lowercase(),
            framework.fit.why
        )}</p>
        <p class="nhsuk-body-s">"Each count is out of all of that role\u{2019}s capabilities, or of those only it has. The percentage is of the capabilities you rated."</p>
        <div class="app-table-scroll" tabindex="0" role="region" aria-label="Fit with each role">
            <table class="nhsuk-table">
                <caption class="nhsuk-table__caption nhsuk-u-visually-hidden">"Fit with each role"</caption>
                <thead class="nhsuk-table__head"><tr class="nhsuk-table__row">
                    <th class="nhsuk-table__header" scope="col">"Role"</th>
                    <th class="nhsuk-table__header nhsuk-table__header--numeric" scope="col">"Capabilities rated"</th>
                    <th class="nhsuk-table__header nhsuk-table__header--numeric" scope="col">"Its own rated"</th>
                    <th class="nhsuk-table__header nhsuk-table__header--numeric" scope="col">"At or above expected"</th>
                </tr></thead>
                <tbody class="nhsuk-table__body">
                    {rows.into_iter().map(|fit| view! {
                        <tr class="nhsuk-table__row">
                            <th class="nhsuk-table__header" scope="row">{role_index::title(fit.role)}</th>
                            <td class="nhsuk-table__cell nhsuk-table__cell--numeric">{format!("{} of {}", fit.rated, fit.total)}</td>
                            <td class="nhsuk-table__cell nhsuk-table__cell--numeric">{format!("{} of {}", fit.own_rated, fit.own_total)}</td>
                            <td class="nhsuk-table__cell nhsuk-table__cell--numeric">{fit.figure.map_or("Not enough to say".to_string(), |percent| format!("{percent}%"))}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        {(from_packs > 0).then(|| view! {
            <p class="nhsuk-body-s">{format!(
                "The counts include {from_packs} capabilities from local packs ({}). They never count as what only one role has: that comes from this app's own capabilities.",
                assessment.packs.iter().map(|pack| pack.name.as_str()).collect::<Vec<_>>().join(", ")
            )}</p>
        })}
        // Printed as the table alone, with its coverage columns, so that a
        // quick check's summary stays within three A4 pages (issue 19).
        <ul class="nhsuk-list app-role-fit app-no-print">
            {fits.into_iter().map(|fit| view! { <FitDetail fit=fit assessment=assessment.clone() assessed/> }).collect_view()}
        </ul>
    }
}

/// One role's line under the table: what is behind its figure, or what is
/// missing and the top-up that fills it.
#[component]
fn FitDetail(
    fit: scoring::RoleFit<'static>,
    assessment: Assessment,
    assessed: &'static str,
) -> impl IntoView {
    let state = use_app_state();
    let navigation = use_navigation();
    let title = role_index::title(fit.role);
    let adds = (!fit.adds.is_empty()).then(|| {
        let examples: Vec<String> = fit
            .adds
            .iter()
            .take(2)
            .map(|c| format!("\u{201c}{}\u{201d}", c.title))
            .collect();
        format!(
            "Unlike the {} role, it has {} of its own, such as {}.",
            assessed.to_lowercase(),
            crate::core::text::counted(fit.adds.len(), "capability", "capabilities"),
            examples.join(" and ")
        )
    });
    let missing: Vec<String> = fit
        .missing_own
        .iter()
        .map(|capability| capability.id.clone())
        .collect();
    let count = missing.len();
    let id = assessment.id.clone();
    let top_up = move |_| {
        let ids: Vec<&str> = missing.iter().map(String::as_str).collect();
        state.update_assessment(&id, |assessment| {
            assessment.top_up(content::framework(), &ids, browser::now());
        });
        navigation.open(&Page::CheckStep(id.to_string()));
    };
    let behind: Vec<String> = fit
        .own_results
        .iter()
        .map(|item| {
            format!(
                "{}: {}",
                crate::core::packs::labelled_title(item.capability),
                item.status_words()
            )
        })
        .collect();
    view! {
        <li class="app-role-fit__role">
            <h3 class="nhsuk-heading-s">{title}</h3>
            {match fit.figure {
                Some(percent) => view! {
                    <p>{format!("{percent}% of the {} capabilities you rated are at or above the expected level.", fit.rated)}</p>
                    <details class="nhsuk-details">
                        <summary class="nhsuk-details__summary"><span class="nhsuk-details__summary-text">
                            {format!("The {} of those that only this role has", fit.own_rated)}
                        </span></summary>
                        <div class="nhsuk-details__text"><ul>{behind.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul></div>
                    </details>
                }.into_any(),
                None => view! {
                    <p>{format!(
                        "Not enough to say: your answers cover {} of its {} capabilities and {} of the {} only this role has.",
                        fit.rated, fit.total, fit.own_rated, fit.own_total
                    )}</p>
                    {(count > 0).then(|| view! {
                        <button class="nhsuk-button nhsuk-button--secondary app-no-print" type="button" on:click=top_up.clone()>
                            {format!("Rate the {count} capabilities this role adds")}
                        </button>
                    })}
                }.into_any(),
            }}
            {adds.map(|text| view! { <p class="nhsuk-body-s">{text}</p> })}
        </li>
    }
}
