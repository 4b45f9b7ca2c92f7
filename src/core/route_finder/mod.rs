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

use crate::core::{records::Record, roles::RoleId};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

mod reasons;

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
                    let mut reasons = reasons::entry_in_general(role);
                    if role == RoleId::Aa {
                        reasons.push(reasons::aa_recruitment());
                    }
                    (Openness::AnotherStepFirst, reasons)
                }
                Standing::Map(current) if current == role => (
                    Openness::OpenNow,
                    vec![reasons::already_in_role(role, today)],
                ),
                _ => match role {
                    RoleId::Pa => pa(standing),
                    RoleId::Aa => {
                        let (openness, mut reasons) = aa(standing, answers);
                        reasons.push(reasons::aa_recruitment());
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

fn pa(standing: Standing) -> (Openness, Vec<Reason>) {
    match standing {
        Standing::LifeOrHealthScienceGraduate => (
            Openness::OpenNow,
            vec![reasons::pa_graduate_meets_entry(), reasons::pa_exam()],
        ),
        Standing::SchoolLeaver => (
            Openness::AnotherStepFirst,
            vec![
                reasons::pa_degree_first(),
                reasons::pa_apprenticeship_after_school(),
            ],
        ),
        Standing::Unknown => (
            Openness::AnotherStepFirst,
            reasons::entry_in_general(RoleId::Pa),
        ),
        Standing::Nurse | Standing::Odp | Standing::OtherRegistered | Standing::Map(_) => (
            Openness::OpenNow,
            vec![
                reasons::pa_after_work_in_healthcare(),
                reasons::pa_check_course_asks_degree(),
                reasons::pa_exam(),
            ],
        ),
    }
}

fn aa(standing: Standing, answers: &Answers) -> (Openness, Vec<Reason>) {
    let degree_route = reasons::aa_degree_route();
    match standing {
        Standing::Unknown => (
            Openness::AnotherStepFirst,
            reasons::entry_in_general(RoleId::Aa),
        ),
        Standing::SchoolLeaver => (
            Openness::AnotherStepFirst,
            vec![reasons::aa_degree_first(), reasons::aa_training()],
        ),
        Standing::LifeOrHealthScienceGraduate if answers.good_science_degree => (
            Openness::OpenNow,
            vec![degree_route, reasons::aa_training()],
        ),
        // Not ticking the box may only mean not yet answered: the verdict
        // depends on the degree, and the text says so (no "not open" beside
        // "open to you").
        Standing::LifeOrHealthScienceGraduate => (
            Openness::AnotherStepFirst,
            vec![reasons::aa_depends_on_degree()],
        ),
        _ if answers.good_science_degree => (
            Openness::OpenNow,
            vec![degree_route, reasons::aa_training()],
        ),
        _ => {
            let (openness, years) = match answers.years_qualified {
                Some(years) if years >= AA_YEARS_REGISTERED => {
                    (Openness::OpenNow, reasons::aa_years_met(years))
                }
                Some(years) => (Openness::AnotherStepFirst, reasons::aa_years_not_yet(years)),
                None => (Openness::AnotherStepFirst, reasons::aa_years_unknown()),
            };
            let mut reasons = vec![years];
            if standing == Standing::Map(RoleId::Pa) {
                reasons.push(reasons::aa_pa_years_may_not_count());
            }
            reasons.push(reasons::aa_training());
            (openness, reasons)
        }
    }
}

fn scp(standing: Standing) -> (Openness, Vec<Reason>) {
    let fit = match standing {
        Standing::Unknown => {
            return (
                Openness::AnotherStepFirst,
                reasons::entry_in_general(RoleId::Scp),
            )
        }
        Standing::LifeOrHealthScienceGraduate | Standing::SchoolLeaver => {
            return (Openness::NotOpen, vec![reasons::scp_register_first()]);
        }
        Standing::Odp => reasons::scp_odp_fits(),
        Standing::Nurse => reasons::scp_nurse_fits(),
        Standing::OtherRegistered | Standing::Map(_) => reasons::scp_other_profession_fits(),
    };
    (Openness::OpenNow, vec![fit, reasons::scp_course()])
}

fn accp(standing: Standing, answers: &Answers) -> (Openness, Vec<Reason>) {
    if standing == Standing::Unknown {
        return (
            Openness::AnotherStepFirst,
            reasons::entry_in_general(RoleId::Accp),
        );
    }
    if !standing.is_registered() {
        return (Openness::NotOpen, vec![reasons::accp_register_first()]);
    }
    let (openness, experience) = if answers.critical_care_experience {
        (Openness::OpenNow, reasons::accp_has_experience())
    } else {
        (Openness::AnotherStepFirst, reasons::accp_needs_experience())
    };
    let mut reasons = vec![experience];
    match standing {
        Standing::OtherRegistered => reasons.push(reasons::accp_other_register()),
        Standing::Map(RoleId::Pa | RoleId::Aa) => reasons.push(reasons::accp_gmc_registered()),
        _ => {}
    }
    reasons.push(reasons::accp_degree_and_prescribing());
    reasons.push(reasons::accp_course());
    (openness, reasons)
}

#[cfg(test)]
// Tests do not ship in the wasm, so they may sort as they like.
#[allow(clippy::disallowed_methods)]
mod tests;
