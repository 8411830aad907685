use lashing_rule::{declare_rule, Context, Rule, RuleMeta};

use crate::capabilities::{report_added, Group};

declare_rule! {
    /// ## What it does
    /// Reports `cap_add: SYSLOG`.
    ///
    /// ## Why is this bad?
    /// The kernel log is not namespaced: it shows kernel addresses (which defeat KASLR) and messages about the host and other containers.
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   app:
    ///     image: example/app:1.4
    ///     cap_add: [SYSLOG]
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
    pub struct CapabilityDisclosure {
        code: "L607",
        name: "capability-disclosure",
        category: Security,
        severity: Warning,
        default_enabled: true,
        fixable: No,
        summary: "A capability added that discloses kernel or host information",
    }
}

impl Rule for CapabilityDisclosure {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        report_added(cx, Group::Disclosure, "capability_disclosure2");
    }
}
