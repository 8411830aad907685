use lashing_rule::{declare_rule, excerpt, Context, PerDefinition, Report, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports `user: root`, `user: "0"` or `user: "0:0"` (any group): a service
    /// that explicitly runs as root, overriding the user its image chose. An
    /// informational finding; a service with no `user:` is the hardening rule
    /// `missing-non-root-user`.
    ///
    /// ## Why is this bad?
    /// Root in a container is one kernel bug or one mistaken mount away from root
    /// on the host. Setting it explicitly often papers over a file-permission
    /// problem that a matching uid would fix.
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   grafana:
    ///     image: grafana/grafana:11.2.0
    ///     user: root
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// services:
    ///   grafana:
    ///     image: grafana/grafana:11.2.0
    ///     user: "472:0"
    /// ```
    ///
    /// ## References
    /// - OWASP Docker Security Cheat Sheet, rule 2: set a user.
    /// - CIS Docker Benchmark v1.6.0, 4.1: ensure that a user for the container has been created.
    pub struct RootUser {
        code: "L622",
        name: "root-user",
        category: Security,
        severity: Info,
        default_enabled: true,
        fixable: No,
        summary: "The service explicitly runs as root",
    }
}

impl Rule for RootUser {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let mut found = PerDefinition::new();
        for service in crate::containers(cx) {
            let Some(user) = &service.runtime.user else {
                continue;
            };
            if !crate::is_root_user(&user.value) {
                continue;
            }
            found.add(user.span, user.via, &service.name.value, || {
                Report::new(
                    user.span,
                    format!("`user: {}` runs the service as root, overriding the user its image chose", excerpt(user.value.trim())),
                )
                .label("root")
                .help("remove `user:` to keep the image's user, or set a non-root uid that owns the paths the service writes (`user: \"1000:1000\"`)")
            });
        }
        found.report_all(cx);
    }
}
