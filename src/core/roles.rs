//! The four MAPs roles and the sourced, dated facts about each.
//!
//! Every fact names its sources by id and the date it was last checked, so
//! a page can always show where a statement comes from and how fresh it is.

use crate::core::fields::Fields;
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
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

    /// As written in `roles.json`.
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
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub publisher: String,
    pub url: String,
}

/// One statement about a role, in our own words.
#[derive(Clone, Debug, PartialEq)]
pub struct Fact {
    pub text: String,
    /// Ids of entries in [`RoleCatalogue::sources`].
    pub sources: Vec<String>,
    /// ISO date (YYYY-MM-DD) the fact was last checked against its sources.
    pub checked: String,
    /// True where the honest answer is "no source we found says": the text
    /// then says so, and the sources are the places that were searched.
    pub unknown: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    pub kind: SectionKind,
    pub facts: Vec<Fact>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RoleProfile {
    pub id: RoleId,
    /// The title in law today.
    pub title: String,
    pub abbreviation: String,
    /// A new title proposed but not yet in law, shown beside the legal one.
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

#[derive(Clone, Debug, PartialEq)]
pub struct RoleCatalogue {
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

impl RoleCatalogue {
    /// Reads `roles.json` (see `fields` for why this is not serde).
    pub fn read(fields: Fields) -> Result<RoleCatalogue, String> {
        let fields = fields.only(&["sources", "roles"])?;
        Ok(RoleCatalogue {
            sources: fields.list("sources", |source| {
                let source = source.only(&["id", "title", "publisher", "url"])?;
                Ok(Source {
                    id: source.text("id")?,
                    title: source.text("title")?,
                    publisher: source.text("publisher")?,
                    url: source.text("url")?,
                })
            })?,
            roles: fields.list("roles", RoleProfile::read)?,
        })
    }
}

impl RoleProfile {
    fn read(fields: Fields) -> Result<RoleProfile, String> {
        let fields = fields.only(&[
            "id",
            "title",
            "abbreviation",
            "proposed_title",
            "tagline",
            "sections",
        ])?;
        Ok(RoleProfile {
            id: fields.code("id", RoleId::from_code)?,
            title: fields.text("title")?,
            abbreviation: fields.text("abbreviation")?,
            proposed_title: fields.optional_text("proposed_title")?,
            tagline: fields.text("tagline")?,
            sections: fields.list("sections", |section| {
                let section = section.only(&["kind", "facts"])?;
                Ok(Section {
                    kind: section.code("kind", SectionKind::from_code)?,
                    facts: section.list("facts", |fact| {
                        let fact = fact.only(&["text", "sources", "checked", "unknown"])?;
                        Ok(Fact {
                            text: fact.text("text")?,
                            sources: fact.texts("sources", true)?,
                            checked: fact.text("checked")?,
                            unknown: fact.flag("unknown")?,
                        })
                    })?,
                })
            })?,
        })
    }
}
