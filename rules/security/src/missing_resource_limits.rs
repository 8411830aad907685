use lashing_rule::{declare_rule, Context, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports a service with no memory limit (`mem_limit` or `deploy.resources.limits.memory`) or no process-count limit (`pids_limit` or `deploy.resources.limits.pids`), at the service name. Off by default: part of the `hardening` category.
    ///
    /// ## Why is this bad?
    /// One runaway or compromised container can take all the host's memory or fork until no process can start, taking every other service down with it.
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   app:
    ///     image: example/app:1.4
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// services:
    ///   app:
    ///     image: example/app:1.4
    ///     deploy:
    ///       resources:
    ///         limits:
    ///           memory: 512M
    ///           pids: 200
    /// ```
    ///
    /// ## References
    /// - OWASP Docker Security Cheat Sheet, rule 7: limit resources.
    /// - CIS Docker Benchmark v1.6.0: 5.11 (memory) and 5.29 (PIDs cgroup limit).
    pub struct MissingResourceLimits {
        code: "L704",
        name: "missing-resource-limits",
        category: Hardening,
        severity: Info,
        default_enabled: false,
        fixable: No,
        summary: "The service has no memory or process-count limit",
    }
}

impl Rule for MissingResourceLimits {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        crate::hardening::missing_resource_limits(cx);
    }
}
