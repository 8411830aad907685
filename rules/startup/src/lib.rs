//! Startup order and health: what starts before what, and whether it is ready.

mod dependency_cycle;
mod depends_on_not_healthy;
mod healthcheck_exec_form_shell;
mod healthcheck_invalid_test;
mod healthcheck_unescaped_dollar;
mod healthy_without_healthcheck;
mod readiness;
mod undefined_dependency;

pub use dependency_cycle::DependencyCycle;
pub use depends_on_not_healthy::DependsOnNotHealthy;
pub use healthcheck_exec_form_shell::HealthcheckExecFormShell;
pub use healthcheck_invalid_test::HealthcheckInvalidTest;
pub use healthcheck_unescaped_dollar::HealthcheckUnescapedDollar;
pub use healthy_without_healthcheck::HealthyWithoutHealthcheck;
pub use undefined_dependency::UndefinedDependency;

use lashing_rule::Rule;

/// The rules of this crate, in code order.
pub static RULES: &[&dyn Rule] = &[
    &DependsOnNotHealthy,
    &HealthyWithoutHealthcheck,
    &HealthcheckUnescapedDollar,
    &HealthcheckExecFormShell,
    &HealthcheckInvalidTest,
    &UndefinedDependency,
    &DependencyCycle,
];
