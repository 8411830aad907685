use lashing_rule::{declare_rule, Context, PerDefinition, Report, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports `privileged: true`, also when it comes from an anchor, an override
    /// file or a `${VAR:-true}` default.
    ///
    /// ## Why is this bad?
    /// A privileged container has every capability, every host device, and no
    /// seccomp or AppArmor confinement: root in it can mount the host's disk and
    /// take over the host. It is never needed just to bind a low port or write a
    /// volume.
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   worker:
    ///     image: example/worker:2.1
    ///     privileged: true
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// services:
    ///   worker:
    ///     image: example/worker:2.1
    ///     cap_drop: [ALL]
    ///     cap_add: [NET_BIND_SERVICE]
    /// ```
    ///
    /// ## References
    /// - OWASP Docker Security Cheat Sheet, rule 3: limit capabilities (do not run containers with `--privileged`).
    /// - CIS Docker Benchmark v1.6.0, 5.5: ensure that privileged containers are not used.
    pub struct Privileged {
        code: "L602",
        name: "privileged",
        category: Security,
        severity: Error,
        default_enabled: true,
        fixable: No,
        summary: "The container runs privileged",
    }
}

impl Rule for Privileged {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let mut found = PerDefinition::new();
        for service in crate::containers(cx) {
            let Some(value) = &service.runtime.privileged else {
                continue;
            };
            if !value.value {
                continue;
            }
            found.add(value.span, value.via, &service.name.value, || {
                Report::new(
                    value.span,
                    "`privileged: true` gives the container every capability and every host device, with no seccomp or AppArmor confinement: root in it is root on the host",
                )
                .label("privileged")
                .help("remove `privileged: true` and add only the capabilities (`cap_add`) or devices (`devices`) the service needs")
            });
        }
        found.report_all(cx);
    }
}
