//! A list of facts, each with its sources and checked-on date beside it.

use crate::{
    browser,
    core::{content, roles::Fact},
};
use leptos::prelude::*;

#[component]
pub fn SourcedFacts(facts: Vec<Fact>) -> impl IntoView {
    view! {
        <ul class="nhsuk-list app-facts">
            {facts.into_iter().map(|fact| view! {
                <li class="app-fact">
                    <p class="app-fact__text">
                        {fact.unknown.then(|| view! { <strong class="nhsuk-tag nhsuk-tag--grey app-tag">"Not known"</strong> " " })}
                        {fact.text.clone()}
                    </p>
                    <p class="nhsuk-body-s app-fact__source">
                        "Source: "
                        {fact.sources.iter().enumerate().map(|(index, id)| {
                            let source = content::roles().source(id);
                            view! {
                                {(index > 0).then_some("; ")}
                                {source.map(|source| view! {
                                    <a href=source.url.clone() rel="noreferrer">{source.title.clone()}</a>
                                    {format!(" ({})", source.publisher)}
                                })}
                            }
                        }).collect_view()}
                        {format!(". Checked {}.", human_date(&fact.checked))}
                    </p>
                </li>
            }).collect_view()}
        </ul>
    }
}

/// "2026-11-21" as "21 November 2026".
pub fn human_date(iso: &str) -> String {
    let mut parts = iso.split('-');
    let (Some(year), Some(month), Some(day)) = (parts.next(), parts.next(), parts.next()) else {
        return iso.to_owned();
    };
    let month = month
        .parse::<usize>()
        .ok()
        .and_then(|month| browser::MONTHS.get(month.wrapping_sub(1)));
    match (day.parse::<u8>(), month) {
        (Ok(day), Some(month)) => format!("{day} {month} {year}"),
        _ => iso.to_owned(),
    }
}
