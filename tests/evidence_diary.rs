//! The evidence and CPD diary as stored and backed up: every released
//! format decodes, a backup carries the diary there and back, and backups
//! from before the diary still import.
#![cfg(not(target_arch = "wasm32"))]

use maps_capability_checker::core::{
    backup::{self, Backup},
    content,
    cpd_rules::{Cycles, Regulator},
    evidence::{EvidenceEntry, EvidenceKind},
    records::{self, Decoded, Profiles},
};

const ENTRY_V1: &str = include_str!("fixtures/evidence-v1.json");
const BACKUP_WITH_DIARY: &str = include_str!("fixtures/backup-v2-with-diary.json");

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
    assert_eq!(backup.evidence, vec![fixture_entry()]);
    let written = backup::export(&backup).unwrap_or_default();
    assert_eq!(written, BACKUP_WITH_DIARY.trim_end());
    let preview = backup::preview(
        &written,
        &[],
        &Profiles::default(),
        content::framework(),
        1_795_953_600_000,
    );
    let Ok(preview) = preview else {
        panic!("{preview:?}")
    };
    assert_eq!(preview.backup.evidence, vec![fixture_entry()]);
}

#[test]
fn a_backup_from_before_the_diary_imports_with_an_empty_diary_and_is_written_as_before() {
    let old = include_str!("fixtures/backup-v2.json");
    let Decoded::Current(backup) = records::decode::<Backup>(old) else {
        panic!("the version 2 backup did not decode");
    };
    assert!(backup.evidence.is_empty());
    assert_eq!(backup::export(&backup).as_deref(), Ok(old.trim_end()));
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
