//! Small view pieces shared by several pages.

pub mod backup_reminder;
pub mod capability_options;
pub mod character_count;
pub mod checkboxes;
pub mod confirm_dialog;
pub mod could_not_load;
pub mod domain_chart;
pub mod error_message;
pub mod error_summary;
pub mod evidence_links;
pub mod inset_text;
pub mod pack_tag;
pub mod page_heading;
pub mod page_loading;
pub mod plan_editor;
pub mod radios;
pub mod role_fit;
pub mod source_links;
pub mod sourced;
pub mod storage_banner;
pub mod summary_list;
pub mod text_input;
pub mod warning_callout;
