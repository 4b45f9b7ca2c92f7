//! Our capability framework for MAPs: domains (after the GMC Generic
//! Professional Capabilities), the four pillars of advanced practice, the
//! rating scale, and the capabilities with indicative expected levels.
//!
//! This is the team's own wording. It is not the Skills for Health MAPs Core
//! Capabilities Framework, whose text we could not obtain.

use crate::core::roles::RoleId;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A point on the supervision-based rating scale, 1 (not yet) to 4.
pub type Level = u8;

pub const LOWEST_LEVEL: Level = 1;
pub const HIGHEST_LEVEL: Level = 4;

/// Career stage a person assesses themselves at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stage {
    StudentOrTrainee,
    NewlyQualified,
    Experienced,
}

impl Stage {
    pub const ALL: [Stage; 3] = [
        Stage::StudentOrTrainee,
        Stage::NewlyQualified,
        Stage::Experienced,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Stage::StudentOrTrainee => "Student or trainee",
            Stage::NewlyQualified => "Newly qualified",
            Stage::Experienced => "Experienced",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Stage::StudentOrTrainee => "student-or-trainee",
            Stage::NewlyQualified => "newly-qualified",
            Stage::Experienced => "experienced",
        }
    }

    pub fn from_code(code: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|stage| stage.code() == code)
    }
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChangelogEntry {
    pub version: String,
    pub date: String,
    pub changes: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScaleLevel {
    pub level: Level,
    pub label: String,
    /// What choosing this level means, shown beside the radio while rating.
    pub wording: String,
    /// The label as a supervisor reads it of the practitioner, where
    /// `label` speaks in the first person ("within my scope" is "within
    /// the agreed scope"); `None` where `label` reads the same for both.
    #[serde(default)]
    pub observed: Option<String>,
    /// Role-specific label and wording, replacing the general ones for
    /// that role. Physician associates and anaesthesia associates always
    /// work under supervision (GMC; RCP; RCoA), so the top level is worded
    /// for them without "on your own".
    #[serde(default)]
    pub for_roles: BTreeMap<RoleId, Wording>,
}

impl ScaleLevel {
    /// This level as a person in `role` sees it.
    pub fn for_role(&self, role: RoleId) -> ScaleLevel {
        let (label, wording, observed) = match self.for_roles.get(&role) {
            Some(own) => (own.label.clone(), own.wording.clone(), own.observed.clone()),
            None => (
                self.label.clone(),
                self.wording.clone(),
                self.observed.clone(),
            ),
        };
        ScaleLevel {
            level: self.level,
            label,
            wording,
            observed,
            for_roles: BTreeMap::new(),
        }
    }

    /// The label as a supervisor reads it of the practitioner (see
    /// [`ScaleLevel::observed`]).
    pub fn observed_label(&self) -> &str {
        self.observed.as_deref().unwrap_or(&self.label)
    }
}

/// A capability id that is no longer used, and the one that took its
/// answers: a capability that was renamed, reframed or split.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Replacement {
    pub from: String,
    pub to: String,
    /// Why, in a sentence, for the changelog and the results page.
    pub why: String,
}

/// A label and what choosing it means: the "not applicable" answer, or a
/// scale level's wording for one role.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Wording {
    pub label: String,
    pub wording: String,
    /// As [`ScaleLevel::observed`].
    #[serde(default)]
    pub observed: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Domain {
    pub id: String,
    pub title: String,
    pub summary: String,
    /// The published structure this domain is organised on.
    pub basis: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Pillar {
    ClinicalPractice,
    LeadershipAndManagement,
    Education,
    Research,
}

impl Pillar {
    pub const ALL: [Pillar; 4] = [
        Pillar::ClinicalPractice,
        Pillar::LeadershipAndManagement,
        Pillar::Education,
        Pillar::Research,
    ];

    /// As written in `framework.json` (the serde names).
    pub fn code(self) -> &'static str {
        match self {
            Pillar::ClinicalPractice => "clinical-practice",
            Pillar::LeadershipAndManagement => "leadership-and-management",
            Pillar::Education => "education",
            Pillar::Research => "research",
        }
    }

    pub fn from_code(code: &str) -> Option<Pillar> {
        Pillar::ALL.into_iter().find(|pillar| pillar.code() == code)
    }

    pub fn title(self) -> &'static str {
        match self {
            Pillar::ClinicalPractice => "Clinical practice",
            Pillar::LeadershipAndManagement => "Leadership and management",
            Pillar::Education => "Education",
            Pillar::Research => "Research",
        }
    }
}

/// Indicative expected levels for one role at the two qualified stages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpectedLevels {
    /// `None` only in a local pack, whose author may set no expectation.
    pub newly_qualified: Option<Level>,
    pub experienced: Option<Level>,
}

impl ExpectedLevels {
    /// Students and trainees are measured against the newly qualified level:
    /// it is where their training is heading.
    pub fn at(self, stage: Stage) -> Option<Level> {
        match stage {
            Stage::StudentOrTrainee | Stage::NewlyQualified => self.newly_qualified,
            Stage::Experienced => self.experienced,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Capability {
    /// Stable for ever: stored answers refer to it.
    pub id: String,
    pub domain: String,
    /// `None` for a local pack's capability: packs do not say.
    pub pillar: Option<Pillar>,
    pub title: String,
    pub descriptor: String,
    pub evidence: Vec<String>,
    pub development: Vec<String>,
    /// The roles this capability applies to, with indicative levels.
    pub expected: BTreeMap<RoleId, ExpectedLevels>,
    /// The local pack it comes from; `None` for the app's own content
    /// (never read from `framework.json`).
    #[serde(skip)]
    pub pack: Option<crate::core::packs::PackOrigin>,
}

impl Capability {
    pub fn applies_to(&self, role: RoleId) -> bool {
        self.expected.contains_key(&role)
    }

    pub fn expected_level(&self, role: RoleId, stage: Stage) -> Option<Level> {
        self.expected.get(&role).and_then(|levels| levels.at(stage))
    }

    /// Whether this capability is `role`'s own: it applies to that role and
    /// to no other.
    /// A local pack's capabilities are never a role's own: what sets the
    /// roles apart is the app's content.
    pub fn is_own_to(&self, role: RoleId) -> bool {
        self.pack.is_none() && self.applies_to(role) && self.expected.len() == 1
    }
}

/// When a role fit figure may be shown (`fit` in framework.json): the
/// answers must cover at least `min_rated` of the role's capabilities,
/// `min_own_rated` of them the role's own. The rule is this app's, and
/// `why` says so in words for the person.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FitRule {
    pub min_rated: usize,
    pub min_own_rated: usize,
    pub why: String,
}

/// `framework.json`, read with serde: an unknown field is an error, so a
/// misspelt one is reported rather than silently ignored.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Framework {
    /// Semantic version, stamped on every saved assessment.
    pub version: String,
    /// ISO date this version was published.
    pub date: String,
    pub changelog: Vec<ChangelogEntry>,
    pub scale: Vec<ScaleLevel>,
    pub not_applicable: Wording,
    pub domains: Vec<Domain>,
    pub capabilities: Vec<Capability>,
    /// The capability ids each role's quick check asks about, chosen in the
    /// content (shown in framework order).
    pub quick_checks: BTreeMap<RoleId, Vec<String>>,
    /// When a role fit figure may be shown.
    pub fit: FitRule,
    /// Old capability ids mapped to the ids that carry their answers.
    #[serde(default)]
    pub replaced: Vec<Replacement>,
}

impl Framework {
    /// The rating scale as a person in `role` sees it (see
    /// [`ScaleLevel::for_roles`]).
    pub fn scale_for(&self, role: RoleId) -> Vec<ScaleLevel> {
        self.scale
            .iter()
            .map(|level| level.for_role(role))
            .collect()
    }

    /// The id that now carries answers given to `id`: `id` itself unless a
    /// later content version replaced it. Follows chains (a to b to c).
    pub fn current_id<'a>(&'a self, id: &'a str) -> &'a str {
        let mut current = id;
        // A chain can be no longer than the list; this also stops a cycle.
        for _ in 0..=self.replaced.len() {
            match self.replaced.iter().find(|step| step.from == current) {
                Some(step) => current = &step.to,
                None => break,
            }
        }
        current
    }

    pub fn capability(&self, id: &str) -> Option<&Capability> {
        self.capabilities
            .iter()
            .find(|capability| capability.id == id)
    }

    pub fn domain(&self, id: &str) -> Option<&Domain> {
        self.domains.iter().find(|domain| domain.id == id)
    }

    pub fn scale_level(&self, level: Level) -> Option<&ScaleLevel> {
        self.scale.iter().find(|scale| scale.level == level)
    }

    /// The word for `level` on the rating scale as a person in `role` reads
    /// it (see [`ScaleLevel::for_role`]): for PAs and AAs level 4 is
    /// "Consistently, within my supervision". `None` if the scale has no
    /// such level.
    pub fn level_word(&self, role: RoleId, level: Level) -> Option<String> {
        self.scale_level(level)
            .map(|scale| scale.for_role(role).label)
    }

    /// "3 (with some support)": a level with its word on the rating scale as
    /// a person in `role` reads it, or just the number if the scale has no
    /// such level. Everything that shows a level of an assessment, a review
    /// or a plan uses this, so the words are those the person rated with.
    pub fn level_label(&self, role: RoleId, level: Level) -> String {
        crate::core::text::level_label(level, self.level_word(role, level).as_deref())
    }

    /// [`Framework::level_label`] as a supervisor reads it of the
    /// practitioner ("4 (Consistently, within the agreed supervision)"): their
    /// rating of a colleague, and the choices they rate with.
    pub fn observed_level_label(&self, role: RoleId, level: Level) -> String {
        let word = self
            .scale_level(level)
            .map(|scale| scale.for_role(role).observed_label().to_owned());
        crate::core::text::level_label(level, word.as_deref())
    }

    /// [`Framework::level_label`] of an expected level, or "no level" where
    /// none is expected (only a local pack's capability sets none).
    pub fn expected_level_label(&self, role: RoleId, level: Option<Level>) -> String {
        level.map_or_else(|| "no level".into(), |level| self.level_label(role, level))
    }

    /// Capabilities for a role, in framework order (grouped by domain).
    pub fn for_role(&self, role: RoleId) -> impl Iterator<Item = &Capability> {
        self.domains.iter().flat_map(move |domain| {
            self.capabilities.iter().filter(move |capability| {
                capability.domain == domain.id && capability.applies_to(role)
            })
        })
    }

    /// The capabilities of `roles` (every capability if `roles` is empty)
    /// grouped under their domains, in framework order, for a picker: each
    /// with the name to show, its title, followed by the roles it applies
    /// to ("(PA)") where another capability shown has the same title.
    pub fn picker(&self, roles: &[RoleId]) -> Vec<(&Domain, Vec<(&Capability, String)>)> {
        let shown: Vec<&Capability> = self
            .capabilities
            .iter()
            .filter(|capability| {
                roles.is_empty() || roles.iter().any(|role| capability.applies_to(*role))
            })
            .collect();
        // How many capabilities shown have each title, counted once.
        let mut titles: BTreeMap<&str, usize> = BTreeMap::new();
        for capability in &shown {
            *titles.entry(capability.title.as_str()).or_default() += 1;
        }
        let shared_title = |capability: &Capability| {
            titles
                .get(capability.title.as_str())
                .is_some_and(|&count| count > 1)
        };
        self.domains
            .iter()
            .map(|domain| {
                let choices = shown
                    .iter()
                    .copied()
                    .filter(|capability| capability.domain == domain.id)
                    .map(|capability| {
                        let name = if shared_title(capability) {
                            let roles: Vec<String> = capability
                                .expected
                                .keys()
                                .map(|role| role.code().to_ascii_uppercase())
                                .collect();
                            format!("{} ({})", capability.title, roles.join(", "))
                        } else {
                            capability.title.clone()
                        };
                        (capability, name)
                    })
                    .collect();
                (domain, choices)
            })
            .filter(|(_, choices): &(&Domain, Vec<(&Capability, String)>)| !choices.is_empty())
            .collect()
    }

    /// The role's quick check, in framework order (see `quick_checks`).
    pub fn quick_check(&self, role: RoleId) -> impl Iterator<Item = &Capability> {
        let chosen = self.quick_checks.get(&role);
        self.for_role(role)
            .filter(move |capability| chosen.is_some_and(|ids| ids.contains(&capability.id)))
    }

    /// The fewest and the most capabilities that the checks of `role`, or
    /// of any role for `None`, ask about, from this framework's own lists
    /// (local packs not counted): `(quick, full)`, each as `(fewest, most)`.
    /// Shown on the check's start page, so its promise follows the content
    /// and the role chosen.
    pub fn check_sizes(&self, role: Option<RoleId>) -> ((usize, usize), (usize, usize)) {
        let roles = match role {
            Some(role) => vec![role],
            None => RoleId::ALL.to_vec(),
        };
        let range = |count: &dyn Fn(RoleId) -> usize| {
            roles
                .iter()
                .copied()
                .map(count)
                .fold((usize::MAX, 0), |(fewest, most), n| {
                    (fewest.min(n), most.max(n))
                })
        };
        (
            range(&|role| self.quick_check(role).count()),
            range(&|role| self.for_role(role).count()),
        )
    }

    /// The capabilities only `role` has, in framework order.
    pub fn own_to(&self, role: RoleId) -> impl Iterator<Item = &Capability> {
        self.for_role(role)
            .filter(move |capability| capability.is_own_to(role))
    }
}
