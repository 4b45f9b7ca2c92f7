//! How the functional core copes when a framework grows far past today's
//! size: scoring an assessment and encoding it for storage, at 100, 1,000
//! and 5,000 capabilities. Run with `cargo bench --bench scale`.
//!
//! These are native timings of the core on the build machine, not the
//! browser: the wasm build is slower, and rendering is not included.
//! `tools/bench.mjs` reads the lines starting `scale ` from this output.

use maps_capability_checker::core::{
    assessment::{Assessment, Rating, Scope},
    content,
    framework::{ExpectedLevels, Framework, Stage},
    records,
    roles::RoleId,
    scoring,
};
use std::{collections::BTreeMap, hint::black_box, time::Instant};

const SIZES: [usize; 3] = [100, 1_000, 5_000];
const RUNS: usize = 11;
const ROLE: RoleId = RoleId::Pa;
const STAGE: Stage = Stage::NewlyQualified;
/// A fixed clock so every run encodes the same bytes.
const NOW: u64 = 1_795_000_000_000;
/// About as long as the notes people write in the workshops.
const NOTE: &str = "Discussed at appraisal: logbook of 12 supervised cases, reflective note on one, feedback from the consultant.";

/// The real capabilities cloned until there are `size`, each with a new id,
/// all applying to one role so a full check asks about every one.
fn framework_of(size: usize) -> Framework {
    let real = content::framework();
    let mut framework = real.clone();
    framework.capabilities = real
        .capabilities
        .iter()
        .cycle()
        .take(size)
        .enumerate()
        .map(|(index, capability)| {
            let mut copy = capability.clone();
            copy.id = format!("{}-copy-{index:05}", capability.id);
            let levels = capability
                .expected
                .values()
                .next()
                .copied()
                .unwrap_or(ExpectedLevels {
                    newly_qualified: 2,
                    experienced: 3,
                });
            copy.expected = BTreeMap::from([(ROLE, levels)]);
            copy
        })
        .collect();
    framework
}

fn answered(framework: &Framework, with_notes: bool) -> Assessment {
    let mut assessment = Assessment::new(
        "a-bench".into(),
        "me".into(),
        ROLE,
        STAGE,
        Scope::Full,
        framework.version.clone(),
        NOW,
    );
    for (index, capability) in framework.capabilities.iter().enumerate() {
        let rating = match index % 5 {
            4 => Rating::NotApplicable,
            level => Rating::Level(level as u8 + 1),
        };
        assessment.set_rating(&capability.id, Some(rating), NOW);
        if with_notes {
            assessment.set_note(&capability.id, NOTE, NOW);
        }
    }
    assessment
}

/// Median wall time of `RUNS` calls, in milliseconds.
fn median_ms(mut work: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            work();
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[RUNS / 2]
}

fn encoded_len(assessment: &Assessment) -> usize {
    records::encode(assessment).map_or(0, |text| text.len())
}

fn main() {
    println!("Native timings of the core (scoring and encoding), not the browser's rendering.");
    println!("Median of {RUNS} runs; every capability answered, each with a note.");
    for size in SIZES {
        let framework = framework_of(size);
        let with_notes = answered(&framework, true);
        let without_notes = answered(&framework, false);
        let results_ms = median_ms(|| {
            black_box(scoring::results(
                black_box(&with_notes),
                &framework,
                ROLE,
                STAGE,
            ));
        });
        let encode_ms = median_ms(|| {
            black_box(records::encode(black_box(&with_notes)).ok());
        });
        println!(
            "scale capabilities={size} results_ms={results_ms:.3} encode_ms={encode_ms:.3} bytes_with_notes={} bytes_without_notes={}",
            encoded_len(&with_notes),
            encoded_len(&without_notes),
        );
    }
    let real = content::framework();
    let full = answered(real, false);
    println!(
        "real capabilities={} bytes_without_notes={}",
        real.capabilities.len(),
        encoded_len(&full),
    );
}
