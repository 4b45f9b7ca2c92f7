//! Every stored format the app has released decodes with today's code: a
//! fixture of each lives in tests/fixtures/. A new format version needs a
//! fixture of the old one here and a migration test.
#![cfg(not(target_arch = "wasm32"))]

use maps_capability_checker::core::{
    assessment::{Answer, Assessment, Rating},
    backup::{self, Backup},
    content,
    packs::{self, Packs},
    records::{self, Decoded, Profiles, Settings},
    review::Reviews,
    roles::RoleId,
    route_finder::{Answers, Background, Interest},
};
use std::collections::BTreeMap;

/// The answers in the version 2 assessment fixture, in the backup fixtures
/// and, rewritten compactly, in the version 3 fixture.
fn fixture_answers() -> BTreeMap<String, Answer> {
    BTreeMap::from([
        (
            "pvb-01".to_string(),
            Answer {
                rating: Some(Rating::Level(4)),
                note: String::new(),
                updated_at: 1_763_700_000_000,
            },
        ),
        (
            "scp-01".to_string(),
            Answer {
                rating: Some(Rating::Level(2)),
                note: "Logbook: 14 cases".into(),
                updated_at: 1_763_710_000_000,
            },
        ),
    ])
}

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
fn the_version_1_settings_migrate_with_the_same_values() {
    let Decoded::Migrated(settings) =
        records::decode::<Settings>(include_str!("fixtures/settings-v1.json"))
    else {
        panic!("the settings fixture did not decode");
    };
    assert!(settings.presenter);
    assert_eq!(settings.app_address, "https://careers.example.org/maps/");
    assert_eq!(settings.last_backup_at, None);
}

#[test]
fn the_version_2_settings_decode_as_current_with_the_last_backup() {
    let Decoded::Current(settings) =
        records::decode::<Settings>(include_str!("fixtures/settings-v2.json"))
    else {
        panic!("the version 2 settings fixture did not decode");
    };
    assert_eq!(settings.last_backup_at, Some(1_764_400_000_000));
}

#[test]
fn the_version_1_backup_migrates_with_the_same_answers() {
    let Decoded::Migrated(backup) =
        records::decode::<Backup>(include_str!("fixtures/backup-v1.json"))
    else {
        panic!("the version 1 backup fixture did not migrate");
    };
    assert_eq!(backup.assessments.len(), 1);
    assert_eq!(backup.assessments[0].role, RoleId::Scp);
    assert_eq!(backup.assessments[0].answers, fixture_answers());
}

#[test]
fn the_version_2_backup_migrates_with_the_same_answers() {
    let Decoded::Migrated(backup) =
        records::decode::<Backup>(include_str!("fixtures/backup-v2.json"))
    else {
        panic!("the version 2 backup fixture did not migrate");
    };
    assert_eq!(backup.assessments.len(), 1);
    assert_eq!(backup.assessments[0].answers, fixture_answers());
}

// Local capability packs (issue 24): backup version 4 carries the packs,
// assessment version 5 the packs each assessment was made with.

#[test]
fn the_version_4_backup_decodes_as_current_with_its_pack() {
    let Decoded::Current(backup) =
        records::decode::<Backup>(include_str!("fixtures/backup-v4.json"))
    else {
        panic!("the version 4 backup fixture did not decode");
    };
    assert_eq!(backup.packs.len(), 1);
    let pack = &backup.packs[0];
    assert_eq!(
        (pack.name.as_str(), pack.version.as_str()),
        ("Ward 3 local pack", "1.2.0")
    );
    assert_eq!(pack.capabilities[0].experienced, None);
    let assessment = &backup.assessments[0];
    assert_eq!(assessment.packs, vec![pack.origin()]);
    let id = packs::capability_id(&pack.key(), "w3-induction");
    assert_eq!(assessment.rating(&id), Some(Rating::Level(3)));
    // Everything else is the version 3 backup's.
    let Decoded::Migrated(mut old) =
        records::decode::<Backup>(include_str!("fixtures/backup-v3.json"))
    else {
        panic!("the version 3 backup fixture did not migrate");
    };
    let only_version_3 = version_3_parts(&backup);
    old.exported_at = only_version_3.exported_at;
    assert_eq!(old, only_version_3);
}

/// `backup` without what version 4 added (supervisors' reviews, local
/// packs and the answers to their capabilities, the evidence diary), to
/// compare with the version 3 fixture it was made from.
fn version_3_parts(backup: &Backup) -> Backup {
    let mut older = backup.clone();
    older.reviews.clear();
    older.packs.clear();
    older.evidence.clear();
    older.cpd_cycles = Default::default();
    for assessment in &mut older.assessments {
        assessment.packs.clear();
        assessment.answers.retain(|id, _| !id.starts_with("pack/"));
    }
    older
}

#[test]
fn the_version_3_backup_migrates_with_no_packs() {
    let Decoded::Migrated(backup) =
        records::decode::<Backup>(include_str!("fixtures/backup-v3.json"))
    else {
        panic!("the version 3 backup fixture did not migrate");
    };
    assert!(backup.packs.is_empty());
    assert!(backup.assessments[0].packs.is_empty());
    assert_eq!(backup.assessments[0].added, ["pa-02"]);
}

#[test]
fn the_version_4_assessment_migrates_with_no_packs() {
    let Decoded::Migrated(assessment) =
        records::decode::<Assessment>(include_str!("fixtures/assessment-v4.json"))
    else {
        panic!("the version 4 assessment fixture did not migrate");
    };
    assert!(assessment.packs.is_empty());
    assert_eq!(assessment.added, ["pa-02"]);
    assert_eq!(assessment.rating("pvb-01"), Some(Rating::Level(4)));
}

#[test]
fn the_version_5_assessment_decodes_as_current_with_its_pack_and_is_written_back_exactly() {
    let fixture = include_str!("fixtures/assessment-v5.json");
    let Decoded::Current(assessment) = records::decode::<Assessment>(fixture) else {
        panic!("the version 5 assessment fixture did not decode");
    };
    let pack = &assessment.packs[0];
    assert_eq!(
        (pack.key.as_str(), pack.version.as_str()),
        ("ward-3-local-pack", "1.2.0")
    );
    let id = packs::capability_id(&pack.key, "w3-induction");
    assert_eq!(assessment.rating(&id), Some(Rating::Level(3)));
    assert_eq!(
        records::encode(&assessment).as_deref(),
        Ok(fixture.trim_end())
    );
}

#[test]
fn the_version_1_packs_decode_as_current() {
    let Decoded::Current(loaded) = records::decode::<Packs>(include_str!("fixtures/packs-v1.json"))
    else {
        panic!("the packs fixture did not decode");
    };
    assert_eq!(loaded.packs.len(), 1);
    assert_eq!(loaded.packs[0].capabilities[0].roles, vec![RoleId::Scp]);
}

#[test]
fn the_version_1_and_version_2_backups_hold_the_same_data() {
    let old = records::decode::<Backup>(include_str!("fixtures/backup-v1.json"));
    let new = records::decode::<Backup>(include_str!("fixtures/backup-v2.json"));
    let (Decoded::Migrated(old), Decoded::Migrated(new)) = (old, new) else {
        panic!("a backup fixture did not decode");
    };
    assert_eq!(old, new);
}

#[test]
fn the_version_3_backup_migrates_with_topped_up_capabilities() {
    let Decoded::Migrated(backup) =
        records::decode::<Backup>(include_str!("fixtures/backup-v3.json"))
    else {
        panic!("the version 3 backup fixture did not migrate");
    };
    let assessment = &backup.assessments[0];
    assert_eq!(assessment.added, ["pa-02"]);
    assert_eq!(assessment.earlier_content[0].version, "1.0.1");
    assert_eq!(assessment.rating("pa-02"), Some(Rating::Level(3)));
}

// Backup version 4: the supervisors' reviews (issue 22, `core::review`).

const BACKUP_V3: &str = include_str!("fixtures/backup-v3.json");
const BACKUP_V4: &str = include_str!("fixtures/backup-v4.json");
const REVIEWS_V1: &str = include_str!("fixtures/reviews-v1.json");
/// 30 November 2026, 12:00 UTC: after every time in the fixtures.
const NOW: u64 = 1_795_953_600_000;

#[test]
fn the_version_4_backup_decodes_as_current_with_its_reviews_and_is_written_back_exactly() {
    let Decoded::Current(backup) = records::decode::<Backup>(BACKUP_V4) else {
        panic!("the version 4 backup fixture did not decode");
    };
    let Decoded::Current(reviews) = records::decode::<Reviews>(REVIEWS_V1) else {
        panic!("the reviews fixture did not decode");
    };
    assert_eq!(backup.reviews, reviews.reviews);
    assert_eq!(backup.reviews[0].assessment_id, backup.assessments[0].id);
    assert_eq!(backup::export(&backup).as_deref(), Ok(BACKUP_V4.trim_end()));
    let preview = backup::preview(
        BACKUP_V4,
        &[],
        &Profiles::default(),
        &[],
        content::framework(),
        NOW,
    );
    assert!(preview.is_ok_and(|preview| preview.backup.reviews == reviews.reviews));
}

#[test]
fn the_version_3_backup_migrates_to_4_with_no_reviews_and_the_same_assessments() {
    let Decoded::Migrated(old) = records::decode::<Backup>(BACKUP_V3) else {
        panic!("the version 3 backup fixture did not migrate");
    };
    let Decoded::Current(new) = records::decode::<Backup>(BACKUP_V4) else {
        panic!("the version 4 backup fixture did not decode");
    };
    assert!(old.reviews.is_empty());
    let new = version_3_parts(&new);
    assert_eq!(old.assessments, new.assessments);
    assert_eq!(old.profiles, new.profiles);
    // Written back as version 4, with its (empty) list of reviews.
    let written = backup::export(&old).unwrap_or_default();
    assert!(written.contains(r#""version":4"#) && written.contains(r#""reviews":[]"#));
}

#[test]
fn a_version_4_backup_without_its_list_of_reviews_is_refused_as_damaged() {
    let mut damaged: serde_json::Value = serde_json::from_str(BACKUP_V4).unwrap_or_default();
    let removed = damaged
        .get_mut("data")
        .and_then(serde_json::Value::as_object_mut)
        .and_then(|data| data.remove("reviews"));
    assert!(removed.is_some());
    assert!(matches!(
        backup::preview(&damaged.to_string(), &[], &Profiles::default(), &[], content::framework(), NOW),
        Err(backup::ImportError::NotABackup(reason)) if reason.contains("reviews")
    ));
}

// Backup format 4: the evidence and CPD diary (issue 23).

#[test]
fn the_version_3_backup_migrates_to_version_4_with_an_empty_diary() {
    let Decoded::Migrated(backup) =
        records::decode::<Backup>(include_str!("fixtures/backup-v3.json"))
    else {
        panic!("the version 3 backup fixture did not migrate");
    };
    assert!(backup.evidence.is_empty());
    assert!(backup.cpd_cycles.chosen.is_empty());
    let Decoded::Current(v4) = records::decode::<Backup>(include_str!("fixtures/backup-v4.json"))
    else {
        panic!("the version 4 backup fixture did not decode");
    };
    let v4 = version_3_parts(&v4);
    assert_eq!(backup.profiles, v4.profiles);
    assert_eq!(backup.assessments, v4.assessments);
}

#[test]
fn the_version_4_backup_decodes_as_current_with_the_diary_and_is_written_back_exactly() {
    let fixture = include_str!("fixtures/backup-v4.json");
    let Decoded::Current(backup) = records::decode::<Backup>(fixture) else {
        panic!("the version 4 backup fixture did not decode");
    };
    assert_eq!(backup.evidence.len(), 1);
    assert_eq!(backup.evidence[0].title, "Multi-source feedback round");
    assert_eq!(backup.evidence[0].actions, ["p1"]);
    assert_eq!(backup.cpd_cycles.chosen["me"].start, "2025-04-01");
    assert_eq!(records::encode(&backup).as_deref(), Ok(fixture.trim_end()));
}

#[test]
fn a_version_4_backup_without_its_diary_is_refused_as_damaged() {
    let damaged = include_str!("fixtures/backup-v4.json").replace("\"evidence\":", "\"notes\":");
    assert!(matches!(
        records::decode::<Backup>(&damaged),
        Decoded::Unreadable(_)
    ));
}

#[test]
fn the_version_3_assessment_migrates_with_the_same_answers() {
    let Decoded::Migrated(assessment) =
        records::decode::<Assessment>(include_str!("fixtures/assessment-v3.json"))
    else {
        panic!("the version 3 assessment fixture did not migrate");
    };
    assert_eq!(assessment.role, RoleId::Scp);
    assert_eq!(assessment.answers, fixture_answers());
    assert!(assessment.added.is_empty());
}

#[test]
fn the_version_4_assessment_migrates_and_is_written_back_as_version_5() {
    let fixture = include_str!("fixtures/assessment-v4.json");
    let Decoded::Migrated(assessment) = records::decode::<Assessment>(fixture) else {
        panic!("the version 4 assessment fixture did not migrate");
    };
    assert_eq!(assessment.added, ["pa-02"]);
    assert_eq!(assessment.earlier_content[0].until, 1_763_715_000_000);
    assert_eq!(
        records::encode(&assessment).as_deref(),
        Ok(fixture
            .trim_end()
            .replacen(r#""version":4"#, r#""version":5"#, 1)
            .as_str())
    );
}

#[test]
fn the_version_2_assessment_migrates_with_the_same_ratings_notes_and_times() {
    let old = records::decode::<Assessment>(include_str!("fixtures/assessment-v2.json"));
    let new = records::decode::<Assessment>(include_str!("fixtures/assessment-v3.json"));
    let (Decoded::Migrated(old), Decoded::Migrated(new)) = (old, new) else {
        panic!("an assessment fixture did not decode");
    };
    assert_eq!(old.answers, fixture_answers());
    assert_eq!(old, new);
}

#[test]
fn the_version_1_assessment_migrates_with_the_same_ratings_and_notes_stamped_with_its_time() {
    let Decoded::Migrated(assessment) =
        records::decode::<Assessment>(include_str!("fixtures/assessment-v1.json"))
    else {
        panic!("the version 1 assessment fixture did not migrate");
    };
    let answer = |rating, note: &str| Answer {
        rating,
        note: note.into(),
        updated_at: 1_763_700_000_000,
    };
    assert_eq!(
        assessment.answers,
        BTreeMap::from([
            (
                "pvb-01".to_string(),
                answer(Some(Rating::Level(3)), "Discussed at appraisal")
            ),
            ("aa-02".to_string(), answer(Some(Rating::NotApplicable), "")),
            ("psk-01".to_string(), answer(None, "Still to think about")),
        ])
    );
}

#[test]
fn every_assessment_and_profiles_fixture_decodes() {
    assert!(matches!(
        records::decode::<Assessment>(include_str!("fixtures/assessment-v1.json")),
        Decoded::Migrated(assessment) if assessment.rating("aa-02") == Some(Rating::NotApplicable)
    ));
    assert!(matches!(
        records::decode::<Assessment>(include_str!("fixtures/assessment-v2.json")),
        Decoded::Migrated(_)
    ));
    assert!(matches!(
        records::decode::<Assessment>(include_str!("fixtures/assessment-v3.json")),
        Decoded::Migrated(_)
    ));
    assert!(matches!(
        records::decode::<Assessment>(include_str!("fixtures/assessment-v4.json")),
        Decoded::Migrated(_)
    ));
    assert!(matches!(
        records::decode::<Assessment>(include_str!("fixtures/assessment-v5.json")),
        Decoded::Current(_)
    ));
    assert!(matches!(
        records::decode::<Profiles>(include_str!("fixtures/profiles-v1.json")),
        Decoded::Current(_)
    ));
}

#[test]
fn assessments_saved_by_content_1_0_1_in_format_3_migrate() {
    for json in [
        include_str!("fixtures/assessment-content-1.0.1-accp.json"),
        include_str!("fixtures/assessment-content-1.0.1-pa.json"),
    ] {
        let Decoded::Migrated(assessment) = records::decode::<Assessment>(json) else {
            panic!("a content 1.0.1 assessment did not migrate");
        };
        assert_eq!(assessment.content_version, "1.0.1");
        assert!(assessment.earlier_content.is_empty());
    }
}
