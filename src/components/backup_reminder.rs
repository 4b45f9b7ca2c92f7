//! A reminder to download a backup, with the download one tap away: data in
//! a browser can be lost with the device, a browser reset, or (in Safari)
//! after a week unused.

use crate::{browser, core::backup, state::use_app_state, storage::Backend};
use leptos::prelude::*;

/// Shown when there are answers on this device and no backup in the last
/// [`backup::BACKUP_REMINDER_DAYS`] days (see `backup::backup_reminder_due`).
#[component]
pub fn BackupReminder() -> impl IntoView {
    let state = use_app_state();
    let failed = RwSignal::new(false);
    move || {
        let last = state.settings().with(|settings| settings.last_backup_at);
        let due = state.backend().get() == Backend::Device
            && state
                .assessments()
                .with(|all| backup::backup_reminder_due(all, last, browser::now()));
        due.then(|| {
            let when = last.map_or_else(
                || "You have not downloaded a backup on this device yet.".to_string(),
                |then| format!("Your last backup was on {}.", browser::format_date(then)),
            );
            view! {
                <div class="nhsuk-inset-text app-backup-reminder app-no-print">
                    <span class="nhsuk-u-visually-hidden">"Information: "</span>
                    <h2 class="nhsuk-heading-s">"Back up your answers"</h2>
                    <p>{when}" Your answers are only in this browser. A backup file keeps them safe if the browser's data is cleared."</p>
                    <button class="nhsuk-button nhsuk-button--secondary app-button--small" type="button"
                        on:click=move |_| failed.set(!state.download_backup())>"Download a backup"</button>
                    {move || failed.get().then(|| view! {
                        <p class="nhsuk-error-message" role="alert">"The browser did not allow the download. Try again, or use another browser."</p>
                    })}
                </div>
            }
        })
    }
}
