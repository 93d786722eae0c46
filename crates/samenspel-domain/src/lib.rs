//! Samenspel's domain core: pure types and rules, no I/O.
//!
//! Everything that reaches this crate has been parsed into a type that can only hold valid
//! values ("parse, don't validate"); the storage, use-case and web layers depend on it, never
//! the other way round.

pub mod account;
pub mod attachment;
pub mod audit;
pub mod auth;
pub mod collaboration;
pub mod congruence;
pub mod control;
pub mod error;
pub mod iv3;
pub mod keyed;
pub mod map;
pub mod medebewind;
pub mod messages;
pub mod money;
pub mod moore;
pub mod org;
pub mod overview;
pub mod paging;
pub mod participation;
pub mod partnership;
pub mod people;
pub mod regeling;
pub mod rules;
mod schema;
pub mod search;
pub mod signals;
pub mod spreadsheet;
pub mod staat;
pub mod survey;
pub mod text;
pub mod transitions;
pub mod udo;
pub mod wgr;

pub use error::{FieldError, ValidationErrors};
pub use messages::Message;
