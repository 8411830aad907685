use lashing_compose::Condition;
use lashing_rule::{declare_rule, Context, Report, Rule, RuleMeta};

use crate::readiness::{dependencies_waiting_for, has_healthcheck, suggested_test};

declare_rule! {
    /// ## What it does
    /// Reports `condition: service_healthy` on a dependency that has no healthcheck,
    /// or whose healthcheck is turned off (`disable: true`, `test: ["NONE"]`).
    /// Services built from a local Dockerfile are not reported: their image may
    /// define a `HEALTHCHECK` lashing cannot see.
    ///
    /// ## Why is this bad?
    /// `docker compose up` fails with `dependency failed to start: container db has
    /// no healthcheck configured` unless the image itself defines one.
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   api:
    ///     image: example/api:1.0
    ///     depends_on:
    ///       db:
    ///         condition: service_healthy
    ///   db:
    ///     image: postgres:16
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// services:
    ///   api:
    ///     image: example/api:1.0
    ///     depends_on:
    ///       db:
    ///         condition: service_healthy
    ///   db:
    ///     image: postgres:16
    ///     healthcheck:
    ///       test: ["CMD-SHELL", "pg_isready -U postgres"]
    /// ```
    pub struct HealthyWithoutHealthcheck {
        code: "L302",
        name: "healthy-without-healthcheck",
        category: Startup,
        severity: Warning,
        default_enabled: true,
        fixable: No,
        summary: "`service_healthy` on a dependency without a healthcheck",
    }
}

impl Rule for HealthyWithoutHealthcheck {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let graph = cx.graph();
        for (node, dependency, target_id) in dependencies_waiting_for(graph, Condition::Healthy) {
            let target = graph.service(target_id);
            if has_healthcheck(target.service) || target.service.build.is_some() {
                continue;
            }
            let dep = target.name();
            let state = match &target.service.healthcheck {
                Some(_) => "has its healthcheck turned off",
                None => "has no healthcheck",
            };
            let help = match target.data_service.and_then(suggested_test) {
                    Some(test) => format!("give `{dep}` a healthcheck: `test: {test}`"),
                    None => format!(
                        "give `{dep}` a healthcheck, or wait with `condition: service_started` if its image defines none"
                    ),
                };
            let primary = dependency
                .condition
                .as_ref()
                .map_or(dependency.service.use_site(), |c| c.use_site());
            let mut report = Report::new(
                    primary,
                    format!(
                        "`{}` waits for `{dep}` to be healthy, but `{dep}` {state}: `up` fails unless its image defines one",
                        node.name()
                    ),
                )
                .label("needs a healthcheck on the dependency")
                .help(help)
                .service(node.name());
            if let Some(check) = &target.service.healthcheck {
                report = report.related(check.key, "turned off here");
            } else {
                report =
                    report.related(target.service.name.span, format!("`{dep}` is defined here"));
            }
            cx.report(report);
        }
    }
}
