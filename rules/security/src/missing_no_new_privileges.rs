use lashing_rule::{declare_rule, Context, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports a service without `security_opt: [no-new-privileges:true]`, at the service name, or at `no-new-privileges:false` when it is written. Off by default: part of the `hardening` category.
    ///
    /// ## Why is this bad?
    /// Without it, a process in the container can gain privileges through setuid binaries (`sudo`, `su`) or file capabilities. Entrypoints that drop root to a user (`gosu`, `su-exec`) keep working.
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
    ///     security_opt:
    ///       - no-new-privileges:true
    /// ```
    ///
    /// ## References
    /// - OWASP Docker Security Cheat Sheet, rule 4: prevent in-container privilege escalation.
    /// - CIS Docker Benchmark v1.6.0, 5.26: ensure that the container is restricted from acquiring additional privileges.
    pub struct MissingNoNewPrivileges {
        code: "L701",
        name: "missing-no-new-privileges",
        category: Hardening,
        severity: Info,
        default_enabled: false,
        fixable: No,
        summary: "The service does not set `no-new-privileges`",
    }
}

impl Rule for MissingNoNewPrivileges {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        crate::hardening::missing_no_new_privileges(cx);
    }
}
