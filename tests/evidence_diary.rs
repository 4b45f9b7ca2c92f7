//! The evidence and CPD diary as stored and backed up: every format
//! decodes, a backup carries the diary there and back, and backups from
//! before the diary still import (backup format 4; its fixtures are also
//! tested in stored_formats.rs).
#![cfg(not(target_arch = "wasm32"))]

use maps_capability_checker::core::{
    backup::{self, Backup},
    content,
    cpd_rules::{Cycle, Cycles, Regulator},
    evidence::{EvidenceEntry, EvidenceKind},
    records::{self, Decoded, Profiles},
};

const ENTRY_V1: &str = include_str!("fixtures/evidence-v1.json");
const BACKUP_WITH_DIARY: &str = include_str!("fixtures/backup-v4.json");

fn fixture_entry() -> EvidenceEntry {
    let Decoded::Current(entry) = records::decode::<EvidenceEntry>(ENTRY_V1) else {
        panic!("the evidence fixture did not decode");
    };
    entry
}

#[test]
fn the_version_1_entry_decodes_with_every_field() {
    let entry = fixture_entry();
    assert_eq!(entry.kind, EvidenceKind::ColleagueFeedback);
    assert_eq!(entry.date, "2026-10-14");
    assert!(entry.participatory);
    assert_eq!(entry.capabilities, ["pvb-01"]);
    assert_eq!(entry.actions, ["act-1"]);
    assert!(entry.reflected());
}

#[test]
fn the_version_1_cycles_decode() {
    let Decoded::Current(cycles) =
        records::decode::<Cycles>(include_str!("fixtures/cpd-cycles-v1.json"))
    else {
        panic!("the cycles fixture did not decode");
    };
    assert_eq!(cycles.chosen["me"].regulator, Regulator::Nmc);
    assert_eq!(cycles.chosen["me"].start, "2025-04-01");
}

#[test]
fn a_backup_with_a_diary_goes_there_and_back_unchanged() {
    let Decoded::Current(backup) = records::decode::<Backup>(BACKUP_WITH_DIARY) else {
        panic!("the backup with a diary did not decode");
    };
    let mut entry = fixture_entry();
    entry.actions = vec!["p1".into()];
    assert_eq!(backup.evidence, vec![entry.clone()]);
    assert_eq!(backup.cpd_cycles.chosen["me"].regulator, Regulator::Nmc);
    let written = backup::export(&backup).unwrap_or_default();
    assert_eq!(written, BACKUP_WITH_DIARY.trim_end());
    let preview = backup::preview(
        &written,
        &[],
        &Profiles::default(),
        &[],
        content::framework(),
        1_795_953_600_000,
    );
    let Ok(preview) = preview else {
        panic!("{preview:?}")
    };
    assert_eq!(preview.backup.evidence, vec![entry]);
    assert_eq!(preview.backup.cpd_cycles, backup.cpd_cycles);
}

#[test]
fn backups_from_before_the_diary_import_with_an_empty_diary() {
    for old in [
        include_str!("fixtures/backup-v1.json"),
        include_str!("fixtures/backup-v2.json"),
        include_str!("fixtures/backup-v3.json"),
    ] {
        let preview = backup::preview(
            old,
            &[],
            &Profiles::default(),
            &[],
            content::framework(),
            1_795_953_600_000,
        );
        let Ok(preview) = preview else {
            panic!("{preview:?}")
        };
        assert!(preview.backup.evidence.is_empty());
        assert_eq!(preview.backup.cpd_cycles, Cycles::default());
        assert_eq!(preview.added.len(), 1);
    }
}

#[test]
fn an_imported_regulator_choice_replaces_the_devices_for_that_profile_only() {
    let Decoded::Current(file) = records::decode::<Backup>(BACKUP_WITH_DIARY) else {
        panic!("the backup with a diary did not decode");
    };
    let Decoded::Current(mut mine) =
        records::decode::<Cycles>(include_str!("fixtures/cpd-cycles-v1.json"))
    else {
        panic!("the cycles fixture did not decode");
    };
    mine.chosen.insert(
        "other".into(),
        Cycle {
            regulator: Regulator::Gmc,
            start: "2026-01-01".into(),
        },
    );
    mine.chosen.insert(
        "me".into(),
        Cycle {
            regulator: Regulator::Hcpc,
            start: "2026-02-01".into(),
        },
    );
    mine.take_from(&file.cpd_cycles);
    assert_eq!(mine.chosen["me"], file.cpd_cycles.chosen["me"]);
    assert_eq!(mine.chosen["other"].regulator, Regulator::Gmc);
}

#[test]
fn a_damaged_entry_is_refused_with_a_reason_not_a_panic() {
    for damaged in [
        ENTRY_V1.replace("\"colleague-feedback\"", "\"gossip\""),
        ENTRY_V1.replace("\"minutes\":90", "\"minutes\":-5"),
        ENTRY_V1.replace("\"date\":\"2026-10-14\",", ""),
    ] {
        assert!(
            matches!(
                records::decode::<EvidenceEntry>(&damaged),
                Decoded::Unreadable(_)
            ),
            "{damaged}"
        );
    }
}
