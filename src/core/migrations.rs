//! The steps that bring a stored record's `data` from one format version
//! to the next, for `records::decode`. Each step takes the `data` of
//! version `from` and gives that of `from + 1`, or says in words why it
//! cannot (the record is then set aside, never deleted).

use crate::core::{
    assessment::{self, Answer, Rating},
    framework::{HIGHEST_LEVEL, LOWEST_LEVEL},
};
use serde_json::Value;

/// One step of an assessment's `data` from version `from` to `from + 1`
/// (the versions are described at `Record for Assessment`).
pub(crate) fn assessment(from: u32, mut data: Value) -> Result<Value, String> {
    match from {
        1 => {
            let updated_at = data
                .get("updated_at")
                .cloned()
                .ok_or("a version 1 assessment without updated_at")?;
            let answers = data
                .get_mut("answers")
                .and_then(Value::as_object_mut)
                .ok_or("a version 1 assessment without answers")?;
            for answer in answers.values_mut() {
                let answer = answer
                    .as_object_mut()
                    .ok_or("an answer that is not an object")?;
                answer.insert("updated_at".into(), updated_at.clone());
            }
            Ok(data)
        }
        2 => {
            compact_answers(&mut data)
                .map_err(|error| format!("a version 2 assessment: {error}"))?;
            Ok(data)
        }
        // Version 4 only adds fields, which version 3 lacks.
        3 => Ok(data),
        // Version 5 adds `packs`, the local capability packs and versions
        // an assessment was made with (issue 24, see `core::packs`), which
        // a release that reads version 4 would drop when it saved. Answers
        // to a pack's capabilities were always kept under their own ids
        // (`pack/<pack>/<id>`), so a version 4 assessment needs no change:
        // it was made with no packs.
        4 => Ok(data),
        _ => Err(format!("no migration from assessment version {from}")),
    }
}

/// One step of a backup's `data` from version `from` to `from + 1` (the
/// versions are described at `Record for Backup`).
pub(crate) fn backup(from: u32, mut data: Value) -> Result<Value, String> {
    match from {
        1 => {
            let assessments = data
                .get_mut("assessments")
                .and_then(Value::as_array_mut)
                .ok_or("a version 1 backup without a list of assessments")?;
            for (index, assessment) in assessments.iter_mut().enumerate() {
                compact_answers(assessment).map_err(|error| {
                    format!("assessment {} of a version 1 backup: {error}", index + 1)
                })?;
            }
            Ok(data)
        }
        // Assessment version 4 only adds fields.
        2 => Ok(data),
        3 => migrate_backup_3_to_4_reviews(data)
            .and_then(add_local_packs)
            .and_then(add_empty_evidence_diary),
        _ => Err(format!("no migration from backup version {from}")),
    }
}

/// Backup version 3 to 4, supervisor review (issue 22): a backup made
/// before reviews existed holds none.
fn migrate_backup_3_to_4_reviews(mut data: Value) -> Result<Value, String> {
    data.as_object_mut()
        .ok_or("a version 3 backup that is not an object")?
        .entry("reviews")
        .or_insert_with(|| Value::Array(Vec::new()));
    Ok(data)
}

/// Backup version 3 to 4, local capability packs (issue 24): a version 4
/// backup carries the device's packs (`packs`, see `core::packs`) and
/// embeds its assessments as assessment version 5 stores them, each with
/// the packs it was made with. A version 3 backup had no packs.
fn add_local_packs(mut data: Value) -> Result<Value, String> {
    let backup = data
        .as_object_mut()
        .ok_or("a version 3 backup that is not an object")?;
    backup.insert("packs".into(), Value::Array(Vec::new()));
    Ok(data)
}

/// Backup format 4 adds the evidence and CPD diary (issue 23): the entries
/// (`evidence`) and each profile's regulator and cycle (`cpd_cycles`). A
/// format 3 backup was written before the diary existed, so it gets an
/// empty one.
fn add_empty_evidence_diary(mut data: Value) -> Result<Value, String> {
    let backup = data
        .as_object_mut()
        .ok_or("a version 3 backup whose data is not an object")?;
    backup.insert("evidence".into(), Value::Array(Vec::new()));
    backup.insert(
        "cpd_cycles".into(),
        serde_json::to_value(crate::core::cpd_rules::Cycles::default())
            .map_err(|error| error.to_string())?,
    );
    Ok(data)
}

/// One step of the settings' `data` from version `from` to `from + 1`.
pub(crate) fn settings(from: u32, data: Value) -> Result<Value, String> {
    match from {
        // Version 2 only adds `last_backup_at`.
        1 => Ok(data),
        _ => Err(format!("no migration from settings version {from}")),
    }
}

/// Rewrites every answer in one assessment's `data` from the object form
/// of assessment versions 1 and 2 to the compact array form of version 3
/// (see [`Answer`]). Assessment records (version 2 to 3) and backups, which
/// embed assessments (version 1 to 2), are both migrated with it.
pub(crate) fn compact_answers(assessment: &mut Value) -> Result<(), String> {
    let answers = assessment
        .get_mut("answers")
        .and_then(Value::as_object_mut)
        .ok_or("no answers")?;
    for (id, answer) in answers.iter_mut() {
        *answer =
            compact_answer(answer).map_err(|error| format!("the answer to {id:?} {error}"))?;
    }
    Ok(())
}

/// One answer of the object form, `{"rating":{"level":4},"note":"…",
/// "updated_at":…}` (the rating may also be `"not-applicable"`, `null` or
/// absent, and the note absent), converted to the compact form. It is
/// written through [`Answer`]'s own encoding, so the result is exactly what
/// version 3 stores.
fn compact_answer(answer: &Value) -> Result<Value, String> {
    let Some(fields) = answer.as_object() else {
        return Err(format!("is {}, not an object", describe(answer)));
    };
    let rating = match fields.get("rating") {
        None | Some(Value::Null) => None,
        Some(Value::String(text)) if text == "not-applicable" => Some(Rating::NotApplicable),
        Some(rating) => {
            let level = rating
                .as_object()
                .filter(|object| object.len() == 1)
                .and_then(|object| object.get("level"));
            let whole = level.and_then(Value::as_u64);
            match whole.and_then(assessment::on_scale) {
                Some(level) => Some(Rating::Level(level)),
                // Format 2 took any level from 0 to 255, though the app
                // never wrote one off the scale: such an answer is read as
                // unrated, keeping its note and time, rather than making the
                // whole assessment unreadable.
                None if whole.is_some_and(|level| level <= u64::from(u8::MAX)) => None,
                None => {
                    return Err(match level {
                        Some(level) => format!(
                            "has the rating level {}, not a level from {LOWEST_LEVEL} to \
                             {HIGHEST_LEVEL}",
                            describe(level)
                        ),
                        None => format!(
                            "has the rating {}, neither a level nor \"not-applicable\"",
                            describe(rating)
                        ),
                    })
                }
            }
        }
    };
    let note = match fields.get("note") {
        None => String::new(),
        Some(Value::String(note)) => note.clone(),
        Some(other) => {
            return Err(format!(
                "has the note {}, which is not text",
                describe(other)
            ))
        }
    };
    let updated_at = match fields.get("updated_at") {
        Some(time) => time
            .as_u64()
            .ok_or_else(|| format!("has the time {}, not whole milliseconds", describe(time)))?,
        None => return Err("has no updated_at".into()),
    };
    serde_json::to_value(Answer {
        rating,
        note,
        updated_at,
    })
    .map_err(|error| format!("could not be converted: {error}"))
}

/// A damaged value in a few words, for an error message. Not serde_json's
/// own `Display`, which would add JSON and float writing to the wasm for
/// the sake of error messages (README "Size rules").
fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(flag) => flag.to_string(),
        Value::Number(number) => match (number.as_u64(), number.as_i64()) {
            (Some(whole), _) => whole.to_string(),
            (None, Some(negative)) => negative.to_string(),
            (None, None) => "a fraction or an overlarge number".into(),
        },
        Value::String(text) => format!("{text:?}"),
        Value::Array(_) => "a list".into(),
        Value::Object(_) => "an object".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::{
        assessment::Assessment,
        records::{decode, Decoded},
    };

    #[test]
    fn each_old_answer_form_converts_to_its_compact_form() {
        for (old, compact) in [
            (r#"{"rating":{"level":4},"updated_at":1}"#, "[4,1]"),
            (
                r#"{"rating":{"level":1},"note":"","updated_at":1}"#,
                "[1,1]",
            ),
            (
                r#"{"rating":"not-applicable","updated_at":2}"#,
                r#"["n/a",2]"#,
            ),
            (
                r#"{"rating":null,"note":"later","updated_at":3}"#,
                r#"[null,3,"later"]"#,
            ),
            (
                r#"{"note":"no rating field","updated_at":4}"#,
                r#"[null,4,"no rating field"]"#,
            ),
            (
                r#"{"rating":{"level":2},"note":"n","updated_at":5,"extra":0}"#,
                r#"[2,5,"n"]"#,
            ),
            (
                r#"{"rating":{"level":5},"note":"off the scale","updated_at":6}"#,
                r#"[null,6,"off the scale"]"#,
            ),
        ] {
            let converted = serde_json::from_str(old)
                .map_err(|error| error.to_string())
                .and_then(|old| compact_answer(&old))
                .map(|value| value.to_string());
            assert_eq!(converted.as_deref(), Ok(compact), "{old}");
        }
    }

    #[test]
    fn a_damaged_version_2_answer_makes_the_record_unreadable_with_a_reason_naming_it() {
        for (answer, reason) in [
            (r#""4""#, r#"the answer to "x" is "4", not an object"#),
            (
                r#"{"rating":{"level":256},"updated_at":1}"#,
                "has the rating level 256, not a level from 1 to 4",
            ),
            (
                r#"{"rating":{"level":-1},"updated_at":1}"#,
                "has the rating level -1, not a level from 1 to 4",
            ),
            (
                r#"{"rating":{"level":2.5},"updated_at":1}"#,
                "has the rating level a fraction or an overlarge number, not a level",
            ),
            (
                r#"{"rating":{"level":2,"x":1},"updated_at":1}"#,
                r#"has the rating an object, neither a level nor "not-applicable""#,
            ),
            (
                r#"{"rating":[4],"updated_at":1}"#,
                "has the rating a list, neither",
            ),
            (
                r#"{"rating":"maybe","updated_at":1}"#,
                r#"has the rating "maybe""#,
            ),
            (
                r#"{"rating":3,"updated_at":1}"#,
                "has the rating 3, neither",
            ),
            (
                r#"{"rating":true,"updated_at":1}"#,
                "has the rating true, neither",
            ),
            (
                r#"{"rating":null,"note":7,"updated_at":1}"#,
                "has the note 7, which is not text",
            ),
            (r#"{"rating":null}"#, "has no updated_at"),
            (
                r#"{"rating":null,"updated_at":"today"}"#,
                r#"has the time "today", not whole milliseconds"#,
            ),
            (r#"{"rating":null,"updated_at":-4}"#, "has the time -4"),
            (
                r#"{"rating":null,"updated_at":1.5}"#,
                "has the time a fraction",
            ),
            (r#"{"rating":null,"updated_at":null}"#, "has the time null"),
        ] {
            let text = format!(
                r#"{{"app":"maps-capability-checker","kind":"assessment","version":2,"data":{{"answers":{{"x":{answer}}}}}}}"#
            );
            match decode::<Assessment>(&text) {
                Decoded::Unreadable(error) => {
                    assert!(error.starts_with("a version 2 assessment: "), "{error}");
                    assert!(error.contains(reason), "{answer}: {error}");
                }
                other => panic!("{answer} decoded as {other:?}"),
            }
        }
        let without_answers =
            r#"{"app":"maps-capability-checker","kind":"assessment","version":2,"data":{}}"#;
        assert_eq!(
            decode::<Assessment>(without_answers),
            Decoded::Unreadable("a version 2 assessment: no answers".into())
        );
    }
}
