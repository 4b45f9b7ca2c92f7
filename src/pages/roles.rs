use crate::address::Page;
use crate::components::page_heading::PageHeading;
use crate::core::content;
use leptos::prelude::*;

/// The four roles at a glance, each linking to its full profile.
#[component]
pub fn Roles() -> impl IntoView {
    let catalogue = content::roles();
    view! {
        <PageHeading text="Explore the roles"/>
        <p>"There are four Medical Associate Professions (MAPs). Each page says what the role does, how to get in, training, supervision, regulation and pay, with the source of every fact and the date we checked it."</p>
        <p>"Not sure which role fits you? "
            <a href=Page::RouteFinder.href()>"Find your route into a role"</a>
            " from your background, or "
            <a href=Page::Compare.href()>"compare the roles side by side"</a>"."</p>
        <ul class="nhsuk-grid-row nhsuk-card-group">
            {catalogue.roles.iter().map(|role| view! {
                <li class="nhsuk-grid-column-one-half nhsuk-card-group__item">
                    <div class="nhsuk-card nhsuk-card--clickable">
                        <div class="nhsuk-card__content">
                            <h2 class="nhsuk-card__heading nhsuk-heading-m">
                                <a href=Page::Role(role.id.code().into()).href() class="nhsuk-card__link">
                                    {format!("{} ({})", role.title, role.abbreviation)}
                                </a>
                            </h2>
                            {role.proposed_title.clone().map(|title| view! {
                                <p class="nhsuk-body-s app-proposed-title">"Proposed new title, not yet in law: " {title}</p>
                            })}
                            <p class="nhsuk-card__description">{role.tagline.clone()}</p>
                        </div>
                    </div>
                </li>
            }).collect_view()}
        </ul>
    }
}
