//! Supervisor review: a supervisor's ratings next to the practitioner's own,
//! made on the practitioner's device or on the supervisor's by file, with no
//! server.
//!
//! - A [`ReviewRequest`] is the file a practitioner sends: a copy of one
//!   assessment's ratings (notes only if they choose), without the plan.
//! - A [`ReviewDraft`] is a review in progress. It is stored apart from the
//!   supervisor's own data (its own key) and removed once the review is
//!   recorded or sent back.
//! - A [`Review`] is a confirmed review: each item's self rating as reviewed,
//!   the supervisor's rating or "not observed", a comment, who confirmed it
//!   and when, and a [`fingerprint`] of the reviewed ratings.
//! - A [`ReviewResponse`] is the file the supervisor sends back; the
//!   practitioner checks it with [`preview_response`] and adds it to their
//!   [`Reviews`].
//!
//! Every file is read through [`backup::read_file`], so reviews share the
//! backup import's checks: size limit, this app's envelope, newer formats
//! refused, and times more than a minute ahead brought back to now.

use crate::core::{
    assessment::{Assessment, Millis, Rating, FUTURE_TOLERANCE},
    backup::{self, ImportError},
    framework::{Capability, Framework, Level, HIGHEST_LEVEL, LOWEST_LEVEL},
    limits,
    records::Record,
    roles::RoleId,
    sorting,
};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::{collections::BTreeMap, fmt};

/// Where the reviews of every assessment on the device are kept.
pub const REVIEWS_KEY: &str = "mapscc/reviews";
/// Where a review in progress is kept, apart from the device's own data.
pub const REVIEW_DRAFT_KEY: &str = "mapscc/review-draft";
/// The longest supervisor name, role or registration number, in characters.
pub const SUPERVISOR_FIELD_MAX_CHARS: usize = 100;

/// A rating in a review, stored as a short string: `"1"` to `"4"` for a
/// level on the rating scale, `"n/a"` for not applicable (the
/// practitioner's choice), `"not-observed"` (the supervisor's). Anything
/// else is an error naming the value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum Mark {
    Level(Level),
    NotApplicable,
    NotObserved,
}

const NOT_APPLICABLE: &str = "n/a";
const NOT_OBSERVED: &str = "not-observed";

impl From<Mark> for String {
    fn from(mark: Mark) -> String {
        match mark {
            Mark::Level(level) => level.to_string(),
            Mark::NotApplicable => NOT_APPLICABLE.into(),
            Mark::NotObserved => NOT_OBSERVED.into(),
        }
    }
}

impl TryFrom<String> for Mark {
    type Error = String;

    fn try_from(text: String) -> Result<Mark, String> {
        match text.as_str() {
            NOT_APPLICABLE => Ok(Mark::NotApplicable),
            NOT_OBSERVED => Ok(Mark::NotObserved),
            _ => text
                .parse::<u64>()
                .ok()
                .and_then(crate::core::assessment::on_scale)
                .map(Mark::Level)
                .ok_or_else(|| {
                    format!(
                        "{text:?} is not a rating: a level from {LOWEST_LEVEL} to {HIGHEST_LEVEL}, \"{NOT_APPLICABLE}\" or \"{NOT_OBSERVED}\""
                    )
                }),
        }
    }
}

/// A rating in a review in words, as the results page and the printed
/// summary show it: "3 (with indirect supervision)", "not applicable", "not
/// observed" or, with none, "not rated". Levels are worded for `role`, the
/// role of the assessment reviewed.
pub fn mark_text(framework: &Framework, role: RoleId, mark: Option<Mark>) -> String {
    mark_words(mark, |level| framework.level_label(role, level))
}

/// [`mark_text`] of a supervisor's rating: a level is worded as the
/// supervisor reads it of the practitioner ("4 (Consistently, within their
/// supervision)", see [`Framework::observed_level_label`]).
pub fn supervisor_mark_text(framework: &Framework, role: RoleId, mark: Option<Mark>) -> String {
    mark_words(mark, |level| framework.observed_level_label(role, level))
}

fn mark_words(mark: Option<Mark>, level_label: impl FnOnce(Level) -> String) -> String {
    match mark {
        Some(Mark::Level(level)) => level_label(level),
        Some(Mark::NotApplicable) => "not applicable".into(),
        Some(Mark::NotObserved) => "not observed".into(),
        None => "not rated".into(),
    }
}

impl From<Rating> for Mark {
    fn from(rating: Rating) -> Mark {
        match rating {
            Rating::Level(level) => Mark::Level(level),
            Rating::NotApplicable => Mark::NotApplicable,
        }
    }
}

/// One capability in a review.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewItem {
    /// The practitioner's own rating when it was reviewed; absent if unrated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub self_rating: Option<Mark>,
    /// The supervisor's rating, or [`Mark::NotObserved`]; absent if skipped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supervisor_rating: Option<Mark>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub comment: String,
}

impl ReviewItem {
    /// The supervisor gave a level and the practitioner's rating as
    /// reviewed was something else (another level, not applicable or
    /// unrated). "Not observed" is never a disagreement.
    pub fn disagrees(&self) -> bool {
        matches!(self.supervisor_rating, Some(Mark::Level(_)))
            && self.supervisor_rating != self.self_rating
    }
}

/// Who confirmed a review: as they typed it, checked by no one.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Supervisor {
    pub name: String,
    pub role: String,
    /// GMC, NMC or HCPC number, for example; may be empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub registration: String,
}

/// How a review was made.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Method {
    /// The practitioner handed their device to the supervisor.
    SameDevice,
    /// By review request and response files.
    File,
}

/// A confirmed review of one assessment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    pub id: String,
    pub assessment_id: String,
    /// When the supervisor confirmed, in Unix milliseconds.
    pub reviewed_at: Millis,
    pub supervisor: Supervisor,
    pub method: Method,
    /// The [`fingerprint`] of the ratings reviewed.
    pub fingerprint: String,
    /// By capability id: every capability the assessment asks about.
    pub items: BTreeMap<String, ReviewItem>,
}

impl Review {
    /// Brings `reviewed_at` back to `now` if it is more than
    /// [`FUTURE_TOLERANCE`] ahead; returns whether it did.
    pub fn clamp_future(&mut self, now: Millis) -> bool {
        let late = self.reviewed_at > now.saturating_add(FUTURE_TOLERANCE);
        if late {
            self.reviewed_at = now;
        }
        late
    }

    /// How many items the supervisor rated or marked "not observed".
    pub fn rated_count(&self) -> usize {
        self.items
            .values()
            .filter(|item| item.supervisor_rating.is_some())
            .count()
    }

    /// Capability ids whose self rating is now different from the one
    /// reviewed, in id order: "changed since review". A capability rated
    /// since the review that the review did not cover counts as changed.
    pub fn changed_since(&self, assessment: &Assessment) -> Vec<String> {
        let rated = assessment
            .answers
            .iter()
            .filter(|(_, answer)| answer.rating.is_some())
            .map(|(id, _)| id);
        sorting::set_of(self.items.keys().chain(rated))
            .into_iter()
            .filter(|id| {
                let reviewed = self.items.get(*id).and_then(|item| item.self_rating);
                assessment.rating(id).map(Mark::from) != reviewed
            })
            .cloned()
            .collect()
    }
}

/// The short code of an assessment's ratings: the first 64 bits of a
/// SHA-256 (FIPS 180-4) of its id and each rated capability with its rating
/// in id order, as four groups of four hex digits, for example
/// `"3f2a-9c1b-77de-0a12"`. Notes and times are left out, so sending a
/// request with or without notes gives the same code. A change to any
/// rating changes it; it cannot show who made a review.
pub fn fingerprint(assessment: &Assessment) -> String {
    let mut hasher = Sha256::new();
    hasher.update(b"maps-capability-checker review 1\n");
    hasher.update(assessment.id.as_bytes());
    hasher.update(b"\n");
    for (id, answer) in &assessment.answers {
        if let Some(rating) = answer.rating {
            hasher.update(id.as_bytes());
            hasher.update(b" ");
            hasher.update(String::from(Mark::from(rating)).as_bytes());
            hasher.update(b"\n");
        }
    }
    let digest = hasher.finalize();
    let mut code = String::with_capacity(19);
    for (index, byte) in digest.iter().take(8).enumerate() {
        if index > 0 && index % 2 == 0 {
            code.push('-');
        }
        for nibble in [byte >> 4, byte & 0x0f] {
            code.push(char::from_digit(u32::from(nibble), 16).unwrap_or('0'));
        }
    }
    code
}

/// Every review on the device, stored under [`REVIEWS_KEY`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reviews {
    pub reviews: Vec<Review>,
}

impl Record for Reviews {
    const KIND: &'static str = "reviews";
    const VERSION: u32 = 1;
}

/// What adding a review did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Added {
    New,
    /// A review with this id was here and has been replaced.
    Replaced,
    /// The same review was here already; nothing changed.
    AlreadyHere,
}

impl Reviews {
    /// The reviews of one assessment, oldest first.
    pub fn of(&self, assessment_id: &str) -> Vec<&Review> {
        let mut found: Vec<&Review> = self
            .reviews
            .iter()
            .filter(|review| review.assessment_id == assessment_id)
            .collect();
        sorting::sort_by_rank(&mut found, |review| {
            i64::try_from(review.reviewed_at).unwrap_or(i64::MAX)
        });
        found
    }

    /// The latest review of one assessment.
    pub fn latest(&self, assessment_id: &str) -> Option<&Review> {
        self.of(assessment_id).last().copied()
    }

    /// Adds `review`. A review is never edited once confirmed, so a review
    /// with the same id is the same review; if the two differ, the one
    /// confirmed later wins (ties keep the one here).
    pub fn add(&mut self, review: Review) -> Added {
        match self.reviews.iter_mut().find(|mine| mine.id == review.id) {
            Some(mine) if *mine == review => Added::AlreadyHere,
            Some(mine) if review.reviewed_at > mine.reviewed_at => {
                *mine = review;
                Added::Replaced
            }
            Some(_) => Added::AlreadyHere,
            None => {
                self.reviews.push(review);
                Added::New
            }
        }
    }

    /// Merges another copy (another tab, or a backup) in: no review is ever
    /// lost, and the same review twice is kept once (see [`Reviews::add`]).
    pub fn merge(&mut self, other: &[Review]) {
        for review in other {
            self.add(review.clone());
        }
    }

    /// Removes the reviews of a deleted assessment.
    pub fn remove_for(&mut self, assessment_id: &str) {
        self.reviews
            .retain(|review| review.assessment_id != assessment_id);
    }
}

/// The file a practitioner sends to ask for a review.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReviewRequest {
    pub requested_at: Millis,
    /// The practitioner's profile name, as shown to the supervisor.
    pub practitioner: String,
    pub includes_notes: bool,
    /// A copy of the assessment: the plan and position are left out, and
    /// the notes too unless `includes_notes`.
    pub assessment: Assessment,
}

impl Record for ReviewRequest {
    const KIND: &'static str = "review-request";
    const VERSION: u32 = 1;
}

impl ReviewRequest {
    pub fn new(
        assessment: &Assessment,
        practitioner: &str,
        includes_notes: bool,
        now: Millis,
    ) -> ReviewRequest {
        let mut copy = assessment.clone();
        copy.plan.clear();
        copy.current = None;
        copy.print_notes = false;
        if !includes_notes {
            for answer in copy.answers.values_mut() {
                answer.note.clear();
            }
        }
        ReviewRequest {
            requested_at: now,
            practitioner: practitioner.trim().to_owned(),
            includes_notes,
            assessment: copy,
        }
    }
}

/// The text of a review request file.
/// The name of a review request or response file: whose check it is, its
/// role and the day, so a supervisor with several requests, or a
/// practitioner with several responses, can tell them apart:
/// "maps-review-request-alex-smith-pa-2026-12-01.json", or without a name
/// "maps-review-request-pa-2026-12-01.json". `today` is an ISO date.
pub fn file_name(kind: FileKind, practitioner: &str, role: RoleId, today: &str) -> String {
    let person = crate::core::text::file_name_part(practitioner);
    let prefix = match kind {
        FileKind::Request => "maps-review-request",
        FileKind::Response => "maps-review-response",
    };
    [prefix, person.as_str(), role.code(), today]
        .into_iter()
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-")
        + ".json"
}

/// The two kinds of review file (see [`file_name`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Request,
    Response,
}

pub fn export_request(request: &ReviewRequest) -> Result<String, String> {
    crate::core::records::encode(request)
}

/// Reads a review request file, with the backup import's checks; times
/// ahead of `now` are brought back to it.
pub fn open_request(text: &str, now: Millis) -> Result<ReviewRequest, ImportError> {
    let mut request = backup::read_file::<ReviewRequest>(text)?;
    request.assessment.clamp_future(now);
    if request.requested_at > now.saturating_add(FUTURE_TOLERANCE) {
        request.requested_at = now;
    }
    Ok(request)
}

/// A review in progress, stored under [`REVIEW_DRAFT_KEY`] and never among
/// the device's own assessments.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReviewDraft {
    pub id: String,
    pub request: ReviewRequest,
    pub method: Method,
    /// Show the practitioner's rating before the supervisor rates an item.
    /// Off by default, to avoid anchoring.
    #[serde(default)]
    pub show_self_first: bool,
    /// The step on screen: 0 the start, 1 to n the items, n + 1 the end.
    #[serde(default)]
    pub position: usize,
    /// The supervisor's part, by capability id.
    #[serde(default)]
    pub items: BTreeMap<String, ReviewItem>,
    #[serde(default)]
    pub supervisor: Supervisor,
    /// Set once confirmed, for a review sent back by file: kept until the
    /// response is downloaded.
    #[serde(default)]
    pub confirmed: Option<Review>,
}

impl Record for ReviewDraft {
    const KIND: &'static str = "review-draft";
    const VERSION: u32 = 1;
}

/// Why a review cannot be confirmed yet, each naming its field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConfirmError {
    NothingRated,
    NoName,
    NoRole,
    TooLong {
        field: &'static str,
        message: String,
    },
}

impl ConfirmError {
    /// The id of the field to fix, for an error summary link.
    pub fn field(&self) -> &'static str {
        match self {
            ConfirmError::NothingRated => "review-start",
            ConfirmError::NoName => "supervisor-name",
            ConfirmError::NoRole => "supervisor-role",
            ConfirmError::TooLong { field, .. } => field,
        }
    }
}

impl fmt::Display for ConfirmError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfirmError::NothingRated => formatter.write_str(
                "Rate at least one capability, or mark it not observed, before confirming",
            ),
            ConfirmError::NoName => formatter.write_str("Enter your name"),
            ConfirmError::NoRole => formatter.write_str("Enter your role"),
            ConfirmError::TooLong { message, .. } => formatter.write_str(message),
        }
    }
}

impl ReviewDraft {
    pub fn new(id: String, request: ReviewRequest, method: Method) -> ReviewDraft {
        ReviewDraft {
            id,
            request,
            method,
            show_self_first: false,
            position: 0,
            items: BTreeMap::new(),
            supervisor: Supervisor::default(),
            confirmed: None,
        }
    }

    /// The capabilities to review, in framework order: those the
    /// assessment asks about that this version of the content has.
    pub fn capabilities<'a>(&self, framework: &'a Framework) -> Vec<&'a Capability> {
        self.request.assessment.items(framework)
    }

    pub fn rating(&self, capability: &str) -> Option<Mark> {
        self.items
            .get(capability)
            .and_then(|item| item.supervisor_rating)
    }

    pub fn comment(&self, capability: &str) -> &str {
        self.items
            .get(capability)
            .map_or("", |item| item.comment.as_str())
    }

    pub fn set_rating(&mut self, capability: &str, rating: Option<Mark>) {
        self.items
            .entry(capability.to_owned())
            .or_default()
            .supervisor_rating = rating;
    }

    pub fn set_comment(&mut self, capability: &str, comment: &str) {
        self.items.entry(capability.to_owned()).or_default().comment = comment.to_owned();
    }

    /// Checks the draft and makes the review, confirmed at `now`. The
    /// supervisor's name and role are required, the registration number
    /// optional; each is at most [`SUPERVISOR_FIELD_MAX_CHARS`], and each
    /// comment at most [`limits::NOTE_MAX_CHARS`].
    pub fn confirm(&self, framework: &Framework, now: Millis) -> Result<Review, Vec<ConfirmError>> {
        let mut problems = Vec::new();
        let capabilities = self.capabilities(framework);
        if !capabilities
            .iter()
            .any(|item| self.rating(&item.id).is_some())
        {
            problems.push(ConfirmError::NothingRated);
        }
        let supervisor = Supervisor {
            name: self.supervisor.name.trim().to_owned(),
            role: self.supervisor.role.trim().to_owned(),
            registration: self.supervisor.registration.trim().to_owned(),
        };
        if supervisor.name.is_empty() {
            problems.push(ConfirmError::NoName);
        }
        if supervisor.role.is_empty() {
            problems.push(ConfirmError::NoRole);
        }
        for (field, what, text) in [
            ("supervisor-name", "Your name", &supervisor.name),
            ("supervisor-role", "Your role", &supervisor.role),
            (
                "supervisor-registration",
                "The registration number",
                &supervisor.registration,
            ),
        ] {
            if let Some(message) = limits::too_long(what, text, SUPERVISOR_FIELD_MAX_CHARS) {
                problems.push(ConfirmError::TooLong { field, message });
            }
        }
        for item in &capabilities {
            if let Some(message) =
                limits::too_long("A comment", self.comment(&item.id), limits::NOTE_MAX_CHARS)
            {
                problems.push(ConfirmError::TooLong {
                    field: "review-start",
                    message: format!("{}: {message}", item.title),
                });
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let assessment = &self.request.assessment;
        // Inserted one by one: `collect()` into a map sorts (README, "Size
        // rules").
        let mut items = BTreeMap::new();
        for capability in &capabilities {
            let mine = self.items.get(&capability.id).cloned().unwrap_or_default();
            items.insert(
                capability.id.clone(),
                ReviewItem {
                    self_rating: assessment.rating(&capability.id).map(Mark::from),
                    supervisor_rating: mine.supervisor_rating,
                    comment: mine.comment,
                },
            );
        }
        Ok(Review {
            id: self.id.clone(),
            assessment_id: assessment.id.clone(),
            reviewed_at: now,
            supervisor,
            method: self.method,
            fingerprint: fingerprint(assessment),
            items,
        })
    }
}

/// The file a supervisor sends back.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewResponse {
    pub review: Review,
}

impl Record for ReviewResponse {
    const KIND: &'static str = "review-response";
    const VERSION: u32 = 1;
}

/// The text of the review response file that sends `review` back.
pub fn export_response(review: &Review) -> Result<String, String> {
    crate::core::records::encode(&ReviewResponse {
        review: review.clone(),
    })
}

/// Why a review response cannot be imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ResponseError {
    /// Empty, too large, not a response, damaged or too new.
    File(ImportError),
    /// A response to a review of another assessment.
    OtherAssessment,
}

impl fmt::Display for ResponseError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ResponseError::File(problem) => formatter.write_str(&problem.message("review response")),
            ResponseError::OtherAssessment => formatter.write_str(
                "This review response is for a different assessment. Nothing has been changed. Open the results of the assessment you sent for review and import it there.",
            ),
        }
    }
}

/// What importing a review response would do, shown before anything is
/// written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResponsePreview {
    pub review: Review,
    /// Capabilities whose rating changed after the review request was made:
    /// they will show "changed since review".
    pub changed: Vec<String>,
    /// Whether the same review is here already (importing changes nothing).
    pub already_here: bool,
    /// Whether the review's time was ahead of this device's clock and has
    /// been brought back to now.
    pub future_dated: bool,
}

/// Checks a review response for `assessment` against the `reviews` here,
/// at `now`. Nothing is written: the caller shows the preview and adds the
/// review only when the person confirms.
pub fn preview_response(
    text: &str,
    assessment: &Assessment,
    reviews: &Reviews,
    now: Millis,
) -> Result<ResponsePreview, ResponseError> {
    let ReviewResponse { mut review } =
        backup::read_file::<ReviewResponse>(text).map_err(ResponseError::File)?;
    if review.assessment_id != assessment.id {
        return Err(ResponseError::OtherAssessment);
    }
    let future_dated = review.clamp_future(now);
    let changed = if review.fingerprint == fingerprint(assessment) {
        Vec::new()
    } else {
        review.changed_since(assessment)
    };
    let already_here = reviews.reviews.contains(&review);
    Ok(ResponsePreview {
        review,
        changed,
        already_here,
        future_dated,
    })
}

/// One line of the side-by-side view.
#[derive(Clone, Debug, PartialEq)]
pub struct Row<'a> {
    pub capability: &'a Capability,
    pub item: ReviewItem,
    /// The practitioner's rating now.
    pub now: Option<Rating>,
    pub changed: bool,
}

/// The review next to the assessment as it is now: items where the
/// supervisor and the practitioner disagree first, then the rest, each in
/// framework (domain) order. Items the content no longer has are left out.
pub fn side_by_side<'a>(
    assessment: &Assessment,
    review: &Review,
    framework: &'a Framework,
) -> Vec<Row<'a>> {
    let changed = review.changed_since(assessment);
    let mut rows: Vec<Row<'a>> = framework
        .capabilities
        .iter()
        .filter_map(|capability| {
            let item = review.items.get(&capability.id)?.clone();
            Some(Row {
                capability,
                now: assessment.rating(&capability.id),
                changed: changed.contains(&capability.id),
                item,
            })
        })
        .collect();
    sorting::sort_by_rank(&mut rows, |row| i64::from(!row.item.disagrees()));
    rows
}

/// One capability's supervisor ratings across assessments, oldest first:
/// (when reviewed, the rating).
pub type History = Vec<(String, Vec<(Millis, Mark)>)>;

/// The supervisor's ratings over time for the assessments `ids` (any
/// order), by capability in id order: every review of each, so a
/// re-assessment shows how the supervisor's view moved.
pub fn history(ids: &[String], reviews: &Reviews) -> History {
    let mut all: Vec<&Review> = reviews
        .reviews
        .iter()
        .filter(|review| ids.contains(&review.assessment_id))
        .collect();
    sorting::sort_by_rank(&mut all, |review| {
        i64::try_from(review.reviewed_at).unwrap_or(i64::MAX)
    });
    let mut by_capability: BTreeMap<String, Vec<(Millis, Mark)>> = BTreeMap::new();
    for review in all {
        for (id, item) in &review.items {
            if let Some(mark) = item.supervisor_rating {
                by_capability
                    .entry(id.clone())
                    .or_default()
                    .push((review.reviewed_at, mark));
            }
        }
    }
    by_capability.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn review_files_are_named_for_the_practitioner_role_and_day() {
        assert_eq!(
            file_name(FileKind::Request, "Alex Smith", RoleId::Pa, "2026-12-01"),
            "maps-review-request-alex-smith-pa-2026-12-01.json"
        );
        assert_eq!(
            file_name(FileKind::Response, "Alex Smith", RoleId::Scp, "2026-12-01"),
            "maps-review-response-alex-smith-scp-2026-12-01.json"
        );
        assert_eq!(
            file_name(FileKind::Request, "  ", RoleId::Aa, "2026-12-01"),
            "maps-review-request-aa-2026-12-01.json"
        );
    }
    use crate::core::{assessment::Scope, content, framework::Stage, roles::RoleId};

    /// 30 November 2026, 12:00 UTC.
    const NOW: Millis = 1_795_953_600_000;
    /// 1 January 2030, 00:00 UTC.
    const IN_2030: Millis = 1_893_456_000_000;

    fn assessment(id: &str) -> Assessment {
        let mut assessment = Assessment::new(
            id.into(),
            "me".into(),
            RoleId::Pa,
            Stage::NewlyQualified,
            Scope::Quick,
            "1.0.0".into(),
            NOW - 10_000,
        );
        let framework = content::framework();
        let ids: Vec<String> = assessment
            .items(framework)
            .iter()
            .map(|item| item.id.clone())
            .collect();
        for (index, id) in ids.iter().enumerate() {
            let rating = if index == 0 {
                Rating::NotApplicable
            } else {
                Rating::Level(2)
            };
            assessment.set_rating(id, Some(rating), NOW - 5_000);
        }
        assessment.set_note(&ids[1], "Private logbook note", NOW - 4_000);
        assessment
    }

    fn first_ids(assessment: &Assessment) -> Vec<String> {
        assessment
            .items(content::framework())
            .iter()
            .map(|item| item.id.clone())
            .collect()
    }

    fn reviewed(assessment: &Assessment) -> Review {
        let framework = content::framework();
        let ids = first_ids(assessment);
        let request = ReviewRequest::new(assessment, "Sam", false, NOW);
        let mut draft = ReviewDraft::new("r1".into(), request, Method::File);
        draft.set_rating(&ids[1], Some(Mark::Level(3)));
        draft.set_comment(&ids[1], "Seen in clinic");
        draft.set_rating(&ids[2], Some(Mark::Level(2)));
        draft.set_rating(&ids[3], Some(Mark::NotObserved));
        draft.supervisor = Supervisor {
            name: " Dr Ada Jones ".into(),
            role: "Consultant".into(),
            registration: String::new(),
        };
        let confirmed = draft.confirm(framework, NOW);
        let Ok(review) = confirmed else {
            panic!("{confirmed:?}")
        };
        review
    }

    #[test]
    fn the_fingerprint_is_stable_and_ignores_notes_and_times() {
        let original = assessment("a1");
        let code = fingerprint(&original);
        assert_eq!(code.len(), 19);
        assert_eq!(code.matches('-').count(), 3);
        assert!(code.chars().all(|c| c == '-' || c.is_ascii_hexdigit()));
        let mut restamped = original.clone();
        for answer in restamped.answers.values_mut() {
            answer.updated_at += 99;
            answer.note = "another note".into();
        }
        assert_eq!(fingerprint(&restamped), code);
        let request = ReviewRequest::new(&original, "Sam", false, NOW);
        assert_eq!(fingerprint(&request.assessment), code);
        // A known value, so a change to the hashing is noticed.
        let mut fixed = Assessment::new(
            "a-fixed".into(),
            "me".into(),
            RoleId::Pa,
            Stage::NewlyQualified,
            Scope::Quick,
            "1.0.0".into(),
            1,
        );
        fixed.set_rating("pvb-01", Some(Rating::Level(3)), 2);
        fixed.set_rating("pvb-02", Some(Rating::NotApplicable), 2);
        assert_eq!(fingerprint(&fixed), FIXED_FINGERPRINT);
    }

    /// SHA-256 of "maps-capability-checker review 1\na-fixed\npvb-01 3\npvb-02 n/a\n",
    /// first 8 bytes (checked with `sha256sum`).
    const FIXED_FINGERPRINT: &str = "f589-2041-b202-055e";

    #[test]
    fn any_rating_change_or_another_assessment_changes_the_fingerprint() {
        let original = assessment("a1");
        let ids = first_ids(&original);
        let mut changed = original.clone();
        changed.set_rating(&ids[2], Some(Rating::Level(3)), NOW);
        assert_ne!(fingerprint(&changed), fingerprint(&original));
        let mut cleared = original.clone();
        cleared.set_rating(&ids[2], None, NOW);
        assert_ne!(fingerprint(&cleared), fingerprint(&original));
        let mut other = original.clone();
        other.id = "a2".into();
        assert_ne!(fingerprint(&other), fingerprint(&original));
    }

    #[test]
    fn a_request_leaves_out_notes_unless_chosen_and_never_carries_the_plan() {
        let original = assessment("a1");
        let without = ReviewRequest::new(&original, "Sam", false, NOW);
        assert!(without
            .assessment
            .answers
            .values()
            .all(|answer| answer.note.is_empty()));
        let with = ReviewRequest::new(&original, "Sam", true, NOW);
        assert!(with
            .assessment
            .answers
            .values()
            .any(|answer| answer.note == "Private logbook note"));
        assert!(with.assessment.plan.is_empty());
    }

    #[test]
    fn a_confirmed_review_records_every_item_with_the_self_rating_as_reviewed() {
        let original = assessment("a1");
        let ids = first_ids(&original);
        let review = reviewed(&original);
        assert_eq!(review.items.len(), ids.len());
        assert_eq!(review.supervisor.name, "Dr Ada Jones");
        assert_eq!(review.rated_count(), 3);
        assert_eq!(review.items[&ids[0]].self_rating, Some(Mark::NotApplicable));
        assert!(review.items[&ids[1]].disagrees());
        assert!(!review.items[&ids[2]].disagrees());
        assert!(!review.items[&ids[3]].disagrees(), "not observed");
        assert_eq!(review.fingerprint, fingerprint(&original));
        assert!(review.changed_since(&original).is_empty());
    }

    #[test]
    fn confirming_needs_a_rating_a_name_and_a_role_within_limits() {
        let framework = content::framework();
        let original = assessment("a1");
        let draft = ReviewDraft::new(
            "r".into(),
            ReviewRequest::new(&original, "Sam", false, NOW),
            Method::SameDevice,
        );
        assert_eq!(
            draft.confirm(framework, NOW),
            Err(vec![
                ConfirmError::NothingRated,
                ConfirmError::NoName,
                ConfirmError::NoRole
            ])
        );
        let mut long = draft.clone();
        long.set_rating(&first_ids(&original)[0], Some(Mark::NotObserved));
        long.supervisor = Supervisor {
            name: "x".repeat(101),
            role: "Consultant".into(),
            registration: String::new(),
        };
        let Err(problems) = long.confirm(framework, NOW) else {
            panic!("a 101-character name was accepted")
        };
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].field(), "supervisor-name");
        assert!(problems[0].to_string().contains("remove 1"));
    }

    #[test]
    fn an_item_changed_after_the_review_is_marked_and_only_that_one() {
        let original = assessment("a1");
        let ids = first_ids(&original);
        let review = reviewed(&original);
        let mut later = original.clone();
        later.set_rating(&ids[2], Some(Rating::Level(4)), NOW + 1);
        later.set_note(&ids[3], "notes do not count", NOW + 1);
        assert_eq!(review.changed_since(&later), vec![ids[2].clone()]);
        let mut cleared = original.clone();
        cleared.set_rating(&ids[0], None, NOW + 1);
        assert_eq!(review.changed_since(&cleared), vec![ids[0].clone()]);
        let rows = side_by_side(&later, &review, content::framework());
        assert!(rows
            .iter()
            .any(|row| row.changed && row.capability.id == ids[2]));
        assert_eq!(rows.iter().filter(|row| row.changed).count(), 1);
    }

    #[test]
    fn disagreements_come_first_then_framework_order() {
        let original = assessment("a1");
        let ids = first_ids(&original);
        let review = reviewed(&original);
        let rows = side_by_side(&original, &review, content::framework());
        assert_eq!(rows[0].capability.id, ids[1]);
        let rest: Vec<&str> = rows[1..]
            .iter()
            .map(|row| row.capability.id.as_str())
            .collect();
        let expected: Vec<&str> = ids
            .iter()
            .filter(|id| **id != ids[1])
            .map(String::as_str)
            .collect();
        assert_eq!(rest, expected);
    }

    #[test]
    fn merging_reviews_keeps_every_review_once() {
        let original = assessment("a1");
        let first = reviewed(&original);
        let mut second = first.clone();
        second.id = "r2".into();
        second.reviewed_at = NOW + 1;
        let mut mine = Reviews::default();
        assert_eq!(mine.add(first.clone()), Added::New);
        assert_eq!(mine.add(first.clone()), Added::AlreadyHere);
        let mut theirs = Reviews::default();
        theirs.add(second.clone());
        theirs.add(first.clone());
        mine.merge(&theirs.reviews);
        assert_eq!(mine.reviews.len(), 2);
        let mut other_way = theirs.clone();
        other_way.merge(&mine.reviews);
        assert_eq!(other_way.of("a1"), mine.of("a1"));
        assert_eq!(mine.latest("a1").map(|r| r.id.as_str()), Some("r2"));
        // The same id confirmed later wins; an older copy never replaces it.
        let mut edited = first.clone();
        edited.reviewed_at = NOW + 5;
        edited.supervisor.role = "Educational supervisor".into();
        assert_eq!(mine.add(edited.clone()), Added::Replaced);
        assert_eq!(mine.add(first), Added::AlreadyHere);
        assert_eq!(mine.of("a1").len(), 2);
        assert!(mine.reviews.contains(&edited));
        mine.remove_for("a1");
        assert!(mine.reviews.is_empty());
    }

    fn response_text(review: &Review) -> String {
        export_response(review).unwrap_or_default()
    }

    #[test]
    fn a_response_previews_without_changing_anything() {
        let original = assessment("a1");
        let review = reviewed(&original);
        let text = response_text(&review);
        let preview = preview_response(&text, &original, &Reviews::default(), NOW);
        assert_eq!(
            preview,
            Ok(ResponsePreview {
                review: review.clone(),
                changed: Vec::new(),
                already_here: false,
                future_dated: false,
            })
        );
        let mut here = Reviews::default();
        here.add(review);
        assert!(preview_response(&text, &original, &here, NOW)
            .is_ok_and(|preview| preview.already_here));
    }

    #[test]
    fn a_response_for_another_or_a_changed_assessment_is_explained() {
        let original = assessment("a1");
        let ids = first_ids(&original);
        let text = response_text(&reviewed(&original));
        assert_eq!(
            preview_response(&text, &assessment("a2"), &Reviews::default(), NOW),
            Err(ResponseError::OtherAssessment)
        );
        let mut changed = original.clone();
        changed.set_rating(&ids[4], Some(Rating::Level(1)), NOW + 1);
        let preview = preview_response(&text, &changed, &Reviews::default(), NOW);
        assert_eq!(preview.map(|p| p.changed), Ok(vec![ids[4].clone()]));
    }

    #[test]
    fn bad_review_files_share_the_backup_checks_and_messages() {
        let original = assessment("a1");
        let reviews = Reviews::default();
        let reject = |text: &str| preview_response(text, &original, &reviews, NOW).err();
        assert_eq!(reject(" "), Some(ResponseError::File(ImportError::Empty)));
        let huge = " ".repeat(limits::MAX_IMPORT_BYTES) + "{}";
        assert!(matches!(
            reject(&huge),
            Some(ResponseError::File(ImportError::TooLarge { .. }))
        ));
        assert!(matches!(
            reject("<html>"),
            Some(ResponseError::File(ImportError::Foreign))
        ));
        let request =
            export_request(&ReviewRequest::new(&original, "Sam", false, NOW)).unwrap_or_default();
        let Some(wrong_kind) = reject(&request) else {
            panic!("a request was read as a response")
        };
        assert_eq!(
            wrong_kind.to_string(),
            "This is a review request file from this app, not a review response. Choose the review response file. Nothing has been changed."
        );
        assert_eq!(
            reject(
                r#"{"app":"maps-capability-checker","kind":"review-response","version":2,"data":{}}"#
            ),
            Some(ResponseError::File(ImportError::TooNew { version: 2 }))
        );
        assert!(open_request(&request, NOW).is_ok());
        assert!(open_request(&response_text(&reviewed(&original)), NOW)
            .is_err_and(|error| error.message("review request").contains("review request")));
        let bad_mark = response_text(&reviewed(&original)).replacen("\"3\"", "\"7\"", 1);
        assert!(reject(&bad_mark)
            .is_some_and(|error| error.to_string().contains("\"7\" is not a rating")));
    }

    #[test]
    fn future_dated_files_are_brought_back_to_now() {
        let original = assessment("a1");
        let mut review = reviewed(&original);
        review.reviewed_at = IN_2030;
        let preview =
            preview_response(&response_text(&review), &original, &Reviews::default(), NOW);
        assert!(preview.is_ok_and(|p| p.future_dated && p.review.reviewed_at == NOW));
        let mut fast = original.clone();
        fast.set_rating(&first_ids(&original)[1], Some(Rating::Level(4)), IN_2030);
        let mut request = ReviewRequest::new(&fast, "Sam", false, IN_2030);
        request.requested_at = IN_2030;
        let text = export_request(&request).unwrap_or_default();
        let Ok(opened) = open_request(&text, NOW) else {
            panic!("the request did not open")
        };
        assert_eq!(opened.requested_at, NOW);
        assert!(opened
            .assessment
            .answers
            .values()
            .all(|a| a.updated_at <= NOW));
    }

    #[test]
    fn history_lists_the_supervisors_ratings_over_time() {
        let first = assessment("a1");
        let ids = first_ids(&first);
        let mut reviews = Reviews::default();
        reviews.add(reviewed(&first));
        let second = Assessment::start_from(&first, "a2".into(), "1.0.0".into(), NOW + 10);
        let mut later = reviewed(&second);
        later.id = "r-later".into();
        later.reviewed_at = NOW + 20;
        later
            .items
            .entry(ids[1].clone())
            .or_default()
            .supervisor_rating = Some(Mark::Level(4));
        reviews.add(later);
        let history = history(&["a2".into(), "a1".into()], &reviews);
        let moved = history
            .iter()
            .find(|(id, _)| *id == ids[1])
            .map(|(_, marks)| marks.clone());
        assert_eq!(
            moved,
            Some(vec![(NOW, Mark::Level(3)), (NOW + 20, Mark::Level(4))])
        );
        // Re-assessment keeps the first assessment's review.
        assert_eq!(reviews.of("a1").len(), 1);
    }

    #[test]
    fn a_capability_rated_after_the_review_that_it_did_not_cover_is_changed() {
        let original = assessment("a1");
        let review = reviewed(&original);
        let mut later = original.clone();
        // Outside the quick check the review covered.
        let outside = content::framework()
            .capabilities
            .iter()
            .map(|capability| capability.id.clone())
            .find(|id| !review.items.contains_key(id));
        let Some(outside) = outside else {
            panic!("the review covers every capability")
        };
        later.set_rating(&outside, Some(Rating::Level(2)), NOW + 1);
        assert_eq!(review.changed_since(&later), vec![outside]);
    }

    #[test]
    fn marks_read_as_words_with_the_scale_labels_of_the_role() {
        let framework = content::framework();
        assert_eq!(
            mark_text(framework, RoleId::Scp, Some(Mark::Level(3))),
            framework.level_label(RoleId::Scp, 3)
        );
        assert!(mark_text(framework, RoleId::Scp, Some(Mark::Level(3))).starts_with("3 ("));
        // A PA's supervisor reads level 4 in the PA's words.
        assert_eq!(
            mark_text(framework, RoleId::Pa, Some(Mark::Level(4))),
            "4 (consistently, within my supervision)"
        );
        assert_eq!(
            mark_text(framework, RoleId::Pa, Some(Mark::NotApplicable)),
            "not applicable"
        );
        assert_eq!(
            mark_text(framework, RoleId::Pa, Some(Mark::NotObserved)),
            "not observed"
        );
        assert_eq!(mark_text(framework, RoleId::Pa, None), "not rated");
        assert_eq!(
            supervisor_mark_text(framework, RoleId::Pa, Some(Mark::Level(4))),
            "4 (consistently, within the agreed supervision)"
        );
        assert_eq!(
            supervisor_mark_text(framework, RoleId::Pa, Some(Mark::NotObserved)),
            "not observed"
        );
    }

    #[test]
    fn marks_are_stored_as_short_strings_and_refuse_anything_else() {
        for (mark, text) in [
            (Mark::Level(1), "\"1\""),
            (Mark::Level(4), "\"4\""),
            (Mark::NotApplicable, "\"n/a\""),
            (Mark::NotObserved, "\"not-observed\""),
        ] {
            assert_eq!(serde_json::to_string(&mark).ok().as_deref(), Some(text));
            assert_eq!(serde_json::from_str::<Mark>(text).ok(), Some(mark));
        }
        for bad in ["\"0\"", "\"5\"", "\"-1\"", "\"\"", "3", "null", "\"n/o\""] {
            assert!(serde_json::from_str::<Mark>(bad).is_err(), "{bad}");
        }
    }
}
