//! Startup order and health: what starts before what, and whether it is ready.

mod dependency_cycle;
mod undefined_dependency;

pub use dependency_cycle::DependencyCycle;
pub use undefined_dependency::UndefinedDependency;

use lashing_rule::Rule;

/// The rules of this crate, in code order.
pub static RULES: &[&dyn Rule] = &[&UndefinedDependency, &DependencyCycle];
