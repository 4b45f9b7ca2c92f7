//! How much the app stores, and the limits that keep every file it exports
//! importable again.
//!
//! Browsers give one site about 5 MiB of web storage: MDN, "Storage quotas
//! and eviction criteria" (<https://developer.mozilla.org/en-US/docs/Web/API/Storage_API/Storage_quotas_and_eviction_criteria#web_storage>,
//! checked 30 November 2026). Browsers count it in UTF-16 code units (the
//! length of a JavaScript string), so this app assumes
//! [`STORAGE_QUOTA_UNITS`] units. The same text in UTF-8, as in a backup
//! file, takes up to 3 bytes per unit (a character outside the Basic
//! Multilingual Plane is 2 units and 4 bytes), so [`MAX_IMPORT_BYTES`] is set
//! above three times the quota: every backup this app writes can be read
//! back.

/// The web storage one site can use, in UTF-16 code units (5 MiB).
pub const STORAGE_QUOTA_UNITS: usize = 5 * 1024 * 1024;

/// The largest file import accepts, in bytes: three UTF-8 bytes for every
/// unit of [`STORAGE_QUOTA_UNITS`], plus 1 MiB for the backup's own framing.
pub const MAX_IMPORT_BYTES: usize = 3 * STORAGE_QUOTA_UNITS + 1024 * 1024;

/// Storage counts as nearly full from this share of the quota, in percent:
/// the user is told before a write fails.
pub const NEARLY_FULL_PERCENT: usize = 80;

/// The longest note on one capability, in characters (about 500 words).
pub const NOTE_MAX_CHARS: usize = 3_000;
/// The longest profile name, in characters.
pub const PROFILE_NAME_MAX_CHARS: usize = 60;
/// The longest "What will you do?" in a plan, in characters.
pub const PLAN_TEXT_MAX_CHARS: usize = 500;

/// The longest title of an evidence diary entry, in characters.
pub const EVIDENCE_TITLE_MAX_CHARS: usize = 150;
/// The longest answer to one reflection prompt of a diary entry, in
/// characters (about 500 words, as a note).
pub const EVIDENCE_REFLECTION_MAX_CHARS: usize = 3_000;
/// The longest "where the evidence is kept" of a diary entry, in characters.
pub const EVIDENCE_KEPT_AT_MAX_CHARS: usize = 300;

/// How many characters `text` has, as the limits count them: Unicode scalar
/// values, so an emoji or a CJK character is one.
pub fn char_count(text: &str) -> usize {
    text.chars().count()
}

/// What is wrong with `name` as a profile's name, as an NHS.UK error
/// message: blank, or over [`PROFILE_NAME_MAX_CHARS`]; `None` when it can
/// be used.
pub fn profile_name_problem(name: &str) -> Option<String> {
    if name.trim().is_empty() {
        Some("Enter a name for the profile".into())
    } else if char_count(name) > PROFILE_NAME_MAX_CHARS {
        Some(format!(
            "Enter a name of {PROFILE_NAME_MAX_CHARS} characters or fewer"
        ))
    } else {
        None
    }
}

/// How many UTF-16 code units `text` takes in web storage.
pub fn storage_units(text: &str) -> usize {
    text.encode_utf16().count()
}

/// What a character-count field says under its box, as NHS.UK's character
/// count component does: how many characters are left, or how many too many.
pub fn remaining_message(text: &str, max: usize) -> String {
    let used = char_count(text);
    match max.checked_sub(used) {
        Some(1) => "You have 1 character remaining".into(),
        Some(left) => format!("You have {} characters remaining", thousands(left)),
        None if used - max == 1 => "You have 1 character too many".into(),
        None => format!("You have {} characters too many", thousands(used - max)),
    }
}

/// The error shown when `text` is over `max`, naming what it is (`what`, for
/// example "Your note"); `None` when it fits.
pub fn too_long(what: &str, text: &str, max: usize) -> Option<String> {
    let used = char_count(text);
    (used > max).then(|| {
        format!(
            "{what} must be {} characters or fewer. It has {}: remove {} to save it. Nothing has been cut.",
            thousands(max),
            thousands(used),
            thousands(used - max)
        )
    })
}

/// The share of the quota `used_units` takes, in whole percent.
pub fn percent_used(used_units: usize) -> usize {
    used_units.saturating_mul(100) / STORAGE_QUOTA_UNITS
}

/// Whether storage is close enough to full to warn before a write fails.
pub fn nearly_full(used_units: usize) -> bool {
    percent_used(used_units) >= NEARLY_FULL_PERCENT
}

/// A whole number with commas between thousands, as GOV.UK and NHS.UK style
/// writes them: "3,000".
pub fn thousands(value: usize) -> String {
    let digits = value.to_string();
    let mut out = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_profile_name_is_not_blank_and_at_most_60_characters() {
        assert_eq!(profile_name_problem("Sam"), None);
        assert_eq!(profile_name_problem(&"é".repeat(60)), None);
        assert_eq!(
            profile_name_problem(" \t"),
            Some("Enter a name for the profile".into())
        );
        assert_eq!(
            profile_name_problem(&"é".repeat(61)),
            Some("Enter a name of 60 characters or fewer".into())
        );
    }

    #[test]
    fn counts_characters_not_bytes() {
        assert_eq!(char_count("é中😀"), 3);
        assert_eq!(storage_units("é中😀"), 4);
        assert_eq!("é中😀".len(), 9);
    }

    #[test]
    fn the_count_says_what_is_left_or_over() {
        assert_eq!(
            remaining_message("", 3_000),
            "You have 3,000 characters remaining"
        );
        assert_eq!(remaining_message("ab", 3), "You have 1 character remaining");
        assert_eq!(
            remaining_message("abcd", 3),
            "You have 1 character too many"
        );
        assert_eq!(
            remaining_message("中中中中中", 3),
            "You have 2 characters too many"
        );
    }

    #[test]
    fn text_over_the_limit_is_refused_with_what_to_remove() {
        assert_eq!(too_long("Your note", "abc", 3), None);
        let message = too_long("Your note", &"é".repeat(3_002), NOTE_MAX_CHARS);
        assert_eq!(
            message.as_deref(),
            Some("Your note must be 3,000 characters or fewer. It has 3,002: remove 2 to save it. Nothing has been cut.")
        );
    }

    #[test]
    fn import_accepts_storage_full_of_three_byte_characters() {
        // Issue 16 item 3: the app refused its own 5.15 MB backup.
        let full = "€".repeat(STORAGE_QUOTA_UNITS);
        assert_eq!(full.len(), 3 * STORAGE_QUOTA_UNITS);
        assert!(full.len() < MAX_IMPORT_BYTES);
    }

    #[test]
    fn nearly_full_from_eighty_percent() {
        assert!(!nearly_full(STORAGE_QUOTA_UNITS * 79 / 100));
        assert!(nearly_full(STORAGE_QUOTA_UNITS * 80 / 100 + 1));
        assert_eq!(percent_used(STORAGE_QUOTA_UNITS / 2), 50);
    }

    #[test]
    fn thousands_are_separated() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(15_728_640), "15,728,640");
    }
}
