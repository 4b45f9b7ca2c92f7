//! Local capability packs: detail agreed for a setting (a department, a
//! placement, an employer), written in a spreadsheet and loaded by the
//! person on their own device (issue 24).
//!
//! The MAPs Core Capabilities Framework gives high-level descriptors that
//! settings detail locally; a pack carries such detail. A pack is never
//! this app's content and never national content: every capability it adds
//! carries the pack's name ([`PackOrigin`]) wherever it is shown.
//!
//! Formats, both read here and written by [`to_csv`] and [`to_json`]:
//!
//! - CSV: UTF-8, with or without a byte-order mark, comma-separated and
//!   quoted as RFC 4180, with the header row [`CSV_HEADER`]. `roles` is a
//!   `;`-separated list of `pa`, `aa`, `scp`, `accp`; `domain` is a domain id
//!   or its title; the two levels are 1 to 4, or blank for no expectation;
//!   `evidence` and `development` are items separated by ` | `. The pack's
//!   name and version are not in the file: the person gives them.
//! - JSON: the same fields, with the pack's name, version, author and date,
//!   as described by `public/packs/pack.schema.json`.
//!
//! Nothing is stored until every row is valid: [`read`] returns every
//! problem with its row (the spreadsheet's row number, the header being
//! row 1; in JSON, the capability's position from 1) and its column.

use crate::core::{
    assessment::Assessment,
    framework::{
        Capability, Domain, ExpectedLevels, Framework, Level, HIGHEST_LEVEL, LOWEST_LEVEL,
    },
    limits::char_count,
    records::Record,
    roles::RoleId,
};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::{cell::RefCell, collections::BTreeMap, fmt};

/// The header row of a CSV pack, in this order.
pub const CSV_HEADER: [&str; 9] = [
    "id",
    "domain",
    "title",
    "descriptor",
    "roles",
    "newly_qualified",
    "experienced",
    "evidence",
    "development",
];

/// What a JSON pack says it is, in its `format` field.
pub const JSON_FORMAT: &str = "maps-capability-pack";
/// The JSON pack format this release reads and writes (`format_version`).
pub const JSON_FORMAT_VERSION: u64 = 1;

/// Larger files are refused before reading: 300 rows of long text fit in
/// well under this.
pub const MAX_PACK_BYTES: usize = 512 * 1024;
/// The most capabilities one pack may add: a full check of the app's own
/// content is 45 to 80; a pack details it, it does not replace it.
pub const MAX_PACK_ROWS: usize = 300;
/// The longest capability id, in characters.
pub const MAX_ID_CHARS: usize = 40;
/// The longest pack name, version or author, in characters.
pub const MAX_NAME_CHARS: usize = 100;
/// The longest title, in characters.
pub const MAX_TITLE_CHARS: usize = 200;
/// The longest descriptor, evidence or development item, in characters.
pub const MAX_TEXT_CHARS: usize = 1_000;
/// The most evidence or development items on one capability.
pub const MAX_LIST_ITEMS: usize = 10;

/// Between the items of `evidence` and `development` in a CSV cell.
pub const LIST_SEPARATOR: &str = " | ";

/// The localStorage key of the loaded packs.
pub const PACKS_KEY: &str = "mapscc/packs";

/// One capability of a pack, as the pack's author wrote it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackCapability {
    /// The pack's own id: unique in the pack, kept across its versions.
    pub id: String,
    /// One of the app's nine domain ids.
    pub domain: String,
    pub title: String,
    #[serde(default)]
    pub descriptor: String,
    /// The roles it applies to, in the app's role order, at least one.
    pub roles: Vec<RoleId>,
    /// The indicative level expected when newly qualified (students and
    /// trainees are measured against it too); `None`: no expectation.
    #[serde(default)]
    pub newly_qualified: Option<Level>,
    /// The indicative level expected when experienced; `None`: none.
    #[serde(default)]
    pub experienced: Option<Level>,
    #[serde(default)]
    pub evidence: Vec<String>,
    #[serde(default)]
    pub development: Vec<String>,
}

/// A named, versioned set of extra capabilities.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pack {
    pub name: String,
    pub version: String,
    /// The author or organisation; may be empty.
    #[serde(default)]
    pub author: String,
    /// The pack's date as its author gave it, or the day it was loaded.
    #[serde(default)]
    pub date: String,
    pub capabilities: Vec<PackCapability>,
}

/// Which pack a capability comes from, carried by every capability a pack
/// adds so that views can label it with the pack's name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackOrigin {
    /// See [`pack_key`].
    pub key: String,
    pub name: String,
    pub version: String,
}

/// A pack an assessment was made with, and its version then.
pub type PackUse = PackOrigin;

/// What a pack is known by: its name in lower case, with every run of
/// ASCII punctuation and spaces as one hyphen. A file whose name gives the
/// same key is a new version of the same pack.
pub fn pack_key(name: &str) -> String {
    let mut key = String::new();
    for character in name.chars() {
        if character.is_ascii_alphanumeric() || !character.is_ascii() {
            key.push(character.to_ascii_lowercase());
        } else if !key.is_empty() && !key.ends_with('-') {
            key.push('-');
        }
    }
    let key = key.trim_end_matches('-');
    if key.is_empty() {
        "pack".into()
    } else {
        key.into()
    }
}

/// The id under which answers to a pack's capability are stored: the same
/// for every version of the pack, so answers follow the capability. It
/// cannot be mistaken for one of the app's own ids, which have no `/`.
pub fn capability_id(key: &str, id: &str) -> String {
    format!("pack/{key}/{id}")
}

impl Pack {
    pub fn key(&self) -> String {
        pack_key(&self.name)
    }

    pub fn origin(&self) -> PackOrigin {
        PackOrigin {
            key: self.key(),
            name: self.name.clone(),
            version: self.version.clone(),
        }
    }

    /// The pack's capabilities as the app's own type, ids made with
    /// [`capability_id`], each labelled with the pack.
    pub fn capabilities(&self) -> Vec<Capability> {
        let origin = self.origin();
        self.capabilities
            .iter()
            .map(|item| {
                let mut expected = BTreeMap::new();
                for role in &item.roles {
                    expected.insert(
                        *role,
                        ExpectedLevels {
                            newly_qualified: item.newly_qualified,
                            experienced: item.experienced,
                        },
                    );
                }
                Capability {
                    id: capability_id(&origin.key, &item.id),
                    domain: item.domain.clone(),
                    pillar: None,
                    title: item.title.clone(),
                    descriptor: item.descriptor.clone(),
                    evidence: item.evidence.clone(),
                    development: item.development.clone(),
                    expected,
                    pack: Some(origin.clone()),
                }
            })
            .collect()
    }

    /// How many of its capabilities apply to `role`.
    pub fn count_for(&self, role: RoleId) -> usize {
        self.capabilities
            .iter()
            .filter(|item| item.roles.contains(&role))
            .count()
    }

    /// Its size in words for a person choosing it: "6 capabilities (PA 5,
    /// AA 4, SCP 5, ACCP 5)", as a check for one role asks only that
    /// role's.
    pub fn size_text(&self) -> String {
        let counts: Vec<String> = RoleId::ALL
            .iter()
            .map(|role| {
                format!(
                    "{} {}",
                    role.code().to_ascii_uppercase(),
                    self.count_for(*role)
                )
            })
            .collect();
        format!(
            "{} ({})",
            crate::core::text::counted(self.capabilities.len(), "capability", "capabilities"),
            counts.join(", ")
        )
    }
}

/// The packs loaded on this device, as stored under [`PACKS_KEY`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Packs {
    pub packs: Vec<Pack>,
}

impl Record for Packs {
    const KIND: &'static str = "packs";
    const VERSION: u32 = 1;
}

impl Packs {
    pub fn get(&self, key: &str) -> Option<&Pack> {
        self.packs.iter().find(|pack| pack.key() == key)
    }

    /// Adds `pack`, or puts it in place of the loaded version of the same
    /// pack (see [`pack_key`]). Answers are stored by
    /// [`capability_id`], so they follow the capabilities that remain.
    pub fn put(&mut self, pack: Pack) {
        let key = pack.key();
        match self.packs.iter_mut().find(|loaded| loaded.key() == key) {
            Some(loaded) => *loaded = pack,
            None => self.packs.push(pack),
        }
    }

    /// Takes the pack out. Answers to its capabilities stay in each
    /// assessment, unshown, and come back if the pack is loaded again.
    pub fn remove(&mut self, key: &str) -> Option<Pack> {
        let index = self.packs.iter().position(|pack| pack.key() == key)?;
        Some(self.packs.remove(index))
    }
}

/// What loading `next` would do to the loaded version of the same pack.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PackChange {
    /// The version loaded now, if the pack is loaded.
    pub replaces: Option<String>,
    /// Ids in `next` that the loaded version does not have.
    pub added: Vec<String>,
    /// Ids the loaded version has that `next` does not: their answers are
    /// kept but no longer shown.
    pub removed: Vec<String>,
    /// Ids in both: their answers carry over.
    pub kept: Vec<String>,
}

/// The upgrade rules: the ids that remain keep their answers; added ids
/// start unanswered; removed ids keep their answers out of sight, so a later
/// version that brings an id back brings its answers back too.
pub fn change(loaded: Option<&Pack>, next: &Pack) -> PackChange {
    let before: Vec<&str> = loaded
        .map(|pack| {
            pack.capabilities
                .iter()
                .map(|item| item.id.as_str())
                .collect()
        })
        .unwrap_or_default();
    let mut change = PackChange {
        replaces: loaded.map(|pack| pack.version.clone()),
        ..PackChange::default()
    };
    for item in &next.capabilities {
        if before.contains(&item.id.as_str()) {
            change.kept.push(item.id.clone());
        } else {
            change.added.push(item.id.clone());
        }
    }
    for id in before {
        if !next.capabilities.iter().any(|item| item.id == id) {
            change.removed.push(id.to_owned());
        }
    }
    change
}

/// A capability's title with its pack named after it, for plain text such
/// as lists, plans and announcements; the title alone for the app's own.
pub fn labelled_title(capability: &Capability) -> String {
    match &capability.pack {
        Some(pack) => format!("{} (local pack: {})", capability.title, pack.name),
        None => capability.title.clone(),
    }
}

/// How many answers the assessments hold for `pack`'s capabilities: what
/// removing it would put out of sight.
pub fn answers_to(pack: &Pack, assessments: &[Assessment]) -> usize {
    let prefix = capability_id(&pack.key(), "");
    assessments
        .iter()
        .map(|assessment| {
            assessment
                .answers
                .keys()
                .filter(|id| id.starts_with(&prefix))
                .count()
        })
        .sum()
}

/// The app's framework with the loaded packs' capabilities after its own,
/// each under its domain. Assessments choose which packs they ask
/// ([`Assessment::packs`]).
///
/// Pages hold `&'static` capabilities for as long as they are shown, as they
/// do the app's own framework (see `content::LazyFile`), so each distinct
/// set of packs is built once and kept for the session: memory grows only
/// with the number of different pack versions loaded in one session.
pub fn with_packs(base: &'static Framework, packs: &[Pack]) -> &'static Framework {
    type Built = (usize, Vec<Pack>, &'static Framework);
    thread_local! {
        static BUILT: RefCell<Vec<Built>> = const { RefCell::new(Vec::new()) };
    }
    if packs.is_empty() {
        return base;
    }
    let base_address = base as *const Framework as usize;
    BUILT.with(|built| {
        let mut built = built.borrow_mut();
        if let Some((_, _, framework)) = built
            .iter()
            .find(|(address, loaded, _)| *address == base_address && loaded == packs)
        {
            return *framework;
        }
        let mut framework = base.clone();
        for pack in packs {
            framework.capabilities.extend(pack.capabilities());
        }
        let framework: &'static Framework = Box::leak(Box::new(framework));
        built.push((base_address, packs.to_vec(), framework));
        framework
    })
}

/// The kinds of problem a pack file can have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    EmptyFile,
    FileTooLarge,
    NotUtf8,
    /// The CSV could not be read at all (the reader's own error).
    NotCsv,
    MissingColumn,
    UnknownColumn,
    /// A row with more or fewer cells than the header.
    WrongCellCount,
    TooManyRows,
    NoCapabilities,
    MissingId,
    BadId,
    DuplicateId,
    UnknownDomain,
    MissingRoles,
    UnknownRole,
    LevelOutOfRange,
    EmptyTitle,
    TooLong,
    TooManyItems,
    /// A JSON list item with " | " in it, which CSV could not carry.
    SeparatorInItem,
    NotJson,
    NotAPack,
    TooNew,
    /// A JSON value of the wrong type: text where a list was expected.
    WrongType,
    MissingName,
    MissingVersion,
}

/// One problem, with where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub kind: ProblemKind,
    /// The spreadsheet row (header = 1) or, in JSON, the capability's
    /// position from 1; `None` for the file as a whole.
    pub row: Option<usize>,
    /// The column (or JSON field) name.
    pub column: Option<String>,
    /// What is wrong, as a sentence for the person.
    pub detail: String,
}

impl Problem {
    fn file(kind: ProblemKind, detail: impl Into<String>) -> Problem {
        Problem {
            kind,
            row: None,
            column: None,
            detail: detail.into(),
        }
    }

    fn at(kind: ProblemKind, row: usize, column: &str, detail: impl Into<String>) -> Problem {
        Problem {
            kind,
            row: Some(row),
            column: Some(column.to_owned()),
            detail: detail.into(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.row, &self.column) {
            (Some(row), Some(column)) => {
                write!(formatter, "Row {row}, column {column}: {}", self.detail)
            }
            (Some(row), None) => write!(formatter, "Row {row}: {}", self.detail),
            (None, Some(column)) => write!(formatter, "Column {column}: {}", self.detail),
            (None, None) => formatter.write_str(&self.detail),
        }
    }
}

/// The name, version, author and date the person typed, for a CSV file
/// (which does not carry them) or in place of a JSON file's own.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Details {
    pub name: String,
    pub version: String,
    pub author: String,
    pub date: String,
}

/// The problem with a file of `bytes` bytes if it is over
/// [`MAX_PACK_BYTES`], so a browser can refuse it before reading it.
pub fn size_problem(bytes: usize) -> Option<Problem> {
    (bytes > MAX_PACK_BYTES).then(|| {
        Problem::file(
            ProblemKind::FileTooLarge,
            format!(
                "The file is too large ({} KB). A pack file must be {} KB or smaller.",
                bytes.div_ceil(1024),
                MAX_PACK_BYTES / 1024
            ),
        )
    })
}

/// Whether the file is JSON (it starts with `{` after any byte-order mark
/// and spaces); anything else is read as CSV.
pub fn looks_like_json(bytes: &[u8]) -> bool {
    strip_bom(bytes)
        .iter()
        .find(|byte| !byte.is_ascii_whitespace())
        == Some(&b'{')
}

fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

/// Reads a pack file, CSV or JSON (see [`looks_like_json`]), against the
/// app's `domains`. `typed` fills in what the file does not say (a CSV
/// file never says its name and version); `today` (YYYY-MM-DD) dates a pack
/// that gives no date.
///
/// Errors: every problem found, each with its row and column, so the
/// person can mend them all at once. Nothing is returned half-read.
pub fn read(
    bytes: &[u8],
    typed: &Details,
    domains: &[Domain],
    today: &str,
) -> Result<Pack, Vec<Problem>> {
    if bytes.iter().all(u8::is_ascii_whitespace) || strip_bom(bytes).is_empty() {
        return Err(vec![Problem::file(
            ProblemKind::EmptyFile,
            "The file is empty. Choose a pack file in CSV or JSON.",
        )]);
    }
    if let Some(problem) = size_problem(bytes.len()) {
        return Err(vec![problem]);
    }
    // Problems of the file as a whole end the reading; those of single rows
    // are gathered, and the other rows are still checked.
    let mut problems = Vec::new();
    let (details, rows) = if looks_like_json(bytes) {
        read_json(strip_bom(bytes), &mut problems)?
    } else {
        (
            Details::default(),
            read_csv(strip_bom(bytes), &mut problems)?,
        )
    };
    let pick = |typed: &str, file: String| {
        if typed.trim().is_empty() {
            file.trim().to_owned()
        } else {
            typed.trim().to_owned()
        }
    };
    let name = pick(&typed.name, details.name);
    let version = pick(&typed.version, details.version);
    let author = pick(&typed.author, details.author);
    let date = pick(&typed.date, details.date);
    if name.is_empty() {
        problems.push(Problem::file(
            ProblemKind::MissingName,
            "Enter the pack's name: the file does not give one.",
        ));
    }
    if version.is_empty() {
        problems.push(Problem::file(
            ProblemKind::MissingVersion,
            "Enter the pack's version: the file does not give one.",
        ));
    }
    for (what, text) in [("name", &name), ("version", &version), ("author", &author)] {
        if char_count(text) > MAX_NAME_CHARS {
            problems.push(Problem::file(
                ProblemKind::TooLong,
                format!("The pack's {what} must be {MAX_NAME_CHARS} characters or fewer."),
            ));
        }
    }
    let capabilities = check_rows(rows, domains, &mut problems);
    if problems.is_empty() {
        Ok(Pack {
            name,
            version,
            author,
            date: if date.is_empty() {
                today.to_owned()
            } else {
                date
            },
            capabilities,
        })
    } else {
        Err(problems)
    }
}

/// One capability as found in the file, before it is checked: every cell as
/// text, lists already split.
struct Row {
    /// See [`Problem::row`].
    number: usize,
    id: String,
    domain: String,
    title: String,
    descriptor: String,
    roles: Vec<String>,
    newly_qualified: String,
    experienced: String,
    evidence: Vec<String>,
    development: Vec<String>,
}

/// A cell written by a spreadsheet-safe export (ours, see
/// [`crate::core::backup::defuse_formula`]) starts with `'` before `=`,
/// `+`, `-` or `@`: the quote is taken off again. Any other cell, formula-like
/// or not, is plain text: nothing in a pack is ever run.
fn cell_text(cell: &str) -> String {
    let trimmed = cell.trim();
    match trimmed.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest.to_owned(),
        _ => trimmed.to_owned(),
    }
}

fn split_list(cell: &str) -> Vec<String> {
    cell.split(LIST_SEPARATOR)
        .map(cell_text)
        .filter(|item| !item.is_empty())
        .collect()
}

fn read_csv(bytes: &[u8], problems: &mut Vec<Problem>) -> Result<Vec<Row>, Vec<Problem>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut records = reader.byte_records();
    let header = match records.next() {
        Some(Ok(header)) => header,
        Some(Err(error)) => return Err(vec![csv_problem(&error, 1)]),
        None => {
            return Err(vec![Problem::file(
                ProblemKind::EmptyFile,
                "The file is empty.",
            )])
        }
    };
    let mut columns: [Option<usize>; 9] = [None; 9];
    let mut header_problems = Vec::new();
    for (index, cell) in header.iter().enumerate() {
        let name = String::from_utf8_lossy(cell).trim().to_ascii_lowercase();
        match CSV_HEADER.iter().position(|known| *known == name) {
            Some(known) if columns[known].is_none() => columns[known] = Some(index),
            _ if name.is_empty() => {}
            _ => header_problems.push(Problem::at(
                ProblemKind::UnknownColumn,
                1,
                &name,
                format!(
                    "\"{name}\" is not a column of a pack. The header row is: {}.",
                    CSV_HEADER.join(",")
                ),
            )),
        }
    }
    for (known, found) in CSV_HEADER.iter().zip(columns) {
        if found.is_none() {
            header_problems.push(Problem::at(
                ProblemKind::MissingColumn,
                1,
                known,
                format!("the header row has no \"{known}\" column"),
            ));
        }
    }
    if !header_problems.is_empty() {
        return Err(header_problems);
    }
    let width = header.len();
    let mut rows = Vec::new();
    for (index, record) in records.enumerate() {
        let number = index + 2;
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                problems.push(csv_problem(&error, number));
                break;
            }
        };
        if record
            .iter()
            .all(|cell| cell.iter().all(u8::is_ascii_whitespace))
        {
            continue;
        }
        if rows.len() == MAX_PACK_ROWS {
            problems.push(Problem::at(
                ProblemKind::TooManyRows,
                number,
                "id",
                format!("a pack can have at most {MAX_PACK_ROWS} capabilities; this row is one too many"),
            ));
            break;
        }
        if record.len() != width {
            problems.push(Problem {
                kind: ProblemKind::WrongCellCount,
                row: Some(number),
                column: None,
                detail: format!(
                    "the row has {} cells but the header has {width}: check for a comma outside quotes",
                    record.len()
                ),
            });
            continue;
        }
        let mut cells: [String; 9] = Default::default();
        let mut readable = true;
        for (index, (slot, column)) in cells.iter_mut().zip(columns).enumerate() {
            let raw = column.and_then(|column| record.get(column)).unwrap_or(b"");
            match std::str::from_utf8(raw) {
                Ok(text) => *slot = text.to_owned(),
                Err(_) => {
                    readable = false;
                    problems.push(Problem::at(
                        ProblemKind::NotUtf8,
                        number,
                        CSV_HEADER[index],
                        "the cell is not UTF-8 text: save the spreadsheet as \"CSV UTF-8\"",
                    ));
                }
            }
        }
        if !readable {
            continue;
        }
        let [id, domain, title, descriptor, roles, newly_qualified, experienced, evidence, development] =
            cells;
        rows.push(Row {
            number,
            id: cell_text(&id),
            domain: cell_text(&domain),
            title: cell_text(&title),
            descriptor: cell_text(&descriptor),
            roles: roles
                .split(';')
                .map(cell_text)
                .filter(|role| !role.is_empty())
                .collect(),
            newly_qualified: cell_text(&newly_qualified),
            experienced: cell_text(&experienced),
            evidence: split_list(&evidence),
            development: split_list(&development),
        });
    }
    Ok(rows)
}

fn csv_problem(error: &csv::Error, row: usize) -> Problem {
    Problem {
        kind: ProblemKind::NotCsv,
        row: Some(
            error
                .position()
                .map_or(row, |position| position.record() as usize + 1),
        ),
        column: None,
        detail: "the file could not be read as CSV from here on".into(),
    }
}

/// A JSON value in a few words, for a message.
fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

const JSON_FIELDS: [&str; 7] = [
    "format",
    "format_version",
    "name",
    "version",
    "author",
    "date",
    "capabilities",
];

fn read_json(
    bytes: &[u8],
    problems: &mut Vec<Problem>,
) -> Result<(Details, Vec<Row>), Vec<Problem>> {
    let tree: Value = serde_json::from_slice(bytes).map_err(|error| {
        vec![Problem {
            kind: ProblemKind::NotJson,
            row: None,
            column: None,
            detail: format!(
                "The file is not valid JSON (line {}, character {}).",
                error.line(),
                error.column()
            ),
        }]
    })?;
    let not_a_pack = || {
        vec![Problem::file(
            ProblemKind::NotAPack,
            format!("The file is JSON but not a capability pack: it must have \"format\": \"{JSON_FORMAT}\"."),
        )]
    };
    let Some(object) = tree.as_object() else {
        return Err(not_a_pack());
    };
    if object.get("format").and_then(Value::as_str) != Some(JSON_FORMAT) {
        return Err(not_a_pack());
    }
    match object.get("format_version").and_then(Value::as_u64) {
        Some(1) => {}
        Some(version) if version > JSON_FORMAT_VERSION => {
            return Err(vec![Problem::file(
                ProblemKind::TooNew,
                format!("The pack is in format version {version}, newer than this app reads ({JSON_FORMAT_VERSION}). Reload the app to update it, then try again."),
            )])
        }
        _ => {
            return Err(vec![Problem::file(
                ProblemKind::NotAPack,
                format!("\"format_version\" must be {JSON_FORMAT_VERSION}."),
            )])
        }
    }
    for key in object.keys() {
        if !JSON_FIELDS.contains(&key.as_str()) {
            problems.push(Problem {
                kind: ProblemKind::UnknownColumn,
                row: None,
                column: Some(key.clone()),
                detail: format!("\"{key}\" is not a field of a pack"),
            });
        }
    }
    let mut text = |value: Option<&Value>, row: Option<usize>, column: &str| -> String {
        match value {
            None | Some(Value::Null) => String::new(),
            Some(Value::String(text)) => cell_text(text),
            Some(Value::Number(number)) => number.to_string(),
            Some(other) => {
                problems.push(Problem {
                    kind: ProblemKind::WrongType,
                    row,
                    column: Some(column.to_owned()),
                    detail: format!("must be text, not {}", kind_of(other)),
                });
                String::new()
            }
        }
    };
    let details = Details {
        name: text(object.get("name"), None, "name"),
        version: text(object.get("version"), None, "version"),
        author: text(object.get("author"), None, "author"),
        date: text(object.get("date"), None, "date"),
    };
    let items = match object.get("capabilities") {
        Some(Value::Array(items)) => items.as_slice(),
        other => {
            problems.push(Problem {
                kind: ProblemKind::WrongType,
                row: None,
                column: Some("capabilities".into()),
                detail: format!(
                    "must be a list of capabilities, not {}",
                    other.map_or("missing", kind_of)
                ),
            });
            &[]
        }
    };
    let mut rows = Vec::new();
    for (index, item) in items.iter().enumerate() {
        let number = index + 1;
        if rows.len() == MAX_PACK_ROWS {
            problems.push(Problem::at(
                ProblemKind::TooManyRows,
                number,
                "id",
                format!(
                    "a pack can have at most {MAX_PACK_ROWS} capabilities; this is one too many"
                ),
            ));
            break;
        }
        let Some(fields) = item.as_object() else {
            problems.push(Problem {
                kind: ProblemKind::WrongType,
                row: Some(number),
                column: None,
                detail: format!("must be an object, not {}", kind_of(item)),
            });
            continue;
        };
        for key in fields.keys() {
            if !CSV_HEADER.contains(&key.as_str()) {
                problems.push(Problem::at(
                    ProblemKind::UnknownColumn,
                    number,
                    key,
                    format!("\"{key}\" is not a field of a capability"),
                ));
            }
        }
        let mut text = |column: &str| -> String {
            match fields.get(column) {
                None | Some(Value::Null) => String::new(),
                Some(Value::String(text)) => cell_text(text),
                Some(Value::Number(number)) => number.to_string(),
                Some(other) => {
                    problems.push(Problem::at(
                        ProblemKind::WrongType,
                        number,
                        column,
                        format!("must be text, not {}", kind_of(other)),
                    ));
                    String::new()
                }
            }
        };
        let id = text("id");
        let domain = text("domain");
        let title = text("title");
        let descriptor = text("descriptor");
        let newly_qualified = text("newly_qualified");
        let experienced = text("experienced");
        let mut list = |column: &str| -> Vec<String> {
            match fields.get(column) {
                None | Some(Value::Null) => Vec::new(),
                Some(Value::Array(values)) => {
                    let mut items = Vec::new();
                    for value in values {
                        match value {
                            Value::String(text) if !text.trim().is_empty() => {
                                items.push(cell_text(text))
                            }
                            Value::String(_) => {}
                            other => problems.push(Problem::at(
                                ProblemKind::WrongType,
                                number,
                                column,
                                format!("must be a list of text, not of {}", kind_of(other)),
                            )),
                        }
                    }
                    items
                }
                Some(other) => {
                    problems.push(Problem::at(
                        ProblemKind::WrongType,
                        number,
                        column,
                        format!("must be a list of text, not {}", kind_of(other)),
                    ));
                    Vec::new()
                }
            }
        };
        rows.push(Row {
            number,
            id,
            domain,
            title,
            descriptor,
            roles: list("roles"),
            newly_qualified,
            experienced,
            evidence: list("evidence"),
            development: list("development"),
        });
    }
    Ok((details, rows))
}

fn is_pack_id(id: &str) -> bool {
    id.bytes()
        .all(|byte| byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.'))
}

fn level(cell: &str) -> Result<Option<Level>, ()> {
    if cell.is_empty() {
        return Ok(None);
    }
    cell.parse::<Level>()
        .ok()
        .filter(|level| (LOWEST_LEVEL..=HIGHEST_LEVEL).contains(level))
        .map(Some)
        .ok_or(())
}

/// The rules every capability of a pack must keep, whatever its format.
fn check_rows(
    rows: Vec<Row>,
    domains: &[Domain],
    problems: &mut Vec<Problem>,
) -> Vec<PackCapability> {
    if rows.is_empty() && problems.is_empty() {
        problems.push(Problem::file(
            ProblemKind::NoCapabilities,
            "The file has no capabilities: add one row under the header for each.",
        ));
    }
    let mut seen: Vec<(String, usize)> = Vec::new();
    let mut capabilities = Vec::new();
    for row in rows {
        let before = problems.len();
        let number = row.number;
        if row.id.is_empty() {
            problems.push(Problem::at(
                ProblemKind::MissingId,
                number,
                "id",
                "enter an id for the capability",
            ));
        } else if !is_pack_id(&row.id) || char_count(&row.id) > MAX_ID_CHARS {
            problems.push(Problem::at(
                ProblemKind::BadId,
                number,
                "id",
                format!("the id \"{}\" may only have letters, digits, \"-\", \"_\" and \".\", at most {MAX_ID_CHARS} of them", row.id),
            ));
        } else if let Some((_, first)) = seen.iter().find(|(id, _)| *id == row.id) {
            problems.push(Problem::at(
                ProblemKind::DuplicateId,
                number,
                "id",
                format!(
                    "the id \"{}\" is also used in row {first}: each capability needs its own",
                    row.id
                ),
            ));
        } else {
            seen.push((row.id.clone(), number));
        }
        let domain = domains.iter().find(|domain| {
            domain.id.eq_ignore_ascii_case(&row.domain)
                || domain.title.eq_ignore_ascii_case(&row.domain)
        });
        if domain.is_none() {
            problems.push(Problem::at(
                ProblemKind::UnknownDomain,
                number,
                "domain",
                format!(
                    "\"{}\" is not one of the app's domains. Give a domain's id or title: {}",
                    row.domain,
                    domains
                        .iter()
                        .map(|domain| domain.id.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ));
        }
        if row.title.is_empty() {
            problems.push(Problem::at(
                ProblemKind::EmptyTitle,
                number,
                "title",
                "enter a title",
            ));
        }
        for (column, text, max) in [
            ("title", &row.title, MAX_TITLE_CHARS),
            ("descriptor", &row.descriptor, MAX_TEXT_CHARS),
        ] {
            if char_count(text) > max {
                problems.push(Problem::at(
                    ProblemKind::TooLong,
                    number,
                    column,
                    format!("must be {max} characters or fewer"),
                ));
            }
        }
        let mut named = Vec::new();
        for code in &row.roles {
            match RoleId::from_code(&code.to_ascii_lowercase()) {
                Some(role) => named.push(role),
                None => problems.push(Problem::at(
                    ProblemKind::UnknownRole,
                    number,
                    "roles",
                    format!(
                        "\"{code}\" is not a role: use pa, aa, scp or accp, separated by \";\""
                    ),
                )),
            }
        }
        if row.roles.is_empty() {
            problems.push(Problem::at(
                ProblemKind::MissingRoles,
                number,
                "roles",
                "enter the roles it applies to: pa, aa, scp or accp, separated by \";\"",
            ));
        }
        // Each once, in the app's role order.
        let roles: Vec<RoleId> = RoleId::ALL
            .into_iter()
            .filter(|role| named.contains(role))
            .collect();
        let mut levels = [None, None];
        for (slot, (column, cell)) in levels.iter_mut().zip([
            ("newly_qualified", &row.newly_qualified),
            ("experienced", &row.experienced),
        ]) {
            match level(cell) {
                Ok(found) => *slot = found,
                Err(()) => problems.push(Problem::at(
                    ProblemKind::LevelOutOfRange,
                    number,
                    column,
                    format!("\"{cell}\" is not a level: use a whole number from {LOWEST_LEVEL} to {HIGHEST_LEVEL}, or leave it blank for no expectation"),
                )),
            }
        }
        for (column, items) in [
            ("evidence", &row.evidence),
            ("development", &row.development),
        ] {
            if items.len() > MAX_LIST_ITEMS {
                problems.push(Problem::at(
                    ProblemKind::TooManyItems,
                    number,
                    column,
                    format!("has {} items; at most {MAX_LIST_ITEMS}", items.len()),
                ));
            }
            if items.iter().any(|item| item.contains(LIST_SEPARATOR)) {
                problems.push(Problem::at(
                    ProblemKind::SeparatorInItem,
                    number,
                    column,
                    format!("an item has \"{LIST_SEPARATOR}\" in it, which separates items in a CSV pack: make it two items"),
                ));
            }
            if items.iter().any(|item| char_count(item) > MAX_TEXT_CHARS) {
                problems.push(Problem::at(
                    ProblemKind::TooLong,
                    number,
                    column,
                    format!("each item must be {MAX_TEXT_CHARS} characters or fewer"),
                ));
            }
        }
        if problems.len() == before {
            if let Some(domain) = domain {
                capabilities.push(PackCapability {
                    id: row.id,
                    domain: domain.id.clone(),
                    title: row.title,
                    descriptor: row.descriptor,
                    roles,
                    newly_qualified: levels[0],
                    experienced: levels[1],
                    evidence: row.evidence,
                    development: row.development,
                });
            }
        }
    }
    capabilities
}

/// The pack as CSV in the format [`read`] takes, so a supervisor can pass
/// it on; cells a spreadsheet would run as a formula are defused as in the
/// app's other exports.
pub fn to_csv(pack: &Pack) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let safe = |text: &str| crate::core::backup::defuse_formula(text);
    let level = |level: Option<Level>| level.map_or(String::new(), |level| level.to_string());
    let mut rows: Vec<[String; 9]> = vec![CSV_HEADER.map(String::from)];
    for item in &pack.capabilities {
        rows.push([
            safe(&item.id),
            safe(&item.domain),
            safe(&item.title),
            safe(&item.descriptor),
            item.roles
                .iter()
                .map(|role| role.code())
                .collect::<Vec<_>>()
                .join(";"),
            level(item.newly_qualified),
            level(item.experienced),
            item.evidence
                .iter()
                .map(|text| safe(text))
                .collect::<Vec<_>>()
                .join(LIST_SEPARATOR),
            item.development
                .iter()
                .map(|text| safe(text))
                .collect::<Vec<_>>()
                .join(LIST_SEPARATOR),
        ]);
    }
    for row in rows {
        // Writing to a Vec cannot fail.
        let _ = writer.write_record(&row);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// The pack as a JSON pack file (see `public/packs/pack.schema.json`).
pub fn to_json(pack: &Pack) -> String {
    let mut capabilities = Vec::new();
    for item in &pack.capabilities {
        let mut fields = serde_json::Map::new();
        fields.insert("id".into(), item.id.clone().into());
        fields.insert("domain".into(), item.domain.clone().into());
        fields.insert("title".into(), item.title.clone().into());
        fields.insert("descriptor".into(), item.descriptor.clone().into());
        fields.insert(
            "roles".into(),
            item.roles
                .iter()
                .map(|role| Value::from(role.code()))
                .collect::<Vec<_>>()
                .into(),
        );
        fields.insert(
            "newly_qualified".into(),
            item.newly_qualified.map_or(Value::Null, Value::from),
        );
        fields.insert(
            "experienced".into(),
            item.experienced.map_or(Value::Null, Value::from),
        );
        fields.insert("evidence".into(), item.evidence.clone().into());
        fields.insert("development".into(), item.development.clone().into());
        capabilities.push(Value::Object(fields));
    }
    let mut file = serde_json::Map::new();
    file.insert("format".into(), JSON_FORMAT.into());
    file.insert("format_version".into(), JSON_FORMAT_VERSION.into());
    file.insert("name".into(), pack.name.clone().into());
    file.insert("version".into(), pack.version.clone().into());
    file.insert("author".into(), pack.author.clone().into());
    file.insert("date".into(), pack.date.clone().into());
    file.insert("capabilities".into(), capabilities.into());
    serde_json::to_string_pretty(&Value::Object(file)).unwrap_or_default()
}

/// A file name for the pack's export: its key, version and `extension`.
pub fn file_name(pack: &Pack, extension: &str) -> String {
    let version: String = pack
        .version
        .chars()
        .map(|character| {
            if character.is_ascii_alphanumeric() || character == '.' {
                character
            } else {
                '-'
            }
        })
        .collect();
    format!("{}-{version}.{extension}", pack.key())
}

#[cfg(test)]
mod tests;
