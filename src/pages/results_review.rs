//! The supervisor review on the results page and its printed summary (see
//! `core::review`): the latest review next to the practitioner's ratings,
//! the supervisor's confirmation block with the fingerprint, and the
//! supervisor's ratings over time. Part of the results page, in the `check`
//! wasm chunk (the review pages are in `share`). It hashes nothing: the fingerprint was
//! made when the review was confirmed, and a later change is found rating
//! by rating (`Review::changed_since`).

use crate::components::summary_list::SummaryRow;
use crate::{
    address::Page,
    browser,
    core::{
        assessment::Assessment,
        content,
        review::{self, mark_text, supervisor_mark_text, Method},
        roles::RoleId,
    },
    pages::results::rating_text,
    state::use_app_state,
};
use leptos::prelude::*;

#[component]
pub fn ReviewOnResults(assessment: Assessment) -> impl IntoView {
    let state = use_app_state();
    let framework = content::framework();
    let ask = Page::ReviewAsk(assessment.id.clone()).href();
    move || {
        let reviews = state.reviews().get();
        let Some(latest) = reviews.latest(&assessment.id).cloned() else {
            return view! {
                <h2 class="nhsuk-heading-m app-no-print">"Supervisor review"</h2>
                <p class="app-no-print">"No supervisor has reviewed this assessment yet. "
                    <a href=ask.clone()>"Ask your supervisor to review"</a></p>
            }
            .into_any();
        };
        let rows = review::side_by_side(&assessment, &latest, framework);
        let (differ, agree): (Vec<_>, Vec<_>) =
            rows.into_iter().partition(|row| row.item.disagrees());
        let changed = match latest.changed_since(&assessment).len() {
            0 => "None: no rating has changed since the review".to_owned(),
            count => format!("{count} changed since review, marked below"),
        };
        let earlier = reviews.of(&assessment.id).len().saturating_sub(1);
        let mine: Vec<String> = state
            .my_assessments()
            .into_iter()
            .filter(|other| other.created_at <= assessment.created_at)
            .map(|other| other.id)
            .collect();
        let over_time: Vec<_> = review::history(&mine, &reviews)
            .into_iter()
            .filter(|(_, marks)| marks.len() > 1)
            .collect();
        let by_domain: Vec<(String, Vec<review::Row<'static>>)> = framework
            .domains
            .iter()
            .filter_map(|domain| {
                let rows: Vec<_> = agree
                    .iter()
                    .filter(|row| row.capability.domain == domain.id)
                    .cloned()
                    .collect();
                (!rows.is_empty()).then(|| (domain.title.clone(), rows))
            })
            .collect();
        let supervisor = latest.supervisor.clone();
        view! {
            <h2 class="nhsuk-heading-m" id="supervisor-review">"Supervisor review"</h2>
            <dl class="nhsuk-summary-list app-review-confirmation">
                <SummaryRow user_text=true key="Reviewed by" value=supervisor.name/>
                <SummaryRow user_text=true key="Role" value=supervisor.role/>
                {(!supervisor.registration.is_empty()).then(|| view! {
                    <SummaryRow user_text=true key="Registration number" value=supervisor.registration/>
                })}
                <SummaryRow key="Date confirmed" value=browser::format_date(latest.reviewed_at)/>
                <SummaryRow key="How" value=match latest.method {
                    Method::SameDevice => "On the practitioner\u{2019}s device".to_string(),
                    Method::File => "By review request and response files".to_string(),
                }/>
                <SummaryRow key="Fingerprint of the ratings reviewed" value=latest.fingerprint.clone()/>
                <SummaryRow key="Ratings changed since the review" value=changed/>
            </dl>
            <p class="nhsuk-body-s">"The fingerprint is a short code worked out from the ratings as they were reviewed; the supervisor\u{2019}s review response carries the same code. If a rating changes later, the ratings no longer match the fingerprint and the capability says \u{201c}changed since review\u{201d}. It cannot prove who made the review: the name was typed by whoever confirmed it."</p>
            <h3 class="nhsuk-heading-s">{format!("Where you and your supervisor differ ({})", differ.len())}</h3>
            <ReviewRows role=assessment.role rows=differ empty="You and your supervisor gave the same rating wherever they rated."/>
            <h3 class="nhsuk-heading-s">"Everything else, by domain"</h3>
            {by_domain.into_iter().map(|(title, rows)| view! {
                <h4 class="nhsuk-heading-xs">{title}</h4>
                <ReviewRows role=assessment.role rows empty=""/>
            }).collect_view()}
            {(earlier > 0).then(|| view! {
                <p class="nhsuk-body-s">{format!("This assessment has {earlier} earlier review(s); the latest is shown.")}</p>
            })}
            {(!over_time.is_empty()).then(|| view! {
                <h3 class="nhsuk-heading-s">"Your supervisor\u{2019}s ratings over time"</h3>
                <ul class="app-result-list">
                    {over_time.into_iter().map(|(id, marks)| {
                        let title = framework.capability(&id).map_or(id.clone(), |found| found.title.clone());
                        let moves = marks.iter().map(|(at, mark)| format!("{} ({})", supervisor_mark_text(framework, assessment.role, Some(*mark)), browser::format_date(*at))).collect::<Vec<_>>().join(" \u{2192} ");
                        view! { <li><strong>{title}</strong>{format!(": {moves}")}</li> }
                    }).collect_view()}
                </ul>
            })}
            <p class="app-no-print"><a href=ask.clone()>"Ask for another review"</a></p>
        }
        .into_any()
    }
}

#[component]
fn ReviewRows(role: RoleId, rows: Vec<review::Row<'static>>, empty: &'static str) -> impl IntoView {
    if rows.is_empty() {
        return view! { <p>{empty}</p> }.into_any();
    }
    let framework = content::framework();
    view! {
        <ul class="app-result-list">
            {rows.into_iter().map(|row| {
                let comment = row.item.comment.clone();
                view! {
                    <li>
                        <strong>{row.capability.title.clone()}</strong>
                        {format!(": your rating {}; your supervisor\u{2019}s {}", mark_text(framework, role, row.item.self_rating), supervisor_mark_text(framework, role, row.item.supervisor_rating))}
                        {(!comment.is_empty()).then(|| view! {
                            <span class="app-note">" Comment: " <bdi class="app-user-text">{comment}</bdi></span>
                        })}
                        {row.changed.then(|| view! {
                            <strong class="nhsuk-tag nhsuk-tag--orange app-review-changed">{format!("Changed since review: now {}", rating_text(role, row.now))}</strong>
                        })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}
