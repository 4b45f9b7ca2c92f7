//! Turning gaps into a development plan: suggested actions drawn from the
//! content's development ideas, with targets that default to the expected
//! level and can be changed.

use crate::core::{
    assessment::{ActionStatus, Millis, PlanAction},
    framework::Level,
    scoring::Results,
};

/// A gap with the content's ideas for closing it, offered to the user.
#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion {
    pub capability: String,
    pub title: String,
    pub gap: Level,
    pub expected: Level,
    pub ideas: Vec<String>,
}

/// One suggestion per gap, largest gaps first, skipping capabilities the
/// plan already has an action for.
pub fn suggestions(results: &Results, plan: &[PlanAction]) -> Vec<Suggestion> {
    results
        .gaps()
        .into_iter()
        .filter(|item| {
            !plan
                .iter()
                .any(|action| !action.deleted && action.capabilities.contains(&item.capability.id))
        })
        .filter_map(|item| {
            Some(Suggestion {
                capability: item.capability.id.clone(),
                title: crate::core::packs::labelled_title(item.capability),
                gap: item.gap(),
                // Every gap has an expected level.
                expected: item.expected?,
                ideas: item.capability.development.clone(),
            })
        })
        .collect()
}

/// A new action for a suggestion; the target starts at the expected level.
pub fn action_from(suggestion: &Suggestion, idea: &str, id: String, now: Millis) -> PlanAction {
    PlanAction {
        id,
        what: idea.to_owned(),
        by_when: String::new(),
        capabilities: vec![suggestion.capability.clone()],
        target: Some(suggestion.expected),
        status: ActionStatus::NotStarted,
        updated_at: now,
        deleted: false,
    }
}

/// Whether the plan already has a live action made from `idea` for
/// `capability`, so the suggestion can say so instead of offering it again.
pub fn has_idea(plan: &[PlanAction], capability: &str, idea: &str) -> bool {
    plan.iter().any(|action| {
        !action.deleted
            && action.what == idea
            && action.capabilities.iter().any(|id| id == capability)
    })
}

/// Field-by-field problems with an action the user typed, for an error
/// summary. Empty means it can be saved.
pub fn problems(what: &str, by_when: &str) -> Vec<(&'static str, &'static str)> {
    let mut problems = Vec::new();
    if what.trim().is_empty() {
        problems.push(("action-what", "Enter what you will do"));
    } else if crate::core::limits::char_count(what) > crate::core::limits::PLAN_TEXT_MAX_CHARS {
        problems.push((
            "action-what",
            "What you will do must be 500 characters or fewer",
        ));
    }
    if !by_when.is_empty() && !is_real_date(by_when) {
        problems.push((
            "action-by-when",
            "By when must be a real date, like 2027-03-31",
        ));
    }
    problems
}

/// Whether `text` is a real ISO date (YYYY-MM-DD) from 2000 to 2100.
pub fn is_real_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let [year, month, day] = parts.as_slice() else {
        return false;
    };
    let (Ok(year), Ok(month), Ok(day)) = (
        year.parse::<u32>(),
        month.parse::<u32>(),
        day.parse::<u32>(),
    ) else {
        return false;
    };
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (2000..=2100).contains(&year) && (1..=days).contains(&day)
}

#[cfg(test)]
mod idea_tests {
    use super::*;

    fn action(what: &str, capability: &str, deleted: bool) -> PlanAction {
        PlanAction {
            id: "x".into(),
            what: what.into(),
            by_when: String::new(),
            capabilities: vec![capability.into()],
            target: None,
            status: ActionStatus::NotStarted,
            updated_at: 0,
            deleted,
        }
    }

    #[test]
    fn an_idea_is_in_the_plan_only_while_its_action_is_live() {
        let plan = vec![
            action("Meet your lead", "c-1", false),
            action("Read the policy", "c-1", true),
        ];
        assert!(has_idea(&plan, "c-1", "Meet your lead"));
        assert!(!has_idea(&plan, "c-1", "Read the policy"));
        assert!(!has_idea(&plan, "c-2", "Meet your lead"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::{
        assessment::{Assessment, Rating, Scope},
        content,
        framework::Stage,
        roles::RoleId,
        scoring::results,
    };

    fn with_one_gap() -> (Assessment, String) {
        let framework = content::framework();
        let mut assessment = Assessment::new(
            "a".into(),
            "me".into(),
            RoleId::Pa,
            Stage::Experienced,
            Scope::Quick,
            "1.0.0".into(),
            1,
        );
        let item = assessment.items(framework)[0];
        assessment.set_rating(&item.id, Some(Rating::Level(1)), 2);
        (assessment, item.id.clone())
    }

    #[test]
    fn each_gap_is_suggested_with_the_contents_development_ideas() {
        let framework = content::framework();
        let (assessment, id) = with_one_gap();
        let results = results(&assessment, framework, RoleId::Pa, Stage::Experienced);
        let suggestions = suggestions(&results, &assessment.plan);
        assert_eq!(suggestions.len(), 1);
        assert_eq!(suggestions[0].capability, id);
        assert!(suggestions[0].ideas.len() >= 2);
    }

    #[test]
    fn a_new_action_targets_the_expected_level_by_default() {
        let framework = content::framework();
        let (assessment, _) = with_one_gap();
        let results = results(&assessment, framework, RoleId::Pa, Stage::Experienced);
        let suggestion = &suggestions(&results, &assessment.plan)[0];
        let action = action_from(suggestion, &suggestion.ideas[0], "act".into(), 3);
        assert_eq!(action.target, Some(suggestion.expected));
        assert_eq!(action.status, ActionStatus::NotStarted);
    }

    #[test]
    fn a_gap_already_in_the_plan_is_not_suggested_again() {
        let framework = content::framework();
        let (mut assessment, _) = with_one_gap();
        let results_before = results(&assessment, framework, RoleId::Pa, Stage::Experienced);
        let suggestion = suggestions(&results_before, &assessment.plan)[0].clone();
        assessment.upsert_action(action_from(
            &suggestion,
            "Shadow a colleague",
            "act".into(),
            3,
        ));
        let results = results(&assessment, framework, RoleId::Pa, Stage::Experienced);
        assert!(suggestions(&results, &assessment.plan).is_empty());
    }

    #[test]
    fn typed_actions_need_words_and_a_real_date() {
        assert!(problems("Attend a course", "2027-02-28").is_empty());
        assert!(problems("Attend a course", "").is_empty());
        assert_eq!(problems(" ", "").len(), 1);
        assert_eq!(problems("Attend", "2027-02-30")[0].0, "action-by-when");
        assert_eq!(problems("Attend", "next week")[0].0, "action-by-when");
        assert!(problems("Attend", "2028-02-29").is_empty());
    }
}
