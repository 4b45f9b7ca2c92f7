//! The functional core: content, assessments, scoring, plans, stored records,
//! backups and the route finder. Nothing in here touches the browser, so all
//! of it is tested natively with `cargo test`.

pub mod answer;
pub mod assessment;
pub mod backup;
pub mod content;
pub mod content_rules;
pub mod content_versions;
pub mod cpd_rules;
pub mod decimal;
pub mod evidence;
pub mod framework;
pub mod glossary;
pub mod limits;
pub mod migrations;
pub mod packs;
pub mod personas;
pub mod plan;
pub mod qr;
pub mod records;
pub mod review;
pub mod role_index;
pub mod roles;
pub mod route_finder;
pub mod scoring;
pub mod sorting;
pub mod text;
