//! The Compose Specification schema, expressed as Rust tables ([`spec`]), and a
//! validator ([`validate`]) that reports every violation of a Compose document, each
//! at its own node, in Compose terms.

pub mod spec;
mod validate;

pub use validate::{validate, Violation, ViolationKind};
