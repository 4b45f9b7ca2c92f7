//! The app's addresses, matched in plain Rust.
//!
//! One catch-all router route hands the path to `Page::from_path`. Matching
//! here rather than with a `<Route>` per page keeps the router's nested
//! generic view types out of the wasm, which made up a large share of its
//! size, and it lets the table be tested natively.

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Page {
    Home,
    Roles,
    RouteFinder,
    Compare,
    Role(String),
    Capabilities,
    CheckStart,
    CheckStep(String),
    ResultsList,
    Results(String),
    MyData,
    Workshop,
    About,
    Sources,
    Accessibility,
    Glossary,
    NotFound,
}

impl Page {
    /// `path` is relative to the app's base, with or without slashes.
    pub fn from_path(path: &str) -> Page {
        let segments: Vec<&str> = path
            .split('/')
            .filter(|segment| !segment.is_empty())
            .collect();
        match segments.as_slice() {
            [] => Page::Home,
            ["roles"] => Page::Roles,
            ["roles", "route-finder"] => Page::RouteFinder,
            ["roles", "compare"] => Page::Compare,
            ["roles", code] => Page::Role((*code).to_owned()),
            ["capabilities"] => Page::Capabilities,
            ["check"] => Page::CheckStart,
            ["check", id] => Page::CheckStep((*id).to_owned()),
            ["results"] => Page::ResultsList,
            ["results", id] => Page::Results((*id).to_owned()),
            ["my-data"] => Page::MyData,
            ["workshop"] => Page::Workshop,
            ["about"] => Page::About,
            ["about", "sources"] => Page::Sources,
            ["about", "accessibility"] => Page::Accessibility,
            ["glossary"] => Page::Glossary,
            _ => Page::NotFound,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_main_address_reaches_its_page() {
        for (path, page) in [
            ("", Page::Home),
            ("/", Page::Home),
            ("roles", Page::Roles),
            ("roles/route-finder", Page::RouteFinder),
            ("roles/compare", Page::Compare),
            ("roles/accp", Page::Role("accp".into())),
            ("capabilities", Page::Capabilities),
            ("check", Page::CheckStart),
            ("check/a-1", Page::CheckStep("a-1".into())),
            ("results", Page::ResultsList),
            ("results/a-1/", Page::Results("a-1".into())),
            ("my-data", Page::MyData),
            ("workshop", Page::Workshop),
            ("about", Page::About),
            ("about/sources", Page::Sources),
            ("about/accessibility", Page::Accessibility),
            ("glossary", Page::Glossary),
        ] {
            assert_eq!(Page::from_path(path), page, "{path}");
        }
    }

    #[test]
    fn unknown_and_over_long_addresses_are_not_found() {
        for path in ["nope", "roles/pa/extra", "check/a/b", "about/other"] {
            assert_eq!(Page::from_path(path), Page::NotFound, "{path}");
        }
    }
}
