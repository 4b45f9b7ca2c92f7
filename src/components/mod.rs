//! Small view pieces shared by several pages.

pub mod backup_reminder;
pub mod character_count;
pub mod checkboxes;
pub mod confirm_dialog;
pub mod domain_chart;
pub mod error_summary;
pub mod layout;
pub mod plan_editor;
pub mod radios;
pub mod role_fit;
pub mod sourced;
pub mod storage_banner;
