use lashing_rule::{declare_rule, Context, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports a service without `read_only: true`, at the service name, or at `read_only: false` when it is written. Off by default: part of the `hardening` category.
    ///
    /// ## Why is this bad?
    /// A writable root filesystem lets an attacker who gets code execution change the image's programs and configuration, and hide tools in it. With `read_only: true`, the writable places are the volumes and `tmpfs` mounts you list.
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
    ///     read_only: true
    ///     tmpfs:
    ///       - /tmp
    /// ```
    ///
    /// ## References
    /// - OWASP Docker Security Cheat Sheet, rule 8: set filesystem and volumes to read-only.
    /// - CIS Docker Benchmark v1.6.0, 5.13: ensure that the container's root filesystem is mounted as read only.
    pub struct MissingReadOnly {
        code: "L702",
        name: "missing-read-only",
        category: Hardening,
        severity: Info,
        default_enabled: false,
        fixable: No,
        summary: "The container's root filesystem is writable",
    }
}

impl Rule for MissingReadOnly {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        crate::hardening::missing_read_only(cx);
    }
}
