//! Findings, and the renderers that turn them into what users read.
//!
//! Rules build [`Finding`]s through the rule context; renderers receive findings and
//! the [`SourceMap`](lashing_syntax::SourceMap), never YAML. miette is used only in
//! `render/full.rs`, behind lashing's own types, so it can be replaced without touching
//! a rule.

mod finding;
pub mod fingerprint;
pub mod render;

pub use finding::{Finding, Label, Severity, Summary, Suppression, SuppressionKind};
