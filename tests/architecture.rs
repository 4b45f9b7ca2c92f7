//! The shape the code keeps (issue 21), checked by reading its sources:
//! one module touches the browser's storage, pages and components change
//! records only through `AppState`, and links are made by `Page`.
#![cfg(not(target_arch = "wasm32"))]

use std::{fs, path::Path};

/// Every `.rs` file under `dir`, with its text.
fn sources(dir: &Path) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let Ok(entries) = fs::read_dir(dir) else {
        panic!("cannot read {}", dir.display());
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(sources(&path));
        } else if path.extension().is_some_and(|extension| extension == "rs") {
            let text = fs::read_to_string(&path).unwrap_or_default();
            found.push((path.display().to_string(), text));
        }
    }
    found
}

fn src(folder: &str) -> Vec<(String, String)> {
    sources(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("src")
            .join(folder),
    )
}

/// Lines of `files` containing any of `needles`, as "file:line: text".
fn lines_with(files: &[(String, String)], needles: &[&str]) -> Vec<String> {
    let mut hits = Vec::new();
    for (path, text) in files {
        for (number, line) in text.lines().enumerate() {
            if needles.iter().any(|needle| line.contains(needle)) {
                hits.push(format!("{path}:{}: {}", number + 1, line.trim()));
            }
        }
    }
    hits
}

/// Fails, listing each line, if any file in `src/` but `only` (such as
/// "src/storage.rs") contains one of `needles`.
fn assert_only_in(only: &str, needles: &[&str], what: &str) {
    let others: Vec<(String, String)> = src("")
        .into_iter()
        .filter(|(path, _)| !path.ends_with(only))
        .collect();
    let hits = lines_with(&others, needles);
    assert!(
        hits.is_empty(),
        "{what} outside {only}:\n{}",
        hits.join("\n")
    );
}

#[test]
fn only_the_storage_module_touches_the_browsers_storage() {
    assert_only_in(
        "src/storage.rs",
        &[
            "web_sys::Storage",
            "local_storage()",
            "session_storage()",
            "gloo_storage",
            "LocalStorage",
            "SessionStorage",
        ],
        "storage touched",
    );
}

/// The build's prerender draws pages natively, where web-sys panics: every
/// path to the browser goes through `browser::window()`, which is `None`
/// there (src/prerender.rs).
#[test]
fn only_the_browser_module_asks_web_sys_for_the_window() {
    assert_only_in(
        "src/browser.rs",
        &["web_sys::window()", "js_sys::global()"],
        "the window asked for",
    );
}

#[test]
fn pages_and_components_change_records_only_through_app_state() {
    let mut views = src("pages");
    views.extend(src("components"));
    // The storage module's `Backend` type is a plain value views may show;
    // any other use of the module from a view bypasses `AppState`.
    let hits: Vec<String> = lines_with(&views, &["storage::", "records::encode"])
        .into_iter()
        .filter(|hit| !hit.contains("storage::Backend") && !hit.contains("storage_banner::"))
        .collect();
    assert!(
        hits.is_empty(),
        "a view uses storage directly:\n{}",
        hits.join("\n")
    );
}

#[test]
fn pages_and_components_link_through_page_addresses() {
    let mut views = src("pages");
    views.extend(src("components"));
    let hits = lines_with(
        &views,
        &[
            "href(\"/",
            "href(&format!",
            "href=\"/",
            "navigation.go(",
            ".go(&format!",
        ],
    );
    assert!(
        hits.is_empty(),
        "a hand-typed in-app address:\n{}",
        hits.join("\n")
    );
}

/// The header and footer are index.html's (see `app`): each of their links
/// must lead to one of the app's pages, and the navigation must name the
/// sections the app has.
#[test]
fn the_static_header_and_footer_link_to_the_apps_pages() {
    use maps_capability_checker::address::Page;
    let index = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("index.html"))
        .unwrap_or_default();
    let body = &index[index.find("<body").unwrap_or(index.len())..];
    let body_links: Vec<&str> = body
        .split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect();
    assert!(
        body_links.len() >= 15,
        "too few links found: {body_links:?}"
    );
    for href in &body_links {
        if *href == "#maincontent" || *href == "./" {
            continue;
        }
        assert_ne!(
            Page::from_path(href),
            Page::NotFound,
            "index.html links to \"{href}\", which is no page of the app"
        );
        assert!(
            !href.starts_with('/'),
            "\"{href}\" must be relative to <base>, for the sub-path build"
        );
    }
    for page in [
        Page::Roles,
        Page::Capabilities,
        Page::CheckStart,
        Page::ResultsList,
        Page::Evidence,
        Page::MyData,
        Page::About,
    ] {
        let href = page.path().trim_start_matches('/').to_owned();
        assert!(
            body.contains(&format!(
                "class=\"nhsuk-header__navigation-link\" href=\"{href}\""
            )),
            "the header has no link to {href}"
        );
    }
}
