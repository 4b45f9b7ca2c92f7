//! One answer's stored encoding: a short JSON array instead of an object,
//! read and written by hand so that a damaged answer is an error naming
//! what was wrong, never a panic.

use crate::core::{
    assessment::{Millis, Rating},
    framework::{Level, HIGHEST_LEVEL, LOWEST_LEVEL},
};
use serde::{
    de::{self, IgnoredAny, SeqAccess, Unexpected, Visitor},
    ser::{self, SerializeTuple},
    Deserialize, Deserializer, Serialize, Serializer,
};
use std::fmt;

/// One answer. Stored (assessment format version 3, backup format version
/// 2) as a short JSON array rather than an object, so that an assessment of
/// a thousand answers without notes stays well under 60 KB:
///
/// ```text
/// [rating, updated_at]
/// [rating, updated_at, note]
/// ```
///
/// - `rating` is a level on the rating scale as a whole number
///   ([`LOWEST_LEVEL`] to [`HIGHEST_LEVEL`]), the string `"n/a"` for not
///   applicable, or `null` when only a note has been written so far.
/// - `updated_at` is when the answer last changed, in whole milliseconds
///   since the Unix epoch.
/// - `note` is the person's note; it is left out when empty.
///
/// For example `[4,1763700000000]`, `["n/a",1763700000000]`,
/// `[2,1763710000000,"Logbook: 14 cases"]` and
/// `[null,1763700000000,"Still to think about"]`.
///
/// Any other shape is an error naming what was wrong (the length, a level
/// off the scale, an unknown rating string, a time that is not a whole
/// number), never a panic, so a damaged record is set aside rather than
/// crashing the app. Writing a level off the scale is refused too: the app
/// never stores what it could not read back. Older formats stored
/// `{"rating":{"level":4},"note":…,"updated_at":…}`;
/// [`records`](crate::core::records) migrates them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Answer {
    /// `None` when only a note has been written so far.
    pub rating: Option<Rating>,
    pub note: String,
    pub updated_at: Millis,
}

/// How a stored answer says "not applicable".
const NOT_APPLICABLE: &str = "n/a";

/// The level, if it is a point on the rating scale.
pub(crate) fn on_scale(level: u64) -> Option<Level> {
    Level::try_from(level)
        .ok()
        .filter(|level| (LOWEST_LEVEL..=HIGHEST_LEVEL).contains(level))
}

impl Serialize for Answer {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let with_note = !self.note.is_empty();
        let mut tuple = serializer.serialize_tuple(if with_note { 3 } else { 2 })?;
        match self.rating {
            Some(Rating::Level(level)) if on_scale(level.into()).is_some() => {
                tuple.serialize_element(&level)?;
            }
            Some(Rating::Level(level)) => {
                return Err(ser::Error::custom(format_args!(
                    "level {level} is not on the rating scale ({LOWEST_LEVEL} to {HIGHEST_LEVEL})"
                )));
            }
            Some(Rating::NotApplicable) => tuple.serialize_element(NOT_APPLICABLE)?,
            None => tuple.serialize_element(&None::<Level>)?,
        }
        tuple.serialize_element(&self.updated_at)?;
        if with_note {
            tuple.serialize_element(&self.note)?;
        }
        tuple.end()
    }
}

impl<'de> Deserialize<'de> for Answer {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Answer, D::Error> {
        deserializer.deserialize_seq(AnswerVisitor)
    }
}

struct AnswerVisitor;

impl<'de> Visitor<'de> for AnswerVisitor {
    type Value = Answer;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("an answer as [rating, time] or [rating, time, note]")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Answer, A::Error> {
        let StoredRating(rating) = seq
            .next_element()?
            .ok_or_else(|| de::Error::invalid_length(0, &self))?;
        let StoredTime(updated_at) = seq
            .next_element()?
            .ok_or_else(|| de::Error::invalid_length(1, &self))?;
        let Some(note) = seq.next_element::<String>()? else {
            return Ok(Answer {
                rating,
                note: String::new(),
                updated_at,
            });
        };
        let mut length = 3;
        while seq.next_element::<IgnoredAny>()?.is_some() {
            length += 1;
        }
        if length > 3 {
            return Err(de::Error::invalid_length(length, &self));
        }
        Ok(Answer {
            rating,
            note,
            updated_at,
        })
    }
}

/// The first element of a stored answer.
struct StoredRating(Option<Rating>);

impl<'de> Deserialize<'de> for StoredRating {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<StoredRating, D::Error> {
        deserializer.deserialize_any(RatingVisitor)
    }
}

struct RatingVisitor;

impl Visitor<'_> for RatingVisitor {
    type Value = StoredRating;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        write!(
            formatter,
            "a rating: a level from {LOWEST_LEVEL} to {HIGHEST_LEVEL}, \"{NOT_APPLICABLE}\" or null"
        )
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<StoredRating, E> {
        on_scale(value)
            .map(|level| StoredRating(Some(Rating::Level(level))))
            .ok_or_else(|| E::invalid_value(Unexpected::Unsigned(value), &self))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<StoredRating, E> {
        match u64::try_from(value) {
            Ok(value) => self.visit_u64(value),
            Err(_) => Err(E::invalid_value(Unexpected::Signed(value), &self)),
        }
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<StoredRating, E> {
        if value == NOT_APPLICABLE {
            Ok(StoredRating(Some(Rating::NotApplicable)))
        } else {
            Err(E::invalid_value(Unexpected::Str(value), &self))
        }
    }

    fn visit_unit<E: de::Error>(self) -> Result<StoredRating, E> {
        Ok(StoredRating(None))
    }

    fn visit_none<E: de::Error>(self) -> Result<StoredRating, E> {
        Ok(StoredRating(None))
    }
}

/// The second element of a stored answer.
struct StoredTime(Millis);

impl<'de> Deserialize<'de> for StoredTime {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<StoredTime, D::Error> {
        deserializer.deserialize_u64(TimeVisitor)
    }
}

struct TimeVisitor;

impl Visitor<'_> for TimeVisitor {
    type Value = StoredTime;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("the time of the answer, in whole milliseconds since 1970")
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<StoredTime, E> {
        Ok(StoredTime(value))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<StoredTime, E> {
        u64::try_from(value)
            .map(StoredTime)
            .map_err(|_| E::invalid_value(Unexpected::Signed(value), &self))
    }
}
