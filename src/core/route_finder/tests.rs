//! The route finder's rules, case by case.

use super::*;
use crate::core::{
    content,
    records::{decode, encode, Decoded},
};
use Openness::{AnotherStepFirst as Step, NotOpen as Closed, OpenNow as Open};

/// The day the content was checked: before the end of the transition.
const TODAY: &str = "2026-11-30";

fn openness_of(answers: &Answers, role: RoleId) -> Option<Openness> {
    routes(answers, TODAY)
        .into_iter()
        .find(|route| route.role == role)
        .map(|route| route.openness)
}

fn person(background: Background) -> Answers {
    Answers {
        background: Some(background),
        ..Answers::default()
    }
}

/// Every background against every role: `(who, answers, [PA, AA, SCP, ACCP])`.
fn table() -> Vec<(&'static str, Answers, [Openness; 4])> {
    use Background::*;
    vec![
        (
            "an ICU nurse registered for four years",
            Answers {
                years_qualified: Some(4),
                critical_care_experience: true,
                ..person(RegisteredNurse)
            },
            [Open, Open, Open, Open],
        ),
        (
            "a nurse registered for one year, outside critical care",
            Answers {
                years_qualified: Some(1),
                ..person(RegisteredNurse)
            },
            [Open, Step, Open, Step],
        ),
        (
            "a nurse who has not said how long she has been registered",
            person(RegisteredNurse),
            [Open, Step, Open, Step],
        ),
        (
            "a newly registered nurse with a 2:1 in biomedical science",
            Answers {
                years_qualified: Some(0),
                good_science_degree: true,
                ..person(RegisteredNurse)
            },
            [Open, Open, Open, Step],
        ),
        (
            "an ODP registered for three years",
            Answers {
                years_qualified: Some(3),
                ..person(OperatingDepartmentPractitioner)
            },
            [Open, Open, Open, Step],
        ),
        (
            "an ODP with critical care experience, registered for two years",
            Answers {
                years_qualified: Some(2),
                critical_care_experience: true,
                ..person(OperatingDepartmentPractitioner)
            },
            [Open, Step, Open, Open],
        ),
        (
            "a physiotherapist with critical care experience, registered for five years",
            Answers {
                years_qualified: Some(5),
                critical_care_experience: true,
                ..person(OtherRegisteredProfessional)
            },
            [Open, Open, Open, Open],
        ),
        (
            "a paramedic registered for two years",
            Answers {
                years_qualified: Some(2),
                ..person(OtherRegisteredProfessional)
            },
            [Open, Step, Open, Step],
        ),
        (
            "a graduate with a 2:1 in biomedical science",
            Answers {
                good_science_degree: true,
                ..person(LifeOrHealthScienceDegree)
            },
            [Open, Open, Closed, Closed],
        ),
        (
            "a life science graduate who has not ticked the 2:1 in biomedical or biological science",
            person(LifeOrHealthScienceDegree),
            [Open, Step, Closed, Closed],
        ),
        (
            "a school leaver",
            person(SchoolLeaver),
            [Step, Step, Closed, Closed],
        ),
        (
            "a school leaver who ticked every box",
            Answers {
                years_qualified: Some(9),
                critical_care_experience: true,
                good_science_degree: true,
                ..person(SchoolLeaver)
            },
            [Step, Step, Closed, Closed],
        ),
        (
            "a PA registered for two years",
            Answers {
                years_qualified: Some(2),
                current_role: Some(RoleId::Pa),
                ..person(AlreadyAMap)
            },
            [Open, Step, Open, Step],
        ),
        (
            "an AA with critical care experience, registered for six years",
            Answers {
                years_qualified: Some(6),
                critical_care_experience: true,
                current_role: Some(RoleId::Aa),
                ..person(AlreadyAMap)
            },
            [Open, Open, Open, Open],
        ),
        (
            "an SCP without critical care experience",
            Answers {
                years_qualified: Some(8),
                current_role: Some(RoleId::Scp),
                ..person(AlreadyAMap)
            },
            [Open, Open, Open, Step],
        ),
        (
            "an ACCP who has not said how long they have been registered",
            Answers {
                critical_care_experience: true,
                current_role: Some(RoleId::Accp),
                ..person(AlreadyAMap)
            },
            [Open, Step, Open, Open],
        ),
        (
            "a MAP who has not said which role",
            Answers {
                years_qualified: Some(5),
                critical_care_experience: true,
                ..person(AlreadyAMap)
            },
            [Step, Step, Step, Step],
        ),
        (
            "someone who has not answered yet",
            Answers::default(),
            [Step, Step, Step, Step],
        ),
    ]
}

#[test]
fn every_background_gets_the_expected_openness_for_every_role() {
    for (who, answers, expected) in table() {
        for (role, expected) in RoleId::ALL.into_iter().zip(expected) {
            assert_eq!(
                openness_of(&answers, role),
                Some(expected),
                "{who}: {}",
                role.code()
            );
        }
    }
}

#[test]
fn the_table_covers_every_background() {
    let covered: BTreeSet<Background> = table()
        .into_iter()
        .filter_map(|(_, answers, _)| answers.background)
        .collect();
    assert_eq!(covered, Background::ALL.into_iter().collect());
}

#[test]
fn a_nurse_with_critical_care_experience_can_apply_for_accp_now() {
    let answers = Answers {
        critical_care_experience: true,
        ..person(Background::RegisteredNurse)
    };
    assert_eq!(openness_of(&answers, RoleId::Accp), Some(Open));
    let accp = routes(&answers, TODAY)
        .into_iter()
        .find(|route| route.role == RoleId::Accp);
    // The form does not ask about prescribing eligibility, so the
    // result must tell her to check it rather than assume it.
    assert!(accp.is_some_and(|route| route.reasons.iter().any(|reason| {
        reason.text.contains("non-medical prescriber") && reason.text.contains("check")
    })));
}

#[test]
fn every_role_appears_exactly_once_whatever_the_answers() {
    for (who, answers, _) in table() {
        let mut roles: Vec<RoleId> = routes(&answers, TODAY)
            .iter()
            .map(|route| route.role)
            .collect();
        roles.sort();
        assert_eq!(roles, RoleId::ALL.to_vec(), "{who}");
    }
}

#[test]
fn every_reason_cites_a_source_in_the_roles_catalogue() {
    let catalogue = content::roles();
    for (who, answers, _) in table() {
        for route in routes(&answers, TODAY) {
            assert!(
                !route.reasons.is_empty(),
                "{who}: {} has no reason",
                route.role.code()
            );
            for reason in &route.reasons {
                assert!(
                    !reason.sources.is_empty(),
                    "{who}: {:?} cites nothing",
                    reason.text
                );
                for id in &reason.sources {
                    assert!(
                        catalogue.source(id).is_some(),
                        "{who}: {:?} cites unknown source {id:?}",
                        reason.text
                    );
                }
            }
        }
    }
}

#[test]
fn open_routes_come_before_other_steps_and_those_before_closed_ones() {
    for (who, answers, _) in table() {
        let order: Vec<Openness> = routes(&answers, TODAY)
            .iter()
            .map(|route| route.openness)
            .collect();
        let mut sorted = order.clone();
        sorted.sort();
        assert_eq!(order, sorted, "{who}");
    }
}

#[test]
fn roles_matching_an_interest_come_first_within_their_group() {
    let answers = Answers {
        years_qualified: Some(5),
        critical_care_experience: true,
        interests: [Interest::CriticalCare, Interest::Surgery].into(),
        ..person(Background::RegisteredNurse)
    };
    let order: Vec<(RoleId, bool)> = routes(&answers, TODAY)
        .iter()
        .map(|route| (route.role, route.matches_interests))
        .collect();
    assert_eq!(
        order,
        [
            (RoleId::Scp, true),
            (RoleId::Accp, true),
            (RoleId::Pa, false),
            (RoleId::Aa, false),
        ]
    );
}

#[test]
fn an_interest_does_not_lift_a_role_above_a_more_open_one() {
    let answers = Answers {
        interests: [Interest::CriticalCare].into(),
        ..person(Background::SchoolLeaver)
    };
    let order: Vec<RoleId> = routes(&answers, TODAY)
        .iter()
        .map(|route| route.role)
        .collect();
    assert_eq!(order, [RoleId::Pa, RoleId::Aa, RoleId::Accp, RoleId::Scp]);
}

#[test]
fn theatres_matches_both_anaesthesia_and_surgical_roles() {
    let answers = Answers {
        interests: [Interest::Theatres].into(),
        ..person(Background::OperatingDepartmentPractitioner)
    };
    let matching: BTreeSet<RoleId> = routes(&answers, TODAY)
        .into_iter()
        .filter(|route| route.matches_interests)
        .map(|route| route.role)
        .collect();
    assert_eq!(matching, [RoleId::Aa, RoleId::Scp].into());
}

#[test]
fn answers_survive_an_encode_and_decode_round_trip() {
    let answers = Answers {
        background: Some(Background::AlreadyAMap),
        years_qualified: Some(7),
        critical_care_experience: true,
        good_science_degree: false,
        current_role: Some(RoleId::Scp),
        interests: [Interest::Surgery, Interest::Theatres].into(),
    };
    let text = encode(&answers).unwrap_or_default();
    assert!(text.contains(r#""kind":"route-finder""#), "{text}");
    assert!(text.contains(r#""background":"already-a-map""#), "{text}");
    assert_eq!(decode::<Answers>(&text), Decoded::Current(answers));
}

#[test]
fn a_stored_record_missing_newer_fields_still_loads() {
    let text = r#"{"app":"maps-capability-checker","kind":"route-finder","version":1,"data":{"background":"school-leaver"}}"#;
    assert_eq!(
        decode::<Answers>(text),
        Decoded::Current(person(Background::SchoolLeaver))
    );
}

#[test]
fn nothing_is_judged_until_the_background_and_any_current_role_are_known() {
    assert!(!Answers::default().is_enough_to_judge());
    assert!(!person(Background::AlreadyAMap).is_enough_to_judge());
    assert!(Answers {
        current_role: Some(RoleId::Aa),
        ..person(Background::AlreadyAMap)
    }
    .is_enough_to_judge());
    assert!(person(Background::SchoolLeaver).is_enough_to_judge());
}

#[test]
fn no_verdict_or_reason_calls_a_route_open() {
    // "Open" would claim courses are recruiting, which no source says.
    for (who, answers, _) in table() {
        for route in routes(&answers, TODAY) {
            let label = route.openness.label().to_lowercase();
            assert!(!label.contains("open"), "{who}: {label}");
            for reason in &route.reasons {
                let text = reason.text.to_lowercase();
                assert!(
                    !text.contains("is open") && !text.contains("open to you"),
                    "{who}: {text}"
                );
            }
        }
    }
}

#[test]
fn every_aa_verdict_reports_the_conflicting_sources_on_recruitment() {
    for (who, answers, _) in table() {
        let Some(aa) = routes(&answers, TODAY)
            .into_iter()
            .find(|route| route.role == RoleId::Aa)
        else {
            panic!("{who}: no AA route");
        };
        if answers.current_role == Some(RoleId::Aa) {
            continue;
        }
        assert!(
            aa.reasons
                .iter()
                .any(|reason| reason.text.contains("remains paused")),
            "{who}"
        );
    }
}

#[test]
fn a_graduate_is_told_it_depends_on_the_degree_not_both_closed_and_open() {
    let graduate = person(Background::LifeOrHealthScienceDegree);
    assert_eq!(openness_of(&graduate, RoleId::Aa), Some(Step));
    let ticked = Answers {
        good_science_degree: true,
        ..graduate
    };
    assert_eq!(openness_of(&ticked, RoleId::Aa), Some(Open));
}

#[test]
fn changing_the_background_clears_the_answers_that_belonged_to_the_old_one() {
    let mut answers = Answers {
        good_science_degree: true,
        interests: BTreeSet::from([Interest::Theatres]),
        ..person(Background::LifeOrHealthScienceDegree)
    };
    answers.set_background(Some(Background::RegisteredNurse));
    assert!(
        !answers.good_science_degree,
        "the 2:1 tick must not carry over"
    );
    assert!(answers.interests.contains(&Interest::Theatres));
    // A nurse without years answered cannot be told the AA route is met.
    assert_eq!(openness_of(&answers, RoleId::Aa), Some(Step));
    let before = answers.clone();
    answers.set_background(Some(Background::RegisteredNurse));
    assert_eq!(
        answers, before,
        "choosing the same background again keeps answers"
    );
}

#[test]
fn someone_in_post_gets_the_transition_wording_for_the_day() {
    let pa = Answers {
        current_role: Some(RoleId::Pa),
        ..person(Background::AlreadyAMap)
    };
    let text_on = |today: &str| {
        routes(&pa, today)
            .into_iter()
            .find(|route| route.role == RoleId::Pa)
            .and_then(|route| route.reasons.first().map(|reason| reason.text.clone()))
            .unwrap_or_default()
    };
    assert!(text_on("2026-12-31").contains("will be an offence"));
    assert!(text_on("2027-01-01").contains("is now an offence"));
}

#[test]
fn the_storage_key_is_inside_the_apps_namespace() {
    assert!(ROUTE_FINDER_KEY.starts_with(crate::core::records::KEY_PREFIX));
}

#[test]
fn background_codes_read_back_as_the_same_background() {
    for background in Background::ALL {
        assert_eq!(Background::from_code(background.code()), Some(background));
    }
    assert_eq!(Background::from_code("astronaut"), None);
}
