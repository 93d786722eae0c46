//! The Uitvoerbaarheidstoets decentrale overheden (UDO) as a dossier that cannot skip a step
//! (DOMAIN.md §6; issue 14). Pure functions over parsed types; storage, pages and the API
//! build on these.

pub mod allocation;
pub mod consultation;
pub mod cosign;
pub mod dashboard;
pub mod dossier;
pub mod financial;
pub mod kompas;
pub mod memorandum;
pub mod normenkader;
pub mod publication;
pub mod woo;
pub mod workflow;
