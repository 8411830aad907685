use lashing_rule::{declare_rule, Context, PerDefinition, Report, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports `logging.driver: none`.
    ///
    /// ## Why is this bad?
    /// Docker discards everything the container writes to stdout and stderr:
    /// `docker compose logs` shows nothing, and after an incident there is no
    /// record of what the service did.
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   app:
    ///     image: example/app:1.4
    ///     logging:
    ///       driver: none
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// services:
    ///   app:
    ///     image: example/app:1.4
    ///     logging:
    ///       driver: local
    ///       options:
    ///         max-size: 10m
    /// ```
    ///
    /// ## References
    /// - OWASP Docker Security Cheat Sheet, rule 10: keep the Docker daemon logging level at `info` (keep logs).
    pub struct LoggingDisabled {
        code: "L618",
        name: "logging-disabled",
        category: Security,
        severity: Warning,
        default_enabled: true,
        fixable: No,
        summary: "The container's logs are discarded",
    }
}

impl Rule for LoggingDisabled {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let mut found = PerDefinition::new();
        for service in crate::containers(cx) {
            let Some(driver) = &service.runtime.logging_driver else {
                continue;
            };
            if driver.value.trim() != "none" {
                continue;
            }
            found.add(driver.span, driver.via, &service.name.value, || {
                Report::new(
                    driver.span,
                    "`driver: none` discards everything the container writes: no logs to read after an incident",
                )
                .label("logs discarded")
                .help("remove `driver: none`, or keep the logs small with `driver: local` and `options: {max-size: 10m}`")
            });
        }
        found.report_all(cx);
    }
}
