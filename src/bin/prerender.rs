//! The build's prerender (see `maps_capability_checker::prerender`), run by
//! tools/post-build.mjs:
//!
//! `prerender <build directory> <base path> <YYYY-MM-DD>`
//!
//! reads the built index.html, writes each prerendered page's copy of it
//! (index.html itself for the start page) and prints, as JSON, the address
//! of each page relative to the base and its file: {"roles/pa":
//! "roles/pa.html", …}, for the service worker. Any problem is an error
//! that stops the build.

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
    use maps_capability_checker::prerender::{
        configure, file_name, page_file, pages, render, Build,
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
    Ok(files.into())
}

/// The prerender runs natively; the wasm build has nothing to do here.
#[cfg(target_arch = "wasm32")]
fn main() {}
