//! The functional core: content, scoring, plans, records and the route
//! finder. Nothing in here touches the browser, so all of it is tested
//! natively with `cargo test`.

pub mod content;
pub mod framework;
pub mod roles;
