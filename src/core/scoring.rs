//! Results: ratings held against a role's indicative expected levels, by
//! capability, domain and pillar; readiness for every role from one set of
//! answers; and what moved between two assessments.
//!
//! Unrated items are counted as unrated and never guessed; "not applicable"
//! items are listed apart and left out of every average and gap.

use crate::core::sorting::sort_by_rank;
use crate::core::{
    assessment::{Assessment, Rating},
    framework::{Capability, Framework, Level, Pillar, Stage},
    roles::RoleId,
};
use std::collections::BTreeSet;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemStatus {
    Exceeds { by: Level },
    Meets,
    Below { by: Level },
    NotApplicable,
    Unrated,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ItemResult<'a> {
    pub capability: &'a Capability,
    pub rating: Option<Rating>,
    pub expected: Level,
    pub status: ItemStatus,
}

impl ItemResult<'_> {
    pub fn gap(&self) -> Level {
        match self.status {
            ItemStatus::Below { by } => by,
            _ => 0,
        }
    }
}

/// Totals for one domain or pillar.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupResult {
    pub id: String,
    pub title: String,
    pub items: usize,
    pub rated: usize,
    pub meeting: usize,
    pub gaps: usize,
    pub not_applicable: usize,
    pub unrated: usize,
    /// Mean self-rating over items rated with a level; None if there are none.
    pub mean_rating: Option<f64>,
    /// Mean expected level over the same items.
    pub mean_expected: Option<f64>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Results<'a> {
    pub role: RoleId,
    pub stage: Stage,
    pub items: Vec<ItemResult<'a>>,
    pub by_domain: Vec<GroupResult>,
    pub by_pillar: Vec<GroupResult>,
    /// Answers kept for capabilities this content version no longer has.
    pub removed: Vec<String>,
}

impl<'a> Results<'a> {
    /// Gaps, largest first; ties keep framework order.
    pub fn gaps(&self) -> Vec<&ItemResult<'a>> {
        let mut gaps: Vec<_> = self.items.iter().filter(|item| item.gap() > 0).collect();
        sort_by_rank(&mut gaps, |item| -i64::from(item.gap()));
        gaps
    }

    /// Items at or above the expected level, the furthest above first.
    pub fn strengths(&self) -> Vec<&ItemResult<'a>> {
        let mut strengths: Vec<_> = self
            .items
            .iter()
            .filter(|item| matches!(item.status, ItemStatus::Meets | ItemStatus::Exceeds { .. }))
            .collect();
        sort_by_rank(&mut strengths, |item| match item.status {
            ItemStatus::Exceeds { by } => -i64::from(by),
            _ => 0,
        });
        strengths
    }

    pub fn not_applicable(&self) -> Vec<&ItemResult<'a>> {
        self.items
            .iter()
            .filter(|item| item.status == ItemStatus::NotApplicable)
            .collect()
    }

    pub fn unrated(&self) -> Vec<&ItemResult<'a>> {
        self.items
            .iter()
            .filter(|item| item.status == ItemStatus::Unrated)
            .collect()
    }
}

fn status(rating: Option<Rating>, expected: Level) -> ItemStatus {
    match rating {
        None => ItemStatus::Unrated,
        Some(Rating::NotApplicable) => ItemStatus::NotApplicable,
        Some(Rating::Level(level)) if level > expected => ItemStatus::Exceeds {
            by: level - expected,
        },
        Some(Rating::Level(level)) if level == expected => ItemStatus::Meets,
        Some(Rating::Level(level)) => ItemStatus::Below {
            by: expected - level,
        },
    }
}

fn group(id: String, title: String, items: &[&ItemResult]) -> GroupResult {
    let levels: Vec<(Level, Level)> = items
        .iter()
        .filter_map(|item| match item.rating {
            Some(Rating::Level(level)) => Some((level, item.expected)),
            _ => None,
        })
        .collect();
    let mean = |values: &mut dyn Iterator<Item = Level>| {
        (!levels.is_empty()).then(|| values.map(f64::from).sum::<f64>() / levels.len() as f64)
    };
    GroupResult {
        id,
        title,
        items: items.len(),
        rated: levels.len(),
        meeting: items
            .iter()
            .filter(|item| matches!(item.status, ItemStatus::Meets | ItemStatus::Exceeds { .. }))
            .count(),
        gaps: items.iter().filter(|item| item.gap() > 0).count(),
        not_applicable: items
            .iter()
            .filter(|item| item.status == ItemStatus::NotApplicable)
            .count(),
        unrated: items
            .iter()
            .filter(|item| item.status == ItemStatus::Unrated)
            .count(),
        mean_rating: mean(&mut levels.iter().map(|(rating, _)| *rating)),
        mean_expected: mean(&mut levels.iter().map(|(_, expected)| *expected)),
    }
}

/// The assessment's answers held against `role` at `stage`, over the
/// capabilities the assessment asked about (for another role: over that
/// role's capabilities in the same scope).
pub fn results<'a>(
    assessment: &Assessment,
    framework: &'a Framework,
    role: RoleId,
    stage: Stage,
) -> Results<'a> {
    let asked: Vec<&Capability> = if role == assessment.role {
        assessment.items(framework)
    } else {
        framework.for_role(role).collect()
    };
    let items: Vec<ItemResult> = asked
        .into_iter()
        .filter_map(|capability| {
            let expected = capability.expected_level(role, stage)?;
            let rating = assessment.rating(&capability.id);
            Some(ItemResult {
                capability,
                rating,
                expected,
                status: status(rating, expected),
            })
        })
        .collect();
    let by_domain = framework
        .domains
        .iter()
        .map(|domain| {
            let members: Vec<_> = items
                .iter()
                .filter(|item| item.capability.domain == domain.id)
                .collect();
            group(domain.id.clone(), domain.title.clone(), &members)
        })
        .filter(|group| group.items > 0)
        .collect();
    let by_pillar = Pillar::ALL
        .iter()
        .map(|pillar| {
            let members: Vec<_> = items
                .iter()
                .filter(|item| item.capability.pillar == *pillar)
                .collect();
            group(format!("{pillar:?}"), pillar.title().to_owned(), &members)
        })
        .filter(|group| group.items > 0)
        .collect();
    // A set, not `Framework::capability` per answer: that linear search made
    // this quadratic in the number of capabilities (see BENCHMARKS.md).
    let known: BTreeSet<&str> =
        crate::core::sorting::set_of(framework.capabilities.iter().map(|c| c.id.as_str()));
    let removed = assessment
        .answers
        .keys()
        .filter(|id| !known.contains(id.as_str()))
        .cloned()
        .collect();
    Results {
        role,
        stage,
        items,
        by_domain,
        by_pillar,
        removed,
    }
}

/// How one set of answers measures up to one role.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Readiness {
    pub role: RoleId,
    /// Capabilities in that role's full check.
    pub total: usize,
    /// Of those, rated with a level in this assessment.
    pub rated: usize,
    pub meeting: usize,
    pub not_applicable: usize,
}

impl Readiness {
    /// Share of the rated capabilities at or above the expected level, as a
    /// whole percentage; None when nothing relevant was rated.
    pub fn percent_meeting(&self) -> Option<u8> {
        (self.rated > 0).then(|| ((self.meeting * 100 + self.rated / 2) / self.rated) as u8)
    }
}

/// The same answers held against every role's expectations.
pub fn readiness(assessment: &Assessment, framework: &Framework, stage: Stage) -> Vec<Readiness> {
    RoleId::ALL
        .iter()
        .map(|&role| {
            let results = results(assessment, framework, role, stage);
            let rated = results
                .items
                .iter()
                .filter(|item| matches!(item.rating, Some(Rating::Level(_))))
                .count();
            Readiness {
                role,
                total: results.items.len(),
                rated,
                meeting: results.strengths().len(),
                not_applicable: results.not_applicable().len(),
            }
        })
        .collect()
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub capability: String,
    pub from: Option<Rating>,
    pub to: Option<Rating>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Comparison {
    pub up: Vec<Change>,
    pub down: Vec<Change>,
    /// Rated now, not rated before.
    pub new: Vec<Change>,
    /// Changed to or from "not applicable".
    pub other: Vec<Change>,
    pub unchanged: usize,
}

/// What moved between an earlier assessment and a later one.
pub fn compare(earlier: &Assessment, later: &Assessment) -> Comparison {
    let mut comparison = Comparison::default();
    for (id, answer) in &later.answers {
        let Some(to) = answer.rating else { continue };
        let from = earlier.rating(id);
        let change = Change {
            capability: id.clone(),
            from,
            to: Some(to),
        };
        match (from, to) {
            (None, _) => comparison.new.push(change),
            (Some(Rating::Level(a)), Rating::Level(b)) if b > a => comparison.up.push(change),
            (Some(Rating::Level(a)), Rating::Level(b)) if b < a => comparison.down.push(change),
            (Some(a), b) if a == b => comparison.unchanged += 1,
            _ => comparison.other.push(change),
        }
    }
    comparison
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::{assessment::Scope, content};

    fn assessment(role: RoleId, scope: Scope) -> Assessment {
        Assessment::new(
            "a".into(),
            "me".into(),
            role,
            Stage::NewlyQualified,
            scope,
            "1.0.0".into(),
            1,
        )
    }

    #[test]
    fn nothing_rated_counts_everything_as_unrated_and_guesses_nothing() {
        let framework = content::framework();
        let empty = assessment(RoleId::Pa, Scope::Full);
        let results = results(&empty, framework, RoleId::Pa, Stage::NewlyQualified);
        assert_eq!(results.unrated().len(), results.items.len());
        assert!(results.gaps().is_empty() && results.strengths().is_empty());
        assert!(results
            .by_domain
            .iter()
            .all(|group| group.mean_rating.is_none()));
        let readiness = readiness(&empty, framework, Stage::NewlyQualified);
        assert!(readiness
            .iter()
            .all(|role| role.percent_meeting().is_none()));
    }

    #[test]
    fn everything_not_applicable_leaves_no_gap_and_no_average() {
        let framework = content::framework();
        let mut all_na = assessment(RoleId::Aa, Scope::Quick);
        for capability in all_na.items(framework) {
            all_na.set_rating(&capability.id, Some(Rating::NotApplicable), 2);
        }
        let results = results(&all_na, framework, RoleId::Aa, Stage::NewlyQualified);
        assert_eq!(results.not_applicable().len(), results.items.len());
        assert!(results.gaps().is_empty());
        assert!(results
            .by_domain
            .iter()
            .all(|group| group.mean_rating.is_none() && group.rated == 0));
    }

    #[test]
    fn gaps_are_ordered_largest_first_with_their_size() {
        let framework = content::framework();
        let mut rated = assessment(RoleId::Scp, Scope::Full);
        let items = rated.items(framework);
        let (small, large) = items
            .iter()
            .filter(|item| item.expected_level(RoleId::Scp, Stage::NewlyQualified) >= Some(3))
            .fold((None, None), |acc, item| match acc {
                (None, _) => (Some(*item), None),
                (Some(first), None) => (Some(first), Some(*item)),
                done => done,
            });
        let (Some(small), Some(large)) = (small, large) else {
            panic!("content lacks level-3 items")
        };
        let expected_small = small
            .expected_level(RoleId::Scp, Stage::NewlyQualified)
            .unwrap_or(3);
        let expected_large = large
            .expected_level(RoleId::Scp, Stage::NewlyQualified)
            .unwrap_or(3);
        rated.set_rating(&small.id, Some(Rating::Level(expected_small - 1)), 2);
        rated.set_rating(&large.id, Some(Rating::Level(expected_large - 2)), 2);
        let results = results(&rated, framework, RoleId::Scp, Stage::NewlyQualified);
        let gaps = results.gaps();
        assert_eq!(gaps.len(), 2);
        assert_eq!(gaps[0].capability.id, large.id);
        assert_eq!(gaps[0].gap(), 2);
        assert_eq!(gaps[1].gap(), 1);
    }

    #[test]
    fn a_capability_removed_from_the_content_is_reported_not_scored() {
        let framework = content::framework();
        let mut old = assessment(RoleId::Pa, Scope::Quick);
        old.set_rating("retired-capability", Some(Rating::Level(4)), 2);
        let results = results(&old, framework, RoleId::Pa, Stage::NewlyQualified);
        assert_eq!(results.removed, vec!["retired-capability".to_string()]);
        assert!(results
            .items
            .iter()
            .all(|item| item.capability.id != "retired-capability"));
    }

    #[test]
    fn domain_means_use_only_items_rated_with_a_level() {
        let framework = content::framework();
        let mut rated = assessment(RoleId::Accp, Scope::Quick);
        let items = rated.items(framework);
        let first = items[0];
        rated.set_rating(&first.id, Some(Rating::Level(4)), 2);
        let results = results(&rated, framework, RoleId::Accp, Stage::Experienced);
        let domain = results
            .by_domain
            .iter()
            .find(|group| group.id == first.domain);
        let Some(domain) = domain else {
            panic!("no domain group")
        };
        assert_eq!(domain.mean_rating, Some(4.0));
        assert_eq!(domain.rated, 1);
        assert_eq!(domain.unrated, domain.items - 1);
    }

    #[test]
    fn readiness_holds_one_set_of_answers_against_all_four_roles() {
        let framework = content::framework();
        let mut everything = assessment(RoleId::Pa, Scope::Full);
        for capability in &framework.capabilities {
            everything.set_rating(&capability.id, Some(Rating::Level(4)), 2);
        }
        let readiness = readiness(&everything, framework, Stage::Experienced);
        assert_eq!(readiness.len(), 4);
        for role in readiness {
            assert_eq!(role.total, framework.for_role(role.role).count());
            assert_eq!(role.percent_meeting(), Some(100));
        }
    }

    #[test]
    fn comparison_sorts_changes_into_up_down_new_and_other() {
        let mut earlier = assessment(RoleId::Pa, Scope::Quick);
        earlier.set_rating("a", Some(Rating::Level(2)), 1);
        earlier.set_rating("b", Some(Rating::Level(3)), 1);
        earlier.set_rating("c", Some(Rating::Level(3)), 1);
        earlier.set_rating("d", Some(Rating::Level(1)), 1);
        let mut later = earlier.clone();
        later.set_rating("a", Some(Rating::Level(3)), 2);
        later.set_rating("b", Some(Rating::Level(2)), 2);
        later.set_rating("d", Some(Rating::NotApplicable), 2);
        later.set_rating("e", Some(Rating::Level(1)), 2);
        let comparison = compare(&earlier, &later);
        assert_eq!(comparison.up.len(), 1);
        assert_eq!(comparison.down.len(), 1);
        assert_eq!(comparison.new.len(), 1);
        assert_eq!(comparison.other.len(), 1);
        assert_eq!(comparison.unchanged, 1);
    }
}
