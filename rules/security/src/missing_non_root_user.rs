use lashing_rule::{declare_rule, Context, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports a service with no `user:`, at the service name: it runs as whatever user its image chose, which for most images is root. (`user: root` written out is `root-user`.) Off by default: part of the `hardening` category.
    ///
    /// ## Why is this bad?
    /// Root in a container is one kernel bug or one mistaken mount away from root on the host. Setting a uid in the compose file makes the choice visible and reviewable.
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
    ///     user: "1000:1000"
    /// ```
    ///
    /// ## References
    /// - OWASP Docker Security Cheat Sheet, rule 2: set a user.
    /// - CIS Docker Benchmark v1.6.0, 4.1: ensure that a user for the container has been created.
    pub struct MissingNonRootUser {
        code: "L706",
        name: "missing-non-root-user",
        category: Hardening,
        severity: Info,
        default_enabled: false,
        fixable: No,
        summary: "The service does not set a non-root user",
    }
}

impl Rule for MissingNonRootUser {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        crate::hardening::missing_non_root_user(cx);
    }
}
