//! The app's shared state: profiles, assessments and the health of storage.
//!
//! Views never call storage themselves. They call the methods here, which
//! change the in-memory state, save through `storage`, and record whether the
//! save worked so the shell can tell the user.

use crate::{
    browser,
    core::{
        assessment::Assessment,
        backup,
        cpd_rules::{self, Cycles},
        evidence::{self, EvidenceEntry},
        framework::Framework,
        packs::{self, Pack, Packs},
        records::{self, Profile, Profiles, Settings},
        review::{self, Added, Review, ReviewDraft, Reviews},
        route_finder::{Answers, ROUTE_FINDER_KEY},
    },
    lazy::PageCodeFailed,
    storage::{self, Backend, Loaded, WriteError},
};
use leptos::prelude::*;
use std::{future::Future, pin::Pin};

/// Whether the last write reached the device.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveStatus {
    Saved,
    /// Storage is full: `pending` writes wait until space is freed.
    Full {
        pending: usize,
    },
    Refused(String),
}

/// Something found while loading that the user must be told about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// An unreadable value was moved aside (or left in place when even that
    /// failed). It can be downloaded from "My data".
    Quarantined {
        original: String,
        quarantine_key: Option<String>,
        reason: String,
    },
    /// A record from a newer release of the app; left untouched.
    TooNew { key: String, version: u32 },
    /// Answers dated after this device's clock, brought back to today so
    /// that later edits win (see `Assessment::clamp_future`).
    FutureDated { count: usize },
}

/// Why the route finder's stored answers are not the ones shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RouteFinderKept {
    /// Saved by a newer release: kept as they are; new answers are not saved.
    TooNew,
    /// Unreadable, and set aside to download from "My data"; new answers
    /// are saved.
    SetAside,
    /// Unreadable, and could not be moved: left in place; new answers are
    /// not saved.
    LeftUntouched,
}

impl RouteFinderKept {
    /// Whether new answers may be written over the stored value.
    pub fn writable(self) -> bool {
        self == RouteFinderKept::SetAside
    }
}

/// Whether the device's records (profiles, settings, the route finder's
/// answers and every assessment) are in the state: pages that show or
/// change them wait until they are (`Page::reads_records`), so nothing is
/// written over data not yet read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecordsRead {
    /// Storage holds some; the code that reads them is on its way.
    Waiting,
    /// Read, or nothing was stored to read.
    Read,
    /// The code that reads them could not be fetched.
    CodeFailed,
}

/// What the shell asks of the records code. Reading, decoding and writing
/// the records (serde's code for them, migrations, merging) is 40 KB of
/// brotli, so it is in a wasm chunk of its own (`lazy::records_code`),
/// fetched at start-up only when storage holds something of the app's
/// (BENCHMARKS.md, thirteenth session). Pages in chunks call `AppState`'s
/// methods directly.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecordsTask {
    /// Read everything stored, as at start-up.
    Read,
    /// Another tab changed `key` to `new_value` (see
    /// [`AppState::apply_change_from_other_tab`]).
    ChangeFromOtherTab {
        key: Option<String>,
        new_value: Option<String>,
    },
    /// The banner's "End the guest session".
    EndGuestSession,
    /// Presenter mode's "Reset for the next person": the guest data
    /// dropped, a fresh guest session, still presenting.
    ResetForNextPerson,
}

/// Runs a [`RecordsTask`]: [`AppState::run_records_task`], reached from the
/// shell only through this pointer.
pub type RecordsCode = fn(&AppState, RecordsTask);

/// The records code arriving in its chunk.
pub type RecordsCodeFetch = Pin<Box<dyn Future<Output = Result<RecordsCode, PageCodeFailed>>>>;

/// Where [`AppState`] gets its records code.
#[derive(Clone, Copy)]
pub enum RecordsCodeSource {
    /// In the caller's own module: records are read at once. For tests,
    /// and once the chunk has come.
    Linked(RecordsCode),
    /// In a chunk, fetched the first time a task needs it.
    Chunk(fn() -> RecordsCodeFetch),
}

/// Shared writers and readers, passed by context. It is `Copy`, so any view
/// can hold it in closures without cloning.
#[derive(Clone, Copy)]
pub struct AppState {
    profiles: RwSignal<Profiles>,
    /// Every assessment on this device, all profiles, newest first.
    assessments: RwSignal<Vec<Assessment>>,
    save_status: RwSignal<SaveStatus>,
    notices: RwSignal<Vec<Notice>>,
    backend: RwSignal<Backend>,
    settings: RwSignal<Settings>,
    /// The local capability packs loaded on this device (see `core::packs`),
    /// read from storage when a page first asks for them ([`AppState::packs`]).
    packs: RwSignal<Packs>,
    /// Reads the packs again after storage changed under them (an import,
    /// another tab, clearing the device): set by the first page that reads
    /// the packs. Only pages fetched on demand show packs, so reading them
    /// stays in those pages' wasm chunks, out of the first load; the shell
    /// calls it without holding that code.
    packs_reader: StoredValue<Option<fn(&AppState)>>,
    /// Every evidence diary entry on this device, all profiles, once read
    /// (see `diary_read`).
    evidence: RwSignal<Vec<EvidenceEntry>>,
    /// Each profile's regulator and cycle for the readiness check, once read.
    cycles: RwSignal<Cycles>,
    /// Whether `evidence` and `cycles` hold what storage holds. The diary
    /// is read when a page first shows it, not at start-up, so the code
    /// that reads it stays in the chunks of the pages that show it.
    diary_read: RwSignal<bool>,
    /// What the app's stored values take, in UTF-16 code units (see
    /// `core::limits`).
    storage_used: RwSignal<usize>,
    /// Whether the browser agreed to keep the data (`None`: not asked yet,
    /// or the browser cannot say).
    persisted: RwSignal<Option<bool>>,
    /// Whether this page has asked the browser to keep the data: it asks
    /// once, as Firefox shows the person a prompt.
    persistence_asked: RwSignal<bool>,
    /// The route finder's answers, saved as they change.
    route_finder: RwSignal<Answers>,
    /// Set when the stored route finder answers could not be used.
    route_finder_kept: RwSignal<Option<RouteFinderKept>>,
    /// Supervisors' reviews of this device's assessments, read on first
    /// use (see [`AppState::reviews`]).
    reviews: RwSignal<Reviews>,
    /// A review in progress, kept apart from the device's own data; read
    /// with the reviews.
    review_draft: RwSignal<Option<ReviewDraft>>,
    /// Whether the reviews and the review in progress have been read since
    /// start-up, a reload, or another tab's change to them.
    reviews_read: StoredValue<bool>,
    /// Notified when they must be read again.
    reviews_stale: Trigger,
    /// Whether the records are read (see [`RecordsRead`]).
    records_read: RwSignal<RecordsRead>,
    /// The code that reads and writes the records, or where to fetch it.
    records_code: StoredValue<RecordsCodeSource>,
    /// Tasks waiting for that code, in the order asked.
    records_tasks: StoredValue<Vec<RecordsTask>>,
    /// Whether the code is being fetched.
    records_code_fetching: StoredValue<bool>,
}

impl AppState {
    /// The state of this tab, with the records read through `records_code`:
    /// at once if storage holds nothing of the app's (there is nothing to
    /// read) or the code is linked; otherwise once the code has come.
    pub fn load(records_code: RecordsCodeSource) -> AppState {
        let state = AppState::empty(storage::backend(), records_code);
        if storage::keys().is_empty() {
            state.records_read.set(RecordsRead::Read);
        } else {
            state.records_read.set(RecordsRead::Waiting);
            state.run_with_records_code(RecordsTask::Read);
        }
        state.storage_used.set(storage::used_units());
        state.check_persistence();
        state
    }

    /// The state of a visitor with nothing stored, on a browser that keeps
    /// data on the device: the only one a prerendered page with a form is
    /// shown to (`prerender` hides its form from anyone else until the app
    /// has taken over). Reads and writes nothing.
    #[cfg(not(target_arch = "wasm32"))]
    pub(crate) fn for_prerender() -> AppState {
        let state = AppState::empty(
            storage::Backend::Device,
            RecordsCodeSource::Linked(AppState::run_records_task),
        );
        state.records_read.set(RecordsRead::Read);
        state
    }

    fn empty(backend: storage::Backend, records_code: RecordsCodeSource) -> AppState {
        AppState {
            profiles: RwSignal::new(Profiles::default()),
            assessments: RwSignal::new(Vec::new()),
            save_status: RwSignal::new(SaveStatus::Saved),
            notices: RwSignal::new(Vec::new()),
            backend: RwSignal::new(backend),
            settings: RwSignal::new(Settings::default()),
            packs: RwSignal::new(Packs::default()),
            packs_reader: StoredValue::new(None),
            evidence: RwSignal::new(Vec::new()),
            cycles: RwSignal::new(Cycles::default()),
            diary_read: RwSignal::new(false),
            storage_used: RwSignal::new(0),
            persisted: RwSignal::new(None),
            persistence_asked: RwSignal::new(false),
            route_finder: RwSignal::new(Answers::default()),
            route_finder_kept: RwSignal::new(None),
            reviews: RwSignal::new(Reviews::default()),
            review_draft: RwSignal::new(None),
            reviews_read: StoredValue::new(false),
            reviews_stale: Trigger::new(),
            records_read: RwSignal::new(RecordsRead::Waiting),
            records_code: StoredValue::new(records_code),
            records_tasks: StoredValue::new(Vec::new()),
            records_code_fetching: StoredValue::new(false),
        }
    }

    /// Whether the records are read; reactive.
    pub fn records_read(&self) -> ReadSignal<RecordsRead> {
        self.records_read.read_only()
    }

    /// Runs `task` with the records code, at once if it is here; otherwise
    /// once it has come, after any task asked for before it.
    pub fn run_with_records_code(&self, task: RecordsTask) {
        match self.records_code.get_value() {
            RecordsCodeSource::Linked(code) if self.records_tasks.with_value(Vec::is_empty) => {
                code(self, task)
            }
            _ => {
                self.records_tasks.update_value(|tasks| tasks.push(task));
                self.fetch_records_code();
            }
        }
    }

    /// Fetches the records code if it is in a chunk and not on its way,
    /// then runs the tasks waiting for it. If it cannot be fetched, they
    /// wait for the next try (`retry_records`, or the next task).
    pub fn fetch_records_code(&self) {
        let RecordsCodeSource::Chunk(fetch) = self.records_code.get_value() else {
            return;
        };
        if self.records_code_fetching.get_value() {
            return;
        }
        self.records_code_fetching.set_value(true);
        let state = *self;
        leptos::task::spawn_local(async move {
            let fetched = fetch().await;
            state.records_code_fetching.set_value(false);
            match fetched {
                Ok(code) => {
                    state
                        .records_code
                        .set_value(RecordsCodeSource::Linked(code));
                    // A task may ask for another; it runs after these.
                    while let Some(task) = state
                        .records_tasks
                        .try_update_value(|tasks| (!tasks.is_empty()).then(|| tasks.remove(0)))
                        .flatten()
                    {
                        code(&state, task);
                    }
                }
                Err(PageCodeFailed) => {
                    if state.records_read.get_untracked() == RecordsRead::Waiting {
                        state.records_read.set(RecordsRead::CodeFailed);
                    }
                }
            }
        });
    }

    /// "Try again" after the records code could not be fetched.
    pub fn retry_records(&self) {
        if self.records_read.get_untracked() == RecordsRead::CodeFailed {
            self.records_read.set(RecordsRead::Waiting);
        }
        self.fetch_records_code();
    }

    /// The records code's one entry point (see [`RecordsTask`]).
    pub fn run_records_task(&self, task: RecordsTask) {
        match task {
            RecordsTask::Read => self.reload_from_storage(),
            RecordsTask::ChangeFromOtherTab { key, new_value } => {
                self.apply_change_from_other_tab(key, new_value)
            }
            RecordsTask::EndGuestSession => self.end_guest_session(),
            RecordsTask::ResetForNextPerson => {
                self.end_guest_session();
                self.start_guest_session();
                self.update_settings(|settings| settings.presenter = true);
            }
        }
    }

    /// The device's (or guest session's) profiles; reactive.
    pub fn profiles(&self) -> ReadSignal<Profiles> {
        self.profiles.read_only()
    }

    /// Every assessment held, all profiles, newest first; reactive.
    pub fn assessments(&self) -> ReadSignal<Vec<Assessment>> {
        self.assessments.read_only()
    }

    /// Whether the last write reached the device; reactive.
    pub fn save_status(&self) -> ReadSignal<SaveStatus> {
        self.save_status.read_only()
    }

    /// What was found while loading that the person must be told; reactive.
    pub fn notices(&self) -> ReadSignal<Vec<Notice>> {
        self.notices.read_only()
    }

    /// Where data is kept: the device, or this tab for a guest; reactive.
    pub fn backend(&self) -> ReadSignal<Backend> {
        self.backend.read_only()
    }

    pub fn settings(&self) -> ReadSignal<Settings> {
        self.settings.read_only()
    }

    /// The local capability packs loaded on this device; reactive. Read
    /// from storage the first time a page asks (see `packs_reader`).
    pub fn packs(&self) -> ReadSignal<Packs> {
        if self.packs_reader.get_value().is_none() {
            self.packs_reader.set_value(Some(AppState::read_packs));
            self.read_packs();
        }
        self.packs.read_only()
    }

    /// Reads the packs from storage; a notice tells the person when they
    /// cannot be used (set aside, or saved by a newer release).
    fn read_packs(&self) {
        let loaded = match storage::load::<Packs>(packs::PACKS_KEY, browser::now()) {
            Loaded::Found(packs) => packs,
            Loaded::Missing => Packs::default(),
            other => {
                if let Some(notice) = notice_for(packs::PACKS_KEY, other) {
                    self.notices.update(|notices| {
                        if !notices.contains(&notice) {
                            notices.push(notice);
                        }
                    });
                }
                Packs::default()
            }
        };
        self.packs.set(loaded);
    }

    /// Reads the packs again if a page has read them (see `packs_reader`).
    fn reread_packs(&self) {
        if let Some(read) = self.packs_reader.get_value() {
            read(self);
        }
    }

    /// What the app's stored values take, in UTF-16 code units; reactive.
    pub fn storage_used(&self) -> ReadSignal<usize> {
        self.storage_used.read_only()
    }

    /// Whether the browser agreed to keep the data; reactive.
    pub fn persisted(&self) -> ReadSignal<Option<bool>> {
        self.persisted.read_only()
    }

    /// Reads whether the browser keeps this site's data, and asks it to once
    /// anything is stored on the device.
    fn check_persistence(&self) {
        if self.backend.get_untracked() != Backend::Device {
            return;
        }
        let state = *self;
        let ask = !storage::keys().is_empty() && !self.persistence_asked.get_untracked();
        leptos::task::spawn_local(async move {
            let persisted = storage::is_persisted().await;
            // Shown at once: Firefox asks the person, and its answer to the
            // request below can take as long as they take.
            state.persisted.set(persisted);
            if persisted == Some(false) && ask {
                state.persistence_asked.set(true);
                if let Some(granted) = storage::request_persistence().await {
                    state.persisted.set(Some(granted));
                }
            }
        });
    }

    /// Reads everything again, as at start-up or after another tab cleared
    /// the device or an import.
    pub fn reload_from_storage(&self) {
        let now = browser::now();
        let mut notices = Vec::new();
        let profiles = match storage::load::<Profiles>(records::PROFILES_KEY, now) {
            Loaded::Found(profiles) => profiles,
            Loaded::Missing => Profiles::default(),
            other => {
                notices.extend(notice_for(records::PROFILES_KEY, other));
                Profiles::default()
            }
        };
        let settings = match storage::load::<Settings>(records::SETTINGS_KEY, now) {
            Loaded::Found(settings) => settings,
            Loaded::Missing => Settings::default(),
            other => {
                notices.extend(notice_for(records::SETTINGS_KEY, other));
                Settings::default()
            }
        };
        let (route_finder, route_finder_kept) =
            match storage::load::<Answers>(ROUTE_FINDER_KEY, now) {
                Loaded::Found(answers) => (answers, None),
                Loaded::Missing => (Answers::default(), None),
                Loaded::TooNew(_) => (Answers::default(), Some(RouteFinderKept::TooNew)),
                Loaded::Quarantined {
                    quarantine_key: Some(_),
                    ..
                } => (Answers::default(), Some(RouteFinderKept::SetAside)),
                Loaded::Quarantined {
                    quarantine_key: None,
                    ..
                } => (Answers::default(), Some(RouteFinderKept::LeftUntouched)),
            };
        let mut assessments = Vec::new();
        let mut future_dated = 0;
        for key in storage::keys() {
            if !key.starts_with(records::ASSESSMENT_PREFIX) {
                continue;
            }
            match storage::load::<Assessment>(&key, now) {
                Loaded::Found(mut assessment) => {
                    let clamped = assessment.clamp_future(now);
                    if clamped > 0 {
                        future_dated += clamped;
                        let _ = storage::save(&key, &assessment);
                    }
                    assessments.push(assessment)
                }
                Loaded::Missing => {}
                other => notices.extend(notice_for(&key, other)),
            }
        }
        if future_dated > 0 {
            notices.push(Notice::FutureDated {
                count: future_dated,
            });
        }
        // Newest first.
        crate::core::sorting::sort_by_rank(&mut assessments, |assessment| {
            -i64::try_from(assessment.created_at).unwrap_or(i64::MAX)
        });
        self.backend.set(storage::backend());
        self.profiles.set(profiles);
        self.settings.set(settings);
        self.route_finder.set(route_finder);
        self.route_finder_kept.set(route_finder_kept);
        self.assessments.set(assessments);
        self.forget_reviews();
        // Read again when a page next shows it.
        self.diary_read.set(false);
        self.notices.set(notices);
        self.reread_packs();
        self.storage_used.set(storage::used_units());
        if self.records_read.get_untracked() != RecordsRead::Read {
            self.records_read.set(RecordsRead::Read);
        }
    }

    /// Whether the records may be written. Until they are read, a write is
    /// refused and the banner says so: a page that changes them waits for
    /// them (`Page::reads_records`), and no other caller may write over
    /// data not yet read (issue 16).
    fn records_writable(&self) -> bool {
        let read = self.records_read.get_untracked() == RecordsRead::Read;
        if !read {
            self.save_status.set(SaveStatus::Refused(
                "your saved data has not been read yet".to_string(),
            ));
        }
        read
    }

    fn record_write(&self, result: Result<(), WriteError>) {
        self.storage_used.set(storage::used_units());
        if result.is_ok()
            && self.persisted.get_untracked() == Some(false)
            && !self.persistence_asked.get_untracked()
        {
            // The first thing stored: ask the browser to keep it.
            self.check_persistence();
        }
        self.save_status.set(match result {
            Ok(()) if storage::pending_writes() == 0 => SaveStatus::Saved,
            Ok(()) | Err(WriteError::Full) => SaveStatus::Full {
                pending: storage::pending_writes().max(1),
            },
            Err(WriteError::Refused(reason)) => SaveStatus::Refused(reason),
        });
    }

    pub fn active_profile_id(&self) -> String {
        self.profiles.with(|profiles| profiles.active.clone())
    }

    /// The active profile's assessments, newest first.
    pub fn my_assessments(&self) -> Vec<Assessment> {
        let active = self.active_profile_id();
        self.assessments.with(|all| {
            all.iter()
                .filter(|assessment| assessment.profile == active)
                .cloned()
                .collect()
        })
    }

    /// One assessment, brought up to the current content version (answers
    /// to replaced capabilities moved to their new ids; saved so on the
    /// next change). See `core::content_versions`.
    pub fn assessment(&self, id: &str) -> Option<Assessment> {
        self.assessments
            .with(|all| all.iter().find(|assessment| assessment.id == id).cloned())
            .map(|assessment| {
                crate::core::content_versions::to_current(
                    assessment,
                    crate::core::content::framework(),
                )
            })
    }

    /// The app's capabilities with the loaded packs' after them, for the
    /// pages that show an assessment's items (see `packs::with_packs`);
    /// reactive to the packs.
    pub fn checked_framework(&self) -> &'static Framework {
        self.packs()
            .with(|loaded| packs::with_packs(crate::core::content::framework(), &loaded.packs))
    }

    /// As [`AppState::checked_framework`], without subscribing.
    pub fn checked_framework_untracked(&self) -> &'static Framework {
        self.packs().with_untracked(|loaded| {
            packs::with_packs(crate::core::content::framework(), &loaded.packs)
        })
    }

    /// Loads `pack` the person has seen in a preview and confirmed, in
    /// place of an earlier version of the same pack.
    pub fn put_pack(&self, pack: Pack) {
        self.change_packs(|loaded| loaded.put(pack));
    }

    /// Takes the pack known as `key` off the device. Answers to its
    /// capabilities stay in each assessment (and in backups), unshown.
    pub fn remove_pack(&self, key: &str) {
        self.change_packs(|loaded| {
            loaded.remove(key);
        });
    }

    /// Changes the newest copy of the packs and saves it (see
    /// `storage::change_packs`).
    fn change_packs(&self, change: impl FnOnce(&mut Packs)) {
        let (changed, result) = self
            .packs()
            .with_untracked(|mine| storage::change_packs(mine, change));
        self.packs.set(changed);
        self.record_write(result);
    }

    pub fn add_assessment(&self, assessment: Assessment) {
        if !self.records_writable() {
            return;
        }
        let (saved, result) = storage::save_assessment(&assessment);
        self.assessments.update(|all| all.insert(0, saved));
        self.record_write(result);
    }

    /// Changes one assessment and saves it at once: whether there was one.
    /// Without an assessment `id` (removed, perhaps in another tab)
    /// `change` is not called.
    pub fn update_assessment(&self, id: &str, change: impl FnOnce(&mut Assessment)) -> bool {
        let Some(assessment) = self.assessment(id) else {
            return false;
        };
        let (merged, result) = storage::change_assessment(&assessment, change);
        self.assessments.update(|all| {
            if let Some(slot) = all.iter_mut().find(|existing| existing.id == id) {
                *slot = merged;
            }
        });
        self.record_write(result);
        true
    }

    pub fn delete_assessment(&self, id: &str) {
        if !self.records_writable() {
            return;
        }
        storage::remove(&records::assessment_key(id));
        if self
            .reviews()
            .with_untracked(|reviews| !reviews.of(id).is_empty())
        {
            self.change_reviews(|reviews| reviews.remove_for(id));
        }
        self.assessments
            .update(|all| all.retain(|assessment| assessment.id != id));
        // Deleting frees space: a write that failed for lack of it may fit now.
        self.retry_pending_writes();
    }

    pub fn update_profiles(&self, change: impl FnOnce(&mut Profiles)) {
        if !self.records_writable() {
            return;
        }
        let mut profiles = self.profiles.get_untracked();
        change(&mut profiles);
        let result = storage::save(records::PROFILES_KEY, &profiles);
        self.profiles.set(profiles);
        self.record_write(result);
    }

    pub fn update_settings(&self, change: impl FnOnce(&mut Settings)) {
        if !self.records_writable() {
            return;
        }
        let mut settings = self.settings.get_untracked();
        change(&mut settings);
        let result = storage::save(records::SETTINGS_KEY, &settings);
        self.settings.set(settings);
        self.record_write(result);
    }

    /// Writes an import the user has confirmed: new profiles are added, and
    /// each assessment and diary entry in the file replaces the device's
    /// copy of it, as does each profile's regulator and cycle.
    pub fn import_backup(&self, preview: &backup::ImportPreview) {
        if !self.records_writable() {
            return;
        }
        self.read_diary_if_needed();
        self.update_profiles(|profiles| *profiles = backup::merged_profiles(profiles, preview));
        let mut result = Ok(());
        if !preview.new_packs.is_empty() {
            // A pack the device has already is kept as it is here.
            let (_, saved) = self.packs().with_untracked(|mine| {
                storage::change_packs(mine, |loaded| {
                    for pack in &preview.backup.packs {
                        if loaded.get(&pack.key()).is_none() {
                            loaded.put(pack.clone());
                        }
                    }
                })
            });
            result = saved;
        }
        for entry in &preview.backup.evidence {
            let saved = storage::save(&evidence::evidence_key(&entry.id), entry);
            if result.is_ok() {
                result = saved;
            }
        }
        if !preview.backup.cpd_cycles.chosen.is_empty() {
            let mut cycles = self.cycles.get_untracked();
            cycles.take_from(&preview.backup.cpd_cycles);
            let saved = storage::save(cpd_rules::CYCLES_KEY, &cycles);
            if result.is_ok() {
                result = saved;
            }
        }
        for assessment in &preview.backup.assessments {
            let key = records::assessment_key(&assessment.id);
            storage::remove(&key);
            let saved = storage::save(&key, assessment);
            if result.is_ok() {
                result = saved;
            }
        }
        if !preview.backup.reviews.is_empty() {
            self.change_reviews(|reviews| reviews.merge(&preview.backup.reviews));
        }
        self.reload_from_storage();
        self.record_write(result);
    }

    /// Everything on this device, as a backup file holds it.
    pub fn current_backup(&self) -> backup::Backup {
        self.read_diary_if_needed();
        backup::Backup {
            exported_at: browser::now(),
            content_version: crate::core::content::framework().version.clone(),
            profiles: self.profiles.get_untracked(),
            assessments: self.assessments.get_untracked(),
            reviews: self.reviews().get_untracked().reviews,
            packs: self.packs().get_untracked().packs,
            evidence: self.evidence.get_untracked(),
            cpd_cycles: self.cycles.get_untracked(),
        }
    }

    /// Downloads a backup of everything and records when, for the backup
    /// reminder; returns false if the browser refused the download.
    pub fn download_backup(&self) -> bool {
        let downloaded = backup::export(&self.current_backup())
            .map(|text| {
                browser::download(
                    &format!(
                        "maps-capability-checker-backup-{}.json",
                        browser::today_iso()
                    ),
                    "application/json",
                    &text,
                )
            })
            .unwrap_or(false);
        if downloaded {
            let now = browser::now();
            self.update_settings(|settings| settings.last_backup_at = Some(now));
        }
        downloaded
    }

    /// Adds a profile and makes it the active one (see `Profiles::add`).
    pub fn add_profile(&self, name: &str) {
        let profile = Profile {
            id: browser::new_id("p"),
            name: name.to_owned(),
            created_at: browser::now(),
        };
        self.update_profiles(|profiles| profiles.add(profile));
    }

    pub fn switch_profile(&self, id: &str) {
        self.update_profiles(|profiles| profiles.switch_to(id));
    }

    pub fn rename_profile(&self, id: &str, name: &str) {
        self.update_profiles(|profiles| profiles.rename(id, name));
    }

    /// Deletes a profile with its assessments, diary entries and regulator
    /// choice, unless it is the last one
    /// (see `Profiles::delete`).
    pub fn delete_profile(&self, id: &str) {
        if !self.records_writable() {
            return;
        }
        if !self
            .profiles
            .with_untracked(|profiles| profiles.can_delete(id))
        {
            return;
        }
        let theirs: Vec<String> = self.assessments.with_untracked(|all| {
            all.iter()
                .filter(|assessment| assessment.profile == id)
                .map(|assessment| assessment.id.clone())
                .collect()
        });
        for assessment in theirs {
            self.delete_assessment(&assessment);
        }
        self.read_diary_if_needed();
        let entries: Vec<String> = self.evidence.with_untracked(|all| {
            all.iter()
                .filter(|entry| entry.profile == id)
                .map(|entry| entry.id.clone())
                .collect()
        });
        for entry in entries {
            self.delete_evidence(&entry);
        }
        if self
            .cycles
            .with_untracked(|cycles| cycles.chosen.contains_key(id))
        {
            let mut cycles = self.cycles.get_untracked();
            cycles.chosen.remove(id);
            let result = storage::save(cpd_rules::CYCLES_KEY, &cycles);
            self.cycles.set(cycles);
            self.record_write(result);
        }
        self.update_profiles(|profiles| {
            profiles.delete(id);
        });
    }

    /// The keys of unreadable values the app moved aside, to download.
    pub fn set_aside_keys(&self) -> Vec<String> {
        storage::keys()
            .into_iter()
            .filter(|key| key.starts_with(records::QUARANTINE_PREFIX))
            .collect()
    }

    /// The text of a value moved aside, as it was found.
    pub fn set_aside_text(&self, key: &str) -> String {
        storage::read_raw(key).unwrap_or_default()
    }

    /// The route finder's answers; reactive.
    pub fn route_finder(&self) -> ReadSignal<Answers> {
        self.route_finder.read_only()
    }

    /// Why stored route finder answers were not used, if they were not.
    pub fn route_finder_kept(&self) -> ReadSignal<Option<RouteFinderKept>> {
        self.route_finder_kept.read_only()
    }

    /// Changes the route finder's answers and saves them, unless storage
    /// holds answers this release must not overwrite.
    pub fn change_route_finder(&self, edit: impl FnOnce(&mut Answers)) {
        if !self.records_writable() {
            return;
        }
        self.route_finder.update(edit);
        let kept = self.route_finder_kept.get_untracked();
        if kept.is_some_and(|kept| !kept.writable()) {
            return;
        }
        let result = storage::save(ROUTE_FINDER_KEY, &self.route_finder.get_untracked());
        self.record_write(result);
    }

    /// Removes the route finder's answers, including any kept unreadable.
    pub fn clear_route_finder(&self) {
        if !self.records_writable() {
            return;
        }
        storage::remove(ROUTE_FINDER_KEY);
        self.route_finder.set(Answers::default());
        self.route_finder_kept.set(None);
    }

    /// From now on nothing is written to localStorage; everything lives in
    /// this tab's sessionStorage and is gone when it closes.
    pub fn start_guest_session(&self) -> bool {
        let started = storage::start_guest_session();
        self.reload_from_storage();
        started
    }

    /// Drops everything the guest session held and goes back to the device.
    pub fn end_guest_session(&self) {
        storage::end_guest_session();
        self.reload_from_storage();
        self.save_status.set(SaveStatus::Saved);
    }

    pub fn retry_pending_writes(&self) {
        let waiting = storage::retry_pending();
        self.save_status.set(if waiting == 0 {
            SaveStatus::Saved
        } else {
            SaveStatus::Full { pending: waiting }
        });
    }

    /// Another tab changed `key` to `new_value` (None when removed). Merge
    /// it in item by item so neither tab's newer answers are lost.
    pub fn apply_change_from_other_tab(&self, key: Option<String>, new_value: Option<String>) {
        let Some(key) = key else {
            // `localStorage.clear()` in another tab reports no key.
            self.reload_from_storage();
            return;
        };
        if key == packs::PACKS_KEY {
            self.reread_packs();
            return;
        }
        if key == records::PROFILES_KEY {
            if let Some(records::Decoded::Current(profiles)) =
                new_value.as_deref().map(records::decode::<Profiles>)
            {
                self.profiles.set(profiles);
            }
            return;
        }
        if key == review::REVIEWS_KEY {
            // A review added in another tab: merged in where the reviews
            // are next read (see `reviews`), never lost.
            self.reviews_read.set_value(false);
            self.reviews_stale.notify();
            return;
        }
        if key.starts_with(evidence::EVIDENCE_PREFIX) || key == cpd_rules::CYCLES_KEY {
            // Entries are saved whole, so the other tab's copy is the
            // newest: the diary is read again where it is shown.
            self.diary_read.set(false);
            return;
        }
        let Some(id) = key.strip_prefix(records::ASSESSMENT_PREFIX) else {
            return;
        };
        match new_value.as_deref().map(records::decode::<Assessment>) {
            None => self
                .assessments
                .update(|all| all.retain(|assessment| assessment.id != id)),
            Some(records::Decoded::Current(theirs)) => self.merge_from_other_tab(theirs),
            Some(records::Decoded::Migrated(theirs)) => {
                // An older release, still open in another tab, wrote its copy
                // in its own format over ours. Merged, ours goes back, so the
                // answers given here are not lost when this tab closes.
                let id = theirs.id.clone();
                self.merge_from_other_tab(theirs);
                self.update_assessment(&id, |_| {});
            }
            Some(_) => {}
        }
    }

    fn merge_from_other_tab(&self, theirs: Assessment) {
        self.assessments.update(
            |all| match all.iter_mut().find(|mine| mine.id == theirs.id) {
                Some(mine) => mine.merge(&theirs),
                None => all.insert(0, theirs),
            },
        );
    }

    /// Removes everything this app keeps on the device.
    pub fn clear_device(&self) {
        storage::clear_all();
        self.reload_from_storage();
        self.save_status.set(SaveStatus::Saved);
    }
}

/// Supervisor review (see `core::review`): the reviews of this device's
/// assessments, and a review in progress kept under its own key, never
/// among the device's assessments.
impl AppState {
    /// Every review of this device's assessments; reactive. They are read
    /// from storage when first asked for, not at start-up: the first page
    /// shows none, so their code stays out of the first load (README,
    /// "Size rules"). Read again, merged with this tab's, after another tab
    /// changed them.
    pub fn reviews(&self) -> ReadSignal<Reviews> {
        self.reviews_stale.track();
        self.read_reviews();
        self.reviews.read_only()
    }

    /// The review in progress on this device, if any; reactive. Read with
    /// the reviews.
    pub fn review_draft(&self) -> ReadSignal<Option<ReviewDraft>> {
        self.reviews_stale.track();
        self.read_reviews();
        self.review_draft.read_only()
    }

    /// Reads the reviews and the review in progress unless they have been
    /// read since they last changed elsewhere. Reviews already held are
    /// kept: one whose write failed is not lost from the page.
    fn read_reviews(&self) {
        if self.reviews_read.get_value() {
            return;
        }
        self.reviews_read.set_value(true);
        let mut notices = Vec::new();
        let (stored, draft) = load_reviews(browser::now(), &mut notices);
        self.reviews.update(|mine| mine.merge(&stored.reviews));
        self.review_draft.set(draft);
        if !notices.is_empty() {
            // Read again after another tab's change: each said once.
            self.notices.update(|all| {
                for notice in notices {
                    if !all.contains(&notice) {
                        all.push(notice);
                    }
                }
            });
        }
    }

    /// Drops the reviews held, as after the device was cleared or a backup
    /// imported: they are read afresh where they are next shown.
    fn forget_reviews(&self) {
        self.reviews.set(Reviews::default());
        self.review_draft.set(None);
        self.reviews_read.set_value(false);
        self.reviews_stale.notify();
    }

    /// Changes the reviews and saves them at once. The stored copy is
    /// merged in first, so a review added in another tab is not lost; a
    /// copy saved by a newer release is never written over (the change is
    /// shown, and the write reported as refused).
    pub fn change_reviews(&self, change: impl FnOnce(&mut Reviews)) {
        self.read_reviews();
        let mut reviews = self.reviews.get_untracked();
        let stored = storage::load::<Reviews>(review::REVIEWS_KEY, browser::now());
        if let Loaded::Found(stored) = &stored {
            reviews.merge(&stored.reviews);
        }
        change(&mut reviews);
        let result = match stored {
            Loaded::TooNew(_) => Err(newer_release_holds("the supervisor reviews")),
            _ => storage::save(review::REVIEWS_KEY, &reviews),
        };
        self.reviews.set(reviews);
        self.record_write(result);
    }

    /// Adds a confirmed review (see `Reviews::add`).
    pub fn add_review(&self, review: Review) -> Added {
        let mut added = Added::AlreadyHere;
        self.change_reviews(|reviews| added = reviews.add(review));
        added
    }

    /// Starts, changes or (with `None`) removes the review in progress. A
    /// review in progress saved by a newer release is left as it is.
    pub fn set_review_draft(&self, draft: Option<ReviewDraft>) {
        self.read_reviews();
        let stored_by_newer = storage::read_raw(review::REVIEW_DRAFT_KEY).is_some_and(|text| {
            matches!(
                records::decode::<ReviewDraft>(&text),
                records::Decoded::TooNew(_)
            )
        });
        let result = match &draft {
            _ if stored_by_newer => Err(newer_release_holds("the review in progress")),
            Some(draft) => storage::save(review::REVIEW_DRAFT_KEY, draft),
            None => {
                storage::remove(review::REVIEW_DRAFT_KEY);
                Ok(())
            }
        };
        self.review_draft.set(draft);
        self.record_write(result);
    }

    /// Changes the review in progress, if there is one, and saves it.
    pub fn change_review_draft(&self, change: impl FnOnce(&mut ReviewDraft)) {
        if let Some(mut draft) = self.review_draft().get_untracked() {
            change(&mut draft);
            self.set_review_draft(Some(draft));
        }
    }
}

/// The write refused because a newer release of the app, open in another
/// tab, saved `what` in a format this one cannot read.
fn newer_release_holds(what: &str) -> WriteError {
    WriteError::Refused(format!(
        "a newer version of this app, open in another tab, saved {what}: reload this page to carry on"
    ))
}

/// The stored reviews, with times ahead of the clock brought back to it,
/// and the review in progress, if any.
fn load_reviews(now: u64, notices: &mut Vec<Notice>) -> (Reviews, Option<ReviewDraft>) {
    let reviews = match storage::load::<Reviews>(review::REVIEWS_KEY, now) {
        Loaded::Found(mut reviews) => {
            let clamped = reviews
                .reviews
                .iter_mut()
                .map(|review| review.clamp_future(now))
                .filter(|clamped| *clamped)
                .count();
            if clamped > 0 {
                let _ = storage::save(review::REVIEWS_KEY, &reviews);
            }
            reviews
        }
        Loaded::Missing => Reviews::default(),
        other => {
            notices.extend(notice_for(review::REVIEWS_KEY, other));
            Reviews::default()
        }
    };
    let draft = match storage::load::<ReviewDraft>(review::REVIEW_DRAFT_KEY, now) {
        Loaded::Found(draft) => Some(draft),
        Loaded::Missing => None,
        other => {
            notices.extend(notice_for(review::REVIEW_DRAFT_KEY, other));
            None
        }
    };
    (reviews, draft)
}

/// The evidence and CPD diary (issue 23). It is read from storage the
/// first time a page needs it and again after storage changed under it
/// (another tab, an import, clearing the device): only the pages that show
/// the diary call these methods, so the first page neither waits for it
/// nor carries the code that decodes it. A damaged entry is set aside with
/// a notice when the diary is read.
impl AppState {
    /// Reads the diary if it is not read yet. Called where it is shown,
    /// which may be while a view is drawn: the view, following
    /// `diary_read`, is drawn again with what was read.
    fn read_diary_if_needed(&self) {
        if self.diary_read.get_untracked() {
            return;
        }
        let mut notices = Vec::new();
        let (entries, cycles) = load_diary(browser::now(), &mut notices);
        self.evidence.set(entries);
        self.cycles.set(cycles);
        if !notices.is_empty() {
            self.notices.update(|all| all.extend(notices));
        }
        self.diary_read.set(true);
    }

    /// The active profile's diary entries, in stored order; reactive.
    pub fn my_evidence(&self) -> Vec<EvidenceEntry> {
        self.diary_read.track();
        self.read_diary_if_needed();
        let active = self.active_profile_id();
        self.evidence.with(|all| {
            all.iter()
                .filter(|entry| entry.profile == active)
                .cloned()
                .collect()
        })
    }

    /// Adds or replaces a diary entry and saves it.
    pub fn save_evidence(&self, entry: EvidenceEntry) {
        self.read_diary_if_needed();
        let result = storage::save(&evidence::evidence_key(&entry.id), &entry);
        self.evidence.update(
            |all| match all.iter_mut().find(|existing| existing.id == entry.id) {
                Some(slot) => *slot = entry,
                None => all.push(entry),
            },
        );
        self.record_write(result);
    }

    pub fn delete_evidence(&self, id: &str) {
        self.read_diary_if_needed();
        storage::remove(&evidence::evidence_key(id));
        self.evidence
            .update(|all| all.retain(|entry| entry.id != id));
        self.retry_pending_writes();
        self.storage_used.set(storage::used_units());
    }

    /// What the diary takes in storage, in UTF-16 code units; reactive.
    pub fn diary_units(&self) -> usize {
        self.storage_used.track();
        storage::used_units_under(evidence::EVIDENCE_PREFIX)
            + storage::used_units_under(cpd_rules::CYCLES_KEY)
    }

    /// The active profile's regulator and cycle start, if chosen; reactive.
    pub fn my_cycle(&self) -> Option<cpd_rules::Cycle> {
        self.diary_read.track();
        self.read_diary_if_needed();
        let active = self.active_profile_id();
        self.cycles
            .with(|cycles| cycles.chosen.get(&active).cloned())
    }

    /// Sets the active profile's regulator and cycle start.
    pub fn set_cycle(&self, cycle: cpd_rules::Cycle) {
        self.read_diary_if_needed();
        let mut cycles = self.cycles.get_untracked();
        cycles.chosen.insert(self.active_profile_id(), cycle);
        let result = storage::save(cpd_rules::CYCLES_KEY, &cycles);
        self.cycles.set(cycles);
        self.record_write(result);
    }
}

/// Every diary entry and the cycle choices; a damaged entry is quarantined
/// on its own and the rest still load.
fn load_diary(now: u64, notices: &mut Vec<Notice>) -> (Vec<EvidenceEntry>, Cycles) {
    let cycles = match storage::load::<Cycles>(cpd_rules::CYCLES_KEY, now) {
        Loaded::Found(cycles) => cycles,
        Loaded::Missing => Cycles::default(),
        other => {
            notices.extend(notice_for(cpd_rules::CYCLES_KEY, other));
            Cycles::default()
        }
    };
    let mut entries = Vec::new();
    for key in storage::keys() {
        if !key.starts_with(evidence::EVIDENCE_PREFIX) {
            continue;
        }
        match storage::load::<EvidenceEntry>(&key, now) {
            Loaded::Found(entry) => entries.push(entry),
            Loaded::Missing => {}
            other => notices.extend(notice_for(&key, other)),
        }
    }
    (entries, cycles)
}

fn notice_for<T>(key: &str, loaded: Loaded<T>) -> Option<Notice> {
    match loaded {
        Loaded::Quarantined {
            reason,
            quarantine_key,
        } => Some(Notice::Quarantined {
            original: key.to_owned(),
            quarantine_key,
            reason,
        }),
        Loaded::TooNew(version) => Some(Notice::TooNew {
            key: key.to_owned(),
            version,
        }),
        Loaded::Missing | Loaded::Found(_) => None,
    }
}

/// The app's state, provided by `App` before any page renders.
///
/// # Panics
/// Outside `App` (a wiring mistake, caught by every browser test): a second
/// state would save behind the shell's back, so it fails loudly instead.
pub fn use_app_state() -> AppState {
    expect_context::<AppState>()
}
