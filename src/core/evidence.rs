//! The evidence and CPD diary: one entry per piece of supporting
//! information (a CPD activity, feedback, a significant event…), linked to
//! capabilities and plan actions, with a guided reflection.
//!
//! Each entry is stored as its own record (`mapscc/evidence/<id>`), so one
//! damaged entry is quarantined on its own and the rest still load. Text
//! only: an entry names where its evidence is kept, it never holds a file.
//!
//! The kinds follow the regulators' categories: the GMC's six types of
//! supporting information (<https://www.gmc-uk.org/registration-and-licensing/managing-your-registration/revalidation/future-revalidation-for-physician-associates-and-anaesthesia-associates>)
//! and the NMC's written reflective accounts
//! (<http://revalidation.nmc.org.uk/what-you-need-to-do/written-reflective-accounts>).

use crate::core::{
    assessment::Millis, backup::csv_cell, limits, plan::is_real_date, records::Record, sorting,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub const EVIDENCE_PREFIX: &str = "mapscc/evidence/";

pub fn evidence_key(id: &str) -> String {
    format!("{EVIDENCE_PREFIX}{id}")
}

/// What an entry is evidence of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EvidenceKind {
    CpdActivity,
    QualityImprovement,
    SignificantEvent,
    ColleagueFeedback,
    PatientFeedback,
    ComplimentsAndComplaints,
    ReflectiveAccount,
    Other,
}

impl EvidenceKind {
    pub const ALL: [EvidenceKind; 8] = [
        EvidenceKind::CpdActivity,
        EvidenceKind::QualityImprovement,
        EvidenceKind::SignificantEvent,
        EvidenceKind::ColleagueFeedback,
        EvidenceKind::PatientFeedback,
        EvidenceKind::ComplimentsAndComplaints,
        EvidenceKind::ReflectiveAccount,
        EvidenceKind::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            EvidenceKind::CpdActivity => "CPD activity",
            EvidenceKind::QualityImprovement => "Quality improvement activity",
            EvidenceKind::SignificantEvent => "Significant event",
            EvidenceKind::ColleagueFeedback => "Colleague feedback",
            EvidenceKind::PatientFeedback => "Patient feedback",
            EvidenceKind::ComplimentsAndComplaints => "Compliments and complaints",
            EvidenceKind::ReflectiveAccount => "Written reflective account",
            EvidenceKind::Other => "Other evidence",
        }
    }

    /// The kebab-case name it is stored and exported under.
    pub fn code(self) -> &'static str {
        match self {
            EvidenceKind::CpdActivity => "cpd-activity",
            EvidenceKind::QualityImprovement => "quality-improvement",
            EvidenceKind::SignificantEvent => "significant-event",
            EvidenceKind::ColleagueFeedback => "colleague-feedback",
            EvidenceKind::PatientFeedback => "patient-feedback",
            EvidenceKind::ComplimentsAndComplaints => "compliments-and-complaints",
            EvidenceKind::ReflectiveAccount => "reflective-account",
            EvidenceKind::Other => "other",
        }
    }

    pub fn from_code(code: &str) -> Option<EvidenceKind> {
        EvidenceKind::ALL
            .into_iter()
            .find(|kind| kind.code() == code)
    }
}

/// One diary entry. Dates are ISO (YYYY-MM-DD); times Unix milliseconds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EvidenceEntry {
    pub id: String,
    /// The profile it belongs to (see `records::Profiles`).
    pub profile: String,
    /// When the activity or event happened.
    pub date: String,
    pub title: String,
    pub kind: EvidenceKind,
    /// Time spent, in whole minutes (shown as hours); 0 when not counted.
    #[serde(default)]
    pub minutes: u32,
    /// Whether it involved interaction with other professionals (the NMC's
    /// "participatory" CPD).
    #[serde(default)]
    pub participatory: bool,
    /// Reflection, prompt by prompt: what happened, what I learned, what I
    /// will change.
    #[serde(default)]
    pub what_happened: String,
    #[serde(default)]
    pub what_learned: String,
    #[serde(default)]
    pub what_next: String,
    /// Where the evidence itself is kept (a certificate, a portfolio…).
    #[serde(default)]
    pub kept_at: String,
    /// Capability ids (see `framework::Capability`).
    #[serde(default)]
    pub capabilities: Vec<String>,
    /// Plan action ids (see `assessment::PlanAction`).
    #[serde(default)]
    pub actions: Vec<String>,
    pub created_at: Millis,
    pub updated_at: Millis,
}

impl Record for EvidenceEntry {
    const KIND: &'static str = "evidence";
    const VERSION: u32 = 1;
}

impl EvidenceEntry {
    pub fn new(id: String, profile: String, date: String, now: Millis) -> EvidenceEntry {
        EvidenceEntry {
            id,
            profile,
            date,
            title: String::new(),
            kind: EvidenceKind::CpdActivity,
            minutes: 0,
            participatory: false,
            what_happened: String::new(),
            what_learned: String::new(),
            what_next: String::new(),
            kept_at: String::new(),
            capabilities: Vec::new(),
            actions: Vec::new(),
            created_at: now,
            updated_at: now,
        }
    }

    /// Whether all three reflection prompts have an answer.
    pub fn reflected(&self) -> bool {
        [&self.what_happened, &self.what_learned, &self.what_next]
            .iter()
            .all(|text| !text.trim().is_empty())
    }

    /// Every piece of free text, for search and the privacy check.
    pub fn texts(&self) -> [&str; 5] {
        [
            &self.title,
            &self.what_happened,
            &self.what_learned,
            &self.what_next,
            &self.kept_at,
        ]
    }
}

/// Time spent as the person typed it ("1.5", "2", "0.25"), in whole
/// minutes; `None` for anything else, negative or over 1,000 hours.
pub fn parse_hours(text: &str) -> Option<u32> {
    let text = text.trim();
    if text.is_empty() {
        return Some(0);
    }
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let digits = |part: &str| part.bytes().all(|byte| byte.is_ascii_digit());
    if !digits(whole) || !digits(fraction) || (whole.is_empty() && fraction.is_empty()) {
        return None;
    }
    let hours: u32 = if whole.is_empty() {
        0
    } else {
        whole.parse().ok()?
    };
    if hours > 1_000 {
        return None;
    }
    // Minutes from up to four decimal places, rounded to the nearest.
    let padded: String = fraction.chars().chain("0000".chars()).take(4).collect();
    let ten_thousandths: u32 = padded.parse().ok()?;
    Some(hours * 60 + (ten_thousandths * 60 + 5_000) / 10_000)
}

/// Minutes as hours with up to two decimals: "1.5", "2", "0.25".
pub fn hours_text(minutes: u32) -> String {
    let hundredths = (minutes * 100 + 30) / 60;
    let (whole, part) = (hundredths / 100, hundredths % 100);
    match part {
        0 => whole.to_string(),
        part if part % 10 == 0 => format!("{whole}.{}", part / 10),
        part => format!("{whole}.{part:02}"),
    }
}

/// The longest title of an entry, in characters.
pub const TITLE_MAX_CHARS: usize = limits::EVIDENCE_TITLE_MAX_CHARS;

/// Field-by-field problems with an entry, for an error summary: (field id,
/// message). Empty means it can be saved.
pub fn problems(entry: &EvidenceEntry, hours_typed: &str) -> Vec<(&'static str, String)> {
    let mut problems = Vec::new();
    if !is_real_date(&entry.date) {
        problems.push((
            "evidence-date",
            "Enter the date as a real date, like 2026-11-30".to_string(),
        ));
    }
    if entry.title.trim().is_empty() {
        problems.push(("evidence-title", "Enter a title".to_string()));
    } else if let Some(message) = limits::too_long("The title", &entry.title, TITLE_MAX_CHARS) {
        problems.push(("evidence-title", message));
    }
    if parse_hours(hours_typed).is_none() {
        problems.push((
            "evidence-hours",
            "Time spent must be a number of hours, like 1.5, up to 1,000".to_string(),
        ));
    }
    for (id, what, text) in [
        ("evidence-happened", "What happened", &entry.what_happened),
        ("evidence-learned", "What you learned", &entry.what_learned),
        ("evidence-next", "What you will change", &entry.what_next),
    ] {
        if let Some(message) = limits::too_long(what, text, limits::EVIDENCE_REFLECTION_MAX_CHARS) {
            problems.push((id, message));
        }
    }
    if let Some(message) = limits::too_long(
        "Where the evidence is kept",
        &entry.kept_at,
        limits::EVIDENCE_KEPT_AT_MAX_CHARS,
    ) {
        problems.push(("evidence-kept-at", message));
    }
    problems
}

/// What the list shows: every condition that is set must hold.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    /// Words to find in any text of the entry, ignoring case.
    pub text: String,
    pub kind: Option<EvidenceKind>,
    pub capability: Option<String>,
    /// Inclusive ISO dates.
    pub from: Option<String>,
    pub to: Option<String>,
}

impl Filter {
    pub fn matches(&self, entry: &EvidenceEntry) -> bool {
        let words = self.text.to_lowercase();
        let text_ok = words.split_whitespace().all(|word| {
            entry
                .texts()
                .iter()
                .any(|text| text.to_lowercase().contains(word))
        });
        text_ok
            && self.kind.is_none_or(|kind| entry.kind == kind)
            && self
                .capability
                .as_ref()
                .is_none_or(|id| entry.capabilities.contains(id))
            && in_period(&entry.date, self.from.as_deref(), self.to.as_deref())
    }
}

/// Whether ISO `date` lies in the inclusive period; an open end is `None`.
/// ISO dates compare as text.
pub fn in_period(date: &str, from: Option<&str>, to: Option<&str>) -> bool {
    from.is_none_or(|from| date >= from) && to.is_none_or(|to| date <= to)
}

/// The entries that match, newest first (by date, then by when written).
pub fn filtered<'a>(entries: &'a [EvidenceEntry], filter: &Filter) -> Vec<&'a EvidenceEntry> {
    let mut found: Vec<&EvidenceEntry> = entries.iter().filter(|e| filter.matches(e)).collect();
    // Two stable passes: by when written, then by date, so entries of one
    // date stay newest written first.
    sorting::sort_by_rank(&mut found, |entry| {
        -i64::try_from(entry.created_at).unwrap_or(i64::MAX)
    });
    sorting::sort_by_rank(&mut found, |entry| -date_rank(&entry.date));
    found
}

/// An ISO date as the number YYYYMMDD, which orders as the dates do; 0 for
/// text that is not a date, so it comes last among the newest first.
fn date_rank(date: &str) -> i64 {
    let digits: String = date.chars().filter(char::is_ascii_digit).collect();
    match digits.len() {
        8 => digits.parse().unwrap_or(0),
        _ => 0,
    }
}

/// The entries linked to a plan action.
pub fn for_action<'a>(entries: &'a [EvidenceEntry], action: &str) -> Vec<&'a EvidenceEntry> {
    entries
        .iter()
        .filter(|entry| entry.actions.iter().any(|id| id == action))
        .collect()
}

/// Something in an entry's text that may identify a patient.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PrivacyFlag {
    /// Ten digits (alone, or as 3-3-4 with spaces or hyphens) whose tenth
    /// is the modulus 11 check digit of the first nine: very likely an NHS
    /// number.
    NhsNumber(String),
    /// A full date (day, month and year) that could be a date of birth.
    FullDate(String),
}

impl PrivacyFlag {
    pub fn message(&self) -> String {
        match self {
            PrivacyFlag::NhsNumber(found) => format!(
                "“{found}” looks like an NHS number. Remove it unless it is not about a person."
            ),
            PrivacyFlag::FullDate(found) => {
                format!("“{found}” is a full date. If it is someone's date of birth, remove it.")
            }
        }
    }
}

/// Whether ten digits pass the NHS number's modulus 11 check: weights 10
/// down to 2 on the first nine digits; 11 minus the remainder of the sum
/// divided by 11 is the check digit, 11 becomes 0 and 10 is never valid.
/// Source: NHS Digital Data Dictionary, "NHS Number"
/// (<https://www.datadictionary.nhs.uk/attributes/nhs_number.html>).
pub fn is_nhs_number(digits: &[u8; 10]) -> bool {
    if digits.iter().any(|digit| *digit > 9) {
        return false;
    }
    let sum: u32 = digits[..9]
        .iter()
        .zip((2..=10).rev())
        .map(|(digit, weight)| u32::from(*digit) * weight)
        .sum();
    let check = match 11 - sum % 11 {
        11 => 0,
        10 => return false,
        check => check,
    };
    u32::from(digits[9]) == check
}

/// Possible patient identifiers in `text`: NHS numbers and full dates. A
/// flag, never a block: the person decides.
pub fn privacy_flags(text: &str) -> Vec<PrivacyFlag> {
    let mut flags = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut index = 0;
    while index < chars.len() {
        let before_ok = index == 0 || !chars[index - 1].is_alphanumeric();
        if before_ok && chars[index].is_ascii_digit() {
            if let Some((end, flag)) =
                nhs_number_at(&chars, index).or_else(|| date_at(&chars, index))
            {
                flags.push(flag);
                index = end;
                continue;
            }
            // Skip the rest of this run of digits.
            while index < chars.len() && chars[index].is_ascii_digit() {
                index += 1;
            }
            continue;
        }
        index += 1;
    }
    flags
}

fn ends_cleanly(chars: &[char], end: usize) -> bool {
    chars.get(end).is_none_or(|next| !next.is_alphanumeric())
}

/// Ten digits from `start`, plain or as 3-3-4 with the same space or
/// hyphen between the groups, passing the check.
fn nhs_number_at(chars: &[char], start: usize) -> Option<(usize, PrivacyFlag)> {
    let rest = chars.get(start..)?;
    let digit_at = |at: usize| rest.get(at).and_then(|c| c.to_digit(10));
    let plain = (0..10).map(digit_at).collect::<Option<Vec<u32>>>();
    let (digits, length) = match plain {
        Some(digits) => (digits, 10),
        None => {
            let separator = *rest.get(3)?;
            if !matches!(separator, ' ' | '-') || rest.get(7) != Some(&separator) {
                return None;
            }
            let grouped = [0, 1, 2, 4, 5, 6, 8, 9, 10, 11]
                .into_iter()
                .map(digit_at)
                .collect::<Option<Vec<u32>>>()?;
            (grouped, 12)
        }
    };
    let end = start + length;
    let digits: Vec<u8> = digits.into_iter().map(|digit| digit as u8).collect();
    let digits: [u8; 10] = digits.try_into().ok()?;
    (ends_cleanly(chars, end) && is_nhs_number(&digits)).then(|| {
        (
            end,
            PrivacyFlag::NhsNumber(chars[start..end].iter().collect()),
        )
    })
}

const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A full date from `start`: 12/03/1980, 12-03-1980, 12.03.1980, 1980-03-12,
/// or 12 March 1980 (the month named in full or by its first three letters).
fn date_at(chars: &[char], start: usize) -> Option<(usize, PrivacyFlag)> {
    let number = |from: usize| -> (u32, usize) {
        let mut value = 0u32;
        let mut at = from;
        while at < chars.len() && chars[at].is_ascii_digit() && at - from < 4 {
            value = value * 10 + chars[at].to_digit(10).unwrap_or(0);
            at += 1;
        }
        (value, at - from)
    };
    let valid = |year: u32, month: u32, day: u32| {
        (1900..=2100).contains(&year) && is_real_date(&format!("2000-{month:02}-{day:02}"))
    };
    let (first, first_len) = number(start);
    let mut at = start + first_len;
    let found = |end: usize| {
        ends_cleanly(chars, end).then(|| {
            (
                end,
                PrivacyFlag::FullDate(chars[start..end].iter().collect()),
            )
        })
    };
    match chars.get(at) {
        Some(&separator @ ('/' | '-' | '.')) => {
            let (second, second_len) = number(at + 1);
            at += 1 + second_len;
            if second_len == 0 || second_len > 2 || chars.get(at) != Some(&separator) {
                return None;
            }
            let (third, third_len) = number(at + 1);
            at += 1 + third_len;
            let date = match (first_len, third_len) {
                (4, 1..=2) => valid(first, second, third),
                (1..=2, 4) => valid(third, second, first),
                _ => false,
            };
            if date {
                found(at)
            } else {
                None
            }
        }
        Some(' ') if first_len <= 2 => {
            let word: String = chars[at + 1..]
                .iter()
                .take_while(|c| c.is_alphabetic())
                .collect::<String>()
                .to_lowercase();
            let month = MONTH_NAMES.iter().position(|name| {
                word.len() >= 3 && (word == *name || (word.len() == 3 && name.starts_with(&word)))
            })? as u32
                + 1;
            at += 1 + word.chars().count();
            if chars.get(at) != Some(&' ') {
                return None;
            }
            let (year, year_len) = number(at + 1);
            at += 1 + year_len;
            (year_len == 4 && valid(year, month, first)).then_some(())?;
            found(at)
        }
        _ => None,
    }
}

/// A CSV of entries, one row each, with every cell quoted and defused
/// against spreadsheet formulas as the ratings CSV is (see
/// [`crate::core::backup::csv_cell`]). `capability_title` names a
/// capability id.
pub fn entries_csv(
    entries: &[&EvidenceEntry],
    capability_title: impl Fn(&str) -> String,
) -> String {
    let mut csv = String::from(
        "date,title,kind,hours,participatory,what_happened,what_learned,what_next,kept_at,capabilities\n",
    );
    for entry in entries {
        let capabilities: Vec<String> = entry
            .capabilities
            .iter()
            .map(|id| capability_title(id))
            .collect();
        let row = [
            csv_cell(&entry.date),
            csv_cell(&entry.title),
            csv_cell(entry.kind.label()),
            csv_cell(&hours_text(entry.minutes)),
            csv_cell(if entry.participatory { "yes" } else { "no" }),
            csv_cell(&entry.what_happened),
            csv_cell(&entry.what_learned),
            csv_cell(&entry.what_next),
            csv_cell(&entry.kept_at),
            csv_cell(&capabilities.join("; ")),
        ];
        csv.push_str(&row.join(","));
        csv.push('\n');
    }
    csv
}

/// A summary of entries for a period, for the appraisal print.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Summary {
    pub entries: usize,
    pub minutes: u32,
    pub participatory_minutes: u32,
    /// (kind, how many), in the order of [`EvidenceKind::ALL`], kinds with
    /// none left out.
    pub kinds: Vec<(EvidenceKind, usize)>,
    /// (capability id, how many entries), most first then by id.
    pub capabilities: Vec<(String, usize)>,
}

pub fn summary(entries: &[&EvidenceEntry]) -> Summary {
    let kinds = EvidenceKind::ALL
        .into_iter()
        .map(|kind| (kind, entries.iter().filter(|e| e.kind == kind).count()))
        .filter(|(_, count)| *count > 0)
        .collect();
    // Counted in id order, then ranked most first: ties stay in id order.
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for id in entries.iter().flat_map(|entry| entry.capabilities.iter()) {
        *counts.entry(id.as_str()).or_default() += 1;
    }
    let mut capabilities: Vec<(String, usize)> = counts
        .into_iter()
        .map(|(id, count)| (id.to_owned(), count))
        .collect();
    sorting::sort_by_rank(&mut capabilities, |(_, count)| {
        -i64::try_from(*count).unwrap_or(i64::MAX)
    });
    Summary {
        entries: entries.len(),
        minutes: entries.iter().map(|entry| entry.minutes).sum(),
        participatory_minutes: entries
            .iter()
            .filter(|entry| entry.participatory)
            .map(|entry| entry.minutes)
            .sum(),
        kinds,
        capabilities,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::records::{decode, encode, Decoded};

    fn entry(id: &str, date: &str, kind: EvidenceKind) -> EvidenceEntry {
        let mut entry = EvidenceEntry::new(id.into(), "me".into(), date.into(), 1);
        entry.kind = kind;
        entry.title = format!("Entry {id}");
        entry
    }

    fn digits(text: &str) -> [u8; 10] {
        let mut out = [0u8; 10];
        for (slot, c) in out.iter_mut().zip(text.chars()) {
            *slot = c.to_digit(10).unwrap_or(0) as u8;
        }
        out
    }

    #[test]
    fn nhs_numbers_pass_only_with_the_right_check_digit() {
        // 943 476 5919 is the NHS Data Dictionary's worked example.
        assert!(is_nhs_number(&digits("9434765919")));
        assert!(!is_nhs_number(&digits("9434765918")));
        assert!(!is_nhs_number(&digits("9434765910")));
        assert!(is_nhs_number(&digits("4010232137")));
        // A remainder of 0 gives check digit 11, written 0.
        assert!(is_nhs_number(&digits("1000000060")));
        assert!(!is_nhs_number(&digits("1000000061")));
        // A remainder of 1 gives 10: no valid number has those nine digits.
        assert!((0..10).all(|last| !is_nhs_number(&digits(&format!("100000001{last}")))));
        let valid = (0..10)
            .filter(|last| is_nhs_number(&digits(&format!("943476591{last}"))))
            .count();
        assert_eq!(valid, 1);
    }

    #[test]
    fn a_valid_nhs_number_is_flagged_in_any_usual_layout() {
        for text in [
            "Patient 9434765919 was seen",
            "NHS no. 943 476 5919.",
            "(943-476-5919)",
        ] {
            assert!(
                matches!(privacy_flags(text).as_slice(), [PrivacyFlag::NhsNumber(_)]),
                "{text}"
            );
        }
    }

    #[test]
    fn ten_digits_failing_the_check_or_inside_longer_numbers_are_not_flagged() {
        for text in [
            "Call 9434765918 today",
            "Order 19434765919",
            "ref 94347659190",
            "943 476-5919",
            "9434 765919",
            "ABC9434765919",
        ] {
            assert_eq!(privacy_flags(text), vec![], "{text}");
        }
    }

    #[test]
    fn full_dates_are_flagged_but_partial_ones_are_not() {
        for (text, found) in [
            ("born 12/03/1980 in", "12/03/1980"),
            ("DOB 1.2.1975", "1.2.1975"),
            ("on 1980-03-12", "1980-03-12"),
            ("on 12 March 1980", "12 March 1980"),
            ("on 3 sep 2001,", "3 sep 2001"),
        ] {
            assert_eq!(
                privacy_flags(text),
                vec![PrivacyFlag::FullDate(found.into())],
                "{text}"
            );
        }
        for text in [
            "March 1980",
            "12/03",
            "31/02/1980",
            "12 Marchy 1980",
            "aged 45",
            "13/13/2000",
            "12 March 80",
        ] {
            assert_eq!(privacy_flags(text), vec![], "{text}");
        }
    }

    #[test]
    fn hours_are_read_as_typed_and_kept_in_minutes() {
        assert_eq!(parse_hours(""), Some(0));
        assert_eq!(parse_hours("1.5"), Some(90));
        assert_eq!(parse_hours(" 2 "), Some(120));
        assert_eq!(parse_hours(".25"), Some(15));
        assert_eq!(parse_hours("0.333"), Some(20));
        for bad in ["-1", "1,5", "abc", "1.2.3", ".", "1001", "99999999999"] {
            assert_eq!(parse_hours(bad), None, "{bad}");
        }
        assert_eq!(hours_text(90), "1.5");
        assert_eq!(hours_text(120), "2");
        assert_eq!(hours_text(15), "0.25");
        assert_eq!(hours_text(20), "0.33");
    }

    #[test]
    fn an_entry_needs_a_date_a_title_and_text_within_limits() {
        let mut draft = entry("e", "2026-11-30", EvidenceKind::CpdActivity);
        assert!(problems(&draft, "1").is_empty());
        draft.date = "2026-02-30".into();
        draft.title = " ".into();
        draft.what_learned = "x".repeat(limits::EVIDENCE_REFLECTION_MAX_CHARS + 1);
        let fields: Vec<&str> = problems(&draft, "x")
            .into_iter()
            .map(|(id, _)| id)
            .collect();
        assert_eq!(
            fields,
            [
                "evidence-date",
                "evidence-title",
                "evidence-hours",
                "evidence-learned"
            ]
        );
    }

    #[test]
    fn the_list_filters_by_words_kind_capability_and_dates() {
        let mut a = entry("a", "2026-01-10", EvidenceKind::CpdActivity);
        a.what_learned = "Sepsis recognition".into();
        a.capabilities = vec!["pvb-01".into()];
        let b = entry("b", "2026-06-01", EvidenceKind::PatientFeedback);
        let entries = vec![a, b];
        let ids = |filter: Filter| -> Vec<String> {
            filtered(&entries, &filter)
                .into_iter()
                .map(|e| e.id.clone())
                .collect()
        };
        assert_eq!(ids(Filter::default()), ["b", "a"]);
        assert_eq!(
            ids(Filter {
                text: "SEPSIS".into(),
                ..Filter::default()
            }),
            ["a"]
        );
        assert_eq!(
            ids(Filter {
                kind: Some(EvidenceKind::PatientFeedback),
                ..Filter::default()
            }),
            ["b"]
        );
        assert_eq!(
            ids(Filter {
                capability: Some("pvb-01".into()),
                ..Filter::default()
            }),
            ["a"]
        );
        assert_eq!(
            ids(Filter {
                from: Some("2026-06-01".into()),
                to: Some("2026-06-01".into()),
                ..Filter::default()
            }),
            ["b"]
        );
    }

    #[test]
    fn the_csv_guards_every_cell_against_formulas() {
        let mut risky = entry("a", "2026-01-10", EvidenceKind::CpdActivity);
        risky.title = "=HYPERLINK(\"http://x\")".into();
        risky.what_learned = "+1 more".into();
        risky.kept_at = "@SUM(A1)".into();
        risky.capabilities = vec!["pvb-01".into()];
        risky.minutes = 90;
        let csv = entries_csv(&[&risky], |id| format!("-{id}"));
        let row = csv.lines().nth(1).unwrap_or_default();
        assert!(row.contains("\"'=HYPERLINK(\"\"http://x\"\")\""), "{row}");
        assert!(row.contains("\"'+1 more\""), "{row}");
        assert!(row.contains("\"'@SUM(A1)\""), "{row}");
        assert!(row.contains("\"'-pvb-01\""), "{row}");
        assert!(row.contains("\"1.5\""), "{row}");
    }

    #[test]
    fn the_summary_counts_hours_kinds_and_capabilities() {
        let mut a = entry("a", "2026-01-10", EvidenceKind::CpdActivity);
        a.minutes = 120;
        a.participatory = true;
        a.capabilities = vec!["x".into(), "y".into()];
        let mut b = entry("b", "2026-02-10", EvidenceKind::CpdActivity);
        b.minutes = 30;
        b.capabilities = vec!["y".into()];
        let summary = summary(&[&a, &b]);
        assert_eq!(summary.minutes, 150);
        assert_eq!(summary.participatory_minutes, 120);
        assert_eq!(summary.kinds, vec![(EvidenceKind::CpdActivity, 2)]);
        assert_eq!(
            summary.capabilities,
            vec![("y".to_string(), 2), ("x".to_string(), 1)]
        );
    }

    #[test]
    fn the_version_1_fixture_decodes_and_writes_back_the_same() {
        let fixture = include_str!("../../tests/fixtures/evidence-v1.json");
        let Decoded::Current(entry) = decode::<EvidenceEntry>(fixture) else {
            panic!("the evidence fixture did not decode");
        };
        assert_eq!(entry.kind, EvidenceKind::ColleagueFeedback);
        assert_eq!(entry.minutes, 90);
        assert_eq!(encode(&entry).as_deref(), Ok(fixture.trim_end()));
    }
}
