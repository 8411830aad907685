//! What a rule is: metadata, documentation and a `check` over the project.
//!
//! A rule never formats output and never sets its own code, name or docs link: it
//! reports a [`Report`] through the [`Context`], which stamps the metadata and the
//! configured severity.

mod context;
mod environment;
mod excerpt;
mod meta;
mod per_definition;
mod project;
mod suggest;

pub use context::{Context, Report};
pub use environment::{EnvSource, ProjectEnv, VarOrigin, Variable};
pub use excerpt::excerpt;
pub use lashing_diagnostics::Severity;
pub use lashing_syntax::Span;
pub use meta::{Category, Fixable, RuleMeta};
pub use per_definition::PerDefinition;
pub use project::{FileRole, LoadProblem, LoadedDocument, LoadedFile, Project, SchemaProblem};
pub use suggest::{did_you_mean, edit_distance};

/// A lint rule. Implementations are unit structs declared with [`declare_rule!`].
pub trait Rule: Sync + Send {
    fn meta(&self) -> &'static RuleMeta;
    fn check(&self, cx: &mut Context<'_>);
}

/// Declares a rule's struct and metadata, taking its documentation from the doc
/// comment (which must have the sections `## What it does`, `## Why is this bad?`,
/// `## Example` and `## Use instead`):
///
/// ```ignore
/// declare_rule! {
///     /// ## What it does
///     /// ...
///     pub struct ObsoleteVersion {
///         code: "L104",
///         name: "obsolete-version",
///         category: Schema,
///         severity: Warning,
///         default_enabled: true,
///         fixable: No,
///         summary: "Top-level `version` is obsolete",
///     }
/// }
/// ```
#[macro_export]
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])+
        pub struct $name:ident {
            code: $code:literal,
            name: $rule:literal,
            category: $category:ident,
            severity: $severity:ident,
            default_enabled: $enabled:literal,
            fixable: $fixable:ident,
            summary: $summary:literal $(,)?
        }
    ) => {
        $(#[doc = $doc])+
        #[derive(Debug, Clone, Copy, Default)]
        pub struct $name;

        impl $name {
            pub const META: $crate::RuleMeta = $crate::RuleMeta {
                code: $code,
                name: $rule,
                category: $crate::Category::$category,
                severity: $crate::Severity::$severity,
                default_enabled: $enabled,
                fixable: $crate::Fixable::$fixable,
                summary: $summary,
                docs: concat!($($doc, "\n"),+),
            };
        }
    };
}
