//! The build's prerender (see `maps_capability_checker::prerender`), run by
//! tools/post-build.mjs:
//!
//! `prerender <build directory> <base path> <YYYY-MM-DD>`
//!
//! reads the built index.html, writes each prerendered page's copy of it
//! (index.html itself for the start page) and prints, as JSON:
//! - `pages`: the address of each page relative to the base and its file,
//!   {"roles/pa": "roles/pa.html", …}, for the service worker;
//! - `shells`: for each page that has a copy of the shell of its own
//!   (`prerender::shells`), its file, the chunk of its code
//!   (`lazy::Journey::name`) and the content files it needs:
//!   [{"file": "review.html", "journey": "share", "needs": ["framework"]}, …],
//!   which tools/post-build.mjs writes.
//!
//! Any problem is an error that stops the build.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    match prerender(std::env::args().skip(1).collect()) {
        Ok(files) => {
            println!("{files}");
            std::process::ExitCode::SUCCESS
        }
        Err(problem) => {
            eprintln!("prerender: {problem}");
            std::process::ExitCode::FAILURE
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn prerender(args: Vec<String>) -> Result<serde_json::Value, String> {
    use maps_capability_checker::{
        lazy::journey,
        prerender::{configure, file_name, page_file, pages, render, shells, Build},
    };
    use std::{fs, path::Path};

    let [directory, base_path, today] = args.as_slice() else {
        return Err("usage: prerender <build directory> <base path> <YYYY-MM-DD>".to_owned());
    };
    configure(Build {
        base_path: base_path.trim_end_matches('/').to_owned(),
        today: today.clone(),
    });
    let directory = Path::new(directory);
    let index = directory.join("index.html");
    let shell =
        fs::read_to_string(&index).map_err(|error| format!("{}: {error}", index.display()))?;
    let mut files = serde_json::Map::new();
    for page in pages() {
        let html = page_file(&shell, &page, &render(&page)?)?;
        let file = file_name(&page);
        let path = directory.join(&file);
        if let Some(folder) = path.parent() {
            fs::create_dir_all(folder).map_err(|error| format!("{}: {error}", folder.display()))?;
        }
        fs::write(&path, html).map_err(|error| format!("{}: {error}", path.display()))?;
        files.insert(page.path().trim_start_matches('/').to_owned(), file.into());
    }
    let shells = shells()
        .iter()
        .map(|page| {
            let journey = journey(page).ok_or_else(|| format!("{} has no chunk", page.path()))?;
            Ok(serde_json::json!({
                "file": file_name(page),
                "journey": journey.name(),
                "needs": page.needs().iter().map(|file| file.name()).collect::<Vec<_>>(),
            }))
        })
        .collect::<Result<Vec<_>, String>>()?;
    Ok(serde_json::json!({ "pages": files, "shells": shells }))
}

/// The prerender runs natively; the wasm build has nothing to do here.
#[cfg(target_arch = "wasm32")]
fn main() {}
