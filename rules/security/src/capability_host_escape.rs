use lashing_rule::{declare_rule, Context, Rule, RuleMeta};

use crate::capabilities::{report_added, Group};

declare_rule! {
    /// ## What it does
    /// Reports `cap_add` of `SYS_ADMIN`, `SYS_MODULE`, `SYS_RAWIO` or `DAC_READ_SEARCH`.
    ///
    /// ## Why is this bad?
    /// Each of these is a known way out of the container: `SYS_ADMIN` mounts the host disk or abuses the cgroup release agent, `SYS_MODULE` loads code into the host kernel, `SYS_RAWIO` reaches host memory, and `DAC_READ_SEARCH` opens host files by handle (the "Shocker" escape).
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   app:
    ///     image: example/app:1.4
    ///     cap_add: [SYS_ADMIN]
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// services:
    ///   app:
    ///     image: example/app:1.4
    ///     cap_drop: [ALL]
    /// ```
    ///
    /// ## References
    /// - OWASP Docker Security Cheat Sheet, rule 3: limit capabilities.
    /// - CIS Docker Benchmark v1.6.0, 5.4: ensure that Linux kernel capabilities are restricted within containers.
    pub struct CapabilityHostEscape {
        code: "L604",
        name: "capability-host-escape",
        category: Security,
        severity: Error,
        default_enabled: true,
        fixable: No,
        summary: "A capability added that is enough to run code as root on the host",
    }
}

impl Rule for CapabilityHostEscape {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        report_added(cx, Group::HostCodeExecution, "capability_host_escape2");
    }
}
