//! One page component per route.

pub mod about;
pub mod capabilities;
pub mod check_start;
pub mod check_step;
pub mod home;
pub mod my_data;
pub mod not_found;
pub mod results;
pub mod role_profile;
pub mod roles;
pub mod sources;
