use lashing_rule::{declare_rule, Context, PerDefinition, Report, Rule, RuleMeta};

use crate::capabilities::normalise;

declare_rule! {
    /// ## What it does
    /// Reports `cap_add: [ALL]`.
    ///
    /// ## Why is this bad?
    /// It gives the container every Linux capability, `SYS_ADMIN` and `SYS_MODULE`
    /// among them: root in the container is then root on the host in all but name,
    /// as with `privileged: true` without the devices.
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   agent:
    ///     image: example/agent:1.4
    ///     cap_add: [ALL]
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// services:
    ///   agent:
    ///     image: example/agent:1.4
    ///     cap_drop: [ALL]
    ///     cap_add: [NET_BIND_SERVICE]
    /// ```
    ///
    /// ## References
    /// - OWASP Docker Security Cheat Sheet, rule 3: limit capabilities.
    /// - CIS Docker Benchmark v1.6.0, 5.4: ensure that Linux kernel capabilities are restricted within containers.
    pub struct CapabilityAll {
        code: "L603",
        name: "capability-all",
        category: Security,
        severity: Error,
        default_enabled: true,
        fixable: No,
        summary: "`cap_add: ALL` gives the container every capability",
    }
}

impl Rule for CapabilityAll {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let mut found = PerDefinition::new();
        for service in crate::containers(cx) {
            for item in &service.runtime.cap_add {
                if normalise(&item.value) != "ALL" {
                    continue;
                }
                found.add(item.span, item.via, &service.name.value, || {
                    Report::new(
                        item.span,
                        "`cap_add: ALL` gives the container every Linux capability, which makes root in it root on the host",
                    )
                    .label("every capability")
                    .help("add only the capabilities the service needs (often none), and drop the rest with `cap_drop: [ALL]`")
                });
            }
        }
        found.report_all(cx);
    }
}
