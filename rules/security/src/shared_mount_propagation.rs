use lashing_rule::{declare_rule, Context, PerDefinition, Report, Rule, RuleMeta};

declare_rule! {
    /// ## What it does
    /// Reports a bind mount with `shared` or `rshared` propagation (`:rshared` in the
    /// short syntax, `bind.propagation: shared` in the long one).
    ///
    /// ## Why is this bad?
    /// With shared propagation, mounts made inside the container under that path
    /// appear on the host, and the other way round: a container that can mount
    /// (with `SYS_ADMIN`) changes what the host sees. Docker's default, `rprivate`,
    /// keeps them apart; `rslave` lets host mounts in without letting the
    /// container's out.
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   storage:
    ///     image: example/storage:1.0
    ///     volumes:
    ///       - /mnt/data:/data:rshared
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// services:
    ///   storage:
    ///     image: example/storage:1.0
    ///     volumes:
    ///       - /mnt/data:/data:rslave
    /// ```
    ///
    /// ## References
    /// - CIS Docker Benchmark v1.6.0, 5.20: ensure mount propagation mode is not set to shared.
    pub struct SharedMountPropagation {
        code: "L620",
        name: "shared-mount-propagation",
        category: Security,
        severity: Warning,
        default_enabled: true,
        fixable: No,
        summary: "A bind mount propagates mounts back to the host",
    }
}

impl Rule for SharedMountPropagation {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let mut found = PerDefinition::new();
        for service in crate::containers(cx) {
            for mount in &service.volumes {
                let Some(propagation) = &mount.value.propagation else {
                    continue;
                };
                let mode = propagation.value.trim();
                if mode != "shared" && mode != "rshared" {
                    continue;
                }
                found.add(propagation.span, propagation.via.or(mount.via), &service.name.value, || {
                    Report::new(
                        propagation.span,
                        format!("`{mode}` propagation makes mounts made in the container under this path appear on the host"),
                    )
                    .label("shared with the host")
                    .help("remove it (Docker's default is `rprivate`), or use `rslave` if host mounts must reach the container")
                });
            }
        }
        found.report_all(cx);
    }
}
