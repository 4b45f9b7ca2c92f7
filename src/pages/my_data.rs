use crate::components::error_message::ErrorMessage;
use crate::components::inset_text::InsetText;
use crate::components::page_heading::PageHeading;
use crate::components::text_input::TextInput;
use crate::{
    browser,
    components::{confirm_dialog::ConfirmDialog, storage_banner::describe},
    core::{backup, limits},
    state::{use_app_state, Notice},
    storage::Backend,
};
use leptos::prelude::*;

/// Export, import, set-aside data, and clearing this device.
#[component]
pub fn MyData() -> impl IntoView {
    view! {
        <PageHeading text="My data"/>
        <p>"Everything you enter stays in this browser on this device. Nothing is sent anywhere. Back it up here, move it to another device, or remove it."</p>
        <ProfilesSection/>
        <Keeping/>
        <Export/>
        <Import/>
        <SetAside/>
        <ClearDevice/>
    }
}

/// Whether the browser will keep the data, and what to do where it may not.
#[component]
fn Keeping() -> impl IntoView {
    let state = use_app_state();
    move || {
        (state.backend().get() == Backend::Device).then(|| {
            let used = limits::percent_used(state.storage_used().get());
            view! {
                <h2 class="nhsuk-heading-m" id="keeping">"How long this browser keeps your data"</h2>
                <p>{match state.persisted().get() {
                    Some(true) => "This browser has agreed to keep your data until you delete it.",
                    Some(false) => "This browser has not agreed to keep your data for good: it may delete it if the device runs short of space. Keep a backup.",
                    None => "This browser does not say whether it will keep your data. Keep a backup.",
                }}</p>
                <p>{format!("Your data uses about {used}% of the space this browser gives the app.")}</p>
                {browser::webkit_deletes_unused_data().then(|| view! {
                    <InsetText>
                        <p>"Safari, and every browser on an iPhone or iPad, deletes what a website has stored once the browser has been used for 7 days without the site being opened. Web apps added to the Home Screen are not affected. To keep your answers, open the Share menu and choose "<strong>"Add to Home Screen"</strong>", then use the app from there, and keep a backup. "
                           <a href="https://webkit.org/blog/10218/full-third-party-cookie-blocking-and-more/">"WebKit's announcement of the 7-day limit"</a>" (checked 30 November 2026)."</p>
                    </InsetText>
                })}
            }
        })
    }
}

#[component]
fn Export() -> impl IntoView {
    let failed = RwSignal::new(false);
    view! {
        <h2 class="nhsuk-heading-m" id="export">"Back up my data"</h2>
        <p>"Download a file with all your profiles, assessments and plans. You can import it again here, on this or another device."</p>
        <button class="nhsuk-button" type="button" on:click=move |_| failed.set(!use_app_state().download_backup())>"Download a backup (JSON)"</button>
        {move || failed.get().then(|| view! {
            <ErrorMessage message="The browser did not allow the download. Try again, or use another browser." alert=true/>
        })}
    }
}

/// Reads the chosen file, shows what it would change, and writes only after
/// the user confirms.
#[component]
fn Import() -> impl IntoView {
    let state = use_app_state();
    let error = RwSignal::new(None::<String>);
    let preview = RwSignal::new(None::<backup::ImportPreview>);
    let done = RwSignal::new(None::<String>);
    let on_file = move |event: leptos::ev::Event| {
        error.set(None);
        preview.set(None);
        done.set(None);
        browser::read_chosen_file(&event, "backup", move |text| {
            let checked = text.and_then(|text| {
                backup::preview(
                    &text,
                    &state.assessments().get_untracked(),
                    &state.profiles().get_untracked(),
                    &state.packs().get_untracked().packs,
                    state.checked_framework_untracked(),
                    browser::now(),
                )
                .map_err(|problem| problem.to_string())
            });
            match checked {
                Ok(found) => preview.set(Some(found)),
                Err(message) => error.set(Some(message)),
            }
        });
    };
    let confirm = move |_| {
        let Some(found) = preview.get_untracked() else {
            return;
        };
        state.import_backup(&found);
        done.set(Some(format!(
            "Imported: {} added, {} replaced.",
            found.added.len(),
            found.replaced.len()
        )));
        preview.set(None);
    };
    view! {
        <h2 class="nhsuk-heading-m" id="import">"Import a backup"</h2>
        <div class="nhsuk-form-group" class:nhsuk-form-group--error=move || error.get().is_some()>
            <label class="nhsuk-label" for="import-file">"Backup file"</label>
            <div class="nhsuk-hint" id="import-file-hint">"A .json file downloaded from this app. Nothing changes until you confirm."</div>
            {move || error.get().map(|message| view! {
                <ErrorMessage id="import-file-error" message alert=true/>
            })}
            <input class="nhsuk-file-upload__input app-file-input" id="import-file" type="file" accept=".json,application/json"
                aria-describedby=move || if error.get().is_some() { "import-file-hint import-file-error" } else { "import-file-hint" }
                on:change=on_file/>
        </div>
        {move || preview.get().map(|found| view! {
            <div class="nhsuk-card app-import-preview" on:keydown=move |event| {
                if event.key() == "Escape" {
                    event.prevent_default();
                    preview.set(None);
                    browser::focus_after_render("import-file");
                }
            }>
                <div class="nhsuk-card__content">
                    <h3 class="nhsuk-card__heading nhsuk-heading-s">"Check before importing"</h3>
                    <ul>
                        <li>{format!("{} assessment(s) will be added", found.added.len())}</li>
                        <li>{format!("{} assessment(s) already on this device will be replaced by the file's copy", found.replaced.len())}</li>
                        {(!found.backup.reviews.is_empty()).then(|| view! {
                            <li>{format!("{} supervisor review(s) will be kept with the reviews already here", found.backup.reviews.len())}</li>
                        })}
                        {(!found.new_profiles.is_empty()).then(|| view! { <li>{format!("New profiles: {}", found.new_profiles.join(", "))}</li> })}
                        {(!found.new_packs.is_empty()).then(|| view! { <li>{format!("Local capability packs to add: {}", found.new_packs.join(", "))}</li> })}
                        {(!found.backup.evidence.is_empty()).then(|| view! { <li>{format!("{} evidence diary entries will be added or replace the device's copy", found.backup.evidence.len())}</li> })}
                        {(!found.backup.cpd_cycles.chosen.is_empty()).then(|| view! { <li>"The regulator and cycle start chosen in the diary will be taken from the file"</li> })}
                        {(found.future_dated > 0).then(|| view! {
                            <li>{format!(
                                "{} answer(s) or plan action(s) are dated later than today, so the device that saved them had its clock set ahead. They will be dated today, so that changes you make here are kept",
                                found.future_dated
                            )}</li>
                        })}
                        {(!found.unknown_capabilities.is_empty()).then(|| view! {
                            <li>{format!(
                                "{} answer(s) are for capabilities this version does not have ({}); they will be kept but not scored",
                                found.unknown_capabilities.len(), found.unknown_capabilities.join(", ")
                            )}</li>
                        })}
                    </ul>
                    <div class="app-inline-actions">
                        <button class="nhsuk-button" type="button" on:click=confirm>
                            {if found.replaced.is_empty() { "Import" } else { "Import and replace" }}
                        </button>
                        <button class="nhsuk-button nhsuk-button--secondary" type="button" on:click=move |_| {
                            preview.set(None);
                            browser::focus_after_render("import-file");
                        }>"Cancel"</button>
                    </div>
                </div>
            </div>
        })}
        {move || done.get().map(|message| view! { <p class="app-done" role="status">{message}</p> })}
    }
}

/// Unreadable values the app moved aside: offered for download, never lost.
#[component]
fn SetAside() -> impl IntoView {
    let state = use_app_state();
    move || {
        let kept = state.set_aside_keys();
        let notices: Vec<Notice> = state
            .notices()
            .get()
            .into_iter()
            .filter(|notice| !matches!(notice, Notice::FutureDated { .. }))
            .collect();
        (!kept.is_empty() || !notices.is_empty()).then(|| view! {
            <h2 class="nhsuk-heading-m">"Data that could not be read"</h2>
            <ul>{notices.iter().map(|notice| view! { <li>{describe(notice)}</li> }).collect_view()}</ul>
            <p>"Download a copy to keep it, or to send to someone who can help recover it."</p>
            <ul class="nhsuk-list">
                {kept.into_iter().map(|key| {
                    let label = format!("Download {key}");
                    view! {
                        <li><button class="app-link-button" type="button" on:click=move |_| {
                            let text = state.set_aside_text(&key);
                            let name = key.replace('/', "-");
                            browser::download(&format!("{name}.txt"), "text/plain", &text);
                        }>{label}</button></li>
                    }
                }).collect_view()}
            </ul>
        })
    }
}

#[component]
fn ClearDevice() -> impl IntoView {
    let state = use_app_state();
    let confirming = RwSignal::new(false);
    let cleared = RwSignal::new(None::<&'static str>);
    let keeping = Signal::derive(move || state.backend().get().keeping());
    view! {
        <h2 class="nhsuk-heading-m" id="clear" tabindex="-1">"Clear this device"</h2>
        {move || match state.backend().get() {
            Backend::Device => view! {
                <p>"On a shared or work computer, anyone using this browser can see your answers. Some workplace browsers also delete stored data when they close, so keep a backup."</p>
            }.into_any(),
            Backend::Guest => view! {
                <p>"You are in a guest session: this clears only the guest session's data. To go back to the data saved on this device, end the guest session."</p>
                <button class="nhsuk-button nhsuk-button--secondary" type="button" on:click=move |_| state.end_guest_session()>"End the guest session"</button>
            }.into_any(),
            Backend::MemoryOnly => ().into_any(),
        }}
        {move || if confirming.get() {
            view! {
                <ConfirmDialog id="clear-dialog" title="Remove everything?" opener="clear-open"
                    text=Signal::derive(move || keeping.get().clear_warning())
                    on_close=Callback::new(move |()| confirming.set(false))>
                    <button class="nhsuk-button nhsuk-button--secondary" type="button" on:click=move |_| { use_app_state().download_backup(); }>"Download a backup first"</button>
                    <button class="nhsuk-button nhsuk-button--warning" type="button" on:click=move |_| {
                        let done = keeping.get_untracked().cleared();
                        state.clear_device();
                        confirming.set(false);
                        cleared.set(Some(done));
                        browser::focus_after_render("clear-done");
                    }>"Yes, remove everything"</button>
                </ConfirmDialog>
            }.into_any()
        } else {
            view! {
                <button class="nhsuk-button nhsuk-button--secondary" type="button" id="clear-open" on:click=move |_| {
                    cleared.set(None);
                    confirming.set(true);
                }>"Clear this device"</button>
            }.into_any()
        }}
        {move || cleared.get().map(|done| view! { <p role="status" id="clear-done" tabindex="-1">{done}</p> })}
    }
}

/// Several people (or personas) on one device, each with their own
/// assessments and plans.
#[component]
fn ProfilesSection() -> impl IntoView {
    let state = use_app_state();
    let new_name = RwSignal::new(String::new());
    let name_error = RwSignal::new(None::<String>);
    let confirming_delete = RwSignal::new(None::<String>);
    let presenter = move || state.settings().with(|settings| settings.presenter);
    let add = move |_| {
        let name = new_name.get_untracked();
        let problem = limits::profile_name_problem(&name);
        if problem.is_some() {
            name_error.set(problem);
            browser::focus_after_render("new-profile");
            return;
        }
        name_error.set(None);
        state.add_profile(&name);
        new_name.set(String::new());
    };
    view! {
        <h2 class="nhsuk-heading-m" id="profiles" tabindex="-1">"Profiles on this device"</h2>
        <p>"Each profile has its own assessments and plans. Switch profile to see only that person's."</p>
        <ul class="nhsuk-list app-profiles">
            {move || {
                let profiles = state.profiles().get();
                let count = profiles.profiles.len();
                profiles.profiles.into_iter().enumerate().map(|(index, profile)| {
                    let active = profile.id == profiles.active;
                    let shown = if presenter() { format!("Profile {}", index + 1) } else { profile.name.clone() };
                    let id = StoredValue::new(profile.id.clone());
                    let rename_id = format!("rename-{}", profile.id);
                    let rename_error = RwSignal::new(None::<String>);
                    view! {
                        <li class="app-profile">
                            <p class="app-profile__name">
                                <strong class="app-user-text" dir="auto">{shown.clone()}</strong>
                                {active.then(|| view! { " " <strong class="nhsuk-tag app-tag">"In use"</strong> })}
                            </p>
                            <div class="app-inline-actions">
                                {(!active).then(|| view! {
                                    <button class="app-link-button" type="button" on:click=move |_| state.switch_profile(&id.get_value())>
                                        "Switch to " <bdi>{shown.clone()}</bdi>
                                    </button>
                                })}
                                {(!presenter()).then(|| view! {
                                    <div class="app-rename">
                                        <TextInput id=rename_id width="nhsuk-input--width-20" user_text=true value=profile.name.clone()
                                            error=rename_error
                                            on_change=Callback::new(move |name: String| {
                                                let problem = limits::profile_name_problem(&name);
                                                if problem.is_none() {
                                                    state.rename_profile(&id.get_value(), &name);
                                                }
                                                rename_error.set(problem);
                                            })>
                                            "Rename " <bdi>{profile.name.clone()}</bdi>
                                        </TextInput>
                                    </div>
                                })}
                                {(count > 1).then(|| view! {
                                    <button class="app-link-button" type="button" id=format!("delete-{}", id.get_value()) on:click=move |_| {
                                        confirming_delete.set(Some(id.get_value()));
                                    }>"Delete " <span class="nhsuk-u-visually-hidden">{shown.clone()}</span><span aria-hidden="true">"this profile"</span></button>
                                })}
                            </div>
                        </li>
                    }
                }).collect_view()
            }}
        </ul>
        {move || confirming_delete.get().map(|id| {
            let opener = format!("delete-{id}");
            let id = StoredValue::new(id);
            view! {
                <ConfirmDialog id="delete-profile" title="Delete this profile?" opener
                    text="Its assessments and plans are deleted too. Download a backup first if you may want them again."
                    on_close=Callback::new(move |()| confirming_delete.set(None))>
                    <button class="nhsuk-button nhsuk-button--secondary" type="button" on:click=move |_| { use_app_state().download_backup(); }>"Download a backup first"</button>
                    <button class="nhsuk-button nhsuk-button--warning" type="button" on:click=move |_| {
                        state.delete_profile(&id.get_value());
                        confirming_delete.set(None);
                        browser::focus_after_render("profiles");
                    }>"Yes, delete the profile"</button>
                </ConfirmDialog>
            }
        })}
        <TextInput id="new-profile" width="nhsuk-input--width-20" user_text=true value=new_name error=name_error
            on_input=Callback::new(move |name| new_name.set(name))>"Add a profile"</TextInput>
        <button class="nhsuk-button nhsuk-button--secondary" type="button" on:click=add>"Add profile"</button>
    }
}
