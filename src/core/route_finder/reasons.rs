//! What the route finder says, and which sources say it: every reason's
//! words and source ids, one function each. The rules that choose among
//! them are in the parent module; the source ids are entries of
//! `src/content/roles.json`, checked by the parent's tests.

use super::Reason;
use crate::core::{
    content,
    roles::{RoleId, SectionKind},
};

/// What a role asks of everyone, said while the answers do not yet show
/// where the person starts from.
pub(super) fn entry_in_general(role: RoleId) -> Vec<Reason> {
    match role {
        RoleId::Pa => vec![pa_postgraduate_route(), pa_apprenticeship()],
        RoleId::Aa => vec![Reason::new(
            "You can apply as a healthcare professional registered for three or more years since qualifying, or with a biomedical or biological science degree at 2:1 or above.",
            &["hee-aa"],
        )],
        RoleId::Scp => vec![scp_must_be_registered(), scp_course()],
        RoleId::Accp => vec![accp_must_be_registered(), accp_degree_and_prescribing(), accp_course()],
    }
}

/// The role page's dated fact on the end of the transition period, in the
/// wording for `today`, so the route finder and the role page agree.
pub(super) fn transition(role: RoleId, lead: &str, today: &str) -> Reason {
    let fact = content::roles()
        .role(role)
        .and_then(|profile| profile.section(SectionKind::Regulation))
        .and_then(|section| section.facts.iter().find(|fact| fact.after.is_some()));
    match fact {
        Some(fact) => Reason {
            text: format!(
                "{lead} {} Check that you are registered.",
                fact.text_on(today)
            ),
            sources: fact.sources.clone(),
        },
        None => Reason::new(
            format!("{lead} Check that you are on the GMC register."),
            &["gmc-registration"],
        ),
    }
}

/// The sources conflict on whether student AAs are being recruited, and
/// the app says so wherever it talks about applying.
pub(super) fn aa_recruitment() -> Reason {
    Reason::new(
        "Sources conflict on whether training posts are recruiting: the Royal College of Anaesthetists says recruitment of new student AAs remains paused, while Anaesthetists United reports that the College considers the conditions for the pause met. Check with the university and employer before you apply.",
        &["rcoa-paa", "au-pause"],
    )
}

pub(super) fn already_in_role(role: RoleId, today: &str) -> Reason {
    match role {
        RoleId::Pa => transition(role, "You already work as a physician associate.", today),
        RoleId::Aa => transition(role, "You already work as an anaesthesia associate.", today),
        RoleId::Scp => Reason::new(
            "You already work as a surgical care practitioner. The role is regulated through your first profession, so keep your NMC or HCPC registration.",
            &["scp-register-why", "rcseng-scp-regulation"],
        ),
        RoleId::Accp => Reason::new(
            "You already work as an advanced critical care practitioner. ACCPs are regulated through their first profession, so keep your NMC or HCPC registration.",
            &["ficm-accp-queries"],
        ),
    }
}

// Physician associates.

pub(super) fn pa_postgraduate_route() -> Reason {
    Reason::new(
        "Most people qualify through a two-year postgraduate PA course, which they start after a degree in a life or health science or after working in healthcare.",
        &["gmc-more-info"],
    )
}

pub(super) fn pa_apprenticeship() -> Reason {
    Reason::new(
        "The other way in is a level 7 degree apprenticeship, in which you are employed while you train.",
        &["apprenticeship-pa"],
    )
}

pub(super) fn pa_exam() -> Reason {
    Reason::new(
        "To join the GMC register you must pass a national exam: since September 2025 it is the PA registration assessment (PARA), which replaced the PANE.",
        &["gmc-para"],
    )
}

pub(super) fn pa_graduate_meets_entry() -> Reason {
    Reason::new(
        "With your degree in a life or health science you meet the usual entry requirement for a two-year postgraduate PA course. We have no source on which courses are taking students now, so check with each university.",
                    &["gmc-more-info"],
    )
}

pub(super) fn pa_degree_first() -> Reason {
    Reason::new(
        "You could take a degree in a life or health science first, then a two-year postgraduate PA course.",
                    &["gmc-more-info"],
    )
}

pub(super) fn pa_apprenticeship_after_school() -> Reason {
    Reason::new(
        "A level 7 degree apprenticeship is another way in: level 7 is master's level, so check its entry requirements with the employer and university first.",
                    &["apprenticeship-pa"],
    )
}

pub(super) fn pa_after_work_in_healthcare() -> Reason {
    Reason::new(
        "You work in healthcare, and people can start the two-year postgraduate PA course after working in healthcare.",
                    &["gmc-more-info"],
    )
}

pub(super) fn pa_check_course_asks_degree() -> Reason {
    Reason::new(
        "The course is postgraduate, so check with each university whether it asks for a degree as well as your healthcare experience, and whether it is taking students now.",
                    &["gmc-more-info"],
    )
}

// Anaesthesia associates.

pub(super) fn aa_training() -> Reason {
    Reason::new(
        "Student AAs are employed by an NHS trust while they train, and training takes about two years.",
        &["hee-aa", "gmc-more-info"],
    )
}

pub(super) fn aa_degree_route() -> Reason {
    Reason::new(
        "You can apply with a biomedical or biological science degree at 2:1 or above, which you have.",
        &["hee-aa"],
    )
}

pub(super) fn aa_degree_first() -> Reason {
    Reason::new(
        "You would first need a biomedical or biological science degree at 2:1 or above. The other way in is to be a healthcare professional registered for three or more years.",
                    &["hee-aa"],
    )
}

pub(super) fn aa_depends_on_degree() -> Reason {
    Reason::new(
        "It depends on your degree. You meet the entry requirement with a biomedical or biological science degree at 2:1 or above: if you have one, tick it above. Otherwise the way in is three or more years as a registered healthcare professional.",
                &["hee-aa"],
    )
}

pub(super) fn aa_years_met(years: u8) -> Reason {
    Reason::new(
        format!("You can apply as a healthcare professional registered for three or more years since qualifying: you have {years}."),
                        &["hee-aa"],
    )
}

pub(super) fn aa_years_not_yet(years: u8) -> Reason {
    Reason::new(
        format!("You can apply once you have been registered for three years since qualifying: you have {years} so far. A biomedical or biological science degree at 2:1 or above is the other way in."),
                        &["hee-aa"],
    )
}

pub(super) fn aa_years_unknown() -> Reason {
    Reason::new(
        "You can apply once you have been registered for three or more years since qualifying. Check how long you have been registered.",
                        &["hee-aa"],
    )
}

pub(super) fn aa_pa_years_may_not_count() -> Reason {
    Reason::new(
        "PAs have been on the GMC register only since December 2024, so check with a course whether your years as a PA count as years registered.",
                    &["hee-aa", "gmc-registration"],
    )
}

// Surgical care practitioners.

pub(super) fn scp_must_be_registered() -> Reason {
    Reason::new(
        "SCPs must already be registered professionals, usually theatre nurses or operating department practitioners.",
        &["rcs-accreditation-scp", "healthcareers-scp"],
    )
}

pub(super) fn scp_course() -> Reason {
    Reason::new(
        "Training is a two-year postgraduate course based in clinical practice, leading to an MSc in Surgical Care Practice.",
        &["rcs-accreditation-scp", "healthcareers-scp", "scp-register-curriculum"],
    )
}

pub(super) fn scp_register_first() -> Reason {
    Reason::new(
        "SCPs must already be registered professionals, usually theatre nurses or operating department practitioners. You would need to qualify and register in one of those professions first.",
                    &["rcs-accreditation-scp", "healthcareers-scp"],
    )
}

pub(super) fn scp_odp_fits() -> Reason {
    Reason::new(
        "You are a registered operating department practitioner, one of the professions SCPs usually come from.",
            &["rcs-accreditation-scp", "healthcareers-scp"],
    )
}

pub(super) fn scp_nurse_fits() -> Reason {
    Reason::new(
        "You are a registered professional, which SCPs must be. They are usually theatre nurses, so if you work outside theatres, check with a course that it accepts your experience.",
            &["rcs-accreditation-scp", "healthcareers-scp"],
    )
}

pub(super) fn scp_other_profession_fits() -> Reason {
    Reason::new(
        "You are a registered professional, which SCPs must be. They are usually theatre nurses or operating department practitioners, so check with a course that it accepts your profession.",
            &["rcs-accreditation-scp", "healthcareers-scp"],
    )
}

// Advanced critical care practitioners.

pub(super) fn accp_must_be_registered() -> Reason {
    Reason::new(
        "ACCPs must already be registered professionals, usually with the NMC or HCPC, with recent experience in critical care.",
        &["ficm-careers", "ficm-accp-training"],
    )
}

pub(super) fn accp_degree_and_prescribing() -> Reason {
    Reason::new(
        "You must also be eligible to train as a non-medical prescriber: check that you are.",
        &["ficm-careers"],
    )
}

pub(super) fn accp_course() -> Reason {
    Reason::new(
        "Training is a postgraduate diploma or MSc over two years full time, in a post where you are not counted in the unit's staffing numbers.",
        &["ficm-accp-training", "ficm-careers"],
    )
}

pub(super) fn accp_register_first() -> Reason {
    Reason::new(
        "ACCPs must already be registered professionals, usually with the NMC or HCPC, with recent experience in critical care. You would need to qualify and register in such a profession first.",
                &["ficm-careers", "ficm-accp-training"],
    )
}

pub(super) fn accp_has_experience() -> Reason {
    Reason::new(
        "You are a registered professional with recent experience in critical care, which ACCPs need.",
                &["ficm-careers", "ficm-accp-training"],
    )
}

pub(super) fn accp_needs_experience() -> Reason {
    Reason::new(
        "ACCPs need recent experience in critical care as well as registration, so you would need to gain that experience first.",
                &["ficm-careers", "ficm-accp-training"],
    )
}

pub(super) fn accp_other_register() -> Reason {
    Reason::new(
        "ACCPs are usually registered with the NMC or HCPC: if you are registered elsewhere, check with a course that it accepts you.",
            &["ficm-careers"],
    )
}

pub(super) fn accp_gmc_registered() -> Reason {
    Reason::new(
        "ACCPs are usually registered with the NMC or HCPC, while PAs and AAs are registered with the GMC: check with a course that it accepts you.",
            &["ficm-careers", "gmc-registration"],
    )
}
