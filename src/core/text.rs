//! Dates and levels as people read them, in one place: UK style dates
//! ("15 January 2027", as GOV.UK and NHS.UK write them) and rating levels
//! with their words ("3 (with some support)"). Used on screen and in print,
//! so the two always agree.
//!
//! Source for the date style: GOV.UK style guide, "Dates",
//! <https://www.gov.uk/guidance/style-guide/a-to-z#dates>.

/// Month names, January first.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "15 January 2027". `month` counts from 1; a month outside 1 to 12 gives
/// the numbers as written, so nothing is hidden.
pub fn uk_date(year: i32, month: u32, day: u32) -> String {
    match month
        .checked_sub(1)
        .and_then(|index| MONTHS.get(index as usize))
    {
        Some(name) => format!("{day} {name} {year}"),
        None => format!("{day}/{month}/{year}"),
    }
}

/// A date stored as "YYYY-MM-DD" (a date input's value) in UK style;
/// `None` when `iso` is not in that shape or names no real month.
pub fn uk_date_from_iso(iso: &str) -> Option<String> {
    let mut parts = iso.trim().split('-');
    let (Some(year), Some(month), Some(day), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return None;
    };
    if year.len() != 4 || month.len() != 2 || day.len() != 2 {
        return None;
    }
    let (Ok(year), Ok(month), Ok(day)) = (year.parse(), month.parse(), day.parse()) else {
        return None;
    };
    ((1..=12).contains(&month) && (1..=31).contains(&day)).then(|| uk_date(year, month, day))
}

/// A stored "YYYY-MM-DD" for display: UK style, or the text as stored if it
/// is not a date, or `when_empty` if there is none.
pub fn shown_date(iso: &str, when_empty: &str) -> String {
    if iso.trim().is_empty() {
        return when_empty.to_owned();
    }
    uk_date_from_iso(iso).unwrap_or_else(|| iso.to_owned())
}

/// "3 (with some support)" for a level and its word on the rating scale, or
/// just "3" when the scale has no word for it.
pub fn level_label(level: u8, scale_word: Option<&str>) -> String {
    match scale_word {
        Some(word) => format!("{level} ({})", word.to_lowercase()),
        None => level.to_string(),
    }
}

/// A count that may differ between cases, in words: "14", "14 or 15" or
/// "40 to 52", from the fewest and the most.
pub fn count_range((fewest, most): (usize, usize)) -> String {
    match most.saturating_sub(fewest) {
        0 => fewest.to_string(),
        1 => format!("{fewest} or {most}"),
        _ => format!("{fewest} to {most}"),
    }
}

/// Items as a sentence lists them: "PA", "PA and AA", "PA, AA and SCP".
pub fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [only] => only.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// A count and its noun, singular for one: "1 gap", "4 gaps" (`plural`
/// is the noun's plural).
pub fn counted(count: usize, singular: &str, plural: &str) -> String {
    match count {
        1 => format!("1 {singular}"),
        count => format!("{count} {plural}"),
    }
}

/// A person's name or a title as part of a file name: letters and digits
/// (any script) in lower case, every other run of characters one hyphen,
/// at most 40 characters: "Dr Alex O'Neil" gives "dr-alex-o-neil". Empty
/// for text with no letters or digits.
pub fn file_name_part(text: &str) -> String {
    let mut part = String::new();
    for character in text.chars() {
        if character.is_alphanumeric() {
            part.extend(character.to_lowercase());
        } else if !part.is_empty() && !part.ends_with('-') {
            part.push('-');
        }
    }
    let part: String = part.chars().take(40).collect();
    part.trim_end_matches('-').to_owned()
}

/// Where the user's answers are kept, which decides what the app may
/// promise about them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keeping {
    /// In this browser's storage on this device, until deleted.
    Device,
    /// A guest session: in this tab only, gone when it closes.
    GuestTab,
    /// Nowhere: the browser refuses storage, so only while the page is open.
    PageOnly,
}

impl Keeping {
    /// The line under each question that says answers are saved.
    pub fn saved_as_you_go(self) -> &'static str {
        match self {
            Keeping::Device => "Saved on this device only, as you go.",
            Keeping::GuestTab => "Guest session: kept in this tab until you close it.",
            Keeping::PageOnly => "Not saved: this browser is not letting the app store anything.",
        }
    }

    /// The hint under the notes box.
    pub fn note_hint(self) -> &'static str {
        match self {
            Keeping::Device => {
                "For example, a case you could discuss at appraisal. Saved on this device only."
            }
            Keeping::GuestTab => {
                "For example, a case you could discuss at appraisal. Kept in this tab until you close it."
            }
            Keeping::PageOnly => {
                "For example, a case you could discuss at appraisal. Lost when you close this page."
            }
        }
    }

    /// The opening line of the check's start page.
    pub fn check_intro(self) -> &'static str {
        match self {
            Keeping::Device => "Rate yourself against each capability. Every answer is saved on this device as you go, so you can stop and come back at any time.",
            Keeping::GuestTab => "Rate yourself against each capability. In this guest session your answers are kept in this tab until you close it, and nothing is saved on this device.",
            Keeping::PageOnly => "Rate yourself against each capability. This browser is not letting the app store anything, so your answers are lost when you close this page.",
        }
    }

    /// What "Clear this device" will remove, said before the user confirms.
    pub fn clear_warning(self) -> &'static str {
        match self {
            Keeping::Device => "This removes every profile, assessment and plan this app stored in this browser. It cannot be undone. Download a backup first if you may want them again.",
            Keeping::GuestTab => "This removes only this guest session's profiles, assessments and plans. Data saved on this device before the guest session is not touched, and comes back when the session ends.",
            Keeping::PageOnly => "This removes all the profiles, assessments and plans open in this page. None of them was saved on this device.",
        }
    }

    /// What "Clear this device" did, said once it is done.
    pub fn cleared(self) -> &'static str {
        match self {
            Keeping::Device => "Everything this app stored in this browser has been removed.",
            Keeping::GuestTab => "This guest session's data has been removed. Data saved on this device before it is untouched.",
            Keeping::PageOnly => "Everything open in this page has been removed.",
        }
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn lists_read_as_a_sentence() {
        let items = |list: &[&str]| list.iter().map(|item| item.to_string()).collect::<Vec<_>>();
        assert_eq!(and_list(&items(&[])), "");
        assert_eq!(and_list(&items(&["PA"])), "PA");
        assert_eq!(and_list(&items(&["PA", "AA"])), "PA and AA");
        assert_eq!(and_list(&items(&["PA", "AA", "SCP"])), "PA, AA and SCP");
    }
    use super::*;

    #[test]
    fn a_file_name_part_keeps_letters_and_digits_in_any_script() {
        assert_eq!(file_name_part("Dr Alex O'Neil"), "dr-alex-o-neil");
        assert_eq!(file_name_part("  Siân  Jones  "), "siân-jones");
        assert_eq!(file_name_part("../../etc/passwd"), "etc-passwd");
        assert_eq!(file_name_part("محمد علي"), "محمد-علي");
        assert_eq!(file_name_part("?!"), "");
        assert_eq!(file_name_part(&"a".repeat(100)).chars().count(), 40);
        assert_eq!(
            file_name_part(&format!("{} b", "a".repeat(39))),
            "a".repeat(39)
        );
    }

    #[test]
    fn a_count_of_one_takes_the_singular() {
        assert_eq!(counted(1, "gap", "gaps"), "1 gap");
        assert_eq!(counted(0, "gap", "gaps"), "0 gaps");
        assert_eq!(counted(4, "entry", "entries"), "4 entries");
    }

    #[test]
    fn counts_that_differ_read_as_a_range() {
        assert_eq!(count_range((14, 14)), "14");
        assert_eq!(count_range((14, 15)), "14 or 15");
        assert_eq!(count_range((40, 52)), "40 to 52");
    }

    #[test]
    fn the_check_sizes_shown_are_the_frameworks_own() {
        use crate::core::roles::RoleId;
        let framework = crate::core::content::framework();
        let (quick, full) = framework.check_sizes(None);
        let quick_counts = RoleId::ALL.map(|role| framework.quick_check(role).count());
        let full_counts = RoleId::ALL.map(|role| framework.for_role(role).count());
        let range = |counts: [usize; 4]| {
            (
                counts.iter().copied().min().unwrap_or(0),
                counts.iter().copied().max().unwrap_or(0),
            )
        };
        assert_eq!(quick, range(quick_counts));
        assert_eq!(full, range(full_counts));
        // The content's changelog promises quick checks of 14 or 15.
        assert_eq!(count_range(quick), "14 or 15");
        // Once a role is chosen, its own counts, not a range.
        for ((role, quick_count), full_count) in
            RoleId::ALL.into_iter().zip(quick_counts).zip(full_counts)
        {
            let (quick, full) = framework.check_sizes(Some(role));
            assert_eq!(quick, (quick_count, quick_count));
            assert_eq!(full, (full_count, full_count));
        }
    }

    #[test]
    fn dates_read_the_uk_way() {
        assert_eq!(uk_date(2027, 1, 15), "15 January 2027");
        assert_eq!(uk_date(2026, 12, 1), "1 December 2026");
        assert_eq!(uk_date(2026, 13, 1), "1/13/2026");
        assert_eq!(uk_date(2026, 0, 1), "1/0/2026");
    }

    #[test]
    fn stored_plan_dates_are_shown_the_uk_way() {
        assert_eq!(
            uk_date_from_iso("2027-01-15").as_deref(),
            Some("15 January 2027")
        );
        assert_eq!(
            uk_date_from_iso("2027-03-31").as_deref(),
            Some("31 March 2027")
        );
        for not_a_date in [
            "",
            "2027-1-15",
            "15/01/2027",
            "2027-13-01",
            "2027-01-32",
            "2027-01-15-1",
            "abcd-ef-gh",
        ] {
            assert_eq!(uk_date_from_iso(not_a_date), None, "{not_a_date}");
        }
        assert_eq!(shown_date("2027-01-15", "no date set"), "15 January 2027");
        assert_eq!(shown_date("", "no date set"), "no date set");
        assert_eq!(shown_date("soon", "no date set"), "soon");
    }

    #[test]
    fn a_guest_is_never_told_their_answers_are_saved_on_the_device() {
        for keeping in [Keeping::GuestTab, Keeping::PageOnly] {
            for line in [
                keeping.saved_as_you_go(),
                keeping.note_hint(),
                keeping.check_intro(),
                keeping.clear_warning(),
                keeping.cleared(),
            ] {
                assert!(!line.contains("Saved on this device"), "{line}");
                assert!(!line.contains("saved on this device as you go"), "{line}");
                assert!(!line.contains("every profile"), "{line}");
            }
        }
        assert!(Keeping::GuestTab.saved_as_you_go().contains("this tab"));
        assert!(Keeping::Device.saved_as_you_go().contains("this device"));
    }

    #[test]
    fn levels_carry_their_word() {
        assert_eq!(
            level_label(3, Some("With some support")),
            "3 (with some support)"
        );
        assert_eq!(level_label(9, None), "9");
    }
}
