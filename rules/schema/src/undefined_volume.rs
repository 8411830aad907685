use lashing_compose::MountType;
use lashing_rule::{declare_rule, Context, Rule, RuleMeta};

use crate::undefined_resource::check_reference;

declare_rule! {
    /// ## What it does
    /// Reports a named volume that a service mounts (`data:/var/lib/x`, or long syntax
    /// `type: volume` with a `source`) but the top-level `volumes:` does not declare.
    /// Host paths (`./data`, `/srv/data`, `~/x`) are bind mounts and need no
    /// declaration.
    ///
    /// ## Why is this bad?
    /// Compose refuses the project: `service "db" refers to undefined volume pgdata`.
    /// Often the name is a typo of a declared volume, or a host path missing its
    /// `./`.
    ///
    /// ## Example
    /// ```yaml
    /// services:
    ///   db:
    ///     image: postgres:16
    ///     volumes:
    ///       - pgdata:/var/lib/postgresql/data
    /// ```
    ///
    /// ## Use instead
    /// ```yaml
    /// services:
    ///   db:
    ///     image: postgres:16
    ///     volumes:
    ///       - pgdata:/var/lib/postgresql/data
    /// volumes:
    ///   pgdata: {}
    /// ```
    pub struct UndefinedVolume {
        code: "L107",
        name: "undefined-volume",
        category: Schema,
        severity: Error,
        default_enabled: true,
        fixable: No,
        summary: "A service mounts a named volume the top level does not declare",
    }
}

impl Rule for UndefinedVolume {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &mut Context<'_>) {
        let model = cx.model();
        for service in &model.services {
            for mount in &service.volumes {
                if mount.value.kind != MountType::Volume {
                    continue;
                }
                if let Some(source) = &mount.value.source {
                    check_reference(cx, service.name.as_str(), source, &model.volumes, "volume");
                }
            }
        }
    }
}
