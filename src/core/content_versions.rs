//! Answers survive content changes: an assessment made under an older
//! content version is brought up to the current one without losing any
//! answer or note, and each answer still says which version it was given
//! under.
//!
//! The framework lists the capability ids later versions replaced (renamed,
//! reframed or split) and the id that carries each one's answers
//! ([`Framework::replaced`]). [`to_current`] moves answers, plan links and
//! the resume point to those ids and records the version the assessment
//! was on and the last moment it changed under it ([`EarlierContent`]):
//! every answer last changed by then was given under that version, so no
//! clock is needed and nothing per answer is stored.

use crate::core::{
    assessment::{Assessment, Millis},
    framework::Framework,
};
use serde::{Deserialize, Serialize};

/// A content version an assessment was used under before the current one.
/// Answers last changed at or before `until` were given under `version`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EarlierContent {
    pub version: String,
    pub until: Millis,
}

/// `assessment` brought up to `framework`'s content version: answers to
/// replaced capabilities move to the ids that replaced them (where both
/// have an answer, the later one is kept and the other's note is added to
/// it, so no note is lost), and the version it leaves is recorded. An
/// assessment already on this version, or a framework not loaded yet
/// (no capabilities), is returned unchanged.
pub fn to_current(mut assessment: Assessment, framework: &Framework) -> Assessment {
    if framework.capabilities.is_empty() || assessment.content_version == framework.version {
        return assessment;
    }
    let old_ids: Vec<String> = assessment
        .answers
        .keys()
        .filter(|id| framework.current_id(id) != id.as_str())
        .cloned()
        .collect();
    for old in old_ids {
        let Some(moved) = assessment.answers.remove(&old) else {
            continue;
        };
        let new = framework.current_id(&old).to_owned();
        let kept = match assessment.answers.remove(&new) {
            None => moved,
            Some(existing) => {
                let (mut later, earlier) = if existing.updated_at >= moved.updated_at {
                    (existing, moved)
                } else {
                    (moved, existing)
                };
                if !earlier.note.is_empty() && !later.note.contains(&earlier.note) {
                    later.note = if later.note.is_empty() {
                        earlier.note
                    } else {
                        format!("{}\n{}", later.note, earlier.note)
                    };
                }
                later
            }
        };
        assessment.answers.insert(new, kept);
    }
    for action in &mut assessment.plan {
        for id in &mut action.capabilities {
            *id = framework.current_id(id).to_owned();
        }
        action.capabilities.dedup();
    }
    if let Some(current) = &assessment.current {
        assessment.current = Some(framework.current_id(current).to_owned());
    }
    let left = EarlierContent {
        version: std::mem::replace(&mut assessment.content_version, framework.version.clone()),
        until: assessment.updated_at,
    };
    if !assessment.earlier_content.contains(&left) {
        assessment.earlier_content.push(left);
    }
    assessment
}

/// The content version the answer to `id` was given under: the earliest
/// recorded earlier version whose `until` it falls within, else the
/// assessment's own. `None` if there is no answer.
pub fn answered_under<'a>(assessment: &'a Assessment, id: &str) -> Option<&'a str> {
    let answer = assessment.answers.get(id)?;
    Some(
        assessment
            .earlier_content
            .iter()
            .filter(|earlier| answer.updated_at <= earlier.until)
            .min_by_key(|earlier| earlier.until)
            .map_or(assessment.content_version.as_str(), |earlier| {
                earlier.version.as_str()
            }),
    )
}

/// How many answers were given under each content version, oldest version
/// first, for the results page ("12 answers under 1.0.1, 3 under 1.1.0").
pub fn answers_by_version(assessment: &Assessment) -> Vec<(String, usize)> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for id in assessment.answers.keys() {
        let Some(version) = answered_under(assessment, id) else {
            continue;
        };
        match counts.iter_mut().find(|(known, _)| known == version) {
            Some((_, count)) => *count += 1,
            None => counts.push((version.to_owned(), 1)),
        }
    }
    // Earlier versions are recorded in order, the current one last.
    let order = |version: &str| {
        assessment
            .earlier_content
            .iter()
            .position(|earlier| earlier.version == version)
            .unwrap_or(usize::MAX)
    };
    crate::core::sorting::sort_by_rank(&mut counts, |(version, _)| {
        i64::try_from(order(version)).unwrap_or(i64::MAX)
    });
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::{
        assessment::{Rating, Scope},
        content,
        framework::Stage,
        records::{decode, Decoded},
        roles::RoleId,
    };

    /// A full ACCP assessment saved by content 1.0.1, with an answer and
    /// note on accp-09, which 1.1.0 split.
    const FIXTURE_ACCP: &str =
        include_str!("../../tests/fixtures/assessment-content-1.0.1-accp.json");
    const FIXTURE_PA: &str = include_str!("../../tests/fixtures/assessment-content-1.0.1-pa.json");

    fn fixture(json: &str) -> Assessment {
        match decode::<Assessment>(json) {
            Decoded::Current(assessment) | Decoded::Migrated(assessment) => assessment,
            other => panic!("the 1.0.1 fixture did not decode: {other:?}"),
        }
    }

    #[test]
    fn a_1_0_1_assessment_keeps_every_answer_and_note_under_current_ids() {
        let framework = content::framework();
        for json in [FIXTURE_ACCP, FIXTURE_PA] {
            let before = fixture(json);
            assert_eq!(before.content_version, "1.0.1");
            let after = to_current(before.clone(), framework);
            assert_eq!(after.content_version, framework.version);
            assert_eq!(after.answers.len(), before.answers.len(), "no answer lost");
            for (old_id, answer) in &before.answers {
                let new_id = framework.current_id(old_id);
                assert!(
                    framework.capability(new_id).is_some(),
                    "{old_id} has no home"
                );
                let moved = &after.answers[new_id];
                assert_eq!(moved.rating, answer.rating, "{old_id}");
                assert_eq!(moved.note, answer.note, "{old_id}");
                assert_eq!(answered_under(&after, new_id), Some("1.0.1"));
            }
            // Every answer is now on an item the assessment asks about.
            let items: Vec<&str> = after
                .items(framework)
                .iter()
                .map(|c| c.id.as_str())
                .collect();
            for id in after.answers.keys() {
                assert!(items.contains(&id.as_str()), "{id} is not asked any more");
            }
        }
    }

    #[test]
    fn the_split_and_reframed_capabilities_carry_their_answers() {
        let framework = content::framework();
        let accp = to_current(fixture(FIXTURE_ACCP), framework);
        assert_eq!(accp.rating("accp-11"), Some(Rating::Level(3)));
        assert!(accp.note("accp-11").contains("tracheostomy"));
        assert_eq!(
            accp.rating("accp-12"),
            None,
            "the new optional item is not guessed"
        );
        assert_eq!(accp.plan[0].capabilities, vec!["accp-11".to_string()]);
        let pa = to_current(fixture(FIXTURE_PA), framework);
        assert!(pa.answers.contains_key("pa-11") && !pa.answers.contains_key("pa-09"));
        assert_eq!(pa.current.as_deref(), Some("pa-11"));
    }

    #[test]
    fn answers_changed_after_the_move_count_under_the_new_version() {
        let framework = content::framework();
        let mut accp = to_current(fixture(FIXTURE_ACCP), framework);
        let later = accp.updated_at + 1;
        accp.set_rating("accp-12", Some(Rating::NotApplicable), later);
        assert_eq!(
            answered_under(&accp, "accp-12"),
            Some(framework.version.as_str())
        );
        assert_eq!(answered_under(&accp, "accp-11"), Some("1.0.1"));
        let counts = answers_by_version(&accp);
        assert_eq!(counts.first().map(|(v, _)| v.as_str()), Some("1.0.1"));
        assert_eq!(counts.last(), Some(&(framework.version.clone(), 1)));
        // Moving again is a no-op: the version is already current.
        assert_eq!(to_current(accp.clone(), framework), accp);
    }

    #[test]
    fn an_old_and_a_new_answer_to_the_same_item_keep_the_later_rating_and_both_notes() {
        let framework = content::framework();
        let mut assessment = Assessment::new(
            "a".into(),
            "p".into(),
            RoleId::Aa,
            Stage::Experienced,
            Scope::Full,
            "1.0.1".into(),
            1,
        );
        assessment.set_rating("aa-07", Some(Rating::Level(2)), 10);
        assessment.set_note("aa-07", "theatre lists", 10);
        assessment.set_rating("aa-11", Some(Rating::Level(3)), 20);
        assessment.set_note("aa-11", "endoscopy", 20);
        let after = to_current(assessment, framework);
        assert_eq!(after.rating("aa-11"), Some(Rating::Level(3)));
        assert!(
            after.note("aa-11").contains("endoscopy")
                && after.note("aa-11").contains("theatre lists")
        );
        assert!(!after.answers.contains_key("aa-07"));
    }

    #[test]
    fn nothing_changes_before_the_framework_is_loaded() {
        let mut empty = content::framework().clone();
        empty.capabilities.clear();
        let before = fixture(FIXTURE_PA);
        assert_eq!(to_current(before.clone(), &empty), before);
    }
}
