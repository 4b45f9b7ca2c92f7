//! What the user sees if the app panics: a short explanation, a way to save
//! their data, and a reload link, instead of a page that no longer responds.
//!
//! With `panic = "abort"` nothing in Rust runs after this hook, so the screen
//! is plain HTML whose links work without the app: the data download is a
//! `data:` link built here from the raw stored values.

use std::{collections::BTreeMap, panic};

pub fn install_panic_screen() {
    panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_recovery_screen();
    }));
}

fn show_recovery_screen() {
    let Some(document) = crate::browser::document() else {
        return;
    };
    let Some(body) = document.body() else {
        return;
    };
    let dump = stored_values_as_json();
    let href = format!(
        "data:application/json;charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(&dump))
    );
    body.set_inner_html(&format!(
        r#"<div class="nhsuk-width-container"><main class="nhsuk-main-wrapper" id="maincontent">
<h1 class="nhsuk-heading-l">Sorry, something went wrong</h1>
<p>The app stopped working. Your saved answers are still on this device.</p>
<p><a class="nhsuk-button" href="{href}" download="maps-capability-checker-recovery.json">Export my data</a></p>
<p><a class="nhsuk-button nhsuk-button--secondary" href="">Reload the app</a></p>
</main></div>"#
    ));
}

/// The recovery file: every stored value of the app, unparsed, as parsing
/// could be what failed.
#[derive(serde::Serialize)]
struct DeviceCopy {
    app: &'static str,
    kind: &'static str,
    values: BTreeMap<String, String>,
}

fn stored_values_as_json() -> String {
    let values = crate::storage::raw_values_after_panic();
    let copy = DeviceCopy {
        app: "maps-capability-checker",
        kind: "device-copy",
        values,
    };
    serde_json::to_string(&copy).unwrap_or_else(|_| "{}".into())
}
