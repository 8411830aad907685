//! The Compose model: what lashing's rules read.
//!
//! A compose file becomes a [`ComposeFile`] whose attributes are normalised (short and
//! long syntaxes, list and map forms) and whose every value is [`Spanned`]: it knows
//! the file and byte range it was written at and, when it reached a service through an
//! anchor or merge key, the place it was used from.

mod build;
pub mod dotenv;
pub mod interpolation;
pub mod merge;
pub mod model;
pub mod ports;
mod reader;
mod runtime;
mod service;
mod short_syntax;
mod spanned;
pub mod tree;

#[cfg(test)]
mod props;

pub use build::{build_compose_file, build_model, BuiltFile};
pub use model::*;
pub use spanned::{InterpolatedText, Spanned, TextOrigin};
