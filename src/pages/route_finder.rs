//! The route finder: a few questions about the person's background, and
//! below them, updated as they answer, which roles are open to them now,
//! each reason with its sources.

use crate::address::Page;
use crate::components::inset_text::InsetText;
use crate::components::page_heading::PageHeading;
use crate::components::source_links::SourceLinks;
use crate::components::text_input::TextInput;
use crate::{
    components::{
        checkboxes::{item_id, Checkbox},
        radios::{RadioOption, Radios},
    },
    core::{
        content,
        roles::RoleId,
        route_finder::{routes, Answers, Background, Interest, Openness, RoleRoute},
    },
    state::{use_app_state, RouteFinderKept},
};
use leptos::prelude::*;

/// What the person is told when stored answers could not be used.
fn kept_notice(kept: RouteFinderKept) -> &'static str {
    match kept {
        RouteFinderKept::TooNew => "This device holds route finder answers saved by a newer version of this app. They are kept as they are, so the answers you give here will not be saved. Reload the page to get the newer version.",
        RouteFinderKept::SetAside => "Answers saved earlier on this device could not be read. They have been set aside, so you can start again.",
        RouteFinderKept::LeftUntouched => "Answers saved earlier on this device could not be read, and are left untouched, so the answers you give here will not be saved.",
    }
}

#[component]
pub fn RouteFinder() -> impl IntoView {
    let state = use_app_state();
    let answers = state.route_finder();
    let years_text = RwSignal::new(answers.with_untracked(|answers| {
        answers
            .years_qualified
            .map(|years| years.to_string())
            .unwrap_or_default()
    }));
    let years_invalid = RwSignal::new(false);
    let cleared = RwSignal::new(false);

    let background = Signal::derive(move || answers.with(|answers| answers.background));
    let background_options = Background::ALL
        .iter()
        .map(|background| RadioOption {
            value: background.code().into(),
            label: background.label().into(),
            hint: match background {
                Background::OtherRegisteredProfessional => {
                    Some("For example a physiotherapist or paramedic".into())
                }
                Background::LifeOrHealthScienceDegree => {
                    Some("A degree such as biology, biomedical science or a health science".into())
                }
                _ => None,
            },
        })
        .collect();
    let role_options = content::roles()
        .roles
        .iter()
        .map(|role| RadioOption {
            value: role.id.code().into(),
            label: format!("{} ({})", role.title, role.abbreviation),
            hint: None,
        })
        .collect::<Vec<_>>();

    let on_years = move |text: String| {
        let trimmed = text.trim();
        let years = if trimmed.is_empty() {
            Ok(None)
        } else {
            trimmed.parse::<u8>().map(Some)
        };
        years_text.set(text);
        years_invalid.set(years.is_err());
        state.change_route_finder(|answers| answers.years_qualified = years.ok().flatten());
    };
    let clear = move |_| {
        state.clear_route_finder();
        years_text.set(String::new());
        years_invalid.set(false);
        cleared.set(true);
    };
    // Any new answer makes the "cleared" message out of date.
    let touched = move || cleared.set(false);

    view! {
        <a href=Page::Roles.href() class="nhsuk-back-link">"All roles"</a>
        <PageHeading text="Find your route into a role"/>
        <p>"Answer a few questions about yourself to see for which of the four roles you meet the published entry requirements, which need another step first, and which you cannot enter yet. Each reason gives its source."</p>
        <p>"Meeting the entry requirements does not mean a course or training post is taking people now: we found no source on current intakes, except that sources conflict on whether student anaesthesia associates are being recruited. Check with universities and employers."</p>
        <p class="app-muted">"Your answers stay on this device. They are saved in this browser as you go and are not sent anywhere."</p>
        {move || state.route_finder_kept().get().map(|kept| view! {
            <InsetText><p>{kept_notice(kept)}</p></InsetText>
        })}
        <Radios name="background" legend="Which best describes you?".into() options=background_options
            selected=Signal::derive(move || background.get().map(|background| background.code().to_string()))
            on_select=Callback::new(move |code: String| {
                touched();
                state.change_route_finder(|answers| answers.set_background(Background::from_code(&code)));
            })
            legend_is_heading=true/>
        {move || (background.get() == Some(Background::AlreadyAMap)).then(|| view! {
            <Radios name="current-role" legend="Which role do you work in now?".into() options=role_options.clone()
                selected=Signal::derive(move || answers.with(|answers| answers.current_role.map(|role| role.code().to_string())))
                on_select=Callback::new(move |code: String| {
                    touched();
                    state.change_route_finder(|answers| answers.current_role = RoleId::from_code(&code));
                })/>
        })}
        {move || background.get().filter(|background| background.is_registered()).map(|_| view! {
            <TextInput id="years" label_class="nhsuk-label--m" width="nhsuk-input--width-2" inputmode="numeric"
                autocomplete="off" no_spellcheck=true value=years_text
                hint="Whole years, for example 3. Leave it blank if you are not sure."
                error=Signal::derive(move || years_invalid.get().then(|| "Enter the number of years as a whole number, like 3".to_string()))
                on_input=Callback::new(move |text| { touched(); on_years(text); })>
                "How many years is it since you first registered after qualifying?"
            </TextInput>
        })}
        {move || background.get().filter(|background| *background != Background::SchoolLeaver).map(|background| view! {
            <div class="nhsuk-form-group">
                <fieldset class="nhsuk-fieldset" aria-describedby="experience-hint">
                    <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">"Which of these apply to you?"</legend>
                    <div class="nhsuk-hint" id="experience-hint">"Select all that apply."</div>
                    <div class="nhsuk-checkboxes">
                        {background.is_registered().then(|| view! {
                            <Checkbox id="experience".into() name="experience" value="critical-care".into()
                                label="I have recent experience in critical care (intensive care)".into()
                                checked=Signal::derive(move || answers.with(|answers| answers.critical_care_experience))
                                on_toggle=Callback::new(move |checked| {
                                    touched();
                                    state.change_route_finder(|answers| answers.critical_care_experience = checked);
                                })/>
                        })}
                        <Checkbox id="experience-2".into() name="experience" value="science-degree".into()
                            label="I have a degree in a biomedical or biological science at 2:1 or above".into()
                            checked=Signal::derive(move || answers.with(|answers| answers.good_science_degree))
                            on_toggle=Callback::new(move |checked| {
                                touched();
                                state.change_route_finder(|answers| answers.good_science_degree = checked);
                            })/>
                    </div>
                </fieldset>
            </div>
        })}
        <div class="nhsuk-form-group">
            <fieldset class="nhsuk-fieldset" aria-describedby="interests-hint">
                <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">"Which areas of work interest you?"</legend>
                <div class="nhsuk-hint" id="interests-hint">"Select all that apply. Roles in these areas are listed first."</div>
                <div class="nhsuk-checkboxes">
                    {Interest::ALL.into_iter().enumerate().map(|(index, interest)| view! {
                        <Checkbox id=item_id("interests", index)
                            name="interests" value=interest.code().into() label=interest.label().into()
                            checked=Signal::derive(move || answers.with(|answers| answers.interests.contains(&interest)))
                            on_toggle=Callback::new(move |checked| {
                                touched();
                                state.change_route_finder(|answers| {
                                    if checked {
                                        answers.interests.insert(interest);
                                    } else {
                                        answers.interests.remove(&interest);
                                    }
                                });
                            })/>
                    }).collect_view()}
                </div>
            </fieldset>
        </div>
        <button class="nhsuk-button nhsuk-button--secondary" type="button" on:click=clear>"Clear my answers"</button>
        <p class="app-muted" role="status">{move || cleared.get().then_some("Your answers have been cleared from this device.")}</p>
        <section class="app-routes" aria-labelledby="your-routes">
            <h2 class="nhsuk-heading-l" id="your-routes">"Your routes"</h2>
            <p aria-live="polite">{move || answers.with(summary)}</p>
            {move || {
                let answers = answers.get();
                answers.is_enough_to_judge().then(|| view! {
                    <ul class="nhsuk-list app-route-list">
                        {routes(&answers, &crate::browser::today_iso()).into_iter().map(|route| view! { <RouteCard route/> }).collect_view()}
                    </ul>
                })
            }}
            <p><a href=Page::Compare.href()>"Compare the roles side by side"</a></p>
        </section>
    }
}

/// One line naming the roles in each group, so a screen reader hears the
/// outcome of each answer without leaving the form.
fn summary(answers: &Answers) -> String {
    if answers.background.is_none() {
        return "Answer the first question to see your routes into each role.".into();
    }
    if !answers.is_enough_to_judge() {
        return "Choose the role you work in now to see your routes.".into();
    }
    let routes = routes(answers, &crate::browser::today_iso());
    [
        Openness::OpenNow,
        Openness::AnotherStepFirst,
        Openness::NotOpen,
    ]
    .into_iter()
    .filter_map(|openness| {
        let names: Vec<&str> = routes
            .iter()
            .filter(|route| route.openness == openness)
            .filter_map(|route| content::roles().role(route.role))
            .map(|role| role.abbreviation.as_str())
            .collect();
        (!names.is_empty()).then(|| format!("{}: {}.", openness.label(), names.join(", ")))
    })
    .collect::<Vec<_>>()
    .join(" ")
}

#[component]
fn RouteCard(route: RoleRoute) -> impl IntoView {
    let Some(role) = content::roles().role(route.role) else {
        return ().into_any();
    };
    let tag_class = match route.openness {
        Openness::OpenNow => "nhsuk-tag nhsuk-tag--green",
        Openness::AnotherStepFirst => "nhsuk-tag nhsuk-tag--yellow",
        Openness::NotOpen => "nhsuk-tag nhsuk-tag--grey",
    };
    view! {
        <li class="app-route" data-role=route.role.code()>
            <div class="nhsuk-card">
                <div class="nhsuk-card__content">
                    <h3 class="nhsuk-card__heading nhsuk-heading-m">
                        <a href=Page::Role(route.role.code().into()).href()>{format!("{} ({})", role.title, role.abbreviation)}</a>
                    </h3>
                    <p class="app-route__status">
                        <strong class=tag_class>{route.openness.label()}</strong>
                        {route.matches_interests.then_some(" In an area that interests you")}
                    </p>
                    <ul class="nhsuk-list app-reasons">
                        {route.reasons.into_iter().map(|reason| view! {
                            <li class="app-reason">
                                <p class="app-reason__text">{reason.text}</p>
                                <p class="nhsuk-body-s app-reason__source">
                                    <SourceLinks ids=reason.sources/>
                                </p>
                            </li>
                        }).collect_view()}
                    </ul>
                </div>
            </div>
        </li>
    }
    .into_any()
}
