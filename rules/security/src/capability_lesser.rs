use lashing_rule::{declare_rule, Context, Rule, RuleMeta};

use crate::capabilities::{report_added, Group};

declare_rule! {
    /// ## What it does
    /// Reports `cap_add` of capabilities outside Docker's default set that grant less than the other `capability-*` rules cover: `SYS_PTRACE`, `LINUX_IMMUTABLE`, `IPC_OWNER` and similar. Off by default.
    ///
    /// ## Why is this bad?
    /// Each is a grant the image did not ask for by default; `SYS_PTRACE` with `pid: host` inspects every process on the host. Debuggers and profilers need some of these; a production service rarely does.
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   app:
    ///     image: example/app:1.4
    ///     cap_add: [SYS_PTRACE]
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
    pub struct CapabilityLesser {
        code: "L608",
        name: "capability-lesser",
        category: Security,
        severity: Info,
        default_enabled: false,
        fixable: No,
        summary: "A narrower capability added beyond Docker's default set",
    }
}

impl Rule for CapabilityLesser {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        report_added(cx, Group::Lesser, "capability_lesser2");
    }
}
