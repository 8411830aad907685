use lashing_rule::{declare_rule, Context, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports a service whose `cap_drop` does not include `ALL`, at `cap_drop` when it is written, else at the service name. Off by default: part of the `hardening` category.
    ///
    /// ## Why is this bad?
    /// Docker leaves 14 capabilities to every container (`NET_RAW`, `DAC_OVERRIDE`, `SETUID`, `MKNOD`...), most of which a service never uses and an attacker can. Dropping all and adding back what is needed is least privilege.
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
    ///     cap_drop: [ALL]
    /// ```
    ///
    /// ## References
    /// - OWASP Docker Security Cheat Sheet, rule 3: limit capabilities.
    /// - CIS Docker Benchmark v1.6.0, 5.4: ensure that Linux kernel capabilities are restricted within containers.
    pub struct MissingCapDropAll {
        code: "L703",
        name: "missing-cap-drop-all",
        category: Hardening,
        severity: Info,
        default_enabled: false,
        fixable: No,
        summary: "The service keeps Docker's default capabilities",
    }
}

impl Rule for MissingCapDropAll {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        crate::hardening::missing_cap_drop_all(cx);
    }
}
