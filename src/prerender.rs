//! Prerendered pages (issue 25, approach (c)): the build draws the pages
//! that read the same for everyone, with the app's own components, natively,
//! into copies of index.html (`src/bin/prerender.rs`, run by
//! tools/post-build.mjs). Such a page is on screen, and its links work, before
//! the wasm has arrived; the app then draws the same page over it.
//!
//! Only pages whose every control works without the app are prerendered:
//! links, `<details>`, and the fields and submit buttons of a plain GET
//! form, which the browser sends to an address the app answers when it
//! arrives (the start of a check, [`Page::CheckNew`]). Any other button or
//! field would look ready and not be, so `render` refuses such a page.
//!
//! A page with a form is drawn for a visitor with nothing stored: to
//! anyone else, [`STORED_DATA_SCRIPT`] shows "Opening…" in its place until
//! the app, which can read what they have, takes over.
//!
//! Native builds only: `browser` asks this module for the base path,
//! today's date and the page's title, as there is no browser to ask.

use crate::{
    address::Page,
    core::{content, roles::RoleId},
    navigation::Navigation,
    pages,
    state::AppState,
};
use leptos::prelude::*;
use std::cell::RefCell;

/// What a prerender is for: the public URL the build is served from and
/// the day it is built.
#[derive(Clone, Debug, Default)]
pub struct Build {
    /// "" at the root of a host, "/some/path" under a sub-path (no trailing
    /// slash), as `browser::base_path` gives it in the browser.
    pub base_path: String,
    /// YYYY-MM-DD.
    pub today: String,
}

thread_local! {
    static BUILD: RefCell<Build> = RefCell::new(Build::default());
    static TITLE: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Sets the build that `render` draws pages for.
pub fn configure(build: Build) {
    BUILD.with(|current| *current.borrow_mut() = build);
}

pub(crate) fn base_path() -> String {
    BUILD.with(|build| build.borrow().base_path.clone())
}

pub(crate) fn today() -> String {
    BUILD.with(|build| build.borrow().today.clone())
}

pub(crate) fn set_title(title: &str) {
    TITLE.with(|current| *current.borrow_mut() = Some(title.to_owned()));
}

/// The pages the build prerenders: the start page, the roles and each
/// role's profile, the start of a check, the glossary, and the about pages.
pub fn pages() -> Vec<Page> {
    let mut pages = vec![Page::Home, Page::Roles];
    pages.extend(RoleId::ALL.map(|role| Page::Role(role.code().to_owned())));
    pages.extend([
        Page::CheckStart,
        Page::Glossary,
        Page::About,
        Page::Sources,
        Page::Accessibility,
    ]);
    pages
}

/// The pages with an address of their own that are not prerendered, as
/// they show what is stored on the device or take input the app must
/// handle. Each gets a copy of the app's shell (404.html) that fetches
/// the page's chunk and content files with the HTML (tools/post-build.mjs),
/// so a first visit, such as a supervisor's to `/review`, does not wait
/// for the main wasm to ask for them. Pages whose address holds an id
/// (`/results/<id>`) share 404.html, which knows no page.
pub fn shells() -> Vec<Page> {
    vec![
        Page::CheckNew,
        Page::ResultsList,
        Page::Review,
        Page::Evidence,
        Page::MyData,
        Page::Workshop,
        Page::Packs,
    ]
}

/// The file a prerendered page is written to, relative to the build's
/// directory: "index.html" for the start page, "roles/pa.html" for
/// "/roles/pa". Static hosts (and tools/serve.mjs) answer "/roles/pa" with
/// "roles/pa.html".
pub fn file_name(page: &Page) -> String {
    match page.path().trim_matches('/') {
        "" => "index.html".to_owned(),
        path => format!("{path}.html"),
    }
}

/// A page drawn to HTML: the tab's title and what goes inside `<main>`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rendered {
    pub title: String,
    pub main: String,
}

/// Tags of controls that need the app to work outside a GET form.
const CONTROLS_NEEDING_THE_APP: [&str; 5] = ["<button", "<input", "<select", "<textarea", "<form"];

/// The first control in `html` that would not work without the app: any
/// control outside a `<form method="get" action="…">`, and inside one a
/// button that does not submit it.
fn control_needing_the_app(html: &str) -> Option<String> {
    let mut outside = String::new();
    let mut rest = html;
    while let Some(at) = rest.find("<form") {
        outside.push_str(&rest[..at]);
        let form = &rest[at..];
        let Some(end) = form.find("</form>") else {
            return Some("<form (not closed)".to_owned());
        };
        let tag = &form[..form.find('>').unwrap_or(form.len())];
        if !tag.contains(" method=\"get\"") || !tag.contains(" action=\"") {
            return Some("<form (not a GET form with an action)".to_owned());
        }
        let inside = &form[..end];
        let not_submitting = inside
            .match_indices("<button")
            .map(|(at, _)| &inside[at..at + inside[at..].find('>').unwrap_or(0)])
            .find(|button| !button.contains(" type=\"submit\""));
        if let Some(button) = not_submitting {
            return Some(format!("{button} (inside a form, not its submit button)"));
        }
        rest = &form[end + "</form>".len()..];
    }
    outside.push_str(rest);
    CONTROLS_NEEDING_THE_APP
        .iter()
        .find(|control| outside.contains(*control))
        .map(|control| (*control).to_owned())
}

/// Draws `page` as the app would for someone with nothing stored.
///
/// Errors: a page that is not prerendered, a page that set no title, or one
/// with a control that needs the app (named in the message).
pub fn render(page: &Page) -> Result<Rendered, String> {
    TITLE.with(|title| title.borrow_mut().take());
    let owner = Owner::new();
    // Drawn once, with nothing to follow: read untracked, as the app's
    // first draw reads its signals.
    let html = owner.with(|| {
        untrack(|| match page {
            Page::Home => Ok(view! { <pages::home::Home continue_check=false/> }.to_html()),
            Page::Roles => Ok(view! { <pages::roles::Roles/> }.to_html()),
            Page::Role(code) => {
                Ok(view! { <pages::role_profile::RoleProfilePage code=code.clone()/> }.to_html())
            }
            Page::CheckStart => {
                provide_context(AppState::for_prerender());
                provide_context(Navigation::at(page));
                Ok(view! { <pages::check_start::CheckStart/> }.to_html())
            }
            Page::Glossary => Ok(view! { <pages::glossary::Glossary/> }.to_html()),
            Page::About => Ok(view! { <pages::about::About/> }.to_html()),
            Page::Sources => Ok(view! { <pages::sources::Sources/> }.to_html()),
            Page::Accessibility => Ok(view! { <pages::accessibility::Accessibility/> }.to_html()),
            other => Err(format!("{} is not a prerendered page", other.path())),
        })
    })?;
    let title = TITLE
        .with(|title| title.borrow_mut().take())
        .ok_or_else(|| format!("{} set no title", page.path()))?;
    if let Some(control) = control_needing_the_app(&html) {
        return Err(format!(
            "{} has a control that needs the app ({control}…>), so it cannot be prerendered",
            page.path()
        ));
    }
    // Leptos marks where dynamic text meets static text with "<!>" for
    // hydration; nothing hydrates a prerendered page.
    let html = html.replace("<!>", "");
    // "#id" is a place on this page, but with <base> the browser would go
    // to the start page: until the app takes such clicks over, the link
    // names its page.
    let main = html.replace("href=\"#", &format!("href=\"{}#", page.href()));
    let main = if main.contains("<form") {
        shown_if_nothing_stored(&main)?
    } else {
        main
    };
    Ok(Rendered {
        title,
        main: mark_dated_wording(&main),
    })
}

/// What [`STORED_DATA_SCRIPT`] shows in place of a page drawn for a
/// visitor with nothing stored, to anyone else.
const OPENING_WHAT_IS_STORED: &str = "Opening what is saved in this browser…";

/// `main` with everything after its heading marked to be shown only to a
/// visitor with nothing stored, and the "Opening…" line for anyone else.
fn shown_if_nothing_stored(main: &str) -> Result<String, String> {
    let heading_end = main
        .find("</h1>")
        .map(|at| at + "</h1>".len())
        .ok_or("a page with a form has no <h1>")?;
    Ok(format!(
        "{}<p class=\"nhsuk-body-l\" data-app-if-stored data-app-opening hidden>{OPENING_WHAT_IS_STORED}</p><div data-app-if-nothing-stored>{}</div>",
        &main[..heading_end],
        &main[heading_end..]
    ))
}

/// Run inline on a page [`shown_if_nothing_stored`] marks, before it is
/// shown: when this browser holds anything of the app's (a key starting
/// with [`records::KEY_PREFIX`] in localStorage, or in sessionStorage for a
/// guest session), or will not say, it shows "Opening…" in place of the
/// page; otherwise it ticks the radios the address asks for
/// ("/check?role=pa"), as the app would.
pub const STORED_DATA_SCRIPT: &str = "let s=false;try{for(const t of[localStorage,sessionStorage])for(let i=0;i<t.length;i++)s=s||t.key(i).startsWith('mapscc/')}catch(e){s=true}for(const e of document.querySelectorAll('[data-app-if-stored]'))e.hidden=!s;for(const e of document.querySelectorAll('[data-app-if-nothing-stored]'))e.hidden=s;if(!s)for(const[n,v]of new URLSearchParams(location.search))for(const r of document.querySelectorAll('main form input[type=radio]'))if(r.name===n&&r.value===v)r.checked=true";

/// Puts the wording of each fact that changes on a known date
/// ([`crate::core::roles::Fact::text_on`]) in place, on the reader's
/// device, before the page is shown: a prerendered page is drawn on the
/// build day and may be read after the date. It runs inline, allowed by its
/// hash ([`script_hash`]), on the texts [`mark_dated_wording`] marks.
pub const DATED_WORDING_SCRIPT: &str = "for(const e of document.querySelectorAll('[data-app-after]')){const d=new Date(),t=d.getFullYear()+'-'+String(d.getMonth()+1).padStart(2,'0')+'-'+String(d.getDate()).padStart(2,'0');if(t>=e.dataset.appAfter)e.textContent=e.dataset.appAfterText}";

/// The Content-Security-Policy source that allows the inline `script`
/// ([`DATED_WORDING_SCRIPT`], [`STORED_DATA_SCRIPT`]).
pub fn script_hash(script: &str) -> String {
    use base64::Engine;
    use sha2::Digest;
    let digest = sha2::Sha256::digest(script.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// Marks each dated fact's text in `main` (as the build day words it) with
/// its later wording and the date it applies from, for
/// [`DATED_WORDING_SCRIPT`].
fn mark_dated_wording(main: &str) -> String {
    let today = today();
    let mut marked = main.to_owned();
    let facts = content::roles()
        .roles
        .iter()
        .flat_map(|role| role.sections.iter())
        .flat_map(|section| section.facts.iter());
    for fact in facts {
        let Some(after) = fact.after.as_ref().filter(|after| today < after.date) else {
            continue;
        };
        let shown = html_escape::encode_text(&fact.text).into_owned();
        marked = marked.replace(
            &shown,
            &format!(
                "<span data-app-after=\"{}\" data-app-after-text=\"{}\">{shown}</span>",
                html_escape::encode_double_quoted_attribute(&after.date),
                html_escape::encode_double_quoted_attribute(&after.text)
            ),
        );
    }
    marked
}

/// index.html (`shell`, as built) made into `page`'s prerendered copy: its
/// title, its `<main>` (keeping the `<noscript>` note at its end), its
/// section marked in the header, and `data-page` on `#app-static`, the
/// address the page is for, so a script can tell it is the page asked for.
///
/// Errors: a shell without exactly one of each thing replaced.
pub fn page_file(shell: &str, page: &Page, rendered: &Rendered) -> Result<String, String> {
    // The header first: the page's own <main> may hold a <nav> too.
    let html = show_skip_link(&mark_current_section(shell, page)?, page)?;
    let mut html = replace_between(&html, "<title>", "</title>", &escape_text(&rendered.title))?;
    let main_start = one_of(&html, &["id=maincontent>", "id=\"maincontent\">"])?;
    let noscript = html[main_start..]
        .find("<noscript>")
        .map(|at| main_start + at)
        .ok_or("index.html's <main> has no <noscript> note at its end")?;
    let scripts: Vec<&str> = [
        ("data-app-after=", DATED_WORDING_SCRIPT),
        ("data-app-if-stored", STORED_DATA_SCRIPT),
    ]
    .into_iter()
    .filter(|(marker, _)| rendered.main.contains(marker))
    .map(|(_, script)| script)
    .collect();
    let inline: String = scripts
        .iter()
        .map(|script| format!("<script>{script}</script>"))
        .collect();
    html.replace_range(main_start..noscript, &format!("{}{inline}", rendered.main));
    if rendered.main.contains("<form") {
        // The page's GET form may be sent, to this origin only.
        let policy = one_of(&html, &[NO_FORMS])?;
        html.replace_range(policy - NO_FORMS.len()..policy, "form-action 'self'");
    }
    if !scripts.is_empty() {
        let policy = one_of(&html, &["script-src 'self'"])?;
        let hashes: Vec<String> = scripts.iter().map(|script| script_hash(script)).collect();
        html.insert_str(policy, &format!(" {}", hashes.join(" ")));
    }
    // Just before the tag's ">".
    let static_page = one_of(&html, &["<div id=app-static>", "<div id=\"app-static\">"])? - 1;
    html.insert_str(static_page, &format!(" data-page=\"{}\"", page.href()));
    Ok(html)
}

/// index.html's policy on sending forms: none is sent, as the app's own
/// forms are handled in the page.
const NO_FORMS: &str = "form-action 'none'";

/// The skip link, hidden in the shell (with <base>, "#maincontent" would
/// load the start page), shown with the page's own address; the app sets
/// it back to "#maincontent" when it takes over (`browser`).
fn show_skip_link(html: &str, page: &Page) -> Result<String, String> {
    let markers = ["<a class=nhsuk-skip-link", "<a class=\"nhsuk-skip-link\""];
    let after = one_of(html, &markers)?;
    let start = markers
        .iter()
        .find(|marker| html[..after].ends_with(*marker))
        .map_or(after, |marker| after - marker.len());
    let end = after
        + html[after..]
            .find('>')
            .ok_or("the skip link is not closed")?
        + 1;
    Ok(format!(
        "{}<a class=\"nhsuk-skip-link\" href=\"{}#maincontent\">{}",
        &html[..start],
        page.href(),
        &html[end..]
    ))
}

/// Where the text just after the one `marker` (of several spellings) found
/// in `html` starts.
fn one_of(html: &str, markers: &[&str]) -> Result<usize, String> {
    let found: Vec<usize> = markers
        .iter()
        .flat_map(|marker| html.match_indices(marker).map(|(at, _)| at + marker.len()))
        .collect();
    match found.as_slice() {
        [at] => Ok(*at),
        _ => Err(format!(
            "index.html has {} of {} where it should have one",
            found.len(),
            markers[0]
        )),
    }
}

fn replace_between(html: &str, start: &str, end: &str, with: &str) -> Result<String, String> {
    let from = one_of(html, &[start])?;
    let to = from
        + html[from..]
            .find(end)
            .ok_or_else(|| format!("index.html has no {end} after {start}"))?;
    Ok(format!("{}{with}{}", &html[..from], &html[to..]))
}

fn escape_text(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;")
}

/// Marks the header's link to `page`'s section with `aria-current="page"`,
/// as the app does (`browser::mark_current_section`). The links' `href`s
/// are relative to the base ("roles"), quoted or not.
fn mark_current_section(html: &str, page: &Page) -> Result<String, String> {
    let nav = one_of(html, &["<nav "])?;
    let nav_end = nav
        + html[nav..]
            .find("</nav>")
            .ok_or("index.html's <nav> is not closed")?;
    let mut marked = html[..nav].to_owned();
    let mut rest = &html[nav..nav_end];
    while let Some(at) = rest.find("<a ") {
        let tag_end = at
            + rest[at..]
                .find('>')
                .ok_or("a link in <nav> is not closed")?;
        let tag = &rest[at..tag_end];
        let href = tag
            .split_once("href=")
            .map(|(_, value)| {
                value
                    .trim_start_matches('"')
                    .split(['"', ' '])
                    .next()
                    .unwrap_or_default()
            })
            .ok_or("a link in <nav> has no href")?;
        marked.push_str(&rest[..tag_end]);
        if crate::address::is_in_section(&page.path(), &format!("/{href}")) {
            marked.push_str(" aria-current=\"page\"");
        }
        rest = &rest[tag_end..];
    }
    marked.push_str(rest);
    marked.push_str(&html[nav_end..]);
    Ok(marked)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::records;

    #[test]
    fn each_shell_copy_is_of_a_page_with_code_in_a_chunk_that_is_not_prerendered() {
        let prerendered = pages();
        for page in shells() {
            assert!(
                !prerendered.contains(&page),
                "{} is prerendered",
                page.path()
            );
            assert!(
                crate::lazy::journey(&page).is_some(),
                "{} is in the main wasm",
                page.path()
            );
            // Its own address: the file a static host answers it with.
            assert_eq!(Page::from_path(&page.path()), page);
            assert_eq!(
                file_name(&page),
                format!("{}.html", page.path().trim_matches('/'))
            );
        }
    }

    const SHELL: &str = concat!(
        "<html><head><title>MAPs Capability Checker</title></head><body>",
        "<a class=nhsuk-skip-link hidden href=#maincontent>Skip to main content</a>",
        "<nav class=app-navigation aria-label=Main><ul>",
        "<li><a class=nhsuk-header__navigation-link href=roles>Explore roles</a></li>",
        "<li><a class=\"nhsuk-header__navigation-link\" href=\"about\">About</a></li>",
        "</ul></nav><div id=app-page><div id=app-static>",
        "<main class=nhsuk-main-wrapper id=maincontent><h1>Static</h1>",
        "<noscript><p>Needs JavaScript</p></noscript></main></div></div>",
        "<footer><a href=about>About</a></footer></body></html>"
    );

    fn build(base_path: &str) {
        configure(Build {
            base_path: base_path.to_owned(),
            today: "2026-12-01".to_owned(),
        });
    }

    #[test]
    fn every_prerendered_page_draws_with_a_title_and_only_controls_that_work_without_the_app() {
        build("");
        for page in pages() {
            let rendered = render(&page).unwrap_or_else(|problem| panic!("{problem}"));
            assert!(
                rendered.title.ends_with(" - MAPs Capability Checker"),
                "{}",
                rendered.title
            );
            assert!(
                rendered.main.contains("<h1"),
                "{} has no heading",
                page.path()
            );
            assert!(!rendered.main.contains("<!>"), "{}", page.path());
        }
    }

    #[test]
    fn a_page_with_form_fields_is_refused() {
        build("");
        let problem = render(&Page::Compare).unwrap_err();
        assert!(problem.contains("/roles/compare"), "{problem}");
    }

    #[test]
    fn only_a_get_forms_fields_and_submit_button_work_without_the_app() {
        let get = |inside: &str| {
            format!(
                "<h1>t</h1><form method=\"get\" action=\"/check/new\" novalidate>{inside}</form>"
            )
        };
        assert_eq!(control_needing_the_app(&get("<input name=\"role\" type=\"radio\"><button class=\"nhsuk-button\" type=\"submit\">Start</button>")), None);
        for (html, found) in [
            (
                get("<button type=\"button\">Add</button>"),
                "<button type=\"button\"",
            ),
            (get("<button>Start</button>"), "<button"),
            (get("") + "<input name=\"x\">", "<input"),
            (
                "<form action=\"/x\"><input></form>".to_owned(),
                "not a GET form",
            ),
            (
                "<form method=\"get\"><input></form>".to_owned(),
                "not a GET form",
            ),
            (
                "<form method=\"get\" action=\"/x\"><input>".to_owned(),
                "not closed",
            ),
            ("<button type=\"submit\">Go</button>".to_owned(), "<button"),
        ] {
            let control = control_needing_the_app(&html);
            assert!(
                control
                    .as_deref()
                    .is_some_and(|control| control.contains(found)),
                "{html}: {control:?}"
            );
        }
    }

    /// The start of a check is drawn for a visitor with nothing stored: its
    /// form is marked to be hidden from anyone else, and the inline script
    /// that does it is allowed by the page's policy.
    #[test]
    fn the_start_of_a_check_is_a_get_form_shown_only_when_nothing_is_stored() {
        build("");
        let rendered = render(&Page::CheckStart).unwrap_or_else(|problem| panic!("{problem}"));
        assert!(rendered
            .main
            .contains("<form method=\"get\" action=\"/check/new\""));
        for field in ["name=\"role\"", "name=\"stage\"", "name=\"scope\""] {
            assert!(rendered.main.contains(field), "{field}");
        }
        assert!(rendered
            .main
            .contains("Every answer is saved on this device as you go"));
        assert!(!rendered.main.contains("My assessments"));
        let heading = rendered.main.find("</h1>").unwrap_or(usize::MAX);
        let hidden = rendered
            .main
            .find("data-app-if-nothing-stored>")
            .unwrap_or(0);
        assert!(heading < hidden && hidden < rendered.main.find("<form").unwrap_or(0));
        assert!(rendered.main.contains(&format!(
            "data-app-if-stored data-app-opening hidden>{OPENING_WHAT_IS_STORED}</p>"
        )));
        assert!(STORED_DATA_SCRIPT.contains(&format!("startsWith('{}')", records::KEY_PREFIX)));
        let shell = SHELL.replace(
            "<title>",
            "<meta http-equiv=Content-Security-Policy content=\"script-src 'self' 'wasm-unsafe-eval'; form-action 'none'\"><title>",
        );
        let html = page_file(&shell, &Page::CheckStart, &rendered)
            .unwrap_or_else(|problem| panic!("{problem}"));
        assert!(html.contains("'wasm-unsafe-eval'; form-action 'self'\""));
        let role_page_html = page_file(
            &shell,
            &Page::Role("pa".to_owned()),
            &Rendered {
                title: "t".to_owned(),
                main: "<h1>t</h1>".to_owned(),
            },
        )
        .unwrap_or_else(|problem| panic!("{problem}"));
        assert!(role_page_html.contains("form-action 'none'"));
        assert!(html.contains(&format!(
            "script-src 'self' {} 'wasm-unsafe-eval'",
            script_hash(STORED_DATA_SCRIPT)
        )));
        assert!(html.contains(&format!("<script>{STORED_DATA_SCRIPT}</script><noscript>")));
        let role_page =
            render(&Page::Role("pa".to_owned())).unwrap_or_else(|problem| panic!("{problem}"));
        assert!(
            !role_page.main.contains("data-app-if-stored"),
            "a page without a form is for everyone"
        );
    }

    #[test]
    fn links_to_places_on_the_page_name_the_page_under_the_base() {
        build("/maps");
        let rendered =
            render(&Page::Role("pa".to_owned())).unwrap_or_else(|problem| panic!("{problem}"));
        assert!(rendered.main.contains("href=\"/maps/roles/pa#sources\""));
        assert!(!rendered.main.contains("href=\"#"));
        assert!(rendered.main.contains("href=\"/maps/roles\""));
    }

    #[test]
    fn the_copy_of_index_html_has_the_page_its_title_and_its_section_marked() {
        build("");
        let rendered = Rendered {
            title: "Physician associate & more - MAPs Capability Checker".to_owned(),
            main: "<h1>Physician associate</h1>".to_owned(),
        };
        let page = Page::Role("pa".to_owned());
        let html = page_file(SHELL, &page, &rendered).unwrap_or_else(|problem| panic!("{problem}"));
        assert!(html
            .contains("<title>Physician associate &amp; more - MAPs Capability Checker</title>"));
        assert!(html.contains("<div id=app-static data-page=\"/roles/pa\">"));
        assert!(html.contains(
            "<a class=\"nhsuk-skip-link\" href=\"/roles/pa#maincontent\">Skip to main content</a>"
        ));
        assert!(html.contains(
            "id=maincontent><h1>Physician associate</h1><noscript><p>Needs JavaScript</p></noscript></main>"
        ));
        assert!(html.contains("href=roles aria-current=\"page\">Explore roles"));
        assert!(
            html.contains("href=\"about\">About"),
            "only the current section is marked"
        );
        assert!(
            html.contains("<footer><a href=about>About</a>"),
            "the footer is left alone"
        );
        assert_eq!(file_name(&page), "roles/pa.html");
        assert_eq!(file_name(&Page::Home), "index.html");
    }

    /// Found by an e2e test: a role page prerendered on 1 December 2026
    /// and read on 1 January 2027 said working unregistered "will be an
    /// offence" until the app took over.
    #[test]
    fn wording_that_changes_on_a_date_is_put_right_on_the_readers_day() {
        build("");
        let page = Page::Role("pa".to_owned());
        let rendered = render(&page).unwrap_or_else(|problem| panic!("{problem}"));
        assert!(rendered.main.contains("data-app-after=\"2027-01-01\""));
        assert!(rendered.main.contains("will be an offence"));
        let shell = SHELL.replace(
            "<title>",
            "<meta http-equiv=Content-Security-Policy content=\"default-src 'self'; script-src 'self' 'wasm-unsafe-eval'\"><title>",
        );
        let html =
            page_file(&shell, &page, &rendered).unwrap_or_else(|problem| panic!("{problem}"));
        assert!(html.contains(&format!(
            "script-src 'self' {} 'wasm-unsafe-eval'",
            script_hash(DATED_WORDING_SCRIPT)
        )));
        assert!(html.contains(&format!(
            "<script>{DATED_WORDING_SCRIPT}</script><noscript>"
        )));
        // Built after the date: the later wording, with nothing to change.
        configure(Build {
            base_path: String::new(),
            today: "2027-01-02".to_owned(),
        });
        let later = render(&page).unwrap_or_else(|problem| panic!("{problem}"));
        assert!(later.main.contains("is now an offence"));
        assert!(!later.main.contains("data-app-after"));
    }

    #[test]
    fn a_shell_without_its_main_is_an_error_not_a_wrong_page() {
        let rendered = Rendered {
            title: "t".to_owned(),
            main: "<h1>t</h1>".to_owned(),
        };
        let shell = SHELL.replace("id=maincontent", "id=elsewhere");
        assert!(page_file(&shell, &Page::About, &rendered).is_err());
        let shell = SHELL.replace("<noscript>", "<p>");
        assert!(page_file(&shell, &Page::About, &rendered).is_err());
    }
}
