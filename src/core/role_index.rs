//! What the start page and every page's shell show of `roles.json`: each
//! role's title, abbreviation and proposed new title, and the dates the
//! facts were checked and are due to be checked again. `build.rs` writes it
//! from the file at build time, so the first page needs neither the file
//! nor the code that reads it (see `content::LazyFile::Roles`); the file is
//! still the one source of truth.

use crate::core::roles::RoleId;

/// A role as the start page links to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RoleLink {
    pub id: RoleId,
    pub title: &'static str,
    pub abbreviation: &'static str,
    /// The title proposed after the Leng Review, where there is one.
    pub proposed_title: Option<&'static str>,
}

include!(concat!(env!("OUT_DIR"), "/role_index.rs"));

/// Whether the content is past its review-by date on `today` (ISO dates
/// compare as text). An installed app can run offline for months without
/// an update, so this is checked against the device's clock, not the
/// build's.
pub fn is_past_review(today: &str) -> bool {
    !REVIEW_BY.is_empty() && today > REVIEW_BY
}

/// The role's title, such as "Physician associate".
pub fn title(id: RoleId) -> &'static str {
    ROLE_LINKS
        .iter()
        .find(|link| link.id == id)
        .map_or("", |link| link.title)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::content;

    #[test]
    fn the_index_says_what_roles_json_says() {
        let roles = content::roles();
        assert_eq!(CHECKED, roles.checked);
        assert_eq!(REVIEW_BY, roles.review_by);
        assert_eq!(ROLE_LINKS.len(), roles.roles.len());
        for (link, role) in ROLE_LINKS.iter().zip(&roles.roles) {
            assert_eq!(link.id, role.id);
            assert_eq!(link.title, role.title);
            assert_eq!(link.abbreviation, role.abbreviation);
            assert_eq!(link.proposed_title, role.proposed_title.as_deref());
        }
    }

    #[test]
    fn the_stale_content_notice_starts_the_day_after_review_by() {
        assert_eq!(REVIEW_BY, "2027-05-30");
        assert!(!is_past_review("2026-11-30"));
        assert!(!is_past_review("2027-05-30"));
        assert!(is_past_review("2027-05-31"));
        assert!(is_past_review("2030-01-01"));
    }
}
