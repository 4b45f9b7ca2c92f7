//! Browser tests: the storage module against Chromium's real localStorage,
//! and the storage banner in a real DOM. Run with `make web-test`.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use maps_capability_checker::{
    components::storage_banner::StorageBanner,
    core::{
        assessment::{Assessment, Rating, Scope},
        evidence::evidence_key,
        framework::Stage,
        records::{self, Decoded, Profiles},
        review::{Method, Review, Reviews, Supervisor, REVIEWS_KEY},
        roles::RoleId,
        route_finder::{Background, ROUTE_FINDER_KEY},
    },
    lazy::PageCodeFailed,
    navigation::Navigation,
    state::{
        AppState, Notice, RecordsCode, RecordsCodeFetch, RecordsCodeSource, RecordsRead,
        RecordsTask, RouteFinderKept, SaveStatus,
    },
    storage::{self, Backend, Loaded, WriteError},
};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const ASSESSMENT_V1: &str = include_str!("fixtures/assessment-v1.json");

fn local() -> web_sys::Storage {
    web_sys::window()
        .and_then(|window| window.local_storage().ok().flatten())
        .unwrap_or_else(|| panic!("the test browser has no localStorage"))
}

/// Every test starts from an empty store: all tests share one page.
fn fresh() {
    let storage = local();
    let _ = storage.clear();
    if let Some(session) =
        web_sys::window().and_then(|window| window.session_storage().ok().flatten())
    {
        let _ = session.clear();
    }
    storage::reopen();
}

fn sample(id: &str) -> Assessment {
    Assessment::new(
        id.into(),
        "me".into(),
        RoleId::Accp,
        Stage::Experienced,
        Scope::Quick,
        "1.0.0".into(),
        1,
    )
}

/// A fresh element to mount into: all tests share one page.
fn new_host() -> web_sys::HtmlElement {
    let document = web_sys::window()
        .and_then(|window| window.document())
        .unwrap_or_else(|| panic!("no document"));
    let host = document
        .create_element("div")
        .unwrap_or_else(|_| panic!("no div"));
    let _ = document.body().map(|body| body.append_child(&host));
    host.unchecked_into()
}

fn run_js(code: &str) {
    let function = js_sys::Function::new_no_args(code);
    let _ = function.call0(&wasm_bindgen::JsValue::NULL);
}

/// What Chromium does when site data is blocked: reading
/// `window.localStorage` throws a SecurityError. The real accessor is kept
/// and put back afterwards.
fn block_storage() {
    run_js(
        "window.__realStorage = Object.getOwnPropertyDescriptor(window, 'localStorage');
         Object.defineProperty(window, 'localStorage', { configurable: true,
           get() { throw new DOMException('blocked', 'SecurityError'); } });",
    );
}

fn unblock_storage() {
    run_js("Object.defineProperty(window, 'localStorage', window.__realStorage);");
}

#[wasm_bindgen_test]
fn a_saved_assessment_is_read_back_from_real_local_storage() {
    fresh();
    let mut assessment = sample("round-trip");
    assessment.set_rating("pvb-01", Some(Rating::Level(3)), 2);
    assert_eq!(
        storage::save(&records::assessment_key("round-trip"), &assessment),
        Ok(())
    );
    let raw = local()
        .get_item("mapscc/assessment/round-trip")
        .ok()
        .flatten()
        .unwrap_or_default();
    assert!(raw.contains("\"version\":5"), "{raw}");
    assert!(raw.contains("\"answers\":{\"pvb-01\":[3,2]}"), "{raw}");
    match storage::load::<Assessment>(&records::assessment_key("round-trip"), 3) {
        Loaded::Found(loaded) => assert_eq!(loaded, assessment),
        _ => panic!("the saved assessment did not load"),
    }
}

#[wasm_bindgen_test]
fn an_assessment_saved_by_a_newer_release_is_not_overwritten() {
    fresh();
    let newer = r#"{"app":"maps-capability-checker","kind":"assessment","version":99,"data":{}}"#;
    let _ = local().set_item("mapscc/assessment/shared", newer);
    let mut assessment = sample("shared");
    assessment.set_rating("pvb-01", Some(Rating::Level(2)), 2);
    let (_, result) = storage::save_assessment(&assessment);
    assert!(matches!(result, Err(WriteError::Refused(_))), "{result:?}");
    assert_eq!(
        local()
            .get_item("mapscc/assessment/shared")
            .ok()
            .flatten()
            .as_deref(),
        Some(newer)
    );
}

#[wasm_bindgen_test]
fn corrupt_record_is_quarantined_not_deleted() {
    fresh();
    let _ = local().set_item("mapscc/assessment/broken", "{not json");
    match storage::load::<Assessment>("mapscc/assessment/broken", 77) {
        Loaded::Quarantined {
            quarantine_key: Some(key),
            ..
        } => {
            assert_eq!(key, "mapscc/quarantine/77/assessment/broken");
            assert_eq!(
                local().get_item(&key).ok().flatten().as_deref(),
                Some("{not json")
            );
            assert_eq!(
                local().get_item("mapscc/assessment/broken").ok().flatten(),
                None
            );
        }
        _ => panic!("the corrupt value was not quarantined"),
    }
}

#[wasm_bindgen_test]
fn a_stored_version_1_assessment_is_migrated_and_written_back() {
    fresh();
    let _ = local().set_item("mapscc/assessment/a-fixture-v1", ASSESSMENT_V1);
    let Loaded::Found(assessment) =
        storage::load::<Assessment>("mapscc/assessment/a-fixture-v1", 5)
    else {
        panic!("the version 1 record did not load");
    };
    assert_eq!(assessment.rating("pvb-01"), Some(Rating::Level(3)));
    let rewritten = local()
        .get_item("mapscc/assessment/a-fixture-v1")
        .ok()
        .flatten()
        .unwrap_or_default();
    assert!(
        matches!(
            records::decode::<Assessment>(&rewritten),
            Decoded::Current(_)
        ),
        "{rewritten}"
    );
}

/// Fills the origin's quota with filler values, halving the chunk until
/// not one more character fits; returns how many were written.
fn fill_storage() -> usize {
    let storage = local();
    let mut chunk = 1 << 20;
    let mut filler = 0;
    while chunk >= 1 {
        if storage
            .set_item(&format!("filler/{filler}"), &"x".repeat(chunk))
            .is_ok()
        {
            filler += 1;
        } else {
            chunk /= 2;
        }
    }
    filler
}

fn empty_filler(count: usize) {
    for index in 0..count {
        let _ = local().remove_item(&format!("filler/{index}"));
    }
}

/// An `AppState` made inside a mounted view, as the app makes it, with
/// the records code linked in.
fn mounted_state() -> (AppState, leptos::mount::UnmountHandle<impl Mountable>) {
    mounted_state_with(RecordsCodeSource::Linked(AppState::run_records_task))
}

/// As [`mounted_state`], with the records code from `source`.
fn mounted_state_with(
    source: RecordsCodeSource,
) -> (AppState, leptos::mount::UnmountHandle<impl Mountable>) {
    let made = std::rc::Rc::new(std::cell::Cell::new(None));
    let slot = made.clone();
    let handle = leptos::mount::mount_to(new_host(), move || {
        slot.set(Some(AppState::load(source)));
        view! { <p>"state"</p> }
    });
    match made.get() {
        Some(state) => (state, handle),
        None => panic!("the state was not made"),
    }
}

#[wasm_bindgen_test]
fn route_finder_answers_are_saved_by_the_state_which_reports_a_full_store() {
    // Issue 21: the route finder page wrote to storage itself, so a full
    // store never reached the shared "Not saved" banner.
    fresh();
    let (state, handle) = mounted_state();
    state.change_route_finder(|answers| answers.years_qualified = Some(3));
    let stored = local()
        .get_item(ROUTE_FINDER_KEY)
        .ok()
        .flatten()
        .unwrap_or_default();
    assert!(stored.contains("\"years-qualified\":3"), "{stored}");
    let filler = fill_storage();
    state.change_route_finder(|answers| {
        answers.set_background(Some(Background::OperatingDepartmentPractitioner));
        answers.current_role = Some(RoleId::Accp);
    });
    let status = state.save_status().get_untracked();
    empty_filler(filler);
    let _ = storage::retry_pending();
    drop(handle);
    assert!(matches!(status, SaveStatus::Full { .. }), "{status:?}");
}

#[wasm_bindgen_test]
fn the_diary_is_read_when_first_shown_and_a_damaged_entry_is_set_aside_alone() {
    // Issue 23: the diary is not read at start-up, so its code stays out
    // of the first page's wasm; a damaged entry must still be set aside,
    // never deleted, when a page first shows the diary.
    fresh();
    let _ = local().set_item(
        &evidence_key("e-fixture"),
        include_str!("fixtures/evidence-v1.json"),
    );
    let _ = local().set_item(&evidence_key("broken"), "{not json");
    let (state, handle) = mounted_state();
    let at_start = local().get_item(&evidence_key("broken")).ok().flatten();
    let entries = state.my_evidence();
    let notices = state.notices().get_untracked();
    let after = local().get_item(&evidence_key("broken")).ok().flatten();
    let set_aside: Vec<String> = state
        .set_aside_keys()
        .into_iter()
        .filter(|key| key.ends_with("/evidence/broken"))
        .map(|key| state.set_aside_text(&key))
        .collect();
    drop(handle);
    assert_eq!(at_start.as_deref(), Some("{not json"));
    assert_eq!(
        entries
            .iter()
            .map(|entry| entry.id.as_str())
            .collect::<Vec<_>>(),
        ["e-fixture"]
    );
    assert!(
        notices.iter().any(|notice| matches!(
            notice,
            Notice::Quarantined { original, .. } if original == "mapscc/evidence/broken"
        )),
        "{notices:?}"
    );
    assert_eq!(after, None);
    assert_eq!(set_aside, ["{not json"]);
}

#[wasm_bindgen_test]
fn route_finder_answers_from_a_newer_release_are_kept_as_they_are() {
    fresh();
    let newer = r#"{"app":"maps-capability-checker","kind":"route-finder","version":99,"data":{}}"#;
    let _ = local().set_item(ROUTE_FINDER_KEY, newer);
    let (state, handle) = mounted_state();
    assert_eq!(
        state.route_finder_kept().get_untracked(),
        Some(RouteFinderKept::TooNew)
    );
    state.change_route_finder(|answers| answers.years_qualified = Some(2));
    let stored = local().get_item(ROUTE_FINDER_KEY).ok().flatten();
    drop(handle);
    assert_eq!(stored.as_deref(), Some(newer));
}

#[wasm_bindgen_test]
fn a_full_store_reports_the_failed_write_keeps_older_data_and_retries_later() {
    fresh();
    let key = records::assessment_key("full");
    let mut assessment = sample("full");
    assert_eq!(storage::save(&key, &assessment), Ok(()));
    let before = local().get_item(&key).ok().flatten();

    let filler = fill_storage();

    assessment.set_note("pvb-01", &"evidence ".repeat(200), 9);
    assert_eq!(storage::save(&key, &assessment), Err(WriteError::Full));
    assert_eq!(
        local().get_item(&key).ok().flatten(),
        before,
        "the older saved value was damaged"
    );
    assert_eq!(storage::pending_writes(), 1);

    empty_filler(filler);
    assert_eq!(storage::retry_pending(), 0);
    match storage::load::<Assessment>(&key, 10) {
        Loaded::Found(saved) => assert!(saved.note("pvb-01").starts_with("evidence")),
        _ => panic!("the retried write did not land"),
    }
}

#[wasm_bindgen_test]
fn blocked_storage_falls_back_to_memory_and_keeps_working() {
    fresh();
    block_storage();
    storage::reopen();
    let backend = storage::backend();
    let saved = storage::save(records::PROFILES_KEY, &Profiles::default());
    let loaded = matches!(
        storage::load::<Profiles>(records::PROFILES_KEY, 1),
        Loaded::Found(_)
    );
    unblock_storage();
    storage::reopen();
    assert_eq!(backend, Backend::MemoryOnly);
    assert_eq!(saved, Ok(()));
    assert!(loaded, "a value saved in memory was not read back");
    assert_eq!(local().get_item(records::PROFILES_KEY).ok().flatten(), None);
}

#[wasm_bindgen_test]
async fn the_banner_warns_when_nothing_will_be_kept() {
    fresh();
    block_storage();
    storage::reopen();
    let host = new_host();
    let handle = leptos::mount::mount_to(host.clone(), || {
        provide_context(AppState::load(RecordsCodeSource::Linked(
            AppState::run_records_task,
        )));
        provide_context(Navigation::start());
        view! { <StorageBanner/> }
    });
    // Unblock before awaiting: other tests run while this one waits.
    unblock_storage();
    storage::reopen();
    leptos::task::tick().await;
    let text = host.text_content().unwrap_or_default();
    drop(handle);
    assert!(text.contains("Nothing will be kept"), "{text}");
}

#[wasm_bindgen_test]
fn a_guest_session_writes_nothing_to_local_storage() {
    fresh();
    assert!(storage::start_guest_session());
    assert_eq!(storage::backend(), Backend::Guest);
    assert_eq!(
        storage::save(records::PROFILES_KEY, &Profiles::default()),
        Ok(())
    );
    assert_eq!(local().get_item(records::PROFILES_KEY).ok().flatten(), None);
    storage::end_guest_session();
    assert_eq!(storage::backend(), Backend::Device);
}

fn session() -> web_sys::Storage {
    web_sys::window()
        .and_then(|window| window.session_storage().ok().flatten())
        .unwrap_or_else(|| panic!("the test browser has no sessionStorage"))
}

/// A `storage` event as the browser fires it when another tab writes `area`.
fn storage_event(area: &web_sys::Storage) -> web_sys::StorageEvent {
    let init = web_sys::StorageEventInit::new();
    init.set_key(Some(records::PROFILES_KEY));
    init.set_new_value(Some("{}"));
    init.set_storage_area(Some(area));
    web_sys::StorageEvent::new_with_event_init_dict("storage", &init)
        .unwrap_or_else(|_| panic!("could not make a storage event"))
}

#[wasm_bindgen_test]
fn a_guest_tab_takes_nothing_from_the_devices_storage_events() {
    // Issue 16 item 1: a presenter tab showed the device owner's data.
    fresh();
    assert!(storage::is_about_our_storage(&storage_event(&local())));
    assert!(!storage::is_about_our_storage(&storage_event(&session())));
    assert!(storage::start_guest_session());
    assert!(!storage::is_about_our_storage(&storage_event(&local())));
    storage::end_guest_session();
    block_storage();
    storage::reopen();
    let memory_only = storage::backend();
    unblock_storage();
    storage::reopen();
    assert_eq!(memory_only, Backend::MemoryOnly);
}

#[wasm_bindgen_test]
async fn the_state_asks_the_browser_to_keep_data_once_something_is_stored() {
    // Issue 16 item 5: `navigator.storage.persist()` once there is data.
    fresh();
    let mut assessment = sample("persist");
    assessment.set_rating("pvb-01", Some(Rating::Level(2)), 2);
    let _ = storage::save(&records::assessment_key("persist"), &assessment);
    // Mounted as the app mounts it, so its tasks can run.
    let (state, handle) = mounted_state();
    for _ in 0..50 {
        if state.persisted().get_untracked().is_some() {
            break;
        }
        leptos::task::tick().await;
        sleep(20).await;
    }
    // Chromium answers from its own rules; what matters is that it was
    // asked and its answer is shown, not what it decided.
    assert!(
        state.persisted().get_untracked().is_some(),
        "the browser's answer about keeping data never arrived"
    );
    assert!(storage::used_units() > 0);
    drop(handle);
}

/// A confirmed review of assessment `assessment_id`, with no items.
fn review(id: &str, assessment_id: &str) -> Review {
    Review {
        id: id.into(),
        assessment_id: assessment_id.into(),
        reviewed_at: 5,
        supervisor: Supervisor {
            name: "Dr Ada Jones".into(),
            role: "Consultant".into(),
            registration: String::new(),
        },
        method: Method::SameDevice,
        fingerprint: "0000-0000-0000-0000".into(),
        items: Default::default(),
    }
}

fn review_ids(state: &AppState) -> Vec<String> {
    state
        .reviews()
        .get_untracked()
        .reviews
        .iter()
        .map(|review| review.id.clone())
        .collect()
}

#[wasm_bindgen_test]
fn reviews_are_read_on_first_use_and_another_tabs_are_merged_in() {
    fresh();
    let mine = Reviews {
        reviews: vec![review("r1", "a1")],
    };
    let _ = storage::save(REVIEWS_KEY, &mine);
    let (state, handle) = mounted_state();
    assert_eq!(review_ids(&state), ["r1"]);
    // Another tab saved a second review (its copy holds only that one, as
    // if it had not seen the first).
    let theirs = records::encode(&Reviews {
        reviews: vec![review("r2", "a1")],
    })
    .unwrap_or_default();
    let _ = local().set_item(REVIEWS_KEY, &theirs);
    state.apply_change_from_other_tab(Some(REVIEWS_KEY.into()), Some(theirs));
    let merged = review_ids(&state);
    state.clear_device();
    let cleared = review_ids(&state);
    drop(handle);
    assert_eq!(merged, ["r1", "r2"]);
    assert!(cleared.is_empty(), "{cleared:?}");
}

#[wasm_bindgen_test]
fn reviews_saved_by_a_newer_release_are_not_overwritten() {
    fresh();
    let newer = r#"{"app":"maps-capability-checker","kind":"reviews","version":99,"data":{}}"#;
    let _ = local().set_item(REVIEWS_KEY, newer);
    let (state, handle) = mounted_state();
    state.add_review(review("r1", "a1"));
    let status = state.save_status().get_untracked();
    let stored = local().get_item(REVIEWS_KEY).ok().flatten();
    drop(handle);
    assert!(matches!(status, SaveStatus::Refused(_)), "{status:?}");
    assert_eq!(stored.as_deref(), Some(newer));
}

async fn sleep(millis: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, millis);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Records code that never comes, as when its chunk cannot be fetched.
fn records_code_missing() -> RecordsCodeFetch {
    Box::pin(async { Err(PageCodeFailed) })
}

/// Records code that comes as from a chunk, one task later.
fn records_code_arriving() -> RecordsCodeFetch {
    Box::pin(async { Ok(AppState::run_records_task as RecordsCode) })
}

const SETTINGS_V2: &str = include_str!("fixtures/settings-v2.json");

#[wasm_bindgen_test]
async fn records_not_yet_read_are_never_written_over() {
    // Thirteenth session: the records are read by code in a chunk of its
    // own, so a write could come before they are read. It is refused and
    // said so; what storage holds stays as it was.
    fresh();
    let _ = local().set_item(records::SETTINGS_KEY, SETTINGS_V2);
    let (state, handle) = mounted_state_with(RecordsCodeSource::Chunk(records_code_missing));
    let before_fetch = state.records_read().get_untracked();
    state.update_settings(|settings| settings.presenter = true);
    state.change_route_finder(|answers| answers.years_qualified = Some(3));
    leptos::task::tick().await;
    let after_fetch = state.records_read().get_untracked();
    let status = state.save_status().get_untracked();
    let settings = local().get_item(records::SETTINGS_KEY).ok().flatten();
    let route_finder = local().get_item(ROUTE_FINDER_KEY).ok().flatten();
    drop(handle);
    assert_eq!(before_fetch, RecordsRead::Waiting);
    assert_eq!(after_fetch, RecordsRead::CodeFailed);
    assert!(matches!(status, SaveStatus::Refused(_)), "{status:?}");
    assert_eq!(settings.as_deref(), Some(SETTINGS_V2));
    assert_eq!(route_finder, None);
}

#[wasm_bindgen_test]
async fn records_are_read_when_their_code_comes_and_tasks_run_in_order() {
    fresh();
    let _ = local().set_item(records::SETTINGS_KEY, SETTINGS_V2);
    let (state, handle) = mounted_state_with(RecordsCodeSource::Chunk(records_code_arriving));
    // Another tab's change, before the code is here: run after the read.
    let mut theirs = sample("other-tab");
    theirs.set_rating("pvb-01", Some(Rating::Level(3)), 5);
    let key = records::assessment_key("other-tab");
    assert_eq!(storage::save(&key, &theirs), Ok(()));
    state.run_with_records_code(RecordsTask::ChangeFromOtherTab {
        key: Some(key.clone()),
        new_value: local().get_item(&key).ok().flatten(),
    });
    let waiting = state.records_read().get_untracked();
    leptos::task::tick().await;
    let read = state.records_read().get_untracked();
    let last_backup = state
        .settings()
        .with_untracked(|settings| settings.last_backup_at);
    let ids: Vec<String> = state
        .assessments()
        .with_untracked(|all| all.iter().map(|assessment| assessment.id.clone()).collect());
    state.update_settings(|settings| settings.presenter = true);
    let saved = local()
        .get_item(records::SETTINGS_KEY)
        .ok()
        .flatten()
        .unwrap_or_default();
    drop(handle);
    assert_eq!(waiting, RecordsRead::Waiting);
    assert_eq!(read, RecordsRead::Read);
    assert_eq!(last_backup, Some(1_764_400_000_000));
    assert_eq!(ids, ["other-tab"]);
    assert!(saved.contains("\"presenter\":true"), "{saved}");
}

#[wasm_bindgen_test]
fn with_nothing_stored_the_records_code_is_not_fetched() {
    // A first visit has nothing to read: its first page waits for no chunk.
    fresh();
    let (state, handle) = mounted_state_with(RecordsCodeSource::Chunk(|| {
        panic!("the records code was fetched with nothing stored")
    }));
    let read = state.records_read().get_untracked();
    drop(handle);
    assert_eq!(read, RecordsRead::Read);
}

/// `browser::next_task` ends the task it is awaited in, so a long piece of
/// work after it is a task of its own: a task queued before it runs first,
/// and so does a microtask (which a resolved promise alone would not pass).
#[wasm_bindgen_test]
async fn next_task_lets_the_tasks_already_queued_run_first() {
    let order = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let queued = order.clone();
    maps_capability_checker::browser::in_a_new_task(move || queued.borrow_mut().push("task"));
    let microtask = order.clone();
    wasm_bindgen_futures::spawn_local(async move { microtask.borrow_mut().push("microtask") });
    maps_capability_checker::browser::next_task().await;
    order.borrow_mut().push("after next_task");
    assert_eq!(*order.borrow(), ["microtask", "task", "after next_task"]);
}

/// `browser::TaskWatch` goes on within the task when nothing had to be
/// waited for (a chunk here already: its page is drawn before the next
/// paint), and in a task of its own after a real wait.
#[wasm_bindgen_test]
async fn task_watch_adds_a_task_only_after_a_real_wait() {
    use maps_capability_checker::browser::{in_a_new_task, TaskWatch};
    let order = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let queued = order.clone();
    in_a_new_task(move || queued.borrow_mut().push("task queued first"));
    let this_task = TaskWatch::start();
    async {}.await;
    this_task.next_task_if_waited().await;
    order.borrow_mut().push("after nothing to wait for");
    assert_eq!(*order.borrow(), ["after nothing to wait for"]);

    let queued = order.clone();
    let this_task = TaskWatch::start();
    sleep(1).await;
    in_a_new_task(move || queued.borrow_mut().push("task queued as the wait ended"));
    this_task.next_task_if_waited().await;
    order.borrow_mut().push("after a wait");
    assert_eq!(
        *order.borrow(),
        [
            "after nothing to wait for",
            "task queued first",
            "task queued as the wait ended",
            "after a wait"
        ]
    );
}

/// The same words announced twice are said twice: a live region speaks
/// only when its text changes, and a "Try again" that works can draw a
/// page under the same heading as the one announced before (the start
/// page, after the records banner's retry: fresh-user trial, session 15).
#[wasm_bindgen_test]
fn the_same_announcement_twice_changes_the_live_region_each_time() {
    use maps_capability_checker::browser::announce;
    let region = new_host();
    region.set_id("app-announcer");
    let mut said = Vec::new();
    for text in [
        "Explore the roles",
        "Explore the roles",
        "Explore the roles",
        "Results",
    ] {
        announce(text);
        said.push(region.text_content().unwrap_or_default());
    }
    region.remove();
    assert!(said.windows(2).all(|pair| pair[0] != pair[1]), "{said:?}");
    let words: Vec<&str> = said
        .iter()
        .map(|text| text.trim_end_matches('\u{a0}'))
        .collect();
    assert_eq!(
        words,
        [
            "Explore the roles",
            "Explore the roles",
            "Explore the roles",
            "Results"
        ]
    );
}
