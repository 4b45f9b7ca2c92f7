//! The route finder: from a few answers about someone's background, which of
//! the four roles they could apply for now, which need another step first,
//! and which are not open to them, each with the sourced reasons why.
//!
//! Only the entry facts recorded in `src/content/roles.json` are used, and
//! every reason cites the sources those facts cite. Where the answers cannot
//! settle a requirement (whether a nurse holds a degree, say), the reason
//! says what to check instead of guessing. A requirement the person has not
//! yet answered counts as not met, so "You meet the entry requirements"
//! always rests on an answer. Meeting the requirements is all it says: no
//! route is called open, because our sources do not say which courses or
//! training posts are recruiting; where a source reports a pause (student
//! anaesthesia associates), every answer about that role says so.

use crate::core::{
    content,
    records::Record,
    roles::{RoleId, SectionKind},
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// Where the route finder's answers are kept; under the app's prefix, so
/// "clear this device" removes them too.
pub const ROUTE_FINDER_KEY: &str = "mapscc/route-finder";

/// AA entry asks for this many years registered since qualifying.
const AA_YEARS_REGISTERED: u8 = 3;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Background {
    RegisteredNurse,
    OperatingDepartmentPractitioner,
    /// A physiotherapist or paramedic, for example.
    OtherRegisteredProfessional,
    LifeOrHealthScienceDegree,
    SchoolLeaver,
    AlreadyAMap,
}

impl Background {
    pub const ALL: [Background; 6] = [
        Background::RegisteredNurse,
        Background::OperatingDepartmentPractitioner,
        Background::OtherRegisteredProfessional,
        Background::LifeOrHealthScienceDegree,
        Background::SchoolLeaver,
        Background::AlreadyAMap,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Background::RegisteredNurse => "registered-nurse",
            Background::OperatingDepartmentPractitioner => "operating-department-practitioner",
            Background::OtherRegisteredProfessional => "other-registered-professional",
            Background::LifeOrHealthScienceDegree => "life-or-health-science-degree",
            Background::SchoolLeaver => "school-leaver",
            Background::AlreadyAMap => "already-a-map",
        }
    }

    pub fn from_code(code: &str) -> Option<Background> {
        Background::ALL
            .into_iter()
            .find(|background| background.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            Background::RegisteredNurse => "Registered nurse",
            Background::OperatingDepartmentPractitioner => {
                "Operating department practitioner (ODP)"
            }
            Background::OtherRegisteredProfessional => "Another registered health professional",
            Background::LifeOrHealthScienceDegree => "Graduate in a life or health science",
            Background::SchoolLeaver => "School leaver, or no degree yet",
            Background::AlreadyAMap => "Already working as a PA, AA, SCP or ACCP",
        }
    }

    /// Whether the person is on a professional register, so that years
    /// since registering and critical care experience mean something.
    pub fn is_registered(self) -> bool {
        !matches!(
            self,
            Background::LifeOrHealthScienceDegree | Background::SchoolLeaver
        )
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Interest {
    Theatres,
    CriticalCare,
    MedicineAndGeneralPractice,
    Surgery,
}

impl Interest {
    pub const ALL: [Interest; 4] = [
        Interest::Theatres,
        Interest::CriticalCare,
        Interest::MedicineAndGeneralPractice,
        Interest::Surgery,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Interest::Theatres => "theatres",
            Interest::CriticalCare => "critical-care",
            Interest::MedicineAndGeneralPractice => "medicine-and-general-practice",
            Interest::Surgery => "surgery",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Interest::Theatres => "Operating theatres and anaesthesia",
            Interest::CriticalCare => "Intensive (critical) care",
            Interest::MedicineAndGeneralPractice => "Medicine and general practice",
            Interest::Surgery => "Surgery",
        }
    }

    /// The roles whose work lies in this area, as their role pages describe.
    pub fn roles(self) -> &'static [RoleId] {
        match self {
            Interest::Theatres => &[RoleId::Aa, RoleId::Scp],
            Interest::CriticalCare => &[RoleId::Accp],
            Interest::MedicineAndGeneralPractice => &[RoleId::Pa],
            Interest::Surgery => &[RoleId::Scp],
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "kebab-case")]
pub struct Answers {
    pub background: Option<Background>,
    /// Whole years since first registering after qualifying.
    pub years_qualified: Option<u8>,
    pub critical_care_experience: bool,
    /// A 2:1 or better in a biomedical or biological science.
    pub good_science_degree: bool,
    /// The role held now, when the background is [`Background::AlreadyAMap`].
    pub current_role: Option<RoleId>,
    pub interests: BTreeSet<Interest>,
}

impl Answers {
    /// Sets the background. A different background clears the answers that
    /// belong to the old one (years registered, critical care experience,
    /// the 2:1 degree, the current role), so an answer given for one
    /// background is never read as true of another. Interests stay.
    pub fn set_background(&mut self, background: Option<Background>) {
        if self.background != background {
            *self = Answers {
                background,
                interests: std::mem::take(&mut self.interests),
                ..Answers::default()
            };
        }
    }

    /// Whether enough is answered to say anything about this person: a
    /// background and, for someone already in one of the roles, which one.
    pub fn is_enough_to_judge(&self) -> bool {
        Standing::of(self) != Standing::Unknown
    }
}

impl Record for Answers {
    const KIND: &'static str = "route-finder";
    const VERSION: u32 = 1;
}

/// Declared in the order routes are listed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Openness {
    OpenNow,
    AnotherStepFirst,
    NotOpen,
}

impl Openness {
    pub fn label(self) -> &'static str {
        match self {
            Openness::OpenNow => "You meet the entry requirements",
            Openness::AnotherStepFirst => "Another step first",
            Openness::NotOpen => "Entry requirements not met",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct Reason {
    pub text: String,
    /// Ids of entries in the roles catalogue's sources.
    pub sources: Vec<String>,
}

impl Reason {
    fn new(text: impl Into<String>, sources: &[&str]) -> Reason {
        Reason {
            text: text.into(),
            sources: sources.iter().map(|id| (*id).to_owned()).collect(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct RoleRoute {
    pub role: RoleId,
    pub openness: Openness,
    pub reasons: Vec<Reason>,
    pub matches_interests: bool,
}

/// Every role, those whose entry requirements the person meets first;
/// within each group, roles in the person's areas of interest come first.
/// `today` (ISO YYYY-MM-DD) picks dated wording, such as the end of the PA
/// and AA transition period.
pub fn routes(answers: &Answers, today: &str) -> Vec<RoleRoute> {
    let standing = Standing::of(answers);
    let mut routes: Vec<RoleRoute> = RoleId::ALL
        .into_iter()
        .map(|role| {
            let (openness, reasons) = match standing {
                Standing::Unknown => {
                    let mut reasons = entry_in_general(role);
                    if role == RoleId::Aa {
                        reasons.push(aa_recruitment());
                    }
                    (Openness::AnotherStepFirst, reasons)
                }
                Standing::Map(current) if current == role => {
                    (Openness::OpenNow, vec![already_in_role(role, today)])
                }
                _ => match role {
                    RoleId::Pa => pa(standing),
                    RoleId::Aa => {
                        let (openness, mut reasons) = aa(standing, answers);
                        reasons.push(aa_recruitment());
                        (openness, reasons)
                    }
                    RoleId::Scp => scp(standing),
                    RoleId::Accp => accp(standing, answers),
                },
            };
            RoleRoute {
                role,
                openness,
                reasons,
                matches_interests: answers
                    .interests
                    .iter()
                    .any(|interest| interest.roles().contains(&role)),
            }
        })
        .collect();
    // By openness, then those matching the user's interests; the sort is
    // stable, so the catalogue order holds among equals.
    crate::core::sorting::sort_by_rank(&mut routes, |route| {
        route.openness as i64 * 2 + i64::from(!route.matches_interests)
    });
    routes
}

/// What the answers establish about where the person starts from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Standing {
    /// Not enough answered to say anything about this person.
    Unknown,
    Nurse,
    Odp,
    OtherRegistered,
    Map(RoleId),
    LifeOrHealthScienceGraduate,
    SchoolLeaver,
}

impl Standing {
    fn of(answers: &Answers) -> Standing {
        match answers.background {
            None => Standing::Unknown,
            Some(Background::RegisteredNurse) => Standing::Nurse,
            Some(Background::OperatingDepartmentPractitioner) => Standing::Odp,
            Some(Background::OtherRegisteredProfessional) => Standing::OtherRegistered,
            Some(Background::LifeOrHealthScienceDegree) => Standing::LifeOrHealthScienceGraduate,
            Some(Background::SchoolLeaver) => Standing::SchoolLeaver,
            Some(Background::AlreadyAMap) => answers
                .current_role
                .map_or(Standing::Unknown, Standing::Map),
        }
    }

    fn is_registered(self) -> bool {
        matches!(
            self,
            Standing::Nurse | Standing::Odp | Standing::OtherRegistered | Standing::Map(_)
        )
    }
}

fn entry_in_general(role: RoleId) -> Vec<Reason> {
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
fn transition(role: RoleId, lead: &str, today: &str) -> Reason {
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
fn aa_recruitment() -> Reason {
    Reason::new(
        "Sources conflict on whether training posts are recruiting: the Royal College of Anaesthetists says recruitment of new student AAs remains paused, while Anaesthetists United reports that the College considers the conditions for the pause met. Check with the university and employer before you apply.",
        &["rcoa-paa", "au-pause"],
    )
}

fn already_in_role(role: RoleId, today: &str) -> Reason {
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

fn pa_postgraduate_route() -> Reason {
    Reason::new(
        "Most people qualify through a two-year postgraduate PA course, which they start after a degree in a life or health science or after working in healthcare.",
        &["gmc-more-info"],
    )
}

fn pa_apprenticeship() -> Reason {
    Reason::new(
        "The other way in is a level 7 degree apprenticeship, in which you are employed while you train.",
        &["apprenticeship-pa"],
    )
}

fn pa_exam() -> Reason {
    Reason::new(
        "To join the GMC register you must pass a national exam: since September 2025 it is the PA registration assessment (PARA), which replaced the PANE.",
        &["gmc-para"],
    )
}

fn pa(standing: Standing) -> (Openness, Vec<Reason>) {
    match standing {
        Standing::LifeOrHealthScienceGraduate => (
            Openness::OpenNow,
            vec![
                Reason::new(
                    "With your degree in a life or health science you meet the usual entry requirement for a two-year postgraduate PA course. We have no source on which courses are taking students now, so check with each university.",
                    &["gmc-more-info"],
                ),
                pa_exam(),
            ],
        ),
        Standing::SchoolLeaver => (
            Openness::AnotherStepFirst,
            vec![
                Reason::new(
                    "You could take a degree in a life or health science first, then a two-year postgraduate PA course.",
                    &["gmc-more-info"],
                ),
                Reason::new(
                    "A level 7 degree apprenticeship is another way in: level 7 is master's level, so check its entry requirements with the employer and university first.",
                    &["apprenticeship-pa"],
                ),
            ],
        ),
        Standing::Unknown => (Openness::AnotherStepFirst, entry_in_general(RoleId::Pa)),
        Standing::Nurse | Standing::Odp | Standing::OtherRegistered | Standing::Map(_) => (
            Openness::OpenNow,
            vec![
                Reason::new(
                    "You work in healthcare, and people can start the two-year postgraduate PA course after working in healthcare.",
                    &["gmc-more-info"],
                ),
                Reason::new(
                    "The course is postgraduate, so check with each university whether it asks for a degree as well as your healthcare experience, and whether it is taking students now.",
                    &["gmc-more-info"],
                ),
                pa_exam(),
            ],
        ),
    }
}

fn aa_training() -> Reason {
    Reason::new(
        "Student AAs are employed by an NHS trust while they train, and training takes about two years.",
        &["hee-aa", "gmc-more-info"],
    )
}

fn aa(standing: Standing, answers: &Answers) -> (Openness, Vec<Reason>) {
    let degree_route = Reason::new(
        "You can apply with a biomedical or biological science degree at 2:1 or above, which you have.",
        &["hee-aa"],
    );
    match standing {
        Standing::Unknown => (Openness::AnotherStepFirst, entry_in_general(RoleId::Aa)),
        Standing::SchoolLeaver => (
            Openness::AnotherStepFirst,
            vec![
                Reason::new(
                    "You would first need a biomedical or biological science degree at 2:1 or above. The other way in is to be a healthcare professional registered for three or more years.",
                    &["hee-aa"],
                ),
                aa_training(),
            ],
        ),
        Standing::LifeOrHealthScienceGraduate if answers.good_science_degree => {
            (Openness::OpenNow, vec![degree_route, aa_training()])
        }
        // Not ticking the box may only mean not yet answered: the verdict
        // depends on the degree, and the text says so (no "not open" beside
        // "open to you").
        Standing::LifeOrHealthScienceGraduate => (
            Openness::AnotherStepFirst,
            vec![Reason::new(
                "It depends on your degree. You meet the entry requirement with a biomedical or biological science degree at 2:1 or above: if you have one, tick it above. Otherwise the way in is three or more years as a registered healthcare professional.",
                &["hee-aa"],
            )],
        ),
        _ if answers.good_science_degree => {
            (Openness::OpenNow, vec![degree_route, aa_training()])
        }
        _ => {
            let (openness, years) = match answers.years_qualified {
                Some(years) if years >= AA_YEARS_REGISTERED => (
                    Openness::OpenNow,
                    Reason::new(
                        format!("You can apply as a healthcare professional registered for three or more years since qualifying: you have {years}."),
                        &["hee-aa"],
                    ),
                ),
                Some(years) => (
                    Openness::AnotherStepFirst,
                    Reason::new(
                        format!("You can apply once you have been registered for three years since qualifying: you have {years} so far. A biomedical or biological science degree at 2:1 or above is the other way in."),
                        &["hee-aa"],
                    ),
                ),
                None => (
                    Openness::AnotherStepFirst,
                    Reason::new(
                        "You can apply once you have been registered for three or more years since qualifying. Check how long you have been registered.",
                        &["hee-aa"],
                    ),
                ),
            };
            let mut reasons = vec![years];
            if standing == Standing::Map(RoleId::Pa) {
                reasons.push(Reason::new(
                    "PAs have been on the GMC register only since December 2024, so check with a course whether your years as a PA count as years registered.",
                    &["hee-aa", "gmc-registration"],
                ));
            }
            reasons.push(aa_training());
            (openness, reasons)
        }
    }
}

fn scp_must_be_registered() -> Reason {
    Reason::new(
        "SCPs must already be registered professionals, usually theatre nurses or operating department practitioners.",
        &["rcs-accreditation-scp", "healthcareers-scp"],
    )
}

fn scp_course() -> Reason {
    Reason::new(
        "Training is a two-year postgraduate course based in clinical practice, leading to an MSc in Surgical Care Practice.",
        &["rcs-accreditation-scp", "healthcareers-scp", "scp-register-curriculum"],
    )
}

fn scp(standing: Standing) -> (Openness, Vec<Reason>) {
    let fit = match standing {
        Standing::Unknown => return (Openness::AnotherStepFirst, entry_in_general(RoleId::Scp)),
        Standing::LifeOrHealthScienceGraduate | Standing::SchoolLeaver => {
            return (
                Openness::NotOpen,
                vec![Reason::new(
                    "SCPs must already be registered professionals, usually theatre nurses or operating department practitioners. You would need to qualify and register in one of those professions first.",
                    &["rcs-accreditation-scp", "healthcareers-scp"],
                )],
            );
        }
        Standing::Odp => Reason::new(
            "You are a registered operating department practitioner, one of the professions SCPs usually come from.",
            &["rcs-accreditation-scp", "healthcareers-scp"],
        ),
        Standing::Nurse => Reason::new(
            "You are a registered professional, which SCPs must be. They are usually theatre nurses, so if you work outside theatres, check with a course that it accepts your experience.",
            &["rcs-accreditation-scp", "healthcareers-scp"],
        ),
        Standing::OtherRegistered | Standing::Map(_) => Reason::new(
            "You are a registered professional, which SCPs must be. They are usually theatre nurses or operating department practitioners, so check with a course that it accepts your profession.",
            &["rcs-accreditation-scp", "healthcareers-scp"],
        ),
    };
    (Openness::OpenNow, vec![fit, scp_course()])
}

fn accp_must_be_registered() -> Reason {
    Reason::new(
        "ACCPs must already be registered professionals, usually with the NMC or HCPC, with recent experience in critical care.",
        &["ficm-careers", "ficm-accp-training"],
    )
}

fn accp_degree_and_prescribing() -> Reason {
    Reason::new(
        "You must also be eligible to train as a non-medical prescriber: check that you are.",
        &["ficm-careers"],
    )
}

fn accp_course() -> Reason {
    Reason::new(
        "Training is a postgraduate diploma or MSc over two years full time, in a post where you are not counted in the unit's staffing numbers.",
        &["ficm-accp-training", "ficm-careers"],
    )
}

fn accp(standing: Standing, answers: &Answers) -> (Openness, Vec<Reason>) {
    if standing == Standing::Unknown {
        return (Openness::AnotherStepFirst, entry_in_general(RoleId::Accp));
    }
    if !standing.is_registered() {
        return (
            Openness::NotOpen,
            vec![Reason::new(
                "ACCPs must already be registered professionals, usually with the NMC or HCPC, with recent experience in critical care. You would need to qualify and register in such a profession first.",
                &["ficm-careers", "ficm-accp-training"],
            )],
        );
    }
    let (openness, experience) = if answers.critical_care_experience {
        (
            Openness::OpenNow,
            Reason::new(
                "You are a registered professional with recent experience in critical care, which ACCPs need.",
                &["ficm-careers", "ficm-accp-training"],
            ),
        )
    } else {
        (
            Openness::AnotherStepFirst,
            Reason::new(
                "ACCPs need recent experience in critical care as well as registration, so you would need to gain that experience first.",
                &["ficm-careers", "ficm-accp-training"],
            ),
        )
    };
    let mut reasons = vec![experience];
    match standing {
        Standing::OtherRegistered => reasons.push(Reason::new(
            "ACCPs are usually registered with the NMC or HCPC: if you are registered elsewhere, check with a course that it accepts you.",
            &["ficm-careers"],
        )),
        Standing::Map(RoleId::Pa | RoleId::Aa) => reasons.push(Reason::new(
            "ACCPs are usually registered with the NMC or HCPC, while PAs and AAs are registered with the GMC: check with a course that it accepts you.",
            &["ficm-careers", "gmc-registration"],
        )),
        _ => {}
    }
    reasons.push(accp_degree_and_prescribing());
    reasons.push(accp_course());
    (openness, reasons)
}

#[cfg(test)]
// Tests do not ship in the wasm, so they may sort as they like.
#[allow(clippy::disallowed_methods)]
mod tests {
    use super::*;
    use crate::core::{
        content,
        records::{decode, encode, Decoded},
    };
    use Openness::{AnotherStepFirst as Step, NotOpen as Closed, OpenNow as Open};

    /// The day the content was checked: before the end of the transition.
    const TODAY: &str = "2026-11-30";

    fn openness_of(answers: &Answers, role: RoleId) -> Option<Openness> {
        routes(answers, TODAY)
            .into_iter()
            .find(|route| route.role == role)
            .map(|route| route.openness)
    }

    fn person(background: Background) -> Answers {
        Answers {
            background: Some(background),
            ..Answers::default()
        }
    }

    /// Every background against every role: `(who, answers, [PA, AA, SCP, ACCP])`.
    fn table() -> Vec<(&'static str, Answers, [Openness; 4])> {
        use Background::*;
        vec![
            (
                "an ICU nurse registered for four years",
                Answers {
                    years_qualified: Some(4),
                    critical_care_experience: true,
                    ..person(RegisteredNurse)
                },
                [Open, Open, Open, Open],
            ),
            (
                "a nurse registered for one year, outside critical care",
                Answers {
                    years_qualified: Some(1),
                    ..person(RegisteredNurse)
                },
                [Open, Step, Open, Step],
            ),
            (
                "a nurse who has not said how long she has been registered",
                person(RegisteredNurse),
                [Open, Step, Open, Step],
            ),
            (
                "a newly registered nurse with a 2:1 in biomedical science",
                Answers {
                    years_qualified: Some(0),
                    good_science_degree: true,
                    ..person(RegisteredNurse)
                },
                [Open, Open, Open, Step],
            ),
            (
                "an ODP registered for three years",
                Answers {
                    years_qualified: Some(3),
                    ..person(OperatingDepartmentPractitioner)
                },
                [Open, Open, Open, Step],
            ),
            (
                "an ODP with critical care experience, registered for two years",
                Answers {
                    years_qualified: Some(2),
                    critical_care_experience: true,
                    ..person(OperatingDepartmentPractitioner)
                },
                [Open, Step, Open, Open],
            ),
            (
                "a physiotherapist with critical care experience, registered for five years",
                Answers {
                    years_qualified: Some(5),
                    critical_care_experience: true,
                    ..person(OtherRegisteredProfessional)
                },
                [Open, Open, Open, Open],
            ),
            (
                "a paramedic registered for two years",
                Answers {
                    years_qualified: Some(2),
                    ..person(OtherRegisteredProfessional)
                },
                [Open, Step, Open, Step],
            ),
            (
                "a graduate with a 2:1 in biomedical science",
                Answers {
                    good_science_degree: true,
                    ..person(LifeOrHealthScienceDegree)
                },
                [Open, Open, Closed, Closed],
            ),
            (
                "a life science graduate who has not ticked the 2:1 in biomedical or biological science",
                person(LifeOrHealthScienceDegree),
                [Open, Step, Closed, Closed],
            ),
            (
                "a school leaver",
                person(SchoolLeaver),
                [Step, Step, Closed, Closed],
            ),
            (
                "a school leaver who ticked every box",
                Answers {
                    years_qualified: Some(9),
                    critical_care_experience: true,
                    good_science_degree: true,
                    ..person(SchoolLeaver)
                },
                [Step, Step, Closed, Closed],
            ),
            (
                "a PA registered for two years",
                Answers {
                    years_qualified: Some(2),
                    current_role: Some(RoleId::Pa),
                    ..person(AlreadyAMap)
                },
                [Open, Step, Open, Step],
            ),
            (
                "an AA with critical care experience, registered for six years",
                Answers {
                    years_qualified: Some(6),
                    critical_care_experience: true,
                    current_role: Some(RoleId::Aa),
                    ..person(AlreadyAMap)
                },
                [Open, Open, Open, Open],
            ),
            (
                "an SCP without critical care experience",
                Answers {
                    years_qualified: Some(8),
                    current_role: Some(RoleId::Scp),
                    ..person(AlreadyAMap)
                },
                [Open, Open, Open, Step],
            ),
            (
                "an ACCP who has not said how long they have been registered",
                Answers {
                    critical_care_experience: true,
                    current_role: Some(RoleId::Accp),
                    ..person(AlreadyAMap)
                },
                [Open, Step, Open, Open],
            ),
            (
                "a MAP who has not said which role",
                Answers {
                    years_qualified: Some(5),
                    critical_care_experience: true,
                    ..person(AlreadyAMap)
                },
                [Step, Step, Step, Step],
            ),
            (
                "someone who has not answered yet",
                Answers::default(),
                [Step, Step, Step, Step],
            ),
        ]
    }

    #[test]
    fn every_background_gets_the_expected_openness_for_every_role() {
        for (who, answers, expected) in table() {
            for (role, expected) in RoleId::ALL.into_iter().zip(expected) {
                assert_eq!(
                    openness_of(&answers, role),
                    Some(expected),
                    "{who}: {}",
                    role.code()
                );
            }
        }
    }

    #[test]
    fn the_table_covers_every_background() {
        let covered: BTreeSet<Background> = table()
            .into_iter()
            .filter_map(|(_, answers, _)| answers.background)
            .collect();
        assert_eq!(covered, Background::ALL.into_iter().collect());
    }

    #[test]
    fn a_nurse_with_critical_care_experience_can_apply_for_accp_now() {
        let answers = Answers {
            critical_care_experience: true,
            ..person(Background::RegisteredNurse)
        };
        assert_eq!(openness_of(&answers, RoleId::Accp), Some(Open));
        let accp = routes(&answers, TODAY)
            .into_iter()
            .find(|route| route.role == RoleId::Accp);
        // The form does not ask about prescribing eligibility, so the
        // result must tell her to check it rather than assume it.
        assert!(accp.is_some_and(|route| route.reasons.iter().any(|reason| {
            reason.text.contains("non-medical prescriber") && reason.text.contains("check")
        })));
    }

    #[test]
    fn every_role_appears_exactly_once_whatever_the_answers() {
        for (who, answers, _) in table() {
            let mut roles: Vec<RoleId> = routes(&answers, TODAY)
                .iter()
                .map(|route| route.role)
                .collect();
            roles.sort();
            assert_eq!(roles, RoleId::ALL.to_vec(), "{who}");
        }
    }

    #[test]
    fn every_reason_cites_a_source_in_the_roles_catalogue() {
        let catalogue = content::roles();
        for (who, answers, _) in table() {
            for route in routes(&answers, TODAY) {
                assert!(
                    !route.reasons.is_empty(),
                    "{who}: {} has no reason",
                    route.role.code()
                );
                for reason in &route.reasons {
                    assert!(
                        !reason.sources.is_empty(),
                        "{who}: {:?} cites nothing",
                        reason.text
                    );
                    for id in &reason.sources {
                        assert!(
                            catalogue.source(id).is_some(),
                            "{who}: {:?} cites unknown source {id:?}",
                            reason.text
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn open_routes_come_before_other_steps_and_those_before_closed_ones() {
        for (who, answers, _) in table() {
            let order: Vec<Openness> = routes(&answers, TODAY)
                .iter()
                .map(|route| route.openness)
                .collect();
            let mut sorted = order.clone();
            sorted.sort();
            assert_eq!(order, sorted, "{who}");
        }
    }

    #[test]
    fn roles_matching_an_interest_come_first_within_their_group() {
        let answers = Answers {
            years_qualified: Some(5),
            critical_care_experience: true,
            interests: [Interest::CriticalCare, Interest::Surgery].into(),
            ..person(Background::RegisteredNurse)
        };
        let order: Vec<(RoleId, bool)> = routes(&answers, TODAY)
            .iter()
            .map(|route| (route.role, route.matches_interests))
            .collect();
        assert_eq!(
            order,
            [
                (RoleId::Scp, true),
                (RoleId::Accp, true),
                (RoleId::Pa, false),
                (RoleId::Aa, false),
            ]
        );
    }

    #[test]
    fn an_interest_does_not_lift_a_role_above_a_more_open_one() {
        let answers = Answers {
            interests: [Interest::CriticalCare].into(),
            ..person(Background::SchoolLeaver)
        };
        let order: Vec<RoleId> = routes(&answers, TODAY)
            .iter()
            .map(|route| route.role)
            .collect();
        assert_eq!(order, [RoleId::Pa, RoleId::Aa, RoleId::Accp, RoleId::Scp]);
    }

    #[test]
    fn theatres_matches_both_anaesthesia_and_surgical_roles() {
        let answers = Answers {
            interests: [Interest::Theatres].into(),
            ..person(Background::OperatingDepartmentPractitioner)
        };
        let matching: BTreeSet<RoleId> = routes(&answers, TODAY)
            .into_iter()
            .filter(|route| route.matches_interests)
            .map(|route| route.role)
            .collect();
        assert_eq!(matching, [RoleId::Aa, RoleId::Scp].into());
    }

    #[test]
    fn answers_survive_an_encode_and_decode_round_trip() {
        let answers = Answers {
            background: Some(Background::AlreadyAMap),
            years_qualified: Some(7),
            critical_care_experience: true,
            good_science_degree: false,
            current_role: Some(RoleId::Scp),
            interests: [Interest::Surgery, Interest::Theatres].into(),
        };
        let text = encode(&answers).unwrap_or_default();
        assert!(text.contains(r#""kind":"route-finder""#), "{text}");
        assert!(text.contains(r#""background":"already-a-map""#), "{text}");
        assert_eq!(decode::<Answers>(&text), Decoded::Current(answers));
    }

    #[test]
    fn a_stored_record_missing_newer_fields_still_loads() {
        let text = r#"{"app":"maps-capability-checker","kind":"route-finder","version":1,"data":{"background":"school-leaver"}}"#;
        assert_eq!(
            decode::<Answers>(text),
            Decoded::Current(person(Background::SchoolLeaver))
        );
    }

    #[test]
    fn nothing_is_judged_until_the_background_and_any_current_role_are_known() {
        assert!(!Answers::default().is_enough_to_judge());
        assert!(!person(Background::AlreadyAMap).is_enough_to_judge());
        assert!(Answers {
            current_role: Some(RoleId::Aa),
            ..person(Background::AlreadyAMap)
        }
        .is_enough_to_judge());
        assert!(person(Background::SchoolLeaver).is_enough_to_judge());
    }

    #[test]
    fn no_verdict_or_reason_calls_a_route_open() {
        // "Open" would claim courses are recruiting, which no source says.
        for (who, answers, _) in table() {
            for route in routes(&answers, TODAY) {
                let label = route.openness.label().to_lowercase();
                assert!(!label.contains("open"), "{who}: {label}");
                for reason in &route.reasons {
                    let text = reason.text.to_lowercase();
                    assert!(
                        !text.contains("is open") && !text.contains("open to you"),
                        "{who}: {text}"
                    );
                }
            }
        }
    }

    #[test]
    fn every_aa_verdict_reports_the_conflicting_sources_on_recruitment() {
        for (who, answers, _) in table() {
            let Some(aa) = routes(&answers, TODAY)
                .into_iter()
                .find(|route| route.role == RoleId::Aa)
            else {
                panic!("{who}: no AA route");
            };
            if answers.current_role == Some(RoleId::Aa) {
                continue;
            }
            assert!(
                aa.reasons
                    .iter()
                    .any(|reason| reason.text.contains("remains paused")),
                "{who}"
            );
        }
    }

    #[test]
    fn a_graduate_is_told_it_depends_on_the_degree_not_both_closed_and_open() {
        let graduate = person(Background::LifeOrHealthScienceDegree);
        assert_eq!(openness_of(&graduate, RoleId::Aa), Some(Step));
        let ticked = Answers {
            good_science_degree: true,
            ..graduate
        };
        assert_eq!(openness_of(&ticked, RoleId::Aa), Some(Open));
    }

    #[test]
    fn changing_the_background_clears_the_answers_that_belonged_to_the_old_one() {
        let mut answers = Answers {
            good_science_degree: true,
            interests: BTreeSet::from([Interest::Theatres]),
            ..person(Background::LifeOrHealthScienceDegree)
        };
        answers.set_background(Some(Background::RegisteredNurse));
        assert!(
            !answers.good_science_degree,
            "the 2:1 tick must not carry over"
        );
        assert!(answers.interests.contains(&Interest::Theatres));
        // A nurse without years answered cannot be told the AA route is met.
        assert_eq!(openness_of(&answers, RoleId::Aa), Some(Step));
        let before = answers.clone();
        answers.set_background(Some(Background::RegisteredNurse));
        assert_eq!(
            answers, before,
            "choosing the same background again keeps answers"
        );
    }

    #[test]
    fn someone_in_post_gets_the_transition_wording_for_the_day() {
        let pa = Answers {
            current_role: Some(RoleId::Pa),
            ..person(Background::AlreadyAMap)
        };
        let text_on = |today: &str| {
            routes(&pa, today)
                .into_iter()
                .find(|route| route.role == RoleId::Pa)
                .and_then(|route| route.reasons.first().map(|reason| reason.text.clone()))
                .unwrap_or_default()
        };
        assert!(text_on("2026-12-31").contains("will be an offence"));
        assert!(text_on("2027-01-01").contains("is now an offence"));
    }

    #[test]
    fn the_storage_key_is_inside_the_apps_namespace() {
        assert!(ROUTE_FINDER_KEY.starts_with(crate::core::records::KEY_PREFIX));
    }

    #[test]
    fn background_codes_read_back_as_the_same_background() {
        for background in Background::ALL {
            assert_eq!(Background::from_code(background.code()), Some(background));
        }
        assert_eq!(Background::from_code("astronaut"), None);
    }
}
