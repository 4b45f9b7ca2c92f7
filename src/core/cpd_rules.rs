//! What each regulator asks of a practitioner's supporting information over
//! a cycle, and how far the diary covers it.
//!
//! Every rule is in this project's own words and names the page that sets
//! it; the set as a whole carries [`RULES_VERSION`], the date the pages were
//! checked. Nothing here is a rule the regulators have not published: where
//! they have not (the GMC has not set revalidation dates for physician and
//! anaesthesia associates), [`Regulator::unpublished`] says so. Research:
//! `research/cpd-appraisal.md` of 30 November 2026.

use crate::core::{
    evidence::{EvidenceEntry, EvidenceKind},
    records::Record,
    sorting, text,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The rule set's version: the date its sources were last checked.
pub const RULES_VERSION: &str = "2026-11-30";

/// The regulator whose requirements the readiness check follows: the GMC
/// for PAs and AAs; the NMC or the HCPC (the first profession's regulator)
/// for SCPs and ACCPs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Regulator {
    Gmc,
    Nmc,
    Hcpc,
}

const GMC_FUTURE: &str = "https://www.gmc-uk.org/registration-and-licensing/managing-your-registration/revalidation/future-revalidation-for-physician-associates-and-anaesthesia-associates";
const NMC_CPD: &str = "https://www.nmc.org.uk/revalidation/requirements/cpd/";
// The NMC feedback and reflective-account pages and the HCPC standards
// page are the http addresses the research checked: it gives no current
// page that says the same, so they stay as cited.
const NMC_FEEDBACK: &str =
    "http://revalidation.nmc.org.uk/what-you-need-to-do/practice-related-feedback/";
const NMC_REFLECTIVE: &str =
    "http://revalidation.nmc.org.uk/what-you-need-to-do/written-reflective-accounts";
const HCPC_STANDARDS: &str = "http://www.hcpc-uk.org/registrants/cpd/standards/";
const HCPC_AUDIT: &str = "https://www.hcpc-uk.org/cy-gb/dpp/cpd-audits/";
const HCPC_GAPS: &str =
    "https://prod.healthregulation.org/registrants/updates/2019/cpd-audit-dos-and-donts";
const HCPC_PROFILE: &str = "https://prod.healthregulation.org/news-and-events/blog/2022/top-tips-for-completing-your-cpd-profile-if-youre-selected-for-audit";

impl Regulator {
    pub const ALL: [Regulator; 3] = [Regulator::Gmc, Regulator::Nmc, Regulator::Hcpc];

    pub fn code(self) -> &'static str {
        match self {
            Regulator::Gmc => "gmc",
            Regulator::Nmc => "nmc",
            Regulator::Hcpc => "hcpc",
        }
    }

    pub fn from_code(code: &str) -> Option<Regulator> {
        Regulator::ALL.into_iter().find(|r| r.code() == code)
    }

    /// The regulator's initials, as it is known: "GMC".
    pub fn name(self) -> &'static str {
        match self {
            Regulator::Gmc => "GMC",
            Regulator::Nmc => "NMC",
            Regulator::Hcpc => "HCPC",
        }
    }

    /// Which of the four roles it regulates.
    pub fn regulates(self) -> &'static str {
        match self {
            Regulator::Gmc => "Physician associates and anaesthesia associates",
            Regulator::Nmc => "SCPs and ACCPs registered as nurses",
            Regulator::Hcpc => "SCPs and ACCPs registered with the HCPC",
        }
    }

    /// The period the check covers, in years, and what it is called.
    pub fn cycle(self) -> (i32, &'static str) {
        match self {
            // Appraisal is normally every year; the five-yearly revalidation
            // cycle has no dates yet for PAs and AAs.
            Regulator::Gmc => (1, "appraisal year"),
            Regulator::Nmc => (3, "three-year revalidation period"),
            Regulator::Hcpc => (2, "two-year registration cycle"),
        }
    }

    /// Whether the regulator's checks count an entry of `kind`. The GMC's
    /// supporting information includes feedback, and the NMC's rules each
    /// name their kinds. The HCPC's standards are about learning
    /// activities: feedback, compliments and complaints a registrant
    /// received are evidence for them (the HCPC's examples of CPD evidence
    /// include letters from service users and colleagues,
    /// <https://hcpc-uk.org/cy-gb/dpp/completing-a-cpd-profile-for-audit/cpd-evidence>),
    /// so its checks leave them out.
    pub fn counts(self, kind: EvidenceKind) -> bool {
        match self {
            Regulator::Gmc | Regulator::Nmc => true,
            Regulator::Hcpc => !matches!(
                kind,
                EvidenceKind::ColleagueFeedback
                    | EvidenceKind::PatientFeedback
                    | EvidenceKind::ComplimentsAndComplaints
            ),
        }
    }

    /// The page that sets the cycle length.
    pub fn cycle_source(self) -> &'static str {
        match self {
            Regulator::Gmc => GMC_FUTURE,
            Regulator::Nmc => NMC_CPD,
            Regulator::Hcpc => HCPC_AUDIT,
        }
    }

    /// What the regulator has not yet published, in words for the page,
    /// with its source; `None` when nothing the check needs is missing.
    pub fn unpublished(self) -> Option<(&'static str, &'static str)> {
        match self {
            Regulator::Gmc => Some((
                "The GMC has not yet set revalidation dates for physician associates and anaesthesia associates: it says it must first develop and consult on revalidation rules. Its guidance on supporting information does not formally apply to them until revalidation starts, but they can use it to prepare. So this check covers one appraisal year and cannot say when a revalidation cycle ends.",
                GMC_FUTURE,
            )),
            Regulator::Nmc => None,
            Regulator::Hcpc => None,
        }
    }
}

pub const CYCLES_KEY: &str = "mapscc/cpd-cycles";

/// The regulator and cycle start each profile chose for the readiness
/// check, by profile id.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Cycles {
    pub chosen: BTreeMap<String, Cycle>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Cycle {
    pub regulator: Regulator,
    /// The first day of the cycle (ISO date).
    pub start: String,
}

impl Record for Cycles {
    const KIND: &'static str = "cpd-cycles";
    const VERSION: u32 = 1;
}

impl Cycles {
    /// Takes every profile's choice in `other` (a backup being imported),
    /// in place of this device's choice for the same profile.
    pub fn take_from(&mut self, other: &Cycles) {
        for (profile, cycle) in &other.chosen {
            self.chosen.insert(profile.clone(), cycle.clone());
        }
    }
}

/// How a rule is measured against the diary's entries for the period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Measure {
    /// Hours on entries of these kinds, at least this many minutes.
    Minutes {
        kinds: &'static [EvidenceKind],
        participatory_only: bool,
        at_least: u32,
    },
    /// At least this many entries of these kinds.
    Entries {
        kinds: &'static [EvidenceKind],
        at_least: usize,
    },
    /// At least one entry of these kinds with a reflection (see
    /// [`EvidenceEntry::reflected`]) in the appraisal year: the GMC asks that
    /// each type of supporting information is collected, reflected on and
    /// discussed (<https://www.gmc-uk.org/registration-and-licensing/managing-your-registration/revalidation/guidance-on-supporting-information-for-revalidation/guidance-on-supporting-information-for-revalidation>).
    ReflectedEachYear { kinds: &'static [EvidenceKind] },
    /// As [`Measure::ReflectedEachYear`], for a rule the GMC asks for at
    /// least once in each revalidation cycle (usually five years), so one
    /// appraisal year without it is not a shortfall.
    ReflectedOncePerRevalidationCycle { kinds: &'static [EvidenceKind] },
    /// Every one since the last appraisal is declared, and none is an
    /// answer too: the count is shown, never a shortfall.
    DeclareAll { kinds: &'static [EvidenceKind] },
    /// Entries of at least this many different kinds.
    DifferentKinds { at_least: usize },
    /// Every entry has all three reflection prompts answered.
    AllReflected,
    /// No gap of this many months or more without an entry.
    NoGapOf { months: u32 },
    /// At least this many entries, for what a registrant presents only if
    /// selected for audit: fewer is not a shortfall.
    ForAnAudit { at_least: usize },
}

/// One requirement, in this project's words, with its source page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rule {
    pub id: &'static str,
    /// A short name for the requirement, for links and lists.
    pub name: &'static str,
    pub requirement: &'static str,
    pub source: &'static str,
    pub measure: Measure,
    /// The part of the rule the diary cannot show, which the practitioner
    /// checks for themselves once the diary holds what the check counts:
    /// words that follow "Recorded: ".
    pub to_confirm: &'static str,
}

/// What counts as an entry with a reflection ([`EvidenceEntry::reflected`]),
/// said in every count, so a partly answered reflection is not a surprise.
const REFLECTED: &str = "with all three reflection questions answered";

const FEEDBACK: &[EvidenceKind] = &[
    EvidenceKind::ColleagueFeedback,
    EvidenceKind::PatientFeedback,
    EvidenceKind::ComplimentsAndComplaints,
];

const GMC_RULES: &[Rule] = &[
    Rule {
        id: "gmc.cpd",
        name: "CPD",
        requirement: "CPD every year, covering your whole practice, with a reflection on what you learned. The GMC sets no number of hours or points.",
        source: "https://www.gmc-uk.org/registration-and-licensing/managing-your-registration/revalidation/guidance-on-supporting-information-for-revalidation/continuing-professional-development",
        measure: Measure::ReflectedEachYear { kinds: &[EvidenceKind::CpdActivity] },
        to_confirm: "check it covers your whole practice",
    },
    Rule {
        id: "gmc.qia",
        name: "Quality improvement activity",
        requirement: "Quality improvement activity, reviewed and discussed over the revalidation cycle.",
        source: "https://www.gmc-uk.org/registration-and-licensing/managing-your-registration/revalidation/guidance-on-supporting-information-for-revalidation/quality-improvement-activity",
        measure: Measure::ReflectedOncePerRevalidationCycle { kinds: &[EvidenceKind::QualityImprovement] },
        to_confirm: "check it looked at the quality of your work and whether changes helped",
    },
    Rule {
        id: "gmc.significant-events",
        name: "Significant events",
        requirement: "Declare and reflect on every significant event you were involved in since your last appraisal. Having none is an answer too.",
        source: "https://www.gmc-uk.org/registration-and-licensing/managing-your-registration/revalidation/guidance-on-supporting-information-for-revalidation/significant-events",
        measure: Measure::DeclareAll { kinds: &[EvidenceKind::SignificantEvent] },
        to_confirm: "check you have declared every one since your last appraisal",
    },
    Rule {
        id: "gmc.colleague-feedback",
        name: "Colleague feedback",
        requirement: "Colleague feedback at least once per revalidation cycle, from a range of roles; for PAs and AAs in clinical practice it should include at least one person who has supervised you.",
        source: "https://www.gmc-uk.org/registration-and-licensing/managing-your-registration/revalidation/guidance-on-supporting-information-for-revalidation/colleague-feedback",
        measure: Measure::ReflectedOncePerRevalidationCycle { kinds: &[EvidenceKind::ColleagueFeedback] },
        to_confirm: "check it came from a range of roles, including someone who has supervised you if you work clinically",
    },
    Rule {
        id: "gmc.patient-feedback",
        name: "Patient feedback",
        requirement: "Feedback from a formal, solicited patient feedback exercise at least once per revalidation cycle, and any informal feedback at each appraisal.",
        source: "https://www.gmc-uk.org/registration-and-licensing/managing-your-registration/revalidation/guidance-on-supporting-information-for-revalidation/patient-feedback---or-feedback-from-those-you-provide-medical-services-to",
        measure: Measure::ReflectedOncePerRevalidationCycle { kinds: &[EvidenceKind::PatientFeedback] },
        to_confirm: "check one is from a formal patient feedback exercise",
    },
    Rule {
        id: "gmc.complaints",
        name: "Compliments and complaints",
        requirement: "Declare and reflect on every formal complaint since your last appraisal; compliments and informal complaints with learning in them help too. Having none is an answer too.",
        source: "https://www.gmc-uk.org/registration-and-licensing/managing-your-registration/revalidation/guidance-on-supporting-information-for-revalidation/compliments-and-complaints",
        measure: Measure::DeclareAll { kinds: &[EvidenceKind::ComplimentsAndComplaints] },
        to_confirm: "check you have declared every formal complaint since your last appraisal",
    },
];

const NMC_RULES: &[Rule] = &[
    Rule {
        id: "nmc.cpd-hours",
        name: "CPD hours",
        requirement: "35 hours of CPD in the three years, relevant to your scope of practice (this app counts time on CPD activity entries).",
        source: NMC_CPD,
        measure: Measure::Minutes { kinds: &[EvidenceKind::CpdActivity], participatory_only: false, at_least: 35 * 60 },
        to_confirm: "check each record gives its method, how it relates to your practice and the Code, and evidence",
    },
    Rule {
        id: "nmc.participatory-hours",
        name: "Participatory CPD hours",
        requirement: "Of those, at least 20 hours participatory: learning with one or more other professionals, in person or online.",
        source: NMC_CPD,
        measure: Measure::Minutes { kinds: &[EvidenceKind::CpdActivity], participatory_only: true, at_least: 20 * 60 },
        to_confirm: "check each involved other professionals",
    },
    Rule {
        id: "nmc.feedback",
        name: "Practice-related feedback",
        requirement: "5 pieces of practice-related feedback in the three years, from any source (this app counts colleague feedback, patient feedback, and compliments and complaints).",
        source: NMC_FEEDBACK,
        measure: Measure::Entries { kinds: FEEDBACK, at_least: 5 },
        to_confirm: "check each has a note of how it improved your practice",
    },
    Rule {
        id: "nmc.reflective-accounts",
        name: "Written reflective accounts",
        requirement: "5 written reflective accounts in the three years, on the NMC form, each linked to the Code, with nothing that identifies anyone (this app counts entries of the kind \u{201c}Written reflective account\u{201d}).",
        source: NMC_REFLECTIVE,
        measure: Measure::Entries { kinds: &[EvidenceKind::ReflectiveAccount], at_least: 5 },
        to_confirm: "check each is on the NMC form and linked to the Code",
    },
];

const HCPC_RULES: &[Rule] = &[
    Rule {
        id: "hcpc.standard-1",
        name: "HCPC standard 1, a continuous record",
        requirement: "Standard 1: keep a continuous, up-to-date and accurate record of your CPD. If you are audited, explain any gap of three months or more.",
        source: HCPC_GAPS,
        measure: Measure::NoGapOf { months: 3 },
        to_confirm: "check it is up to date and accurate",
    },
    Rule {
        id: "hcpc.standard-2",
        name: "HCPC standard 2, a mixture of activities",
        requirement: "Standard 2: your CPD is a mixture of learning activities relevant to your current or future practice (this app counts kinds of learning activity; feedback, compliments and complaints you received are evidence rather than activities, so the HCPC checks leave them out).",
        source: HCPC_STANDARDS,
        measure: Measure::DifferentKinds { at_least: 2 },
        to_confirm: "check they are a mixture of learning activities relevant to your practice",
    },
    Rule {
        id: "hcpc.standards-3-4",
        name: "HCPC standards 3 and 4, improvement and benefit",
        requirement: "Standards 3 and 4: seek to make sure your CPD has improved your practice and benefits service users (this app checks each learning activity has a reflection).",
        source: HCPC_STANDARDS,
        measure: Measure::AllReflected,
        to_confirm: "check they show how your CPD improved your practice and helped service users",
    },
    Rule {
        id: "hcpc.standard-5",
        name: "HCPC standard 5, a profile if audited",
        requirement: "Standard 5: if selected for audit (2.5% of each profession at random), present a profile: a summary of your practice, and a statement on 4 to 6 activities from the last two years with evidence.",
        source: HCPC_PROFILE,
        measure: Measure::ForAnAudit { at_least: 4 },
        to_confirm: "check you have evidence for the 4 to 6 you would describe if audited",
    },
];

pub fn rules(regulator: Regulator) -> &'static [Rule] {
    match regulator {
        Regulator::Gmc => GMC_RULES,
        Regulator::Nmc => NMC_RULES,
        Regulator::Hcpc => HCPC_RULES,
    }
}

/// What the NMC and HCPC also ask that this diary does not track.
pub fn not_tracked(regulator: Regulator) -> Option<&'static str> {
    match regulator {
        Regulator::Gmc => Some("Also at appraisal: your scope of practice and where you worked since your last appraisal, and your personal development plan."),
        Regulator::Nmc => Some("Also for revalidation, not tracked here: 450 practice hours, a reflective discussion with another NMC registrant, a health and character declaration, professional indemnity and confirmation in the final 12 months."),
        Regulator::Hcpc => None,
    }
}

/// Where one rule stands for the period: what the diary shows and what is
/// left to do, never a pass or a fail. Computed from the diary each time,
/// never stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// The diary holds what the check counts; `to_confirm` is the rest of
    /// the rule, which only the practitioner can check ([`Rule::to_confirm`]).
    Recorded { to_confirm: &'static str },
    /// Not in the diary yet, with time left in the period.
    NotYet,
    /// Not in the diary by the last day of the period.
    NotReached,
    /// A GMC rule asked for at least once in each revalidation cycle, with
    /// none in this appraisal year. The GMC says revalidation is usually
    /// every five years (its page on future revalidation for PAs and AAs,
    /// [`Regulator::cycle_source`]).
    NeededOncePerRevalidationCycle,
    /// A declare-everything rule with nothing in the diary: having none is
    /// an answer too, but only the practitioner can give it, so the check
    /// neither counts it recorded nor short.
    ForYouToDeclare,
    /// A gap in the record that the HCPC asks a registrant to explain if
    /// audited (HCPC, CPD audit do's and don'ts, 2019: the rule's source).
    GapToExplain,
    /// Fewer entries than a profile for an audit would describe; the HCPC
    /// asks for the profile only from the registrants it selects (2.5% of
    /// each profession at each renewal, its CPD audits page).
    OnlyIfAudited,
}

impl Status {
    /// The words shown in the readiness table.
    pub fn label(self) -> String {
        match self {
            Status::Recorded { to_confirm } => format!("Recorded: {to_confirm}"),
            Status::NotYet => "Not yet".into(),
            Status::NotReached => "Not reached by the end of the period".into(),
            Status::NeededOncePerRevalidationCycle => {
                "None this year: needed at least once in each revalidation cycle (usually 5 years)"
                    .into()
            }
            Status::ForYouToDeclare => "None recorded: if you had none, say so at appraisal".into(),
            Status::GapToExplain => "Explain this gap if you are audited".into(),
            Status::OnlyIfAudited => "Needed only if you are selected for audit".into(),
        }
    }
}

/// How one rule stands for the period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Check {
    pub rule: Rule,
    pub status: Status,
    /// What the diary holds, as "12 of 35 hours so far" or "2 entries, 1
    /// with a reflection".
    pub progress: String,
}

/// Checks every rule of `regulator` against `entries`, the entries dated
/// in the cycle that starts on `start`, as things stand on `today` (both
/// ISO dates). While the cycle has time left, a rule not yet met is "Not
/// yet" and counts read "so far".
pub fn readiness(
    regulator: Regulator,
    entries: &[&EvidenceEntry],
    start: &str,
    today: &str,
) -> Vec<Check> {
    let last_day = cycle_last_day(regulator, start);
    // The check runs to the end of the cycle or today, whichever is earlier.
    let (until, time_left) = match last_day.as_deref() {
        Some(last) if last < today => (last, false),
        _ => (today, true),
    };
    let counted: Vec<&EvidenceEntry> = entries
        .iter()
        .copied()
        .filter(|entry| regulator.counts(entry.kind))
        .collect();
    rules(regulator)
        .iter()
        .map(|rule| {
            let (status, progress) = measure(rule, &counted, start, until, time_left);
            Check {
                rule: *rule,
                status,
                progress,
            }
        })
        .collect()
}

fn measure(
    rule: &Rule,
    entries: &[&EvidenceEntry],
    start: &str,
    until: &str,
    time_left: bool,
) -> (Status, String) {
    let recorded = Status::Recorded {
        to_confirm: rule.to_confirm,
    };
    let recorded_if = |met: bool| match (met, time_left) {
        (true, _) => recorded,
        (false, true) => Status::NotYet,
        (false, false) => Status::NotReached,
    };
    let so_far = |progress: String| {
        if time_left {
            format!("{progress} so far")
        } else {
            progress
        }
    };
    let of_kinds = |kinds: &'static [EvidenceKind]| {
        entries
            .iter()
            .filter(move |entry| kinds.contains(&entry.kind))
            .copied()
    };
    let entries_text = |count: usize| match count {
        1 => "1 entry".to_string(),
        count => format!("{count} entries"),
    };
    // How many entries of the kinds there are, and how many of them have
    // a reflection.
    let reflections = |kinds: &'static [EvidenceKind]| {
        (
            of_kinds(kinds).count(),
            of_kinds(kinds).filter(|entry| entry.reflected()).count(),
        )
    };
    let reflected_text = |count: usize, reflected: usize| match count {
        0 => entries_text(0),
        count => format!("{}, {reflected} {REFLECTED}", entries_text(count)),
    };
    match rule.measure {
        Measure::Minutes {
            kinds,
            participatory_only,
            at_least,
        } => {
            let minutes: u32 = of_kinds(kinds)
                .filter(|entry| entry.participatory || !participatory_only)
                .map(|entry| entry.minutes)
                .sum();
            (
                recorded_if(minutes >= at_least),
                so_far(format!(
                    "{} of {} hours",
                    crate::core::evidence::hours_text(minutes),
                    crate::core::evidence::hours_text(at_least)
                )),
            )
        }
        Measure::Entries { kinds, at_least } => {
            let count = of_kinds(kinds).count();
            (
                recorded_if(count >= at_least),
                so_far(format!("{count} of {at_least}")),
            )
        }
        Measure::ReflectedEachYear { kinds } => {
            let (count, reflected) = reflections(kinds);
            (recorded_if(reflected > 0), reflected_text(count, reflected))
        }
        Measure::ReflectedOncePerRevalidationCycle { kinds } => {
            let (count, reflected) = reflections(kinds);
            let status = if reflected > 0 {
                recorded
            } else {
                Status::NeededOncePerRevalidationCycle
            };
            (status, reflected_text(count, reflected))
        }
        Measure::DeclareAll { kinds } => match reflections(kinds) {
            (0, _) => (Status::ForYouToDeclare, "0 entries declared".into()),
            (count, reflected) => (
                recorded,
                format!("{} declared, {reflected} {REFLECTED}", entries_text(count)),
            ),
        },
        Measure::DifferentKinds { at_least } => {
            let kinds = sorting::set_of(entries.iter().map(|entry| entry.kind));
            (
                recorded_if(kinds.len() >= at_least),
                format!(
                    "{} (at least {at_least})",
                    text::counted(kinds.len(), "kind", "different kinds")
                ),
            )
        }
        Measure::AllReflected => {
            let reflected = entries.iter().filter(|entry| entry.reflected()).count();
            (
                recorded_if(!entries.is_empty() && reflected == entries.len()),
                format!("{reflected} of {} {REFLECTED}", entries.len()),
            )
        }
        Measure::ForAnAudit { at_least } => {
            let count = entries.len();
            let status = if count >= at_least {
                recorded
            } else {
                Status::OnlyIfAudited
            };
            (status, format!("{count} of at least {at_least} activities"))
        }
        Measure::NoGapOf { months } => match longest_gap(entries, start, until, months) {
            None if entries.is_empty() => (recorded_if(false), "no entries yet".into()),
            None => (
                recorded_if(true),
                format!("no gap of {months} months or more"),
            ),
            Some((from, to)) => (
                Status::GapToExplain,
                format!(
                    "a gap from {} to {}",
                    text::shown_date(&from, ""),
                    text::shown_date(&to, "")
                ),
            ),
        },
    }
}

/// The first gap of `months` months or more between the period's start,
/// each entry's date and `until`, as (from, to) ISO dates.
fn longest_gap(
    entries: &[&EvidenceEntry],
    start: &str,
    until: &str,
    months: u32,
) -> Option<(String, String)> {
    let dates = sorting::set_of(entries.iter().map(|entry| entry.date.as_str()));
    let mut points = vec![start];
    points.extend(dates);
    points.push(until);
    points.windows(2).find_map(|pair| {
        let later = add_months(pair[0], months)?;
        (later.as_str() <= pair[1]).then(|| (pair[0].to_owned(), pair[1].to_owned()))
    })
}

/// `date` (ISO) moved on by `months`, the day kept or, where the month is
/// shorter, its last day; `None` for text that is not an ISO date.
pub fn add_months(date: &str, months: u32) -> Option<String> {
    let mut parts = date.splitn(3, '-');
    let year: i32 = parts.next()?.parse().ok()?;
    let month: u32 = parts.next()?.parse().ok()?;
    let day: u32 = parts.next()?.parse().ok()?;
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let total = (month - 1) + months;
    let year = year + i32::try_from(total / 12).ok()?;
    let month = total % 12 + 1;
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let last = match month {
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => 31,
    };
    Some(format!("{year:04}-{month:02}-{:02}", day.min(last)))
}

/// The same day a year before `date` (ISO); 29 February becomes the 28th.
pub fn year_before(date: &str) -> Option<String> {
    let year: i32 = date.get(..4)?.parse().ok()?;
    add_months(&format!("{:04}{}", year - 1, date.get(4..)?), 0)
}

/// The last day of the cycle of `regulator` that starts on `start`
/// (inclusive), or `None` if `start` is not an ISO date.
pub fn cycle_last_day(regulator: Regulator, start: &str) -> Option<String> {
    let (years, _) = regulator.cycle();
    let next = add_months(start, u32::try_from(years).ok()? * 12)?;
    day_before(&next)
}

fn day_before(date: &str) -> Option<String> {
    let mut parts = date.splitn(3, '-');
    let year: i32 = parts.next()?.parse().ok()?;
    let month: u32 = parts.next()?.parse().ok()?;
    let day: u32 = parts.next()?.parse().ok()?;
    if day > 1 {
        return Some(format!("{year:04}-{month:02}-{:02}", day - 1));
    }
    let (year, month) = if month == 1 {
        (year - 1, 12)
    } else {
        (year, month - 1)
    };
    // The last day of the month before: one month on from its first, less
    // a day, is found by clamping day 31.
    add_months(&format!("{year:04}-{month:02}-31"), 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(date: &str, kind: EvidenceKind, minutes: u32, participatory: bool) -> EvidenceEntry {
        let mut entry = EvidenceEntry::new(date.into(), "me".into(), date.into(), 1);
        entry.kind = kind;
        entry.minutes = minutes;
        entry.participatory = participatory;
        entry
    }

    fn reflected(mut entry: EvidenceEntry) -> EvidenceEntry {
        entry.what_happened = "a".into();
        entry.what_learned = "b".into();
        entry.what_next = "c".into();
        entry
    }

    fn by_id<'a>(checks: &'a [Check], id: &str) -> &'a Check {
        checks
            .iter()
            .find(|check| check.rule.id == id)
            .unwrap_or_else(|| panic!("no rule {id}"))
    }

    #[test]
    fn every_rule_names_a_deep_page_of_its_regulator() {
        for regulator in Regulator::ALL {
            for rule in rules(regulator) {
                let path = rule.source.split('/').skip(3).collect::<Vec<_>>().join("/");
                assert!(path.len() > 10, "{} cites a home page", rule.id);
                assert!(rule.id.starts_with(regulator.code()), "{}", rule.id);
            }
        }
        assert!(RULES_VERSION.len() == 10);
    }

    /// Screen readers list links by name: each rule's "Source" link reads
    /// its short name, so the names are words, and no two are the same.
    #[test]
    fn every_rule_has_its_own_short_name_in_words() {
        for regulator in Regulator::ALL {
            let names: Vec<&str> = rules(regulator).iter().map(|rule| rule.name).collect();
            assert_eq!(
                sorting::set_of(names.iter()).len(),
                names.len(),
                "{names:?}"
            );
            for rule in rules(regulator) {
                assert!(
                    !rule.name.contains('.') && rule.name.len() < 60,
                    "{}",
                    rule.id
                );
            }
        }
    }

    #[test]
    fn nmc_totals_count_cpd_hours_participatory_hours_feedback_and_accounts() {
        let entries = [
            entry("2026-01-01", EvidenceKind::CpdActivity, 20 * 60, true),
            entry("2026-02-01", EvidenceKind::CpdActivity, 15 * 60, false),
            entry("2026-03-01", EvidenceKind::PatientFeedback, 60, true),
            entry("2026-03-02", EvidenceKind::ColleagueFeedback, 0, false),
            entry("2026-03-03", EvidenceKind::ReflectiveAccount, 0, false),
        ];
        let refs: Vec<&EvidenceEntry> = entries.iter().collect();
        let checks = readiness(Regulator::Nmc, &refs, "2025-06-01", "2026-11-30");
        let hours = by_id(&checks, "nmc.cpd-hours");
        assert_eq!(
            hours.status.label(),
            "Recorded: check each record gives its method, how it relates to your practice and the Code, and evidence"
        );
        assert_eq!(hours.progress, "35 of 35 hours so far");
        let participatory = by_id(&checks, "nmc.participatory-hours");
        assert_eq!(
            participatory.status.label(),
            "Recorded: check each involved other professionals"
        );
        assert_eq!(participatory.progress, "20 of 20 hours so far");
        assert_eq!(by_id(&checks, "nmc.feedback").progress, "2 of 5 so far");
        assert_eq!(by_id(&checks, "nmc.feedback").status, Status::NotYet);
        assert_eq!(
            by_id(&checks, "nmc.reflective-accounts").progress,
            "1 of 5 so far"
        );
        let short: Vec<&EvidenceEntry> = refs[1..].to_vec();
        let checks = readiness(Regulator::Nmc, &short, "2025-06-01", "2026-11-30");
        assert_eq!(by_id(&checks, "nmc.cpd-hours").status, Status::NotYet);
        assert_eq!(
            by_id(&checks, "nmc.participatory-hours").progress,
            "0 of 20 hours so far"
        );
    }

    #[test]
    fn gmc_checks_the_six_kinds_and_leaves_no_significant_events_for_the_practitioner_to_declare() {
        let entries = [entry("2026-01-01", EvidenceKind::CpdActivity, 0, false)];
        let refs: Vec<&EvidenceEntry> = entries.iter().collect();
        let checks = readiness(Regulator::Gmc, &refs, "2026-01-01", "2026-11-30");
        assert_eq!(checks.len(), 6);
        assert_eq!(by_id(&checks, "gmc.cpd").status, Status::NotYet);
        assert_eq!(
            by_id(&checks, "gmc.qia").status,
            Status::NeededOncePerRevalidationCycle
        );
        let events = by_id(&checks, "gmc.significant-events");
        assert_eq!(events.status, Status::ForYouToDeclare);
        assert_eq!(events.progress, "0 entries declared");
        let declared = [
            entry("2026-01-01", EvidenceKind::CpdActivity, 0, false),
            entry("2026-03-01", EvidenceKind::SignificantEvent, 0, false),
        ];
        let refs: Vec<&EvidenceEntry> = declared.iter().collect();
        let checks = readiness(Regulator::Gmc, &refs, "2026-01-01", "2026-11-30");
        let events = by_id(&checks, "gmc.significant-events");
        assert_eq!(
            events.status.label(),
            "Recorded: check you have declared every one since your last appraisal"
        );
        assert_eq!(
            events.progress,
            "1 entry declared, 0 with all three reflection questions answered"
        );
        assert!(Regulator::Gmc.unpublished().is_some());
    }

    #[test]
    fn hcpc_checks_gaps_mixture_and_reflections() {
        let first = reflected(entry("2025-01-10", EvidenceKind::CpdActivity, 60, false));
        let second = entry("2025-06-01", EvidenceKind::QualityImprovement, 0, false);
        let refs = [&first, &second];
        let checks = readiness(Regulator::Hcpc, &refs, "2025-01-01", "2025-07-01");
        assert_eq!(
            by_id(&checks, "hcpc.standard-2").status.label(),
            "Recorded: check they are a mixture of learning activities relevant to your practice"
        );
        let reflected = by_id(&checks, "hcpc.standards-3-4");
        assert_eq!(reflected.status, Status::NotYet);
        assert_eq!(
            reflected.progress,
            "1 of 2 with all three reflection questions answered"
        );
        let gaps = by_id(&checks, "hcpc.standard-1");
        assert_eq!(gaps.status.label(), "Explain this gap if you are audited");
        assert_eq!(gaps.progress, "a gap from 10 January 2025 to 1 June 2025");
        let checks = readiness(Regulator::Hcpc, &refs[..1], "2025-01-01", "2025-04-09");
        assert_eq!(
            by_id(&checks, "hcpc.standard-1").status.label(),
            "Recorded: check it is up to date and accurate"
        );
        let checks = readiness(Regulator::Hcpc, &[], "2025-01-01", "2025-02-01");
        assert_eq!(by_id(&checks, "hcpc.standard-1").progress, "no entries yet");
    }

    /// From a fresh-user trial: feedback received counted as a learning
    /// activity in the HCPC's checks ("1 of 2 reflected" for one CPD
    /// activity and one patient's letter), and the profile asked for only
    /// at audit read "Not yet", as if every registrant owed one.
    #[test]
    fn hcpc_counts_learning_activities_and_asks_for_a_profile_only_at_audit() {
        let activity = reflected(entry("2025-01-10", EvidenceKind::CpdActivity, 60, false));
        let letter = entry("2025-02-01", EvidenceKind::PatientFeedback, 0, false);
        let praise = entry(
            "2025-03-01",
            EvidenceKind::ComplimentsAndComplaints,
            0,
            false,
        );
        let refs = [&activity, &letter, &praise];
        let checks = readiness(Regulator::Hcpc, &refs, "2025-01-01", "2025-03-15");
        let reflected = by_id(&checks, "hcpc.standards-3-4");
        assert_eq!(
            reflected.progress,
            "1 of 1 with all three reflection questions answered"
        );
        assert_eq!(
            by_id(&checks, "hcpc.standard-2").progress,
            "1 kind (at least 2)"
        );
        let profile = by_id(&checks, "hcpc.standard-5");
        assert_eq!(
            profile.status.label(),
            "Needed only if you are selected for audit"
        );
        assert_eq!(profile.progress, "1 of at least 4 activities");
        let more: Vec<EvidenceEntry> = (1..=4)
            .map(|day| {
                entry(
                    &format!("2025-03-0{day}"),
                    EvidenceKind::CpdActivity,
                    30,
                    false,
                )
            })
            .collect();
        let refs: Vec<&EvidenceEntry> = more.iter().collect();
        let checks = readiness(Regulator::Hcpc, &refs, "2025-01-01", "2025-03-15");
        assert_eq!(
            by_id(&checks, "hcpc.standard-5").status.label(),
            "Recorded: check you have evidence for the 4 to 6 you would describe if audited"
        );
        // The GMC's supporting information includes feedback.
        let checks = readiness(Regulator::Gmc, &[&letter], "2025-01-01", "2025-03-15");
        assert!(checks
            .iter()
            .any(|check| check.progress.starts_with("1 entry")));
    }

    /// Fault 1: the GMC asks for quality improvement activity and colleague
    /// and patient feedback once per revalidation cycle (usually five
    /// years), so one appraisal year without them is not "Missing".
    #[test]
    fn gmc_once_per_revalidation_cycle_rules_say_not_yet_not_missing() {
        let entries = [reflected(entry(
            "2026-01-01",
            EvidenceKind::CpdActivity,
            60,
            false,
        ))];
        let refs: Vec<&EvidenceEntry> = entries.iter().collect();
        let checks = readiness(Regulator::Gmc, &refs, "2026-01-01", "2026-11-30");
        for id in ["gmc.qia", "gmc.colleague-feedback", "gmc.patient-feedback"] {
            let check = by_id(&checks, id);
            assert_eq!(
                check.status.label(),
                "None this year: needed at least once in each revalidation cycle (usually 5 years)",
                "{id}"
            );
            assert_eq!(check.progress, "0 entries", "{id}");
        }
        // Still so once the appraisal year is over: the cycle is longer.
        let checks = readiness(Regulator::Gmc, &refs, "2025-01-01", "2026-11-30");
        assert!(!by_id(&checks, "gmc.qia").status.label().contains("Missing"));
    }

    /// Fault 2: an entry with no reflection does not meet a GMC rule that
    /// asks for one, and what the diary cannot show (whole practice, range
    /// of roles) is left for the practitioner to check, not "Covered".
    #[test]
    fn gmc_counts_reflected_entries_and_names_what_only_you_can_check() {
        let bare = [
            entry("2026-01-01", EvidenceKind::CpdActivity, 60, false),
            entry("2026-02-01", EvidenceKind::ColleagueFeedback, 0, false),
        ];
        let refs: Vec<&EvidenceEntry> = bare.iter().collect();
        let checks = readiness(Regulator::Gmc, &refs, "2026-01-01", "2026-11-30");
        let cpd = by_id(&checks, "gmc.cpd");
        assert_eq!(cpd.status.label(), "Not yet");
        assert_eq!(
            cpd.progress,
            "1 entry, 0 with all three reflection questions answered"
        );
        assert_eq!(
            by_id(&checks, "gmc.colleague-feedback").progress,
            "1 entry, 0 with all three reflection questions answered"
        );
        let full = [reflected(bare[0].clone()), reflected(bare[1].clone())];
        let refs: Vec<&EvidenceEntry> = full.iter().collect();
        let checks = readiness(Regulator::Gmc, &refs, "2026-01-01", "2026-11-30");
        assert_eq!(
            by_id(&checks, "gmc.cpd").status.label(),
            "Recorded: check it covers your whole practice"
        );
        assert_eq!(
            by_id(&checks, "gmc.colleague-feedback").status.label(),
            "Recorded: check it came from a range of roles, including someone who has supervised you if you work clinically"
        );
        for check in &checks {
            assert_ne!(check.status.label(), "Covered", "{}", check.rule.id);
        }
    }

    /// Fault 3: early in the NMC's three years the counts are progress,
    /// "Not yet" rather than "Missing"; only once the period is over does
    /// the check say a count was not reached.
    #[test]
    fn nmc_counts_read_as_progress_while_time_remains() {
        let entries = [entry(
            "2026-01-01",
            EvidenceKind::CpdActivity,
            12 * 60,
            true,
        )];
        let refs: Vec<&EvidenceEntry> = entries.iter().collect();
        let checks = readiness(Regulator::Nmc, &refs, "2025-06-01", "2026-11-30");
        let hours = by_id(&checks, "nmc.cpd-hours");
        assert_eq!(hours.progress, "12 of 35 hours so far");
        assert_eq!(hours.status.label(), "Not yet");
        let accounts = by_id(&checks, "nmc.reflective-accounts");
        assert_eq!(accounts.progress, "0 of 5 so far");
        assert_eq!(accounts.status.label(), "Not yet");
        let checks = readiness(Regulator::Nmc, &refs, "2023-06-01", "2026-11-30");
        let hours = by_id(&checks, "nmc.cpd-hours");
        assert_eq!(hours.progress, "12 of 35 hours");
        assert_eq!(hours.status.label(), "Not reached by the end of the period");
    }

    /// Fault 4: the research checked these NMC and HCPC pages only at their
    /// http addresses and gives no current page that says the same, so
    /// they stay as cited rather than a guessed https address.
    #[test]
    fn http_sources_are_only_the_pages_the_research_cited() {
        let http: Vec<&str> = Regulator::ALL
            .into_iter()
            .flat_map(|regulator| rules(regulator).iter().map(|rule| rule.source))
            .filter(|source| source.starts_with("http:"))
            .collect();
        assert_eq!(
            sorting::set_of(http).into_iter().collect::<Vec<_>>(),
            [
                "http://revalidation.nmc.org.uk/what-you-need-to-do/practice-related-feedback/",
                "http://revalidation.nmc.org.uk/what-you-need-to-do/written-reflective-accounts",
                "http://www.hcpc-uk.org/registrants/cpd/standards/",
            ]
        );
    }

    #[test]
    fn cycles_end_the_day_before_their_anniversary() {
        assert_eq!(
            cycle_last_day(Regulator::Nmc, "2024-03-01").as_deref(),
            Some("2027-02-28")
        );
        assert_eq!(
            cycle_last_day(Regulator::Hcpc, "2025-09-01").as_deref(),
            Some("2027-08-31")
        );
        assert_eq!(
            cycle_last_day(Regulator::Gmc, "2026-01-01").as_deref(),
            Some("2026-12-31")
        );
        assert_eq!(add_months("2025-11-30", 3).as_deref(), Some("2026-02-28"));
        assert_eq!(cycle_last_day(Regulator::Nmc, "nope"), None);
        assert_eq!(year_before("2028-02-29").as_deref(), Some("2027-02-28"));
        assert_eq!(year_before("2026-11-30").as_deref(), Some("2025-11-30"));
    }
}
