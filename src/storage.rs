//! The one place the app touches the browser's storage.
//!
//! localStorage can be missing (blocked by policy), full (QuotaExceededError)
//! or hold values we cannot read. None of these may crash the app or lose an
//! answer silently: every write reports its outcome, failed writes are kept
//! and retried, and unreadable values are moved aside, never deleted.

use crate::core::{
    assessment::{Assessment, Millis},
    limits,
    packs::{Packs, PACKS_KEY},
    records::{self, Decoded, Record},
};
use gloo_storage::{LocalStorage, SessionStorage, Storage};
use std::{cell::RefCell, collections::BTreeMap};
use wasm_bindgen::JsCast;

/// Where this session's data lives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    /// localStorage: kept on this device until cleared.
    Device,
    /// sessionStorage: a guest session, gone when the tab closes.
    Guest,
    /// Nothing kept at all: storage is blocked or missing.
    MemoryOnly,
}

impl Backend {
    /// What the app may promise about answers kept here.
    pub fn keeping(self) -> crate::core::text::Keeping {
        use crate::core::text::Keeping;
        match self {
            Backend::Device => Keeping::Device,
            Backend::Guest => Keeping::GuestTab,
            Backend::MemoryOnly => Keeping::PageOnly,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WriteError {
    /// The browser's storage quota is used up.
    Full,
    /// Storage refused the write for another reason.
    Refused(String),
}

/// What loading one key found.
pub enum Loaded<T> {
    Missing,
    Found(T),
    /// Written by a newer release: shown read-only, never overwritten.
    TooNew(u32),
    /// Unreadable: moved to `quarantine_key`, or left in place if even that
    /// write failed (`quarantine_key` is then `None`).
    Quarantined {
        reason: String,
        quarantine_key: Option<String>,
    },
}

struct Store {
    backend: Backend,
    storage: Option<web_sys::Storage>,
    /// Stands in for storage when there is none, so the app still works.
    memory: BTreeMap<String, String>,
    /// Writes that failed, newest value per key, retried later.
    pending: BTreeMap<String, String>,
    /// What each of this app's stored values takes in storage, in UTF-16
    /// code units (key and value), to warn before storage is full.
    sizes: BTreeMap<String, usize>,
}

thread_local! {
    static STORE: RefCell<Store> = RefCell::new(Store::open());
}

const GUEST_MARKER: &str = "mapscc/guest-session";

/// Probes for localStorage without letting a blocked store throw.
fn local_storage() -> Option<web_sys::Storage> {
    // Accessing `localStorage` throws a SecurityError when the user or a
    // policy blocks site data; `.ok().flatten()` turns that into None.
    let probe = crate::browser::window()?.local_storage().ok().flatten()?;
    // Some browsers hand out a storage object whose every call throws.
    probe.length().ok()?;
    // gloo's accessor expects storage to exist; the probe above has just
    // shown that it does, so this cannot throw.
    Some(LocalStorage::raw())
}

fn session_storage() -> Option<web_sys::Storage> {
    let probe = crate::browser::window()?.session_storage().ok().flatten()?;
    probe.length().ok()?;
    Some(SessionStorage::raw())
}

impl Store {
    fn open() -> Store {
        let guest = session_storage()
            .filter(|storage| matches!(storage.get_item(GUEST_MARKER), Ok(Some(_))));
        let (backend, storage) = match (guest, local_storage()) {
            (Some(session), _) => (Backend::Guest, Some(session)),
            (None, Some(local)) => (Backend::Device, Some(local)),
            (None, None) => (Backend::MemoryOnly, None),
        };
        let mut store = Store {
            backend,
            storage,
            memory: BTreeMap::new(),
            pending: BTreeMap::new(),
            sizes: BTreeMap::new(),
        };
        for key in store.keys() {
            if let Some(value) = store.get(&key) {
                store.sizes.insert(key.clone(), stored_units(&key, &value));
            }
        }
        store
    }

    fn get(&self, key: &str) -> Option<String> {
        if let Some(value) = self.pending.get(key) {
            return Some(value.clone());
        }
        match &self.storage {
            Some(storage) => storage.get_item(key).ok().flatten(),
            None => self.memory.get(key).cloned(),
        }
    }

    fn set(&mut self, key: &str, value: String) -> Result<(), WriteError> {
        let units = stored_units(key, &value);
        let Some(storage) = &self.storage else {
            self.memory.insert(key.to_owned(), value);
            self.sizes.insert(key.to_owned(), units);
            return Ok(());
        };
        match storage.set_item(key, &value) {
            Ok(()) => {
                self.pending.remove(key);
                self.sizes.insert(key.to_owned(), units);
                Ok(())
            }
            Err(error) => {
                self.pending.insert(key.to_owned(), value);
                Err(classify(&error))
            }
        }
    }

    fn remove(&mut self, key: &str) {
        self.pending.remove(key);
        match &self.storage {
            Some(storage) => {
                // A failed removal leaves the value as it was: nothing lost.
                if storage.remove_item(key).is_ok() {
                    self.sizes.remove(key);
                }
            }
            None => {
                self.memory.remove(key);
                self.sizes.remove(key);
            }
        }
    }

    fn keys(&self) -> Vec<String> {
        let mut keys: Vec<String> = match &self.storage {
            Some(storage) => {
                let length = storage.length().unwrap_or(0);
                (0..length)
                    .filter_map(|index| storage.key(index).ok().flatten())
                    .collect()
            }
            None => self.memory.keys().cloned().collect(),
        };
        keys.extend(self.pending.keys().cloned());
        keys.retain(|key| key.starts_with(records::KEY_PREFIX) && key != GUEST_MARKER);
        // In order, without duplicates.
        crate::core::sorting::set_of(keys).into_iter().collect()
    }
}

/// What a key and its value take in web storage, in UTF-16 code units.
fn stored_units(key: &str, value: &str) -> usize {
    limits::storage_units(key) + limits::storage_units(value)
}

fn classify(error: &wasm_bindgen::JsValue) -> WriteError {
    match error.dyn_ref::<web_sys::DomException>() {
        // Browsers disagree on the name; code 22 is the legacy constant.
        Some(exception)
            if exception.name() == "QuotaExceededError"
                || exception.name() == "NS_ERROR_DOM_QUOTA_REACHED"
                || exception.code() == 22 =>
        {
            WriteError::Full
        }
        Some(exception) => WriteError::Refused(exception.message()),
        None => WriteError::Refused("storage refused the write".into()),
    }
}

pub fn backend() -> Backend {
    STORE.with(|store| store.borrow().backend)
}

/// Re-detects storage, as after a guest session starts or ends.
pub fn reopen() {
    STORE.with(|store| *store.borrow_mut() = Store::open());
}

/// What this app's stored values take, in UTF-16 code units, counting
/// writes still waiting; compare with [`limits::STORAGE_QUOTA_UNITS`].
pub fn used_units() -> usize {
    STORE.with(|store| {
        let store = store.borrow();
        let waiting: usize = store
            .pending
            .iter()
            .map(|(key, value)| stored_units(key, value))
            .sum();
        store.sizes.values().sum::<usize>() + waiting
    })
}

/// What this app's stored values whose keys start with `prefix` take, in
/// UTF-16 code units, as [`used_units`] counts them.
pub fn used_units_under(prefix: &str) -> usize {
    STORE.with(|store| {
        let store = store.borrow();
        let stored: usize = store
            .sizes
            .iter()
            .filter(|(key, _)| key.starts_with(prefix) && !store.pending.contains_key(*key))
            .map(|(_, units)| units)
            .sum();
        let waiting: usize = store
            .pending
            .iter()
            .filter(|(key, _)| key.starts_with(prefix))
            .map(|(key, value)| stored_units(key, value))
            .sum();
        stored + waiting
    })
}

/// Whether a `storage` event is about this tab's own storage. A guest tab
/// keeps its data in sessionStorage and a tab without storage keeps it in
/// memory: neither takes anything from localStorage, where the device's
/// own tabs write, and a device tab takes nothing from sessionStorage.
pub fn is_about_our_storage(event: &web_sys::StorageEvent) -> bool {
    STORE.with(|store| {
        let store = store.borrow();
        match (store.backend, &store.storage, event.storage_area()) {
            (Backend::Device, Some(ours), Some(area)) => {
                wasm_bindgen::JsValue::from(ours) == wasm_bindgen::JsValue::from(area)
            }
            _ => false,
        }
    })
}

/// Asks the browser to keep this site's storage until the user clears it
/// (`navigator.storage.persist()`), rather than deleting it when the device
/// runs short of space. `Some(granted)`, or `None` where the browser has no
/// such request or it failed.
pub async fn request_persistence() -> Option<bool> {
    storage_manager_answer(web_sys::StorageManager::persist).await
}

/// Whether the browser has agreed to keep this site's storage
/// (`navigator.storage.persisted()`); `None` where it cannot say.
pub async fn is_persisted() -> Option<bool> {
    storage_manager_answer(web_sys::StorageManager::persisted).await
}

/// The yes or no a `navigator.storage` call promises; `None` where the
/// browser has no such call, it threw, or the answer is not a boolean.
async fn storage_manager_answer(
    call: fn(&web_sys::StorageManager) -> Result<js_sys::Promise, wasm_bindgen::JsValue>,
) -> Option<bool> {
    let manager = crate::browser::window()?.navigator().storage();
    let promise = call(&manager).ok()?;
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .ok()?
        .as_bool()
}

pub fn pending_writes() -> usize {
    STORE.with(|store| store.borrow().pending.len())
}

/// Every key of this app, records and quarantined values alike.
/// Every value of the app's keys as stored, for the recovery file after a
/// panic. The store is read if it can be (so a guest session's values and
/// writes waiting for space are included); if the panic left it borrowed,
/// localStorage is read directly.
pub fn raw_values_after_panic() -> BTreeMap<String, String> {
    let mut values = BTreeMap::new();
    let from_store = STORE
        .try_with(|store| {
            let store = store.try_borrow().ok()?;
            for key in store.keys() {
                if let Some(value) = store.get(&key) {
                    values.insert(key, value);
                }
            }
            Some(())
        })
        .ok()
        .flatten();
    if from_store.is_none() {
        if let Some(area) = local_storage() {
            let length = area.length().unwrap_or(0);
            for key in (0..length).filter_map(|index| area.key(index).ok().flatten()) {
                if !key.starts_with(records::KEY_PREFIX) {
                    continue;
                }
                if let Some(value) = area.get_item(&key).ok().flatten() {
                    values.insert(key, value);
                }
            }
        }
    }
    values
}

pub fn keys() -> Vec<String> {
    STORE.with(|store| store.borrow().keys())
}

pub fn read_raw(key: &str) -> Option<String> {
    STORE.with(|store| store.borrow().get(key))
}

pub fn remove(key: &str) {
    STORE.with(|store| store.borrow_mut().remove(key));
}

pub fn load<T: Record>(key: &str, now: Millis) -> Loaded<T> {
    let Some(text) = read_raw(key) else {
        return Loaded::Missing;
    };
    match records::decode::<T>(&text) {
        Decoded::Current(record) => Loaded::Found(record),
        Decoded::Migrated(record) => {
            // Write the new format back now; if that fails the old value
            // stays and is migrated again next time.
            let _ = save(key, &record);
            Loaded::Found(record)
        }
        Decoded::TooNew(version) => Loaded::TooNew(version),
        Decoded::Unreadable(reason) => {
            let quarantine_key = quarantine(key, text, now);
            Loaded::Quarantined {
                reason,
                quarantine_key,
            }
        }
    }
}

fn quarantine(key: &str, text: String, now: Millis) -> Option<String> {
    let target = records::quarantine_key(key, now);
    STORE.with(|store| {
        let mut store = store.borrow_mut();
        match store.set(&target, text) {
            Ok(()) => {
                store.remove(key);
                Some(target)
            }
            Err(_) => {
                // Could not copy it aside: leave the original untouched.
                store.pending.remove(&target);
                None
            }
        }
    })
}

pub fn save<T: Record>(key: &str, record: &T) -> Result<(), WriteError> {
    let text = records::encode(record).map_err(WriteError::Refused)?;
    STORE.with(|store| store.borrow_mut().set(key, text))
}

/// Saves an assessment without overwriting newer answers another tab wrote
/// since we last read it: the stored copy is merged in first. Returns the
/// merged assessment, which the caller should show.
pub fn save_assessment(assessment: &Assessment) -> (Assessment, Result<(), WriteError>) {
    change_assessment(assessment, |_| {})
}

/// Makes `change` to the newest copy of an assessment and saves it: the
/// stored copy (another tab may have saved since this one read it) is merged
/// into `mine` first, so the change is stamped after everything either copy
/// holds and always wins (see [`crate::core::assessment::next_stamp`]).
/// Returns the changed assessment, which the caller should show.
pub fn change_assessment(
    mine: &Assessment,
    change: impl FnOnce(&mut Assessment),
) -> (Assessment, Result<(), WriteError>) {
    let key = records::assessment_key(&mine.id);
    let mut merged = mine.clone();
    match read_raw(&key).map(|text| records::decode::<Assessment>(&text)) {
        Some(Decoded::Current(stored) | Decoded::Migrated(stored)) => merged.merge(&stored),
        // A newer release, open in another tab, wrote it in a format this
        // one cannot read: writing over it would lose what that tab saved.
        Some(Decoded::TooNew(_)) => {
            change(&mut merged);
            return (
                merged,
                Err(WriteError::Refused(
                    "a newer version of this app, open in another tab, saved this assessment: reload this page to carry on".into(),
                )),
            );
        }
        Some(Decoded::Unreadable(_)) | None => {}
    }
    change(&mut merged);
    let result = save(&key, &merged);
    (merged, result)
}

/// Makes `change` to the newest copy of the local capability packs and
/// saves it: the stored copy is changed when it can be read, as another tab
/// may have loaded or removed a pack since this one read them, and `mine`
/// otherwise. Returns the packs as changed, which the caller should show.
/// Packs saved by a newer release, open in another tab, are not written
/// over: the change is made to `mine` only and refused.
pub fn change_packs(
    mine: &Packs,
    change: impl FnOnce(&mut Packs),
) -> (Packs, Result<(), WriteError>) {
    let mut newest = match read_raw(PACKS_KEY).map(|text| records::decode::<Packs>(&text)) {
        Some(Decoded::Current(stored) | Decoded::Migrated(stored)) => stored,
        Some(Decoded::TooNew(_)) => {
            let mut changed = mine.clone();
            change(&mut changed);
            return (
                changed,
                Err(WriteError::Refused(
                    "a newer version of this app, open in another tab, saved the local packs: reload this page to carry on".into(),
                )),
            );
        }
        Some(Decoded::Unreadable(_)) | None => mine.clone(),
    };
    change(&mut newest);
    let result = save(PACKS_KEY, &newest);
    (newest, result)
}

/// Tries every failed write again, as after the user frees some space.
/// Returns how many are still waiting.
pub fn retry_pending() -> usize {
    STORE.with(|store| {
        let mut store = store.borrow_mut();
        let pending: Vec<(String, String)> =
            std::mem::take(&mut store.pending).into_iter().collect();
        for (key, value) in pending {
            let _ = store.set(&key, value);
        }
        store.pending.len()
    })
}

/// Removes every value this app stored on this device, quarantined ones too.
pub fn clear_all() {
    STORE.with(|store| {
        let mut store = store.borrow_mut();
        for key in store.keys() {
            store.remove(&key);
        }
        store.pending.clear();
    });
}

/// Starts a guest session: from now on nothing goes to localStorage.
pub fn start_guest_session() -> bool {
    let Some(session) = session_storage() else {
        return false;
    };
    if session.set_item(GUEST_MARKER, "1").is_err() {
        return false;
    }
    reopen();
    true
}

/// Ends a guest session, dropping everything it held.
pub fn end_guest_session() {
    if let Some(session) = session_storage() {
        let keys: Vec<String> = (0..session.length().unwrap_or(0))
            .filter_map(|index| session.key(index).ok().flatten())
            .filter(|key| key.starts_with(records::KEY_PREFIX))
            .collect();
        for key in keys {
            let _ = session.remove_item(&key);
        }
    }
    reopen();
}
