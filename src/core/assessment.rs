//! A self-assessment: who it is for, which capabilities it covers, and every
//! answer with the moment it was last changed.
//!
//! Each answer carries its own `updated_at` so two copies of one assessment
//! (two tabs, or a backup and the device) can be merged item by item: the
//! latest change to each item wins, and nobody's newer answer is lost.

use crate::core::{
    framework::{Capability, Framework, Level, Stage},
    roles::RoleId,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Milliseconds since the Unix epoch, as the browser's `Date.now()` gives.
pub type Millis = u64;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scope {
    /// About ten capabilities, one per domain or so: first visits, workshops.
    Quick,
    /// Every capability that applies to the role.
    Full,
}

impl Scope {
    pub fn label(self) -> &'static str {
        match self {
            Scope::Quick => "Quick check",
            Scope::Full => "Full check",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rating {
    Level(Level),
    NotApplicable,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    /// `None` when only a note has been written so far.
    pub rating: Option<Rating>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    pub updated_at: Millis,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ActionStatus {
    NotStarted,
    InProgress,
    Done,
}

impl ActionStatus {
    pub const ALL: [ActionStatus; 3] = [
        ActionStatus::NotStarted,
        ActionStatus::InProgress,
        ActionStatus::Done,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ActionStatus::NotStarted => "Not started",
            ActionStatus::InProgress => "In progress",
            ActionStatus::Done => "Done",
        }
    }
}

/// One line of a development plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanAction {
    pub id: String,
    pub what: String,
    /// ISO date (YYYY-MM-DD), or empty when not yet set.
    #[serde(default)]
    pub by_when: String,
    pub capabilities: Vec<String>,
    /// The level the person is aiming for; defaults to the expected level.
    pub target: Option<Level>,
    pub status: ActionStatus,
    pub updated_at: Millis,
    /// Deleted actions stay as tombstones so a merge cannot bring them back.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub deleted: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    pub id: String,
    pub profile: String,
    pub role: RoleId,
    pub stage: Stage,
    pub scope: Scope,
    pub content_version: String,
    pub created_at: Millis,
    pub updated_at: Millis,
    pub finished_at: Option<Millis>,
    /// The capability on screen when the person last left, to resume there.
    pub current: Option<String>,
    pub answers: BTreeMap<String, Answer>,
    #[serde(default)]
    pub plan: Vec<PlanAction>,
    /// Whether the appraisal summary prints the notes.
    #[serde(default)]
    pub print_notes: bool,
}

impl Assessment {
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        id: String,
        profile: String,
        role: RoleId,
        stage: Stage,
        scope: Scope,
        content_version: String,
        now: Millis,
    ) -> Assessment {
        Assessment {
            id,
            profile,
            role,
            stage,
            scope,
            content_version,
            created_at: now,
            updated_at: now,
            finished_at: None,
            current: None,
            answers: BTreeMap::new(),
            plan: Vec::new(),
            print_notes: false,
        }
    }

    /// A new assessment that starts from a previous one's answers, for
    /// re-assessment. The plan is carried over too: it is still the plan.
    pub fn start_from(
        previous: &Assessment,
        id: String,
        content_version: String,
        now: Millis,
    ) -> Assessment {
        let mut next = Assessment::new(
            id,
            previous.profile.clone(),
            previous.role,
            previous.stage,
            previous.scope,
            content_version,
            now,
        );
        next.answers = previous
            .answers
            .iter()
            .map(|(id, answer)| {
                (
                    id.clone(),
                    Answer {
                        updated_at: now,
                        ..answer.clone()
                    },
                )
            })
            .collect();
        next.plan = previous
            .plan
            .iter()
            .filter(|action| !action.deleted)
            .cloned()
            .collect();
        next
    }

    /// The capabilities this assessment asks about, in framework order.
    pub fn items<'a>(&self, framework: &'a Framework) -> Vec<&'a Capability> {
        match self.scope {
            Scope::Quick => framework.quick_check(self.role).collect(),
            Scope::Full => framework.for_role(self.role).collect(),
        }
    }

    pub fn rating(&self, capability: &str) -> Option<Rating> {
        self.answers
            .get(capability)
            .and_then(|answer| answer.rating)
    }

    pub fn note(&self, capability: &str) -> &str {
        self.answers
            .get(capability)
            .map_or("", |answer| answer.note.as_str())
    }

    pub fn set_rating(&mut self, capability: &str, rating: Option<Rating>, now: Millis) {
        let answer = self.answers.entry(capability.to_owned()).or_default();
        answer.rating = rating;
        answer.updated_at = now;
        self.touch(now);
    }

    pub fn set_note(&mut self, capability: &str, note: &str, now: Millis) {
        let answer = self.answers.entry(capability.to_owned()).or_default();
        answer.note = note.to_owned();
        answer.updated_at = now;
        self.touch(now);
    }

    pub fn set_current(&mut self, capability: &str, now: Millis) {
        self.current = Some(capability.to_owned());
        self.touch(now);
    }

    pub fn finish(&mut self, now: Millis) {
        if self.finished_at.is_none() {
            self.finished_at = Some(now);
        }
        self.touch(now);
    }

    fn touch(&mut self, now: Millis) {
        self.updated_at = self.updated_at.max(now);
    }

    /// How many of the given items have a rating (a level or not applicable).
    pub fn answered_count(&self, items: &[&Capability]) -> usize {
        items
            .iter()
            .filter(|item| self.rating(&item.id).is_some())
            .count()
    }

    pub fn first_unanswered<'a>(&self, items: &[&'a Capability]) -> Option<&'a Capability> {
        items
            .iter()
            .copied()
            .find(|item| self.rating(&item.id).is_none())
    }

    pub fn live_plan(&self) -> impl Iterator<Item = &PlanAction> {
        self.plan.iter().filter(|action| !action.deleted)
    }

    pub fn upsert_action(&mut self, action: PlanAction) {
        self.touch(action.updated_at);
        match self
            .plan
            .iter_mut()
            .find(|existing| existing.id == action.id)
        {
            Some(existing) => *existing = action,
            None => self.plan.push(action),
        }
    }

    /// Merges another copy of this assessment into this one. For each answer
    /// and each plan action the later change wins; the record's own fields
    /// (position, finished) come from whichever copy changed last.
    pub fn merge(&mut self, other: &Assessment) {
        for (id, theirs) in &other.answers {
            match self.answers.get(id) {
                Some(mine) if mine.updated_at >= theirs.updated_at => {}
                _ => {
                    self.answers.insert(id.clone(), theirs.clone());
                }
            }
        }
        for theirs in &other.plan {
            match self.plan.iter_mut().find(|mine| mine.id == theirs.id) {
                Some(mine) if mine.updated_at >= theirs.updated_at => {}
                Some(mine) => *mine = theirs.clone(),
                None => self.plan.push(theirs.clone()),
            }
        }
        if other.updated_at > self.updated_at {
            self.current = other.current.clone();
            self.print_notes = other.print_notes;
            self.updated_at = other.updated_at;
        }
        self.finished_at = match (self.finished_at, other.finished_at) {
            (Some(mine), Some(theirs)) => Some(mine.min(theirs)),
            (mine, theirs) => mine.or(theirs),
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Assessment {
        Assessment::new(
            "a1".into(),
            "p1".into(),
            RoleId::Pa,
            Stage::NewlyQualified,
            Scope::Quick,
            "1.0.0".into(),
            1_000,
        )
    }

    #[test]
    fn merge_keeps_the_latest_change_to_each_item() {
        let mut left = sample();
        let mut right = sample();
        left.set_rating("x", Some(Rating::Level(2)), 2_000);
        right.set_rating("x", Some(Rating::Level(4)), 3_000);
        right.set_rating("y", Some(Rating::NotApplicable), 1_500);
        left.set_rating("y", Some(Rating::Level(3)), 2_500);
        left.merge(&right);
        assert_eq!(left.rating("x"), Some(Rating::Level(4)));
        assert_eq!(left.rating("y"), Some(Rating::Level(3)));
    }

    #[test]
    fn merge_is_the_same_whichever_side_merges() {
        let mut left = sample();
        let mut right = sample();
        left.set_rating("a", Some(Rating::Level(1)), 2_000);
        right.set_note("b", "logbook", 2_100);
        let mut left_then_right = left.clone();
        left_then_right.merge(&right);
        let mut right_then_left = right.clone();
        right_then_left.merge(&left);
        assert_eq!(left_then_right.answers, right_then_left.answers);
    }

    #[test]
    fn a_deleted_plan_action_is_not_resurrected_by_an_older_copy() {
        let action = PlanAction {
            id: "act".into(),
            what: "Shadow a pre-operative clinic".into(),
            by_when: String::new(),
            capabilities: vec!["x".into()],
            target: Some(3),
            status: ActionStatus::NotStarted,
            updated_at: 2_000,
            deleted: false,
        };
        let mut older = sample();
        older.upsert_action(action.clone());
        let mut newer = older.clone();
        newer.upsert_action(PlanAction {
            deleted: true,
            updated_at: 3_000,
            ..action
        });
        older.merge(&newer);
        assert_eq!(older.live_plan().count(), 0);
    }

    #[test]
    fn starting_from_a_previous_assessment_copies_answers_not_identity() {
        let mut previous = sample();
        previous.set_rating("x", Some(Rating::Level(3)), 2_000);
        previous.finish(2_500);
        let next = Assessment::start_from(&previous, "a2".into(), "1.1.0".into(), 9_000);
        assert_eq!(next.id, "a2");
        assert_eq!(next.content_version, "1.1.0");
        assert_eq!(next.rating("x"), Some(Rating::Level(3)));
        assert_eq!(next.finished_at, None);
    }

    #[test]
    fn finishing_twice_keeps_the_first_finish_date() {
        let mut assessment = sample();
        assessment.finish(2_000);
        assessment.finish(5_000);
        assert_eq!(assessment.finished_at, Some(2_000));
    }
}
