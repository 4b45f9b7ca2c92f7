//! Small view pieces shared by several pages.

pub mod in_page_link;
pub mod layout;
pub mod radios;
pub mod sourced;
pub mod storage_banner;
