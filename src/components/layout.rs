//! Skip link, header with navigation, and footer, in NHS.UK frontend markup
//! (without the NHS logo: this is not an NHS service).

use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn SkipLink() -> impl IntoView {
    view! { <a class="nhsuk-skip-link" href="#maincontent">"Skip to main content"</a> }
}

const NAVIGATION: [(&str, &str); 6] = [
    ("/roles", "Explore roles"),
    ("/capabilities", "Capabilities"),
    ("/check", "Check my capabilities"),
    ("/results", "Results"),
    ("/my-data", "My data"),
    ("/about", "About"),
];

#[component]
pub fn Header() -> impl IntoView {
    view! {
        <header class="nhsuk-header" role="banner">
            <div class="nhsuk-header__container nhsuk-width-container">
                <div class="nhsuk-header__service">
                    <A href="/" attr:class="nhsuk-header__service-name app-header__name">
                        "MAPs Capability Checker"
                    </A>
                </div>
            </div>
            <nav class="nhsuk-header__navigation app-navigation" aria-label="Main">
                <div class="nhsuk-header__navigation-container nhsuk-width-container">
                    <ul class="nhsuk-header__navigation-list app-navigation__list">
                        {NAVIGATION
                            .into_iter()
                            .map(|(href, label)| {
                                view! {
                                    <li class="nhsuk-header__navigation-item">
                                        <A href=href attr:class="nhsuk-header__navigation-link">
                                            {label}
                                        </A>
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
                            <A href="/about" attr:class="nhsuk-footer__list-item-link">"About, privacy and accessibility"</A>
                        </li>
                        <li class="nhsuk-footer__list-item">
                            <A href="/about/sources" attr:class="nhsuk-footer__list-item-link">"Sources and disclaimer"</A>
                        </li>
                        <li class="nhsuk-footer__list-item">
                            <A href="/my-data" attr:class="nhsuk-footer__list-item-link">"My data"</A>
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
