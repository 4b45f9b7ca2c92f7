//! The content: the files, how they are read, and when they are loaded.
//!
//! The JSON files under `src/content/` are the source of truth. The
//! browser build fetches each file when a page first needs it (see
//! `LazyFile` and `content_loader`), and reads it with code in a wasm chunk
//! of its own (`lazy::content_reader`): the first page needs neither. What
//! the start page and the shell show of the roles is compiled in
//! (`role_index`, written from `roles.json` at build time). Native builds
//! (tests, benchmarks and the prerender) compile the files in. The rules
//! the files must keep are in `content_rules`.

use crate::core::{
    framework::{Framework, Wording},
    roles::RoleCatalogue,
};
use std::sync::OnceLock;

#[cfg(any(test, not(target_arch = "wasm32")))]
pub(crate) const FRAMEWORK_JSON: &str = include_str!("../content/framework.json");
#[cfg(any(test, not(target_arch = "wasm32")))]
pub(crate) const ROLES_JSON: &str = include_str!("../content/roles.json");

/// A content file the browser fetches when a page first needs it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LazyFile {
    Framework,
    Glossary,
    Roles,
}

impl LazyFile {
    /// The file's name without ".json", in `src/content/` and, followed by
    /// a hash, in the build.
    pub fn name(self) -> &'static str {
        match self {
            LazyFile::Framework => "framework",
            LazyFile::Glossary => "glossary",
            LazyFile::Roles => "roles",
        }
    }

    /// What the file holds, for messages such as "Loading the glossary".
    pub fn what(self) -> &'static str {
        match self {
            LazyFile::Framework => "the capabilities",
            LazyFile::Glossary => "the glossary",
            LazyFile::Roles => "the facts about the roles",
        }
    }

    pub fn is_loaded(self) -> bool {
        match self {
            LazyFile::Framework => FRAMEWORK.get().is_some(),
            LazyFile::Glossary => crate::core::glossary::glossary_is_loaded(),
            LazyFile::Roles => ROLES.get().is_some(),
        }
    }

    /// Reads the file's text as fetched. Only the first copy is kept:
    /// pages hold references to it for the life of the page. In the
    /// browser, only `lazy::content_reader` calls it, so this code is in
    /// that chunk, not in the first load.
    ///
    /// # Errors
    /// The text is not the file: it names the file, the field, its line and
    /// column (see [`read_json`]).
    pub fn set(self, json: &str) -> Result<(), String> {
        match self {
            LazyFile::Framework => {
                let framework = parse_framework(json)?;
                let _ = FRAMEWORK.set(framework);
                Ok(())
            }
            LazyFile::Glossary => crate::core::glossary::set_glossary(json),
            LazyFile::Roles => {
                let roles = parse_roles(json)?;
                let _ = ROLES.set(roles);
                Ok(())
            }
        }
    }
}

/// Both compiled-in content files, as `validate` checks them together.
pub struct Content {
    pub framework: Framework,
    pub roles: RoleCatalogue,
}

static FRAMEWORK: OnceLock<Framework> = OnceLock::new();
static ROLES: OnceLock<RoleCatalogue> = OnceLock::new();

/// The role profiles. In the browser they are empty until
/// `LazyFile::Roles` is set; the pages that use them are not shown before
/// then (see `Page::needs`). Natively the compiled-in file, which the test
/// suite checks: a parse failure there falls back to no roles.
pub fn roles() -> &'static RoleCatalogue {
    #[cfg(not(target_arch = "wasm32"))]
    {
        ROLES.get_or_init(|| parse_roles(ROLES_JSON).unwrap_or_else(|_| no_roles()))
    }
    #[cfg(target_arch = "wasm32")]
    {
        static NOT_YET: OnceLock<RoleCatalogue> = OnceLock::new();
        ROLES.get().unwrap_or_else(|| NOT_YET.get_or_init(no_roles))
    }
}

/// The framework of capabilities. In the browser it is empty until
/// `LazyFile::Framework` is set; the pages that use it are not shown before
/// then.
pub fn framework() -> &'static Framework {
    #[cfg(not(target_arch = "wasm32"))]
    {
        FRAMEWORK.get_or_init(|| parse_framework(FRAMEWORK_JSON).unwrap_or_else(|_| no_framework()))
    }
    #[cfg(target_arch = "wasm32")]
    {
        static NOT_YET: OnceLock<Framework> = OnceLock::new();
        FRAMEWORK
            .get()
            .unwrap_or_else(|| NOT_YET.get_or_init(no_framework))
    }
}

pub fn parse(framework: &str, roles: &str) -> Result<Content, String> {
    Ok(Content {
        framework: parse_framework(framework)?,
        roles: parse_roles(roles)?,
    })
}

fn parse_framework(json: &str) -> Result<Framework, String> {
    read_json("framework.json", json)
}

fn parse_roles(json: &str) -> Result<RoleCatalogue, String> {
    read_json("roles.json", json)
}

/// Reads the content file `name` into `T` with serde: a missing, mistyped
/// or unknown field is an error that names the file, the field and its
/// line and column, such as "framework.json: unknown field `descriptr`,
/// expected one of ... at line 209 column 17".
pub fn read_json<T: serde::de::DeserializeOwned>(name: &str, json: &str) -> Result<T, String> {
    serde_json::from_str(json).map_err(|error| format!("{name}: {error}"))
}

pub(crate) fn no_framework() -> Framework {
    Framework {
        version: "0.0.0".into(),
        date: String::new(),
        changelog: Vec::new(),
        scale: Vec::new(),
        not_applicable: Wording {
            label: String::new(),
            wording: String::new(),
            observed: None,
        },
        domains: Vec::new(),
        capabilities: Vec::new(),
        quick_checks: Default::default(),
        fit: Default::default(),
        replaced: Vec::new(),
    }
}

pub(crate) fn no_roles() -> RoleCatalogue {
    RoleCatalogue {
        version: String::new(),
        checked: String::new(),
        review_by: String::new(),
        sources: Vec::new(),
        roles: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fetched_file_that_does_not_parse_is_an_error_not_a_panic() {
        for file in [LazyFile::Framework, LazyFile::Glossary, LazyFile::Roles] {
            assert!(file.set("<html>Not found</html>").is_err(), "{file:?}");
        }
        assert!(LazyFile::Framework
            .set("{}")
            .is_err_and(|error| error.contains("missing field")));
    }

    #[test]
    fn compiled_in_content_parses() {
        if let Err(error) = parse(FRAMEWORK_JSON, ROLES_JSON) {
            panic!("{error}");
        }
    }

    #[test]
    fn a_misspelt_field_in_a_content_file_is_reported_with_its_file_name_and_line() {
        let misspelt = FRAMEWORK_JSON.replacen("\"descriptor\"", "\"descriptr\"", 1);
        let error = parse(&misspelt, ROLES_JSON).err().unwrap_or_default();
        assert!(error.starts_with("framework.json: "), "{error}");
        assert!(error.contains("unknown field `descriptr`"), "{error}");
        assert!(error.contains(" at line "), "{error}");
        let missing = ROLES_JSON.replacen("\"tagline\"", "\"tag\"", 1);
        let error = parse(FRAMEWORK_JSON, &missing).err().unwrap_or_default();
        assert!(error.starts_with("roles.json: "), "{error}");
        assert!(error.contains("unknown field `tag`"), "{error}");
    }
}
