//! The app's addresses, read in plain Rust so they are tested natively:
//! which page a path shows and which content file it waits for, which link
//! clicks stay inside the app, and values in the query string.
//! `navigation` applies them in the browser.

use crate::core::content::LazyFile;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Page {
    Home,
    Roles,
    RouteFinder,
    Compare,
    Role(String),
    Capabilities,
    CheckStart,
    /// The start page's form sent before the app took the page over (the
    /// prerendered page's form is a plain GET form, `/check/new?role=pa&
    /// stage=…&scope=…&start=`): the app starts that check, or shows the
    /// form again with what is missing. With none of the form's fields in
    /// its query, it is the form.
    CheckNew,
    CheckStep(String),
    ResultsList,
    Results(String),
    /// Asking a supervisor to review one assessment, and importing their
    /// response.
    ReviewAsk(String),
    /// A supervisor's review: opening a request, then the walk-through.
    Review,
    MyData,
    Packs,
    Workshop,
    About,
    Sources,
    Accessibility,
    Glossary,
    Evidence,
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
            ["check", "new"] => Page::CheckNew,
            ["check", id] => Page::CheckStep((*id).to_owned()),
            ["results"] => Page::ResultsList,
            ["results", id] => Page::Results((*id).to_owned()),
            ["results", id, "review"] => Page::ReviewAsk((*id).to_owned()),
            ["review"] => Page::Review,
            ["my-data"] => Page::MyData,
            ["packs"] => Page::Packs,
            ["workshop"] => Page::Workshop,
            ["about"] => Page::About,
            ["about", "sources"] => Page::Sources,
            ["about", "accessibility"] => Page::Accessibility,
            ["glossary"] => Page::Glossary,
            ["evidence"] => Page::Evidence,
            _ => Page::NotFound,
        }
    }

    /// The page's address relative to the app's base, such as "/roles/pa":
    /// [`Page::from_path`] reads it back as the same page.
    pub fn path(&self) -> String {
        match self {
            Page::Home => "/".into(),
            Page::Roles => "/roles".into(),
            Page::RouteFinder => "/roles/route-finder".into(),
            Page::Compare => "/roles/compare".into(),
            Page::Role(code) => format!("/roles/{code}"),
            Page::Capabilities => "/capabilities".into(),
            Page::CheckStart => "/check".into(),
            Page::CheckNew => "/check/new".into(),
            Page::CheckStep(id) => format!("/check/{id}"),
            Page::ResultsList => "/results".into(),
            Page::Results(id) => format!("/results/{id}"),
            Page::ReviewAsk(id) => format!("/results/{id}/review"),
            Page::Review => "/review".into(),
            Page::MyData => "/my-data".into(),
            Page::Packs => "/packs".into(),
            Page::Workshop => "/workshop".into(),
            Page::About => "/about".into(),
            Page::Sources => "/about/sources".into(),
            Page::Accessibility => "/about/accessibility".into(),
            Page::Glossary => "/glossary".into(),
            Page::Evidence => "/evidence".into(),
            Page::NotFound => "/not-found".into(),
        }
    }

    /// [`Page::path`] with one query value, such as "/check?role=pa".
    /// `value` is one of the app's own codes (letters, digits, hyphens), so
    /// it needs no escaping.
    pub fn path_with(&self, name: &str, value: &str) -> String {
        self.path_to(&[(name, value)], None)
    }

    /// [`Page::path`] with query values and a `#fragment`, such as
    /// "/evidence?capability=pvb-01&action=p1#evidence-form-heading": the
    /// page, with focus on the element the fragment names on arrival (see
    /// `navigation`). Values and the fragment are the app's own codes and
    /// ids (letters, digits, hyphens), so they need no escaping.
    pub fn path_to(&self, values: &[(&str, &str)], fragment: Option<&str>) -> String {
        let mut address = self.path();
        for (index, (name, value)) in values.iter().enumerate() {
            address.push(if index == 0 { '?' } else { '&' });
            address.push_str(&format!("{name}={value}"));
        }
        if let Some(fragment) = fragment {
            address.push('#');
            address.push_str(fragment);
        }
        address
    }

    /// The page's address under the app's base, for a link's `href`.
    pub fn href(&self) -> String {
        crate::browser::href(&self.path())
    }

    /// [`Page::path_with`] under the app's base, for a link's `href`.
    pub fn href_with(&self, name: &str, value: &str) -> String {
        crate::browser::href(&self.path_with(name, value))
    }

    /// [`Page::path_to`] under the app's base, for a link's `href`.
    pub fn href_to(&self, values: &[(&str, &str)], fragment: Option<&str>) -> String {
        crate::browser::href(&self.path_to(values, fragment))
    }

    /// The content files fetched on demand that the page cannot show
    /// without: every file whose reader (`content::roles`, `framework` or
    /// `glossary`) the page's code calls. The start page shows the roles
    /// from `role_index`, compiled in, so it never waits for a fetch.
    pub fn needs(&self) -> &'static [LazyFile] {
        match self {
            Page::Compare
            | Page::Role(_)
            | Page::Capabilities
            | Page::CheckStart
            | Page::CheckNew
            | Page::Results(_)
            | Page::Sources
            | Page::Evidence => &[LazyFile::Framework, LazyFile::Roles],
            Page::CheckStep(_)
            | Page::ReviewAsk(_)
            | Page::Review
            | Page::MyData
            | Page::Packs
            | Page::Workshop => &[LazyFile::Framework],
            Page::Roles | Page::RouteFinder => &[LazyFile::Roles],
            Page::Glossary => &[LazyFile::Glossary],
            Page::Home | Page::ResultsList | Page::About | Page::Accessibility | Page::NotFound => {
                &[]
            }
        }
    }

    /// Whether the page shows or changes the device's records (profiles,
    /// settings, the route finder's answers, assessments): it is drawn
    /// once they are read (see `state::RecordsRead`). Pages about the roles
    /// and the app read none, and do not wait for them.
    pub fn reads_records(&self) -> bool {
        match self {
            Page::RouteFinder
            | Page::CheckStart
            | Page::CheckNew
            | Page::CheckStep(_)
            | Page::ResultsList
            | Page::Results(_)
            | Page::Evidence
            | Page::ReviewAsk(_)
            | Page::Review
            | Page::MyData
            | Page::Packs
            | Page::Workshop => true,
            Page::Home
            | Page::Roles
            | Page::Compare
            | Page::Role(_)
            | Page::Capabilities
            | Page::About
            | Page::Sources
            | Page::Accessibility
            | Page::Glossary
            | Page::NotFound => false,
        }
    }
}

/// Files about local capability packs that the app serves as they are
/// (`public/packs/`, copied by the build to `/packs/`), linked for download
/// from the packs page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PackFile {
    /// The CSV header row alone.
    Template,
    /// The invented example pack, as CSV.
    ExampleCsv,
    /// The same example, as a JSON pack.
    ExampleJson,
    /// The JSON Schema of a JSON pack.
    Schema,
}

impl PackFile {
    pub const ALL: [PackFile; 4] = [
        PackFile::Template,
        PackFile::ExampleCsv,
        PackFile::ExampleJson,
        PackFile::Schema,
    ];

    /// The file's name in `public/packs/`.
    pub fn name(self) -> &'static str {
        match self {
            PackFile::Template => "template.csv",
            PackFile::ExampleCsv => "example-pack.csv",
            PackFile::ExampleJson => "example-pack.json",
            PackFile::Schema => "pack.schema.json",
        }
    }

    /// The file's address relative to the app's base, such as
    /// "/packs/template.csv".
    pub fn path(self) -> String {
        format!("/packs/{}", self.name())
    }

    /// The file's address under the app's base, for a link's `href`.
    pub fn href(self) -> String {
        crate::browser::href(&self.path())
    }
}

/// The path, relative to the app's base, that a link leads to when it is
/// one of the app's own pages; `None` for other sites and for addresses on
/// this host outside the base path, which load normally.
pub fn in_app_path(
    link_origin: &str,
    link_path: &str,
    page_origin: &str,
    base: &str,
) -> Option<String> {
    if link_origin != page_origin {
        return None;
    }
    let rest = link_path.strip_prefix(base)?;
    match rest {
        "" => Some("/".to_owned()),
        _ if rest.starts_with('/') => Some(rest.to_owned()),
        // "/base-other" shares the prefix but is another place.
        _ => None,
    }
}

/// Whether the page at `path` is in the section whose page is at
/// `section` (both relative to the base, such as "/roles/pa" and "/roles"):
/// the header marks that section's link as the current page.
pub fn is_in_section(path: &str, section: &str) -> bool {
    let trimmed = |address: &str| address.trim_end_matches('/').to_owned();
    let (path, section) = (trimmed(path), trimmed(section));
    if section.is_empty() {
        return path.is_empty();
    }
    path == section || path.starts_with(&format!("{section}/"))
}

/// How a link changes the history: a new entry, or, for the address already
/// shown, the same entry again, as a browser does for a link to the page
/// it is on. Both addresses are relative to the base, with any query.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HistoryStep {
    Push,
    Replace,
}

pub fn history_step(shown: &str, next: &str) -> HistoryStep {
    let same = |address: &str| {
        let (path, query) = address.split_once('?').unwrap_or((address, ""));
        let path = path.trim_end_matches('/');
        (if path.is_empty() { "/" } else { path }).to_owned() + "?" + query
    };
    if same(shown) == same(next) {
        HistoryStep::Replace
    } else {
        HistoryStep::Push
    }
}

/// The first value of `name` in a query string such as "?role=pa&x=1",
/// percent-decoded.
pub fn query_value(search: &str, name: &str) -> Option<String> {
    search
        .trim_start_matches('?')
        .split('&')
        .map(|pair| pair.split_once('=').unwrap_or((pair, "")))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| percent_decode(value))
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        let escaped = (bytes[index] == b'%')
            .then(|| text.get(index + 1..index + 3))
            .flatten()
            // from_str_radix alone would also take a sign, as in "%+1".
            .filter(|hex| hex.bytes().all(|byte| byte.is_ascii_hexdigit()))
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match (bytes[index], escaped) {
            (_, Some(byte)) => {
                decoded.push(byte);
                index += 3;
            }
            (b'+', None) => {
                decoded.push(b' ');
                index += 1;
            }
            (byte, None) => {
                decoded.push(byte);
                index += 1;
            }
        }
    }
    String::from_utf8_lossy(&decoded).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_is_in_its_own_section_and_the_sections_below_it() {
        assert!(is_in_section("/roles", "/roles"));
        assert!(is_in_section("/roles/pa", "/roles"));
        assert!(is_in_section("/roles/", "/roles"));
        assert!(is_in_section("/about/sources", "/about"));
        assert!(!is_in_section("/roles-old", "/roles"));
        assert!(!is_in_section("/check", "/roles"));
        assert!(!is_in_section("/roles", "/roles/pa"));
        // The home page's section holds only the home page.
        assert!(is_in_section("/", "/"));
        assert!(!is_in_section("/roles", "/"));
    }

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
            ("check/new", Page::CheckNew),
            ("results", Page::ResultsList),
            ("results/a-1/", Page::Results("a-1".into())),
            ("my-data", Page::MyData),
            ("packs", Page::Packs),
            ("workshop", Page::Workshop),
            ("about", Page::About),
            ("about/sources", Page::Sources),
            ("about/accessibility", Page::Accessibility),
            ("glossary", Page::Glossary),
            ("evidence", Page::Evidence),
        ] {
            assert_eq!(Page::from_path(path), page, "{path}");
        }
    }

    #[test]
    fn every_page_reads_back_from_its_own_path() {
        for page in [
            Page::Home,
            Page::Roles,
            Page::RouteFinder,
            Page::Compare,
            Page::Role("accp".into()),
            Page::Capabilities,
            Page::CheckStart,
            Page::CheckNew,
            Page::CheckStep("a-1764500000000-7".into()),
            Page::ResultsList,
            Page::Results("a-2".into()),
            Page::ReviewAsk("a-1764500000000-7".into()),
            Page::Review,
            Page::MyData,
            Page::Packs,
            Page::Workshop,
            Page::About,
            Page::Sources,
            Page::Accessibility,
            Page::Glossary,
            Page::Evidence,
            Page::NotFound,
        ] {
            assert_eq!(Page::from_path(&page.path()), page, "{}", page.path());
        }
    }

    #[test]
    fn every_pack_file_is_served_from_public_packs_and_is_no_page() {
        let public = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("public");
        for file in PackFile::ALL {
            let path = file.path();
            assert!(
                public.join(path.trim_start_matches('/')).is_file(),
                "{path}"
            );
            assert_eq!(Page::from_path(&path), Page::NotFound, "{path}");
        }
    }

    #[test]
    fn a_query_value_in_a_path_is_read_back() {
        let path = Page::CheckStart.path_with("role", "scp");
        let (path, search) = path.split_once('?').unwrap_or_default();
        assert_eq!(Page::from_path(path), Page::CheckStart);
        assert_eq!(
            query_value(&format!("?{search}"), "role").as_deref(),
            Some("scp")
        );
    }

    #[test]
    fn the_review_addresses_reach_their_pages_and_wait_for_the_framework() {
        for (path, page) in [
            ("results/a-1/review", Page::ReviewAsk("a-1".into())),
            ("results/a-1/review/", Page::ReviewAsk("a-1".into())),
            ("review", Page::Review),
            ("review/", Page::Review),
        ] {
            assert_eq!(Page::from_path(path), page, "{path}");
            assert_eq!(page.needs(), [LazyFile::Framework], "{path}");
        }
        for path in ["review/x", "results/a-1/review/x", "results/a-1/other"] {
            assert_eq!(Page::from_path(path), Page::NotFound, "{path}");
        }
    }

    #[test]
    fn query_values_and_a_fragment_in_a_path_are_read_back() {
        let address = Page::Evidence.path_to(
            &[("capability", "pvb-01"), ("action", "p-1764500000000-3")],
            Some("evidence-form-heading"),
        );
        assert_eq!(
            address,
            "/evidence?capability=pvb-01&action=p-1764500000000-3#evidence-form-heading"
        );
        let (rest, fragment) = address.split_once('#').unwrap_or_default();
        let (path, search) = rest.split_once('?').unwrap_or_default();
        assert_eq!(Page::from_path(path), Page::Evidence);
        assert_eq!(fragment, "evidence-form-heading");
        let search = format!("?{search}");
        assert_eq!(
            query_value(&search, "capability").as_deref(),
            Some("pvb-01")
        );
        assert_eq!(
            query_value(&search, "action").as_deref(),
            Some("p-1764500000000-3")
        );
        assert_eq!(Page::Evidence.path_to(&[], None), "/evidence");
        assert_eq!(
            Page::Evidence.needs(),
            [LazyFile::Framework, LazyFile::Roles]
        );
    }

    #[test]
    fn unknown_and_over_long_addresses_are_not_found() {
        for path in ["nope", "roles/pa/extra", "check/a/b", "about/other"] {
            assert_eq!(Page::from_path(path), Page::NotFound, "{path}");
        }
    }

    #[test]
    fn the_first_page_waits_for_no_fetched_content() {
        for path in ["", "results", "about", "about/accessibility", "nope"] {
            assert!(Page::from_path(path).needs().is_empty(), "{path}");
        }
        for path in ["roles", "roles/route-finder"] {
            assert_eq!(Page::from_path(path).needs(), [LazyFile::Roles], "{path}");
        }
        assert_eq!(Page::from_path("check/a-1").needs(), [LazyFile::Framework]);
        assert_eq!(Page::from_path("glossary").needs(), [LazyFile::Glossary]);
    }

    #[test]
    fn links_to_the_apps_own_pages_stay_in_the_app() {
        let origin = "https://example.org";
        assert_eq!(
            in_app_path(origin, "/roles/pa", origin, ""),
            Some("/roles/pa".into())
        );
        assert_eq!(in_app_path(origin, "/", origin, ""), Some("/".into()));
        assert_eq!(
            in_app_path(origin, "/mapscc", origin, "/mapscc"),
            Some("/".into())
        );
        assert_eq!(
            in_app_path(origin, "/mapscc/check", origin, "/mapscc"),
            Some("/check".into())
        );
    }

    #[test]
    fn links_to_other_sites_or_outside_the_base_load_normally() {
        let origin = "https://example.org";
        assert_eq!(
            in_app_path("https://www.gmc-uk.org", "/roles", origin, ""),
            None
        );
        assert_eq!(
            in_app_path(origin, "/other-app/page", origin, "/mapscc"),
            None
        );
        assert_eq!(
            in_app_path(origin, "/mapscc-old/page", origin, "/mapscc"),
            None
        );
    }

    #[test]
    fn a_link_to_the_page_shown_adds_no_history_entry() {
        assert_eq!(history_step("/roles", "/roles"), HistoryStep::Replace);
        assert_eq!(history_step("/roles/", "/roles"), HistoryStep::Replace);
        assert_eq!(history_step("", "/"), HistoryStep::Replace);
        assert_eq!(
            history_step("/check?role=aa", "/check?role=aa"),
            HistoryStep::Replace
        );
        assert_eq!(history_step("/roles", "/roles/pa"), HistoryStep::Push);
        assert_eq!(history_step("/check", "/check?role=aa"), HistoryStep::Push);
        assert_eq!(history_step("/", "/roles"), HistoryStep::Push);
    }

    #[test]
    fn query_values_are_found_by_name_and_decoded() {
        assert_eq!(query_value("?role=pa", "role"), Some("pa".into()));
        assert_eq!(query_value("?from=a-1&role=aa", "role"), Some("aa".into()));
        assert_eq!(
            query_value("?name=Sam%20Lee+Jones", "name"),
            Some("Sam Lee Jones".into())
        );
        assert_eq!(query_value("?flag", "flag"), Some(String::new()));
        assert_eq!(query_value("", "role"), None);
        assert_eq!(query_value("?role=pa", "rol"), None);
    }

    #[test]
    fn broken_percent_escapes_are_kept_as_written() {
        assert_eq!(query_value("?q=100%&r=%zz%4", "q"), Some("100%".into()));
        assert_eq!(query_value("?q=100%&r=%zz%4", "r"), Some("%zz%4".into()));
        assert_eq!(query_value("?q=%+1", "q"), Some("% 1".into()));
        assert_eq!(query_value("?q=%E2%9C%93", "q"), Some("\u{2713}".into()));
    }
}
