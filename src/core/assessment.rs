//! A self-assessment: who it is for, which capabilities it covers, and every
//! answer with the moment it was last changed.
//!
//! Each answer carries its own `updated_at` so two copies of one assessment
//! (two tabs, or a backup and the device) can be merged item by item: the
//! latest change to each item wins, and nobody's newer answer is lost.
//!
//! "Latest" must not depend on the device's clock being right. A change is
//! stamped with [`next_stamp`]: the wall-clock time, or one millisecond after
//! the stamp it replaces, whichever is later (a hybrid logical clock). So a
//! change always beats the value it was made on, even when the clock has
//! gone back or the old value came from a device whose clock was fast.
//! Stamps more than [`FUTURE_TOLERANCE`] ahead of the clock are brought back
//! to it when read or imported ([`Assessment::clamp_future`]).

pub(crate) use crate::core::answer::on_scale;
pub use crate::core::answer::Answer;
use crate::core::{
    framework::{Capability, Framework, Level, Stage},
    packs::PackUse,
    roles::RoleId,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Milliseconds since the Unix epoch, as the browser's `Date.now()` gives.
pub type Millis = u64;

/// How far ahead of this device's clock a stored time may be before it is
/// treated as wrong: one minute, for clocks that differ a little between
/// devices and for stamps a few milliseconds ahead after quick edits.
pub const FUTURE_TOLERANCE: Millis = 60_000;

/// The stamp for a change made at `now` to a value stamped `previous`: `now`,
/// or `previous + 1` when the clock reads earlier than that, so the change
/// always comes after what it replaced (a hybrid logical clock, after
/// Kulkarni and others, "Logical Physical Clocks", 2014).
pub fn next_stamp(previous: Millis, now: Millis) -> Millis {
    now.max(previous.saturating_add(1))
}

/// Brings a time more than [`FUTURE_TOLERANCE`] after `now` back to `now`;
/// returns whether it did.
fn clamp_time(time: &mut Millis, now: Millis) -> bool {
    if *time > now.saturating_add(FUTURE_TOLERANCE) {
        *time = now;
        true
    } else {
        false
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scope {
    /// About ten capabilities, one per domain or so: first visits, workshops.
    Quick,
    /// Every capability that applies to the role.
    Full,
}

impl Scope {
    pub fn label(self) -> &'static str {
        match self {
            Scope::Quick => "Quick check",
            Scope::Full => "Full check",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rating {
    Level(Level),
    NotApplicable,
}

/// A self-rating in words, its level worded for `role` (see
/// [`Framework::level_label`]): "3 (with indirect supervision)", "not
/// applicable", or "not rated" for `None`.
pub fn rating_label(framework: &Framework, role: RoleId, rating: Option<Rating>) -> String {
    match rating {
        Some(Rating::Level(level)) => framework.level_label(role, level),
        Some(Rating::NotApplicable) => "not applicable".into(),
        None => "not rated".into(),
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ActionStatus {
    NotStarted,
    InProgress,
    Done,
}

impl ActionStatus {
    pub const ALL: [ActionStatus; 3] = [
        ActionStatus::NotStarted,
        ActionStatus::InProgress,
        ActionStatus::Done,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ActionStatus::NotStarted => "Not started",
            ActionStatus::InProgress => "In progress",
            ActionStatus::Done => "Done",
        }
    }
}

/// One line of a development plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanAction {
    pub id: String,
    pub what: String,
    /// ISO date (YYYY-MM-DD), or empty when not yet set.
    #[serde(default)]
    pub by_when: String,
    pub capabilities: Vec<String>,
    /// The level the person is aiming for; defaults to the expected level.
    pub target: Option<Level>,
    pub status: ActionStatus,
    pub updated_at: Millis,
    /// Deleted actions stay as tombstones so a merge cannot bring them back.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub deleted: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    pub id: String,
    pub profile: String,
    pub role: RoleId,
    pub stage: Stage,
    pub scope: Scope,
    pub content_version: String,
    pub created_at: Millis,
    pub updated_at: Millis,
    pub finished_at: Option<Millis>,
    /// The capability on screen when the person last left, to resume there.
    pub current: Option<String>,
    pub answers: BTreeMap<String, Answer>,
    #[serde(default)]
    pub plan: Vec<PlanAction>,
    /// Whether the appraisal summary prints the notes.
    #[serde(default)]
    pub print_notes: bool,
    /// Content versions this assessment was used under before
    /// `content_version`, so each answer can say which version it was
    /// given under (see `core::content_versions`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub earlier_content: Vec<crate::core::content_versions::EarlierContent>,
    /// Capabilities added to this assessment after it began, in the order
    /// added: another role's own capabilities, from "Rate the N capabilities
    /// this role adds" (see [`Assessment::top_up`]). Asked after the
    /// assessment's own items.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub added: Vec<String>,
    /// The local capability packs this assessment asks about, each with
    /// the version loaded when it was included (see `core::packs`). Their
    /// capabilities follow the app's own under each domain.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub packs: Vec<PackUse>,
}

impl Assessment {
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        id: String,
        profile: String,
        role: RoleId,
        stage: Stage,
        scope: Scope,
        content_version: String,
        now: Millis,
    ) -> Assessment {
        Assessment {
            id,
            profile,
            role,
            stage,
            scope,
            content_version,
            created_at: now,
            updated_at: now,
            finished_at: None,
            current: None,
            answers: BTreeMap::new(),
            plan: Vec::new(),
            print_notes: false,
            earlier_content: Vec::new(),
            added: Vec::new(),
            packs: Vec::new(),
        }
    }

    /// A new assessment that starts from a previous one's answers, for
    /// re-assessment. The plan is carried over too: it is still the plan.
    pub fn start_from(
        previous: &Assessment,
        id: String,
        content_version: String,
        now: Millis,
    ) -> Assessment {
        let mut next = Assessment::new(
            id,
            previous.profile.clone(),
            previous.role,
            previous.stage,
            previous.scope,
            content_version,
            now,
        );
        // Cloned and then restamped: `collect()` into a map would compile
        // another copy of the standard stable sort (see `core::sorting`).
        next.answers = previous.answers.clone();
        next.added = previous.added.clone();
        next.packs = previous.packs.clone();
        for answer in next.answers.values_mut() {
            answer.updated_at = now;
        }
        next.plan = previous
            .plan
            .iter()
            .filter(|action| !action.deleted)
            .cloned()
            .collect();
        next
    }

    /// The capabilities this assessment asks about: its scope's, in
    /// framework order, then any added by a top-up, in framework order.
    /// A local pack's capabilities are asked, in both scopes, when the
    /// assessment includes the pack and `framework` carries it (see
    /// `packs::with_packs`).
    pub fn items<'a>(&self, framework: &'a Framework) -> Vec<&'a Capability> {
        let quick = framework.quick_checks.get(&self.role);
        let mut items: Vec<&Capability> = framework
            .for_role(self.role)
            .filter(|capability| match &capability.pack {
                Some(origin) => self.includes_pack(&origin.key),
                None => {
                    self.scope == Scope::Full
                        || quick.is_some_and(|ids| ids.contains(&capability.id))
                }
            })
            .collect();
        let base = items.len();
        for domain in &framework.domains {
            for capability in &framework.capabilities {
                if capability.domain == domain.id
                    && self.added.contains(&capability.id)
                    && !items[..base].iter().any(|item| item.id == capability.id)
                {
                    items.push(capability);
                }
            }
        }
        items
    }

    /// Whether this assessment asks about the pack known as `key`.
    pub fn includes_pack(&self, key: &str) -> bool {
        self.packs.iter().any(|pack| pack.key == key)
    }

    /// Whether `capability` is one this assessment can ask: the app's own,
    /// or from a pack it includes.
    pub fn can_ask(&self, capability: &Capability) -> bool {
        capability
            .pack
            .as_ref()
            .is_none_or(|origin| self.includes_pack(&origin.key))
    }

    /// Adds `capabilities` to what this assessment asks (a top-up), keeping
    /// every answer: ids already asked are skipped. The person resumes at
    /// the first one added. Returns how many were added.
    pub fn top_up(&mut self, framework: &Framework, capabilities: &[&str], now: Millis) -> usize {
        let asked: Vec<String> = self
            .items(framework)
            .iter()
            .map(|item| item.id.clone())
            .collect();
        let mut first = None;
        let mut count = 0;
        for id in capabilities {
            if framework.capability(id).is_some()
                && !asked.iter().any(|other| other == id)
                && !self.added.iter().any(|other| other == id)
            {
                self.added.push((*id).to_owned());
                first = first.or(Some(*id));
                count += 1;
            }
        }
        if let Some(id) = first {
            self.set_current(id, now);
        }
        count
    }

    /// Turns a quick check into the full check of its role, keeping every
    /// answer; the person resumes at the first unanswered capability.
    pub fn extend_to_full(&mut self, framework: &Framework, now: Millis) {
        self.scope = Scope::Full;
        let items = self.items(framework);
        if let Some(first) = self.first_unanswered(&items).map(|item| item.id.clone()) {
            self.set_current(&first, now);
        }
        self.touch(now);
    }

    pub fn rating(&self, capability: &str) -> Option<Rating> {
        self.answers
            .get(capability)
            .and_then(|answer| answer.rating)
    }

    pub fn note(&self, capability: &str) -> &str {
        self.answers
            .get(capability)
            .map_or("", |answer| answer.note.as_str())
    }

    pub fn set_rating(&mut self, capability: &str, rating: Option<Rating>, now: Millis) {
        let answer = self.answers.entry(capability.to_owned()).or_default();
        answer.rating = rating;
        answer.updated_at = next_stamp(answer.updated_at, now);
        self.touch(now);
    }

    pub fn set_note(&mut self, capability: &str, note: &str, now: Millis) {
        let answer = self.answers.entry(capability.to_owned()).or_default();
        answer.note = note.to_owned();
        answer.updated_at = next_stamp(answer.updated_at, now);
        self.touch(now);
    }

    /// Sets the note on `capability` to `note` only if it still reads
    /// `seen`, the note as the person last saw it. Otherwise nothing is
    /// changed and the note now held is returned: another tab saved it in
    /// the meantime, and writing over it would lose it unseen.
    pub fn set_note_over(
        &mut self,
        capability: &str,
        seen: &str,
        note: &str,
        now: Millis,
    ) -> Result<(), String> {
        let held = self.note(capability);
        if held != seen {
            return Err(held.to_owned());
        }
        self.set_note(capability, note, now);
        Ok(())
    }

    pub fn set_current(&mut self, capability: &str, now: Millis) {
        self.current = Some(capability.to_owned());
        self.touch(now);
    }

    pub fn finish(&mut self, now: Millis) {
        if self.finished_at.is_none() {
            self.finished_at = Some(now);
        }
        self.touch(now);
    }

    fn touch(&mut self, now: Millis) {
        self.updated_at = next_stamp(self.updated_at, now);
    }

    /// Brings every time more than [`FUTURE_TOLERANCE`] after `now` back to
    /// `now`, as when a backup comes from a device whose clock was fast.
    /// Returns how many answers and plan actions were changed (the record's
    /// own times are corrected too but not counted).
    pub fn clamp_future(&mut self, now: Millis) -> usize {
        let mut clamped = 0;
        for answer in self.answers.values_mut() {
            clamped += usize::from(clamp_time(&mut answer.updated_at, now));
        }
        for action in &mut self.plan {
            clamped += usize::from(clamp_time(&mut action.updated_at, now));
        }
        clamp_time(&mut self.created_at, now);
        clamp_time(&mut self.updated_at, now);
        if let Some(finished) = &mut self.finished_at {
            clamp_time(finished, now);
        }
        clamped
    }

    /// How many of the given items have a rating (a level or not applicable).
    pub fn answered_count(&self, items: &[&Capability]) -> usize {
        items
            .iter()
            .filter(|item| self.rating(&item.id).is_some())
            .count()
    }

    /// Where "Continue" reopens the check: the index in `items` of the
    /// capability the person was last on (the first where it is unknown),
    /// or `None` for the review screen, which comes after the last
    /// capability once every one is answered.
    pub fn resume_index(&self, items: &[&Capability]) -> Option<usize> {
        let current = self
            .current
            .as_ref()
            .and_then(|current| items.iter().position(|item| &item.id == current))
            .unwrap_or(0);
        let on_last = current + 1 == items.len();
        let all_answered = self.answered_count(items) == items.len();
        (!(on_last && all_answered)).then_some(current)
    }

    pub fn first_unanswered<'a>(&self, items: &[&'a Capability]) -> Option<&'a Capability> {
        items
            .iter()
            .copied()
            .find(|item| self.rating(&item.id).is_none())
    }

    pub fn live_plan(&self) -> impl Iterator<Item = &PlanAction> {
        self.plan.iter().filter(|action| !action.deleted)
    }

    /// Adds or replaces a plan action. Its `updated_at` is the time of the
    /// change; it is restamped with [`next_stamp`] so it beats the copy it
    /// replaces whatever the clock says.
    pub fn upsert_action(&mut self, mut action: PlanAction) {
        self.touch(action.updated_at);
        match self
            .plan
            .iter_mut()
            .find(|existing| existing.id == action.id)
        {
            Some(existing) => {
                action.updated_at = next_stamp(existing.updated_at, action.updated_at);
                *existing = action;
            }
            None => self.plan.push(action),
        }
    }

    /// Merges another copy of this assessment into this one. For each answer
    /// and each plan action the later change wins; the record's own fields
    /// (position, finished) come from whichever copy changed last.
    pub fn merge(&mut self, other: &Assessment) {
        for (id, theirs) in &other.answers {
            match self.answers.get(id) {
                Some(mine) if mine.updated_at >= theirs.updated_at => {}
                _ => {
                    self.answers.insert(id.clone(), theirs.clone());
                }
            }
        }
        for theirs in &other.plan {
            match self.plan.iter_mut().find(|mine| mine.id == theirs.id) {
                Some(mine) if mine.updated_at >= theirs.updated_at => {}
                Some(mine) => *mine = theirs.clone(),
                None => self.plan.push(theirs.clone()),
            }
        }
        if other.updated_at > self.updated_at {
            self.current = other.current.clone();
            self.print_notes = other.print_notes;
            self.updated_at = other.updated_at;
        }
        for earlier in &other.earlier_content {
            if !self.earlier_content.contains(earlier) {
                self.earlier_content.push(earlier.clone());
            }
        }
        // Nothing is ever taken out of what an assessment asks.
        for id in &other.added {
            if !self.added.contains(id) {
                self.added.push(id.clone());
            }
        }
        for pack in &other.packs {
            if !self.includes_pack(&pack.key) {
                self.packs.push(pack.clone());
            }
        }
        if other.scope == Scope::Full {
            self.scope = Scope::Full;
        }
        self.finished_at = match (self.finished_at, other.finished_at) {
            (Some(mine), Some(theirs)) => Some(mine.min(theirs)),
            (mine, theirs) => mine.or(theirs),
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Assessment {
        Assessment::new(
            "a1".into(),
            "p1".into(),
            RoleId::Pa,
            Stage::NewlyQualified,
            Scope::Quick,
            "1.0.0".into(),
            1_000,
        )
    }

    #[test]
    fn a_rating_is_worded_as_the_role_reads_its_scale() {
        let framework = crate::core::content::framework();
        let pa = rating_label(framework, RoleId::Pa, Some(Rating::Level(4)));
        let scp = rating_label(framework, RoleId::Scp, Some(Rating::Level(4)));
        assert!(pa.starts_with("4 ("), "{pa}");
        assert!(pa.contains("supervision"), "{pa}");
        assert_ne!(pa, scp);
        assert_eq!(
            rating_label(framework, RoleId::Pa, Some(Rating::NotApplicable)),
            "not applicable"
        );
        assert_eq!(rating_label(framework, RoleId::Aa, None), "not rated");
    }

    #[test]
    fn continue_reopens_the_last_capability_or_the_review_after_it() {
        let framework = crate::core::content::framework();
        let mut assessment = sample();
        let items = assessment.items(framework);
        assert!(items.len() > 2);
        assert_eq!(assessment.resume_index(&items), Some(0));
        assessment.set_current(&items[1].id, 2_000);
        assert_eq!(assessment.resume_index(&items), Some(1));
        let last = items.len() - 1;
        assessment.set_current(&items[last].id, 2_000);
        assert_eq!(assessment.resume_index(&items), Some(last));
        for item in &items {
            assessment.set_rating(&item.id, Some(Rating::Level(2)), 3_000);
        }
        // Past the last capability with every one answered: the review.
        assert_eq!(assessment.resume_index(&items), None);
        assessment.set_current(&items[1].id, 4_000);
        assert_eq!(assessment.resume_index(&items), Some(1));
    }

    #[test]
    fn a_note_changed_elsewhere_since_it_was_seen_is_not_written_over() {
        let mut assessment = sample();
        assert_eq!(assessment.set_note_over("x", "", "mine", 1_000), Ok(()));
        assert_eq!(assessment.note("x"), "mine");
        // Another tab saved "theirs" after this one last showed "mine".
        assessment.set_note("x", "theirs", 2_000);
        let stamp = assessment.updated_at;
        assert_eq!(
            assessment.set_note_over("x", "mine", "mine, and more", 3_000),
            Err("theirs".to_owned())
        );
        assert_eq!(assessment.note("x"), "theirs");
        assert_eq!(assessment.updated_at, stamp);
        assert_eq!(
            assessment.set_note_over("x", "theirs", "theirs, and mine", 3_000),
            Ok(())
        );
        assert_eq!(assessment.note("x"), "theirs, and mine");
    }

    #[test]
    fn merge_keeps_the_latest_change_to_each_item() {
        let mut left = sample();
        let mut right = sample();
        left.set_rating("x", Some(Rating::Level(2)), 2_000);
        right.set_rating("x", Some(Rating::Level(4)), 3_000);
        right.set_rating("y", Some(Rating::NotApplicable), 1_500);
        left.set_rating("y", Some(Rating::Level(3)), 2_500);
        left.merge(&right);
        assert_eq!(left.rating("x"), Some(Rating::Level(4)));
        assert_eq!(left.rating("y"), Some(Rating::Level(3)));
    }

    #[test]
    fn merge_is_the_same_whichever_side_merges() {
        let mut left = sample();
        let mut right = sample();
        left.set_rating("a", Some(Rating::Level(1)), 2_000);
        right.set_note("b", "logbook", 2_100);
        let mut left_then_right = left.clone();
        left_then_right.merge(&right);
        let mut right_then_left = right.clone();
        right_then_left.merge(&left);
        assert_eq!(left_then_right.answers, right_then_left.answers);
    }

    #[test]
    fn a_deleted_plan_action_is_not_resurrected_by_an_older_copy() {
        let action = PlanAction {
            id: "act".into(),
            what: "Shadow a pre-operative clinic".into(),
            by_when: String::new(),
            capabilities: vec!["x".into()],
            target: Some(3),
            status: ActionStatus::NotStarted,
            updated_at: 2_000,
            deleted: false,
        };
        let mut older = sample();
        older.upsert_action(action.clone());
        let mut newer = older.clone();
        newer.upsert_action(PlanAction {
            deleted: true,
            updated_at: 3_000,
            ..action
        });
        older.merge(&newer);
        assert_eq!(older.live_plan().count(), 0);
    }

    /// 1 January 2030, 00:00 UTC.
    const IN_2030: Millis = 1_893_456_000_000;
    /// 30 November 2026, 12:00 UTC.
    const TODAY: Millis = 1_795_953_600_000;
    const A_YEAR: Millis = 365 * 24 * 60 * 60 * 1000;

    #[test]
    fn an_edit_beats_an_answer_stamped_in_the_future() {
        // Issue 16 item 2: a backup from a fast clock, imported, then edited.
        let mut stored = sample();
        stored.set_rating("x", Some(Rating::Level(1)), IN_2030);
        let mut edited = stored.clone();
        edited.set_rating("x", Some(Rating::Level(3)), TODAY);
        // Saving merges the stored copy into the edited one, and another tab
        // merges the edited copy into its stored one: both keep the edit.
        let mut saved = edited.clone();
        saved.merge(&stored);
        assert_eq!(saved.rating("x"), Some(Rating::Level(3)));
        stored.merge(&edited);
        assert_eq!(stored.rating("x"), Some(Rating::Level(3)));
    }

    #[test]
    fn an_edit_after_the_clock_went_back_a_year_is_kept() {
        let mut first = sample();
        first.set_note("x", "first", TODAY);
        let mut second = first.clone();
        second.set_note("x", "second", TODAY - A_YEAR);
        first.merge(&second);
        assert_eq!(first.note("x"), "second");
        let mut action = PlanAction {
            id: "act".into(),
            what: "Before".into(),
            by_when: String::new(),
            capabilities: vec!["x".into()],
            target: None,
            status: ActionStatus::NotStarted,
            updated_at: TODAY,
            deleted: false,
        };
        let mut with_plan = sample();
        with_plan.upsert_action(action.clone());
        let before = with_plan.clone();
        action.what = "After".into();
        action.updated_at = TODAY - A_YEAR;
        with_plan.upsert_action(action);
        let mut merged = before;
        merged.merge(&with_plan);
        assert_eq!(
            merged.live_plan().next().map(|a| a.what.as_str()),
            Some("After")
        );
    }

    #[test]
    fn times_in_the_future_are_brought_back_to_now() {
        let mut assessment = sample();
        assessment.set_rating("x", Some(Rating::Level(2)), IN_2030);
        assessment.set_rating("y", Some(Rating::Level(2)), TODAY);
        assessment.set_rating("z", Some(Rating::Level(2)), TODAY + FUTURE_TOLERANCE);
        assert_eq!(assessment.clamp_future(TODAY), 1);
        assert_eq!(assessment.answers["x"].updated_at, TODAY);
        assert_eq!(assessment.answers["z"].updated_at, TODAY + FUTURE_TOLERANCE);
        assert_eq!(assessment.updated_at, TODAY);
        assert_eq!(assessment.clamp_future(TODAY), 0);
    }

    #[test]
    fn starting_from_a_previous_assessment_copies_answers_not_identity() {
        let mut previous = sample();
        previous.set_rating("x", Some(Rating::Level(3)), 2_000);
        previous.finish(2_500);
        let next = Assessment::start_from(&previous, "a2".into(), "1.1.0".into(), 9_000);
        assert_eq!(next.id, "a2");
        assert_eq!(next.content_version, "1.1.0");
        assert_eq!(next.rating("x"), Some(Rating::Level(3)));
        assert_eq!(next.finished_at, None);
    }

    const EVERY_RATING: [Option<Rating>; 6] = [
        Some(Rating::Level(1)),
        Some(Rating::Level(2)),
        Some(Rating::Level(3)),
        Some(Rating::Level(4)),
        Some(Rating::NotApplicable),
        None,
    ];

    fn answer(rating: Option<Rating>, note: &str) -> Answer {
        Answer {
            rating,
            note: note.into(),
            updated_at: 1_763_700_000_000,
        }
    }

    /// Reads a stored answer both ways the app does: straight from text,
    /// and from an already parsed JSON value (as `records::decode` does).
    fn read(text: &str) -> Result<Answer, String> {
        let from_text = serde_json::from_str::<Answer>(text).map_err(|error| error.to_string());
        let from_value = serde_json::from_str::<serde_json::Value>(text)
            .and_then(serde_json::from_value::<Answer>)
            .map_err(|error| error.to_string());
        assert_eq!(
            from_text.is_ok(),
            from_value.is_ok(),
            "{text}: {from_text:?} {from_value:?}"
        );
        from_value
    }

    #[test]
    fn answers_are_stored_as_compact_arrays() {
        for (stored, expected) in [
            (answer(Some(Rating::Level(4)), ""), "[4,1763700000000]"),
            (
                answer(Some(Rating::Level(2)), "Logbook: 14 cases"),
                r#"[2,1763700000000,"Logbook: 14 cases"]"#,
            ),
            (
                answer(Some(Rating::NotApplicable), ""),
                r#"["n/a",1763700000000]"#,
            ),
            (answer(None, "note"), r#"[null,1763700000000,"note"]"#),
            (answer(None, ""), "[null,1763700000000]"),
        ] {
            assert_eq!(
                serde_json::to_string(&stored).ok().as_deref(),
                Some(expected)
            );
        }
    }

    #[test]
    fn every_kind_of_rating_round_trips_with_and_without_a_note() {
        for rating in EVERY_RATING {
            for note in ["", "Logbook: 14 cases", "\"quoted\", [bracketed], n/a, 4"] {
                let original = answer(rating, note);
                let text = serde_json::to_string(&original).unwrap_or_default();
                assert_eq!(read(&text), Ok(original), "{text}");
            }
        }
    }

    #[test]
    fn an_empty_note_written_out_reads_as_no_note() {
        assert_eq!(
            read(r#"[3,5,""]"#),
            Ok(Answer {
                rating: Some(Rating::Level(3)),
                note: String::new(),
                updated_at: 5,
            })
        );
    }

    #[test]
    fn malformed_stored_answers_are_errors_that_say_what_is_wrong() {
        for (text, reason) in [
            (
                "[]",
                "invalid length 0, expected an answer as [rating, time]",
            ),
            (
                "[4]",
                "invalid length 1, expected an answer as [rating, time]",
            ),
            (r#"[4,1,"note",2]"#, "invalid length 4"),
            (r#"[4,1,"note",2,3]"#, "invalid length 5"),
            (
                "[0,1]",
                "integer `0`, expected a rating: a level from 1 to 4",
            ),
            (
                "[5,1]",
                "integer `5`, expected a rating: a level from 1 to 4",
            ),
            ("[256,1]", "integer `256`, expected a rating"),
            ("[-1,1]", "integer `-1`, expected a rating"),
            ("[2.5,1]", "floating point `2.5`, expected a rating"),
            (r#"["na",1]"#, r#"string "na", expected a rating"#),
            (r#"["not-applicable",1]"#, "expected a rating"),
            (r#"[{"level":4},1]"#, "expected a rating"),
            (r#"[true,1]"#, "expected a rating"),
            (r#"[4,"yesterday"]"#, "expected the time of the answer"),
            ("[4,-1]", "expected the time of the answer"),
            ("[4,1.5]", "expected the time of the answer"),
            ("[4,null]", "expected the time of the answer"),
            ("[4,1,7]", "integer `7`, expected a string"),
            ("[4,1,null]", "expected a string"),
            (
                r#"{"rating":{"level":4},"updated_at":1}"#,
                "expected an answer as [rating, time]",
            ),
            ("4", "expected an answer as [rating, time]"),
            ("null", "expected an answer as [rating, time]"),
        ] {
            match read(text) {
                Err(error) => assert!(error.contains(reason), "{text}: {error}"),
                Ok(answer) => panic!("{text} was read as {answer:?}"),
            }
        }
    }

    #[test]
    fn a_level_off_the_scale_is_never_written() {
        for level in [0, 5, 255] {
            let error = serde_json::to_string(&answer(Some(Rating::Level(level)), ""))
                .err()
                .map(|error| error.to_string())
                .unwrap_or_default();
            assert!(
                error.contains(&format!(
                    "level {level} is not on the rating scale (1 to 4)"
                )),
                "{level}: {error:?}"
            );
        }
    }

    #[test]
    fn finishing_twice_keeps_the_first_finish_date() {
        let mut assessment = sample();
        assessment.finish(2_000);
        assessment.finish(5_000);
        assert_eq!(assessment.finished_at, Some(2_000));
    }
}
