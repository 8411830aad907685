use lashing_compose::{Condition, Service};
use lashing_graph::{ProjectGraph, ServiceId};
use lashing_rule::{declare_rule, Context, Report, Rule, RuleMeta};

use crate::readiness::{
    dependencies_waiting_for, has_healthcheck, healthcheck_disabled, suggested_test,
};

declare_rule! {
    /// ## What it does
    /// Reports a `depends_on` entry that waits only for the container to start (the
    /// short list form, or `condition: service_started`) when the dependency has a
    /// healthcheck or is a data store (postgres, mysql, redis, ...). Not reported
    /// when another dependency already waits for that service to be healthy
    /// (`api` → `kafka` (healthy) → `zookeeper` (healthy) makes `api` → `zookeeper`
    /// safe).
    ///
    /// ## Why is this bad?
    /// `service_started` releases the dependent service the moment the dependency's
    /// container starts. A database then still initialises for seconds, and the app
    /// crashes on its first connection, or worse, runs its migrations against
    /// nothing. `condition: service_healthy` waits until the healthcheck passes.
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   api:
    ///     image: example/api:1.0
    ///     depends_on: [db]
    ///   db:
    ///     image: postgres:16
    ///     healthcheck:
    ///       test: ["CMD-SHELL", "pg_isready -U postgres"]
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
    pub struct DependsOnNotHealthy {
        code: "L301",
        name: "depends-on-not-healthy",
        category: Startup,
        severity: Warning,
        default_enabled: true,
        fixable: No,
        summary: "A service waits for a dependency to start, not to be ready",
    }
}

impl Rule for DependsOnNotHealthy {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let graph = cx.graph();
        for (node, dependency, target_id) in dependencies_waiting_for(graph, Condition::Started) {
            let target = graph.service(target_id);
            let healthcheck = has_healthcheck(target.service);
            let data = target
                .data_service
                .filter(|_| !healthcheck_disabled(target.service));
            if !healthcheck && data.is_none() {
                continue;
            }
            if healthy_through_another_dependency(graph, node.service, target_id) {
                continue;
            }
            let name = node.name();
            let dep = target.name();
            let (reason, help) = match (healthcheck, data) {
                    (true, _) => (
                        format!("`{dep}` has a healthcheck that says when it is ready"),
                        format!("wait for it: `depends_on: {{{dep}: {{condition: service_healthy}}}}`"),
                    ),
                    (false, Some(data)) => (
                        format!("`{dep}` runs {}, which accepts connections only after it has initialised", data.name),
                        match suggested_test(data) {
                            Some(test) => format!(
                                "give `{dep}` a healthcheck (`test: {test}`) and wait for it with `condition: service_healthy`"
                            ),
                            None => format!(
                                "give `{dep}` a healthcheck and wait for it with `condition: service_healthy`"
                            ),
                        },
                    ),
                    (false, None) => continue,
                };
            let (primary, label) = match &dependency.condition {
                Some(condition) => (
                    condition.use_site(),
                    "only waits for the container to start",
                ),
                None => (
                    dependency.service.use_site(),
                    "waits for the container to start, not to be ready",
                ),
            };
            let mut report = Report::new(
                    primary,
                    format!("`{name}` starts as soon as `{dep}` has started, not when it is ready: {reason}"),
                )
                .label(label)
                .help(help)
                .service(name);
            if let Some(check) = &target.service.healthcheck {
                if healthcheck {
                    report = report.related(check.key, format!("`{dep}`'s healthcheck"));
                }
            }
            cx.report(report);
        }
    }
}

/// Whether `dependent` already waits, through another of its dependencies, for a
/// service that waits for `target` to be healthy: Compose starts a service only
/// once its own conditions hold, so `target` is then healthy anyway.
fn healthy_through_another_dependency(
    graph: &ProjectGraph<'_>,
    dependent: &Service,
    target: ServiceId,
) -> bool {
    // Bounded walk: projects have tens of services; a generated one must not make
    // this quadratic.
    const MAX_VISITS: usize = 4096;
    let mut seen = vec![false; graph.services.len()];
    let mut stack: Vec<ServiceId> = dependent
        .depends_on
        .iter()
        .filter_map(|d| graph.service_id(d.service.as_str()))
        .filter(|&id| id != target)
        .collect();
    let mut visits = 0;
    while let Some(id) = stack.pop() {
        if std::mem::replace(&mut seen[id], true) {
            continue;
        }
        visits += 1;
        if visits > MAX_VISITS {
            return false;
        }
        for dependency in &graph.service(id).service.depends_on {
            let Some(next) = graph.service_id(dependency.service.as_str()) else {
                continue;
            };
            if next == target {
                if dependency.condition() == Some(Condition::Healthy) {
                    return true;
                }
            } else {
                stack.push(next);
            }
        }
    }
    false
}
