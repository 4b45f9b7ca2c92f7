//! Sample people for workshops: loaded as guest data so an adviser can show
//! results without typing. Their answers follow simple, stated patterns
//! relative to the indicative expected levels, not real people's ratings.

use crate::core::{
    assessment::{Assessment, Millis, Rating, Scope},
    framework::{Capability, Framework, Level, Pillar, Stage},
    roles::RoleId,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Persona {
    pub id: &'static str,
    pub name: &'static str,
    pub description: &'static str,
    pub role: RoleId,
    pub stage: Stage,
    /// How this persona rates a capability, given its expected level.
    pattern: Pattern,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Pattern {
    /// Meets most expectations; research and education a level below.
    NewlyQualified,
    /// At or above expectations, with leadership a strength.
    Experienced,
    /// A registered professional looking at another role: strong on shared
    /// capabilities, new to the role's own clinical skills.
    ConsideringRole,
}

pub const PERSONAS: [Persona; 4] = [
    Persona {
        id: "newly-qualified-pa",
        name: "Amira, newly qualified physician associate",
        description: "Six months into her first post on a medical ward.",
        role: RoleId::Pa,
        stage: Stage::NewlyQualified,
        pattern: Pattern::NewlyQualified,
    },
    Persona {
        id: "experienced-scp",
        name: "Gareth, experienced surgical care practitioner",
        description: "Eight years in orthopaedic theatres; preparing for appraisal.",
        role: RoleId::Scp,
        stage: Stage::Experienced,
        pattern: Pattern::Experienced,
    },
    Persona {
        id: "theatre-nurse-scp",
        name: "Priya, theatre nurse considering the SCP route",
        description: "A registered theatre nurse wondering what the SCP role would ask of her.",
        role: RoleId::Scp,
        stage: Stage::StudentOrTrainee,
        pattern: Pattern::ConsideringRole,
    },
    Persona {
        id: "icu-nurse-accp",
        name: "Tom, intensive care nurse considering ACCP",
        description: "Five years in adult intensive care, thinking about ACCP training.",
        role: RoleId::Accp,
        stage: Stage::StudentOrTrainee,
        pattern: Pattern::ConsideringRole,
    },
];

fn is_role_specific(capability: &Capability) -> bool {
    capability.expected.len() < RoleId::ALL.len()
}

fn rating(pattern: Pattern, capability: &Capability, expected: Level) -> Rating {
    let level = match pattern {
        Pattern::NewlyQualified => match capability.pillar {
            Some(Pillar::Research | Pillar::Education) => expected.saturating_sub(1),
            _ => expected,
        },
        Pattern::Experienced => match capability.pillar {
            Some(Pillar::LeadershipAndManagement) => expected + 1,
            Some(Pillar::Research) => expected.saturating_sub(1),
            _ => expected,
        },
        Pattern::ConsideringRole if is_role_specific(capability) => 1,
        Pattern::ConsideringRole => expected,
    };
    Rating::Level(level.clamp(1, 4))
}

/// A finished full check for the persona, as guest data.
pub fn assessment_for(
    persona: &Persona,
    framework: &Framework,
    profile: String,
    id: String,
    now: Millis,
) -> Assessment {
    let mut assessment = Assessment::new(
        id,
        profile,
        persona.role,
        persona.stage,
        Scope::Full,
        framework.version.clone(),
        now,
    );
    for capability in framework.for_role(persona.role) {
        let Some(expected) = capability.expected_level(persona.role, persona.stage) else {
            continue;
        };
        assessment.set_rating(
            &capability.id,
            Some(rating(persona.pattern, capability, expected)),
            now,
        );
    }
    assessment.finish(now);
    assessment
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::{content, scoring::results};

    #[test]
    fn every_persona_answers_every_capability_of_its_role() {
        let framework = content::framework();
        for persona in &PERSONAS {
            let assessment =
                assessment_for(persona, framework, "guest".into(), persona.id.into(), 5);
            let items = assessment.items(framework);
            assert_eq!(
                assessment.answered_count(&items),
                items.len(),
                "{}",
                persona.id
            );
            assert!(assessment.finished_at.is_some());
        }
    }

    #[test]
    fn a_nurse_considering_a_role_shows_gaps_only_in_its_own_clinical_skills() {
        let framework = content::framework();
        let persona = &PERSONAS[3];
        let assessment = assessment_for(persona, framework, "guest".into(), "p".into(), 5);
        let results = results(&assessment, framework, persona.role, persona.stage);
        let gaps = results.gaps();
        assert!(!gaps.is_empty());
        assert!(gaps.iter().all(|item| is_role_specific(item.capability)));
    }

    #[test]
    fn the_experienced_persona_is_strong_in_leadership() {
        let framework = content::framework();
        let persona = &PERSONAS[1];
        let assessment = assessment_for(persona, framework, "guest".into(), "p".into(), 5);
        let results = results(&assessment, framework, persona.role, persona.stage);
        let leadership = results
            .by_pillar
            .iter()
            .find(|group| group.id == "LeadershipAndManagement");
        let Some(leadership) = leadership else {
            panic!("no leadership pillar")
        };
        assert!(leadership.mean_rating >= leadership.mean_expected);
    }
}
