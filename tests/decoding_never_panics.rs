//! Fuzz-style tests: the stored-record decoder, the backup importer and the
//! pack reader (CSV and JSON) are
//! fed random bytes, truncated valid records and mutated valid records, and
//! must answer every one with a value or an error, never a panic. Stored
//! answers are also tried with every short mix of damaged elements.
#![cfg(not(target_arch = "wasm32"))]

mod damage;

use damage::Random;
use maps_capability_checker::core::{
    assessment::Assessment,
    backup::{self, Backup},
    content,
    cpd_rules::Cycles,
    evidence::EvidenceEntry,
    packs::{self, Packs},
    records::{self, Profiles, Settings},
    route_finder::Answers,
};

const SEEDS: [&str; 16] = [
    include_str!("fixtures/assessment-v1.json"),
    include_str!("fixtures/assessment-v2.json"),
    include_str!("fixtures/profiles-v1.json"),
    include_str!("fixtures/backup-v1.json"),
    include_str!("fixtures/route-finder-v1.json"),
    include_str!("fixtures/settings-v1.json"),
    include_str!("fixtures/assessment-v3.json"),
    include_str!("fixtures/backup-v2.json"),
    include_str!("fixtures/assessment-v4.json"),
    include_str!("fixtures/backup-v3.json"),
    include_str!("fixtures/settings-v2.json"),
    include_str!("fixtures/assessment-v5.json"),
    include_str!("fixtures/backup-v4.json"),
    include_str!("fixtures/packs-v1.json"),
    include_str!("fixtures/evidence-v1.json"),
    include_str!("fixtures/cpd-cycles-v1.json"),
];

fn inputs(count: usize) -> Vec<String> {
    damage::damaged(&SEEDS, count, 0x9E37_79B9_7F4A_7C15)
}

#[test]
fn the_decoder_survives_ten_thousand_random_truncated_and_mutated_records() {
    for text in inputs(10_000) {
        let _ = records::decode::<Assessment>(&text);
        let _ = records::decode::<Profiles>(&text);
        let _ = records::decode::<Settings>(&text);
        let _ = records::decode::<Answers>(&text);
        let _ = records::decode::<Packs>(&text);
        let _ = records::decode::<EvidenceEntry>(&text);
        let _ = records::decode::<Cycles>(&text);
    }
}

/// JSON values a stored answer's elements could be damaged into.
const ANSWER_PARTS: [&str; 20] = [
    "null",
    "0",
    "1",
    "4",
    "5",
    "255",
    "256",
    "-1",
    "2.5",
    "1763700000000",
    "18446744073709551615",
    "18446744073709551616",
    r#""n/a""#,
    r#""not-applicable""#,
    r#""""#,
    r#""a note""#,
    r#"{"level":3}"#,
    "[]",
    "true",
    "{}",
];

/// A current (version 5) assessment whose one answer is the given JSON.
fn assessment_with_answer(answer: &str) -> String {
    let fixture = include_str!("fixtures/assessment-v5.json");
    fixture.replacen("[4,1763700000000]", answer, 1)
}

#[test]
fn every_damaged_compact_answer_is_read_or_refused_and_what_is_read_is_written_back_the_same() {
    let mut random = Random(0x2545_F491_4F6C_DD1D);
    let mut answers: Vec<String> = Vec::new();
    for length in 0..=3u32 {
        for index in 0..ANSWER_PARTS.len().pow(length) {
            let parts: Vec<&str> = (0..length)
                .map(|place| {
                    ANSWER_PARTS[index / ANSWER_PARTS.len().pow(place) % ANSWER_PARTS.len()]
                })
                .collect();
            answers.push(format!("[{}]", parts.join(",")));
        }
    }
    for _ in 0..2_000 {
        let parts: Vec<&str> = (0..4 + random.below(2))
            .map(|_| ANSWER_PARTS[random.below(ANSWER_PARTS.len())])
            .collect();
        answers.push(format!("[{}]", parts.join(",")));
    }
    let mut read = 0;
    for answer in &answers {
        match records::decode::<Assessment>(&assessment_with_answer(answer)) {
            records::Decoded::Current(assessment) => {
                read += 1;
                let written = records::encode(&assessment).unwrap_or_default();
                assert_eq!(
                    records::decode::<Assessment>(&written),
                    records::Decoded::Current(assessment),
                    "{answer} did not survive being written back"
                );
            }
            records::Decoded::Unreadable(reason) => {
                assert!(reason.contains("expected"), "{answer}: {reason}")
            }
            other => panic!("{answer} decoded as {other:?}"),
        }
    }
    // Exactly the well-formed ones: a rating (1, 4, "n/a" or null), a time
    // (any of the eight whole numbers from 0 to u64::MAX), and no note or
    // one of the four strings.
    assert_eq!(read, 4 * 8 * (1 + 4), "{read} damaged answers were read");
}

#[test]
fn the_importer_survives_ten_thousand_random_truncated_and_mutated_files() {
    let framework = content::framework();
    let profiles = Profiles::default();
    let mut accepted = 0;
    for text in inputs(10_000) {
        if backup::preview(&text, &[], &profiles, &[], framework, 0).is_ok() {
            accepted += 1;
        }
    }
    // Mutations that leave a valid backup are rare but possible; most
    // inputs must be refused, which shows the checks ran.
    assert!(
        accepted < 1_000,
        "{accepted} of 10,000 damaged files were accepted"
    );
}

#[test]
fn the_backup_fixture_imports() {
    let preview = backup::preview(
        SEEDS[3],
        &[],
        &Profiles::default(),
        &[],
        content::framework(),
        0,
    );
    let Ok(preview) = preview else {
        panic!("{preview:?}")
    };
    assert_eq!(preview.added.len(), 1);
    let _: &Backup = &preview.backup;
}

const PACK_SEEDS: [&str; 4] = [
    include_str!("../public/packs/example-pack.csv"),
    include_str!("../public/packs/example-pack.json"),
    include_str!("../public/packs/template.csv"),
    "\u{feff}id,domain,title,descriptor,roles,newly_qualified,experienced,evidence,development\r\n\
     a,safeguarding,\"Quoted, with \"\"quotes\"\"\",,pa;aa,1,4,x | y,\r\n",
];

/// Characters that matter to CSV and JSON, and bytes that are not UTF-8.
const PACK_ALPHABET: &[u8] =
    b"{}[]\":,;|\r\n '=+-@0123456789pacsafeguardingnull\xEF\xBB\xBF\xE9\xFF";

#[test]
fn the_pack_reader_survives_ten_thousand_damaged_csv_and_json_files() {
    let domains = &content::framework().domains;
    let typed = packs::Details {
        name: "Fuzzed".into(),
        version: "1".into(),
        ..packs::Details::default()
    };
    let mut random = Random(0x0123_4567_89AB_CDEF);
    let mut loaded = [0; 2];
    for case in 0..10_000 {
        let seed = PACK_SEEDS[case % PACK_SEEDS.len()].as_bytes();
        let bytes: Vec<u8> = match case % 3 {
            0 => (0..random.below(400))
                .map(|_| PACK_ALPHABET[random.below(PACK_ALPHABET.len())])
                .collect(),
            1 => seed[..random.below(seed.len())].to_vec(),
            _ => {
                let mut bytes = seed.to_vec();
                for _ in 0..=random.below(4) {
                    let at = random.below(bytes.len());
                    bytes[at] = PACK_ALPHABET[random.below(PACK_ALPHABET.len())];
                }
                bytes
            }
        };
        match packs::read(&bytes, &typed, domains, "2026-11-30") {
            Ok(pack) => {
                loaded[usize::from(packs::looks_like_json(&bytes))] += 1;
                // What loads, exports and loads again as the same pack.
                let again = packs::read(packs::to_json(&pack).as_bytes(), &typed, domains, "x");
                assert_eq!(again.as_ref(), Ok(&pack), "case {case}");
                let csv = packs::read(packs::to_csv(&pack).as_bytes(), &typed, domains, &pack.date);
                assert_eq!(
                    csv.map(|read| read.capabilities),
                    Ok(pack.capabilities),
                    "case {case}"
                );
            }
            Err(problems) => assert!(
                !problems.is_empty(),
                "case {case}: refused without a reason"
            ),
        }
    }
    // Both readers were reached with files that still load.
    assert!(loaded[0] > 0 && loaded[1] > 0, "{loaded:?}");
}
