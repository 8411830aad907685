use lashing_rule::{declare_rule, Context, Rule, RuleMeta};

use crate::capabilities::{report_added, Group};

declare_rule! {
    /// ## What it does
    /// Reports `cap_add` of capabilities that change or observe what the host and every container share: `NET_ADMIN`, `BPF`, `SYS_BOOT`, `SYS_TIME`, `PERFMON`, `MAC_ADMIN`, `MAC_OVERRIDE`, `AUDIT_CONTROL`.
    ///
    /// ## Why is this bad?
    /// None of these is namespaced: `NET_ADMIN` rewrites routes and firewall rules and can sniff other containers on a shared network, `SYS_TIME` sets the host clock, `SYS_BOOT` reboots the host. A VPN or router container may need `NET_ADMIN`; most services do not.
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   app:
    ///     image: example/app:1.4
    ///     cap_add: [NET_ADMIN]
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
    pub struct CapabilityHostReach {
        code: "L605",
        name: "capability-host-reach",
        category: Security,
        severity: Warning,
        default_enabled: true,
        fixable: No,
        summary: "A capability added that reaches state shared with the host",
    }
}

impl Rule for CapabilityHostReach {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        report_added(cx, Group::HostReach, "capability_host_reach2");
    }
}
