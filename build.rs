//! Writes `role_index.rs` into `OUT_DIR` from `src/content/roles.json`: the
//! few facts about the roles that the start page and every page's shell
//! show (each role's title, abbreviation and proposed title, and the dates
//! the facts were checked and are to be checked again). The wasm holds
//! just these; the whole file is fetched by the pages that need it (see
//! `core::content::LazyFile`), so the first page waits for 10 KB less of
//! wasm and none of the code that reads the file. `core::role_index` has
//! the types and a test that the index says what the file says.

use serde_json::Value;
use std::{env, fs, path::Path};

const ROLES: &str = "src/content/roles.json";

fn main() {
    println!("cargo::rerun-if-changed={ROLES}");
    let text = fs::read_to_string(ROLES).unwrap_or_else(|error| panic!("{ROLES}: {error}"));
    let roles: Value =
        serde_json::from_str(&text).unwrap_or_else(|error| panic!("{ROLES}: {error}"));
    let field = |value: &Value, name: &str| -> String {
        match value.get(name).and_then(Value::as_str) {
            Some(text) => text.to_string(),
            None => panic!("{ROLES}: no text field `{name}`"),
        }
    };
    let mut links = String::new();
    let mut count = 0;
    for role in roles
        .get("roles")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let code = field(role, "id");
        let variant: String = code
            .chars()
            .enumerate()
            .map(|(index, letter)| {
                if index == 0 {
                    letter.to_ascii_uppercase()
                } else {
                    letter
                }
            })
            .collect();
        let proposed = match role.get("proposed_title").and_then(Value::as_str) {
            Some(title) => format!("Some({title:?})"),
            None => "None".to_string(),
        };
        links.push_str(&format!(
            "    RoleLink {{ id: RoleId::{variant}, title: {:?}, abbreviation: {:?}, proposed_title: {proposed} }},\n",
            field(role, "title"),
            field(role, "abbreviation"),
        ));
        count += 1;
    }
    let index = format!(
        "/// Each role's link on the start page, in the file's order.\n\
         pub const ROLE_LINKS: [RoleLink; {count}] = [\n{links}];\n\
         /// ISO date the facts were last checked.\n\
         pub const CHECKED: &str = {:?};\n\
         /// ISO date by which they must be checked again.\n\
         pub const REVIEW_BY: &str = {:?};\n",
        field(&roles, "checked"),
        field(&roles, "review_by"),
    );
    let out = env::var("OUT_DIR").unwrap_or_else(|error| panic!("OUT_DIR: {error}"));
    fs::write(Path::new(&out).join("role_index.rs"), index)
        .unwrap_or_else(|error| panic!("role_index.rs: {error}"));
}
