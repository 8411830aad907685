use lashing_rule::{declare_rule, Context, Rule, RuleMeta};

use crate::capabilities::{report_added, Group};

declare_rule! {
    /// ## What it does
    /// Reports `cap_add` of `SYS_NICE`, `SYS_RESOURCE`, `IPC_LOCK`, `LEASE`, `BLOCK_SUSPEND` or `WAKE_ALARM`.
    ///
    /// ## Why is this bad?
    /// They lift the limits that keep one container from starving the others: real-time priority above host processes, memory locked against reclaim, quotas exceeded.
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   app:
    ///     image: example/app:1.4
    ///     cap_add: [SYS_NICE]
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
    pub struct CapabilityHostAvailability {
        code: "L606",
        name: "capability-host-availability",
        category: Security,
        severity: Warning,
        default_enabled: true,
        fixable: No,
        summary: "A capability added that lets the container starve or stall the host",
    }
}

impl Rule for CapabilityHostAvailability {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        report_added(cx, Group::HostAvailability, "capability_host_availability2");
    }
}
