use crate::address::Page;
use crate::components::page_heading::PageHeading;
use crate::core::glossary::{by_letter, glossary};
use leptos::prelude::*;

/// Every term in the glossary, under a heading per letter, with a jump list.
#[component]
pub fn Glossary() -> impl IntoView {
    let groups = by_letter(glossary());
    let letters: Vec<char> = groups.iter().map(|(letter, _)| *letter).collect();
    view! {
        <PageHeading text="Glossary"/>
        <p class="nhsuk-body-l">"Plain-English meanings of the words, abbreviations and organisations you will meet when reading about the Medical Associate Professions."</p>
        <p>"These are our own short explanations, written for people new to the field. Job titles, rules and dates in this field are changing, so check anything you rely on against the "
           <a href=Page::Sources.href()>"sources"</a>"."</p>
        <nav class="app-a-z" aria-label="Glossary, A to Z">
            <ul class="app-a-z__list">
                {letters.into_iter().map(|letter| view! {
                    <li class="app-a-z__item">
                        <a href=format!("#{}", letter_id(letter))>{letter.to_string()}</a>
                    </li>
                }).collect_view()}
            </ul>
        </nav>
        {groups.into_iter().map(|(letter, terms)| view! {
            <h2 class="nhsuk-heading-m app-glossary__letter" id=letter_id(letter) tabindex="-1">{letter.to_string()}</h2>
            <dl class="nhsuk-summary-list app-glossary">
                {terms.into_iter().map(|term| view! {
                    <div class="nhsuk-summary-list__row">
                        <dt class="nhsuk-summary-list__key">{term.term.clone()}</dt>
                        <dd class="nhsuk-summary-list__value">
                            <p>{term.definition.clone()}</p>
                            {(!term.also.is_empty()).then(|| view! {
                                <p class="nhsuk-body-s app-muted">{format!("Also called: {}.", term.also.join(", "))}</p>
                            })}
                        </dd>
                    </div>
                }).collect_view()}
            </dl>
        }).collect_view()}
    }
}

fn letter_id(letter: char) -> String {
    format!("glossary-{}", letter.to_ascii_lowercase())
}
