//! The four MAPs roles and the sourced, dated facts about each.
//!
//! Every fact names its sources by id and the date it was last checked, so
//! a page can always show where a statement comes from and how fresh it is.

use serde::{Deserialize, Serialize};

/// The four Medical Associate Professions, in the order the app lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RoleId {
    Pa,
    Aa,
    Scp,
    Accp,
}

impl RoleId {
    pub const ALL: [RoleId; 4] = [RoleId::Pa, RoleId::Aa, RoleId::Scp, RoleId::Accp];

    /// The stable lower-case code used in addresses and stored records.
    pub fn code(self) -> &'static str {
        match self {
            RoleId::Pa => "pa",
            RoleId::Aa => "aa",
            RoleId::Scp => "scp",
            RoleId::Accp => "accp",
        }
    }

    pub fn from_code(code: &str) -> Option<RoleId> {
        RoleId::ALL.into_iter().find(|role| role.code() == code)
    }
}

/// The sections every role page has, in display order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SectionKind {
    Summary,
    WhatYouDo,
    WhereYouWork,
    Entry,
    Training,
    Supervision,
    Regulation,
    ProfessionalBody,
    Pay,
    TitleHistory,
    LengReview,
}

impl SectionKind {
    pub const ALL: [SectionKind; 11] = [
        SectionKind::Summary,
        SectionKind::WhatYouDo,
        SectionKind::WhereYouWork,
        SectionKind::Entry,
        SectionKind::Training,
        SectionKind::Supervision,
        SectionKind::Regulation,
        SectionKind::ProfessionalBody,
        SectionKind::Pay,
        SectionKind::TitleHistory,
        SectionKind::LengReview,
    ];

    /// As written in `roles.json` (the serde names).
    pub fn code(self) -> &'static str {
        match self {
            SectionKind::Summary => "summary",
            SectionKind::WhatYouDo => "what-you-do",
            SectionKind::WhereYouWork => "where-you-work",
            SectionKind::Entry => "entry",
            SectionKind::Training => "training",
            SectionKind::Supervision => "supervision",
            SectionKind::Regulation => "regulation",
            SectionKind::ProfessionalBody => "professional-body",
            SectionKind::Pay => "pay",
            SectionKind::TitleHistory => "title-history",
            SectionKind::LengReview => "leng-review",
        }
    }

    pub fn from_code(code: &str) -> Option<SectionKind> {
        SectionKind::ALL
            .into_iter()
            .find(|kind| kind.code() == code)
    }

    pub fn heading(self) -> &'static str {
        match self {
            SectionKind::Summary => "In short",
            SectionKind::WhatYouDo => "What you do",
            SectionKind::WhereYouWork => "Where you work",
            SectionKind::Entry => "How to get in",
            SectionKind::Training => "Training",
            SectionKind::Supervision => "Supervision",
            SectionKind::Regulation => "Regulation",
            SectionKind::ProfessionalBody => "Professional body",
            SectionKind::Pay => "Pay",
            SectionKind::TitleHistory => "Title history",
            SectionKind::LengReview => "What the Leng Review changed",
        }
    }
}

/// A public document a fact is drawn from.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub publisher: String,
    pub url: String,
}

/// One statement about a role, in our own words.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    pub text: String,
    /// Ids of entries in [`RoleCatalogue::sources`].
    pub sources: Vec<String>,
    /// ISO date (YYYY-MM-DD) the fact was last checked against its sources.
    pub checked: String,
    /// True where the honest answer is "no source we found says": the text
    /// then says so, and the sources are the places that were searched.
    #[serde(default)]
    pub unknown: bool,
    /// Wording that replaces `text` from a known date, such as the end of
    /// the PA and AA transition period, so the page stays right after it.
    #[serde(default)]
    pub after: Option<DatedText>,
}

/// Wording that applies from `date` (ISO YYYY-MM-DD) on.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatedText {
    pub date: String,
    pub text: String,
}

impl Fact {
    /// The wording for `today` (ISO YYYY-MM-DD): `after` from its date on,
    /// `text` before it. ISO dates compare correctly as text.
    pub fn text_on(&self, today: &str) -> &str {
        match &self.after {
            Some(after) if today >= after.date.as_str() => &after.text,
            _ => &self.text,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub kind: SectionKind,
    pub facts: Vec<Fact>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoleProfile {
    pub id: RoleId,
    /// The title in law today.
    pub title: String,
    pub abbreviation: String,
    /// A new title proposed but not yet in law, shown beside the legal one.
    #[serde(default)]
    pub proposed_title: Option<String>,
    /// One line for cards and lists.
    pub tagline: String,
    pub sections: Vec<Section>,
}

impl RoleProfile {
    pub fn section(&self, kind: SectionKind) -> Option<&Section> {
        self.sections.iter().find(|section| section.kind == kind)
    }
}

/// `roles.json`, read with serde: an unknown field is an error, so a
/// misspelt one is reported rather than silently ignored.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoleCatalogue {
    /// The content version; the same as the framework's.
    pub version: String,
    /// ISO date the facts were last checked as a whole.
    pub checked: String,
    /// ISO date by which the content must be checked again: at most six
    /// months after `checked`. After it every page says rules may have
    /// changed (see [`crate::core::role_index::is_past_review`]).
    pub review_by: String,
    pub sources: Vec<Source>,
    pub roles: Vec<RoleProfile>,
}

impl RoleCatalogue {
    pub fn role(&self, id: RoleId) -> Option<&RoleProfile> {
        self.roles.iter().find(|role| role.id == id)
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|source| source.id == id)
    }
}

/// One numbered entry in a role page's list of sources.
#[derive(Clone, Debug, PartialEq)]
pub struct Reference<'a> {
    pub number: usize,
    pub source: &'a Source,
    /// The distinct dates the facts citing it were checked, oldest first.
    pub checked: Vec<&'a str>,
}

/// Numbered references for a page of facts: each source gets a number the
/// first time a fact cites it, in page order, and one list holds them all.
/// Returns the list and, for each fact in page order, its source numbers.
/// Source ids missing from the catalogue are skipped (validation reports
/// them).
pub fn references<'a>(
    catalogue: &'a RoleCatalogue,
    facts: impl IntoIterator<Item = &'a Fact>,
) -> (Vec<Reference<'a>>, Vec<Vec<usize>>) {
    let mut list: Vec<Reference<'a>> = Vec::new();
    let mut numbers = Vec::new();
    for fact in facts {
        let mut mine = Vec::new();
        for id in &fact.sources {
            let Some(source) = catalogue.source(id) else {
                continue;
            };
            let index = match list.iter().position(|entry| entry.source.id == *id) {
                Some(index) => index,
                None => {
                    list.push(Reference {
                        number: list.len() + 1,
                        source,
                        checked: Vec::new(),
                    });
                    list.len() - 1
                }
            };
            let entry = &mut list[index];
            if !entry.checked.contains(&fact.checked.as_str()) {
                // Kept in order by inserting in place (see "Size rules"
                // in the README: no standard sort in the app's code).
                let at = entry
                    .checked
                    .partition_point(|known| *known < fact.checked.as_str());
                entry.checked.insert(at, &fact.checked);
            }
            if !mine.contains(&entry.number) {
                mine.push(entry.number);
            }
        }
        numbers.push(mine);
    }
    (list, numbers)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::content;

    fn transition_fact(role: RoleId) -> &'static Fact {
        let fact = content::roles()
            .role(role)
            .and_then(|profile| profile.section(SectionKind::Regulation))
            .and_then(|section| section.facts.iter().find(|fact| fact.after.is_some()));
        match fact {
            Some(fact) => fact,
            None => panic!("{role:?} has no dated fact on the transition period"),
        }
    }

    #[test]
    fn the_transition_period_wording_changes_when_the_date_passes() {
        for role in [RoleId::Pa, RoleId::Aa] {
            let fact = transition_fact(role);
            let switch = fact.after.as_ref().map_or("", |after| after.date.as_str());
            // No source gives the exact day in December 2026, so the wording
            // changes on the first day it has certainly ended.
            assert_eq!(switch, "2027-01-01");
            assert!(fact.text_on("2026-11-30").contains("will be an offence"));
            assert!(fact.text_on("2026-12-31").contains("will be an offence"));
            assert!(fact.text_on("2027-01-01").contains("is now an offence"));
            assert!(fact.text_on("2028-06-01").contains("is now an offence"));
            for text in [fact.text_on("2026-11-30"), fact.text_on("2027-01-01")] {
                assert!(
                    text.contains("no source we found gives the exact day"),
                    "{text}"
                );
            }
        }
    }

    #[test]
    fn references_number_each_source_once_in_page_order() {
        let roles = content::roles();
        let Some(pa) = roles.role(RoleId::Pa) else {
            panic!("no PA profile");
        };
        let facts: Vec<&Fact> = pa
            .sections
            .iter()
            .flat_map(|section| &section.facts)
            .collect();
        let (list, numbers) = references(roles, facts.iter().copied());
        assert_eq!(numbers.len(), facts.len());
        let cited: std::collections::BTreeSet<&str> = facts
            .iter()
            .flat_map(|fact| fact.sources.iter().map(String::as_str))
            .collect();
        assert_eq!(list.len(), cited.len(), "each source listed once");
        for (index, entry) in list.iter().enumerate() {
            assert_eq!(entry.number, index + 1);
            assert!(!entry.checked.is_empty());
        }
        for (fact, mine) in facts.iter().zip(&numbers) {
            assert_eq!(mine.len(), fact.sources.len(), "{}", fact.text);
            for (id, number) in fact.sources.iter().zip(mine) {
                assert_eq!(&list[number - 1].source.id, id);
            }
        }
    }
}
