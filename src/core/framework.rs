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

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChangelogEntry {
    pub version: String,
    pub date: String,
    pub changes: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ScaleLevel {
    pub level: Level,
    pub label: String,
    /// What choosing this level means, shown beside the radio while rating.
    pub wording: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NotApplicable {
    pub label: String,
    pub wording: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Domain {
    pub id: String,
    pub title: String,
    pub summary: String,
    /// The published structure this domain is organised on.
    pub basis: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExpectedLevels {
    pub newly_qualified: Level,
    pub experienced: Level,
}

impl ExpectedLevels {
    /// Students and trainees are measured against the newly qualified level:
    /// it is where their training is heading.
    pub fn at(self, stage: Stage) -> Level {
        match stage {
            Stage::StudentOrTrainee | Stage::NewlyQualified => self.newly_qualified,
            Stage::Experienced => self.experienced,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Capability {
    /// Stable for ever: stored answers refer to it.
    pub id: String,
    pub domain: String,
    pub pillar: Pillar,
    pub title: String,
    pub descriptor: String,
    pub evidence: Vec<String>,
    pub development: Vec<String>,
    /// The roles this capability applies to, with indicative levels.
    pub expected: BTreeMap<RoleId, ExpectedLevels>,
    #[serde(default)]
    pub quick_check: bool,
}

impl Capability {
    pub fn applies_to(&self, role: RoleId) -> bool {
        self.expected.contains_key(&role)
    }

    pub fn expected_level(&self, role: RoleId, stage: Stage) -> Option<Level> {
        self.expected.get(&role).map(|levels| levels.at(stage))
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Framework {
    /// Semantic version, stamped on every saved assessment.
    pub version: String,
    /// ISO date this version was published.
    pub date: String,
    pub changelog: Vec<ChangelogEntry>,
    pub scale: Vec<ScaleLevel>,
    pub not_applicable: NotApplicable,
    pub domains: Vec<Domain>,
    pub capabilities: Vec<Capability>,
}

impl Framework {
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

    /// Capabilities for a role, in framework order (grouped by domain).
    pub fn for_role(&self, role: RoleId) -> impl Iterator<Item = &Capability> {
        self.domains.iter().flat_map(move |domain| {
            self.capabilities.iter().filter(move |capability| {
                capability.domain == domain.id && capability.applies_to(role)
            })
        })
    }

    pub fn quick_check(&self, role: RoleId) -> impl Iterator<Item = &Capability> {
        self.for_role(role)
            .filter(|capability| capability.quick_check)
    }
}
