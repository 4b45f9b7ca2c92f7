//! Every stored format the app has released decodes with today's code: a
//! fixture of each lives in tests/fixtures/. A new format version needs a
//! fixture of the old one here and a migration test.
#![cfg(not(target_arch = "wasm32"))]

use maps_capability_checker::core::{
    assessment::{Assessment, Rating},
    backup::Backup,
    records::{self, Decoded, Profiles, Settings},
    roles::RoleId,
    route_finder::{Answers, Background, Interest},
};

#[test]
fn the_version_1_route_finder_answers_decode_as_current() {
    let Decoded::Current(answers) =
        records::decode::<Answers>(include_str!("fixtures/route-finder-v1.json"))
    else {
        panic!("the route finder fixture did not decode");
    };
    assert_eq!(answers.background, Some(Background::RegisteredNurse));
    assert_eq!(answers.years_qualified, Some(5));
    assert!(answers.interests.contains(&Interest::CriticalCare));
}

#[test]
fn the_version_1_settings_decode_as_current() {
    let Decoded::Current(settings) =
        records::decode::<Settings>(include_str!("fixtures/settings-v1.json"))
    else {
        panic!("the settings fixture did not decode");
    };
    assert!(settings.presenter);
    assert_eq!(settings.app_address, "https://careers.example.org/maps/");
}

#[test]
fn the_version_1_backup_decodes_as_current() {
    let Decoded::Current(backup) =
        records::decode::<Backup>(include_str!("fixtures/backup-v1.json"))
    else {
        panic!("the backup fixture did not decode");
    };
    assert_eq!(backup.assessments.len(), 1);
    assert_eq!(backup.assessments[0].role, RoleId::Scp);
}

#[test]
fn every_assessment_and_profiles_fixture_decodes() {
    assert!(matches!(
        records::decode::<Assessment>(include_str!("fixtures/assessment-v1.json")),
        Decoded::Migrated(assessment) if assessment.rating("aa-02") == Some(Rating::NotApplicable)
    ));
    assert!(matches!(
        records::decode::<Assessment>(include_str!("fixtures/assessment-v2.json")),
        Decoded::Current(_)
    ));
    assert!(matches!(
        records::decode::<Profiles>(include_str!("fixtures/profiles-v1.json")),
        Decoded::Current(_)
    ));
}
