//! The rules that keep the content honest. `validate` lists every rule the
//! content files break, so a content editor sees all problems at once, and
//! the native test suite fails on any of them.

use crate::core::{
    content::Content,
    framework::{Capability, Framework, HIGHEST_LEVEL, LOWEST_LEVEL},
    roles::{RoleCatalogue, RoleId, SectionKind},
};
use std::collections::BTreeSet;

/// Minimum capabilities in each role's full check.
pub const MIN_CAPABILITIES_PER_ROLE: usize = 45;
/// Minimum distinct capabilities across all roles.
pub const MIN_CAPABILITIES_IN_ALL: usize = 70;
/// The GMC Generic Professional Capabilities framework has nine domains.
pub const DOMAIN_COUNT: usize = 9;
/// Roles that always work under supervision (GMC; RCP; RCoA), so the
/// rating scale must never tell them they work "on your own".
pub const ALWAYS_SUPERVISED: [RoleId; 2] = [RoleId::Pa, RoleId::Aa];
/// The content must be checked again within this many months.
pub const MAX_REVIEW_MONTHS: u32 = 6;

/// The quick check's rules (issue 18): 12 to 15 capabilities of the role,
/// at least half of them (and at least 6) its own, covering every domain
/// the role has, each listed once.
pub const QUICK_CHECK_SIZE: std::ops::RangeInclusive<usize> = 12..=15;

fn quick_check_problems(framework: &Framework, role: RoleId) -> Vec<String> {
    let mut problems = Vec::new();
    let listed = framework
        .quick_checks
        .get(&role)
        .cloned()
        .unwrap_or_default();
    for id in &listed {
        if !framework
            .capability(id)
            .is_some_and(|capability| capability.applies_to(role))
        {
            problems.push(format!(
                "{role:?}'s quick check lists {id}, which is not one of its capabilities"
            ));
        }
    }
    let chosen: Vec<&Capability> = framework.quick_check(role).collect();
    if chosen.len() != listed.len() {
        problems.push(format!(
            "{role:?}'s quick check lists an id twice or one it does not have"
        ));
    }
    if !QUICK_CHECK_SIZE.contains(&chosen.len()) {
        problems.push(format!(
            "{role:?}'s quick check has {} capabilities, not 12 to 15",
            chosen.len()
        ));
    }
    let own = chosen
        .iter()
        .filter(|capability| capability.is_own_to(role))
        .count();
    if own * 2 < chosen.len() || own < 6 {
        problems.push(format!(
            "{role:?}'s quick check has {own} of its own capabilities, fewer than half or than 6"
        ));
    }
    let asked: BTreeSet<&str> = chosen
        .iter()
        .map(|capability| capability.domain.as_str())
        .collect();
    let has: BTreeSet<&str> = framework
        .for_role(role)
        .map(|capability| capability.domain.as_str())
        .collect();
    if asked != has {
        problems.push(format!("{role:?}'s quick check misses a domain"));
    }
    problems
}

/// Every problem with the content, as sentences. Empty means valid.
pub fn validate(content: &Content) -> Vec<String> {
    let mut problems = Vec::new();
    validate_framework(&content.framework, &mut problems);
    validate_roles(&content.roles, &mut problems);
    if content.roles.version != content.framework.version {
        problems.push(format!(
            "roles.json is version {:?} but framework.json is {:?}",
            content.roles.version, content.framework.version
        ));
    }
    problems
}

/// Whether `url` points at a page rather than a site: `https://`, a host,
/// and a path that is not empty, `/`, or only a language root such as
/// `/en/` or `/en-gb`. A query alone (`/?p=12`) does not count as a page.
pub fn is_deep_url(url: &str) -> bool {
    let Some(rest) = url.strip_prefix("https://") else {
        return false;
    };
    let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    let path = path.split(['?', '#']).next().unwrap_or("");
    let segments: Vec<&str> = path.split('/').filter(|part| !part.is_empty()).collect();
    let language_root = segments.len() == 1 && is_language_tag(segments[0]);
    !host.is_empty() && !segments.is_empty() && !language_root
}

/// `en`, `cy`, `en-gb`, `en_GB`: a two-letter language, with or without a
/// two-letter region.
fn is_language_tag(segment: &str) -> bool {
    let bytes = segment.as_bytes();
    let letters = |part: &[u8]| part.len() == 2 && part.iter().all(u8::is_ascii_alphabetic);
    match bytes.len() {
        2 => letters(bytes),
        5 => letters(&bytes[..2]) && matches!(bytes[2], b'-' | b'_') && letters(&bytes[3..]),
        _ => false,
    }
}

/// The ISO date `months` months after `date`, with the day kept where the
/// month has it and moved back to the month's last day where it has not
/// (31 August plus six months is 28 or 29 February). `None` if `date` is
/// not an ISO date.
pub fn add_months(date: &str, months: u32) -> Option<String> {
    if !is_iso_date(date) {
        return None;
    }
    let year: u32 = date.get(0..4)?.parse().ok()?;
    let month: u32 = date.get(5..7)?.parse().ok()?;
    let day: u32 = date.get(8..10)?.parse().ok()?;
    if !(1..=12).contains(&month) {
        return None;
    }
    let index = year * 12 + (month - 1) + months;
    let (year, month) = (index / 12, index % 12 + 1);
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let last = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    Some(format!("{year:04}-{month:02}-{:02}", day.min(last)))
}

fn is_iso_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(index, byte)| index == 4 || index == 7 || byte.is_ascii_digit())
}

fn is_semver(text: &str) -> bool {
    let parts: Vec<&str> = text.split('.').collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|part| !part.is_empty() && part.bytes().all(|byte| byte.is_ascii_digit()))
}

fn is_stable_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|byte| byte.is_ascii_lowercase() || byte.is_ascii_digit() || byte == b'-')
}

fn sentence_count(text: &str) -> usize {
    text.split_terminator(['.', '?', '!'])
        .filter(|part| !part.trim().is_empty())
        .count()
}

fn validate_framework(framework: &Framework, problems: &mut Vec<String>) {
    if !is_semver(&framework.version) {
        problems.push(format!(
            "content version {:?} is not semantic",
            framework.version
        ));
    }
    if !is_iso_date(&framework.date) {
        problems.push(format!(
            "content date {:?} is not YYYY-MM-DD",
            framework.date
        ));
    }
    if framework.changelog.first().map(|entry| &entry.version) != Some(&framework.version) {
        problems.push("the changelog's first entry is not the current version".into());
    }
    let levels: Vec<u8> = framework.scale.iter().map(|level| level.level).collect();
    if levels != (LOWEST_LEVEL..=HIGHEST_LEVEL).collect::<Vec<_>>() {
        problems.push(format!("the scale has levels {levels:?}, expected 1 to 4"));
    }
    for level in &framework.scale {
        if level.label.trim().is_empty() || level.wording.trim().is_empty() {
            problems.push(format!(
                "scale level {} has no label or wording",
                level.level
            ));
        }
    }
    if framework.not_applicable.wording.trim().is_empty() {
        problems.push("'not applicable' has no wording".into());
    }
    if framework.domains.len() != DOMAIN_COUNT {
        problems.push(format!(
            "{} domains, expected {DOMAIN_COUNT}",
            framework.domains.len()
        ));
    }
    let mut domain_ids = BTreeSet::new();
    for domain in &framework.domains {
        if !domain_ids.insert(domain.id.as_str()) {
            problems.push(format!("domain id {} is repeated", domain.id));
        }
        if domain.basis.trim().is_empty() || domain.summary.trim().is_empty() {
            problems.push(format!("domain {} has no summary or basis", domain.id));
        }
    }
    let mut capability_ids = BTreeSet::new();
    for capability in &framework.capabilities {
        let id = &capability.id;
        if !is_stable_id(id) {
            problems.push(format!("capability id {id:?} is not lower-case kebab"));
        }
        if !capability_ids.insert(id.as_str()) {
            problems.push(format!("capability id {id} is repeated"));
        }
        if !domain_ids.contains(capability.domain.as_str()) {
            problems.push(format!("{id} names unknown domain {}", capability.domain));
        }
        if capability.title.trim().is_empty() {
            problems.push(format!("{id} has no title"));
        }
        // Only a local pack's capability may leave out its pillar.
        if capability.pillar.is_none() {
            problems.push(format!("{id} has no pillar"));
        }
        let sentences = sentence_count(&capability.descriptor);
        if !(1..=3).contains(&sentences) {
            problems.push(format!(
                "{id} descriptor has {sentences} sentences, not 1 to 3"
            ));
        }
        if !(2..=4).contains(&capability.evidence.len()) {
            problems.push(format!(
                "{id} has {} evidence examples, not 2 to 4",
                capability.evidence.len()
            ));
        }
        if !(2..=3).contains(&capability.development.len()) {
            problems.push(format!(
                "{id} has {} development ideas, not 2 or 3",
                capability.development.len()
            ));
        }
        if capability
            .evidence
            .iter()
            .chain(&capability.development)
            .any(|text| text.trim().is_empty())
        {
            problems.push(format!("{id} has an empty evidence example or idea"));
        }
        if capability.expected.is_empty() {
            problems.push(format!("{id} applies to no role"));
        }
        for (role, levels) in &capability.expected {
            for level in [levels.newly_qualified, levels.experienced] {
                match level {
                    Some(level) if (LOWEST_LEVEL..=HIGHEST_LEVEL).contains(&level) => {}
                    Some(level) => problems.push(format!("{id} expects level {level} of {role:?}")),
                    None => problems.push(format!("{id} expects no level of {role:?}")),
                }
            }
            if levels.experienced < levels.newly_qualified {
                problems.push(format!("{id} expects less of an experienced {role:?}"));
            }
        }
    }
    for role in RoleId::ALL {
        let count = framework.for_role(role).count();
        if count < MIN_CAPABILITIES_PER_ROLE {
            problems.push(format!(
                "{role:?} has {count} capabilities, fewer than {MIN_CAPABILITIES_PER_ROLE}"
            ));
        }
        problems.extend(quick_check_problems(framework, role));
    }
    if framework.fit.min_rated == 0
        || framework.fit.min_own_rated == 0
        || framework.fit.min_own_rated > framework.fit.min_rated
    {
        problems.push("the fit rule needs 0 < min_own_rated <= min_rated".into());
    }
    let mut replaced_from = BTreeSet::new();
    for step in &framework.replaced {
        if !replaced_from.insert(step.from.as_str()) {
            problems.push(format!("{} is replaced twice", step.from));
        }
        if capability_ids.contains(step.from.as_str()) {
            problems.push(format!(
                "{} is replaced but is still a capability: a retired id is never reused",
                step.from
            ));
        }
        if !capability_ids.contains(framework.current_id(&step.from)) {
            problems.push(format!(
                "{} is replaced by {}, which is not a capability",
                step.from, step.to
            ));
        }
        if step.why.trim().is_empty() {
            problems.push(format!("the replacement of {} gives no reason", step.from));
        }
    }
    for role in RoleId::ALL {
        for level in framework.scale_for(role) {
            if speaks_as_the_practitioner(&level.label)
                && speaks_as_the_practitioner(level.observed_label())
            {
                problems.push(format!(
                    "scale level {} for a {role:?} speaks in the first person and has no form for a supervisor to read of them (\"observed\")",
                    level.level
                ));
            }
        }
    }
    for role in ALWAYS_SUPERVISED {
        for level in framework.scale_for(role) {
            let words = format!("{} {}", level.label, level.wording).to_lowercase();
            if words.contains("on your own") || words.contains("independent") {
                problems.push(format!(
                    "scale level {} tells a {role:?} they work on their own, but they always work under supervision",
                    level.level
                ));
            }
        }
    }
    if framework.capabilities.len() < MIN_CAPABILITIES_IN_ALL {
        problems.push(format!(
            "{} capabilities in all, fewer than {MIN_CAPABILITIES_IN_ALL}",
            framework.capabilities.len()
        ));
    }
}

fn validate_roles(catalogue: &RoleCatalogue, problems: &mut Vec<String>) {
    if !is_iso_date(&catalogue.checked) || !is_iso_date(&catalogue.review_by) {
        problems.push(format!(
            "checked {:?} and review_by {:?} must be YYYY-MM-DD",
            catalogue.checked, catalogue.review_by
        ));
    } else if add_months(&catalogue.checked, MAX_REVIEW_MONTHS)
        .is_none_or(|latest| catalogue.review_by > latest)
        || catalogue.review_by <= catalogue.checked
    {
        problems.push(format!(
            "review_by {} must be after checked {} and at most {MAX_REVIEW_MONTHS} months later",
            catalogue.review_by, catalogue.checked
        ));
    }
    let mut source_ids = BTreeSet::new();
    for source in &catalogue.sources {
        if !source_ids.insert(source.id.as_str()) {
            problems.push(format!("source id {} is repeated", source.id));
        }
        if !source.url.starts_with("https://") {
            problems.push(format!("source {} has no https address", source.id));
        } else if !is_deep_url(&source.url) {
            problems.push(format!(
                "source {} links to a home page ({}), not the page that says the fact",
                source.id, source.url
            ));
        }
        if source.title.trim().is_empty() || source.publisher.trim().is_empty() {
            problems.push(format!("source {} has no title or publisher", source.id));
        }
    }
    let mut cited = BTreeSet::new();
    for role in RoleId::ALL {
        let Some(profile) = catalogue.role(role) else {
            problems.push(format!("no profile for {role:?}"));
            continue;
        };
        for kind in SectionKind::ALL {
            let Some(section) = profile.section(kind) else {
                problems.push(format!("{role:?} has no {kind:?} section"));
                continue;
            };
            if section.facts.is_empty() {
                problems.push(format!("{role:?} {kind:?} has no facts"));
            }
            for fact in &section.facts {
                if fact.sources.is_empty() {
                    problems.push(format!("{role:?} {kind:?}: a fact has no source"));
                }
                if !is_iso_date(&fact.checked) {
                    problems.push(format!(
                        "{role:?} {kind:?}: checked date {:?}",
                        fact.checked
                    ));
                } else if fact.checked > catalogue.checked {
                    problems.push(format!(
                        "{role:?} {kind:?}: a fact checked {} after the content's checked date",
                        fact.checked
                    ));
                }
                if let Some(after) = &fact.after {
                    if !is_iso_date(&after.date) || after.text.trim().is_empty() {
                        problems.push(format!(
                            "{role:?} {kind:?}: dated wording needs a YYYY-MM-DD date and a text"
                        ));
                    }
                }
                for source in &fact.sources {
                    cited.insert(source.as_str());
                    if !source_ids.contains(source.as_str()) {
                        problems.push(format!("{role:?} {kind:?} cites unknown source {source}"));
                    }
                }
            }
        }
    }
    for unused in source_ids.difference(&cited) {
        problems.push(format!("source {unused} is never cited"));
    }
    if catalogue.roles.len() != RoleId::ALL.len() {
        problems.push("there are not exactly four role profiles".into());
    }
}

/// Whether a scale label speaks as the practitioner ("my", "I"), so that
/// a supervisor's rating needs another form of it.
fn speaks_as_the_practitioner(label: &str) -> bool {
    label
        .split(|character: char| !character.is_alphanumeric())
        .any(|word| matches!(word, "my" | "My" | "I" | "me" | "Me"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::content::{no_framework, no_roles, parse, FRAMEWORK_JSON, ROLES_JSON};

    fn empty() -> Content {
        Content {
            framework: no_framework(),
            roles: no_roles(),
        }
    }

    #[test]
    fn compiled_in_content_breaks_no_rule() {
        let content = parse(FRAMEWORK_JSON, ROLES_JSON).unwrap_or_else(|_| empty());
        let problems = validate(&content);
        assert!(
            problems.is_empty(),
            "content problems:\n{}",
            problems.join("\n")
        );
    }

    #[test]
    fn validation_reports_a_dangling_domain_and_a_missing_source() {
        let mut content = parse(FRAMEWORK_JSON, ROLES_JSON).unwrap_or_else(|_| empty());
        if let Some(capability) = content.framework.capabilities.first_mut() {
            capability.domain = "no-such-domain".into();
        }
        if let Some(fact) = content
            .roles
            .roles
            .first_mut()
            .and_then(|role| role.sections.first_mut())
            .and_then(|section| section.facts.first_mut())
        {
            fact.sources = vec!["no-such-source".into()];
        }
        let problems = validate(&content).join("\n");
        assert!(
            problems.contains("unknown domain no-such-domain"),
            "{problems}"
        );
        assert!(
            problems.contains("unknown source no-such-source"),
            "{problems}"
        );
    }

    #[test]
    fn validation_rejects_empty_content() {
        let problems = validate(&empty());
        assert!(problems
            .iter()
            .any(|problem| problem.contains("no profile for Pa")));
        assert!(problems
            .iter()
            .any(|problem| problem.contains("capabilities in all")));
    }

    #[test]
    fn a_source_must_be_the_page_not_the_site() {
        for home in [
            "https://www.gmc-uk.org",
            "https://www.gmc-uk.org/",
            "https://www.gov.uk/#main",
            "https://www.rcsed.ac.uk/en/",
            "https://example.org/en-gb",
            "https://example.org/cy",
            "https://bto.co.uk/?p=2113",
            "http://www.gmc-uk.org/registration",
            "https:///registration",
        ] {
            assert!(!is_deep_url(home), "{home} was accepted");
        }
        for page in [
            "https://www.gmc-uk.org/registration",
            "https://www.rcsed.ac.uk/en/news/2019",
            "https://www.parliamenttoday.com/free/viewnews.html?id=166348",
            "https://www.readkong.com/page/w-rks-critical-1082524",
        ] {
            assert!(is_deep_url(page), "{page} was rejected");
        }
    }

    #[test]
    fn validation_reports_a_home_page_source() {
        let mut content = parse(FRAMEWORK_JSON, ROLES_JSON).unwrap_or_else(|_| empty());
        if let Some(source) = content.roles.sources.first_mut() {
            source.url = "https://www.gmc-uk.org/".into();
        }
        assert!(validate(&content)
            .iter()
            .any(|problem| problem.contains("links to a home page")));
    }

    #[test]
    fn the_capability_picker_holds_each_once_and_no_two_names_alike() {
        let framework = crate::core::content::framework();
        let picker = framework.picker(&[]);
        let names: Vec<&str> = picker
            .iter()
            .flat_map(|(_, choices)| choices.iter().map(|(_, name)| name.as_str()))
            .collect();
        assert_eq!(names.len(), framework.capabilities.len());
        assert_eq!(
            crate::core::sorting::set_of(names.iter()).len(),
            names.len()
        );
        assert!(names.contains(&"Requesting and interpreting investigations (PA)"));
        assert!(picker.iter().all(|(_, choices)| !choices.is_empty()));
    }

    /// From a fresh-user trial: a PA linking diary evidence to a capability
    /// had to pick from all 96, other roles' included.
    #[test]
    fn a_picker_for_one_role_holds_its_capabilities_only_with_plain_names() {
        let framework = crate::core::content::framework();
        let picker = framework.picker(&[RoleId::Pa]);
        let names: Vec<&str> = picker
            .iter()
            .flat_map(|(_, choices)| choices.iter().map(|(_, name)| name.as_str()))
            .collect();
        assert_eq!(names.len(), framework.for_role(RoleId::Pa).count());
        assert!(names.contains(&"Requesting and interpreting investigations"));
        assert!(picker.iter().all(|(_, choices)| !choices.is_empty()));
        assert!(picker.iter().all(|(_, choices)| choices
            .iter()
            .all(|(capability, _)| capability.applies_to(RoleId::Pa))));
    }

    #[test]
    fn every_role_has_at_least_45_capabilities() {
        let content = parse(FRAMEWORK_JSON, ROLES_JSON).unwrap_or_else(|_| empty());
        for role in RoleId::ALL {
            let count = content.framework.for_role(role).count();
            assert!(count >= 45, "{role:?} has {count}");
        }
        let mut fewer = content;
        fewer.framework.capabilities.retain(|capability| {
            !capability.applies_to(RoleId::Scp) || capability.expected.len() > 1
        });
        assert!(validate(&fewer)
            .iter()
            .any(|problem| problem.contains("Scp has")));
    }

    #[test]
    fn the_review_by_date_is_at_most_six_months_after_checking() {
        let mut content = parse(FRAMEWORK_JSON, ROLES_JSON).unwrap_or_else(|_| empty());
        assert_eq!(
            add_months(&content.roles.checked, 6).as_deref(),
            Some("2027-05-30")
        );
        content.roles.review_by = "2027-05-31".into();
        assert!(validate(&content)
            .iter()
            .any(|problem| problem.contains("review_by")));
        assert_eq!(add_months("2026-08-31", 6).as_deref(), Some("2027-02-28"));
        assert_eq!(add_months("2027-08-31", 6).as_deref(), Some("2028-02-29"));
        assert_eq!(add_months("2026-13-01", 6), None);
    }

    #[test]
    fn the_rating_scale_never_tells_a_pa_or_aa_they_work_on_their_own() {
        let content = parse(FRAMEWORK_JSON, ROLES_JSON).unwrap_or_else(|_| empty());
        for role in ALWAYS_SUPERVISED {
            let top = content
                .framework
                .scale_for(role)
                .pop()
                .map(|level| level.label)
                .unwrap_or_default();
            assert_eq!(top, "Consistently, within my supervision", "{role:?}");
        }
        let mut broken = content;
        if let Some(level) = broken.framework.scale.last_mut() {
            level.for_roles.remove(&RoleId::Aa);
        }
        assert!(validate(&broken)
            .iter()
            .any(|problem| problem.contains("Aa they work on their own")));
    }

    #[test]
    fn a_first_person_scale_label_has_a_form_for_a_supervisor() {
        let content = parse(FRAMEWORK_JSON, ROLES_JSON).unwrap_or_else(|_| empty());
        assert_eq!(
            content.framework.observed_level_label(RoleId::Pa, 4),
            "4 (consistently, within the agreed supervision)"
        );
        assert_eq!(
            content.framework.observed_level_label(RoleId::Scp, 4),
            "4 (independently within the agreed scope)"
        );
        assert_eq!(
            content.framework.observed_level_label(RoleId::Scp, 2),
            content.framework.level_label(RoleId::Scp, 2)
        );
        let mut broken = content;
        if let Some(level) = broken.framework.scale.last_mut() {
            level.observed = None;
        }
        let problems = validate(&broken);
        assert!(
            problems
                .iter()
                .any(|problem| problem.contains("level 4 for a Scp speaks in the first person")),
            "{problems:?}"
        );
        assert!(!speaks_as_the_practitioner("Myocardial"));
        assert!(speaks_as_the_practitioner("Independently within my scope"));
    }

    #[test]
    fn a_replaced_id_must_lead_to_a_capability_and_never_be_reused() {
        let mut content = parse(FRAMEWORK_JSON, ROLES_JSON).unwrap_or_else(|_| empty());
        assert_eq!(content.framework.current_id("accp-09"), "accp-11");
        assert_eq!(content.framework.current_id("pvb-01"), "pvb-01");
        if let Some(step) = content.framework.replaced.first_mut() {
            step.to = "no-such-capability".into();
        }
        if let Some(step) = content.framework.replaced.get_mut(1) {
            step.from = "pvb-01".into();
        }
        let problems = validate(&content).join("\n");
        assert!(problems.contains("which is not a capability"), "{problems}");
        assert!(problems.contains("never reused"), "{problems}");
    }

    #[test]
    fn dates_versions_and_ids_are_checked_strictly() {
        assert!(is_iso_date("2026-11-21"));
        assert!(!is_iso_date("21/11/2026"));
        assert!(is_semver("1.0.0"));
        assert!(!is_semver("1.0"));
        assert!(is_stable_id("pvb-01"));
        assert!(!is_stable_id("PVB 01"));
        assert_eq!(sentence_count("One. Two? Three!"), 3);
    }
}
