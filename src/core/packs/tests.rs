use super::*;
use crate::core::{
    assessment::{Rating, Scope},
    content,
    framework::Stage,
    scoring::{self, ItemStatus},
};

const EXAMPLE_CSV: &str = include_str!("../../../public/packs/example-pack.csv");
const EXAMPLE_JSON: &str = include_str!("../../../public/packs/example-pack.json");
const TEMPLATE_CSV: &str = include_str!("../../../public/packs/template.csv");
const TODAY: &str = "2026-11-30";

fn typed(name: &str, version: &str) -> Details {
    Details {
        name: name.into(),
        version: version.into(),
        ..Details::default()
    }
}

fn load(text: &str, details: &Details) -> Result<Pack, Vec<Problem>> {
    read(
        text.as_bytes(),
        details,
        &content::framework().domains,
        TODAY,
    )
}

fn example() -> Pack {
    match load(EXAMPLE_JSON, &Details::default()) {
        Ok(pack) => pack,
        Err(problems) => panic!("{problems:?}"),
    }
}

/// (kind, row, column) of each problem, to compare in one assertion.
fn places(problems: &[Problem]) -> Vec<(ProblemKind, Option<usize>, Option<&str>)> {
    problems
        .iter()
        .map(|problem| (problem.kind, problem.row, problem.column.as_deref()))
        .collect()
}

fn problems_in(text: &str) -> Vec<Problem> {
    load(text, &typed("Pack", "1")).err().unwrap_or_default()
}

#[test]
fn the_example_csv_loads_in_every_variant() {
    let details = typed("Example pack (invented, not guidance)", "1.0.0");
    let plain = load(EXAMPLE_CSV, &details);
    let Ok(plain) = plain else {
        panic!("{plain:?}")
    };
    assert_eq!(plain.capabilities.len(), 6);
    // A quoted cell keeps its commas.
    assert!(plain.capabilities[0]
        .descriptor
        .contains("new starters, including"));
    assert_eq!(
        plain.capabilities[3].domain, "education-training",
        "by title"
    );
    assert_eq!(plain.capabilities[3].newly_qualified, None, "blank level");
    assert_eq!(plain.capabilities[3].experienced, Some(2));
    assert_eq!(
        plain.capabilities[0].evidence,
        vec![
            "Signed induction checklist",
            "Note of a meeting with the induction lead"
        ]
    );
    assert_eq!(
        plain.date, TODAY,
        "a CSV pack is dated the day it is loaded"
    );
    let crlf = EXAMPLE_CSV.replace('\n', "\r\n");
    let with_bom = format!("\u{feff}{crlf}");
    for variant in [crlf.clone(), with_bom, format!("\u{feff}{EXAMPLE_CSV}")] {
        assert_eq!(load(&variant, &details).as_ref(), Ok(&plain));
    }
    // A spreadsheet's trailing empty rows are not capabilities.
    let trailing = format!("{crlf},,,,,,,,\r\n,,,,,,,,\r\n");
    assert_eq!(load(&trailing, &details), Ok(plain.clone()));
    // The JSON example is the same pack with its own name and version.
    assert_eq!(example().capabilities, plain.capabilities);
    assert_eq!(example().name, details.name);
}

#[test]
fn the_example_is_labelled_as_an_example_wherever_it_shows() {
    let pack = example();
    assert!(pack.name.contains("Example"));
    assert!(pack.name.contains("not guidance"));
    for item in &pack.capabilities {
        assert!(item.title.starts_with("EXAMPLE: "), "{}", item.title);
        assert!(item.descriptor.starts_with("An invented example item."));
    }
    // Every role has some of its items, so any check can show it.
    for role in RoleId::ALL {
        assert!(pack.count_for(role) >= 2, "{role:?}");
    }
    // Not every item is for every role, so its size says which are whose.
    assert_eq!(
        pack.size_text(),
        "6 capabilities (PA 5, AA 4, SCP 5, ACCP 5)"
    );
}

#[test]
fn the_template_is_the_header_row_and_loads_as_no_capabilities() {
    assert_eq!(TEMPLATE_CSV.trim_end(), CSV_HEADER.join(","));
    assert_eq!(
        places(&problems_in(TEMPLATE_CSV)),
        vec![(ProblemKind::NoCapabilities, None, None)]
    );
}

#[test]
fn columns_may_come_in_any_order_and_any_case() {
    let text =
        "Title,ID,Domain,Roles,descriptor,newly_qualified,experienced,evidence,development\n\
                A title,a-1,safeguarding,PA; AA,,2,3,,\n";
    let Ok(pack) = load(text, &typed("Pack", "1")) else {
        panic!("not read")
    };
    assert_eq!(pack.capabilities[0].id, "a-1");
    assert_eq!(pack.capabilities[0].roles, vec![RoleId::Pa, RoleId::Aa]);
}

#[test]
fn every_kind_of_invalid_row_is_reported_with_its_row_and_column() {
    let long_title = "x".repeat(MAX_TITLE_CHARS + 1);
    let text = format!(
        "{}\n\
         ok-1,safeguarding,Fine,,pa,2,3,,\n\
         ,safeguarding,No id,,pa,2,3,,\n\
         ok-1,safeguarding,Repeated id,,pa,2,3,,\n\
         bad id!,safeguarding,Bad id,,pa,2,3,,\n\
         d-1,cardiology,Unknown domain,,pa,2,3,,\n\
         r-1,safeguarding,Unknown role,,pa;nurse,2,3,,\n\
         r-2,safeguarding,No role,,,2,3,,\n\
         l-1,safeguarding,Level too high,,pa,5,3,,\n\
         l-2,safeguarding,Level not a number,,pa,2,two,,\n\
         t-1,safeguarding,,,pa,2,3,,\n\
         t-2,safeguarding,{long_title},,pa,2,3,,\n\
         c-1,safeguarding,Too few cells,pa,2,3\n",
        CSV_HEADER.join(",")
    );
    assert_eq!(
        places(&problems_in(&text)),
        vec![
            (ProblemKind::WrongCellCount, Some(13), None),
            (ProblemKind::MissingId, Some(3), Some("id")),
            (ProblemKind::DuplicateId, Some(4), Some("id")),
            (ProblemKind::BadId, Some(5), Some("id")),
            (ProblemKind::UnknownDomain, Some(6), Some("domain")),
            (ProblemKind::UnknownRole, Some(7), Some("roles")),
            (ProblemKind::MissingRoles, Some(8), Some("roles")),
            (
                ProblemKind::LevelOutOfRange,
                Some(9),
                Some("newly_qualified")
            ),
            (ProblemKind::LevelOutOfRange, Some(10), Some("experienced")),
            (ProblemKind::EmptyTitle, Some(11), Some("title")),
            (ProblemKind::TooLong, Some(12), Some("title")),
        ]
    );
    let problems = problems_in(&text);
    assert_eq!(
        problems[2].to_string(),
        "Row 4, column id: the id \"ok-1\" is also used in row 2: each capability needs its own"
    );
    assert!(problems[4]
        .to_string()
        .starts_with("Row 6, column domain: \"cardiology\""));
}

#[test]
fn a_quoted_cell_over_several_lines_counts_as_one_row() {
    let text = format!(
        "{}\r\nok-1,safeguarding,\"Two\r\nlines\",,pa,2,3,,\r\nok-2,safeguarding,,,pa,2,3,,\r\n",
        CSV_HEADER.join(",")
    );
    assert_eq!(
        places(&problems_in(&text)),
        vec![(ProblemKind::EmptyTitle, Some(3), Some("title"))]
    );
}

#[test]
fn the_file_as_a_whole_is_checked_first() {
    assert_eq!(
        places(&problems_in("")),
        vec![(ProblemKind::EmptyFile, None, None)]
    );
    assert_eq!(
        places(&problems_in("\u{feff}")),
        vec![(ProblemKind::EmptyFile, None, None)]
    );
    let huge = format!("{}\n{}", CSV_HEADER.join(","), "x".repeat(MAX_PACK_BYTES));
    assert_eq!(
        places(&problems_in(&huge)),
        vec![(ProblemKind::FileTooLarge, None, None)]
    );
    let header = "id,domain,title,descriptor,roles,level,experienced,evidence,development\n";
    assert_eq!(
        places(&problems_in(header)),
        vec![
            (ProblemKind::UnknownColumn, Some(1), Some("level")),
            (ProblemKind::MissingColumn, Some(1), Some("newly_qualified")),
        ]
    );
    let mut many = CSV_HEADER.join(",") + "\n";
    for index in 0..=MAX_PACK_ROWS {
        many.push_str(&format!("id-{index},safeguarding,Title,,pa,2,3,,\n"));
    }
    assert_eq!(
        places(&problems_in(&many)),
        vec![(
            ProblemKind::TooManyRows,
            Some(MAX_PACK_ROWS + 2),
            Some("id")
        )]
    );
    let mut not_utf8 = format!("{}\nok-1,safeguarding,", CSV_HEADER.join(",")).into_bytes();
    not_utf8.extend_from_slice(b"Caf\xE9,,pa,2,3,,\n");
    let problems = read(
        &not_utf8,
        &typed("Pack", "1"),
        &content::framework().domains,
        TODAY,
    )
    .err()
    .unwrap_or_default();
    assert_eq!(
        places(&problems),
        vec![(ProblemKind::NotUtf8, Some(2), Some("title"))]
    );
}

#[test]
fn a_csv_pack_needs_the_name_and_version_the_person_types() {
    assert_eq!(
        places(
            &load(EXAMPLE_CSV, &Details::default())
                .err()
                .unwrap_or_default()
        ),
        vec![
            (ProblemKind::MissingName, None, None),
            (ProblemKind::MissingVersion, None, None)
        ]
    );
    // Typed details win over a JSON file's own.
    let renamed = load(EXAMPLE_JSON, &typed("Ward 3 pack", ""));
    assert_eq!(
        renamed.map(|pack| (pack.name, pack.version)),
        Ok(("Ward 3 pack".into(), "1.0.0".into()))
    );
}

#[test]
fn formula_like_cells_are_read_as_plain_text() {
    let text = format!(
        "{}\nf-1,safeguarding,=HYPERLINK(\"x\"),+1 -2 @3,pa,2,3,@SUM(A1) | -5,'=kept as text\n",
        CSV_HEADER.join(",")
    );
    let Ok(pack) = load(&text, &typed("Pack", "1")) else {
        panic!("not read")
    };
    let item = &pack.capabilities[0];
    assert_eq!(item.title, "=HYPERLINK(\"x\")");
    assert_eq!(item.descriptor, "+1 -2 @3");
    assert_eq!(item.evidence, vec!["@SUM(A1)", "-5"]);
    // Our own export's quote before a formula is taken off again.
    assert_eq!(item.development, vec!["=kept as text"]);
    // And put back on export, so a spreadsheet shows text, not a result.
    let csv = to_csv(&pack);
    assert!(csv.contains("'=HYPERLINK"), "{csv}");
    assert!(csv.contains("'@SUM(A1) | '-5"), "{csv}");
    assert_eq!(load(&csv, &typed("Pack", "1")), Ok(pack));
}

#[test]
fn a_pack_exported_as_csv_or_json_loads_as_the_same_pack() {
    let pack = example();
    let csv = to_csv(&pack);
    assert!(csv.starts_with(&(CSV_HEADER.join(",") + "\r\n")));
    let details = Details {
        name: pack.name.clone(),
        version: pack.version.clone(),
        author: pack.author.clone(),
        date: pack.date.clone(),
    };
    assert_eq!(load(&csv, &details), Ok(pack.clone()));
    assert_eq!(load(&to_json(&pack), &Details::default()), Ok(pack.clone()));
    assert_eq!(
        file_name(&pack, "csv"),
        "example-pack-invented-not-guidance-1.0.0.csv"
    );
}

#[test]
fn every_kind_of_invalid_json_is_reported_with_its_capability_and_field() {
    let text = r#"{"format":"maps-capability-pack","format_version":1,"name":"P","version":"1",
        "colour":"red",
        "capabilities":[
          {"id":"a","domain":"safeguarding","title":"Fine","roles":["pa"],"newly_qualified":2},
          {"id":"a","domain":"nowhere","title":"","roles":"pa","experienced":2.5},
          {"id":"b","domain":"safeguarding","title":"T","roles":["pa", 3],"evidence":"one"},
          "not an object",
          {"id":"c","domain":"safeguarding","title":"T","roles":["pa"],"pillar":"x"},
          {"id":"d","domain":"safeguarding","title":"T","roles":["pa"],"development":["a | b"]}
        ]}"#;
    assert_eq!(
        places(&problems_in(text)),
        vec![
            (ProblemKind::UnknownColumn, None, Some("colour")),
            (ProblemKind::WrongType, Some(2), Some("roles")),
            (ProblemKind::WrongType, Some(3), Some("roles")),
            (ProblemKind::WrongType, Some(3), Some("evidence")),
            (ProblemKind::WrongType, Some(4), None),
            (ProblemKind::UnknownColumn, Some(5), Some("pillar")),
            (ProblemKind::DuplicateId, Some(2), Some("id")),
            (ProblemKind::UnknownDomain, Some(2), Some("domain")),
            (ProblemKind::EmptyTitle, Some(2), Some("title")),
            (ProblemKind::MissingRoles, Some(2), Some("roles")),
            (ProblemKind::LevelOutOfRange, Some(2), Some("experienced")),
            (ProblemKind::SeparatorInItem, Some(6), Some("development")),
        ]
    );
    let fixed = text
        .replace(r#""colour":"red","#, "")
        .replace(r#""roles":"pa""#, r#""roles":["pa"]"#)
        .replace(r#"["pa", 3]"#, r#"["pa"]"#)
        .replace(r#""evidence":"one""#, r#""evidence":["one"]"#)
        .replace(r#""not an object","#, "")
        .replace(r#","pillar":"x""#, "")
        .replace(" | b", "");
    assert_eq!(
        places(&problems_in(&fixed)),
        vec![
            (ProblemKind::DuplicateId, Some(2), Some("id")),
            (ProblemKind::UnknownDomain, Some(2), Some("domain")),
            (ProblemKind::EmptyTitle, Some(2), Some("title")),
            (ProblemKind::LevelOutOfRange, Some(2), Some("experienced")),
        ]
    );
    for (text, kind) in [
        ("{", ProblemKind::NotJson),
        (
            r#"{"app":"maps-capability-checker"}"#,
            ProblemKind::NotAPack,
        ),
        (
            r#"{"format":"maps-capability-pack","format_version":2}"#,
            ProblemKind::TooNew,
        ),
        (
            r#"{"format":"maps-capability-pack","format_version":"1"}"#,
            ProblemKind::NotAPack,
        ),
    ] {
        assert_eq!(
            places(&problems_in(text)),
            vec![(kind, None, None)],
            "{text}"
        );
    }
}

#[test]
fn the_pack_key_ignores_case_spaces_and_punctuation() {
    assert_eq!(pack_key("ED pack, Trust X"), "ed-pack-trust-x");
    assert_eq!(pack_key("  ed PACK -- trust x "), "ed-pack-trust-x");
    assert_eq!(pack_key("Ärzte"), "Ärzte".to_ascii_lowercase());
    assert_eq!(pack_key("!!!"), "pack");
    assert_eq!(capability_id("ed-pack", "a-1"), "pack/ed-pack/a-1");
}

fn with_items(pack: &Pack, ids: &[&str]) -> Pack {
    let mut next = pack.clone();
    next.capabilities = ids
        .iter()
        .map(|id| {
            let mut item = pack.capabilities[0].clone();
            item.id = (*id).into();
            item
        })
        .collect();
    next
}

fn assessment(scope: Scope) -> Assessment {
    Assessment::new(
        "a".into(),
        "me".into(),
        RoleId::Pa,
        Stage::NewlyQualified,
        scope,
        "1.1.0".into(),
        1,
    )
}

#[test]
fn a_new_version_keeps_answers_to_remaining_ids_and_says_what_changed() {
    let first = with_items(&example(), &["keep", "drop"]);
    let mut second = with_items(&example(), &["keep", "new"]);
    second.version = "2.0.0".into();
    assert_eq!(
        change(Some(&first), &second),
        PackChange {
            replaces: Some(first.version.clone()),
            added: vec!["new".into()],
            removed: vec!["drop".into()],
            kept: vec!["keep".into()],
        }
    );
    assert_eq!(change(None, &second).added.len(), 2);
    let mut loaded = Packs::default();
    loaded.put(first.clone());
    let mut check = assessment(Scope::Full);
    check.packs.push(first.origin());
    let key = first.key();
    check.set_rating(&capability_id(&key, "keep"), Some(Rating::Level(3)), 2);
    check.set_rating(&capability_id(&key, "drop"), Some(Rating::Level(2)), 2);
    let asked = |loaded: &Packs| -> Vec<String> {
        check
            .items(with_packs(content::framework(), &loaded.packs))
            .iter()
            .filter(|item| item.pack.is_some())
            .map(|item| item.id.clone())
            .collect()
    };
    assert_eq!(
        asked(&loaded),
        [capability_id(&key, "keep"), capability_id(&key, "drop")]
    );
    loaded.put(second.clone());
    assert_eq!(loaded.packs.len(), 1, "the same pack, not a second one");
    assert_eq!(
        asked(&loaded),
        [capability_id(&key, "keep"), capability_id(&key, "new")]
    );
    assert_eq!(
        check.rating(&capability_id(&key, "keep")),
        Some(Rating::Level(3))
    );
    // The dropped answer is kept, out of sight; the old version brings it back.
    assert_eq!(answers_to(&second, std::slice::from_ref(&check)), 2);
    loaded.put(first);
    assert!(asked(&loaded).contains(&capability_id(&key, "drop")));
}

#[test]
fn removing_a_pack_keeps_its_answers_for_when_it_comes_back() {
    let pack = example();
    let mut loaded = Packs::default();
    loaded.put(pack.clone());
    let mut check = assessment(Scope::Full);
    check.packs.push(pack.origin());
    let id = capability_id(&pack.key(), "induction");
    check.set_rating(&id, Some(Rating::Level(4)), 2);
    assert_eq!(loaded.remove(&pack.key()), Some(pack.clone()));
    let framework = with_packs(content::framework(), &loaded.packs);
    assert!(check
        .items(framework)
        .iter()
        .all(|item| item.pack.is_none()));
    let results = scoring::results(&check, framework, RoleId::Pa, Stage::NewlyQualified);
    assert_eq!(
        results.removed,
        vec![id.clone()],
        "kept, counted as not shown"
    );
    loaded.put(pack);
    let framework = with_packs(content::framework(), &loaded.packs);
    assert!(check.items(framework).iter().any(|item| item.id == id));
}

#[test]
fn pack_items_follow_the_app_s_own_under_their_domain_only_when_included() {
    let pack = example();
    let framework = with_packs(content::framework(), std::slice::from_ref(&pack));
    // Another list of equal packs finds the same framework: built once.
    let equal: Vec<Pack> = vec![example()];
    assert!(std::ptr::eq(
        framework,
        with_packs(content::framework(), &equal)
    ));
    assert!(std::ptr::eq(
        with_packs(content::framework(), &[]),
        content::framework()
    ));
    let mut full = assessment(Scope::Full);
    let national = full.items(framework).len();
    assert_eq!(national, full.items(content::framework()).len(), "left out");
    full.packs.push(pack.origin());
    let items = full.items(framework);
    assert_eq!(items.len(), national + pack.count_for(RoleId::Pa));
    for (index, item) in items.iter().enumerate() {
        let Some(origin) = &item.pack else { continue };
        assert_eq!(origin.name, pack.name);
        // The last of its domain: after the app's own, before the next domain.
        let next = items.get(index + 1);
        assert!(next.is_none_or(|next| next.domain != item.domain || next.pack.is_some()));
        let previous = &items[index - 1];
        assert_eq!(previous.domain, item.domain, "{}", item.id);
    }
    // A quick check asks the included pack's items too, after its own.
    let mut quick = assessment(Scope::Quick);
    let own = quick.items(framework).len();
    quick.packs.push(pack.origin());
    assert_eq!(
        quick.items(framework).len(),
        own + pack.count_for(RoleId::Pa)
    );
}

#[test]
fn an_item_without_an_expected_level_is_shown_but_never_a_gap() {
    let pack = example();
    let framework = with_packs(content::framework(), std::slice::from_ref(&pack));
    let mut check = assessment(Scope::Full);
    check.packs.push(pack.origin());
    let teaching = capability_id(&pack.key(), "teaching");
    check.set_rating(&teaching, Some(Rating::Level(1)), 2);
    let results = scoring::results(&check, framework, RoleId::Pa, Stage::NewlyQualified);
    let item = results
        .items
        .iter()
        .find(|item| item.capability.id == teaching);
    assert_eq!(
        item.map(|item| (item.expected, item.status)),
        Some((None, ItemStatus::NoExpectation))
    );
    assert!(results
        .gaps()
        .iter()
        .all(|gap| gap.capability.id != teaching));
    // Listed with the answers that have no expected level, so it is shown.
    assert_eq!(
        results
            .without_expectation()
            .iter()
            .map(|item| item.capability.id.as_str())
            .collect::<Vec<_>>(),
        vec![teaching.as_str()]
    );
    // Experienced practitioners are expected to reach level 2.
    let results = scoring::results(&check, framework, RoleId::Pa, Stage::Experienced);
    assert!(results
        .gaps()
        .iter()
        .any(|gap| gap.capability.id == teaching));
}

#[test]
fn pack_items_never_count_as_a_role_s_own() {
    let pack = example();
    let framework = with_packs(content::framework(), std::slice::from_ref(&pack));
    // "audit" applies to PAs and ACCPs; "layout" to AAs and SCPs: none is own.
    for role in RoleId::ALL {
        assert_eq!(
            framework.own_to(role).count(),
            content::framework().own_to(role).count()
        );
    }
}
