//! `/packs`: load a local capability pack from a CSV or JSON file, check it
//! and preview it before anything is stored, and share or remove the packs
//! on this device (issue 24). The reading and checking are in
//! `core::packs`; this page only reads the file and shows the outcome.

use crate::components::page_heading::PageHeading;
use crate::components::summary_list::SummaryRow;
use crate::components::text_input::TextInput;
use crate::{
    address::{PackFile, Page},
    browser,
    components::{
        confirm_dialog::ConfirmDialog, error_message::ErrorMessage, error_summary::ErrorSummary,
    },
    core::{
        content,
        packs::{self, Details, Pack, PackChange},
        roles::RoleId,
        text,
    },
    state::use_app_state,
};
use leptos::prelude::*;

/// The most problems listed at once: a file with a wrong column can have
/// one on every row.
const SHOWN_PROBLEMS: usize = 30;

#[component]
pub fn Packs() -> impl IntoView {
    let state = use_app_state();
    let problems = RwSignal::new(Vec::<(&'static str, String)>::new());
    let preview = RwSignal::new(None::<(Pack, PackChange)>);
    let done = RwSignal::new(None::<String>);
    let reading = RwSignal::new(false);
    let details = [
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    ];
    let show_problems = move |found: Vec<(&'static str, String)>| {
        problems.set(found);
        browser::focus_after_render("pack-error-summary");
    };
    let load = move |_| {
        problems.set(Vec::new());
        preview.set(None);
        done.set(None);
        let Some(file) = browser::chosen_file("pack-file") else {
            show_problems(vec![(
                "pack-file",
                "Select a pack file (CSV or JSON)".into(),
            )]);
            return;
        };
        if let Some(problem) = packs::size_problem(file.size() as usize) {
            show_problems(vec![("pack-file", problem.to_string())]);
            return;
        }
        let typed = Details {
            name: details[0].get_untracked(),
            version: details[1].get_untracked(),
            author: details[2].get_untracked(),
            date: details[3].get_untracked(),
        };
        reading.set(true);
        leptos::task::spawn_local(async move {
            let bytes = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
                .await
                .ok()
                .map(|buffer| js_sys::Uint8Array::new(&buffer).to_vec());
            reading.set(false);
            let Some(bytes) = bytes else {
                show_problems(vec![(
                    "pack-file",
                    "The file could not be read. Choose it again.".into(),
                )]);
                return;
            };
            match packs::read(
                &bytes,
                &typed,
                &content::framework().domains,
                &browser::today_iso(),
            ) {
                Ok(pack) => {
                    let change = state
                        .packs()
                        .with_untracked(|loaded| packs::change(loaded.get(&pack.key()), &pack));
                    preview.set(Some((pack, change)));
                    browser::focus_after_render("pack-preview-title");
                }
                Err(found) => {
                    let total = found.len();
                    let mut listed: Vec<(&'static str, String)> = found
                        .into_iter()
                        .take(SHOWN_PROBLEMS)
                        .map(|problem| (field_of(&problem), problem.to_string()))
                        .collect();
                    if total > SHOWN_PROBLEMS {
                        listed.push((
                            "pack-file",
                            format!(
                                "and {} more problems: mend these and load the file again",
                                total - SHOWN_PROBLEMS
                            ),
                        ));
                    }
                    show_problems(listed);
                }
            }
        });
    };
    let confirm = move |_| {
        let Some((pack, change)) = preview.get_untracked() else {
            return;
        };
        let message = match &change.replaces {
            Some(version) => format!(
                "{} version {} has replaced version {version}: {} capabilities added, {} removed, {} kept with their answers.",
                pack.name, pack.version, change.added.len(), change.removed.len(), change.kept.len()
            ),
            None => format!(
                "{} version {} is loaded: {} capabilities. Include it when you start a check.",
                pack.name, pack.version, pack.capabilities.len()
            ),
        };
        state.put_pack(pack);
        preview.set(None);
        // The form starts empty for the next pack.
        for detail in details {
            detail.set(String::new());
        }
        browser::clear_file_input("pack-file");
        done.set(Some(message));
        browser::focus_after_render("pack-done");
    };
    // The message beside a field, as NHS.UK error messages go: the
    // problem itself, or for a file with several, where they are listed.
    let message_for = move |field: &'static str| {
        problems.with(|found| {
            let mut mine = found.iter().filter(|(at, _)| *at == field);
            match (mine.next(), mine.next()) {
                (None, _) => None,
                (Some((_, text)), None) => Some(text.clone()),
                (Some(_), Some(_)) => Some(
                    "The file has problems, each listed at the top of the page with its row and column"
                        .to_string(),
                ),
            }
        })
    };
    let field =
        move |id: &'static str, label: &'static str, index: usize, input_type: &'static str| {
            let value = details[index];
            view! {
                <TextInput id value input_type autocomplete="off" no_spellcheck=true user_text=true
                    error=Signal::derive(move || message_for(id))
                    on_input=Callback::new(move |text| value.set(text))>{label}</TextInput>
            }
        };
    let file_error = move || message_for("pack-file").is_some();

    view! {
        <PageHeading text="Local capability packs"/>
        {move || {
            let found = problems.get();
            (!found.is_empty()).then(|| view! { <ErrorSummary id="pack-error-summary" errors=found/> })
        }}
        <p>"A pack adds capabilities agreed locally, such as a department's list or a placement's objectives, to your checks. Whoever gave you the pack wrote it: it is not part of this app's capabilities, not national content and not the official MAPs Core Capabilities Framework. Its capabilities always show with the pack's name."</p>
        <p>"The pack stays on this device, like your answers. Nothing is sent anywhere."</p>

        <h2 class="nhsuk-heading-m">"Write a pack"</h2>
        <p>"Write one row per capability in a spreadsheet and save it as CSV (UTF-8). The columns are: id, domain (a domain's id or title), title, descriptor, roles (pa, aa, scp or accp, separated by \";\"), newly_qualified and experienced (a level from 1 to 4, or blank for no expectation), evidence and development (items separated by \" | \")."</p>
        <ul class="nhsuk-list">
            <li><a href=PackFile::Template.href() download="capability-pack-template.csv">"Download the template (CSV)"</a></li>
            <li><a href=PackFile::ExampleCsv.href() download=PackFile::ExampleCsv.name()>"Download an example pack (CSV)"</a>" or "
                <a href=PackFile::ExampleJson.href() download=PackFile::ExampleJson.name()>"as JSON"</a>
                ": an invented example of the format, not guidance"</li>
            <li><a href=PackFile::Schema.href() download=PackFile::Schema.name()>"Download the JSON Schema for JSON packs"</a></li>
        </ul>

        <h2 class="nhsuk-heading-m">"Load a pack"</h2>
        <div class="nhsuk-form-group" class:nhsuk-form-group--error=file_error>
            <label class="nhsuk-label" for="pack-file">"Pack file (CSV or JSON)"</label>
            <div class="nhsuk-hint" id="pack-file-hint">"Nothing changes until you have checked what the pack would add."</div>
            {move || message_for("pack-file").map(|message| view! { <ErrorMessage id="pack-file-error" message/> })}
            <input class="nhsuk-file-upload__input app-file-input" id="pack-file" type="file" accept=".csv,.json,text/csv,application/json"
                aria-describedby=move || if file_error() { "pack-file-hint pack-file-error" } else { "pack-file-hint" }/>
        </div>
        <fieldset class="nhsuk-fieldset" aria-describedby="pack-details-hint">
            <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">"About the pack"</legend>
            <div class="nhsuk-hint" id="pack-details-hint">"A CSV file does not say the pack's name and version: enter them. A JSON file gives its own; anything you enter here is used instead."</div>
            {field("pack-name", "Pack name", 0, "text")}
            {field("pack-version", "Version", 1, "text")}
            {field("pack-author", "Author or organisation (optional)", 2, "text")}
            {field("pack-date", "Date (optional)", 3, "date")}
        </fieldset>
        <button class="nhsuk-button" type="button" on:click=load disabled=move || reading.get()>"Load pack"</button>

        {move || preview.get().map(|(pack, change)| view! { <Preview pack change on_confirm=Callback::new(confirm) on_cancel=Callback::new(move |()| {
            preview.set(None);
            browser::focus_after_render("pack-file");
        })/> })}
        {move || done.get().map(|message| view! {
            <p class="app-done" id="pack-done" role="status" tabindex="-1">{message}" " <a href=Page::CheckStart.href()>"Start a check"</a></p>
        })}
        <Loaded/>
    }
}

/// Which field a problem's error summary link goes to: the name and
/// version boxes for those, the file for everything in it.
fn field_of(problem: &packs::Problem) -> &'static str {
    match problem.kind {
        packs::ProblemKind::MissingName => "pack-name",
        packs::ProblemKind::MissingVersion => "pack-version",
        _ => "pack-file",
    }
}

fn roles_text(roles: &[RoleId]) -> String {
    roles
        .iter()
        .map(|role| role.code().to_ascii_uppercase())
        .collect::<Vec<_>>()
        .join(", ")
}

fn level_text(level: Option<u8>) -> String {
    level.map_or("none".into(), |level| level.to_string())
}

/// What the pack would add, before anything is stored.
#[component]
fn Preview(
    pack: Pack,
    change: PackChange,
    on_confirm: Callback<()>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let framework = content::framework();
    let domain_title = move |id: &str| {
        framework
            .domain(id)
            .map_or(id.to_owned(), |domain| domain.title.clone())
    };
    view! {
        <div class="nhsuk-card app-import-preview" on:keydown=move |event| {
            if event.key() == "Escape" {
                event.prevent_default();
                on_cancel.run(());
            }
        }>
            <div class="nhsuk-card__content">
                <h2 class="nhsuk-card__heading nhsuk-heading-m" id="pack-preview-title" tabindex="-1">{format!("Check before adding: {}", pack.name)}</h2>
                <dl class="nhsuk-summary-list">
                    <SummaryRow user_text=true key="Version" value=pack.version.clone()/>
                    <SummaryRow user_text=true key="Author or organisation" value=if pack.author.is_empty() { "Not given".into() } else { pack.author.clone() }/>
                    <SummaryRow user_text=true key="Date" value=text::shown_date(&pack.date, "Not given")/>
                    <SummaryRow key="Capabilities" value=pack.capabilities.len().to_string()/>
                </dl>
                {change.replaces.clone().map(|version| view! {
                    <p>{format!(
                        "This replaces version {version} of the pack. {} capabilities are added and {} kept with their answers. {} are removed: answers to them stay in your assessments, out of sight, and come back if a later version brings them back.",
                        change.added.len(), change.kept.len(), change.removed.len()
                    )}</p>
                })}
                <div class="app-table-scroll" tabindex="0" role="region" aria-label="Capabilities in the pack">
                    <table class="nhsuk-table">
                        <caption class="nhsuk-table__caption nhsuk-u-visually-hidden">"Capabilities in the pack"</caption>
                        <thead class="nhsuk-table__head"><tr class="nhsuk-table__row">
                            <th class="nhsuk-table__header" scope="col">"Title"</th>
                            <th class="nhsuk-table__header" scope="col">"Id"</th>
                            <th class="nhsuk-table__header" scope="col">"Domain"</th>
                            <th class="nhsuk-table__header" scope="col">"Roles"</th>
                            <th class="nhsuk-table__header" scope="col">"Levels expected (newly qualified, experienced)"</th>
                        </tr></thead>
                        <tbody class="nhsuk-table__body">
                            {pack.capabilities.iter().map(|item| view! {
                                <tr class="nhsuk-table__row">
                                    <th class="nhsuk-table__header app-user-text" scope="row" dir="auto">{item.title.clone()}</th>
                                    <td class="nhsuk-table__cell app-user-text" dir="auto">{item.id.clone()}</td>
                                    <td class="nhsuk-table__cell">{domain_title(&item.domain)}</td>
                                    <td class="nhsuk-table__cell">{roles_text(&item.roles)}</td>
                                    <td class="nhsuk-table__cell">{format!("{}, {}", level_text(item.newly_qualified), level_text(item.experienced))}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                <div class="app-inline-actions">
                    <button class="nhsuk-button" type="button" on:click=move |_| on_confirm.run(())>"Add this pack"</button>
                    <button class="nhsuk-button nhsuk-button--secondary" type="button" on:click=move |_| on_cancel.run(())>"Cancel"</button>
                </div>
            </div>
        </div>
    }
}

/// The packs on this device, to pass on or remove.
#[component]
fn Loaded() -> impl IntoView {
    let state = use_app_state();
    let removing = RwSignal::new(None::<String>);
    let removed = RwSignal::new(None::<String>);
    view! {
        <h2 class="nhsuk-heading-m" id="loaded-packs" tabindex="-1">"Packs on this device"</h2>
        {move || removed.get().map(|message| view! { <p class="app-done" role="status">{message}</p> })}
        {move || {
            let loaded = state.packs().get().packs;
            if loaded.is_empty() {
                return view! { <p>"No packs are loaded."</p> }.into_any();
            }
            view! {
                <ul class="nhsuk-list app-assessment-list">
                    {loaded.into_iter().map(|pack| {
                        let key = pack.key();
                        let opener = format!("remove-{key}");
                        let (csv_pack, json_pack) = (pack.clone(), pack.clone());
                        let (remove_key, confirm_key) = (key.clone(), key.clone());
                        let name = pack.name.clone();
                        view! {
                            <li class="app-assessment">
                                <h3 class="nhsuk-heading-s app-assessment__title app-user-text" dir="auto">{pack.name.clone()}</h3>
                                <p class="nhsuk-body-s">{format!(
                                    "Version {}{}, dated {}. {}.",
                                    pack.version,
                                    if pack.author.is_empty() { String::new() } else { format!(", by {}", pack.author) },
                                    text::shown_date(&pack.date, "not given"),
                                    pack.size_text()
                                )}</p>
                                <ul class="app-inline-actions">
                                    <li><button class="app-link-button app-action-link" type="button" on:click=move |_| {
                                        browser::download(&packs::file_name(&csv_pack, "csv"), "text/csv", &packs::to_csv(&csv_pack));
                                    }>"Download as CSV"</button></li>
                                    <li><button class="app-link-button app-action-link" type="button" on:click=move |_| {
                                        browser::download(&packs::file_name(&json_pack, "json"), "application/json", &packs::to_json(&json_pack));
                                    }>"Download as JSON"</button></li>
                                    <li><button class="app-link-button app-action-link" type="button" id=opener.clone()
                                        on:click=move |_| removing.set(Some(remove_key.clone()))>{format!("Remove {}", pack.name)}</button></li>
                                </ul>
                                {move || (removing.get().as_deref() == Some(confirm_key.as_str())).then(|| {
                                    let (key, name) = (confirm_key.clone(), name.clone());
                                    view! {
                                        <ConfirmDialog id="remove-pack-dialog" title="Remove this pack?" opener=opener.clone()
                                            text="Its capabilities will no longer be asked or shown. Your answers to them stay in your assessments and backups, out of sight, and come back if you load the pack again."
                                            on_close=Callback::new(move |()| removing.set(None))>
                                            <button class="nhsuk-button nhsuk-button--warning" type="button" on:click=move |_| {
                                                let kept = state.packs().with_untracked(|loaded| loaded.get(&key).map(|pack| packs::answers_to(pack, &state.assessments().get_untracked()))).unwrap_or(0);
                                                state.remove_pack(&key);
                                                removing.set(None);
                                                removed.set(Some(format!(
                                                    "{name} is removed. {kept} answer(s) to its capabilities are kept in your assessments and backups; load the pack again to see them."
                                                )));
                                                browser::focus_after_render("loaded-packs");
                                            }>"Remove the pack"</button>
                                        </ConfirmDialog>
                                    }
                                })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
    }
}
