//! How the functional core copes when a framework grows far past today's
//! size: scoring an assessment and encoding it for storage, at 100, 1,000
//! and 5,000 capabilities. Run with `cargo bench --bench scale`.
//!
//! These are native timings of the core on the build machine, not the
//! browser: the wasm build is slower, and rendering is not included.
//! `tools/bench.mjs` reads the lines starting `scale ` from this output.
//!
//! Each size's framework is generated once, as JSON, from the real
//! `src/content/framework.json`, and read with the app's own reader, so
//! these timings and the browser's use the very same framework. With
//! `SCALE_FIXTURES_DIR` set, each size's files are also written there for
//! `tools/bench.mjs` to time the results page in Chromium:
//! `framework-N.json` (served in place of the app's framework file),
//! `assessment-N.json` (the full assessment with notes as stored, in the
//! app's current format), and a line `fixture capabilities=N key=…` names
//! its localStorage key.

use maps_capability_checker::core::{
    assessment::{Assessment, Rating, Scope},
    content,
    framework::{Framework, Stage},
    records,
    roles::RoleId,
    scoring,
};
use serde_json::{json, Value};
use std::{
    hint::black_box,
    path::{Path, PathBuf},
    time::Instant,
};

const SIZES: [usize; 3] = [100, 1_000, 5_000];
const RUNS: usize = 11;
const ROLE: RoleId = RoleId::Pa;
const STAGE: Stage = Stage::NewlyQualified;
/// A fixed clock so every run encodes the same bytes.
const NOW: u64 = 1_795_000_000_000;
/// About as long as the notes people write in the workshops.
const NOTE: &str = "Discussed at appraisal: logbook of 12 supervised cases, reflective note on one, feedback from the consultant.";
const FRAMEWORK_JSON: &str = include_str!("../src/content/framework.json");

/// The real framework's JSON with its capabilities cloned until there are
/// `size`, each with a new id and expected levels for one role only (those
/// of the first role it names, in the app's order of roles), so a full
/// check asks about every one.
fn framework_json(size: usize) -> Value {
    let mut framework: Value = match serde_json::from_str(FRAMEWORK_JSON) {
        Ok(framework) => framework,
        Err(error) => panic!("src/content/framework.json: {error}"),
    };
    let real = framework["capabilities"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let capabilities = real
        .iter()
        .cycle()
        .take(size)
        .enumerate()
        .map(|(index, capability)| {
            let mut copy = capability.clone();
            let id = capability["id"].as_str().unwrap_or("capability");
            copy["id"] = json!(format!("{id}-copy-{index:05}"));
            let levels = RoleId::ALL
                .iter()
                .find_map(|role| capability["expected"].get(role.code()).cloned())
                .unwrap_or_else(|| json!({"newly_qualified": 2, "experienced": 3}));
            copy["expected"] = json!({ ROLE.code(): levels });
            copy
        })
        .collect();
    framework["capabilities"] = Value::Array(capabilities);
    framework
}

/// Reads framework JSON the way the browser build reads the fetched file.
fn read_framework(json: &str) -> Framework {
    match content::read_json::<Framework>("framework.json", json) {
        Ok(framework) => framework,
        Err(error) => panic!("the generated framework does not read: {error}"),
    }
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
    // The bench is native and never ships in the wasm (see clippy.toml).
    #[allow(clippy::disallowed_methods)]
    times.sort_by(f64::total_cmp);
    times[RUNS / 2]
}

fn encoded_len(assessment: &Assessment) -> usize {
    records::encode(assessment).map_or(0, |text| text.len())
}

/// Writes one size's framework and assessment for the browser benchmark.
fn write_fixtures(folder: &Path, size: usize, framework_text: &str, assessment: &Assessment) {
    // Finished, and printing notes, so the results page shows every note;
    // left on the middle capability, so the check opens on its step, where
    // the benchmark times saving a rating.
    let mut assessment = assessment.clone();
    assessment.finish(NOW);
    assessment.print_notes = true;
    let middle = assessment.answers.keys().nth(size / 2).cloned();
    assessment.current = middle.clone();
    let record = match records::encode(&assessment) {
        Ok(record) => record,
        Err(error) => panic!("could not encode the assessment: {error}"),
    };
    let framework_file = folder.join(format!("framework-{size}.json"));
    let assessment_file = folder.join(format!("assessment-{size}.json"));
    for (file, text) in [
        (&framework_file, framework_text),
        (&assessment_file, &record),
    ] {
        if let Err(error) = std::fs::write(file, text) {
            panic!("could not write {}: {error}", file.display());
        }
    }
    println!(
        "fixture capabilities={size} key={} capability={} framework={} assessment={}",
        records::assessment_key(&assessment.id),
        middle.unwrap_or_default(),
        framework_file.display(),
        assessment_file.display(),
    );
}

fn main() {
    let fixtures = std::env::var_os("SCALE_FIXTURES_DIR").map(PathBuf::from);
    if let Some(folder) = &fixtures {
        if let Err(error) = std::fs::create_dir_all(folder) {
            panic!("could not create {}: {error}", folder.display());
        }
    }
    println!("Native timings of the core (scoring and encoding), not the browser's rendering.");
    println!("Median of {RUNS} runs; every capability answered, each with a note.");
    for size in SIZES {
        let framework_text = framework_json(size).to_string();
        let framework = read_framework(&framework_text);
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
        if let Some(folder) = &fixtures {
            write_fixtures(folder, size, &framework_text, &with_notes);
        }
    }
    let real = content::framework();
    let full = answered(real, false);
    println!(
        "real capabilities={} bytes_without_notes={}",
        real.capabilities.len(),
        encoded_len(&full),
    );
}
