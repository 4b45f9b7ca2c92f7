//! Export and import: a JSON backup of everything (re-importable), a CSV of
//! one assessment's ratings, and the checks an import file must pass before
//! anything on the device changes.

use crate::core::{
    assessment::{Assessment, Millis, Rating},
    cpd_rules::Cycles,
    evidence::EvidenceEntry,
    framework::Framework,
    migrations,
    packs::Pack,
    records::{self, Decoded, Profiles, Record},
    review::Review,
};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::{collections::BTreeSet, fmt};

/// Larger files are refused before parsing; any backup this app writes is
/// smaller (see [`crate::core::limits`]).
pub use crate::core::limits::MAX_IMPORT_BYTES;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Backup {
    pub exported_at: Millis,
    pub content_version: String,
    pub profiles: Profiles,
    pub assessments: Vec<Assessment>,
    /// Supervisors' reviews of the assessments (see
    /// [`review`](crate::core::review)), from backup version 4; an older
    /// backup holds none.
    pub reviews: Vec<Review>,
    /// The local capability packs loaded on the device (backup version 4,
    /// see `migrations::backup`).
    #[serde(default)]
    pub packs: Vec<Pack>,
    /// Format 4: the evidence and CPD diary of every profile.
    pub evidence: Vec<EvidenceEntry>,
    /// Format 4: each profile's regulator and cycle for the readiness check.
    pub cpd_cycles: Cycles,
}

impl Record for Backup {
    const KIND: &'static str = "backup";
    /// Version 1 embedded assessments with each answer as an object, as
    /// assessment version 2 stored them; version 2 embeds them with the
    /// compact answers of assessment version 3; version 3 embeds them as
    /// assessment version 4 stores them, with the capabilities topped up
    /// from other roles and the earlier content versions; version 4 adds
    /// the supervisors' reviews, the local capability packs and the
    /// evidence and CPD diary, so a release that cannot keep them refuses
    /// the file instead of dropping them.
    const VERSION: u32 = 4;

    fn migrate(from: u32, data: Value) -> Result<Value, String> {
        migrations::backup(from, data)
    }
}

/// How long after the last backup the app reminds the person to make
/// another, in days.
pub const BACKUP_REMINDER_DAYS: u64 = 30;

/// Whether to remind the person to back up: they have given answers, and
/// they have never backed up on this device or did so more than
/// [`BACKUP_REMINDER_DAYS`] before `now`. Times are Unix milliseconds.
pub fn backup_reminder_due(
    assessments: &[Assessment],
    last_backup_at: Option<Millis>,
    now: Millis,
) -> bool {
    let has_answers = assessments
        .iter()
        .any(|assessment| !assessment.answers.is_empty());
    let days_since = |then: Millis| now.saturating_sub(then) / (24 * 60 * 60 * 1000);
    has_answers && last_backup_at.is_none_or(|then| days_since(then) > BACKUP_REMINDER_DAYS)
}

pub fn export(backup: &Backup) -> Result<String, String> {
    records::encode(backup)
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    Empty,
    TooLarge {
        bytes: usize,
    },
    /// Not a file of this app's at all: not JSON, or another app's.
    Foreign,
    /// This app's file of the right kind, but damaged: the reason names
    /// where.
    NotABackup(String),
    /// Another kind of this app's files, in words ("review request").
    OtherKind {
        found: &'static str,
    },
    TooNew {
        version: u32,
    },
}

impl fmt::Display for ImportError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(&self.message("backup"))
    }
}

impl ImportError {
    /// The message for a file that should have been a `what` (for example
    /// "backup" or "review request") from this app.
    pub fn message(&self, what: &str) -> String {
        match self {
            ImportError::Empty => format!("The file is empty. Choose a {what} file saved from this app."),
            ImportError::TooLarge { bytes } => format!(
                "The file is too large ({} MB). A {what} from this app is never larger than {} MB: check you chose the right file.",
                super::decimal::one_decimal(*bytes as f64 / 1_048_576.0),
                MAX_IMPORT_BYTES / 1_048_576
            ),
            ImportError::Foreign => format!(
                "The file is not a {what} from this app. Choose the {what} file the app saved (a .json file). Nothing has been changed."
            ),
            ImportError::NotABackup(reason) => format!(
                "The file is not a {what} from this app, or it is damaged ({reason}). Nothing has been changed."
            ),
            ImportError::OtherKind { found } => format!(
                "This is a {found} file from this app, not a {what}. Choose the {what} file. Nothing has been changed."
            ),
            ImportError::TooNew { version } => format!(
                "The file was saved by a newer version of this app ({what} format {version}). Reload the app to update it, then try again."
            ),
        }
    }
}

/// The checks every file the app imports passes before anything is read
/// from it: not empty, at most [`MAX_IMPORT_BYTES`] (UTF-8 bytes), this
/// app's record of kind `T`, and not from a newer release. Backups and
/// review files share them.
pub fn read_file<T: Record>(text: &str) -> Result<T, ImportError> {
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len() });
    }
    match records::decode::<T>(text) {
        Decoded::Current(record) | Decoded::Migrated(record) => Ok(record),
        Decoded::TooNew(version) => Err(ImportError::TooNew { version }),
        // Only a file that cannot be read is looked at again, to say in
        // words what it is.
        Decoded::Unreadable(reason) => Err(match records::kind_of(text) {
            None => ImportError::Foreign,
            Some(kind) if kind != T::KIND => ImportError::OtherKind {
                found: file_kind_words(&kind),
            },
            Some(_) => ImportError::NotABackup(reason),
        }),
    }
}

/// The words for a kind of file this app saves, for an error message.
fn file_kind_words(kind: &str) -> &'static str {
    match kind {
        "backup" => "backup",
        "review-request" => "review request",
        "review-response" => "review response",
        _ => "different kind of",
    }
}

/// What an import would do, shown to the user before anything is written.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportPreview {
    pub backup: Backup,
    /// Ids of assessments that are new to this device.
    pub added: Vec<String>,
    /// Ids of assessments that already exist here and would be replaced.
    pub replaced: Vec<String>,
    /// Profile names that would be added.
    pub new_profiles: Vec<String>,
    /// Answers to capabilities this version of the content does not have:
    /// kept in the data, not shown in results.
    pub unknown_capabilities: Vec<String>,
    /// Answers and plan actions dated after the import (more than
    /// [`FUTURE_TOLERANCE`](crate::core::assessment::FUTURE_TOLERANCE)
    /// ahead): the file came from a device whose clock was fast. They are
    /// dated at the import instead, so later edits here win.
    pub future_dated: usize,
    /// Names of the file's packs that this device does not have: added.
    /// A pack the device has already is kept as it is here.
    pub new_packs: Vec<String>,
}

/// Checks `text` as a backup file against what this device holds at `now`.
/// `framework` should carry the device's packs (see `packs::with_packs`),
/// so that answers to their capabilities are not counted as unknown.
///
/// Errors: empty, larger than [`MAX_IMPORT_BYTES`] (counted in UTF-8 bytes),
/// not a backup of this app, or from a newer release. Times after `now` are
/// brought back to `now` and counted in `future_dated`.
pub fn preview(
    text: &str,
    existing: &[Assessment],
    existing_profiles: &Profiles,
    existing_packs: &[Pack],
    framework: &Framework,
    now: Millis,
) -> Result<ImportPreview, ImportError> {
    let mut backup = read_file::<Backup>(text)?;
    let future_dated = backup
        .assessments
        .iter_mut()
        .map(|assessment| assessment.clamp_future(now))
        .sum::<usize>()
        + backup
            .reviews
            .iter_mut()
            .map(|review| usize::from(review.clamp_future(now)))
            .sum::<usize>();
    let (replaced, added): (Vec<String>, Vec<String>) = backup
        .assessments
        .iter()
        .map(|assessment| assessment.id.clone())
        .partition(|id| existing.iter().any(|assessment| &assessment.id == id));
    let new_profiles = backup
        .profiles
        .profiles
        .iter()
        .filter(|profile| {
            !existing_profiles
                .profiles
                .iter()
                .any(|mine| mine.id == profile.id)
        })
        .map(|profile| profile.name.clone())
        .collect();
    let unknown_capabilities: BTreeSet<String> = crate::core::sorting::set_of(
        backup
            .assessments
            .iter()
            .flat_map(|assessment| assessment.answers.keys())
            .filter(|id| framework.capability(id).is_none())
            .cloned(),
    );
    let new_packs = backup
        .packs
        .iter()
        .filter(|pack| !existing_packs.iter().any(|mine| mine.key() == pack.key()))
        .map(|pack| pack.name.clone())
        .collect();
    Ok(ImportPreview {
        new_packs,
        backup,
        added,
        replaced,
        new_profiles,
        unknown_capabilities: unknown_capabilities.into_iter().collect(),
        future_dated,
    })
}

/// The profiles after an import: the device's own, plus any new ones.
/// The active profile does not change.
pub fn merged_profiles(mine: &Profiles, preview: &ImportPreview) -> Profiles {
    let mut merged = mine.clone();
    for profile in &preview.backup.profiles.profiles {
        if !merged
            .profiles
            .iter()
            .any(|existing| existing.id == profile.id)
        {
            merged.profiles.push(profile.clone());
        }
    }
    merged
}

/// Quotes a CSV cell, and defuses cells a spreadsheet would run as a
/// formula (a note that starts with "=" must stay text). Every CSV the app
/// writes quotes its cells with this.
pub fn csv_cell(text: &str) -> String {
    format!("\"{}\"", defuse_formula(text).replace('"', "\"\""))
}

/// The characters that make a spreadsheet read a cell as a formula (OWASP,
/// "CSV Injection", <https://owasp.org/www-community/attacks/CSV_Injection>).
pub const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// `text` with a `'` before it when a spreadsheet would run it as a
/// formula, so it stays text; other text unchanged. Pack files read this
/// `'` off again (see `core::packs`).
pub fn defuse_formula(text: &str) -> String {
    if text.starts_with(FORMULA_STARTS) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

/// Where a capability comes from, in words: a local pack, named, or this
/// app's own content. Never presented as national content.
pub fn source(capability: &crate::core::framework::Capability) -> String {
    match &capability.pack {
        Some(pack) => format!("Local pack: {} (version {})", pack.name, pack.version),
        None => "This app's capabilities".into(),
    }
}

/// One row per capability asked about, with the indicative expected level
/// and where it comes from (`source`).
pub fn ratings_csv(assessment: &Assessment, framework: &Framework) -> String {
    let mut csv = String::from(
        "capability_id,domain,capability,rating,expected_level_indicative,note,source\n",
    );
    for capability in assessment.items(framework) {
        let rating = match assessment.rating(&capability.id) {
            Some(Rating::Level(level)) => framework
                .level_word(assessment.role, level)
                .map_or(level.to_string(), |word| format!("{level} {word}")),
            Some(Rating::NotApplicable) => "Not applicable".into(),
            None => "Not rated".into(),
        };
        let expected = capability
            .expected_level(assessment.role, assessment.stage)
            .map_or(String::new(), |level| level.to_string());
        let domain = framework
            .domain(&capability.domain)
            .map_or("", |domain| domain.title.as_str());
        let row = [
            csv_cell(&capability.id),
            csv_cell(domain),
            csv_cell(&capability.title),
            csv_cell(&rating),
            csv_cell(&expected),
            csv_cell(assessment.note(&capability.id)),
            csv_cell(&source(capability)),
        ];
        csv.push_str(&row.join(","));
        csv.push('\n');
    }
    csv
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::{assessment::Scope, content, framework::Stage, roles::RoleId};

    fn backup_with(assessment: Assessment) -> Backup {
        Backup {
            exported_at: 10,
            content_version: "1.0.0".into(),
            profiles: Profiles::default(),
            assessments: vec![assessment],
            reviews: Vec::new(),
            packs: Vec::new(),
            evidence: Vec::new(),
            cpd_cycles: Cycles::default(),
        }
    }

    fn assessment(id: &str) -> Assessment {
        Assessment::new(
            id.into(),
            "me".into(),
            RoleId::Pa,
            Stage::NewlyQualified,
            Scope::Quick,
            "1.0.0".into(),
            1,
        )
    }

    #[test]
    fn an_exported_backup_previews_as_all_new_on_an_empty_device() {
        let framework = content::framework();
        let text = export(&backup_with(assessment("a1"))).unwrap_or_default();
        let preview = preview(&text, &[], &Profiles::default(), &[], framework, NOW);
        let Ok(preview) = preview else {
            panic!("{preview:?}")
        };
        assert_eq!(preview.added, vec!["a1".to_string()]);
        assert!(preview.replaced.is_empty());
    }

    #[test]
    fn an_assessment_already_on_the_device_is_listed_as_replaced() {
        let framework = content::framework();
        let text = export(&backup_with(assessment("a1"))).unwrap_or_default();
        let Ok(preview) = preview(
            &text,
            &[assessment("a1")],
            &Profiles::default(),
            &[],
            framework,
            NOW,
        ) else {
            panic!("preview failed")
        };
        assert_eq!(preview.replaced, vec!["a1".to_string()]);
        assert!(preview.added.is_empty());
    }

    /// 30 November 2026, 12:00 UTC.
    const NOW: Millis = 1_795_953_600_000;

    #[test]
    fn the_app_reads_back_a_backup_of_a_very_long_non_ascii_note() {
        // Issue 16 item 3: a 1.8 million character note exported as 5.15 MB
        // and was refused on import.
        let framework = content::framework();
        let mut long = assessment("a1");
        long.set_note("pvb-01", &"中".repeat(1_800_000), 5);
        let text = export(&backup_with(long)).unwrap_or_default();
        assert!(text.len() > 5_150_000);
        let preview = preview(&text, &[], &Profiles::default(), &[], framework, NOW);
        assert!(preview.is_ok(), "{:?}", preview.err());
    }

    #[test]
    fn answers_from_a_fast_clock_are_dated_at_the_import() {
        // Issue 16 item 2: a backup whose answer is stamped 1 January 2030.
        let framework = content::framework();
        let mut fast = assessment("a1");
        fast.set_rating("pvb-01", Some(Rating::Level(2)), 1_893_456_000_000);
        fast.set_rating("pvb-02", Some(Rating::Level(2)), NOW - 5);
        let text = export(&backup_with(fast)).unwrap_or_default();
        let Ok(preview) = preview(&text, &[], &Profiles::default(), &[], framework, NOW) else {
            panic!("preview failed")
        };
        assert_eq!(preview.future_dated, 1);
        let answers = &preview.backup.assessments[0].answers;
        assert_eq!(answers["pvb-01"].updated_at, NOW);
        assert_eq!(answers["pvb-02"].updated_at, NOW - 5);
    }

    #[test]
    fn the_backup_reminder_shows_with_answers_and_no_recent_backup() {
        const DAY: Millis = 24 * 60 * 60 * 1000;
        let mut answered = assessment("a1");
        let empty = [assessment("a2")];
        assert!(!backup_reminder_due(&empty, None, NOW));
        answered.set_rating("pvb-01", Some(Rating::Level(2)), 5);
        let answered = [answered];
        assert!(backup_reminder_due(&answered, None, NOW));
        assert!(!backup_reminder_due(&answered, Some(NOW - 30 * DAY), NOW));
        assert!(backup_reminder_due(&answered, Some(NOW - 31 * DAY), NOW));
    }

    #[test]
    fn unknown_capability_ids_are_reported() {
        let framework = content::framework();
        let mut with_unknown = assessment("a1");
        with_unknown.set_rating("retired-99", Some(Rating::Level(2)), 5);
        let text = export(&backup_with(with_unknown)).unwrap_or_default();
        let Ok(preview) = preview(&text, &[], &Profiles::default(), &[], framework, NOW) else {
            panic!("preview failed")
        };
        assert_eq!(preview.unknown_capabilities, vec!["retired-99".to_string()]);
    }

    #[test]
    fn every_rejection_has_its_own_message() {
        let framework = content::framework();
        let profiles = Profiles::default();
        let reject = |text: &str| preview(text, &[], &profiles, &[], framework, NOW).err();
        assert_eq!(reject("   "), Some(ImportError::Empty));
        assert_eq!(reject("not json"), Some(ImportError::Foreign));
        assert_eq!(
            reject(r#"{"app":"another-app","kind":"backup","version":1,"data":{}}"#),
            Some(ImportError::Foreign)
        );
        // No parser's words ("expected value at line 1 column 1").
        assert_eq!(
            ImportError::Foreign.message("backup"),
            "The file is not a backup from this app. Choose the backup file the app saved (a .json file). Nothing has been changed."
        );
        assert_eq!(
            reject(r#"{"app":"maps-capability-checker","kind":"profiles","version":1,"data":{}}"#),
            Some(ImportError::OtherKind {
                found: "different kind of"
            })
        );
        let request = reject(
            r#"{"app":"maps-capability-checker","kind":"review-request","version":1,"data":{}}"#,
        );
        assert_eq!(
            request,
            Some(ImportError::OtherKind {
                found: "review request"
            })
        );
        assert_eq!(
            request.map(|error| error.message("backup")).as_deref(),
            Some("This is a review request file from this app, not a backup. Choose the backup file. Nothing has been changed.")
        );
        assert_eq!(
            reject(r#"{"app":"maps-capability-checker","kind":"backup","version":9,"data":{}}"#),
            Some(ImportError::TooNew { version: 9 })
        );
        let huge = " ".repeat(MAX_IMPORT_BYTES) + "{}";
        assert!(matches!(reject(&huge), Some(ImportError::TooLarge { .. })));
        for error in [
            ImportError::Empty,
            ImportError::TooLarge { bytes: 6_000_000 },
            ImportError::Foreign,
            ImportError::NotABackup("x".into()),
            ImportError::OtherKind {
                found: "review response",
            },
            ImportError::TooNew { version: 2 },
        ] {
            assert!(error.to_string().len() > 30);
        }
    }

    #[test]
    fn an_old_backup_with_a_damaged_answer_is_refused_naming_where() {
        let framework = content::framework();
        let text = r#"{"app":"maps-capability-checker","kind":"backup","version":1,"data":{"assessments":[{"answers":{}},{"answers":{"pvb-01":{"rating":{"level":300},"updated_at":1}}}]}}"#;
        let Err(ImportError::NotABackup(reason)) =
            preview(text, &[], &Profiles::default(), &[], framework, NOW)
        else {
            panic!("the damaged backup was not refused");
        };
        assert!(
            reason.starts_with(r#"assessment 2 of a version 1 backup: the answer to "pvb-01" has the rating level 300, not a level from 1 to 4"#),
            "{reason}"
        );
    }

    #[test]
    fn csv_quotes_text_and_defuses_formulas() {
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("=SUM(A1)"), "\"'=SUM(A1)\"");
    }

    #[test]
    fn csv_has_a_row_for_every_capability_asked_about() {
        let framework = content::framework();
        let mut quick = assessment("a1");
        let first = quick
            .items(framework)
            .first()
            .map(|capability| capability.id.clone());
        if let Some(id) = &first {
            quick.set_rating(id, Some(Rating::Level(3)), 2);
        }
        let csv = ratings_csv(&quick, framework);
        assert_eq!(csv.lines().count(), quick.items(framework).len() + 1);
        assert!(first.is_none() || csv.contains("\"3 "));
    }

    #[test]
    fn csv_words_each_level_as_the_role_rated_it() {
        let framework = content::framework();
        let mut pa = assessment("a1");
        let Some(id) = pa
            .items(framework)
            .first()
            .map(|capability| capability.id.clone())
        else {
            panic!("a PA quick check asks about capabilities")
        };
        pa.set_rating(&id, Some(Rating::Level(4)), 2);
        assert!(ratings_csv(&pa, framework).contains("4 Consistently, within my supervision"));
        let mut scp = assessment("a2");
        scp.role = RoleId::Scp;
        let Some(id) = scp
            .items(framework)
            .first()
            .map(|capability| capability.id.clone())
        else {
            panic!("an SCP quick check asks about capabilities")
        };
        scp.set_rating(&id, Some(Rating::Level(4)), 2);
        let Some(general) = framework.scale_level(4) else {
            panic!("the scale has a level 4")
        };
        let csv = ratings_csv(&scp, framework);
        assert!(csv.contains(&format!("4 {}", general.label)), "{csv}");
        assert!(!csv.contains("within my supervision"), "{csv}");
    }
}
