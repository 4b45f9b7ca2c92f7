//! One page component per route.

pub mod about;
pub mod accessibility;
pub mod capabilities;
pub mod check_start;
pub mod check_step;
pub mod compare;
pub mod evidence;
pub mod glossary;
pub mod home;
pub mod my_data;
pub mod not_found;
pub mod packs;
pub mod results;
pub mod results_review;
pub mod review;
pub mod role_profile;
pub mod roles;
pub mod route_finder;
pub mod sources;
pub mod workshop;
