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
    Exceeds {
        by: Level,
    },
    Meets,
    Below {
        by: Level,
    },
    NotApplicable,
    Unrated,
    /// Rated with a level where no level is expected (a local pack's
    /// capability whose author set none): shown, never a gap or a strength.
    NoExpectation,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ItemResult<'a> {
    pub capability: &'a Capability,
    pub rating: Option<Rating>,
    /// `None` where a local pack sets no expectation at this stage.
    pub expected: Option<Level>,
    pub status: ItemStatus,
}

impl ItemResult<'_> {
    /// The item's standing against the expected level, in words.
    pub fn status_words(&self) -> String {
        match self.status {
            ItemStatus::Exceeds { by } => format!("above the expected level by {by}"),
            ItemStatus::Meets => "at the expected level".into(),
            ItemStatus::Below { by } => format!("below the expected level by {by}"),
            ItemStatus::NotApplicable => "not applicable".into(),
            ItemStatus::Unrated => "not rated".into(),
            ItemStatus::NoExpectation => "no level is expected".into(),
        }
    }

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

    /// Items rated with a level where none is expected (a local pack's
    /// capability whose author set none at this stage), in framework
    /// order: neither gaps nor strengths, but answers the person gave.
    pub fn without_expectation(&self) -> Vec<&ItemResult<'a>> {
        self.items
            .iter()
            .filter(|item| item.status == ItemStatus::NoExpectation)
            .collect()
    }

    pub fn unrated(&self) -> Vec<&ItemResult<'a>> {
        self.items
            .iter()
            .filter(|item| item.status == ItemStatus::Unrated)
            .collect()
    }
}

fn status(rating: Option<Rating>, expected: Option<Level>) -> ItemStatus {
    let Some(expected) = expected else {
        return match rating {
            None => ItemStatus::Unrated,
            Some(Rating::NotApplicable) => ItemStatus::NotApplicable,
            Some(Rating::Level(_)) => ItemStatus::NoExpectation,
        };
    };
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
    // Means over items rated with a level that have an expected level.
    let levels: Vec<(Level, Level)> = items
        .iter()
        .filter_map(|item| match (item.rating, item.expected) {
            (Some(Rating::Level(level)), Some(expected)) => Some((level, expected)),
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
/// role's capabilities in the same scope, with the packs the assessment
/// includes). A capability for `role` with no expected level at `stage`
/// (only in a local pack) is listed with `expected: None`.
pub fn results<'a>(
    assessment: &Assessment,
    framework: &'a Framework,
    role: RoleId,
    stage: Stage,
) -> Results<'a> {
    let asked: Vec<&Capability> = if role == assessment.role {
        assessment.items(framework)
    } else {
        framework
            .for_role(role)
            .filter(|capability| assessment.can_ask(capability))
            .collect()
    };
    let items: Vec<ItemResult> = asked
        .into_iter()
        .filter_map(|capability| {
            if !capability.applies_to(role) {
                return None;
            }
            let expected = capability.expected_level(role, stage);
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
                .filter(|item| item.capability.pillar == Some(*pillar))
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

/// How one set of answers measures up to one role, and whether they cover
/// enough of it to say (see [`crate::core::framework::FitRule`]).
#[derive(Clone, Debug, PartialEq)]
pub struct RoleFit<'a> {
    pub role: RoleId,
    /// Capabilities in that role's full check.
    pub total: usize,
    /// Of those, rated with a level in this assessment.
    pub rated: usize,
    /// Capabilities only this role has.
    pub own_total: usize,
    /// Of those, rated with a level.
    pub own_rated: usize,
    /// Rated capabilities at or above the expected level.
    pub meeting: usize,
    /// The share of rated capabilities at or above the expected level, in
    /// whole percent; `None` when the answers do not cover enough of the
    /// role (see [`crate::core::framework::FitRule`]).
    pub figure: Option<u8>,
    /// The role's own capabilities not yet rated: what a top-up asks.
    pub missing_own: Vec<&'a Capability>,
    /// The role's own capabilities that were rated, with their results:
    /// the items behind the figure that only this role has.
    pub own_results: Vec<ItemResult<'a>>,
    /// The capabilities only this role has (`Framework::own_to`), in
    /// framework order; empty for the assessed role. They tell the roles
    /// apart (a count by domain named the same domain for every role), and
    /// they are what `own_total` counts and a top-up asks.
    pub adds: Vec<&'a Capability>,
}

/// The same answers held against every role, with the fit rule applied.
/// The results page and its printed summary both show this, so the rules
/// are the same on screen and on paper.
pub fn role_fit<'a>(
    assessment: &Assessment,
    framework: &'a Framework,
    stage: Stage,
) -> Vec<RoleFit<'a>> {
    let rule = &framework.fit;
    let rated_level = |item: &ItemResult| matches!(item.rating, Some(Rating::Level(_)));
    RoleId::ALL
        .iter()
        .map(|&role| {
            let results = results(assessment, framework, role, stage);
            let rated = results
                .items
                .iter()
                .filter(|item| rated_level(item))
                .count();
            let own_results: Vec<ItemResult> = results
                .items
                .iter()
                .filter(|item| item.capability.is_own_to(role) && rated_level(item))
                .cloned()
                .collect();
            let missing_own: Vec<&Capability> = framework
                .own_to(role)
                .filter(|capability| assessment.rating(&capability.id).is_none())
                .collect();
            let meeting = results.strengths().len();
            let covered = rated >= rule.min_rated && own_results.len() >= rule.min_own_rated;
            RoleFit {
                role,
                // The role's whole list for every role, the assessed one
                // too (its results hold only what its check asked), so
                // the column has one denominator.
                total: framework.for_role(role).count(),
                rated,
                own_total: framework.own_to(role).count(),
                own_rated: own_results.len(),
                meeting,
                figure: (covered && rated > 0).then(|| ((meeting * 100 + rated / 2) / rated) as u8),
                missing_own,
                own_results,
                adds: if role == assessment.role {
                    Vec::new()
                } else {
                    framework.own_to(role).collect()
                },
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
        let fit = role_fit(&empty, framework, Stage::NewlyQualified);
        assert!(fit.iter().all(|role| role.figure.is_none()));
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
    fn one_set_of_answers_is_held_against_all_four_roles() {
        let framework = content::framework();
        let mut everything = assessment(RoleId::Pa, Scope::Full);
        for capability in &framework.capabilities {
            everything.set_rating(&capability.id, Some(Rating::Level(4)), 2);
        }
        let fit = role_fit(&everything, framework, Stage::Experienced);
        assert_eq!(fit.len(), 4);
        for role in fit {
            assert_eq!(role.total, framework.for_role(role.role).count());
            assert_eq!(role.figure, Some(100));
            assert!(role.missing_own.is_empty());
        }
    }

    #[test]
    fn answers_covering_only_shared_items_give_no_fit_figure_for_any_role() {
        // Issue 18: an experienced PA scored 56% for all four roles on 9
        // shared items.
        let framework = content::framework();
        let mut shared_only = assessment(RoleId::Pa, Scope::Full);
        for capability in &framework.capabilities {
            if capability.expected.len() == RoleId::ALL.len() {
                shared_only.set_rating(&capability.id, Some(Rating::Level(3)), 2);
            }
        }
        let fit = role_fit(&shared_only, framework, Stage::Experienced);
        assert!(fit.iter().all(|role| role.figure.is_none()), "{fit:?}");
        for role in &fit {
            assert_eq!(role.missing_own.len(), role.own_total);
        }
    }

    #[test]
    fn a_quick_check_gives_a_figure_for_its_own_role_only() {
        let framework = content::framework();
        let mut quick = assessment(RoleId::Pa, Scope::Quick);
        for capability in quick.items(framework) {
            quick.set_rating(&capability.id, Some(Rating::Level(3)), 2);
        }
        let fit = role_fit(&quick, framework, Stage::NewlyQualified);
        for role in &fit {
            assert_eq!(
                role.figure.is_some(),
                role.role == RoleId::Pa,
                "{:?}",
                role.role
            );
        }
        let aa = fit.iter().find(|role| role.role == RoleId::Aa);
        assert!(aa.is_some_and(|aa| aa.own_rated == 0));
        // What each other role adds differs from role to role, none of it
        // is in a PA's check, and it is what the role's own count counts.
        let adds: Vec<Vec<&str>> = fit
            .iter()
            .map(|role| role.adds.iter().map(|c| c.id.as_str()).collect())
            .collect();
        assert!(fit
            .iter()
            .all(|role| (role.role == RoleId::Pa) == role.adds.is_empty()));
        assert!(fit
            .iter()
            .flat_map(|role| &role.adds)
            .all(|capability| !capability.applies_to(RoleId::Pa)));
        assert!(fit
            .iter()
            .filter(|role| role.role != RoleId::Pa)
            .all(|role| role.adds.len() == role.own_total));
        assert_ne!(adds[1], adds[2]);
        assert_ne!(adds[2], adds[3]);
    }

    #[test]
    fn a_top_up_adds_only_the_missing_items_and_keeps_every_answer() {
        let framework = content::framework();
        let mut quick = assessment(RoleId::Pa, Scope::Quick);
        let asked: Vec<String> = quick
            .items(framework)
            .iter()
            .map(|c| c.id.clone())
            .collect();
        for (index, id) in asked.iter().enumerate() {
            quick.set_rating(id, Some(Rating::Level(2)), 2);
            quick.set_note(id, &format!("note {index}"), 3);
        }
        let before = quick.clone();
        let missing: Vec<&str> = role_fit(&quick, framework, Stage::NewlyQualified)
            .into_iter()
            .find(|role| role.role == RoleId::Aa)
            .map(|aa| aa.missing_own.iter().map(|c| c.id.as_str()).collect())
            .unwrap_or_default();
        assert_eq!(missing.len(), framework.own_to(RoleId::Aa).count());
        let added = quick.top_up(framework, &missing, 10);
        assert_eq!(added, missing.len());
        assert_eq!(
            quick.top_up(framework, &missing, 11),
            0,
            "a second top-up adds nothing"
        );
        let items = quick.items(framework);
        assert_eq!(items.len(), asked.len() + missing.len());
        // The earlier items come first, unchanged; the added ones follow.
        assert!(items.iter().zip(&asked).all(|(item, id)| &item.id == id));
        assert!(items[asked.len()..]
            .iter()
            .all(|item| item.is_own_to(RoleId::Aa)));
        assert_eq!(
            quick.current.as_deref(),
            Some(items[asked.len()].id.as_str())
        );
        for id in &asked {
            assert_eq!(quick.answers.get(id), before.answers.get(id));
        }
    }

    #[test]
    fn an_unfinished_quick_check_extends_to_the_full_check_keeping_answers() {
        let framework = content::framework();
        let mut quick = assessment(RoleId::Scp, Scope::Quick);
        let first = quick.items(framework)[0].id.clone();
        quick.set_rating(&first, Some(Rating::Level(3)), 2);
        quick.set_note(&first, "logbook", 3);
        quick.extend_to_full(framework, 4);
        assert_eq!(quick.scope, Scope::Full);
        assert_eq!(
            quick.items(framework).len(),
            framework.for_role(RoleId::Scp).count()
        );
        assert_eq!(quick.note(&first), "logbook");
        assert_eq!(quick.rating(&first), Some(Rating::Level(3)));
        assert_ne!(quick.current.as_deref(), Some(first.as_str()));
    }

    #[test]
    fn each_roles_quick_check_is_its_own() {
        let framework = content::framework();
        for role in RoleId::ALL {
            let quick: Vec<&Capability> = framework.quick_check(role).collect();
            let own = quick.iter().filter(|c| c.is_own_to(role)).count();
            assert!(
                (12..=15).contains(&quick.len()),
                "{role:?}: {}",
                quick.len()
            );
            assert!(own >= 6 && own * 2 >= quick.len(), "{role:?}: {own} own");
            let domains: BTreeSet<&str> = quick.iter().map(|c| c.domain.as_str()).collect();
            let all: BTreeSet<&str> = framework
                .for_role(role)
                .map(|c| c.domain.as_str())
                .collect();
            assert_eq!(domains, all, "{role:?}");
        }
        assert!(framework
            .quick_check(RoleId::Pa)
            .any(|c| c.title == "Taking a focused history"));
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
