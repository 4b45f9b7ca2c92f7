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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
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
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub publisher: String,
    pub url: String,
}

/// One statement about a role, in our own words.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Section {
    pub kind: SectionKind,
    pub facts: Vec<Fact>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
