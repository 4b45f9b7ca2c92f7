//! Every released review format decodes with today's code (fixtures in
//! tests/fixtures/review*.json), and decoding a review file never panics on
//! 10,000 damaged inputs. Backups with reviews (backup version 4) are in
//! tests/stored_formats.rs.
//! The fixtures review the version 4 assessment fixture.
#![cfg(not(target_arch = "wasm32"))]

mod damage;

use maps_capability_checker::core::{
    assessment::{Assessment, Rating},
    content,
    records::{self, Decoded},
    review::{self, Mark, Method, ReviewDraft, ReviewRequest, ReviewResponse, Reviews},
};

const REVIEWS_V1: &str = include_str!("fixtures/reviews-v1.json");
const REQUEST_V1: &str = include_str!("fixtures/review-request-v1.json");
const RESPONSE_V1: &str = include_str!("fixtures/review-response-v1.json");
const DRAFT_V1: &str = include_str!("fixtures/review-draft-v1.json");
const ASSESSMENT_V4: &str = include_str!("fixtures/assessment-v4.json");
/// 30 November 2026, 12:00 UTC.
const NOW: u64 = 1_795_953_600_000;
/// SHA-256 of "maps-capability-checker review 1\na-fixture-v4\npa-02 3\npvb-01 4\nscp-01 2\n",
/// first 8 bytes, worked out with `sha256sum`.
const REVIEWED_FINGERPRINT: &str = "b621-de68-6f85-cdab";

fn fixture_assessment() -> Assessment {
    match records::decode::<Assessment>(ASSESSMENT_V4) {
        // Version 5 (local packs) only adds a field.
        Decoded::Current(assessment) | Decoded::Migrated(assessment) => assessment,
        other => panic!("the assessment fixture did not decode: {other:?}"),
    }
}

#[test]
fn the_version_1_review_formats_decode_as_current() {
    let Decoded::Current(reviews) = records::decode::<Reviews>(REVIEWS_V1) else {
        panic!("the reviews fixture did not decode");
    };
    let review = &reviews.reviews[0];
    assert_eq!(review.supervisor.registration, "GMC 1234567");
    assert_eq!(review.method, Method::File);
    assert_eq!(
        review.items["pvb-01"].supervisor_rating,
        Some(Mark::Level(3))
    );
    assert_eq!(
        review.items["scp-01"].supervisor_rating,
        Some(Mark::NotObserved)
    );
    assert!(review.items["pvb-01"].disagrees());
    assert!(!review.items["pa-02"].disagrees());

    let Decoded::Current(ReviewResponse { review: response }) =
        records::decode::<ReviewResponse>(RESPONSE_V1)
    else {
        panic!("the response fixture did not decode");
    };
    assert_eq!(&response, review);

    let Decoded::Current(request) = records::decode::<ReviewRequest>(REQUEST_V1) else {
        panic!("the request fixture did not decode");
    };
    assert!(!request.includes_notes);
    assert_eq!(request.assessment.rating("pvb-01"), Some(Rating::Level(4)));

    let Decoded::Current(draft) = records::decode::<ReviewDraft>(DRAFT_V1) else {
        panic!("the draft fixture did not decode");
    };
    assert_eq!(draft.position, 2);
    assert_eq!(draft.rating("pvb-01"), Some(Mark::Level(3)));
}

#[test]
fn the_fixture_review_matches_the_fixture_assessment_it_reviewed() {
    // The fingerprint in the fixtures was worked out with `sha256sum`: a
    // change to how fingerprints are made fails here.
    let assessment = fixture_assessment();
    assert_eq!(review::fingerprint(&assessment), REVIEWED_FINGERPRINT);
    let Ok(preview) = review::preview_response(RESPONSE_V1, &assessment, &Reviews::default(), NOW)
    else {
        panic!("the response fixture did not preview");
    };
    assert!(preview.changed.is_empty());
    let request = review::open_request(REQUEST_V1, NOW);
    assert!(request.is_ok_and(
        |request| review::fingerprint(&request.assessment) == review::fingerprint(&assessment)
    ));
}

const SEEDS: [&str; 4] = [REVIEWS_V1, REQUEST_V1, RESPONSE_V1, DRAFT_V1];

/// 10,000 damaged review files (see `damage::damaged`).
fn damaged_inputs() -> Vec<String> {
    damage::damaged(&SEEDS, 10_000, 0x2545_F491_4F6C_DD1D)
}

#[test]
fn decoding_a_review_file_never_panics_on_10000_damaged_inputs() {
    let assessment = fixture_assessment();
    let reviews = Reviews::default();
    let framework = content::framework();
    let mut read = 0;
    for (case, text) in damaged_inputs().iter().enumerate() {
        let outcome = std::panic::catch_unwind(|| {
            let response = review::preview_response(text, &assessment, &reviews, NOW);
            let request = review::open_request(text, NOW);
            if let Ok(request) = &request {
                // An opened request must also be safe to review.
                let mut draft = ReviewDraft::new("r".into(), request.clone(), Method::File);
                if let Some(first) = draft.capabilities(framework).first() {
                    draft.set_rating(&first.id, Some(Mark::NotObserved));
                }
                let _ = draft.confirm(framework, NOW);
            }
            let _ = records::decode::<Reviews>(text);
            let _ = records::decode::<ReviewDraft>(text);
            usize::from(response.is_ok()) + usize::from(request.is_ok())
        });
        match outcome {
            Ok(count) => read += count,
            Err(_) => panic!("case {case} panicked: {text:?}"),
        }
    }
    // Some mutated files are still valid: the damage is not all in one place.
    assert!(read > 0);
}
