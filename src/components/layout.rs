//! Skip link, header with navigation, and footer, in NHS.UK frontend markup
//! (without the NHS logo: this is not an NHS service).

use crate::address::Page;
use crate::navigation::use_navigation;
use leptos::prelude::*;

#[component]
pub fn SkipLink() -> impl IntoView {
    view! { <a class="nhsuk-skip-link" href="#maincontent">"Skip to main content"</a> }
}

const NAVIGATION: [(Page, &str); 7] = [
    (Page::Roles, "Explore roles"),
    (Page::Capabilities, "Capabilities"),
    (Page::CheckStart, "Check my capabilities"),
    (Page::ResultsList, "Results"),
    (Page::Evidence, "Evidence"),
    (Page::MyData, "My data"),
    (Page::About, "About"),
];

#[component]
pub fn Header() -> impl IntoView {
    let navigation = use_navigation();
    // Re-evaluated on every navigation: the link for the section the user
    // is in is marked as the current page.
    let is_current = move |section: &str| {
        let path = navigation.path();
        path == section || path.starts_with(&format!("{section}/"))
    };
    view! {
        <header class="nhsuk-header" role="banner">
            <div class="nhsuk-header__container nhsuk-width-container">
                <div class="nhsuk-header__service">
                    <a href=Page::Home.href() class="nhsuk-header__service-name app-header__name">
                        "MAPs Capability Checker"
                    </a>
                </div>
            </div>
            <nav class="nhsuk-header__navigation app-navigation" aria-label="Main">
                <div class="nhsuk-header__navigation-container nhsuk-width-container">
                    <ul class="nhsuk-header__navigation-list app-navigation__list">
                        {NAVIGATION
                            .into_iter()
                            .map(|(page, label)| {
                                let section = page.path();
                                view! {
                                    <li class="nhsuk-header__navigation-item">
                                        <a href=page.href() class="nhsuk-header__navigation-link"
                                            aria-current=move || is_current(&section).then_some("page")>
                                            {label}
                                        </a>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </div>
            </nav>
        </header>
    }
}

#[component]
pub fn Footer() -> impl IntoView {
    view! {
        <footer class="nhsuk-footer" role="contentinfo">
            <div class="nhsuk-width-container">
                <div class="nhsuk-footer__meta">
                    <h2 class="nhsuk-u-visually-hidden">"Support links"</h2>
                    <ul class="nhsuk-footer__list">
                        <li class="nhsuk-footer__list-item">
                            <a href=Page::About.href() class="nhsuk-footer__list-item-link">"About, privacy and accessibility"</a>
                        </li>
                        <li class="nhsuk-footer__list-item">
                            <a href=Page::Sources.href() class="nhsuk-footer__list-item-link">"Sources and disclaimer"</a>
                        </li>
                        <li class="nhsuk-footer__list-item">
                            <a href=Page::MyData.href() class="nhsuk-footer__list-item-link">"My data"</a>
                        </li>
                        <li class="nhsuk-footer__list-item">
                            <a href=Page::Packs.href() class="nhsuk-footer__list-item-link">"Local capability packs"</a>
                        </li>
                        <li class="nhsuk-footer__list-item">
                            <a href=Page::Workshop.href() class="nhsuk-footer__list-item-link">"Workshops and shared devices"</a>
                        </li>
                        <li class="nhsuk-footer__list-item">
                            <a href=Page::Glossary.href() class="nhsuk-footer__list-item-link">"Glossary"</a>
                        </li>
                        <li class="nhsuk-footer__list-item">
                            <a href=Page::Accessibility.href() class="nhsuk-footer__list-item-link">"Accessibility statement"</a>
                        </li>
                    </ul>
                    <p class="nhsuk-body-s app-footer__privacy">
                        "Your answers stay on this device. Nothing is sent anywhere. "
                        "Not an NHS service, and not the official MAPs Core Capabilities Framework."
                    </p>
                </div>
            </div>
        </footer>
    }
}
